"""Who is asking: a user with their units, organisations, sectors and rights.

Built once per request (cached on the user object) from the accounts
memberships in force, so each access decision costs no extra queries for it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import NamedTuple

from perhekeskus.accounts.capabilities import Capability, capabilities_of_membership
from perhekeskus.accounts.models import Membership

_CACHE_ATTR = "_access_actor"


class MembershipKey(NamedTuple):
    """One membership in force, as the access rules need it (a consent is a
    basis only through a membership in the unit or role it names)."""

    unit_id: uuid.UUID
    organization_id: uuid.UUID
    sector: str
    role: str
    unit_kind: str


@dataclass(frozen=True)
class Actor:
    user: object | None
    unit_ids: frozenset[uuid.UUID] = frozenset()
    organization_ids: frozenset[uuid.UUID] = frozenset()
    sectors: frozenset[str] = frozenset()
    capabilities: frozenset[str] = frozenset()
    # Role codes (language-neutral, as logged), comma-separated.
    role_label: str = ""
    unit_label: str = ""
    organization_id: uuid.UUID | None = None
    # The citizen's own person in the register (by identity code), if any.
    person_id: uuid.UUID | None = None
    memberships: tuple[MembershipKey, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def user_id(self) -> uuid.UUID | None:
        return getattr(self.user, "pk", None)

    @property
    def name(self) -> str:
        if self.user is None:
            return ""
        full = self.user.get_full_name()
        return f"{full} ({self.user.get_username()})" if full else self.user.get_username()

    @property
    def is_authenticated(self) -> bool:
        return self.user is not None

    @property
    def is_professional(self) -> bool:
        return bool(self.unit_ids) and getattr(self.user, "is_professional", False)

    @property
    def is_citizen(self) -> bool:
        return self.person_id is not None

    def can(self, capability: str) -> bool:
        return capability in self.capabilities


ANONYMOUS = Actor(user=None)


def actor_for(user) -> Actor:
    """The actor for a user (anonymous and inactive users have no rights)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    memberships = list(
        Membership.objects.active().filter(user=user).select_related("unit").order_by("unit__name")
    )
    capabilities: set[str] = set()
    for membership in memberships:
        capabilities |= capabilities_of_membership(
            membership.role, membership.protected_address_right
        )
    if getattr(user, "is_superuser", False):
        # The platform administrator (no role gives it; decision 0014).
        capabilities.add(Capability.ADMINISTER_PLATFORM)
    person_id = None
    identity_code = getattr(user, "identity_code", "")
    if identity_code and getattr(user, "is_citizen", False):
        from perhekeskus.families.models import Person

        person_id = (
            Person.objects.filter(identity_code=identity_code).values_list("pk", flat=True).first()
        )
    first = memberships[0] if memberships else None
    actor = Actor(
        user=user,
        unit_ids=frozenset(m.unit_id for m in memberships),
        organization_ids=frozenset(m.unit.organization_id for m in memberships),
        sectors=frozenset(m.unit.sector for m in memberships),
        capabilities=frozenset(capabilities),
        role_label=",".join(sorted({m.role for m in memberships})),
        unit_label=", ".join(m.unit.name for m in memberships),
        organization_id=first.unit.organization_id if first else None,
        person_id=person_id,
        memberships=tuple(
            MembershipKey(m.unit_id, m.unit.organization_id, m.unit.sector, m.role, m.unit.kind)
            for m in memberships
        ),
    )
    setattr(user, _CACHE_ATTR, actor)
    return actor


def as_actor(who) -> Actor:
    return who if isinstance(who, Actor) else actor_for(who)
