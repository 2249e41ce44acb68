"""Every write of the child impact assessment tool.

The life of an assessment: draft → signed off → published, and back to
draft when it is reopened for a new version. Saving is allowed only in a
draft, appends a version, and is refused when the form was opened at an
older version than the current one (the other official's changes are shown
by :class:`ConflictError`). Signing freezes the version it signs; only a
signed version is published, and the public sees only published versions.
"""

from __future__ import annotations

import copy
import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.selectors import has_capability
from perhekeskus.core.errors import ConflictError, NotAllowedError, TransitionError

from . import evidence
from .diff import compare
from .models import (
    Assessment,
    AssessmentVersion,
    IndicatorLink,
    Notice,
    Publication,
    SignOff,
)
from .steps import SCREENING, missing_for_sign_off

State = Assessment.State
MATTER_FIELDS = ("title", "decision_maker", "planned_decision_date", "preparer")


def snapshot(assessment: Assessment) -> dict:
    """Everything a version keeps: the matter, the content and the linked
    indicators with the latest value each had when the version was saved."""
    preparer = assessment.preparer
    if assessment.indicator_links.exclude(operational_code="").exists():
        evidence.refresh_operational()
    return {
        "matter": {
            "title": assessment.title,
            "decision_maker": assessment.decision_maker,
            "planned_decision_date": (
                assessment.planned_decision_date.isoformat()
                if assessment.planned_decision_date
                else ""
            ),
            "preparer": preparer.get_full_name() or preparer.get_username(),
        },
        "content": copy.deepcopy(assessment.content or {}),
        "indicators": [
            evidence.describe(link)
            for link in assessment.indicator_links.select_related("indicator").order_by(
                "created_at", "id"
            )
        ],
    }


def _require_may_prepare(user) -> None:
    if not has_capability(user, Capability.PREPARE_DECISIONS):
        raise NotAllowedError(_("Only a preparing official may do this."))


def _append(assessment: Assessment, *, user, step: str, kept: dict | None = None):
    return AssessmentVersion.objects.create(
        assessment=assessment,
        number=assessment.version,
        step=step,
        snapshot=kept if kept is not None else snapshot(assessment),
        created_by=user,
    )


def _locked(assessment: Assessment) -> Assessment:
    return Assessment.objects.select_for_update().select_related("preparer").get(pk=assessment.pk)


def _version(assessment: Assessment, number: int) -> AssessmentVersion | None:
    return assessment.versions.filter(number=number).first()


@transaction.atomic
def create_assessment(
    *, user, matter: dict, screening: dict, assessment_id: uuid.UUID | None = None
) -> Assessment:
    """A new assessment from the first save of its screening (version 1)."""
    _require_may_prepare(user)
    assessment = Assessment(
        id=assessment_id or uuid.uuid4(),
        content={SCREENING: screening},
        full_assessment_needed=_needed(screening),
        version=1,
    )
    _apply_matter(assessment, matter)
    assessment.full_clean(exclude=["content", "preparer"])
    assessment.save()
    _append(assessment, user=user, step=SCREENING)
    return assessment


def _apply_matter(assessment: Assessment, matter: dict) -> None:
    for name in MATTER_FIELDS:
        if name not in matter:
            continue
        value = matter[name]
        if name == "planned_decision_date":
            value = datetime.date.fromisoformat(value) if value else None
        setattr(assessment, name, value)


def _needed(screening: dict) -> bool | None:
    return {"yes": True, "no": False}.get(screening.get("full_needed") or "")


