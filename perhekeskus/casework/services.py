"""Writes of case work: each state transition is one function.

Keyword-only, atomic, the actor first. Each function checks the current
state and raises :class:`CaseworkError` (a ``ValidationError``) with a
message for people otherwise, and emits its event for the knowledge layer.
Whose data the actor may read is the access layer's question (views fetch
through :mod:`perhekeskus.casework.selectors`); these functions check what
the actor may *do*: take contacts of their own units, manage matters of
their own units.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.access import as_actor, may_disclose
from perhekeskus.access import rules as access_rules
from perhekeskus.access.log import Action, Basis, Subject, record
from perhekeskus.access.table import Act
from perhekeskus.accounts.capabilities import Capability, capabilities_of_membership
from perhekeskus.accounts.models import Membership, Unit
from perhekeskus.core import calendar as working_days
from perhekeskus.core import rules
from perhekeskus.core.lengths import too_long
from perhekeskus.events.services import emit
from perhekeskus.families import services as family_services
from perhekeskus.families.models import (
    ClientRelationship,
    Consent,
    FamilyMembership,
    ServiceTask,
)

from . import access
from .models import (
    MATTER_TASKS,
    MAX_ANSWER,
    MAX_CLOSURE_SUMMARY,
    MAX_ROLE_IN_FAMILY,
    MAX_SITUATION,
    MAX_TRANSFER_REASON,
    MAX_UNREACHABLE_NOTE,
    MAX_WORKER_REASON,
    Contact,
    Matter,
    MatterTransfer,
    ResponsibleWorker,
    TeamMember,
)


class CaseworkError(ValidationError):
    """A step that is not possible now, with the reason for people."""


def _fits(text: str, limit: int, field: str) -> str:
    """``text`` when it is within ``limit``; refused (never cut) otherwise."""
    error = too_long(text, limit, plain=True)
    if error is not None:
        raise CaseworkError({field: [error]})
    return text


# How much of the family's data each team scope needs a consent to cover.
SCOPE_DATA = {
    TeamMember.Scope.FULL: Consent.Data.ALL,
    TeamMember.Scope.ASSESSMENT_AND_PLAN: Consent.Data.SERVICE,
    TeamMember.Scope.PLAN_ONLY: Consent.Data.SERVICE,
}


def _user(actor):
    return as_actor(actor).user


def _now(at: datetime.datetime | None) -> datetime.datetime:
    return at or timezone.now()


# --- Contacts --------------------------------------------------------------


def receiving_unit(municipality) -> Unit | None:
    """The family centre that receives contacts from a municipality.

    The municipality's own family centre unit if it has one, otherwise a
    family centre of the same wellbeing services county.
    """
    if municipality is None:
        return None
    centres = Unit.objects.filter(kind=Unit.Kind.FAMILY_CENTRE, is_active=True).order_by("name")
    own = centres.filter(municipality=municipality).first()
    if own is not None or municipality.region_id is None:
        return own
    return centres.filter(municipality__region_id=municipality.region_id).first()


def answer_due(received_at: datetime.datetime) -> datetime.date:
    """The day the family centre promises to answer by, in working days."""
    return working_days.add_working_days(
        timezone.localdate(received_at), rules.CONTACT_ANSWER_WORKING_DAYS
    )


def _check_reach(*, contact_way: str, phone: str, email: str, signed_in: bool) -> None:
    errors = {}
    if contact_way in (Contact.ContactWay.PHONE, Contact.ContactWay.TEXT_MESSAGE) and not phone:
        errors["phone"] = _("Give a phone number to be called or sent a text message.")
    if contact_way == Contact.ContactWay.EMAIL and not email:
        errors["email"] = _("Give an email address to be answered by email.")
    if contact_way == Contact.ContactWay.MESSAGE and not signed_in:
        errors["contact_way"] = _("Sign in to be answered by a message in this service.")
    if not signed_in and not phone and not email:
        errors["phone"] = _("Give a phone number or an email address so that we can reach you.")
    if errors:
        raise CaseworkError(errors)


def _new_contact(*, life_situations, municipality, **fields) -> Contact:
    # The family's own words are refused when too long, whichever door they came by.
    _fits(fields["situation"], MAX_SITUATION, "situation")
    unit = receiving_unit(municipality)
    if unit is None:
        raise CaseworkError(
            {"municipality": _("There is no family centre for this municipality in the service.")}
        )
    received_at = _now(fields.pop("received_at", None))
    contact = Contact(
        unit=unit,
        municipality=municipality,
        received_at=received_at,
        answer_due_by=answer_due(received_at),
        **fields,
    )
    contact.full_clean(exclude=["life_situations", "suggested_services"])
    contact.save()
    contact.life_situations.set(life_situations)
    return contact


@transaction.atomic
def contact_submit(
    *,
    actor,
    municipality,
    situation: str,
    contact_way: str,
    life_situations: Iterable = (),
    child_age: int | None = None,
    preferred_language: str = "fi",
    name: str = "",
    phone: str = "",
    email: str = "",
    service=None,
    channel: str = Contact.Channel.WEB,
    received_at: datetime.datetime | None = None,
) -> Contact:
    """A family's own contact: signed in as a citizen, or anonymous with a way to reach it."""
    user = _user(actor)
    citizen = user if getattr(user, "is_citizen", False) else None
    if user is not None and citizen is None:
        raise CaseworkError(
            _("Professionals contact the family centre on a family's behalf with its own form.")
        )
    phone, email, name = phone.strip(), email.strip(), name.strip()
    _check_reach(contact_way=contact_way, phone=phone, email=email, signed_in=citizen is not None)
    contact = _new_contact(
        life_situations=life_situations,
        municipality=municipality,
        received_at=received_at,
        channel=channel,
        situation=situation.strip(),
        child_age=child_age,
        preferred_language=preferred_language,
        contact_way=contact_way,
        name=name,
        phone=phone,
        email=email,
        citizen=citizen,
        service=service,
    )
    emit(
        "contact.received",
        unit=contact.unit,
        municipality=municipality,
        at=contact.received_at,
        channel=channel,
        on_behalf=False,
        anonymous=citizen is None,
    )
    return contact


