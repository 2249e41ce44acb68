"""The screening and the steps of a full assessment, in the Finnish order.

One registry (:data:`STEPS`) tells the pages, the progress list, the
completeness check before sign-off, the document and the comparison of
versions the same thing: each step's slug, title, form and when it is done.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import forms as f
from .choices import VULNERABLE_GROUPS, ChildGroup

SCREENING = "screening"


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form: type
    # Formset of repeated items kept under content[slug]["items"].
    items: type | None = None
    item_title: str = ""


STEPS: tuple[Step, ...] = (
    Step("need", _("The need for the assessment"), f.NeedForm),
    Step("scope", _("Scope"), f.ScopeForm),
    Step("law", _("Law and the rights of the child"), f.LawForm),
    Step("schedule", _("Schedule and responsibilities"), f.ScheduleForm),
    Step("options", _("Decision options"), f.ContentForm, f.OptionFormSet, _("Option")),
    Step("evidence", _("Background data and evidence"), f.EvidenceForm),
    Step(
        "participation",
        _("Children's participation"),
        f.ParticipationStepForm,
        f.ParticipationFormSet,
        _("Hearing"),
    ),
    Step("effects", _("Effects of each option"), f.EffectsStepForm),
    Step("conflicts", _("Conflicts and mitigation"), f.ConflictsForm),
    Step("recommendation", _("Recommendation"), f.RecommendationForm),
    Step("informing", _("Telling the children the result"), f.InformingForm),
    Step("follow_up", _("Follow-up"), f.FollowUpForm),
)
BY_SLUG = {step.slug: step for step in STEPS}
SCREENING_TITLE = _("Screening")


# --- Screening ----------------------------------------------------------------


def screening_suggestion(*, directly: bool, indirectly: bool, groups: list[str]) -> str:
    """What the answers suggest: ``full``, ``consider`` or ``none``.

    A direct effect on children, or an indirect one on a group whose rights
    are at particular risk or on many groups at once, calls for a full
    assessment; no effect calls for none; the rest is the preparer's call.
    """
    if directly:
        return "full"
    if not indirectly:
        return "none"
    if VULNERABLE_GROUPS & set(groups) or ChildGroup.ALL in groups or len(groups) >= 3:
        return "full"
    return "consider"


SUGGESTION_TEXT = {
    "full": _("The answers suggest a full assessment."),
    "consider": _("The answers leave it open: weigh whether a full assessment is needed."),
    "none": _("The answers suggest that no full assessment is needed."),
}


def groups_of(content: dict) -> list[str]:
    """The groups whose effects are assessed: those chosen in the screening."""
    groups = [g for g in content.get(SCREENING, {}).get("groups", []) if g in ChildGroup.values]
    return groups or [ChildGroup.ALL]


def options_of(content: dict) -> list[dict]:
    return [o for o in content.get("options", {}).get("items", []) if o.get("title")]


def option_label(index: int) -> str:
    return chr(ord("A") + index) if index < 26 else str(index + 1)


# --- When a step is done --------------------------------------------------------


def screening_done(assessment, content: dict) -> bool:
    s = content.get(SCREENING, {})
    return bool(
        assessment.title
        and assessment.decision_maker
        and s.get("full_needed") in ("yes", "no")
        and s.get("reason")
    )


def _texts(data: dict, *names) -> bool:
    return all(str(data.get(n) or "").strip() for n in names)


def step_done(slug: str, content: dict, links: list) -> bool:
    data = content.get(slug, {})
    if slug == "need":
        return _texts(data, "need")
    if slug == "scope":
        return _texts(data, "scope")
    if slug == "law":
        return _texts(data, "non_discrimination", "best_interests", "life_development", "heard")
    if slug == "schedule":
        return _texts(data, "schedule", "responsibilities")
    if slug == "options":
        return len(options_of(content)) >= 2
    if slug == "evidence":
        return bool(links or data.get("sources")) and _texts(data, "unknowns")
    if slug == "participation":
        heard = [i for i in data.get("items", []) if i.get("method")]
        return bool(heard) or _texts(data, "not_heard_reason")
    if slug == "effects":
        effects = {(e.get("option"), e.get("group")): e for e in data.get("items", [])}
        options = options_of(content)
        return bool(options) and all(
            effects.get((o["key"], g), {}).get("short_direction")
            and effects.get((o["key"], g), {}).get("long_direction")
            for o in options
            for g in groups_of(content)
        )
    if slug == "conflicts":
        return _texts(data, "conflicts")
    if slug == "recommendation":
        keys = {o["key"] for o in options_of(content)}
        return data.get("option") in keys and _texts(data, "reasons")
    if slug == "informing":
        return _texts(data, "how", "when")
    if slug == "follow_up":
        return _texts(data, "date")
    raise KeyError(slug)


def progress(assessment, links: list) -> list[dict]:
    """The screening and (when needed) every step, each with whether it is done."""
    content = assessment.content or {}
    rows = [
        {
            "slug": SCREENING,
            "title": SCREENING_TITLE,
            "done": screening_done(assessment, content),
        }
    ]
    if assessment.full_assessment_needed:
        rows += [
            {"slug": s.slug, "title": s.title, "done": step_done(s.slug, content, links)}
            for s in STEPS
        ]
    return rows


def missing_for_sign_off(assessment, links: list) -> list[str]:
    return [str(row["title"]) for row in progress(assessment, links) if not row["done"]]
