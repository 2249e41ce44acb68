"""The platform administrators' vocabularies site (Django's admin, guarded)."""

import pytest
from django.urls import reverse
from django.utils import translation

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.landing import landing_url_name
from perhekeskus.accounts.models import User
from perhekeskus.accounts.selectors import user_capabilities

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def platform(db, settings):
    settings.DEMO_MODE = True
    return User.objects.create(username="platform", is_superuser=True, is_demo=True)


def test_the_platform_administrator_keeps_the_vocabularies_and_is_logged(client, platform):
    assert Capability.ADMINISTER_PLATFORM in user_capabilities(platform)
    assert Capability.ADMINISTER_USERS not in user_capabilities(platform)
    assert landing_url_name(platform) == "platform_admin:index"
    client.force_login(platform)
    assert 'href="/en/platform-admin/"' in client.get("/en/").content.decode()
    response = client.get(url("platform_admin:index"))
    assert response.status_code == 200
    page = client.get(url("platform_admin:planning_method_changelist"))
    assert page.status_code == 200
    logged = AccessLogEntry.objects.filter(actor_id=platform.pk, action="read")
    assert logged.filter(target__startswith="platform administration: ").count() == 2
    response = client.post(
        url("platform_admin:catalogue_language_add"),
        {"code": "se", "name_fi": "pohjoissaame", "name_sv": "nordsamiska", "name_en": "Sami"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert AccessLogEntry.objects.filter(actor_id=platform.pk, action="write").count() == 1


def test_others_are_refused_and_the_admins_own_sign_in_is_never_shown(client, world, settings):
    settings.DEMO_MODE = True
    User.objects.filter(pk=world.admin.pk).update(is_demo=True)
    response = client.get(url("platform_admin:index"))
    assert response.status_code == 302 and "/accounts/login/" in response.url
    response = client.get(url("platform_admin:login"))
    assert response.status_code == 302 and "/accounts/login/" in response.url
    # The organisation's user administrator is not a platform administrator.
    client.force_login(world.admin)
    assert client.get(url("platform_admin:index")).status_code == 403
    assert (
        client.post(url("platform_admin:catalogue_language_add"), {"code": "x"}).status_code == 403
    )
    assert not AccessLogEntry.objects.filter(target__startswith="platform administration").exists()


def test_every_platform_admin_view_declares_a_policy():
    from perhekeskus.web.access import policy_of
    from perhekeskus.web.tests.test_access_crawl import routes

    missing = [
        name
        for _route, name, view in routes()
        if name.startswith("platform_admin:") and not policy_of(view)
    ]
    assert not missing
