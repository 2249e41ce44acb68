"""Which units a manager follows, and who manages a unit.

A manager (a role with ``SUPERVISE_CASEWORK``) follows the unit of their
membership and every unit that is part of it (``Unit.parent``, any depth).
Units are few (hundreds in a county), so the tree is read whole in one
query and walked in Python: the number of queries never grows with the data.
"""

from __future__ import annotations

import uuid
from collections import defaultdict

from perhekeskus.accounts.capabilities import ROLE_CAPABILITIES, Capability
from perhekeskus.accounts.models import Membership, Unit


def supervising_roles() -> list[str]:
    return sorted(
        role
        for role, capabilities in ROLE_CAPABILITIES.items()
        if Capability.SUPERVISE_CASEWORK in capabilities
    )


def _tree(organization_ids=None) -> dict[uuid.UUID, uuid.UUID | None]:
    units = Unit.objects.all()
    if organization_ids is not None:
        units = units.filter(organization_id__in=organization_ids)
    return dict(units.values_list("pk", "parent_id"))


def _descendants(roots: set[uuid.UUID], parents: dict[uuid.UUID, uuid.UUID | None]) -> set:
    children: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for unit, parent in parents.items():
        if parent is not None:
            children[parent].append(unit)
    found, stack = set(), list(roots)
    while stack:
        unit = stack.pop()
        if unit in found:
            continue
        found.add(unit)
        stack.extend(children.get(unit, ()))
    return found


def supervised_unit_ids(user) -> frozenset[uuid.UUID]:
    """The units whose queues, deadlines and caseloads this user follows."""
    roots = dict(
        Membership.objects.active()
        .filter(user=user, role__in=supervising_roles())
        .values_list("unit_id", "unit__organization_id")
    )
    if not roots:
        return frozenset()
    return frozenset(_descendants(set(roots), _tree(set(roots.values()))))


def managers_of_units(unit_ids) -> dict[uuid.UUID, set]:
    """For each unit, the user ids of the managers who follow it (two queries)."""
    managers_by_unit: dict[uuid.UUID, set] = defaultdict(set)
    for unit_id, user_id in (
        Membership.objects.active()
        .filter(role__in=supervising_roles())
        .values_list("unit_id", "user_id")
    ):
        managers_by_unit[unit_id].add(user_id)
    if not managers_by_unit:
        return {}
    parents = _tree()
    result: dict[uuid.UUID, set] = {}
    for unit_id in unit_ids:
        seen, current, users = set(), unit_id, set()
        while current is not None and current not in seen:
            seen.add(current)
            users |= managers_by_unit.get(current, set())
            current = parents.get(current)
        result[unit_id] = users
    return result
