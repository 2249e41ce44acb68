"""Writing assessments and plans: every step one function, every save a kept version.

- Assessment: ``assessment_start`` → ``section_save`` (any number of times)
  → ``assessment_cosign`` (the current responsible worker) →
  ``assessment_complete``. A section changed after the co-signature needs a
  new one. Starting or completing after the due date needs a reason.
- Plan: ``plan_save`` (goals and actions) → ``plan_agree`` (a new version);
  or ``plan_not_needed`` with its reason (SHL §39). Actions: planned →
  under way → delivered | not delivered (with a reason).
- Two people saving from the same version: the second is refused with
  :class:`ConflictError`, which carries the other's changes.

Who may write is checked here too (the team member's scope, the responsible
worker), not only in the views.
"""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from perhekeskus.access import as_actor, family_decision, forbid, table
from perhekeskus.access.log import Action, Subject, record
from perhekeskus.access.table import Act, Kind, Part
from perhekeskus.casework.models import Matter, TeamMember
from perhekeskus.catalogue.models import Organization, Service
from perhekeskus.core.calendar import working_days_between
from perhekeskus.core.errors import ConflictError, NotAllowedError, TransitionError
from perhekeskus.events.services import emit
from perhekeskus.families.models import FamilyMembership
from perhekeskus.referrals.models import Referral

from . import selectors
from .diff import plan_changes, section_changes, section_content
from .models import (
    SHARED_SECTION_KINDS,
    Assessment,
    AssessmentSection,
    AssessmentSectionVersion,
    AssessmentSignature,
    GatheredHow,
    Goal,
    Method,
    Plan,
    PlanAction,
    PlanComment,
    PlanVersion,
    ProviderKind,
    SectionKind,
)

# Longest text accepted from a form or the API (a long assessment fits easily).
MAX_TEXT = 20_000
MAX_COMMENT = 4_000
# The oldest a child whose own view is recorded can be (a child is under 18).
MAX_CHILD_AGE = 17


def _user(actor):
    return as_actor(actor).user


def _local_today(now: datetime.datetime) -> datetime.date:
    return timezone.localdate(now)


def _require_open(matter: Matter) -> None:
    if not matter.is_open:
        raise TransitionError(_("The matter is closed: nothing in it can be changed."))


def _require(actor, matter: Matter, kind: Kind, act: Act, *, action=None) -> None:
    """Refuse (a 403 that says why, logged) unless the actor's part in the
    matter allows the step. Answering the family's comments changes the plan
    too: a plan-only member reads it; the professional named for an action
    (``action``) records that action's progress."""
    parts = set(selectors.access_parts(actor, matter))
    if action is not None and action.responsible_user_id == as_actor(actor).user_id and parts:
        parts.add(Part.ACTION_PROVIDER)
    if not table.allows(parts, kind, act):
        raise forbid(
            as_actor(actor),
            Subject(f"{kind} of matter {matter.pk}", family_id=matter.family_id),
            act,
            message=_("Your place in the family's team does not allow this."),
        )


def _emit(event_type: str, matter: Matter, **attrs) -> None:
    emit(
        event_type,
        family=matter.family,
        unit=matter.unit,
        service_task=matter.service_task,
        **attrs,
    )


def _log_change(actor, family, target: str, *, request=None, what: dict | None = None) -> None:
    """Log the saved change of the assessment or the plan, in the change's transaction.

    The family sees who processed its data and on what basis: the decision
    ``access_family`` attached to the page's family (``family.access``), or,
    for a caller without one, the access layer's decision now.
    """
    actor = as_actor(actor)
    decision = getattr(family, "access", None) or family_decision(actor, family.pk)
    record(
        actor,
        Subject(f"{target} (change)", family_id=family.pk, what=what),
        action=Action.WRITE,
        basis=decision.basis if decision else "",
        detail=(decision.detail if decision else "")[:500],
        request=request,
    )


def _clean_text(value, *, required_message: str | None = None, limit: int = MAX_TEXT) -> str:
    # A NUL byte cannot be stored in PostgreSQL text; it never belongs in prose.
    text = str(value or "").replace("\x00", "").strip()
    if required_message and not text:
        raise ValidationError(required_message, code="required")
    if len(text) > limit:
        raise ValidationError(
            _("The text is too long (at most %(n)d characters).") % {"n": limit}, code="long"
        )
    return text


