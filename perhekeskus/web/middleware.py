"""Answers that may carry personal data are never stored by a cache.

``Cache-Control: no-store`` (with Django's other never-cache headers) goes on
every answer

- of a view whose access policy is anything but ``public``: the access
  layer's ``client_data``, ``own_data`` and ``access_log``, the sign-in flow,
  signed-in pages and capabilities (perhekeskus.web.access), a view without
  a policy too;
- to a signed-in user, whatever the page: the layout shows who they are;
- to an authenticated API call (a bearer token or a session).

Public pages to anonymous visitors (the service finder) keep their own
caching. A public view that shows what its visitor wrote (the contact
form's receipt and re-rendered form) sets the headers itself.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from .access import PUBLIC, policy_of


def carries_personal_data(request) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is not None:
        policy = policy_of(match.func)
        if policy is None or set(policy.split(",")) != {PUBLIC}:
            return True
    if "HTTP_AUTHORIZATION" in request.META or getattr(request, "auth", None) is not None:
        return True
    # Only a request with a session can be signed in; asking the others
    # would read the session and make every public answer vary by cookie.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)
    return False


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if carries_personal_data(request):
            add_never_cache_headers(response)
        return response
