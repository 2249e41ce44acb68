"""The late-step rule: a reason is required exactly when the due date has passed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from perhekeskus.planning.services import _late_reason

days = st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2035, 12, 31))
reasons = st.one_of(st.just(""), st.just("   "), st.just("\x00"), st.text(min_size=1, max_size=40))


@given(due=st.one_of(st.none(), days), today=days, reason=reasons)
def test_a_reason_is_required_only_after_the_due_date(due, today, reason):
    late = due is not None and today > due
    # NUL bytes are dropped from every text (PostgreSQL cannot store them).
    cleaned = reason.replace("\x00", "").strip()
    if late and not cleaned:
        with pytest.raises(ValidationError):
            _late_reason(due, today, reason, "%(due)s")
        return
    was_late, kept = _late_reason(due, today, reason, "%(due)s")
    assert was_late == late
    assert kept == (cleaned if late else "")
