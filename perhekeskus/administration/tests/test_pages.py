import pytest
from django.urls import reverse
from django.utils import translation

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.accounts.models import Membership, Unit, User

pytestmark = pytest.mark.django_db
REASON = {"reason": "Testi"}


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def admin_client(client, world, settings):
    settings.DEMO_MODE = True
    world.admin.is_demo = True
    world.admin.save()
    client.force_login(world.admin)
    return client


def test_pages_open_for_the_administrator(admin_client, world):
    for page in (
        url("administration:home"),
        url("administration:people"),
        url("administration:unit", unit_id=world.clinic.pk),
        url("administration:person", user_id=world.nurse.pk),
        url("administration:person_new"),
        url("administration:unit_new"),
        url("administration:membership_end", membership_id=world.nurse_membership.pk),
        url("administration:grant_new", membership_id=world.nurse_membership.pk),
        url("administration:person_reset_second_factor", user_id=world.nurse.pk),
    ):
        response = admin_client.get(page)
        assert response.status_code == 200, page
        assert response.content.decode().count("<h1") == 1, page
    home = admin_client.get(url("administration:home")).content.decode()
    assert "Neuvola" in home and "Toinen" not in home
    person = admin_client.get(url("administration:person", user_id=world.nurse.pk)).content.decode()
    assert "work with clients" in person  # what the role gives
    assert str(world.nurse_membership.pk) in person  # links only
    people = admin_client.get(url("administration:people"), {"q": "Niina"}).content.decode()
    assert "Neuvola" in people and "Muualla" not in people


def test_the_header_shows_administration_and_the_administrator_lands_there(admin_client, world):
    from perhekeskus.accounts.landing import landing_url_name

    assert landing_url_name(world.admin) == "administration:home"
    assert 'href="/en/administration/"' in admin_client.get("/en/").content.decode()
    User.objects.filter(pk=world.nurse.pk).update(is_demo=True)
    admin_client.force_login(world.nurse)
    assert 'href="/en/administration/"' not in admin_client.get("/en/").content.decode()


def test_actions_through_the_pages_are_logged(admin_client, world):
    response = admin_client.post(
        url("administration:unit_new"),
        {
            "organization": world.org.pk,
            "name_fi": "Uusi yksikkö",
            "kind": "family_centre",
            **REASON,
        },
    )
    assert response.status_code == 302
    unit = Unit.objects.get(name_fi="Uusi yksikkö")
    assert unit.organization == world.org
    response = admin_client.post(
        url("administration:person_new"),
        {
            "first_name": "Uusi",
            "last_name": "Ihminen",
            "username": "uusi",
            "unit": world.clinic.pk,
            "role": "family_worker",
            "valid_from": "2026-01-01",
            **REASON,
        },
    )
    assert response.status_code == 302, response.content.decode()
    person = User.objects.get(username="uusi")
    membership = Membership.objects.get(user=person)
    assert (
        admin_client.post(
            url("administration:grant_new", membership_id=membership.pk),
            {"valid_from": "2026-01-01", "reason": "Tehtävä"},
        ).status_code
        == 302
    )
    assert Membership.objects.get(pk=membership.pk).protected_address_right
    assert (
        admin_client.post(
            url("administration:person_deactivate", user_id=person.pk), REASON
        ).status_code
        == 302
    )
    assert not User.objects.get(pk=person.pk).is_active
    page = admin_client.get(url("administration:person", user_id=person.pk)).content.decode()
    assert "Testi" in page and "Account deactivated" in page
    # A missing reason is a clear message, not a change.
    response = admin_client.post(url("administration:person_reactivate", user_id=person.pk), {})
    assert response.status_code == 400 and not User.objects.get(pk=person.pk).is_active
    assert AccessLogEntry.objects.filter(actor_id=world.admin.pk, action="write").count() >= 5


def test_another_organisations_records_answer_404_and_change_nothing(admin_client, world):
    before = AccessLogEntry.objects.count()
    for name, kwargs in (
        ("administration:unit", {"unit_id": world.other_unit.pk}),
        ("administration:unit_deactivate", {"unit_id": world.other_unit.pk}),
        ("administration:person", {"user_id": world.stranger.pk}),
        ("administration:person_deactivate", {"user_id": world.stranger.pk}),
        ("administration:person_reset_second_factor", {"user_id": world.stranger.pk}),
        ("administration:membership_end", {"membership_id": world.stranger_membership.pk}),
        ("administration:grant_new", {"membership_id": world.stranger_membership.pk}),
    ):
        assert admin_client.get(url(name, **kwargs)).status_code == 404, name
        if name in ("administration:unit", "administration:person"):
            continue  # pages only
        assert (
            admin_client.post(url(name, **kwargs), {**REASON, "last_day": "2026-01-01"}).status_code
            == 404
        )
    assert User.objects.get(pk=world.stranger.pk).is_active
    assert Unit.objects.get(pk=world.other_unit.pk).is_active
    assert AccessLogEntry.objects.filter(action="write").count() == 0
    assert AccessLogEntry.objects.count() == before


def test_non_administrators_are_refused(client, world, settings):
    settings.DEMO_MODE = True
    User.objects.filter(pk=world.nurse.pk).update(is_demo=True)
    client.force_login(world.nurse)
    assert client.get(url("administration:home")).status_code == 403
    response = client.post(url("administration:person_deactivate", user_id=world.nurse.pk), REASON)
    assert response.status_code == 403
    client.logout()
    assert client.get(url("administration:people")).status_code == 302
    # A platform administrator is not an organisation's user administrator.
    platform = User.objects.create(username="platform", is_superuser=True, is_demo=True)
    client.force_login(platform)
    assert client.get(url("administration:home")).status_code == 403
