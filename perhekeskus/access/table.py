"""What each part of the work may see and do: one table.

Act 703/2023 opens client data only as far as each professional's task
needs. The access layer therefore decides per *part*, not per family: for
each kind of record (:class:`Kind`) and each basis a user holds towards the
record (:class:`Part`), :data:`TABLE` names the actions (:class:`Act`) that
are allowed and the fields that are shown. Nothing outside the table is
allowed: an absent row is a refusal, an absent field is not shown.

A user may hold several parts at once (a social worker of the unit who is
also the responsible worker); what they may do and see is the union of the
rows of their parts. Record-relative parts (the booker of an appointment,
the taker of a contact, the receiving unit of a referral) are worked out by
the app that owns the record and registered with the layer
(:mod:`perhekeskus.access.registry`); the family-level parts come from
:func:`perhekeskus.access.core.family_decision`.

``docs/access-table.md`` is generated from this module
(``perhekeskus access-table``); a test fails when it is out of date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Kind(StrEnum):
    """Kinds of record, each a class of data a consent can name too."""

    REGISTER = "register"
    RELATIONSHIPS = "relationships"
    HISTORY = "history"
    CONTACT = "contact"
    MATTER = "matter"
    ASSESSMENT = "assessment"
    PLAN = "plan"
    REFERRAL = "referral"
    APPOINTMENT = "appointment"
    CONSENT = "consent"
    ACCESS_LOG = "access_log"


KIND_LABELS = {
    Kind.REGISTER: _("the family register (names, identity codes, addresses, contact details)"),
    Kind.RELATIONSHIPS: _("client relationships"),
    Kind.HISTORY: _("the register's change history"),
    Kind.CONTACT: _("contacts (what the family wrote)"),
    Kind.MATTER: _("matters"),
    Kind.ASSESSMENT: _("the service-need assessment"),
    Kind.PLAN: _("the plan"),
    Kind.REFERRAL: _("referrals and consultations"),
    Kind.APPOINTMENT: _("appointments"),
    Kind.CONSENT: _("consents and prohibitions"),
    Kind.ACCESS_LOG: _("the access log"),
}


class Part(StrEnum):
    """A basis a user holds towards a record."""

    # The matter's current responsible worker (omatyöntekijä).
    RESPONSIBLE = "responsible"
    # A professional of the unit that holds the family's client relationship.
    RELATIONSHIP = "relationship"
    # Members of the family's team, by the scope they were given.
    TEAM_FULL = "team_full"
    TEAM_ASSESSMENT = "team_assessment_and_plan"
    TEAM_PLAN = "team_plan_only"
    # A handler of the receiving unit's queue, while the contact is untaken.
    QUEUE = "queue"
    # The professional who took the contact from the queue.
    TAKER = "taker"
    # The professional who sent the contact on the family's behalf.
    SENDER = "sender"
    # A professional of the unit that received a referral or consultation.
    RECEIVER = "receiver"
    # The professional who booked the appointment.
    BOOKER = "booker"
    # A professional taking part in the appointment, with a full scope on the
    # family's work (the responsible worker, the unit, a full team member).
    PARTICIPANT_FULL = "participant_full"
    # A professional taking part in the appointment with a narrower scope.
    PARTICIPANT = "participant"
    # The professional named for one action of the plan (e.g. the NGO that
    # runs the peer group): records that action's progress, nothing else.
    ACTION_PROVIDER = "action_provider"
    # Access opened on a statutory ground, or in an emergency (reviewed).
    STATUTORY = "statutory"
    EMERGENCY = "emergency"
    # A consent naming the user's organisation and unit or role, the purpose
    # and the classes of data (only those kinds, only those persons).
    CONSENT = "consent"
    # The citizen in their own family, and a guardian of a child in it.
    OWN = "own"
    GUARDIAN = "guardian"
    # The auditor supervising the log (never the families themselves).
    AUDITOR = "auditor"


PART_LABELS = {
    Part.RESPONSIBLE: _("responsible worker"),
    Part.RELATIONSHIP: _("professional of the unit with the client relationship"),
    Part.TEAM_FULL: _("team member, everything of the family's work"),
    Part.TEAM_ASSESSMENT: _("team member, the assessment and the plan"),
    Part.TEAM_PLAN: _("team member, the plan only"),
    Part.QUEUE: _("handler of the receiving unit's queue (contact not yet taken)"),
    Part.TAKER: _("the professional who took the contact"),
    Part.SENDER: _("the professional who sent the contact for the family"),
    Part.RECEIVER: _("the unit that received the referral or consultation"),
    Part.BOOKER: _("the professional who booked the appointment"),
    Part.PARTICIPANT_FULL: _("participant of the appointment with a full scope"),
    Part.PARTICIPANT: _("participant of the appointment"),
    Part.ACTION_PROVIDER: _("the professional named for an action of the plan"),
    Part.STATUTORY: _("statutory right"),
    Part.EMERGENCY: _("emergency access"),
    Part.CONSENT: _("consent to the recipient, for its purpose and data"),
    Part.OWN: _("the citizen, in their own family"),
    Part.GUARDIAN: _("guardian of a child in the family"),
    Part.AUDITOR: _("auditor of the access log"),
}


class Act(StrEnum):
    LIST = "list"
    READ = "read"
    EXPORT = "export"
    PRINT = "print"
    WRITE = "write"
    CANCEL = "cancel"
    DISCLOSE = "disclose"
    TAKE = "take"
    CLOSE = "close"
    TRANSFER = "transfer"
    # Join two records of the same person into one (the register only).
    MERGE = "merge"


# The acts that change something (refused unless the basis covers the family).
CHANGES = frozenset(
    {Act.WRITE, Act.CANCEL, Act.TAKE, Act.CLOSE, Act.TRANSFER, Act.DISCLOSE, Act.MERGE}
)

ACT_LABELS = {
    Act.LIST: _("list"),
    Act.READ: _("read"),
    Act.EXPORT: _("export"),
    Act.PRINT: _("print"),
    Act.WRITE: _("write"),
    Act.CANCEL: _("cancel or withdraw"),
    Act.DISCLOSE: _("disclose"),
    Act.TAKE: _("take from the queue"),
    Act.CLOSE: _("close"),
    Act.TRANSFER: _("transfer to another unit"),
    Act.MERGE: _("merge two records of the same person"),
}


# The fields of the family register, the one kind whose fields differ by part.
class Field(StrEnum):
    NAME = "name"
    DATE_OF_BIRTH = "date_of_birth"
    IDENTITY_CODE = "identity_code"
    ADDRESS = "address"
    CONTACT_DETAILS = "contact_details"
    LANGUAGES = "languages"
    GUARDIANS = "guardians"
    # Appointments: what a narrow participant sees of one.
    TIME = "time"
    PLACE = "place"
    PARTICIPANTS = "participants"
    NOTES = "notes"
    # Any kind: every field of the record.
    ALL = "all"


FIELD_LABELS = {
    Field.NAME: _("names"),
    Field.DATE_OF_BIRTH: _("dates of birth and ages"),
    Field.IDENTITY_CODE: _("identity codes"),
    Field.ADDRESS: _("addresses"),
    Field.CONTACT_DETAILS: _("phone numbers and e-mail addresses"),
    Field.LANGUAGES: _("languages"),
    Field.GUARDIANS: _("guardians"),
    Field.TIME: _("time"),
    Field.PLACE: _("place and how to join"),
    Field.PARTICIPANTS: _("participants"),
    Field.NOTES: _("notes and outcome"),
    Field.ALL: _("everything"),
}

A = Act
F = Field
P = Part
K = Kind

_SEE = frozenset({A.LIST, A.READ})
_KEEP = _SEE | {A.EXPORT, A.PRINT}
_WORK = _KEEP | {A.WRITE}
_ALL = frozenset({F.ALL})
_REGISTER_ALL = frozenset(
    {
        F.NAME,
        F.DATE_OF_BIRTH,
        F.IDENTITY_CODE,
        F.ADDRESS,
        F.CONTACT_DETAILS,
        F.LANGUAGES,
        F.GUARDIANS,
    }
)
# What an assessment needs of the members: who they are, how old, in which
# language to meet them and how to reach them; not identity codes or addresses.
_REGISTER_ASSESSMENT = frozenset(
    {F.NAME, F.DATE_OF_BIRTH, F.CONTACT_DETAILS, F.LANGUAGES, F.GUARDIANS}
)
_APPOINTMENT_NARROW = frozenset({F.TIME, F.PARTICIPANTS})


@dataclass(frozen=True)
class Rule:
    acts: frozenset[Act]
    fields: frozenset[Field] = _ALL


def _rule(acts: Iterable[Act], fields: Iterable[Field] = _ALL) -> Rule:
    return Rule(frozenset(acts), frozenset(fields))


# (kind, part) -> what that part may do with that kind, and which fields it sees.
TABLE: dict[tuple[Kind, Part], Rule] = {
    # --- The family register ---------------------------------------------
    # Writing the register is its upkeep: members joining and leaving,
    # guardianships, a newborn's identity code, a move, a death, a security
    # prohibition; merging two records of one person. Only the parts that
    # answer for the family's client work keep it; team members, the plan's
    # action providers and the family itself do not.
    (K.REGISTER, P.RESPONSIBLE): _rule(_WORK | {A.DISCLOSE, A.MERGE}, _REGISTER_ALL),
    (K.REGISTER, P.RELATIONSHIP): _rule(_WORK | {A.DISCLOSE, A.MERGE}, _REGISTER_ALL),
    (K.REGISTER, P.TEAM_FULL): _rule(_KEEP, _REGISTER_ALL),
    (K.REGISTER, P.TEAM_ASSESSMENT): _rule(_SEE | {A.PRINT}, _REGISTER_ASSESSMENT),
    # The plan names the people in it; nothing more of the register.
    (K.REGISTER, P.TEAM_PLAN): _rule(_SEE, {F.NAME}),
    (K.REGISTER, P.STATUTORY): _rule(_KEEP | {A.DISCLOSE}, _REGISTER_ALL),
    (K.REGISTER, P.EMERGENCY): _rule(_SEE, _REGISTER_ALL),
    (K.REGISTER, P.CONSENT): _rule(_KEEP, _REGISTER_ALL - {F.GUARDIANS}),
    (K.REGISTER, P.OWN): _rule(_KEEP, _REGISTER_ALL),
    (K.REGISTER, P.GUARDIAN): _rule(_KEEP, _REGISTER_ALL),
    # --- Client relationships (which services the family is a client of) -
    (K.RELATIONSHIPS, P.RESPONSIBLE): _rule(_KEEP),
    (K.RELATIONSHIPS, P.RELATIONSHIP): _rule(_KEEP),
    (K.RELATIONSHIPS, P.TEAM_FULL): _rule(_KEEP),
    (K.RELATIONSHIPS, P.STATUTORY): _rule(_KEEP),
    (K.RELATIONSHIPS, P.EMERGENCY): _rule(_SEE),
    (K.RELATIONSHIPS, P.OWN): _rule(_KEEP),
    (K.RELATIONSHIPS, P.GUARDIAN): _rule(_KEEP),
    # --- The register's change history ------------------------------------
    (K.HISTORY, P.RESPONSIBLE): _rule(_KEEP),
    (K.HISTORY, P.RELATIONSHIP): _rule(_KEEP),
    (K.HISTORY, P.TEAM_FULL): _rule(_SEE),
    (K.HISTORY, P.STATUTORY): _rule(_SEE),
    (K.HISTORY, P.OWN): _rule(_SEE),
    # --- Contacts: what the family wrote ----------------------------------
    (K.CONTACT, P.QUEUE): _rule(_SEE | {A.TAKE}),
    (K.CONTACT, P.TAKER): _rule(_SEE | {A.WRITE, A.CLOSE}),
    (K.CONTACT, P.RESPONSIBLE): _rule(_SEE),
    (K.CONTACT, P.TEAM_FULL): _rule(_SEE),
    (K.CONTACT, P.SENDER): _rule(_SEE),
    (K.CONTACT, P.OWN): _rule(_SEE),
    # --- Matters ----------------------------------------------------------
    (K.MATTER, P.RESPONSIBLE): _rule(_WORK | {A.CLOSE, A.TRANSFER}),
    (K.MATTER, P.RELATIONSHIP): _rule(_WORK | {A.CLOSE, A.TRANSFER}),
    (K.MATTER, P.TEAM_FULL): _rule(_SEE | {A.PRINT}),
    (K.MATTER, P.TEAM_ASSESSMENT): _rule(_SEE),
    (K.MATTER, P.TEAM_PLAN): _rule(_SEE),
    (K.MATTER, P.STATUTORY): _rule(_SEE),
    (K.MATTER, P.OWN): _rule(_SEE),
    (K.MATTER, P.GUARDIAN): _rule(_SEE),
    # --- The service-need assessment --------------------------------------
    (K.ASSESSMENT, P.RESPONSIBLE): _rule(_WORK),
    (K.ASSESSMENT, P.RELATIONSHIP): _rule(_WORK),
    (K.ASSESSMENT, P.TEAM_FULL): _rule(_WORK),
    (K.ASSESSMENT, P.TEAM_ASSESSMENT): _rule(_WORK),
    (K.ASSESSMENT, P.STATUTORY): _rule(_SEE),
    # --- The plan ---------------------------------------------------------
    (K.PLAN, P.RESPONSIBLE): _rule(_WORK),
    (K.PLAN, P.RELATIONSHIP): _rule(_WORK),
    (K.PLAN, P.TEAM_FULL): _rule(_WORK),
    (K.PLAN, P.TEAM_ASSESSMENT): _rule(_WORK),
    (K.PLAN, P.TEAM_PLAN): _rule(_SEE | {A.PRINT}),
    # Given only for the steps of the action they are named for.
    (K.PLAN, P.ACTION_PROVIDER): _rule(_SEE | {A.WRITE}),
    (K.PLAN, P.STATUTORY): _rule(_SEE),
    (K.PLAN, P.CONSENT): _rule(_SEE | {A.PRINT}),
    # The family reads its plan and comments on it.
    (K.PLAN, P.OWN): _rule(_KEEP | {A.WRITE}),
    (K.PLAN, P.GUARDIAN): _rule(_KEEP | {A.WRITE}),
    # --- Referrals and consultations --------------------------------------
    (K.REFERRAL, P.RESPONSIBLE): _rule(_WORK | {A.CANCEL}),
    (K.REFERRAL, P.RELATIONSHIP): _rule(_WORK | {A.CANCEL}),
    (K.REFERRAL, P.TEAM_FULL): _rule(_SEE),
    (K.REFERRAL, P.RECEIVER): _rule(_SEE | {A.WRITE, A.PRINT}),
    (K.REFERRAL, P.STATUTORY): _rule(_SEE),
    (K.REFERRAL, P.OWN): _rule(_SEE),
    # --- Appointments -----------------------------------------------------
    (K.APPOINTMENT, P.RESPONSIBLE): _rule(_WORK | {A.CANCEL}),
    (K.APPOINTMENT, P.BOOKER): _rule(_WORK | {A.CANCEL}),
    (K.APPOINTMENT, P.PARTICIPANT_FULL): _rule(_WORK | {A.CANCEL}),
    (K.APPOINTMENT, P.RELATIONSHIP): _rule(_KEEP),
    (K.APPOINTMENT, P.TEAM_FULL): _rule(_KEEP),
    (K.APPOINTMENT, P.TEAM_ASSESSMENT): _rule(_SEE, _APPOINTMENT_NARROW),
    # The appointment times that involve them, and who else takes part.
    (K.APPOINTMENT, P.PARTICIPANT): _rule(_SEE, _APPOINTMENT_NARROW | {F.PLACE}),
    (K.APPOINTMENT, P.OWN): _rule(_KEEP | {A.CANCEL}),
    (K.APPOINTMENT, P.GUARDIAN): _rule(_KEEP | {A.CANCEL}),
    # --- Consents and prohibitions ----------------------------------------
    (K.CONSENT, P.RESPONSIBLE): _rule(_WORK | {A.CANCEL}),
    (K.CONSENT, P.RELATIONSHIP): _rule(_WORK | {A.CANCEL}),
    (K.CONSENT, P.TEAM_FULL): _rule(_SEE),
    (K.CONSENT, P.STATUTORY): _rule(_SEE),
    (K.CONSENT, P.OWN): _rule(_SEE),
    (K.CONSENT, P.GUARDIAN): _rule(_SEE),
    # --- The access log ---------------------------------------------------
    (K.ACCESS_LOG, P.AUDITOR): _rule(_KEEP),
    # "Who has seen our data" (703/2023 §11).
    (K.ACCESS_LOG, P.OWN): _rule(_KEEP),
    (K.ACCESS_LOG, P.GUARDIAN): _rule(_KEEP),
}

# Classes of data a consent can name, as kinds of record. Consent never opens
# assessment work, the register's history or the access log.
CONSENT_KINDS = frozenset({Kind.REGISTER, Kind.PLAN})
# The consent's data classes (``families.Consent.Data``) as kinds of record.
CONSENT_DATA_KINDS = {
    "basic": frozenset({Kind.REGISTER}),
    "service": frozenset({Kind.PLAN}),
    "all": frozenset({Kind.REGISTER, Kind.PLAN}),
}


def rule(kind: Kind, part: Part) -> Rule | None:
    return TABLE.get((kind, part))


def allows(parts: Iterable[Part], kind: Kind, act: Act) -> bool:
    """Whether any of ``parts`` may do ``act`` with a record of ``kind``."""
    for part in parts:
        found = TABLE.get((kind, part))
        if found is not None and act in found.acts:
            return True
    return False


def fields(parts: Iterable[Part], kind: Kind, act: Act = Act.READ) -> frozenset[Field]:
    """The fields of ``kind`` shown to a holder of ``parts`` for ``act``
    (the union over the parts that allow the act). ``Field.ALL`` means every field."""
    shown: set[Field] = set()
    for part in parts:
        found = TABLE.get((kind, part))
        if found is not None and act in found.acts:
            shown |= found.fields
    if Field.ALL in shown:
        return frozenset({Field.ALL})
    return frozenset(shown)


def shows(parts: Iterable[Part], kind: Kind, field: Field, act: Act = Act.READ) -> bool:
    found = fields(parts, kind, act)
    return Field.ALL in found or field in found
