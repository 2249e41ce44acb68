"""Reads about users, units, memberships and what they allow."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from .capabilities import Capability, capabilities_of_membership
from .models import ApiToken, Membership, Unit, User


def active_memberships(user, *, on: datetime.date | None = None) -> QuerySet[Membership]:
    """The user's memberships in force on a day, with unit and organisation."""
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    return (
        Membership.objects.active(on)
        .filter(user=user)
        .select_related("unit", "unit__organization")
        .order_by("unit__name", "role")
    )


def user_capabilities(user, *, on: datetime.date | None = None) -> frozenset[Capability]:
    """Everything the user's roles in force allow (on a day, today by default)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cache = getattr(user, "_capabilities_cache", None)
    if cache is not None and on is None:
        return cache
    grants = set(active_memberships(user, on=on).values_list("role", "protected_address_right"))
    result = frozenset().union(*(capabilities_of_membership(*grant) for grant in grants))
    if user.is_superuser:
        # The platform administrator; no role gives it (see the capabilities).
        result |= {Capability.ADMINISTER_PLATFORM}
    if on is None:
        user._capabilities_cache = result
    return result


def has_capability(
    user, capability: Capability | str, *, unit: Unit | None = None, on=None
) -> bool:
    """Whether the user may do this, anywhere or (with ``unit``) in that unit."""
    capability = Capability(capability)
    if unit is None:
        return capability in user_capabilities(user, on=on)
    grants = (
        active_memberships(user, on=on)
        .filter(unit=unit)
        .values_list("role", "protected_address_right")
    )
    return any(capability in capabilities_of_membership(*grant) for grant in grants)


def units_with_capability(
    user, capability: Capability | str, *, on: datetime.date | None = None
) -> QuerySet[Unit]:
    """The units where the user's membership gives this capability."""
    capability = Capability(capability)
    unit_ids = [
        m.unit_id
        for m in active_memberships(user, on=on)
        if capability in capabilities_of_membership(m.role, m.protected_address_right)
    ]
    return Unit.objects.filter(pk__in=unit_ids)


def users_with_capability(
    capability: Capability | str, *, on: datetime.date | None = None
) -> QuerySet[User]:
    """Users whose roles in force give this capability (e.g. qualified social workers)."""
    from .capabilities import ROLE_CAPABILITIES

    capability = Capability(capability)
    roles = [role for role, caps in ROLE_CAPABILITIES.items() if capability in caps]
    granted = Q(role__in=roles)
    if capability == Capability.VIEW_PROTECTED_ADDRESS:
        granted |= Q(protected_address_right=True)
    return User.objects.filter(pk__in=Membership.objects.active(on).filter(granted).values("user"))


def sectors_of(user, *, on: datetime.date | None = None) -> frozenset[str]:
    """The sectors of the units the user works in (for the access layer)."""
    return frozenset(m.unit.sector for m in active_memberships(user, on=on))


def api_tokens_of(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")
