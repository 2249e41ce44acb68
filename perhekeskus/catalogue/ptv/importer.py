"""PTV open-API JSON (services, service channels, organisations) → catalogue.

Reads the older field names (v8–v11: ``id``, ``serviceNames``,
``serviceChannelType`` ``EChannel``/``Phone``…) and the v12 ones
(``contentId``, ``languageVersions``, ``EService``/``TelephoneService``).
Each record is kept as received in ``source_record`` with its PTV id in
``source_id``; a PTV channel linked to several services becomes one catalogue
channel per service (``source_id`` ``<channel id>/<service id>``).
"""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db.models import Avg
from pyproj import Transformer

from perhekeskus.catalogue.hsds.batch import (
    CREATED,
    UNCHANGED,
    UPDATED,
    RecordError,
    Report,
    by_source,
    in_finland,
    json_files,
    read_json,
    run,
    upsert,
)
from perhekeskus.catalogue.models import (
    HoursException,
    Language,
    Location,
    OpeningHours,
    Organization,
    Service,
    ServiceChannel,
    TaxonomyTerm,
)
from perhekeskus.programme.models import Municipality

SOURCE = Organization.Source.PTV
LANGS = ("fi", "sv", "en")
MAX_EXCEPTION_DAYS = 366

ORGANIZATION_KINDS = {
    "State": Organization.Kind.STATE,
    "Municipality": Organization.Kind.MUNICIPALITY,
    "RegionalOrganization": Organization.Kind.WELLBEING_COUNTY,
    "Region": Organization.Kind.WELLBEING_COUNTY,
    "WellbeingServicesCounty": Organization.Kind.WELLBEING_COUNTY,
    "SotePublic": Organization.Kind.WELLBEING_COUNTY,
    "SotePrivate": Organization.Kind.PRIVATE,
    "Company": Organization.Kind.PRIVATE,
    "Organization": Organization.Kind.NGO,
}
CHARGE_TYPES = {
    None: Service.Cost.FREE,
    "FreeOfCharge": Service.Cost.FREE,
    "Free": Service.Cost.FREE,
    "Chargeable": Service.Cost.FEE,
    "Charged": Service.Cost.FEE,
    "Other": Service.Cost.FEE,
}
CHANNEL_KINDS = {
    "EChannel": ServiceChannel.Kind.WEB,
    "EService": ServiceChannel.Kind.WEB,
    "WebPage": ServiceChannel.Kind.WEB,
    "PrintableForm": ServiceChannel.Kind.WEB,
    "Phone": ServiceChannel.Kind.PHONE,
    "TelephoneService": ServiceChannel.Kind.PHONE,
    "ServiceLocation": ServiceChannel.Kind.IN_PERSON,
}
PUBLISHED = {"Published", None}
KNOWN_STATUSES = {"Published", "Draft", "Modified", "Deleted", "Archived", "OldPublished", None}
# PTV target groups → the catalogue's target groups (codes of TaxonomyTerm).
TARGET_GROUPS = {"KR1.2": ("whole-family", "children"), "KR1.3": ("young-people",)}
# PTV service classes and life events → the catalogue's life situations.
LIFE_SITUATIONS = {
    "P5.7": ("mental-health", "substance-use"),
    "P4.9": ("learning-and-school",),
    "P6.1": ("learning-and-school",),
    "P6.2": ("learning-and-school",),
    "KE1": ("pregnancy", "baby-first-year"),
    "KE14": ("bereavement",),
}
WEEKDAYS = {
    name: index
    for index, name in enumerate(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    )
}
# v12 language-version keys → the localized-list types of earlier versions.
V12_TEXT_TYPES = {
    "name": ("names", "Name"),
    "alternativeName": ("names", "AlternativeName"),
    "summary": ("descriptions", "Summary"),
    "description": ("descriptions", "Description"),
    "userInstruction": ("descriptions", "UserInstruction"),
    "chargeTypeAdditionalInfo": ("descriptions", "ChargeTypeAdditionalInfo"),
    "chargeDescription": ("descriptions", "ChargeTypeAdditionalInfo"),
    "conditions": ("requirements", None),
    "requirements": ("requirements", None),
}
NAME_FIELDS = {
    "service": ("serviceNames", "serviceDescriptions"),
    "channel": ("serviceChannelNames", "serviceChannelDescriptions"),
    "organization": ("organizationNames", "organizationDescriptions"),
}

