"""Reading saved THL files: Sotkanet REST 1.1 JSON and JSON-stat 2.0 cubes.

Parsing never writes: it turns a file into plain records, or raises
:class:`ImportRefused` with every problem it found, so the import that
follows either writes all of it or nothing. Nothing here touches the network.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

SOTKANET_ROW_KEYS = ("indicator", "region", "year", "gender", "value")
SOTKANET_GENDERS = {"total": "total", "male": "male", "female": "female"}
# Sotkanet region categories we keep, and the kind of area each one is.
SOTKANET_CATEGORIES = {
    "MAA": "country",
    "HYVINVOINTIALUE": "organiser",
    "MAAKUNTA": "region",
    "KUNTA": "municipality",
}
COUNTRY_CODE = "FI"
COUNTRY_LABELS = {"koko maa", "hela landet", "whole country", "finland", "suomi"}
MAX_PROBLEMS_LISTED = 20


class ImportRefused(Exception):
    """The file cannot be imported; ``problems`` lists every reason found."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:MAX_PROBLEMS_LISTED]
        more = len(problems) - len(shown)
        text = "; ".join(shown)
        if more > 0:
            text += " " + _("(and %(count)d more)") % {"count": more}
        super().__init__(text)


@dataclass
class IndicatorMeta:
    source_id: str
    names: dict[str, str]
    definitions: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    decimals: int = 1
    updated: str = ""
    source_url: str = ""


@dataclass(frozen=True)
class Area:
    kind: str  # country / organiser / region / municipality
    code: str  # FI, a region number or a municipality code as published
    names: tuple[str, str, str]  # fi, sv, en


@dataclass(frozen=True)
class Row:
    indicator: str
    area: Area
    year: int
    gender: str
    value: Decimal | None
    abs_value: Decimal | None


@dataclass
class Parsed:
    source: str
    indicators: dict[str, IndicatorMeta]
    rows: list[Row]
    skipped: dict[str, int] = field(default_factory=dict)  # reason → rows


def load_json(data: bytes | str, name: str) -> Any:
    try:
        if isinstance(data, bytes):
            data = data.decode("utf-8-sig")
        return json.loads(data)
    except UnicodeDecodeError:
        raise ImportRefused([_("%(name)s is not UTF-8 text.") % {"name": name}]) from None
    except json.JSONDecodeError as error:
        raise ImportRefused(
            [
                _("%(name)s is not valid JSON (line %(line)d, column %(column)d).")
                % {"name": name, "line": error.lineno, "column": error.colno}
            ]
        ) from None


def detect(document: Any) -> str:
    """'sotkanet' or 'jsonstat' for a parsed document; refuses anything else."""
    if isinstance(document, list) and document and all(isinstance(r, dict) for r in document):
        if all(key in document[0] for key in ("indicator", "region", "year")):
            return "sotkanet"
    if isinstance(document, dict):
        if document.get("class") == "dataset" or {"dimension", "value", "id", "size"} <= set(
            document
        ):
            return "jsonstat"
    raise ImportRefused(
        [
            _(
                "The file is neither Sotkanet data (a list of rows with indicator, region, "
                "year, gender and value) nor a JSON-stat 2.0 dataset (an object with id, "
                "size, dimension and value)."
            )
        ]
    )


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidOperation
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    if isinstance(value, str):
        return Decimal(value.strip().replace(",", "."))
    raise InvalidOperation


def _text(value: Any) -> dict[str, str]:
    """A Sotkanet language map ({"fi": …, "sv": …, "en": …}) or a plain string."""
    if isinstance(value, dict):
        return {lang: str(text) for lang, text in value.items() if text}
    if isinstance(value, str) and value:
        return {"fi": value}
    return {}


# --- Sotkanet -----------------------------------------------------------------


