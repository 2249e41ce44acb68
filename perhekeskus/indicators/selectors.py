"""Reading imported indicators.

Imported indicators are public statistics (THL publishes them under CC BY
4.0): anyone may read them, signed in or not, so these selectors take no
user. They never hold anything about a family.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from .models import ImportRun, Indicator, Observation
from .parsing import COUNTRY_CODE

__all__ = [
    "COUNTRY_CODE",
    "SeriesPoint",
    "import_runs",
    "indicator_by_code",
    "indicators",
    "series",
]


@dataclass(frozen=True)
class SeriesPoint:
    """One published figure of a series."""

    area_code: str  # "FI", a region code ("hva-05", "lape-06") or a municipality code ("091")
    area_name: str
    year: int
    gender: str  # "total", "male" or "female"
    value: Decimal | None  # None: not published (e.g. hidden for a small count)
    abs_value: Decimal | None  # the count behind a rate, when the source gives it


def indicators() -> QuerySet[Indicator]:
    """Every imported indicator, with its last import."""
    return Indicator.objects.select_related("last_import").order_by("source", "name")


def indicator_by_code(code: str) -> Indicator | None:
    return indicators().filter(code=code).first()


def series(
    indicator_code: str,
    region_codes: Iterable[str] | None = None,
    years: Iterable[int] | None = None,
    *,
    gender: str = "total",
) -> list[SeriesPoint]:
    """The figures of one imported indicator, ordered by area and year.

    ``indicator_code`` is :attr:`Indicator.code`, e.g. ``"sotkanet-1078"`` or
    ``"thl_cube-lastensuojelu.ilmoitukset_lkm"``. ``region_codes`` are area
    codes: ``"FI"`` for the whole country, a region code (a wellbeing
    services county ``"hva-05"``, Helsinki ``"hva-90"``) or a municipality
    code (``"091"``); None gives every area. ``years`` limits the years (None:
    all). ``gender`` is ``"total"``, ``"male"`` or ``"female"``.

    Only what was published is returned: a region's figure is never summed
    from its municipalities (rates cannot be added up). An unknown indicator
    gives an empty list.
    """
    rows = Observation.objects.filter(indicator__code=indicator_code, gender=gender)
    if region_codes is not None:
        rows = rows.filter(area_code__in=list(region_codes))
    if years is not None:
        rows = rows.filter(year__in=list(years))
    return [
        SeriesPoint(o.area_code, o.area_name, o.year, o.gender, o.value, o.abs_value)
        for o in rows.order_by("area_code", "year")
    ]


def observations_of(indicator: Indicator) -> QuerySet[Observation]:
    return indicator.observations.select_related("import_run").order_by(
        "area_kind", "area_code", "year", "gender"
    )


def import_runs() -> QuerySet[ImportRun]:
    return ImportRun.objects.select_related("imported_by")
