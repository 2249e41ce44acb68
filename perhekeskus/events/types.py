"""The kinds of event the platform emits, each with what it means.

Events are the only thing the knowledge layer (``perhekeskus.insight``) reads
from case work. An event carries no names and no free text: its type, time,
unit, municipality, service task, a pseudonym of the family and a few
attributes listed here. Add a type here before emitting it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# type → (description, attributes it may carry)
EVENT_TYPES: dict[str, tuple[str, frozenset[str]]] = {
    "contact.received": (
        _("A family, or a professional on its behalf, contacted the family centre."),
        frozenset({"channel", "on_behalf", "basis", "sector", "anonymous"}),
    ),
    "contact.answered": (
        _("A professional answered a contact (advice, a service suggested, or a matter opened)."),
        frozenset({"outcome", "hours_to_answer"}),
    ),
    "matter.opened": (
        _("A matter became pending (vireilletulo)."),
        frozenset({"special_support", "urgent"}),
    ),
    "matter.closed": (
        _("A matter was closed."),
        frozenset({"reason", "days_open"}),
    ),
    "matter.transferred": (
        _("A matter was transferred to another unit (the event's unit receives it)."),
        frozenset({"from_kind", "to_kind", "relationship_ended"}),
    ),
    "worker.assigned": (
        _("A responsible worker was named or changed."),
        frozenset({"change"}),
    ),
    "team.member_added": (
        _("A professional joined a family's team."),
        frozenset({"sector", "basis"}),
    ),
    "assessment.started": (
        _("A service-need assessment was started."),
        frozenset({"working_days", "deadline_applies", "within_deadline", "statutory"}),
    ),
    "assessment.completed": (
        _("A service-need assessment was completed."),
        frozenset({"days", "deadline_applies", "within_deadline", "statutory"}),
    ),
    "plan.agreed": (
        _("A plan was agreed with the family (or a new version of it)."),
        frozenset({"version", "actions"}),
    ),
    "plan.not_needed": (
        _("No plan was made; the reason was recorded (SHL §39)."),
        frozenset(),
    ),
    "plan.action_delivered": (
        _("An action of a plan was delivered."),
        frozenset({"kind", "provider_kind"}),
    ),
    "referral.sent": (
        _("A referral or consultation was sent."),
        frozenset({"kind", "receiver_kind", "receiver_sector"}),
    ),
    "referral.accepted": (_("A referral or consultation was accepted."), frozenset({"kind"})),
    "referral.declined": (_("A referral or consultation was declined."), frozenset({"kind"})),
    "referral.done": (_("A referral or consultation was completed."), frozenset({"kind"})),
    "referral.withdrawn": (_("A referral or consultation was withdrawn."), frozenset({"kind"})),
    "appointment.booked": (
        _("An appointment was booked."),
        frozenset({"mode", "professionals", "device_lent"}),
    ),
    "appointment.cancelled": (
        _("An appointment was cancelled."),
        frozenset({"mode", "by_family"}),
    ),
    "appointment.held": (_("An appointment took place."), frozenset({"mode"})),
}


def known(event_type: str) -> bool:
    return event_type in EVENT_TYPES