def sotkanet_regions(document: Any, name: str) -> dict[str, Area | None]:
    """Sotkanet's region list: region id → area (None for categories not kept)."""
    if not isinstance(document, list):
        raise ImportRefused([_("%(name)s: region metadata must be a list.") % {"name": name}])
    regions: dict[str, Area | None] = {}
    problems = []
    for position, item in enumerate(document, start=1):
        if not isinstance(item, dict) or not {"id", "category"} <= set(item):
            problems.append(
                _("%(name)s: region %(n)d lacks id or category.") % {"name": name, "n": position}
            )
            continue
        kind = SOTKANET_CATEGORIES.get(str(item["category"]).upper())
        if kind is None:
            regions[str(item["id"])] = None
            continue
        code = str(item.get("code") or "")
        if kind == "country":
            code = COUNTRY_CODE
        elif not code:
            problems.append(
                _("%(name)s: region %(id)s lacks its code.") % {"name": name, "id": item["id"]}
            )
            continue
        titles = _text(item.get("title"))
        fi = titles.get("fi") or code
        regions[str(item["id"])] = Area(
            kind, code, (fi, titles.get("sv") or fi, titles.get("en") or fi)
        )
    if problems:
        raise ImportRefused(problems)
    return regions


def sotkanet_indicators(document: Any, name: str) -> dict[str, IndicatorMeta]:
    """Sotkanet's indicator metadata: one object or a list of them."""
    items = document if isinstance(document, list) else [document]
    result = {}
    problems = []
    for position, item in enumerate(items, start=1):
        if not isinstance(item, dict) or "id" not in item or "title" not in item:
            problems.append(
                _("%(name)s: indicator %(n)d lacks id or title.") % {"name": name, "n": position}
            )
            continue
        value_type = item.get("primaryValueType") or {}
        source_id = str(item["id"])
        result[source_id] = IndicatorMeta(
            source_id=source_id,
            names=_text(item["title"]),
            definitions=_text(item.get("description")),
            units=_text(value_type.get("title")) if isinstance(value_type, dict) else {},
            decimals=int(item.get("decimals") or 0),
            updated=str(item.get("dataUpdated") or ""),
            source_url=f"https://sotkanet.fi/sotkanet/fi/metadata/indicators/{source_id}",
        )
    if problems:
        raise ImportRefused(problems)
    return result


def parse_sotkanet(
    data: Any, *, regions: dict[str, Area | None], indicators: dict[str, IndicatorMeta]
) -> Parsed:
    problems: list[str] = []
    unknown_regions: set[str] = set()
    unknown_indicators: set[str] = set()
    rows = []
    skipped: dict[str, int] = {}
    for position, item in enumerate(data, start=1):
        missing = [key for key in SOTKANET_ROW_KEYS if key not in item]
        if missing:
            problems.append(
                _("row %(n)d lacks %(keys)s") % {"n": position, "keys": ", ".join(missing)}
            )
            continue
        region_id = str(item["region"])
        indicator_id = str(item["indicator"])
        if region_id not in regions:
            unknown_regions.add(region_id)
            continue
        if indicator_id not in indicators:
            unknown_indicators.add(indicator_id)
            continue
        gender = SOTKANET_GENDERS.get(str(item["gender"]))
        if gender is None:
            problems.append(
                _("row %(n)d: unknown gender %(value)r") % {"n": position, "value": item["gender"]}
            )
            continue
        try:
            year = int(item["year"])
            value = _decimal(item["value"])
            abs_value = _decimal(item.get("absValue"))
        except (InvalidOperation, TypeError, ValueError):
            problems.append(_("row %(n)d: year or value is not a number") % {"n": position})
            continue
        area = regions[region_id]
        if area is None:
            skipped[_("region category not kept")] = (
                skipped.get(_("region category not kept"), 0) + 1
            )
            continue
        rows.append(Row(indicator_id, area, year, gender, value, abs_value))
    if unknown_regions:
        problems.append(
            _("region ids not in the region metadata: %(ids)s")
            % {"ids": ", ".join(sorted(unknown_regions, key=_natural))}
        )
    if unknown_indicators:
        problems.append(
            _("indicator ids not in the indicator metadata: %(ids)s")
            % {"ids": ", ".join(sorted(unknown_indicators, key=_natural))}
        )
    if problems:
        raise ImportRefused(problems)
    if not rows:
        raise ImportRefused([_("The file has no rows to import.")])
    return Parsed("sotkanet", indicators, rows, skipped)


