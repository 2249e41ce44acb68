"""The organisation kinds' names on the platform administrators' site: renamed,
never added or deleted (the codes are fixed; the rules read them)."""

import pytest
from django.urls import reverse
from django.utils import translation

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.accounts.models import User
from perhekeskus.catalogue.models import Organization, OrganizationKindName

pytestmark = pytest.mark.django_db


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def platform(db, settings):
    settings.DEMO_MODE = True
    return User.objects.create(username="platform", is_superuser=True, is_demo=True)


def test_the_platform_administrator_renames_a_kind_but_cannot_add_or_delete(client, platform):
    client.force_login(platform)
    index = client.get(url("platform_admin:index")).content.decode()
    assert url("platform_admin:catalogue_organizationkindname_changelist") in index
    listing = client.get(url("platform_admin:catalogue_organizationkindname_changelist"))
    assert listing.status_code == 200
    assert url("platform_admin:catalogue_organizationkindname_add") not in listing.content.decode()
    row = OrganizationKindName.objects.get(kind=Organization.Kind.PARISH)
    change = url("platform_admin:catalogue_organizationkindname_change", row.pk)
    assert client.get(change).status_code == 200
    response = client.post(
        change,
        {
            "name_fi": "seurakunta tai uskonnollinen yhdyskunta",
            "name_sv": "församling eller religiöst samfund",
            "name_en": "parish or religious community",
            "description_fi": "",
            "description_sv": "",
            "description_en": "",
            "kind": "ngo",  # read-only: ignored
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    row.refresh_from_db()
    assert row.kind == Organization.Kind.PARISH
    assert row.name_en == "parish or religious community"
    with translation.override("sv"):
        assert Organization(kind="parish").get_kind_display() == (
            "församling eller religiöst samfund"
        )
    assert AccessLogEntry.objects.filter(actor_id=platform.pk, action="write").exists()
    # No adding, no deleting: the set of codes is fixed.
    add = url("platform_admin:catalogue_organizationkindname_add")
    assert client.get(add).status_code == 403
    assert client.post(add, {"kind": "ngo", "name_fi": "x"}).status_code == 403
    delete = url("platform_admin:catalogue_organizationkindname_delete", row.pk)
    assert client.get(delete).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    bulk = client.post(
        url("platform_admin:catalogue_organizationkindname_changelist"),
        {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302)
    assert OrganizationKindName.objects.count() == len(Organization.Kind.values)


def test_a_user_without_the_capability_is_refused(client, world, settings):
    settings.DEMO_MODE = True
    User.objects.filter(pk=world.admin.pk).update(is_demo=True)
    row = OrganizationKindName.objects.get(kind=Organization.Kind.NGO)
    change = url("platform_admin:catalogue_organizationkindname_change", row.pk)
    anonymous = client.get(change)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous.url
    client.force_login(world.admin)
    assert client.get(change).status_code == 403
    assert client.post(change, {"name_fi": "x", "name_sv": "x", "name_en": "x"}).status_code == 403
    row.refresh_from_db()
    assert row.name_fi == "järjestö"
