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

import threading
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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

from . import cards, facets
from .models import SearchTerm, Service, ServiceChannel, ServiceSearchDocument

# Words beyond this are ignored: a query is a few words, not a document.
MAX_QUERY_WORDS = 12
BATCH_SIZE = 1000
# Field weights: a word in the name counts for ten in the body.
NAME_WEIGHT = 10.0
BODY_WEIGHT = 1.0
# ts_rank weights for {D, C, B, A}; the name is A and the body B.
PG_WEIGHTS = "{0, 0, 0.1, 1.0}"
# The name vector has no weights (all D): its own terms count fully.
PG_NAME_WEIGHTS = "{1.0, 0, 0, 0}"
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
    # How many indexed services contain each of the terms the vocabulary knows.
    term_counts: dict[str, int] = field(default_factory=dict)


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
    known = dict(
        SearchTerm.objects.filter(term__in=all_terms).values_list("term", "document_count")
    )
    groups: list[frozenset[str]] = []
    exact_groups: list[frozenset[str]] = []
    corrections: dict[str, str] = {}
    for word, terms in words:
        exact = text.query_word_terms(word, heads=False)
        if not terms & known.keys() and not word.isdigit():
            corrected = _closest_term(word)
            if corrected is not None:
                corrections[word] = corrected
                terms = terms | text.query_word_terms(corrected)
                exact = exact | text.query_word_terms(corrected, heads=False)
        groups.append(terms)
        exact_groups.append(exact)
    return AnalysedQuery(
        groups=groups,
        corrections=corrections,
        is_empty=False,
        exact_groups=exact_groups,
        term_counts=known,
    )


def _fts5_expression(groups: list[frozenset[str]]) -> str:
    # Terms are letters and digits only (see core.text), quoting makes any
    # of them — NEAR, AND, OR — a plain word to FTS5.
    return " AND ".join(
        "(" + " OR ".join(f'"{t}"' for t in sorted(group)) + ")" for group in groups
    )


def _tsquery_expression(groups: list[frozenset[str]]) -> str:
    return " & ".join("(" + " | ".join(f"'{t}'" for t in sorted(group)) + ")" for group in groups)


def _expression(
    groups: list[frozenset[str]],
    without: list[frozenset[str]] | None = None,
    facet_groups: Iterable[frozenset[str]] = (),
) -> str:
    """The engine's match expression for ``groups`` and the filters'
    ``facet_groups`` (and not ``without``)."""
    groups = [*groups, *facet_groups]
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


def match_filter(analysed: AnalysedQuery, facet_groups: Iterable[frozenset[str]] = ()) -> Q:
    """A filter on Service keeping the services that match the query (and
    the filters given as ``facet_groups``)."""
    facet_groups = list(facet_groups)
    if analysed.is_empty and not facet_groups:
        return Q()
    sql, params = _matching_ids_sql(_expression(analysed.groups, facet_groups=facet_groups))
    return Q(pk__in=RawSQL(sql, params))


def _correlated_within_sql(within: QuerySet, outer_column: str) -> tuple[str, tuple]:
    """``within`` restricted to the service whose id is ``outer_column`` of
    the enclosing query, for ``EXISTS (…)``."""
    correlated = within.order_by().filter(pk=RawSQL(outer_column, ())).values("pk")
    return correlated.query.sql_with_params()


def _to_uuid(value) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


# --- Ranking ------------------------------------------------------------------
#
# Matches come in tiers, best first: the query's own words in the service's
# name; its own words anywhere; only a compound's head (*neuvola* for
# *perheneuvolassa*). Within a tier of at most RANK_LIMIT services the
# engine's relevance score orders them (bm25, ts_rank); a larger tier — a
# broad word such as *lapsi* — is ordered by the static order (shorter names
# first), which the index answers without scoring every match.

RANK_LIMIT = 1000
# PostgreSQL: how many rows of the static order a large tier's page is
# first looked for in (see _pg_in_static_order).
STATIC_PROBE_ROWS = 400
# SQLite: prefix of the name's terms repeated in the facets column; like the
# facets' own prefix, no word starts with it.
NAME_MARKER = "qn"
# Shorter names first: a service named after the word is about it.
# Capped so that it fits the SQLite row key (see _rowid).
MAX_STATIC_RANK = 2**15 - 1