_url = URLValidator()
_email = EmailValidator()


# --- Reading ----------------------------------------------------------------


def kind_of(record: dict) -> str | None:
    if not isinstance(record, dict):
        return None
    if "serviceChannelType" in record or "channelType" in record:
        return "channel"
    if "organizationType" in record or "organizationNames" in record:
        return "organization"
    if "serviceNames" in record or record.get("type") == "Service" or "languageVersions" in record:
        return "service"
    return None


def _items(data) -> list:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("itemList", "items", "contents"):
            if isinstance(data.get(key), list):
                return data[key]
        return [data]
    return [data]


def normalise(record: dict, kind: str) -> dict:
    """The record in the v8–v11 shape (a v12 record is converted, not changed)."""
    if "languageVersions" not in record and "contentId" not in record:
        return record
    out = dict(record)
    out.setdefault("id", record.get("contentId"))
    names_key, descriptions_key = NAME_FIELDS[kind]
    names, descriptions, requirements = [], [], []
    for version in record.get("languageVersions") or []:
        if not isinstance(version, dict):
            raise RecordError("languageVersions: each item must be an object")
        language = version.get("language")
        for key, value in version.items():
            if key not in V12_TEXT_TYPES or not isinstance(value, str):
                continue
            target, text_type = V12_TEXT_TYPES[key]
            item = {"language": language, "value": value, "type": text_type}
            {"names": names, "descriptions": descriptions, "requirements": requirements}[
                target
            ].append(item)
    out.setdefault(names_key, names)
    out.setdefault(descriptions_key, descriptions)
    if kind == "service":
        out.setdefault("requirements", requirements)
    if kind == "channel":
        channel_type = record.get("serviceChannelType") or record.get("channelType")
        out["serviceChannelType"] = channel_type
    return out


def load(path: Path, report: Report) -> dict[str, list[tuple[str, dict]]]:
    """All records under ``path`` by kind, duplicates and unknown records reported."""
    found: dict[str, list[tuple[str, dict]]] = {"organization": [], "service": [], "channel": []}
    seen: dict[tuple[str, str], str] = {}
    for file in json_files(path):
        data = read_json(file, report)
        if data is None:
            continue
        for index, record in enumerate(_items(data)):
            label = f"{file.name}#{index + 1}" if isinstance(data, list) else file.name
            kind = kind_of(record)
            if kind is None:
                report.skip(label, "not a PTV service, service channel or organisation record")
                continue
            record_id = record.get("id", record.get("contentId"))
            label = f"{label} ({kind} {record_id})"
            key = (kind, str(record_id))
            if key in seen:
                report.skip(label, f"duplicate id: the same {kind} is already in {seen[key]}")
                continue
            seen[key] = label
            found[kind].append((label, record))
    return found


# --- Values -----------------------------------------------------------------


def _list(record: dict, key: str) -> list:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(f"{key}: expected a list, got {type(value).__name__}")
    return value


def localized(items, text_type: str | None = None) -> dict[str, str]:
    """``[{language, value, type}]`` → ``{fi, sv, en}`` (first non-empty value)."""
    out: dict[str, str] = {}
    if items is None:
        return out
    if not isinstance(items, list):
        raise RecordError(f"expected a list of localized texts, got {type(items).__name__}")
    for item in items:
        if not isinstance(item, dict):
            raise RecordError("a localized text must be an object with language and value")
        if text_type is not None and item.get("type") != text_type:
            continue
        language, value = item.get("language"), item.get("value")
        if value is not None and not isinstance(value, str):
            raise RecordError(f"text value must be a string, got {type(value).__name__}")
        if language in LANGS and value and value.strip() and language not in out:
            out[language] = value.strip()
    return out


def _translated(name: str, values: dict[str, str], max_length: int | None = None) -> dict:
    fields = {}
    for language in LANGS:
        value = values.get(language, "")
        if max_length and len(value) > max_length:
            value = value[: max_length - 1].rsplit(" ", 1)[0] + "…"
        fields[f"{name}_{language}"] = value
    return fields


def _uuid(value, what: str) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, TypeError):
        raise RecordError(f"{what}: not a PTV id (UUID): {str(value)[:60]!r}") from None


def _phone(item: dict) -> str:
    number = item.get("number")
    if not number:
        return ""
    if not isinstance(number, str):
        raise RecordError("phone number must be a string")
    prefix = item.get("prefixNumber") or ""
    return f"{prefix} {number}".strip()[:40]


