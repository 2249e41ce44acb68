"""Who may see, cancel, change and book appointments: the access table's rows.

The world: the Virtanen family's matter at the child health clinic. The
nurse and the second nurse work in the clinic (``relationship``); the nurse
of another clinic and the NGO worker have no part until they are added to
the matter's team with a scope.
"""

import pytest
from django.utils import timezone

from perhekeskus.access import Forbidden
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.access.table import Act, Kind, Part
from perhekeskus.appointments import access, selectors, services
from perhekeskus.appointments.models import Appointment, Mode, State

from .factories import at, book, responsible, team_member

pytestmark = pytest.mark.django_db

NOTE = "Tuokaa neuvolakortti mukaan."


def _video(world, *, actor=None, participants=None, **booking):
    return book(
        world,
        actor=actor or world.nurse,
        mode=Mode.VIDEO,
        note_for_family=NOTE,
        participants=participants or (world.nurse,),
        **booking,
    )


def _cancel(client, appointment, reason="Sairastuin."):
    return client.post(
        f"/appointments/{appointment.pk}/cancel/",
        {"reason": reason, "version": appointment.version},
    )


def _refusals(user, since: int):
    return AccessLogEntry.objects.filter(
        seq__gt=since, actor_id=user.pk, action="denied", allowed=False
    )


def _seq() -> int:
    last = AccessLogEntry.objects.order_by("-seq").first()
    return last.seq if last else 0


# --- The plan-only member --------------------------------------------------------


def test_a_plan_only_participant_neither_sees_the_cancel_button_nor_cancels(appointments, client):
    ngo = appointments.other_nurse
    team_member(appointments, ngo, "plan_only")
    appointment = _video(appointments, participants=(appointments.nurse, ngo))
    client.force_login(ngo)

    page = client.get(f"/appointments/{appointment.pk}/")
    assert page.status_code == 200
    body = page.content.decode()
    assert f"/appointments/{appointment.pk}/cancel/" not in body
    assert f"/appointments/{appointment.pk}/outcome/" not in body

    since = _seq()
    refused = _cancel(client, appointment)
    assert refused.status_code == 403
    assert "omatyöntekijä tai perhe" in refused.content.decode()  # the reason, in Finnish
    appointment.refresh_from_db()
    assert (appointment.state, appointment.cancelled_at) == (State.BOOKED, None)
    refusal = _refusals(ngo, since).get()
    assert (refusal.subject_family_id, refusal.basis_detail) == (
        appointments.virtanen.pk,
        "refused: cancel",
    )


def test_the_service_refuses_a_plan_only_participant_and_logs_it(appointments):
    ngo = appointments.other_nurse
    team_member(appointments, ngo, "plan_only")
    appointment = _video(appointments, participants=(appointments.nurse, ngo))
    since = _seq()
    with pytest.raises(Forbidden):
        services.appointment_cancel_by_professional(
            actor=ngo, appointment=appointment, reason="Ei sovi."
        )
    appointment.refresh_from_db()
    assert appointment.state == State.BOOKED
    assert _refusals(ngo, since).count() == 1


def test_a_plan_only_member_lists_only_the_times_they_take_part_in(appointments, client):
    ngo = appointments.other_nurse
    team_member(appointments, ngo, "plan_only")
    theirs = _video(appointments, participants=(appointments.nurse, ngo))
    others = _video(appointments, starts_at=at(2))
    rows = selectors.my_appointments(ngo)
    assert [a.pk for a in rows] == [theirs.pk]
    assert rows[0].shown == access.Shown(time=True, place=True, participants=True, family=True)
    client.force_login(ngo)
    assert client.get(f"/appointments/{others.pk}/").status_code == 404
    matter_page = client.get(f"/casework/matters/{appointments.matter.pk}/").content.decode()
    assert f"/appointments/{theirs.pk}/" in matter_page
    assert f"/appointments/{others.pk}/" not in matter_page
    # No booking form: a plan-only member may not book.
    assert "booking-starts_at" not in matter_page


# --- Who may cancel -----------------------------------------------------------------


def test_the_booker_cancels_a_colleague_of_the_unit_may_not(appointments, client):
    # Booked by the nurse for the second nurse alone: the nurse is its booker.
    appointment = book(appointments, participants=(appointments.nurse2,))
    client.force_login(appointments.nurse)
    assert _cancel(client, appointment).status_code == 302
    appointment.refresh_from_db()
    assert appointment.state == State.CANCELLED


