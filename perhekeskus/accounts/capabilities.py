"""What each role may do, as one explicit table.

A role gives capabilities; whose data a professional may see follows from
client relationships (the access layer), never from the role alone. Keep this
table small and readable: a reviewer should see at a glance who can do what.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from .models import Role


class Capability(StrEnum):
    # Client work: may be named to a client's team and hold client relationships.
    CLIENT_WORK = "client_work"
    # SHL §42: a responsible worker (omatyöntekijä) must be a social welfare professional.
    BE_RESPONSIBLE_WORKER = "be_responsible_worker"
    # SHL §42, LSL §13b: in child welfare and for children in need of special
    # support the responsible worker must be a qualified social worker.
    BE_RESPONSIBLE_WORKER_CHILD_WELFARE = "can_be_responsible_worker_child_welfare"
    # LSL §26–27: decisions on starting a child welfare assessment.
    DECIDE_CHILD_WELFARE = "decide_child_welfare"
    # 1287/2013: student welfare psychologist and social worker services.
    STUDENT_WELFARE_WORK = "student_welfare_work"
    VIEW_STATISTICS = "view_statistics"
    # Managers follow their units' queues, deadlines and caseloads (no client data).
    SUPERVISE_CASEWORK = "supervise_casework"
    # Preparing officials write child impact assessments of the matters they prepare.
    PREPARE_DECISIONS = "prepare_decisions"
    # Analysts and managers import indicators and accounts and keep the budget mapping.
    MANAGE_KNOWLEDGE = "manage_knowledge"
    REVIEW_EMERGENCY_ACCESS = "review_emergency_access"
    VIEW_ACCESS_LOG = "view_access_log"
    EDIT_CATALOGUE = "edit_catalogue"
    # Provider staff keep their own organisation's services up to date.
    EDIT_OWN_ORGANISATION_SERVICES = "edit_own_organisation_services"
    # An organisation's user administrator: units, people, memberships and
    # rights granted by name, in the organisations of the administrator role.
    ADMINISTER_USERS = "administer_users"
    # The platform's shared vocabularies (methods, taxonomy, life situations,
    # organisation kinds, voucher providers, video services). No role gives
    # it: ``User.is_superuser`` does (docs/decisions, platform administrators).
    ADMINISTER_PLATFORM = "administer_platform"
    USE_API = "use_api"
    # The specific right to see the address of a person with a security
    # prohibition (turvakielto). No role gives it: it is granted to a named
    # membership for a period, with a reason (``ProtectedAddressGrant``);
    # everyone else sees the address masked everywhere.
    VIEW_PROTECTED_ADDRESS = "view_protected_address"


CAPABILITY_LABELS = {
    Capability.CLIENT_WORK: _("work with clients"),
    Capability.BE_RESPONSIBLE_WORKER: _("act as a responsible worker"),
    Capability.BE_RESPONSIBLE_WORKER_CHILD_WELFARE: _(
        "act as a responsible worker in child welfare"
    ),
    Capability.DECIDE_CHILD_WELFARE: _("make child welfare decisions"),
    Capability.STUDENT_WELFARE_WORK: _("work in student welfare"),
    Capability.VIEW_STATISTICS: _("view statistics"),
    Capability.SUPERVISE_CASEWORK: _("follow the units' queues, deadlines and caseloads"),
    Capability.PREPARE_DECISIONS: _("prepare decisions and their child impact assessments"),
    Capability.MANAGE_KNOWLEDGE: _("import indicators and accounts, keep the budget mapping"),
    Capability.REVIEW_EMERGENCY_ACCESS: _("review emergency access"),
    Capability.VIEW_ACCESS_LOG: _("view the access log"),
    Capability.EDIT_CATALOGUE: _("edit the service catalogue"),
    Capability.EDIT_OWN_ORGANISATION_SERVICES: _("edit the own organisation's services"),
    Capability.ADMINISTER_USERS: _("administer users"),
    Capability.ADMINISTER_PLATFORM: _("administer the platform's shared vocabularies"),
    Capability.USE_API: _("use the API with a personal token"),
    Capability.VIEW_PROTECTED_ADDRESS: _("see addresses under a security prohibition"),
}

C = Capability
_CLIENT = {C.CLIENT_WORK, C.USE_API}

ROLE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.PUBLIC_HEALTH_NURSE: frozenset(_CLIENT),
    Role.SOCIAL_WORKER: frozenset(
        _CLIENT
        | {C.BE_RESPONSIBLE_WORKER, C.BE_RESPONSIBLE_WORKER_CHILD_WELFARE, C.DECIDE_CHILD_WELFARE}
    ),
    Role.SOCIAL_COUNSELLOR: frozenset(_CLIENT | {C.BE_RESPONSIBLE_WORKER}),
    Role.FAMILY_WORKER: frozenset(_CLIENT),
    Role.PSYCHOLOGIST: frozenset(_CLIENT),
    Role.SPEECH_THERAPIST: frozenset(_CLIENT),
    Role.PHYSICIAN: frozenset(_CLIENT),
    Role.SCHOOL_SOCIAL_WORKER: frozenset(_CLIENT | {C.STUDENT_WELFARE_WORK}),
    Role.SCHOOL_PSYCHOLOGIST: frozenset(_CLIENT | {C.STUDENT_WELFARE_WORK}),
    Role.TEACHER: frozenset(_CLIENT),
    Role.EARLY_EDUCATION_TEACHER: frozenset(_CLIENT),
    Role.NGO_WORKER: frozenset(_CLIENT | {C.EDIT_OWN_ORGANISATION_SERVICES}),
    Role.PARISH_WORKER: frozenset(_CLIENT | {C.EDIT_OWN_ORGANISATION_SERVICES}),
    Role.MANAGER: frozenset(
        {
            C.VIEW_STATISTICS,
            C.SUPERVISE_CASEWORK,
            C.PREPARE_DECISIONS,
            C.MANAGE_KNOWLEDGE,
            C.REVIEW_EMERGENCY_ACCESS,
            C.EDIT_OWN_ORGANISATION_SERVICES,
            C.USE_API,
        }
    ),
    Role.PREPARING_OFFICIAL: frozenset({C.VIEW_STATISTICS, C.PREPARE_DECISIONS, C.USE_API}),
    Role.ANALYST: frozenset({C.VIEW_STATISTICS, C.MANAGE_KNOWLEDGE, C.USE_API}),
    Role.CATALOGUE_EDITOR: frozenset({C.EDIT_CATALOGUE, C.USE_API}),
    Role.AUDITOR: frozenset(
        {C.VIEW_ACCESS_LOG, C.REVIEW_EMERGENCY_ACCESS, C.VIEW_STATISTICS, C.USE_API}
    ),
    Role.ADMINISTRATOR: frozenset({C.ADMINISTER_USERS, C.USE_API}),
}


def capabilities_of_membership(role: str, protected_address_right: bool) -> frozenset[Capability]:
    """A membership's capabilities: its role's, plus the rights granted to it by name."""
    granted = capabilities_of_role(role)
    if protected_address_right:
        granted |= {Capability.VIEW_PROTECTED_ADDRESS}
    return granted


def capabilities_of_role(role: str) -> frozenset[Capability]:
    try:
        return ROLE_CAPABILITIES[Role(role)]
    except ValueError:
        return frozenset()
