"""Writes the demo region into the database.

Idempotent: every row has a stable key (UUID5 from the demo key, or the
natural code of municipalities, terms and languages), so loading again
updates in place. Everything runs in one transaction with bulk writes; the
loaded services are then indexed for search.
"""

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone, translation

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
from perhekeskus.programme.models import Municipality, Region

from . import schedules
from .locations import LOCATIONS
from .organizations import ORGANIZATIONS
from .region import PLACES, PLACES_BY_CODE, REGION_CODE, REGION_NAME
from .schema import LocationData, ServiceData, Text
from .services_county import COUNTY_SERVICES
from .services_municipal import municipal_services
from .services_national import NATIONAL_SERVICES
from .services_network import NETWORK_SERVICES
from .vocabulary import LANGUAGES, LIFE_SITUATIONS, TARGET_GROUPS

NAMESPACE = uuid.UUID("0b5c3f0e-52b4-4c4e-9a57-6d1f1a5e7d21")
LANGS = ("fi", "sv", "en")


def stable_id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


def all_services() -> list[ServiceData]:
    return [*municipal_services(), *COUNTY_SERVICES, *NETWORK_SERVICES, *NATIONAL_SERVICES]


@dataclass(frozen=True)
class LoadSummary:
    municipalities: int
    organizations: int
    locations: int
    services: int
    channels: int


class DemoDataError(ValueError):
    """The demo data contradicts itself (a bug in the data modules)."""


def check_data(services: list[ServiceData]) -> None:
    """Fail early, with the offending key, on anything the database or the
    demo's promises (Swedish where bilingual, etc.) would not accept."""
    problems = []
    keys = [s.key for s in services]
    if len(keys) != len(set(keys)):
        problems.append("duplicate service keys")
    organizations = {o.key for o in ORGANIZATIONS}
    locations = {loc.key for loc in LOCATIONS}
    terms = {code for code, _n, _d in (*LIFE_SITUATIONS, *TARGET_GROUPS)}
    languages = {code for code, _n, _e in LANGUAGES}
    bilingual = {p.code for p in PLACES if p.bilingual}
    for loc in LOCATIONS:
        if loc.organization not in organizations or loc.municipality not in PLACES_BY_CODE:
            problems.append(f"location {loc.key}: unknown organisation or municipality")
    for s in services:
        where = f"service {s.key}"
        if s.organization not in organizations:
            problems.append(f"{where}: unknown organisation {s.organization}")
        if not all((s.name[0], s.summary[0], s.description[0], s.how_to_get_help[0])):
            problems.append(f"{where}: Finnish text missing")
        if (s.national or bilingual & set(s.areas)) and not (s.name[1] and s.summary[1]):
            problems.append(f"{where}: Swedish name and summary required")
        if s.national == bool(s.areas):
            problems.append(f"{where}: national services have no areas, others need some")
        if any(len(text) > 200 for text in s.name) or any(len(text) > 500 for text in s.summary):
            problems.append(f"{where}: name or summary too long")
        if set(s.groups) - terms or set(s.situations) - terms or set(s.languages) - languages:
            problems.append(f"{where}: unknown taxonomy code or language")
        if s.cost != "free" and not s.fee[0]:
            problems.append(f"{where}: fee description missing")
        if not s.channels:
            problems.append(f"{where}: no channels")
        for channel in s.channels:
            if (channel.kind == "in_person") != bool(channel.location):
                problems.append(f"{where}: only in-person channels have a location")
            if channel.location and channel.location not in locations:
                problems.append(f"{where}: unknown location {channel.location}")
            if channel.hours and channel.hours not in schedules.WEEKLY:
                problems.append(f"{where}: unknown hours {channel.hours}")
            if channel.phone_charge and channel.phone_charge not in schedules.PHONE_CHARGES:
                problems.append(f"{where}: unknown call charge {channel.phone_charge}")
    if problems:
        raise DemoDataError("; ".join(problems))


def _tr(field: str, text: Text) -> dict[str, str | None]:
    """Translated columns; a language the text is not written in stays empty."""
    return {f"{field}_{lang}": value or None for lang, value in zip(LANGS, text, strict=True)}


