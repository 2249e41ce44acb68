"""The assessment and plan panel on the matter page (see ``casework/panels.py``)."""

from __future__ import annotations

from django.utils import timezone

from perhekeskus.access.table import Act, Kind

from . import selectors


def matter_panel(request, matter, scope) -> dict | None:
    """Assessment status and deadlines (when the scope covers them) and the plan's summary."""
    actor = getattr(request, "actor", None) or request.user
    if not selectors.allows(actor, matter, Kind.PLAN, Act.READ):
        return None
    today = timezone.localdate()
    context: dict = {"show_assessment": selectors.may_see_assessment(actor, matter), "today": today}
    if context["show_assessment"]:
        assessment = selectors.assessment_of(actor, matter, request=request)
        context["assessment"] = assessment
        started = assessment is not None
        context["start_late"] = (
            not started
            and matter.assessment_start_due is not None
            and today > matter.assessment_start_due
        )
        context["complete_late"] = (
            started
            and assessment.completed_at is None
            and matter.assessment_complete_due is not None
            and today > matter.assessment_complete_due
        )
    plan = selectors.plan_of(actor, matter, request=request)
    context["plan"] = plan
    if plan is not None:
        actions = list(plan.actions.all())
        context["action_counts"] = {
            state: sum(1 for a in actions if a.state == state)
            for state in ("planned", "under_way", "delivered", "not_delivered")
        }
        context["action_total"] = len(actions)
    return context
