"""The child budget's sums hold for any accounts and any mapping."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perhekeskus.budget.calc import Item, Rule, child_euros, compute

amounts = st.decimals(
    min_value=-(10**7), max_value=10**9, places=2, allow_nan=False, allow_infinity=False
)
rules = st.one_of(
    st.builds(Rule, st.just("child_specific"), st.none(), st.integers(1, 5)),
    st.builds(
        Rule,
        st.just("child_related"),
        st.decimals(min_value=0, max_value=1, places=4),
        st.integers(1, 5),
    ),
    st.builds(Rule, st.just("not_children"), st.none(), st.none()),
)
keys = st.sampled_from([f"class {n}" for n in range(12)])
# The machine is shared: generation speed and run time are not what is tested.
relaxed = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@relaxed
@given(st.dictionaries(keys, rules), st.lists(st.tuples(keys, amounts), max_size=40))
def test_sums_are_preserved(mapping, lines):
    items = [Item(key, key.upper(), amount) for key, amount in lines]
    budget = compute(items, mapping)
    assert budget.accounts_total == sum((a for _k, a in lines), Decimal(0))
    assert budget.mapped_total + budget.unmapped_total == budget.accounts_total
    # The categories add up to the mapped child spending, level by level.
    assert sum(budget.by_level.values()) == budget.total == budget.direct + budget.indirect
    assert budget.preventive + budget.corrective == budget.total
    assert sum(d.child_amount for d in budget.details) == budget.total
    # Unmapped classes are listed with their euros, never silently dropped.
    unmapped = {key.upper() for key, _a in lines if key not in mapping}
    assert set(budget.unmapped) == unmapped
    direct = sum(
        (a for k, a in lines if k in mapping and mapping[k].category == "child_specific"),
        Decimal(0),
    )
    assert budget.direct == direct


@relaxed
@given(amounts, st.decimals(min_value=0, max_value=1, places=4))
def test_apportioning_is_the_share_rounded_to_the_cent(amount, share):
    euros = child_euros(amount, Rule("child_related", share, 2))
    assert abs(euros - amount * share) <= Decimal("0.005")
    assert child_euros(amount, Rule("not_children", None, None)) == 0


def test_a_worked_example():
    mapping = {
        "kodin ulkopuolinen": Rule("child_specific", None, 5),
        "perheet": Rule("child_specific", None, 3),
        "nuoriso": Rule("child_related", Decimal("0.6"), 1),
        "vanhukset": Rule("not_children", None, None),
    }
    budget = compute(
        [
            Item("kodin ulkopuolinen", "Sijaishuolto", Decimal("1000")),
            Item("perheet", "Perhetyö", Decimal("500")),
            Item("nuoriso", "Nuorisotyö", Decimal("200")),
            Item("vanhukset", "Vanhuspalvelut", Decimal("5000")),
            Item("tiet", "Tiet", Decimal("300")),
        ],
        mapping,
    )
    assert (budget.direct, budget.indirect, budget.total) == (1500, 120, 1620)
    assert (budget.preventive, budget.corrective) == (620, 1000)
    assert budget.preventive_share == Decimal("38.3")
    assert budget.unmapped == {"Tiet": 300}
