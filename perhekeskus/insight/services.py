"""Keeping the monthly roll-up up to date with the events.

The roll-up reads the events in order of their id, from where it stopped.
Events are append-only, so what was read stays right; only a change of the
indicator definitions (detected by a fingerprint) makes it start over.

An event id is taken when the row is inserted, not when its transaction
commits, so on PostgreSQL an id below the highest visible one may still
become visible later. Before reading, the refresh takes a SHARE lock on the
event table for an instant: it waits for the transactions writing events to
finish, so every id up to the maximum it then sees is committed. SQLite
writes one transaction at a time, so there the maximum is safe as it is.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Case, CharField, DateField, Max, Min, Value, When
from django.utils import timezone

from perhekeskus.events.models import Event

from .aggregate import aggregate_events
from .definitions import INDICATORS, Kind
from .models import FamilyMonth, MonthlyFigure, RollupState
from .periods import Grain, local_midnight, periods_between

ROLLUP_KEY = "events"
CHUNK = 200_000


def definitions_fingerprint() -> str:
    text = repr(
        [
            (i.code, i.kind, str(i.where), str(i.hit), i.attribute, i.service_tasks)
            for i in INDICATORS
        ]
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _committed_max_id() -> int:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f'LOCK TABLE "{Event._meta.db_table}" IN SHARE MODE')
        return Event.objects.aggregate(top=Max("id"))["top"] or 0


def refresh_rollup(*, chunk: int = CHUNK) -> int:
    """Add the events written since the last refresh to the roll-up.

    Returns how many event ids were read. Each chunk of events is added in a
    transaction of its own together with the new position, so an
    interrupted refresh loses nothing and counts nothing twice.
    """
    upper = _committed_max_id()
    fingerprint = definitions_fingerprint()
    read = 0
    while True:
        with transaction.atomic():
            state, _created = RollupState.objects.select_for_update().get_or_create(key=ROLLUP_KEY)
            if state.definitions != fingerprint:
                MonthlyFigure.objects.all().delete()
                FamilyMonth.objects.all().delete()
                state.last_event_id = 0
                state.definitions = fingerprint
            if state.last_event_id >= upper:
                state.save()
                return read
            high = min(state.last_event_id + chunk, upper)
            _add(
                Event.objects.filter(
                    id__gt=state.last_event_id, id__lte=high, municipality__isnull=False
                )
            )
            read += high - state.last_event_id
            state.last_event_id = high
            state.save()


def _add(events) -> None:
    span = events.aggregate(first=Min("occurred_at"), last=Max("occurred_at"))
    if span["first"] is None:
        return
    periods = periods_between(
        timezone.localdate(span["first"]), timezone.localdate(span["last"]), Grain.MONTH
    )
    raw = aggregate_events(events, periods, [i for i in INDICATORS if i.kind != Kind.FAMILIES])
    _add_families(events, periods)

    added: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for code, cells in raw.counts.items():
        hits = raw.hits.get(code, {})
        for (municipality_id, period), n in cells.items():
            if n:
                entry = added[(code, municipality_id, periods[period].start, 0.0)]
                entry[0] += n
                entry[1] += hits.get((municipality_id, period), 0)
    for code, cells in raw.histograms.items():
        for (municipality_id, period), histogram in cells.items():
            for value, n in histogram.items():
                added[(code, municipality_id, periods[period].start, float(value))][0] += n
    if added:
        existing = MonthlyFigure.objects.filter(
            indicator__in={key[0] for key in added},
            municipality_id__in={key[1] for key in added},
            month__gte=periods[0].start,
            month__lt=periods[-1].end,
        )
        changed = []
        for figure in existing.iterator(chunk_size=10000):
            key = (figure.indicator, figure.municipality_id, figure.month, figure.bucket)
            if key in added:
                n, h = added.pop(key)
                figure.count += n
                figure.hits += h
                changed.append(figure)
        MonthlyFigure.objects.bulk_update(changed, ["count", "hits"], batch_size=2000)
        MonthlyFigure.objects.bulk_create(
            [
                MonthlyFigure(
                    indicator=code,
                    municipality_id=municipality_id,
                    month=month,
                    bucket=bucket,
                    count=n,
                    hits=h,
                )
                for (code, municipality_id, month, bucket), (n, h) in added.items()
            ],
            batch_size=2000,
        )


def _add_families(events, periods) -> None:
    """Add the (indicator, municipality, month, pseudonym) rows of ``events``
    with one INSERT … SELECT DISTINCT per family indicator: the pseudonyms
    never travel through Python."""
    month = Case(
        *[
            When(occurred_at__lt=local_midnight(period.end), then=Value(period.start))
            for period in periods[:-1]
        ],
        default=Value(periods[-1].start),
        output_field=DateField(),
    )
    table = connection.ops.quote_name(FamilyMonth._meta.db_table)
    for indicator in INDICATORS:
        if indicator.kind != Kind.FAMILIES:
            continue
        rows = (
            events.order_by()
            .filter(service_task__in=indicator.service_tasks)
            .exclude(family_pseudonym="")
            .annotate(
                row_indicator=Value(indicator.code, output_field=CharField()), row_month=month
            )
            .values_list("row_indicator", "municipality_id", "row_month", "family_pseudonym")
            .distinct()
        )
        select, params = rows.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (indicator, municipality_id, month, pseudonym) "
                f"{select} ON CONFLICT DO NOTHING",
                params,
            )
