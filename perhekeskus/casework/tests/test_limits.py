"""The one door's rate limits: per address and in total, on the form and the API."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from perhekeskus.casework.models import Contact
from perhekeskus.core import ratelimit
from perhekeskus.events.models import Event

from .test_pages import form_data, h1_count

pytestmark = pytest.mark.django_db

FAMILY = "203.0.113.5"
NEIGHBOUR = "198.51.100.7"
# 40 s into a 10-minute window: 560 s to wait, "10 minutes".
AT = 1_800_000_040.0


@pytest.fixture
def limits(case, settings, monkeypatch):
    settings.CONTACT_LIMIT_PER_ADDRESS = 2
    settings.CONTACT_LIMIT_TOTAL = 3
    settings.CONTACT_LIMIT_WINDOW_MINUTES = 10
    monkeypatch.setattr(ratelimit, "_now", lambda: AT)
    cache.clear()
    yield
    cache.clear()


def client_at(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def api_payload(case, **overrides):
    payload = {
        "situation": "Tarvitsemme apua arkeen.",
        "municipality": case.municipality.code,
        "contact_way": "email",
        "email": "perhe@example.fi",
    }
    payload.update(overrides)
    return payload


def post_api(client, case, **overrides):
    return client.post(
        "/api/v1/contacts", api_payload(case, **overrides), content_type="application/json"
    )


def test_the_form_refuses_the_third_contact_from_one_address_and_keeps_the_text(case, limits):
    family = client_at(FAMILY)
    for _ in range(2):
        assert family.post("/en/ask-for-help/", form_data(case)).status_code == 302
    events = Event.objects.count()

    typed = form_data(
        case, situation="Kolmas viesti: äiti on uupunut.", name="Åsa Nyström", email="asa@x.fi"
    )
    refused = family.post("/en/ask-for-help/", typed)

    assert refused.status_code == 429
    assert refused["Retry-After"] == "560"
    assert "no-store" in refused["Cache-Control"]
    assert h1_count(refused) == 1
    page = refused.content.decode()
    assert "network address" in page and "again in 10 minutes" in page
    assert "Nothing you wrote is lost" in page
    assert "Kolmas viesti: äiti on uupunut." in page
    assert 'value="Åsa Nyström"' in page and 'value="asa@x.fi"' in page
    assert 'value="040 111 2222"' in page
    assert re.search(rf'value="{case.worries[0].pk}"[^>]*checked', page)
    assert Contact.objects.count() == 2
    assert Event.objects.count() == events


@pytest.mark.parametrize(("language", "words"), [("", "minuutin"), ("/sv", "minuter")])
def test_the_refusal_is_told_in_the_family_s_language(case, limits, language, words):
    family = client_at(FAMILY)
    for _ in range(2):
        family.post(f"{language}/ask-for-help/", form_data(case))
    refused = family.post(f"{language}/ask-for-help/", form_data(case))
    assert refused.status_code == 429
    assert words in refused.content.decode()


def test_another_address_is_served_until_the_total_ceiling(case, limits):
    family, neighbour, third = client_at(FAMILY), client_at(NEIGHBOUR), client_at("192.0.2.9")
    assert family.post("/en/ask-for-help/", form_data(case)).status_code == 302
    assert family.post("/en/ask-for-help/", form_data(case)).status_code == 302
    assert family.post("/en/ask-for-help/", form_data(case)).status_code == 429
    assert neighbour.post("/en/ask-for-help/", form_data(case)).status_code == 302
    # The total (3) is reached: everyone waits, with the reason for it.
    refused = third.post("/en/ask-for-help/", form_data(case, name="Pekka Mäkelä"))
    assert refused.status_code == 429
    assert refused["Retry-After"] == "560"
    assert "unusually many messages" in refused.content.decode()
    assert "Pekka Mäkelä" in refused.content.decode()
    assert Contact.objects.count() == 3


def test_refused_forms_do_not_use_up_the_limit(case, limits):
    family = client_at(FAMILY)
    for _ in range(3):
        # Refused by the form, and by the service (an anonymous sender
        # must leave a way to be reached).
        assert family.post("/en/ask-for-help/", form_data(case, situation="")).status_code == 200
        unreachable = family.post("/en/ask-for-help/", form_data(case, phone="", email=""))
        assert unreachable.status_code == 200 and b"so that we can reach you" in unreachable.content
        assert post_api(family, case, email="").status_code == 400
    assert family.post("/en/ask-for-help/", form_data(case)).status_code == 302
    assert family.post("/en/ask-for-help/", form_data(case)).status_code == 302
    assert Contact.objects.count() == 2


def test_the_api_answers_429_with_a_reason_and_retry_after(case, limits):
    family = client_at(FAMILY)
    assert post_api(family, case).status_code == 201
    assert post_api(family, case).status_code == 201
    refused = post_api(family, case, situation="Kolmas")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "560"
    body = refused.json()
    assert set(body) == {"detail", "errors"} and body["errors"] == {}
    # In the site's language, like the catalogue API's messages.
    assert "verkko-osoitteestasi" in body["detail"] and "10 minuutin" in body["detail"]
    assert Contact.objects.count() == 2


def test_the_form_and_the_api_share_one_budget(case, limits):
    family = client_at(FAMILY)
    assert family.post("/en/ask-for-help/", form_data(case)).status_code == 302
    assert post_api(family, case).status_code == 201
    assert post_api(family, case).status_code == 429
    assert family.post("/en/ask-for-help/", form_data(case)).status_code == 429
    assert post_api(client_at(NEIGHBOUR), case).status_code == 201
    assert post_api(client_at("192.0.2.9"), case).status_code == 429


def test_the_openapi_schema_documents_the_429(client):
    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/contacts"]["post"]
    too_many = operation["responses"]["429"]
    assert too_many["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    assert "Retry-After" in too_many["headers"]


def test_the_next_window_takes_contacts_again(case, limits, monkeypatch):
    family = client_at(FAMILY)
    for _ in range(2):
        family.post("/en/ask-for-help/", form_data(case))
    assert family.post("/en/ask-for-help/", form_data(case)).status_code == 429
    monkeypatch.setattr(ratelimit, "_now", lambda: AT + 560)
    assert family.post("/en/ask-for-help/", form_data(case)).status_code == 302