def _consents_to(unit: Unit, *, roles, data: str, day):
    """Consents in force that let ``data`` go to professionals of ``unit``
    in ``roles`` (``None``: any role doing client work there), for a purpose
    the unit serves (see ``families.Consent``)."""
    return Consent.objects.in_force(day).covering(data).for_unit(unit, roles, on=day)


def _valid_consent(consent: Consent, *, person_id, recipient_unit: Unit, roles, data, day) -> bool:
    return (
        consent.person_id == person_id
        and _consents_to(recipient_unit, roles=roles, data=data, day=day)
        .filter(pk=consent.pk)
        .exists()
    )


def consent_in_force(
    *, person_ids, recipient_unit: Unit, data: str, day, roles=None
) -> Consent | None:
    """A consent of one of these persons that lets their data go to the unit
    (to professionals in ``roles`` there; ``None``: any role doing client work)."""
    return (
        _consents_to(recipient_unit, roles=roles, data=data, day=day)
        .filter(person_id__in=list(person_ids))
        .order_by("-valid_from", "pk")
        .first()
    )


@transaction.atomic
def contact_submit_on_behalf(
    *,
    actor,
    referrer_unit: Unit,
    municipality,
    situation: str,
    basis: str,
    contact_way: str,
    consent: Consent | None = None,
    person=None,
    life_situations: Iterable = (),
    child_age: int | None = None,
    preferred_language: str = "fi",
    name: str = "",
    phone: str = "",
    email: str = "",
    request=None,
    received_at: datetime.datetime | None = None,
) -> Contact:
    """A professional of another sector contacts social services for a family.

    With the family's consent (the consent is recorded, and must be in force
    and name the receiving organisation or social welfare) or without it when
    the child's interest requires it (SHL §35). The disclosure is checked and
    logged by the access layer.
    """
    actor = as_actor(actor)
    if not actor.can(Capability.CLIENT_WORK) or referrer_unit.pk not in actor.unit_ids:
        raise PermissionDenied
    if basis not in (Contact.Basis.CONSENT, Contact.Basis.CHILD_INTEREST):
        raise CaseworkError(
            {"basis": _("Say whether the family consented or the child's interest requires it.")}
        )
    phone, email = phone.strip(), email.strip()
    if not phone and not email:
        raise CaseworkError({"phone": _("Give the family's phone number or email address.")})
    if contact_way == Contact.ContactWay.MESSAGE:
        raise CaseworkError({"contact_way": _("Choose a phone call, a text message or email.")})
    _check_reach(contact_way=contact_way, phone=phone, email=email, signed_in=True)
    unit = receiving_unit(municipality)
    if unit is None:
        raise CaseworkError(
            {"municipality": _("There is no family centre for this municipality in the service.")}
        )
    now = _now(received_at)
    if basis == Contact.Basis.CONSENT:
        if person is None:
            raise CaseworkError(
                {"identity_code": _("Give the identity code of the person who consented.")}
            )
        if consent is None:
            consent = consent_in_force(
                person_ids=[person.pk],
                recipient_unit=unit,
                data=Consent.Data.BASIC,
                day=timezone.localdate(now),
            )
        if consent is None or not _valid_consent(
            consent,
            person_id=person.pk,
            recipient_unit=unit,
            roles=None,
            data=Consent.Data.BASIC,
            day=timezone.localdate(now),
        ):
            raise CaseworkError(
                {
                    "basis": _(
                        "No consent of this person to the family centre is in force. Record "
                        "the consent first, or contact on the child's interest if that requires it."
                    )
                }
            )
    else:
        consent = None
    if person is not None:
        answer = may_disclose(
            actor,
            person.pk,
            unit.organization,
            data=Consent.Data.BASIC,
            statutory_ground="shl-35" if basis == Contact.Basis.CHILD_INTEREST else "",
            recipient_sector=unit.sector,
            recipient_unit=unit,
            disclose=True,
            request=request,
        )
        if not answer.allowed:
            raise CaseworkError(answer.message)
    else:
        # The professional does not know the family in the register (e.g. an
        # NGO): the disclosure of what they wrote is logged on SHL §35.
        if basis != Contact.Basis.CHILD_INTEREST:
            raise CaseworkError(
                {"identity_code": _("Give the identity code of the person who consented.")}
            )
        ground = access_rules.STATUTORY_GROUNDS["shl-35"]
        record(
            actor,
            Subject("contact on the family's behalf"),
            action=Action.DISCLOSE,
            basis=Basis.STATUTORY,
            detail=ground.reference,
            recipient=(unit.organization_id, unit.organization.name),
            request=request,
        )
    contact = _new_contact(
        life_situations=life_situations,
        municipality=municipality,
        received_at=now,
        channel=Contact.Channel.ON_BEHALF,
        situation=situation.strip(),
        child_age=child_age,
        preferred_language=preferred_language,
        contact_way=contact_way,
        name=name.strip(),
        phone=phone,
        email=email,
        on_behalf=True,
        referrer=actor.user,
        referrer_unit=referrer_unit,
        person=person,
        basis=basis,
        consent=consent,
    )
    emit(
        "contact.received",
        unit=contact.unit,
        municipality=municipality,
        at=contact.received_at,
        channel=Contact.Channel.ON_BEHALF,
        on_behalf=True,
        basis=basis,
        sector=referrer_unit.sector,
        anonymous=False,
    )
    return contact