def _late_reason(due: datetime.date | None, today: datetime.date, reason: str, message: str):
    """The reason, required when ``today`` is past ``due``; '' when on time."""
    late = due is not None and today > due
    reason = _clean_text(reason)
    if late and not reason:
        raise ValidationError(
            message % {"due": date_format(due, "SHORT_DATE_FORMAT")}, code="reason"
        )
    return late, (reason if late else "")


# --- Assessment -----------------------------------------------------------------


def _locked_matter(matter: Matter) -> Matter:
    return Matter.objects.select_for_update().select_related("family", "unit").get(pk=matter.pk)


def _locked_assessment(assessment: Assessment) -> Assessment:
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    locked.matter = Matter.objects.select_related("family", "unit").get(pk=locked.matter_id)
    return locked


@transaction.atomic
def assessment_start(
    *, actor, matter: Matter, reason: str = "", now=None, request=None
) -> Assessment:
    """Start the matter's assessment; after the start date only with a reason."""
    now = now or timezone.now()
    family = matter.family
    matter = _locked_matter(matter)
    _require_open(matter)
    _require(actor, matter, Kind.ASSESSMENT, Act.WRITE)
    if Assessment.objects.filter(matter=matter).exists():
        raise TransitionError(_("The assessment has already been started."))
    today = _local_today(now)
    due = matter.assessment_start_due
    late, reason = _late_reason(
        due,
        today,
        reason,
        _(
            "The assessment should have started by %(due)s. "
            "Write the reason for the delay to start it now."
        ),
    )
    assessment = Assessment.objects.create(
        matter=matter, started_at=now, started_by=_user(actor), late_start_reason=reason
    )
    pending_on = timezone.localdate(matter.pending_at)
    _emit(
        "assessment.started",
        matter,
        working_days=working_days_between(pending_on, today),
        deadline_applies=due is not None,
        within_deadline=None if due is None else not late,
        statutory=matter.deadline_statutory,
    )
    _log_change(actor, family, "service-need assessment", request=request)
    return assessment


def _author_role(matter: Matter, user) -> str:
    member = (
        TeamMember.objects.filter(matter=matter, user=user, removed_at__isnull=True)
        .values_list("role_in_family", flat=True)
        .first()
    )
    if member:
        return member
    if matter.responsible_worker == user:
        return _("responsible worker")
    return ""


def _child_of_family(matter: Matter, child_id, today) -> object:
    membership = (
        FamilyMembership.objects.active(today)
        .filter(family=matter.family, person_id=child_id, role=FamilyMembership.Role.CHILD)
        .select_related("person")
        .first()
        if child_id
        else None
    )
    if membership is None:
        raise ValidationError(_("Choose a child of this family."), code="child")
    return membership.person


def _version_content(section: AssessmentSection | None, number: int) -> dict | None:
    if section is None or number == 0:
        return None
    version = section.versions.filter(number=number).first()
    return version.content if version else None


