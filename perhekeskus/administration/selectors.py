"""Reads for an organisation's user administrators: what is theirs to see.

An administrator administers the organisations of their own administrator
memberships in force, and nothing else: the units of those organisations and
the people with a membership (now or earlier) in one of those units. Every
lookup here takes the administrator and answers None for anything outside.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.accounts.capabilities import (
    CAPABILITY_LABELS,
    Capability,
    capabilities_of_membership,
)
from perhekeskus.accounts.models import Membership, ProtectedAddressGrant, Role, Unit, User
from perhekeskus.accounts.selectors import units_with_capability
from perhekeskus.catalogue.models import Organization

from .history import parse_detail, unit_target, user_target


def administered_organisation_ids(admin) -> frozenset:
    """The organisations of the administrator's administrator memberships in force."""
    return frozenset(
        units_with_capability(admin, Capability.ADMINISTER_USERS).values_list(
            "organization_id", flat=True
        )
    )


def administered_organisations(admin) -> QuerySet[Organization]:
    return Organization.objects.filter(pk__in=administered_organisation_ids(admin)).order_by("name")


def units_of(admin) -> QuerySet[Unit]:
    return (
        Unit.objects.filter(organization_id__in=administered_organisation_ids(admin))
        .select_related("organization", "parent", "municipality")
        .order_by("organization__name", "name")
    )


@dataclass(frozen=True)
class TreeRow:
    unit: Unit
    depth: int


def unit_tree(admin) -> list[TreeRow]:
    """The administrator's units as a hierarchy, depth-first, by name."""
    units = list(units_of(admin))
    children: dict = {}
    known = {u.pk for u in units}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in known else None
        children.setdefault(parent, []).append(unit)
    rows: list[TreeRow] = []

    def walk(parent, depth):
        for unit in children.get(parent, []):
            rows.append(TreeRow(unit, depth))
            if depth < 20:
                walk(unit.pk, depth + 1)

    walk(None, 0)
    return rows


def unit_of(admin, unit_id) -> Unit | None:
    return units_of(admin).filter(pk=unit_id).first()


def people_of(admin, *, query: str = "") -> QuerySet[User]:
    """People with a membership (in force or ended) in the administrator's organisations."""
    people = User.objects.filter(
        kind=User.Kind.PROFESSIONAL,
        memberships__unit__organization_id__in=administered_organisation_ids(admin),
    ).distinct()
    for word in query.split()[:5]:
        people = people.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(username__icontains=word)
            | Q(email__icontains=word)
        )
    return people.order_by("last_name", "first_name", "username")


def person_of(admin, user_id) -> User | None:
    return people_of(admin).filter(pk=user_id).first()


def membership_of(admin, membership_id) -> Membership | None:
    return (
        Membership.objects.filter(
            pk=membership_id, unit__organization_id__in=administered_organisation_ids(admin)
        )
        .select_related("user", "unit")
        .first()
    )


def grant_of(admin, grant_id) -> ProtectedAddressGrant | None:
    return (
        ProtectedAddressGrant.objects.filter(
            pk=grant_id,
            membership__unit__organization_id__in=administered_organisation_ids(admin),
        )
        .select_related("membership__user", "membership__unit")
        .first()
    )


@dataclass(frozen=True)
class MembershipRow:
    membership: Membership
    in_force: bool
    capabilities: list[str]
    grants: list[ProtectedAddressGrant]


def memberships_of(admin, person: User, *, on: datetime.date | None = None) -> list[MembershipRow]:
    """The person's memberships in the administrator's organisations, with
    what each role gives and the protected-address grants."""
    day = on or timezone.localdate()
    memberships = (
        Membership.objects.filter(
            user=person, unit__organization_id__in=administered_organisation_ids(admin)
        )
        .select_related("unit", "unit__organization")
        .prefetch_related("protected_address_grants__granted_by")
        .order_by("-valid_from", "unit__name")
    )
    rows = []
    for m in memberships:
        in_force = m.is_active_on(day) and m.unit.is_active and person.is_active
        rows.append(
            MembershipRow(
                membership=m,
                in_force=in_force,
                capabilities=capability_labels(
                    capabilities_of_membership(m.role, m.protected_address_right)
                ),
                grants=list(m.protected_address_grants.all()),
            )
        )
    return rows


def capability_labels(capabilities) -> list[str]:
    return [str(CAPABILITY_LABELS[c]) for c in Capability if c in capabilities]


def role_capabilities() -> list[tuple[str, list[str]]]:
    """Each role with what it gives, for the membership form's help."""
    from perhekeskus.accounts.capabilities import capabilities_of_role

    return [(str(role.label), capability_labels(capabilities_of_role(role))) for role in Role]


# --- Sign-in methods ----------------------------------------------------------


@dataclass(frozen=True)
class SignInMethods:
    password: bool
    authenticator: bool
    recovery_codes: bool
    providers: list[str]
    last_login: datetime.datetime | None


