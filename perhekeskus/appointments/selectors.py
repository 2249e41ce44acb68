"""Reads of appointments, scoped through the access layer and logged.

Who sees which appointment, and which of its fields, is the access table's
``Kind.APPOINTMENT`` rows for the parts :mod:`.access` works out: a
professional lists an appointment of a family they may read when one of
their parts towards it (held through its matter, or as its booker or a
participant) allows it; a plan-only team member, for one, lists only the
appointments they take part in, and sees their time, place and
participants. A citizen sees the appointments of the families they are a
member of, except those of a minor's matter hidden from the guardians. What
a page shows of a home or a phone number comes from
:func:`perhekeskus.access.contact_of`, so a security prohibition holds.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.access import (
    as_actor,
    contact_of,
    families_visible_to,
    family_visible,
)
from perhekeskus.access.core import Decision, act_of, deny, log_families_listed
from perhekeskus.access.log import Action, Basis, Subject, record
from perhekeskus.access.table import Act, Kind
from perhekeskus.families.models import FamilyMembership, Guardianship

from . import access
from .models import Appointment, Mode, Participant, Reminder, State

# How far back "my appointments" lists past ones (their outcome may be unrecorded).
RECENT_DAYS = 14


def _as_uuid(value) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        return None


def _member_families(person_id) -> QuerySet:
    return FamilyMembership.objects.active().filter(person_id=person_id).values("family_id")


def _ward_families(person_id) -> QuerySet:
    """Families of the children the person has custody of (a parent living elsewhere too)."""
    wards = Guardianship.objects.active().filter(guardian_id=person_id).values("child_id")
    return FamilyMembership.objects.active().filter(person_id__in=wards).values("family_id")


def with_details(appointments: QuerySet[Appointment]) -> QuerySet[Appointment]:
    return appointments.select_related(
        "family",
        "unit",
        "matter",
        "location",
        "contact_person",
        "contact_person__municipality",
        "video_service",
    ).prefetch_related(
        Prefetch(
            "participants",
            queryset=Participant.objects.select_related("user").order_by(
                "user__last_name", "user__first_name"
            ),
        )
    )


def _taking_part(actor) -> QuerySet:
    """The ids of the appointments the actor takes part in (indexed by user):
    the lists of one's own appointments start from these."""
    return Participant.objects.filter(user_id=actor.user_id).values("appointment_id")


def appointments_visible_to(actor, act: Act = Act.LIST) -> QuerySet[Appointment]:
    """Appointments on which one of a professional's parts allows ``act``
    (a filter, not a list), each annotated with the parts (:mod:`.access`)."""
    actor = as_actor(actor)
    if not actor.is_professional:
        return Appointment.objects.none()
    # Tested per appointment: the lists are driven by the actor's own
    # appointments or a matter's, never by all the families they may read.
    return access.with_parts(Appointment.objects.all(), actor).filter(
        access.allowing(act), family_visible(actor)
    )


def _log_families(actor, family_ids, *, target: str, request=None, action=Action.LIST) -> None:
    """Log that appointments of these families were shown, each with its basis."""
    family_ids = set(family_ids)
    if family_ids:
        log_families_listed(
            actor,
            families_visible_to(actor, among=family_ids).only("pk"),
            target=target,
            request=request,
            action=action,
        )


def _day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min), tz)
    end = timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min), tz
    )
    return start, end


def appointments_today(actor, *, request=None, day: datetime.date | None = None) -> list:
    """The actor's own appointments of the day (cancelled left out), logged.

    A fixed number of queries whatever the number of appointments: one for
    the appointments, one for their participants, and the log entries.
    """
    actor = as_actor(actor)
    if not actor.is_professional:
        return []
    start, end = _day_bounds(day or timezone.localdate())
    own = (
        access.with_parts(
            Appointment.objects.filter(
                pk__in=_taking_part(actor), starts_at__gte=start, starts_at__lt=end
            ),
            actor,
        )
        .filter(access.allowing(Act.LIST))
        .exclude(state=State.CANCELLED)
    )
    # Of appointments_visible_to only the family's basis is left to test:
    # once a family, and the same rows give the log its bases.
    families = list(
        families_visible_to(actor, among=set(own.values_list("family_id", flat=True))).only("pk")
    )
    rows = list(
        with_details(own.filter(family_id__in=[family.pk for family in families])).order_by(
            "starts_at"
        )
    )
    log_families_listed(actor, families, target="appointments of the day", request=request)
    return access.mark(rows)


