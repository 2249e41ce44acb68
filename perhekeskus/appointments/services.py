"""Writes of appointments: booking, series, cancelling, the outcome, reminders seen.

Keyword-only and atomic. Each state transition is one function that locks
the appointment, checks its state (and, when the caller passes the version
it saw, that nobody changed it meanwhile) and raises a clear error
otherwise. Who may do it is the access table's (``Kind.APPOINTMENT``, the
parts worked out in :mod:`.access`), checked here as well as in the views;
a refusal is :class:`perhekeskus.access.Forbidden` (logged).
"""

from __future__ import annotations

import datetime
import functools
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.access import as_actor
from perhekeskus.access.core import Forbidden
from perhekeskus.access.log import record
from perhekeskus.access.table import Act
from perhekeskus.accounts.capabilities import Capability
from perhekeskus.casework.models import Matter
from perhekeskus.core.lengths import too_long
from perhekeskus.events.services import emit
from perhekeskus.families.models import FamilyMembership, Person

from . import access, selectors
from .models import (
    Appointment,
    CancelledBy,
    Mode,
    Participant,
    Reminder,
    Series,
    State,
    VideoService,
)

# Bounds that keep a typing error from booking something absurd.
SHORTEST = datetime.timedelta(minutes=5)
LONGEST = datetime.timedelta(hours=12)
MAX_SERIES = 26
MAX_INTERVAL_DAYS = 91
MAX_PARTICIPANTS = 10
MAX_REASON = 1000
MAX_NOTE_FOR_FAMILY = 500
MAX_PLACE = 300
MAX_DEVICE_NOTE = 200


def _fits(value: str | None, limit: int, code: str) -> str:
    """The text stripped; refused (never cut) when over ``limit``."""
    text = (value or "").strip()
    error = too_long(text, limit, plain=True)
    if error is not None:
        raise AppointmentError(error.message % error.params, code=code)
    return text


class AppointmentError(ValidationError):
    """A booking or transition that is refused, with the reason in words."""


class StaleAppointment(AppointmentError):
    """Someone changed the appointment after the caller saw it."""

    def __init__(self, current: Appointment):
        self.current = current
        super().__init__(
            _("Someone else changed this appointment meanwhile. Check its state and try again."),
            code="stale",
        )


@dataclass(frozen=True)
class Booking:
    """What a booking needs besides the matter and the time."""

    mode: str
    participants: tuple = ()
    location: object | None = None
    place: str = ""
    contact_person: Person | None = None
    device_lent: bool = False
    device_note: str = ""
    device_return_by: datetime.date | None = None
    note_for_family: str = ""


def _user(actor):
    return as_actor(actor).user


def _require_professional(actor) -> None:
    actor = as_actor(actor)
    if not (actor.is_professional and actor.can(Capability.CLIENT_WORK)):
        raise AppointmentError(_("Only professionals in client work can do this."), code="role")


def atomic(service):
    """``transaction.atomic``, and a refusal logged after the rollback: the
    entry :func:`perhekeskus.access.require` wrote inside is rolled back with
    the rest (a page's own transaction logs it again after its rollback too)."""

    @functools.wraps(service)
    def run(*args, **kwargs):
        try:
            with transaction.atomic():
                return service(*args, **kwargs)
        except Forbidden as refusal:
            if refusal.refusal is not None:
                record(**refusal.refusal)
            raise

    return run


def _require_booking(actor, matter: Matter) -> None:
    _require_professional(actor)
    access.require_booking(actor, matter)


def _require_professional_act(actor, appointment: Appointment, act: Act) -> None:
    _require_professional(actor)
    access.require_act(actor, access.decision_for(actor, appointment), act, appointment)


def new_room() -> str:
    """An unguessable meeting room: 192 random bits, URL-safe."""
    return secrets.token_urlsafe(24)


def active_video_service(organization_id) -> VideoService | None:
    return VideoService.objects.filter(organization_id=organization_id, is_active=True).first()


@transaction.atomic
def video_service_save(
    *, actor, organization, name: str, url_template: str, expected_version: int | None = None
) -> VideoService:
    """Set the organisation's video service (the one in use)."""
    service = (
        VideoService.objects.select_for_update()
        .filter(organization=organization, is_active=True)
        .first()
    )
    if service is None:
        service = VideoService(organization=organization)
    elif expected_version is not None and service.version != expected_version:
        raise AppointmentError(
            _("Someone else changed the video service meanwhile. Check it and try again."),
            code="stale",
        )
    else:
        service.version += 1
    service.name = name.strip()
    service.url_template = url_template.strip()
    service.full_clean()
    service.save()
    return service


