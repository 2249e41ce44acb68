"""Writing referrals: creating a draft, editing it, and every turn of its state.

Each transition is one function that checks the state it starts from and
refuses with a clear message otherwise (a withdrawn referral cannot be
accepted). The sender's side (create, edit, send, withdraw) is for those who
see the matter – its unit's professionals and its team; the receiver's side (accept, decline, done) needs
client work in the receiving unit.

Sending to another organisation runs the access layer's disclosure check for
every person the referral concerns first; a refusal is logged and the
referral stays a draft.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.access import as_actor, may_disclose, persons_visible_to, require, rules, table
from perhekeskus.access.core import Decision
from perhekeskus.access.log import Subject
from perhekeskus.access.table import Act
from perhekeskus.access.table import Kind as RecordKind
from perhekeskus.accounts.models import Unit
from perhekeskus.casework.access import matter_parts
from perhekeskus.casework.models import TeamMember
from perhekeskus.casework.selectors import scope_allows, team_scope_of
from perhekeskus.events.services import emit
from perhekeskus.families.models import FamilyMembership
from perhekeskus.referrals.access import receiver_unit_ids

from . import sections as shared
from .models import Kind, Referral, ReferralSection, ReferralStep, Section, State, TeamRole

QUESTION_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 5000


class ReferralError(ValidationError):
    """A step that is not allowed now, with the reason in words."""


class StaleReferral(ReferralError):
    """Someone else changed the draft after it was opened for editing."""

    def __init__(self, current: Referral):
        super().__init__(
            _("Someone else changed this referral meanwhile. Their version is shown below."),
            code="stale",
        )
        self.current = current


@dataclass(frozen=True)
class PersonAnswer:
    person_id: object
    name: str
    allowed: bool
    basis: str
    reference: str
    message: str


class DisclosureRefused(ReferralError):
    """The disclosure check refused sending to the other organisation."""

    def __init__(self, answers: list[PersonAnswer]):
        refused = [a for a in answers if not a.allowed]
        super().__init__(
            [
                _("Not sent: %(name)s – %(message)s") % {"name": a.name, "message": a.message}
                for a in refused
            ],
            code="disclosure",
        )
        self.answers = answers


# The states each transition starts from.
_FROM_STATES = {
    "edit": {State.DRAFT},
    "send": {State.DRAFT},
    "accept": {State.SENT},
    "decline": {State.SENT},
    "done": {State.ACCEPTED},
    "withdraw": {State.DRAFT, State.SENT, State.ACCEPTED},
}
# How a refusal is worded, per transition.
_REFUSALS = {
    "edit": lambda state: (
        _("Only a draft can be changed; this referral is %(state)s.") % {"state": state}
    ),
    "send": lambda state: (
        _("Only a draft can be sent; this referral is %(state)s.") % {"state": state}
    ),
    "accept": lambda state: (
        _("Only a sent referral can be accepted; this one is %(state)s.") % {"state": state}
    ),
    "decline": lambda state: (
        _("Only a sent referral can be declined; this one is %(state)s.") % {"state": state}
    ),
    "done": lambda state: (
        _("Only an accepted referral can be marked done; this one is %(state)s.") % {"state": state}
    ),
    "withdraw": lambda state: (
        _("This referral is %(state)s: it can no longer be withdrawn.") % {"state": state}
    ),
}


def _require_state(referral: Referral, transition: str) -> None:
    if referral.state not in _FROM_STATES[transition]:
        raise ReferralError(
            _REFUSALS[transition](State(referral.state).label.lower()), code="state"
        )


def _locked(referral: Referral) -> Referral:
    return (
        Referral.objects.select_for_update()
        .select_related("matter", "matter__family", "receiver_unit", "sender_unit")
        .get(pk=referral.pk)
    )


def _refresh(target: Referral, source: Referral) -> Referral:
    """Let the caller's object show the new state too."""
    target.refresh_from_db()
    return source


# -- who may act -----------------------------------------------------------


def may_send_for(actor, matter, act: Act = Act.WRITE) -> bool:
    """The sender's side, by the access table: the matter's unit and its
    responsible worker write and withdraw referrals; team members read them."""
    return table.allows(matter_parts(as_actor(actor), matter), RecordKind.REFERRAL, act)


def require_sender(actor, matter, act: Act = Act.WRITE, *, request=None) -> None:
    """Refuse (403, logged) unless the actor's part in the matter allows ``act``."""
    require(
        as_actor(actor),
        Decision("", "", parts=matter_parts(as_actor(actor), matter)),
        RecordKind.REFERRAL,
        act,
        Subject(f"referrals of matter {matter.pk}", family_id=matter.family_id),
        request=request,
    )