def _upsert(model: type[models.Model], objects: list, unique_fields: Iterable[str] = ("id",)):
    unique_fields = list(unique_fields)
    keep = {"created_at", "version", *unique_fields}
    update_fields = [
        f.name for f in model._meta.concrete_fields if not f.primary_key and f.name not in keep
    ]
    model.objects.bulk_create(
        objects, update_conflicts=True, unique_fields=unique_fields, update_fields=update_fields
    )


def _accessibility(loc: LocationData) -> Text:
    parts = {
        "fi": [
            "Sisäänkäynti on esteetön." if loc.step_free_access else "Sisäänkäynnillä on portaita.",
            "Rakennuksessa on esteetön wc."
            if loc.accessible_toilet
            else "Esteetöntä wc:tä ei ole.",
        ],
        "sv": [
            "Ingången är tillgänglig." if loc.step_free_access else "Vid ingången finns trappor.",
            "Det finns en tillgänglig toalett."
            if loc.accessible_toilet
            else "Det finns ingen tillgänglig toalett.",
        ],
        "en": [
            "The entrance is step-free."
            if loc.step_free_access
            else "There are steps at the entrance.",
            "There is an accessible toilet."
            if loc.accessible_toilet
            else "There is no accessible toilet.",
        ],
    }
    if loc.hearing_loop:
        parts["fi"].append("Asiakaspalvelussa on induktiosilmukka.")
        parts["sv"].append("Kundbetjäningen har hörslinga.")
        parts["en"].append("There is a hearing loop at the reception.")
    parts["fi"].append(
        "Pysäköintipaikkoja on rakennuksen vieressä, myös liikkumisesteisille."
        if loc.parking
        else "Lähin pysäköinti on kadunvarressa."
    )
    parts["sv"].append(
        "Parkering finns intill byggnaden, även för personer med funktionsnedsättning."
        if loc.parking
        else "Närmaste parkering finns längs gatan."
    )
    parts["en"].append(
        "Parking next to the building, including disabled parking."
        if loc.parking
        else "The nearest parking is on the street."
    )
    for lang, note in zip(LANGS, loc.accessibility_note, strict=True):
        if note:
            parts[lang].append(note)
    return tuple(" ".join(parts[lang]) for lang in LANGS)  # type: ignore[return-value]


def _load_region() -> tuple[Region, dict[str, Municipality]]:
    region, _ = Region.objects.update_or_create(
        code=REGION_CODE,
        defaults={"kind": Region.Kind.WELLBEING_COUNTY, **_tr("name", REGION_NAME)},
    )
    municipalities = {}
    for place in PLACES:
        municipalities[place.code], _ = Municipality.objects.update_or_create(
            code=place.code,
            defaults={"bilingual": place.bilingual, "region": region, **_tr("name", place.name)},
        )
    return region, municipalities


def _load_vocabulary() -> tuple[dict[str, TaxonomyTerm], dict[str, Language]]:
    terms = []
    for taxonomy, rows in (
        (TaxonomyTerm.Taxonomy.LIFE_SITUATION, LIFE_SITUATIONS),
        (TaxonomyTerm.Taxonomy.TARGET_GROUP, TARGET_GROUPS),
    ):
        for order, (code, name, description) in enumerate(rows):
            terms.append(
                TaxonomyTerm(
                    taxonomy=taxonomy,
                    code=code,
                    order=order,
                    **_tr("name", name),
                    **_tr("description", description),
                )
            )
    _upsert(TaxonomyTerm, terms, unique_fields=("taxonomy", "code"))
    _upsert(
        Language,
        [
            Language(code=code, endonym=endonym, **_tr("name", name))
            for code, name, endonym in LANGUAGES
        ],
        unique_fields=("code",),
    )
    codes = [code for code, _n, _d in (*LIFE_SITUATIONS, *TARGET_GROUPS)]
    by_code = {(t.taxonomy, t.code): t for t in TaxonomyTerm.objects.filter(code__in=codes)}
    life = {
        code: by_code[(TaxonomyTerm.Taxonomy.LIFE_SITUATION, code)] for code, *_ in LIFE_SITUATIONS
    }
    groups = {
        code: by_code[(TaxonomyTerm.Taxonomy.TARGET_GROUP, code)] for code, *_ in TARGET_GROUPS
    }
    languages = {
        lang.code: lang
        for lang in Language.objects.filter(code__in=[code for code, *_ in LANGUAGES])
    }
    return {
        **{f"life:{k}": v for k, v in life.items()},
        **{f"group:{k}": v for k, v in groups.items()},
    }, languages


