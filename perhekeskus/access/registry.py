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

from django.db.models import Expression, QuerySet

from .actor import Actor
from .table import Part


@dataclass(frozen=True)
class FamilyBasis:
    """A way a professional comes to work with a family, owned by an app.

    ``annotation``: the name of its annotation on listed families (``via_…``).
    ``log_basis``: the access log's basis for reads made on it.
    ``parts(actor, family_id, today)``: the parts it gives, each with the
    detail logged (an empty list when it gives none).
    ``family_ids(actor, today)``: the families it opens, as a sub-query of ids.
    ``exists(actor, outer_ref, today)``: a correlated test of one family.
    """

    annotation: str
    log_basis: str
    parts: Callable[[Actor, uuid.UUID, datetime.date], list[tuple[Part, str]]]
    family_ids: Callable[[Actor, datetime.date], QuerySet]
    exists: Callable[[Actor, Expression, datetime.date], Expression]


_FAMILY_BASES: dict[str, FamilyBasis] = {}


def register_family_basis(basis: FamilyBasis) -> None:
    _FAMILY_BASES[basis.annotation] = basis


def family_bases() -> list[FamilyBasis]:
    return list(_FAMILY_BASES.values())