@transaction.atomic
def section_save(
    *,
    actor,
    assessment: Assessment,
    kind: str,
    text: str,
    expected_version: int,
    child=None,
    child_age: int | None = None,
    gathered_how: str = "",
    gathered_note: str = "",
    own_words: bool = False,
    now=None,
    request=None,
) -> AssessmentSection:
    """Save one section, keeping a version; refused if it changed since ``expected_version``.

    A professional's own section belongs to that professional; the shared
    sections and the children's views are written by anyone in the team whose
    scope covers the assessment, each version naming its author.
    """
    now = now or timezone.now()
    assessment = _locked_assessment(assessment)
    matter = assessment.matter
    _require_open(matter)
    _require(actor, matter, Kind.ASSESSMENT, Act.WRITE)
    if assessment.state != Assessment.State.IN_PROGRESS:
        raise TransitionError(_("A completed assessment is not changed."))
    user = _user(actor)
    if kind not in SectionKind.values:
        raise ValidationError(_("Choose a part of the assessment."), code="kind")
    text = _clean_text(text, required_message=_("Write the text of this part."))
    sections = AssessmentSection.objects.select_for_update().filter(assessment=assessment)
    fields: dict = {}
    if kind == SectionKind.PROFESSIONAL:
        section = sections.filter(kind=kind, author=user).first()
        fields["author"] = user
        fields["author_role"] = _author_role(matter, user)[:200]
    elif kind == SectionKind.CHILD:
        child_id = getattr(child, "pk", child)
        person = _child_of_family(matter, child_id, _local_today(now))
        if child_age is None or not 0 <= int(child_age) <= MAX_CHILD_AGE:
            raise ValidationError(
                _("Give the child's age in years (0–%(n)d).") % {"n": MAX_CHILD_AGE},
                code="child_age",
            )
        if gathered_how not in GatheredHow.values:
            raise ValidationError(_("Say how the child's view was heard."), code="gathered_how")
        section = sections.filter(kind=kind, child=person).first()
        fields.update(
            child=person,
            child_age=int(child_age),
            gathered_how=gathered_how,
            gathered_note=_clean_text(gathered_note, limit=300),
            own_words=bool(own_words),
        )
    elif kind in SHARED_SECTION_KINDS:
        section = sections.filter(kind=kind).first()
    else:  # pragma: no cover - SectionKind.values checked above
        raise ValidationError(_("Choose a part of the assessment."), code="kind")
    current = section.version if section is not None else 0
    if int(expected_version) != current:
        raise ConflictError(
            _("Someone else saved this part after you opened it. Their changes are shown below."),
            section_changes(
                section.get_kind_display() if section else "",
                _version_content(section, int(expected_version)),
                section_content(section) if section else None,
            ),
        )
    if section is None:
        section = AssessmentSection(
            assessment=assessment, kind=kind, updated_by=user, version=0, **fields
        )
    else:
        for name, value in fields.items():
            setattr(section, name, value)
    section.text = text
    content = section_content(section)
    if section.pk is not None and _version_content(section, section.version) == content:
        # Nothing changed: no new version, the signature stands; the text was still processed.
        _log_change(
            actor,
            matter.family,
            "service-need assessment",
            request=request,
            what=_section_what(section),
        )
        return section
    section.version += 1
    section.updated_by = user
    section.save()
    assessment.revision += 1
    assessment.save(update_fields=["revision", "updated_at"])
    AssessmentSectionVersion.objects.create(
        section=section,
        number=section.version,
        revision=assessment.revision,
        content=content,
        author=user,
    )
    _log_change(
        actor,
        matter.family,
        "service-need assessment",
        request=request,
        what=_section_what(section),
    )
    return section


def _section_what(section: AssessmentSection) -> dict:
    """What the log says of a section: its kind and whose view (ids only)."""
    return {"kind": "assessment", "section": section.kind, "child": section.child_id}


def changes_since(assessment: Assessment, revision: int) -> list:
    """What changed in the assessment after ``revision`` (section by section)."""
    changes = []
    later = (
        AssessmentSectionVersion.objects.filter(
            section__assessment=assessment, revision__gt=revision
        )
        .values_list("section_id", flat=True)
        .distinct()
    )
    for section in AssessmentSection.objects.filter(pk__in=list(later)):
        before = section.versions.filter(revision__lte=revision).order_by("-number").first()
        changes += section_changes(
            section_label(section),
            before.content if before else None,
            section_content(section),
        )
    return changes


def section_label(section: AssessmentSection) -> str:
    if section.kind == SectionKind.PROFESSIONAL and section.author_id:
        name = section.author.get_full_name() or section.author.get_username()
        return f"{section.get_kind_display()}: {name}"
    if section.kind == SectionKind.CHILD and section.child_id:
        return f"{section.get_kind_display()}: {section.child.first_names}"
    return str(section.get_kind_display())


