"""The access layer's statutory rules and settings, each with its source.

Kept in one place so that a change of law is a change here, with its test.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.families import rules as family_rules

# 703/2023 §11: the client may ask who has processed or received their data;
# by default the last two years are shown.
CLIENT_LOG_WINDOW = datetime.timedelta(days=2 * 365)

# Emergency access lasts for the work shift at hand; it is reviewed afterwards.
EMERGENCY_ACCESS_DURATION = datetime.timedelta(hours=12)

# Who may break the glass: professionals who work with clients.
EMERGENCY_ACCESS_CAPABILITY = Capability.CLIENT_WORK

# Security prohibition (population register, turvakielto): the address is
# shown only to holders of this capability (and to the person themself).
# No role grants it; it is granted to a named membership for a period, with a
# reason (``accounts.ProtectedAddressGrant``).
PROTECTED_ADDRESS_CAPABILITY = Capability.VIEW_PROTECTED_ADDRESS


@dataclass(frozen=True)
class StatutoryGround:
    code: str
    label: str
    reference: str
    capability: str
    duration: datetime.timedelta
    # May a disclosure to another organisation rely on it (overriding a
    # prohibition), and may a professional read the register on it?
    for_reading: bool = True
    for_disclosure: bool = False


STATUTORY_GROUNDS: dict[str, StatutoryGround] = {
    ground.code: ground
    for ground in (
        StatutoryGround(
            "lsl-26-27",
            _("child welfare notification: urgency and assessment"),
            "LSL 417/2007 §26–27",
            Capability.DECIDE_CHILD_WELFARE,
            datetime.timedelta(days=92),
        ),
        StatutoryGround(
            "lsl-41",
            _("child welfare's right to obtain information"),
            "LSL 417/2007 §41",
            Capability.DECIDE_CHILD_WELFARE,
            datetime.timedelta(days=92),
            for_disclosure=True,
        ),
        StatutoryGround(
            "lsl-25",
            _("child welfare notification to the child welfare authority"),
            "LSL 417/2007 §25",
            Capability.CLIENT_WORK,
            datetime.timedelta(0),
            for_reading=False,
            for_disclosure=True,
        ),
        StatutoryGround(
            "shl-35",
            _("contacting social services in the child's interest"),
            "SHL 1301/2014 §35",
            Capability.CLIENT_WORK,
            datetime.timedelta(0),
            for_reading=False,
            for_disclosure=True,
        ),
    )
}

# 703/2023: a disclosure prohibition does not apply towards the organiser's
# own service-voucher and purchased-service providers.
OWN_PROVIDER_REFERENCE = "703/2023 (own voucher or purchased-service provider)"


# The service tasks each kind of unit serves: a consent's purpose
# (``perhekeskus.families.rules``, with the family register's other rules).
UNIT_SERVICE_TASKS = family_rules.UNIT_SERVICE_TASKS
tasks_served_by = family_rules.tasks_served_by


def grounds_for(capabilities, *, reading: bool) -> list[StatutoryGround]:
    return [
        g
        for g in STATUTORY_GROUNDS.values()
        if g.capability in capabilities and (g.for_reading if reading else g.for_disclosure)
    ]