@dataclass(frozen=True)
class _Tier:
    """One tier as SQL: the condition on the search documents (SQLite: an
    FTS5 MATCH expression; PostgreSQL: a WHERE clause on the documents
    ``d``) and the score added to its members."""

    sql: str
    params: tuple
    bonus: float
    # PostgreSQL: the tsquery ts_rank scores with: the words alone, so that
    # filters, however given, do not change the scores.
    rank_query: str = ""
    # PostgreSQL: the vector ts_rank reads, and its weights. The name tier is
    # scored on the inline name vector: every member has the words in its
    # name, and the full vector would be read from TOAST for each.
    rank_vector: str = "d.search_vector"
    rank_weights: str = PG_WEIGHTS


def _tiers(analysed: AnalysedQuery, facet_groups: list[frozenset[str]]) -> list[_Tier]:
    exact = analysed.exact_groups if _has_exact_tier(analysed) else analysed.groups
    with_facets = [*exact, *facet_groups]
    tiers = []
    if _is_postgresql():
        words, filtered = _tsquery_expression(exact), _tsquery_expression(with_facets)
        in_name = "d.name_vector @@ to_tsquery('simple', %s)"
        everywhere = "d.search_vector @@ to_tsquery('simple', %s)"
        by_name = {"rank_vector": "d.name_vector", "rank_weights": PG_NAME_WEIGHTS}
        # The name vector holds the facets too (migration 0006): the name
        # tier, filtered or not, needs the small name index alone.
        tiers.append(_Tier(in_name, (filtered,), 2 * EXACT_BONUS, words, **by_name))
        tiers.append(
            _Tier(f"{everywhere} AND NOT {in_name}", (filtered, words), EXACT_BONUS, words)
        )
        if exact is not analysed.groups:
            # Without the services that have the exact words, as an anti-join:
            # a negation inside the tsquery makes the index recheck every
            # match against its TOASTed vector. Scored on the inline name
            # vector (a head in the name first), for the same reason.
            everything = _expression(analysed.groups, facet_groups=facet_groups)
            tiers.append(
                _Tier(
                    f"{everywhere} AND d.service_id NOT IN (SELECT e.service_id "
                    "FROM catalogue_servicesearchdocument e "
                    "WHERE e.search_vector @@ to_tsquery('simple', %s))",
                    (everything, filtered),
                    0.0,
                    _tsquery_expression(analysed.groups),
                    **by_name,
                )
            )
        return tiers
    # The name's own terms, marked (see _name_markers): plain posting lists,
    # much cheaper for FTS5 than a column filter.
    in_name = _fts5_expression([frozenset(map(_name_marker, group)) for group in exact])
    everywhere = _fts5_expression(with_facets)
    tiers.append(_Tier(f"({in_name}) AND ({everywhere})", (), 2 * EXACT_BONUS))
    tiers.append(_Tier(f"({everywhere}) NOT ({in_name})", (), EXACT_BONUS))
    if exact is not analysed.groups:
        tiers.append(
            _Tier(_expression(analysed.groups, without=exact, facet_groups=facet_groups), (), 0.0)
        )
    return tiers


def ranked_ids(
    analysed: AnalysedQuery,
    *,
    facet_groups: Iterable[frozenset[str]] = (),
    within: QuerySet | None = None,
    limit: int = 20,
    offset: int = 0,
    count_cap: int | None = None,
) -> tuple[int, list[tuple[uuid.UUID, float]]]:
    """The number of active services that match the query and the filters,
    and one page of (service id, score), best first.

    ``facet_groups`` are the filters the index answers
    (:func:`perhekeskus.catalogue.facets.query_facets`); ``within``, when
    given, is a queryset of services for the filters it cannot answer,
    checked per match. With ``count_cap`` the count stops past the cap (or
    past the page, if that ends later): a count above ``count_cap`` means
    "more than that" — counting every match of a broad word visits every
    matching row.
    """
    with _search_cursor():
        return _ranked_ids(
            analysed,
            facet_groups=facet_groups,
            within=within,
            limit=limit,
            offset=offset,
            count_cap=count_cap,
        )


def count_limit(count_cap: int | None, offset: int, limit: int) -> int | None:
    """How many matches a count with ``count_cap`` goes to: past the cap, or
    past the page if that ends later (None: all)."""
    return None if count_cap is None else max(count_cap, offset + limit) + 1


