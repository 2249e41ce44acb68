"""Writes of an organisation's user administrator.

Every function is keyword-only and atomic, takes the administrator and a
reason, checks that the record is in the administrator's own organisations
(the selectors' scope), refuses a stale ``version`` and writes the change
into the access log (:mod:`.history`) in the same transaction.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import Membership, ProtectedAddressGrant, Unit, User
from perhekeskus.core.errors import ConflictError, NotAllowedError, RefusedError

from . import selectors
from .history import log_change

MAX_REASON = 500


def _reason(reason: str) -> str:
    text = str(reason or "").replace("\x00", "").strip()
    if not text:
        raise ValidationError({"reason": _("Give a short reason for the change.")})
    if len(text) > MAX_REASON:
        raise ValidationError({"reason": _("The reason is too long (at most 500 characters).")})
    return text


def _own_organisation(admin, organization_id) -> None:
    if organization_id not in selectors.administered_organisation_ids(admin):
        raise NotAllowedError(_("You administer other organisations only."))


def _check_version(record, version: int | None) -> None:
    if version is not None and record.version != version:
        raise ConflictError(
            _("Someone else saved this record after you opened it. Open it again and check."),
            current_version=record.version,
        )


def _locked(model, pk):
    return model.objects.select_for_update().get(pk=pk)


# --- Units -------------------------------------------------------------------------


def _check_parent(unit_organization_id, parent: Unit | None, unit: Unit | None = None):
    if parent is None:
        return
    if parent.organization_id != unit_organization_id:
        raise ValidationError({"parent": _("The unit above must be in the same organisation.")})
    seen, current = set(), parent
    while current is not None and unit is not None:
        if current.pk == unit.pk or current.pk in seen:
            raise ValidationError({"parent": _("A unit cannot be part of itself.")})
        seen.add(current.pk)
        current = current.parent


@transaction.atomic
def unit_create(
    *,
    admin,
    organization,
    names: dict[str, str],
    kind: str,
    sector: str = "",
    parent: Unit | None = None,
    municipality=None,
    reason: str,
    request=None,
) -> Unit:
    reason = _reason(reason)
    _own_organisation(admin, organization.pk)
    _check_parent(organization.pk, parent)
    unit = Unit(
        organization=organization,
        kind=kind,
        sector=sector or Unit.DEFAULT_SECTORS.get(kind, ""),
        parent=parent,
        municipality=municipality,
        **{f"name_{lang}": (value or "").strip() for lang, value in names.items()},
    )
    unit.name = unit.name_fi or unit.name_sv or unit.name_en
    unit.full_clean()
    unit.save()
    log_change(admin, "unit_create", reason=reason, unit=unit, request=request)
    return unit


@transaction.atomic
def unit_update(
    *,
    admin,
    unit: Unit,
    version: int | None,
    names: dict[str, str],
    kind: str,
    sector: str,
    parent: Unit | None,
    municipality,
    reason: str,
    request=None,
) -> Unit:
    reason = _reason(reason)
    _own_organisation(admin, unit.organization_id)
    unit = _locked(Unit, unit.pk)
    _check_version(unit, version)
    _check_parent(unit.organization_id, parent, unit)
    for lang, value in names.items():
        setattr(unit, f"name_{lang}", (value or "").strip())
    unit.name = unit.name_fi or unit.name_sv or unit.name_en
    unit.kind, unit.sector = kind, sector or Unit.DEFAULT_SECTORS.get(kind, "")
    unit.parent, unit.municipality = parent, municipality
    unit.version += 1
    unit.full_clean()
    unit.save()
    log_change(admin, "unit_update", reason=reason, unit=unit, request=request)
    return unit


@transaction.atomic
def unit_set_active(
    *, admin, unit: Unit, active: bool, version: int | None, reason: str, request=None
) -> Unit:
    """Deactivate a unit (memberships in it stop giving rights) or reactivate it.

    A unit is never deleted: memberships and client records refer to it.
    """
    reason = _reason(reason)
    _own_organisation(admin, unit.organization_id)
    unit = _locked(Unit, unit.pk)
    _check_version(unit, version)
    if not active and unit.subunits.filter(is_active=True).exists():
        raise RefusedError(_("Deactivate or move the units that are part of this one first."))
    unit.is_active = active
    unit.version += 1
    unit.save(update_fields=["is_active", "version", "updated_at"])
    event = "unit_reactivate" if active else "unit_deactivate"
    log_change(admin, event, reason=reason, unit=unit, request=request)
    return unit


# --- People -------------------------------------------------------------------------


def _clean_person(first_name: str, last_name: str, email: str):
    first_name, last_name = first_name.strip(), last_name.strip()
    email = email.strip().lower()
    if not first_name or not last_name:
        raise ValidationError(_("Give the first name and the last name."))
    return first_name, last_name, email


@transaction.atomic
def person_create(
    *,
    admin,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    unit: Unit,
    role: str,
    title: str = "",
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
    reason: str,
    request=None,
) -> User:
    """A professional with a first membership in one of the administrator's
    units. The account has no password: the person sets one through the
    reset link, or signs in through the organisation's identity provider."""
    reason = _reason(reason)
    _own_organisation(admin, unit.organization_id)
    first_name, last_name, email = _clean_person(first_name, last_name, email)
    username = username.strip().lower()
    if not username:
        raise ValidationError({"username": _("Give a user name.")})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("The user name is taken.")})
    person = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        kind=User.Kind.PROFESSIONAL,
    )
    person.set_unusable_password()
    person.full_clean(exclude=["password"])
    person.save()
    log_change(admin, "person_create", reason=reason, user=person, request=request)
    _membership_add(
        admin,
        person,
        unit,
        role,
        title,
        valid_from or timezone.localdate(),
        valid_until,
        reason,
        request,
    )
    return person


