"""Importing indicators: the only code that writes them.

Each import is one transaction: the whole file is parsed and every area
resolved before anything is written, so a refused file leaves the database as
it was. Re-importing a file updates the figures in place (an observation is
keyed by indicator, area, year and gender) and never duplicates them.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from perhekeskus.programme.models import Municipality, Region

from . import parsing
from .models import ImportRun, Indicator, Observation, Source
from .parsing import COUNTRY_CODE, COUNTRY_LABELS, Area, ImportRefused, Parsed

DEFAULT_LICENCE = "CC BY 4.0"
LANGS = ("fi", "sv", "en")

__all__ = [
    "DEFAULT_LICENCE",
    "ImportRefused",
    "ImportSummary",
    "import_jsonstat",
    "import_sotkanet",
]


@dataclass
class ImportSummary:
    run: ImportRun
    indicators: list[str]
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        lines = [
            _(
                "%(file)s: %(rows)d rows, created %(created)d, updated %(updated)d, "
                "unchanged %(unchanged)d; indicators %(indicators)s"
            )
            % {
                "file": self.run.file_name,
                "rows": self.run.rows,
                "created": self.created,
                "updated": self.updated,
                "unchanged": self.unchanged,
                "indicators": ", ".join(self.indicators),
            }
        ]
        for reason, count in sorted(self.skipped.items()):
            lines.append(
                _("skipped %(count)d rows: %(reason)s") % {"count": count, "reason": reason}
            )
        return lines


@dataclass(frozen=True)
class _Place:
    kind: str
    code: str
    name: str
    region: Region | None
    municipality: Municipality | None


def _digits(code: str) -> str:
    return "".join(ch for ch in code if ch.isdigit())


class _Resolver:
    """Published areas → our area keys, regions and municipalities."""

    def __init__(self):
        self.regions = {r.code: r for r in Region.objects.all()}
        self.municipalities = {m.code: m for m in Municipality.objects.all()}

    def resolve(self, area: Area) -> _Place | str:
        """The place, or the reason it cannot be placed."""
        name = area.names[0]
        if area.kind == "country":
            return _Place("country", COUNTRY_CODE, name, None, None)
        if area.kind == "municipality":
            code = _digits(area.code).zfill(3)
            municipality = self.municipalities.get(code)
            if municipality is None:
                return _("municipality code %(code)s (%(name)s) is not known") % {
                    "code": area.code,
                    "name": name,
                }
            return _Place("municipality", code, municipality.name_fi or name, None, municipality)
        if area.kind == "organiser":
            code = area.code if area.code in self.regions else f"hva-{_digits(area.code).zfill(2)}"
            region = self.regions.get(code)
            municipality = self.municipalities.get(_digits(area.code).zfill(3))
            if region is None and municipality is not None and municipality.region_id:
                # Helsinki organises its own services: published under its municipality code.
                organiser = next(
                    (r for r in self.regions.values() if r.pk == municipality.region_id), None
                )
                if organiser is not None and organiser.kind == Region.Kind.CITY_ORGANISER:
                    region = organiser
            if region is None or region.kind == Region.Kind.LAPE_REGION:
                return _("wellbeing services county %(code)s (%(name)s) is not known") % {
                    "code": area.code,
                    "name": name,
                }
            return _Place("organiser", region.code, region.name_fi or name, region, None)
        # A region (maakunta): the LAPE region of the same number, except
        # Uusimaa, whose LAPE region leaves the capital area out.
        number = _digits(area.code).zfill(2)
        region = self.regions.get(f"lape-{number}") if number != "01" else None
        return _Place("region", f"maakunta-{number}", name, region, None)

    def lookup(self, category: str, label: str) -> Area | None:
        """An area of a JSON-stat cube from its category id and label."""
        lowered = label.strip().lower()
        if category.upper() in {"SSS", COUNTRY_CODE} or lowered in COUNTRY_LABELS:
            return Area("country", COUNTRY_CODE, (label, label, label))
        if re.fullmatch(r"\d{3}", category) and category in self.municipalities:
            return Area("municipality", category, (label, label, label))
        if category in self.regions:
            region = self.regions[category]
            kind = "region" if region.kind == Region.Kind.LAPE_REGION else "organiser"
            code = category if kind == "organiser" else category.removeprefix("lape-")
            return Area(kind, code, (label, label, label))
        for region in self.regions.values():
            names = {(getattr(region, f"name_{lang}") or "").lower() for lang in LANGS}
            if lowered in names:
                if region.kind == Region.Kind.LAPE_REGION:
                    return Area("region", region.code.removeprefix("lape-"), (label,) * 3)
                return Area("organiser", region.code, (label, label, label))
        for municipality in self.municipalities.values():
            if lowered in {(getattr(municipality, f"name_{lang}") or "").lower() for lang in LANGS}:
                return Area("municipality", municipality.code, (label, label, label))
        return None


def import_sotkanet(
    *,
    data: bytes,
    name: str,
    meta: list[tuple[str, bytes]],
    fetched_on: datetime.date,
    licence: str = DEFAULT_LICENCE,
    actor=None,
) -> ImportSummary:
    """Import Sotkanet REST 1.1 data rows with their indicator and region metadata."""
    document = parsing.load_json(data, name)
    if parsing.detect(document) != "sotkanet":
        raise ImportRefused(
            [_("%(name)s is a JSON-stat dataset: import it as a THL cube.") % {"name": name}]
        )
    regions: dict = {}
    indicators: dict = {}
    for meta_name, meta_data in meta:
        meta_document = parsing.load_json(meta_data, meta_name)
        items = meta_document if isinstance(meta_document, list) else [meta_document]
        if items and isinstance(items[0], dict) and "category" in items[0]:
            regions.update(parsing.sotkanet_regions(meta_document, meta_name))
        elif items and isinstance(items[0], dict) and "title" in items[0]:
            indicators.update(parsing.sotkanet_indicators(meta_document, meta_name))
        else:
            raise ImportRefused(
                [
                    _(
                        "%(name)s is neither Sotkanet indicator metadata nor Sotkanet "
                        "region metadata."
                    )
                    % {"name": meta_name}
                ]
            )
    if not regions:
        raise ImportRefused([_("Give Sotkanet's region metadata with --meta.")])
    if not indicators:
        raise ImportRefused([_("Give Sotkanet's indicator metadata with --meta.")])
    parsed = parsing.parse_sotkanet(document, regions=regions, indicators=indicators)
    return _write(parsed, name=name, fetched_on=fetched_on, licence=licence, actor=actor)


def import_jsonstat(
    *,
    data: bytes,
    name: str,
    fetched_on: datetime.date,
    licence: str = DEFAULT_LICENCE,
    cube: str | None = None,
    actor=None,
) -> ImportSummary:
    """Import a JSON-stat 2.0 dataset saved from THL's statistical cubes."""
    document = parsing.load_json(data, name)
    if parsing.detect(document) != "jsonstat":
        raise ImportRefused(
            [_("%(name)s is Sotkanet data: import it with its metadata.") % {"name": name}]
        )
    resolver = _Resolver()
    cube = cube or _cube_id(document, name)
    parsed = parsing.parse_jsonstat(document, cube=cube, area_lookup=resolver.lookup)
    return _write(
        parsed, name=name, fetched_on=fetched_on, licence=licence, actor=actor, resolver=resolver
    )


