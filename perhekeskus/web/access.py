"""Access policies for views.

Every URL of the project declares its policy with one of these decorators;
a test walks all URL patterns and fails on a view that has none. Pages with
personal data will use policies of the access layer; the public catalogue is
``public``: it shows no personal data.
"""

ACCESS_POLICY_ATTR = "access_policy"


def public(view):
    """The view shows only public information (the service catalogue)."""
    setattr(view, ACCESS_POLICY_ATTR, "public")
    return view


def policy_of(view) -> str | None:
    for candidate in (view, getattr(view, "view_class", None), getattr(view, "__wrapped__", None)):
        if candidate is not None and getattr(candidate, ACCESS_POLICY_ATTR, None):
            return getattr(candidate, ACCESS_POLICY_ATTR)
    return None


# --- Signed-in professionals -------------------------------------------------
# The policies below say who may open a view; whose data it shows is the
# access layer's question. ``signed_in`` and ``requires_capability`` send an
# anonymous visitor to the sign-in page and answer 403 to a user who lacks
# the capability.

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


def requires_capability(*capabilities: str):
    """The view needs a signed-in user whose roles give all these capabilities."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login
    from django.core.exceptions import PermissionDenied

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            from perhekeskus.accounts.selectors import user_capabilities

            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not set(capabilities) <= user_capabilities(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        policy = ",".join(CAPABILITY_PREFIX + str(c) for c in sorted(map(str, capabilities)))
        setattr(wrapper, ACCESS_POLICY_ATTR, policy)
        return wrapper

    return decorator
