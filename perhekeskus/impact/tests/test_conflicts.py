"""Two officials on the same assessment: the second save is refused, shows
the other's changes and keeps what was typed."""

import pytest
from django.utils import translation

from perhekeskus.core.errors import ConflictError
from perhekeskus.impact import services

from .factories import complete_assessment

pytestmark = pytest.mark.django_db


def test_the_second_save_is_refused_with_the_others_changes_shown(client, world):
    assessment = complete_assessment(world.preparer)
    opened_at = assessment.version
    # The colleague saves first, from a page opened at the same version.
    services.save_step(
        user=world.colleague,
        assessment=assessment,
        step="conflicts",
        base_version=opened_at,
        fragment={"conflicts": "Kyläkoulun säilyminen ja säästötavoite.", "mitigation": ""},
    )
    client.force_login(world.preparer)
    response = client.post(
        f"/en/impact/{assessment.pk}/steps/conflicts/",
        {"version": opened_at, "conflicts": "Oma tekstini ristiriidoista.", "mitigation": "Kyyti"},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "another official saved the assessment" in html
    # The other's change is shown ...
    assert "Kyläkoulun säilyminen ja säästötavoite." in html
    # ... and what this official typed is kept in the form.
    assert "Oma tekstini ristiriidoista." in html
    assessment.refresh_from_db()
    assert assessment.content["conflicts"]["conflicts"] == "Kyläkoulun säilyminen ja säästötavoite."
    assert assessment.version == opened_at + 1
    # The form now carries the current version: sending again saves.
    assert f'name="version" value="{opened_at + 1}"' in html
    again = client.post(
        f"/en/impact/{assessment.pk}/steps/conflicts/",
        {"version": opened_at + 1, "conflicts": "Oma tekstini ristiriidoista.", "mitigation": ""},
    )
    assert again.status_code == 302
    assessment.refresh_from_db()
    assert assessment.content["conflicts"]["conflicts"] == "Oma tekstini ristiriidoista."


def test_the_service_refuses_an_old_version(world):
    assessment = complete_assessment(world.preparer)
    with translation.override("en"), pytest.raises(ConflictError) as refused:
        services.save_step(
            user=world.colleague,
            assessment=assessment,
            step="need",
            base_version=assessment.version - 2,
            fragment={"need": "Uusi"},
        )
    assert refused.value.current_version == assessment.version
    assert {c.section for c in refused.value.changes} >= {"Telling the children the result"}
    assessment.refresh_from_db()
    assert assessment.content["need"]["need"] != "Uusi"


def test_a_conflicting_screening_keeps_the_typed_title(client, world):
    assessment = complete_assessment(world.preparer)
    services.save_step(
        user=world.colleague,
        assessment=assessment,
        step="need",
        base_version=assessment.version,
        fragment={"need": "Muutettu tarve"},
    )
    client.force_login(world.preparer)
    response = client.post(
        f"/en/impact/{assessment.pk}/screening/",
        {
            "version": assessment.version,
            "title": "Uusi otsikko",
            "decision_maker": "Lautakunta",
            "preparer": str(world.preparer.pk),
            "kind": "before",
            "affects_directly": "on",
            "groups": ["age_7_12"],
            "full_needed": "yes",
            "reason": "Suora vaikutus",
        },
    )
    assert response.status_code == 409
    assert "Uusi otsikko" in response.content.decode()
    assert "Muutettu tarve" in response.content.decode()
