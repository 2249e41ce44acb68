"""``/api/v1/referrals``: the receiver's side of referrals for professionals.

Behind the bearer-token/session authentication; every read goes through the
access layer's receiver basis and is logged; a referral the caller does not
receive is a 404; a step refused in the referral's state answers 409 with the
reason (400 for bad input); addresses under a security prohibition are withheld.
"""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import field_validator

from perhekeskus.access import actor_for
from perhekeskus.access.log import Action
from perhekeskus.access.policies import LoggedBearerToken, api_client_data
from perhekeskus.core.lengths import schema_fits
from perhekeskus.referrals.access import access_received_referral, log_received_listing

from . import selectors, services
from .services import REASON_MAX_LENGTH

router = Router(tags=["referrals"], auth=LoggedBearerToken())


class ContactOut(Schema):
    phone: str
    email: str
    street_address: str
    postal_code: str
    post_office: str
    municipality: str
    address_withheld: bool


class PersonOut(Schema):
    id: uuid.UUID
    full_name: str
    date_of_birth: datetime.date | None
    role: str
    languages: list[str]
    security_prohibition: bool
    contact: ContactOut | None


class SectionOut(Schema):
    code: str
    title: str
    body: str


class StepOut(Schema):
    at: datetime.datetime
    to_state: str
    reason: str


class WaitingOut(Schema):
    id: uuid.UUID
    kind: str
    state: str
    sent_at: datetime.datetime | None
    sender_unit: str
    receiver_unit: str
    persons: list[str]


class ReferralOut(Schema):
    id: uuid.UUID
    kind: str
    state: str
    sent_at: datetime.datetime | None
    sender_unit: str
    receiver_unit: str
    question: str
    persons: list[PersonOut]
    shared_sections: list[str]
    sections: list[SectionOut]
    team_composition: list[str]
    visit_address: ContactOut | None
    steps: list[StepOut]


class Refusal(Schema):
    detail: str


class NoteIn(Schema):
    note: str = ""

    @field_validator("note")
    @classmethod
    def _fits(cls, value: str) -> str:
        return schema_fits(value, REASON_MAX_LENGTH)


class ReasonIn(Schema):
    reason: str

    @field_validator("reason")
    @classmethod
    def _fits(cls, value: str) -> str:
        return schema_fits(value, REASON_MAX_LENGTH)


class SummaryIn(Schema):
    summary: str

    @field_validator("summary")
    @classmethod
    def _fits(cls, value: str) -> str:
        return schema_fits(value, REASON_MAX_LENGTH)


def _out(view) -> dict:
    r = view.referral
    return {
        "id": r.pk,
        "kind": r.kind,
        "state": r.state,
        "sent_at": r.sent_at,
        "sender_unit": r.sender_unit.name,
        "receiver_unit": r.receiver_unit.name,
        "question": r.question,
        "persons": [
            {
                "id": p.id,
                "full_name": p.full_name,
                "date_of_birth": p.date_of_birth,
                "role": p.role_label,
                "languages": p.languages,
                "security_prohibition": p.security_prohibition,
                "contact": p.contact.as_dict() if p.contact is not None else None,
            }
            for p in view.persons
        ],
        "shared_sections": list(r.sections) if view.shows_content else [],
        "sections": [{"code": s.code, "title": s.heading, "body": s.body} for s in view.sections],
        "team_composition": list(r.team_composition),
        "visit_address": view.visit_contact.as_dict() if view.visit_contact else None,
        "steps": [{"at": s.at, "to_state": s.to_state, "reason": s.reason} for s in view.steps],
    }


@router.get("/waiting", response=list[WaitingOut], summary="Requests waiting for my units")
@api_client_data
def waiting(request):
    actor = actor_for(request.auth)
    rows = list(selectors.referrals_waiting_for(actor))
    log_received_listing(actor, rows, request=request)
    return [
        {
            "id": r.pk,
            "kind": r.kind,
            "state": r.state,
            "sent_at": r.sent_at,
            "sender_unit": r.sender_unit.name,
            "receiver_unit": r.receiver_unit.name,
            "persons": [p.full_name for p in r.persons.all()],
        }
        for r in rows
    ]


@router.get("/received/{referral_id}", response=ReferralOut, summary="One request received")
@api_client_data
def received(request, referral_id: str):
    # A string, not a UUID type: a malformed id is the same 404 as any other.
    actor = actor_for(request.auth)
    referral = access_received_referral(actor, referral_id, request=request)
    return _out(selectors.receiver_view(actor, referral))


def _step(request, referral_id, step, **arguments):
    actor = actor_for(request.auth)
    referral = access_received_referral(actor, referral_id, action=Action.WRITE, request=request)
    try:
        step(actor=actor, referral=referral, **arguments)
    except ValidationError as error:
        # Answered, not raised: the log entry of the read stays with the refusal.
        status = 409 if getattr(error, "code", None) == "state" else 400
        return Status(status, {"detail": " ".join(error.messages)})
    referral = access_received_referral(actor, referral.pk, request=request)
    return Status(200, _out(selectors.receiver_view(actor, referral)))


@router.post(
    "/received/{referral_id}/accept",
    response={200: ReferralOut, 400: Refusal, 409: Refusal},
    summary="Accept a request",
)
@api_client_data
def accept(request, referral_id: str, payload: NoteIn):
    return _step(request, referral_id, services.referral_accept, note=payload.note)


@router.post(
    "/received/{referral_id}/decline",
    response={200: ReferralOut, 400: Refusal, 409: Refusal},
    summary="Decline a request, with the reason",
)
@api_client_data
def decline(request, referral_id: str, payload: ReasonIn):
    return _step(request, referral_id, services.referral_decline, reason=payload.reason)


@router.post(
    "/received/{referral_id}/done",
    response={200: ReferralOut, 400: Refusal, 409: Refusal},
    summary="Mark an accepted request done, with a summary",
)
@api_client_data
def done(request, referral_id: str, payload: SummaryIn):
    return _step(request, referral_id, services.referral_done, summary=payload.summary)