def my_appointments(actor, *, request=None, now: datetime.datetime | None = None) -> list:
    """The actor's upcoming appointments and those of the last two weeks, logged."""
    actor = as_actor(actor)
    now = now or timezone.now()
    rows = list(
        with_details(
            appointments_visible_to(actor).filter(
                pk__in=_taking_part(actor),
                starts_at__gte=now - datetime.timedelta(days=RECENT_DAYS),
            )
        ).order_by("starts_at")
    )
    _log_families(actor, (a.family_id for a in rows), target="my appointments", request=request)
    return access.mark(rows)


def calendar_feed(actor, *, request=None, now: datetime.datetime | None = None) -> list:
    """The actor's own appointments from a week ago on, for the calendar feed, logged.

    The feed is the professional's own calendar (it names no family): every
    appointment they take part in and may list, with the fields of listing.
    """
    actor = as_actor(actor)
    now = now or timezone.now()
    rows = list(
        with_details(
            appointments_visible_to(actor).filter(
                pk__in=_taking_part(actor),
                starts_at__gte=now - datetime.timedelta(days=7),
            )
        ).order_by("starts_at")
    )
    _log_families(
        actor,
        (a.family_id for a in rows),
        target="appointments in a calendar feed",
        request=request,
        action=Action.EXPORT,
    )
    return access.mark(rows)


def access_appointment(
    actor, appointment_id, *, request=None, action: str = Action.READ, act: Act | None = None
):
    """Fetch an appointment the professional may read, log the access, or refuse.

    Not readable on any part: the same 404 as for nothing there (logged).
    Readable, but ``act`` (by default the table's act of the logged
    ``action``) not allowed: a 403 that says why (logged). The appointment
    carries the decision as ``appointment.access`` (its ``parts`` are the
    appointment's) and what may be shown of it as ``appointment.shown``.
    """
    actor = as_actor(actor)
    key = _as_uuid(appointment_id)
    appointment = None
    if key is not None:
        appointment = with_details(appointments_visible_to(actor, Act.READ).filter(pk=key)).first()
    decision = access.professional_decision(actor, appointment) if appointment else None
    if decision is None or not decision.allows(Kind.APPOINTMENT, Act.READ):
        raise deny(
            actor,
            Subject(f"appointment {str(appointment_id)[:60]}"),
            action=action,
            request=request,
        )
    act = act or act_of(action)
    if act != Act.READ:
        access.require_act(actor, decision, act, appointment, request=request)
    record(
        actor,
        Subject(
            "appointment",
            family_id=appointment.family_id,
            what={
                "kind": "appointment",
                "on": timezone.localdate(appointment.starts_at).isoformat(),
            },
        ),
        action=action,
        basis=decision.basis,
        detail=decision.detail,
        request=request,
    )
    appointment.access = decision
    appointment.shown = access.shown_of(decision.parts)
    return appointment


# --- The family's own view -------------------------------------------------


def _citizen_appointments(actor) -> QuerySet[Appointment]:
    actor = as_actor(actor)
    if actor.person_id is None:
        return Appointment.objects.none()
    # A minor's matter hidden from the guardians is shown to that minor only.
    hidden = Q(matter__relationship__hidden_from_guardians=True) & ~Q(
        matter__relationship__person_id=actor.person_id
    )
    return Appointment.objects.filter(
        Q(family__in=_member_families(actor.person_id))
        | Q(family__in=_ward_families(actor.person_id))
    ).exclude(hidden)


def own_decision(actor, appointment: Appointment):
    """The citizen's decision on their family's appointment, read afresh: ``OWN``
    or ``GUARDIAN``, or a decision with no part (not theirs, or hidden from them)."""
    actor = as_actor(actor)
    if not _citizen_appointments(actor).filter(pk=appointment.pk).exists():
        return Decision("", "")
    member = _member_families(actor.person_id).filter(family_id=appointment.family_id).exists()
    return access.family_decision_of(member)


