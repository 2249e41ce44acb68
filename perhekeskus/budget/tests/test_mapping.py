"""The mapping is data: editable, versioned, and results say which version."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from perhekeskus.budget import selectors
from perhekeskus.budget.models import MappingRow, MappingVersion
from perhekeskus.budget.services import (
    MappingConflict,
    current_mapping,
    import_accounts,
    mapping_change,
)

pytestmark = pytest.mark.django_db


def test_the_default_mapping_covers_the_classes_named_in_the_domain():
    version = current_mapping()
    rows = {row.class_name: row for row in version.rows.all()}
    for name, level in (
        ("Lastensuojelun laitos- ja perhehoito", 5),
        ("Lastensuojelun avohuoltopalvelut", 4),
        ("Muut lasten ja perheiden avopalvelut", 3),
        ("Perusopetus", 2),
        ("Varhaiskasvatus", 2),
        ("Neuvolapalvelut", 2),
        ("Opiskeluhuolto", 3),
        ("Nuorisotoiminta", 1),
    ):
        assert rows[name].service_level == level, name
    assert rows["Nuorisotoiminta"].category == "child_related"
    assert rows["Nuorisotoiminta"].child_share == Decimal("0.6")
    assert rows["Nuorisotoiminta"].share_basis


def change(base, **values):
    row = {
        "class_name": "Nuorisotoiminta",
        "category": "child_related",
        "child_share": Decimal("0.7"),
        "share_basis": "user statistics 2024",
        "service_level": 1,
    } | values
    return mapping_change(
        actor=None,
        base_version=base,
        values=row,
        replaces="nuorisotoiminta",
        note="share from statistics",
    )


def test_each_change_is_a_new_version_and_old_ones_stay(county):
    first = current_mapping()
    second = change(first.number)
    assert second.number == first.number + 1
    assert first.rows.get(class_key="nuorisotoiminta").child_share == Decimal("0.6")
    assert second.rows.get(class_key="nuorisotoiminta").child_share == Decimal("0.7")
    assert second.rows.count() == first.rows.count()
    deleted = mapping_change(actor=None, base_version=2, replaces="hallinto", note="removed")
    assert not deleted.rows.filter(class_key="hallinto").exists()
    assert MappingVersion.objects.count() == 3


def test_results_say_which_version(county):
    import_accounts(
        data=b"Luokka;Vuosi;Euroa\nNuorisotoiminta;2024;1000\n", name="a", entity_code="901"
    )
    [before] = selectors.child_spending("901")
    assert (before.mapping_version, before.child_total) == (1, Decimal("600.00"))
    change(1)
    [after] = selectors.child_spending("901")
    assert (after.mapping_version, after.child_total) == (2, Decimal("700.00"))
    [old] = selectors.child_spending("901", version=MappingVersion.objects.get(number=1))
    assert old.child_total == Decimal("600.00")


def test_a_change_from_an_old_version_is_refused():
    current_mapping()
    change(1)
    with pytest.raises(MappingConflict) as conflict:
        change(1, child_share=Decimal("0.9"))
    assert conflict.value.current == 2
    assert conflict.value.changes == ["2: share from statistics"]
    assert MappingVersion.objects.count() == 2


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"child_share": None}, "child_share"),
        ({"child_share": Decimal("1.5")}, "child_share"),
        ({"category": "child_specific", "child_share": Decimal("0.5")}, "child_share"),
        ({"service_level": None}, "service_level"),
        ({"category": "not_children", "child_share": None, "service_level": 2}, "service_level"),
        ({"class_name": "Perusopetus"}, "class_name"),
    ],
)
def test_invalid_rows_are_refused(values, field):
    current_mapping()
    with pytest.raises(ValidationError) as error:
        change(1, **values)
    assert field in error.value.message_dict
    assert MappingVersion.objects.count() == 1
    assert MappingRow.objects.filter(version__number=1).count() > 20
