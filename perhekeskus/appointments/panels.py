"""Appointments of one matter: the booking form's choices and the matter page's panel."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone

from perhekeskus.access import as_actor, family_decision
from perhekeskus.access.table import Act
from perhekeskus.accounts.capabilities import Capability, capabilities_of_role
from perhekeskus.accounts.models import Membership, Role
from perhekeskus.catalogue.models import Location
from perhekeskus.families.models import ClientRelationship, FamilyMembership

from . import access, selectors, services
from .forms import BookingForm
from .models import Appointment, State, VideoService


def candidates(actor, matter) -> list:
    """Who may be booked: the actor, the professionals of the matter's unit while
    its client relationship is in force, the responsible worker and the team
    (each of these last only if they hold a part through the matter)."""
    actor = as_actor(actor)
    user_model = get_user_model()
    checked = {actor.user_id}
    checked.update(matter.workers.filter(ends_at__isnull=True).values_list("user_id", flat=True))
    checked.update(matter.team.filter(removed_at__isnull=True).values_list("user_id", flat=True))
    users = [
        u
        for u in user_model.objects.filter(pk__in=checked, is_active=True)
        if access.matter_parts(u, matter)
    ]
    if ClientRelationship.objects.active().filter(pk=matter.relationship_id).exists():
        client_roles = [r for r in Role.values if Capability.CLIENT_WORK in capabilities_of_role(r)]
        colleagues = Membership.objects.active().filter(
            unit_id=matter.unit_id, role__in=client_roles
        )
        users += list(
            user_model.objects.filter(
                pk__in=colleagues.values("user_id"), kind=user_model.Kind.PROFESSIONAL
            ).exclude(pk__in=[u.pk for u in users])
        )
    return sorted(users, key=lambda u: (u.pk != actor.user_id, u.last_name, u.first_name))


def family_members(actor, matter) -> list:
    """Members of the matter's family the actor may see (whose home or phone)."""
    decision = family_decision(as_actor(actor), matter.family_id)
    if decision is None:
        return []
    members = FamilyMembership.objects.active().filter(family_id=matter.family_id)
    if decision.person_ids is not None:
        members = members.filter(person_id__in=decision.person_ids)
    return [
        m.person for m in members.select_related("person").order_by("role", "person__date_of_birth")
    ]


def has_video(matter) -> bool:
    return VideoService.objects.filter(
        organization_id=matter.unit.organization_id, is_active=True
    ).exists()


def booking_form(actor, matter, *, data=None) -> BookingForm:
    actor = as_actor(actor)
    form = BookingForm(
        data,
        participants=candidates(actor, matter),
        locations=Location.objects.filter(organization_id=matter.unit.organization_id).order_by(
            "name"
        ),
        persons=family_members(actor, matter),
        initial={"participants": [str(actor.user_id)], "minutes": 60, "count": 1},
        # The matter page holds other apps' forms too: keep the ids apart.
        prefix="booking",
    )
    return form


def book_from_form(actor, matter, form: BookingForm) -> list[Appointment]:
    data = form.cleaned_data
    users = {str(u.pk): u for u in candidates(actor, matter)}
    persons = {str(p.pk): p for p in family_members(actor, matter)}
    location = None
    if data["location"]:
        location = Location.objects.filter(
            pk=data["location"], organization_id=matter.unit.organization_id
        ).first()
    booking = services.Booking(
        mode=data["mode"],
        participants=tuple(users[pk] for pk in data["participants"] if pk in users),
        location=location,
        place=data["place"],
        contact_person=persons.get(data["contact_person"]),
        device_lent=data["device_lent"],
        device_note=data["device_note"],
        device_return_by=data["device_return_by"],
        note_for_family=data["note_for_family"],
    )
    if data["count"] > 1:
        return services.series_book(
            actor=actor,
            matter=matter,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            interval_days=data["interval_days"],
            count=data["count"],
            booking=booking,
        )
    return [
        services.appointment_book(
            actor=actor,
            matter=matter,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            booking=booking,
        )
    ]


def matter_appointments(actor, matter) -> list[Appointment]:
    """The matter's appointments the actor may list, each with what is shown of
    it (the page has logged the matter's read)."""
    return access.mark(
        list(
            selectors.with_details(
                selectors.appointments_visible_to(actor, Act.LIST).filter(matter_id=matter.pk)
            ).order_by("-starts_at")[:100]
        )
    )


def upcoming_count(appointments) -> int:
    now = timezone.now()
    return sum(1 for a in appointments if a.state == State.BOOKED and a.starts_at > now)


def matter_panel(request, matter, scope) -> dict | None:
    """The appointments part of the matter page: the list and the booking form.

    Each appointment is listed as the access table lets the user list it (a
    plan-only member: only those they take part in, and only their time,
    place and participants); addresses and numbers still come masked. The
    booking form is there for those who may book (:func:`access.may_book`).
    """
    actor = request.actor
    if scope is None:
        return None
    rows = matter_appointments(actor, matter)
    may_book = matter.is_open and access.may_book(actor, matter)
    return {
        "appointment_rows": [(a, selectors.state_label(a)) for a in rows],
        "booking_form": booking_form(actor, matter) if may_book else None,
        "has_video": has_video(matter),
    }


PANEL = ("appointments/_matter_panel.html", matter_panel)
