"""``/api/v1/families``: the register for professionals.

Behind the bearer-token/session authentication; every read goes through the
access layer and is logged, a family the caller may not see is a 404, and
addresses under a security prohibition are withheld. Each person carries
only the register fields the caller's parts show (``fields``); the others
are null.
"""

from __future__ import annotations

import datetime
import uuid

from django.core.paginator import Paginator
from ninja import Query, Router, Schema

from perhekeskus.access import access_family, actor_for, log_listing, log_persons_shown
from perhekeskus.access.policies import LoggedBearerToken, api_client_data

from . import selectors

router = Router(tags=["families"], auth=LoggedBearerToken())
PAGE_SIZE = 100


class ContactOut(Schema):
    # Null when the caller's parts do not show phone numbers and e-mail addresses.
    phone: str | None
    email: str | None
    # Null when they do not show addresses.
    street_address: str | None
    postal_code: str | None
    post_office: str | None
    municipality: str | None
    address_withheld: bool | None


class PersonOut(Schema):
    id: uuid.UUID
    first_names: str
    last_name: str
    # The register fields shown of this person (the access table's names).
    fields: list[str]
    identity_code: str | None
    date_of_birth: datetime.date | None
    languages: list[str] | None
    security_prohibition: bool | None
    contact: ContactOut


class MemberOut(Schema):
    person: PersonOut
    role: str
    starts_on: datetime.date
    guardians: list[str] | None


class FamilySummaryOut(Schema):
    id: uuid.UUID
    name: str


class FamilyPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[FamilySummaryOut]


class FamilyOut(Schema):
    id: uuid.UUID
    name: str
    basis: str
    partial: bool
    members: list[MemberOut]


class SearchParams(Schema):
    q: str = ""


def _person(card) -> dict:
    shown = card.shown
    contact = card.contact.as_dict()
    if not shown.contact_details:
        contact.update(phone=None, email=None)
    if not shown.address:
        contact.update(dict.fromkeys(_ADDRESS_KEYS))
    return {
        "id": card.id,
        "first_names": card.first_names,
        "last_name": card.last_name,
        "fields": sorted(card.fields),
        "identity_code": card.identity_code,
        "date_of_birth": card.date_of_birth,
        "languages": card.languages if shown.languages else None,
        "security_prohibition": card.security_prohibition,
        "contact": contact,
    }


_ADDRESS_KEYS = (
    "street_address",
    "postal_code",
    "post_office",
    "municipality",
    "address_withheld",
)


@router.get("/", response=FamilyPageOut, summary="My client families")
@api_client_data
def list_families(request, page: int = 1):
    actor = actor_for(request.auth)
    paginator = Paginator(selectors.families_of(actor), PAGE_SIZE)
    current = paginator.get_page(page)
    log_listing(actor, current.object_list, request=request)
    return {
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "results": [{"id": f.pk, "name": f.name} for f in current.object_list],
    }


@router.get("/persons", response=list[PersonOut], summary="Search persons")
@api_client_data
def search_persons(request, params: Query[SearchParams]):
    actor = actor_for(request.auth)
    found = selectors.person_search(actor, params.q)
    log_persons_shown(actor, found.persons, request=request, detail="person search (API)")
    return [_person(card) for card in found.cards]


@router.get("/{family_id}", response=FamilyOut, summary="One family with its members")
@api_client_data
def get_family(request, family_id: str):
    # A string, not a UUID type: a malformed id is the same 404 as any other.
    actor = actor_for(request.auth)
    family = access_family(actor, family_id, request=request)
    detail = selectors.family_detail(actor, family)
    return {
        "id": family.pk,
        "name": family.name,
        "basis": detail.decision.basis,
        "partial": detail.partial,
        "members": [
            {
                "person": _person(row.person),
                "role": row.role,
                "starts_on": row.starts_on,
                "guardians": row.guardians if detail.columns.guardians else None,
            }
            for row in detail.members
        ],
    }