def _check_times(starts_at: datetime.datetime, ends_at: datetime.datetime, *, now) -> None:
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise AppointmentError(_("The time must carry its time zone."), code="naive")
    if starts_at <= now:
        raise AppointmentError(_("The appointment must start in the future."), code="past")
    length = ends_at - starts_at
    if length < SHORTEST:
        raise AppointmentError(_("An appointment lasts at least five minutes."), code="short")
    if length > LONGEST:
        raise AppointmentError(_("An appointment lasts at most twelve hours."), code="long")


def _check_participants(matter: Matter, participants) -> list:
    users = list(dict.fromkeys(participants))
    if not users:
        raise AppointmentError(_("Choose at least one professional."), code="participants")
    if len(users) > MAX_PARTICIPANTS:
        raise AppointmentError(_("Too many professionals for one appointment."), code="many")
    for user in users:
        participant = as_actor(user)
        if not (participant.is_professional and participant.can(Capability.CLIENT_WORK)):
            raise AppointmentError(
                _("%(name)s does not work with clients.") % {"name": participant.name},
                code="participant_role",
            )
        # A participant takes part in the matter's work: the table then lets
        # them see the appointment (PARTICIPANT or PARTICIPANT_FULL).
        if not access.matter_parts(participant, matter):
            raise AppointmentError(
                _("%(name)s does not work on this family's matter.") % {"name": participant.name},
                code="participant_access",
            )
    return users


def _check_booking(matter: Matter, booking: Booking, starts_at: datetime.datetime) -> dict:
    """The mode's own fields, checked; returns the fields to store."""
    if booking.mode not in Mode.values:
        raise AppointmentError(_("Choose how the appointment is held."), code="mode")
    fields = {
        "mode": booking.mode,
        "note_for_family": _fits(booking.note_for_family, MAX_NOTE_FOR_FAMILY, "note_long"),
    }
    if booking.device_lent and booking.mode != Mode.VIDEO:
        raise AppointmentError(
            _("A device is lent only for a video appointment."), code="device_mode"
        )
    if booking.mode == Mode.OFFICE:
        place = _fits(booking.place, MAX_PLACE, "place_long")
        if booking.location is None and not place:
            raise AppointmentError(
                _("Give the office: a location or the address and room."), code="place"
            )
        if booking.location is not None and booking.location.organization_id != (
            matter.unit.organization_id
        ):
            raise AppointmentError(
                _("The location is not one of your organisation's."), code="location"
            )
        fields.update(location=booking.location, place=place)
    elif booking.mode in (Mode.HOME, Mode.PHONE):
        person = booking.contact_person
        member = (
            person is not None
            and FamilyMembership.objects.active()
            # Never addressed to someone who has died (the register keeps them).
            .filter(
                family_id=matter.family_id, person_id=person.pk, person__date_of_death__isnull=True
            )
            .exists()
        )
        if not member:
            raise AppointmentError(
                _("Choose the family member whose home or phone it is."), code="contact_person"
            )
        fields["contact_person"] = person
    elif booking.mode == Mode.VIDEO:
        service = active_video_service(matter.unit.organization_id)
        if service is None:
            raise AppointmentError(
                _("Your organisation has no video service set up for remote reception."),
                code="no_video_service",
            )
        fields["video_service"] = service
        if booking.device_lent:
            note = _fits(booking.device_note, MAX_DEVICE_NOTE, "device_note_long")
            if not note:
                raise AppointmentError(_("Say which device is lent."), code="device_note")
            if booking.device_return_by is None:
                raise AppointmentError(
                    _("Give the date by which the device is returned."), code="device_return"
                )
            if booking.device_return_by < timezone.localdate(starts_at):
                raise AppointmentError(
                    _("The device cannot be returned before the appointment."),
                    code="device_return_early",
                )
            fields.update(
                device_lent=True,
                device_note=note,
                device_return_by=booking.device_return_by,
            )
    return fields


