"""Authentication for ``/api/v1/``: a personal bearer token or the session.

Routers of every app use it the same way::

    from perhekeskus.accounts.api_auth import BearerToken

    router = Router(auth=BearerToken())

``request.auth`` (and ``request.user``) is then the signed-in user. A bad,
expired or revoked token is a 401 whose ``detail`` says which; a session
request that changes something needs the CSRF token like any form post; a
professional who must still enrol a second factor gets a 403.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security.base import AuthBase
from ninja.utils import check_csrf

from .second_factor import enrolment_required
from .services import TokenRejected, api_token_authenticate

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class BearerToken(AuthBase):
    openapi_type = "http"
    openapi_scheme = "bearer"
    openapi_description = "A personal API token from the profile page, or a signed-in session."

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if header:
            scheme, _sep, secret = header.partition(" ")
            if scheme.lower() != "bearer" or not secret.strip():
                raise HttpError(401, _("Use the header 'Authorization: Bearer <token>'."))
            try:
                user = api_token_authenticate(secret.strip())
            except TokenRejected as rejected:
                raise HttpError(401, rejected.reason) from None
            request.user = user
            return user
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            raise HttpError(401, _("Sign in or give a personal API token."))
        if enrolment_required(request):
            raise HttpError(403, _("Set up two-step verification before using the API."))
        if request.method not in SAFE_METHODS and check_csrf(request) is not None:
            raise HttpError(403, _("The CSRF token is missing or wrong; reload the page."))
        return user