def _natural(text: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


# --- JSON-stat 2.0 ------------------------------------------------------------

TIME_IDS = {"vuosi", "year", "time", "aika", "år"}
GEO_IDS = {"alue", "area", "region", "geo", "område"}
GENDER_IDS = {"sukupuoli", "sex", "gender", "kön"}
GENDER_CATEGORIES = {
    "total": "total",
    "yhteensä": "total",
    "sss": "total",
    "t": "total",
    "male": "male",
    "miehet": "male",
    "pojat": "male",
    "m": "male",
    "1": "male",
    "female": "female",
    "naiset": "female",
    "tytöt": "female",
    "f": "female",
    "n": "female",
    "2": "female",
}


def _category_ids(dimension: dict, dim_id: str) -> list[str]:
    category = dimension.get("category")
    if not isinstance(category, dict):
        raise ImportRefused([_("dimension %(id)s has no category") % {"id": dim_id}])
    index = category.get("index")
    labels = category.get("label") or {}
    if isinstance(index, list):
        return [str(i) for i in index]
    if isinstance(index, dict):
        return [str(k) for k, _pos in sorted(index.items(), key=lambda kv: kv[1])]
    if isinstance(labels, dict) and len(labels) == 1:
        return [str(next(iter(labels)))]
    raise ImportRefused([_("dimension %(id)s has no category index") % {"id": dim_id}])


def _role_of(document: dict, dim_id: str) -> str | None:
    role = document.get("role") or {}
    for name in ("time", "geo", "metric"):
        if dim_id in (role.get(name) or []):
            return name
    lowered = dim_id.lower()
    if lowered in TIME_IDS:
        return "time"
    if lowered in GEO_IDS:
        return "geo"
    if lowered in GENDER_IDS:
        return "gender"
    if lowered in {"measure", "mittari", "metric", "tiedot", "indicator"}:
        return "metric"
    return None


def parse_jsonstat(document: dict, *, cube: str, area_lookup) -> Parsed:
    """A JSON-stat 2.0 dataset: one indicator per category of its metric dimension.

    ``area_lookup(category_id, label)`` returns an :class:`Area` or None.
    """
    problems = []
    for key in ("id", "size", "dimension", "value"):
        if key not in document:
            problems.append(_("the dataset lacks %(key)s") % {"key": key})
    if problems:
        raise ImportRefused(problems)
    if document.get("version") not in (None, "2.0"):
        raise ImportRefused(
            [_("JSON-stat version %(v)s is not 2.0") % {"v": document.get("version")}]
        )
    ids, sizes, dimensions = document["id"], document["size"], document["dimension"]
    if (
        not isinstance(ids, list)
        or not isinstance(sizes, list)
        or len(ids) != len(sizes)
        or not isinstance(dimensions, dict)
    ):
        raise ImportRefused([_("id and size must be lists of the same length")])
    categories: dict[str, list[str]] = {}
    roles: dict[str, str | None] = {}
    for dim_id, size in zip(ids, sizes, strict=True):
        if dim_id not in dimensions:
            problems.append(_("dimension %(id)s is not described") % {"id": dim_id})
            continue
        categories[dim_id] = _category_ids(dimensions[dim_id], dim_id)
        if len(categories[dim_id]) != size:
            problems.append(
                _("dimension %(id)s has %(n)d categories but size %(size)s")
                % {"id": dim_id, "n": len(categories[dim_id]), "size": size}
            )
        roles[dim_id] = _role_of(document, dim_id)
    if problems:
        raise ImportRefused(problems)
    by_role = {role: dim for dim, role in roles.items() if role}
    for needed in ("time", "geo"):
        if needed not in by_role:
            problems.append(
                _("the dataset has no %(role)s dimension")
                % {"role": {"time": _("time"), "geo": _("area")}[needed]}
            )
    for dim_id, role in roles.items():
        if role is None and len(categories[dim_id]) > 1:
            problems.append(
                _("dimension %(id)s has %(n)d categories; choose one when saving the cube")
                % {"id": dim_id, "n": len(categories[dim_id])}
            )
    if problems:
        raise ImportRefused(problems)

    def labels(dim_id: str) -> dict[str, str]:
        return dimensions[dim_id].get("category", {}).get("label") or {}

    total = 1
    for size in sizes:
        total *= size
    values = document["value"]
    if isinstance(values, list):
        if len(values) != total:
            raise ImportRefused(
                [
                    _("the dataset has %(n)d values, its dimensions need %(total)d")
                    % {"n": len(values), "total": total}
                ]
            )

        def value_at(i: int):
            return values[i]
    elif isinstance(values, dict):

        def value_at(i: int):
            return values.get(str(i))
    else:
        raise ImportRefused([_("value must be a list or an object")])

    metric = by_role.get("metric")
    unit_info = (dimensions[metric].get("category", {}).get("unit") or {}) if metric else {}
    indicators: dict[str, IndicatorMeta] = {}
    dataset_label = str(document.get("label") or cube)
    extension = document.get("extension") or {}
    definitions = extension.get("definitions") or {}
    for category in categories[metric] if metric else [""]:
        source_id = f"{cube}/{category}" if category else cube
        name = labels(metric).get(category, category) if metric else dataset_label
        unit = unit_info.get(category, {}) if isinstance(unit_info, dict) else {}
        definition = definitions.get(category) if isinstance(definitions, dict) else None
        indicators[source_id] = IndicatorMeta(
            source_id=source_id,
            names={"fi": str(name)},
            definitions=_text(definition) if definition else {},
            units={"fi": str(unit.get("label"))} if unit.get("label") else {},
            decimals=int(unit.get("decimals") or 0),
            updated=str(document.get("updated") or ""),
            source_url=str(document.get("href") or ""),
        )

    areas: dict[str, Area] = {}
    unknown = []
    geo = by_role["geo"]
    for category in categories[geo]:
        area = area_lookup(category, str(labels(geo).get(category, category)))
        if area is None:
            unknown.append(f"{category} ({labels(geo).get(category, category)})")
        else:
            areas[category] = area
    gender_dim = by_role.get("gender")
    if gender_dim:
        for category in categories[gender_dim]:
            label = str(labels(gender_dim).get(category, category)).lower()
            if GENDER_CATEGORIES.get(category.lower(), GENDER_CATEGORIES.get(label)) is None:
                problems.append(_("unknown gender category %(c)s") % {"c": category})
    years = {}
    for category in categories[by_role["time"]]:
        match = re.fullmatch(r"\d{4}", category.strip())
        if not match:
            problems.append(_("time category %(c)s is not a year") % {"c": category})
        else:
            years[category] = int(category)
    if unknown:
        problems.append(_("unknown areas: %(areas)s") % {"areas": ", ".join(unknown)})
    if problems:
        raise ImportRefused(problems)

    strides = []
    stride = 1
    for size in reversed(sizes):
        strides.append(stride)
        stride *= size
    strides.reverse()
    rows = []

    def walk(position: int, offset: int, chosen: dict[str, str]):
        if position == len(ids):
            raw = value_at(offset)
            try:
                number = _decimal(raw)
            except (InvalidOperation, TypeError):
                number = None  # status symbols such as ".." stand for a hidden figure
            metric_category = chosen.get(metric, "") if metric else ""
            source_id = f"{cube}/{metric_category}" if metric_category else cube
            gender = "total"
            if gender_dim:
                category = chosen[gender_dim]
                label = str(labels(gender_dim).get(category, category)).lower()
                gender = GENDER_CATEGORIES.get(category.lower(), GENDER_CATEGORIES.get(label))
            rows.append(
                Row(
                    source_id,
                    areas[chosen[geo]],
                    years[chosen[by_role["time"]]],
                    gender,
                    number,
                    None,
                )
            )
            return
        dim_id = ids[position]
        for index, category in enumerate(categories[dim_id]):
            walk(position + 1, offset + index * strides[position], {**chosen, dim_id: category})

    walk(0, 0, {})
    return Parsed("thl_cube", indicators, rows)