def handling_unit_ids(actor) -> set:
    """Units whose contacts the actor handles (see :mod:`.access`)."""
    return access.handling_unit_ids(as_actor(actor))


def _may(actor, contact: Contact, act: Act) -> None:
    """The access table decides each step on a contact (refusals logged)."""
    access.require_contact(as_actor(actor), contact, act)


def _lock(obj):
    return type(obj).objects.select_for_update().get(pk=obj.pk)


def _refresh_state(contact: Contact, *allowed: str) -> Contact:
    current = _lock(contact)
    if current.state not in allowed:
        raise CaseworkError(
            _("The contact is already %(state)s.") % {"state": current.get_state_display()}
        )
    return current


@transaction.atomic
def contact_take(*, actor, contact: Contact, at=None) -> Contact:
    contact = _refresh_state(contact, Contact.State.NEW)
    _may(actor, contact, Act.TAKE)
    contact.state = Contact.State.TAKEN
    contact.taken_by = _user(actor)
    contact.taken_at = _now(at)
    contact.version += 1
    contact.save(update_fields=["state", "taken_by", "taken_at", "version", "updated_at"])
    return contact


@transaction.atomic
def contact_link_family(*, actor, contact: Contact, family) -> Contact:
    """Link the family found (or created) by search before create.

    The caller fetched ``family`` through the access layer.
    """
    contact = _refresh_state(contact, Contact.State.TAKEN)
    _may(actor, contact, Act.WRITE)
    contact.family = family
    contact.version += 1
    contact.save(update_fields=["family", "version", "updated_at"])
    return contact


