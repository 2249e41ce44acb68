"""The life of a service change: draft → in review → published.

A rejection sends the change back to draft with the editor's reason. Every
step appends a :class:`ServiceVersion`; publishing alone writes the live
catalogue, in one transaction, and refuses when the live service changed
after the draft was started.
"""

from __future__ import annotations

import copy
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.catalogue.models import Organization, Service
from perhekeskus.catalogue.search import index_services
from perhekeskus.core.errors import ConflictError, TransitionError

from . import snapshot as snap
from .diff import FieldChange, compare
from .models import ServiceChange, ServiceVersion

State = ServiceChange.State


def _append(change: ServiceChange, kind: str, user, note: str = "") -> ServiceVersion:
    return ServiceVersion.objects.create(
        service_key=change.service_key,
        change=change,
        kind=kind,
        snapshot=copy.deepcopy(change.snapshot),
        note=note,
        created_by=user,
    )


def _require(change: ServiceChange, state: str, message: str) -> None:
    if change.state != state:
        raise TransitionError(message)


@transaction.atomic
def start_change(*, user, service: Service) -> ServiceChange:
    """The open change of a service, or a new draft from its live content."""
    Service.objects.select_for_update().filter(pk=service.pk).first()
    existing = ServiceChange.objects.filter(
        service_key=service.pk, state__in=ServiceChange.OPEN_STATES
    ).first()
    if existing is not None:
        return existing
    live = snap.serialise(service)
    change = ServiceChange.objects.create(
        organization=service.organization,
        service_key=service.pk,
        snapshot=live,
        base_snapshot=live,
        base_version=service.version,
        created_by=user,
    )
    ServiceVersion.objects.create(
        service_key=service.pk, change=change, kind=ServiceVersion.Kind.LIVE, snapshot=live
    )
    return change


@transaction.atomic
def start_new_service(*, user, organization: Organization) -> ServiceChange:
    return ServiceChange.objects.create(
        organization=organization,
        service_key=uuid.uuid4(),
        is_new=True,
        snapshot=snap.empty(),
        created_by=user,
    )


@transaction.atomic
def save_draft(*, user, change: ServiceChange, content: dict) -> ServiceChange:
    change = ServiceChange.objects.select_for_update().get(pk=change.pk)
    _require(change, State.DRAFT, _("Only a draft can be edited."))
    change.snapshot = content
    change.save(update_fields=["snapshot", "updated_at"])
    _append(change, ServiceVersion.Kind.DRAFT, user)
    return change


def missing_for_review(content: dict) -> list[str]:
    """What a change must have before it can be sent for review."""
    service = content["service"]
    missing = []
    if not service.get("name_fi") and not service.get("name_sv"):
        missing.append(_("The service needs a name in Finnish or Swedish."))
    if not service.get("summary_fi") and not service.get("summary_sv"):
        missing.append(_("The service needs a summary in Finnish or Swedish."))
    return missing


@transaction.atomic
def submit(*, user, change: ServiceChange) -> ServiceChange:
    change = ServiceChange.objects.select_for_update().get(pk=change.pk)
    _require(change, State.DRAFT, _("Only a draft can be sent for review."))
    missing = missing_for_review(change.snapshot)
    if missing:
        raise ValidationError(missing)
    change.state = State.IN_REVIEW
    change.submitted_at = timezone.now()
    change.save(update_fields=["state", "submitted_at", "updated_at"])
    _append(change, ServiceVersion.Kind.SUBMITTED, user)
    return change


@transaction.atomic
def reject(*, editor, change: ServiceChange, reason: str) -> ServiceChange:
    change = ServiceChange.objects.select_for_update().get(pk=change.pk)
    _require(change, State.IN_REVIEW, _("Only a change in review can be returned."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for returning the change."))
    change.state = State.DRAFT
    change.rejection_reason = reason
    change.reviewed_by = editor
    change.reviewed_at = timezone.now()
    change.save(
        update_fields=["state", "rejection_reason", "reviewed_by", "reviewed_at", "updated_at"]
    )
    _append(change, ServiceVersion.Kind.REJECTED, editor, note=reason)
    return change


def live_conflict(change: ServiceChange, service: Service | None) -> list[FieldChange] | None:
    """How the live service differs from what the draft started from; None if unchanged."""
    if change.is_new:
        return [] if service is not None else None
    if service is None:
        return compare(change.base_snapshot, None)
    live = snap.serialise(service)
    if service.version == change.base_version and live == change.base_snapshot:
        return None
    return compare(change.base_snapshot, live)


@transaction.atomic
def approve(*, editor, change: ServiceChange) -> Service:
    change = ServiceChange.objects.select_for_update().get(pk=change.pk)
    _require(change, State.IN_REVIEW, _("Only a change in review can be published."))
    service = Service.objects.select_for_update().filter(pk=change.service_key).first()
    conflict = live_conflict(change, service)
    if conflict is not None:
        raise ConflictError(
            _("The service was changed after this draft was started."), changes=conflict
        )
    if service is None:
        service = Service(id=change.service_key, organization=change.organization, version=0)
    try:
        # Nested so a refused snapshot leaves nothing half-written.
        with transaction.atomic():
            snap.apply(change.snapshot, service)
    except (snap.SnapshotError, ValidationError) as error:
        messages = error.messages if isinstance(error, ValidationError) else [str(error)]
        raise ValidationError(messages) from error
    now = timezone.now()
    Service.objects.filter(pk=service.pk).update(version=service.version + 1, last_reviewed_at=now)
    service.refresh_from_db()
    change.state = State.PUBLISHED
    change.reviewed_by = editor
    change.reviewed_at = now
    change.rejection_reason = ""
    change.save(
        update_fields=["state", "reviewed_by", "reviewed_at", "rejection_reason", "updated_at"]
    )
    _append(change, ServiceVersion.Kind.PUBLISHED, editor)
    index_services([service.pk])
    return service


@transaction.atomic
def rebase(*, user, change: ServiceChange) -> ServiceChange:
    """Start the draft again from the live service as it is now, keeping the
    provider's content: the provider has seen the difference and keeps theirs."""
    change = ServiceChange.objects.select_for_update().get(pk=change.pk)
    _require(change, State.DRAFT, _("Only a draft can be updated."))
    service = Service.objects.filter(pk=change.service_key).first()
    if service is None or change.is_new:
        return change
    live = snap.serialise(service)
    change.base_snapshot = live
    change.base_version = service.version
    change.save(update_fields=["base_snapshot", "base_version", "updated_at"])
    ServiceVersion.objects.create(
        service_key=service.pk, change=change, kind=ServiceVersion.Kind.LIVE, snapshot=live
    )
    return change
