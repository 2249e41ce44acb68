"""The access layer: the one place that decides who may see whose data.

Views and APIs reach client data only through these functions; each read
and disclosure appends to the access log in the same transaction. See
``docs/access-layer.md``.

The package is also the app that owns the access log (label ``access``).
Django imports it before any models are loaded, so the names below are
imported on first use (they reach into the families app's models).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

_EXPORTS = {
    "ANONYMOUS": ".actor",
    "Actor": ".actor",
    "actor_for": ".actor",
    "as_actor": ".actor",
    "TEAM": ".core",
    "RESPONSIBLE": ".core",
    "Decision": ".core",
    "Forbidden": ".core",
    "forbid": ".core",
    "require": ".core",
    "does_client_work": ".core",
    "Act": ".table",
    "Field": ".table",
    "Kind": ".table",
    "Part": ".table",
    "NotFound": ".core",
    "access_family": ".core",
    "families_visible_to": ".core",
    "family_decision": ".core",
    "family_visible": ".core",
    "log_listing": ".core",
    "log_persons_shown": ".core",
    "persons_visible_to": ".core",
    "DisclosureAnswer": ".disclosure",
    "may_disclose": ".disclosure",
    "open_special_access": ".grants",
    "Contact": ".masking",
    "contact_of": ".masking",
}

__all__ = [
    "ANONYMOUS",
    "Act",
    "Field",
    "Forbidden",
    "Kind",
    "Part",
    "does_client_work",
    "forbid",
    "require",
    "Actor",
    "Contact",
    "Decision",
    "DisclosureAnswer",
    "NotFound",
    "TEAM",
    "RESPONSIBLE",
    "access_family",
    "actor_for",
    "as_actor",
    "contact_of",
    "families_visible_to",
    "family_decision",
    "family_visible",
    "log_listing",
    "log_persons_shown",
    "may_disclose",
    "open_special_access",
    "persons_visible_to",
]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from .actor import ANONYMOUS, Actor, actor_for, as_actor
    from .core import (
        RESPONSIBLE,
        TEAM,
        Decision,
        Forbidden,
        NotFound,
        access_family,
        does_client_work,
        families_visible_to,
        family_decision,
        family_visible,
        forbid,
        log_listing,
        log_persons_shown,
        persons_visible_to,
        require,
    )
    from .disclosure import DisclosureAnswer, may_disclose
    from .grants import open_special_access
    from .masking import Contact, contact_of
    from .table import Act, Field, Kind, Part
