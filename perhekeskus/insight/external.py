"""Figures from the other knowledge apps, side by side with the operational ones.

Imported indicators (THL's Sotkanet and statistical cubes) come from
``perhekeskus.indicators.selectors.series``; spending on children from
``perhekeskus.budget.selectors.child_spending``. Both are public statistics or
accounts, not client data: they are shown as published, unsuppressed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .charts import Series, legend_marker, line_chart
from .exports import Sheet, marks_note
from .formatting import EMPTY, HIDDEN, number
from .periods import Period

# Imported indicators of child welfare: the corrective end (Sotkanet ids).
CHILD_WELFARE_INDICATORS = (
    ("sotkanet-3238", gettext_lazy("Child welfare notifications, per cent of 0–17-year-olds")),
    ("sotkanet-3239", gettext_lazy("Placed outside the home, per cent of 0–17-year-olds")),
    ("sotkanet-1078", gettext_lazy("Placed urgently, per cent of 0–17-year-olds")),
)


def imported_series(code: str, region_code: str, years: list[int]) -> dict[int, Decimal | None]:
    """An imported indicator's published figures of one area by year."""
    from perhekeskus.indicators.selectors import series

    return {point.year: point.value for point in series(code, [region_code], years)}


def spending(region_code: str, years: list[int]) -> dict[int, dict[str, Decimal | None]]:
    """Spending on children by year (euros): preventive (service levels 1–3),
    corrective (4–5), prevention's share and per child, as the budget computes them."""
    from perhekeskus.budget.selectors import child_spending

    return {
        row.year: {
            "preventive": row.preventive,
            "corrective": row.corrective,
            "preventive_share": row.preventive_share,
            "per_child": row.per_child,
        }
        for row in child_spending(region_code, years)
    }


@dataclass
class Column:
    label: str
    unit: str
    values: list[str]  # one text per year
    raw: list  # numbers (or the marks) for the exports
    source: str = ""


@dataclass
class ShiftTable:
    years: list[int]
    columns: list[Column] = field(default_factory=list)
    early_share: list[float | None] = field(default_factory=list)
    preventive_share: list[float | None] = field(default_factory=list)

    def rows(self):
        for index, year in enumerate(self.years):
            yield year, [column.values[index] for column in self.columns]

    def sheet(self, title: str) -> Sheet:
        header = [_("Year"), *[f"{c.label} ({c.unit})" for c in self.columns]]
        rows = [
            [year, *[column.raw[index] for column in self.columns]]
            for index, year in enumerate(self.years)
        ]
        notes = [marks_note(), *sorted({c.source for c in self.columns if c.source})]
        return Sheet(title, header, rows, notes)

    def shares_chart(self, *, chart_id: str, title: str) -> dict:
        series = [
            Series(str(_("Families: early support")), self.early_share),
            Series(str(_("Spending: preventive")), self.preventive_share),
        ]
        description = _share_trend(self.years, self.early_share, self.preventive_share)
        return {
            "svg": line_chart(
                chart_id=chart_id,
                title=title,
                description=description,
                labels=[str(y) for y in self.years],
                series=series,
                unit="%",
            ),
            "trend": description,
            "legend": [(legend_marker(k), s.name) for k, s in enumerate(series)],
        }


def _share_trend(years, early, preventive) -> str:
    parts = []
    for label, values in (
        (_("Early support's share of families"), early),
        (_("Prevention's share of spending on children"), preventive),
    ):
        known = [(y, v) for y, v in zip(years, values, strict=True) if v is not None]
        if not known:
            parts.append(_("%(what)s: no figures.") % {"what": label})
        elif len(known) == 1:
            parts.append(
                _("%(what)s: %(value)s %% in %(year)s.")
                % {"what": label, "value": number(known[0][1], 1), "year": known[0][0]}
            )
        else:
            parts.append(
                _("%(what)s: %(first)s %% in %(first_year)s, %(last)s %% in %(last_year)s.")
                % {
                    "what": label,
                    "first": number(known[0][1], 1),
                    "first_year": known[0][0],
                    "last": number(known[-1][1], 1),
                    "last_year": known[-1][0],
                }
            )
    return " ".join(parts)


def _text(value, decimals: int) -> str:
    return EMPTY if value is None else number(float(value), decimals)


def shift_table(region, periods: list[Period], families: dict) -> ShiftTable:
    """Years down; families (suppressed), imported figures and spending across."""
    years = [period.start.year for period in periods]
    table = ShiftTable(years)
    early_table = families["families_early_support"]
    welfare_table = families["families_child_welfare"]
    total = len(early_table.columns)
    early_cells = early_table.series(total)
    welfare_cells = welfare_table.series(total)
    for tbl, cells in ((early_table, early_cells), (welfare_table, welfare_cells)):
        table.columns.append(
            Column(
                str(tbl.indicator.name),
                str(tbl.indicator.unit_label),
                [HIDDEN if c.hidden else _text(c.value, 0) for c in cells],
                [HIDDEN if c.hidden else int(c.value or 0) for c in cells],
                _("The platform's own events; small numbers hidden."),
            )
        )
    for early, welfare in zip(early_cells, welfare_cells, strict=True):
        both = None
        if not early.hidden and not welfare.hidden and (early.value or 0) + (welfare.value or 0):
            both = 100 * early.value / (early.value + welfare.value)
        table.early_share.append(both)
    table.columns.append(
        Column(
            _("Early support's share of these families"),
            "%",
            [
                HIDDEN if v is None and _any_hidden(e, w) else _text(v, 1)
                for v, e, w in zip(table.early_share, early_cells, welfare_cells, strict=True)
            ],
            [
                HIDDEN
                if v is None and _any_hidden(e, w)
                else (round(v, 1) if v is not None else EMPTY)
                for v, e, w in zip(table.early_share, early_cells, welfare_cells, strict=True)
            ],
        )
    )
    for code, label in CHILD_WELFARE_INDICATORS:
        values = imported_series(code, region.code, years)
        table.columns.append(
            Column(
                str(label),
                "%",
                [_text(values.get(y), 1) for y in years],
                [float(values[y]) if values.get(y) is not None else EMPTY for y in years],
                _("THL Sotkanet, CC BY 4.0"),
            )
        )
    money = spending(region.code, years)
    for key, label, unit in (
        ("preventive", _("Preventive spending on children (levels 1–3)"), "€"),
        ("corrective", _("Corrective spending on children (levels 4–5)"), "€"),
        ("per_child", _("Spending on children per child aged 0–17"), "€"),
    ):
        table.columns.append(
            Column(
                label,
                unit,
                [_text(money.get(y, {}).get(key), 0) for y in years],
                [
                    float(money[y][key]) if money.get(y, {}).get(key) is not None else EMPTY
                    for y in years
                ],
                _("The region's accounts, child budgeting mapping"),
            )
        )
    for y in years:
        share = money.get(y, {}).get("preventive_share")
        table.preventive_share.append(float(share) if share is not None else None)
    return table


def _any_hidden(*cells) -> bool:
    return any(cell.hidden for cell in cells)


def public_indicators(region, years: list[int]) -> list[tuple[str, list[str]]]:
    """The region's imported child welfare indicators by year, for the public page."""
    rows = []
    for code, label in CHILD_WELFARE_INDICATORS:
        values = imported_series(code, region.code, years)
        if values:
            rows.append((str(label), [_text(values.get(y), 1) for y in years]))
    return rows
