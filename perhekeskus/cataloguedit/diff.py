"""A readable field-by-field comparison of two snapshots."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from perhekeskus.catalogue.models import (
    HoursException,
    Location,
    OpeningHours,
    Service,
    ServiceChannel,
)

from .snapshot import (
    CHANNEL_PLAIN,
    CHANNEL_TEXT,
    LANGS,
    LOCATION_PLAIN,
    LOCATION_TEXT,
    SERVICE_PLAIN,
    SERVICE_RELATED,
    SERVICE_TEXT,
)


@dataclass(frozen=True)
class FieldChange:
    section: str
    field: str
    old: str
    new: str


def language_name(code: str) -> str:
    return {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English")}[code]


def _label(model, name: str, lang: str | None = None) -> str:
    label = str(model._meta.get_field(name).verbose_name)
    label = label[:1].upper() + label[1:]
    return f"{label} ({language_name(lang)})" if lang else label


def _show(value) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _hours_line(h: dict) -> str:
    day = OpeningHours.Weekday(h["weekday"]).label
    line = f"{day} {h['opens']}–{h['closes']}"
    if h.get("valid_from") or h.get("valid_to"):
        line += f" ({h.get('valid_from') or ''}–{h.get('valid_to') or ''})"
    return line


def _exception_line(e: dict) -> str:
    when = (
        pgettext("opening hours", "closed")
        if e.get("closed")
        else f"{e.get('opens')}–{e.get('closes')}"
    )
    note = " / ".join(e.get(f"note_{lang}") or "" for lang in LANGS if e.get(f"note_{lang}"))
    return f"{e['date']} {when}" + (f" ({note})" if note else "")


def _fields(model, text: tuple, plain: tuple) -> list[tuple[str, str]]:
    out = [(f"{name}_{lang}", _label(model, name, lang)) for name in text for lang in LANGS]
    out += [(name, _label(model, name)) for name in plain]
    return out


def _compare_items(section: str, model, fields, old: dict | None, new: dict | None) -> list:
    changes = []
    for key, label in fields:
        before = _show((old or {}).get(key))
        after = _show((new or {}).get(key))
        if before != after:
            changes.append(FieldChange(section, label, before, after))
    return changes


def _channel_name(item: dict) -> str:
    kind = ServiceChannel.Kind(item["kind"]).label if item.get("kind") else ""
    detail = item.get("phone") or item.get("url") or item.get("email") or ""
    return f"{_('Channel')}: {kind} {detail}".strip()


def compare(old: dict | None, new: dict | None) -> list[FieldChange]:
    """The differences between two snapshots, in the order of the edit form."""
    old = old or {"service": {}, "locations": [], "channels": []}
    new = new or {"service": {}, "locations": [], "channels": []}
    changes = _compare_items(
        _("Service"),
        Service,
        _fields(Service, SERVICE_TEXT, SERVICE_PLAIN + SERVICE_RELATED),
        old["service"],
        new["service"],
    )
    old_locations = {loc["id"]: loc for loc in old.get("locations", [])}
    new_locations = {loc["id"]: loc for loc in new.get("locations", [])}
    for key in [*old_locations, *(k for k in new_locations if k not in old_locations)]:
        item = new_locations.get(key) or old_locations[key]
        section = f"{_('Location')}: {item.get('name_fi') or item.get('name_sv') or ''}"
        changes += _compare_items(
            section,
            Location,
            _fields(Location, LOCATION_TEXT, LOCATION_PLAIN),
            old_locations.get(key),
            new_locations.get(key),
        )
    old_channels = {c["id"]: c for c in old.get("channels", [])}
    new_channels = {c["id"]: c for c in new.get("channels", [])}
    for key in [*old_channels, *(k for k in new_channels if k not in old_channels)]:
        before, after = old_channels.get(key), new_channels.get(key)
        section = _channel_name(after or before)
        if before is None or after is None:
            changes.append(
                FieldChange(
                    section,
                    _("Channel"),
                    _("none") if before is None else _("exists"),
                    _("removed") if after is None else _("added"),
                )
            )
        changes += _compare_items(
            section,
            ServiceChannel,
            _fields(ServiceChannel, CHANNEL_TEXT, CHANNEL_PLAIN),
            before,
            after,
        )
        hours_before = "; ".join(_hours_line(h) for h in (before or {}).get("hours", []))
        hours_after = "; ".join(_hours_line(h) for h in (after or {}).get("hours", []))
        if hours_before != hours_after:
            changes.append(
                FieldChange(
                    section,
                    str(OpeningHours._meta.verbose_name_plural).capitalize(),
                    hours_before or "–",
                    hours_after or "–",
                )
            )
        ex_before = "; ".join(_exception_line(e) for e in (before or {}).get("exceptions", []))
        ex_after = "; ".join(_exception_line(e) for e in (after or {}).get("exceptions", []))
        if ex_before != ex_after:
            changes.append(
                FieldChange(
                    section,
                    str(HoursException._meta.verbose_name_plural).capitalize(),
                    ex_before or "–",
                    ex_after or "–",
                )
            )
    return changes
