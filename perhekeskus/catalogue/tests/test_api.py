"""``/api/v1/services``: the finder as an API."""

import uuid

import pytest

from perhekeskus.catalogue import search

from .factories import (
    InPersonChannelFactory,
    LanguageFactory,
    OrganizationFactory,
    ServiceFactory,
    WebChannelFactory,
)

pytestmark = pytest.mark.django_db
URL = "/api/v1/services"


@pytest.fixture
def catalogue():
    clinic = ServiceFactory(
        name_fi="Lastenneuvola Keskusta",
        name_sv="Barnrådgivningen Centrum",
        name_en="Child health clinic, Centre",
        summary_fi="Neuvola seuraa lapsen kasvua.",
        organization=OrganizationFactory(kind="wellbeing_county"),
        languages=[LanguageFactory(code="fi"), LanguageFactory(code="sv")],
        age_min=0,
        age_max=6,
    )
    InPersonChannelFactory(service=clinic, location__latitude=62.60, location__longitude=29.76)
    chat = ServiceFactory(
        name_fi="Nuorten chat",
        summary_fi="Keskustele nimettömänä.",
        description_fi="Chatissa vastaavat koulutetut päivystäjät.",
        description_sv="I chatten svarar utbildade jourhavande.",
        description_en="Trained volunteers answer in the chat.",
        anonymous=True,
    )
    WebChannelFactory(service=chat)
    search.index_services()
    return clinic, chat


def test_search_returns_the_documented_shape(client, catalogue):
    clinic, _chat = catalogue
    response = client.get(URL, {"q": "neuvolaan", "near": "62.6,29.7"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["id"] == str(clinic.pk)
    assert item["name"] == "Lastenneuvola Keskusta"
    assert item["organization"] == {
        "id": str(clinic.organization.pk),
        "name": clinic.organization.name_fi,
        "kind": "wellbeing_county",
    }
    assert item["languages"] == ["fi", "sv"] and item["free"] is True
    assert item["channels"][0]["kind"] == "in_person"
    location = item["locations"][0]
    assert set(location) >= {"municipality", "latitude", "longitude", "distance_km"}
    assert 2.5 < location["distance_km"] < 3.5


def test_response_language_from_lang_or_accept_language(client, catalogue):
    assert client.get(URL, {"q": "neuvola", "lang": "sv"}).json()["items"][0]["name"] == (
        "Barnrådgivningen Centrum"
    )
    english = client.get(URL, {"q": "neuvola"}, HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["items"][0]["name"] == "Child health clinic, Centre"


def test_filters_limit_and_offset(client, catalogue):
    body = client.get(URL, {"anonymous": "true", "channel": "web"}).json()
    assert [item["name"] for item in body["items"]] == ["Nuorten chat"]
    assert client.get(URL, {"age": "3"}).json()["count"] == 2
    assert client.get(URL, {"age": "10"}).json()["count"] == 1
    paged = client.get(URL, {"limit": "1", "offset": "1"}).json()
    assert paged["count"] == 2 and len(paged["items"]) == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"age": "abc"}, "age"),
        ({"language": "xx"}, "language"),
        ({"near": "foo"}, "near"),
        ({"radius_km": "5"}, "radius_km"),
        ({"free": "maybe"}, "free"),
        ({"channel": "teleport"}, "channel"),
        ({"provider_kind": "pirates"}, "provider_kind"),
        ({"life_situation": "nothing"}, "life_situation"),
        ({"municipality": "999999"}, "municipality"),
        ({"limit": "1000"}, "limit"),
        ({"offset": "-1"}, "offset"),
    ],
)
def test_unknown_filter_values_are_a_400_with_the_reason(client, catalogue, params, field):
    response = client.get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert field in body["errors"] and body["errors"][field]


def test_unknown_lang_is_a_400(client, catalogue):
    response = client.get(URL, {"lang": "xx"})
    assert response.status_code == 400 and "fi, sv" in response.json()["detail"]


def test_overlong_query_is_cut_with_a_notice(client, catalogue):
    body = client.get(URL, {"q": "neuvola " * 100}).json()
    assert body["notices"]


def test_one_service_and_not_found(client, catalogue):
    clinic, _chat = catalogue
    body = client.get(f"{URL}/{clinic.pk}").json()
    assert body["name"] == "Lastenneuvola Keskusta" and body["description"]
    assert client.get(f"{URL}/{uuid.uuid4()}").status_code == 404
    assert client.get(f"{URL}/not-a-uuid").status_code == 404


def test_openapi_and_docs_are_served(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/services" in spec["paths"]
    parameters = {p["name"] for p in spec["paths"]["/api/v1/services"]["get"]["parameters"]}
    assert parameters >= {
        "q",
        "age",
        "municipality",
        "near",
        "radius_km",
        "language",
        "channel",
        "free",
        "anonymous",
        "no_referral",
        "provider_kind",
        "life_situation",
        "open_now",
        "lang",
        "limit",
        "offset",
    }
    assert client.get("/api/v1/docs").status_code == 200
