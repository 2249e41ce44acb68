"""Reads of the assessment tool.

Assessments hold no personal data of clients: the tool is open to every
preparing official and statistics viewer of the organiser (the view policies
check the capability), and the public sees only published versions.
"""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404

from perhekeskus.accounts.capabilities import ROLE_CAPABILITIES, Capability
from perhekeskus.accounts.models import Membership, User

from .models import Assessment, AssessmentVersion, Notice


def _uuid(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as error:
        raise Http404 from error


def assessments() -> QuerySet[Assessment]:
    return Assessment.objects.select_related("preparer").order_by("-updated_at")


def assessment(assessment_id) -> Assessment:
    found = assessments().filter(pk=_uuid(assessment_id)).first()
    if found is None:
        raise Http404
    return found


def versions(found: Assessment) -> list[AssessmentVersion]:
    return list(
        found.versions.select_related("created_by")
        .prefetch_related("sign_offs__signed_by", "publications")
        .order_by("number")
    )


def version(found: Assessment, number: int) -> AssessmentVersion | None:
    return found.versions.filter(number=number).first()


def current_version(found: Assessment) -> AssessmentVersion | None:
    return version(found, found.version)


def published_assessments() -> QuerySet[Assessment]:
    return Assessment.objects.filter(published_version__isnull=False).order_by("-published_at")


def published(assessment_id) -> tuple[Assessment, AssessmentVersion]:
    """A published assessment and its published version, or 404 (drafts,
    signed but unpublished versions and unknown ids look the same)."""
    found = published_assessments().filter(pk=_uuid(assessment_id)).first()
    if found is None:
        raise Http404
    shown = version(found, found.published_version)
    if shown is None:
        raise Http404
    return found, shown


def preparers() -> list[tuple[str, str]]:
    """The officials who may be named responsible preparer: those whose
    roles in force give PREPARE_DECISIONS."""
    roles = [r for r, caps in ROLE_CAPABILITIES.items() if Capability.PREPARE_DECISIONS in caps]
    ids = Membership.objects.active().filter(role__in=roles).values("user_id")
    users = User.objects.filter(pk__in=ids, is_active=True).order_by(
        "last_name", "first_name", "username"
    )
    return [(str(u.pk), u.get_full_name() or u.get_username()) for u in users]


def notices_for(user) -> QuerySet[Notice]:
    return Notice.objects.filter(user=user).select_related("assessment")


def unread_notices(user) -> QuerySet[Notice]:
    return notices_for(user).filter(read_at__isnull=True)
