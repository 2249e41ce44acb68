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
