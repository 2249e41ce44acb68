"""The receiver sees only the shared sections; every read is logged; the
mobile team's address follows the security prohibition's masking rules."""

import pytest

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.referrals import services
from perhekeskus.referrals.access import REFERRAL_BASIS
from perhekeskus.referrals.models import Kind, Section, TeamRole

from .factories import draft


@pytest.fixture
def w(referral_world):
    return referral_world


def head():
    return AccessLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def send_to_counselling(w, **kwargs):
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.other_unit,
        persons=[w.maria, w.oskar],
        **kwargs,
    )
    services.referral_send(actor=w.social_worker, referral=referral)
    return referral


def page(client, user, referral):
    client.force_login(user)
    return client.get(f"/en/referrals/received/{referral.pk}/")


def test_the_receiver_sees_the_summary_but_not_the_unshared_basic_details(client, w):
    w.maria.phone = "040 123 4567"
    w.maria.save()
    referral = send_to_counselling(
        w, sections=[Section.SUMMARY], summary="Oskar tarvitsee tukea koulunkäyntiin."
    )
    response = page(client, w.stranger, referral)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Oskar tarvitsee tukea koulunkäyntiin." in body
    assert "Maria Lindqvist" in body  # whom it concerns always goes with it
    assert "040 123 4567" not in body
    assert "Salainen katu" not in body
    assert "The family's basic details were not shared." in body


def test_the_receiver_sees_the_basic_details_when_shared_with_the_address_masked(client, w):
    w.maria.phone = "040 123 4567"
    w.maria.save()
    referral = send_to_counselling(w, sections=[Section.FAMILY])
    body = page(client, w.stranger, referral).content.decode()
    assert "040 123 4567" in body
    assert "Salainen katu" not in body  # security prohibition: the receiver has no right
    assert "Address and municipality are not shown." in body


def test_an_unshared_summary_never_reaches_the_receiver(client, w):
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.other_unit,
        persons=[w.oskar],
        summary="Luottamuksellinen muistiinpano",
    )
    services.referral_send(actor=w.social_worker, referral=referral)
    assert not referral.shared.exists()
    assert (
        "Luottamuksellinen muistiinpano" not in page(client, w.stranger, referral).content.decode()
    )


def test_every_read_of_the_receiver_is_logged_with_the_referral_basis(client, w):
    referral = send_to_counselling(w, sections=[Section.FAMILY])
    seq = head()
    page(client, w.stranger, referral)
    entries = AccessLogEntry.objects.filter(seq__gt=seq, actor_id=w.stranger.pk, action="read")
    assert {e.subject_person_id for e in entries} == {w.maria.pk, w.oskar.pk}
    assert {e.basis for e in entries} == {REFERRAL_BASIS}
    assert all(str(referral.pk) in e.basis_detail for e in entries)
    assert all(e.subject_family_id == w.lindqvist.pk for e in entries)


def test_the_inbox_lists_the_waiting_requests_and_logs_the_names_shown(client, w):
    referral = send_to_counselling(w)
    client.force_login(w.stranger)
    seq = head()
    response = client.get("/en/referrals/inbox/")
    assert response.status_code == 200
    assert "Oskar Lindqvist" in response.content.decode()
    listed = AccessLogEntry.objects.filter(seq__gt=seq, action="list", basis=REFERRAL_BASIS)
    assert {e.subject_person_id for e in listed} == {w.maria.pk, w.oskar.pk}
    assert str(referral.pk) in listed.first().target


def test_anyone_else_gets_the_same_404_and_the_refusal_is_logged(client, w):
    referral = send_to_counselling(w)
    for outsider in (w.nurse, w.ngo_worker, w.ot_psychologist):
        seq = head()
        response = page(client, outsider, referral)
        assert response.status_code == 404
        assert (
            b"Oskar Lindqvist" not in response.content
        )  # a made-up user name in the header may be any surname
        assert AccessLogEntry.objects.filter(seq__gt=seq, action="denied").count() == 1
    client.force_login(w.ngo_worker)
    assert b"Oskar Lindqvist" not in client.get("/en/referrals/inbox/").content


