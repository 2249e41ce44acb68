"""Benchmark of the catalogue's free-text search against the database's plain
full-text search.

    make bench-search [N=100000]            # SQLite, var/bench/search-N.sqlite3
    DATABASE_URL=postgres://… make bench-search   # PostgreSQL, database perhekeskus_bench

Builds its own fresh database (never the demo database), seeds N synthetic
services, runs a few hundred queries (plain, inflected and compound words,
Swedish and English, with and without filters) through the finder's
selector, and measures latency and recall@10 against the generator's ground
truth: a service is relevant when its texts contain the query word's lemma
(alone or in a compound) and it passes the filters. The baseline is the
database's own full-text search over the raw texts, without Voikko:
PostgreSQL's ``finnish`` configuration, or FTS5's ``unicode61`` tokenizer.

The last line printed is ``p50_ms= p95_ms= recall10= base_p50_ms=
base_p95_ms= base_recall10= n=``.
"""

from __future__ import annotations

import argparse
import pickle
import random
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field

from _common import ROOT, prepare_database, settle_database, setup_django

BENCH_DB = "perhekeskus_bench"


@dataclass
class Query:
    text: str
    lemmas: frozenset[str]
    kind: str
    filters: dict = field(default_factory=dict)


def _make_queries(truth, count: int, seed: int) -> list[Query]:
    from perhekeskus.catalogue.synthetic import (
        FINNISH_WORDS,
        GENERAL_LEMMAS,
        OTHER_WORDS,
        Word,
    )

    rng = random.Random(seed + 1)
    # Families look for a service or a need (*puheterapia*, *eroneuvonta*);
    # the general words of the field (*lapsi*, *perhe*), which most texts
    # contain, get a category of their own.
    topical = [w for w in FINNISH_WORDS if w.lemma not in GENERAL_LEMMAS]
    general = [w for w in FINNISH_WORDS if w.lemma in GENERAL_LEMMAS]
    compounds = [w for w in topical if len(w.parts) >= 1]
    simple = [w for w in topical if not w.parts]
    filter_choices = [{"municipality": code} for code in truth.municipality_codes[:8]] + [
        {"age": 4},
        {"age": 15},
        {"free": True},
        {"languages": ("sv",)},
        {"languages": ("en",)},
        {"channels": ("video",)},
        {"channels": ("phone",)},
        {"channels": ("remote",)},
        {"municipality": truth.municipality_codes[0], "free": True},
        {"age": 2, "channels": ("in_person",)},
    ]
    queries = []
    for i in range(count):
        kinds = ("plain", "inflected", "compound", "inflected", "compound", "other", "two")
        kind = "general" if i % 20 == 19 else kinds[i % 7]
        if kind == "plain":
            word = rng.choice(topical)
            query = Query(word.form("nom"), frozenset({word.lemma}), kind)
        elif kind == "general":
            word = rng.choice(general)
            query = Query(word.form(rng.choice(Word.CASES)), frozenset({word.lemma}), kind)
        elif kind == "inflected":
            word = rng.choice(simple + compounds)
            case = rng.choice(Word.CASES[1:])
            query = Query(word.form(case), frozenset({word.lemma}), kind)
        elif kind == "compound":
            word = rng.choice(compounds)
            case = rng.choice(Word.CASES)
            query = Query(word.form(case), frozenset({word.lemma}), kind)
        elif kind == "other":
            word = rng.choice(OTHER_WORDS)
            query = Query(rng.choice(word.forms), frozenset({word.lemma}), kind)
        else:
            a, b = rng.choice(topical), rng.choice(FINNISH_WORDS)
            query = Query(
                f"{a.form(rng.choice(Word.CASES))} {b.form(rng.choice(Word.CASES))}",
                frozenset({a.lemma, b.lemma}),
                kind,
            )
        if rng.random() < 0.5:
            query.filters = dict(rng.choice(filter_choices))
        queries.append(query)
    return queries


BASELINE_SQLITE = [
    "DROP TABLE IF EXISTS bench_raw_fts",
    "DROP TABLE IF EXISTS bench_raw_rowid",
    "CREATE TABLE bench_raw_rowid (id INTEGER PRIMARY KEY, service_id char(32) UNIQUE)",
    "CREATE VIRTUAL TABLE bench_raw_fts USING fts5(name, body, tokenize = 'unicode61')",
]
BASELINE_POSTGRESQL = [
    "DROP TABLE IF EXISTS bench_raw",
    "CREATE TABLE bench_raw (service_id uuid PRIMARY KEY, name text, body text, "
    "doc tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('finnish', name), 'A') || "
    "setweight(to_tsvector('finnish', body), 'B')) STORED)",
]


