"""The operational indicators, each defined once, next to what it means.

An indicator reads only :class:`perhekeskus.events.models.Event` rows (their
type, time, municipality, service task, family pseudonym and declared
attributes, see :mod:`perhekeskus.events.types`). Every indicator is counted
by municipality and period (month, quarter or year in Finnish time); the
region's figure is computed from the same events, not added up from rounded
figures. Events without a municipality belong to no region and are left out.

Four kinds of measure:

``count``
    the number of events matching ``where``.
``share``
    of the events matching ``where`` (the base), the share that also match
    ``hit``; shown with its base, and hidden when the base is.
``median``
    the median of the number attribute ``attribute`` over the events matching
    ``where``; its base is the number of those events.
``families``
    the number of distinct families (pseudonyms) with any event in one of
    ``service_tasks`` during the period. A family counted in two
    municipalities counts once in the region.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from perhekeskus.families.models import ServiceTask


class Kind(StrEnum):
    COUNT = "count"
    SHARE = "share"
    MEDIAN = "median"
    FAMILIES = "families"


class Unit(StrEnum):
    EVENTS = "events"
    FAMILIES = "families"
    HOURS = "hours"
    PERCENT = "percent"


UNIT_LABELS = {
    Unit.EVENTS: pgettext_lazy("unit", "number"),
    Unit.FAMILIES: pgettext_lazy("unit", "families"),
    Unit.HOURS: pgettext_lazy("unit", "hours"),
    Unit.PERCENT: pgettext_lazy("unit", "%"),
}

# Service levels of DOMAIN.md §4: targeted early support and consultation is
# level 3 (preventive); child welfare is levels 4–5 (corrective). The
# universal services (child health clinics, student welfare: level 2) and
# therapy (specialised treatment, level 4 but not child welfare) are in
# neither group, so the two groups compare like with like.
EARLY_SUPPORT_TASKS: tuple[str, ...] = (
    ServiceTask.EARLY_SUPPORT,
    ServiceTask.FAMILY_WORK,
    ServiceTask.FAMILY_COUNSELLING,
    ServiceTask.FAMILY_SOCIAL_WORK,
)
CHILD_WELFARE_TASKS: tuple[str, ...] = (ServiceTask.CHILD_WELFARE,)

# Appointment modes that are remote reception (the family stays at home and
# nobody travels to it).
REMOTE_MODES: tuple[str, ...] = ("video", "phone")


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    definition: str
    unit: Unit
    kind: Kind
    # The event types read.
    events: tuple[str, ...]
    where: Q = Q()
    hit: Q | None = None
    attribute: str = ""
    service_tasks: tuple[str, ...] = ()
    # Share of the events that are the group's own (the higher the better)
    # or a count; used only for wording the trend.
    higher_is_better: bool | None = None
    # The events and attributes counted, shown as code under the definition
    # in words (the definition itself speaks no codes).
    source: str = ""

    @property
    def unit_label(self) -> str:
        return UNIT_LABELS[self.unit]

    @property
    def is_additive(self) -> bool:
        """Whether a total is the sum of its parts (counts are; families are not)."""
        return self.kind == Kind.COUNT


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        code="contacts",
        name=_("Contacts"),
        definition=_(
            "Contacts received by the family centre from a family, or from a "
            "professional on its behalf, in the period, anonymous contacts included."
        ),
        source="contact.received",
        unit=Unit.EVENTS,
        kind=Kind.COUNT,
        events=("contact.received",),
        where=Q(type="contact.received"),
    ),
    Indicator(
        code="answer_hours",
        name=_("Time to first answer"),
        definition=_(
            "Median number of hours from a contact to its first answer, over the "
            "contacts answered in the period. The base is the number of contacts answered."
        ),
        source="contact.answered: hours_to_answer",
        unit=Unit.HOURS,
        kind=Kind.MEDIAN,
        events=("contact.answered",),
        where=Q(type="contact.answered", attrs__has_key="hours_to_answer"),
        attribute="hours_to_answer",
        higher_is_better=False,
    ),
    Indicator(
        code="matters_opened",
        name=_("Matters opened"),
        definition=_("Matters that became pending (vireilletulo) in the period."),
        source="matter.opened",
        unit=Unit.EVENTS,
        kind=Kind.COUNT,
        events=("matter.opened",),
        where=Q(type="matter.opened"),
    ),
    Indicator(
        code="assessments_started_on_time",
        name=_("Assessments started within 7 working days"),
        definition=_(
            "Of the service-need assessments started in the period for which the "
            "statutory deadline applies, the share started by the seventh working day "
            "after the matter became pending (SHL §36)."
        ),
        source="assessment.started: deadline_applies, working_days <= 7",
        unit=Unit.PERCENT,
        kind=Kind.SHARE,
        events=("assessment.started",),
        where=Q(type="assessment.started", attrs__deadline_applies=True),
        hit=Q(attrs__working_days__lte=7),
        higher_is_better=True,
    ),
    Indicator(
        code="assessments_completed_on_time",
        name=_("Assessments completed within 3 months"),
        definition=_(
            "Of the service-need assessments completed in the period for which the "
            "statutory deadline applies (SHL §36), the share completed within three "
            "months of the matter becoming pending."
        ),
        source="assessment.completed: deadline_applies, within_deadline",
        unit=Unit.PERCENT,
        kind=Kind.SHARE,
        events=("assessment.completed",),
        where=Q(type="assessment.completed", attrs__deadline_applies=True),
        hit=Q(attrs__within_deadline=True),
        higher_is_better=True,
    ),
    Indicator(
        code="families_early_support",
        name=_("Families in early support"),
        definition=_(
            "Distinct families with any recorded event in the period in a service "
            "task of targeted early support: early support and peer groups, family "
            "work and home help, family counselling, or social work for families "
            "with children (service level 3)."
        ),
        unit=Unit.FAMILIES,
        kind=Kind.FAMILIES,
        events=(),
        service_tasks=EARLY_SUPPORT_TASKS,
    ),
    Indicator(
        code="families_child_welfare",
        name=_("Families in child welfare"),
        definition=_(
            "Distinct families with any recorded event in the period in the service "
            "task of child welfare (service levels 4–5)."
        ),
        unit=Unit.FAMILIES,
        kind=Kind.FAMILIES,
        events=(),
        service_tasks=CHILD_WELFARE_TASKS,
    ),
    Indicator(
        code="plan_actions_ngo",
        name=_("Plan actions delivered by NGOs"),
        definition=_(
            "Actions of families' plans delivered in the period by a non-governmental organisation."
        ),
        source="plan.action_delivered: provider_kind = ngo",
        unit=Unit.EVENTS,
        kind=Kind.COUNT,
        events=("plan.action_delivered",),
        where=Q(type="plan.action_delivered", attrs__provider_kind="ngo"),
    ),
    Indicator(
        code="plan_actions_parish",
        name=_("Plan actions delivered by parishes"),
        definition=_("Actions of families' plans delivered in the period by a parish."),
        source="plan.action_delivered: provider_kind = parish",
        unit=Unit.EVENTS,
        kind=Kind.COUNT,
        events=("plan.action_delivered",),
        where=Q(type="plan.action_delivered", attrs__provider_kind="parish"),
    ),
    Indicator(
        code="referrals",
        name=_("Referrals sent"),
        definition=_("Referrals sent in the period."),
        source="referral.sent: kind = referral",
        unit=Unit.EVENTS,
        kind=Kind.COUNT,
        events=("referral.sent",),
        where=Q(type="referral.sent", attrs__kind="referral"),
    ),
    Indicator(
        code="consultations",
        name=_("Consultations sent"),
        definition=_(
            "Consultations of specialists sent in the period, the family staying where it is."
        ),
        source="referral.sent: kind = consultation",
        unit=Unit.EVENTS,
        kind=Kind.COUNT,
        events=("referral.sent",),
        where=Q(type="referral.sent", attrs__kind="consultation"),
    ),
    Indicator(
        code="mobile_team_requests",
        name=_("Mobile team requests"),
        definition=_(
            "Requests for a mobile team to go to a young person's home, sent in the period."
        ),
        source="referral.sent: kind = mobile_team",
        unit=Unit.EVENTS,
        kind=Kind.COUNT,
        events=("referral.sent",),
        where=Q(type="referral.sent", attrs__kind="mobile_team"),
    ),
    Indicator(
        code="remote_appointments",
        name=_("Remote appointments"),
        definition=_("Appointments booked in the period to be held by video or by phone."),
        source="appointment.booked: mode = video, phone",
        unit=Unit.EVENTS,
        kind=Kind.COUNT,
        events=("appointment.booked",),
        where=Q(type="appointment.booked", attrs__mode__in=REMOTE_MODES),
    ),
    Indicator(
        code="remote_share",
        name=_("Share of appointments held remotely"),
        definition=_(
            "Of the appointments booked in the period, the share to be held by video or by phone."
        ),
        source="appointment.booked: mode = video, phone",
        unit=Unit.PERCENT,
        kind=Kind.SHARE,
        events=("appointment.booked",),
        where=Q(type="appointment.booked"),
        hit=Q(attrs__mode__in=REMOTE_MODES),
    ),
)

BY_CODE: dict[str, Indicator] = {indicator.code: indicator for indicator in INDICATORS}

# Shown without signing in, at region level and by year only (docs/insight.md).
PUBLIC_CODES: tuple[str, ...] = (
    "contacts",
    "matters_opened",
    "assessments_started_on_time",
    "families_early_support",
    "families_child_welfare",
    "remote_share",
)


def get(code: str) -> Indicator:
    return BY_CODE[code]
