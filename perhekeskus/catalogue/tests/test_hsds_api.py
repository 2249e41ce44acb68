"""``/api/hsds/``: the public HSDS 3.0 API.

Every record the API returns is validated against the official compiled
schemas (copied into the project) and against the same schemas with the
catalogue's profile merged in.
"""

import datetime
import json
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from jsonschema import Draft202012Validator

from perhekeskus.catalogue import search
from perhekeskus.catalogue.hsds import schemas, serialisers
from perhekeskus.catalogue.models import Service, TaxonomyTerm
from perhekeskus.web.access import policy_of

from .factories import (
    HoursExceptionFactory,
    InPersonChannelFactory,
    LanguageFactory,
    MunicipalityFactory,
    OpeningHoursFactory,
    OrganizationFactory,
    ServiceChannelFactory,
    ServiceFactory,
    TargetGroupFactory,
    TaxonomyTermFactory,
    WebChannelFactory,
)

pytestmark = pytest.mark.django_db
BASE = "/api/hsds"
ROOT = Path(__file__).resolve().parents[3]
PROFILE_DIR = ROOT / "perhekeskus" / "catalogue" / "hsds" / "profile"


def merge_patch(target, patch):
    """RFC 7396 JSON merge patch."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


_profiled: dict = {}


def profiled_validator(record_type):
    if record_type not in _profiled:
        patch = json.loads((PROFILE_DIR / f"{record_type}.json").read_text(encoding="utf-8"))
        _profiled[record_type] = Draft202012Validator(
            merge_patch(schemas.schema(record_type), patch), format_checker=schemas.format_checker
        )
    return _profiled[record_type]


def assert_valid(record_type, record):
    assert schemas.errors(record_type, record) == [], record
    problems = [e.message for e in profiled_validator(record_type).iter_errors(record)]
    assert problems == [], problems


@pytest.fixture
def catalogue():
    return build_catalogue()


def build_catalogue():
    """Two services: a clinic with a visit, a phone line and hours; a web service."""
    municipality = MunicipalityFactory(code="091", name_fi="Helsinki", name_sv="Helsingfors")
    org = OrganizationFactory(kind="municipality", municipality=municipality)
    group = TargetGroupFactory(code="whole-family", name_fi="Koko perhe", name_en="Whole family")
    situation = TaxonomyTermFactory(
        code="separation", name_fi="Ero ja yhteishuoltajuus", name_sv="Skilsmässa"
    )
    finnish, somali = LanguageFactory(code="fi", name_fi="suomi"), LanguageFactory(code="so")
    clinic = ServiceFactory(
        organization=org,
        name_fi="Lastenneuvola Keskusta",
        name_sv="Barnrådgivningen Centrum",
        name_en="Child health clinic, Centre",
        age_min=0,
        age_max=6,
        target_groups=[group],
        languages=[finnish, somali],
        areas=[municipality],
    )
    visit = InPersonChannelFactory(service=clinic, location__municipality=municipality)
    OpeningHoursFactory(channel=visit, weekday=0)
    OpeningHoursFactory(channel=visit, weekday=2, opens=datetime.time(12), closes=datetime.time(18))
    HoursExceptionFactory(channel=visit)
    HoursExceptionFactory(
        channel=visit,
        date=datetime.date(2030, 1, 2),
        closed=False,
        opens=datetime.time(10),
        closes=datetime.time(12),
    )
    phone = ServiceChannelFactory(service=clinic)
    OpeningHoursFactory(channel=phone, weekday=4)
    counselling = ServiceFactory(
        name_fi="Eroperheiden keskusteluapu",
        name_sv="Samtalsstöd vid skilsmässa",
        name_en="Support for separating families",
        summary_fi="Keskusteluapua eron keskellä.",
        description_fi="Keskusteluapua vanhemmille eron keskellä.",
        description_sv="Samtalsstöd för föräldrar.",
        description_en="Someone to talk to during a separation.",
        life_situations=[situation],
        cost=Service.Cost.VOUCHER,
        url="",
        email="",
    )
    WebChannelFactory(service=counselling)
    search.index_services()
    return clinic, counselling, visit


def test_root_gives_version_profile_and_openapi(client):
    response = client.get(f"{BASE}/")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "3.0"
    assert body["profile"].endswith("/api/hsds/profile/")
    assert client.get(body["profile"]).status_code == 200
    schema = client.get(f"{BASE}/profile/service.json").json()
    assert schema["properties"]["name_translations"] == {"$ref": "#/$defs/translations"}
    openapi = client.get(f"{BASE}/openapi.json").json()
    paths = set(openapi["paths"])
    assert {
        "/api/hsds/services",
        "/api/hsds/services/{service_id}",
        "/api/hsds/organizations",
        "/api/hsds/organizations/{organization_id}",
        "/api/hsds/service_at_locations",
        "/api/hsds/service_at_locations/{sal_id}",
        "/api/hsds/taxonomies",
        "/api/hsds/taxonomy_terms",
    } <= paths


def test_profile_in_docs_is_the_served_profile():
    for path in PROFILE_DIR.glob("*.json"):
        assert path.read_text() == (ROOT / "docs" / "hsds-profile" / path.name).read_text()


@pytest.mark.parametrize("full", ["false", "true"])
def test_service_pages_validate(client, catalogue, full):
    body = client.get(f"{BASE}/services", {"full": full}).json()
    assert body["total_items"] == 2 and body["size"] == 2 and body["empty"] is False
    assert body["first_page"] and body["last_page"] and body["total_pages"] == 1
    for record in body["contents"]:
        assert_valid("service", record)
    if full == "true":
        assert all("service_at_locations" in r for r in body["contents"])
    else:
        assert all("service_at_locations" not in r for r in body["contents"])


def test_full_service_carries_every_modelled_field(client, catalogue):
    clinic, _counselling, visit = catalogue
    body = client.get(f"{BASE}/services/{clinic.pk}").json()
    assert_valid("service", body)
    assert body["name"] == "Lastenneuvola Keskusta"
    assert body["name_translations"] == {
        "fi": "Lastenneuvola Keskusta",
        "sv": "Barnrådgivningen Centrum",
        "en": "Child health clinic, Centre",
    }
    assert body["minimum_age"] == 0 and body["maximum_age"] == 6
    assert body["cost"] == "free" and body["cost_options"][0]["amount"] == 0
    assert [lang["code"] for lang in body["languages"]] == ["fi", "so"]
    assert body["service_areas"][0]["municipality_code"] == "091"
    assert body["attributes"][0]["taxonomy_term"]["code"] == "whole-family"
    sal = body["service_at_locations"][0]
    assert sal["id"] == str(visit.pk)
    assert sal["location"]["latitude"] == pytest.approx(visit.location.latitude)
    assert sal["location"]["addresses"][0]["country"] == "FI"
    weekly = [s for s in sal["schedules"] if s.get("freq") == "WEEKLY"]
    assert sorted(s["byday"] for s in weekly) == ["MO", "WE"]
    exceptions = [s for s in sal["schedules"] if s.get("exception")]
    assert sorted(s["closed"] for s in exceptions) == [False, True]
    assert body["phones"][0]["number"].startswith("+358")
    assert [s["byday"] for s in body["schedules"]] == ["FR"]
    assert sorted(c["kind"] for c in body["channels"]) == ["in_person", "phone"]


def test_language_by_parameter_and_header(client, catalogue):
    clinic, _c, _v = catalogue
    assert client.get(f"{BASE}/services/{clinic.pk}", {"lang": "sv"}).json()["name"] == (
        "Barnrådgivningen Centrum"
    )
    response = client.get(f"{BASE}/services/{clinic.pk}", headers={"accept-language": "en"})
    assert response.json()["name"] == "Child health clinic, Centre"
    assert client.get(f"{BASE}/services", {"lang": "de"}).status_code == 400


def test_single_records_and_lists_validate(client, catalogue):
    clinic, _c, visit = catalogue
    org = client.get(f"{BASE}/organizations/{clinic.organization_id}").json()
    assert_valid("organization", org)
    assert [s["id"] for s in org["services"]] == [str(clinic.pk)]
    assert org["municipality_code"] == "091"
    for full in ("false", "true"):
        for record in client.get(f"{BASE}/organizations", {"full": full}).json()["contents"]:
            assert_valid("organization", record)
        page = client.get(f"{BASE}/service_at_locations", {"full": full}).json()
        assert page["total_items"] == 1
        for record in page["contents"]:
            assert_valid("service_at_location", record)
    sal = client.get(f"{BASE}/service_at_locations/{visit.pk}").json()
    assert_valid("service_at_location", sal)
    assert sal["service"]["id"] == str(clinic.pk)


def test_taxonomies_and_terms(client, catalogue):
    taxonomies = client.get(f"{BASE}/taxonomies").json()
    assert {t["code"] for t in taxonomies["contents"]} == set(TaxonomyTerm.Taxonomy.values)
    terms = client.get(f"{BASE}/taxonomy_terms").json()
    assert terms["total_items"] == 2
    group_taxonomy = serialisers.taxonomy_id("target_group")
    only_groups = client.get(f"{BASE}/taxonomy_terms", {"taxonomy_id": group_taxonomy}).json()
    assert [t["code"] for t in only_groups["contents"]] == ["whole-family"]
    found = client.get(f"{BASE}/taxonomy_terms", {"search": "eroon"}).json()
    assert [t["code"] for t in found["contents"]] == ["separation"]


def test_filters(client, catalogue):
    clinic, counselling, _v = catalogue

    def ids(**params):
        return [r["id"] for r in client.get(f"{BASE}/services", params).json()["contents"]]

    assert ids(search="neuvolaan") == [str(clinic.pk)]
    assert ids(search="skilsmässan") == [str(counselling.pk)]
    term = clinic.target_groups.get()
    assert ids(taxonomy_term_id=serialisers.term_id(term)) == [str(clinic.pk)]
    assert ids(taxonomy_id=serialisers.taxonomy_id("life_situation")) == [str(counselling.pk)]
    assert ids(organization_id=str(clinic.organization_id)) == [str(clinic.pk)]
    future = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    assert ids(modified_after=future) == []
    assert len(ids(modified_after="2000-01-01")) == 2
    sal = client.get(f"{BASE}/service_at_locations", {"search": "neuvola"}).json()
    assert sal["total_items"] == 1
    assert client.get(f"{BASE}/service_at_locations", {"search": "skilsmässa"}).json()["empty"]
    orgs = client.get(f"{BASE}/organizations", {"search": "neuvola"}).json()
    assert [o["id"] for o in orgs["contents"]] == [str(clinic.organization_id)]


@pytest.mark.parametrize(
    "params",
    [
        {"page": "x"},
        {"page": "0"},
        {"per_page": "100000"},
        {"full": "maybe"},
        {"organization_id": "not-a-uuid"},
        {"modified_after": "yesterday"},
        {"taxonomy_term_id": "nonexistent"},
        {"taxonomy_id": "nonexistent"},
    ],
)
def test_bad_parameters_are_400(client, catalogue, params):
    response = client.get(f"{BASE}/services", params)
    assert response.status_code == 400
    assert response.json()["detail"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_unknown_records_are_404(client, catalogue):
    for path in ("services", "organizations", "service_at_locations"):
        assert client.get(f"{BASE}/{path}/{uuid.uuid4()}").status_code == 404
        assert client.get(f"{BASE}/{path}/not-a-uuid").status_code == 404
    response = client.get(f"{BASE}/no/such/thing")
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"


def test_cors_on_every_response_and_preflight(client, catalogue):
    clinic, _c, _v = catalogue
    for path in ("/", "/services", f"/services/{clinic.pk}", "/openapi.json", "/taxonomies"):
        response = client.get(BASE + path)
        assert response.status_code == 200, path
        assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        f"{BASE}/services",
        headers={"origin": "https://example.org", "access-control-request-method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_paging(client):
    org = OrganizationFactory()
    for _ in range(7):
        ServiceFactory(organization=org)
    pages = [client.get(f"{BASE}/services", {"per_page": 3, "page": p}).json() for p in (1, 2, 3)]
    assert [p["size"] for p in pages] == [3, 3, 1]
    assert [p["total_pages"] for p in pages] == [3, 3, 3]
    assert [(p["first_page"], p["last_page"]) for p in pages] == [
        (True, False),
        (False, False),
        (False, True),
    ]
    ids = [r["id"] for p in pages for r in p["contents"]]
    assert len(set(ids)) == 7
    beyond = client.get(f"{BASE}/services", {"per_page": 3, "page": 9}).json()
    assert beyond["empty"] and beyond["contents"] == [] and beyond["total_items"] == 7


def test_full_page_query_count_does_not_grow_with_page_size(client):
    def queries(per_page):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(f"{BASE}/services", {"full": "true", "per_page": per_page})
        assert response.status_code == 200
        return len(ctx.captured_queries)

    for _ in range(6):
        service = ServiceFactory(
            languages=[LanguageFactory()], target_groups=[TargetGroupFactory()]
        )
        channel = InPersonChannelFactory(service=service)
        OpeningHoursFactory(channel=channel)
    assert queries(2) == queries(6)


def test_paging_never_loads_the_whole_table(client):
    for _ in range(5):
        ServiceFactory()
    with CaptureQueriesContext(connection) as ctx:
        client.get(f"{BASE}/services", {"per_page": 2, "page": 2})
    selects = [q["sql"] for q in ctx.captured_queries if "catalogue_service" in q["sql"]]
    assert any("COUNT(" in sql.upper() for sql in selects)
    assert all("LIMIT" in sql.upper() for sql in selects if "COUNT(" not in sql.upper())


def test_no_client_data_fields(client, catalogue):
    clinic, _c, _v = catalogue
    text = json.dumps(client.get(f"{BASE}/services/{clinic.pk}").json())
    for word in ("identity_code", "ssn", "family", "client", "contacts"):
        assert f'"{word}' not in text


def _patterns(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def test_every_hsds_url_and_operation_has_an_access_policy():
    found = 0
    for route, entry in _patterns(get_resolver()):
        if not route.startswith("api/hsds/"):
            continue
        found += 1
        assert policy_of(entry.callback) == "public", route
        path_view = getattr(getattr(entry.callback, "__wrapped__", None), "__self__", None)
        for operation in getattr(path_view, "operations", []):
            assert policy_of(operation.view_func) == "public", route
    assert found >= 10


def _all_pages(client, path, **params):
    page, records = 1, []
    while True:
        body = client.get(f"{BASE}/{path}", {"page": page, "per_page": 100, **params}).json()
        records += body["contents"]
        if body["last_page"]:
            return body["total_items"], records
        page += 1


def test_every_record_of_the_demo_catalogue_validates(client):
    from perhekeskus.catalogue.demo.loader import load_demo_region

    load_demo_region()
    for path, record_type in (
        ("services", "service"),
        ("organizations", "organization"),
        ("service_at_locations", "service_at_location"),
    ):
        for full in ("false", "true"):
            total, records = _all_pages(client, path, full=full)
            assert total == len(records) > 0
            for record in records:
                assert_valid(record_type, record)
    _total, services = _all_pages(client, "services")
    assert len(services) == Service.objects.count()
    for record in services[:: max(1, len(services) // 20)]:
        single = client.get(f"{BASE}/services/{record['id']}", {"lang": "sv"}).json()
        assert_valid("service", single)
