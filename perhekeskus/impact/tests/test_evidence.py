"""Indicators from the dashboards as evidence, with their latest values."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from perhekeskus.impact import evidence, services
from perhekeskus.indicators.models import ImportRun, Indicator, Observation

from .factories import complete_assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed():
    run = ImportRun.objects.create(
        source="sotkanet",
        file_name="t.json",
        fetched_on=datetime.date(2024, 5, 1),
        licence="CC BY 4.0",
    )
    indicator = Indicator.objects.create(
        code="sotkanet-1078",
        source="sotkanet",
        source_id="1078",
        name="Kiireellisesti sijoitetut 0–17-vuotiaat",
        unit="%",
        decimals=1,
        licence="CC BY 4.0",
    )
    for year, value, kind, code, name in (
        (2022, "0.4", "country", "FI", "Koko maa"),
        (2023, "0.5", "country", "FI", "Koko maa"),
        (2023, "0.7", "organiser", "hva-05", "Järvi-Saimaa"),
    ):
        Observation.objects.create(
            indicator=indicator,
            area_kind=kind,
            area_code=code,
            area_name=name,
            year=year,
            gender="total",
            value=value,
            import_run=run,
        )
    return indicator


def test_the_latest_value_prefers_the_organisers_area(placed):
    latest = evidence.imported_latest(placed)
    assert latest["value"] == "0.7"
    assert latest["period"] == 2023
    assert latest["area"] == "Järvi-Saimaa"
    assert "CC BY 4.0" in latest["source"]


def test_linking_imported_and_operational_indicators(client, world, placed):
    assessment = complete_assessment(world.preparer)
    client.force_login(world.preparer)
    data = {
        "version": assessment.version,
        "sources": "Oppilasennuste",
        "unknowns": "Muuttoliike",
        "link-indicator": str(placed.pk),
        "link-note": "Sijoitusten taso alueella",
    }
    assert client.post(f"/en/impact/{assessment.pk}/steps/evidence/", data).status_code == 302
    assessment.refresh_from_db()
    code = evidence.operational_choices()[0][0]
    data = {
        "version": assessment.version,
        "sources": "Oppilasennuste",
        "unknowns": "Muuttoliike",
        "link-operational_code": code,
    }
    assert client.post(f"/en/impact/{assessment.pk}/steps/evidence/", data).status_code == 302
    assessment.refresh_from_db()
    links = list(assessment.indicator_links.order_by("created_at"))
    assert [link.indicator_id for link in links] == [placed.pk, None]
    assert links[1].operational_code == code
    kept = assessment.versions.get(number=assessment.version).snapshot["indicators"]
    assert kept[0]["value"] == "0.7" and kept[0]["name"] == placed.name
    assert kept[1]["kind"] == "operational"
    page = client.get(f"/en/impact/{assessment.pk}/steps/evidence/").content.decode()
    assert "0.7 %" in page and "Järvi-Saimaa" in page
    # The same indicator twice is refused with a message, nothing saved.
    again = client.post(
        f"/en/impact/{assessment.pk}/steps/evidence/",
        {**data, "version": assessment.version},
    )
    assert again.status_code == 400
    assert assessment.indicator_links.count() == 2
    # Followed in the follow-up step, then removed from the evidence.
    follow = client.post(
        f"/en/impact/{assessment.pk}/steps/follow_up/",
        {"version": assessment.version, "date": "2027-12-01", "follow": [str(links[0].pk)]},
    )
    assert follow.status_code == 302
    links[0].refresh_from_db()
    assert links[0].follow is True
    assessment.refresh_from_db()
    remove = client.post(
        f"/en/impact/{assessment.pk}/steps/evidence/",
        {
            "version": assessment.version,
            "sources": "Oppilasennuste",
            "unknowns": "Muuttoliike",
            "remove": [str(links[1].pk)],
        },
    )
    assert remove.status_code == 302
    assert list(assessment.indicator_links.values_list("pk", flat=True)) == [links[0].pk]


def test_an_unknown_indicator_is_refused(client, world):
    assessment = complete_assessment(world.preparer)
    client.force_login(world.preparer)
    with pytest.raises(ValidationError):
        services.save_step(
            user=world.preparer,
            assessment=assessment,
            step="evidence",
            base_version=assessment.version,
            add_link={"operational_code": "no-such-indicator"},
        )
    response = client.post(
        f"/en/impact/{assessment.pk}/steps/evidence/",
        {"version": assessment.version, "link-indicator": "999999"},
    )
    assert response.status_code == 400


def test_the_latest_operational_value_is_the_dashboards(world):
    from perhekeskus.insight.tests.factories import (
        EventFactory,
        MunicipalityFactory,
        RegionFactory,
        local,
    )

    region = RegionFactory(code="hva-t9", name="Testimaan hyvinvointialue")
    town = MunicipalityFactory(code="909", name="Aaltola", region=region)
    for _ in range(7):
        EventFactory(type="contact.received", municipality=town, occurred_at=local(2026, 9))
    for _ in range(2):
        EventFactory(type="contact.received", municipality=town, occurred_at=local(2026, 10))
    evidence.refresh_operational()
    today = datetime.date(2026, 11, 20)
    latest = evidence.operational_latest("contacts", today=today)
    # October's two contacts are too few to show; the month is still the latest.
    assert latest["hidden"] is True and latest["value"] is None
    assert latest["area"] == "Testimaan hyvinvointialue"
    with translation.override("en"):
        assert evidence.value_text({**latest, "hidden": "True"}) == "hidden: too few to show"
    with translation.override("en"):
        assert evidence.operational_latest("contacts", today=today)["period"] == "October 2026"
    before_october = evidence.operational_latest("contacts", today=datetime.date(2026, 10, 1))
    assert before_october["value"] == "7"
