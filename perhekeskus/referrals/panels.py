"""The referrals part of the matter page (registered in ``ReferralsConfig.ready``)."""

from __future__ import annotations

from . import selectors, services


def matter_referrals(request, matter, scope) -> dict | None:
    """Every member of the matter's team sees the requests sent for the family."""
    if scope is None:
        return None
    return {
        "referrals": list(selectors.referrals_of_matter(matter)),
        "may_refer": matter.is_open and services.may_send_for(request.actor, matter),
    }
