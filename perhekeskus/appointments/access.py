"""The parts a user holds towards one appointment, as the access table names them.

What each part may do with an appointment and which of its fields it sees
is :data:`perhekeskus.access.table.TABLE` (``Kind.APPOINTMENT``); this
module works out the parts, for one appointment and, in SQL, for a list.

A professional's parts:

- the family-level parts held *through the appointment's matter*: its
  current responsible worker (``RESPONSIBLE``, the matter open), a
  professional of its unit while the unit's client relationship is in force
  (``RELATIONSHIP``), a place in its team (``TEAM_FULL``,
  ``TEAM_ASSESSMENT``, ``TEAM_PLAN``). The same parts held through another
  matter of the family, or through another unit's relationship (a pupil's,
  hidden from the guardians), open nothing of this matter's appointments;
- record-level: ``BOOKER`` (``Appointment.booked_by``), ``PARTICIPANT_FULL``
  (a participant whose parts include a full scope: ``RESPONSIBLE``,
  ``RELATIONSHIP`` or ``TEAM_FULL``), ``PARTICIPANT`` (any other participant).

None of them counts without a basis on the family at all
(:func:`perhekeskus.access.family_visible`): taking part alone opens nothing.

The family's parts (its own pages): ``OWN`` for a member, ``GUARDIAN`` for a
guardian of a child in it who lives elsewhere; a minor's matter hidden from
the guardians is left out before (see :mod:`.selectors`).

Booking a new appointment is judged as the table judges a participant's
change: the booker must be one who could change it as its participant, i.e.
hold a full scope through the matter (``PARTICIPANT_FULL`` allows
``WRITE``; ``PARTICIPANT`` does not).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet, Value
from django.utils.translation import gettext_lazy as _

from perhekeskus.access import as_actor, family_decision
from perhekeskus.access.core import Decision, require
from perhekeskus.access.log import Subject
from perhekeskus.access.table import Act, Field, Kind, Part, allows, fields, shows
from perhekeskus.casework.access import MATTER_ANNOTATIONS, matter_conditions
from perhekeskus.casework.access import matter_parts as case_matter_parts
from perhekeskus.casework.models import Matter

from .models import Appointment, Participant

# A full scope on the family's work: a participant holding one of these is
# PARTICIPANT_FULL.
FULL_SCOPE = frozenset({Part.RESPONSIBLE, Part.RELATIONSHIP, Part.TEAM_FULL})

# The parts held in the appointment's matter (case work's annotations).
MATTER_PARTS = frozenset(part for _name, part in MATTER_ANNOTATIONS)

_FALSE = Value(False, output_field=BooleanField())


def participant_part(matter_parts) -> Part:
    return Part.PARTICIPANT_FULL if FULL_SCOPE & frozenset(matter_parts) else Part.PARTICIPANT


def with_parts(appointments: QuerySet[Appointment], actor) -> QuerySet[Appointment]:
    """The appointments, each annotated with the actor's parts towards it
    (``part_…`` booleans; read them with :func:`parts_of_row`). One query,
    a few index probes a row."""
    actor = as_actor(actor)
    if not actor.is_professional or actor.user_id is None:
        annotations = {name: _FALSE for name, _part in MATTER_ANNOTATIONS}
        annotations.update(part_booker=_FALSE, part_participant=_FALSE)
        return appointments.annotate(**annotations)
    return appointments.annotate(
        **matter_conditions(actor, "matter_id"),
        part_booker=ExpressionWrapper(Q(booked_by_id=actor.user_id), output_field=BooleanField()),
        part_participant=Exists(
            Participant.objects.filter(appointment=OuterRef("pk"), user_id=actor.user_id)
        ),
    )


def parts_of_row(row) -> frozenset[Part]:
    """The parts of a row annotated by :func:`with_parts`."""
    held = {part for name, part in MATTER_ANNOTATIONS if getattr(row, name, False)}
    parts = set(held)
    if getattr(row, "part_booker", False):
        parts.add(Part.BOOKER)
    if getattr(row, "part_participant", False):
        parts.add(participant_part(held))
    return frozenset(parts)


def allowing(act: Act) -> Q:
    """A filter on rows annotated by :func:`with_parts`: some part allows ``act``.

    Built from the table, so a row added there is followed here.
    """
    condition = Q(pk__in=[])
    for name, part in MATTER_ANNOTATIONS:
        if allows({part}, Kind.APPOINTMENT, act):
            condition |= Q(**{name: True})
    if allows({Part.BOOKER}, Kind.APPOINTMENT, act):
        condition |= Q(part_booker=True)
    full = Q(pk__in=[])
    for name, part in MATTER_ANNOTATIONS:
        if part in FULL_SCOPE:
            full |= Q(**{name: True})
    if allows({Part.PARTICIPANT_FULL}, Kind.APPOINTMENT, act):
        condition |= Q(part_participant=True) & full
    if allows({Part.PARTICIPANT}, Kind.APPOINTMENT, act):
        condition |= Q(part_participant=True) & ~full
    return condition


def matter_parts(actor, matter: Matter) -> frozenset[Part]:
    """The family-level parts the actor holds through the matter."""
    return case_matter_parts(as_actor(actor), matter)


@dataclass(frozen=True)
class Shown:
    """What of an appointment a page, a list or a calendar may show.

    ``time`` – the start, the end and the state; ``place`` – how and where
    (the office, the home or number as masking lets the viewer see them, the
    meeting link, a device lent); ``participants`` – the professionals and
    their unit; ``notes`` – the note for the family, the reason for
    cancelling, the outcome, the series: the rest of the record;
    ``family`` – the family's name.
    """

    time: bool = False
    place: bool = False
    participants: bool = False
    notes: bool = False
    family: bool = False


def shown_of(parts, act: Act = Act.READ) -> Shown:
    found = fields(parts, Kind.APPOINTMENT, act)
    everything = Field.ALL in found
    return Shown(
        time=everything or Field.TIME in found,
        place=everything or Field.PLACE in found,
        participants=everything or Field.PARTICIPANTS in found,
        notes=everything or Field.NOTES in found,
        # The family's name, as the register's rows of the matter-held parts give it.
        family=bool(found) and shows(frozenset(parts) & MATTER_PARTS, Kind.REGISTER, Field.NAME),
    )


def mark(rows, act: Act = Act.LIST):
    """Give each row annotated by :func:`with_parts` its parts and what is shown."""
    for row in rows:
        row.parts = parts_of_row(row)
        row.shown = shown_of(row.parts, act)
    return rows


def professional_decision(actor, row) -> Decision | None:
    """The actor's decision on one appointment annotated by :func:`with_parts`:
    the family decision (its basis is what is logged) with the appointment's
    parts, or None without a basis on the family."""
    decision = family_decision(as_actor(actor), row.family_id)
    if decision is None:
        return None
    return dataclasses.replace(decision, parts=parts_of_row(row))


def decision_for(actor, appointment: Appointment) -> Decision | None:
    """The professional's decision on the appointment, read afresh."""
    row = with_parts(Appointment.objects.filter(pk=appointment.pk), actor).first()
    return professional_decision(actor, row) if row is not None else None


