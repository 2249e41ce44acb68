"""Counting the indicators: from events in the database, from the monthly
roll-up, and the same per row in Python.

:func:`aggregate_events` asks the database for the figures of a set of events
in a few queries: one grouped pass that counts every count and share
indicator at once (conditional counts), one histogram per median indicator,
and the distinct (municipality, period, service task, family pseudonym) rows
for the family indicators. The roll-up is built with it.
:func:`aggregate_rollup` reads a dashboard's figures from the roll-up, and
:func:`aggregate_in_python` is the plain per-row reference the tests and the
benchmark compare against.

The result is raw: per (municipality id, period index), and distinct families
per (column key, period index; None for the whole span). Totals and
suppression are :mod:`perhekeskus.insight.tables`' business.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, FloatField, Q
from django.db.models.fields.json import KT
from django.db.models.functions import Cast

from perhekeskus.events.models import Event

from .definitions import INDICATORS, Indicator, Kind
from .periods import Period, bounds, locator, period_index

Key = tuple[int, int]  # (municipality id, period index)


@dataclass(frozen=True)
class Column:
    """A column of a table: one municipality, or a group of them (a region)."""

    key: str
    label: str
    municipality_ids: tuple[int, ...]


@dataclass
class Raw:
    periods: list[Period]
    # COUNT: the count; SHARE: the base (the events matching ``where``).
    counts: dict[str, dict[Key, int]] = field(default_factory=lambda: defaultdict(dict))
    # SHARE: the events of the base that also match ``hit``.
    hits: dict[str, dict[Key, int]] = field(default_factory=lambda: defaultdict(dict))
    # MEDIAN: value → number of events.
    histograms: dict[str, dict[Key, Counter]] = field(default_factory=lambda: defaultdict(dict))
    # FAMILIES: the pseudonyms seen (from events only).
    families: dict[str, dict[Key, set[str]]] = field(default_factory=lambda: defaultdict(dict))
    # FAMILIES: distinct families per (column key, period index or None).
    family_counts: dict[str, dict[tuple[str, int | None], int]] = field(
        default_factory=lambda: defaultdict(dict)
    )

    def count_families(self, columns: Iterable[Column]) -> Raw:
        """Fill ``family_counts`` from the pseudonyms for these columns."""
        spans = [(p, [p]) for p in range(len(self.periods))]
        spans.append((None, list(range(len(self.periods)))))
        for code, sets in self.families.items():
            counts = self.family_counts[code]
            for column in columns:
                for key, indexes in spans:
                    seen: set[str] = set()
                    for m in column.municipality_ids:
                        for p in indexes:
                            seen |= sets.get((m, p), set())
                    counts[(column.key, key)] = len(seen)
        return self

    def as_comparable(self) -> dict:
        """Plain dictionaries without empty entries, to compare two computations."""

        def clean(mapping):
            return {
                code: {key: value for key, value in cells.items() if value}
                for code, cells in mapping.items()
                if any(cells.values())
            }

        return {
            "counts": clean(self.counts),
            "hits": clean(self.hits),
            "histograms": clean(self.histograms),
            "family_counts": clean(self.family_counts),
        }


def _events(municipality_ids: Iterable[int], periods: list[Period]):
    start, end = bounds(periods)
    return Event.objects.filter(
        municipality_id__in=list(municipality_ids), occurred_at__gte=start, occurred_at__lt=end
    ).order_by()


def aggregate_events(events, periods: list[Period], indicators: Iterable[Indicator]) -> Raw:
    """The raw figures of ``events`` (an Event queryset within the periods) by
    municipality and period, counted by the database."""
    indicators = list(indicators)
    raw = Raw(periods)
    if not periods:
        return raw
    events = events.order_by()
    index = period_index(periods)

    counted = [i for i in indicators if i.kind in (Kind.COUNT, Kind.SHARE)]
    if counted:
        aggregates = {}
        for indicator in counted:
            aggregates[f"n_{indicator.code}"] = Count("id", filter=indicator.where)
            if indicator.kind == Kind.SHARE:
                aggregates[f"h_{indicator.code}"] = Count(
                    "id", filter=indicator.where & indicator.hit
                )
        types = sorted({t for indicator in counted for t in indicator.events})
        rows = (
            events.filter(type__in=types)
            .annotate(period=index)
            .values("municipality_id", "period")
            .annotate(**aggregates)
        )
        for row in rows:
            key = (row["municipality_id"], row["period"])
            for indicator in counted:
                raw.counts[indicator.code][key] = row[f"n_{indicator.code}"]
                if indicator.kind == Kind.SHARE:
                    raw.hits[indicator.code][key] = row[f"h_{indicator.code}"]

    for indicator in (i for i in indicators if i.kind == Kind.MEDIAN):
        rows = (
            events.filter(indicator.where)
            .annotate(period=index, value=Cast(KT(f"attrs__{indicator.attribute}"), FloatField()))
            .values("municipality_id", "period", "value")
            .annotate(n=Count("id"))
        )
        histograms = raw.histograms[indicator.code]
        for row in rows:
            if row["value"] is None:
                continue
            key = (row["municipality_id"], row["period"])
            histograms.setdefault(key, Counter())[row["value"]] += row["n"]

    grouped = [i for i in indicators if i.kind == Kind.FAMILIES]
    if grouped:
        tasks = {task: [] for indicator in grouped for task in indicator.service_tasks}
        for indicator in grouped:
            for task in indicator.service_tasks:
                tasks[task].append(indicator.code)
        rows = (
            events.filter(service_task__in=list(tasks))
            .exclude(family_pseudonym="")
            .annotate(period=index)
            .values_list("municipality_id", "period", "service_task", "family_pseudonym")
            .distinct()
        )
        for municipality_id, period, task, pseudonym in rows.iterator(chunk_size=20000):
            for code in tasks[task]:
                raw.families[code].setdefault((municipality_id, period), set()).add(pseudonym)
    return raw


# --- The same per row in Python ------------------------------------------------


def _same(a, b) -> bool:
    # JSON true is not the number 1, as in the database's comparison.
    return type(a) is type(b) and a == b


def _lookup(condition: tuple[str, object], row: Event) -> bool:
    path, expected = condition
    parts = path.split("__")
    if parts[0] != "attrs":
        return _same(getattr(row, parts[0]), expected)
    if parts[1:] == ["has_key"]:
        return expected in row.attrs
    key = parts[1]
    if key not in row.attrs:
        return False
    value = row.attrs[key]
    if parts[2:] == ["in"]:
        return any(_same(value, item) for item in expected)
    if parts[2:] == ["lte"]:
        return isinstance(value, int | float) and not isinstance(value, bool) and value <= expected
    if parts[2:]:
        raise ValueError(f"lookup not understood by the reference computation: {path}")
    return _same(value, expected)


def matches(q: Q, row: Event) -> bool:
    """Whether ``row`` satisfies ``q`` (the lookups the definitions use)."""
    results = (
        matches(child, row) if isinstance(child, Q) else _lookup(child, row) for child in q.children
    )
    result = all(results) if q.connector == Q.AND else any(results)
    return not result if q.negated else result


def aggregate_in_python(
    columns: Iterable[Column], periods: list[Period], indicators: Iterable[Indicator] = INDICATORS
) -> Raw:
    """The same figures as the database gives, reading every event row by row."""
    columns = list(columns)
    indicators = list(indicators)
    raw = Raw(periods)
    municipality_ids = {m for column in columns for m in column.municipality_ids}
    if not municipality_ids or not periods:
        return raw.count_families(columns)
    locate = locator(periods)
    rows = _events(municipality_ids, periods).only(
        "occurred_at", "type", "municipality_id", "service_task", "family_pseudonym", "attrs"
    )
    for row in rows.iterator(chunk_size=20000):
        period = locate(row.occurred_at)
        if period is None:
            continue
        key = (row.municipality_id, period)
        for indicator in indicators:
            if indicator.kind == Kind.FAMILIES:
                if row.service_task in indicator.service_tasks and row.family_pseudonym:
                    raw.families[indicator.code].setdefault(key, set()).add(row.family_pseudonym)
                continue
            if not matches(indicator.where, row):
                continue
            code = indicator.code
            if indicator.kind == Kind.MEDIAN:
                value = row.attrs.get(indicator.attribute)
                if isinstance(value, bool) or not isinstance(value, int | float):
                    continue
                raw.histograms[code].setdefault(key, Counter())[float(value)] += 1
                continue
            raw.counts[code][key] = raw.counts[code].get(key, 0) + 1
            if indicator.kind == Kind.SHARE and matches(indicator.hit, row):
                raw.hits[code][key] = raw.hits[code].get(key, 0) + 1
    for indicator in indicators:
        if indicator.kind == Kind.FAMILIES:
            raw.families.setdefault(indicator.code, {})
    return raw.count_families(columns)


# --- From the monthly roll-up -------------------------------------------------


def _month_starts(period: Period):
    day = period.start
    while day < period.end:
        yield day
        day = datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def aggregate_rollup(
    columns: Iterable[Column], periods: list[Period], indicators: Iterable[Indicator] = INDICATORS
) -> Raw:
    """A dashboard's figures from the roll-up (bring it up to date first:
    :func:`perhekeskus.insight.services.refresh_rollup`)."""
    from .models import FamilyMonth, MonthlyFigure

    columns = list(columns)
    indicators = list(indicators)
    raw = Raw(periods)
    municipality_ids = sorted({m for column in columns for m in column.municipality_ids})
    if not municipality_ids or not periods:
        return raw
    within = {
        "municipality_id__in": municipality_ids,
        "month__gte": periods[0].start,
        "month__lt": periods[-1].end,
    }
    figures = [i.code for i in indicators if i.kind != Kind.FAMILIES]
    kinds = {i.code: i.kind for i in indicators}
    # The roll-up is already by month: its rows are read as they are (the
    # index gives them in order) and summed into the periods here.
    period_of_month = {}
    for index, period in enumerate(periods):
        for day in _month_starts(period):
            period_of_month[day] = index
    rows = MonthlyFigure.objects.filter(indicator__in=figures, **within).values_list(
        "indicator", "municipality_id", "month", "bucket", "count", "hits"
    )
    for code, municipality_id, day, bucket, n, h in rows.iterator(chunk_size=20000):
        key = (municipality_id, period_of_month[day])
        if kinds[code] == Kind.MEDIAN:
            histogram = raw.histograms[code].get(key)
            if histogram is None:
                histogram = raw.histograms[code][key] = Counter()
            histogram[bucket] += n
            continue
        counts = raw.counts[code]
        counts[key] = counts.get(key, 0) + n
        if kinds[code] == Kind.SHARE:
            hits = raw.hits[code]
            hits[key] = hits.get(key, 0) + h

    grouped = [i.code for i in indicators if i.kind == Kind.FAMILIES]
    if not grouped:
        return raw
    # The roll-up holds each family once per indicator, municipality and
    # month already; the distinct counts over areas and spans are unions of
    # those sets. (A COUNT(DISTINCT …) per grouping made PostgreSQL sort the
    # same rows again for each.)
    rows = FamilyMonth.objects.filter(indicator__in=grouped, **within).values_list(
        "indicator", "municipality_id", "month", "pseudonym"
    )
    for code in grouped:
        raw.families.setdefault(code, {})
    for code, municipality_id, day, pseudonym in rows.iterator(chunk_size=20000):
        key = (municipality_id, period_of_month[day])
        cells = raw.families[code]
        seen = cells.get(key)
        if seen is None:
            seen = cells[key] = set()
        seen.add(pseudonym)
    return raw.count_families(columns)