@transaction.atomic
def assessment_cosign(
    *, actor, assessment: Assessment, expected_revision: int, request=None
) -> Assessment:
    """The current responsible worker co-signs the conclusion as it is at ``expected_revision``."""
    assessment = _locked_assessment(assessment)
    matter = assessment.matter
    _require_open(matter)
    if assessment.state != Assessment.State.IN_PROGRESS:
        raise TransitionError(_("A completed assessment is not co-signed again."))
    user = _user(actor)
    if user is None or matter.responsible_worker != user:
        raise NotAllowedError(
            _("Only the family's current responsible worker can co-sign the conclusion.")
        )
    conclusion = assessment.sections.filter(kind=SectionKind.CONCLUSION).exclude(text="").first()
    if conclusion is None:
        raise TransitionError(_("Write the conclusion before it is co-signed."))
    if int(expected_revision) != assessment.revision:
        raise ConflictError(
            _(
                "The assessment was changed after you opened it. Read the changes below "
                "before co-signing."
            ),
            changes_since(assessment, int(expected_revision)),
        )
    if assessment.is_signed:
        raise TransitionError(_("The assessment is already co-signed as it is."))
    signature = AssessmentSignature.objects.create(
        assessment=assessment, revision=assessment.revision, signed_by=user
    )
    assessment.signed_revision = assessment.revision
    assessment.signed_by = user
    assessment.signed_at = signature.signed_at
    assessment.save(update_fields=["signed_revision", "signed_by", "signed_at", "updated_at"])
    _log_change(actor, matter.family, "service-need assessment", request=request)
    return assessment


@transaction.atomic
def assessment_complete(*, actor, assessment: Assessment, reason: str = "", now=None, request=None):
    """Complete the co-signed assessment; after its due date only with a reason."""
    now = now or timezone.now()
    assessment = _locked_assessment(assessment)
    matter = assessment.matter
    _require_open(matter)
    _require(actor, matter, Kind.ASSESSMENT, Act.WRITE)
    if assessment.state != Assessment.State.IN_PROGRESS:
        raise TransitionError(_("The assessment has already been completed."))
    if not assessment.is_signed:
        raise TransitionError(
            _(
                "The responsible worker must co-sign the assessment as it is now "
                "before it is completed."
            )
        )
    today = _local_today(now)
    due = matter.assessment_complete_due
    late, reason = _late_reason(
        due,
        today,
        reason,
        _(
            "The assessment should have been completed by %(due)s. "
            "Write the reason for the delay to complete it now."
        ),
    )
    assessment.state = Assessment.State.COMPLETED
    assessment.completed_at = now
    assessment.completed_by = _user(actor)
    assessment.late_completion_reason = reason
    assessment.save(
        update_fields=[
            "state",
            "completed_at",
            "completed_by",
            "late_completion_reason",
            "updated_at",
        ]
    )
    _emit(
        "assessment.completed",
        matter,
        days=(today - timezone.localdate(matter.pending_at)).days,
        deadline_applies=due is not None,
        within_deadline=None if due is None else not late,
        statutory=matter.deadline_statutory,
    )
    _log_change(actor, matter.family, "service-need assessment", request=request)
    return assessment


# --- Plan -----------------------------------------------------------------------


def provider_kind_of(service: Service) -> str:
    kind = service.organization.kind
    if kind in Organization.PUBLIC_KINDS:
        return ProviderKind.PUBLIC
    return kind if kind in ProviderKind.values else ""


def _person_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def plan_snapshot(plan: Plan) -> dict:
    """The plan's content as a version keeps it (ids as strings, dates ISO)."""
    goals = list(plan.goals.filter(removed_at__isnull=True).select_related("child"))
    goal_text = {g.pk: g.text for g in goals}
    actions = (
        plan.actions.filter(removed_at__isnull=True)
        .select_related("service", "method", "responsible_user")
        .order_by("order", "created_at")
    )
    return {
        "state": plan.state,
        "review_on": plan.review_on.isoformat() if plan.review_on else None,
        "not_needed_reason": plan.not_needed_reason,
        "goals": [
            {
                "id": str(g.pk),
                "text": g.text,
                "said_by": g.said_by,
                "child": str(g.child_id) if g.child_id else None,
                "child_name": g.child.first_names if g.child_id else "",
            }
            for g in goals
        ],
        "actions": [
            {
                "id": str(a.pk),
                "kind": a.kind,
                "goal": str(a.goal_id) if a.goal_id else None,
                "goal_text": goal_text.get(a.goal_id, ""),
                "service": str(a.service_id) if a.service_id else None,
                "service_name": a.service.name if a.service_id else "",
                "provider_kind": a.provider_kind,
                "method": a.method.code if a.method_id else None,
                "method_name": a.method.name if a.method_id else "",
                "appointment_count": a.appointment_count,
                "receiver": a.receiver,
                "referral": str(a.referral_id) if a.referral_id else None,
                "description": a.description,
                "responsible": a.responsible,
                "responsible_user": str(a.responsible_user_id) if a.responsible_user_id else None,
                "responsible_name": _person_name(a.responsible_user),
                "responsible_note": a.responsible_note,
                "starts_on": a.starts_on.isoformat() if a.starts_on else None,
                "ends_on": a.ends_on.isoformat() if a.ends_on else None,
                "schedule": a.schedule,
                "follow_up": a.follow_up,
                "state": a.state,
                "not_delivered_reason": a.not_delivered_reason,
            }
            for a in actions
        ],
    }


