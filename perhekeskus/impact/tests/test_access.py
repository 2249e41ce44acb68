"""Who may open what: preparing officials write, statistics viewers read, a
nurse gets nothing, a visitor sees only published assessments."""

import re

import pytest
from django.urls import URLPattern, get_resolver

from perhekeskus.impact import services, urls
from perhekeskus.impact.models import Notice
from perhekeskus.web.access import PUBLIC, policy_of

from .factories import complete_assessment

pytestmark = pytest.mark.django_db
PUBLIC_NAMES = {"public_list", "public_detail", "public_pdf"}


def tool_paths(assessment, notice) -> list[tuple[str, str]]:
    values = {
        "assessment_id": assessment.pk,
        "slug": "need",
        "notice_id": notice.pk,
    }
    paths = []
    for entry in urls.urlpatterns:
        assert isinstance(entry, URLPattern)
        if entry.name in PUBLIC_NAMES:
            continue
        route = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), str(entry.pattern))
        paths.append((entry.name, "/en/" + route))
    return paths


@pytest.fixture
def setup(world):
    assessment = complete_assessment(world.preparer)
    notice = Notice.objects.create(
        user=world.preparer, assessment=assessment, kind="follow_up", due_on="2027-12-01"
    )
    return assessment, notice


def test_every_view_has_a_policy_and_only_the_public_pages_are_public():
    names = {}
    for entry in get_resolver().url_patterns:
        for sub in getattr(entry, "url_patterns", []):
            if getattr(sub, "namespace", None) == "impact":
                names = {p.name: policy_of(p.callback) for p in sub.url_patterns}
    assert names, "impact URLs not found"
    assert all(names.values()), names
    assert {n for n, p in names.items() if p == PUBLIC} == PUBLIC_NAMES


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_nurse_cannot_open_the_tool(client, world, setup, method):
    client.force_login(world.nurse)
    for name, path in tool_paths(*setup):
        response = getattr(client, method)(path)
        assert response.status_code in (403, 405), (name, response.status_code)
        assert setup[0].title.encode() not in response.content


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_visitor_is_sent_to_sign_in(client, setup, method):
    for name, path in tool_paths(*setup):
        response = getattr(client, method)(path)
        assert response.status_code in (302, 405), name
        if response.status_code == 302:
            assert "/login" in response["Location"], name


def test_an_analyst_reads_but_does_not_write(client, world, setup):
    assessment, _notice = setup
    client.force_login(world.analyst)
    for path in (
        "/en/impact/",
        f"/en/impact/{assessment.pk}/",
        f"/en/impact/{assessment.pk}/history/",
    ):
        assert client.get(path).status_code == 200, path
    page = client.get(f"/en/impact/{assessment.pk}/").content.decode()
    assert "Sign off" not in page and "New screening" not in page
    for path in (
        "/en/impact/new/",
        f"/en/impact/{assessment.pk}/screening/",
        f"/en/impact/{assessment.pk}/steps/need/",
        f"/en/impact/{assessment.pk}/sign-off/",
        f"/en/impact/{assessment.pk}/publish/",
    ):
        assert client.get(path).status_code == 403, path
        assert client.post(path, {"version": assessment.version}).status_code == 403, path
    assessment.refresh_from_db()
    assert assessment.version == 13


def test_a_visitor_sees_published_assessments_only(client, world):
    draft = complete_assessment(world.preparer, title="Keskeneräinen arvio")
    public = complete_assessment(world.preparer, title="Julkaistu arvio")
    services.sign_off(user=world.colleague, assessment=public, version=public.version)
    services.publish(user=world.colleague, assessment=public, version=public.version)
    listing = client.get("/en/child-impact-assessments/").content.decode()
    assert "Julkaistu arvio" in listing and "Keskeneräinen arvio" not in listing
    assert client.get(f"/en/child-impact-assessments/{public.pk}/").status_code == 200
    assert client.get(f"/en/child-impact-assessments/{draft.pk}/").status_code == 404
    assert client.get(f"/en/child-impact-assessments/{draft.pk}/pdf/").status_code == 404
