"""The family centre's promise to answer, on the working-day calendar."""

import datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from perhekeskus.casework.services import answer_due
from perhekeskus.core import calendar, rules

HELSINKI = ZoneInfo("Europe/Helsinki")


@settings(deadline=None)  # the holiday tables are built on first use
@given(
    st.datetimes(
        # Hypothesis takes naive bounds and adds the time zone itself.
        min_value=datetime.datetime(2024, 1, 1),  # noqa: DTZ001
        max_value=datetime.datetime(2030, 12, 31),  # noqa: DTZ001
        timezones=st.just(HELSINKI),
    )
)
def test_a_contact_is_answered_by_the_promised_working_day(received):
    due = answer_due(received)
    assert calendar.is_working_day(due)
    assert calendar.working_days_between(received.date(), due) == (
        rules.CONTACT_ANSWER_WORKING_DAYS
    )


def test_a_contact_on_the_friday_before_midsummer_waits_for_the_holidays():
    # Midsummer Eve 2026 is Friday 19 June: the eve and the weekend are not counted.
    received = datetime.datetime(2026, 6, 18, 15, 0, tzinfo=HELSINKI)
    assert answer_due(received) == datetime.date(2026, 6, 23)
    on_23_december = datetime.datetime(2026, 12, 23, 9, 0, tzinfo=HELSINKI)
    # 24–27 December are off (Christmas Eve, Christmas, Boxing Day, a Sunday).
    assert answer_due(on_23_december) == datetime.date(2026, 12, 29)
