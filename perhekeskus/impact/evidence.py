"""Indicators from the dashboards as evidence: names, choices and latest values.

Imported indicators (THL Sotkanet, statistical cubes) come from
``perhekeskus.indicators``; operational indicators, computed from the
platform's events, from ``perhekeskus.insight``. This module is the only
place the assessment tool reads either, so the tool depends on their public
selectors and nothing else.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

# --- Imported indicators ------------------------------------------------------

# When an indicator has figures for several kinds of area in its latest year,
# the organiser's own (a wellbeing services county) comes first.
AREA_ORDER = ("organiser", "region", "country", "municipality")


def imported_choices() -> list[tuple[str, str]]:
    from perhekeskus.indicators.models import Indicator

    return [
        (str(i.pk), f"{i.name} ({i.get_source_display()} {i.source_id})")
        for i in Indicator.objects.order_by("name")
    ]


def imported_exists(indicator_id) -> bool:
    from perhekeskus.indicators.models import Indicator

    return str(indicator_id).isdigit() and Indicator.objects.filter(pk=indicator_id).exists()


def imported_latest(indicator) -> dict | None:
    """The latest published figure of an imported indicator (both genders)."""
    rows = list(
        indicator.observations.filter(gender="total", value__isnull=False)
        .order_by("-year")
        .values("year", "area_kind", "area_name", "value")[:50]
    )
    if not rows:
        return None
    latest_year = rows[0]["year"]
    rows = [r for r in rows if r["year"] == latest_year]
    rows.sort(key=lambda r: AREA_ORDER.index(r["area_kind"]) if r["area_kind"] in AREA_ORDER else 9)
    row = rows[0]
    return {
        "value": f"{row['value']:.{indicator.decimals}f}",
        "unit": indicator.unit,
        "area": row["area_name"],
        "period": latest_year,
        "source": f"{indicator.get_source_display()} {indicator.source_id}, {indicator.licence}",
    }


# --- Operational indicators ---------------------------------------------------


def operational_choices() -> list[tuple[str, str]]:
    from perhekeskus.insight.definitions import INDICATORS

    return [(i.code, str(i.name)) for i in INDICATORS]


def operational_exists(code: str) -> bool:
    from perhekeskus.insight.definitions import INDICATORS

    return any(i.code == code for i in INDICATORS)


def operational_name(code: str) -> str:
    from perhekeskus.insight.definitions import INDICATORS

    return next((str(i.name) for i in INDICATORS if i.code == code), code)


def refresh_operational() -> None:
    """Bring the dashboards' roll-up of events up to date (a write of the
    insight app; called by this app's services before a version is kept)."""
    from perhekeskus.insight.services import refresh_rollup

    refresh_rollup()


def operational_latest(code: str, *, today: datetime.date | None = None) -> dict | None:
    """The latest month's figure of an operational indicator for the organiser's
    region, as the dashboard shows it (from its roll-up, small counts
    suppressed)."""
    from perhekeskus.insight import selectors
    from perhekeskus.insight.definitions import BY_CODE
    from perhekeskus.insight.periods import Grain, last_periods

    indicator = BY_CODE.get(code)
    region = selectors.default_region()
    if indicator is None or region is None:
        return None
    # The latest whole month: the current one is still filling up.
    last_day = (today or timezone.localdate()).replace(day=1) - datetime.timedelta(days=1)
    periods = last_periods(last_day, Grain.MONTH, 12)
    # Counted up to the last day of a month that is over: not in progress.
    periods[-1] = dataclasses.replace(periods[-1], in_progress=False)
    table = selectors.region_tables(region, periods, indicators=[indicator]).tables[code]
    series = table.series(len(table.columns))
    for period, cell in reversed(list(zip(periods, series, strict=True))):
        if cell.value is None:
            continue
        return {
            "value": None if cell.hidden else _number(cell.value),
            "hidden": cell.hidden,
            "unit": str(indicator.unit_label),
            "area": region.name,
            "period": period.label,
            "source": "Perhekeskus",
        }
    return None


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


# --- One linked indicator -----------------------------------------------------


def value_text(latest: dict | None) -> str:
    """``12.3 % (Kaislaranta, 2024)``, or that there is no value yet."""
    if latest and latest.get("hidden") in (True, "True"):
        return _("hidden: too few to show")
    if not latest or latest.get("value") in (None, ""):
        return _("no value yet")
    parts = [f"{latest['value']}{(' ' + str(latest['unit'])) if latest.get('unit') else ''}"]
    where = ", ".join(str(x) for x in (latest.get("area"), latest.get("period")) if x)
    if where:
        parts.append(f"({where})")
    return " ".join(parts)


def describe(link) -> dict:
    """A linked indicator as kept in a version: what it is and its latest value."""
    if link.indicator_id:
        latest = imported_latest(link.indicator)
        out = {
            "kind": "imported",
            "ref": str(link.indicator_id),
            "name": str(link.indicator),
        }
    else:
        latest = operational_latest(link.operational_code)
        out = {
            "kind": "operational",
            "ref": link.operational_code,
            "name": operational_name(link.operational_code),
        }
    out.update(
        link=str(link.pk),
        note=link.note,
        follow=link.follow,
        **{
            key: "" if (latest or {}).get(key) is None else str(latest[key])
            for key in ("value", "hidden", "unit", "area", "period", "source")
        },
    )
    return out