@transaction.atomic
def save_step(
    *,
    user,
    assessment: Assessment,
    step: str,
    base_version: int,
    fragment: dict | None = None,
    matter: dict | None = None,
    add_link: dict | None = None,
    remove_links: list | tuple = (),
    follow_links: list | tuple | None = None,
) -> tuple[Assessment, bool]:
    """Save one step (or the screening) and append a version.

    Returns the assessment and whether a new version was made (a save that
    changes nothing makes none). Raises :class:`ConflictError` when the form
    was opened at an older version than the current one.
    """
    _require_may_prepare(user)
    assessment = _locked(assessment)
    if assessment.state != State.DRAFT:
        raise TransitionError(
            _("A signed-off assessment cannot be changed: reopen it to start a new version.")
        )
    if base_version != assessment.version:
        base = _version(assessment, base_version)
        current = _version(assessment, assessment.version)
        raise ConflictError(
            _("The assessment was changed after you opened this page."),
            changes=compare(base.snapshot if base else None, current.snapshot if current else None),
            current_version=assessment.version,
        )
    before = snapshot(assessment)
    if matter is not None:
        _apply_matter(assessment, matter)
    if fragment is not None:
        content = copy.deepcopy(assessment.content or {})
        content[step] = fragment
        assessment.content = content
        if step == SCREENING:
            assessment.full_assessment_needed = _needed(fragment)
        if step == "follow_up":
            date = fragment.get("date")
            assessment.follow_up_date = datetime.date.fromisoformat(date) if date else None
    if add_link:
        _add_link(assessment, add_link)
    if remove_links:
        assessment.indicator_links.filter(pk__in=list(remove_links)).delete()
    if follow_links is not None:
        keep = {str(pk) for pk in follow_links}
        for link in assessment.indicator_links.all():
            wanted = str(link.pk) in keep
            if link.follow != wanted:
                link.follow = wanted
                link.save(update_fields=["follow", "updated_at"])
    after = snapshot(assessment)
    if after == before:
        return assessment, False
    assessment.version += 1
    assessment.save()
    _append(assessment, user=user, step=step, kept=after)
    return assessment, True


def _add_link(assessment: Assessment, data: dict) -> None:
    indicator_id = data.get("indicator") or None
    code = data.get("operational_code") or ""
    if indicator_id is None and not code:
        return
    if indicator_id is not None and not evidence.imported_exists(indicator_id):
        raise ValidationError(_("The indicator was not found."))
    if code and not evidence.operational_exists(code):
        raise ValidationError(_("The indicator was not found."))
    duplicate = assessment.indicator_links.filter(
        indicator_id=indicator_id if indicator_id else None, operational_code=code
    )
    if duplicate.exists():
        raise ValidationError(_("The indicator is already linked."))
    IndicatorLink.objects.create(
        assessment=assessment,
        indicator_id=indicator_id,
        operational_code=code,
        note=data.get("note") or "",
    )


def signer_problem(user, assessment: Assessment) -> str | None:
    """Why ``user`` may not sign the current version off, or None.

    The four-eyes rule: the signer is a preparing official who is neither
    the responsible preparer nor the one who saved the version being signed.
    """
    if not has_capability(user, Capability.PREPARE_DECISIONS):
        return _("Only a preparing official may sign off an assessment.")
    if user.pk == assessment.preparer_id:
        return _("The responsible preparer cannot sign off their own assessment.")
    current = _version(assessment, assessment.version)
    if current is not None and current.created_by_id == user.pk:
        return _("You saved this version: another official must sign it off.")
    return None


@transaction.atomic
def sign_off(*, user, assessment: Assessment, version: int, statement: str = "") -> SignOff:
    assessment = _locked(assessment)
    if assessment.state != State.DRAFT:
        raise TransitionError(_("Only a draft can be signed off."))
    if version != assessment.version:
        raise TransitionError(
            _("The assessment was changed after you opened it: read the new version first.")
        )
    problem = signer_problem(user, assessment)
    if problem:
        raise NotAllowedError(problem)
    missing = missing_for_sign_off(assessment, list(assessment.indicator_links.all()))
    if missing:
        raise ValidationError(
            [_("Complete this part first: %(part)s") % {"part": part} for part in missing]
        )
    signed = SignOff.objects.create(
        assessment=assessment,
        version=_version(assessment, assessment.version),
        signed_by=user,
        statement=statement,
    )
    assessment.state = State.SIGNED
    assessment.signed_version = assessment.version
    assessment.save(update_fields=["state", "signed_version", "updated_at"])
    return signed


