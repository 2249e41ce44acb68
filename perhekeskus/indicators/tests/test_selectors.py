import pytest

from perhekeskus.indicators import selectors

pytestmark = pytest.mark.django_db


def test_series_by_areas_and_years(sotkanet):
    points = selectors.series("sotkanet-3238", ["FI", "091", "hva-08"], [2023])
    assert [(p.area_code, p.year) for p in points] == [
        ("091", 2023),
        ("FI", 2023),
        ("hva-08", 2023),
    ]
    assert points[1].abs_value == 110269
    everything = selectors.series("sotkanet-3238")
    assert len(everything) == 11
    assert {p.gender for p in everything} == {"total"}


def test_series_of_an_unknown_indicator_is_empty(regions):
    assert selectors.series("sotkanet-0", ["FI"], [2022]) == []
