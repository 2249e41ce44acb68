"""Bad input: clear messages, and nothing imported."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from perhekeskus.indicators.models import ImportRun, Indicator, Observation
from perhekeskus.indicators.services import ImportRefused, import_jsonstat, import_sotkanet

from .conftest import DATA, FETCHED, data

pytestmark = pytest.mark.django_db

META = [
    ("sotkanet-indicators.json", data("sotkanet-indicators.json")),
    ("sotkanet-regions.json", data("sotkanet-regions.json")),
]


def refused_sotkanet(content, meta=META) -> ImportRefused:
    with pytest.raises(ImportRefused) as caught:
        import_sotkanet(data=content, name="bad.json", meta=meta, fetched_on=FETCHED)
    assert_nothing_imported()
    return caught.value


def refused_jsonstat(content) -> ImportRefused:
    with pytest.raises(ImportRefused) as caught:
        import_jsonstat(data=content, name="bad.json", fetched_on=FETCHED)
    assert_nothing_imported()
    return caught.value


def assert_nothing_imported():
    assert Observation.objects.count() == 0
    assert ImportRun.objects.count() == 0
    assert Indicator.objects.count() == 0


def rows(*changes):
    good = json.loads(data("sotkanet-child-welfare-2022-2023.json"))
    for index, change in changes:
        good[index] = change
    return json.dumps(good).encode()


@pytest.mark.parametrize(
    "content",
    [
        b'{"hello": "world"}',
        b"[1, 2, 3]",
        b'[{"id": 1, "title": "not data"}]',
        b'"just a string"',
        b"[]",
    ],
)
def test_json_that_is_neither_sotkanet_nor_jsonstat(regions, content):
    for refused in (refused_sotkanet(content), refused_jsonstat(content)):
        assert "neither Sotkanet data" in str(refused)


def test_not_json_names_line_and_column(regions):
    refused = refused_sotkanet(b'[{"indicator": 1078,\n "region": }]')
    assert "not valid JSON (line 2, column" in str(refused)
    assert "not UTF-8" in str(refused_jsonstat("ä".encode("latin-1")))


def test_jsonstat_given_as_sotkanet_and_back(regions):
    assert "import it as a THL cube" in str(
        refused_sotkanet(data("thl-child-welfare-2022-2023.jsonstat.json"))
    )
    assert "import it with its metadata" in str(
        refused_jsonstat(data("sotkanet-child-welfare-2022-2023.json"))
    )


def test_rows_with_missing_keys_are_listed(regions):
    refused = refused_sotkanet(
        rows((0, {"indicator": 3238, "region": 658, "year": 2022}), (2, {"region": 658}))
    )
    assert "row 1 lacks gender, value" in refused.problems
    assert "row 3 lacks indicator, year, gender, value" in refused.problems


def test_every_unknown_region_id_is_listed(regions):
    refused = refused_sotkanet(
        rows(
            (0, {"indicator": 3238, "region": 99999, "year": 2022, "gender": "total", "value": 1}),
            (1, {"indicator": 3238, "region": 12345, "year": 2022, "gender": "total", "value": 1}),
        )
    )
    assert "region ids not in the region metadata: 12345, 99999" in refused.problems


def test_unknown_indicator_gender_and_numbers(regions):
    refused = refused_sotkanet(
        rows(
            (0, {"indicator": 7, "region": 658, "year": 2022, "gender": "total", "value": 1}),
            (1, {"indicator": 3238, "region": 658, "year": 2023, "gender": "boys", "value": 1}),
            (2, {"indicator": 3239, "region": 658, "year": "last", "gender": "total", "value": 1}),
        )
    )
    assert "indicator ids not in the indicator metadata: 7" in refused.problems
    assert "row 2: unknown gender 'boys'" in refused.problems
    assert "row 3: year or value is not a number" in refused.problems


def test_metadata_missing_or_wrong(regions):
    content = data("sotkanet-child-welfare-2022-2023.json")
    assert "region metadata" in str(refused_sotkanet(content, meta=META[:1]))
    assert "indicator metadata" in str(refused_sotkanet(content, meta=META[1:]))
    wrong = [("x.json", b'[{"foo": 1}]'), *META]
    assert "neither Sotkanet indicator metadata nor" in str(refused_sotkanet(content, meta=wrong))
    regions_without_code = json.loads(data("sotkanet-regions.json"))
    del regions_without_code[4]["code"]
    refused = refused_sotkanet(
        content, meta=[META[0], ("r.json", json.dumps(regions_without_code).encode())]
    )
    assert "region 833 lacks its code" in str(refused)


def test_a_municipality_code_we_do_not_know_is_listed(regions):
    regions_meta = json.loads(data("sotkanet-regions.json"))
    regions_meta[4]["code"] = "999"
    refused = refused_sotkanet(
        data("sotkanet-child-welfare-2022-2023.json"),
        meta=[META[0], ("r.json", json.dumps(regions_meta).encode())],
    )
    assert "municipality code 999 (Helsinki) is not known" in refused.problems


def cube(**changes):
    dataset = json.loads(data("thl-child-welfare-2022-2023.jsonstat.json"))
    dataset.update(changes)
    return json.dumps(dataset).encode()


def test_jsonstat_structure_errors(regions):
    assert "the dataset lacks value" in str(
        refused_jsonstat(
            json.dumps({k: v for k, v in json.loads(cube()).items() if k != "value"}).encode()
        )
    )
    assert "has 3 values, its dimensions need 10" in str(refused_jsonstat(cube(value=[1, 2, 3])))
    assert "JSON-stat version 1.0 is not 2.0" in str(refused_jsonstat(cube(version="1.0")))
    assert "dimension alue has 1 categories but size 2" in str(
        refused_jsonstat(cube(size=[2, 2, 5]))
    )


def test_jsonstat_unknown_area_and_unchosen_dimension(regions):
    dataset = json.loads(cube())
    dataset["dimension"]["alue"]["category"] = {"index": ["X"], "label": {"X": "Atlantis"}}
    assert "unknown areas: X (Atlantis)" in str(refused_jsonstat(json.dumps(dataset).encode()))
    dataset = json.loads(cube())
    dataset["id"].append("ikä")
    dataset["size"].append(2)
    dataset["dimension"]["ikä"] = {"category": {"index": ["0-6", "7-17"]}}
    dataset["value"] = dataset["value"] * 2
    assert "dimension ikä has 2 categories; choose one" in str(
        refused_jsonstat(json.dumps(dataset).encode())
    )


def test_the_command_prints_the_problems_and_imports_nothing(regions, tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"nothing": true}')
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_jsonstat", str(path))
    with pytest.raises(CommandError, match="neither Sotkanet data"):
        call_command(
            "import_sotkanet",
            str(path),
            "--meta",
            str(DATA / "sotkanet-indicators.json"),
            "--meta",
            str(DATA / "sotkanet-regions.json"),
        )
    assert_nothing_imported()


def test_the_commands_import_the_snapshots(regions, capsys):
    call_command(
        "import_sotkanet",
        str(DATA / "sotkanet-child-welfare-2022-2023.json"),
        "--meta",
        str(DATA / "sotkanet-indicators.json"),
        "--meta",
        str(DATA / "sotkanet-regions.json"),
        "--fetched-on",
        "2026-06-01",
    )
    call_command("import_jsonstat", str(DATA / "thl-child-welfare-2022-2023.jsonstat.json"))
    out = capsys.readouterr().out
    assert "created 19" in out and "created 10" in out
    assert Observation.objects.count() == 29
