"""Reminders: once per recipient, no secrets, in the recipient's language."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from perhekeskus.appointments import reminders, services
from perhekeskus.appointments.models import Mode, Reminder
from perhekeskus.appointments.tasks import send_reminders
from perhekeskus.families import services as family_services

from .factories import at, book

pytestmark = pytest.mark.django_db


@pytest.fixture
def emails(appointments):
    """Anna and Mikko (the guardians) have email; Aino (15) has one too."""
    for person, email in (
        (appointments.anna, "anna@example.fi"),
        (appointments.mikko, "mikko@example.fi"),
        (appointments.aino, "aino@example.fi"),
        (appointments.maria, "maria@example.fi"),
    ):
        person.email = email
        person.save(update_fields=["email"])
    appointments.mikko.languages = ["sv", "fi"]
    appointments.mikko.save(update_fields=["languages"])
    return appointments


def test_reminders_go_once_to_the_guardians_and_the_professionals(emails, settings):
    settings.APPOINTMENT_REMINDER_HOURS = 24
    soon = book(emails, mode=Mode.VIDEO, participants=(emails.nurse, emails.nurse2))
    later = book(emails, starts_at=soon.starts_at + datetime.timedelta(hours=25))
    now = soon.starts_at - datetime.timedelta(hours=3)

    outcome = reminders.send_due(now=now, origin="https://perhekeskus.example.fi")
    assert (outcome.emails, outcome.notices, outcome.failed) == (2, 2, 0)
    # Aino is 15: the guardians are reminded, not the child.
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.fi", "mikko@example.fi"]
    again = reminders.send_due(now=now + datetime.timedelta(minutes=5))
    assert (again.emails, again.notices) == (0, 0)
    assert len(mail.outbox) == 2
    assert Reminder.objects.filter(appointment=soon).count() == 4
    assert not Reminder.objects.filter(appointment=later).exists()
    notices = Reminder.objects.filter(channel=Reminder.Channel.IN_APP)
    assert set(notices.values_list("user_id", flat=True)) == {emails.nurse.pk, emails.nurse2.pk}


def test_the_window_is_the_setting(emails, settings):
    a = book(emails)
    settings.APPOINTMENT_REMINDER_HOURS = 2
    reminders.send_due(now=a.starts_at - datetime.timedelta(hours=3))
    assert mail.outbox == []
    settings.APPOINTMENT_REMINDER_HOURS = 4
    reminders.send_due(now=a.starts_at - datetime.timedelta(hours=3))
    assert len(mail.outbox) == 2


def test_the_background_task_runs_twice_and_sends_once(emails):
    book(emails, starts_at=timezone.now() + datetime.timedelta(hours=2))
    assert send_reminders.call() == {"emails": 2, "notices": 1, "failed": 0}
    assert send_reminders.call() == {"emails": 0, "notices": 0, "failed": 0}
    assert len(mail.outbox) == 2


def test_the_message_has_no_secrets(emails):
    a = book(
        emails,
        mode=Mode.VIDEO,
        note_for_family="Ottakaa neuvolakortti mukaan",
        device_lent=True,
        device_note="Tabletti 17",
        device_return_by=timezone.localdate() + datetime.timedelta(days=30),
    )
    home = book(emails, mode=Mode.HOME, starts_at=a.starts_at + datetime.timedelta(hours=2))
    reminders.send_due(
        now=a.starts_at - datetime.timedelta(hours=1), origin="https://pk.example.fi"
    )
    assert len(mail.outbox) == 4
    for message in mail.outbox:
        text = message.subject + message.body
        for secret in (
            a.video_room,
            a.video_url,
            "Virtanen",
            "Anna",
            "Rantatie",
            "neuvolakortti",
            "Tabletti",
            str(a.matter_id),
            emails.clinic.name,
        ):
            assert secret not in text, secret
        assert "https://pk.example.fi/" in message.body
        assert "next=" in message.body
    assert home.pk


def test_the_message_is_in_the_recipients_language(emails):
    a = book(emails, starts_at=at(1, 10, 15))
    reminders.send_due(
        now=a.starts_at - datetime.timedelta(hours=2), origin="https://pk.example.fi"
    )
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "10.15" in by_address["anna@example.fi"].body  # Finnish: klo 10.15
    assert "Muistutus" in by_address["anna@example.fi"].subject
    assert "Påminnelse" in by_address["mikko@example.fi"].subject
    assert "/sv/" in by_address["mikko@example.fi"].body


def test_a_matter_hidden_from_the_guardians_reminds_only_the_young_person(emails):
    from perhekeskus.casework.models import Matter
    from perhekeskus.families.models import ClientRelationship

    # Aino's own student welfare, hidden from her guardians (a matter on it
    # made directly: opening one through case work is case work's to test).
    relationship = ClientRelationship.objects.get(person=emails.aino)
    matter = Matter.objects.create(
        family=emails.virtanen,
        unit=emails.student_welfare,
        service_task="student_welfare",
        pending_at=timezone.now(),
        relationship=relationship,
    )
    a = book(emails, actor=emails.school_social_worker, matter=matter)
    reminders.send_due(now=a.starts_at - datetime.timedelta(hours=2))
    assert [m.to for m in mail.outbox] == [["aino@example.fi"]]


def test_cancelled_and_past_appointments_are_not_reminded(emails):
    a = book(emails)
    services.appointment_cancel_by_family(actor=emails.parent, appointment=a)
    reminders.send_due(now=a.starts_at - datetime.timedelta(hours=2))
    assert mail.outbox == []


def test_a_former_member_is_not_reminded(emails):
    from perhekeskus.families.models import FamilyMembership

    membership = FamilyMembership.objects.get(person=emails.mikko, family=emails.virtanen)
    family_services.membership_end(
        actor=None, membership=membership, ends_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    a = book(emails)
    reminders.send_due(now=a.starts_at - datetime.timedelta(hours=2))
    assert [m.to for m in mail.outbox] == [["anna@example.fi"]]


def test_a_failed_email_is_tried_again(emails, monkeypatch):
    a = book(emails)
    now = a.starts_at - datetime.timedelta(hours=2)

    def broken(self, fail_silently=False):
        raise ConnectionRefusedError

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    outcome = reminders.send_due(now=now)
    assert (outcome.emails, outcome.failed) == (0, 2)
    assert set(Reminder.objects.filter(person__isnull=False).values_list("error", flat=True)) == {
        "ConnectionRefusedError"
    }
    monkeypatch.undo()
    outcome = reminders.send_due(now=now)
    assert outcome.emails == 2 and len(mail.outbox) == 2


def test_the_command_sends_and_queues(emails, capsys):
    book(emails, starts_at=timezone.now() + datetime.timedelta(hours=2))
    call_command("send_reminders", "--site-url", "https://pk.example.fi")
    assert "2 emails, 1 notices" in capsys.readouterr().out
    assert len(mail.outbox) == 2
    assert "https://pk.example.fi/" in mail.outbox[0].body
    call_command("send_reminders", "--queue")
    assert "Queued" in capsys.readouterr().out