def _clean_url(value, label: str, report: Report) -> str:
    if not value:
        return ""
    try:
        _url(value)
    except ValidationError:
        report.note(label, f"web address {str(value)[:80]!r} is not valid and was left out")
        return ""
    return value if len(value) <= 200 else ""


def _clean_email(value, label: str, report: Report) -> str:
    if not value:
        return ""
    try:
        _email(value)
    except ValidationError:
        report.note(label, f"e-mail {str(value)[:80]!r} is not valid and was left out")
        return ""
    return value


def _first_url(pages) -> str:
    for language in LANGS:
        for page in pages or []:
            if isinstance(page, dict) and page.get("language") == language and page.get("url"):
                return page["url"]
    for page in pages or []:
        if isinstance(page, dict) and page.get("url"):
            return page["url"]
    return ""


def _first_value(items) -> str:
    for item in items or []:
        if isinstance(item, dict) and item.get("value"):
            return item["value"]
    return ""


@cache
def _transformer() -> Transformer:
    return Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)


def to_wgs84(latitude, longitude) -> tuple[float, float] | None:
    """PTV coordinates (EPSG:3067 northing/easting, as strings) → WGS84.

    Returns None when PTV has no coordinates (``0``/missing).
    """
    if latitude in (None, "") or longitude in (None, ""):
        return None
    try:
        north, east = float(latitude), float(longitude)
    except (TypeError, ValueError):
        raise RecordError(f"coordinates are not numbers: {latitude!r}, {longitude!r}") from None
    if north == 0 and east == 0:
        return None
    if abs(north) <= 90 and abs(east) <= 180:
        lat, lon = north, east  # already WGS84 degrees
    else:
        lon, lat = _transformer().transform(east, north)
    if not in_finland(lat, lon):
        raise RecordError(
            f"coordinates {latitude}, {longitude} are outside Finland (WGS84 {lat:.4f}, {lon:.4f})"
        )
    return round(lat, 6), round(lon, 6)


