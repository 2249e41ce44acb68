from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perhekeskus.budget import selectors
from perhekeskus.budget.models import AccountLine, ChildPopulation
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


def test_each_demo_municipality_has_its_own_spending_per_child(db):
    from perhekeskus.budget.demo import CHILDREN, load_demo
    from perhekeskus.catalogue.demo import load_demo_region

    load_demo_region()
    load_demo()
    for year_index, year in enumerate((2021, 2022, 2023, 2024, 2025)):
        rows = selectors.comparison(year, CHILDREN)
        assert [row.area_code for row in rows] == list(CHILDREN)
        for row in rows:
            # Its own accounts only, over its own children (from the indicator).
            assert row.entities == (row.area_code,)
            assert row.children == CHILDREN[row.area_code][year_index]
            assert row.per_child == (row.child_total / row.children).quantize(Decimal("1"))
        per_child = [row.per_child for row in rows]
        assert len(set(per_child)) == len(per_child), (year, per_child)


def _spending_per_child(code, year):
    [row] = selectors.child_spending(code, [year])
    return row.per_child


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    euros=st.tuples(st.integers(1_000, 50_000_000), st.integers(1_000, 50_000_000)),
    children=st.tuples(st.integers(1, 20_000), st.integers(1, 20_000)),
    share=st.sampled_from(["Perusopetus", "Nuorisotoiminta"]),
)
def test_spending_per_child_follows_each_area_s_own_accounts_and_children(
    county, euros, children, share
):
    AccountLine.objects.all().delete()
    ChildPopulation.objects.all().delete()
    for code, amount, count in zip(("901", "902"), euros, children, strict=True):
        import_accounts(
            data=f"Luokka;Vuosi;Euroa\n{share};2024;{amount}\n".encode(),
            name=code,
            entity_code=code,
        )
        ChildPopulation.objects.create(area_code=code, year=2024, children=count, source="t")
    factor = Decimal(1) if share == "Perusopetus" else Decimal("0.60")
    expected = [
        ((amount * factor).quantize(Decimal("0.01")) / count).quantize(Decimal("1"))
        for amount, count in zip(euros, children, strict=True)
    ]
    found = [_spending_per_child("901", 2024), _spending_per_child("902", 2024)]
    assert found == expected
    # Different euros per child in the accounts give different figures (beyond rounding).
    if abs(euros[0] * factor / children[0] - euros[1] * factor / children[1]) > 1:
        assert found[0] != found[1]
    # The county's figure is its municipalities' euros over all their children.
    [whole] = selectors.child_spending("test-county", [2024])
    assert whole.children == sum(children)
