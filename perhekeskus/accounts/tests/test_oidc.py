"""Sign-in through a real OpenID Connect provider running in a second process.

The provider (django-oauth-toolkit, see ``oidc_provider/``) listens on
127.0.0.1; the service runs in pytest-django's live server. A real HTTP
client follows the redirects across both: the sign-in button, the provider's
sign-in form, the authorization code with PKCE, the token and userinfo
requests made by the service, and the signed-in session at the end.
"""

from __future__ import annotations

import html
import json
import re
import socket
import subprocess
import sys
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from perhekeskus.accounts.models import User

from .factories import MembershipFactory, UserFactory

pytestmark = [pytest.mark.oidc, pytest.mark.django_db(transaction=True)]

PROVIDER_PASSWORD = "provider-password-2026"
STAFF_CLIENT = {"client_id": "perhekeskus-staff", "client_secret": "staff-secret-" + "s" * 30}
CITIZEN_CLIENT = {"client_id": "perhekeskus-citizen", "client_secret": "citizen-secret-" + "c" * 30}
HETU = "150385-9013"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    """Start the provider with clients whose redirect URIs point at the live server."""
    port = _free_port()
    callback = live_server.url + "/accounts/oidc/{}/login/callback/"
    setup = {
        "port": port,
        "database": str(tmp_path_factory.mktemp("oidc") / "provider.sqlite3"),
        "users": [
            {
                "username": "sanna.sosiaali",
                "password": PROVIDER_PASSWORD,
                "given_name": "Sanna",
                "family_name": "Sosiaali",
                "email": "sanna.sosiaali@jarvisaimaa.example",
            },
            {
                "username": "uusi.tyontekija",
                "password": PROVIDER_PASSWORD,
                "given_name": "Uusi",
                "family_name": "Työntekijä",
            },
            {
                "username": "paula",
                "password": PROVIDER_PASSWORD,
                "given_name": "Paula",
                "family_name": "Perhe",
                "claims": {"nationalIdentificationNumber": HETU},
            },
            {
                "username": "nobody",
                "password": PROVIDER_PASSWORD,
                "given_name": "No",
                "family_name": "Identity",
            },
        ],
        "clients": [
            {**STAFF_CLIENT, "redirect_uris": [callback.format("organisation")]},
            {**CITIZEN_CLIENT, "redirect_uris": [callback.format("citizen")]},
        ],
    }
    process = subprocess.Popen(  # noqa: S603 (our own module, no shell)
        [sys.executable, "-m", "perhekeskus.accounts.tests.oidc_provider.serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    process.stdin.write(json.dumps(setup).encode())
    process.stdin.close()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode())
            try:
                if requests.get(f"{base}/o/.well-known/openid-configuration", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("the test OpenID provider did not start")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def oidc_settings(settings, provider):
    def app(provider_id, name, client):
        return {
            "provider_id": provider_id,
            "name": name,
            "client_id": client["client_id"],
            "secret": client["client_secret"],
            "settings": {
                "server_url": f"{provider}/o",
                "oauth_pkce_enabled": True,
                "scope": ["openid", "profile", "email"],
            },
        }

    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                app("organisation", "Järvi-Saimaa staff account", STAFF_CLIENT),
                app("citizen", "Suomi.fi e-Identification", CITIZEN_CLIENT),
            ]
        }
    }
    settings.OIDC_STAFF_IDP_HANDLES_MFA = True
    # The live server speaks plain HTTP: cookies marked secure would not come back.
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    return settings


