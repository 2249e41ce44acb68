"""Contacts after triage and the matter's actions, as the access table says."""

from __future__ import annotations

from django.test import Client

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.casework import services
from perhekeskus.casework.models import Contact, Matter, TeamMember
from perhekeskus.families.models import ServiceTask

from .factories import submit_contact

SITUATION = "Isä juo ja meillä on riitaa joka ilta, tarvitsemme apua."


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _denials() -> int:
    return AccessLogEntry.objects.filter(allowed=False).count()


def test_once_taken_the_queue_s_other_handlers_no_longer_see_the_content(case):
    contact = submit_contact(case, situation=SITUATION, name="Saara Sundström")
    other = _signed_in(case.social_worker)
    before = other.get(f"/en/casework/contacts/{contact.pk}/")
    assert before.status_code == 200 and SITUATION.encode() in before.content

    services.contact_take(actor=case.counsellor, contact=contact)

    denied = _denials()
    after = other.get(f"/en/casework/contacts/{contact.pk}/")
    assert after.status_code == 404
    assert SITUATION.encode() not in after.content and b"Sundstr" not in after.content
    assert _denials() == denied + 1
    # The queue still says it was taken and by whom, without its content or a link.
    queue = other.get("/en/casework/contacts/").content.decode()
    assert contact.reference in queue
    assert f"/casework/contacts/{contact.pk}/" not in queue
    assert "Taken by another worker" in queue
    # The taker reads it and sees the answer form.
    taker = _signed_in(case.counsellor).get(f"/en/casework/contacts/{contact.pk}/")
    assert taker.status_code == 200 and SITUATION.encode() in taker.content
    assert b"Record the answer" in taker.content


def test_only_the_taker_works_on_a_taken_contact(case):
    contact = services.contact_take(actor=case.counsellor, contact=submit_contact(case))
    other = _signed_in(case.social_worker)
    response = other.post(
        f"/en/casework/contacts/{contact.pk}/answer/", {"answer-answer": "Vastaus"}
    )
    assert response.status_code == 404
    contact.refresh_from_db()
    assert contact.state == Contact.State.TAKEN and contact.answer == ""


def test_taking_needs_a_place_in_the_receiving_queue(case):
    contact = submit_contact(case)
    stranger = _signed_in(case.stranger)
    assert stranger.get(f"/en/casework/contacts/{contact.pk}/").status_code == 404
    assert stranger.post(f"/en/casework/contacts/{contact.pk}/take/").status_code == 404
    contact.refresh_from_db()
    assert contact.state == Contact.State.NEW and contact.taken_by is None


def _matter_from_contact(case, contact, *, worker):
    # The social worker takes it from the family centre's queue and opens the matter.
    contact = services.contact_take(actor=case.social_worker, contact=contact)
    services.contact_link_family(actor=case.social_worker, contact=contact, family=case.lindqvist)
    return services.matter_open(
        actor=case.social_worker,
        contact=contact,
        family=case.lindqvist,
        unit=case.social_work,
        service_task=ServiceTask.FAMILY_SOCIAL_WORK,
        special_support=False,
        urgent=False,
        responsible_worker=worker,
    )


def test_after_triage_the_responsible_worker_and_a_full_team_read_it_a_plan_only_member_not(case):
    from perhekeskus.families.tests.world import professional

    contact = submit_contact(case, situation=SITUATION)
    worker = professional("vastuutyontekija", case.social_work, "social_worker")
    matter = _matter_from_contact(case, contact, worker=worker)
    page = _signed_in(worker).get(f"/en/casework/contacts/{contact.pk}/")
    assert page.status_code == 200 and SITUATION.encode() in page.content
    # The responsible worker reads it but does not answer in the taker's place.
    assert b"Record the answer" not in page.content

    for scope, sees in ((TeamMember.Scope.FULL, True), (TeamMember.Scope.PLAN_ONLY, False)):
        member = services.team_add(
            actor=case.social_worker,
            matter=matter,
            user=case.stranger,
            unit=case.other_unit,
            role_in_family="Psykologi",
            scope=scope,
            basis=TeamMember.Basis.RELATIONSHIP,
        )
        response = _signed_in(case.stranger).get(f"/en/casework/contacts/{contact.pk}/")
        assert (response.status_code == 200) is sees, scope
        assert (SITUATION.encode() in response.content) is sees, scope
        services.team_remove(actor=case.social_worker, member=member)


def test_the_professional_who_sent_it_keeps_reading_what_they_sent(case):
    from perhekeskus.casework.models import Contact as ContactModel

    contact = submit_contact(case, situation=SITUATION)
    ContactModel.objects.filter(pk=contact.pk).update(
        referrer=case.teacher, on_behalf=True, basis="child_interest"
    )
    services.contact_take(actor=case.counsellor, contact=contact)
    teacher = _signed_in(case.teacher)
    response = teacher.get(f"/en/casework/contacts/{contact.pk}/")
    assert response.status_code == 200 and SITUATION.encode() in response.content
    assert b"Record the answer" not in response.content


def test_a_plan_only_member_cannot_close_the_matter(case):
    contact = submit_contact(case)
    matter = _matter_from_contact(case, contact, worker=case.social_worker)
    services.team_add(
        actor=case.social_worker,
        matter=matter,
        user=case.stranger,
        unit=case.other_unit,
        role_in_family="Seurakunnan työntekijä",
        scope=TeamMember.Scope.PLAN_ONLY,
        basis=TeamMember.Basis.RELATIONSHIP,
    )
    member = _signed_in(case.stranger)
    page = member.get(f"/en/casework/matters/{matter.pk}/")
    assert page.status_code == 200 and b"Close the matter" not in page.content
    denied = _denials()
    response = member.post(
        f"/en/casework/matters/{matter.pk}/close/",
        {"close-reason": Matter.ClosureReason.values[0], "close-summary": "Suljettu"},
    )
    assert response.status_code == 403
    assert b"does not allow this action" in response.content
    assert _denials() == denied + 1
    matter.refresh_from_db()
    assert matter.state == Matter.State.OPEN
