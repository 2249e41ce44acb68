"""Each step saved through its page, each save a version."""

import pytest

from perhekeskus.impact import services
from perhekeskus.impact.models import AssessmentVersion
from perhekeskus.impact.steps import STEPS, missing_for_sign_off, progress

from .factories import OPTIONS, complete_assessment, full_steps, new_assessment

pytestmark = pytest.mark.django_db


def post_data(slug: str, fragment: dict, version: int) -> dict:
    """The form fields a browser posts for one step's content."""
    data: dict = {"version": version}
    items = fragment.get("items")
    if slug in ("options", "participation"):
        data.update(
            {
                "items-TOTAL_FORMS": len(items) + 1,
                "items-INITIAL_FORMS": 0,
                "items-MIN_NUM_FORMS": 0,
                "items-MAX_NUM_FORMS": 1000,
            }
        )
        for i, item in enumerate(items):
            for k, v in item.items():
                data[f"items-{i}-{k}"] = v
    elif slug == "effects":
        for e in items:
            for k, v in e.items():
                if k not in ("option", "group"):
                    data[f"e-{e['option']}-{e['group']}-{k}"] = v
    for k, v in fragment.items():
        if k == "items":
            continue
        if v is True:
            data[k] = "on"
        elif v is not False:
            data[k] = v
    return data


def test_every_step_is_saved_through_its_page_as_a_new_version(client, world):
    assessment = new_assessment(world.preparer)
    client.force_login(world.preparer)
    for number, (slug, fragment) in enumerate(full_steps().items(), start=2):
        response = client.post(
            f"/en/impact/{assessment.pk}/steps/{slug}/",
            post_data(slug, fragment, assessment.version),
        )
        assert response.status_code == 302, (slug, response.content.decode()[:2000])
        assessment.refresh_from_db()
        assert assessment.version == number, slug
        saved = assessment.versions.get(number=number)
        assert saved.step == slug
        assert saved.created_by == world.preparer
        assert saved.snapshot["content"][slug] == assessment.content[slug]
    assert assessment.content["options"]["items"][1]["title"] == OPTIONS[1]["title"]
    assert len(assessment.content["effects"]["items"]) == 4
    assert assessment.follow_up_date.isoformat() == "2027-12-01"
    assert missing_for_sign_off(assessment, []) == []
    assert all(row["done"] for row in progress(assessment, []))


def test_save_and_continue_goes_to_the_next_step(client, world):
    assessment = new_assessment(world.preparer)
    client.force_login(world.preparer)
    response = client.post(
        f"/en/impact/{assessment.pk}/steps/need/",
        {"version": 1, "need": "Tarve", "continue": ""},
    )
    assert response["Location"].endswith("/steps/scope/")


def test_a_save_that_changes_nothing_makes_no_version(client, world):
    assessment = complete_assessment(world.preparer)
    client.force_login(world.preparer)
    before = assessment.version
    response = client.post(
        f"/en/impact/{assessment.pk}/steps/need/",
        {"version": before, "need": full_steps()["need"]["need"]},
        follow=True,
    )
    assert b"no new version was made" in response.content
    assessment.refresh_from_db()
    assert assessment.version == before


def test_an_effect_without_its_size_is_refused_and_nothing_saved(client, world):
    assessment = complete_assessment(world.preparer)
    client.force_login(world.preparer)
    key = OPTIONS[0]["key"]
    response = client.post(
        f"/en/impact/{assessment.pk}/steps/effects/",
        {"version": assessment.version, f"e-{key}-age_7_12-short_direction": "negative"},
    )
    assert response.status_code == 400
    assert b"Say how large the effect is." in response.content
    assert AssessmentVersion.objects.filter(assessment=assessment).count() == assessment.version


def test_a_removed_option_leaves_the_list(client, world):
    assessment = complete_assessment(world.preparer)
    client.force_login(world.preparer)
    data = post_data("options", {"items": OPTIONS}, assessment.version)
    data["items-INITIAL_FORMS"] = 2
    data["items-1-DELETE"] = "on"
    response = client.post(f"/en/impact/{assessment.pk}/steps/options/", data)
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert [o["title"] for o in assessment.content["options"]["items"]] == [OPTIONS[0]["title"]]
    # One option is not enough for sign-off any more.
    assert "Decision options" in missing_for_sign_off(assessment, [])


def test_history_compares_versions_word_by_word(client, world):
    assessment = complete_assessment(world.preparer)
    services.save_step(
        user=world.preparer,
        assessment=assessment,
        step="need",
        base_version=assessment.version,
        fragment={
            "need": "Koulun sivutoimipisteen lakkauttaminen ja oppilaiden siirto keskuskouluun."
        },
    )
    client.force_login(world.analyst)
    response = client.get(f"/en/impact/{assessment.pk}/history/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<ins>" in html and "keskuskouluun." in html
    response = client.get(f"/en/impact/{assessment.pk}/history/?a=1&b=2")
    assert "The need for the assessment" in response.content.decode()
    assert client.get(f"/en/impact/{assessment.pk}/history/?a=1&b=999").status_code == 400


def test_steps_are_in_the_finnish_order():
    assert [s.slug for s in STEPS] == [
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