def _create(
    *, actor, matter: Matter, starts_at, ends_at, fields: dict, users: list, series=None
) -> Appointment:
    appointment = Appointment(
        matter=matter,
        family_id=matter.family_id,
        unit=matter.unit,
        series=series,
        starts_at=starts_at,
        ends_at=ends_at,
        booked_by=_user(actor),
        **fields,
    )
    if appointment.mode == Mode.VIDEO:
        appointment.video_room = new_room()
        appointment.video_url = appointment.video_service.url_for(appointment.video_room)
    appointment.save()
    Participant.objects.bulk_create(
        [Participant(appointment=appointment, user=user) for user in users]
    )
    emit(
        "appointment.booked",
        family=matter.family,
        unit=matter.unit,
        service_task=matter.service_task,
        mode=appointment.mode,
        professionals=len(users),
        device_lent=appointment.device_lent,
    )
    return appointment


def _locked_open_matter(matter: Matter) -> Matter:
    matter = Matter.objects.select_for_update().select_related("family", "unit").get(pk=matter.pk)
    if not matter.is_open:
        raise AppointmentError(
            _("The matter is closed; no appointments can be booked."), code="closed"
        )
    return matter


@atomic
def appointment_book(
    *,
    actor,
    matter: Matter,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    booking: Booking,
) -> Appointment:
    """Book one appointment of an open matter for one or more professionals."""
    _require_booking(actor, matter)
    matter = _locked_open_matter(matter)
    _check_times(starts_at, ends_at, now=timezone.now())
    users = _check_participants(matter, booking.participants or (_user(actor),))
    fields = _check_booking(matter, booking, starts_at)
    return _create(
        actor=actor, matter=matter, starts_at=starts_at, ends_at=ends_at, fields=fields, users=users
    )


