"""Every turn of a referral's state machine, and every refusal."""

import pytest

from perhekeskus.access import Forbidden
from perhekeskus.events.models import Event
from perhekeskus.referrals import services
from perhekeskus.referrals.models import Kind, ReferralStep, State

from .factories import draft


@pytest.fixture
def w(referral_world):
    return referral_world


def new(w, **kwargs):
    # Inside the county: from family social work to the family counselling clinic.
    return draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.other_unit,
        persons=[w.oskar],
        **kwargs,
    )


def sent(w, **kwargs):
    referral = new(w, **kwargs)
    services.referral_send(actor=w.social_worker, referral=referral)
    return referral


def test_a_draft_is_sent_and_the_event_names_the_receiver_without_names(w):
    referral = new(w)
    assert referral.state == State.DRAFT
    assert not Event.objects.filter(type="referral.sent").exists()
    services.referral_send(actor=w.social_worker, referral=referral)
    assert referral.state == State.SENT and referral.sent_at is not None
    assert referral.disclosure_basis == "same organisation"
    event = Event.objects.get(type="referral.sent")
    assert event.attrs == {
        "kind": "referral",
        "receiver_kind": "family_counselling",
        "receiver_sector": "social_care",
    }
    assert event.family_pseudonym and "Lindqvist" not in str(event.attrs)
    step = referral.steps.get()
    assert (step.from_state, step.to_state, step.by) == ("draft", "sent", w.social_worker)


def test_accepted_then_done_with_a_summary(w):
    referral = sent(w)
    services.referral_accept(actor=w.stranger, referral=referral, note="Otetaan vastaan.")
    assert referral.state == State.ACCEPTED and referral.handler == w.stranger
    with pytest.raises(services.ReferralError, match="summary"):
        services.referral_done(actor=w.stranger, referral=referral, summary="   ")
    services.referral_done(actor=w.stranger, referral=referral, summary="Kolme tapaamista.")
    assert referral.state == State.DONE and referral.closed_at is not None
    assert list(referral.steps.values_list("to_state", flat=True)) == ["sent", "accepted", "done"]
    assert referral.steps.get(to_state="done").reason == "Kolme tapaamista."
    types = list(Event.objects.order_by("occurred_at").values_list("type", "attrs"))
    assert types[-2:] == [
        ("referral.accepted", {"kind": "referral"}),
        ("referral.done", {"kind": "referral"}),
    ]
    assert Event.objects.get(type="referral.done").unit_id == w.other_unit.pk


def test_declining_needs_a_reason(w):
    referral = sent(w)
    with pytest.raises(services.ReferralError, match="reason"):
        services.referral_decline(actor=w.stranger, referral=referral, reason="")
    assert referral.state == State.SENT
    services.referral_decline(actor=w.stranger, referral=referral, reason="Ei kuulu meille.")
    assert referral.state == State.DECLINED
    assert Event.objects.filter(type="referral.declined", attrs={"kind": "referral"}).exists()


@pytest.mark.parametrize("reach", ["draft", "sent", "accepted"])
def test_withdrawing_from_draft_sent_or_accepted_needs_a_reason(w, reach):
    referral = new(w) if reach == "draft" else sent(w)
    if reach == "accepted":
        services.referral_accept(actor=w.stranger, referral=referral)
    with pytest.raises(services.ReferralError, match="reason"):
        services.referral_withdraw(actor=w.social_worker, referral=referral, reason=" ")
    services.referral_withdraw(actor=w.social_worker, referral=referral, reason="Perhe muutti.")
    assert referral.state == State.WITHDRAWN and referral.closed_at is not None
    # A draft never reached anyone: no event for the knowledge layer.
    assert Event.objects.filter(type="referral.withdrawn").exists() == (reach != "draft")


def test_accepting_a_withdrawn_referral_is_refused_with_a_clear_message(w):
    referral = sent(w)
    services.referral_withdraw(actor=w.social_worker, referral=referral, reason="Ei tarvita.")
    with pytest.raises(services.ReferralError) as refused:
        services.referral_accept(actor=w.stranger, referral=referral)
    assert refused.value.messages == [
        "Only a sent referral can be accepted; this one is withdrawn."
    ]
    assert referral.state == State.WITHDRAWN
    assert not Event.objects.filter(type="referral.accepted").exists()


