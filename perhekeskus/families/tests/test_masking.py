"""Security prohibition: the address is withheld in every output."""

import re

import pytest

from perhekeskus.accounts.services import api_token_create
from perhekeskus.accounts.tests.factories import grant_protected_address
from perhekeskus.families import services

SECRET = ("Salainen katu", "00500")


def assert_hidden(content: bytes):
    for text in SECRET:
        assert text.encode() not in content


@pytest.fixture
def worker(world, client):
    client.force_login(world.social_worker)
    return client


def test_html_page_print_view_and_csv_withhold_the_address(world, worker):
    for path in ("", "print/", "members.csv"):
        response = worker.get(f"/families/{world.lindqvist.pk}/{path}")
        assert response.status_code == 200, path
        assert b"Maria" in response.content
        assert_hidden(response.content)
    csv_text = worker.get(f"/families/{world.lindqvist.pk}/members.csv").content.decode()
    assert "Security prohibition" in csv_text or "Turvakielto" in csv_text


def test_api_withholds_the_address(world, client):
    token = api_token_create(user=world.social_worker, name="t", days=1).secret
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    response = client.get(f"/api/v1/families/{world.lindqvist.pk}", **auth)
    assert response.status_code == 200
    assert_hidden(response.content)
    member = response.json()["members"][0]["person"]
    assert member["contact"]["address_withheld"] is True
    assert member["security_prohibition"] is True
    search = client.get("/api/v1/families/persons?q=Lindqvist", **auth)
    assert len(search.json()) == 2
    assert_hidden(search.content)


def test_person_search_and_history_withhold_the_address(world, worker):
    services.person_update(
        actor=world.social_worker,
        person=world.maria,
        data={"street_address": "Uusi salainen tie 3"},
    )
    response = worker.get("/families/", {"q": "Lindqvist"})
    assert b"Maria" in response.content
    assert_hidden(response.content)
    detail = worker.get(f"/en/families/{world.lindqvist.pk}/")
    assert b"Uusi salainen" not in detail.content
    # The change itself is shown, its value withheld.
    assert re.search(rb"street address: <em>withheld</em>", detail.content)


def test_holder_of_the_specific_right_sees_the_address(world, client):
    grant_protected_address(world.social_worker.memberships.all())
    client.force_login(type(world.social_worker).objects.get(pk=world.social_worker.pk))
    for path in ("", "print/", "members.csv"):
        response = client.get(f"/families/{world.lindqvist.pk}/{path}")
        assert b"Salainen katu" in response.content, path


def test_address_without_prohibition_is_shown(world, client):
    client.force_login(world.nurse)
    response = client.get(f"/families/{world.virtanen.pk}/")
    assert b"Rantatie 1" in response.content


def test_a_guardian_does_not_see_a_protected_childs_address(world, client):
    # Oskar moved with a security prohibition; Anna is (in this test) his guardian.
    services.membership_add(actor=None, family=world.virtanen, person=world.oskar, role="child")
    client.force_login(world.parent)
    response = client.get("/my-data/")
    assert b"Oskar" in response.content
    assert_hidden(response.content)
