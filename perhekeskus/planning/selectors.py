"""Reads of assessments and plans, scoped through the access layer and logged.

A matter is fetched with :func:`perhekeskus.casework.selectors.access_matter`
(which decides and logs the read of the family); what of it a professional
sees follows the team member's scope: ``full`` and ``assessment_and_plan``
see the assessment and the plan, ``plan_only`` the plan alone. Each read of
an assessment or a plan appends its own access-log entry too.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from perhekeskus.access import NotFound, access_family, as_actor, table
from perhekeskus.access.core import deny
from perhekeskus.access.log import Action, Subject, record
from perhekeskus.access.table import Act, Kind
from perhekeskus.casework import selectors as casework
from perhekeskus.casework.access import matter_parts
from perhekeskus.casework.models import Matter, ResponsibleWorker, TeamMember
from perhekeskus.families.models import FamilyMembership

from .models import (
    Assessment,
    AssessmentSection,
    AssessmentSectionVersion,
    Goal,
    Plan,
    PlanAction,
    PlanComment,
    PlanVersion,
    SectionKind,
)

FULL = TeamMember.Scope.FULL
ASSESSMENT_AND_PLAN = TeamMember.Scope.ASSESSMENT_AND_PLAN
PLAN_ONLY = TeamMember.Scope.PLAN_ONLY

# Who sees and writes the assessment; who sees the plan; who changes it.
ASSESSMENT_SCOPES = frozenset({FULL, ASSESSMENT_AND_PLAN})
PLAN_SCOPES = frozenset({FULL, ASSESSMENT_AND_PLAN, PLAN_ONLY})
PLAN_EDIT_SCOPES = ASSESSMENT_SCOPES


def scope_of(actor, matter: Matter) -> str | None:
    """The actor's scope on the matter (as fetched by ``access_matter``, or decided now)."""
    scope = getattr(matter, "scope", None)
    return scope if scope is not None else casework.team_scope_of(actor, matter)


def access_parts(actor, matter: Matter) -> frozenset:
    """The actor's parts in the matter (kept on the matter for the request)."""
    cached = getattr(matter, "_access_parts", None)
    if cached is None or cached[0] != as_actor(actor).user_id:
        cached = (as_actor(actor).user_id, matter_parts(as_actor(actor), matter))
        matter._access_parts = cached
    return cached[1]


def allows(actor, matter: Matter, kind: Kind, act: Act) -> bool:
    """What the access table lets the actor's part in the matter do."""
    return table.allows(access_parts(actor, matter), kind, act)


def may_see_assessment(actor, matter: Matter) -> bool:
    return allows(actor, matter, Kind.ASSESSMENT, Act.READ)


def may_edit_plan(actor, matter: Matter) -> bool:
    return allows(actor, matter, Kind.PLAN, Act.WRITE)


def _basis(matter: Matter) -> tuple[str, str]:
    decision = getattr(matter.family, "access", None)
    if decision is not None:
        return decision.basis, decision.detail
    return "", ""


def _log_read(actor, matter: Matter, target: str, *, request=None) -> None:
    basis, detail = _basis(matter)
    record(
        as_actor(actor),
        Subject(target, family_id=matter.family_id),
        action=Action.READ,
        basis=basis,
        detail=(f"{detail}; scope {scope_of(actor, matter)}" if detail else "")[:500],
        request=request,
    )


def _refuse(actor, matter: Matter, what: str, *, request=None) -> NotFound:
    return deny(
        as_actor(actor),
        Subject(f"{what} of matter {matter.pk}", family_id=matter.family_id),
        request=request,
    )


# --- Assessment ----------------------------------------------------------------


def _sections_queryset():
    return AssessmentSection.objects.select_related("author", "child", "updated_by").order_by(
        "created_at"
    )