def sign_in_methods(person: User) -> SignInMethods:
    """Which ways the person can sign in; never any secret."""
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount

    kinds = set(Authenticator.objects.filter(user=person).values_list("type", flat=True))
    providers = []
    for account in SocialAccount.objects.filter(user=person):
        try:
            providers.append(str(account.get_provider().name))
        except Exception:  # noqa: BLE001 (a provider no longer configured)
            providers.append(account.provider)
    return SignInMethods(
        password=person.has_usable_password(),
        authenticator=Authenticator.Type.TOTP in kinds,
        recovery_codes=Authenticator.Type.RECOVERY_CODES in kinds,
        providers=sorted(providers),
        last_login=person.last_login,
    )


# --- Whether a person may be deleted ----------------------------------------------

# Rows that belong to the account itself and go with it.
OWN_ROWS = frozenset(
    {
        "accounts.membership",
        "account.emailaddress",
        "mfa.authenticator",
        "usersessions.usersession",
        "accounts.apitoken",
    }
)


def deletion_refusal(person: User) -> str:
    """Why the person cannot be deleted, or '' when they can.

    Only a person created by mistake can be: one who never signed in, never
    appears as an actor in the access log and is referred to by no record
    (client records, notes, decisions, grants they made…). Everyone else is
    deactivated instead, so the log keeps saying who did what.
    """
    if person.last_login is not None:
        return _("The person has signed in. Deactivate the account instead.")
    if AccessLogEntry.objects.filter(actor_id=person.pk).exists():
        return _("The person has used the system. Deactivate the account instead.")
    relations = [
        f
        for f in person._meta.get_fields(include_hidden=True)
        if f.auto_created and not f.concrete and (f.one_to_many or f.one_to_one)
    ]
    for relation in relations:
        model = relation.related_model
        if model._meta.label_lower in OWN_ROWS or not apps.is_installed(
            model._meta.app_config.name
        ):
            continue
        if model._default_manager.filter(**{relation.field.name: person}).exists():
            return _("Records refer to the person. Deactivate the account instead.")
    if ProtectedAddressGrant.objects.filter(membership__user=person).exists():
        return _("The person has held the protected-address right. Deactivate the account instead.")
    return ""


# --- History -------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    at: datetime.datetime
    by: str
    what: str
    reason: str


EVENT_LABELS = {
    "unit_create": lambda d: _("Unit created: %(unit)s") % d,
    "unit_update": lambda d: _("Unit details changed: %(unit)s") % d,
    "unit_deactivate": lambda d: _("Unit deactivated: %(unit)s") % d,
    "unit_reactivate": lambda d: _("Unit reactivated: %(unit)s") % d,
    "person_create": lambda d: _("Person created: %(person)s") % d,
    "person_update": lambda d: _("Name or e-mail changed: %(person)s") % d,
    "person_deactivate": lambda d: _("Account deactivated: %(person)s") % d,
    "person_reactivate": lambda d: _("Account reactivated: %(person)s") % d,
    "person_delete": lambda d: _("Account deleted (created by mistake): %(person)s") % d,
    "membership_add": lambda d: _("%(person)s: %(role)s in %(unit)s from %(from)s") % d,
    "membership_update": lambda d: _("%(person)s: membership changed to %(role)s in %(unit)s") % d,
    "membership_end": lambda d: _("%(person)s: %(role)s in %(unit)s ends on %(until)s") % d,
    "grant_add": lambda d: (
        _("%(person)s: right to see protected addresses in %(unit)s from %(from)s") % d
    ),
    "grant_revoke": lambda d: _("%(person)s: right to see protected addresses revoked") % d,
    "second_factor_reset": lambda d: (
        _("%(person)s: two-step verification reset; to be set up again at the next sign-in") % d
    ),
    "password_reset_sent": lambda d: _("%(person)s: a password reset link sent by e-mail") % d,
}


def _describe(detail: dict) -> str:
    event = detail.get("event", "")
    values = {k: v for k, v in detail.items() if k != "event"}
    if "role" in values:
        try:
            values["role"] = str(Role(values["role"]).label)
        except ValueError:
            pass
    for key in ("person", "unit", "role", "from", "until"):
        values.setdefault(key, "–")
    label = EVENT_LABELS.get(event)
    return label(values) if label else _("Other change")


def _history(target: str, *, limit: int = 200) -> list[HistoryRow]:
    entries = AccessLogEntry.objects.filter(
        target=target, action=AccessLogEntry.Action.WRITE
    ).order_by("-seq")[:limit]
    return [
        HistoryRow(
            at=e.occurred_at,
            by=e.actor_name,
            what=_describe(parse_detail(e.basis_detail)),
            reason=e.reason,
        )
        for e in entries
    ]


def history_of_person(person: User) -> list[HistoryRow]:
    return _history(user_target(person.pk))


def history_of_unit(unit: Unit) -> list[HistoryRow]:
    return _history(unit_target(unit.pk))
