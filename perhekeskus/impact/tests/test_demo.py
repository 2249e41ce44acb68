"""The demo's assessments: believable, one published, loaded once."""

import pytest

from perhekeskus.accounts.models import Role
from perhekeskus.impact.demo import load_demo
from perhekeskus.impact.models import Assessment

from .factories import official

pytestmark = pytest.mark.django_db


def test_the_demo_loads_three_assessments_once(client):
    # The demo's two officials, as the accounts demo makes them.
    official(Role.PREPARING_OFFICIAL, "demo-preparer")
    official(Role.MANAGER, "demo-manager")
    load_demo()
    load_demo()
    assert Assessment.objects.count() == 3
    published = Assessment.objects.get(published_version__isnull=False)
    assert "Rantakylän sivukoulun" in published.title
    assert published.sign_offs.get().signed_by.username == "demo-manager"
    assert published.versions.count() == published.version > 10
    screening_only = Assessment.objects.get(full_assessment_needed=False)
    assert screening_only.state == Assessment.State.SIGNED
    in_progress = Assessment.objects.get(state=Assessment.State.DRAFT)
    assert in_progress.full_assessment_needed is True
    page = client.get(f"/en/child-impact-assessments/{published.pk}/")
    assert page.status_code == 200
    assert "Sivukoulussa vain luokat 1–2" in page.content.decode()


def test_without_the_demo_users_nothing_is_loaded():
    load_demo()
    assert not Assessment.objects.exists()
