"""An assessment version as a readable document: the web page, the public
page and the PDF all render this, from the version's snapshot, so that what
is published is exactly what was signed off."""

from __future__ import annotations

from . import forms as f
from . import steps as st
from .choices import ChildGroup, Direction
from .diff import show
from .evidence import value_text

SKIP = ("version", "key")


def _rows(form_class, data: dict, skip=SKIP, choices: dict | None = None) -> list[dict]:
    rows = []
    for name, fld in form_class().fields.items():
        if name in skip:
            continue
        value = data.get(name)
        if choices and name in choices:
            text = choices[name].get(value, "–") if value else "–"
        else:
            text = show(fld, value)
        rows.append({"label": fld.label, "value": text, "empty": text == "–"})
    return rows


def _effect_cell(effect: dict, term: str) -> dict:
    form = f.EffectForm()
    direction = effect.get(f"{term}_direction") or ""
    size = effect.get(f"{term}_size") or ""
    return {
        "direction": direction,
        "text": show(form.fields[f"{term}_direction"], direction),
        "size": show(form.fields[f"{term}_size"], size) if size else "",
        "harm": direction in (Direction.NEGATIVE, Direction.MIXED),
    }


def build(snapshot: dict) -> dict:
    """The document of one version snapshot."""
    matter = snapshot.get("matter", {})
    content = snapshot.get("content", {})
    screening = content.get(st.SCREENING, {})
    matter_form = f.MatterForm()
    doc = {
        "title": matter.get("title", ""),
        "matter": [
            {
                "label": matter_form.fields["decision_maker"].label,
                "value": matter.get("decision_maker") or "–",
            },
            {
                "label": matter_form.fields["planned_decision_date"].label,
                "value": show(
                    matter_form.fields["planned_decision_date"], matter.get("planned_decision_date")
                ),
            },
            {"label": matter_form.fields["preparer"].label, "value": matter.get("preparer") or "–"},
        ],
        "screening": _rows(
            f.MatterForm,
            screening,
            skip=(*SKIP, "title", "decision_maker", "planned_decision_date", "preparer"),
        ),
        "full_needed": screening.get("full_needed") == "yes",
        "sections": [],
    }
    if not doc["full_needed"]:
        return doc
    options = st.options_of(content)
    titles = {o["key"]: f"{st.option_label(i)}. {o['title']}" for i, o in enumerate(options)}
    groups = dict(ChildGroup.choices)
    for step in st.STEPS:
        data = content.get(step.slug, {})
        section = {"slug": step.slug, "title": step.title, "rows": []}
        if step.slug == "options":
            section["options"] = [
                {"label": titles[o["key"]], "description": o.get("description", "")}
                for o in options
            ]
        elif step.slug == "evidence":
            section["rows"] = _rows(step.form, data)
            section["indicators"] = [
                {**item, "value_text": value_text(item)} for item in snapshot.get("indicators", [])
            ]
        elif step.slug == "participation":
            section["rows"] = _rows(step.form, data)
            section["hearings"] = [
                _rows(f.ParticipationForm, item)
                for item in data.get("items", [])
                if item.get("method")
            ]
        elif step.slug == "effects":
            effects = {(e.get("option"), e.get("group")): e for e in data.get("items", [])}
            form = f.EffectForm()
            section["effects"] = [
                {
                    "option": titles[o["key"]],
                    "rows": [
                        {
                            "group": groups.get(g, g),
                            "directness": show(
                                form.fields["directness"],
                                effects.get((o["key"], g), {}).get("directness"),
                            ),
                            "short": _effect_cell(effects.get((o["key"], g), {}), "short"),
                            "long": _effect_cell(effects.get((o["key"], g), {}), "long"),
                            "description": effects.get((o["key"], g), {}).get("description", ""),
                        }
                        for g in st.groups_of(content)
                    ],
                }
                for o in options
            ]
        elif step.slug == "recommendation":
            section["rows"] = _rows(step.form, data, choices={"option": titles})
        elif step.slug == "follow_up":
            section["rows"] = _rows(step.form, data, skip=(*SKIP, "follow"))
            section["followed"] = [
                item["name"] for item in snapshot.get("indicators", []) if item.get("follow")
            ]
        else:
            section["rows"] = _rows(step.form, data)
        doc["sections"].append(section)
    return doc
