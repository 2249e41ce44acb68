"""Writes about users, units, memberships, API tokens and sessions."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiToken, Membership, Role, Unit, User

# "pk_" marks the string as a Perhekeskus token (secret scanners can look for it).
TOKEN_PREFIX = "pk_"  # noqa: S105 (a marker, not a secret)
_TOKEN_BYTES = 32  # 256 bits of entropy: a plain SHA-256 is a safe hash for it
_SHOWN_PREFIX_LENGTH = 10


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once; never stored


@transaction.atomic
def api_token_create(*, user: User, name: str, days: int) -> NewToken:
    """A new personal token for the user; the secret is returned only here."""
    name = name.strip()
    if not name:
        raise ValidationError(_("Give the token a name."))
    if not 1 <= days <= settings.API_TOKEN_MAX_DAYS:
        raise ValidationError(
            _("A token is valid for 1 to %(max)d days.") % {"max": settings.API_TOKEN_MAX_DAYS}
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(_TOKEN_BYTES)
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        prefix=secret[:_SHOWN_PREFIX_LENGTH],
        token_hash=hash_token(secret),
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    return NewToken(token=token, secret=secret)


@transaction.atomic
def api_token_revoke(*, user: User, token_id) -> ApiToken:
    """Revoke one of the user's own tokens (revoking twice changes nothing)."""
    token = ApiToken.objects.select_for_update().get(pk=token_id, user=user)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
    return token


class TokenRejected(Exception):
    """The bearer token cannot be used; ``reason`` says why, for the client."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def api_token_authenticate(secret: str) -> User:
    """The user a bearer token belongs to, or TokenRejected with the reason."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        raise TokenRejected(_("The token is not valid."))
    token = ApiToken.objects.select_related("user").filter(token_hash=hash_token(secret)).first()
    if token is None:
        raise TokenRejected(_("The token is not valid."))
    if token.revoked_at is not None:
        raise TokenRejected(_("The token has been revoked."))
    now = timezone.now()
    if token.is_expired(now):
        raise TokenRejected(_("The token has expired."))
    if not token.user.is_active:
        raise TokenRejected(_("The account is not active."))
    # Record use at most once a minute, so a busy client does not write on every call.
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def sign_out_everywhere(request) -> int:
    """End every session of the signed-in user, this one included."""
    from allauth.usersessions.adapter import get_adapter
    from allauth.usersessions.models import UserSession
    from django.contrib.auth import logout

    user = request.user
    sessions = list(UserSession.objects.filter(user_id=user.pk))
    get_adapter().end_sessions(sessions)
    logout(request)
    return len(sessions)


def unit_create(*, organization, name: str, kind: str, sector: str = "", **fields) -> Unit:
    sector = sector or Unit.DEFAULT_SECTORS.get(kind, "")
    unit = Unit(organization=organization, name=name, kind=kind, sector=sector, **fields)
    unit.full_clean()
    unit.save()
    return unit


def membership_add(
    *,
    user: User,
    unit: Unit,
    role: Role | str,
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
    title: str = "",
) -> Membership:
    membership = Membership(
        user=user,
        unit=unit,
        role=role,
        title=title,
        valid_from=valid_from or timezone.localdate(),
        valid_until=valid_until,
    )
    membership.full_clean()
    membership.save()
    return membership


def membership_end(*, membership: Membership, last_day: datetime.date) -> Membership:
    if last_day < membership.valid_from:
        raise ValidationError(_("A membership cannot end before it starts."))
    membership.valid_until = last_day
    membership.save(update_fields=["valid_until", "updated_at"])
    return membership