def series_times(
    starts_at: datetime.datetime, ends_at: datetime.datetime, *, interval_days: int, count: int
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The start and end of each appointment of a series, at the same local time.

    Counted in local calendar days, so a weekly 9 o'clock stays at 9 across
    the change to or from summer time.
    """
    tz = timezone.get_current_timezone()
    local_start = timezone.localtime(starts_at, tz)
    length = ends_at - starts_at
    times = []
    for n in range(count):
        day = local_start.date() + datetime.timedelta(days=interval_days * n)
        start = timezone.make_aware(
            datetime.datetime.combine(day, local_start.time().replace(tzinfo=None)), tz
        )
        # The length in real time (in UTC), even across a change of summer time.
        start = start.astimezone(datetime.UTC)
        times.append((start, start + length))
    return times


@atomic
def series_book(
    *,
    actor,
    matter: Matter,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    interval_days: int,
    count: int,
    booking: Booking,
) -> list[Appointment]:
    """Book a series: ``count`` appointments ``interval_days`` apart, all or none."""
    _require_booking(actor, matter)
    matter = _locked_open_matter(matter)
    if not 2 <= count <= MAX_SERIES:
        raise AppointmentError(
            _("A series has from 2 to %(max)d appointments.") % {"max": MAX_SERIES},
            code="count",
        )
    if not 1 <= interval_days <= MAX_INTERVAL_DAYS:
        raise AppointmentError(_("The interval is from 1 to 91 days."), code="interval")
    now = timezone.now()
    times = series_times(starts_at, ends_at, interval_days=interval_days, count=count)
    for start, end in times:
        _check_times(start, end, now=now)
    users = _check_participants(matter, booking.participants or (_user(actor),))
    if booking.device_lent and booking.device_return_by is not None:
        # The device stays with the family for the whole series.
        last_day = timezone.localdate(times[-1][0])
        if booking.device_return_by < last_day:
            raise AppointmentError(
                _("The device cannot be returned before the last appointment."),
                code="device_return_early",
            )
    fields = _check_booking(matter, booking, starts_at)
    series = Series.objects.create(
        matter=matter, interval_days=interval_days, count=count, booked_by=_user(actor)
    )
    return [
        _create(
            actor=actor,
            matter=matter,
            starts_at=start,
            ends_at=end,
            fields=fields,
            users=users,
            series=series,
        )
        for start, end in times
    ]


def _locked(appointment: Appointment, expected_version: int | None) -> Appointment:
    current = (
        Appointment.objects.select_for_update()
        .select_related("matter", "family", "unit")
        .get(pk=appointment.pk)
    )
    if expected_version is not None and current.version != expected_version:
        raise StaleAppointment(current)
    return current


def _refuse_unless_booked(appointment: Appointment) -> None:
    if appointment.state != State.BOOKED:
        raise AppointmentError(
            _("The appointment is already %(state)s.") % {"state": appointment.get_state_display()},
            code="state",
        )


def _save(appointment: Appointment, fields: list[str]) -> Appointment:
    appointment.version += 1
    appointment.save(update_fields=[*fields, "version", "updated_at"])
    return appointment


def _clean_reason(reason: str) -> str:
    return _fits(reason, MAX_REASON, "reason_long")


def _emit_cancelled(appointment: Appointment, *, by_family: bool) -> None:
    emit(
        "appointment.cancelled",
        family=appointment.family,
        unit=appointment.unit,
        service_task=appointment.matter.service_task,
        mode=appointment.mode,
        by_family=by_family,
    )


@atomic
def appointment_cancel_by_family(
    *, actor, appointment: Appointment, reason: str = ""
) -> Appointment:
    """The family cancels its own appointment, up to its start; a reason is optional."""
    actor = as_actor(actor)
    reason = _clean_reason(reason)
    appointment = _locked(appointment, None)
    access.require_act(actor, selectors.own_decision(actor, appointment), Act.CANCEL, appointment)
    _refuse_unless_booked(appointment)
    now = timezone.now()
    if now >= appointment.starts_at:
        raise AppointmentError(
            _("An appointment can be cancelled here only before it starts."), code="started"
        )
    appointment.state = State.CANCELLED
    appointment.cancelled_at = now
    appointment.cancelled_by = CancelledBy.FAMILY
    appointment.cancelled_by_user = actor.user
    appointment.cancel_reason = reason
    _save(
        appointment,
        ["state", "cancelled_at", "cancelled_by", "cancelled_by_user", "cancel_reason"],
    )
    _emit_cancelled(appointment, by_family=True)
    return appointment


@atomic
def appointment_cancel_by_professional(
    *, actor, appointment: Appointment, reason: str, expected_version: int | None = None
) -> Appointment:
    """A professional cancels an appointment that has not been held; a reason is required."""
    _require_professional_act(actor, appointment, Act.CANCEL)
    reason = _clean_reason(reason)
    if not reason:
        raise AppointmentError(_("Give a reason for cancelling."), code="reason")
    appointment = _locked(appointment, expected_version)
    _refuse_unless_booked(appointment)
    appointment.state = State.CANCELLED
    appointment.cancelled_at = timezone.now()
    appointment.cancelled_by = CancelledBy.PROFESSIONAL
    appointment.cancelled_by_user = _user(actor)
    appointment.cancel_reason = reason
    _save(
        appointment,
        ["state", "cancelled_at", "cancelled_by", "cancelled_by_user", "cancel_reason"],
    )
    _emit_cancelled(appointment, by_family=False)
    return appointment


def _record_outcome(actor, appointment: Appointment, state: str, expected_version) -> Appointment:
    _require_professional_act(actor, appointment, Act.WRITE)
    appointment = _locked(appointment, expected_version)
    _refuse_unless_booked(appointment)
    now = timezone.now()
    if now < appointment.starts_at:
        raise AppointmentError(
            _("The outcome can be recorded once the appointment has started."), code="early"
        )
    appointment.state = state
    appointment.outcome_recorded_at = now
    appointment.outcome_recorded_by = _user(actor)
    return _save(appointment, ["state", "outcome_recorded_at", "outcome_recorded_by"])


@atomic
def appointment_mark_held(
    *, actor, appointment: Appointment, expected_version: int | None = None
) -> Appointment:
    appointment = _record_outcome(actor, appointment, State.HELD, expected_version)
    emit(
        "appointment.held",
        family=appointment.family,
        unit=appointment.unit,
        service_task=appointment.matter.service_task,
        mode=appointment.mode,
    )
    return appointment


@atomic
def appointment_mark_no_show(
    *, actor, appointment: Appointment, expected_version: int | None = None
) -> Appointment:
    return _record_outcome(actor, appointment, State.NO_SHOW, expected_version)


@transaction.atomic
def notice_seen(*, actor, reminder_id) -> int:
    """Mark the actor's own in-app notice seen (another's is left alone)."""
    user = _user(actor)
    if user is None:
        return 0
    return Reminder.objects.filter(
        pk=reminder_id, user=user, channel=Reminder.Channel.IN_APP, seen_at__isnull=True
    ).update(seen_at=timezone.now())