def _raw_texts():
    from perhekeskus.catalogue.models import Service

    fields = [
        f"{name}_{language}"
        for name in ("summary", "description", "how_to_get_help", "eligibility_description")
        for language in ("fi", "sv", "en")
    ]
    rows = Service.objects.values_list(
        "pk", "name_fi", "name_sv", "name_en", *fields, "organization__name_fi"
    ).iterator(chunk_size=5000)
    for pk, *values in rows:
        name = " ".join(v for v in values[:3] if v)
        body = " ".join(v for v in values[3:] if v)
        yield pk, name, body


def _build_baseline(vendor: str) -> None:
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        for statement in BASELINE_SQLITE if vendor == "sqlite" else BASELINE_POSTGRESQL:
            cursor.execute(statement)
        batch = []
        for row in _raw_texts():
            batch.append(row)
            if len(batch) >= 5000:
                _insert_baseline(cursor, vendor, batch)
                batch = []
        _insert_baseline(cursor, vendor, batch)
        if vendor == "postgresql":
            cursor.execute("CREATE INDEX bench_raw_doc ON bench_raw USING gin (doc)")
            cursor.execute("ANALYZE bench_raw")


def _insert_baseline(cursor, vendor: str, rows: list) -> None:
    if not rows:
        return
    if vendor == "sqlite":
        cursor.executemany(
            "INSERT INTO bench_raw_rowid (service_id) VALUES (%s)", [(pk.hex,) for pk, *_ in rows]
        )
        cursor.executemany(
            "INSERT INTO bench_raw_fts (rowid, name, body) "
            "SELECT id, %s, %s FROM bench_raw_rowid WHERE service_id = %s",
            [(name, body, pk.hex) for pk, name, body in rows],
        )
    else:
        cursor.executemany(
            "INSERT INTO bench_raw (service_id, name, body) VALUES (%s, %s, %s)", rows
        )


