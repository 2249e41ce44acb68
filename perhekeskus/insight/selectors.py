"""Reads of the knowledge layer: suppressed tables of the operational indicators.

Nothing here returns a row about a family: the tables are counts, shares and
medians by area and period, each already suppressed
(:mod:`perhekeskus.insight.suppression`). Who may see which page is the
views' question (docs/insight.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from perhekeskus.programme.models import Municipality, Region

from .aggregate import Column, Raw, aggregate_rollup
from .definitions import INDICATORS, Indicator
from .periods import Period
from .tables import Table, build

# The organisers of social and health care; the LAPE regions are for the
# imported historical series only.
ORGANISER_KINDS = (Region.Kind.WELLBEING_COUNTY, Region.Kind.CITY_ORGANISER)


@dataclass
class Dashboard:
    periods: list[Period]
    columns: list[Column]
    total: Column
    tables: dict[str, Table]


def organiser_regions():
    """The wellbeing services counties (and Helsinki) that have municipalities."""
    return (
        Region.objects.filter(kind__in=ORGANISER_KINDS)
        .annotate(n=Count("municipalities"))
        .filter(n__gt=0)
        .order_by("name")
    )


def region_by_code(code: str) -> Region | None:
    return organiser_regions().filter(code=code).first()


def default_region(user=None) -> Region | None:
    """The region of the user's own units when it has one, else the first with figures
    (from the roll-up: refresh it first)."""
    regions = organiser_regions()
    if user is not None and user.is_authenticated:
        from perhekeskus.accounts.models import Membership

        own = (
            Membership.objects.active()
            .filter(user=user, unit__municipality__region__in=regions)
            .values_list("unit__municipality__region", flat=True)
            .first()
        )
        if own:
            return regions.get(pk=own)
    return regions_with_figures().first() or regions.first()


def _municipality_column(m: Municipality) -> Column:
    return Column(m.code, m.name, (m.pk,))


def region_columns(region: Region) -> tuple[list[Column], Column]:
    municipalities = list(region.municipalities.order_by("name"))
    columns = [_municipality_column(m) for m in municipalities]
    total = Column(region.code, region.name, tuple(m.pk for m in municipalities))
    return columns, total


def _tables(
    columns: list[Column],
    total: Column,
    periods: list[Period],
    indicators: Iterable[Indicator],
    aggregator: Callable[..., Raw],
) -> Dashboard:
    indicators = list(indicators)
    raw = aggregator([*columns, total], periods, indicators)
    tables = {i.code: build(raw, i, columns, total) for i in indicators}
    return Dashboard(periods, columns, total, tables)


def region_tables(
    region: Region,
    periods: list[Period],
    *,
    indicators: Iterable[Indicator] = INDICATORS,
    aggregator: Callable[..., Raw] = aggregate_rollup,
) -> Dashboard:
    """A region and its municipalities: one table per indicator."""
    columns, total = region_columns(region)
    return _tables(columns, total, periods, indicators, aggregator)


def region_dashboard(region: Region, periods: list[Period]) -> Dashboard:
    """Every operational indicator of the region and its municipalities, suppressed
    (from the roll-up: refresh it first)."""
    return region_tables(region, periods)


def compare_regions(
    regions: Iterable[Region],
    periods: list[Period],
    *,
    indicators: Iterable[Indicator] = INDICATORS,
) -> Dashboard:
    """Regions side by side; the total is all of them together."""
    columns = []
    for region in regions:
        ids = tuple(region.municipalities.values_list("pk", flat=True))
        columns.append(Column(region.code, region.name, ids))
    total = Column(
        "all", _("All regions"), tuple(pk for column in columns for pk in column.municipality_ids)
    )
    return _tables(columns, total, periods, indicators, aggregate_rollup)


def public_region(
    region: Region, periods: list[Period], indicators: Iterable[Indicator]
) -> Dashboard:
    """The region as a whole only, no municipalities: for the public page.

    The region is both the only column and the total, so a hidden year is
    protected in its column by the whole span like any other table.
    """
    _columns, total = region_columns(region)
    return _tables([total], total, periods, indicators, aggregate_rollup)


def regions_with_figures(codes=None):
    """Regions with operational figures (or the regions of ``codes``)."""
    from .models import MonthlyFigure

    regions = organiser_regions()
    if codes:
        return regions.filter(code__in=codes)
    with_figures = MonthlyFigure.objects.values("municipality__region")
    return regions.filter(pk__in=with_figures)
