"""After signing in, each user lands where their work is; a safe ``next`` wins."""

import datetime

import pytest
from django.urls import reverse

from perhekeskus.accounts.landing import landing_url_name

from .factories import (
    PASSWORD,
    CitizenFactory,
    MembershipFactory,
    UserFactory,
    enrol_totp,
    totp_code,
)

pytestmark = pytest.mark.django_db


def professional(*roles):
    user = UserFactory()
    for role in roles:
        MembershipFactory(user=user, role=role)
    return user


def sign_in(client, user, *, next_url=None):
    """Password, then the TOTP code; the response that ends the sign-in."""
    secret = enrol_totp(user)
    data = {"login": user.username, "password": PASSWORD}
    if next_url is not None:
        data["next"] = next_url
    response = client.post(reverse("account_login"), data)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    return client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})


@pytest.mark.parametrize(
    ("role", "landing"),
    [
        ("public_health_nurse", "desk:home"),
        ("social_worker", "desk:home"),
        ("ngo_worker", "desk:home"),
        ("auditor", "audit:reviews"),
        ("manager", "desk:manager"),
        ("analyst", "insight:home"),
        ("preparing_official", "insight:home"),
        ("catalogue_editor", "cataloguedit:worklist"),
        ("administrator", "administration:home"),
    ],
)
def test_a_professional_lands_on_the_work_of_their_role(client, role, landing):
    user = professional(role)
    response = sign_in(client, user)
    assert response.status_code == 302
    assert response.url == reverse(landing)
    # The landing is a page the user may open.
    assert client.get(response.url).status_code == 200


def test_a_professional_without_roles_lands_on_the_profile(client):
    response = sign_in(client, professional())
    assert response.url == reverse("accounts:profile")


def test_a_citizen_lands_on_the_own_family_view(client):
    from perhekeskus.families.tests.world import person

    parent = person("Paula", "Perhe", datetime.date(1990, 3, 14), 246)
    CitizenFactory(username="parent", identity_code=parent.identity_code)
    response = client.post(reverse("account_login"), {"login": "parent", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("desk:family")
    assert client.get(response.url).status_code == 200


@pytest.mark.parametrize("code", ["", "150385-9013"])
def test_a_citizen_unknown_to_the_register_lands_on_the_profile(client, code):
    CitizenFactory(username="parent", identity_code=code)
    response = client.post(reverse("account_login"), {"login": "parent", "password": PASSWORD})
    assert response.url == reverse("accounts:profile")
    assert client.get(response.url).status_code == 200


def test_client_work_comes_before_other_roles():
    assert landing_url_name(professional("manager", "social_worker")) == "desk:home"
    assert landing_url_name(professional("administrator", "auditor")) == "audit:reviews"
    assert landing_url_name(professional("analyst", "catalogue_editor")) == "insight:home"


def test_next_wins(client):
    user = professional("public_health_nurse")
    response = sign_in(client, user, next_url=reverse("accounts:profile"))
    assert response.url == reverse("accounts:profile")


def test_next_to_another_site_is_ignored(client):
    user = professional("public_health_nurse")
    response = sign_in(client, user, next_url="https://example.com/desk/")
    assert response.url == reverse("desk:home")


def test_demo_sign_in_lands_by_role_and_takes_a_safe_next(client, settings):
    settings.DEMO_MODE = True
    nurse = professional("public_health_nurse")
    nurse.is_demo = True
    nurse.save(update_fields=["is_demo"])
    url = reverse("accounts:demo_sign_in")
    response = client.post(url, {"username": nurse.username})
    assert response.url == reverse("desk:home")
    client.post(reverse("account_logout"))
    response = client.post(url, {"username": nurse.username, "next": "https://example.com/"})
    assert response.url == reverse("desk:home")
    client.post(reverse("account_logout"))
    page = client.get(url, {"next": reverse("accounts:profile")})
    assert f'name="next" value="{reverse("accounts:profile")}"' in page.content.decode()
    response = client.post(url, {"username": nurse.username, "next": reverse("accounts:profile")})
    assert response.url == reverse("accounts:profile")
