"""The administration history: every change written into the access log.

Each change is one entry per subject (the person and, when it concerns one,
the unit) with the administrator as actor, the reason given and what was
done in ``basis_detail`` as a small JSON object with names (not ids), so the
history reads in plain words after the records have changed.
"""

from __future__ import annotations

import json

from perhekeskus.access.actor import as_actor
from perhekeskus.access.log import Action, Subject, record

USER_TARGET = "administration: user {}"
UNIT_TARGET = "administration: unit {}"
_MAX_DETAIL = 500


def user_target(user_id) -> str:
    return USER_TARGET.format(user_id)


def unit_target(unit_id) -> str:
    return UNIT_TARGET.format(unit_id)


def _detail(event: str, values: dict) -> str:
    data = {"event": event, **{k: str(v)[:80] for k, v in values.items() if v not in (None, "")}}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    while len(text) > _MAX_DETAIL and len(data) > 1:
        data.popitem()
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text


def log_change(admin, event: str, *, reason: str, user=None, unit=None, request=None, **values):
    """Append the change to the log, about the person and/or the unit."""
    subjects = []
    if user is not None:
        subjects.append(Subject(user_target(user.pk)))
        values.setdefault("person", user.get_full_name() or user.get_username())
    if unit is not None:
        subjects.append(Subject(unit_target(unit.pk)))
        values.setdefault("unit", unit.name)
    record(
        as_actor(admin),
        subjects,
        action=Action.WRITE,
        detail=_detail(event, values),
        reason=reason,
        request=request,
    )


def parse_detail(text: str) -> dict:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
