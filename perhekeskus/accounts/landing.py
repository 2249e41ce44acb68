"""Where a user lands after signing in: where their work is.

Pages of the apps above accounts are named by their URL names only (accounts
sits below them and imports none of them). The first rule that fits wins, so
a user with several roles lands on the work that concerns clients first.
Every target is a page the user may open with these capabilities.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

from .capabilities import Capability
from .selectors import user_capabilities

C = Capability

# (capability, URL name), in order of precedence.
LANDINGS: tuple[tuple[Capability, str], ...] = (
    (C.CLIENT_WORK, "desk:home"),
    (C.VIEW_ACCESS_LOG, "audit:reviews"),
    (C.SUPERVISE_CASEWORK, "desk:manager"),
    # Analysts, preparing officials and managers' knowledge work start from the
    # dashboard; it needs VIEW_STATISTICS, which all of those roles have.
    (C.VIEW_STATISTICS, "insight:home"),
    (C.EDIT_CATALOGUE, "cataloguedit:worklist"),
    # An organisation's user administrator: units and people.
    (C.ADMINISTER_USERS, "administration:home"),
    # The platform administrator: the shared vocabularies.
    (C.ADMINISTER_PLATFORM, "platform_admin:index"),
)
CITIZEN_LANDING = "desk:family"
# Platform administrators and anyone else: the profile (roles, sign-in methods, tokens).
DEFAULT_LANDING = "accounts:profile"


def _has_identity_code(user) -> bool:
    return bool(user.identity_code)


# Whether a citizen has an own view: only the families register (above
# accounts) knows whether the person is in it, so the app that owns the view
# sets this at start-up (desk's AppConfig). A citizen unknown to the register
# sees the profile rather than a page that is not there for them.
_citizen_has_own_view: Callable[[object], bool] = _has_identity_code


def set_citizen_check(check: Callable[[object], bool]) -> None:
    global _citizen_has_own_view
    _citizen_has_own_view = check


def landing_url_name(user) -> str:
    if user.is_citizen:
        return CITIZEN_LANDING if _citizen_has_own_view(user) else DEFAULT_LANDING
    capabilities = user_capabilities(user)
    for capability, name in LANDINGS:
        if capability in capabilities:
            return name
    return DEFAULT_LANDING


def landing_url(user) -> str:
    return reverse(landing_url_name(user))