def _append_version(plan: Plan, kind: str, user, note: str = "") -> PlanVersion:
    return PlanVersion.objects.create(
        plan=plan,
        number=plan.version,
        kind=kind,
        snapshot=plan_snapshot(plan),
        note=note,
        author=user,
    )


def _plan_conflict(plan: Plan, expected_version: int) -> ConflictError:
    started_from = plan.versions.filter(number=expected_version).first()
    return ConflictError(
        _("Someone else saved the plan after you opened it. Their changes are shown below."),
        plan_changes(started_from.snapshot if started_from else None, plan_snapshot(plan)),
    )


def _as_uuid(value) -> uuid.UUID | None:
    if value in (None, ""):
        return None
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def _plan_for_update(matter: Matter, user, *, create: bool) -> Plan | None:
    plan = Plan.objects.select_for_update().filter(family_id=matter.family_id).first()
    if plan is None and create:
        plan = Plan.objects.create(family=matter.family, matter=matter, updated_by=user, version=0)
    if plan is not None and plan.matter_id != matter.pk:
        # One plan per family: it follows the family into its newest open matter.
        older = Matter.objects.filter(pk=plan.matter_id).values_list("pending_at", "state").first()
        if older is None or older[1] != Matter.State.OPEN or older[0] <= matter.pending_at:
            plan.matter = matter
            plan.save(update_fields=["matter", "updated_at"])
    return plan


def _team_user_ids(matter: Matter) -> set:
    ids = set(
        TeamMember.objects.filter(matter=matter, removed_at__isnull=True).values_list(
            "user_id", flat=True
        )
    )
    if matter.responsible_worker is not None:
        ids.add(matter.responsible_worker.pk)
    return ids


