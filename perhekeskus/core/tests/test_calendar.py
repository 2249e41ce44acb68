"""The Finnish working-day calendar: holidays, the eves, counting from day 0."""

from datetime import date, timedelta

import pytest
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from perhekeskus.core.calendar import (
    add_months,
    add_working_days,
    is_working_day,
    midsummer_eve,
    next_working_day,
    working_days_between,
)

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))
counts = st.integers(min_value=1, max_value=80)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 1),  # New Year's Day
        date(2026, 1, 6),  # Epiphany
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 6),  # Easter Monday
        date(2026, 5, 1),  # May Day
        date(2026, 5, 14),  # Ascension Day
        date(2026, 6, 19),  # Midsummer Eve
        date(2025, 12, 24),  # Christmas Eve (a Wednesday)
        date(2025, 12, 25),
        date(2025, 12, 26),
        date(2024, 12, 6),  # Independence Day on a Friday
        date(2026, 11, 21),  # a Saturday
        date(2026, 11, 22),  # a Sunday
    ],
)
def test_days_that_are_not_working_days(day):
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 11, 23),
        date(2026, 6, 18),
        date(2026, 6, 22),
        date(2025, 12, 23),
        date(2026, 4, 7),
    ],
)
def test_ordinary_weekdays_are_working_days(day):
    assert is_working_day(day)


def test_midsummer_eve_is_the_friday_between_19_and_25_june():
    assert midsummer_eve(2026) == date(2026, 6, 19)
    assert midsummer_eve(2027) == date(2027, 6, 25)
    assert midsummer_eve(2025) == date(2025, 6, 20)


@given(st.integers(min_value=1950, max_value=2100))
def test_midsummer_eve_property(year):
    eve = midsummer_eve(year)
    assert eve.weekday() == 4 and eve.month == 6 and 19 <= eve.day <= 25


@override_settings(WORKING_DAY_EXTRA_DAYS_OFF=[])
def test_without_extra_days_off_the_eves_are_working_days():
    assert is_working_day(date(2026, 6, 19))
    assert is_working_day(date(2025, 12, 24))
    assert not is_working_day(date(2025, 12, 25))


@override_settings(WORKING_DAY_EXTRA_DAYS_OFF=["christmas_eve", "12-31"])
def test_extra_days_off_are_configurable():
    assert is_working_day(date(2026, 6, 19))  # Midsummer Eve left out
    assert not is_working_day(date(2025, 12, 24))
    assert not is_working_day(date(2025, 12, 31))


@override_settings(WORKING_DAY_EXTRA_DAYS_OFF=["02-29"])
def test_a_leap_day_off_is_only_off_in_leap_years():
    assert not is_working_day(date(2028, 2, 29))
    assert is_working_day(date(2027, 3, 1))


@override_settings(WORKING_DAY_EXTRA_DAYS_OFF=["boxing_night"])
def test_an_unknown_day_off_is_refused():
    with pytest.raises(ValueError, match="boxing_night"):
        is_working_day(date(2026, 3, 3))


def test_friday_before_midsummer():
    # Thursday 18 June 2026: Friday is Midsummer Eve, Saturday Midsummer Day.
    assert add_working_days(date(2026, 6, 18), 1) == date(2026, 6, 22)
    # Pending on Midsummer Eve itself: day 0, the count starts on Monday.
    assert add_working_days(date(2026, 6, 19), 7) == date(2026, 6, 30)
    # Pending on Friday 12 June: 15, 16, 17, 18, 22, 23, 24 June.
    assert add_working_days(date(2026, 6, 12), 7) == date(2026, 6, 24)


def test_pending_on_23_december():
    # 2025: 24–26 Dec off, then 29, 30, 31 Dec, 2 Jan, 5 Jan, 7 Jan (6 Jan Epiphany), 8 Jan.
    assert add_working_days(date(2025, 12, 23), 7) == date(2026, 1, 8)
    assert working_days_between(date(2025, 12, 23), date(2026, 1, 8)) == 7


def test_over_easter():
    # Thursday before Easter 2026: Good Friday 3 April and Easter Monday 6 April are off.
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)
    assert add_working_days(date(2026, 4, 2), 7) == date(2026, 4, 15)


def test_day_zero_is_not_counted():
    monday = date(2026, 11, 23)
    assert add_working_days(monday, 1) == date(2026, 11, 24)
    assert add_working_days(monday, 0) == monday
    assert working_days_between(monday, monday) == 0


def test_negative_count_is_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 11, 23), -1)


@given(days, counts)
def test_nth_working_day_is_a_working_day_strictly_after_start(start, n):
    end = add_working_days(start, n)
    assert end > start
    assert is_working_day(end)


@given(days, counts)
def test_exactly_n_working_days_between(start, n):
    end = add_working_days(start, n)
    assert working_days_between(start, end) == n
    # The day before the deadline has one fewer counted.
    assert working_days_between(start, end - timedelta(days=1)) == n - 1


@given(days, days, counts)
def test_monotonic_in_start_date(a, b, n):
    first, second = sorted((a, b))
    assert add_working_days(first, n) <= add_working_days(second, n)


@given(days, counts, counts)
def test_monotonic_in_count_and_additive(start, m, n):
    assert add_working_days(start, m) < add_working_days(start, m + n)
    assert add_working_days(add_working_days(start, m), n) == add_working_days(start, m + n)


@given(days, st.integers(min_value=0, max_value=200))
def test_between_counts_working_days_in_the_interval(start, length):
    end = start + timedelta(days=length)
    expected = sum(1 for i in range(1, length + 1) if is_working_day(start + timedelta(days=i)))
    assert working_days_between(start, end) == expected
    assert working_days_between(end, start) == 0


@given(days)
def test_next_working_day(day):
    found = next_working_day(day)
    assert found >= day and is_working_day(found)
    assert all(not is_working_day(day + timedelta(days=i)) for i in range((found - day).days))


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2025, 11, 30), date(2026, 2, 28)),
        (date(2027, 11, 30), date(2028, 2, 29)),  # leap year
        (date(2026, 5, 31), date(2026, 8, 31)),
        (date(2026, 3, 31), date(2026, 6, 30)),
        (date(2026, 10, 15), date(2027, 1, 15)),  # over the turn of the year
    ],
)
def test_add_months_at_month_end(start, expected):
    assert add_months(start, 3) == expected


@given(days, st.integers(min_value=0, max_value=36))
def test_add_months_properties(start, months):
    end = add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    assert end.day <= start.day
    # Either the same day number or the last day of a shorter month.
    assert end.day == start.day or (end + timedelta(days=1)).day == 1
