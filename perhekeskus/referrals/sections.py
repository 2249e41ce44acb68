"""The sections a sender may share, and the text each holds when sent.

The family's basic details are read live when shown (so that the masking
rules of a security prohibition apply to the reader at that moment); the
text sections – the assessment's conclusion, the plan and the summary – are
copied into :class:`ReferralSection` rows at sending, as they were disclosed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext as _

from perhekeskus.families.models import Consent

from .models import Section

# Sections that carry service data (the rest are basic details).
SERVICE_SECTIONS = frozenset({Section.ASSESSMENT_CONCLUSION, Section.PLAN, Section.SUMMARY})


@dataclass(frozen=True)
class SectionText:
    code: str
    title: str
    body: str
    source: str


def data_scope(sections) -> str:
    """The consent scope (``Consent.Data``) the shared sections need."""
    if SERVICE_SECTIONS & set(sections or ()):
        return Consent.Data.SERVICE
    return Consent.Data.BASIC


def _model(name: str):
    try:
        return apps.get_model("planning", name)
    except LookupError:
        return None


def assessment_conclusion(matter) -> SectionText | None:
    """The conclusion the team wrote in the matter's assessment, if any."""
    section_model = _model("AssessmentSection")
    if section_model is None:
        return None
    section = (
        section_model.objects.filter(assessment__matter=matter, kind="conclusion")
        .exclude(text="")
        .order_by("-updated_at")
        .first()
    )
    if section is None:
        return None
    return SectionText(
        Section.ASSESSMENT_CONCLUSION,
        str(Section.ASSESSMENT_CONCLUSION.label),
        section.text,
        f"assessment section {section.pk} v{section.version}",
    )


def plan_text(family) -> SectionText | None:
    """The family's plan in plain words: its goals and actions."""
    plan_model = _model("Plan")
    if plan_model is None:
        return None
    plan = plan_model.objects.filter(family=family).first()
    if plan is None or plan.state == "not_needed":
        return None
    goals = list(plan.goals.filter(removed_at__isnull=True).order_by("order", "created_at"))
    actions = list(plan.actions.filter(removed_at__isnull=True).order_by("order", "created_at"))
    if not goals and not actions:
        return None
    lines = []
    if goals:
        lines.append(_("Goals:"))
        lines += [f"– {goal.text}" for goal in goals]
    if actions:
        lines.append(_("Actions:"))
        for action in actions:
            when = f" ({action.schedule})" if action.schedule else ""
            lines.append(f"– {action.description}{when}")
    return SectionText(
        Section.PLAN,
        str(Section.PLAN.label),
        "\n".join(lines),
        f"plan {plan.pk} v{plan.version}",
    )


def summary_text(referral) -> SectionText | None:
    if not referral.summary.strip():
        return None
    return SectionText(Section.SUMMARY, str(Section.SUMMARY.label), referral.summary, "")


def text_of(code: str, referral) -> SectionText | None:
    """The text of one shared section now; None when there is nothing to share."""
    if code == Section.ASSESSMENT_CONCLUSION:
        return assessment_conclusion(referral.matter)
    if code == Section.PLAN:
        return plan_text(referral.matter.family)
    if code == Section.SUMMARY:
        return summary_text(referral)
    return None
