"""How allauth's flows fit this service.

- Nobody signs up with a password: professionals' accounts are made by
  administrators, or come from the organisation's identity provider.
- The organisation's identity provider ("organisation") signs in
  professionals: an existing account is matched on its username claim.
- Strong identification for citizens ("citizen", e.g. Suomi.fi
  e-Identification) signs in citizens: an account is matched on the personal
  identity code, which is kept on the user and scrubbed from the stored claims.
"""

from __future__ import annotations

import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from .identity import claims_of, identity_code_from_claims
from .landing import landing_url
from .models import User
from .second_factor import CITIZEN_PROVIDER_ID, STAFF_PROVIDER_ID, enrolling_now

_MFA_STAGE = "allauth.mfa.stages.AuthenticateStage"


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        # Enrolling the first authenticator right after signing in (and seeing
        # its recovery codes) needs no second password prompt; changing an
        # existing authenticator later still does.
        if app == "allauth.mfa" and enrolling_now(context.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def get_login_redirect_url(self, request) -> str:
        # A safe ``next`` is taken before this by allauth (``is_safe_url``);
        # password + TOTP and OpenID Connect sign-ins all end here.
        return landing_url(request.user)

    def get_login_stages(self) -> list[str]:
        return [
            "perhekeskus.accounts.stages.SecondFactorStage" if stage == _MFA_STAGE else stage
            for stage in super().get_login_stages()
        ]


def _refuse(request, message: str):
    response = render(request, "accounts/sign_in_refused.html", {"reason": message}, status=403)
    raise ImmediateHttpResponse(response)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin) -> bool:
        return sociallogin.account.provider in (STAFF_PROVIDER_ID, CITIZEN_PROVIDER_ID)

    def pre_social_login(self, request, sociallogin) -> None:
        # Accounts are linked by the providers' claims, never by hand: a
        # signed-in user cannot attach someone else's identity to their account.
        if sociallogin.state.get("process") == "connect":
            _refuse(request, _("Sign-in methods are linked by the identity provider's data."))
        provider = sociallogin.account.provider
        claims = claims_of(sociallogin.account.extra_data)
        if provider == CITIZEN_PROVIDER_ID:
            self._pre_citizen_login(request, sociallogin, claims)
        elif provider == STAFF_PROVIDER_ID:
            self._pre_staff_login(request, sociallogin, claims)

    def _pre_citizen_login(self, request, sociallogin, claims) -> None:
        code = identity_code_from_claims(claims)
        if not code:
            _refuse(request, _("The identification service did not tell who you are."))
        if sociallogin.is_existing:
            user = sociallogin.user
            if user.identity_code != code:
                _refuse(request, _("This sign-in belongs to another person."))
            return
        user = User.objects.filter(identity_code=code).first()
        if user is not None:
            if not user.is_citizen:
                _refuse(request, _("Professionals sign in with their organisation's account."))
            sociallogin.connect(request, user)

    def _pre_staff_login(self, request, sociallogin, claims) -> None:
        if sociallogin.is_existing:
            if not sociallogin.user.is_professional:
                _refuse(request, _("This account is not a professional's account."))
            return
        username = str(claims.get(settings.OIDC_STAFF_USERNAME_CLAIM) or "")
        if not username:
            _refuse(request, _("The identity provider did not give a user name."))
        user = User.objects.filter(username=username).first()
        if user is not None:
            if not user.is_professional:
                _refuse(request, _("This account is not a professional's account."))
            sociallogin.connect(request, user)

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        claims = claims_of(sociallogin.account.extra_data)
        if sociallogin.account.provider == CITIZEN_PROVIDER_ID:
            user.kind = User.Kind.CITIZEN
            user.identity_code = identity_code_from_claims(claims) or ""
            # A citizen's user name is never shown; it must not reveal the person.
            user.username = f"citizen-{uuid.uuid4().hex[:12]}"
        else:
            user.kind = User.Kind.PROFESSIONAL
            username = claims.get(settings.OIDC_STAFF_USERNAME_CLAIM)
            if username:
                user.username = str(username)
        return user
