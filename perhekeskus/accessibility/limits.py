"""How much accessibility feedback is taken in a while (the contact form's ceilings)."""

from __future__ import annotations

from django.conf import settings

from perhekeskus.core import ratelimit
from perhekeskus.core.ratelimit import Taken


def take_feedback(request) -> Taken:
    """Count one piece of feedback from the request's address; give it back when refused."""
    return ratelimit.take(
        "accessibility-feedback",
        ratelimit.client_address(request),
        per_address=settings.ACCESSIBILITY_FEEDBACK_LIMIT_PER_ADDRESS,
        total=settings.ACCESSIBILITY_FEEDBACK_LIMIT_TOTAL,
        window_seconds=settings.CONTACT_LIMIT_WINDOW_MINUTES * 60,
    )
