"""Sign-off by a second official freezes a version; only published versions
reach the public."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from perhekeskus.core.appendonly import AppendOnlyError
from perhekeskus.core.errors import NotAllowedError, TransitionError
from perhekeskus.impact import services
from perhekeskus.impact.models import Assessment, AssessmentVersion

from .factories import complete_assessment, new_assessment

pytestmark = pytest.mark.django_db


def signed(world):
    assessment = complete_assessment(world.preparer)
    services.sign_off(user=world.colleague, assessment=assessment, version=assessment.version)
    assessment.refresh_from_db()
    return assessment


def test_the_preparer_cannot_sign_their_own_assessment(world):
    assessment = complete_assessment(world.preparer)
    with pytest.raises(NotAllowedError):
        services.sign_off(user=world.preparer, assessment=assessment, version=assessment.version)


def test_the_one_who_saved_the_version_cannot_sign_it(world):
    assessment = complete_assessment(world.preparer, editor=world.colleague)
    with pytest.raises(NotAllowedError):
        services.sign_off(user=world.colleague, assessment=assessment, version=assessment.version)
    # A third official with the capability (a manager) may.
    services.sign_off(user=world.manager, assessment=assessment, version=assessment.version)


def test_an_analyst_cannot_sign(world):
    assessment = complete_assessment(world.preparer)
    with pytest.raises(NotAllowedError):
        services.sign_off(user=world.analyst, assessment=assessment, version=assessment.version)


def test_an_incomplete_assessment_is_not_signed(world):
    assessment = new_assessment(world.preparer)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.sign_off(user=world.colleague, assessment=assessment, version=1)
    assert any("Decision options" in m for m in refused.value.messages)
    assessment.refresh_from_db()
    assert assessment.state == Assessment.State.DRAFT


def test_signing_an_older_version_than_the_current_is_refused(world):
    assessment = complete_assessment(world.preparer)
    with pytest.raises(TransitionError):
        services.sign_off(
            user=world.colleague, assessment=assessment, version=assessment.version - 1
        )


def test_a_screening_without_a_full_assessment_can_be_signed(world):
    assessment = new_assessment(
        world.preparer,
        screening={
            "affects_directly": False,
            "affects_indirectly": False,
            "groups": [],
            "full_needed": "no",
            "reason": "Ei vaikutuksia lapsiin.",
        },
    )
    services.sign_off(user=world.colleague, assessment=assessment, version=1)


def test_signing_freezes_the_version(client, world):
    assessment = signed(world)
    assert assessment.state == Assessment.State.SIGNED
    assert assessment.signed_version == assessment.version
    with pytest.raises(TransitionError):
        services.save_step(
            user=world.preparer,
            assessment=assessment,
            step="need",
            base_version=assessment.version,
            fragment={"need": "Muutos"},
        )
    client.force_login(world.preparer)
    response = client.post(
        f"/en/impact/{assessment.pk}/steps/need/",
        {"version": assessment.version, "need": "Muutos"},
    )
    assert response.status_code == 409
    assessment.refresh_from_db()
    assert assessment.content["need"]["need"] != "Muutos"
    # The kept version itself can never change.
    kept = assessment.versions.get(number=assessment.version)
    with pytest.raises(AppendOnlyError):
        kept.save()
    with pytest.raises(AppendOnlyError):
        AssessmentVersion.objects.filter(pk=kept.pk).update(step="x")


def test_the_database_refuses_a_published_version_that_was_not_signed(world):
    assessment = complete_assessment(world.preparer)
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.filter(pk=assessment.pk).update(
            published_version=assessment.version, published_at="2026-01-01T00:00:00Z"
        )


def test_only_a_signed_version_is_published(world):
    assessment = complete_assessment(world.preparer)
    with pytest.raises(TransitionError):
        services.publish(user=world.preparer, assessment=assessment, version=assessment.version)


def test_the_public_sees_only_the_published_version(client, world):
    assessment = signed(world)
    # Signed but not yet published: not public.
    assert client.get(f"/en/child-impact-assessments/{assessment.pk}/").status_code == 404
    services.publish(user=world.preparer, assessment=assessment, version=assessment.version)
    published_number = assessment.version
    page = client.get(f"/en/child-impact-assessments/{assessment.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Published " in html and f"Version {published_number} of the assessment" in html
    # Reopened and changed: the public still sees the published text only.
    services.reopen(user=world.preparer, assessment=assessment)
    assessment.refresh_from_db()
    services.save_step(
        user=world.preparer,
        assessment=assessment,
        step="need",
        base_version=assessment.version,
        fragment={"need": "LUONNOSTEKSTI jota ei ole julkaistu"},
    )
    html = client.get(f"/en/child-impact-assessments/{assessment.pk}/").content.decode()
    assert "LUONNOSTEKSTI" not in html
    assert "Koulun sivutoimipisteen lakkauttaminen." in html
    listing = client.get("/en/child-impact-assessments/").content.decode()
    assert assessment.title in listing


def test_drafts_are_not_listed_publicly(client, world):
    assessment = complete_assessment(world.preparer, title="Salainen luonnos")
    assert "Salainen luonnos" not in client.get("/en/child-impact-assessments/").content.decode()
    assert client.get(f"/en/child-impact-assessments/{assessment.pk}/").status_code == 404
    assert client.get(f"/en/child-impact-assessments/{assessment.pk}/pdf/").status_code == 404


def test_sign_off_and_publish_through_the_pages(client, world):
    assessment = complete_assessment(world.preparer)
    client.force_login(world.preparer)
    refused = client.post(
        f"/en/impact/{assessment.pk}/sign-off/",
        {"version": assessment.version, "confirm": "on"},
    )
    assert refused.status_code == 409
    client.force_login(world.colleague)
    response = client.post(
        f"/en/impact/{assessment.pk}/sign-off/",
        {"version": assessment.version, "confirm": "on", "statement": "Tarkistettu."},
    )
    assert response.status_code == 302
    response = client.post(
        f"/en/impact/{assessment.pk}/publish/",
        {"version": assessment.version, "confirm": "on"},
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.state == Assessment.State.PUBLISHED
    assert assessment.sign_offs.get().statement == "Tarkistettu."
    assert assessment.publications.get().version.number == assessment.version
