"""The Finnish working-day calendar that every deadline is counted on.

Working days are Monday to Friday, except Finnish public holidays (from the
maintained ``holidays`` library, country FI) and the extra days off named in
the setting ``WORKING_DAY_EXTRA_DAYS_OFF``. By default these are Midsummer Eve
and Christmas Eve: they are not public holidays, but offices are closed and the
Act on the calculation of statutory time limits (150/1930 §5) moves a time
limit ending on either of them to the next working day.

The setting is a list of entries, each either a named movable day
(``"midsummer_eve"``, ``"christmas_eve"``) or a fixed day ``"MM-DD"`` (e.g.
``"12-31"`` for New Year's Eve). An empty list makes both eves working days.

Counting: the start day (the day a matter becomes pending) is day 0 and is not
counted; ``add_working_days(start, 7)`` is the 7th working day after it.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.conf import settings

DEFAULT_EXTRA_DAYS_OFF = ("midsummer_eve", "christmas_eve")

# Days the holidays library lists for Finland but which are not public
# holidays by law; whether they are days off is decided by the setting.
_EVES = ("midsummer_eve", "christmas_eve")


def midsummer_eve(year: int) -> date:
    """Midsummer Eve: the Friday between 19 and 25 June."""
    june_19 = date(year, 6, 19)
    return june_19 + timedelta(days=(4 - june_19.weekday()) % 7)


def _named_day(name: str, year: int) -> date:
    if name == "midsummer_eve":
        return midsummer_eve(year)
    if name == "christmas_eve":
        return date(year, 12, 24)
    raise ValueError(f"Unknown day off {name!r} in WORKING_DAY_EXTRA_DAYS_OFF")


def _extra_days_off_setting() -> tuple[str, ...]:
    value = getattr(settings, "WORKING_DAY_EXTRA_DAYS_OFF", DEFAULT_EXTRA_DAYS_OFF)
    return tuple(value)


def _fixed_day(entry: str, year: int) -> date | None:
    month, _, day = entry.partition("-")
    try:
        month_number, day_number = int(month), int(day)
        return date(year, month_number, day_number)
    except ValueError:
        # 02-29 in a year that has none is simply not a day off that year.
        if (month, day) == ("02", "29"):
            return None
        raise ValueError(f"Bad day off {entry!r} in WORKING_DAY_EXTRA_DAYS_OFF") from None


@lru_cache(maxsize=64)
def _days_off(year: int, extra: tuple[str, ...]) -> frozenset[date]:
    """Weekday days off of one year (weekends are handled separately)."""
    eves = {_named_day(name, year) for name in _EVES}
    public = {day for day in holidays.country_holidays("FI", years=year) if day not in eves}
    for entry in extra:
        if entry in _EVES:
            public.add(_named_day(entry, year))
        else:
            fixed = _fixed_day(entry, year)
            if fixed is not None:
                public.add(fixed)
    return frozenset(day for day in public if day.weekday() < 5)


def days_off(year: int) -> frozenset[date]:
    """The weekdays of ``year`` that are not working days (holidays and extra days off)."""
    return _days_off(year, _extra_days_off_setting())


def is_working_day(day: date) -> bool:
    """Monday–Friday and neither a Finnish public holiday nor a configured day off."""
    return day.weekday() < 5 and day not in days_off(day.year)


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, otherwise the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` (``start`` is day 0, not counted).

    ``days`` must be at least 1; ``add_working_days(start, 0)`` is ``start`` itself.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    remaining = days
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
    if end <= start:
        return 0
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later; the month's last day when it has no such day.

    Act 150/1930 §3: a time limit in months ends on the day of the month with
    the same number as the start day, or on the last day of the month when
    there is none — so 30 November + 3 months is 28 (or 29) February, and
    31 May + 3 months is 31 August.
    """
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    last_day = _stdlib_calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last_day))
