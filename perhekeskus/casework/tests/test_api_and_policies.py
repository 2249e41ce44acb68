"""The contacts API, and the access policy of every case-work URL."""

import re

import pytest
from django.urls import get_resolver

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.access.policies import CLIENT_DATA
from perhekeskus.casework.models import Contact
from perhekeskus.web.access import PUBLIC, policy_of
from perhekeskus.web.tests.test_access import walk

pytestmark = pytest.mark.django_db

PUBLIC_NAMES = {"casework:ask", "casework:receipt"}


def casework_routes():
    return [
        (route, name, callback)
        for route, name, callback in walk(get_resolver().url_patterns)
        if (name or "").startswith("casework:")
    ]


def test_every_case_work_url_has_the_right_policy():
    routes = casework_routes()
    assert len(routes) >= 16
    for route, name, callback in routes:
        expected = PUBLIC if name in PUBLIC_NAMES else CLIENT_DATA
        assert policy_of(callback) == expected, (route, name)


def concrete(route, values):
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)
    return "/" + path.replace("^", "").replace("$", "")


def _professional_paths(values):
    return [
        concrete(route, values)
        for route, name, _callback in casework_routes()
        if name not in PUBLIC_NAMES and not route.startswith("api/")
    ]


def head():
    return AccessLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


@pytest.fixture
def values(case):
    from .factories import submit_contact
    from .test_matters import open_matter

    contact = submit_contact(case)
    matter = open_matter(case)
    return {
        "contact_id": contact.pk,
        "matter_id": matter.pk,
        "member_id": "00000000-0000-0000-0000-000000000000",
        "reference": contact.reference,
    }


def test_anonymous_visitors_are_sent_to_sign_in_and_logged(case, client, values):
    for path in _professional_paths(values):
        seq = head()
        response = client.get(path)
        assert response.status_code in (302, 405), path
        if response.status_code == 302:
            assert "/login" in response["Location"], path
            assert AccessLogEntry.objects.filter(seq__gt=seq, action="denied").count() == 1


@pytest.mark.parametrize("who", ["nurse", "parent", "ngo_worker"])
def test_outsiders_see_no_contact_and_no_matter(case, client, values, who):
    client.force_login(getattr(case, who))
    for path in _professional_paths(values):
        about_them = str(values["contact_id"]) in path or str(values["matter_id"]) in path
        if not about_them:
            continue
        seq = head()
        response = client.post(path) if path.endswith(("/take/", "/close/")) else client.get(path)
        assert response.status_code in (404, 405), (who, path, response.status_code)
        assert b"Lindqvist" not in response.content
        if response.status_code == 404:
            assert AccessLogEntry.objects.filter(seq__gt=seq, action="denied").count() == 1, path
    assert Contact.objects.get().state == Contact.State.NEW


def test_the_api_receives_a_contact(case, client):
    response = client.post(
        "/api/v1/contacts",
        {
            "situation": "Tarvitsemme apua arkeen.",
            "municipality": case.municipality.code,
            "contact_way": "email",
            "email": "perhe@example.fi",
            "life_situations": [case.worries[0].code],
            "child_age": 3,
            "service": str(case.service.pk),
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    contact = Contact.objects.get()
    assert body["reference"] == contact.reference
    assert body["answer_due_by"] == contact.answer_due_by.isoformat()
    assert contact.channel == Contact.Channel.API
    assert contact.service == case.service
    assert list(contact.life_situations.all()) == [case.worries[0]]


@pytest.mark.parametrize(
    "payload",
    [
        {"situation": "x", "municipality": "000", "contact_way": "phone", "phone": "040 1"},
        {"situation": "x", "municipality": "901", "contact_way": "phone"},
        {"situation": "", "municipality": "901", "contact_way": "phone", "phone": "0401234567"},
        {
            "situation": "x",
            "municipality": "901",
            "contact_way": "phone",
            "phone": "0401234567",
            "life_situations": ["no-such-term"],
        },
        {"situation": "x", "municipality": "901", "contact_way": "fax", "phone": "0401234567"},
    ],
)
def test_the_api_refuses_bad_input_with_reasons(case, client, payload):
    response = client.post("/api/v1/contacts", payload, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"]
    assert not Contact.objects.exists()


def test_the_api_refuses_malformed_json(case, client):
    response = client.post("/api/v1/contacts", "{not json", content_type="application/json")
    assert 400 <= response.status_code < 500
    response = client.post(
        "/api/v1/contacts", {"situation": ["a"]}, content_type="application/json"
    )
    assert 400 <= response.status_code < 500
