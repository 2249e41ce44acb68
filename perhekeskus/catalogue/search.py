"""Full-text search of the service catalogue.

Texts are analysed in Python (:mod:`perhekeskus.core.text`: Voikko for
Finnish, Snowball for Swedish and English) into space-separated terms kept in
:class:`ServiceSearchDocument`; the database's own full-text engine indexes
and ranks them — FTS5 on SQLite, a weighted ``tsvector`` with a GIN index on
PostgreSQL (migration ``0002_search_index``). A query word becomes an
OR-group of the terms it may match; the groups are ANDed. Both engines
evaluate the same boolean expression over the same terms, so they find the
same services; only the scores differ (bm25 and ts_rank).

See ``docs/search.md``.
"""

# SQL here is assembled from constants and Django-compiled querysets only;
# everything a user typed reaches the database as a parameter.
# ruff: noqa: S608, S611

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length
from django.db.models.signals import post_delete
from django.dispatch import receiver
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from perhekeskus.core import text

from .models import SearchTerm, Service, ServiceChannel, ServiceSearchDocument

# Words beyond this are ignored: a query is a few words, not a document.
MAX_QUERY_WORDS = 12
BATCH_SIZE = 1000
# Field weights: a word in the name counts for ten in the body.
NAME_WEIGHT = 10.0
BODY_WEIGHT = 1.0
# ts_rank weights for {D, C, B, A}; the name is A and the body B.
PG_WEIGHTS = "{0, 0, 0.1, 1.0}"
# Added to the score of a service that contains the query's words themselves,
# not only a compound's head; larger than any bm25 or ts_rank value.
EXACT_BONUS = 1000.0

FTS_TABLE = "catalogue_search_fts"
ROWID_TABLE = "catalogue_search_rowid"

LANGUAGES = ("fi", "sv", "en")
NAME_FIELDS = ("name",)
BODY_FIELDS = ("summary", "description", "how_to_get_help", "eligibility_description")

# Words that carry no meaning in a search; dropped unless the query is
# nothing else.
STOP_WORDS = frozenset(
    "ja tai sekä myös on ei kun että "
    "och eller i på för med av till att en ett "
    "and or the a an of for in to with on at by".split()
)


@dataclass
class AnalysedQuery:
    """A query as the index sees it.

    ``groups`` holds one set of alternative terms per query word (a service
    must match every group); ``corrections`` maps a word that is nowhere in
    the index to the vocabulary term used instead.
    """

    groups: list[frozenset[str]] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    is_empty: bool = True
    # The same groups without compound heads: services that match these
    # contain the words themselves and rank above those that only share a
    # head (*perheneuvolassa* → *perheneuvola* before other *neuvola*s).
    exact_groups: list[frozenset[str]] = field(default_factory=list)


# --- Query analysis -----------------------------------------------------------


