"""Reads of accessibility feedback (for administrators only: see the views' policy)."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Feedback


def open_feedback() -> QuerySet[Feedback]:
    """Feedback not yet handled, the oldest first."""
    return Feedback.objects.filter(handled_at__isnull=True).order_by("received_at")


def handled_feedback(limit: int = 100) -> list[Feedback]:
    """The latest handled feedback, newest first."""
    return list(
        Feedback.objects.filter(handled_at__isnull=False)
        .select_related("handled_by")
        .order_by("-handled_at")[:limit]
    )