def _answered(contact: Contact, *, outcome: str, at: datetime.datetime) -> None:
    first = contact.answered_at is None
    contact.answered_at = contact.answered_at or at
    contact.outcome = outcome
    if first:
        emit(
            "contact.answered",
            family=contact.family,
            unit=contact.unit,
            municipality=contact.municipality,
            at=at,
            outcome=outcome,
            hours_to_answer=contact.hours_to_answer,
        )


@transaction.atomic
def contact_answer(
    *, actor, contact: Contact, answer: str, suggested_services: Iterable = (), at=None
) -> Contact:
    """Answer with advice, and services of the catalogue suggested (recorded)."""
    contact = _refresh_state(contact, Contact.State.TAKEN)
    _may(actor, contact, Act.WRITE)
    answer = (answer or "").strip()
    if not answer:
        raise CaseworkError({"answer": _("Write the answer given to the family.")})
    _fits(answer, MAX_ANSWER, "answer")
    services = list(suggested_services)
    contact.state = Contact.State.ANSWERED
    contact.answer = answer
    _answered(
        contact,
        outcome=Contact.Outcome.SERVICES if services else Contact.Outcome.ADVICE,
        at=_now(at),
    )
    contact.version += 1
    contact.save()
    contact.suggested_services.set(services)
    return contact


@transaction.atomic
def contact_close_unreachable(*, actor, contact: Contact, note: str, at=None) -> Contact:
    """The family could not be reached by the way it gave."""
    contact = _refresh_state(contact, Contact.State.TAKEN)
    _may(actor, contact, Act.CLOSE)
    note = (note or "").strip()
    if not note:
        raise CaseworkError({"note": _("Write how the family was tried to be reached.")})
    _fits(note, MAX_UNREACHABLE_NOTE, "note")
    contact.state = Contact.State.CLOSED_UNREACHABLE
    contact.answer = note
    _answered(contact, outcome=Contact.Outcome.UNREACHABLE, at=_now(at))
    contact.version += 1
    contact.save()
    return contact


# --- Matters ---------------------------------------------------------------


def may_manage(actor, matter: Matter, act: Act = Act.WRITE) -> bool:
    """Whether the actor's part in the matter allows ``act`` (the access table:
    the unit's professionals and the responsible worker run it; team members
    take part in it)."""
    return access.may_on_matter(as_actor(actor), matter, act)


def require_on_matter(actor, matter: Matter, act: Act = Act.WRITE, *, request=None) -> None:
    access.require_on_matter(as_actor(actor), matter, act, request=request)


_require_manager = require_on_matter


def _require_open(matter: Matter) -> Matter:
    current = _lock(matter)
    if current.state != Matter.State.OPEN:
        raise CaseworkError(_("The matter is closed."))
    return current


def _relationship_for(actor, *, family, unit, service_task) -> ClientRelationship:
    existing = (
        ClientRelationship.objects.active()
        .filter(family=family, unit=unit, service_task=service_task, person__isnull=True)
        .order_by("starts_on")
        .first()
    )
    if existing is not None:
        return existing
    return family_services.relationship_open(
        actor=actor, family=family, unit=unit, service_task=service_task
    )


@transaction.atomic
def matter_open(
    *,
    actor,
    contact: Contact | None,
    family,
    unit: Unit,
    service_task: str,
    special_support: bool,
    urgent: bool,
    pending_at: datetime.datetime | None = None,
    responsible_worker=None,
    worker_reason: str = "",
) -> Matter:
    """Open a matter: it becomes pending (vireilletulo) at a moment that never changes.

    From a contact the matter is pending from when the contact was received;
    the statutory clocks start then. The deadlines come from the rules
    module; with ``responsible_worker`` the worker is named at once.
    """
    actor = as_actor(actor)
    if not actor.can(Capability.CLIENT_WORK) or unit.pk not in actor.unit_ids:
        raise PermissionDenied
    if service_task not in dict(MATTER_TASKS):
        raise CaseworkError({"service_task": _("Choose a service task.")})
    now = timezone.now()
    if contact is not None:
        contact = _refresh_state(contact, Contact.State.TAKEN)
        _may(actor, contact, Act.WRITE)
        if contact.family_id is not None and contact.family_id != family.pk:
            raise CaseworkError(_("The contact is linked to another family."))
    pending_at = pending_at or (contact.received_at if contact is not None else now)
    if pending_at > now:
        raise CaseworkError({"pending_at": _("A matter cannot become pending in the future.")})
    deadlines = rules.assessment_deadlines(
        timezone.localdate(pending_at), special_support=special_support, urgent=urgent
    )
    relationship = _relationship_for(actor, family=family, unit=unit, service_task=service_task)
    matter = Matter(
        family=family,
        contact=contact,
        unit=unit,
        service_task=service_task,
        special_support=special_support,
        urgent=urgent,
        pending_at=pending_at,
        relationship=relationship,
        assessment_start_due=deadlines.start_by,
        assessment_complete_due=deadlines.complete_by,
        deadline_statutory=deadlines.statutory,
        deadline_source=deadlines.source[:200],
        opened_by=actor.user,
    )
    matter.full_clean()
    matter.save()
    emit(
        "matter.opened",
        family=family,
        unit=unit,
        service_task=service_task,
        at=now,
        special_support=special_support,
        urgent=urgent,
    )
    if contact is not None:
        contact.state = Contact.State.MATTER_OPENED
        contact.family = family
        _answered(contact, outcome=Contact.Outcome.MATTER, at=now)
        contact.version += 1
        contact.save()
    if responsible_worker is not None:
        worker_assign(
            actor=actor,
            matter=matter,
            user=responsible_worker,
            reason=worker_reason or str(_("Named when the matter was opened.")),
        )
    return matter


