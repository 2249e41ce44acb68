"""Sections from the assessment and the plan: copied at sending, shown only when chosen."""

import pytest

from perhekeskus.planning import services as planning
from perhekeskus.planning.models import SectionKind
from perhekeskus.referrals import services
from perhekeskus.referrals.models import Section

from .factories import draft


@pytest.fixture
def w(referral_world):
    assessment = planning.assessment_start(
        actor=referral_world.social_worker, matter=referral_world.lindqvist_matter
    )
    for kind, text in (
        (SectionKind.PARENTS, "Äidin oma näkemys: väsymys."),
        (SectionKind.CONCLUSION, "Perhetyötä tarvitaan kahdesti viikossa."),
    ):
        planning.section_save(
            actor=referral_world.social_worker,
            assessment=assessment,
            kind=kind,
            text=text,
            expected_version=0,
        )
    return referral_world


def send(w, sections):
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.other_unit,
        persons=[w.oskar],
        sections=sections,
    )
    services.referral_send(actor=w.social_worker, referral=referral)
    return referral


def received(client, w, referral):
    client.force_login(w.stranger)
    return client.get(f"/en/referrals/received/{referral.pk}/").content.decode()


def test_the_conclusion_is_shared_and_nothing_else_of_the_assessment(client, w):
    referral = send(w, [Section.ASSESSMENT_CONCLUSION])
    shared = referral.shared.get()
    assert shared.body == "Perhetyötä tarvitaan kahdesti viikossa."
    assert shared.source.startswith("assessment section ")
    body = received(client, w, referral)
    assert "Perhetyötä tarvitaan kahdesti viikossa." in body
    assert "Äidin oma näkemys" not in body


def test_what_was_sent_stays_as_it_was_sent(client, w):
    referral = send(w, [Section.ASSESSMENT_CONCLUSION])
    assessment = w.lindqvist_matter.assessment
    section = assessment.sections.get(kind=SectionKind.CONCLUSION)
    planning.section_save(
        actor=w.social_worker,
        assessment=assessment,
        kind=SectionKind.CONCLUSION,
        text="Muutettu myöhemmin.",
        expected_version=section.version,
    )
    body = received(client, w, referral)
    assert "Perhetyötä tarvitaan kahdesti viikossa." in body
    assert "Muutettu myöhemmin." not in body


def test_an_empty_plan_refuses_the_sending_with_a_reason(w):
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.other_unit,
        persons=[w.oskar],
        sections=[Section.PLAN],
    )
    with pytest.raises(services.ReferralError, match="nothing to share"):
        services.referral_send(actor=w.social_worker, referral=referral)
    referral.refresh_from_db()
    assert referral.state == "draft"


def test_the_plan_is_shared_in_plain_words(client, w):
    planning.plan_save(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        expected_version=0,
        goals=[{"text": "Oskar käy koulua joka päivä.", "said_by": "Oskar"}],
    )
    referral = send(w, [Section.PLAN])
    body = received(client, w, referral)
    assert "Oskar käy koulua joka päivä." in body
    assert "Perhetyötä tarvitaan" not in body


def test_a_team_member_who_sees_the_plan_only_is_not_shown_the_shared_conclusion(client, w):
    from perhekeskus.casework.models import TeamMember

    referral = send(w, [Section.ASSESSMENT_CONCLUSION])
    TeamMember.objects.create(
        matter=w.lindqvist_matter,
        user=w.nurse,
        unit=w.clinic,
        role_in_family="terveydenhoitaja",
        scope=TeamMember.Scope.PLAN_ONLY,
        basis=TeamMember.Basis.RELATIONSHIP,
    )
    client.force_login(w.nurse)
    url = f"/en/casework/matters/{w.lindqvist_matter.pk}/referrals/{referral.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Perhetyötä tarvitaan" not in response.content.decode()
    # Nor may they share it themselves.
    assert Section.ASSESSMENT_CONCLUSION not in services.sections_allowed(
        w.nurse, w.lindqvist_matter
    )
    client.force_login(w.social_worker)
    assert "Perhetyötä tarvitaan" in client.get(url).content.decode()