def _cube_id(document: dict, name: str) -> str:
    extension = document.get("extension") or {}
    if isinstance(extension, dict) and extension.get("cube"):
        return str(extension["cube"])
    href = str(document.get("href") or "").rstrip("/")
    if href:
        return re.sub(r"[^\w.-]+", "-", href.rsplit("/", 1)[-1]) or "cube"
    stem = name.rsplit("/", 1)[-1].removesuffix(".json")
    return re.sub(r"[^\w.-]+", "-", stem) or "cube"


@transaction.atomic
def _write(
    parsed: Parsed,
    *,
    name: str,
    fetched_on: datetime.date,
    licence: str,
    actor,
    resolver: _Resolver | None = None,
) -> ImportSummary:
    resolver = resolver or _Resolver()
    places: dict[Area, _Place] = {}
    problems = []
    for row in parsed.rows:
        if row.area in places:
            continue
        place = resolver.resolve(row.area)
        if isinstance(place, str):
            problems.append(place)
        else:
            places[row.area] = place
    if problems:
        raise ImportRefused(sorted(set(problems)))
    keys = [(r.indicator, places[r.area].code, r.year, r.gender) for r in parsed.rows]
    if len(set(keys)) != len(keys):
        seen, duplicates = set(), set()
        for key in keys:
            (duplicates if key in seen else seen).add(key)
        raise ImportRefused(
            [
                _("the same figure twice: %(keys)s")
                % {"keys": ", ".join(f"{i} {a} {y} {g}" for i, a, y, g in sorted(duplicates)[:10])}
            ]
        )

    run = ImportRun.objects.create(
        source=parsed.source,
        file_name=name[:255],
        fetched_on=fetched_on,
        licence=licence,
        rows=len(parsed.rows),
        imported_by=actor if getattr(actor, "pk", None) else None,
    )
    indicators = {
        source_id: _save_indicator(parsed.source, meta, run, licence)
        for source_id, meta in parsed.indicators.items()
        if any(row.indicator == source_id for row in parsed.rows)
    }
    existing = {
        (o.indicator_id, o.area_code, o.year, o.gender): o
        for o in Observation.objects.filter(
            Q(indicator__in=indicators.values()),
            year__in={r.year for r in parsed.rows},
        )
    }
    summary = ImportSummary(
        run, sorted(i.code for i in indicators.values()), skipped=parsed.skipped
    )
    to_create, to_update = [], []
    for row in parsed.rows:
        place = places[row.area]
        indicator = indicators[row.indicator]
        current = existing.get((indicator.pk, place.code, row.year, row.gender))
        if current is None:
            to_create.append(
                Observation(
                    indicator=indicator,
                    area_kind=place.kind,
                    area_code=place.code,
                    area_name=place.name[:200],
                    region=place.region,
                    municipality=place.municipality,
                    year=row.year,
                    gender=row.gender,
                    value=row.value,
                    abs_value=row.abs_value,
                    import_run=run,
                )
            )
        elif _differs(current.value, row.value) or _differs(current.abs_value, row.abs_value):
            current.value, current.abs_value, current.import_run = row.value, row.abs_value, run
            current.area_name = place.name[:200]
            to_update.append(current)
        else:
            summary.unchanged += 1
    Observation.objects.bulk_create(to_create, batch_size=1000)
    Observation.objects.bulk_update(
        to_update, ["value", "abs_value", "import_run", "area_name"], batch_size=1000
    )
    summary.created, summary.updated = len(to_create), len(to_update)
    run.created, run.updated, run.unchanged = summary.created, summary.updated, summary.unchanged
    run.save(update_fields=["created", "updated", "unchanged"])
    return summary