def _clean_action(data: dict, *, matter: Matter, goals: dict, team_ids: set) -> dict:
    """Validated fields of one action (``goals``: the plan's goals by id)."""
    errors = []
    kind = data.get("kind")
    if kind not in PlanAction.Kind.values:
        raise ValidationError(_("Choose what kind of action this is."), code="kind")
    fields = {
        "kind": kind,
        "service": None,
        "provider_kind": "",
        "method": None,
        "appointment_count": None,
        "receiver": "",
        "referral": None,
    }
    if kind == PlanAction.Kind.SERVICE:
        service = data.get("service")
        if not isinstance(service, Service):
            service = (
                Service.objects.select_related("organization")
                .filter(pk=_as_uuid(service), status=Service.Status.ACTIVE)
                .first()
            )
        if service is None:
            errors.append(_("Choose the service from the catalogue."))
        else:
            fields["service"] = service
            fields["provider_kind"] = provider_kind_of(service)
    elif kind == PlanAction.Kind.METHOD:
        method = data.get("method")
        if not isinstance(method, Method):
            method = Method.objects.filter(code=str(method or ""), is_active=True).first()
        if method is None:
            errors.append(_("Choose the method."))
        else:
            fields["method"] = method
    elif kind == PlanAction.Kind.APPOINTMENTS:
        count = data.get("appointment_count")
        if not isinstance(count, int) or not 1 <= count <= 200:
            errors.append(_("Give the number of appointments (1–200)."))
        else:
            fields["appointment_count"] = count
    else:
        receiver = _clean_text(data.get("receiver"), limit=200)
        referral = data.get("referral")
        if referral and not isinstance(referral, Referral):
            referral = (
                Referral.objects.select_related("receiver_unit")
                .filter(pk=_as_uuid(referral))
                .first()
            )
        if referral and referral.matter.family_id != matter.family_id:
            referral = None
            errors.append(_("Choose a referral made in this family's matters."))
        elif data.get("referral") and referral is None:
            errors.append(_("Choose a referral made in this family's matters."))
        if referral and not receiver:
            receiver = referral.receiver_unit.name[:200]
        if not receiver:
            errors.append(_("Say to whom the referral or consultation goes."))
        fields["receiver"] = receiver
        fields["referral"] = referral or None
    goal_id = _as_uuid(data.get("goal"))
    if data.get("goal") and goal_id not in goals:
        errors.append(_("Choose one of the plan's goals."))
    fields["goal"] = goals.get(goal_id)
    fields["description"] = _clean_text(data.get("description"))
    if not fields["description"]:
        errors.append(_("Say in plain words what is done."))
    fields["follow_up"] = _clean_text(data.get("follow_up"))
    if not fields["follow_up"]:
        errors.append(_("Say how progress is followed."))
    responsible = data.get("responsible")
    fields["responsible"] = responsible
    fields["responsible_user"] = None
    fields["responsible_note"] = _clean_text(data.get("responsible_note"), limit=200)
    if responsible == PlanAction.Responsible.PROFESSIONAL:
        user = data.get("responsible_user")
        user_id = getattr(user, "pk", None) or _as_uuid(user)
        if user_id not in team_ids:
            errors.append(_("Choose the responsible professional from the family's team."))
        else:
            fields["responsible_user_id"] = user_id
            fields.pop("responsible_user")
    elif responsible != PlanAction.Responsible.FAMILY:
        errors.append(_("Say who is responsible."))
    starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        errors.append(_("The action cannot end before it starts."))
    fields["starts_on"], fields["ends_on"] = starts_on or None, ends_on or None
    fields["schedule"] = _clean_text(data.get("schedule"), limit=200)
    if errors:
        raise ValidationError(errors)
    return fields


@transaction.atomic
def plan_save(
    *,
    actor,
    matter: Matter,
    expected_version: int,
    review_on: datetime.date | None = None,
    goals: list[dict] = (),
    actions: list[dict] = (),
    request=None,
) -> Plan:
    """Save the family's plan (goals and actions) as a new version.

    ``goals``: dicts with ``id`` (None for a new one), ``text``, ``said_by``,
    ``child`` (the id of a child of the family whose own goal it is, or None),
    ``remove``. ``actions``: dicts with ``id``, ``remove`` and the fields of
    :func:`_clean_action`. Finished actions are not changed or removed.
    A plan recorded as not needed becomes a plan being prepared again.
    """
    family = matter.family
    matter = _locked_matter(matter)
    _require_open(matter)
    _require(actor, matter, Kind.PLAN, Act.WRITE)
    user = _user(actor)
    plan = _plan_for_update(matter, user, create=True)
    if int(expected_version) != plan.version:
        raise _plan_conflict(plan, int(expected_version))
    now = timezone.now()
    today = _local_today(now)
    before = plan_snapshot(plan) if plan.version else None

    existing_goals = {g.pk: g for g in plan.goals.filter(removed_at__isnull=True)}
    for order, item in enumerate(goals):
        goal = existing_goals.get(_as_uuid(item.get("id"))) if item.get("id") else None
        if item.get("id") and goal is None:
            raise ValidationError(_("A goal of the plan was not found; reload the page."))
        if item.get("remove"):
            if goal is not None:
                goal.removed_at = now
                goal.save(update_fields=["removed_at", "updated_at"])
                existing_goals.pop(goal.pk)
            continue
        text = _clean_text(item.get("text"), limit=2_000)
        if not text:
            raise ValidationError(_("Write each goal in the family's own words."))
        said_by = _clean_text(item.get("said_by"), limit=200)
        child_id = None
        if item.get("child"):
            child_id = _child_of_family(matter, _as_uuid(item.get("child")), today).pk
        if goal is None:
            goal = Goal.objects.create(
                plan=plan, text=text, said_by=said_by, child_id=child_id, order=order
            )
            existing_goals[goal.pk] = goal
        elif (goal.text, goal.said_by, goal.child_id, goal.order) != (
            text,
            said_by,
            child_id,
            order,
        ):
            goal.text, goal.said_by, goal.child_id, goal.order = text, said_by, child_id, order
            goal.save(update_fields=["text", "said_by", "child", "order", "updated_at"])

    team_ids = _team_user_ids(matter)
    existing_actions = {a.pk: a for a in plan.actions.filter(removed_at__isnull=True)}
    for order, item in enumerate(actions):
        action = existing_actions.get(_as_uuid(item.get("id"))) if item.get("id") else None
        if item.get("id") and action is None:
            raise ValidationError(_("An action of the plan was not found; reload the page."))
        if action is not None and action.state not in PlanAction.OPEN_STATES:
            raise ValidationError(_("A finished action is kept as it is."))
        if item.get("remove"):
            if action is not None:
                if action.state != PlanAction.State.PLANNED:
                    raise ValidationError(
                        _("An action under way is not removed: record it as not delivered.")
                    )
                action.removed_at = now
                action.save(update_fields=["removed_at", "updated_at"])
            continue
        fields = _clean_action(item, matter=matter, goals=existing_goals, team_ids=team_ids)
        if action is None:
            action = PlanAction(plan=plan)
        for name, value in fields.items():
            setattr(action, name, value)
        action.order = order
        action.save()

    plan.review_on = review_on
    if plan.state == Plan.State.NOT_NEEDED:
        plan.state = Plan.State.DRAFT
        plan.not_needed_reason = ""
    after = plan_snapshot(plan)
    if before is not None and before == after:
        _log_change(actor, family, "plan", request=request)
        return plan
    plan.version += 1
    plan.updated_by = user
    plan.save()
    _append_version(plan, PlanVersion.Kind.SAVED, user)
    _log_change(actor, family, "plan", request=request)
    return plan