def test_a_draft_is_invisible_to_the_receiver(client, w):
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.other_unit,
        persons=[w.oskar],
    )
    assert page(client, w.stranger, referral).status_code == 404


def test_after_declining_the_receiver_sees_the_state_only(client, w):
    referral = send_to_counselling(w, sections=[Section.SUMMARY], summary="Tukea tarvitaan.")
    services.referral_decline(actor=w.stranger, referral=referral, reason="Ei meidän palvelu.")
    seq = head()
    body = page(client, w.stranger, referral).content.decode()
    assert "Tukea tarvitaan." not in body
    assert "Ei meidän palvelu." in body
    entry = AccessLogEntry.objects.filter(seq__gt=seq, action="read").first()
    assert entry.target == "referral received (state only)"


def test_the_sender_sees_the_answer_and_the_receiver_never_the_sender_page(client, w):
    referral = send_to_counselling(w)
    services.referral_decline(actor=w.stranger, referral=referral, reason="Ei meidän palvelu.")
    client.force_login(w.social_worker)
    url = f"/en/casework/matters/{w.lindqvist_matter.pk}/referrals/{referral.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Ei meidän palvelu." in response.content.decode()
    client.force_login(w.stranger)
    assert client.get(url).status_code == 404


def mobile_team(w, receiver_unit):
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=receiver_unit,
        persons=[w.oskar],
        kind=Kind.MOBILE_TEAM,
        visit_person=w.oskar,
        team_composition=[
            TeamRole.SCHOOL_SOCIAL_WORKER,
            TeamRole.MENTAL_HEALTH_WORKER,
            TeamRole.SUBSTANCE_ABUSE_WORKER,
            TeamRole.TEACHER,
        ],
        question="Oskar ei ole käynyt koulussa kahteen viikkoon.",
    )
    services.referral_send(actor=w.social_worker, referral=referral)
    return referral


def test_a_mobile_team_never_sees_an_address_under_a_security_prohibition(client, w):
    referral = mobile_team(w, w.student_welfare)
    assert referral.team_labels() == [
        "school social worker",
        "mental-health worker",
        "substance-abuse worker",
        "teacher",
    ]
    body = page(client, w.school_social_worker, referral).content.decode()
    assert "Salainen katu" not in body and "00500" not in body
    assert "Security prohibition" in body
    assert "Agree on the meeting place with the sender." in body
    assert "substance-abuse worker" in body


def test_the_specific_right_shows_the_address_to_visit(client, w):
    referral = mobile_team(w, w.student_welfare)
    body = page(client, w.protected_reader, referral).content.decode()
    assert "Salainen katu 9" in body


def test_the_address_of_a_person_without_a_prohibition_goes_to_the_team(client, w):
    w.oskar.security_prohibition = False
    w.oskar.save()
    referral = mobile_team(w, w.student_welfare)
    assert "Salainen katu 9" in page(client, w.school_social_worker, referral).content.decode()


def test_reads_of_a_request_from_a_record_hidden_from_the_guardians_are_hidden_too(client, w):
    from django.utils import timezone

    from perhekeskus.casework.models import Matter
    from perhekeskus.families.models import ClientRelationship

    hidden = ClientRelationship.objects.get(unit=w.student_welfare, person=w.aino)
    matter = Matter.objects.create(
        family=w.virtanen,
        unit=w.student_welfare,
        service_task=hidden.service_task,
        pending_at=timezone.now(),
        relationship=hidden,
    )
    referral = draft(
        actor=w.school_social_worker,
        matter=matter,
        receiver_unit=w.other_unit,
        persons=[w.aino],
    )
    services.referral_send(actor=w.school_social_worker, referral=referral)
    seq = head()
    assert page(client, w.stranger, referral).status_code == 200
    entries = AccessLogEntry.objects.filter(seq__gt=seq, actor_id=w.stranger.pk)
    assert entries.count() == 1
    assert entries.get().hidden_from_guardians is True
