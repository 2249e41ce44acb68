"""The importers read Sotkanet REST 1.1 and JSON-stat 2.0 as published."""

import json

import pytest

from perhekeskus.indicators import selectors
from perhekeskus.indicators.models import ImportRun, Indicator, Observation
from perhekeskus.indicators.services import import_jsonstat, import_sotkanet

from .conftest import FETCHED, data

pytestmark = pytest.mark.django_db


def sotkanet_again(rows):
    return import_sotkanet(
        data=json.dumps(rows).encode(),
        name="again.json",
        meta=[
            ("sotkanet-indicators.json", data("sotkanet-indicators.json")),
            ("sotkanet-regions.json", data("sotkanet-regions.json")),
        ],
        fetched_on=FETCHED,
    )


def test_provenance_is_kept(sotkanet):
    run = sotkanet.run
    assert (run.source, run.file_name, run.fetched_on, run.licence) == (
        "sotkanet",
        "sotkanet-child-welfare-2022-2023.json",
        FETCHED,
        "CC BY 4.0",
    )
    assert run.rows == 19 and run.created == 19
    urgent = Indicator.objects.get(code="sotkanet-1078")
    assert (urgent.source, urgent.source_id, urgent.licence) == ("sotkanet", "1078", "CC BY 4.0")
    assert urgent.name_sv.startswith("Brådskande placerade")
    assert urgent.updated_in_source.isoformat() == "2024-06-19"
    assert urgent.last_import == run
    assert Observation.objects.filter(import_run=run).count() == 19


def test_areas_are_placed_on_our_regions_and_municipalities(sotkanet):
    by_code = {
        o.area_code: o
        for o in Observation.objects.filter(year=2022, indicator__code="sotkanet-3238")
    }
    assert by_code["FI"].area_kind == "country"
    assert by_code["hva-08"].region.code == "hva-08"
    assert by_code["maakunta-06"].region.code == "lape-06"
    assert by_code["091"].municipality.name_sv == "Helsingfors"


def test_categories_not_kept_are_counted_not_hidden(sotkanet):
    assert sotkanet.skipped == {"region category not kept": 1}
    assert any("skipped 1 rows" in line for line in sotkanet.lines())


def test_a_figure_not_published_is_kept_as_missing(sotkanet):
    [point] = selectors.series("sotkanet-1078", ["297"], [2022])
    assert point.value is None and point.abs_value is None


def test_reimport_updates_in_place_and_never_duplicates(sotkanet):
    again = sotkanet_again(json.loads(data("sotkanet-child-welfare-2022-2023.json")))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 19)
    rows = json.loads(data("sotkanet-child-welfare-2022-2023.json"))
    rows[3]["value"] = 0.5  # 1078, whole country, 2022: a revised figure
    revised = sotkanet_again(rows)
    assert (revised.created, revised.updated, revised.unchanged) == (0, 1, 18)
    assert Observation.objects.count() == 19
    [point] = selectors.series("sotkanet-1078", ["FI"], [2022])
    assert str(point.value) == "0.5000"
    assert (
        Observation.objects.get(
            indicator__code="sotkanet-1078", area_code="FI", year=2022
        ).import_run
        == revised.run
    )
    assert ImportRun.objects.count() == 3


def test_cube_reimport_is_idempotent(cube):
    again = import_jsonstat(
        data=data("thl-child-welfare-2022-2023.jsonstat.json"),
        name="thl-child-welfare-2022-2023.jsonstat.json",
        fetched_on=FETCHED,
    )
    assert (again.created, again.updated, again.unchanged) == (0, 0, 10)
    assert Observation.objects.count() == 10
    assert Indicator.objects.filter(source="thl_cube").count() == 5


def jsonstat(**changes):
    dataset = {
        "version": "2.0",
        "class": "dataset",
        "label": "Test",
        "id": ["vuosi", "alue", "sukupuoli"],
        "size": [2, 2, 3],
        "role": {"time": ["vuosi"], "geo": ["alue"]},
        "dimension": {
            "vuosi": {"category": {"index": ["2022", "2023"]}},
            "alue": {
                "category": {
                    "index": {"SSS": 0, "091": 1},
                    "label": {"SSS": "Koko maa", "091": "Helsinki"},
                }
            },
            "sukupuoli": {
                "category": {
                    "index": ["total", "male", "female"],
                    "label": {"total": "Yhteensä", "male": "Pojat", "female": "Tytöt"},
                }
            },
        },
        "value": list(range(12)),
        "extension": {"cube": "testikuutio"},
    }
    dataset.update(changes)
    return json.dumps(dataset).encode()


def test_jsonstat_order_is_row_major_with_genders(regions):
    import_jsonstat(data=jsonstat(), name="t.json", fetched_on=FETCHED)
    # index = year*6 + area*3 + gender
    assert selectors.series("thl_cube-testikuutio", ["091"], [2023], gender="female")[0].value == 11
    assert selectors.series("thl_cube-testikuutio", ["FI"], [2022], gender="male")[0].value == 1
    assert selectors.series("thl_cube-testikuutio", ["091"], [2022])[0].value == 3


def test_jsonstat_sparse_values_and_region_names(regions):
    dataset = json.loads(jsonstat(value={"0": 5, "11": 7.5}))
    dataset["dimension"]["alue"]["category"] = {
        "index": ["x1", "x2"],
        "label": {"x1": "Koko maa", "x2": "Pirkanmaan hyvinvointialue"},
    }
    import_jsonstat(data=json.dumps(dataset).encode(), name="s.json", fetched_on=FETCHED)
    assert selectors.series("thl_cube-testikuutio", ["FI"], [2022])[0].value == 5
    assert (
        selectors.series("thl_cube-testikuutio", ["hva-08"], [2023], gender="female")[0].value
        == 7.5
    )
    assert selectors.series("thl_cube-testikuutio", ["hva-08"], [2022])[0].value is None


def test_helsinki_as_an_organiser_under_its_municipality_code(regions):
    region_list = json.loads(data("sotkanet-regions.json"))
    region_list.append(
        {"id": 1190, "title": {"fi": "Helsinki"}, "code": "091", "category": "HYVINVOINTIALUE"}
    )
    rows = [{"indicator": 3238, "region": 1190, "year": 2023, "gender": "total", "value": 10.1}]
    import_sotkanet(
        data=json.dumps(rows).encode(),
        name="hki.json",
        meta=[
            ("sotkanet-indicators.json", data("sotkanet-indicators.json")),
            ("r.json", json.dumps(region_list).encode()),
        ],
        fetched_on=FETCHED,
    )
    [point] = selectors.series("sotkanet-3238", ["hva-90"], [2023])
    assert point.area_name == "Helsingin kaupunki"