def _max_edits(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def _closest_term(word: str) -> str | None:
    """The vocabulary term nearest to a misspelt word, or None.

    Candidates share the first letter and have about the same length; the
    smallest edit distance wins, then the more common term.
    """
    edits = _max_edits(word)
    if len(word) < 3:
        return None
    first = word[0]
    if _is_postgresql():
        # Uses the varchar_pattern_ops index Django makes for unique fields.
        same_start = SearchTerm.objects.filter(term__startswith=first)
    else:
        # SQLite's LIKE ignores case and so cannot use the index; a range can.
        same_start = SearchTerm.objects.filter(term__gte=first, term__lt=chr(ord(first) + 1))
    candidates = dict(
        same_start.annotate(length=Length("term"))
        .filter(length__gte=len(word) - edits, length__lte=len(word) + edits)
        .values_list("term", "document_count")
    )
    if not candidates:
        return None
    matches = process.extract(
        word,
        list(candidates),
        scorer=Levenshtein.distance,
        score_cutoff=edits,
        limit=None,
    )
    if not matches:
        return None
    best = min(matches, key=lambda m: (m[1], -candidates[m[0]], m[0]))
    return best[0]


def analyse_query(text_: str) -> AnalysedQuery:
    """Turn what a family typed into term groups, correcting unknown words."""
    words = text.query_terms(text_ or "")
    meaningful = [(w, terms) for w, terms in words if w not in STOP_WORDS]
    words = (meaningful or words)[:MAX_QUERY_WORDS]
    if not words:
        return AnalysedQuery()

    all_terms = set().union(*(terms for _w, terms in words))
    known = set(SearchTerm.objects.filter(term__in=all_terms).values_list("term", flat=True))
    groups: list[frozenset[str]] = []
    exact_groups: list[frozenset[str]] = []
    corrections: dict[str, str] = {}
    for word, terms in words:
        exact = text.query_word_terms(word, heads=False)
        if not terms & known and not word.isdigit():
            corrected = _closest_term(word)
            if corrected is not None:
                corrections[word] = corrected
                terms = terms | text.query_word_terms(corrected)
                exact = exact | text.query_word_terms(corrected, heads=False)
        groups.append(terms)
        exact_groups.append(exact)
    return AnalysedQuery(
        groups=groups, corrections=corrections, is_empty=False, exact_groups=exact_groups
    )


def _fts5_expression(groups: list[frozenset[str]]) -> str:
    # Terms are letters and digits only (see core.text), quoting makes any
    # of them — NEAR, AND, OR — a plain word to FTS5.
    return " AND ".join(
        "(" + " OR ".join(f'"{t}"' for t in sorted(group)) + ")" for group in groups
    )


def _tsquery_expression(groups: list[frozenset[str]]) -> str:
    return " & ".join("(" + " | ".join(f"'{t}'" for t in sorted(group)) + ")" for group in groups)


def _expression(groups: list[frozenset[str]], without: list[frozenset[str]] | None = None) -> str:
    """The engine's match expression for ``groups`` (and not ``without``)."""
    if _is_postgresql():
        expression = _tsquery_expression(groups)
        return f"({expression}) & !({_tsquery_expression(without)})" if without else expression
    expression = _fts5_expression(groups)
    return f"({expression}) NOT ({_fts5_expression(without)})" if without else expression


def _has_exact_tier(analysed: AnalysedQuery) -> bool:
    return bool(analysed.exact_groups) and analysed.exact_groups != analysed.groups


def _is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _matching_ids_sql(expression: str) -> tuple[str, list]:
    if _is_postgresql():
        return (
            "SELECT service_id FROM catalogue_servicesearchdocument "
            "WHERE search_vector @@ to_tsquery('simple', %s)",
            [expression],
        )
    return (
        f"SELECT m.service_id FROM {FTS_TABLE} JOIN {ROWID_TABLE} m "
        f"ON m.id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s",
        [expression],
    )


def match_filter(analysed: AnalysedQuery) -> Q:
    """A filter on Service keeping the services that match the query."""
    if analysed.is_empty:
        return Q()
    sql, params = _matching_ids_sql(_expression(analysed.groups))
    return Q(pk__in=RawSQL(sql, params))


def _within_sql(within: QuerySet | None) -> tuple[str, tuple]:
    if within is None:
        within = Service.objects.filter(status=Service.Status.ACTIVE)
    return within.order_by().values("pk").query.sql_with_params()


def _correlated_within_sql(within: QuerySet | None, outer_column: str) -> tuple[str, tuple]:
    """``within`` restricted to the service whose id is ``outer_column`` of
    the enclosing query, for ``EXISTS (…)``."""
    if within is None:
        within = Service.objects.filter(status=Service.Status.ACTIVE)
    correlated = within.order_by().filter(pk=RawSQL(outer_column, ())).values("pk")
    return correlated.query.sql_with_params()


def _to_uuid(value) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def ranked_ids(
    analysed: AnalysedQuery,
    *,
    within: QuerySet | None = None,
    limit: int = 20,
    offset: int = 0,
) -> tuple[int, list[tuple[uuid.UUID, float]]]:
    """The number of matching services among ``within`` and one page of
    (service id, score), best first, ties in id order."""
    limit = max(0, int(limit))
    offset = max(0, int(offset))
    within_sql, within_params = _within_sql(within)
    if analysed.is_empty:
        total = Service.objects.filter(pk__in=RawSQL(within_sql, within_params)).count()
        page = (
            Service.objects.filter(pk__in=RawSQL(within_sql, within_params))
            .order_by("pk")
            .values_list("pk", flat=True)[offset : offset + limit]
        )
        return total, [(pk, 0.0) for pk in page]

    if not _has_exact_tier(analysed):
        return _rank(_expression(analysed.groups), within, limit, offset, 0.0)

    # Services that contain the query's words themselves come first (they get
    # EXACT_BONUS); those that only share a compound head follow. The exact
    # set is small, so the common case ranks few rows and only counts the rest.
    exact_total, page = _rank(
        _expression(analysed.exact_groups), within, limit, offset, EXACT_BONUS
    )
    if len(page) == limit:
        return _count(_expression(analysed.groups), within), page
    rest_total, rest = _rank(
        _expression(analysed.groups, without=analysed.exact_groups),
        within,
        limit - len(page),
        max(0, offset - exact_total),
        0.0,
    )
    return exact_total + rest_total, page + rest


def _count(expression: str, within: QuerySet | None) -> int:
    """How many services among ``within`` match ``expression``."""
    sql, params = _matching_ids_sql(expression)
    if _is_postgresql():
        within_sql, within_params = _within_sql(within)
        condition = f"matches.service_id IN ({within_sql})"
    else:
        # Filters are checked per match (a correlated EXISTS on the primary
        # key) rather than evaluated over the whole catalogue.
        within_sql, within_params = _correlated_within_sql(within, "matches.service_id")
        condition = f"EXISTS ({within_sql})"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM ({sql}) AS matches WHERE {condition}",
            [*params, *within_params],
        )
        return cursor.fetchone()[0]


