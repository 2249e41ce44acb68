"""How many contacts the one door takes in a while (settings.CONTACT_LIMIT_*).

The form and ``POST /api/v1/contacts`` share one budget: a flood through
either uses it up. Only received contacts count (a contact the form or the
service refuses is given back), so a family correcting its mistakes is
never refused for them.
"""

from __future__ import annotations

from django.conf import settings

from perhekeskus.core import ratelimit
from perhekeskus.core.ratelimit import Taken, refusal_message

__all__ = ["refusal_message", "take_contact"]


def take_contact(request) -> Taken:
    """Count one contact from the request's address; ``refusal`` when over a limit.

    Give it back when the contact is then not received."""
    return ratelimit.take(
        "contact",
        ratelimit.client_address(request),
        per_address=settings.CONTACT_LIMIT_PER_ADDRESS,
        total=settings.CONTACT_LIMIT_TOTAL,
        window_seconds=settings.CONTACT_LIMIT_WINDOW_MINUTES * 60,
    )
