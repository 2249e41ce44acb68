"""The public HSDS 3.0 API (``/api/hsds/``).

Read-only, without a key, open to every origin (CORS ``*``): it serves only
the public service catalogue — organisations, services, locations and
taxonomies — and no client data. Records follow the official compiled
schemas plus the catalogue's profile (``docs/hsds-profile/``): the default
text language comes from ``lang`` or ``Accept-Language``, and every
translated field is also given in full as ``<field>_translations``.
"""

from __future__ import annotations

import datetime
import functools
import json
import math
import uuid
from pathlib import Path
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, URLResolver, re_path
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Router, Schema, Status
from ninja.errors import HttpError

from perhekeskus.catalogue.apilanguage import request_language
from perhekeskus.catalogue.models import TaxonomyTerm
from perhekeskus.core.errors import ErrorOut
from perhekeskus.web.access import ACCESS_POLICY_ATTR, public

from . import selectors, serialisers

PROFILE_DIR = Path(__file__).resolve().parent / "profile"
PROFILE_RECORDS = ("service", "organization", "service_at_location", "taxonomy_term")
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Type",
    "Access-Control-Max-Age": "86400",
}


def _cors(view):
    """Answer preflight requests and open every response to all origins."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        else:
            response = view(request, *args, **kwargs)
        for header, value in CORS_HEADERS.items():
            response[header] = value
        return response

    setattr(wrapper, ACCESS_POLICY_ATTR, getattr(view, ACCESS_POLICY_ATTR, None) or "public")
    return wrapper


@public
def _not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    return JsonResponse({"detail": _("Not found.")}, status=404)


class HsdsAPI(NinjaAPI):
    """NinjaAPI whose every URL (docs and 404s included) answers CORS."""

    def _get_urls(self) -> list[URLPattern | URLResolver]:
        patterns = []
        for pattern in super()._get_urls():
            # ninja's own "api-root" stays for reverse(); "/" resolves to meta().
            pattern.callback = _cors(pattern.callback)
            patterns.append(pattern)
        patterns.append(re_path(r"^(?P<rest>.*)$", _cors(_not_found), name="not-found"))
        return patterns


hsds_api = HsdsAPI(
    title="Perhekeskus HSDS API",
    version=serialisers.HSDS_VERSION,
    description=str(
        _(
            "The public service catalogue as Open Referral HSDS 3.0, with the "
            "catalogue's profile for Finnish, Swedish and English texts."
        )
    ),
    urls_namespace="api-hsds",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
router = Router(tags=["HSDS"])


class MetaOut(Schema):
    version: str
    profile: str
    openapi_url: str


class PageOut(Schema):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool
    contents: list[dict[str, Any]]


# --- Parameters -------------------------------------------------------------


def _int(request: HttpRequest, name: str, default: int, low: int, high: int) -> int:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise HttpError(400, _("“%(name)s” must be a whole number.") % {"name": name}) from None
    if not low <= value <= high:
        raise HttpError(
            400,
            _("“%(name)s” must be between %(low)d and %(high)d.")
            % {"name": name, "low": low, "high": high},
        )
    return value


def _bool(request: HttpRequest, name: str, default: bool = False) -> bool:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    if raw.lower() in ("true", "1", "yes"):
        return True
    if raw.lower() in ("false", "0", "no"):
        return False
    raise HttpError(400, _("“%(name)s” must be true or false.") % {"name": name})


def _uuid(request: HttpRequest, name: str) -> uuid.UUID | None:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise HttpError(400, _("“%(name)s” must be a UUID.") % {"name": name}) from None


def _datetime(request: HttpRequest, name: str) -> datetime.datetime | None:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return None
    try:
        value = datetime.datetime.fromisoformat(raw.replace(" ", "+"))
    except ValueError:
        raise HttpError(
            400, _("“%(name)s” must be an ISO 8601 date or date-time.") % {"name": name}
        ) from None
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def _service_filters(request: HttpRequest) -> dict:
    filters: dict = {
        "search_text": (request.GET.get("search") or "").strip()[:200] or None,
        "organization_id": _uuid(request, "organization_id"),
        "modified_after": _datetime(request, "modified_after"),
    }
    term_value = request.GET.get("taxonomy_term_id")
    if term_value:
        term = selectors.taxonomy_term_by_hsds_id(term_value)
        if term is None:
            raise HttpError(400, _("Unknown taxonomy term."))
        filters["term"] = term
    taxonomy_value = request.GET.get("taxonomy_id")
    if taxonomy_value:
        taxonomy = selectors.taxonomy_by_hsds_id(taxonomy_value)
        if taxonomy is None:
            raise HttpError(400, _("Unknown taxonomy."))
        filters["taxonomy"] = taxonomy
    return filters


def _page(request: HttpRequest, qs, serialise) -> dict:
    """One page of a queryset: a COUNT and a LIMIT/OFFSET query, never a full list."""
    page = _int(request, "page", 1, 1, 10_000_000)
    per_page = _int(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    total = qs.count()
    total_pages = math.ceil(total / per_page) if total else 0
    offset = (page - 1) * per_page
    rows = list(qs[offset : offset + per_page]) if offset < total else []
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(rows),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not rows,
        "contents": [serialise(row) for row in rows],
    }


def _list(request: HttpRequest, items: list, serialise) -> dict:
    """Paging of a short list held in memory (taxonomies, taxonomy terms)."""
    page = _int(request, "page", 1, 1, 10_000_000)
    per_page = _int(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    total = len(items)
    total_pages = math.ceil(total / per_page) if total else 0
    rows = items[(page - 1) * per_page : page * per_page]
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(rows),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not rows,
        "contents": [serialise(row) for row in rows],
    }


def _record_uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise HttpError(404, _("Not found.")) from None


def _one(request: HttpRequest, record_id: str, records, serialise):
    """One record by its id from ``records()``, serialised in the asked language; 404 if absent."""
    language = request_language(request)
    pk = _record_uuid(record_id)
    with translation.override(language):
        record = records().filter(pk=pk).first()
        if record is None:
            return Status(404, {"detail": _("Not found.")})
        return Status(200, serialise(record))


# --- Operations -------------------------------------------------------------


@router.get("/", response=MetaOut, summary="About this API", operation_id="getAPIMetaInformation")
@public
def meta(request):
    """The HSDS version of this API, its profile and its OpenAPI description."""
    return {
        "version": serialisers.HSDS_VERSION,
        "profile": serialisers.profile_url(request),
        "openapi_url": request.build_absolute_uri("/api/hsds/openapi.json"),
    }


@router.get(
    "/profile/",
    response={200: dict[str, Any]},
    summary="The catalogue's HSDS profile",
    operation_id="getProfile",
)
@public
def profile(request):
    """The profile: one JSON merge patch per record type over the HSDS 3.0 schemas."""
    return {
        "name": "perhekeskus",
        "title": "Perhekeskus HSDS 3.0 profile",
        "description": (
            "Finnish, Swedish and English texts, PTV identifiers, municipality "
            "codes and the catalogue's service attributes."
        ),
        "hsds_version": serialisers.HSDS_VERSION,
        "schemas": {
            record: request.build_absolute_uri(f"/api/hsds/profile/{record}.json")
            for record in PROFILE_RECORDS
        },
    }


@router.get(
    "/profile/{record}.json",
    response={200: dict[str, Any], 404: ErrorOut},
    summary="A profile merge patch",
    operation_id="getProfileSchema",
)
@public
def profile_schema(request, record: str):
    if record not in PROFILE_RECORDS:
        return Status(404, {"detail": _("Not found.")})
    with (PROFILE_DIR / f"{record}.json").open(encoding="utf-8") as handle:
        return Status(200, json.load(handle))


@router.get(
    "/services",
    response={200: PageOut, 400: ErrorOut},
    summary="Services, a page at a time",
    operation_id="getPaginatedListOfServices",
)
@public
def list_services(
    request,
    page: str | None = None,
    per_page: str | None = None,
    search: str | None = None,
    taxonomy_term_id: str | None = None,
    taxonomy_id: str | None = None,
    organization_id: str | None = None,
    modified_after: str | None = None,
    full: str | None = None,
    lang: str | None = None,
):
    """Services with their one-to-one fields; `full=true` nests everything.

    `search` is the catalogue's Finnish-aware full-text search.
    """
    language = request_language(request)
    is_full = _bool(request, "full")
    filters = _service_filters(request)
    with translation.override(language):
        qs = selectors.filter_services(selectors.services(full=is_full), **filters)
        return Status(200, _page(request, qs, lambda s: serialisers.service(s, full=is_full)))


@router.get(
    "/services/{service_id}",
    response={200: dict[str, Any], 400: ErrorOut, 404: ErrorOut},
    summary="One service, fully nested",
    operation_id="getFullyNestedServiceById",
)
@public
def get_service(request, service_id: str, lang: str | None = None):
    return _one(
        request,
        service_id,
        lambda: selectors.services(full=True),
        lambda svc: serialisers.service(svc, full=True),
    )


@router.get(
    "/organizations",
    response={200: PageOut, 400: ErrorOut},
    summary="Organisations, a page at a time",
    operation_id="getPaginatedListOfOrganizations",
)
@public
def list_organizations(
    request,
    page: str | None = None,
    per_page: str | None = None,
    search: str | None = None,
    full: str | None = None,
    lang: str | None = None,
):
    language = request_language(request)
    is_full = _bool(request, "full")
    qs = selectors.organizations(full=is_full)
    text = (request.GET.get("search") or "").strip()[:200]
    with translation.override(language):
        if text:
            qs = selectors.search_organizations(qs, text)
        return Status(
            200,
            _page(
                request,
                qs,
                lambda o: serialisers.organization(o, full=is_full, services=o.services.all()),
            ),
        )


@router.get(
    "/organizations/{organization_id}",
    response={200: dict[str, Any], 400: ErrorOut, 404: ErrorOut},
    summary="One organisation with its services and locations",
    operation_id="getOrganizationById",
)
@public
def get_organization(request, organization_id: str, lang: str | None = None):
    return _one(
        request,
        organization_id,
        lambda: selectors.organizations(full=True),
        lambda org: serialisers.organization(org, full=True, services=org.services.all()),
    )


@router.get(
    "/service_at_locations",
    response={200: PageOut, 400: ErrorOut},
    summary="Services at locations, a page at a time",
    operation_id="getPaginatedListOfServiceAtLocation",
)
@public
def list_service_at_locations(
    request,
    page: str | None = None,
    per_page: str | None = None,
    search: str | None = None,
    taxonomy_term_id: str | None = None,
    taxonomy_id: str | None = None,
    organization_id: str | None = None,
    modified_after: str | None = None,
    full: str | None = None,
    lang: str | None = None,
):
    language = request_language(request)
    is_full = _bool(request, "full")
    filters = _service_filters(request)
    with translation.override(language):
        qs = selectors.filter_services(
            selectors.service_at_locations(full=is_full), prefix="service__", **filters
        )
        return Status(
            200,
            _page(
                request, qs, lambda ch: serialisers.service_at_location(ch, with_service=is_full)
            ),
        )


@router.get(
    "/service_at_locations/{sal_id}",
    response={200: dict[str, Any], 400: ErrorOut, 404: ErrorOut},
    summary="One service at a location, with its service",
    operation_id="getServiceAtLocationWithNestedDataById",
)
@public
def get_service_at_location(request, sal_id: str, lang: str | None = None):
    return _one(
        request,
        sal_id,
        lambda: selectors.service_at_locations(full=True),
        lambda channel: serialisers.service_at_location(channel, with_service=True),
    )


@router.get(
    "/taxonomies",
    response={200: PageOut, 400: ErrorOut},
    summary="The catalogue's taxonomies",
    operation_id="getPaginatedListOfTaxonomies",
)
@public
def list_taxonomies(
    request,
    page: str | None = None,
    per_page: str | None = None,
    search: str | None = None,
    lang: str | None = None,
):
    language = request_language(request)
    with translation.override(language):
        codes = list(TaxonomyTerm.Taxonomy.values)
        return Status(200, _list(request, codes, serialisers.taxonomy))


@router.get(
    "/taxonomy_terms",
    response={200: PageOut, 400: ErrorOut},
    summary="Terms of the catalogue's taxonomies",
    operation_id="getPaginatedListOfTaxonomyTerms",
)
@public
def list_taxonomy_terms(
    request,
    page: str | None = None,
    per_page: str | None = None,
    search: str | None = None,
    taxonomy_id: str | None = None,
    lang: str | None = None,
):
    language = request_language(request)
    with translation.override(language):
        terms = TaxonomyTerm.objects.select_related("parent").order_by("taxonomy", "order", "code")
        taxonomy_value = request.GET.get("taxonomy_id")
        if taxonomy_value:
            taxonomy = selectors.taxonomy_by_hsds_id(taxonomy_value)
            if taxonomy is None:
                raise HttpError(400, _("Unknown taxonomy."))
            terms = terms.filter(taxonomy=taxonomy)
        items = list(terms)
        text = (request.GET.get("search") or "").strip()[:200]
        if text:
            items = selectors.search_terms(items, text)
        return Status(200, _list(request, items, serialisers.taxonomy_term))


hsds_api.add_router("", router)
