"""Benchmark of the regional dashboard: every operational indicator of a
region and its municipalities by month, with small-count suppression,
computed by the database, against a plain per-row Python aggregation of the
same events.

    make bench-insight [N=1000000]                  # SQLite, var/bench/insight-N.sqlite3
    DATABASE_URL=postgres://… make bench-insight    # PostgreSQL, database pk_insight_bench

Builds its own fresh database (never the demo database) and bulk-inserts N
synthetic events over 36 months: 15 municipalities in three regions (the
region measured holds about half of them), the event types in believable
proportions, families as random pseudonyms with their service task. The
dashboard (``perhekeskus.insight.selectors.region_dashboard``) is timed from
a cold start of its queries; the baseline reads the same events row by row
(``aggregate_in_python``) and builds the same tables. Both results must be
equal, suppression included.

The last line printed is ``dashboard_s= baseline_s= events=``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import time

from _common import ROOT, prepare_database, settle_database, setup_django

BENCH_DB = "pk_insight_bench"
MONTHS = 36

# (type, weight, attribute maker, carries a family)
REGIONS = {
    "bench-a": [("991", 9), ("992", 3), ("993", 2), ("994", 1), ("995", 1)],
    "bench-b": [("981", 4), ("982", 2), ("983", 2), ("984", 1), ("985", 1)],
    "bench-c": [("971", 3), ("972", 1), ("973", 1), ("974", 1), ("975", 1)],
}
TASKS = [
    ("early_support", 20),
    ("family_work", 15),
    ("family_counselling", 10),
    ("family_social_work", 15),
    ("child_welfare", 15),
    ("child_health", 15),
    ("student_welfare", 5),
    ("therapy", 5),
]


def _attrs(kind: str, rng: random.Random) -> dict:
    if kind == "contact.received":
        return {"channel": rng.choice(["web", "phone", "chat"]), "on_behalf": rng.random() < 0.3}
    if kind == "contact.answered":
        return {
            "outcome": rng.choice(["advice", "service_suggested", "matter_opened"]),
            "hours_to_answer": round(rng.lognormvariate(2.5, 0.9), 1),
        }
    if kind == "matter.opened":
        return {"special_support": rng.random() < 0.4, "urgent": rng.random() < 0.05}
    if kind in ("assessment.started", "assessment.completed"):
        applies = rng.random() < 0.6
        return {
            "deadline_applies": applies,
            "within_deadline": applies and rng.random() < 0.85,
            "working_days" if kind == "assessment.started" else "days": rng.randint(0, 90),
        }
    if kind == "plan.action_delivered":
        return {
            "kind": rng.choice(["service", "method", "appointments"]),
            "provider_kind": rng.choices(
                ["wellbeing_county", "municipality", "ngo", "parish"], [5, 3, 2, 1]
            )[0],
        }
    if kind.startswith("referral."):
        return {"kind": rng.choices(["referral", "consultation", "mobile_team"], [5, 3, 1])[0]}
    if kind.startswith("appointment."):
        return {"mode": rng.choices(["office", "home", "phone", "video"], [6, 2, 2, 2])[0]}
    return {}


KINDS = [
    ("contact.received", 18),
    ("contact.answered", 16),
    ("matter.opened", 7),
    ("matter.closed", 5),
    ("worker.assigned", 3),
    ("assessment.started", 5),
    ("assessment.completed", 4),
    ("plan.agreed", 4),
    ("plan.action_delivered", 10),
    ("referral.sent", 6),
    ("referral.accepted", 4),
    ("appointment.booked", 12),
    ("appointment.held", 6),
]


def _insert(batch: list[tuple], vendor: str) -> None:
    from django.db import connection

    columns = "type, occurred_at, municipality_id, service_task, family_pseudonym, attrs"
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            with cursor.cursor.copy(f"COPY events_event ({columns}) FROM STDIN") as copy:
                for row in batch:
                    copy.write_row(row)
        else:
            cursor.executemany(
                f"INSERT INTO events_event ({columns}) VALUES (%s, %s, %s, %s, %s, %s)", batch
            )


def _generate(n: int, vendor: str, rng: random.Random, municipalities, families, end, span):
    """Insert ``n`` events at random moments in the ``span`` seconds before ``end``."""
    from django.db import transaction

    ids = [pk for pk, _w in municipalities]
    weights = [w for _pk, w in municipalities]
    kinds = [k for k, _w in KINDS]
    kind_weights = [w for _k, w in KINDS]
    end_ts = end.timestamp()
    # Attributes as JSON, drawn from a pool per type (fast to seed, still varied).
    attrs = {kind: [json.dumps(_attrs(kind, rng)) for _ in range(2000)] for kind in kinds}
    batch: list[tuple] = []
    with transaction.atomic():
        choices = zip(
            rng.choices(ids, weights, k=n), rng.choices(kinds, kind_weights, k=n), strict=True
        )
        for municipality_id, kind in choices:
            moment = datetime.datetime.fromtimestamp(end_ts - rng.random() * span, datetime.UTC)
            task = pseudonym = ""
            if not kind.startswith("contact."):
                pseudonym, task = rng.choice(families[municipality_id])
            occurred = moment.isoformat(sep=" ")[:26] if vendor == "sqlite" else moment
            batch.append(
                (kind, occurred, municipality_id, task, pseudonym, rng.choice(attrs[kind]))
            )
            if len(batch) >= 20000:
                _insert(batch, vendor)
                batch.clear()
        if batch:
            _insert(batch, vendor)


def _families(rng: random.Random, municipalities) -> dict:
    """A pool of families per municipality, each with its service task."""
    tasks = [t for t, _w in TASKS]
    task_weights = [w for _t, w in TASKS]
    return {
        pk: [
            (f"{rng.getrandbits(128):032x}", rng.choices(tasks, task_weights)[0])
            for _ in range(300 * weight)
        ]
        for pk, weight in municipalities
    }


def seed(n: int, vendor: str, seed_value: int, today: datetime.date) -> None:
    from perhekeskus.programme.models import Municipality, Region

    rng = random.Random(seed_value)
    municipalities = []
    for code, places in REGIONS.items():
        region = Region.objects.create(code=code, kind="wellbeing_county", name=code)
        for place, weight in places:
            m = Municipality.objects.create(code=place, name=f"Kunta {place}", region=region)
            municipalities.append((m.pk, weight))
    end = datetime.datetime.combine(today, datetime.time(), datetime.UTC)
    _generate(
        n, vendor, rng, municipalities, _families(rng, municipalities), end, MONTHS * 30.4 * 86400
    )


def seed_more(n: int, vendor: str, seed_value: int, today: datetime.date, region) -> None:
    """``n`` events of the last day in the region's municipalities."""
    rng = random.Random(seed_value)
    weights = dict(place for places in REGIONS.values() for place in places)
    municipalities = [(m.pk, weights[m.code]) for m in region.municipalities.all()]
    end = datetime.datetime.combine(today, datetime.time(), datetime.UTC)
    _generate(n, vendor, rng, municipalities, _families(rng, municipalities), end, 86400)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of events")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--region", default="bench-a", help="the region whose dashboard is timed")
    parser.add_argument(
        "--reuse", action="store_true", help="reuse the database of an earlier run of this N"
    )
    args = parser.parse_args()

    vendor, exists = prepare_database(
        BENCH_DB, ROOT / "var" / "bench" / f"insight-{args.n}.sqlite3", reuse=args.reuse
    )
    setup_django()
    from django.core.management import call_command
    from django.utils import timezone

    from perhekeskus.events.models import Event
    from perhekeskus.insight.aggregate import aggregate_in_python
    from perhekeskus.insight.periods import Grain, last_periods
    from perhekeskus.insight.selectors import region_dashboard, region_tables
    from perhekeskus.insight.services import refresh_rollup
    from perhekeskus.programme.models import Region

    today = timezone.localdate()
    if not exists:
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        seed(args.n, vendor, args.seed, today)
        settle_database()
        print(f"seeded {args.n} events in {time.perf_counter() - started:.1f} s", flush=True)
    else:
        print(f"reusing the {vendor} database with {args.n} events", flush=True)

    region = Region.objects.get(code=args.region)
    periods = last_periods(today, Grain.MONTH, MONTHS)
    in_region = Event.objects.filter(municipality__region=region).count()

    started = time.perf_counter()
    read = refresh_rollup()
    print(f"roll-up built from {read} event ids in {time.perf_counter() - started:.1f} s")
    settle_database()
    # A day's worth of new events, for the timed refresh to catch up with.
    seed_more(1000, vendor, args.seed + 1, today, region)

    started, cpu = time.perf_counter(), time.process_time()
    refresh_rollup()
    dashboard = region_dashboard(region, periods)
    dashboard_s = time.perf_counter() - started
    dashboard_cpu = time.process_time() - cpu

    started, cpu = time.perf_counter(), time.process_time()
    baseline = region_tables(region, periods, aggregator=aggregate_in_python)
    baseline_s = time.perf_counter() - started
    baseline_cpu = time.process_time() - cpu

    for code, table in dashboard.tables.items():
        other = baseline.tables[code]
        assert table.values() == other.values(), f"{code}: the dashboard and baseline differ"
        assert [[c.hidden for c in row] for row in table.cells] == [
            [c.hidden for c in row] for row in other.cells
        ], f"{code}: suppression differs"
    hidden = sum(c.hidden for t in dashboard.tables.values() for row in t.cells for c in row)
    cells = sum(len(row) for t in dashboard.tables.values() for row in t.cells)
    print(
        f"database: {vendor}; region {region.code}: {len(dashboard.tables)} indicators, "
        f"{len(periods)} months, {len(dashboard.columns)} municipalities, "
        f"{in_region} of {args.n} events; {hidden} of {cells} cells suppressed; "
        "dashboard and baseline agree"
    )
    # On a shared machine the wall-clock times include waiting for a core;
    # the CPU time of this process (SQLite runs inside it) does not.
    print(
        f"cpu time of this process: dashboard {dashboard_cpu:.3f} s, baseline {baseline_cpu:.3f} s"
    )
    print(f"dashboard_s={dashboard_s:.3f} baseline_s={baseline_s:.3f} events={args.n}")


if __name__ == "__main__":
    main()
