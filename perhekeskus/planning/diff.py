"""Readable differences between kept versions of assessment sections and plans.

The rows are the catalogue editor's :class:`~perhekeskus.cataloguedit.diff.FieldChange`
(part, field, before, after), shown with the same table. Long texts show
only the lines that changed, so a changed sentence in a long section is
easy to find.
"""

from __future__ import annotations

import difflib

from django.utils.translation import gettext as _

from perhekeskus.cataloguedit.diff import FieldChange

from .models import AssessmentSection, GatheredHow, Goal, PlanAction, ProviderKind, SectionKind

EMPTY = "–"


def _label(model, name: str) -> str:
    label = str(model._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:]


def _show(value) -> str:
    if value is None or value == "":
        return EMPTY
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    return str(value)


def _text_change(old: str, new: str) -> tuple[str, str]:
    """The changed lines of two texts (all of them when either is one line)."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    if len(old_lines) <= 1 or len(new_lines) <= 1:
        return old or EMPTY, new or EMPTY
    removed, added = [], []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += old_lines[i1:i2]
            added += new_lines[j1:j2]
    return "\n".join(removed) or EMPTY, "\n".join(added) or EMPTY


def _compare(part: str, fields, old: dict | None, new: dict | None, texts=()) -> list:
    changes = []
    for key, label, show in fields:
        before, after = (old or {}).get(key), (new or {}).get(key)
        if before == after:
            continue
        if key in texts:
            shown_before, shown_after = _text_change(before or "", after or "")
        else:
            shown_before, shown_after = show(before), show(after)
        changes.append(FieldChange(part, label, shown_before, shown_after))
    return changes


def _choice(choices):
    def show(value):
        if value in (None, ""):
            return EMPTY
        try:
            return str(choices(value).label)
        except ValueError:
            return str(value)

    return show


# --- Assessment sections -------------------------------------------------------


def section_content(section: AssessmentSection) -> dict:
    """What a version of a section keeps (and what a diff compares)."""
    content = {"text": section.text}
    if section.kind == SectionKind.CHILD:
        content.update(
            child_age=section.child_age,
            gathered_how=section.gathered_how,
            gathered_note=section.gathered_note,
            own_words=section.own_words,
        )
    return content


def section_changes(part: str, old: dict | None, new: dict | None) -> list[FieldChange]:
    fields = [
        ("text", _label(AssessmentSection, "text"), _show),
        ("child_age", _label(AssessmentSection, "child_age"), _show),
        ("gathered_how", _label(AssessmentSection, "gathered_how"), _choice(GatheredHow)),
        ("gathered_note", _label(AssessmentSection, "gathered_note"), _show),
        ("own_words", _label(AssessmentSection, "own_words"), _show),
    ]
    return _compare(part, fields, old, new, texts=("text", "gathered_note"))


# --- Plans ---------------------------------------------------------------------


def _goal_fields():
    return [
        ("text", _label(Goal, "text"), _show),
        ("said_by", _label(Goal, "said_by"), _show),
        ("child_name", _label(Goal, "child"), _show),
    ]


def _action_fields():
    return [
        ("kind", _label(PlanAction, "kind"), _choice(PlanAction.Kind)),
        ("goal_text", _label(PlanAction, "goal"), _show),
        ("service_name", _label(PlanAction, "service"), _show),
        ("provider_kind", _label(PlanAction, "provider_kind"), _choice(ProviderKind)),
        ("method_name", _label(PlanAction, "method"), _show),
        ("appointment_count", _label(PlanAction, "appointment_count"), _show),
        ("receiver", _label(PlanAction, "receiver"), _show),
        ("description", _label(PlanAction, "description"), _show),
        ("responsible", _label(PlanAction, "responsible"), _choice(PlanAction.Responsible)),
        ("responsible_name", _label(PlanAction, "responsible_user"), _show),
        ("responsible_note", _label(PlanAction, "responsible_note"), _show),
        ("starts_on", _label(PlanAction, "starts_on"), _show),
        ("ends_on", _label(PlanAction, "ends_on"), _show),
        ("schedule", _label(PlanAction, "schedule"), _show),
        ("follow_up", _label(PlanAction, "follow_up"), _show),
        ("state", _label(PlanAction, "state"), _choice(PlanAction.State)),
        ("not_delivered_reason", _label(PlanAction, "not_delivered_reason"), _show),
    ]


def _items(old: list, new: list, part_of, fields, texts) -> list[FieldChange]:
    old_by_id = {item["id"]: item for item in old}
    new_by_id = {item["id"]: item for item in new}
    changes = []
    for key in [*old_by_id, *(k for k in new_by_id if k not in old_by_id)]:
        before, after = old_by_id.get(key), new_by_id.get(key)
        part = part_of(after or before)
        if before is None or after is None:
            changes.append(
                FieldChange(
                    part,
                    _("In the plan"),
                    _("no") if before is None else _("yes"),
                    _("no") if after is None else _("yes"),
                )
            )
        changes += _compare(part, fields, before, after, texts=texts)
    return changes


def plan_changes(old: dict | None, new: dict | None) -> list[FieldChange]:
    """Differences between two plan snapshots: the plan, each goal, each action."""
    old, new = old or {}, new or {}
    from .models import Plan

    changes = _compare(
        _("Plan"),
        [
            ("review_on", _label(Plan, "review_on"), _show),
            ("not_needed_reason", _label(Plan, "not_needed_reason"), _show),
        ],
        old,
        new,
        texts=("not_needed_reason",),
    )
    changes += _items(
        old.get("goals", []),
        new.get("goals", []),
        lambda item: f"{_('Goal')}: {item.get('text', '')[:60]}",
        _goal_fields(),
        ("text",),
    )
    changes += _items(
        old.get("actions", []),
        new.get("actions", []),
        lambda item: f"{_('Action')}: {item.get('description', '')[:60]}",
        _action_fields(),
        ("description", "follow_up", "not_delivered_reason"),
    )
    return changes
