"""Screening: what the answers suggest, what the form accepts, and that a
screening without a full assessment keeps the steps closed."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as s

from perhekeskus.impact.choices import VULNERABLE_GROUPS, ChildGroup
from perhekeskus.impact.forms import MatterForm
from perhekeskus.impact.models import Assessment
from perhekeskus.impact.steps import screening_suggestion

from .factories import SCREENING, new_assessment

GROUPS = s.lists(s.sampled_from(list(ChildGroup.values)), unique=True, max_size=6)
# The machine may be busy: generation speed is not what is tested here.
relaxed = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@relaxed
@given(groups=GROUPS, indirectly=s.booleans())
def test_a_direct_effect_always_suggests_a_full_assessment(groups, indirectly):
    assert screening_suggestion(directly=True, indirectly=indirectly, groups=groups) == "full"


@relaxed
@given(groups=GROUPS)
def test_no_effect_suggests_none(groups):
    assert screening_suggestion(directly=False, indirectly=False, groups=groups) == "none"


@relaxed
@given(groups=GROUPS)
def test_an_indirect_effect_depends_on_the_groups(groups):
    result = screening_suggestion(directly=False, indirectly=True, groups=groups)
    heavy = bool(VULNERABLE_GROUPS & set(groups)) or "all" in groups or len(groups) >= 3
    assert result == ("full" if heavy else "consider")


def test_indirect_effects_on_one_age_group_leave_it_to_the_preparer():
    assert screening_suggestion(directly=False, indirectly=True, groups=["age_0_6"]) == "consider"
    assert screening_suggestion(directly=False, indirectly=True, groups=["sami"]) == "full"


def form(**overrides):
    data = {
        "version": 0,
        "title": "Asia",
        "decision_maker": "Lautakunta",
        "preparer": "p",
        **{k: v for k, v in SCREENING.items()},
        **overrides,
    }
    data = {k: v for k, v in data.items() if v is not False}
    return MatterForm(data, preparers=[("p", "Preparer")])


def test_the_form_accepts_a_full_screening():
    f = form()
    assert f.is_valid(), f.errors
    assert f.cleaned_data["groups"] == ["age_7_12", "disability"]


def test_groups_without_an_effect_are_refused():
    f = form(affects_directly=False, affects_indirectly=False, full_needed="no")
    assert not f.is_valid()
    assert "groups" in f.errors


def test_a_full_assessment_needs_an_effect():
    f = form(affects_directly=False, affects_indirectly=False, groups=[], full_needed="yes")
    assert not f.is_valid()
    assert "full_needed" in f.errors


def test_a_conclusion_needs_its_reason():
    f = form(reason="")
    assert not f.is_valid()
    assert "reason" in f.errors


def test_a_personal_identity_code_is_refused():
    f = form(how="Lapsi 010115A123B muuttaa")
    assert not f.is_valid()
    assert "how" in f.errors


@pytest.mark.django_db
def test_the_new_screening_page_creates_version_one(client, world):
    client.force_login(world.preparer)
    data = {
        "version": 0,
        "title": "Avoimen päiväkodin siirto",
        "decision_maker": "Aluehallitus",
        "planned_decision_date": "2026-12-01",
        "preparer": str(world.preparer.pk),
        "kind": "before",
        "affects_indirectly": "on",
        "groups": ["age_0_6"],
        "how": "Perheiden matka pitenee.",
        "full_needed": "no",
        "reason": "Vaikutus vähäinen.",
    }
    response = client.post("/en/impact/new/", data)
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert assessment.version == 1
    assert assessment.full_assessment_needed is False
    assert assessment.content["screening"]["groups"] == ["age_0_6"]
    assert assessment.versions.get().number == 1
    # No full assessment: the steps stay closed.
    step = client.get(f"/en/impact/{assessment.pk}/steps/need/")
    assert step.status_code == 302
    assert step["Location"].endswith("/screening/")


@pytest.mark.django_db
def test_a_refused_screening_keeps_what_was_typed(client, world):
    client.force_login(world.preparer)
    response = client.post(
        "/en/impact/new/",
        {"version": 0, "title": "Kirjaston aukiolo", "decision_maker": "", "how": "Tekstiä"},
    )
    assert response.status_code == 400
    assert b"Kirjaston aukiolo" in response.content
    assert "Tekstiä" in response.content.decode()
    assert not Assessment.objects.exists()


@pytest.mark.django_db
def test_the_screening_page_shows_the_suggestion(client, world):
    assessment = new_assessment(world.preparer)
    client.force_login(world.preparer)
    response = client.get(f"/en/impact/{assessment.pk}/screening/")
    assert b"The answers suggest a full assessment." in response.content
