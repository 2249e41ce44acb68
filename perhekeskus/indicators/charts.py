"""Bar charts as data for SVG templates: readable without colour.

Every bar carries its label and its value as text, so the chart says the
same in greyscale, in print and to a screen reader (the page also shows the
numbers in a table). Negative values are drawn from the zero line leftwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

LABEL_WIDTH = 260
BAR_AREA = 380
VALUE_WIDTH = 140
ROW_HEIGHT = 28


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    x: float
    y: int
    width: float
    style: str  # "" / "alt" / "hatched": told apart by outline and pattern, not hue


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: list[Bar]
    height: int
    width: int = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    label_width: int = LABEL_WIDTH
    value_x: int = LABEL_WIDTH + BAR_AREA + 8
    zero_x: float = LABEL_WIDTH


def bar_chart(
    title: str,
    rows: list[tuple[str, Decimal | float | None, str]],
    *,
    styles: list[str] | None = None,
) -> BarChart:
    """``rows``: (label, value, value as text). A None value draws no bar."""
    numbers = [float(value) for _label, value, _text in rows if value is not None]
    low = min([0.0, *numbers])
    high = max([0.0, *numbers])
    span = (high - low) or 1.0
    zero_x = LABEL_WIDTH + (-low / span) * BAR_AREA
    bars = []
    for index, (label, value, text) in enumerate(rows):
        style = (styles or [])[index] if styles and index < len(styles) else ""
        if value is None:
            bars.append(Bar(label, text, zero_x, index * ROW_HEIGHT, 0, style))
            continue
        width = abs(float(value)) / span * BAR_AREA
        x = zero_x if float(value) >= 0 else zero_x - width
        bars.append(Bar(label, text, round(x, 1), index * ROW_HEIGHT, round(width, 1), style))
    return BarChart(title, bars, height=max(1, len(rows)) * ROW_HEIGHT + 4, zero_x=round(zero_x, 1))
