"""The shipped snapshots hold THL's published national figures (DOMAIN.md §4),
with their definitions and data years pinned."""

from decimal import Decimal
from pathlib import Path

import pytest

from perhekeskus.indicators import selectors
from perhekeskus.indicators.models import Indicator, Observation

pytestmark = pytest.mark.django_db

NOTIFIED = "sotkanet-3238"
PLACED = "sotkanet-3239"
CUBE = "thl_cube-lastensuojelu"


def one(code, year, area="FI"):
    [point] = selectors.series(code, [area], [year])
    return point


def test_children_subject_of_a_notification_2022_and_2023(sotkanet):
    assert one(NOTIFIED, 2022).value == Decimal("9.1")
    assert one(NOTIFIED, 2022).abs_value == 98634
    assert one(NOTIFIED, 2023).value == Decimal("10.2")
    assert one(NOTIFIED, 2023).abs_value == 110269


def test_children_placed_outside_the_home_2022(sotkanet):
    point = one(PLACED, 2022)
    assert (point.value, point.abs_value) == (Decimal("1.6"), 17885)
    # The rate and the count agree with the 0–17 population the notification figure implies.
    population = Decimal(98634) / Decimal("0.091")
    assert abs(Decimal(17885) / population * 100 - Decimal("1.6")) < Decimal("0.1")


def test_the_cube_gives_the_same_figures_and_the_notification_count(cube):
    assert one(f"{CUBE}.ilmoitusten_kohteena_lkm", 2022).value == 98634
    assert one(f"{CUBE}.ilmoitusten_kohteena_pros", 2022).value == Decimal("9.1")
    assert one(f"{CUBE}.ilmoitusten_kohteena_lkm", 2023).value == 110269
    assert one(f"{CUBE}.ilmoitusten_kohteena_pros", 2023).value == Decimal("10.2")
    assert one(f"{CUBE}.ilmoitukset_lkm", 2023).value == 214638
    assert one(f"{CUBE}.sijoitetut_lkm", 2022).value == 17885
    assert one(f"{CUBE}.sijoitetut_pros", 2022).value == Decimal("1.6")
    # Not in the snapshot: stored as not published, never as zero.
    assert one(f"{CUBE}.ilmoitukset_lkm", 2022).value is None


def test_definitions_and_data_years_are_pinned(sotkanet, cube):
    notified = Indicator.objects.get(code=NOTIFIED)
    assert "vähintään yhden lastensuojeluilmoituksen" in notified.definition_fi
    assert "at least one child welfare notification" in notified.definition_en
    assert "Sama lapsi lasketaan kerran" in notified.definition_fi
    placed = Indicator.objects.get(code=PLACED)
    assert "kodin ulkopuolelle sijoitettuina" in placed.definition_fi
    count = Indicator.objects.get(code=f"{CUBE}.ilmoitukset_lkm")
    assert "samasta lapsesta voi olla useita" in count.definition_fi
    national_years = {
        (o.indicator.code, o.year)
        for o in Observation.objects.filter(area_code="FI", value__isnull=False)
    }
    assert (NOTIFIED, 2022) in national_years and (NOTIFIED, 2023) in national_years
    assert (PLACED, 2022) in national_years and (PLACED, 2023) not in national_years


def test_demo_snapshots_are_the_tested_ones():
    package = Path(__file__).resolve().parents[1]
    for path in (package / "tests" / "data").glob("sotkanet-*.json"):
        assert (package / "snapshots" / path.name).read_bytes() == path.read_bytes()
    name = "thl-child-welfare-2022-2023.jsonstat.json"
    assert (package / "snapshots" / name).read_bytes() == (
        package / "tests" / "data" / name
    ).read_bytes()
