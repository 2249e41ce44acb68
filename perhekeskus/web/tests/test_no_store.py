"""No cache keeps personal data: every non-public URL answers ``no-store``.

The walk requests every URL pattern whose access policy is not ``public``
(the access layer's personal-data policies, the sign-in flow, signed-in and
capability pages, the API's operations) with sample path values, as a
signed-in professional and anonymously; whatever the answer (a page, a 404,
a redirect to sign in, a 405), it must not be stored.
"""

import re

import pytest
from django.test import Client

from perhekeskus.access.policies import ACCESS_LOG, CLIENT_DATA, OWN_DATA
from perhekeskus.accounts.services import api_token_create
from perhekeskus.families.tests.fixtures import _fast_passwords, world
from perhekeskus.web.access import PUBLIC, policy_of

from .test_access import all_views

__all__ = ["_fast_passwords", "world"]

pytestmark = pytest.mark.django_db

SAMPLES = {"uuid": "00000000-0000-0000-0000-000000000000", "int": "1"}


def concrete(route: str) -> str:
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "x", route)  # regular-expression routes
    path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLES.get(m.group(1) or "", "x"), path)
    return "/" + path.replace("^", "").replace("$", "").replace("\\Z", "")


def personal_paths() -> list[tuple[str, str]]:
    return sorted(
        {
            (concrete(route), policy_of(callback))
            for route, _name, callback in all_views()
            if set((policy_of(callback) or "").split(",")) != {PUBLIC}
        }
    )


def not_stored(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_the_walk_covers_every_personal_data_policy():
    policies = {p for _path, policy in personal_paths() for p in policy.split(",")}
    assert {CLIENT_DATA, OWN_DATA, ACCESS_LOG, "authentication", "signed_in"} <= policies
    paths = [path for path, _policy in personal_paths()]
    assert "/families/" in paths and "/api/v1/families/" in paths and "/accounts/login/" in paths


@pytest.mark.parametrize("who", ["nurse", "parent", None])
def test_every_personal_data_url_answers_no_store(world, who):
    client = Client()
    stored = []
    for path, policy in personal_paths():
        if who is not None:
            client.force_login(getattr(world, who))  # again: a sign-out page may end it
        response = client.get(path)
        if not not_stored(response):
            stored.append(f"{path} ({policy}): {response.status_code}")
    assert not stored, stored


def test_personal_pages_with_data_answer_no_store(world, client):
    client.force_login(world.nurse)
    page = client.get(f"/families/{world.virtanen.pk}/")
    assert page.status_code == 200 and world.anna.last_name.encode() in page.content
    assert not_stored(page)
    assert "private" in page["Cache-Control"]
    client.force_login(world.parent)
    own = client.get("/my-data/")
    assert own.status_code == 200 and not_stored(own)


def test_authenticated_api_calls_answer_no_store(world):
    token = api_token_create(user=world.nurse, name="t", days=1).secret
    client = Client(headers={"authorization": f"Bearer {token}"})
    families = client.get(f"/api/v1/families/{world.virtanen.pk}")
    assert families.status_code == 200 and not_stored(families)
    # Even a public operation: the answer went to a known caller.
    assert not_stored(client.get("/api/v1/services"))


def test_the_public_finder_keeps_its_caching_for_anonymous_visitors(world, client):
    for path in ("/", "/services/", "/en/services/?q=neuvola", "/api/v1/services"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert not not_stored(response), path
        assert "private" not in response.get("Cache-Control", ""), path


def test_a_public_page_for_a_signed_in_user_is_not_stored(world, client):
    # The layout names who is signed in.
    client.force_login(world.nurse)
    response = client.get("/")
    assert response.status_code == 200 and not_stored(response)
