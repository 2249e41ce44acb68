"""The regions as data: Statistics Finland's classification, checkable public data."""

from collections import Counter

import pytest
from django.core.management import call_command

from perhekeskus.programme.models import Municipality, Region
from perhekeskus.programme.services import load_official_regions

pytestmark = pytest.mark.django_db

# Municipalities per organiser (Act 616/2021, in force 2023–2025).
OFFICIAL_COUNTS = {
    "Itä-Uudenmaan hyvinvointialue": 7,
    "Keski-Uudenmaan hyvinvointialue": 6,
    "Länsi-Uudenmaan hyvinvointialue": 10,
    "Vantaan ja Keravan hyvinvointialue": 2,
    "Varsinais-Suomen hyvinvointialue": 27,
    "Satakunnan hyvinvointialue": 16,
    "Kanta-Hämeen hyvinvointialue": 11,
    "Pirkanmaan hyvinvointialue": 23,
    "Päijät-Hämeen hyvinvointialue": 10,
    "Kymenlaakson hyvinvointialue": 6,
    "Etelä-Karjalan hyvinvointialue": 9,
    "Etelä-Savon hyvinvointialue": 12,
    "Pohjois-Savon hyvinvointialue": 19,
    "Pohjois-Karjalan hyvinvointialue": 13,
    "Keski-Suomen hyvinvointialue": 22,
    "Etelä-Pohjanmaan hyvinvointialue": 18,
    "Pohjanmaan hyvinvointialue": 14,
    "Keski-Pohjanmaan hyvinvointialue": 8,
    "Pohjois-Pohjanmaan hyvinvointialue": 30,
    "Kainuun hyvinvointialue": 8,
    "Lapin hyvinvointialue": 21,
    "Helsingin kaupunki": 1,
}


@pytest.fixture
def loaded(db):
    return load_official_regions()


def test_every_organiser_has_its_municipalities(loaded):
    assert loaded == (41, 309)
    organisers = Region.objects.exclude(kind=Region.Kind.LAPE_REGION)
    assert organisers.filter(kind=Region.Kind.WELLBEING_COUNTY).count() == 21
    assert organisers.filter(kind=Region.Kind.CITY_ORGANISER).get().name_fi == "Helsingin kaupunki"
    counts = Counter(
        Municipality.objects.exclude(region=None).values_list("region__name_fi", flat=True)
    )
    assert counts == OFFICIAL_COUNTS
    # Åland organises its own services.
    assert Municipality.objects.filter(region=None).count() == 16
    assert Municipality.objects.get(code="478").name_sv == "Mariehamn"


def test_codes_and_names_in_finnish_and_swedish(loaded):
    for code, fi, sv, county in (
        ("091", "Helsinki", "Helsingfors", "hva-90"),
        ("049", "Espoo", "Esbo", "hva-03"),
        ("853", "Turku", "Åbo", "hva-05"),
        ("905", "Vaasa", "Vasa", "hva-17"),
        ("564", "Oulu", "Uleåborg", "hva-19"),
        ("740", "Savonlinna", "Nyslott", "hva-12"),
        ("090", "Heinävesi", "Heinävesi", "hva-14"),
    ):
        m = Municipality.objects.get(code=code)
        assert (m.name_fi, m.name_sv, m.region.code) == (fi, sv, county)
    assert Municipality.objects.get(code="905").bilingual
    assert not Municipality.objects.get(code="837").bilingual


def test_lape_regions_for_historical_series(loaded):
    lape = Region.objects.filter(kind=Region.Kind.LAPE_REGION)
    assert lape.count() == 19
    capital = Region.objects.get(code="lape-pks")
    assert set(capital.lape_municipalities.values_list("code", flat=True)) == {
        "091",
        "049",
        "092",
        "235",
    }
    assert Region.objects.get(code="lape-01").lape_municipalities.count() == 22
    # Changed region in 2021; the LAPE-era region is kept.
    assert Municipality.objects.get(code="090").lape_region.code == "lape-10"
    assert Municipality.objects.get(code="142").lape_region.code == "lape-08"
    assert Municipality.objects.get(code="142").region.code == "hva-09"
    assert Municipality.objects.exclude(region=None).filter(lape_region=None).count() == 0


def test_loading_again_changes_nothing_and_keeps_the_demo_county(loaded):
    demo = Region.objects.create(
        code="demo-jarvi-saimaa", kind=Region.Kind.WELLBEING_COUNTY, name="Demo"
    )
    Municipality.objects.create(code="951", name="Kaislaranta", region=demo)
    call_command("load_regions")
    assert Region.objects.count() == 42 and Municipality.objects.count() == 310
    assert Municipality.objects.get(code="951").region == demo
