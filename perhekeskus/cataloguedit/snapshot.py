"""The one serialiser of a service's editable content (a JSON snapshot).

A snapshot holds every field the edit forms change: the service's texts in
fi/sv/en, eligibility and cost, its classifications (by code, so snapshots
stay readable and comparable), its channels with opening hours and
exceptions, and the locations those channels use. Times are ``HH:MM``,
dates ISO, ids strings.
"""

from __future__ import annotations

import datetime
import uuid

from perhekeskus.catalogue.models import (
    HoursException,
    Language,
    Location,
    OpeningHours,
    Service,
    ServiceChannel,
    TaxonomyTerm,
)
from perhekeskus.programme.models import Municipality

LANGS = ("fi", "sv", "en")

SERVICE_TEXT = (
    "name",
    "summary",
    "description",
    "how_to_get_help",
    "eligibility_description",
    "fee_description",
)
SERVICE_PLAIN = (
    "status",
    "age_min",
    "age_max",
    "cost",
    "anonymous",
    "referral_required",
    "low_threshold",
    "national",
    "email",
    "url",
)
SERVICE_RELATED = ("areas", "languages", "target_groups", "life_situations")

LOCATION_TEXT = ("name", "street_address", "post_office", "accessibility")
LOCATION_PLAIN = (
    "postal_code",
    "municipality",
    "latitude",
    "longitude",
    "step_free_access",
    "accessible_toilet",
    "hearing_loop",
    "parking",
)

CHANNEL_TEXT = ("description", "phone_charge")
CHANNEL_PLAIN = ("kind", "location", "phone", "url", "email", "order")
HOURS_FIELDS = ("weekday", "opens", "closes", "valid_from", "valid_to")
EXCEPTION_PLAIN = ("date", "closed", "opens", "closes")
EXCEPTION_TEXT = ("note",)


def translated(names) -> list[str]:
    return [f"{name}_{lang}" for name in names for lang in LANGS]


