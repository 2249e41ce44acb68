"""Tables of an indicator: periods down, areas across, totals, suppressed.

Each column is a group of municipalities (one municipality, or a region's);
the last column is the total over all of them, the last row the whole span
of periods. Totals are computed from the events again (distinct families are
not a sum of the parts, nor is a median), and then the whole table,
totals included, goes through :func:`perhekeskus.insight.suppression.suppress`
on the counts the figures rest on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .aggregate import Column, Raw
from .definitions import Indicator, Kind
from .periods import Period
from .suppression import suppress


@dataclass
class Cell:
    value: float | None  # None: nothing to measure (no events in the base)
    base: int  # the number of events or families the figure rests on
    hidden: bool = False

    @property
    def shown(self) -> float | None:
        return None if self.hidden else self.value


@dataclass
class Table:
    indicator: Indicator
    periods: list[Period]
    columns: list[Column]
    total: Column
    cells: list[list[Cell]]  # (periods + whole span) × (columns + total)

    @property
    def all_columns(self) -> list[Column]:
        return [*self.columns, self.total]

    @property
    def row_labels(self) -> list[str]:
        return [period.label for period in self.periods] + [str(_("Whole period"))]

    def rows(self):
        """(label, period or None for the whole span, cells) for templates and exports."""
        for index, cells in enumerate(self.cells):
            period = self.periods[index] if index < len(self.periods) else None
            yield self.row_labels[index], period, cells

    def series(self, column_index: int) -> list[Cell]:
        """The cells of one column over the periods (without the whole span)."""
        return [row[column_index] for row in self.cells[: len(self.periods)]]

    def values(self) -> list[list[float | None]]:
        """What may be published: None for hidden or empty cells."""
        return [[cell.shown for cell in row] for row in self.cells]


def median(histogram: Counter) -> float | None:
    total = sum(histogram.values())
    if not total:
        return None
    ordered = sorted(histogram.items())
    low_rank, high_rank = (total - 1) // 2, total // 2
    seen = 0
    low = high = None
    for value, count in ordered:
        if low is None and seen + count > low_rank:
            low = value
        if seen + count > high_rank:
            high = value
            break
        seen += count
    return (low + high) / 2


def _cell(raw: Raw, indicator: Indicator, column: Column, span: int | None) -> Cell:
    code = indicator.code
    if indicator.kind == Kind.FAMILIES:
        value = raw.family_counts.get(code, {}).get((column.key, span), 0)
        return Cell(value, value)
    period_indexes = range(len(raw.periods)) if span is None else [span]
    keys = [(m, p) for m in column.municipality_ids for p in period_indexes]
    if indicator.kind == Kind.COUNT:
        cells = raw.counts.get(code, {})
        value = sum(cells.get(key, 0) for key in keys)
        return Cell(value, value)
    if indicator.kind == Kind.SHARE:
        bases, hits = raw.counts.get(code, {}), raw.hits.get(code, {})
        base = sum(bases.get(key, 0) for key in keys)
        hit = sum(hits.get(key, 0) for key in keys)
        return Cell(100 * hit / base if base else None, base)
    histograms = raw.histograms.get(code, {})
    merged: Counter = Counter()
    for key in keys:
        merged.update(histograms.get(key, {}))
    return Cell(median(merged), sum(merged.values()))


def build(raw: Raw, indicator: Indicator, columns: list[Column], total: Column) -> Table:
    """The suppressed table of one indicator."""
    spans = [*range(len(raw.periods)), None]
    cells = [
        [_cell(raw, indicator, column, span) for column in [*columns, total]] for span in spans
    ]
    mask = suppress([[cell.base for cell in row] for row in cells])
    for row, hidden_row in zip(cells, mask, strict=True):
        for cell, hidden in zip(row, hidden_row, strict=True):
            cell.hidden = hidden
    return Table(indicator, raw.periods, columns, total, cells)
