"""The dashboards: a region over time, regions compared, the shift to prevention,
the public figures and the definitions.

Every page with figures from client data shows them suppressed; the CSV and
Excel files (``?format=csv`` / ``?format=xlsx`` on the same address) are
built from the same suppressed tables.
"""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.policies import requires_capability
from perhekeskus.web.access import public

from . import external
from .charts import Series, legend_marker, line_chart
from .definitions import INDICATORS, PUBLIC_CODES, Kind
from .definitions import get as get_indicator
from .exports import FORMATS, Sheet, marks_note, response, table_sheet
from .formatting import EMPTY, HIDDEN, cell_text, export_value, trend_text
from .forms import CompareForm, DashboardForm, PublicForm, ShiftForm
from .periods import GRAIN_LABELS, Grain, last_periods
from .selectors import (
    compare_regions,
    default_region,
    public_region,
    region_by_code,
    region_tables,
    regions_with_figures,
)
from .services import refresh_rollup

PER_YEAR = {Grain.MONTH: 12, Grain.QUARTER: 4, Grain.YEAR: 1}


def _periods(grain: Grain, years: int):
    return last_periods(timezone.localdate(), grain, years * PER_YEAR[grain])


def _settle(form, **values) -> None:
    """Show the choices the figures were made with: also on a bound form whose
    fields were left out or held values that could not be used."""
    form.initial.update(values)
    if form.is_bound:
        data = form.data.copy()
        for key, value in values.items():
            if not data.get(key) or key in form.errors:
                data[key] = value
        form.data = data


def _export_links(request) -> list[tuple[str, str]]:
    links = []
    for fmt, label in (("csv", "CSV"), ("xlsx", "Excel")):
        query = request.GET.copy()
        query["format"] = fmt
        links.append((f"?{query.urlencode()}", label))
    return links


def _chart(table, *, chart_id: str, title: str, include_total: bool) -> dict:
    """A chart of a table's columns over its periods, its legend and text alternative."""
    indicator = table.indicator
    columns = list(enumerate(table.columns))
    total_index = len(table.columns)
    if include_total and table.total.key not in {c.key for c in table.columns}:
        columns.append((total_index, table.total))
    series = [Series(column.label, [c.shown for c in table.series(i)]) for i, column in columns]
    labels = [period.label for period in table.periods]
    trend = trend_text(indicator, table.total.label, labels, table.series(total_index))
    svg = line_chart(
        chart_id=chart_id,
        title=title,
        description=trend,
        labels=[period.short_label for period in table.periods],
        series=series,
        unit=indicator.unit_label,
    )
    legend = [(legend_marker(k), s.name) for k, s in enumerate(series)]
    return {"svg": svg, "trend": trend, "legend": legend}


def _region_chart(tables, *, chart_id: str, title: str) -> dict:
    """The region's figures of several indicators in one chart."""
    series, texts = [], []
    for table in tables:
        cells = table.series(len(table.columns))
        labels = [period.label for period in table.periods]
        series.append(Series(str(table.indicator.name), [c.shown for c in cells]))
        texts.append(trend_text(table.indicator, table.total.label, labels, cells))
    trend = " ".join(texts)
    svg = line_chart(
        chart_id=chart_id,
        title=title,
        description=trend,
        labels=[period.short_label for period in tables[0].periods],
        series=series,
        unit=tables[0].indicator.unit_label,
    )
    return {
        "svg": svg,
        "trend": trend,
        "legend": [(legend_marker(k), s.name) for k, s in enumerate(series)],
    }


def _table_context(table) -> dict:
    return {
        "headers": [column.label for column in table.all_columns],
        "rows": [
            (label, period is None, [cell_text(cell, table.indicator) for cell in cells])
            for label, period, cells in table.rows()
        ],
        "hidden": HIDDEN,
        "empty": EMPTY,
        "marks_note": marks_note(),
    }


@requires_capability(Capability.VIEW_STATISTICS)
@require_safe
def home(request):
    """A region and its municipalities over time, one indicator at a time."""
    refresh_rollup()
    form = DashboardForm(request.GET or None)
    region = region_by_code(form.choice("region")) or default_region(request.user)
    context = {"form": form, "region": region, "indicators": INDICATORS}
    if region is None:
        return render(request, "insight/home.html", context)
    indicator = get_indicator(form.choice("indicator"))
    grain = Grain(form.choice("grain"))
    years = form.choice("years")
    _settle(form, region=region.code, indicator=indicator.code, grain=grain, years=years)
    periods = _periods(grain, years)
    table = region_tables(region, periods, indicators=[indicator]).tables[indicator.code]
    title = _("%(indicator)s in %(region)s by %(grain)s") % {
        "indicator": indicator.name,
        "region": region.name,
        "grain": GRAIN_LABELS[grain],
    }
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return response(table_sheet(table, title), fmt, f"{region.code}-{indicator.code}")
    context.update(
        indicator=indicator,
        title=title,
        **_table_context(table),
        chart=_chart(
            table,
            chart_id="region-chart",
            title=title,
            include_total=not indicator.is_additive,
        ),
        exports=_export_links(request),
    )
    return render(request, "insight/home.html", context)