def _time(value: datetime.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def empty() -> dict:
    service = dict.fromkeys(translated(SERVICE_TEXT), "")
    service.update(
        status=Service.Status.ACTIVE,
        age_min=None,
        age_max=None,
        cost=Service.Cost.FREE,
        anonymous=False,
        referral_required=False,
        low_threshold=False,
        national=False,
        email="",
        url="",
        areas=[],
        languages=[],
        target_groups=[],
        life_situations=[],
    )
    return {"service": service, "locations": [], "channels": []}


def location_data(location: Location) -> dict:
    data = {"id": str(location.pk)}
    for field in translated(LOCATION_TEXT):
        data[field] = getattr(location, field) or ""
    data.update(
        postal_code=location.postal_code,
        municipality=location.municipality.code,
        latitude=location.latitude,
        longitude=location.longitude,
        step_free_access=location.step_free_access,
        accessible_toilet=location.accessible_toilet,
        hearing_loop=location.hearing_loop,
        parking=location.parking,
    )
    return data


def hours_data(hours: OpeningHours) -> dict:
    return {
        "weekday": hours.weekday,
        "opens": _time(hours.opens),
        "closes": _time(hours.closes),
        "valid_from": _date(hours.valid_from),
        "valid_to": _date(hours.valid_to),
    }


def exception_data(exception: HoursException) -> dict:
    data = {
        "date": _date(exception.date),
        "closed": exception.closed,
        "opens": _time(exception.opens),
        "closes": _time(exception.closes),
    }
    for field in translated(EXCEPTION_TEXT):
        data[field] = getattr(exception, field) or ""
    return data


def serialise(service: Service) -> dict:
    """The snapshot of a live service."""
    data = {field: getattr(service, field) or "" for field in translated(SERVICE_TEXT)}
    for field in SERVICE_PLAIN:
        data[field] = getattr(service, field)
    data["email"] = data["email"] or ""
    data["url"] = data["url"] or ""
    data["areas"] = sorted(service.areas.values_list("code", flat=True))
    data["languages"] = sorted(service.languages.values_list("code", flat=True))
    data["target_groups"] = sorted(service.target_groups.values_list("code", flat=True))
    data["life_situations"] = sorted(service.life_situations.values_list("code", flat=True))
    channels = []
    locations: dict[str, dict] = {}
    for channel in service.channels.select_related("location__municipality").order_by(
        "order", "kind", "pk"
    ):
        item = {"id": str(channel.pk)}
        for field in translated(CHANNEL_TEXT):
            item[field] = getattr(channel, field) or ""
        item.update(
            kind=channel.kind,
            location=str(channel.location_id) if channel.location_id else None,
            phone=channel.phone,
            url=channel.url,
            email=channel.email,
            order=channel.order,
            hours=sorted(
                (hours_data(h) for h in channel.hours.all()),
                key=lambda h: (h["weekday"], h["opens"], h["valid_from"] or ""),
            ),
            exceptions=sorted(
                (exception_data(e) for e in channel.exceptions.all()), key=lambda e: e["date"]
            ),
        )
        channels.append(item)
        if channel.location is not None:
            locations[str(channel.location_id)] = location_data(channel.location)
    return {
        "service": data,
        "locations": sorted(locations.values(), key=lambda loc: loc["id"]),
        "channels": channels,
    }


def _parse_time(value: str | None) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if value else None


def _parse_date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


class SnapshotError(ValueError):
    """A snapshot refers to something that does not exist or is not the provider's."""


def apply(snapshot: dict, service: Service) -> None:
    """Write a snapshot onto the live records (the caller holds the transaction).

    Locations must belong to the service's organisation; channels missing
    from the snapshot are deleted, and each channel's hours and exceptions
    are replaced as a whole.
    """
    data = snapshot["service"]
    for field in translated(SERVICE_TEXT):
        setattr(service, field, data.get(field) or "")
    for field in SERVICE_PLAIN:
        setattr(service, field, data.get(field))
    service.email = service.email or ""
    service.url = service.url or ""
    service.full_clean(exclude=["organization", "source", "source_id"], validate_unique=False)
    service.save()
    service.areas.set(_by_code(Municipality.objects.all(), data.get("areas", []), "areas"))
    service.languages.set(_by_code(Language.objects.all(), data.get("languages", []), "languages"))
    service.target_groups.set(
        _by_code(
            TaxonomyTerm.objects.filter(taxonomy=TaxonomyTerm.Taxonomy.TARGET_GROUP),
            data.get("target_groups", []),
            "target_groups",
        )
    )
    service.life_situations.set(
        _by_code(
            TaxonomyTerm.objects.filter(taxonomy=TaxonomyTerm.Taxonomy.LIFE_SITUATION),
            data.get("life_situations", []),
            "life_situations",
        )
    )

    for item in snapshot.get("locations", []):
        location = Location.objects.filter(pk=item["id"]).first()
        if location is None:
            location = Location(id=uuid.UUID(item["id"]), organization=service.organization)
        elif location.organization_id != service.organization_id:
            raise SnapshotError(f"location {item['id']} belongs to another organisation")
        for field in translated(LOCATION_TEXT):
            setattr(location, field, item.get(field) or "")
        for field in LOCATION_PLAIN:
            if field != "municipality":
                setattr(location, field, item.get(field))
        try:
            location.municipality = Municipality.objects.get(code=item["municipality"])
        except Municipality.DoesNotExist:
            raise SnapshotError(f"unknown municipality {item['municipality']}") from None
        location.full_clean(exclude=["organization", "source", "source_id"], validate_unique=False)
        location.save()

    keep = [item["id"] for item in snapshot.get("channels", [])]
    service.channels.exclude(pk__in=keep).delete()
    for item in snapshot.get("channels", []):
        channel = ServiceChannel.objects.filter(pk=item["id"]).first()
        if channel is None:
            channel = ServiceChannel(id=uuid.UUID(item["id"]), service=service)
        elif channel.service_id != service.pk:
            raise SnapshotError(f"channel {item['id']} belongs to another service")
        for field in translated(CHANNEL_TEXT):
            setattr(channel, field, item.get(field) or "")
        for field in ("kind", "phone", "url", "email", "order"):
            setattr(channel, field, item.get(field) or ("" if field != "order" else 0))
        location_id = item.get("location")
        if (
            location_id
            and not Location.objects.filter(
                pk=location_id, organization=service.organization_id
            ).exists()
        ):
            raise SnapshotError(f"location {location_id} belongs to another organisation")
        channel.location_id = location_id or None
        channel.full_clean(exclude=["service", "source", "source_id"], validate_unique=False)
        channel.save()
        channel.hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(
                channel=channel,
                weekday=h["weekday"],
                opens=_parse_time(h["opens"]),
                closes=_parse_time(h["closes"]),
                valid_from=_parse_date(h.get("valid_from")),
                valid_to=_parse_date(h.get("valid_to")),
            )
            for h in item.get("hours", [])
        )
        channel.exceptions.all().delete()
        for e in item.get("exceptions", []):
            exception = HoursException(
                channel=channel,
                date=_parse_date(e["date"]),
                closed=e["closed"],
                opens=_parse_time(e.get("opens")),
                closes=_parse_time(e.get("closes")),
            )
            for field in translated(EXCEPTION_TEXT):
                setattr(exception, field, e.get(field) or "")
            exception.save()


def _by_code(queryset, codes: list[str], what: str) -> list:
    found = list(queryset.filter(code__in=codes))
    if len(found) != len(set(codes)):
        raise SnapshotError(f"unknown {what}: {sorted(set(codes) - {f.code for f in found})}")
    return found