@pytest.mark.parametrize(
    ("setup", "step", "message"),
    [
        ("sent", "send", "Only a draft can be sent; this referral is sent."),
        ("draft", "accept", "Only a sent referral can be accepted; this one is draft."),
        ("draft", "decline", "Only a sent referral can be declined; this one is draft."),
        ("sent", "done", "Only an accepted referral can be marked done; this one is sent."),
        ("accepted", "decline", "Only a sent referral can be declined; this one is accepted."),
        ("declined", "accept", "Only a sent referral can be accepted; this one is declined."),
        ("declined", "withdraw", "This referral is declined: it can no longer be withdrawn."),
        ("done", "withdraw", "This referral is done: it can no longer be withdrawn."),
        ("done", "done", "Only an accepted referral can be marked done; this one is done."),
        ("withdrawn", "send", "Only a draft can be sent; this referral is withdrawn."),
        ("withdrawn", "withdraw", "This referral is withdrawn: it can no longer be withdrawn."),
    ],
)
def test_every_transition_checks_the_state_it_starts_from(w, setup, step, message):
    referral = new(w)
    if setup != "draft":
        if setup == "withdrawn":
            services.referral_withdraw(actor=w.social_worker, referral=referral, reason="Pois.")
        else:
            services.referral_send(actor=w.social_worker, referral=referral)
    if setup in ("accepted", "done"):
        services.referral_accept(actor=w.stranger, referral=referral)
    if setup == "done":
        services.referral_done(actor=w.stranger, referral=referral, summary="Tehty.")
    if setup == "declined":
        services.referral_decline(actor=w.stranger, referral=referral, reason="Ei.")
    steps_before = ReferralStep.objects.count()
    calls = {
        "send": lambda: services.referral_send(actor=w.social_worker, referral=referral),
        "accept": lambda: services.referral_accept(actor=w.stranger, referral=referral),
        "decline": lambda: services.referral_decline(
            actor=w.stranger, referral=referral, reason="Ei."
        ),
        "done": lambda: services.referral_done(actor=w.stranger, referral=referral, summary="x"),
        "withdraw": lambda: services.referral_withdraw(
            actor=w.social_worker, referral=referral, reason="Pois."
        ),
    }
    with pytest.raises(services.ReferralError) as refused:
        calls[step]()
    assert refused.value.messages == [message]
    assert ReferralStep.objects.count() == steps_before


def test_only_the_receiving_unit_answers_and_only_the_sender_side_withdraws(w):
    referral = sent(w)
    for outsider in (w.social_worker, w.nurse, w.ngo_worker, w.manager):
        with pytest.raises(services.ReferralError, match="receiving unit"):
            services.referral_accept(actor=outsider, referral=referral)
    for outsider in (w.stranger, w.nurse):
        with pytest.raises(Forbidden):
            services.referral_withdraw(actor=outsider, referral=referral, reason="Pois.")
    assert referral.state == State.SENT


def test_a_manager_of_the_receiving_unit_is_no_receiver(w):
    """Only roles with client work receive; a manager follows queues, not clients."""
    from perhekeskus.accounts.models import Role
    from perhekeskus.families.tests.world import professional

    boss = professional("esihenkilo", w.other_unit, Role.MANAGER)
    referral = sent(w)
    with pytest.raises(services.ReferralError):
        services.referral_accept(actor=boss, referral=referral)


def test_drafts_are_validated(w):
    assert new(w).state == State.DRAFT
    with pytest.raises(services.ReferralError, match="whom"):
        draft(
            actor=w.social_worker, matter=w.lindqvist_matter, receiver_unit=w.other_unit, persons=[]
        )
    with pytest.raises(services.ReferralError, match="members of this family"):
        draft(
            actor=w.social_worker,
            matter=w.lindqvist_matter,
            receiver_unit=w.other_unit,
            persons=[w.aino],
        )
    with pytest.raises(services.ReferralError, match="another unit"):
        draft(
            actor=w.social_worker,
            matter=w.lindqvist_matter,
            receiver_unit=w.social_work,
            persons=[w.oskar],
        )
    with pytest.raises(services.ReferralError, match="summary"):
        new(w, sections=["summary"], summary="  ")
    with pytest.raises(services.ReferralError, match="sections"):
        new(w, sections=["everything"])
    with pytest.raises(services.ReferralError, match="what you ask"):
        new(w, question="")
    with pytest.raises(services.ReferralError, match="statutory ground"):
        new(w, statutory_ground="lsl-99")
    with pytest.raises(services.ReferralError, match="whose home"):
        new(w, kind=Kind.MOBILE_TEAM, team_composition=["teacher"])
    with pytest.raises(services.ReferralError, match="who the team"):
        new(w, kind=Kind.MOBILE_TEAM, visit_person=w.oskar, team_composition=["pilot"])
    with pytest.raises(Forbidden):
        draft(
            actor=w.nurse, matter=w.lindqvist_matter, receiver_unit=w.other_unit, persons=[w.oskar]
        )


def test_a_stale_edit_of_a_draft_is_refused_showing_the_other_version(w):
    referral = new(w)
    opened_at = referral.version
    services.referral_update(
        actor=w.social_worker, referral=referral, version=opened_at, question="Ensimmäinen muutos"
    )
    with pytest.raises(services.StaleReferral) as stale:
        services.referral_update(
            actor=w.social_worker, referral=referral, version=opened_at, question="Toinen muutos"
        )
    assert stale.value.current.question == "Ensimmäinen muutos"
    referral.refresh_from_db()
    assert referral.question == "Ensimmäinen muutos"


def test_a_sent_referral_can_no_longer_be_edited(w):
    referral = sent(w)
    with pytest.raises(services.ReferralError, match="Only a draft can be changed"):
        services.referral_update(
            actor=w.social_worker, referral=referral, version=referral.version, question="Muutos"
        )


def test_a_draft_of_a_closed_matter_is_not_sent(w):
    from django.utils import timezone

    referral = new(w)
    matter = w.lindqvist_matter
    matter.state, matter.closed_at, matter.closure_reason = "closed", timezone.now(), "need_met"
    matter.save()
    with pytest.raises(services.ReferralError, match="The matter is closed"):
        services.referral_send(actor=w.social_worker, referral=referral)
    # Withdrawing it is still possible: nothing is left hanging.
    services.referral_withdraw(actor=w.social_worker, referral=referral, reason="Asia päättyi.")
    assert referral.state == State.WITHDRAWN
