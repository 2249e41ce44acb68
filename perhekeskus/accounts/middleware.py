"""Send a professional without a second factor to enrol one first."""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from .second_factor import enrolment_required

# Pages a user who must enrol can still open: the enrolment itself, what it
# may ask for (re-entering the password), recovery codes, and signing out.
ALLOWED_URL_NAMES = frozenset(
    {
        "mfa_index",
        "mfa_activate_totp",
        "mfa_reauthenticate",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "account_reauthenticate",
        "account_logout",
        "set_language",
        "healthz",
    }
)


class SecondFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if enrolment_required(request) and not self._allowed(request):
            if request.path_info.startswith("/api/"):
                return JsonResponse(
                    {"detail": _("Set up two-step verification before using the API.")},
                    status=403,
                )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    @staticmethod
    def _allowed(request) -> bool:
        if request.path.startswith(settings.STATIC_URL):
            return True
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True  # the 404 page shows nothing of the user's
        return match.url_name in ALLOWED_URL_NAMES
