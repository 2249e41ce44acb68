"""Every indicator against figures counted by hand from a small set of events,
through the roll-up (what the dashboards read) and through the per-row
reference alike."""

import datetime

import pytest

from perhekeskus.insight.aggregate import Column, aggregate_in_python
from perhekeskus.insight.definitions import INDICATORS
from perhekeskus.insight.periods import Grain, Period, periods_between
from perhekeskus.insight.selectors import region_columns, region_tables
from perhekeskus.insight.services import refresh_rollup

from .factories import EventFactory, local

pytestmark = pytest.mark.django_db

JAN, FEB, MAR = 0, 1, 2
F1, F2, F3, F4 = "f1" * 16, "f2" * 16, "f3" * 16, "f4" * 16


def e(type_, town, when, task="", family="", **attrs):
    return EventFactory(
        type=type_,
        municipality=town,
        occurred_at=when,
        service_task=task,
        family_pseudonym=family,
        attrs=attrs,
    )


@pytest.fixture
def events(town_a, town_b):
    a, b = town_a, town_b
    jan, feb, mar = local(2025, 1), local(2025, 2), local(2025, 3)
    # Contacts: the last half hour of January in Finnish time is January, the
    # first half hour of February is February (both are 31 January in UTC).
    for _ in range(2):
        e("contact.received", a, jan)
    e("contact.received", a, datetime.datetime(2025, 1, 31, 23, 30, tzinfo=jan.tzinfo))
    e("contact.received", a, datetime.datetime(2025, 2, 1, 0, 30, tzinfo=jan.tzinfo))
    e("contact.received", b, jan)
    e("contact.received", b, jan)
    e("contact.received", None, jan)  # no municipality: in no region
    # Hours to the first answer.
    for hours in (2, 4, 10):
        e("contact.answered", a, jan, hours_to_answer=hours)
    for hours in (1, 3.5):
        e("contact.answered", b, jan, hours_to_answer=hours)
    # Matters.
    e("matter.opened", a, mar, "family_social_work", F1, urgent=False)
    e("matter.opened", a, mar, "child_welfare", F4, urgent=True)
    # Assessments: the deadline applies to four started in January in A, three
    # of them by the seventh working day (the day itself counts as on time).
    for days in (0, 5, 7, 8):
        e(
            "assessment.started",
            a,
            jan,
            "family_social_work",
            F1,
            deadline_applies=True,
            within_deadline=days <= 7,
            working_days=days,
        )
    for _ in range(2):
        e(
            "assessment.started",
            a,
            jan,
            "family_social_work",
            F1,
            deadline_applies=False,
            within_deadline=False,
            working_days=2,
        )
    e(
        "assessment.completed",
        b,
        feb,
        "family_social_work",
        F2,
        deadline_applies=True,
        within_deadline=True,
    )
    e(
        "assessment.completed",
        b,
        feb,
        "family_social_work",
        F2,
        deadline_applies=True,
        within_deadline=False,
    )
    # Families by service task.
    e("appointment.held", a, jan, "early_support", F1, mode="office")
    e("appointment.held", a, jan, "family_work", F1, mode="home")
    e("appointment.held", a, jan, "family_counselling", F2, mode="office")
    e("appointment.held", a, jan, "child_health", F3, mode="office")  # universal: neither group
    e("appointment.held", b, jan, "family_social_work", F1, mode="office")  # F1 in both towns
    e("appointment.held", a, feb, "early_support", F1, mode="office")
    e("worker.assigned", a, feb, "child_welfare", F4, change=False)
    e("team.member_added", a, feb, "child_welfare", F4, sector="social_care", basis="relationship")
    e("appointment.held", a, feb, "therapy", F1, mode="office")  # therapy: neither group
    # Plan actions by provider.
    for provider in ("ngo", "ngo", "parish", "wellbeing_county"):
        e(
            "plan.action_delivered",
            a,
            jan,
            "family_social_work",
            F1,
            kind="service",
            provider_kind=provider,
        )
    # Referrals and consultations.
    for kind in ("referral", "consultation", "consultation", "mobile_team"):
        e("referral.sent", a, jan, "family_social_work", F1, kind=kind)
    e("referral.accepted", a, jan, "family_social_work", F1, kind="referral")
    # Appointments booked.
    for mode in ("video", "phone", "office", "home"):
        e("appointment.booked", a, jan, "family_social_work", F2, mode=mode)
    return a, b


