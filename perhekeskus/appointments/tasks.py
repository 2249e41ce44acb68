"""Background tasks of appointments (run by the database task worker)."""

from __future__ import annotations

from django.tasks import task

from . import reminders


@task
def send_reminders(origin: str = "") -> dict:
    """Remind the families and professionals of appointments starting soon.

    The window is ``settings.APPOINTMENT_REMINDER_HOURS``; running it again
    sends nothing twice.
    """
    return reminders.send_due(origin=origin or None).as_dict()