def capabilities_in_organisation(user, organization_id) -> frozenset[str]:
    """What the user's memberships in force in one organisation allow."""
    grants = (
        Membership.objects.active()
        .filter(user=user, unit__organization_id=organization_id)
        .values_list("role", "protected_address_right")
    )
    return frozenset().union(*(capabilities_of_membership(*grant) for grant in grants))


def child_welfare_caseload(user, *, adding=None) -> int:
    """Children in the open child welfare matters the user is responsible for
    (LSL §13b), with the children of the family ``adding`` (a family id)."""
    families = set(
        ResponsibleWorker.objects.filter(
            user=user,
            ends_at__isnull=True,
            matter__state=Matter.State.OPEN,
            matter__service_task=ServiceTask.CHILD_WELFARE,
        ).values_list("matter__family_id", flat=True)
    )
    if adding is not None:
        families.add(adding)
    return (
        FamilyMembership.objects.active()
        .filter(family_id__in=families, role=FamilyMembership.Role.CHILD)
        .values("person_id")
        .distinct()
        .count()
    )


# ``worker_assign(replaces=...)`` not given: the caller does not say whom it replaces.
UNCHECKED = object()


def worker_unit(user, matter: Matter, needed: str, *, unit: Unit | None = None) -> Unit | None:
    """The unit the user would be the matter's responsible worker for: one of
    the matter's organisation where a membership in force gives client work
    and ``needed`` (the rules module's capability). ``unit`` picks one; else
    the matter's own unit if she works there, else the first by name."""
    memberships = (
        Membership.objects.active()
        .filter(user=user, unit__organization_id=matter.unit.organization_id)
        .select_related("unit")
        .order_by("unit__name")
    )
    units = [
        m.unit
        for m in memberships
        if {Capability.CLIENT_WORK, needed}
        <= capabilities_of_membership(m.role, m.protected_address_right)
    ]
    if unit is not None:
        return next((u for u in units if u.pk == unit.pk), None)
    return next((u for u in units if u.pk == matter.unit_id), units[0] if units else None)


def _display_name(user) -> str:
    return user.get_full_name() or user.get_username()


@transaction.atomic
def worker_assign(
    *, actor, matter: Matter, user, reason: str, replaces=UNCHECKED, unit=None, at=None
) -> ResponsibleWorker:
    """Name the family's responsible worker, or change them (history kept).

    SHL §42 / LSL §13b: the rules module says which capability the worker
    needs; a worker without it is refused. The worker may work in another
    unit of the organisation than the matter's: the row records which
    (``unit``, by default :func:`worker_unit`'s choice), and she sees the
    matter on the basis ``responsible``. ``replaces`` is the user id of the
    worker the form showed (None: nobody); if someone else changed the worker
    meanwhile, the change is refused and names who it is now.
    """
    _require_manager(actor, matter)
    matter = _require_open(matter)
    return _name_worker(
        actor=actor, matter=matter, user=user, reason=reason, replaces=replaces, unit=unit, at=at
    )


