"""Personal API tokens: shown once, stored hashed, expire, can be revoked."""

import datetime
import hashlib

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from perhekeskus.accounts.models import ApiToken
from perhekeskus.accounts.services import api_token_create

from .factories import MembershipFactory, UserFactory, enrol_totp

pytestmark = pytest.mark.django_db
ME = "/api/v1/accounts/me"


@pytest.fixture
def worker():
    user = UserFactory(username="api-worker")
    MembershipFactory(user=user, role="social_worker")
    enrol_totp(user)
    return user


@pytest.fixture
def signed_in(worker):
    client = Client()
    client.force_login(worker)
    return client


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def in_language_of(response, message: str) -> str:
    """The message as the response's language says it."""
    with translation.override(response.headers.get("Content-Language", "fi")):
        return gettext(message)


def test_token_is_shown_once_and_stored_hashed(signed_in, worker):
    response = signed_in.post(
        reverse("accounts:token_create"), {"name": "report script", "days": 7}
    )
    assert response.status_code == 201
    secret = response.context["new_token"].secret
    assert secret in response.content.decode()
    token = ApiToken.objects.get(user=worker)
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {token.token_hash, token.prefix, token.name}
    assert secret.startswith(token.prefix)
    # The profile lists the token by its prefix but never shows the secret again.
    page = signed_in.get(reverse("accounts:profile")).content.decode()
    assert token.prefix in page and secret not in page


def test_token_authenticates_the_api(worker):
    secret = api_token_create(user=worker, name="cli", days=30).secret
    response = Client().get(ME, **bearer(secret))
    assert response.status_code == 200
    data = response.json()
    assert data["username"] == "api-worker"
    assert "can_be_responsible_worker_child_welfare" in data["capabilities"]
    assert data["memberships"][0]["role"] == "social_worker"
    assert ApiToken.objects.get(user=worker).last_used_at is not None


def test_expired_token_is_refused_with_the_reason(worker):
    secret = api_token_create(user=worker, name="cli", days=1).secret
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, seconds=1)):
        response = Client().get(ME, **bearer(secret))
    assert response.status_code == 401
    assert response.json()["detail"] == in_language_of(response, "The token has expired.")


def test_revoked_token_is_refused_with_the_reason(signed_in, worker):
    new = api_token_create(user=worker, name="cli", days=30)
    response = signed_in.post(reverse("accounts:token_revoke", args=[new.token.pk]))
    assert response.status_code == 302
    response = Client().get(ME, **bearer(new.secret))
    assert response.status_code == 401
    assert response.json()["detail"] == in_language_of(response, "The token has been revoked.")


@pytest.mark.parametrize(
    "header",
    [
        "Bearer pk_not-a-real-token",
        "Bearer nonsense",
        "Bearer ",
        "Basic dXNlcjpwdw==",
        "Bearer " + "x" * 5000,
    ],
)
def test_bad_headers_are_401_never_500(header):
    response = Client().get(ME, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json()["detail"]


def test_no_credentials_is_401():
    response = Client().get(ME)
    assert response.status_code == 401


def test_deactivated_user_token_is_refused(worker):
    secret = api_token_create(user=worker, name="cli", days=30).secret
    worker.is_active = False
    worker.save()
    assert Client().get(ME, **bearer(secret)).status_code == 401


def test_token_revocation_through_the_api(worker):
    new = api_token_create(user=worker, name="cli", days=30)
    other = api_token_create(user=UserFactory(), name="someone else's", days=30)
    client = Client()
    response = client.delete(f"/api/v1/accounts/tokens/{other.token.pk}", **bearer(new.secret))
    assert response.status_code == 404  # not the caller's
    response = client.delete(f"/api/v1/accounts/tokens/{new.token.pk}", **bearer(new.secret))
    assert response.status_code == 204
    assert client.get(ME, **bearer(new.secret)).status_code == 401


def test_session_may_use_the_api_but_posts_need_csrf(worker):
    new = api_token_create(user=worker, name="cli", days=30)
    client = Client(enforce_csrf_checks=True)
    client.force_login(worker)
    assert client.get(ME).status_code == 200
    response = client.delete(f"/api/v1/accounts/tokens/{new.token.pk}")
    assert response.status_code == 403
    assert response.json()["detail"]
    client.get(reverse("accounts:profile"))  # sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    response = client.delete(f"/api/v1/accounts/tokens/{new.token.pk}", HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 204


def test_token_forms_reject_bad_input(signed_in, settings):
    for data in (
        {"name": "", "days": 5},
        {"name": "x", "days": 0},
        {"name": "x", "days": settings.API_TOKEN_MAX_DAYS + 1},
        {"name": "x", "days": "many"},
    ):
        response = signed_in.post(reverse("accounts:token_create"), data)
        assert response.status_code == 400, data
    assert not ApiToken.objects.exists()


def test_revoking_someone_elses_token_is_404(signed_in):
    other = api_token_create(user=UserFactory(), name="theirs", days=3)
    response = signed_in.post(reverse("accounts:token_revoke", args=[other.token.pk]))
    assert response.status_code == 404
    other.token.refresh_from_db()
    assert other.token.revoked_at is None


def test_token_pages_need_the_capability():
    citizen = UserFactory(kind="citizen")
    client = Client()
    client.force_login(citizen)
    response = client.post(reverse("accounts:token_create"), {"name": "x", "days": 5})
    assert response.status_code == 403
    assert not ApiToken.objects.exists()


def test_csrf_less_token_post_is_403():
    user = UserFactory()
    MembershipFactory(user=user, role="manager")
    enrol_totp(user)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(reverse("accounts:token_create"), {"name": "x", "days": 5})
    assert response.status_code == 403
    assert not ApiToken.objects.exists()
