"""``/api/v1/contacts``: the ask-for-help form as an interface.

Public, like the form: a family (or a service acting for it, e.g. a chat
bot) sends what it wrote and gets the reference and the day it will be
answered by. Nothing is read back: the answer comes the way the family
chose. Bad input is a 400 with the reason per field; too many contacts from
one address, or in total, a 429 with ``Retry-After`` (casework.limits).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from ninja import Router, Schema, Status
from pydantic import field_validator

from perhekeskus.catalogue.models import TaxonomyTerm
from perhekeskus.core.errors import ErrorOut
from perhekeskus.core.lengths import schema_fits
from perhekeskus.web.access import public

from . import limits, selectors, services
from .forms import AskForHelpForm, add_errors
from .models import MAX_SITUATION, Contact

router = Router(tags=["contacts"])


class ContactIn(Schema):
    situation: str
    municipality: str  # Statistics Finland code, e.g. "091"
    contact_way: str
    life_situations: list[str] = []  # codes of the catalogue's life-situation taxonomy
    child_age: int | None = None
    preferred_language: str = "fi"
    name: str = ""
    phone: str = ""
    email: str = ""
    service: str = ""

    @field_validator("situation")
    @classmethod
    def _situation_fits(cls, value: str) -> str:
        return schema_fits(value, MAX_SITUATION)


class ContactOut(Schema):
    reference: str
    received_at: datetime.datetime
    unit: str
    answer_due_by: datetime.date


@router.post(
    "",
    response={201: ContactOut, 400: ErrorOut, 429: ErrorOut},
    summary="Ask the family centre for help",
    description=(
        "429: too many contacts from the caller's address, or in total, in a short "
        "while (nothing was received); the Retry-After header gives the seconds to wait."
    ),
    openapi_extra={
        "responses": {
            429: {
                "headers": {
                    "Retry-After": {
                        "description": "Seconds until a contact is taken again.",
                        "schema": {"type": "integer"},
                    }
                }
            }
        }
    },
)
@public
def submit_contact(request, response: HttpResponse, payload: ContactIn):
    from perhekeskus.programme.models import Municipality

    municipality = Municipality.objects.filter(code=payload.municipality[:3]).first()
    terms = TaxonomyTerm.objects.filter(
        taxonomy=TaxonomyTerm.Taxonomy.LIFE_SITUATION, code__in=payload.life_situations[:50]
    )
    form = AskForHelpForm(
        {
            "situation": payload.situation,
            "municipality": municipality.pk if municipality else "",
            "life_situations": [t.pk for t in terms],
            "child_age": "" if payload.child_age is None else payload.child_age,
            "preferred_language": payload.preferred_language,
            "contact_way": payload.contact_way,
            "name": payload.name,
            "phone": payload.phone,
            "email": payload.email,
        },
        signed_in=False,
    )
    unknown = set(payload.life_situations) - {t.code for t in terms}
    if form.is_valid() and not unknown:
        taken = limits.take_contact(request)
        if taken.refusal is not None:
            response["Retry-After"] = str(taken.refusal.retry_after)
            return Status(429, {"detail": limits.refusal_message(taken.refusal)})
        try:
            contact = services.contact_submit(
                actor=None,
                channel=Contact.Channel.API,
                service=selectors.service_asked_about(payload.service),
                **{k: v for k, v in form.cleaned_data.items() if k != "service"},
            )
        except ValidationError as error:
            taken.give_back()
            add_errors(form, error)
        else:
            return Status(
                201,
                {
                    "reference": contact.reference,
                    "received_at": contact.received_at,
                    "unit": contact.unit.name,
                    "answer_due_by": contact.answer_due_by,
                },
            )
    errors = {field: " ".join(str(e) for e in errs) for field, errs in form.errors.items()}
    if unknown:
        errors["life_situations"] = "unknown: " + ", ".join(sorted(unknown))[:200]
    return Status(400, {"detail": "The contact was not received.", "errors": errors})
