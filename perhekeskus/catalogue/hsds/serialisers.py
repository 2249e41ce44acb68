"""Catalogue records as HSDS 3.0 JSON, with the catalogue's profile fields.

Text fields carry the active language (Finnish as fallback); each translated
field also appears as ``<field>_translations: {fi, sv, en}`` (profile). Empty
optional fields are left out: HSDS types have no null, and a URL or e-mail
of "" would not be valid.

Records without a UUID of their own (opening hours, taxonomy terms, the
links between a service and its languages or areas) get a stable UUIDv5, so
the same row always has the same HSDS id.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import gettext as _

from perhekeskus.catalogue.models import (
    HoursException,
    Location,
    OpeningHours,
    Organization,
    Service,
    ServiceChannel,
    TaxonomyTerm,
)

HSDS_VERSION = "3.0"
LANGUAGES = ("fi", "sv", "en")
# Fixed namespace of the catalogue's derived HSDS ids; never change it.
ID_NAMESPACE = uuid.UUID("5b1e7a53-8a0c-4f1e-9d3c-2f8e6b4a7c10")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
CHANNEL_KINDS_AT_LOCATION = (ServiceChannel.Kind.IN_PERSON,)


def derived_id(*parts: object) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, ":".join(str(part) for part in parts)))


def taxonomy_id(taxonomy: str) -> str:
    return derived_id("taxonomy", taxonomy)


def term_id(term: TaxonomyTerm) -> str:
    return derived_id("taxonomy_term", term.taxonomy, term.code)


def _translations(obj, field: str) -> dict[str, str]:
    values = {}
    for language in LANGUAGES:
        value = getattr(obj, f"{field}_{language}", None)
        if value:
            values[language] = value
    return values


def _put(data: dict, key: str, value) -> None:
    """Set ``key`` unless the value is empty (HSDS has no null)."""
    if value not in (None, "", [], {}):
        data[key] = value


def _put_text(data: dict, obj, field: str, key: str | None = None) -> None:
    key = key or field
    _put(data, key, getattr(obj, field))
    _put(data, f"{key}_translations", _translations(obj, field))


def _time(value) -> str:
    return value.strftime("%H:%M")


def _iso(value) -> str:
    return value.isoformat()


# --- Taxonomies -----------------------------------------------------------


def taxonomy(code: str) -> dict:
    label = str(TaxonomyTerm.Taxonomy(code).label)
    return {
        "id": taxonomy_id(code),
        "name": label,
        "description": label,
        "version": "1",
        "code": code,
    }


def taxonomy_term(term: TaxonomyTerm) -> dict:
    data = {
        "id": term_id(term),
        "code": term.code,
        "name": term.name,
        "description": term.description or term.name,
        "taxonomy": term.taxonomy,
        "taxonomy_id": taxonomy_id(term.taxonomy),
        "taxonomy_detail": taxonomy(term.taxonomy),
    }
    if term.parent_id is not None:
        data["parent_id"] = term_id(term.parent)
    _put(data, "name_translations", _translations(term, "name"))
    _put(data, "description_translations", _translations(term, "description"))
    return data


def _attributes(service: Service) -> list[dict]:
    out = []
    for term in [*service.target_groups.all(), *service.life_situations.all()]:
        out.append(
            {
                "id": derived_id("attribute", service.pk, term.taxonomy, term.code),
                "link_id": str(service.pk),
                "link_entity": "service",
                "link_type": term.taxonomy,
                "taxonomy_term_id": term_id(term),
                "taxonomy_term": taxonomy_term(term),
            }
        )
    return out


# --- Schedules --------------------------------------------------------------


def _weekly(hours: OpeningHours, owner: dict) -> dict:
    data = {
        "id": derived_id("opening_hours", hours.pk),
        **owner,
        "freq": "WEEKLY",
        "wkst": "MO",
        "interval": 1,
        "byday": WEEKDAYS[hours.weekday],
        "opens_at": _time(hours.opens),
        "closes_at": _time(hours.closes),
    }
    if hours.valid_from:
        data["valid_from"] = _iso(hours.valid_from)
    if hours.valid_to:
        data["valid_to"] = _iso(hours.valid_to)
    return data


def _exception(exception: HoursException, owner: dict) -> dict:
    day = _iso(exception.date)
    data = {
        "id": derived_id("hours_exception", exception.pk),
        **owner,
        "valid_from": day,
        "valid_to": day,
        "dtstart": day,
        "until": day,
        "closed": exception.closed,
        "exception": True,
    }
    if not exception.closed:
        data["opens_at"] = _time(exception.opens)
        data["closes_at"] = _time(exception.closes)
    _put_text(data, exception, "note", "description")
    return data


def _schedules(channel: ServiceChannel, owner: dict) -> list[dict]:
    owner = {**owner, "channel_id": str(channel.pk)}
    return [_weekly(h, owner) for h in channel.hours.all()] + [
        _exception(e, owner) for e in channel.exceptions.all()
    ]


# --- Locations --------------------------------------------------------------


def location(loc: Location) -> dict:
    municipality = loc.municipality
    region = municipality.region.name if municipality.region_id else municipality.name
    data = {
        "id": str(loc.pk),
        "location_type": "physical",
        "organization_id": str(loc.organization_id),
        "name": loc.name,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
        "municipality_code": municipality.code,
        "municipality": municipality.name,
        "addresses": [
            {
                "id": derived_id("address", loc.pk),
                "location_id": str(loc.pk),
                "address_1": loc.street_address,
                "city": loc.post_office,
                "region": municipality.name,
                "state_province": region,
                "postal_code": loc.postal_code,
                "country": "FI",
                "address_type": "physical",
            }
        ],
    }
    _put(data, "name_translations", _translations(loc, "name"))
    address = data["addresses"][0]
    _put(address, "address_1_translations", _translations(loc, "street_address"))
    _put(address, "city_translations", _translations(loc, "post_office"))
    features = [
        flag
        for flag in ("step_free_access", "accessible_toilet", "hearing_loop", "parking")
        if getattr(loc, flag)
    ]
    if loc.accessibility or features:
        item = {"id": derived_id("accessibility", loc.pk), "location_id": str(loc.pk)}
        _put_text(item, loc, "accessibility", "description")
        _put(item, "details", ", ".join(features))
        _put(item, "features", features)
        data["accessibility"] = [item]
    if loc.source == Location.Source.PTV and loc.source_id:
        data["external_identifier"] = loc.source_id
        data["external_identifier_type"] = "PTV"
        data["ptv_id"] = loc.source_id
    return data


# --- Channels ---------------------------------------------------------------


def _phone(channel: ServiceChannel, owner: dict) -> dict:
    data = {"id": derived_id("phone", channel.pk), **owner, "number": channel.phone}
    data["type"] = "video" if channel.kind == ServiceChannel.Kind.VIDEO else "voice"
    _put_text(data, channel, "description")
    _put_text(data, channel, "phone_charge")
    return data


def channel(ch: ServiceChannel) -> dict:
    """A channel in the profile's ``channels`` list (every kind)."""
    data = {"id": str(ch.pk), "kind": ch.kind, "order": ch.order}
    _put_text(data, ch, "description")
    _put(data, "phone", ch.phone)
    _put_text(data, ch, "phone_charge")
    _put(data, "url", ch.url)
    _put(data, "email", ch.email)
    if ch.location_id:
        data["location_id"] = str(ch.location_id)
    if ch.source == ServiceChannel.Source.PTV and ch.source_id:
        data["ptv_id"] = ch.source_id.split("/")[0]
    return data


