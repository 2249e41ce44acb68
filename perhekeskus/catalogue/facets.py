"""The finder's filters as full-text index terms ("facets").

Every filter a family can set that depends only on the service itself —
age, municipality, language, channel, cost, anonymity, referral, provider
kind, life situation — is also written into the service's search document
as a term of its own, in a column that does not count for relevance. A
filtered text search is then one full-text match: the engine intersects the
filters' posting lists with the words' instead of checking each matching
service against the catalogue's tables, which is what makes searches with
broad words and filters fast on a catalogue of 100 000 services.

``service_facets`` (for the index) and ``query_facets`` (for a search) must
agree with the SQL filters of :func:`perhekeskus.catalogue.selectors._filtered`;
``perhekeskus/catalogue/tests/test_facets.py`` checks that they do, for
random catalogues and queries. Filters that depend on the moment or on a
place (open now, near a place) stay in SQL (:func:`needs_sql`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .models import Service, ServiceChannel, TaxonomyTerm
from .query import REMOTE, ServiceQuery

# A prefix no Finnish, Swedish or English word has, so a family's words do
# not meet facet terms (one who types such a term only filters by it).
PREFIX = "qq"
# Ages the finder asks about (the search form's range); other ages go to SQL.
AGES = range(0, 30)
ANY_AGE = "anyage"
ANY_MUNICIPALITY = "anymun"

_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")


def _term(facet: str, value: object = "") -> str:
    # Letters only: both engines' tokenizers keep such a term whole, whatever
    # the value (codes may hold digits, hyphens or underscores).
    return PREFIX + facet + str(value).encode().hex().translate(_LETTERS)


@dataclass
class ServiceFacts:
    """What the facets of one service are made of."""

    age_min: int | None
    age_max: int | None
    national: bool
    cost: str
    anonymous: bool
    referral_required: bool
    provider_kind: str
    municipalities: set[str]
    languages: set[str]
    channel_kinds: set[str]
    life_situations: set[str]


def facts_by_service(ids: list) -> dict:
    """The facts of the given services, in a fixed number of queries."""
    facts = {
        row["pk"]: ServiceFacts(
            age_min=row["age_min"],
            age_max=row["age_max"],
            national=row["national"],
            cost=row["cost"],
            anonymous=row["anonymous"],
            referral_required=row["referral_required"],
            provider_kind=row["organization__kind"],
            municipalities=set(),
            languages=set(),
            channel_kinds=set(),
            life_situations=set(),
        )
        for row in Service.objects.filter(pk__in=ids).values(
            "pk",
            "age_min",
            "age_max",
            "national",
            "cost",
            "anonymous",
            "referral_required",
            "organization__kind",
        )
    }
    for service_id, code in Service.areas.through.objects.filter(service_id__in=ids).values_list(
        "service_id", "municipality__code"
    ):
        facts[service_id].municipalities.add(code)
    for service_id, kind, code in ServiceChannel.objects.filter(service_id__in=ids).values_list(
        "service_id", "kind", "location__municipality__code"
    ):
        facts[service_id].channel_kinds.add(kind)
        if code:
            facts[service_id].municipalities.add(code)
    for service_id, code in Service.languages.through.objects.filter(
        service_id__in=ids
    ).values_list("service_id", "language__code"):
        facts[service_id].languages.add(code)
    for service_id, code in Service.life_situations.through.objects.filter(
        service_id__in=ids, taxonomyterm__taxonomy=TaxonomyTerm.Taxonomy.LIFE_SITUATION
    ).values_list("service_id", "taxonomyterm__code"):
        facts[service_id].life_situations.add(code)
    return facts


def service_facets(facts: ServiceFacts) -> list[str]:
    terms = []
    if facts.age_min is None and facts.age_max is None:
        terms.append(_term(ANY_AGE))
    else:
        low = facts.age_min if facts.age_min is not None else AGES.start
        high = facts.age_max if facts.age_max is not None else AGES.stop - 1
        terms.extend(_term("age", age) for age in AGES if low <= age <= high)
    if facts.national:
        terms.append(_term(ANY_MUNICIPALITY))
    terms.extend(_term("mun", code) for code in sorted(facts.municipalities))
    terms.extend(_term("lang", code) for code in sorted(facts.languages))
    terms.extend(_term("ch", kind) for kind in sorted(facts.channel_kinds))
    if facts.cost == Service.Cost.FREE:
        terms.append(_term("free"))
    if facts.anonymous:
        terms.append(_term("anon"))
    if not facts.referral_required:
        terms.append(_term("noref"))
    terms.append(_term("org", facts.provider_kind))
    terms.extend(_term("ls", code) for code in sorted(facts.life_situations))
    return terms


def needs_sql(query: ServiceQuery) -> bool:
    """Does the query have filters the facets cannot answer?"""
    return (
        query.open_now
        or (query.near is not None and query.radius_km is not None)
        or (query.age is not None and query.age not in AGES)
    )


def _group(facet: str, values: Iterable) -> frozenset[str]:
    return frozenset(_term(facet, value) for value in values)


def query_facets(query: ServiceQuery) -> list[frozenset[str]]:
    """The query's filters as groups of facet terms: one term of each group
    must be in a service's document. Filters left to SQL are not included."""
    groups = []
    if query.age is not None and query.age in AGES:
        groups.append(frozenset({_term("age", query.age), _term(ANY_AGE)}))
    if query.municipality:
        groups.append(frozenset({_term("mun", query.municipality), _term(ANY_MUNICIPALITY)}))
    if query.languages:
        groups.append(_group("lang", query.languages))
    if query.channels:
        kinds = set(query.channels)
        if REMOTE in kinds:
            kinds.discard(REMOTE)
            kinds.update(ServiceChannel.REMOTE_KINDS)
        groups.append(_group("ch", sorted(kinds)))
    if query.free:
        groups.append(frozenset({_term("free")}))
    if query.anonymous:
        groups.append(frozenset({_term("anon")}))
    if query.no_referral:
        groups.append(frozenset({_term("noref")}))
    if query.provider_kinds:
        groups.append(_group("org", query.provider_kinds))
    if query.life_situations:
        groups.append(_group("ls", query.life_situations))
    return groups
