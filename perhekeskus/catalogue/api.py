"""The finder as an API: ``GET /api/v1/services`` and ``/api/v1/services/{id}``.

Parameters are validated by the same form as the HTML finder; anything it
cannot use is a 400 with the reason per parameter, never a 500.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from perhekeskus.core.errors import ErrorOut
from perhekeskus.web.access import public

from . import selectors
from .apilanguage import request_language
from .forms import ServiceSearchForm
from .models import Service

router = Router(tags=["services"])


class OrganizationOut(Schema):
    id: uuid.UUID
    name: str
    kind: str


class ChannelOut(Schema):
    kind: str
    description: str
    phone: str
    phone_charge: str
    url: str
    email: str
    location_id: uuid.UUID | None
    open_now: bool | None


class LocationOut(Schema):
    id: uuid.UUID
    name: str
    street_address: str
    postal_code: str
    post_office: str
    municipality: str
    municipality_code: str
    latitude: float
    longitude: float
    distance_km: float | None = None
    accessibility: str


class ServiceOut(Schema):
    id: uuid.UUID
    name: str
    summary: str
    url: str
    organization: OrganizationOut
    channels: list[ChannelOut]
    locations: list[LocationOut]
    languages: list[str]
    free: bool
    cost: str
    age_min: int | None
    age_max: int | None
    life_situations: list[str]
    target_groups: list[str]
    anonymous: bool
    referral_required: bool
    low_threshold: bool
    national: bool
    open_now: bool | None


class ServiceDetailOut(ServiceOut):
    description: str
    how_to_get_help: str
    eligibility_description: str
    fee_description: str
    email: str
    web_page: str


class ServiceListOut(Schema):
    count: int
    items: list[ServiceOut]
    notices: list[str]
    corrections: dict[str, str]


class ServiceSearchParams(Schema):
    """Documented for the OpenAPI description; validation is the form's."""

    q: str | None = None
    age: str | None = None
    municipality: str | None = None
    near: str | None = None
    radius_km: str | None = None
    language: list[str] | None = None
    channel: list[str] | None = None
    free: str | None = None
    anonymous: str | None = None
    no_referral: str | None = None
    provider_kind: list[str] | None = None
    life_situation: list[str] | None = None
    open_now: str | None = None
    lang: str | None = None
    limit: str | None = None
    offset: str | None = None


def _locations(service: Service, near) -> list[dict]:
    seen, out = set(), []
    for channel in service.channels.all():
        location = channel.location
        if location is None or location.pk in seen:
            continue
        seen.add(location.pk)
        out.append(
            {
                "id": location.pk,
                "name": location.name,
                "street_address": location.street_address,
                "postal_code": location.postal_code,
                "post_office": location.post_office,
                "municipality": location.municipality.name,
                "municipality_code": location.municipality.code,
                "latitude": location.latitude,
                "longitude": location.longitude,
                "distance_km": round(
                    selectors.haversine_km(near, (location.latitude, location.longitude)), 1
                )
                if near
                else None,
                "accessibility": location.accessibility,
            }
        )
    return out


def _service(service: Service, near, now: datetime) -> dict:
    return {
        "id": service.pk,
        "name": service.name,
        "summary": service.summary,
        "url": reverse("catalogue:service", args=[service.pk]),
        "organization": {
            "id": service.organization.pk,
            "name": service.organization.name,
            "kind": service.organization.kind,
        },
        "channels": [
            {
                "kind": channel.kind,
                "description": channel.description,
                "phone": channel.phone,
                "phone_charge": channel.phone_charge,
                "url": channel.url,
                "email": channel.email,
                "location_id": channel.location_id,
                "open_now": selectors.opening_status(channel, now),
            }
            for channel in service.channels.all()
        ],
        "locations": _locations(service, near),
        "languages": [language.code for language in service.languages.all()],
        "free": service.cost == Service.Cost.FREE,
        "cost": service.cost,
        "age_min": service.age_min,
        "age_max": service.age_max,
        "life_situations": [term.code for term in service.life_situations.all()],
        "target_groups": [term.code for term in service.target_groups.all()],
        "anonymous": service.anonymous,
        "referral_required": service.referral_required,
        "low_threshold": service.low_threshold,
        "national": service.national,
        "open_now": selectors.service_open_now(service, now),
    }


@router.get(
    "",
    response={200: ServiceListOut, 400: ErrorOut},
    summary="Search services",
    operation_id="search_services",
)
@public
def search_services(request, params: Query[ServiceSearchParams]):
    """Search the family-centre services, with the finder's filters.

    Free text understands Finnish inflection and compounds (*neuvolaan* finds
    *neuvola*). `near` is `lat,lon` (WGS84); `radius_km` limits the distance from it.
    Multi-valued filters (`language`, `channel`, `provider_kind`,
    `life_situation`) may be repeated; a service matches any of the values.
    """
    with translation.override(request_language(request)):
        form = ServiceSearchForm(request.GET)
        form.is_valid()
        if form.problems:
            return Status(
                400, {"detail": _("Some parameters could not be used."), "errors": form.problems}
            )
        query = form.to_query()
        now = timezone.now()
        result = selectors.search_services(query, now=now, details=True, exact_count=True)
        return Status(
            200,
            {
                "count": result.count,
                "items": [_service(hit.service, query.near, now) for hit in result.items],
                "notices": [str(n) for n in form.notices],
                "corrections": result.corrections,
            },
        )


@router.get(
    "/{service_id}",
    response={200: ServiceDetailOut, 404: ErrorOut},
    summary="One service",
    operation_id="get_service",
)
@public
def get_service(request, service_id: str, lang: str | None = None):
    with translation.override(request_language(request)):
        try:
            service = selectors.get_public_service(uuid.UUID(service_id))
        except (ValueError, Http404):
            return Status(404, {"detail": _("No such service.")})
        data = _service(service, None, timezone.now())
        data.update(
            description=service.description,
            how_to_get_help=service.how_to_get_help,
            eligibility_description=service.eligibility_description,
            fee_description=service.fee_description,
            email=service.email,
            web_page=service.url,
        )
        return Status(200, data)