def _load_organizations(municipalities: dict[str, Municipality]) -> None:
    _upsert(
        Organization,
        [
            Organization(
                id=stable_id("organization", org.key),
                kind=org.kind,
                business_id=org.business_id,
                website=org.website,
                email=org.email,
                phone=org.phone,
                municipality=municipalities.get(org.municipality) if org.municipality else None,
                **_tr("name", org.name),
                **_tr("description", org.description),
            )
            for org in ORGANIZATIONS
        ],
    )


def _load_locations(municipalities: dict[str, Municipality]) -> None:
    objects = []
    for loc in LOCATIONS:
        place = PLACES_BY_CODE[loc.municipality]
        post_office = place.post_office if place.bilingual else (place.post_office[0], "", "")
        street = loc.street_address if place.bilingual else (loc.street_address[0], "", "")
        objects.append(
            Location(
                id=stable_id("location", loc.key),
                organization_id=stable_id("organization", loc.organization),
                municipality=municipalities[loc.municipality],
                postal_code=loc.postal_code,
                latitude=loc.latitude,
                longitude=loc.longitude,
                step_free_access=loc.step_free_access,
                accessible_toilet=loc.accessible_toilet,
                hearing_loop=loc.hearing_loop,
                parking=loc.parking,
                **_tr("name", loc.name),
                **_tr("street_address", street),
                **_tr("post_office", post_office),
                **_tr("accessibility", _accessibility(loc)),
            )
        )
    _upsert(Location, objects)


def _reviewed_at(service: ServiceData, today: datetime.date) -> datetime.datetime:
    day = today - datetime.timedelta(days=service.reviewed_days_ago)
    return datetime.datetime.combine(
        day, datetime.time(10, 0), tzinfo=timezone.get_default_timezone()
    )


def _exceptions(
    channel_id: uuid.UUID, hours_key: str, summer_break: bool, today: datetime.date
) -> list[HoursException]:
    weekly = schedules.WEEKLY[hours_key]
    if hours_key == "always":
        return []
    by_day = {day: (opens, closes) for day, opens, closes in weekly}
    rows: dict[datetime.date, HoursException] = {}
    for date, names in schedules.holidays_ahead(today):
        if date.weekday() in by_day:
            note = tuple(
                template.format(name)
                for template, name in zip(schedules.CLOSED_FOR, names, strict=True)
            )
            rows[date] = HoursException(
                channel_id=channel_id, date=date, closed=True, **_tr("note", note)
            )
    for date, names in schedules.early_closing_days(today):
        opening = by_day.get(date.weekday())
        if date in rows or not opening:
            continue
        opens, closes = opening
        if opens < schedules.EARLY_CLOSING_TIME < closes:
            note = tuple(
                template.format(name)
                for template, name in zip(schedules.SHORT_DAY, names, strict=True)
            )
            rows[date] = HoursException(
                channel_id=channel_id,
                date=date,
                closed=False,
                opens=opens,
                closes=schedules.EARLY_CLOSING_TIME,
                **_tr("note", note),
            )
    if summer_break:
        for date in schedules.summer_break_days(today):
            if date.weekday() in by_day and date not in rows:
                rows[date] = HoursException(
                    channel_id=channel_id,
                    date=date,
                    closed=True,
                    **_tr("note", schedules.SUMMER_BREAK),
                )
    return list(rows.values())


