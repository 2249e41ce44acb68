"""Line charts as server-rendered SVG, readable without colour.

Each series has its own marker shape and dash pattern, and its name is
written at the end of its line and in the legend, so the chart says the same
in greyscale, in print and in forced colours. Hidden (suppressed) and empty
points break the line. The SVG is an image with a title and a description
(the text alternative); the page shows the numbers in a table as well.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .formatting import number

WIDTH = 760
HEIGHT = 320
LEFT = 64
RIGHT = 170  # room for the names at the ends of the lines
TOP = 32
BOTTOM = 48

# Told apart by shape and dash; the colours (all ≥ 4.5:1 on white) only help.
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "plus", "star")
DASHES = ("", "8 4", "2 4", "12 4 2 4", "4 4", "1 3", "16 6")
COLOURS = ("#0000bf", "#b01038", "#007a64", "#1a1a1a", "#6b3fa0", "#8a4b00", "#00607a")


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]  # None: hidden or nothing to show


def _nice_step(span: float) -> float:
    raw = span / 4 or 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    r = 4.5
    common = f'fill="{colour}" stroke="{colour}"'
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" {common}/>'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" {common}/>'
    if shape == "triangle":
        points = f"{x:.1f},{y - r - 1:.1f} {x - r - 1:.1f},{y + r:.1f} {x + r + 1:.1f},{y + r:.1f}"
        return f'<polygon points="{points}" fill="white" stroke="{colour}" stroke-width="2"/>'
    if shape == "diamond":
        points = f"{x:.1f},{y - r - 1:.1f} {x + r + 1:.1f},{y:.1f} {x:.1f},{y + r + 1:.1f} {x - r - 1:.1f},{y:.1f}"
        return f'<polygon points="{points}" fill="white" stroke="{colour}" stroke-width="2"/>'
    if shape == "cross":
        return (
            f'<path d="M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}'
            f'M{x - r:.1f},{y + r:.1f}L{x + r:.1f},{y - r:.1f}" stroke="{colour}" stroke-width="2.5"/>'
        )
    if shape == "plus":
        return (
            f'<path d="M{x - r - 1:.1f},{y:.1f}H{x + r + 1:.1f}M{x:.1f},{y - r - 1:.1f}V{y + r + 1:.1f}"'
            f' stroke="{colour}" stroke-width="2.5"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="white" stroke="{colour}" stroke-width="2"/>'


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: list[str],
    series: list[Series],
    unit: str = "",
) -> SafeString:
    """An SVG line chart of ``series`` over the x ``labels``."""
    values = [v for s in series for v in s.values if v is not None]
    low = min([0.0, *values])
    high = max([0.0, *values]) or 1.0
    step = _nice_step(high - low)
    top = math.ceil(high / step) * step
    bottom = math.floor(low / step) * step
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    count = max(len(labels), 1)

    def x_of(i: int) -> float:
        return LEFT + (plot_w * (i + 0.5) / count)

    def y_of(v: float) -> float:
        return TOP + plot_h * (1 - (v - bottom) / ((top - bottom) or 1))

    parts = [
        f'<svg class="chart" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>',
    ]
    # Grid and y axis
    tick = bottom
    while tick <= top + step / 2:
        y = y_of(tick)
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#d0d0d0" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#1a1a1a">{escape(number(tick))}</text>'
        )
        tick += step
    if unit:
        parts.append(
            f'<text x="{LEFT - 8}" y="{TOP - 16}" text-anchor="end" font-size="12" '
            f'fill="#1a1a1a">{escape(unit)}</text>'
        )
    parts.append(
        f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y_of(bottom):.1f}" y2="{y_of(bottom):.1f}" '
        'stroke="#1a1a1a" stroke-width="1"/>'
    )
    # X labels: at most about twelve
    every = max(1, math.ceil(count / 12))
    for i, label in enumerate(labels):
        if i % every == 0:
            parts.append(
                f'<text x="{x_of(i):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
                f'font-size="12" fill="#1a1a1a">{escape(label)}</text>'
            )
    # Series
    ends = []
    for index, s in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        dash = DASHES[index % len(DASHES)]
        shape = MARKERS[index % len(MARKERS)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        segment: list[str] = []
        segments = []
        for i, v in enumerate(s.values):
            if v is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{x_of(i):.1f},{y_of(v):.1f}")
        if segment:
            segments.append(segment)
        parts.append(f'<g class="chart__series" aria-hidden="true"><title>{escape(s.name)}</title>')
        for points in segments:
            if len(points) > 1:
                parts.append(
                    f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.5"{dash_attr}/>'
                )
        # Markers only where there are few points; always at the last one.
        shown = [(i, v) for i, v in enumerate(s.values) if v is not None]
        for i, v in shown if count <= 24 else shown[-1:]:
            parts.append(_marker(shape, x_of(i), y_of(v), colour))
        parts.append("</g>")
        if shown:
            ends.append([y_of(shown[-1][1]), s.name, colour, shape])
    # Names at the ends of the lines, nudged apart so they do not overlap.
    ends.sort()
    for k in range(1, len(ends)):
        ends[k][0] = max(ends[k][0], ends[k - 1][0] + 15)
    for y, name, colour, shape in ends:
        label_x = LEFT + plot_w + 14
        parts.append(_marker(shape, label_x, y - 4, colour))
        parts.append(
            f'<text x="{label_x + 10}" y="{y:.1f}" font-size="12" fill="#1a1a1a">'
            f"{escape(name if len(name) <= 24 else name[:23] + '…')}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def legend_marker(index: int) -> SafeString:
    """A small SVG of a series' marker and dash, for legends and tables."""
    colour = COLOURS[index % len(COLOURS)]
    dash = DASHES[index % len(DASHES)]
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return mark_safe(  # noqa: S308 - no outside text
        '<svg class="chart-key" viewBox="0 0 36 12" width="36" height="12" aria-hidden="true" '
        'focusable="false" xmlns="http://www.w3.org/2000/svg">'
        f'<line x1="0" x2="36" y1="6" y2="6" stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
        f"{_marker(MARKERS[index % len(MARKERS)], 18, 6, colour)}</svg>"
    )
