"""The header shows each signed-in user the sections their roles open."""

import re

import pytest

from perhekeskus.families.tests.world import build_world

SECTIONS = {
    "/families/": "My families",
    "/my-data/": "My data",
    "/audit/log/": "Access log",
    "/audit/": "Emergency access reviews",
    "/provider/services/": "Our services",
    "/catalogue-review/": "Catalogue worklist",
}


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_world()


def header_links(content: bytes) -> dict[str, str]:
    header = re.search(rb'<nav class="account-nav".*?</nav>', content, re.S).group(0).decode()
    links = {
        href.removeprefix("/en"): re.sub(r"<[^>]+>", "", text).strip()
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', header, re.S)
    }
    return {href: text for href, text in links.items() if href in SECTIONS}


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("nurse", {"/families/"}),
        ("parent", {"/my-data/"}),
        ("auditor", {"/audit/log/", "/audit/"}),
        ("manager", {"/audit/", "/provider/services/"}),
        (None, set()),
    ],
)
def test_each_role_sees_its_sections_and_each_link_opens(client, world, who, expected):
    if who:
        client.force_login(getattr(world, who))
    links = header_links(client.get("/en/").content)
    assert links == {path: SECTIONS[path] for path in expected}
    for path in expected:
        response = client.get(f"/en{path}")
        assert response.status_code == 200, path
        assert SECTIONS[path] in header_links(response.content).values()


def test_the_current_section_is_marked_for_assistive_technology(client, world):
    client.force_login(world.nurse)
    page = client.get("/en/families/").content.decode()
    assert re.search(r'<a href="/en/families/" aria-current="page">My families</a>', page)
    family = client.get(f"/en/families/{world.virtanen.pk}/").content.decode()
    assert re.search(r'<a href="/en/families/" aria-current="true">My families</a>', family)


def test_catalogue_editors_and_provider_staff_find_their_work(client, world):
    from perhekeskus.accounts.models import Role

    from .factories import MembershipFactory, enrol_totp

    editor = MembershipFactory(role=Role.CATALOGUE_EDITOR).user
    enrol_totp(editor)
    client.force_login(editor)
    assert header_links(client.get("/en/").content) == {"/catalogue-review/": "Catalogue worklist"}
    assert client.get("/en/catalogue-review/").status_code == 200

    ngo_worker = MembershipFactory(role=Role.NGO_WORKER).user
    enrol_totp(ngo_worker)
    client.force_login(ngo_worker)
    links = header_links(client.get("/en/").content)
    assert links == {"/families/": "My families", "/provider/services/": "Our services"}
    assert client.get("/en/provider/services/").status_code == 200
