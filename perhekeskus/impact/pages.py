"""The forms of one step page together: the step's own form, its repeated
items, the effects grid, the indicators to link. A page is valid when all of
them are; it then gives the step's content (``fragment``) and the changes to
the linked indicators for :func:`.services.save_step`."""

from __future__ import annotations

from django.http import QueryDict

from . import evidence
from . import forms as f
from . import steps as st
from .choices import ChildGroup


def with_version(data: QueryDict | None, number: int) -> QueryDict | None:
    """The posted data with the form's version replaced (after a conflict
    the official has seen the other changes; sending again saves)."""
    if data is None:
        return None
    data = data.copy()
    data["version"] = str(number)
    return data


class StepPage:
    def __init__(self, step: st.Step, assessment, data: QueryDict | None = None):
        self.step = step
        self.assessment = assessment
        self.data = data
        content = assessment.content or {}
        self.content = content
        saved = dict(content.get(step.slug, {}))
        self.links = list(assessment.indicator_links.select_related("indicator"))
        initial = {**saved, "version": assessment.version}
        kwargs: dict = {}
        self.options = st.options_of(content)
        if step.slug == "recommendation":
            kwargs["options"] = [
                (o["key"], f"{st.option_label(i)}. {o['title']}")
                for i, o in enumerate(self.options)
            ]
        if step.slug == "follow_up":
            kwargs["links"] = [(str(link.pk), _link_name(link)) for link in self.links]
            initial["follow"] = [str(link.pk) for link in self.links if link.follow]
        self.form = step.form(data, initial=initial, **kwargs)
        self.items = None
        if step.items is not None:
            self.items = step.items(data, initial=saved.get("items", []), prefix="items")
        self.effects: list[dict] = []
        if step.slug == "effects":
            saved_effects = {(e.get("option"), e.get("group")): e for e in saved.get("items", [])}
            groups = dict(ChildGroup.choices)
            for i, option in enumerate(self.options):
                self.effects.append(
                    {
                        "option": f"{st.option_label(i)}. {option['title']}",
                        "key": option["key"],
                        "groups": [
                            {
                                "group": g,
                                "label": groups.get(g, g),
                                "form": f.EffectForm(
                                    data,
                                    initial=saved_effects.get((option["key"], g), {}),
                                    prefix=f"e-{option['key']}-{g}",
                                ),
                            }
                            for g in st.groups_of(content)
                        ],
                    }
                )
        self.link_form = None
        if step.slug == "evidence":
            self.link_form = f.IndicatorLinkForm(
                data,
                prefix="link",
                imported=evidence.imported_choices(),
                operational=evidence.operational_choices(),
            )
            self.link_rows = [
                {"link": link, "item": evidence.describe(link)} for link in self.links
            ]

    def all_forms(self) -> list:
        forms = [self.form]
        if self.items is not None:
            forms.append(self.items)
        forms += [g["form"] for option in self.effects for g in option["groups"]]
        if self.link_form is not None:
            forms.append(self.link_form)
        return forms

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.all_forms()])

    @property
    def base_version(self) -> int:
        return self.form.cleaned_data["version"]

    def fragment(self) -> dict:
        data = {k: v for k, v in self.form.cleaned_data.items() if k not in ("version", "follow")}
        if self.items is not None:
            data["items"] = [
                {k: v for k, v in item.items() if k != "DELETE"}
                for item in self.items.cleaned_data
                if item and not item.get("DELETE") and _filled(item)
            ]
        if self.effects:
            data["items"] = [
                {"option": option["key"], "group": g["group"], **g["form"].cleaned_data}
                for option in self.effects
                for g in option["groups"]
                if any(g["form"].cleaned_data.values())
            ]
        return data

    def link_changes(self) -> dict:
        changes: dict = {}
        if self.link_form is not None:
            changes["add_link"] = {
                k: v for k, v in self.link_form.cleaned_data.items() if v
            } or None
            own = {str(link.pk) for link in self.links}
            changes["remove_links"] = [
                pk for pk in (self.data.getlist("remove") if self.data else []) if pk in own
            ]
        if self.step.slug == "follow_up":
            changes["follow_links"] = self.form.cleaned_data.get("follow", [])
        return changes


def _filled(item: dict) -> bool:
    return any(v not in (None, "", []) for k, v in item.items() if k not in ("key", "DELETE"))


def _link_name(link) -> str:
    if link.indicator_id:
        return str(link.indicator)
    return evidence.operational_name(link.operational_code)