def sections_allowed(actor, matter) -> list[str]:
    """The sections this actor may share: a team member only what their scope sees."""
    scope = team_scope_of(actor, matter)
    if scope is None:
        return []
    return [
        code
        for code in Section.values
        if code != Section.ASSESSMENT_CONCLUSION
        or scope_allows(scope, TeamMember.Scope.ASSESSMENT_AND_PLAN)
    ]


def _require_sender(actor, referral_or_matter, act: Act = Act.WRITE) -> None:
    require_sender(actor, getattr(referral_or_matter, "matter", referral_or_matter), act)


def is_receiver(actor, referral: Referral) -> bool:
    return referral.receiver_unit_id in receiver_unit_ids(actor)


def _require_receiver(actor, referral: Referral) -> None:
    if not is_receiver(actor, referral):
        raise ReferralError(
            _("Only the professionals of the receiving unit can do this."), code="receiver"
        )


# -- validation of a draft -------------------------------------------------


def _clean_text(value, *, label: str, required: bool, max_length: int) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ReferralError(_("Write %(what)s.") % {"what": label}, code="required")
    if len(text) > max_length:
        raise ReferralError(
            _("%(what)s is too long (at most %(n)d characters).")
            % {"what": label.capitalize(), "n": max_length},
            code="too_long",
        )
    return text


def _validated(
    actor,
    *,
    matter,
    kind,
    sender_unit,
    receiver_unit,
    persons,
    question,
    sections,
    summary,
    statutory_ground,
    visit_person,
    team_composition,
) -> dict:
    actor = as_actor(actor)
    if kind not in Kind.values:
        raise ReferralError(_("Choose the kind of request."), code="kind")
    if not matter.is_open:
        raise ReferralError(_("The matter is closed."), code="closed")
    if sender_unit is None or sender_unit.pk not in actor.unit_ids:
        raise ReferralError(_("Choose one of your own units as the sender."), code="sender_unit")
    if not isinstance(receiver_unit, Unit) or not receiver_unit.is_active:
        raise ReferralError(_("Choose the receiving unit."), code="receiver_unit")
    if receiver_unit.pk == sender_unit.pk:
        raise ReferralError(_("The receiver must be another unit."), code="receiver_unit")
    persons = list(dict.fromkeys(persons or ()))
    if not persons:
        raise ReferralError(_("Choose whom the request concerns."), code="persons")
    members = set(
        FamilyMembership.objects.active()
        .filter(family_id=matter.family_id, person__in=persons)
        .filter(person__in=persons_visible_to(actor))
        .values_list("person_id", flat=True)
    )
    if any(p.pk not in members for p in persons):
        raise ReferralError(_("Choose members of this family only."), code="persons")
    sections = list(dict.fromkeys(sections or ()))
    if any(code not in sections_allowed(actor, matter) for code in sections):
        raise ReferralError(_("Choose the sections from the list."), code="sections")
    question = _clean_text(
        question, label=_("what you ask"), required=True, max_length=QUESTION_MAX_LENGTH
    )
    summary = _clean_text(
        summary,
        label=_("the summary"),
        required=Section.SUMMARY in sections,
        max_length=QUESTION_MAX_LENGTH,
    )
    if statutory_ground:
        grounds = {g.code for g in rules.grounds_for(actor.capabilities, reading=False)}
        if statutory_ground not in grounds:
            raise ReferralError(_("You cannot rely on this statutory ground."), code="ground")
    team_composition = list(dict.fromkeys(team_composition or ()))
    if kind == Kind.MOBILE_TEAM:
        if visit_person is None or visit_person not in persons:
            raise ReferralError(
                _("Choose whose home the team visits, among the persons concerned."),
                code="visit_person",
            )
        if not team_composition or any(r not in TeamRole.values for r in team_composition):
            raise ReferralError(_("Choose who the team should include."), code="team")
    else:
        visit_person = None
        team_composition = []
    return {
        "kind": kind,
        "sender_unit": sender_unit,
        "receiver_unit": receiver_unit,
        "persons": persons,
        "question": question,
        "sections": sections,
        "summary": summary,
        "statutory_ground": statutory_ground or "",
        "visit_person": visit_person,
        "team_composition": team_composition,
    }


# -- the sender's side -----------------------------------------------------


