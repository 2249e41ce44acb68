"""A readable comparison of two versions of an assessment.

The rows have the shape of the catalogue editing's comparison
(``cataloguedit/diff.py``: part, field, before, after), whose ``compare`` is
bound to service snapshots; this one walks an assessment snapshot with the
labels of the step forms, and marks the changed words of longer texts.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext as _

from . import forms as f
from . import steps as st
from .choices import ChildGroup
from .evidence import value_text

LONG_TEXT = 80


@dataclass(frozen=True)
class Change:
    section: str
    field: str
    old: str
    new: str
    # For longer texts: (kind, words) with kind "same", "del" or "ins".
    words: list[tuple[str, str]] = field(default_factory=list)


def show(form_field: forms.Field | None, value) -> str:
    """A stored value as the reader sees it."""
    if value is None or value == "" or value == []:
        return "–"
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    choices = dict(getattr(form_field, "choices", None) or ())
    if isinstance(value, list):
        return ", ".join(str(choices.get(v, v)) for v in value)
    if choices and value in choices:
        return str(choices[value])
    if isinstance(form_field, forms.DateField) and isinstance(value, str):
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            return value
        return f"{day.day}.{day.month}.{day.year}"
    return str(value)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    a, b = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(("del", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("ins", "".join(b[j1:j2])))
    return out


def _row(section: str, form_field, label, old, new) -> Change | None:
    before, after = show(form_field, old), show(form_field, new)
    if before == after:
        return None
    words = []
    if before != "–" and after != "–" and max(len(before), len(after)) > LONG_TEXT:
        words = word_diff(before, after)
    return Change(str(section), str(label), before, after, words)


def _fields(form_class, skip=("version", "key")) -> list[tuple[str, forms.Field]]:
    return [(name, fld) for name, fld in form_class().fields.items() if name not in skip]


def _compare_dict(section, form_class, old: dict, new: dict, extra_choices=None) -> list[Change]:
    changes = []
    for name, fld in _fields(form_class):
        if extra_choices and name in extra_choices:
            fld = forms.ChoiceField(choices=extra_choices[name])
        row = _row(section, fld, fld.label, old.get(name), new.get(name))
        if row:
            changes.append(row)
    return changes


def _items(section_label, form_class, old: list, new: list, name_of) -> list[Change]:
    changes = []
    old_by_key = {i.get("key"): i for i in old}
    new_by_key = {i.get("key"): i for i in new}
    for key in [*old_by_key, *(k for k in new_by_key if k not in old_by_key)]:
        before, after = old_by_key.get(key), new_by_key.get(key)
        section = f"{section_label}: {name_of(after or before)}"
        if before is None or after is None:
            changes.append(
                Change(
                    section,
                    str(section_label),
                    _("none") if before is None else _("exists"),
                    _("removed") if after is None else _("added"),
                )
            )
        changes += _compare_dict(section, form_class, before or {}, after or {})
    return changes


def _option_titles(*contents) -> dict:
    titles = {}
    for content in contents:
        for option in content.get("options", {}).get("items", []):
            titles[option.get("key")] = option.get("title") or "–"
    return titles


def compare(old: dict | None, new: dict | None) -> list[Change]:
    """The differences between two version snapshots, in the order of the steps."""
    old = old or {}
    new = new or {}
    changes: list[Change] = []
    old_matter, new_matter = old.get("matter", {}), new.get("matter", {})
    old_content, new_content = old.get("content", {}), new.get("content", {})
    screening = st.SCREENING_TITLE
    matter_form = f.MatterForm()
    for name in ("title", "decision_maker", "planned_decision_date", "preparer"):
        fld = matter_form.fields[name] if name != "preparer" else None
        row = _row(
            screening,
            fld,
            matter_form.fields[name].label,
            old_matter.get(name),
            new_matter.get(name),
        )
        if row:
            changes.append(row)
    changes += _compare_dict(
        screening,
        f.MatterForm,
        old_content.get(st.SCREENING, {}),
        new_content.get(st.SCREENING, {}),
    )
    titles = _option_titles(old_content, new_content)
    for step in st.STEPS:
        o, n = old_content.get(step.slug, {}), new_content.get(step.slug, {})
        if step.slug == "options":
            changes += _items(
                _("Option"),
                f.OptionForm,
                o.get("items", []),
                n.get("items", []),
                lambda i: i.get("title") or "–",
            )
            continue
        if step.slug == "participation":
            changes += _compare_dict(step.title, step.form, o, n)
            changes += _items(
                _("Hearing"),
                f.ParticipationForm,
                o.get("items", []),
                n.get("items", []),
                lambda i: show(f.ParticipationForm().fields["method"], i.get("method")),
            )
            continue
        if step.slug == "effects":
            changes += _compare_effects(o.get("items", []), n.get("items", []), titles)
            continue
        if step.slug == "evidence":
            changes += _compare_dict(step.title, step.form, o, n)
            changes += _compare_indicators(old.get("indicators", []), new.get("indicators", []))
            continue
        extra = {"option": list(titles.items())} if step.slug == "recommendation" else None
        if step.slug == "follow_up":
            o = {k: v for k, v in o.items() if k != "follow"}
            n = {k: v for k, v in n.items() if k != "follow"}
        changes += _compare_dict(step.title, step.form, o, n, extra)
    return changes


def _compare_effects(old: list, new: list, titles: dict) -> list[Change]:
    changes = []
    key = lambda e: (e.get("option"), e.get("group"))  # noqa: E731
    old_by, new_by = {key(e): e for e in old}, {key(e): e for e in new}
    groups = dict(ChildGroup.choices)
    for k in [*old_by, *(k for k in new_by if k not in old_by)]:
        section = f"{_('Effect')}: {titles.get(k[0], '–')} – {groups.get(k[1], k[1])}"
        changes += _compare_dict(section, f.EffectForm, old_by.get(k, {}), new_by.get(k, {}))
    return changes


def _compare_indicators(old: list, new: list) -> list[Change]:
    changes = []
    key = lambda i: (i.get("kind"), i.get("ref"))  # noqa: E731
    old_by, new_by = {key(i): i for i in old}, {key(i): i for i in new}
    label = _("Indicator")
    for k in [*old_by, *(k for k in new_by if k not in old_by)]:
        before, after = old_by.get(k), new_by.get(k)
        name = (after or before).get("name") or k[1]
        if before is None or after is None:
            changes.append(
                Change(
                    label,
                    str(name),
                    _("none") if before is None else _("linked"),
                    _("removed") if after is None else _("linked"),
                )
            )
            continue
        for field_name, field_label in (
            ("note", _("What it tells about this matter")),
            ("follow", _("Followed after the decision")),
            ("value", _("Latest value")),
        ):
            old_value, new_value = before.get(field_name), after.get(field_name)
            if field_name == "value":
                old_value, new_value = value_text(before), value_text(after)
            row = _row(f"{label}: {name}", None, field_label, old_value, new_value)
            if row:
                changes.append(row)
    return changes