def _ranked_ids(
    analysed: AnalysedQuery,
    *,
    facet_groups: Iterable[frozenset[str]],
    within: QuerySet | None,
    limit: int,
    offset: int,
    count_cap: int | None,
) -> tuple[int, list[tuple[uuid.UUID, float]]]:
    limit = max(0, int(limit))
    offset = max(0, int(offset))
    facet_groups = list(facet_groups)
    cap = count_limit(count_cap, offset, limit)
    if analysed.is_empty:
        if facet_groups and within is None:
            # Filters alone: the index answers them, in the static order.
            condition = _where_all(analysed, facet_groups)
            total = _count(condition, None, cap=cap)
            tier = _Tier(condition[0], condition[1], 0.0)
            return total, _in_static_order(tier, None, limit, offset) if limit else []
        qs = within if within is not None else Service.objects.filter(status=Service.Status.ACTIVE)
        if facet_groups:
            qs = qs.filter(match_filter(analysed, facet_groups))
        total = (qs if cap is None else qs.order_by()[:cap]).count()
        page = qs.order_by("pk").values_list("pk", flat=True)[offset : offset + limit]
        return total, [(pk, 0.0) for pk in page]

    # Counted RANK_LIMIT further: then a capped total still tells that the
    # last tier (whatever the tiers before it hold, short of the page's end)
    # is larger than RANK_LIMIT and holds the page's end, with no count of
    # its own.
    total_cap = None if cap is None else cap + RANK_LIMIT
    if total_cap is not None and _at_least(analysed, facet_groups, within) >= total_cap:
        total = total_cap  # more than that, as the vocabulary tells without counting
    else:
        total = _count(_where_all(analysed, facet_groups), within, cap=total_cap)
    tiers = _tiers(analysed, facet_groups)
    page: list[tuple[uuid.UUID, float]] = []
    start = 0  # where the current tier starts in the whole result
    for index, tier in enumerate(tiers):
        if len(page) == limit or start >= total:
            break
        # Tiers partition the matches: the last one's size needs no count
        # (with a capped total, at least that many); nor does a tier's beyond
        # what decides how it is ordered and whether the page ends in it.
        last = index == len(tiers) - 1
        enough = max(RANK_LIMIT, offset + limit - start) + 1
        size = total - start if last else _count((tier.sql, tier.params), within, cap=enough)
        if start + size > offset:
            first = max(0, offset - start)
            wanted = limit - len(page)
            if size <= RANK_LIMIT:
                page += _scored(tier, within, wanted, first)
            else:
                page += _in_static_order(tier, within, wanted, first)
        start += size
    return total, page


def _at_least(
    analysed: AnalysedQuery, facet_groups: list[frozenset[str]], within: QuerySet | None
) -> int:
    """A lower bound of the matches from the vocabulary's document counts: a
    one-word query without filters matches at least as many services as its
    most common term (a broad word's count is then not needed to know that
    it is over the cap)."""
    if facet_groups or within is not None or len(analysed.groups) != 1:
        return 0
    return max((analysed.term_counts.get(term, 0) for term in analysed.groups[0]), default=0)


class _Planning(threading.local):
    depth = 0


_planning = _Planning()


@contextmanager
def _search_cursor():
    """A cursor for the search's queries.

    PostgreSQL's planner does not count the cost of reading a TOASTed
    tsvector, so for a common word it prefers a sequential scan that reads
    every document's vector (~0.4 s at 100 000 services) to the GIN index
    (~10 ms). The search's queries are planned without sequential scans;
    the setting is restored afterwards (and rolled back with a failed
    transaction).
    """
    with connection.cursor() as cursor:
        if not _is_postgresql() or _planning.depth:
            yield cursor
            return
        # Set once for all the queries of one search (nested uses reuse it).
        cursor.execute("SELECT set_config('enable_seqscan', 'off', false)")
        _planning.depth += 1
        try:
            yield cursor
        finally:
            _planning.depth -= 1
            cursor.execute("SELECT set_config('enable_seqscan', 'on', false)")


def _where_all(analysed: AnalysedQuery, facet_groups: list[frozenset[str]]) -> tuple[str, tuple]:
    expression = _expression(analysed.groups, facet_groups=facet_groups)
    if _is_postgresql():
        return "d.search_vector @@ to_tsquery('simple', %s)", (expression,)
    return expression, ()


def _within_clause(within: QuerySet | None, outer: str) -> tuple[str, tuple]:
    if within is None:
        return "", ()
    # Checked per match (a correlated EXISTS on the primary key) rather than
    # evaluated over the whole catalogue.
    sql, params = _correlated_within_sql(within, outer)
    return f" AND EXISTS ({sql})", params