@transaction.atomic
def referral_create(
    *,
    actor,
    matter,
    kind: str,
    sender_unit,
    receiver_unit,
    persons,
    question: str,
    sections=(),
    summary: str = "",
    statutory_ground: str = "",
    visit_person=None,
    team_composition=(),
) -> Referral:
    """A new draft; nothing is disclosed until it is sent."""
    actor = as_actor(actor)
    _require_sender(actor, matter)
    data = _validated(
        actor,
        matter=matter,
        kind=kind,
        sender_unit=sender_unit,
        receiver_unit=receiver_unit,
        persons=persons,
        question=question,
        sections=sections,
        summary=summary,
        statutory_ground=statutory_ground,
        visit_person=visit_person,
        team_composition=team_composition,
    )
    persons = data.pop("persons")
    referral = Referral.objects.create(matter=matter, sender=actor.user, **data)
    referral.persons.set(persons)
    return referral


@transaction.atomic
def referral_update(*, actor, referral: Referral, version: int, **changes) -> Referral:
    """Change a draft; a save started from an older version is refused."""
    actor = as_actor(actor)
    locked = _locked(referral)
    _require_sender(actor, locked)
    _require_state(locked, "edit")
    if locked.version != version:
        raise StaleReferral(locked)
    current = {
        "kind": locked.kind,
        "sender_unit": locked.sender_unit,
        "receiver_unit": locked.receiver_unit,
        "persons": list(locked.persons.all()),
        "question": locked.question,
        "sections": locked.sections,
        "summary": locked.summary,
        "statutory_ground": locked.statutory_ground,
        "visit_person": locked.visit_person,
        "team_composition": locked.team_composition,
    }
    unknown = set(changes) - set(current)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    data = _validated(actor, matter=locked.matter, **{**current, **changes})
    persons = data.pop("persons")
    for field, value in data.items():
        setattr(locked, field, value)
    locked.version += 1
    locked.save()
    locked.persons.set(persons)
    return _refresh(referral, locked)


def needs_disclosure_check(referral: Referral) -> bool:
    """The receiving unit belongs to another organisation than the matter's register."""
    return referral.receiver_unit.organization_id != referral.matter.unit.organization_id


def check_disclosure(
    *, actor, referral: Referral, disclose: bool = False, request=None
) -> list[PersonAnswer]:
    """The access layer's answer for every person concerned (each answer logged)."""
    recipient = referral.receiver_unit.organization
    scope = shared.data_scope(referral.sections)
    answers = []
    for person in referral.persons.order_by("last_name", "first_names"):
        answer = may_disclose(
            actor,
            person.pk,
            recipient,
            data=scope,
            service_task=referral.matter.service_task,
            statutory_ground=referral.statutory_ground,
            recipient_sector=referral.receiver_unit.sector,
            recipient_unit=referral.receiver_unit,
            disclose=disclose,
            request=request,
        )
        answers.append(
            PersonAnswer(
                person.pk,
                person.full_name,
                answer.allowed,
                answer.basis,
                answer.reference,
                answer.message,
            )
        )
    return answers


def referral_send(*, actor, referral: Referral, request=None) -> Referral:
    """draft → sent, after the disclosure check when the receiver is another organisation.

    The check runs before the sending transaction, so that a refusal and its
    log entries stay even though nothing is sent.
    """
    actor = as_actor(actor)
    current = Referral.objects.select_related(
        "matter", "matter__unit", "receiver_unit", "receiver_unit__organization"
    ).get(pk=referral.pk)
    _require_sender(actor, current)
    _require_state(current, "send")
    if not current.matter.is_open:
        raise ReferralError(_("The matter is closed."), code="closed")
    if needs_disclosure_check(current):
        answers = check_disclosure(actor=actor, referral=current, request=request)
        if not all(a.allowed for a in answers):
            raise DisclosureRefused(answers)
    return _refresh(referral, _send(actor=actor, referral=current, request=request))