def service_at_location(ch: ServiceChannel, *, with_service: bool = False) -> dict:
    owner = {"service_at_location_id": str(ch.pk)}
    data = {
        "id": str(ch.pk),
        "service_id": str(ch.service_id),
        "location_id": str(ch.location_id),
    }
    _put_text(data, ch, "description")
    _put(data, "email", ch.email)
    _put(data, "url", ch.url)
    if ch.phone:
        data["phones"] = [_phone(ch, owner)]
    data["schedules"] = _schedules(ch, owner)
    data["location"] = location(ch.location)
    if ch.source == ServiceChannel.Source.PTV and ch.source_id:
        data["ptv_id"] = ch.source_id.split("/")[0]
    if with_service:
        data["service"] = service(ch.service, full=False)
    return data


# --- Organizations ----------------------------------------------------------


def organization(org: Organization, *, full: bool = False, services: Iterable = ()) -> dict:
    data = {"id": str(org.pk), "name": org.name, "description": org.description or org.name}
    _put(data, "name_translations", _translations(org, "name"))
    _put(data, "description_translations", _translations(org, "description"))
    _put(data, "email", org.email)
    _put(data, "website", org.website)
    _put(data, "tax_id", org.business_id)
    data["kind"] = org.kind
    if org.municipality_id:
        data["municipality_code"] = org.municipality.code
    if org.source == Organization.Source.PTV and org.source_id:
        data["ptv_id"] = org.source_id
    if org.phone:
        data["phones"] = [
            {
                "id": derived_id("organization_phone", org.pk),
                "organization_id": str(org.pk),
                "number": org.phone,
            }
        ]
    if full:
        data["services"] = [service(s, full=False) for s in services]
        data["locations"] = [location(loc) for loc in org.locations.all()]
    return data