def _count(condition: tuple[str, tuple], within: QuerySet | None, cap: int | None = None) -> int:
    """How many indexed services (among ``within``) meet ``condition``; at
    most ``cap`` (the engine stops counting there)."""
    where, params = condition
    if _is_postgresql():
        extra, extra_params = _within_clause(within, "d.service_id")
        sql = f"SELECT 1 FROM catalogue_servicesearchdocument d WHERE {where}{extra}"
        all_params = [*params, *extra_params]
    elif within is None:
        sql = f"SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        all_params = [where]
    else:
        extra, extra_params = _within_clause(within, "m.service_id")
        sql = (
            f"SELECT 1 FROM {FTS_TABLE} JOIN {ROWID_TABLE} m "
            f"ON m.id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s{extra}"
        )
        all_params = [where, *extra_params]
    if cap is not None:
        sql += " LIMIT %s"
        all_params.append(cap)
    with _search_cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({sql}) AS matches", all_params)
        return cursor.fetchone()[0]


def _scored(tier: _Tier, within, limit: int, offset: int) -> list[tuple[uuid.UUID, float]]:
    """One page of a small tier by the engine's relevance score, ties by id."""
    if _is_postgresql():
        extra, extra_params = _within_clause(within, "d.service_id")
        sql = f"""
            SELECT d.service_id,
                   ts_rank(%s::float4[], {tier.rank_vector}, to_tsquery('simple', %s)) + %s AS score
            FROM catalogue_servicesearchdocument d
            WHERE {tier.sql}{extra}
            ORDER BY score DESC, d.service_id
            LIMIT %s OFFSET %s
        """
        params = [tier.rank_weights, tier.rank_query, tier.bonus, *tier.params, *extra_params]
        params += [limit, offset]
    else:
        extra, extra_params = _within_clause(within, "m.service_id")
        # bm25() only works in the query that scans the FTS table itself.
        sql = f"""
            WITH ranked AS MATERIALIZED (
                SELECT rowid AS id, -bm25({FTS_TABLE}, {NAME_WEIGHT}, {BODY_WEIGHT}, 0.0) AS score
                FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s
            )
            SELECT m.service_id, ranked.score + %s AS score
            FROM ranked JOIN {ROWID_TABLE} m ON m.id = ranked.id
            WHERE 1 = 1{extra}
            ORDER BY score DESC, m.service_id
            LIMIT %s OFFSET %s
        """
        params = [tier.sql, tier.bonus, *extra_params, limit, offset]
    with _search_cursor() as cursor:
        cursor.execute(sql, params)
        return [(_to_uuid(pk), float(score)) for pk, score in cursor.fetchall()]


def _in_static_order(tier: _Tier, within, limit: int, offset: int) -> list[tuple[uuid.UUID, float]]:
    """One page of a large tier in the static order (shorter names first,
    then by id): the index walks the matches in that order and stops."""
    if _is_postgresql():
        return _pg_in_static_order(tier, within, limit, offset)
    # The FTS rowid is the static order (see _rowid).
    extra, extra_params = _within_clause(within, "m.service_id")
    sql = f"""
        SELECT m.service_id FROM (
            SELECT rowid AS id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s
            ORDER BY rowid{"" if within is not None else " LIMIT %s OFFSET %s"}
        ) AS hits JOIN {ROWID_TABLE} m ON m.id = hits.id
        WHERE 1 = 1{extra}
        ORDER BY hits.id
        {"LIMIT %s OFFSET %s" if within is not None else ""}
    """
    params = [tier.sql, *extra_params, limit, offset]
    if within is None:
        params = [tier.sql, limit, offset]
    with _search_cursor() as cursor:
        cursor.execute(sql, params)
        return [(_to_uuid(row[0]), tier.bonus) for row in cursor.fetchall()]


def _pg_in_static_order(
    tier: _Tier, within, limit: int, offset: int
) -> list[tuple[uuid.UUID, float]]:
    """PostgreSQL: the page from the first rows of the static order when they
    hold it, else sorted out of the tier's matches."""
    extra, extra_params = _within_clause(within, "d.service_id")
    params = [*tier.params, *extra_params, limit, offset]
    # The first rows of the static order, filtered: enough when the tier's
    # services are spread through that order (a broad word). The planner
    # cannot know when they are not (a word only in long names), so it is
    # tried, not estimated.
    with _search_cursor() as cursor:
        if offset + limit <= STATIC_PROBE_ROWS:
            cursor.execute(
                f"""
                SELECT d.service_id FROM (
                    SELECT d.service_id, d.static_rank, d.name_vector, d.search_vector
                    FROM catalogue_servicesearchdocument d
                    ORDER BY d.static_rank, d.service_id
                    LIMIT %s
                ) AS d
                WHERE {tier.sql}{extra}
                ORDER BY d.static_rank, d.service_id
                LIMIT %s OFFSET %s
                """,
                [STATIC_PROBE_ROWS, *params],
            )
            rows = cursor.fetchall()
            if len(rows) == limit:
                return [(_to_uuid(row[0]), tier.bonus) for row in rows]
        # The tier's matches from its index, the page sorted out of them
        # (``+ 0``: not by walking the static order's index).
        cursor.execute(
            f"""
            SELECT d.service_id FROM catalogue_servicesearchdocument d
            WHERE {tier.sql}{extra}
            ORDER BY d.static_rank + 0, d.service_id
            LIMIT %s OFFSET %s
            """,
            params,
        )
        return [(_to_uuid(row[0]), tier.bonus) for row in cursor.fetchall()]


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