@transaction.atomic
def _send(*, actor, referral: Referral, request=None) -> Referral:
    locked = _locked(referral)
    _require_state(locked, "send")
    texts = []
    for code in locked.sections:
        if code == Section.FAMILY:
            continue
        text = shared.text_of(code, locked)
        if text is None:
            raise ReferralError(
                _("There is nothing to share as “%(section)s” yet: leave it out or write it first.")
                % {"section": Section(code).label},
                code="empty_section",
            )
        texts.append(text)
    if needs_disclosure_check(locked):
        # Recorded as disclosures now that the data goes.
        answers = check_disclosure(actor=actor, referral=locked, disclose=True, request=request)
        if not all(a.allowed for a in answers):
            raise DisclosureRefused(answers)
        locked.disclosure_basis = "; ".join(
            f"person {a.person_id}: {a.basis} ({a.reference})" for a in answers
        )[:300]
    else:
        locked.disclosure_basis = "same organisation"
    now = timezone.now()
    for position, text in enumerate(texts):
        ReferralSection.objects.create(
            referral=locked,
            code=text.code,
            title=text.title,
            body=text.body,
            source=text.source,
            position=position,
        )
    _turn(locked, actor, State.SENT, now)
    locked.sent_at = now
    locked.save()
    emit(
        "referral.sent",
        family=locked.matter.family,
        unit=locked.sender_unit,
        service_task=locked.matter.service_task,
        at=now,
        kind=locked.kind,
        receiver_kind=locked.receiver_unit.kind,
        receiver_sector=locked.receiver_unit.sector,
    )
    return locked


def _turn(referral: Referral, actor, to_state: str, now, reason: str = "") -> None:
    ReferralStep.objects.create(
        referral=referral,
        from_state=referral.state,
        to_state=to_state,
        at=now,
        by=actor.user,
        reason=reason,
    )
    referral.state = to_state
    referral.version += 1


def _reason(value, label) -> str:
    return _clean_text(value, label=label, required=True, max_length=REASON_MAX_LENGTH)


@transaction.atomic
def referral_withdraw(*, actor, referral: Referral, reason: str) -> Referral:
    """draft | sent | accepted → withdrawn, with the reason (the receiver sees it)."""
    actor = as_actor(actor)
    locked = _locked(referral)
    _require_sender(actor, locked, Act.CANCEL)
    _require_state(locked, "withdraw")
    reason = _reason(reason, _("the reason for withdrawing"))
    now = timezone.now()
    was_sent = locked.state != State.DRAFT
    _turn(locked, actor, State.WITHDRAWN, now, reason)
    locked.closed_at = now
    locked.save()
    if was_sent:
        emit(
            "referral.withdrawn",
            family=locked.matter.family,
            unit=locked.sender_unit,
            service_task=locked.matter.service_task,
            at=now,
            kind=locked.kind,
        )
    return _refresh(referral, locked)


# -- the receiver's side ---------------------------------------------------


@transaction.atomic
def referral_accept(*, actor, referral: Referral, note: str = "") -> Referral:
    """sent → accepted; the accepting professional handles it."""
    actor = as_actor(actor)
    locked = _locked(referral)
    _require_receiver(actor, locked)
    _require_state(locked, "accept")
    note = _clean_text(note, label=_("the note"), required=False, max_length=REASON_MAX_LENGTH)
    now = timezone.now()
    _turn(locked, actor, State.ACCEPTED, now, note)
    locked.handler = actor.user
    locked.answered_at = now
    locked.save()
    _emit_receiver("referral.accepted", locked, now)
    return _refresh(referral, locked)


@transaction.atomic
def referral_decline(*, actor, referral: Referral, reason: str) -> Referral:
    """sent → declined, with the reason the sender sees."""
    actor = as_actor(actor)
    locked = _locked(referral)
    _require_receiver(actor, locked)
    _require_state(locked, "decline")
    reason = _reason(reason, _("the reason for declining"))
    now = timezone.now()
    _turn(locked, actor, State.DECLINED, now, reason)
    locked.handler = actor.user
    locked.answered_at = now
    locked.closed_at = now
    locked.save()
    _emit_receiver("referral.declined", locked, now)
    return _refresh(referral, locked)


@transaction.atomic
def referral_done(*, actor, referral: Referral, summary: str) -> Referral:
    """accepted → done, with a summary of what was done for the sender."""
    actor = as_actor(actor)
    locked = _locked(referral)
    _require_receiver(actor, locked)
    _require_state(locked, "done")
    summary = _reason(summary, _("a summary of what was done"))
    now = timezone.now()
    _turn(locked, actor, State.DONE, now, summary)
    locked.closed_at = now
    locked.save()
    _emit_receiver("referral.done", locked, now)
    return _refresh(referral, locked)


def _emit_receiver(event_type: str, referral: Referral, now) -> None:
    emit(
        event_type,
        family=referral.matter.family,
        unit=referral.receiver_unit,
        service_task=referral.matter.service_task,
        at=now,
        kind=referral.kind,
    )