def _name_worker(
    *, actor, matter: Matter, user, reason: str, replaces=UNCHECKED, unit=None, at=None
) -> ResponsibleWorker:
    """Name or change the worker of a locked open matter (the caller checked who may)."""
    reason = (reason or "").strip()
    if not reason:
        raise CaseworkError({"reason": _("Give the reason for naming this worker.")})
    _fits(reason, MAX_WORKER_REASON, "reason")
    needed = Capability(
        rules.responsible_worker_capability(
            service_task=matter.service_task, special_support=matter.special_support
        )
    )
    works_in = worker_unit(user, matter, needed, unit=unit)
    if works_in is None:
        if needed == Capability.BE_RESPONSIBLE_WORKER_CHILD_WELFARE:
            message = _(
                "%(name)s cannot be the responsible worker: in child welfare and for a child "
                "in need of special support the responsible worker must be a qualified "
                "social worker (SHL §42, LSL §13b)."
            )
        else:
            message = _(
                "%(name)s cannot be the responsible worker: the responsible worker must be "
                "a social welfare professional of the organisation (SHL §42)."
            )
        raise CaseworkError({"user": message % {"name": _display_name(user)}})
    if matter.service_task == ServiceTask.CHILD_WELFARE:
        children = child_welfare_caseload(user, adding=matter.family_id)
        if children > rules.CHILD_WELFARE_CASELOAD_LIMIT:
            raise CaseworkError(
                {
                    "user": _(
                        "%(name)s would be responsible for %(count)s children in child "
                        "welfare; the limit is %(limit)s (LSL §13b)."
                    )
                    % {
                        "name": _display_name(user),
                        "count": children,
                        "limit": rules.CHILD_WELFARE_CASELOAD_LIMIT,
                    }
                }
            )
    now = _now(at)
    current = (
        matter.workers.select_for_update()
        .select_related("user")
        .filter(ends_at__isnull=True)
        .first()
    )
    if replaces is not UNCHECKED and str(replaces or "") != str(current.user_id if current else ""):
        now_named = _display_name(current.user) if current else "—"
        raise CaseworkError(
            _(
                "Someone else changed the responsible worker meanwhile: it is now %(name)s. "
                "Check the change before naming another."
            )
            % {"name": now_named}
        )
    if current is not None:
        if current.user_id == user.pk:
            raise CaseworkError({"user": _("This worker is already the responsible worker.")})
        current.ends_at = now
        current.version += 1
        current.save(update_fields=["ends_at", "version", "updated_at"])
    worker = ResponsibleWorker.objects.create(
        matter=matter,
        user=user,
        unit=works_in,
        starts_at=now,
        reason=reason,
        assigned_by=_user(actor),
    )
    emit(
        "worker.assigned",
        family=matter.family,
        unit=matter.unit,
        service_task=matter.service_task,
        at=now,
        change="changed" if current is not None else "named",
    )
    return worker