def assessment_of(actor, matter: Matter, *, request=None) -> Assessment | None:
    """The matter's assessment with its sections (None before it is started).

    Raises :class:`NotFound` (logged) when the actor's scope does not cover
    the assessment, e.g. a team member who sees only the plan.
    """
    if not may_see_assessment(actor, matter):
        raise _refuse(actor, matter, "assessment", request=request)
    assessment = (
        Assessment.objects.select_related("started_by", "completed_by", "signed_by")
        .prefetch_related(Prefetch("sections", queryset=_sections_queryset()))
        .filter(matter=matter)
        .first()
    )
    _log_read(actor, matter, "service-need assessment", request=request)
    return assessment


@dataclass(frozen=True)
class AssessmentParts:
    """The assessment's sections in reading order."""

    professionals: list
    parents: AssessmentSection | None
    children: list
    strengths: AssessmentSection | None
    worries: AssessmentSection | None
    conclusion: AssessmentSection | None


def parts_of(assessment: Assessment | None) -> AssessmentParts:
    sections = list(assessment.sections.all()) if assessment is not None else []

    def one(kind):
        return next((s for s in sections if s.kind == kind), None)

    return AssessmentParts(
        professionals=[s for s in sections if s.kind == SectionKind.PROFESSIONAL],
        parents=one(SectionKind.PARENTS),
        children=[s for s in sections if s.kind == SectionKind.CHILD],
        strengths=one(SectionKind.STRENGTHS),
        worries=one(SectionKind.WORRIES),
        conclusion=one(SectionKind.CONCLUSION),
    )


def children_of(matter: Matter, *, today: datetime.date | None = None) -> list:
    """The family's children (for recording each child's own view), youngest last."""
    return family_children(matter.family_id, getattr(matter.family, "access", None), today=today)


def family_children(family_id, decision=None, *, today: datetime.date | None = None) -> list:
    """The children who are members of the family now (those ``decision`` covers)."""
    memberships = (
        FamilyMembership.objects.active(today or timezone.localdate())
        .filter(family_id=family_id, role=FamilyMembership.Role.CHILD)
        .select_related("person")
        .order_by("person__date_of_birth")
    )
    return [m.person for m in memberships if decision is None or decision.covers(m.person_id)]


@dataclass(frozen=True)
class ChildPart:
    """A child's own part of the plan: the child's goals, each with the actions
    serving it, and the child's own view from the assessment (when shown)."""

    child: object
    goals: list  # [(goal, [action, …]), …]
    view: object = None


def child_parts(plan, children, views=None) -> tuple[list[ChildPart], list]:
    """Each child's part of ``plan`` and the goals of the adults or whole family.

    ``views``: the children's own views in the assessment by child id. A goal
    naming a child who is no longer a member stays with the family's goals.
    """
    goals = list(plan.goals.all()) if plan else []
    actions = list(plan.actions.all()) if plan else []
    parts = []
    for child in children:
        own = [g for g in goals if g.child_id == child.pk]
        parts.append(
            ChildPart(
                child=child,
                goals=[(g, [a for a in actions if a.goal_id == g.pk]) for g in own],
                view=(views or {}).get(child.pk),
            )
        )
    in_parts = {c.pk for c in children}
    return parts, [g for g in goals if g.child_id not in in_parts]


def section_versions(assessment: Assessment) -> QuerySet[AssessmentSectionVersion]:
    return (
        AssessmentSectionVersion.objects.filter(section__assessment=assessment)
        .select_related("section", "section__author", "section__child", "author")
        .order_by("-revision", "-id")
    )


# --- Plan ----------------------------------------------------------------------


def _plan_queryset():
    return Plan.objects.select_related("updated_by", "matter").prefetch_related(
        Prefetch(
            "goals", queryset=Goal.objects.filter(removed_at__isnull=True).select_related("child")
        ),
        Prefetch(
            "actions",
            queryset=PlanAction.objects.filter(removed_at__isnull=True).select_related(
                "service",
                "service__organization",
                "method",
                "responsible_user",
                "goal",
                "referral",
            ),
        ),
        Prefetch("comments", queryset=PlanComment.objects.select_related("author")),
    )


def plan_of(actor, matter: Matter, *, request=None) -> Plan | None:
    """The family's plan with goals, actions and comments (None when none yet)."""
    if scope_of(actor, matter) not in PLAN_SCOPES:
        raise _refuse(actor, matter, "plan", request=request)
    plan = _plan_queryset().filter(family_id=matter.family_id).first()
    _log_read(actor, matter, "plan", request=request)
    return plan