# --- Services ---------------------------------------------------------------

_SERVICE_TEXTS = (
    ("description", "description"),
    ("how_to_get_help", "application_process"),
    ("eligibility_description", "eligibility_description"),
    ("fee_description", "fees_description"),
)


def cost_label(cost: str) -> str:
    return {
        Service.Cost.FREE: _("Free of charge"),
        Service.Cost.FEE: _("Fee"),
        Service.Cost.VOUCHER: _("Service voucher"),
    }[cost]


def service(svc: Service, *, full: bool = True) -> dict:
    """One service; ``full`` adds the nested records (one-to-many fields)."""
    data = {
        "id": str(svc.pk),
        "organization_id": str(svc.organization_id),
        "name": svc.name,
        "status": svc.status,
    }
    _put(data, "name_translations", _translations(svc, "name"))
    _put_text(data, svc, "summary")
    for field, key in _SERVICE_TEXTS:
        _put_text(data, svc, field, key)
    if "description" not in data and svc.summary:
        data["description"] = svc.summary
    _put(data, "url", svc.url)
    _put(data, "email", svc.email)
    _put(data, "minimum_age", svc.age_min)
    _put(data, "maximum_age", svc.age_max)
    if svc.last_reviewed_at:
        data["assured_date"] = svc.last_reviewed_at.date().isoformat()
    data["last_modified"] = svc.updated_at.isoformat()
    data.update(
        cost=svc.cost,
        anonymous=svc.anonymous,
        referral_required=svc.referral_required,
        low_threshold=svc.low_threshold,
        national=svc.national,
    )
    if svc.source == Service.Source.PTV and svc.source_id:
        data["ptv_id"] = svc.source_id
    if not full:
        return data

    owner = {"service_id": str(svc.pk)}
    channels = list(svc.channels.all())
    data["organization"] = organization(svc.organization)
    data["languages"] = [
        {
            "id": derived_id("service_language", svc.pk, lang.code),
            "service_id": str(svc.pk),
            "name": lang.name,
            "code": lang.code,
        }
        for lang in svc.languages.all()
    ]
    data["service_areas"] = [
        {
            "id": derived_id("service_area", svc.pk, m.code),
            "service_id": str(svc.pk),
            "name": m.name,
            "extent_type": "municipality",
            "municipality_code": m.code,
            **({"name_translations": t} if (t := _translations(m, "name")) else {}),
        }
        for m in svc.areas.all()
    ]
    cost_option = {
        "id": derived_id("cost_option", svc.pk),
        "service_id": str(svc.pk),
        "option": cost_label(svc.cost),
        "cost": svc.cost,
    }
    if svc.cost == Service.Cost.FREE:
        cost_option.update(amount=0, currency="EUR")
    _put(cost_option, "amount_description", svc.fee_description)
    data["cost_options"] = [cost_option]
    data["attributes"] = _attributes(svc)
    data["phones"] = [
        _phone(ch, owner)
        for ch in channels
        if ch.phone and ch.kind not in CHANNEL_KINDS_AT_LOCATION
    ]
    data["schedules"] = [
        schedule
        for ch in channels
        if ch.kind not in CHANNEL_KINDS_AT_LOCATION
        for schedule in _schedules(ch, owner)
    ]
    data["service_at_locations"] = [
        service_at_location(ch)
        for ch in channels
        if ch.kind in CHANNEL_KINDS_AT_LOCATION and ch.location_id
    ]
    data["channels"] = [channel(ch) for ch in channels]
    return data


def profile_url(request) -> str:
    configured = getattr(settings, "HSDS_PROFILE_URL", "")
    return configured or request.build_absolute_uri("/api/hsds/profile/")
