"""Password + TOTP sign-in, enrolment, lockout, idle expiry, signing out everywhere."""

import datetime

import pytest
import time_machine
from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from .factories import PASSWORD, MembershipFactory, UserFactory, enrol_totp, totp_code

pytestmark = pytest.mark.django_db


def sign_in(client, username, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": username, "password": password})


def test_login_page_has_labels_and_one_heading(client):
    response = client.get(reverse("account_login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert '<label for="id_login"' in html and '<label for="id_password"' in html


def test_password_alone_does_not_sign_in_a_professional_with_totp(client, nurse):
    secret = enrol_totp(nurse)
    response = sign_in(client, "nurse")
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    # Not signed in yet: the profile sends back to sign-in.
    assert client.get(reverse("accounts:profile")).status_code == 302
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_wrong_totp_code_is_refused(client, nurse):
    secret = enrol_totp(nurse)
    sign_in(client, "nurse")
    wrong = f"{(int(totp_code(secret)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("mfa_authenticate"), {"code": wrong})
    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_a_recovery_code_signs_in_once(client, nurse):
    enrol_totp(nurse)
    codes = RecoveryCodes(Authenticator.objects.get(user=nurse, type="recovery_codes"))
    code = codes.get_unused_codes()[0]
    sign_in(client, "nurse")
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert client.get(reverse("accounts:profile")).status_code == 200
    client.post(reverse("account_logout"))
    sign_in(client, "nurse")
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 200  # used codes do not work again
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_a_professional_without_totp_must_enrol_first(client, nurse):
    response = sign_in(client, "nurse")
    assert response.status_code == 302
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    # The API answers in JSON instead of redirecting.
    response = client.get("/api/v1/accounts/me")
    assert response.status_code == 403
    with translation.override(response.headers.get("Content-Language", "fi")):
        expected = gettext("Set up two-step verification before using the API.")
    assert response.json()["detail"] == expected


def test_enrolment_shows_a_qr_code_and_activates_totp(client, nurse):
    sign_in(client, "nurse")
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'src="data:image/svg+xml;base64,' in html  # the QR code
    secret = response.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response.url == reverse("mfa_view_recovery_codes")
    codes = client.get(reverse("mfa_view_recovery_codes"))
    assert codes.status_code == 200
    assert len(codes.context["unused_codes"]) == 10
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_citizens_are_not_asked_to_enrol(client):
    UserFactory(username="parent", kind="citizen")
    sign_in(client, "parent")
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_lockout_after_repeated_failures(client, settings, nurse):
    secret = enrol_totp(nurse)
    for _attempt in range(settings.LOGIN_ATTEMPTS):
        response = sign_in(client, "nurse", "wrong-password-123")
        assert response.status_code == 200
        assert response.context["form"].errors
    # Even the right password is refused while the account is locked.
    response = sign_in(client, "nurse")
    assert response.status_code == 200
    with translation.override("fi"):
        message = str(DefaultAccountAdapter.error_messages["too_many_login_attempts"])
    assert message in response.context["form"].errors["__all__"]
    # After the lockout window the account opens again.
    later = timezone.now() + datetime.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES, seconds=5)
    with time_machine.travel(later):
        response = sign_in(client, "nurse")
        assert response.status_code == 302
        assert response.url == reverse("mfa_authenticate")
        client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
        assert client.get(reverse("accounts:profile")).status_code == 200


def test_totp_guessing_is_throttled(client, nurse):
    secret = enrol_totp(nurse)
    sign_in(client, "nurse")
    wrong = f"{(int(totp_code(secret)) + 7) % 1_000_000:06d}"
    for _attempt in range(5):
        client.post(reverse("mfa_authenticate"), {"code": wrong})
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert client.get(reverse("accounts:profile")).status_code == 302, response


def test_session_ends_after_idle_time(client, settings, nurse):
    secret = enrol_totp(nurse)
    sign_in(client, "nurse")
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    start = timezone.now()
    # Activity keeps the session alive...
    with time_machine.travel(start + datetime.timedelta(minutes=settings.SESSION_IDLE_MINUTES - 1)):
        assert client.get(reverse("accounts:profile")).status_code == 200
    with time_machine.travel(
        start + datetime.timedelta(minutes=2 * settings.SESSION_IDLE_MINUTES - 2)
    ):
        assert client.get(reverse("accounts:profile")).status_code == 200
    # ...and idleness ends it.
    with time_machine.travel(start + datetime.timedelta(minutes=3 * settings.SESSION_IDLE_MINUTES)):
        response = client.get(reverse("accounts:profile"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


def test_sign_out_everywhere_ends_other_sessions_too():
    user = UserFactory(username="worker-everywhere")
    secret = enrol_totp(user)
    laptop, phone = Client(), Client()
    start = timezone.now()
    for minute, device in enumerate((laptop, phone)):
        # A TOTP code works once: the second device signs in a minute later.
        with time_machine.travel(start + datetime.timedelta(minutes=minute)):
            sign_in(device, user.username)
            device.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
            assert device.get(reverse("accounts:profile")).status_code == 200
    response = laptop.post(reverse("accounts:sign_out_everywhere"))
    assert response.status_code == 302
    assert laptop.get(reverse("accounts:profile")).status_code == 302
    assert phone.get(reverse("accounts:profile")).status_code == 302


def test_sign_out_everywhere_needs_csrf(nurse):
    enrol_totp(nurse)
    client = Client(enforce_csrf_checks=True)
    client.force_login(nurse)
    response = client.post(reverse("accounts:sign_out_everywhere"))
    assert response.status_code == 403


def test_expired_membership_gives_no_capabilities(client):
    from perhekeskus.accounts.selectors import user_capabilities

    user = UserFactory()
    MembershipFactory(
        user=user,
        role="social_worker",
        valid_from=timezone.localdate() - datetime.timedelta(days=60),
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    assert user_capabilities(user) == frozenset()
