"""The families register's policy numbers and choices, each with its reason.

Kept in one place so that a change of policy is a change here, with its test.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from perhekeskus.accounts.models import Unit

from .models import ServiceTask

# The search before a new client is saved looks at the whole register, not
# only at the families the professional works with. A professional saves a
# few new clients a day; many checks in an hour look like using the check to
# find out who is a client (703/2023 §4: data only as the task needs it), so
# the check is refused after this many per user and window and the refusal
# is logged. A fixed window: at its turn up to twice the number can pass in
# a short time, still far below a search of the register.
DUPLICATE_CHECKS_PER_WINDOW = 20
DUPLICATE_CHECK_WINDOW = datetime.timedelta(hours=1)


class DuplicateCheckPurpose(models.TextChoices):
    """Why the professional searches the register before saving a person.

    Logged (the code, language-neutral) with every check.
    """

    NEW_CONTACT = "new_contact", _("a new client contacted us")
    REFERRAL = "referral", _("a referral or notification names the person")
    NEWBORN = "newborn", _("registering a newborn")
    FAMILY_MEMBER = "family_member", _("a member of a client's family")


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
    Unit.Kind.FAMILY_CENTRE: frozenset(
        {
            ServiceTask.FAMILY_SOCIAL_WORK,
            ServiceTask.FAMILY_WORK,
            ServiceTask.EARLY_SUPPORT,
            ServiceTask.FAMILY_COUNSELLING,
        }
    ),
    Unit.Kind.MATERNITY_CLINIC: frozenset({ServiceTask.CHILD_HEALTH}),
    Unit.Kind.CHILD_HEALTH_CLINIC: frozenset({ServiceTask.CHILD_HEALTH}),
    Unit.Kind.FAMILY_COUNSELLING: frozenset({ServiceTask.FAMILY_COUNSELLING}),
    Unit.Kind.FAMILY_WORK: frozenset({ServiceTask.FAMILY_WORK}),
    Unit.Kind.FAMILY_SOCIAL_WORK: frozenset({ServiceTask.FAMILY_SOCIAL_WORK}),
    Unit.Kind.CHILD_WELFARE: frozenset({ServiceTask.CHILD_WELFARE}),
    Unit.Kind.THERAPY: frozenset({ServiceTask.THERAPY}),
    Unit.Kind.SCHOOL_HEALTH: frozenset({ServiceTask.STUDENT_WELFARE}),
    Unit.Kind.STUDENT_WELFARE: frozenset({ServiceTask.STUDENT_WELFARE}),
    Unit.Kind.SCHOOL: frozenset({ServiceTask.STUDENT_WELFARE}),
    Unit.Kind.EARLY_EDUCATION: frozenset({ServiceTask.EARLY_EDUCATION}),
    Unit.Kind.NGO_SERVICE: frozenset({ServiceTask.EARLY_SUPPORT}),
    Unit.Kind.PARISH_SERVICE: frozenset({ServiceTask.EARLY_SUPPORT}),
    # Voucher and purchased services the organiser buys for families.
    Unit.Kind.PRIVATE_SERVICE: frozenset(
        {ServiceTask.FAMILY_WORK, ServiceTask.THERAPY, ServiceTask.EARLY_SUPPORT}
    ),
    Unit.Kind.OT_CENTRE: frozenset({ServiceTask.CHILD_WELFARE, ServiceTask.FAMILY_SOCIAL_WORK}),
    Unit.Kind.ADMINISTRATION: frozenset(),
}


def tasks_served_by(unit_kind: str) -> frozenset[str]:
    """The service tasks a unit of this kind serves (none for an unknown kind)."""
    return UNIT_SERVICE_TASKS.get(unit_kind, frozenset())