@transaction.atomic
def plan_agree(*, actor, plan: Plan, expected_version: int, note: str = "", request=None) -> Plan:
    """Record that the plan, as it is at ``expected_version``, was agreed with the family."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    matter = _locked_matter(plan.matter)
    _require_open(matter)
    _require(actor, matter, Kind.PLAN, Act.WRITE)
    if plan.state == Plan.State.NOT_NEEDED:
        raise TransitionError(_("No plan is needed: save a plan first."))
    if int(expected_version) != plan.version:
        raise _plan_conflict(plan, int(expected_version))
    if plan.state == Plan.State.AGREED and not plan.changed_since_agreed:
        raise TransitionError(_("The plan has already been agreed as it is."))
    if not plan.goals.filter(removed_at__isnull=True).exists():
        raise TransitionError(_("Write at least one goal before the plan is agreed."))
    user = _user(actor)
    plan.version += 1
    plan.state = Plan.State.AGREED
    plan.agreed_version = plan.version
    plan.agreed_at = timezone.now()
    plan.updated_by = user
    plan.save()
    _append_version(plan, PlanVersion.Kind.AGREED, user, note=_clean_text(note, limit=2_000))
    _emit(
        "plan.agreed",
        matter,
        version=plan.version,
        actions=plan.actions.filter(removed_at__isnull=True).count(),
    )
    _log_change(actor, matter.family, "plan", request=request)
    return plan


@transaction.atomic
def plan_not_needed(
    *, actor, matter: Matter, reason: str, expected_version: int = 0, request=None
) -> Plan:
    """Record why the family needs no plan (SHL §39: obviously unnecessary)."""
    family = matter.family
    matter = _locked_matter(matter)
    _require_open(matter)
    _require(actor, matter, Kind.PLAN, Act.WRITE)
    reason = _clean_text(
        reason, required_message=_("Write why no plan is needed."), limit=MAX_COMMENT
    )
    user = _user(actor)
    plan = _plan_for_update(matter, user, create=True)
    if int(expected_version) != plan.version:
        raise _plan_conflict(plan, int(expected_version))
    if plan.agreed_version is not None:
        raise TransitionError(
            _("A plan has been agreed with the family; it is followed up, not set aside.")
        )
    if plan.state == Plan.State.NOT_NEEDED:
        raise TransitionError(_("It has already been recorded that no plan is needed."))
    now = timezone.now()
    plan.actions.filter(removed_at__isnull=True).update(removed_at=now)
    plan.goals.filter(removed_at__isnull=True).update(removed_at=now)
    plan.state = Plan.State.NOT_NEEDED
    plan.not_needed_reason = reason
    plan.version += 1
    plan.updated_by = user
    plan.save()
    _append_version(plan, PlanVersion.Kind.NOT_NEEDED, user, note=reason)
    _emit("plan.not_needed", matter)
    _log_change(actor, family, "plan", request=request)
    return plan


def _locked_action(action: PlanAction) -> tuple[PlanAction, Matter]:
    action = PlanAction.objects.select_for_update().get(pk=action.pk)
    plan = Plan.objects.get(pk=action.plan_id)
    matter = Matter.objects.select_related("family", "unit").get(pk=plan.matter_id)
    if action.removed_at is not None:
        raise TransitionError(_("The action has been removed from the plan."))
    return action, matter


@transaction.atomic
def action_start(*, actor, action: PlanAction, request=None) -> PlanAction:
    action, matter = _locked_action(action)
    _require_open(matter)
    _require(actor, matter, Kind.PLAN, Act.WRITE, action=action)
    if action.state != PlanAction.State.PLANNED:
        raise TransitionError(_("Only a planned action can be started."))
    action.state = PlanAction.State.UNDER_WAY
    action.started_at = timezone.now()
    action.save(update_fields=["state", "started_at", "updated_at"])
    _log_change(actor, matter.family, "plan", request=request)
    return action


@transaction.atomic
def action_deliver(*, actor, action: PlanAction, request=None) -> PlanAction:
    action, matter = _locked_action(action)
    _require_open(matter)
    _require(actor, matter, Kind.PLAN, Act.WRITE, action=action)
    if action.state not in PlanAction.OPEN_STATES:
        raise TransitionError(_("The action has already been finished."))
    now = timezone.now()
    action.state = PlanAction.State.DELIVERED
    action.started_at = action.started_at or now
    action.finished_at = now
    action.finished_by = _user(actor)
    action.save(update_fields=["state", "started_at", "finished_at", "finished_by", "updated_at"])
    _emit(
        "plan.action_delivered",
        matter,
        kind=action.kind,
        provider_kind=action.provider_kind,
    )
    _log_change(actor, matter.family, "plan", request=request)
    return action


@transaction.atomic
def action_not_delivered(*, actor, action: PlanAction, reason: str, request=None) -> PlanAction:
    action, matter = _locked_action(action)
    _require_open(matter)
    _require(actor, matter, Kind.PLAN, Act.WRITE, action=action)
    if action.state not in PlanAction.OPEN_STATES:
        raise TransitionError(_("The action has already been finished."))
    reason = _clean_text(
        reason, required_message=_("Write why the action was not delivered."), limit=MAX_COMMENT
    )
    action.state = PlanAction.State.NOT_DELIVERED
    action.finished_at = timezone.now()
    action.finished_by = _user(actor)
    action.not_delivered_reason = reason
    action.save(
        update_fields=[
            "state",
            "finished_at",
            "finished_by",
            "not_delivered_reason",
            "updated_at",
        ]
    )
    _log_change(actor, matter.family, "plan", request=request)
    return action


@transaction.atomic
def plan_comment(*, actor, plan: Plan, text: str) -> PlanComment:
    """A comment on the plan from the family (a member) or from the team."""
    actor = as_actor(actor)
    plan = Plan.objects.select_related("matter").get(pk=plan.pk)
    text = _clean_text(text, required_message=_("Write your comment."), limit=MAX_COMMENT)
    by_family = (
        actor.person_id is not None
        and FamilyMembership.objects.active()
        .filter(family_id=plan.family_id, person_id=actor.person_id)
        .exists()
    )
    if not by_family:
        _require_open(plan.matter)
        _require(actor, plan.matter, Kind.PLAN, Act.WRITE)
    if plan.state == Plan.State.NOT_NEEDED and by_family:
        raise TransitionError(_("There is no plan to comment on."))
    return PlanComment.objects.create(
        plan=plan, author=actor.user, by_family=by_family, plan_version=plan.version, text=text
    )