@transaction.atomic
def team_add(
    *,
    actor,
    matter: Matter,
    user,
    unit: Unit,
    role_in_family: str,
    scope: str,
    basis: str,
    consent: Consent | None = None,
    statutory_ground: str = "",
    request=None,
    at=None,
) -> TeamMember:
    """Add a professional of any unit and sector to the family's team.

    The basis the access layer needs: the same organisation's client
    relationship; the family's consent in force to the member's organisation
    or sector (required for anyone outside the organisation); or a statutory
    right the member's role gives. A disclosure outside the organisation is
    logged.
    """
    actor = as_actor(actor)
    _require_manager(actor, matter)
    matter = _require_open(matter)
    role_in_family = (role_in_family or "").strip()
    if not role_in_family:
        raise CaseworkError(
            {"role_in_family": _("Say what the member does in this family's work.")}
        )
    _fits(role_in_family, MAX_ROLE_IN_FAMILY, "role_in_family")
    if scope not in TeamMember.Scope.values:
        raise CaseworkError({"scope": _("Choose what the member may see.")})
    memberships = list(
        Membership.objects.active()
        .filter(user=user, unit=unit)
        .values_list("role", "protected_address_right")
    )
    member_capabilities = frozenset().union(
        *(capabilities_of_membership(*grant) for grant in memberships)
    )
    if Capability.CLIENT_WORK not in member_capabilities:
        raise CaseworkError({"user": _("The professional does not do client work in this unit.")})
    if TeamMember.objects.filter(matter=matter, user=user, removed_at__isnull=True).exists():
        raise CaseworkError({"user": _("The professional is already in the team.")})
    now = _now(at)
    same_organisation = unit.organization_id == matter.unit.organization_id
    recipient = (unit.organization_id, unit.organization.name)
    if basis == TeamMember.Basis.RELATIONSHIP:
        if not same_organisation:
            raise CaseworkError(
                {
                    "basis": _(
                        "A member from another organisation needs the family's consent "
                        "or a statutory right."
                    )
                }
            )
        consent, statutory_ground = None, ""
    elif basis == TeamMember.Basis.CONSENT:
        family_persons = FamilyMembership.objects.active().filter(family_id=matter.family_id)
        # The consent must name the member's unit, or the member's role in it.
        member_roles = [role for role, _right in memberships]
        if consent is None:
            consent = consent_in_force(
                person_ids=family_persons.values_list("person_id", flat=True),
                recipient_unit=unit,
                roles=member_roles,
                data=SCOPE_DATA[scope],
                day=timezone.localdate(now),
            )
        if (
            consent is None
            or not family_persons.filter(person_id=consent.person_id).exists()
            or not _valid_consent(
                consent,
                person_id=consent.person_id,
                recipient_unit=unit,
                roles=member_roles,
                data=SCOPE_DATA[scope],
                day=timezone.localdate(now),
            )
        ):
            raise CaseworkError(
                {
                    "consent": _(
                        "There is no consent in force from the family to this member's "
                        "organisation or sector covering what the member would see."
                    )
                }
            )
        statutory_ground = ""
        record(
            actor,
            Subject(
                f"team member: {SCOPE_DATA[scope]} data",
                family_id=matter.family_id,
                person_id=consent.person_id,
            ),
            action=Action.DISCLOSE,
            basis=Basis.CONSENT,
            detail=f"consent {consent.pk}",
            recipient=recipient,
            request=request,
        )
    elif basis == TeamMember.Basis.STATUTORY:
        ground = access_rules.STATUTORY_GROUNDS.get(statutory_ground)
        if ground is None or not ground.for_reading or ground.capability not in member_capabilities:
            raise CaseworkError(
                {"statutory_ground": _("The member's role gives no such statutory right.")}
            )
        consent = None
        record(
            actor,
            Subject("team member", family_id=matter.family_id),
            action=Action.DISCLOSE,
            basis=Basis.STATUTORY,
            detail=ground.reference,
            recipient=recipient,
            request=request,
        )
    else:
        raise CaseworkError({"basis": _("Choose the basis of the membership.")})
    member = TeamMember(
        matter=matter,
        user=user,
        unit=unit,
        role_in_family=role_in_family,
        scope=scope,
        basis=basis,
        consent=consent,
        statutory_ground=statutory_ground,
        added_at=now,
        added_by=_user(actor),
    )
    member.full_clean()
    member.save()
    emit(
        "team.member_added",
        family=matter.family,
        unit=matter.unit,
        service_task=matter.service_task,
        at=now,
        sector=unit.sector,
        basis=basis,
    )
    return member


@transaction.atomic
def team_remove(*, actor, member: TeamMember, at=None) -> TeamMember:
    """Remove a member: their access to the family ends at once."""
    _require_manager(actor, member.matter)
    member = _lock(member)
    if member.removed_at is not None:
        raise CaseworkError(_("The member has already been removed."))
    member.removed_at = _now(at)
    member.removed_by = _user(actor)
    member.version += 1
    member.save(update_fields=["removed_at", "removed_by", "version", "updated_at"])
    return member


@transaction.atomic
def matter_close(*, actor, matter: Matter, reason: str, summary: str, at=None) -> Matter:
    """Close with a reason and a summary. Nothing is deleted.

    The responsible worker's period and the team end with the matter; the
    client relationship closes if no other open matter uses it.
    """
    _require_manager(actor, matter, Act.CLOSE)
    matter = _require_open(matter)
    if reason not in Matter.ClosureReason.values:
        raise CaseworkError({"reason": _("Choose the reason for closing.")})
    summary = (summary or "").strip()
    if not summary:
        raise CaseworkError({"summary": _("Write a summary of the work done.")})
    _fits(summary, MAX_CLOSURE_SUMMARY, "summary")
    now = _now(at)
    matter.state = Matter.State.CLOSED
    matter.closed_at = now
    matter.closed_by = _user(actor)
    matter.closure_reason = reason
    matter.closure_summary = summary
    matter.worker = None  # the current worker's period ends below
    matter.version += 1
    matter.save()
    matter.workers.filter(ends_at__isnull=True).update(ends_at=now, updated_at=now)
    matter.team.filter(removed_at__isnull=True).update(
        removed_at=now, removed_by=_user(actor), updated_at=now
    )
    others = Matter.objects.open().filter(relationship_id=matter.relationship_id)
    relationship = matter.relationship
    if not others.exists() and relationship.ends_on is None:
        family_services.relationship_close(actor=actor, relationship=relationship)
    emit(
        "matter.closed",
        family=matter.family,
        unit=matter.unit,
        service_task=matter.service_task,
        at=now,
        reason=reason,
        days_open=(timezone.localdate(now) - timezone.localdate(matter.pending_at)).days,
    )
    return matter