def plan_actions_of(actor, matter: Matter) -> QuerySet[PlanAction]:
    """The actions of the family's plan, for anyone whose scope covers the plan."""
    if scope_of(actor, matter) not in PLAN_SCOPES:
        return PlanAction.objects.none()
    return (
        PlanAction.objects.filter(plan__family_id=matter.family_id, removed_at__isnull=True)
        .select_related("service", "service__organization", "method", "responsible_user")
        .order_by("order", "created_at")
    )


def plan_versions(plan: Plan) -> QuerySet[PlanVersion]:
    return plan.versions.select_related("author").order_by("number")


# --- For the desk --------------------------------------------------------------


def due_assessments(actor, *, today: datetime.date | None = None) -> QuerySet[Matter]:
    """Open matters the actor works on whose assessment still has a dated step ahead.

    Each row is annotated: ``due_step`` (``"start"`` or ``"complete"``),
    ``due_on`` and ``overdue``; earliest first. One query, whatever the size
    (the family and unit come with it). Whether the assessment has started
    or been completed is read from the matter's own copy of its days
    (``Matter.assessment_started_on`` / ``_completed_on``).
    """
    actor = as_actor(actor)
    today = today or timezone.localdate()
    return (
        casework.matters_visible_to(actor)
        .filter(
            casework.works_on(actor, scopes=ASSESSMENT_SCOPES),
            state=Matter.State.OPEN,
            assessment_completed_on__isnull=True,
        )
        .annotate(
            assessment_started=ExpressionWrapper(
                Q(assessment_started_on__isnull=False), output_field=BooleanField()
            )
        )
        .annotate(
            due_step=Case(
                When(
                    Q(assessment_started=False, assessment_start_due__isnull=False),
                    then=Value("start"),
                ),
                default=Value("complete"),
                output_field=CharField(),
            ),
            due_on=Case(
                When(
                    assessment_started=False,
                    then=Coalesce(F("assessment_start_due"), F("assessment_complete_due")),
                ),
                default=F("assessment_complete_due"),
            ),
        )
        .filter(due_on__isnull=False)
        .annotate(
            overdue=Case(
                When(due_on__lt=today, then=Value(True)),
                default=Value(False),
            )
        )
        .select_related("family", "unit")
        .order_by("due_on", "pending_at")
    )


# --- The family's own view -----------------------------------------------------


def plan_for_citizen(user, *, request=None) -> list[Plan]:
    """The plans of the citizen's families, each read logged (basis own).

    A plan kept in a matter a minor has hidden from the guardians is left out.
    """
    actor = as_actor(user)
    if actor.person_id is None:
        return []
    families = FamilyMembership.objects.active().filter(person_id=actor.person_id)
    plans = list(
        _plan_queryset()
        .filter(
            family_id__in=families.values("family_id"),
            matter__relationship__hidden_from_guardians=False,
        )
        .select_related("family")
        .prefetch_related(
            Prefetch(
                "matter__workers",
                queryset=ResponsibleWorker.objects.select_related("user").order_by("-starts_at"),
            )
        )
        .order_by("family__name")
    )
    for plan in plans:
        plan.family = access_family(actor, plan.family_id, request=request)
        plan.child_parts, plan.family_goals = child_parts(
            plan, family_children(plan.family_id, plan.family.access)
        )
        record(
            actor,
            Subject("plan (family's own view)", family_id=plan.family_id),
            action=Action.READ,
            basis=plan.family.access.basis,
            detail=plan.family.access.detail,
            request=request,
        )
    return plans


def citizen_plan(user, plan_id, *, request=None) -> Plan:
    """One of the citizen's own plans, or :class:`NotFound` (logged)."""
    for plan in plan_for_citizen(user, request=request):
        if str(plan.pk) == str(plan_id):
            return plan
    raise deny(as_actor(user), Subject(f"plan {str(plan_id)[:60]}"), request=request)