# (indicator, column: 0 = A, 1 = B, 2 = region; period: JAN/FEB/MAR or None = whole) → value
EXPECTED = {
    ("contacts", 0, JAN): 3,
    ("contacts", 0, FEB): 1,
    ("contacts", 1, JAN): 2,
    ("contacts", 2, JAN): 5,
    ("contacts", 2, None): 6,
    ("answer_hours", 0, JAN): 4,
    ("answer_hours", 1, JAN): 2.25,
    ("answer_hours", 2, JAN): 3.5,
    ("answer_hours", 2, FEB): None,
    ("matters_opened", 0, MAR): 2,
    ("matters_opened", 2, None): 2,
    ("assessments_started_on_time", 0, JAN): 75.0,
    ("assessments_started_on_time", 2, None): 75.0,
    ("assessments_completed_on_time", 1, FEB): 50.0,
    ("assessments_completed_on_time", 0, FEB): None,
    ("families_early_support", 0, JAN): 2,
    ("families_early_support", 1, JAN): 1,
    ("families_early_support", 2, JAN): 2,
    ("families_early_support", 0, FEB): 1,
    ("families_early_support", 0, None): 2,
    ("families_early_support", 2, None): 2,
    ("families_child_welfare", 0, FEB): 1,
    ("families_child_welfare", 0, MAR): 1,
    ("families_child_welfare", 0, None): 1,
    ("families_child_welfare", 0, JAN): 0,
    ("plan_actions_ngo", 0, JAN): 2,
    ("plan_actions_parish", 0, JAN): 1,
    ("referrals", 0, JAN): 1,
    ("consultations", 0, JAN): 2,
    ("mobile_team_requests", 0, JAN): 1,
    ("remote_appointments", 0, JAN): 2,
    ("remote_share", 0, JAN): 50.0,
}

BASES = {
    ("answer_hours", 2, JAN): 5,
    ("assessments_started_on_time", 0, JAN): 4,
    ("assessments_completed_on_time", 1, FEB): 2,
    ("remote_share", 0, JAN): 4,
}


def quarter_2025() -> list[Period]:
    return periods_between(datetime.date(2025, 1, 1), datetime.date(2025, 3, 31), Grain.MONTH)


def test_every_indicator_has_a_hand_computed_expectation():
    assert {code for code, _c, _p in EXPECTED} == {i.code for i in INDICATORS}


@pytest.mark.parametrize("path", ["rollup", "per_row"])
def test_indicators_match_the_hand_computed_figures(events, region, path):
    periods = quarter_2025()
    if path == "rollup":
        refresh_rollup()
        tables = region_tables(region, periods).tables
    else:
        tables = region_tables(region, periods, aggregator=aggregate_in_python).tables
    for (code, column, period), expected in EXPECTED.items():
        row = len(periods) if period is None else period
        cell = tables[code].cells[row][column]
        assert cell.value == expected, (code, column, period, cell)
    for (code, column, period), base in BASES.items():
        assert tables[code].cells[period][column].base == base


def test_quarters_and_years_count_distinct_families_over_the_whole_span(events, region):
    refresh_rollup()
    periods = periods_between(datetime.date(2025, 1, 1), datetime.date(2025, 3, 31), Grain.QUARTER)
    tables = region_tables(region, periods).tables
    assert tables["families_early_support"].cells[0][2].value == 2
    assert tables["contacts"].cells[0][2].value == 6


def test_the_rollup_adds_new_events_once_and_follows_new_definitions(events, region, town_a):
    periods = quarter_2025()
    refresh_rollup()
    assert refresh_rollup() == 0  # nothing new
    e("contact.received", town_a, local(2025, 1))
    assert refresh_rollup() >= 1
    tables = region_tables(region, periods).tables
    assert tables["contacts"].cells[JAN][0].value == 4

    from perhekeskus.insight.models import RollupState

    RollupState.objects.update(definitions="changed")
    refresh_rollup()
    assert region_tables(region, periods).tables["contacts"].cells[JAN][0].value == 4


def test_region_columns_and_reference_agree_on_random_looking_data(events, region):
    columns, total = region_columns(region)
    periods = quarter_2025()
    refresh_rollup()
    from perhekeskus.insight.aggregate import aggregate_rollup

    by_rollup = aggregate_rollup([*columns, total], periods).as_comparable()
    by_rows = aggregate_in_python([*columns, total], periods).as_comparable()
    assert by_rollup == by_rows
    assert isinstance(total, Column)
