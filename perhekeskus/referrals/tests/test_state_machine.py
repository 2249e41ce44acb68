"""Any sequence of steps: allowed ones move the referral as the table says,
the others are refused with the state unchanged and no step recorded."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perhekeskus.referrals import services
from perhekeskus.referrals.models import State

from .factories import draft

# state → step → the state it leads to
MACHINE = {
    State.DRAFT: {"send": State.SENT, "withdraw": State.WITHDRAWN},
    State.SENT: {
        "accept": State.ACCEPTED,
        "decline": State.DECLINED,
        "withdraw": State.WITHDRAWN,
    },
    State.ACCEPTED: {"done": State.DONE, "withdraw": State.WITHDRAWN},
    State.DECLINED: {},
    State.DONE: {},
    State.WITHDRAWN: {},
}
STEPS = ["send", "accept", "decline", "done", "withdraw"]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(st.sampled_from(STEPS), min_size=1, max_size=6))
def test_any_sequence_of_steps_follows_the_machine(referral_world, steps):
    w = referral_world
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.other_unit,
        persons=[w.oskar],
    )
    calls = {
        "send": lambda: services.referral_send(actor=w.social_worker, referral=referral),
        "accept": lambda: services.referral_accept(actor=w.stranger, referral=referral),
        "decline": lambda: services.referral_decline(
            actor=w.stranger, referral=referral, reason="Ei meille."
        ),
        "done": lambda: services.referral_done(
            actor=w.stranger, referral=referral, summary="Tehty."
        ),
        "withdraw": lambda: services.referral_withdraw(
            actor=w.social_worker, referral=referral, reason="Ei tarvita."
        ),
    }
    expected = State.DRAFT
    for step in steps:
        steps_before = referral.steps.count()
        if step in MACHINE[expected]:
            calls[step]()
            expected = MACHINE[expected][step]
            assert referral.steps.count() == steps_before + 1
        else:
            with pytest.raises(services.ReferralError) as refused:
                calls[step]()
            assert refused.value.code == "state"
            assert referral.steps.count() == steps_before
        referral.refresh_from_db()
        assert referral.state == expected
        assert (referral.closed_at is None) == (
            expected in (State.DRAFT, State.SENT, State.ACCEPTED)
        )
