"""The organisation kinds' names as people see them.

The codes are fixed (``Organization.Kind``; the rules read them). Their names
and descriptions are a vocabulary the platform administrators keep in three
languages (``OrganizationKindName``); a kind without a kept name, or without
one in the active language, shows the code's translated label.

The names are read with one query for all kinds and languages and kept in the
process for ``TTL`` seconds; saving or deleting a name empties the keep at
once in the process that saved it, and the others see it within ``TTL``. So a
list of organisations costs at most one query, not one per organisation.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language

from .models import Organization, OrganizationKindName

TTL = 60.0

_kept: dict[str, object] = {}


def clear() -> None:
    _kept.clear()


def _names() -> dict[str, dict[str, tuple[str, str]]]:
    """{language: {kind: (name, description)}} of the kept rows."""
    now = time.monotonic()
    if _kept and now - _kept["at"] < TTL:  # type: ignore[operator]
        return _kept["names"]  # type: ignore[return-value]
    languages = [code for code, _name in settings.LANGUAGES]
    fields = ["kind"]
    for code in languages:
        fields += [f"name_{code}", f"description_{code}"]
    names: dict[str, dict[str, tuple[str, str]]] = {code: {} for code in languages}
    for row in OrganizationKindName.objects.values(*fields):
        for code in languages:
            names[code][row["kind"]] = (
                row[f"name_{code}"] or "",
                row[f"description_{code}"] or "",
            )
    _kept.update(at=now, names=names)
    return names


def _language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def kind_name(kind: str) -> str:
    """The kind's name in the active language (its label when none is kept)."""
    kept = _names().get(_language(), {}).get(kind)
    if kept and kept[0]:
        return kept[0]
    labels = dict(Organization.Kind.choices)
    return str(labels.get(kind, kind))


def kind_description(kind: str) -> str:
    kept = _names().get(_language(), {}).get(kind)
    return kept[1] if kept else ""


def kind_choices() -> list[tuple[str, str]]:
    """(code, name) of every kind, in the code's order — for forms' choices."""
    return [(code, kind_name(code)) for code in Organization.Kind.values]


@receiver(post_save, sender=OrganizationKindName)
@receiver(post_delete, sender=OrganizationKindName)
def _forget(**kwargs) -> None:
    clear()
