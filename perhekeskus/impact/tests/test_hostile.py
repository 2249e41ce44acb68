"""Hostile input never gives a 500 and never saves half."""

import pytest

from perhekeskus.impact.models import Assessment

from .factories import complete_assessment

pytestmark = pytest.mark.django_db

NASTY = [
    "\x00\x00",
    "<script>alert(1)</script>",
    "x" * 20_000,
    "🧒 \u202e åäö",
    "-1",
    "99999999999999999999999",
    "2026-02-30",
    "' OR 1=1 --",
]
STEPS = [
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
    "nope",
]


def hostile_post(value: str, version) -> dict:
    names = [
        "title",
        "decision_maker",
        "planned_decision_date",
        "preparer",
        "kind",
        "groups",
        "full_needed",
        "reason",
        "need",
        "articles",
        "items-TOTAL_FORMS",
        "items-INITIAL_FORMS",
        "items-0-title",
        "items-0-children",
        "items-0-method",
        "link-indicator",
        "link-operational_code",
        "remove",
        "option",
        "when",
        "date",
        "follow",
        "e-aaaa1111bbbb-age_7_12-short_direction",
        "e-aaaa1111bbbb-age_7_12-short_size",
    ]
    return {"version": version, **{name: value for name in names}}


@pytest.mark.parametrize("value", NASTY)
def test_hostile_posts_never_break_a_page(client, world, value):
    assessment = complete_assessment(world.preparer)
    client.force_login(world.preparer)
    before = assessment.version
    content = assessment.content
    for version in (value, before):
        for slug in STEPS:
            response = client.post(
                f"/en/impact/{assessment.pk}/steps/{slug}/", hostile_post(value, version)
            )
            assert response.status_code < 500, (slug, response.status_code)
            assert b"<script>alert(1)" not in response.content
        for path in ("screening/", "sign-off/", "publish/"):
            response = client.post(
                f"/en/impact/{assessment.pk}/{path}", hostile_post(value, version)
            )
            assert response.status_code < 500, path
        response = client.post("/en/impact/new/", hostile_post(value, version))
        assert response.status_code < 500
    assessment.refresh_from_db()
    assert Assessment.objects.count() == 1
    # Whatever was refused left nothing behind: an unchanged version has the old content.
    if assessment.version == before:
        assert assessment.content == content
    assert assessment.versions.count() == assessment.version


@pytest.mark.parametrize(
    "query", ["a=abc&b=1", "a=-1&b=0", "a=1&b=99999999999999", "a=%00", "a=1&a=2&b=3"]
)
def test_hostile_history_queries(client, world, query):
    assessment = complete_assessment(world.preparer)
    client.force_login(world.preparer)
    response = client.get(f"/en/impact/{assessment.pk}/history/?{query}")
    assert response.status_code in (200, 400)


def test_unknown_ids_are_not_found(client, world):
    client.force_login(world.preparer)
    missing = "00000000-0000-0000-0000-000000000000"
    for path in (f"/en/impact/{missing}/", f"/en/child-impact-assessments/{missing}/"):
        assert client.get(path).status_code == 404
    assert client.post("/en/impact/notices/999999999/read/").status_code == 302
