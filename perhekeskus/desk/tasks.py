"""Background tasks of the work views (run by the database task worker)."""

from __future__ import annotations

import datetime

from django.tasks import task

from . import services


@task
def raise_deadlines(today: str | None = None) -> dict:
    """Raise notices for assessment deadlines due today or tomorrow, or overdue.

    ``today`` (ISO date) is for running the check as of another day; by
    default the local date. Safe to run as often as wanted: nothing is raised
    twice.
    """
    day = datetime.date.fromisoformat(today) if today else None
    result = services.raise_deadline_notices(today=day)
    return {"matters": result.matters, "raised": result.raised}
