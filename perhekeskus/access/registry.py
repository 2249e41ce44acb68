"""What the apps above the access layer register with it.

The layer knows the register (families, persons, relationships, grants,
consents); the apps that own other records tell it, at start-up, what of
their work opens a family to a professional (a team place, being the named
responsible worker) and how their records' parts are worked out. So the
layer never imports the apps: they call :func:`register_family_basis` from
their ``AppConfig.ready``.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import CharField, Expression, QuerySet, Value
from django.db.models.functions import Cast, Concat

from .actor import Actor
from .table import Part


@dataclass(frozen=True)
class FamilyBasis:
    """A way a professional comes to work with a family, owned by an app.

    ``annotation``: the name of its annotation on listed families (``via_…``).
    ``log_basis``: the access log's basis for reads made on it.
    ``annotations(actor, outer_ref, today)``: what a decision on one family
    needs to know of this basis, as annotations of the family's row (names
    starting with ``_``, unique to the basis), so that the decision is one query;
    ``parts_of(row)``: the parts they give, each with the detail logged.
    ``family_ids(actor, today)``: the families it opens, as a sub-query of ids.
    ``exists(actor, outer_ref, today)``: a correlated test of one family.
    """

    annotation: str
    log_basis: str
    annotations: Callable[[Actor, Expression, datetime.date], dict[str, Expression]]
    parts_of: Callable[[object], list[tuple[Part, str]]]
    family_ids: Callable[[Actor, datetime.date], QuerySet]
    exists: Callable[[Actor, Expression, datetime.date], Expression]


_FAMILY_BASES: dict[str, FamilyBasis] = {}


def register_family_basis(basis: FamilyBasis) -> None:
    _FAMILY_BASES[basis.annotation] = basis


def family_bases() -> list[FamilyBasis]:
    return list(_FAMILY_BASES.values())


_SEPARATOR = "|"


def packed(*fields: str) -> Expression:
    """Several columns of one row as one text (a sub-query gives one column):
    a decision then reads each basis with one probe. See :func:`unpacked`."""
    parts: list = []
    for field in fields:
        if parts:
            parts.append(Value(_SEPARATOR))
        parts.append(Cast(field, CharField()))
    if len(parts) == 1:
        return parts[0]
    return Concat(*parts, output_field=CharField())


def unpacked(text: str) -> list[str]:
    """The columns of :func:`packed`; an id comes back in its usual form
    (the databases write a UUID as text differently)."""
    values = text.split(_SEPARATOR)
    try:
        values[0] = str(uuid.UUID(values[0]))
    except ValueError:
        pass
    return values


# How the apps above name their records in the access log's plain-words view:
# for a kind of basis ("team member", "responsible worker"), a function from a
# set of ids (as text) to {id: {"matter": …, "unit": …, "person": …}}, in one
# query. The log keeps ids only; names are looked up when it is read.
_LOG_NAMES: dict[str, Callable[[set[str]], dict[str, dict]]] = {}


def register_log_names(kind: str, names: Callable[[set[str]], dict[str, dict]]) -> None:
    _LOG_NAMES[kind] = names


def log_names(kind: str, ids: set[str]) -> dict[str, dict]:
    """The names of these records of ``kind`` (empty for an unknown kind)."""
    names = _LOG_NAMES.get(kind)
    if not ids or names is None:
        return {}
    return names(ids)
