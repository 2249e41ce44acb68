"""Every personal-data URL has a policy; outsiders are refused on each, and logged.

The walk covers the HTML pages of the families and audit apps and the
``/api/v1/families`` operations, with real requests: anonymous visitors,
an unrelated professional and (on professionals' pages) a citizen.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.access.policies import ACCESS_LOG, CLIENT_DATA, OWN_DATA
from perhekeskus.accounts.services import api_token_create
from perhekeskus.families.models import AccessGrant
from perhekeskus.web.access import policy_of

PERSONAL_POLICIES = {CLIENT_DATA, OWN_DATA, ACCESS_LOG}
PERSONAL_NAMESPACES = ("families:", "audit:")


def walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            yield from walk(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern):
            yield route, namespace + (entry.name or ""), entry.callback


def personal_routes():
    return [
        (route, name, callback)
        for route, name, callback in walk(get_resolver().url_patterns)
        if name.startswith(PERSONAL_NAMESPACES) or route.startswith("api/v1/families")
    ]


def test_every_personal_data_url_declares_a_personal_data_policy():
    routes = personal_routes()
    assert len(routes) >= 12, routes
    wrong = [
        f"{route} ({name}): {policy_of(callback)}"
        for route, name, callback in routes
        if not set((policy_of(callback) or "").split(",")) <= PERSONAL_POLICIES
    ]
    assert not wrong, wrong


def concrete(route: str, world, grant) -> str:
    values = {
        "family_id": world.virtanen.pk,
        "consent_id": world.maria.consents.get().pk,
        "grant_id": grant.pk,
        "person_id": world.aino.pk,
    }
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)
    path = path.replace("^", "").replace("$", "").replace("\\Z", "")
    return "/" + path


def html_paths(world, grant):
    return [
        concrete(route, world, grant)
        for route, name, _callback in personal_routes()
        if not route.startswith("api/")
    ]


@pytest.fixture
def grant(world):
    return AccessGrant.objects.create(
        user=world.social_worker,
        family=world.virtanen,
        person=world.anna,
        kind="emergency",
        reason="testi",
        expires_at="2000-01-01T00:00:00Z",
    )


def denials_after(seq):
    return AccessLogEntry.objects.filter(seq__gt=seq, action="denied", allowed=False)


def head():
    return AccessLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in_and_logged(client, world, grant, method):
    for path in html_paths(world, grant):
        seq = head()
        response = getattr(client, method)(path)
        assert response.status_code in (302, 405), (path, response.status_code)
        if response.status_code == 302:
            assert "/login" in response["Location"], path
            assert denials_after(seq).count() == 1, path
        assert world.anna.last_name.encode() not in response.content


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unrelated_professional_is_refused_everywhere(client, world, grant, method):
    client.force_login(world.stranger)
    for path in html_paths(world, grant):
        seq = head()
        response = getattr(client, method)(path)
        if path.endswith("/families/") and method == "get":
            # The list of one's own families: empty for a stranger.
            assert response.status_code == 200
            assert b"Virtanen" not in response.content
            continue
        if path.endswith(("/families/new/", "/families/special-access/")):
            # Pages without anyone's data; posting an empty form only fails validation.
            assert response.status_code in (200, 403), path
            assert b"Virtanen" not in response.content
            continue
        assert response.status_code in (404, 405), (path, method, response.status_code)
        assert b"Virtanen" not in response.content
        if response.status_code == 404:
            # Once: the refusal outlasts the page's rolled-back transaction.
            assert denials_after(seq).count() == 1, path


def test_a_citizen_is_refused_on_professionals_pages(client, world, grant):
    client.force_login(world.parent)
    for path in html_paths(world, grant):
        if "/my-data/" in path:
            continue
        seq = head()
        response = client.get(path)
        assert response.status_code in (404, 405), path
        if response.status_code == 404:
            assert denials_after(seq).count() == 1, path


def test_api_refuses_anonymous_and_logs_it(client, world):
    for path in (
        "/api/v1/families/",
        f"/api/v1/families/{world.virtanen.pk}",
        "/api/v1/families/persons?q=Virtanen",
    ):
        seq = head()
        response = client.get(path)
        assert response.status_code == 401, path
        assert denials_after(seq).count() == 1, path


def test_api_refuses_an_unrelated_professional(client, world):
    token = api_token_create(user=world.stranger, name="t", days=1).secret
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    seq = head()
    response = client.get(f"/api/v1/families/{world.virtanen.pk}", **auth)
    assert response.status_code == 404
    assert denials_after(seq).count() == 1
    listing = client.get("/api/v1/families/", **auth).json()
    assert listing["count"] == 0
    assert client.get("/api/v1/families/persons?q=Virtanen", **auth).json() == []


def test_api_refuses_expired_and_revoked_tokens(client, world):
    from perhekeskus.accounts.models import ApiToken
    from perhekeskus.accounts.services import api_token_revoke

    new = api_token_create(user=world.nurse, name="t", days=1)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {new.secret}"}
    assert client.get(f"/api/v1/families/{world.virtanen.pk}", **auth).status_code == 200
    api_token_revoke(user=world.nurse, token_id=new.token.pk)
    seq = head()
    assert client.get(f"/api/v1/families/{world.virtanen.pk}", **auth).status_code == 401
    assert denials_after(seq).count() == 1
    other = api_token_create(user=world.nurse, name="u", days=1)
    ApiToken.objects.filter(pk=other.token.pk).update(expires_at="2000-01-01T00:00:00Z")
    response = client.get(
        f"/api/v1/families/{world.virtanen.pk}", HTTP_AUTHORIZATION=f"Bearer {other.secret}"
    )
    assert response.status_code == 401


def test_forged_and_malformed_ids_are_the_same_404(client, world):
    client.force_login(world.nurse)
    lindqvist = client.get(f"/families/{world.lindqvist.pk}/")
    missing = client.get("/families/00000000-0000-0000-0000-000000000000/")
    assert lindqvist.status_code == missing.status_code == 404

    # The same page but for the address itself (language links repeat it)
    # and the per-response CSP nonce and masked CSRF token.
    def normalised(content, family_id):
        content = content.replace(str(family_id).encode(), b"ID")
        content = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)
        return re.sub(rb'nonce="[^"]*"', b"", content)

    assert normalised(lindqvist.content, world.lindqvist.pk) == normalised(
        missing.content, "00000000-0000-0000-0000-000000000000"
    )
    assert client.get("/families/not-a-uuid/").status_code == 404
    token = api_token_create(user=world.nurse, name="t", days=1).secret
    for family_id in ("not-a-uuid", "'; DROP TABLE x; --", world.lindqvist.pk):
        response = client.get(f"/api/v1/families/{family_id}", HTTP_AUTHORIZATION=f"Bearer {token}")
        assert response.status_code == 404, family_id


def test_posts_without_csrf_token_are_refused(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.nurse)
    consent = world.maria.consents.get()
    response = client.post(f"/families/{world.virtanen.pk}/consents/{consent.pk}/withdraw/")
    assert response.status_code == 403
    response = client.post("/families/new/", {"first_names": "X"})
    assert response.status_code == 403
