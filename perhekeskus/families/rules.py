"""The families register's policy numbers and choices, each with its reason.

Kept in one place so that a change of policy is a change here, with its test.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

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
