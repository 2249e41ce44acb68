"""Sending to another organisation: the disclosure check, its log, and what the receiver sees."""

import pytest

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.families import services as family_services
from perhekeskus.families.models import ServiceTask
from perhekeskus.referrals import services
from perhekeskus.referrals.models import Section, State

from .factories import draft


@pytest.fixture
def w(referral_world):
    return referral_world


def log_after(seq):
    return AccessLogEntry.objects.filter(seq__gt=seq).order_by("seq")


def head():
    return AccessLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def to_ngo(w, **kwargs):
    return draft(
        actor=w.nurse,
        matter=w.virtanen_matter,
        receiver_unit=w.ngo_unit,
        persons=[w.eetu],
        **kwargs,
    )


def test_sending_to_another_organisation_without_consent_is_refused_and_logged(w):
    referral = to_ngo(w, sections=[Section.FAMILY])
    seq = head()
    with pytest.raises(services.DisclosureRefused) as refused:
        services.referral_send(actor=w.nurse, referral=referral)
    assert refused.value.messages == [
        "Not sent: Eetu Virtanen – Refused: there is no consent in force for this "
        "recipient and data."
    ]
    referral.refresh_from_db()
    assert referral.state == State.DRAFT and referral.sent_at is None
    assert not referral.steps.exists()
    entry = log_after(seq).get()
    assert entry.action == AccessLogEntry.Action.DISCLOSURE_CHECK
    assert entry.allowed is False
    assert entry.subject_person_id == w.eetu.pk
    assert entry.recipient_organization_id == w.ngo.pk


def test_a_consent_to_the_organisation_allows_the_basic_details_and_is_logged(w):
    # Maria consented to share her basic data with the NGO (the world's consent).
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.ngo_unit,
        persons=[w.maria],
        sections=[Section.FAMILY],
    )
    seq = head()
    services.referral_send(actor=w.social_worker, referral=referral)
    assert referral.state == State.SENT
    check, disclosure = log_after(seq)
    assert (check.action, check.allowed) == ("disclosure_check", True)
    assert (disclosure.action, disclosure.allowed, disclosure.basis) == (
        "disclose",
        True,
        "consent",
    )
    assert disclosure.subject_person_id == w.maria.pk
    assert disclosure.recipient_organization_id == w.ngo.pk
    assert "consent" in referral.disclosure_basis


def test_the_consent_covers_basic_data_only_so_a_summary_is_refused(w):
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.ngo_unit,
        persons=[w.maria],
        sections=[Section.FAMILY, Section.SUMMARY],
        summary="Äiti jaksaa huonosti.",
    )
    with pytest.raises(services.DisclosureRefused):
        services.referral_send(actor=w.social_worker, referral=referral)
    assert referral.state == State.DRAFT


def test_a_consent_given_later_lets_the_same_draft_go(w):
    referral = to_ngo(w)
    with pytest.raises(services.DisclosureRefused):
        services.referral_send(actor=w.nurse, referral=referral)
    family_services.consent_give(
        actor=None,
        person=w.eetu,
        given_by=w.anna,
        purpose_task=ServiceTask.EARLY_SUPPORT,
        purpose="Perhekerho",
        data="basic",
        recipient_organization=w.ngo,
        recipient_unit=w.ngo_unit,
    )
    services.referral_send(actor=w.nurse, referral=referral)
    assert referral.state == State.SENT


def test_a_statutory_ground_allows_without_consent_and_is_logged_with_its_source(w):
    referral = to_ngo(w, statutory_ground="shl-35")
    seq = head()
    services.referral_send(actor=w.nurse, referral=referral)
    assert referral.state == State.SENT
    disclosure = log_after(seq).get(action="disclose")
    assert disclosure.basis == "statutory"
    assert disclosure.basis_detail.startswith("SHL 1301/2014 §35")
    assert "SHL 1301/2014 §35" in referral.disclosure_basis


def test_a_prohibition_to_the_organisation_refuses(w):
    family_services.prohibition_add(
        actor=None, person=w.maria, scope="organization", organization=w.ngo
    )
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.ngo_unit,
        persons=[w.maria],
    )
    with pytest.raises(services.DisclosureRefused, match="prohibited"):
        services.referral_send(actor=w.social_worker, referral=referral)


def test_inside_the_same_organisation_no_disclosure_is_checked(w):
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.other_unit,
        persons=[w.oskar],
    )
    seq = head()
    services.referral_send(actor=w.social_worker, referral=referral)
    assert not log_after(seq).filter(action__in=["disclose", "disclosure_check"]).exists()
    assert referral.disclosure_basis == "same organisation"


def test_a_consultation_of_an_ot_centre_goes_with_a_statutory_ground(w):
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.ot_unit,
        persons=[w.oskar],
        kind="consultation",
        statutory_ground="lsl-41",
        sections=[Section.SUMMARY],
        summary="Pyydämme konsultaatiota vaativasta tilanteesta.",
    )
    services.referral_send(actor=w.social_worker, referral=referral)
    services.referral_accept(actor=w.ot_psychologist, referral=referral)
    assert referral.state == State.ACCEPTED
    # The family stays where it is: no client relationship for the OT-centre.
    assert not w.lindqvist.relationships.filter(unit=w.ot_unit).exists()