def _load_services(
    services: list[ServiceData],
    municipalities: dict[str, Municipality],
    terms: dict[str, TaxonomyTerm],
    languages: dict[str, Language],
    today: datetime.date,
) -> tuple[list[uuid.UUID], int]:
    service_rows, channel_rows, hour_rows, exception_rows = [], [], [], []
    links: dict[str, list] = {
        "target_groups": [],
        "life_situations": [],
        "languages": [],
        "areas": [],
    }
    for data in services:
        service_id = stable_id("service", data.key)
        service_rows.append(
            Service(
                id=service_id,
                organization_id=stable_id("organization", data.organization),
                status=Service.Status.ACTIVE,
                age_min=data.age_min,
                age_max=data.age_max,
                cost=data.cost,
                anonymous=data.anonymous,
                referral_required=data.referral_required,
                low_threshold=data.low_threshold,
                national=data.national,
                email=data.email,
                url=data.url,
                last_reviewed_at=_reviewed_at(data, today),
                **_tr("name", data.name),
                **_tr("summary", data.summary),
                **_tr("description", data.description),
                **_tr("how_to_get_help", data.how_to_get_help),
                **_tr("eligibility_description", data.eligibility),
                **_tr("fee_description", data.fee),
            )
        )
        links["target_groups"] += [(service_id, terms[f"group:{code}"].pk) for code in data.groups]
        links["life_situations"] += [
            (service_id, terms[f"life:{code}"].pk) for code in data.situations
        ]
        links["languages"] += [(service_id, languages[code].pk) for code in data.languages]
        links["areas"] += [(service_id, municipalities[code].pk) for code in data.areas]
        for order, channel in enumerate(data.channels):
            channel_id = stable_id("channel", f"{data.key}:{order}")
            channel_rows.append(
                ServiceChannel(
                    id=channel_id,
                    service_id=service_id,
                    kind=channel.kind,
                    location_id=stable_id("location", channel.location)
                    if channel.location
                    else None,
                    phone=channel.phone,
                    url=channel.url,
                    email=channel.email,
                    order=order,
                    **_tr("description", channel.description),
                    **_tr(
                        "phone_charge",
                        schedules.PHONE_CHARGES[channel.phone_charge]
                        if channel.phone_charge
                        else ("", "", ""),
                    ),
                )
            )
            if channel.hours:
                hour_rows += [
                    OpeningHours(channel_id=channel_id, weekday=day, opens=opens, closes=closes)
                    for day, opens, closes in schedules.WEEKLY[channel.hours]
                ]
                exception_rows += _exceptions(
                    channel_id, channel.hours, channel.summer_break, today
                )

    service_ids = [row.id for row in service_rows]
    channel_ids = [row.id for row in channel_rows]
    _upsert(Service, service_rows)
    # Channels dropped from the data since the last load go away (with their hours).
    ServiceChannel.objects.filter(service_id__in=service_ids).exclude(id__in=channel_ids).delete()
    _upsert(ServiceChannel, channel_rows)
    OpeningHours.objects.filter(channel_id__in=channel_ids).delete()
    OpeningHours.objects.bulk_create(hour_rows)
    HoursException.objects.filter(channel_id__in=channel_ids).delete()
    HoursException.objects.bulk_create(exception_rows)
    for field_name, pairs in links.items():
        field = Service._meta.get_field(field_name)
        through = field.remote_field.through
        own, other = field.m2m_column_name(), field.m2m_reverse_name()
        through.objects.filter(**{f"{own}__in": service_ids}).delete()
        through.objects.bulk_create([through(**{own: s, other: o}) for s, o in pairs])
    return service_ids, len(channel_rows)


def load_demo_region(*, today: datetime.date | None = None) -> LoadSummary:
    """Load (or refresh) the demo region and index its services for search."""
    from perhekeskus.catalogue.search import index_services

    today = today or timezone.localdate()
    services = all_services()
    check_data(services)
    # The untranslated base columns take the Finnish text.
    with translation.override("fi"), transaction.atomic():
        _region, municipalities = _load_region()
        terms, languages = _load_vocabulary()
        _load_organizations(municipalities)
        _load_locations(municipalities)
        service_ids, channel_count = _load_services(
            services, municipalities, terms, languages, today
        )
        index_services(service_ids)
    return LoadSummary(
        municipalities=len(municipalities),
        organizations=len(ORGANIZATIONS),
        locations=len(LOCATIONS),
        services=len(service_ids),
        channels=channel_count,
    )


def demo_region_loaded() -> bool:
    return Region.objects.filter(code=REGION_CODE).exists()
