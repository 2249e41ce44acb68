"""The account pages: site layout, one <h1>, labelled fields, three languages."""

import pytest
from django.urls import reverse
from django.utils import translation

from .factories import MembershipFactory, UserFactory, enrol_totp

pytestmark = pytest.mark.django_db
LANGUAGES = ("fi", "sv", "en")


def assert_page(response):
    html = response.content.decode()
    assert response.status_code == 200, response
    assert html.count("<h1") == 1, html
    assert 'class="site-header"' in html  # extends base.html
    # Every visible input has a label.
    import re

    for field_id in re.findall(
        r'<input[^>]*type="(?:text|password|number|email)"[^>]*id="([^"]+)"', html
    ):
        assert f'for="{field_id}"' in html, field_id


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def worker():
    user = UserFactory(username="pages-worker")
    MembershipFactory(user=user, role="manager")
    enrol_totp(user)
    return user


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "name",
    ["account_login", "account_reset_password", "account_signup"],
)
def test_sign_in_flow_pages(client, language, name):
    response = client.get(url_in(language, name))
    assert_page(response)
    assert f'lang="{language}"' in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "name",
    [
        "accounts:profile",
        "mfa_index",
        "usersessions_list",
        "account_change_password",
        "account_reauthenticate",
        "socialaccount_connections",
        "account_logout",
    ],
)
def test_signed_in_pages(client, worker, language, name):
    client.force_login(worker)
    assert_page(client.get(url_in(language, name)))


@pytest.mark.parametrize("name", ["accounts:profile", "mfa_index", "usersessions_list"])
def test_signed_in_pages_send_visitors_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_profile_shows_roles_and_capabilities(client, worker):
    client.force_login(worker)
    with translation.override("en"):
        response = client.get(url_in("en", "accounts:profile"))
    html = response.content.decode()
    assert "manager" in html.lower()
    assert "view statistics" in html.lower()
    assert "view_statistics" not in html  # labels, not codes
    assert 'for="id_name"' in html and 'for="id_days"' in html


def test_second_factor_page_during_sign_in(client, worker, password):
    client.post(reverse("account_login"), {"login": worker.username, "password": password})
    assert_page(client.get(reverse("mfa_authenticate")))


def test_the_demo_link_shows_only_in_demo_mode(client, settings):
    settings.DEMO_MODE = False
    assert (
        reverse("accounts:demo_sign_in")
        not in client.get(reverse("account_login")).content.decode()
    )
    settings.DEMO_MODE = True
    html = client.get(reverse("account_login")).content.decode()
    assert reverse("accounts:demo_sign_in") in html


def test_configured_providers_get_their_buttons(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": provider_id,
                    "name": name,
                    "client_id": "x",
                    "secret": "y",
                    "settings": {"server_url": "https://idp.invalid"},
                }
                for provider_id, name in (
                    ("organisation", "County staff"),
                    ("citizen", "Suomi.fi e-Identification"),
                )
            ]
        }
    }
    html = client.get(reverse("account_login")).content.decode()
    assert "/accounts/oidc/organisation/login/" in html
    assert "/accounts/oidc/citizen/login/" in html
    assert "County staff" in html and "Suomi.fi e-Identification" in html


def test_unknown_provider_is_404_not_500(client):
    response = client.post("/accounts/oidc/no-such-provider/login/")
    assert response.status_code == 404


def test_callback_with_an_error_or_garbage_is_a_page_not_a_500(client, settings):
    test_configured_providers_get_their_buttons(client, settings)
    for query in ("?error=access_denied", "?code=abc&state=forged", ""):
        response = client.get(f"/accounts/oidc/organisation/login/callback/{query}")
        assert response.status_code < 500, query