def _rank(
    expression: str, within: QuerySet | None, limit: int, offset: int, bonus: float
) -> tuple[int, list[tuple[uuid.UUID, float]]]:
    """(matches among ``within``, one page by score + ``bonus``, ties by id)."""
    if limit == 0:
        return _count(expression, within), []
    if _is_postgresql():
        within_sql, within_params = _within_sql(within)
        sql = f"""
            SELECT d.service_id, ts_rank(%s::float4[], d.search_vector, q.q) + %s AS score,
                   count(*) OVER () AS total
            FROM catalogue_servicesearchdocument d, to_tsquery('simple', %s) AS q(q)
            WHERE d.search_vector @@ q.q AND d.service_id IN ({within_sql})
            ORDER BY score DESC, d.service_id
            LIMIT %s OFFSET %s
        """
        params = [PG_WEIGHTS, bonus, expression, *within_params, limit, offset]
    else:
        # bm25() only works in the query that scans the FTS table itself.
        within_sql, within_params = _correlated_within_sql(within, "m.service_id")
        sql = f"""
            WITH ranked AS MATERIALIZED (
                SELECT rowid AS id, -bm25({FTS_TABLE}, {NAME_WEIGHT}, {BODY_WEIGHT}) AS score
                FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s
            )
            SELECT m.service_id, ranked.score + %s AS score, count(*) OVER () AS total
            FROM ranked JOIN {ROWID_TABLE} m ON m.id = ranked.id
            WHERE EXISTS ({within_sql})
            ORDER BY score DESC, m.service_id
            LIMIT %s OFFSET %s
        """
        params = [expression, bonus, *within_params, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    total = rows[0][2] if rows else _count(expression, within)
    return total, [(_to_uuid(pk), float(score)) for pk, score, _total in rows]


# --- Indexing -----------------------------------------------------------------


def _field_names(base: Iterable[str]) -> list[tuple[str, str]]:
    return [(f"{name}_{language}", language) for name in base for language in LANGUAGES]


def _terms(texts: Iterable[tuple[str | None, str]]) -> list[str]:
    terms: list[str] = []
    for value, language in texts:
        if value:
            terms.extend(text.index_terms(value, language))
    return terms


def _related_texts(ids: list) -> dict:
    """Texts from related records, by service id: (text, language) pairs."""
    related: dict = {pk: [] for pk in ids}
    term_fields = [f"name_{language}" for language in LANGUAGES]
    for through, column in (
        (Service.life_situations.through, "taxonomyterm"),
        (Service.target_groups.through, "taxonomyterm"),
    ):
        rows = through.objects.filter(service_id__in=ids).values_list(
            "service_id", *(f"{column}__{f}" for f in term_fields)
        )
        for service_id, *names in rows:
            related[service_id].extend(zip(names, LANGUAGES, strict=True))
    places = (
        ServiceChannel.objects.filter(service_id__in=ids, location__isnull=False)
        .values_list(
            "service_id",
            "location__municipality__name",
            *(f"location__post_office_{language}" for language in LANGUAGES),
        )
        .distinct()
    )
    for service_id, municipality, *post_offices in places:
        related[service_id].append((municipality, "fi"))
        related[service_id].extend(
            (office, language)
            for office, language in zip(post_offices, LANGUAGES, strict=True)
            if office != municipality
        )
    return related


def _documents(ids: list) -> Iterator[tuple[object, str, str]]:
    name_fields = _field_names(NAME_FIELDS)
    body_fields = _field_names(BODY_FIELDS)
    org_fields = [(f"organization__name_{language}", language) for language in LANGUAGES]
    values = Service.objects.filter(pk__in=ids).values(
        "pk", *(f for f, _l in name_fields + body_fields + org_fields)
    )
    related = _related_texts(ids)
    for row in values:
        name = _terms((row[f], language) for f, language in name_fields)
        body = _terms((row[f], language) for f, language in body_fields + org_fields)
        body.extend(_terms(related[row["pk"]]))
        yield row["pk"], " ".join(name), " ".join(body)


def _db_id(service_id) -> object:
    """A service id as stored in the rowid map (SQLite keeps UUIDs as hex)."""
    return _to_uuid(service_id).hex


def _fts_delete(cursor, ids: list) -> None:
    keys = [_db_id(pk) for pk in ids]
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join(["%s"] * len(chunk))
        cursor.execute(
            f"DELETE FROM {FTS_TABLE} WHERE rowid IN "
            f"(SELECT id FROM {ROWID_TABLE} WHERE service_id IN ({marks}))",
            chunk,
        )
        cursor.execute(f"DELETE FROM {ROWID_TABLE} WHERE service_id IN ({marks})", chunk)


def _fts_insert(cursor, docs: list[tuple[object, str, str]]) -> None:
    cursor.executemany(
        f"INSERT INTO {ROWID_TABLE} (service_id) VALUES (%s)", [(_db_id(d[0]),) for d in docs]
    )
    cursor.executemany(
        f"INSERT INTO {FTS_TABLE} (rowid, name, body) "
        f"SELECT id, %s, %s FROM {ROWID_TABLE} WHERE service_id = %s",
        [(name, body, _db_id(pk)) for pk, name, body in docs],
    )


def _document_terms(name: str, body: str) -> set[str]:
    return set(name.split()) | set(body.split())


def _apply_vocabulary(delta: Counter, *, rebuild: bool) -> None:
    if rebuild:
        SearchTerm.objects.all().delete()
        SearchTerm.objects.bulk_create(
            (SearchTerm(term=t, document_count=n) for t, n in delta.items() if n > 0),
            batch_size=5000,
        )
        return
    changed = [t for t, n in delta.items() if n]
    existing = {}
    for start in range(0, len(changed), 5000):
        existing.update(
            SearchTerm.objects.filter(term__in=changed[start : start + 5000]).in_bulk(
                field_name="term"
            )
        )
    updated, created, emptied = [], [], []
    for term in changed:
        row = existing.get(term)
        if row is None:
            if delta[term] > 0:
                created.append(SearchTerm(term=term, document_count=delta[term]))
            continue
        row.document_count = max(0, row.document_count + delta[term])
        (updated if row.document_count else emptied).append(row)
    SearchTerm.objects.bulk_update(updated, ["document_count"], batch_size=5000)
    SearchTerm.objects.bulk_create(created, batch_size=5000)
    SearchTerm.objects.filter(pk__in=[row.pk for row in emptied]).delete()


def _delete_documents(ids: list | None) -> None:
    """Delete search documents in SQL, bypassing the deletion signal (the
    indexer accounts for the vocabulary itself)."""
    table = ServiceSearchDocument._meta.db_table
    with connection.cursor() as cursor:
        if ids is None:
            cursor.execute(f"DELETE FROM {table}")
            return
        sql, params = (
            ServiceSearchDocument.objects.filter(service_id__in=ids)
            .values("pk")
            .query.sql_with_params()
        )
        cursor.execute(f"DELETE FROM {table} WHERE service_id IN ({sql})", params)


@receiver(post_delete, sender=ServiceSearchDocument, dispatch_uid="catalogue_search_deleted")
def _document_deleted(sender, instance: ServiceSearchDocument, **kwargs) -> None:
    """A service was deleted (its document goes with it): its terms leave the
    vocabulary and, on SQLite, its row leaves the FTS table."""
    terms = _document_terms(instance.name_terms, instance.body_terms)
    _apply_vocabulary(Counter(dict.fromkeys(terms, -1)), rebuild=False)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            _fts_delete(cursor, [instance.service_id])


def index_services(service_ids: Iterable | None = None) -> int:
    """(Re)build the search documents of the given services, or of all.

    Returns the number of services indexed. Services among ``service_ids``
    that no longer exist are removed from the index.
    """
    rebuild = service_ids is None
    if rebuild:
        ids = list(Service.objects.order_by("pk").values_list("pk", flat=True))
    else:
        ids = sorted({_to_uuid(pk) for pk in service_ids})
    sqlite = connection.vendor == "sqlite"
    delta: Counter = Counter()
    indexed = 0
    with transaction.atomic():
        if rebuild:
            _delete_documents(None)
            if sqlite:
                with connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM {FTS_TABLE}")
                    cursor.execute(f"DELETE FROM {ROWID_TABLE}")
        for start in range(0, len(ids), BATCH_SIZE):
            batch = ids[start : start + BATCH_SIZE]
            if not rebuild:
                for name, body in ServiceSearchDocument.objects.filter(
                    service_id__in=batch
                ).values_list("name_terms", "body_terms"):
                    delta.subtract(_document_terms(name, body))
                _delete_documents(batch)
            docs = list(_documents(batch))
            for _pk, name, body in docs:
                delta.update(_document_terms(name, body))
            ServiceSearchDocument.objects.bulk_create(
                [
                    ServiceSearchDocument(service_id=pk, name_terms=n, body_terms=b)
                    for pk, n, b in docs
                ]
            )
            if sqlite:
                with connection.cursor() as cursor:
                    if not rebuild:
                        _fts_delete(cursor, batch)
                    _fts_insert(cursor, docs)
            indexed += len(docs)
        _apply_vocabulary(delta, rebuild=rebuild)
        if sqlite and rebuild:
            with connection.cursor() as cursor:
                cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
    return indexed