def _field(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert match, f"no {name} in the page"
    return html.unescape(match.group(1))


def sign_in_through_provider(live_server, provider_id: str, username: str):
    """Press the sign-in button and sign in at the provider; the final response."""
    browser = requests.Session()
    login_page = browser.get(f"{live_server.url}/accounts/login/", timeout=10)
    assert login_page.status_code == 200
    button = re.search(rf'action="(/accounts/oidc/{provider_id}/login/[^"]*)"', login_page.text)
    assert button, f"no sign-in button for {provider_id}"
    at_provider = browser.post(
        live_server.url + button.group(1).replace("&amp;", "&"),
        data={"csrfmiddlewaretoken": _field(login_page.text, "csrfmiddlewaretoken")},
        timeout=10,
    )
    # The service sent us to the provider's authorization endpoint with PKCE,
    # which sent us on to the provider's sign-in form.

    authorize = next(r for r in at_provider.history if "/o/authorize/" in r.headers["Location"])
    query = parse_qs(urlsplit(authorize.headers["Location"]).query)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"]
    assert query["response_type"] == ["code"] and "openid" in query["scope"][0]
    assert at_provider.url.startswith(f"{urlsplit(at_provider.url).scheme}://127.0.0.1")
    assert "/login/" in at_provider.url
    return browser.post(
        at_provider.url,
        data={
            "csrfmiddlewaretoken": _field(at_provider.text, "csrfmiddlewaretoken"),
            "username": username,
            "password": PROVIDER_PASSWORD,
            "next": _field(at_provider.text, "next"),
        },
        timeout=30,
    )


def test_professional_signs_in_with_the_organisation_account(live_server, oidc_settings):
    worker = UserFactory(username="sanna.sosiaali", first_name="Sanna", last_name="Sosiaali")
    MembershipFactory(user=worker, role="social_worker")
    final = sign_in_through_provider(live_server, "organisation", "sanna.sosiaali")
    assert final.status_code == 200
    # A social worker lands on the desk (accounts/landing.py).
    assert final.url == f"{live_server.url}/desk/"
    assert "Sanna Sosiaali" in final.text
    # The callback went through the service, with a code from the provider.
    assert any("/accounts/oidc/organisation/login/callback/?" in r.url for r in final.history)
    # The existing account was linked, not duplicated.
    assert worker.socialaccount_set.get().provider == "organisation"
    assert User.objects.filter(first_name="Sanna").count() == 1


def test_new_professional_account_comes_from_the_claims(live_server, oidc_settings):
    final = sign_in_through_provider(live_server, "organisation", "uusi.tyontekija")
    # Without roles yet, the profile.
    assert final.url == f"{live_server.url}/accounts/profile/"
    user = User.objects.get(username="uusi.tyontekija")
    assert (user.first_name, user.last_name, user.kind) == ("Uusi", "Työntekijä", "professional")
    assert not user.has_usable_password()
    assert not user.memberships.exists()  # roles come from an administrator


def test_organisation_idp_must_give_second_factor_when_configured(live_server, oidc_settings):
    oidc_settings.OIDC_STAFF_IDP_HANDLES_MFA = False
    UserFactory(username="sanna.sosiaali")
    final = sign_in_through_provider(live_server, "organisation", "sanna.sosiaali")
    assert final.url == f"{live_server.url}/accounts/2fa/totp/activate/"


def test_citizen_signs_in_with_strong_identification(live_server, oidc_settings):
    final = sign_in_through_provider(live_server, "citizen", "paula")
    assert final.url == f"{live_server.url}/accounts/profile/"
    assert "Paula Perhe" in final.text
    citizen = User.objects.get(identity_code=HETU)
    assert citizen.kind == "citizen"
    assert not citizen.username.startswith("paula")  # the user name reveals nobody
    # The identity code is kept on the user only, not in the stored claims.
    account = citizen.socialaccount_set.get()
    assert HETU not in json.dumps(account.extra_data)
    # Signing in again finds the same person.
    sign_in_through_provider(live_server, "citizen", "paula")
    assert User.objects.filter(kind="citizen").count() == 1


def test_citizen_account_is_found_by_identity_code(live_server, oidc_settings):
    parent = UserFactory(username="demo-parent", kind="citizen", identity_code=HETU)
    final = sign_in_through_provider(live_server, "citizen", "paula")
    assert final.url == f"{live_server.url}/accounts/profile/"
    assert parent.socialaccount_set.get().provider == "citizen"


def test_citizen_without_identity_code_is_refused(live_server, oidc_settings):
    final = sign_in_through_provider(live_server, "citizen", "nobody")
    assert final.status_code == 403
    assert "<h1" in final.text
    assert not User.objects.filter(kind="citizen").exists()
