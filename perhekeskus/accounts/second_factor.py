"""When a signed-in user must (still) present or enrol a second factor.

Professionals reach client data, which is secret by law (Act 703/2023):
password-only access is not acceptable. A professional who signed in with a
password must have a TOTP authenticator; the sign-in flow asks for its code
(allauth's MFA stage) and a professional without one is sent to enrol before
anything else. Exceptions, each deliberate:

- a professional who signed in through the organisation's identity provider,
  when ``OIDC_STAFF_IDP_HANDLES_MFA`` says the provider enforces two factors;
- citizens, who sign in with strong electronic identification;
- demo users, and only when ``settings.DEMO_MODE`` is on.
"""

from __future__ import annotations

import time

from allauth.account import app_settings as account_settings
from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings

STAFF_PROVIDER_ID = "organisation"
CITIZEN_PROVIDER_ID = "citizen"


def demo_exempt(user) -> bool:
    """Demo users skip the second factor, in demo mode and nowhere else."""
    return bool(settings.DEMO_MODE and getattr(user, "is_demo", False))


def has_totp(user) -> bool:
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])


def signed_in_through_staff_idp(request, user) -> bool:
    """The latest authentication of this session was the organisation's IdP."""
    records = get_authentication_records(request, user)
    if not records:
        return False
    last = records[-1]
    return last.get("method") == "socialaccount" and last.get("provider") == STAFF_PROVIDER_ID


def idp_handles_second_factor(request, user) -> bool:
    return bool(settings.OIDC_STAFF_IDP_HANDLES_MFA) and signed_in_through_staff_idp(request, user)


def enrolment_required(request) -> bool:
    """The signed-in user must enrol a TOTP authenticator before going on."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    if not getattr(user, "is_professional", False) or demo_exempt(user):
        return False
    if idp_handles_second_factor(request, user):
        return False
    return not has_totp(user)


def enrolling_now(request) -> bool:
    """Signed in moments ago and enrolling (or just enrolled) the first
    authenticator in this session: no second password prompt is needed."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    records = get_authentication_records(request, user)
    if not records:
        return False
    signed_in_at = records[-1].get("at", 0)
    if time.time() - signed_in_at >= account_settings.REAUTHENTICATION_TIMEOUT:
        return False
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    return totp is None or totp.created_at.timestamp() >= signed_in_at
