from decimal import Decimal

import pytest

from perhekeskus.budget import selectors
from perhekeskus.budget.models import ChildPopulation
from perhekeskus.budget.services import import_accounts

pytestmark = pytest.mark.django_db

COUNTY_CSV = b"Luokka;Vuosi;Euroa\nLastensuojelun laitos- ja perhehoito;2024;3000\nMuut lasten ja perheiden avopalvelut;2024;1000\nErikoissairaanhoito;2024;10000\n"


def test_an_organiser_includes_its_municipalities(county):
    import_accounts(data=COUNTY_CSV, name="c", entity_code="test-county")
    import_accounts(
        data=b"Luokka;Vuosi;Euroa\nPerusopetus;2024;2000\n", name="m1", entity_code="901"
    )
    import_accounts(
        data=b"Luokka;Vuosi;Euroa\nNuorisotoiminta;2024;500\n", name="m2", entity_code="902"
    )
    ChildPopulation.objects.create(area_code="901", year=2024, children=60, source="t")
    ChildPopulation.objects.create(area_code="902", year=2024, children=40, source="t")
    [year] = selectors.child_spending("test-county", [2024])
    # 3000 + 1000 + 10000*0.08 + 2000 + 500*0.6
    assert year.child_total == Decimal("7100.00")
    assert (year.direct, year.indirect) == (Decimal("6000.00"), Decimal("1100.00"))
    assert (year.preventive, year.corrective) == (Decimal("3300.00"), Decimal("3800.00"))
    assert year.children == 100 and year.per_child == 71
    assert year.entities == ("901", "902", "test-county")
    [only] = selectors.child_spending("901")
    assert only.child_total == 2000 and only.children == 60
    assert selectors.child_spending("test-county", [2023]) == []


def test_per_child_is_unknown_without_population(county):
    import_accounts(data=COUNTY_CSV, name="c", entity_code="test-county")
    [year] = selectors.child_spending("test-county")
    assert year.children is None and year.per_child is None


def test_the_demo_budget_moves_towards_prevention(db):
    from perhekeskus.catalogue.demo import load_demo_region

    load_demo_region()
    from perhekeskus.budget.demo import load_demo

    load_demo()
    years = selectors.child_spending("demo-jarvi-saimaa")
    assert [y.year for y in years] == [2021, 2022, 2023, 2024, 2025]
    shares = [y.preventive_share for y in years]
    assert shares == sorted(shares) and shares[-1] - shares[0] >= 2
    corrective = [y.corrective for y in years]
    assert corrective[-1] < corrective[0]
    assert all(y.per_child for y in years)
    assert years[-1].unmapped == {"Joukkoliikenne": Decimal("412500.00")}
