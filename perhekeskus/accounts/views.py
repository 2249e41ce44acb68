"""The profile page (roles, two-step verification, sessions, API tokens) and
the demo's one-click sign-in."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from perhekeskus.web.access import authentication, signed_in

from . import selectors, services
from .capabilities import CAPABILITY_LABELS, Capability
from .forms import ApiTokenForm, DemoSignInForm
from .landing import landing_url
from .models import ApiToken, User
from .policies import requires_capability
from .second_factor import has_totp


def _profile_context(request, *, token_form=None, new_token=None):
    user = request.user
    capabilities = selectors.user_capabilities(user)
    can_use_api = Capability.USE_API in capabilities
    return {
        "memberships": selectors.active_memberships(user),
        "capabilities": sorted(str(CAPABILITY_LABELS[c]) for c in capabilities),
        "has_totp": has_totp(user),
        "can_use_api": can_use_api,
        "tokens": selectors.api_tokens_of(user) if can_use_api else ApiToken.objects.none(),
        "token_form": token_form or ApiTokenForm(),
        "new_token": new_token,
    }


@signed_in
def profile(request):
    return render(request, "accounts/profile.html", _profile_context(request))


@require_POST
@requires_capability(Capability.USE_API)
def token_create(request):
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        try:
            new_token = services.api_token_create(
                user=request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # Rendered, not redirected: the secret must not be kept anywhere to show later.
            context = _profile_context(request, new_token=new_token)
            return render(request, "accounts/profile.html", context, status=201)
    return render(
        request, "accounts/profile.html", _profile_context(request, token_form=form), status=400
    )


@require_POST
@requires_capability(Capability.USE_API)
def token_revoke(request, token_id):
    try:
        token = services.api_token_revoke(user=request.user, token_id=token_id)
    except ApiToken.DoesNotExist:
        raise Http404 from None
    messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("accounts:profile")


@require_POST
@signed_in
def sign_out_everywhere(request):
    services.sign_out_everywhere(request)
    messages.success(request, _("You were signed out on all devices."))
    return redirect("account_login")


def _demo_users():
    return User.objects.filter(is_demo=True, is_active=True).order_by("kind", "username")


@authentication
def demo_sign_in(request):
    """One-click sign-in as a demo user; exists only in demo mode."""
    if not settings.DEMO_MODE:
        raise Http404
    from .demo import DEMO_USERS

    descriptions = {u.username: u.description for u in DEMO_USERS}
    if request.method == "POST":
        form = DemoSignInForm(request.POST)
        user = None
        if form.is_valid():
            user = _demo_users().filter(username=form.cleaned_data["username"]).first()
        if user is None:
            messages.error(request, _("No such demo user."))
            return redirect("accounts:demo_sign_in")
        login(request, user, backend="allauth.account.auth_backends.AuthenticationBackend")
        return redirect(_safe_next(request) or landing_url(user))
    users = [(user, descriptions.get(user.username, "")) for user in _demo_users()]
    context = {"demo_users": users, "next": _safe_next(request)}
    return render(request, "accounts/demo_sign_in.html", context)


def _safe_next(request) -> str | None:
    """The ``next`` page asked for, if it is on this site."""
    url = request.POST.get("next") or request.GET.get("next")
    allowed = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if allowed else None
