"""Reads for the HSDS API: public catalogue records only, prefetched per page."""

from __future__ import annotations

import datetime
import uuid

from django.db.models import Prefetch, QuerySet

from perhekeskus.catalogue import search
from perhekeskus.catalogue.models import (
    Location,
    Organization,
    Service,
    ServiceChannel,
    TaxonomyTerm,
)
from perhekeskus.core import text

from . import serialisers


def _channels_prefetch(prefix: str = "") -> list:
    return [
        Prefetch(
            f"{prefix}channels",
            queryset=ServiceChannel.objects.select_related(
                "location__municipality__region"
            ).prefetch_related("hours", "exceptions"),
        )
    ]


def services(*, full: bool) -> QuerySet[Service]:
    qs = Service.objects.all().order_by("pk")
    if full:
        qs = qs.select_related("organization__municipality").prefetch_related(
            "languages",
            "areas",
            Prefetch("target_groups", queryset=TaxonomyTerm.objects.select_related("parent")),
            Prefetch("life_situations", queryset=TaxonomyTerm.objects.select_related("parent")),
            *_channels_prefetch(),
        )
    return qs


def filter_services(
    qs: QuerySet[Service],
    *,
    search_text: str | None = None,
    term: TaxonomyTerm | None = None,
    taxonomy: str | None = None,
    organization_id: uuid.UUID | None = None,
    modified_after: datetime.datetime | None = None,
    prefix: str = "",
) -> QuerySet:
    """Filters shared by services and service_at_locations (``prefix`` "service__")."""
    if search_text:
        analysed = search.analyse_query(search_text)
        if not analysed.is_empty:
            qs = qs.filter(
                **{
                    f"{prefix}pk__in": Service.objects.filter(search.match_filter(analysed)).values(
                        "pk"
                    )
                }
            )
    if term is not None:
        relation = (
            "target_groups"
            if term.taxonomy == TaxonomyTerm.Taxonomy.TARGET_GROUP
            else "life_situations"
        )
        qs = qs.filter(**{f"{prefix}{relation}": term})
    if taxonomy is not None:
        relation = (
            "target_groups" if taxonomy == TaxonomyTerm.Taxonomy.TARGET_GROUP else "life_situations"
        )
        qs = qs.filter(
            **{
                f"{prefix}pk__in": Service.objects.filter(**{f"{relation}__isnull": False}).values(
                    "pk"
                )
            }
        )
    if organization_id is not None:
        qs = qs.filter(**{f"{prefix}organization_id": organization_id})
    if modified_after is not None:
        qs = qs.filter(**{f"{prefix}updated_at__gte": modified_after})
    return qs


def service_at_locations(*, full: bool) -> QuerySet[ServiceChannel]:
    qs = (
        ServiceChannel.objects.filter(
            kind__in=serialisers.CHANNEL_KINDS_AT_LOCATION, location__isnull=False
        )
        .select_related("location__municipality__region")
        .prefetch_related("hours", "exceptions")
        .order_by("pk")
    )
    if full:
        qs = qs.select_related("service")
    return qs


def organizations(*, full: bool) -> QuerySet[Organization]:
    qs = Organization.objects.select_related("municipality").order_by("pk")
    if full:
        qs = qs.prefetch_related(
            Prefetch(
                "locations",
                queryset=Location.objects.select_related("municipality__region").order_by("pk"),
            ),
            Prefetch("services", queryset=Service.objects.order_by("pk")),
        )
    return qs


def search_organizations(qs: QuerySet[Organization], text: str) -> QuerySet[Organization]:
    """Organisations whose services match (organisation names are indexed with them)."""
    analysed = search.analyse_query(text)
    if analysed.is_empty:
        return qs
    matching = Service.objects.filter(search.match_filter(analysed)).values("organization_id")
    return qs.filter(pk__in=matching)


def taxonomy_term_by_hsds_id(value: str) -> TaxonomyTerm | None:
    """A term by its HSDS id (derived UUID) or by ``taxonomy:code``/code."""
    value = value.strip()
    if ":" in value:
        taxonomy, _sep, code = value.partition(":")
        return TaxonomyTerm.objects.filter(taxonomy=taxonomy, code=code).first()
    for term in TaxonomyTerm.objects.all():
        if serialisers.term_id(term) == value or term.code == value:
            return term
    return None


def taxonomy_by_hsds_id(value: str) -> str | None:
    for code in TaxonomyTerm.Taxonomy.values:
        if value in (code, serialisers.taxonomy_id(code)):
            return code
    return None


def term_matches(term: TaxonomyTerm, groups: list[frozenset[str]]) -> bool:
    """Whether a term's names and description contain every query word group."""
    terms: set[str] = set()
    for language in serialisers.LANGUAGES:
        for field in ("name", "description"):
            value = getattr(term, f"{field}_{language}", None)
            if value:
                terms.update(text.index_terms(value, language))
    return all(group & terms for group in groups)


def search_terms(terms: list[TaxonomyTerm], text_: str) -> list[TaxonomyTerm]:
    analysed = search.analyse_query(text_)
    if analysed.is_empty:
        return terms
    return [term for term in terms if term_matches(term, analysed.groups)]
