"""HSDS 3.0 JSON → catalogue: single records, arrays, paged responses, tabular.

Each service, organisation or service_at_location is first validated against
the official compiled schema (wrong types, unknown enum values and missing
required fields are refused with the schema's reason), then mapped. Text in
plain HSDS fields goes to the language given (Finnish by default); the
profile's ``<field>_translations`` give all three. A location the catalogue
cannot place (outside Finland, no municipality) is left out of its service
with a note; the service itself is imported.
"""

from __future__ import annotations

import datetime
import re
import uuid
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from perhekeskus.catalogue.hsds import schemas
from perhekeskus.catalogue.hsds.batch import (
    UNCHANGED,
    UPDATED,
    RecordError,
    Report,
    by_source,
    describe,
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

SOURCE = Service.Source.HSDS
LANGS = ("fi", "sv", "en")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_AGE = 29
TABLES = {"organizations.csv": "organization", "services.csv": "service"}
PAGE_KEYS = {"total_items", "contents"}


def kind_of(record) -> str | None:
    if not isinstance(record, dict):
        return None
    if "status" in record:
        return "service"
    if "location" in record or ("service_id" in record and "location_id" in record):
        return "service_at_location"
    if "location_type" in record:
        return "location"
    if {"version", "openapi_url"} & set(record) and "name" not in record:
        return "meta"
    if "taxonomy" in record or "taxonomy_id" in record or "code" in record:
        return "taxonomy_term"
    if "uri" in record and "version" in record:
        return "taxonomy"
    if "name" in record and "description" in record:
        return "organization"
    return None


def iter_records(data, label: str):
    """``(label, kind, record)`` for every record in one parsed file."""
    if isinstance(data, dict) and PAGE_KEYS <= set(data):
        data = data["contents"]
    if isinstance(data, dict) and any(key.endswith(".csv") for key in data):
        for table, rows in data.items():
            kind = TABLES.get(table)
            for index, row in enumerate(rows if isinstance(rows, list) else []):
                yield f"{label} {table}#{index + 1}", kind or f"table {table}", row
        return
    if isinstance(data, list):
        for index, record in enumerate(data):
            yield f"{label}#{index + 1}", kind_of(record), record
        return
    yield label, kind_of(data), data


def _translations(record: dict, key: str, language: str) -> dict[str, str]:
    values = {}
    given = record.get(f"{key}_translations")
    if isinstance(given, dict):
        for lang in LANGS:
            value = given.get(lang)
            if isinstance(value, str) and value.strip():
                values[lang] = value.strip()
    plain = record.get(key)
    if isinstance(plain, str) and plain.strip() and language not in values and not given:
        values[language] = plain.strip()
    return values


def _fields(name: str, values: dict[str, str], max_length: int | None = None) -> dict:
    out = {}
    for lang in LANGS:
        value = values.get(lang, "")
        if max_length and len(value) > max_length:
            raise RecordError(f"{name} ({lang}): longer than {max_length} characters")
        out[f"{name}_{lang}"] = value
    out[name] = out["name_fi" if name == "name" else f"{name}_fi"] or next(
        iter(values.values()), ""
    )
    return out


def _summary(values: dict[str, str]) -> dict[str, str]:
    """A first sentence of each description, for services without a summary."""
    out = {}
    for lang, text in values.items():
        sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
        out[lang] = sentence if len(sentence) <= 500 else sentence[:499].rsplit(" ", 1)[0] + "…"
    return out


def _time(value, what: str) -> datetime.time:
    try:
        return datetime.time.fromisoformat(str(value))
    except ValueError:
        raise RecordError(f"{what}: {str(value)[:20]!r} is not a time of day") from None


def _date(value, what: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise RecordError(f"{what}: {str(value)[:20]!r} is not a date") from None


def _schema_check(kind: str, record) -> None:
    problems = schemas.errors(kind, record)
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise RecordError("not valid HSDS: " + "; ".join(problems[:3]) + more)


class Importer:
    def __init__(self, report: Report, language: str = "fi"):
        self.report = report
        self.language = language
        self.seen: dict[tuple[str, str], str] = {}

    # --- lookups ---

    def municipality(self, location: dict, address: dict) -> Municipality:
        code = location.get("municipality_code")
        if code:
            found = Municipality.objects.filter(code=str(code)).first()
            if found is None:
                raise RecordError(f"municipality code {str(code)[:10]!r} is not known")
            return found
        names = [address.get(k) for k in ("region", "city")] + [location.get("municipality")]
        for name in names:
            if not isinstance(name, str) or not name.strip():
                continue
            for field in ("name_fi", "name_sv", "name_en"):
                found = Municipality.objects.filter(**{f"{field}__iexact": name.strip()}).first()
                if found is not None:
                    return found
        raise RecordError("no Finnish municipality matches the address (give municipality_code)")

    def language_row(self, item: dict) -> Language:
        code = item.get("code")
        if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", code):
            raise RecordError(f"language code {str(code)[:20]!r} is not an ISO 639 code")
        language = Language.objects.filter(code=code).first()
        if language is None:
            language = Language.objects.create(code=code, name=item.get("name") or code)
        return language

    # --- organisations ---

    def import_organization(self, record: dict, *, nested: bool = False):
        if not nested:
            _schema_check("organization", record)
        names = _translations(record, "name", self.language)
        if not names:
            raise RecordError("the organisation has no name")
        kind = record.get("kind", Organization.Kind.NGO)
        if kind not in Organization.Kind.values:
            raise RecordError(f"unknown organisation kind {str(kind)[:30]!r}")
        values = {
            **_fields("name", names, 200),
            **_fields("description", _translations(record, "description", self.language)),
            "kind": kind,
            "business_id": str(record.get("tax_id") or "")[:20],
            "website": record.get("website") or "",
            "email": record.get("email") or "",
            "phone": next(
                (str(p.get("number"))[:40] for p in record.get("phones") or [] if p.get("number")),
                "",
            ),
        }
        code = record.get("municipality_code")
        values["municipality"] = Municipality.objects.filter(code=code).first() if code else None
        org, outcome = upsert(
            Organization,
            source=SOURCE,
            source_id=record["id"],
            values=values,
            record=record,
            pk=uuid.UUID(record["id"]),
        )
        touched = set()
        if not nested:
            for service in record.get("services") or []:
                if isinstance(service, dict) and "status" in service:
                    service = {"organization_id": record["id"], **service}
                    _kind, service_outcome, ids = self._nested(service)
                    touched |= ids
                    if service_outcome != UNCHANGED and outcome == UNCHANGED:
                        outcome = UPDATED
        return "organization", outcome, touched

    def _nested(self, service: dict):
        """A service inside an organisation: created when new, never overwritten —
        the service's own record is the fuller one."""
        if by_source(Service, SOURCE).filter(source_id=service.get("id")).exists():
            return "service", UNCHANGED, set()
        try:
            with transaction.atomic():
                kind, outcome, ids = self.import_service(service)
        except (RecordError, ValidationError, DatabaseError) as error:
            self.report.note(f"service {service.get('id')}", f"left out: {describe(error)}")
            return "service", UNCHANGED, set()
        self.report.count(kind, outcome)
        return kind, outcome, ids

    # --- services ---

    def _organization_of(self, record: dict) -> Organization:
        nested = record.get("organization")
        if isinstance(nested, dict):
            # Created from the service when new; an organisation's own record updates it.
            _schema_check("organization", nested)
            org_id = nested["id"]
            if not by_source(Organization, SOURCE).filter(source_id=org_id).exists():
                kind, outcome, _ids = self.import_organization(nested, nested=True)
                self.report.count(kind, outcome)
        else:
            org_id = record.get("organization_id")
        if not org_id:
            raise RecordError("the service has no organization or organization_id")
        org = by_source(Organization, SOURCE).filter(source_id=org_id).first()
        org = org or Organization.objects.filter(pk=org_id).first()
        if org is None:
            raise RecordError(f"organisation {org_id} is not in the catalogue; import it first")
        return org

    def import_service(self, record: dict):
        _schema_check("service", record)
        organization = self._organization_of(record)
        names = _translations(record, "name", self.language)
        descriptions = _translations(record, "description", self.language)
        summary = _translations(record, "summary", self.language) or _summary(descriptions)
        ages = {}
        for key, field in (("minimum_age", "age_min"), ("maximum_age", "age_max")):
            value = record.get(key)
            if value is None:
                ages[field] = None
            elif value < 0:
                raise RecordError(f"{key} must not be negative")
            elif value > MAX_AGE:
                ages[field] = None
                self.report.note(
                    f"service {record['id']}",
                    f"{key} {value} is beyond a child's age: imported as no limit",
                )
            else:
                ages[field] = int(value)
        if ages["age_min"] is not None and ages["age_max"] is not None:
            if ages["age_min"] > ages["age_max"]:
                raise RecordError("minimum_age is greater than maximum_age")
        assured = _date(record.get("assured_date"), "assured_date")
        values = {
            "organization": organization,
            **_fields("name", names, 200),
            **_fields("summary", summary, 500),
            **_fields("description", descriptions),
            **_fields(
                "how_to_get_help", _translations(record, "application_process", self.language)
            ),
            **_fields(
                "eligibility_description",
                _translations(record, "eligibility_description", self.language),
            ),
            **_fields("fee_description", _translations(record, "fees_description", self.language)),
            "status": Service.Status.ACTIVE
            if record["status"] == "active"
            else Service.Status.INACTIVE,
            "cost": self._cost(record),
            "url": record.get("url") or "",
            "email": record.get("email") or "",
            "anonymous": bool(record.get("anonymous", False)),
            "referral_required": bool(record.get("referral_required", False)),
            "low_threshold": bool(record.get("low_threshold", False)),
            "national": bool(record.get("national", False)),
            "last_reviewed_at": datetime.datetime.combine(assured, datetime.time(), datetime.UTC)
            if assured
            else None,
            **ages,
        }
        service, outcome = upsert(
            Service,
            source=SOURCE,
            source_id=record["id"],
            values=values,
            record=record,
            pk=uuid.UUID(record["id"]),
        )
        if outcome != UNCHANGED:
            self._relations(service, record)
            self._channels(service, record)
        return "service", outcome, {service.pk} if outcome != UNCHANGED else set()

    def _cost(self, record: dict) -> str:
        if record.get("cost") is not None:
            if record["cost"] not in Service.Cost.values:
                raise RecordError(f"unknown cost {str(record['cost'])[:20]!r}")
            return record["cost"]
        options = [o for o in record.get("cost_options") or [] if isinstance(o, dict)]
        for option in options:
            if option.get("cost") in Service.Cost.values:
                return option["cost"]
        if options:
            return (
                Service.Cost.FREE
                if all(o.get("amount") == 0 for o in options)
                else Service.Cost.FEE
            )
        return Service.Cost.FEE if record.get("fees_description") else Service.Cost.FREE

    def _relations(self, service: Service, record: dict) -> None:
        service.languages.set([self.language_row(item) for item in record.get("languages") or []])
        areas = []
        for area in record.get("service_areas") or []:
            municipality = None
            if area.get("municipality_code"):
                municipality = Municipality.objects.filter(code=area["municipality_code"]).first()
            elif area.get("name"):
                municipality = Municipality.objects.filter(name_fi__iexact=area["name"]).first()
            if municipality is None:
                self.report.note(
                    f"service {record['id']}",
                    f"service area {str(area.get('name'))[:60]!r} is not a Finnish municipality",
                )
            elif municipality not in areas:
                areas.append(municipality)
        service.areas.set(areas)
        groups, situations = [], []
        for attribute in record.get("attributes") or []:
            term_data = attribute.get("taxonomy_term") or {}
            taxonomy = term_data.get("taxonomy") or attribute.get("link_type")
            term = TaxonomyTerm.objects.filter(
                taxonomy=taxonomy, code=term_data.get("code")
            ).first()
            if term is None:
                self.report.note(
                    f"service {record['id']}",
                    f"taxonomy term {str(term_data.get('code'))[:40]!r} of taxonomy "
                    f"{str(taxonomy)[:40]!r} is not in the catalogue's taxonomies",
                )
            elif term.taxonomy == TaxonomyTerm.Taxonomy.TARGET_GROUP:
                groups.append(term)
            else:
                situations.append(term)
        service.target_groups.set(groups)
        service.life_situations.set(situations)

    # --- channels and locations ---

    def _location(self, data: dict, organization: Organization) -> Location:
        _require(data, "location", ("id", "location_type"))
        lat, lon = data.get("latitude"), data.get("longitude")
        if lat is None or lon is None:
            raise RecordError("the location has no coordinates")
        if not in_finland(lat, lon):
            raise RecordError(f"coordinates {lat}, {lon} are outside Finland")
        addresses = [
            a
            for a in data.get("addresses") or []
            if a.get("address_type", "physical") == "physical"
        ] or list(data.get("addresses") or [])
        if not addresses:
            raise RecordError("the location has no address")
        address = addresses[0]
        if address.get("country") not in (None, "FI"):
            raise RecordError(f"the address is not in Finland (country {address.get('country')!r})")
        postal_code = str(address.get("postal_code") or "")
        if not re.fullmatch(r"\d{5}", postal_code):
            raise RecordError(f"postal code {postal_code[:20]!r} is not a Finnish postal code")
        municipality = self.municipality(data, address)
        access = (data.get("accessibility") or [{}])[0]
        features = set(access.get("features") or [])
        values = {
            "organization": organization,
            **_fields("name", _translations(data, "name", self.language), 200),
            **_fields("street_address", _translations(address, "address_1", self.language), 200),
            **_fields("post_office", _translations(address, "city", self.language), 100),
            **_fields("accessibility", _translations(access, "description", self.language)),
            "postal_code": postal_code,
            "municipality": municipality,
            "latitude": float(lat),
            "longitude": float(lon),
            **{
                flag: flag in features
                for flag in ("step_free_access", "accessible_toilet", "hearing_loop", "parking")
            },
        }
        location, _outcome = upsert(
            Location,
            source=SOURCE,
            source_id=data["id"],
            values=values,
            record=data,
            pk=uuid.UUID(data["id"]),
        )
        return location

    def _channel(self, service, source_id, values, record, schedules) -> ServiceChannel:
        channel, outcome = upsert(
            ServiceChannel,
            source=SOURCE,
            source_id=source_id,
            values={"service": service, **values},
            record=record,
            pk=uuid.UUID(source_id) if _is_uuid(source_id) else None,
        )
        if outcome != UNCHANGED:
            channel.hours.all().delete()
            channel.exceptions.all().delete()
            for schedule in schedules:
                self._schedule(channel, schedule)
        return channel

    def _schedule(self, channel: ServiceChannel, schedule: dict) -> None:
        if schedule.get("exception"):
            day = _date(schedule.get("valid_from") or schedule.get("dtstart"), "schedule date")
            if day is None:
                raise RecordError("an exception schedule needs valid_from")
            closed = bool(schedule.get("closed", True))
            HoursException.objects.create(
                channel=channel,
                date=day,
                closed=closed,
                opens=None if closed else _time(schedule.get("opens_at"), "opens_at"),
                closes=None if closed else _time(schedule.get("closes_at"), "closes_at"),
                **_fields("note", _translations(schedule, "description", self.language), 200),
            )
            return
        if not schedule.get("opens_at") or not schedule.get("closes_at"):
            return
        opens = _time(schedule["opens_at"], "opens_at")
        closes = _time(schedule["closes_at"], "closes_at")
        if opens >= closes:
            raise RecordError("a schedule closes before it opens")
        days = [d.strip() for d in str(schedule.get("byday") or "").split(",") if d.strip()]
        for day in days or WEEKDAYS[:5]:
            code = day[-2:]
            if code not in WEEKDAYS:
                raise RecordError(f"byday {day[:10]!r} is not a weekday")
            OpeningHours.objects.create(
                channel=channel,
                weekday=WEEKDAYS.index(code),
                opens=opens,
                closes=closes,
                valid_from=_date(schedule.get("valid_from"), "valid_from"),
                valid_to=_date(schedule.get("valid_to"), "valid_to"),
            )

    def _channels(self, service: Service, record: dict) -> None:
        kept: set[str] = set()
        schedules_by_channel: dict[str, list] = {}
        for schedule in record.get("schedules") or []:
            schedules_by_channel.setdefault(schedule.get("channel_id", ""), []).append(schedule)
        sals = {s["id"]: s for s in record.get("service_at_locations") or []}
        profile_channels = record.get("channels")
        if isinstance(profile_channels, list):
            entries = profile_channels
        else:
            entries = [
                {"id": p["id"], "kind": "phone", "phone": p.get("number"), "_phone": p}
                for p in record.get("phones") or []
            ] + [{"id": sal_id, "kind": "in_person"} for sal_id in sals]
        for order, entry in enumerate(entries):
            kind = entry.get("kind")
            if kind not in ServiceChannel.Kind.values:
                raise RecordError(f"unknown channel kind {str(kind)[:20]!r}")
            phone = entry.get("_phone") or {}
            values = {
                "kind": kind,
                "order": entry.get("order", order),
                **_fields(
                    "description",
                    _translations(
                        entry if "_phone" not in entry else phone, "description", self.language
                    ),
                ),
                **_fields(
                    "phone_charge",
                    _translations(
                        entry if "_phone" not in entry else phone, "phone_charge", self.language
                    ),
                    200,
                ),
                "phone": str(entry.get("phone") or "")[:40],
                "url": entry.get("url") or "",
                "email": entry.get("email") or "",
                "location": None,
            }
            schedules = schedules_by_channel.get(entry["id"], [])
            if kind == ServiceChannel.Kind.IN_PERSON:
                sal = sals.get(entry["id"])
                if sal is None or not isinstance(sal.get("location"), dict):
                    self.report.note(
                        f"service {record['id']}",
                        f"in-person channel {entry['id']} has no service_at_location with a location",
                    )
                    continue
                try:
                    values["location"] = self._location(sal["location"], service.organization)
                except RecordError as error:
                    self.report.note(
                        f"service {record['id']}",
                        f"service_at_location {entry['id']} left out: {describe(error)}",
                    )
                    continue
                values.update(
                    _fields("description", _translations(sal, "description", self.language))
                )
                values["email"] = values["email"] or sal.get("email") or ""
                if not values["phone"] and sal.get("phones"):
                    values["phone"] = str(sal["phones"][0].get("number") or "")[:40]
                schedules = sal.get("schedules") or []
            self._channel(
                service, entry["id"], values, entry if "_phone" not in entry else phone, schedules
            )
            kept.add(entry["id"])
        service.channels.filter(source=SOURCE).exclude(source_id__in=kept).delete()

    # --- service at location (top level) ---

    def import_service_at_location(self, record: dict):
        _schema_check("service_at_location", record)
        service_data = record.get("service")
        if isinstance(service_data, dict):
            sal = {k: v for k, v in record.items() if k != "service"}
            merged = {**service_data, "service_at_locations": [sal]}
            if "channels" in service_data:
                merged["channels"] = service_data["channels"]
            return self.import_service(merged)
        service = Service.objects.filter(pk=record.get("service_id")).first()
        if service is None:
            raise RecordError("the service of this service_at_location is not in the catalogue")
        self._channels(
            service,
            {"id": str(service.pk), "service_at_locations": [record]},
        )
        return "service_at_location", UPDATED, {service.pk}

    # --- dispatch ---

    def handle(self, item):
        kind, record, label = item
        if not isinstance(record, dict):
            raise RecordError(f"a record must be a JSON object, got {type(record).__name__}")
        record_id = record.get("id")
        if record_id is not None:
            key = (kind, str(record_id))
            file = label.split("#")[0].split(" ")[0]
            if key in self.seen:
                first = self.seen[key]
                if first.split("#")[0].split(" ")[0] == file:
                    raise RecordError(f"duplicate id: the same {kind} is already in {first}")
                # The same record in another file (a full record and its list
                # entry): the first, fuller one counts.
                self.report.note(label, f"{kind} {record_id} already read from {first}")
                return kind, UNCHANGED, set()
            self.seen[key] = label
        if kind == "service":
            return self.import_service(record)
        if kind == "organization":
            return self.import_organization(record)
        if kind == "service_at_location":
            return self.import_service_at_location(record)
        raise RecordError(f"not a record the importer handles ({kind})")


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _require(data: dict, what: str, keys) -> None:
    missing = [key for key in keys if not data.get(key)]
    if missing:
        raise RecordError(f"{what}: missing {', '.join(missing)}")


IGNORED = {
    "meta": "API meta information, not a record",
    "taxonomy": "the catalogue's taxonomies are its own; a foreign taxonomy is not imported",
    "taxonomy_term": "terms of other taxonomies are kept on the services that use them",
    "location": "a location is imported with the service offered there (service_at_location)",
}


def import_path(path: Path, *, language: str = "fi", batch_size: int | None = None) -> Report:
    report = Report()
    importer = Importer(report, language)
    items: list[tuple[str, tuple[str, dict]]] = []
    order = {"organization": 0, "service": 1, "service_at_location": 2}
    for file in json_files(Path(path)):
        data = read_json(file, report)
        if data is None:
            continue
        for label, kind, record in iter_records(data, file.name):
            if kind in order:
                items.append((label, (kind, record, label)))
            elif kind in IGNORED or (kind or "").startswith("table "):
                report.note(
                    label,
                    f"not imported: {IGNORED.get(kind, 'a table the catalogue keeps inside services')}",
                )
            else:
                report.skip(label, "not an HSDS service, organization or service_at_location")
    items.sort(key=lambda item: order[item[1][0]])
    options = {"batch_size": batch_size} if batch_size else {}
    run(items, importer.handle, report, **options)
    return report
