"""The view policy of pages for roles: ``requires_capability``.

Beside the roles it reads, so that :mod:`perhekeskus.web.access` (the
policy marks every app's views use) depends on no app.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from perhekeskus.web.access import ACCESS_POLICY_ATTR, CAPABILITY_PREFIX

from .selectors import user_capabilities


def requires_capability(*capabilities: str):
    """The view needs a signed-in user whose roles give all these capabilities."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not set(capabilities) <= user_capabilities(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        policy = ",".join(CAPABILITY_PREFIX + str(c) for c in sorted(map(str, capabilities)))
        setattr(wrapper, ACCESS_POLICY_ATTR, policy)
        return wrapper

    return decorator
