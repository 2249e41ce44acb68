"""Statutory and agreed numbers of case work and statistics, each with its source.

One place for the numbers a change of law or of national guidance changes;
each has a test. The access layer's own rules are in
:mod:`perhekeskus.access.rules`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_noop

from .calendar import add_months, add_working_days, next_working_day

# families.ServiceTask.CHILD_WELFARE; spelled out so this module imports no models.
CHILD_WELFARE_SERVICE_TASK = "child_welfare"
# accounts.Capability's values, spelled out so this module imports no app
# (core is the lowest layer); the rules' tests compare them with the enum.
BE_RESPONSIBLE_WORKER = "be_responsible_worker"
BE_RESPONSIBLE_WORKER_CHILD_WELFARE = "can_be_responsible_worker_child_welfare"

# Statistics from client data: cells with fewer than this many are hidden, and
# enough other cells with them that no hidden cell can be recovered from the
# totals (THL's practice for social welfare statistics; DOMAIN.md §3).
SUPPRESSION_THRESHOLD = 5


# --- Deadlines and responsibility in case work -------------------------------
#
# Counted on the working-day calendar (perhekeskus.core.calendar): the day a
# matter becomes pending (vireilletulo, SHL 1301/2014 §34) is day 0 and not
# counted.

# SHL 1301/2014 §36.2 (and LSL 417/2007 §26.3 for child welfare notifications):
# the assessment of a child in need of special support starts by the 7th
# working day after the matter became pending.
ASSESSMENT_START_WORKING_DAYS = 7

# SHL 1301/2014 §36.3 (and LSL 417/2007 §27.1): that assessment is completed
# within 3 months of the matter becoming pending.
ASSESSMENT_COMPLETE_MONTHS = 3

# LSL 417/2007 §13b.3 (in force since 1 January 2024): at most 30 children per
# responsible social worker in child welfare.
CHILD_WELFARE_CASELOAD_LIMIT = 30

# Not statutory: the family centre's own promise to answer a contact by the
# 2nd working day after it arrived (shown to the family on its receipt).
CONTACT_ANSWER_WORKING_DAYS = 2

# Act 306/2019 §16: a public authority answers feedback on the accessibility
# of its digital service within 14 days of receiving it.
ACCESSIBILITY_FEEDBACK_ANSWER_DAYS = 14


def accessibility_feedback_due(received_on: date) -> date:
    """The day feedback received on ``received_on`` must be answered by.

    14 days (calendar days, Act 306/2019 §16); a limit ending on a day that is
    not a working day moves to the next working day (Act 150/1930 §5).
    """
    return next_working_day(received_on + timedelta(days=ACCESSIBILITY_FEEDBACK_ANSWER_DAYS))


# The basis of the deadlines, stored on the matter as written here (English)
# and translated where shown: {% translate matter.deadline_source %}.
SOURCE_SPECIAL_SUPPORT = gettext_noop(
    "SHL 1301/2014 §36: start by the 7th working day, complete within 3 months"
)
SOURCE_SPECIAL_SUPPORT_URGENT = gettext_noop(
    "SHL 1301/2014 §36: urgent need assessed immediately, complete within 3 months"
)
SOURCE_URGENT = gettext_noop("SHL 1301/2014 §36.1: urgent need assessed immediately")
SOURCE_UNIT_TARGET = gettext_noop("The unit's own target (not statutory)")
SOURCE_NONE = gettext_noop(
    "No statutory time limit; started without undue delay (SHL 1301/2014 §36.1)"
)


@dataclass(frozen=True)
class Deadlines:
    """When an assessment must start and be completed, and on what basis."""

    start_by: date | None
    complete_by: date | None
    statutory: bool
    source: str


def assessment_deadlines(
    pending_on: date,
    *,
    special_support: bool,
    urgent: bool = False,
    unit_target_working_days: int | None = None,
) -> Deadlines:
    """The service-need assessment's deadlines for a matter pending on ``pending_on``.

    - A child in need of special support (SHL §36): start by the 7th working
      day (the same day when urgent), complete within 3 months.
    - Urgent otherwise: start the same day; no completion limit.
    - Otherwise: the unit's own target in working days, if it has one
      (``statutory=False``), else no dated deadline.

    "Within 3 months" ends on the same day of the month three months later,
    or on the month's last day when that month has no such day (Act 150/1930
    §3: 30 November → 28/29 February); a limit ending on a day that is not a
    working day moves to the next working day (Act 150/1930 §5).
    """
    if special_support:
        complete_by = next_working_day(add_months(pending_on, ASSESSMENT_COMPLETE_MONTHS))
        if urgent:
            return Deadlines(pending_on, complete_by, True, SOURCE_SPECIAL_SUPPORT_URGENT)
        start_by = add_working_days(pending_on, ASSESSMENT_START_WORKING_DAYS)
        return Deadlines(start_by, complete_by, True, SOURCE_SPECIAL_SUPPORT)
    if urgent:
        return Deadlines(pending_on, None, True, SOURCE_URGENT)
    if unit_target_working_days is not None:
        if unit_target_working_days < 0:
            raise ValueError("unit_target_working_days must not be negative")
        start_by = add_working_days(pending_on, unit_target_working_days)
        return Deadlines(start_by, None, False, SOURCE_UNIT_TARGET)
    return Deadlines(None, None, False, SOURCE_NONE)


def responsible_worker_capability(*, service_task: str, special_support: bool) -> str:
    """The capability (``accounts.Capability`` value) a matter's responsible worker must hold.

    SHL 1301/2014 §42: the responsible worker is a social welfare professional;
    when the child needs special support or in child welfare (LSL 417/2007
    §13b) a qualified social worker.
    """
    if special_support or service_task == CHILD_WELFARE_SERVICE_TASK:
        return BE_RESPONSIBLE_WORKER_CHILD_WELFARE
    return BE_RESPONSIBLE_WORKER