# --- Handing a matter over to another unit -----------------------------------


def may_transfer(actor, matter: Matter) -> bool:
    """The access table's act ``transfer``: the matter's current responsible
    worker, or those who run it in the sending unit (they name its worker
    too). Both do client work; a role that does not (e.g. ``manager``) reads
    no client's matter, so it cannot move one either."""
    return may_manage(actor, matter, Act.TRANSFER)


def transfer_units(matter: Matter):
    """The units a matter may be handed over to: the other active units of
    its organisation that do client work (not the administration)."""
    return (
        Unit.objects.filter(organization_id=matter.unit.organization_id, is_active=True)
        .exclude(pk=matter.unit_id)
        .exclude(kind=Unit.Kind.ADMINISTRATION)
        .order_by("name")
    )


@transaction.atomic
def matter_transfer(
    *, actor, matter: Matter, to_unit: Unit, reason: str, responsible_worker=None, at=None
) -> MatterTransfer:
    """Hand an open matter over to another unit of the same organisation.

    The matter keeps everything that makes it the same matter: its pending
    moment and statutory deadlines (the clocks do not restart), its contact,
    team, assessment and plan. It moves to the receiving unit, which works
    on it in its own client relationship with the family for the matter's
    service task (used if in force, opened otherwise). The relationship the
    matter used ends when no other open matter uses it, as on closing: a
    client relationship is the unit's ground to process the family's data,
    and with no matter of the family left the sending unit has no task that
    needs it (its records stay; nothing is deleted). While another open
    matter uses it, it stays in force.

    ``responsible_worker``: name a new worker at the same time (checked as
    in :func:`worker_assign`); otherwise the current one stays, seeing the
    matter on the basis ``responsible`` from her own unit. The transfer is
    recorded (:class:`MatterTransfer`) and emitted as ``matter.transferred``.
    """
    actor = as_actor(actor)
    if not may_transfer(actor, matter):
        raise PermissionDenied
    matter = _require_open(matter)
    if not may_transfer(actor, matter):  # the locked row decides
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise CaseworkError({"reason": _("Give the reason for transferring the matter.")})
    _fits(reason, MAX_TRANSFER_REASON, "reason")
    if to_unit is None or to_unit.pk == matter.unit_id:
        raise CaseworkError({"to_unit": _("Choose another unit than the matter's own.")})
    if not transfer_units(matter).filter(pk=to_unit.pk).exists():
        raise CaseworkError(
            {
                "to_unit": _(
                    "A matter can be transferred only to an active unit of the same "
                    "organisation. Another organisation opens its own matter."
                )
            }
        )
    now = _now(at)
    from_unit, old = matter.unit, matter.relationship
    new = _relationship_for(
        actor, family=matter.family, unit=to_unit, service_task=matter.service_task
    )
    matter.unit = to_unit
    matter.relationship = new
    matter.version += 1
    matter.save(update_fields=["unit", "relationship", "version", "updated_at"])
    ended = False
    if old.pk != new.pk and old.ends_on is None:
        if not Matter.objects.open().filter(relationship_id=old.pk).exists():
            family_services.relationship_close(actor=actor, relationship=old)
            ended = True
    transfer = MatterTransfer.objects.create(
        matter=matter,
        from_unit=from_unit,
        to_unit=to_unit,
        from_relationship=old,
        to_relationship=new,
        from_relationship_ended=ended,
        transferred_at=now,
        transferred_by=actor.user,
        reason=reason,
    )
    emit(
        "matter.transferred",
        family=matter.family,
        unit=to_unit,
        service_task=matter.service_task,
        at=now,
        from_kind=from_unit.kind,
        to_kind=to_unit.kind,
        relationship_ended=ended,
    )
    if responsible_worker is not None and responsible_worker.pk != matter.worker_id:
        _name_worker(
            actor=actor,
            matter=matter,
            user=responsible_worker,
            reason=str(
                _("Named when the matter was transferred to %(unit)s.") % {"unit": to_unit.name}
            ),
            at=now,
        )
    return transfer