def _baseline_top(vendor: str, text: str, within_sql: str, within_params, limit: int = 10):
    import re

    from django.db import connection

    with connection.cursor() as cursor:
        if vendor == "sqlite":
            words = re.findall(r"[^\W_]+", text.lower())
            if not words:
                return []
            match = " ".join(f'"{w}"' for w in words)
            cursor.execute(
                "SELECT m.service_id FROM bench_raw_fts JOIN bench_raw_rowid m "
                "ON m.id = bench_raw_fts.rowid WHERE bench_raw_fts MATCH %s "
                f"AND m.service_id IN ({within_sql}) "
                "ORDER BY bm25(bench_raw_fts, 10.0, 1.0), m.service_id LIMIT %s",
                [match, *within_params, limit],
            )
        else:
            cursor.execute(
                "SELECT r.service_id FROM bench_raw r, plainto_tsquery('finnish', %s) q "
                f"WHERE r.doc @@ q AND r.service_id IN ({within_sql}) "
                "ORDER BY ts_rank(r.doc, q) DESC, r.service_id LIMIT %s",
                [text, *within_params, limit],
            )
        return [row[0] for row in cursor.fetchall()]


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def _recall(top: list, relevant: set) -> float | None:
    if not relevant:
        return None
    return len(relevant.intersection(top[:10])) / min(10, len(relevant))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of services")
    parser.add_argument("--queries", type=int, default=600)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--reuse", action="store_true", help="reuse the database of an earlier run of this N"
    )
    args = parser.parse_args()

    vendor, exists = prepare_database(
        BENCH_DB, ROOT / "var" / "bench" / f"search-{args.n}.sqlite3", reuse=args.reuse
    )
    setup_django()
    from django.core.management import call_command
    from django.utils import translation

    from perhekeskus.catalogue import facets, search
    from perhekeskus.catalogue.query import ServiceQuery
    from perhekeskus.catalogue.selectors import FINDER_COUNT_CAP, _filtered, search_services
    from perhekeskus.catalogue.synthetic import generate_services

    translation.activate("fi")
    truth_path = ROOT / "var" / "bench" / f"truth-{vendor}-{args.n}-{args.seed}.pickle"
    truth_path.parent.mkdir(parents=True, exist_ok=True)
    if exists and truth_path.exists():
        print(f"reusing the {vendor} database with {args.n} services", flush=True)
        truth = pickle.loads(truth_path.read_bytes())  # noqa: S301 - our own file
    else:
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        truth = generate_services(args.n, seed=args.seed, index=False)
        generated = time.perf_counter()
        indexed = search.index_services()
        done = time.perf_counter()
        print(
            f"generated {args.n} services in {generated - started:.0f} s, "
            f"indexed {indexed} in {done - generated:.0f} s",
            flush=True,
        )
        truth_path.write_bytes(pickle.dumps(truth))
        started = time.perf_counter()
        _build_baseline(vendor)
        print(f"baseline index built in {time.perf_counter() - started:.0f} s", flush=True)
        settle_database()

    queries = _make_queries(truth, args.queries, args.seed)
    by_lemma: dict[str, set] = defaultdict(set)
    for service_id, lemmas in truth.lemmas.items():
        for lemma in lemmas:
            by_lemma[lemma].add(service_id)
    within_cache: dict = {}

    def within_ids(query: ServiceQuery) -> set:
        key = tuple(sorted(query.__dict__.items(), key=lambda kv: kv[0]))
        if key not in within_cache:
            within_cache[key] = set(_filtered(query, now).values_list("pk", flat=True))
        return within_cache[key]

    from django.utils import timezone

    now = timezone.now()
    # Warm up: the first queries load the analyser and fill the page cache.
    for query in queries[:20]:
        search_services(ServiceQuery(text=query.text, **query.filters), now=now)

    stats: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for query in queries:
        service_query = ServiceQuery(text=query.text, **query.filters)
        relevant = set.intersection(*(by_lemma.get(lemma, set()) for lemma in query.lemmas))
        relevant &= within_ids(service_query.__class__(**query.filters))
        kind = query.kind + (" + filters" if query.filters else "")

        started = time.perf_counter()
        result = search_services(service_query, now=now)
        elapsed = (time.perf_counter() - started) * 1000
        top = [hit.service.pk for hit in result.items]

        within = _filtered(ServiceQuery(**query.filters), now)
        started = time.perf_counter()
        search.ranked_ids(
            search.analyse_query(query.text),
            facet_groups=facets.query_facets(service_query),
            within=within if facets.needs_sql(service_query) else None,
            limit=20,
            offset=0,
            count_cap=FINDER_COUNT_CAP,
        )
        rank_elapsed = (time.perf_counter() - started) * 1000
        within_sql, within_params = within.order_by().values("pk").query.sql_with_params()
        started = time.perf_counter()
        base_top = _baseline_top(vendor, query.text, within_sql, within_params)
        base_elapsed = (time.perf_counter() - started) * 1000
        base_top = [search._to_uuid(pk) for pk in base_top]

        for key in (kind, "all"):
            stats[key]["ms"].append(elapsed)
            stats[key]["rank_ms"].append(rank_elapsed)
            stats[key]["base_ms"].append(base_elapsed)
            recall = _recall(top, relevant)
            if recall is not None:
                stats[key]["recall"].append(recall)
                stats[key]["base_recall"].append(_recall(base_top, relevant))

    def line(key: str) -> str:
        s = stats[key]
        mean = statistics.fmean
        return (
            f"{key:22} queries={len(s['ms']):4} "
            f"p50={_percentile(s['ms'], 0.5):6.1f} p95={_percentile(s['ms'], 0.95):6.1f} "
            f"(ranking alone p95={_percentile(s['rank_ms'], 0.95):6.1f}) "
            f"recall10={mean(s['recall']) if s['recall'] else 0:.3f}  "
            f"base p50={_percentile(s['base_ms'], 0.5):6.1f} "
            f"p95={_percentile(s['base_ms'], 0.95):6.1f} "
            f"recall10={mean(s['base_recall']) if s['base_recall'] else 0:.3f}"
        )

    print(
        f"database: {vendor}, services: {args.n}, queries: {len(queries)}; "
        "times in ms through search_services (20 results with their channels and hours); "
        "ranking alone = analyse_query + ranked_ids"
    )
    for key in sorted(k for k in stats if k != "all"):
        print(line(key))
    print(line("all"))
    s = stats["all"]
    print(
        f"p50_ms={_percentile(s['ms'], 0.5):.1f} p95_ms={_percentile(s['ms'], 0.95):.1f} "
        f"recall10={statistics.fmean(s['recall']):.3f} "
        f"base_p50_ms={_percentile(s['base_ms'], 0.5):.1f} "
        f"base_p95_ms={_percentile(s['base_ms'], 0.95):.1f} "
        f"base_recall10={statistics.fmean(s['base_recall']):.3f} n={args.n}"
    )


if __name__ == "__main__":
    main()
