"""Writing the access log from the access layer's point of view."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from . import chain
from .actor import Actor
from .models import AccessLogEntry

Action = AccessLogEntry.Action
Basis = AccessLogEntry.Basis


@dataclass(frozen=True)
class Subject:
    """Whose data one entry is about, and what of it."""

    target: str
    family_id: uuid.UUID | None = None
    person_id: uuid.UUID | None = None
    hidden: bool = False
    # What of the record, for the family's plain-words view: a small dict
    # with "kind" (see perhekeskus.audit.wording) and ids or a date, never
    # names or content. Kept in the entry's ``what`` column as JSON.
    what: dict | None = None


def what_json(what: dict | None) -> str | None:
    """The ``what`` column's text: compact JSON with sorted keys (it is hashed)."""
    if not what:
        return None
    text = json.dumps(
        {key: str(value) for key, value in what.items() if value not in (None, "")},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return text[:500]


def request_details(request) -> dict:
    if request is None:
        return {"ip_address": "", "channel": "cli"}
    # REMOTE_ADDR is the peer; a proxy in front must pass the client address
    # there (e.g. gunicorn --forwarded-allow-ips), never an untrusted header.
    return {
        "ip_address": (request.META.get("REMOTE_ADDR") or "")[:45],
        "channel": "api" if request.path.startswith("/api/") else "html",
    }


def _uuid(value) -> uuid.UUID | None:
    return value if value is None or isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _row(
    actor: Actor,
    subject: Subject,
    *,
    action,
    allowed,
    basis,
    detail,
    reason,
    recipient,
    request_fields,
) -> dict:
    recipient_id, recipient_name = recipient if recipient else (None, "")
    return {
        "actor_id": actor.user_id,
        "actor_name": actor.name[:300],
        "role": actor.role_label[:200],
        "unit": actor.unit_label[:300],
        "organization_id": actor.organization_id,
        "subject_family_id": _uuid(subject.family_id),
        "subject_person_id": _uuid(subject.person_id),
        "action": action,
        "target": subject.target[:300],
        "basis": basis or "",
        "basis_detail": (detail or "")[:500],
        "reason": reason or "",
        "recipient_organization_id": _uuid(recipient_id),
        "recipient": (recipient_name or "")[:300],
        "allowed": allowed,
        "hidden_from_guardians": subject.hidden,
        "what": what_json(subject.what),
        **request_fields,
    }


def _append(
    actor: Actor,
    listed: list[tuple[Subject, str]],
    *,
    action: str,
    allowed: bool = True,
    detail: str = "",
    reason: str = "",
    recipient: tuple[uuid.UUID | None, str] | None = None,
    request=None,
) -> list[AccessLogEntry]:
    """One entry per (subject, basis), all in one transaction under one lock."""
    request_fields = request_details(request)
    return chain.append_many(
        [
            _row(
                actor,
                subject,
                action=action,
                allowed=allowed,
                basis=basis,
                detail=detail,
                reason=reason,
                recipient=recipient,
                request_fields=request_fields,
            )
            for subject, basis in listed
        ]
    )


def record(
    actor: Actor,
    subjects: list[Subject] | Subject,
    *,
    action: str,
    allowed: bool = True,
    basis: str = "",
    detail: str = "",
    reason: str = "",
    recipient: tuple[uuid.UUID | None, str] | None = None,
    request=None,
) -> list[AccessLogEntry]:
    """Append one entry per subject (all in one transaction, one lock)."""
    if isinstance(subjects, Subject):
        subjects = [subjects]
    return _append(
        actor,
        [(subject, basis) for subject in subjects],
        action=action,
        allowed=allowed,
        detail=detail,
        reason=reason,
        recipient=recipient,
        request=request,
    )


def record_listed(
    actor: Actor,
    listed: list[tuple[Subject, str]],
    *,
    action: str,
    detail: str = "",
    request=None,
) -> list[AccessLogEntry]:
    """Append one entry per listed subject, each with its own basis (a list
    mixes families seen on different bases), under one lock of the head."""
    return _append(actor, listed, action=action, detail=detail, request=request)