@pytest.mark.parametrize("who", ["nurse2", "full_member"])
def test_who_sees_everything_but_neither_booked_nor_takes_part_may_not_cancel(
    appointments, client, who
):
    if who == "full_member":
        user = appointments.other_nurse
        team_member(appointments, user, "full")
    else:
        user = appointments.nurse2
    appointment = _video(appointments)
    client.force_login(user)
    page = client.get(f"/appointments/{appointment.pk}/").content.decode()
    assert NOTE in page and appointment.video_url in page
    assert f"/appointments/{appointment.pk}/cancel/" not in page
    assert _cancel(client, appointment).status_code == 403
    appointment.refresh_from_db()
    assert appointment.state == State.BOOKED


def test_a_full_scope_participant_cancels(appointments, client):
    appointment = _video(appointments, participants=(appointments.nurse, appointments.nurse2))
    client.force_login(appointments.nurse2)
    page = client.get(f"/appointments/{appointment.pk}/").content.decode()
    assert f"/appointments/{appointment.pk}/cancel/" in page
    assert _cancel(client, appointment).status_code == 302
    appointment.refresh_from_db()
    assert (appointment.state, appointment.cancelled_by_user) == (
        State.CANCELLED,
        appointments.nurse2,
    )


def test_the_responsible_worker_cancels(appointments, client):
    responsible(appointments, appointments.social_worker)
    appointment = _video(appointments)
    decision = access.decision_for(appointments.social_worker, appointment)
    assert decision.parts == {Part.RESPONSIBLE}
    client.force_login(appointments.social_worker)
    assert _cancel(client, appointment).status_code == 302
    appointment.refresh_from_db()
    assert appointment.state == State.CANCELLED


def test_the_family_cancels(appointments, client):
    appointment = _video(appointments)
    client.force_login(appointments.parent)
    answer = client.post(f"/my-appointments/{appointment.pk}/cancel/", {"reason": ""})
    assert answer.status_code == 302
    appointment.refresh_from_db()
    assert (appointment.state, appointment.cancelled_by) == (State.CANCELLED, "family")


def test_the_family_may_not_cancel_another_familys_appointment(appointments):
    theirs = book(appointments, actor=appointments.social_worker, matter=appointments.secret_matter)
    with pytest.raises(Forbidden):
        services.appointment_cancel_by_family(actor=appointments.parent, appointment=theirs)
    theirs.refresh_from_db()
    assert theirs.state == State.BOOKED


# --- What is shown ----------------------------------------------------------------


def test_a_narrow_participant_sees_time_participants_and_place_not_notes(appointments, client):
    psychologist = appointments.other_nurse
    team_member(appointments, psychologist, "assessment_and_plan")
    appointment = _video(
        appointments,
        participants=(appointments.nurse, psychologist),
        starts_at=at(3, 14, 30),
    )
    client.force_login(psychologist)
    body = client.get(f"/appointments/{appointment.pk}/").content.decode()
    local = timezone.localtime(appointment.starts_at)
    assert f"{local.hour}.{local:%M}" in body  # Finnish: klo 14.30
    assert appointments.nurse.get_full_name() in body
    assert appointment.video_url in body  # PLACE: a participant joins
    assert NOTE not in body


def test_an_assessment_member_who_does_not_take_part_sees_no_place(appointments, client):
    member = appointments.other_nurse
    team_member(appointments, member, "assessment_and_plan")
    appointment = _video(appointments)
    client.force_login(member)
    body = client.get(f"/appointments/{appointment.pk}/").content.decode()
    assert appointments.nurse.get_full_name() in body
    assert appointment.video_url not in body
    assert NOTE not in body
    assert f"/appointments/{appointment.pk}/appointment.ics" not in body
    # Taking it out of the service is an export the table does not give.
    assert client.get(f"/appointments/{appointment.pk}/appointment.ics").status_code == 403


def test_the_booker_and_the_unit_see_the_notes(appointments, client):
    appointment = _video(appointments)
    for user in (appointments.nurse, appointments.nurse2):
        client.force_login(user)
        body = client.get(f"/appointments/{appointment.pk}/").content.decode()
        assert NOTE in body and appointment.video_url in body


def test_the_feed_of_a_plan_only_participant(appointments, client):
    member = appointments.other_nurse
    team_member(appointments, member, "plan_only")
    theirs = _video(appointments, participants=(appointments.nurse, member))
    others = _video(appointments, starts_at=at(2))
    client.force_login(member)
    feed = client.get("/appointments/calendar.ics").content.decode().replace("\r\n ", "")
    assert str(theirs.pk) in feed and theirs.video_url in feed
    assert str(others.pk) not in feed
    assert NOTE not in feed