@transaction.atomic
def person_update(
    *, admin, person: User, first_name: str, last_name: str, email: str, reason: str, request=None
) -> User:
    reason = _reason(reason)
    _in_scope(admin, person)
    first_name, last_name, email = _clean_person(first_name, last_name, email)
    person = _locked(User, person.pk)
    person.first_name, person.last_name, person.email = first_name, last_name, email
    person.full_clean(exclude=["password"])
    person.save(update_fields=["first_name", "last_name", "email"])
    log_change(admin, "person_update", reason=reason, user=person, request=request)
    return person


def _in_scope(admin, person: User) -> None:
    if selectors.person_of(admin, person.pk) is None:
        raise NotAllowedError(_("You administer other organisations only."))


def _not_self(admin, person: User) -> None:
    if admin.pk == person.pk:
        raise RefusedError(_("Another administrator must do this for your own account."))


def _end_sessions(person: User) -> None:
    from allauth.usersessions.adapter import get_adapter
    from allauth.usersessions.models import UserSession

    get_adapter().end_sessions(list(UserSession.objects.filter(user_id=person.pk)))


@transaction.atomic
def person_set_active(*, admin, person: User, active: bool, reason: str, request=None) -> User:
    """Deactivate an account (it can no longer sign in; its sessions end) or reactivate it."""
    reason = _reason(reason)
    _in_scope(admin, person)
    _not_self(admin, person)
    person = _locked(User, person.pk)
    person.is_active = active
    person.save(update_fields=["is_active"])
    if not active:
        _end_sessions(person)
    event = "person_reactivate" if active else "person_deactivate"
    log_change(admin, event, reason=reason, user=person, request=request)
    return person


@transaction.atomic
def person_delete(*, admin, person: User, reason: str, request=None) -> None:
    """Delete a person created by mistake: one who never signed in, never
    used the system and to whom no record refers (see the selectors)."""
    reason = _reason(reason)
    _in_scope(admin, person)
    _not_self(admin, person)
    person = _locked(User, person.pk)
    refusal = selectors.deletion_refusal(person)
    if refusal:
        raise RefusedError(refusal)
    units = [m.unit for m in Membership.objects.filter(user=person).select_related("unit")]
    log_change(admin, "person_delete", reason=reason, user=person, request=request)
    for unit in {u.pk: u for u in units}.values():
        log_change(
            admin,
            "person_delete",
            reason=reason,
            unit=unit,
            request=request,
            person=person.get_full_name() or person.username,
        )
    Membership.objects.filter(user=person).delete()
    person.delete()


@transaction.atomic
def second_factor_reset(*, admin, person: User, reason: str, request=None) -> int:
    """Remove the person's authenticators and recovery codes and end their
    sessions: at the next sign-in they must set up two-step verification
    again. Returns how many authenticators were removed."""
    from allauth.mfa.models import Authenticator

    reason = _reason(reason)
    _in_scope(admin, person)
    _not_self(admin, person)
    removed, _rows = Authenticator.objects.filter(user=person).delete()
    _end_sessions(person)
    log_change(admin, "second_factor_reset", reason=reason, user=person, request=request)
    return removed


@transaction.atomic
def password_reset_send(*, admin, person: User, reason: str, request) -> None:
    """Send the person allauth's password reset link to their e-mail address."""
    from allauth.account.forms import ResetPasswordForm

    reason = _reason(reason)
    _in_scope(admin, person)
    if not person.is_active:
        raise RefusedError(_("Reactivate the account first."))
    if not person.email:
        raise RefusedError(_("The person has no e-mail address. Add one first."))
    from allauth.core import context

    with context.request_context(request):
        form = ResetPasswordForm(data={"email": person.email})
        if not form.is_valid():
            raise RefusedError(_("The reset link could not be sent to this address."))
        form.save(request)
    log_change(admin, "password_reset_sent", reason=reason, user=person, request=request)


# --- Memberships --------------------------------------------------------------------


