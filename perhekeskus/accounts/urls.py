"""The account pages and allauth's sign-in URLs, each with an access policy.

allauth's views cannot carry this project's decorators, so its URL patterns
are copied here with each view wrapped: pages of the sign-in flow itself are
open to anyone (``authentication``); the rest need a signed-in user
(``signed_in``). The OpenID Connect login and callback URLs are kept apart:
they are served without a language prefix, so an identity provider needs to
know one redirect address only.
"""

from __future__ import annotations

import allauth.urls
from django.urls import URLPattern, URLResolver, path

from perhekeskus.web.access import authentication, signed_in

from . import views

# allauth URL names reachable before signing in (or while signing in).
SIGN_IN_FLOW = frozenset(
    {
        "account_login",
        "account_logout",
        "account_signup",
        "account_inactive",
        "account_email_verification_sent",
        "account_confirm_email",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        "account_confirm_password_reset_code",
        "account_request_login_code",
        "account_confirm_login_code",
        "account_verify_phone",
        "mfa_authenticate",
        "mfa_trust",
        "mfa_login_webauthn",
        "mfa_signup_webauthn",
        "socialaccount_signup",
        "socialaccount_login_cancelled",
        "socialaccount_login_error",
        "openid_connect_login",
        "openid_connect_callback",
    }
)
PROVIDER_URLS = frozenset({"openid_connect_login", "openid_connect_callback"})


def _wrap(entry: URLPattern) -> URLPattern:
    decorate = authentication if entry.name in SIGN_IN_FLOW else signed_in
    # A fresh function per URL: marking must not touch allauth's own views.
    view = entry.callback

    def call(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    call.__name__ = getattr(view, "__name__", "allauth_view")
    call.__wrapped__ = view
    for attribute in ("csrf_exempt", "login_required", "login_not_required"):
        if hasattr(view, attribute):
            setattr(call, attribute, getattr(view, attribute))
    return URLPattern(entry.pattern, decorate(call), entry.default_args, entry.name)


def _with_policies(patterns, *, providers: bool) -> list:
    """allauth's patterns with policies; only (or all but) the provider URLs."""
    result = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = _with_policies(entry.url_patterns, providers=providers)
            if inner:
                result.append(
                    URLResolver(
                        entry.pattern, inner, entry.default_kwargs, entry.app_name, entry.namespace
                    )
                )
        elif entry.name is None:
            continue  # allauth's deprecated redirects of old addresses
        elif (entry.name in PROVIDER_URLS) == providers:
            result.append(_wrap(entry))
    return result


app_name = "accounts"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/tokens/", views.token_create, name="token_create"),
    path("profile/tokens/<uuid:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("profile/sign-out-everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("demo/", views.demo_sign_in, name="demo_sign_in"),
]

# Included without a namespace: allauth reverses its own URL names.
allauth_urlpatterns = _with_policies(allauth.urls.urlpatterns, providers=False)
allauth_provider_urlpatterns = _with_policies(allauth.urls.urlpatterns, providers=True)
