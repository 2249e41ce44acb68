"""Statutory deadlines and the responsible worker's qualification."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.core import rules
from perhekeskus.core.calendar import add_months, is_working_day, working_days_between
from perhekeskus.core.rules import Deadlines, assessment_deadlines, responsible_worker_capability
from perhekeskus.families.models import ServiceTask

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))


def test_statutory_numbers():
    assert rules.ASSESSMENT_START_WORKING_DAYS == 7  # SHL §36.2
    assert rules.ASSESSMENT_COMPLETE_MONTHS == 3  # SHL §36.3
    assert rules.CHILD_WELFARE_CASELOAD_LIMIT == 30  # LSL §13b
    assert rules.CONTACT_ANSWER_WORKING_DAYS == 2  # the family centre's own promise
    assert rules.SUPPRESSION_THRESHOLD == 5
    assert rules.CHILD_WELFARE_SERVICE_TASK == ServiceTask.CHILD_WELFARE


def test_special_support_on_the_friday_before_midsummer():
    deadlines = assessment_deadlines(date(2026, 6, 12), special_support=True)
    assert deadlines == Deadlines(
        start_by=date(2026, 6, 24),
        complete_by=date(2026, 9, 14),  # 12 September is a Saturday
        statutory=True,
        source=rules.SOURCE_SPECIAL_SUPPORT,
    )
    assert "§36" in deadlines.source


def test_special_support_on_23_december():
    deadlines = assessment_deadlines(date(2025, 12, 23), special_support=True)
    assert deadlines.start_by == date(2026, 1, 8)
    assert deadlines.complete_by == date(2026, 3, 23)


def test_special_support_over_easter():
    deadlines = assessment_deadlines(date(2026, 4, 2), special_support=True)
    assert deadlines.start_by == date(2026, 4, 15)
    assert deadlines.complete_by == date(2026, 7, 2)


def test_three_months_from_30_november_ends_at_february_end_or_next_working_day():
    # 28 February 2026 is a Saturday: the limit moves to Monday 2 March (150/1930 §5).
    assert assessment_deadlines(date(2025, 11, 30), special_support=True).complete_by == date(
        2026, 3, 2
    )
    # 29 February 2028 is a Tuesday.
    assert assessment_deadlines(date(2027, 11, 30), special_support=True).complete_by == date(
        2028, 2, 29
    )


def test_urgent_special_support_starts_the_same_day():
    deadlines = assessment_deadlines(date(2026, 11, 23), special_support=True, urgent=True)
    assert deadlines.start_by == date(2026, 11, 23)
    assert deadlines.complete_by == date(2027, 2, 23)
    assert deadlines.statutory


def test_urgent_without_special_support():
    deadlines = assessment_deadlines(date(2026, 11, 22), special_support=False, urgent=True)
    assert deadlines == Deadlines(date(2026, 11, 22), None, True, rules.SOURCE_URGENT)


def test_unit_target_is_not_statutory():
    deadlines = assessment_deadlines(
        date(2026, 11, 23), special_support=False, unit_target_working_days=10
    )
    assert deadlines.start_by == date(2026, 12, 7)  # 6 December is a Sunday
    assert deadlines.complete_by is None
    assert not deadlines.statutory


def test_no_target_no_dated_deadline():
    deadlines = assessment_deadlines(date(2026, 11, 23), special_support=False)
    assert (deadlines.start_by, deadlines.complete_by, deadlines.statutory) == (None, None, False)


def test_negative_unit_target_is_refused():
    with pytest.raises(ValueError):
        assessment_deadlines(date(2026, 11, 23), special_support=False, unit_target_working_days=-1)


@given(days)
def test_special_support_properties(pending_on):
    deadlines = assessment_deadlines(pending_on, special_support=True)
    assert deadlines.statutory
    assert is_working_day(deadlines.start_by)
    assert working_days_between(pending_on, deadlines.start_by) == 7
    assert is_working_day(deadlines.complete_by)
    three_months = add_months(pending_on, 3)
    assert three_months <= deadlines.complete_by < three_months + timedelta(days=10)
    assert deadlines.start_by < deadlines.complete_by


@given(days, days)
def test_deadlines_are_monotonic_in_the_pending_day(a, b):
    first, second = sorted((a, b))
    one = assessment_deadlines(first, special_support=True)
    two = assessment_deadlines(second, special_support=True)
    assert one.start_by <= two.start_by
    assert one.complete_by <= two.complete_by


@given(days, st.booleans())
def test_urgent_is_never_later_than_not_urgent(pending_on, special_support):
    urgent = assessment_deadlines(pending_on, special_support=special_support, urgent=True)
    assert urgent.start_by == pending_on
    assert urgent.statutory


@pytest.mark.parametrize(
    ("service_task", "special_support", "expected"),
    [
        (ServiceTask.CHILD_WELFARE, False, Capability.BE_RESPONSIBLE_WORKER_CHILD_WELFARE),
        (ServiceTask.FAMILY_SOCIAL_WORK, True, Capability.BE_RESPONSIBLE_WORKER_CHILD_WELFARE),
        (ServiceTask.FAMILY_SOCIAL_WORK, False, Capability.BE_RESPONSIBLE_WORKER),
        (ServiceTask.FAMILY_WORK, False, Capability.BE_RESPONSIBLE_WORKER),
    ],
)
def test_responsible_worker_capability(service_task, special_support, expected):
    assert (
        responsible_worker_capability(service_task=service_task, special_support=special_support)
        == expected
    )


def test_accessibility_feedback_is_answered_within_14_days_moved_off_days_off():
    from perhekeskus.core.rules import accessibility_feedback_due

    # Tuesday 1 December 2026 + 14 days = Tuesday 15 December.
    assert accessibility_feedback_due(date(2026, 12, 1)) == date(2026, 12, 15)
    # Saturday 12 December + 14 = Saturday 26 December (St Stephen's Day):
    # the next working day is Monday 28 December.
    assert accessibility_feedback_due(date(2026, 12, 12)) == date(2026, 12, 28)