class Importer:
    def __init__(self, report: Report):
        self.report = report
        self.municipalities: dict[str, Municipality] = {
            m.code: m for m in Municipality.objects.all()
        }
        self.languages: dict[str, Language] = {lang.code: lang for lang in Language.objects.all()}
        self.terms: dict[tuple[str, str], TaxonomyTerm] = {
            (t.taxonomy, t.code): t for t in TaxonomyTerm.objects.all()
        }
        self.organizations: dict[str, Organization] = {}
        self.services: dict[str, Service] = {}
        self._added: list[tuple[dict, str]] = []

    def _cache(self, cache: dict, key: str, value):
        if key not in cache:
            self._added.append((cache, key))
        cache[key] = value
        return value

    def guarded(self, handler):
        """``handler`` that forgets what it cached when its record is rolled back."""

        def run_one(record):
            self._added = []
            try:
                return handler(record)
            except Exception:
                for cache, key in self._added:
                    cache.pop(key, None)
                raise

        return run_one

    # --- shared lookups ---

    def municipality(self, data) -> Municipality | None:
        if not data:
            return None
        if not isinstance(data, dict):
            raise RecordError("municipality must be an object with code and name")
        code = data.get("code")
        if not code:
            return None
        code = str(code).strip()
        if not re.fullmatch(r"\d{1,3}", code):
            raise RecordError(f"municipality code {code[:20]!r} is not a Statistics Finland code")
        code = code.zfill(3)
        if code not in self.municipalities:
            names = localized(data.get("name"))
            if not names:
                raise RecordError(f"municipality {code} is new here and PTV gives no name for it")
            municipality = Municipality(code=code, **_translated("name", names, 100))
            municipality.name = names.get("fi") or next(iter(names.values()))
            municipality.save()
            self._cache(self.municipalities, code, municipality)
        return self.municipalities[code]

    def language(self, code) -> Language:
        if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", code):
            raise RecordError(f"language code {str(code)[:20]!r} is not an ISO 639 code")
        if code not in self.languages:
            self._cache(self.languages, code, Language.objects.create(code=code, name=code))
        return self.languages[code]

    def organization(self, ptv_id: str) -> Organization:
        if ptv_id not in self.organizations:
            org = by_source(Organization, SOURCE).filter(source_id=ptv_id).first()
            if org is None:
                raise RecordError(f"organisation {ptv_id} is not in the catalogue; import it first")
            self._cache(self.organizations, ptv_id, org)
        return self.organizations[ptv_id]

    # --- organisations ---

    def import_organization(self, raw: dict):
        record = normalise(raw, "organization")
        ptv_id = _uuid(record.get("id"), "id")
        kind = record.get("organizationType")
        if kind not in ORGANIZATION_KINDS:
            raise RecordError(f"unknown organizationType {str(kind)[:40]!r}")
        names = localized(_list(record, "organizationNames"), "Name") or localized(
            _list(record, "organizationNames")
        )
        if not names:
            raise RecordError("the organisation has no name (organizationNames)")
        descriptions = localized(_list(record, "organizationDescriptions"), "Description")
        descriptions = descriptions or localized(_list(record, "organizationDescriptions"))
        phones = [_phone(p) for p in _list(record, "phoneNumbers") if isinstance(p, dict)]
        label = f"organisation {ptv_id}"
        values = {
            **_translated("name", names, 200),
            **_translated("description", descriptions),
            "kind": ORGANIZATION_KINDS[kind],
            "business_id": str(record.get("businessCode") or "")[:20],
            "website": _clean_url(_first_url(_list(record, "webPages")), label, self.report),
            "email": _clean_email(_first_value(_list(record, "emails")), label, self.report),
            "phone": next((p for p in phones if p), ""),
            "municipality": self.municipality(record.get("municipality")),
        }
        values["name"] = values["name_fi"] or next(iter(names.values()))
        org, outcome = upsert(
            Organization, source=SOURCE, source_id=ptv_id, values=values, record=raw
        )
        self._cache(self.organizations, ptv_id, org)
        ids = set()
        if outcome == UPDATED:
            ids = set(org.services.values_list("pk", flat=True))
        return "organization", outcome, ids

    # --- services ---

    def _terms(self, taxonomy: str, codes: Iterable[str], mapping: dict) -> list[TaxonomyTerm]:
        terms = []
        for code in codes:
            for target in mapping.get(code, ()):
                term = self.terms.get((taxonomy, target))
                if term is not None and term not in terms:
                    terms.append(term)
        return terms

    def import_service(self, raw: dict):
        record = normalise(raw, "service")
        ptv_id = _uuid(record.get("id"), "id")
        status = record.get("publishingStatus")
        if status not in KNOWN_STATUSES:
            raise RecordError(f"unknown publishingStatus {str(status)[:40]!r}")
        charge = record.get("serviceChargeType")
        if charge not in CHARGE_TYPES:
            raise RecordError(f"unknown serviceChargeType {str(charge)[:40]!r}")
        names = localized(_list(record, "serviceNames"), "Name")
        if not names:
            raise RecordError("the service has no name (serviceNames of type Name)")
        descriptions = _list(record, "serviceDescriptions")
        summary = localized(descriptions, "Summary")
        description = localized(descriptions, "Description")
        responsible = None
        for link in _list(record, "organizations"):
            if isinstance(link, dict) and isinstance(link.get("organization"), dict):
                if link.get("roleType") == "Responsible" or responsible is None:
                    responsible = link["organization"].get("id")
        main = record.get("mainResponsibleOrganization")
        if isinstance(main, dict):
            responsible = main.get("id") or responsible
        if responsible is None:
            raise RecordError("the service has no responsible organisation")
        organization = self.organization(_uuid(responsible, "organization id"))

        area_type = record.get("areaType")
        areas = []
        for area in _list(record, "areas"):
            if not isinstance(area, dict):
                raise RecordError("areas: each item must be an object")
            for municipality in area.get("municipalities") or []:
                found = self.municipality(municipality)
                if found is not None and found not in areas:
                    areas.append(found)
        target_codes = [t.get("code") for t in _list(record, "targetGroups") if isinstance(t, dict)]
        class_codes = [
            t.get("code")
            for key in ("serviceClasses", "lifeEvents")
            for t in _list(record, key)
            if isinstance(t, dict)
        ]
        languages = [self.language(code) for code in _list(record, "languages")]
        modified = record.get("modified")
        reviewed = None
        if modified:
            try:
                reviewed = datetime.datetime.fromisoformat(str(modified).replace("Z", "+00:00"))
            except ValueError:
                raise RecordError(f"modified {str(modified)[:40]!r} is not a date-time") from None
            if reviewed.tzinfo is None:
                reviewed = reviewed.replace(tzinfo=datetime.UTC)
        values = {
            "organization": organization,
            **_translated("name", names, 200),
            **_translated("summary", summary or description, 500),
            **_translated("description", description),
            **_translated("how_to_get_help", localized(descriptions, "UserInstruction")),
            **_translated("fee_description", localized(descriptions, "ChargeTypeAdditionalInfo")),
            **_translated("eligibility_description", localized(_list(record, "requirements"))),
            "status": Service.Status.ACTIVE if status in PUBLISHED else Service.Status.INACTIVE,
            "cost": Service.Cost.VOUCHER
            if record.get("serviceVouchersInUse") is True
            else CHARGE_TYPES[charge],
            "national": area_type in ("Nationwide", "NationwideExceptAlandIslands"),
            "last_reviewed_at": reviewed,
        }
        values["name"] = values["name_fi"] or next(iter(names.values()))
        values["summary"] = values["summary_fi"]
        service, outcome = upsert(
            Service, source=SOURCE, source_id=ptv_id, values=values, record=raw
        )
        if outcome != UNCHANGED:
            service.areas.set(areas)
            service.languages.set(languages)
            service.target_groups.set(
                self._terms(TaxonomyTerm.Taxonomy.TARGET_GROUP, target_codes, TARGET_GROUPS)
            )
            service.life_situations.set(
                self._terms(TaxonomyTerm.Taxonomy.LIFE_SITUATION, class_codes, LIFE_SITUATIONS)
            )
        self._cache(self.services, ptv_id, service)
        return "service", outcome, {service.pk} if outcome != UNCHANGED else set()

    # --- channels ---

    def _service(self, ptv_id: str) -> Service | None:
        if ptv_id not in self.services:
            service = by_source(Service, SOURCE).filter(source_id=ptv_id).first()
            if service is None:
                return None
            self._cache(self.services, ptv_id, service)
        return self.services[ptv_id]

    def _location(self, record: dict, ptv_id: str, organization: Organization):
        address = None
        for item in _list(record, "addresses"):
            if not isinstance(item, dict):
                raise RecordError("addresses: each item must be an object")
            if item.get("type") in ("Location", "Visiting") and isinstance(
                item.get("streetAddress"), dict
            ):
                address = item
                break
        if address is None:
            raise RecordError("the service location has no visiting address")
        street = address["streetAddress"]
        postal_code = str(street.get("postalCode") or "")
        if not re.fullmatch(r"\d{5}", postal_code):
            raise RecordError(f"postal code {postal_code[:20]!r} is not five digits")
        municipality = self.municipality(street.get("municipality"))
        if municipality is None:
            area_municipalities = [
                m
                for a in _list(record, "areas")
                if isinstance(a, dict)
                for m in a.get("municipalities") or []
            ]
            if len(area_municipalities) == 1:
                municipality = self.municipality(area_municipalities[0])
            else:
                municipality = organization.municipality
            if municipality is None:
                raise RecordError("the address has no municipality")
            self.report.note(
                f"channel {ptv_id}",
                f"address without a municipality: {municipality.code} from the channel's area "
                "or organisation",
            )
        coordinates = to_wgs84(street.get("latitude"), street.get("longitude"))
        if coordinates is None:
            # PTV has no coordinates for this address: place it at the centre of the
            # catalogue's locations with the same postal code, else of the municipality.
            for what, lookup in (
                (f"postal code {postal_code}", {"postal_code": postal_code}),
                (f"municipality {municipality.code}", {"municipality": municipality}),
            ):
                centre = Location.objects.filter(**lookup).aggregate(
                    lat=Avg("latitude"), lon=Avg("longitude")
                )
                if centre["lat"] is not None:
                    coordinates = (round(centre["lat"], 6), round(centre["lon"], 6))
                    self.report.note(
                        f"channel {ptv_id}",
                        f"no coordinates in PTV: placed at the centre of {what}",
                    )
                    break
            else:
                raise RecordError(
                    "the address has no coordinates (coordinateState "
                    f"{street.get('coordinateState')!r}) and the catalogue has no other "
                    "location in its postal code or municipality"
                )
        streets = localized(street.get("street"))
        number = str(street.get("streetNumber") or "").strip()
        street_values = {lang: f"{name} {number}".strip() for lang, name in streets.items()}
        names = localized(_list(record, "serviceChannelNames"), "Name") or localized(
            _list(record, "serviceChannelNames")
        )
        offices = localized(street.get("postOffice"))
        values = {
            "organization": organization,
            **_translated("name", names, 200),
            **_translated("street_address", street_values, 200),
            **_translated("post_office", {k: v.title() for k, v in offices.items()}, 100),
            "postal_code": postal_code,
            "municipality": municipality,
            "latitude": coordinates[0],
            "longitude": coordinates[1],
        }
        values["name"] = values["name_fi"] or next(iter(names.values()), "")
        values["street_address"] = values["street_address_fi"] or next(
            iter(street_values.values()), ""
        )
        values["post_office"] = values["post_office_fi"] or next(iter(offices.values()), "")
        if not values["street_address"]:
            raise RecordError("the visiting address has no street")
        location, _outcome = upsert(
            Location, source=SOURCE, source_id=ptv_id, values=values, record=record
        )
        return location

    def _hours(self, channel: ServiceChannel, record: dict) -> None:
        channel.hours.all().delete()
        channel.exceptions.all().delete()
        weekly, exceptions = [], []
        for hours in _list(record, "serviceHours"):
            if not isinstance(hours, dict):
                raise RecordError("serviceHours: each item must be an object")
            hour_type = hours.get("serviceHourType")
            valid_from = _date(hours.get("validFrom"))
            valid_to = _date(hours.get("validTo"))
            periods = [p for p in hours.get("openingHour") or [] if isinstance(p, dict)]
            if hour_type in ("Exception", "Exceptional"):
                if valid_from is None:
                    raise RecordError("exceptional service hours without validFrom")
                last = valid_to or valid_from
                if (last - valid_from).days > MAX_EXCEPTION_DAYS or last < valid_from:
                    raise RecordError("exceptional service hours span more than a year")
                closed = bool(hours.get("isClosed")) or not periods
                opens = closes = None
                if not closed:
                    opens, closes = _time(periods[0].get("from")), _time(periods[0].get("to"))
                day = valid_from
                while day <= last:
                    exceptions.append(
                        HoursException(
                            channel=channel, date=day, closed=closed, opens=opens, closes=closes
                        )
                    )
                    day += datetime.timedelta(days=1)
                continue
            if hours.get("isClosed"):
                continue
            for period in periods:
                first = WEEKDAYS.get(period.get("dayFrom"))
                if first is None:
                    raise RecordError(f"unknown weekday {str(period.get('dayFrom'))[:20]!r}")
                last_day = WEEKDAYS.get(period.get("dayTo") or period.get("dayFrom"), first)
                opens, closes = _time(period.get("from")), _time(period.get("to"))
                days = range(first, (last_day if last_day >= first else last_day + 7) + 1)
                for day in days:
                    weekday = day % 7
                    spans = [(opens, closes)]
                    if closes <= opens:  # over midnight: split at midnight
                        spans = [(opens, datetime.time(23, 59, 59))]
                        if closes > datetime.time(0):
                            spans.append((datetime.time(0), closes))
                    for index, (start, end) in enumerate(spans):
                        weekly.append(
                            OpeningHours(
                                channel=channel,
                                weekday=(weekday + index) % 7,
                                opens=start,
                                closes=end,
                                valid_from=valid_from,
                                valid_to=valid_to,
                            )
                        )
        OpeningHours.objects.bulk_create(weekly)
        HoursException.objects.bulk_create(exceptions)

    def import_channel(self, raw: dict):
        record = normalise(raw, "channel")
        ptv_id = _uuid(record.get("id"), "id")
        channel_type = record.get("serviceChannelType")
        if channel_type not in CHANNEL_KINDS:
            raise RecordError(f"unknown serviceChannelType {str(channel_type)[:40]!r}")
        kind = CHANNEL_KINDS[channel_type]
        label = f"channel {ptv_id}"
        linked: list[Service] = []
        missing = []
        for link in _list(record, "services"):
            service_ref = link.get("service") if isinstance(link, dict) else None
            if not isinstance(service_ref, dict):
                raise RecordError("services: each item must have a service object")
            service_id = _uuid(service_ref.get("id"), "service id")
            service = self._service(service_id)
            if service is None:
                missing.append(service_id)
            elif service not in linked:
                linked.append(service)
        if missing:
            self.report.note(
                label,
                f"{len(missing)} linked service(s) not in the catalogue: {', '.join(missing[:3])}"
                + ("…" if len(missing) > 3 else ""),
            )
        if not linked:
            raise RecordError("none of the channel's services is in the catalogue")
        organization = None
        if record.get("organizationId"):
            organization = self.organization(_uuid(record["organizationId"], "organizationId"))
        location = None
        if kind == ServiceChannel.Kind.IN_PERSON:
            location = self._location(record, ptv_id, organization or linked[0].organization)
        descriptions = _list(record, "serviceChannelDescriptions")
        description = localized(descriptions, "Summary") or localized(descriptions, "Description")
        phones = [
            p
            for key in ("phoneNumbers", "supportPhones")
            for p in _list(record, key)
            if isinstance(p, dict) and p.get("type", "Phone") == "Phone" and p.get("number")
        ]
        phone = _phone(phones[0]) if phones else ""
        charge = {}
        if phones:
            charge = {
                p.get("language"): p.get("chargeDescription")
                for p in phones
                if p.get("chargeDescription")
            }
        url = _first_url(_list(record, "webPages")) or _first_url(
            [
                {"url": u.get("value") or u.get("url"), "language": u.get("language")}
                for key in ("channelUrls", "urls")
                for u in _list(record, key)
                if isinstance(u, dict)
            ]
        )
        email = _first_value(_list(record, "supportEmails")) or _first_value(
            _list(record, "emails")
        )
        values = {
            "kind": kind,
            "location": location,
            **_translated("description", description),
            "phone": phone,
            **_translated("phone_charge", {k: v for k, v in charge.items() if k in LANGS}, 200),
            "url": _clean_url(url, label, self.report),
            "email": _clean_email(email, label, self.report),
        }
        values["description"] = values["description_fi"]
        values["phone_charge"] = values["phone_charge_fi"]
        outcomes, touched = [], set()
        wanted = set()
        for service in linked:
            source_id = f"{ptv_id}/{service.source_id}"
            wanted.add(source_id)
            channel, outcome = upsert(
                ServiceChannel,
                source=SOURCE,
                source_id=source_id,
                values={**values, "service": service},
                record=raw,
            )
            if outcome != UNCHANGED:
                self._hours(channel, record)
                touched.add(service.pk)
            outcomes.append(outcome)
        # This channel's rows: source ids from "<id>/" up to "<id>0" ("0" follows "/").
        stale = (
            by_source(ServiceChannel, SOURCE)
            .filter(source_id__gt=f"{ptv_id}/", source_id__lt=f"{ptv_id}0")
            .exclude(source_id__in=wanted)
        )
        stale_rows = list(stale.values_list("pk", "service_id"))
        removed = 0
        if stale_rows:
            touched |= {service_id for _pk, service_id in stale_rows}
            removed, _detail = ServiceChannel.objects.filter(
                pk__in=[pk for pk, _s in stale_rows]
            ).delete()
        if CREATED in outcomes and UPDATED not in outcomes and not removed:
            outcome = CREATED if all(o == CREATED for o in outcomes) else UPDATED
        elif UPDATED in outcomes or CREATED in outcomes or removed:
            outcome = UPDATED
        else:
            outcome = UNCHANGED
        return "channel", outcome, touched


def _date(value) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        raise RecordError(f"{str(value)[:40]!r} is not a date") from None


def _time(value) -> datetime.time:
    try:
        return datetime.time.fromisoformat(str(value))
    except ValueError:
        raise RecordError(f"{str(value)[:20]!r} is not a time of day") from None


def _has_coordinates(record: dict) -> bool:
    for address in record.get("addresses") or []:
        street = address.get("streetAddress") if isinstance(address, dict) else None
        if isinstance(street, dict):
            try:
                if to_wgs84(street.get("latitude"), street.get("longitude")):
                    return True
            except RecordError:
                return False
    return False


def import_path(path: Path, *, batch_size: int | None = None) -> Report:
    """Import every PTV JSON file under ``path`` (organisations, services, channels)."""
    report = Report()
    found = load(Path(path), report)
    importer = Importer(report)
    options = {"batch_size": batch_size} if batch_size else {}
    run(found["organization"], importer.guarded(importer.import_organization), report, **options)
    run(found["service"], importer.guarded(importer.import_service), report, **options)
    # Located channels first, so one without coordinates can use its postal code's.
    channels = sorted(found["channel"], key=lambda item: not _has_coordinates(item[1]))
    run(channels, importer.guarded(importer.import_channel), report, **options)
    return report