def static_rank(name: str) -> int:
    """The static order of a service: fewer words in its name, then fewer letters."""
    return min(len(text.tokenize(name)), 127) * 256 + min(len(name), 255)


def _documents(ids: list) -> Iterator[tuple[object, str, str, str, int, dict]]:
    """(service id, name terms, body terms, facet terms, static rank, card) of
    the active services among ``ids``.

    Only active services are indexed: the finder never shows the others.
    """
    name_fields = _field_names(NAME_FIELDS)
    body_fields = _field_names(BODY_FIELDS)
    org_fields = [(f"organization__name_{language}", language) for language in LANGUAGES]
    values = list(
        Service.objects.filter(pk__in=ids, status=Service.Status.ACTIVE).values(
            "pk", *(f for f, _l in name_fields + body_fields + org_fields)
        )
    )
    active = [row["pk"] for row in values]
    related = _related_texts(active)
    facts = facets.facts_by_service(active)
    card_data = cards.card_data(active)
    for row in values:
        name = _terms((row[f], language) for f, language in name_fields)
        body = _terms((row[f], language) for f, language in body_fields + org_fields)
        body.extend(_terms(related[row["pk"]]))
        yield (
            row["pk"],
            " ".join(name),
            " ".join(body),
            " ".join(facets.service_facets(facts[row["pk"]])),
            static_rank(row["name_fi"] or ""),
            card_data[row["pk"]],
        )


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


def _rowid(rank: int, service_id) -> int:
    """The FTS row key: the static order, then the service id's first 48 bits,
    so that walking the index in row order is walking it in static order."""
    return (min(rank, MAX_STATIC_RANK) << 48) | (_to_uuid(service_id).int >> 80)


def _name_marker(term: str) -> str:
    return NAME_MARKER + term


def _name_markers(name_terms: str) -> str:
    """SQLite: the name's terms once more, marked, for the name tier."""
    return " ".join(_name_marker(term) for term in sorted(set(name_terms.split())))


def _fts_insert(cursor, docs: list[tuple[object, str, str, str, int, dict]]) -> None:
    wanted = {_db_id(doc[0]): _rowid(doc[4], doc[0]) for doc in docs}
    taken: set[int] = set()
    candidates = list(wanted.values())
    for start in range(0, len(candidates), 500):
        chunk = candidates[start : start + 500]
        cursor.execute(
            f"SELECT id FROM {ROWID_TABLE} WHERE id IN ({','.join(['%s'] * len(chunk))})", chunk
        )
        taken.update(row[0] for row in cursor.fetchall())
    rows = []
    for key, rowid in wanted.items():
        # Two services with the same rank and 48-bit prefix: the next free key.
        while rowid in taken:
            rowid += 1
        taken.add(rowid)
        rows.append((rowid, key))
    cursor.executemany(f"INSERT INTO {ROWID_TABLE} (id, service_id) VALUES (%s, %s)", rows)
    cursor.executemany(
        f"INSERT INTO {FTS_TABLE} (rowid, name, body, facets) "
        f"SELECT id, %s, %s, %s FROM {ROWID_TABLE} WHERE service_id = %s",
        [
            (name, body, f"{facet_terms} {_name_markers(name)}", _db_id(pk))
            for pk, name, body, facet_terms, _rank, _card in docs
        ],
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
            for _pk, name, body, _facets, _rank, _card in docs:
                delta.update(_document_terms(name, body))
            ServiceSearchDocument.objects.bulk_create(
                [
                    ServiceSearchDocument(
                        service_id=pk,
                        name_terms=n,
                        body_terms=b,
                        facet_terms=f,
                        static_rank=r,
                        card=card,
                    )
                    for pk, n, b, f, r, card in docs
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