@transaction.atomic
def publish(*, user, assessment: Assessment, version: int) -> Publication:
    _require_may_prepare(user)
    assessment = _locked(assessment)
    if assessment.state != State.SIGNED or assessment.signed_version != version:
        raise TransitionError(_("Only the signed-off version can be published."))
    publication = Publication.objects.create(
        assessment=assessment,
        version=_version(assessment, version),
        published_by=user,
    )
    assessment.state = State.PUBLISHED
    assessment.published_version = version
    assessment.published_at = publication.published_at
    assessment.save(update_fields=["state", "published_version", "published_at", "updated_at"])
    return publication


@transaction.atomic
def reopen(*, user, assessment: Assessment) -> Assessment:
    """Back to a draft for a new version; the signed (and published) versions
    stay as they were, and the public page keeps showing the published one."""
    _require_may_prepare(user)
    assessment = _locked(assessment)
    if assessment.state == State.DRAFT:
        raise TransitionError(_("The assessment is already a draft."))
    assessment.state = State.DRAFT
    assessment.save(update_fields=["state", "updated_at"])
    return assessment


# --- Follow-up reminders --------------------------------------------------------


def due_follow_ups(today: datetime.date):
    """Signed-off assessments whose follow-up date has come and whose preparer
    has no notice of that date yet."""
    reminded = Notice.objects.filter(
        assessment=models.OuterRef("pk"),
        kind=Notice.Kind.FOLLOW_UP,
        due_on=models.OuterRef("follow_up_date"),
    )
    return (
        Assessment.objects.filter(
            signed_version__isnull=False, follow_up_date__isnull=False, follow_up_date__lte=today
        )
        .exclude(models.Exists(reminded))
        .select_related("preparer")
    )


def send_follow_up_reminders(*, today: datetime.date | None = None) -> dict:
    """One in-app notice and one email to the preparer for each follow-up date
    that has come. Idempotent: a notice is unique per assessment and date, and
    an email is sent only for a notice not yet emailed, so a second run (or a
    second worker) repeats nothing, and an email that failed is tried again."""
    today = today or timezone.localdate()
    created = 0
    for assessment in due_follow_ups(today):
        with transaction.atomic():
            _, made = Notice.objects.get_or_create(
                assessment=assessment,
                kind=Notice.Kind.FOLLOW_UP,
                due_on=assessment.follow_up_date,
                defaults={"user": assessment.preparer},
            )
        created += made
    emailed = 0
    pending = Notice.objects.filter(emailed_at__isnull=True, kind=Notice.Kind.FOLLOW_UP)
    for notice_id in pending.values_list("pk", flat=True):
        with transaction.atomic():
            notice = (
                Notice.objects.select_for_update(skip_locked=True)
                .select_related("user", "assessment")
                .filter(pk=notice_id, emailed_at__isnull=True)
                .first()
            )
            if notice is None:
                continue
            if notice.user.email:
                _email_reminder(notice)
                emailed += 1
            # Without an address the notice in the tool is the reminder.
            notice.emailed_at = timezone.now()
            notice.save(update_fields=["emailed_at"])
    return {"notices": created, "emails": emailed}


def _email_reminder(notice: Notice) -> None:
    assessment = notice.assessment
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Follow-up of a child impact assessment: %(title)s") % {
            "title": assessment.title
        }
        body = render_to_string(
            "impact/email/follow_up.txt",
            {
                "notice": notice,
                "assessment": assessment,
                "path": reverse("impact:detail", args=[assessment.pk]),
                "followed": [
                    evidence.describe(link)
                    for link in assessment.indicator_links.filter(follow=True).select_related(
                        "indicator"
                    )
                ],
            },
        )
    EmailMessage(subject, body, to=[notice.user.email]).send()


@transaction.atomic
def mark_notice_read(*, user, notice_id: int) -> bool:
    return bool(
        Notice.objects.filter(pk=notice_id, user=user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
    )