# --- Nobody else ----------------------------------------------------------------


def test_an_unrelated_professional_gets_404(appointments, client):
    appointment = _video(appointments)
    client.force_login(appointments.other_nurse)
    since = _seq()
    assert client.get(f"/appointments/{appointment.pk}/").status_code == 404
    assert _cancel(client, appointment).status_code == 404
    appointment.refresh_from_db()
    assert appointment.state == State.BOOKED
    assert _refusals(appointments.other_nurse, since).count() == 2
    assert selectors.my_appointments(appointments.other_nurse) == []


def test_another_units_relationship_opens_nothing_of_this_matter(appointments):
    """The school social worker's relationship with Aino alone (hidden from
    her guardians) is a part towards the family, not towards the clinic's
    appointments."""
    appointment = _video(appointments)
    row = access.with_parts(
        Appointment.objects.filter(pk=appointment.pk), appointments.base.school_social_worker
    ).get()
    assert access.parts_of_row(row) == frozenset()
    assert not selectors.appointments_visible_to(appointments.base.school_social_worker).exists()


# --- Booking ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scope", "may"),
    [("full", True), ("assessment_and_plan", False), ("plan_only", False)],
)
def test_who_may_book(appointments, client, scope, may):
    member = appointments.other_nurse
    team_member(appointments, member, scope)
    assert access.may_book(member, appointments.matter) is may
    client.force_login(member)
    page = client.get(f"/appointments/matters/{appointments.matter.pk}/book/")
    assert page.status_code == (200 if may else 403)
    if not may:
        before = Appointment.objects.count()
        with pytest.raises(Forbidden):
            book(appointments, actor=member, participants=(member,))
        assert Appointment.objects.count() == before


def test_the_unit_and_the_responsible_worker_may_book(appointments):
    responsible(appointments, appointments.social_worker)
    for user in (appointments.nurse2, appointments.social_worker):
        assert access.may_book(user, appointments.matter)
        appointment = book(appointments, actor=user, participants=(user,), starts_at=at(4))
        assert Part.BOOKER in access.decision_for(user, appointment).parts


# --- The parts ----------------------------------------------------------------


def test_the_parts_follow_the_table(appointments):
    """Each user's parts, and what the table gives them."""
    member = appointments.other_nurse
    team_member(appointments, member, "plan_only")
    appointment = _video(appointments, participants=(appointments.nurse2, member))
    cases = {
        appointments.nurse: {Part.RELATIONSHIP, Part.BOOKER},
        appointments.nurse2: {Part.RELATIONSHIP, Part.PARTICIPANT_FULL},
        member: {Part.TEAM_PLAN, Part.PARTICIPANT},
    }
    for user, parts in cases.items():
        decision = access.decision_for(user, appointment)
        assert decision.parts == parts, user
        assert access.matter_parts(user, appointments.matter) == parts & access.MATTER_PARTS
    member_decision = access.decision_for(member, appointment)
    assert not member_decision.allows(Kind.APPOINTMENT, Act.CANCEL)
    assert not member_decision.allows(Kind.APPOINTMENT, Act.WRITE)
    assert access.decision_for(appointments.nurse2, appointment).allows(
        Kind.APPOINTMENT, Act.CANCEL
    )


def test_the_outcome_is_a_write_a_narrow_participant_may_not_make(
    appointments, client, time_machine
):
    time_machine.move_to(at(0, 7), tick=False)
    member = appointments.other_nurse
    team_member(appointments, member, "assessment_and_plan")
    appointment = _video(
        appointments, participants=(appointments.nurse, member), starts_at=at(0, 9)
    )
    time_machine.move_to(at(0, 9, 5), tick=False)
    client.force_login(member)
    page = client.get(f"/appointments/{appointment.pk}/").content.decode()
    assert f"/appointments/{appointment.pk}/outcome/" not in page
    answer = client.post(
        f"/appointments/{appointment.pk}/outcome/",
        {"outcome": "held", "version": appointment.version},
    )
    assert answer.status_code == 403
    appointment.refresh_from_db()
    assert appointment.state == State.BOOKED
    client.force_login(appointments.nurse)
    page = client.get(f"/appointments/{appointment.pk}/").content.decode()
    assert f"/appointments/{appointment.pk}/outcome/" in page