def _log_own(actor, family_ids, *, target: str, request=None, action=Action.LIST) -> None:
    """Log the family's own read: ``own`` for a member, ``guardian`` for a guardian
    of a child in a family they do not live in."""
    family_ids = set(family_ids)
    if not family_ids:
        return
    members_of = set(
        _member_families(actor.person_id)
        .filter(family_id__in=family_ids)
        .values_list("family_id", flat=True)
    )
    for basis, detail, ids in (
        (Basis.OWN, "member of the family", family_ids & members_of),
        (Basis.GUARDIAN, "guardian of a child in the family", family_ids - members_of),
    ):
        subjects = [Subject(target, family_id=f) for f in sorted(ids, key=str)]
        if subjects:
            record(actor, subjects, action=action, basis=basis, detail=detail, request=request)


def appointments_of_citizen(user, *, request=None, now: datetime.datetime | None = None) -> list:
    """A citizen's family's appointments from a month ago on (all states), logged."""
    actor = as_actor(user)
    now = now or timezone.now()
    rows = list(
        with_details(
            _citizen_appointments(actor).filter(starts_at__gte=now - datetime.timedelta(days=31))
        ).order_by("starts_at")
    )
    _log_own(actor, (a.family_id for a in rows), target="our appointments", request=request)
    members_of = (
        set(_member_families(actor.person_id).values_list("family_id", flat=True)) if rows else ()
    )
    for row in rows:
        _as_family(row, member=row.family_id in members_of)
    return rows


def _as_family(appointment: Appointment, *, member: bool) -> Appointment:
    """The family's decision and what it is shown (``OWN`` or ``GUARDIAN``)."""
    appointment.access = access.family_decision_of(member)
    appointment.shown = access.shown_of(appointment.access.parts)
    return appointment


def access_own_appointment(user, appointment_id, *, request=None, action: str = Action.READ):
    """A citizen's family's appointment, logged, or NotFound (logged too)."""
    actor = as_actor(user)
    key = _as_uuid(appointment_id)
    appointment = with_details(_citizen_appointments(actor).filter(pk=key)).first() if key else None
    if appointment is None:
        raise deny(
            actor,
            Subject(f"appointment {str(appointment_id)[:60]}"),
            action=action,
            request=request,
        )
    _log_own(
        actor, [appointment.family_id], target="our appointment", request=request, action=action
    )
    member = _member_families(actor.person_id).filter(family_id=appointment.family_id).exists()
    return _as_family(appointment, member=member)


# --- What a page shows of one appointment ----------------------------------


@dataclass(frozen=True)
class Where:
    """Where the appointment is, as the viewer may see it."""

    label: str
    lines: tuple[str, ...] = ()
    phone: str = ""
    video_url: str = ""
    # The address is under a security prohibition and the viewer may not see it.
    withheld: bool = False


def where(actor, appointment: Appointment) -> Where:
    mode = appointment.mode
    label = str(Mode(mode).label)
    if mode == Mode.OFFICE:
        lines = []
        if appointment.location_id:
            loc = appointment.location
            lines = [loc.name, loc.street_address, f"{loc.postal_code} {loc.post_office}".strip()]
        if appointment.place:
            lines.append(appointment.place)
        return Where(label, tuple(line for line in lines if line))
    if mode in (Mode.HOME, Mode.PHONE) and appointment.contact_person_id:
        contact = contact_of(actor, appointment.contact_person)
        if mode == Mode.PHONE:
            return Where(label, phone=contact.phone)
        if contact.address_withheld:
            return Where(label, withheld=True)
        lines = (
            contact.street_address,
            f"{contact.postal_code} {contact.post_office}".strip(),
        )
        return Where(label, tuple(line for line in lines if line))
    if mode == Mode.VIDEO:
        return Where(label, video_url=appointment.video_url)
    return Where(label)


def notices_of(actor) -> list[Reminder]:
    """The professional's unseen in-app reminders (time and mode only, no names)."""
    actor = as_actor(actor)
    if actor.user_id is None:
        return []
    return list(
        Reminder.objects.filter(
            user_id=actor.user_id, channel=Reminder.Channel.IN_APP, seen_at__isnull=True
        )
        .select_related("appointment")
        .order_by("appointment__starts_at")[:50]
    )


def state_label(appointment: Appointment) -> str:
    """The state, and who cancelled when the viewer sees the whole record
    (``appointment.shown``, when set, says so)."""
    shown = getattr(appointment, "shown", None)
    if shown is not None and not shown.notes:
        return appointment.get_state_display()
    if appointment.state == State.CANCELLED and appointment.cancelled_by:
        return str(_("cancelled by %(who)s") % {"who": appointment.get_cancelled_by_display()})
    return appointment.get_state_display()
