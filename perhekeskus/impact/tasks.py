"""Background tasks of the assessment tool (run by the database task worker)."""

from __future__ import annotations

import datetime

from django.tasks import task

from . import services


@task
def send_follow_up_reminders(today: str | None = None) -> dict:
    """Remind the preparers of the follow-ups that have come (see
    :func:`.services.send_follow_up_reminders`). Safe to run any number of
    times: each follow-up date gives one notice and one email."""
    day = datetime.date.fromisoformat(today) if today else None
    return services.send_follow_up_reminders(today=day)
