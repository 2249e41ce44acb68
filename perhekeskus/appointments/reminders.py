"""Reminders of coming appointments: email to the family, a notice to professionals.

Run by the background task :func:`perhekeskus.appointments.tasks.send_reminders`
(``perhekeskus send-reminders``). Each recipient of each appointment gets one
:class:`Reminder` row; the database's unique constraints and a conditional
update make a second run (or a second worker) send nothing twice.

The message tells the time, how the appointment is held, and where to sign
in — nothing of the matter, no address, no meeting link: an email may be
read by someone else than its addressee.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from perhekeskus.families.models import FamilyMembership, Person

from .models import Appointment, Mode, Reminder, State

FAMILY_ROLES = (FamilyMembership.Role.PARENT, FamilyMembership.Role.GUARDIAN)
LANGUAGES = {code for code, _name in settings.LANGUAGES}
ADULT_AGE = 18


@dataclass
class Outcome:
    emails: int = 0
    notices: int = 0
    failed: int = 0

    def as_dict(self) -> dict:
        return {"emails": self.emails, "notices": self.notices, "failed": self.failed}


def site_origin() -> str:
    """Where the service answers, for the sign-in link of a message.

    The first trusted origin (the public address behind the proxy in
    production), else the local demo's address.
    """
    origins = getattr(settings, "CSRF_TRUSTED_ORIGINS", None) or []
    return (origins[0] if origins else "http://127.0.0.1:8000").rstrip("/")


def due(now: datetime.datetime, hours: int | None = None):
    """Booked appointments that start within the reminder window."""
    hours = settings.APPOINTMENT_REMINDER_HOURS if hours is None else hours
    return (
        Appointment.objects.filter(
            state=State.BOOKED,
            starts_at__gt=now,
            starts_at__lte=now + datetime.timedelta(hours=hours),
        )
        .select_related("matter__relationship")
        .prefetch_related("participants")
        .order_by("starts_at")
    )


def family_recipients(appointment: Appointment, today: datetime.date) -> list[Person]:
    """The family members to remind by email.

    The guardians (parents and guardians of the family) who are adults and
    have an email address; for a minor's matter hidden from the guardians,
    only that minor.
    """
    relationship = appointment.matter.relationship
    if relationship.hidden_from_guardians and relationship.person_id:
        persons = Person.objects.filter(pk=relationship.person_id)
    else:
        persons = Person.objects.filter(
            pk__in=FamilyMembership.objects.active(today)
            .filter(family_id=appointment.family_id, role__in=FAMILY_ROLES)
            .values("person_id")
        )
    return [
        p
        for p in persons.exclude(email="").order_by("last_name", "first_names")
        if relationship.hidden_from_guardians or (p.age_on(today) or ADULT_AGE) >= ADULT_AGE
    ]


def _language_of(person: Person) -> str:
    for code in person.languages or []:
        if code in LANGUAGES:
            return code
    return settings.LANGUAGE_CODE


def sign_in_link(origin: str, language: str) -> str:
    with translation.override(language):
        target = reverse("appointments:family_list")
        login = reverse("account_login")
    return f"{origin}{login}?{urlencode({'next': target})}"


def message_for(appointment: Appointment, person: Person, origin: str) -> EmailMessage:
    language = _language_of(person)
    with translation.override(language):
        starts = timezone.localtime(appointment.starts_at)
        context = {
            "starts": starts,
            "ends": timezone.localtime(appointment.ends_at),
            "mode": Mode(appointment.mode).label,
            "link": sign_in_link(origin, language),
            "site_name": settings.SITE_NAME,
        }
        subject = render_to_string("appointments/email/reminder_subject.txt", context)
        body = render_to_string("appointments/email/reminder_body.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[person.email])


def _row(appointment: Appointment, **recipient) -> Reminder:
    """The reminder row of one recipient, created once (a race ends in the same row)."""
    channel = Reminder.Channel.IN_APP if "user_id" in recipient else Reminder.Channel.EMAIL
    found = Reminder.objects.filter(appointment=appointment, **recipient).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return Reminder.objects.create(appointment=appointment, channel=channel, **recipient)
    except IntegrityError:
        return Reminder.objects.get(appointment=appointment, **recipient)


def _claim(reminder: Reminder, now: datetime.datetime) -> bool:
    """Take the reminder for sending; only one run gets it."""
    return bool(
        Reminder.objects.filter(pk=reminder.pk, sent_at__isnull=True).update(
            sent_at=now, error="", updated_at=now
        )
    )


def send_due(
    *, now: datetime.datetime | None = None, hours: int | None = None, origin: str | None = None
) -> Outcome:
    now = now or timezone.now()
    origin = (origin or site_origin()).rstrip("/")
    today = timezone.localdate(now)
    outcome = Outcome()
    for appointment in due(now, hours):
        for participant in appointment.participants.all():
            notice = _row(appointment, user_id=participant.user_id)
            if _claim(notice, now):
                outcome.notices += 1
        for person in family_recipients(appointment, today):
            reminder = _row(appointment, person_id=person.pk)
            if not _claim(reminder, now):
                continue
            try:
                message_for(appointment, person, origin).send()
            except Exception as error:  # noqa: BLE001 – any mail failure: retried next run
                Reminder.objects.filter(pk=reminder.pk).update(
                    sent_at=None, error=f"{type(error).__name__}"[:300]
                )
                outcome.failed += 1
            else:
                outcome.emails += 1
    return outcome