def _differs(stored, new) -> bool:
    if stored is None or new is None:
        return stored is not new
    return stored.compare(new) != 0 if hasattr(stored, "compare") else stored != new


def _save_indicator(source: str, meta: parsing.IndicatorMeta, run: ImportRun, licence: str):
    code = Indicator.code_for(source, meta.source_id.replace("/", "."))
    indicator = Indicator.objects.filter(source=source, source_id=meta.source_id).first()
    if indicator is None:
        indicator = Indicator(source=source, source_id=meta.source_id, code=code)
    fallback = meta.names.get("fi") or next(iter(meta.names.values()), meta.source_id)
    for lang in LANGS:
        if meta.names.get(lang):
            setattr(indicator, f"name_{lang}", meta.names[lang][:300])
        if meta.definitions.get(lang):
            setattr(indicator, f"definition_{lang}", meta.definitions[lang])
        if meta.units.get(lang):
            setattr(indicator, f"unit_{lang}", meta.units[lang][:60])
    indicator.name = indicator.name_fi or fallback[:300]
    if not indicator.name_fi:
        indicator.name_fi = fallback[:300]
    indicator.decimals = meta.decimals
    indicator.licence = licence
    indicator.source_url = meta.source_url[:200]
    indicator.updated_in_source = _date(meta.updated)
    indicator.last_import = run
    indicator.save()
    return indicator


def _date(text: str) -> datetime.date | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text or "")
    if not match:
        return None
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError:
        return None


SOURCE_LABELS = dict(Source.choices)
