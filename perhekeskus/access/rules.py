"""The access layer's statutory rules and settings, each with its source.

Kept in one place so that a change of law is a change here, with its test.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.models import Unit
from perhekeskus.families.models import ServiceTask

U, T = Unit.Kind, ServiceTask

# 703/2023 §11: the client may ask who has processed or received their data;
# by default the last two years are shown.
CLIENT_LOG_WINDOW = datetime.timedelta(days=2 * 365)

# Emergency access lasts for the work shift at hand; it is reviewed afterwards.
EMERGENCY_ACCESS_DURATION = datetime.timedelta(hours=12)

# Who may break the glass: professionals who work with clients.
EMERGENCY_ACCESS_CAPABILITY = Capability.CLIENT_WORK

# Security prohibition (population register, turvakielto): the address is
# shown only to holders of this capability (and to the person themself).
# No role grants it; it is granted to a named membership
# (``Membership.protected_address_right``).
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


# The service tasks (``families.ServiceTask``) each kind of unit
# (``accounts.Unit.Kind``) is set up for. A consent is given for one purpose
# (client act 812/2000 ch. 3, 703/2023): it is a basis only for professionals of a
# unit that serves the consent's task (``Consent.purpose_task``), so a consent
# for a child's early education does not open the family to a school, nor a
# consent for a day-care's contact to the family centre to its administration.
# Sources: child health and maternity clinics, school health care –
# Terveydenhuoltolaki 1326/2010 §15–16 and student welfare 1287/2013 §3 (school
# health care is part of it; a pupil's expert group, teachers included, is
# formed with consent, §14 and §19); family centres – SHL 1301/2014 §15
# (social work), §18 (family work), §19 (home help), §26 (family
# counselling) and the early support of §2 and §11 (and 612/2021 on
# organising them); early childhood education – Varhaiskasvatuslaki 540/2018;
# child welfare – Lastensuojelulaki 417/2007; competence and support centres
# (OT-centres) consult on demanding child welfare and family social work
# (612/2021); NGO and parish services offer early support (peer groups,
# family cafés). Administration serves no client task: a consent is never a
# basis there. A kind not listed serves nothing.
UNIT_SERVICE_TASKS: dict[str, frozenset[str]] = {
    U.FAMILY_CENTRE: frozenset(
        {T.FAMILY_SOCIAL_WORK, T.FAMILY_WORK, T.EARLY_SUPPORT, T.FAMILY_COUNSELLING}
    ),
    U.MATERNITY_CLINIC: frozenset({T.CHILD_HEALTH}),
    U.CHILD_HEALTH_CLINIC: frozenset({T.CHILD_HEALTH}),
    U.FAMILY_COUNSELLING: frozenset({T.FAMILY_COUNSELLING}),
    U.FAMILY_WORK: frozenset({T.FAMILY_WORK}),
    U.FAMILY_SOCIAL_WORK: frozenset({T.FAMILY_SOCIAL_WORK}),
    U.CHILD_WELFARE: frozenset({T.CHILD_WELFARE}),
    U.THERAPY: frozenset({T.THERAPY}),
    U.SCHOOL_HEALTH: frozenset({T.STUDENT_WELFARE}),
    U.STUDENT_WELFARE: frozenset({T.STUDENT_WELFARE}),
    U.SCHOOL: frozenset({T.STUDENT_WELFARE}),
    U.EARLY_EDUCATION: frozenset({T.EARLY_EDUCATION}),
    U.NGO_SERVICE: frozenset({T.EARLY_SUPPORT}),
    U.PARISH_SERVICE: frozenset({T.EARLY_SUPPORT}),
    # Voucher and purchased services the organiser buys for families.
    U.PRIVATE_SERVICE: frozenset({T.FAMILY_WORK, T.THERAPY, T.EARLY_SUPPORT}),
    U.OT_CENTRE: frozenset({T.CHILD_WELFARE, T.FAMILY_SOCIAL_WORK}),
    U.ADMINISTRATION: frozenset(),
}


def tasks_served_by(unit_kind: str) -> frozenset[str]:
    """The service tasks a unit of this kind serves (none for an unknown kind)."""
    return UNIT_SERVICE_TASKS.get(unit_kind, frozenset())


def grounds_for(capabilities, *, reading: bool) -> list[StatutoryGround]:
    return [
        g
        for g in STATUTORY_GROUNDS.values()
        if g.capability in capabilities and (g.for_reading if reading else g.for_disclosure)
    ]
