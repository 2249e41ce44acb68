"""Emitting events: the one way case work tells the knowledge layer what happened."""

from __future__ import annotations

import datetime
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from .models import Event
from .types import EVENT_TYPES


def pseudonym(family_id) -> str:
    """A stable keyed pseudonym of a family: equal for the same family, unlinkable without the key."""
    key = (settings.EVENT_PSEUDONYM_KEY or settings.SECRET_KEY).encode()
    return hmac.new(key, str(family_id).encode(), hashlib.sha256).hexdigest()[:32]


def emit(
    event_type: str,
    *,
    family=None,
    unit=None,
    municipality=None,
    service_task: str = "",
    at: datetime.datetime | None = None,
    **attrs,
) -> Event:
    """Record one event. Call it inside the transaction of the step it records."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {event_type!r}")
    allowed = EVENT_TYPES[event_type][1]
    unknown = set(attrs) - allowed
    if unknown:
        raise ValueError(f"{event_type}: attributes not declared: {sorted(unknown)}")
    if municipality is None and unit is not None:
        municipality = unit.municipality
    return Event.objects.create(
        type=event_type,
        occurred_at=at or timezone.now(),
        unit=unit,
        municipality=municipality,
        service_task=service_task,
        family_pseudonym=pseudonym(family.pk) if family is not None else "",
        attrs=attrs,
    )
