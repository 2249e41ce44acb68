"""Figures as text: in the reader's language, with the marks for hidden and empty cells.

Marks (as in Statistics Finland's tables): ``..`` a figure hidden to protect
small counts, ``–`` nothing to measure (no events in the base of a share or
a median).
"""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _

from .definitions import Indicator, Kind, Unit

HIDDEN = ".."
EMPTY = "–"


def number(value: float, decimals: int = 0) -> str:
    if decimals == 0 and float(value).is_integer():
        return formats.number_format(int(value), use_l10n=True, force_grouping=True)
    return formats.number_format(
        round(value, decimals), decimals, use_l10n=True, force_grouping=True
    )


def decimals_of(indicator: Indicator) -> int:
    return 0 if indicator.kind in (Kind.COUNT, Kind.FAMILIES) else 1


def cell_text(cell, indicator: Indicator) -> str:
    if cell.hidden:
        return HIDDEN
    if cell.value is None:
        return EMPTY
    return number(cell.value, decimals_of(indicator))


def export_value(cell, indicator: Indicator):
    """A cell for CSV and Excel: a number, or the mark for hidden or empty."""
    if cell.hidden:
        return HIDDEN
    if cell.value is None:
        return EMPTY
    if decimals_of(indicator) == 0:
        return int(cell.value)
    return round(cell.value, 1)


def trend_text(indicator: Indicator, area: str, labels: list[str], cells: list) -> str:
    """One or two sentences saying how a series went: the text alternative of a chart."""
    shown = [
        (label, cell.value)
        for label, cell in zip(labels, cells, strict=True)
        if cell.shown is not None
    ]
    hidden = sum(1 for cell in cells if cell.hidden)
    decimals = decimals_of(indicator)
    unit = indicator.unit_label if indicator.unit in (Unit.HOURS, Unit.PERCENT) else ""
    if not shown:
        text = _("%(area)s: no figures to show for %(indicator)s in these periods.") % {
            "area": area,
            "indicator": indicator.name,
        }
    else:
        (first_label, first), (last_label, last) = shown[0], shown[-1]
        peak_label, peak = max(shown, key=lambda item: item[1])
        if len(shown) == 1 or first == last:
            direction = _("stayed at")
        elif last > first:
            direction = _("rose to")
        else:
            direction = _("fell to")
        text = _(
            "%(area)s: %(indicator)s was %(first)s%(unit)s in %(first_period)s and "
            "%(direction)s %(last)s%(unit)s in %(last_period)s; the highest was "
            "%(peak)s%(unit)s in %(peak_period)s."
        ) % {
            "area": area,
            "indicator": indicator.name,
            "first": number(first, decimals),
            "first_period": first_label,
            "direction": direction,
            "last": number(last, decimals),
            "last_period": last_label,
            "peak": number(peak, decimals),
            "peak_period": peak_label,
            "unit": f"\u00a0{unit}" if unit else "",
        }
    if hidden:
        text += " " + _("%(hidden)s of %(total)s figures are hidden to protect small numbers.") % {
            "hidden": hidden,
            "total": len(cells),
        }
    return text
