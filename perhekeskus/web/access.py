"""Access policies for views.

Every URL of the project declares its policy; a test walks all URL patterns
(HTML views and the API's operations alike) and fails on a view that has
none. Pages with personal data will use policies of the access layer, which
mark their views the same way (:func:`mark`); the public catalogue is
``public``: it shows no personal data.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

ACCESS_POLICY_ATTR = "access_policy"
PUBLIC = "public"

# Views of libraries that cannot carry a decorator here, by dotted name.
THIRD_PARTY_POLICIES: dict[str, str] = {
    # django-ninja's API root only answers 404; it exists so paths can be reversed.
    "ninja.openapi.views.default_home": PUBLIC,
    # The OpenAPI schema and its docs page describe the API; they return no data.
    "ninja.openapi.views.openapi_json": PUBLIC,
    "ninja.openapi.views.openapi_view": PUBLIC,
}


def mark(view, policy: str):
    """Record a view's access policy (for decorators of the access layer)."""
    setattr(view, ACCESS_POLICY_ATTR, policy)
    return view


def public(view):
    """The view shows only public information (the service catalogue)."""
    return mark(view, PUBLIC)


def _ninja_operation_views(view) -> list[Callable] | None:
    """The operation functions behind a django-ninja URL callback.

    django-ninja routes one path to a closure over its ``PathView``, which
    dispatches by method to operations; each operation function carries its
    own policy.
    """
    for cell in getattr(view, "__closure__", None) or ():
        try:
            contents = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        operations = getattr(contents, "operations", None)
        if isinstance(operations, list) and all(hasattr(op, "view_func") for op in operations):
            return [op.view_func for op in operations]
    return None


def policy_of(view) -> str | None:
    """The access policy a view declares, or None when it declares none."""
    seen: set[int] = set()
    candidate = view
    while candidate is not None and id(candidate) not in seen:
        seen.add(id(candidate))
        policy = getattr(candidate, ACCESS_POLICY_ATTR, None)
        if policy:
            return policy
        view_class = getattr(candidate, "view_class", None)
        if view_class is not None and getattr(view_class, ACCESS_POLICY_ATTR, None):
            return getattr(view_class, ACCESS_POLICY_ATTR)
        operation_views = _ninja_operation_views(candidate)
        if operation_views is not None:
            policies = {policy_of(func) for func in operation_views}
            if not policies or None in policies:
                return None
            return ",".join(sorted(policies))
        if isinstance(candidate, functools.partial):
            candidate = candidate.func
        else:
            name = (
                f"{getattr(candidate, '__module__', '')}.{getattr(candidate, '__qualname__', '')}"
            )
            if name in THIRD_PARTY_POLICIES:
                return THIRD_PARTY_POLICIES[name]
            candidate = getattr(candidate, "__wrapped__", None)
    return None


# --- Signed-in professionals -------------------------------------------------
# The policies below say who may open a view; whose data it shows is the
# access layer's question. ``signed_in`` (and ``requires_capability`` in
# :mod:`perhekeskus.accounts.policies`, which knows the roles) send an
# anonymous visitor to the sign-in page; the latter answers 403 to a user who
# lacks the capability.

AUTHENTICATION = "authentication"
SIGNED_IN = "signed_in"
CAPABILITY_PREFIX = "capability:"


def authentication(view):
    """A page of the sign-in flow itself: open to anyone, shows no personal data."""
    setattr(view, ACCESS_POLICY_ATTR, AUTHENTICATION)
    return view


def signed_in(view):
    """The view needs a signed-in user and shows only the user's own data."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    setattr(wrapper, ACCESS_POLICY_ATTR, SIGNED_IN)
    return wrapper
