"""Every page of the tool in Finnish, Swedish and English: the language, one
<h1>, a title and the landmarks."""

import pytest
from django.utils import translation

from perhekeskus.impact import services
from perhekeskus.impact.models import Notice
from perhekeskus.web.tests.test_pages import assert_page

from .factories import complete_assessment, new_assessment

pytestmark = pytest.mark.django_db
LANGUAGES = ("fi", "sv", "en")


def prefix(language: str) -> str:
    return "" if language == "fi" else f"/{language}"


@pytest.fixture
def assessments(world):
    draft = complete_assessment(world.preparer, title="Luonnos")
    published = complete_assessment(world.preparer, title="Julkaistu")
    services.sign_off(user=world.colleague, assessment=published, version=published.version)
    services.publish(user=world.colleague, assessment=published, version=published.version)
    screening_only = new_assessment(world.preparer, title="Seulonta")
    Notice.objects.create(
        user=world.preparer, assessment=published, kind="follow_up", due_on="2027-12-01"
    )
    return draft, published, screening_only


def tool_pages(draft, published) -> list[str]:
    steps = [
        "need",
        "scope",
        "law",
        "schedule",
        "options",
        "evidence",
        "participation",
        "effects",
        "conflicts",
        "recommendation",
        "informing",
        "follow_up",
    ]
    return [
        "/impact/",
        "/impact/new/",
        f"/impact/{draft.pk}/",
        f"/impact/{draft.pk}/screening/",
        *[f"/impact/{draft.pk}/steps/{slug}/" for slug in steps],
        f"/impact/{draft.pk}/history/",
        f"/impact/{draft.pk}/history/?a=1&b=5",
        f"/impact/{draft.pk}/sign-off/",
        f"/impact/{published.pk}/",
        f"/impact/{published.pk}/publish/",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_tool_page_in_every_language(client, world, assessments, language):
    draft, published, screening_only = assessments
    client.force_login(world.preparer)
    for path in [*tool_pages(draft, published), f"/impact/{screening_only.pk}/"]:
        response = client.get(prefix(language) + path)
        assert response.status_code == 200, path
        assert_page(response.content.decode(), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_public_pages_in_every_language(client, assessments, language):
    _draft, published, _screening = assessments
    for path in ("/child-impact-assessments/", f"/child-impact-assessments/{published.pk}/"):
        response = client.get(prefix(language) + path)
        assert response.status_code == 200, path
        assert_page(response.content.decode(), language)


def test_the_translations_are_used(client, assessments):
    _draft, published, _screening = assessments
    with translation.override("sv"):
        html = client.get(f"/sv/child-impact-assessments/{published.pk}/").content.decode()
    assert "Publicerad" in html
    html = client.get(f"/child-impact-assessments/{published.pk}/").content.decode()
    assert "Julkaistu" in html and "Lapsivaikutusten arviointi" in html