def _membership_add(admin, person, unit, role, title, valid_from, valid_until, reason, request):
    membership = Membership(
        user=person,
        unit=unit,
        role=role,
        title=(title or "").strip()[:200],
        valid_from=valid_from,
        valid_until=valid_until,
    )
    if valid_until is not None and valid_until < valid_from:
        raise ValidationError({"valid_until": _("A membership cannot end before it starts.")})
    membership.full_clean()
    membership.save()
    log_change(
        admin,
        "membership_add",
        reason=reason,
        user=person,
        unit=unit,
        request=request,
        role=role,
        **{"from": valid_from.isoformat(), "until": valid_until.isoformat() if valid_until else ""},
    )
    return membership


@transaction.atomic
def membership_add(
    *,
    admin,
    person: User,
    unit: Unit,
    role: str,
    title: str = "",
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
    reason: str,
    request=None,
) -> Membership:
    reason = _reason(reason)
    _in_scope(admin, person)
    _own_organisation(admin, unit.organization_id)
    return _membership_add(
        admin,
        person,
        unit,
        role,
        title,
        valid_from or timezone.localdate(),
        valid_until,
        reason,
        request,
    )


@transaction.atomic
def membership_update(
    *,
    admin,
    membership: Membership,
    version: int | None,
    role: str,
    title: str,
    valid_from: datetime.date,
    valid_until: datetime.date | None,
    reason: str,
    request=None,
) -> Membership:
    """Change the role, job title or period of a membership."""
    reason = _reason(reason)
    _own_organisation(admin, membership.unit.organization_id)
    membership = _locked(Membership, membership.pk)
    _check_version(membership, version)
    if valid_until is not None and valid_until < valid_from:
        raise ValidationError({"valid_until": _("A membership cannot end before it starts.")})
    membership.role, membership.title = role, (title or "").strip()[:200]
    membership.valid_from, membership.valid_until = valid_from, valid_until
    membership.version += 1
    membership.full_clean()
    membership.save()
    log_change(
        admin,
        "membership_update",
        reason=reason,
        user=membership.user,
        unit=membership.unit,
        request=request,
        role=role,
    )
    return membership


@transaction.atomic
def membership_end(
    *,
    admin,
    membership: Membership,
    version: int | None,
    last_day: datetime.date,
    reason: str,
    request=None,
) -> Membership:
    """End a membership on a day (its last day); its grants end with it."""
    reason = _reason(reason)
    _own_organisation(admin, membership.unit.organization_id)
    membership = _locked(Membership, membership.pk)
    _check_version(membership, version)
    if last_day < membership.valid_from:
        raise ValidationError({"last_day": _("A membership cannot end before it starts.")})
    membership.valid_until = last_day
    membership.version += 1
    membership.save(update_fields=["valid_until", "version", "updated_at"])
    log_change(
        admin,
        "membership_end",
        reason=reason,
        user=membership.user,
        unit=membership.unit,
        request=request,
        role=membership.role,
        until=last_day.isoformat(),
    )
    return membership


# --- The protected-address right ------------------------------------------------------


@transaction.atomic
def protected_address_grant(
    *,
    admin,
    membership: Membership,
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
    reason: str,
    request=None,
) -> ProtectedAddressGrant:
    """Grant one membership the right to see addresses under a security
    prohibition, for a period, with the reason (required)."""
    reason = _reason(reason)
    _own_organisation(admin, membership.unit.organization_id)
    valid_from = valid_from or timezone.localdate()
    if valid_until is not None and valid_until < valid_from:
        raise ValidationError({"valid_until": _("The right cannot end before it starts.")})
    grant = ProtectedAddressGrant(
        membership=membership,
        reason=reason,
        granted_by=admin,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    grant.full_clean()
    grant.save()
    log_change(
        admin,
        "grant_add",
        reason=reason,
        user=membership.user,
        unit=membership.unit,
        request=request,
        **{"from": valid_from.isoformat(), "until": valid_until.isoformat() if valid_until else ""},
    )
    return grant


@transaction.atomic
def protected_address_revoke(
    *, admin, grant: ProtectedAddressGrant, version: int | None, reason: str, request=None
) -> ProtectedAddressGrant:
    reason = _reason(reason)
    membership = grant.membership
    _own_organisation(admin, membership.unit.organization_id)
    grant = _locked(ProtectedAddressGrant, grant.pk)
    _check_version(grant, version)
    if grant.revoked_at is not None:
        raise RefusedError(_("The right has already been revoked."))
    grant.revoked_at = timezone.now()
    grant.revoked_by = admin
    grant.revocation_reason = reason
    grant.version += 1
    grant.save(
        update_fields=["revoked_at", "revoked_by", "revocation_reason", "version", "updated_at"]
    )
    log_change(
        admin,
        "grant_revoke",
        reason=reason,
        user=membership.user,
        unit=membership.unit,
        request=request,
    )
    return grant