def family_decision_of(member: bool) -> Decision:
    """The family's decision on its own appointment (``member``: the actor
    lives in the family; otherwise a guardian of a child in it)."""
    part = Part.OWN if member else Part.GUARDIAN
    return Decision("", "", parts=frozenset({part}))


def booking_decision(actor, matter: Matter) -> Decision | None:
    """The actor's decision on booking a new appointment of the matter."""
    actor = as_actor(actor)
    decision = family_decision(actor, matter.family_id)
    if decision is None:
        return None
    held = matter_parts(actor, matter)
    return dataclasses.replace(decision, parts=held | {participant_part(held)})


def may_book(actor, matter: Matter) -> bool:
    decision = booking_decision(actor, matter)
    return decision is not None and decision.allows(Kind.APPOINTMENT, Act.WRITE)


def subject_of(appointment: Appointment, what: str = "appointment") -> Subject:
    return Subject(what, family_id=appointment.family_id)


_REFUSALS = {
    Act.CANCEL: _(
        "Only the professional who booked the appointment, a participant with a full part "
        "in the family's work, the responsible worker or the family may cancel it."
    ),
    Act.WRITE: _(
        "Only the professional who booked the appointment, a participant with a full part "
        "in the family's work or the responsible worker may change it."
    ),
    Act.EXPORT: _("Your part in this appointment does not allow taking it out of the service."),
}
BOOKING_REFUSAL = _(
    "Booking an appointment needs a full part in the family's work: the responsible worker, "
    "a professional of the unit with the client relationship or a full member of the team."
)


def require_act(actor, decision: Decision | None, act: Act, appointment, *, request=None):
    """Refuse (403, logged) unless the decision allows ``act`` on the appointment."""
    return require(
        actor,
        decision,
        Kind.APPOINTMENT,
        act,
        subject_of(appointment),
        message=_REFUSALS.get(act),
        request=request,
    )


def require_booking(actor, matter: Matter, *, request=None) -> Decision:
    """Refuse (403, logged) unless the actor may book an appointment of the matter."""
    return require(
        actor,
        booking_decision(actor, matter),
        Kind.APPOINTMENT,
        Act.WRITE,
        Subject("appointment (booking)", family_id=matter.family_id),
        message=BOOKING_REFUSAL,
        request=request,
    )