@requires_capability(Capability.VIEW_STATISTICS)
@require_safe
def compare(request):
    """Regions side by side over the years (or months, quarters)."""
    form = CompareForm(request.GET or None)
    refresh_rollup()
    chosen = form.cleaned_data.get("regions") if form.is_bound and form.is_valid() else None
    regions = list(regions_with_figures(chosen or None))
    indicator = get_indicator(form.choice("indicator"))
    grain = Grain(form.choice("grain"))
    years = form.choice("years")
    _settle(form, indicator=indicator.code, grain=grain, years=years)
    periods = _periods(grain, years)
    context = {"form": form, "indicator": indicator, "regions": regions}
    if regions:
        table = compare_regions(regions, periods, indicators=[indicator]).tables[indicator.code]
        title = _("%(indicator)s by region and %(grain)s") % {
            "indicator": indicator.name,
            "grain": GRAIN_LABELS[grain],
        }
        fmt = request.GET.get("format")
        if fmt in FORMATS:
            return response(table_sheet(table, title), fmt, f"regions-{indicator.code}")
        context.update(
            title=title,
            **_table_context(table),
            chart=_chart(table, chart_id="compare-chart", title=title, include_total=False),
            exports=_export_links(request),
        )
    return render(request, "insight/compare.html", context)


@requires_capability(Capability.VIEW_STATISTICS)
@require_safe
def shift(request):
    """From correction to prevention: families, imported child welfare figures, spending."""
    refresh_rollup()
    form = ShiftForm(request.GET or None)
    region = region_by_code(form.choice("region")) or default_region(request.user)
    context = {"form": form, "region": region}
    if region is None:
        return render(request, "insight/shift.html", context)
    years = form.choice("years")
    _settle(form, region=region.code, years=years)
    periods = _periods(Grain.YEAR, years)
    families = region_tables(
        region,
        periods,
        indicators=[
            get_indicator("families_early_support"),
            get_indicator("families_child_welfare"),
        ],
    ).tables
    shift_table = external.shift_table(region, periods, families)
    title = _("From correction to prevention in %(region)s") % {"region": region.name}
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return response(shift_table.sheet(title), fmt, f"{region.code}-shift")
    early = families["families_early_support"]
    context.update(
        title=title,
        headers=[f"{c.label} ({c.unit})" for c in shift_table.columns],
        rows=[
            (period.label, False, texts)
            for period, (_year, texts) in zip(periods, shift_table.rows(), strict=True)
        ],
        sources=sorted({c.source for c in shift_table.columns if c.source}),
        hidden=HIDDEN,
        empty=EMPTY,
        marks_note=marks_note(),
        families_chart=_region_chart(
            [early, families["families_child_welfare"]],
            chart_id="families-chart",
            title=_("Families in early support and in child welfare"),
        ),
        shares_chart=shift_table.shares_chart(
            chart_id="shares-chart", title=_("Prevention's share of families and of spending")
        ),
        exports=_export_links(request),
    )
    return render(request, "insight/shift.html", context)


@public
@require_safe
def public_figures(request):
    """Suppressed yearly figures of whole regions, and imported public indicators."""
    refresh_rollup()
    form = PublicForm(request.GET or None)
    choice = form.cleaned_data.get("region") if form.is_bound and form.is_valid() else ""
    region = region_by_code(choice) if choice else default_region(None)
    context = {"form": form, "region": region}
    if region is None:
        return render(request, "insight/public.html", context)
    _settle(form, region=region.code)
    periods = _periods(Grain.YEAR, 3)
    tables = public_region(
        region, periods, [i for i in INDICATORS if i.code in PUBLIC_CODES]
    ).tables
    years = [period.label for period in periods]
    rows = [
        (
            f"{tables[code].indicator.name} ({tables[code].indicator.unit_label})",
            False,
            [cell_text(row[0], tables[code].indicator) for row in tables[code].cells],
        )
        for code in PUBLIC_CODES
    ]
    title = _("Public figures of %(region)s") % {"region": region.name}
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        sheet = Sheet(
            title,
            [_("Indicator"), *years, _("Whole period")],
            [
                [
                    f"{tables[code].indicator.name} ({tables[code].indicator.unit_label})",
                    *[export_value(row[0], tables[code].indicator) for row in tables[code].cells],
                ]
                for code in PUBLIC_CODES
            ],
            [marks_note()],
        )
        return response(sheet, fmt, f"{region.code}-public")
    context.update(
        title=title,
        headers=[*years, _("Whole period")],
        rows=rows,
        hidden=HIDDEN,
        empty=EMPTY,
        marks_note=marks_note(),
        imported_headers=years,
        imported_rows=[
            (label, False, texts)
            for label, texts in external.public_indicators(region, [p.start.year for p in periods])
        ],
        exports=_export_links(request),
    )
    return render(request, "insight/public.html", context)


@public
@require_safe
def definitions(request):
    """What each operational indicator counts, and the suppression rules."""
    return render(
        request,
        "insight/definitions.html",
        {"indicators": INDICATORS, "hidden": HIDDEN, "empty": EMPTY, "Kind": Kind},
    )
