"""``import-hsds``: the official HSDS 3.0 examples round-trip, bad input is refused."""

import copy
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

from perhekeskus.catalogue.hsds import importer, schemas, selectors, serialisers
from perhekeskus.catalogue.models import (
    Location,
    OpeningHours,
    Organization,
    Service,
    ServiceChannel,
    ServiceSearchDocument,
)

from .factories import MunicipalityFactory, TargetGroupFactory
from .test_hsds_api import assert_valid, build_catalogue

pytestmark = pytest.mark.django_db
EXAMPLES = Path(__file__).resolve().parent / "data" / "hsds-examples"
SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"
ORG_ID = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"


def example(name):
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def export(service_id):
    with translation.override("fi"):
        service = selectors.services(full=True).get(pk=service_id)
        return serialisers.service(service, full=True)


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def finnish_variant(record):
    """The official example placed in Finland, so that its location fits the catalogue."""
    record = copy.deepcopy(record)
    location = record["service_at_locations"][0]["location"]
    location.update(latitude=60.1699, longitude=24.9384, municipality_code="091")
    location["addresses"][0].update(postal_code="00100", city="Helsinki", country="FI")
    return record


def test_official_examples_import_and_export_valid():
    report = importer.import_path(EXAMPLES)
    assert report.skipped == [] and report.refused == []
    assert report.counts[("service", "created")] == 1
    service = Service.objects.get(pk=SERVICE_ID)
    assert service.source == "hsds" and service.source_record["id"] == SERVICE_ID
    original = example("service_full.json")
    exported = export(SERVICE_ID)
    assert_valid("service", exported)
    # the fields the catalogue models survive the round trip
    for key in (
        "id",
        "name",
        "description",
        "url",
        "email",
        "status",
        "application_process",
        "fees_description",
        "eligibility_description",
        "minimum_age",
    ):
        expected = original[key]
        # surrounding white space is not kept
        assert exported[key] == (expected.strip() if isinstance(expected, str) else expected), key
    assert exported["organization"]["id"] == ORG_ID
    for key in ("name", "description", "email", "website"):
        assert exported["organization"][key] == original["organization"][key], key
    assert [lang["code"] for lang in exported["languages"]] == [
        lang["code"] for lang in original["languages"]
    ]
    assert [p["number"] for p in exported["phones"]] == [p["number"] for p in original["phones"]]
    assert exported["cost"] == "fee"
    # maximum_age 100 and a location outside Finland are reported, not silently lost
    notes = " ".join(text for _label, text in report.notes)
    assert "maximum_age 100" in notes and "outside Finland" in notes
    # the organisation example imports with its service
    org = Organization.objects.get(pk=ORG_ID)
    assert org.name_fi == "Example Organization Inc."
    assert_valid("organization", serialisers.organization(org))


def test_finnish_located_example_round_trips_its_location_and_schedules(tmp_path):
    MunicipalityFactory(code="091", name_fi="Helsinki", name_sv="Helsingfors")
    original = finnish_variant(example("service_full.json"))
    write(tmp_path, "service.json", original)
    report = importer.import_path(tmp_path)
    assert report.skipped == []
    exported = export(SERVICE_ID)
    assert_valid("service", exported)
    sal, source_sal = exported["service_at_locations"][0], original["service_at_locations"][0]
    assert sal["id"] == source_sal["id"]
    assert sal["description"] == source_sal["description"]
    location, source = sal["location"], source_sal["location"]
    assert location["id"] == source["id"] and location["name"] == source["name"]
    assert (location["latitude"], location["longitude"]) == (60.1699, 24.9384)
    address, source_address = location["addresses"][0], source["addresses"][0]
    for key in ("address_1", "postal_code", "country"):
        assert address[key] == source_address[key]
    assert location["accessibility"][0]["description"] == source["accessibility"][0]["description"]
    assert sorted(s["byday"] for s in sal["schedules"]) == ["FR", "TH"]
    assert {(s["opens_at"], s["closes_at"]) for s in sal["schedules"]} == {("10:00", "18:00")}


def test_catalogue_export_reimports_field_for_field(client, tmp_path):
    """Our own profile output, imported into an empty catalogue, gives the same records."""
    clinic, _counselling, _visit = build_catalogue()
    exported = client.get(f"/api/hsds/services/{clinic.pk}").json()
    page = client.get("/api/hsds/services", {"full": "true"}).json()
    write(tmp_path, "page.json", page)
    Service.objects.all().delete()
    ServiceChannel.objects.all().delete()
    Location.objects.all().delete()
    Organization.objects.all().delete()
    report = importer.import_path(tmp_path)
    assert report.skipped == [], report.skipped
    again = client.get(f"/api/hsds/services/{clinic.pk}").json()
    for key in (
        "name_translations",
        "summary_translations",
        "description_translations",
        "application_process_translations",
        "minimum_age",
        "maximum_age",
        "cost",
        "anonymous",
        "referral_required",
        "low_threshold",
        "national",
        "url",
        "email",
        "status",
    ):
        assert again.get(key) == exported.get(key), key
    assert [lang["code"] for lang in again["languages"]] == ["fi", "so"]
    assert [a["municipality_code"] for a in again["service_areas"]] == ["091"]
    assert [a["taxonomy_term"]["code"] for a in again["attributes"]] == ["whole-family"]
    assert sorted(c["kind"] for c in again["channels"]) == ["in_person", "phone"]
    sal = again["service_at_locations"][0]
    before = exported["service_at_locations"][0]
    assert sal["location"]["latitude"] == before["location"]["latitude"]
    assert sal["location"]["municipality_code"] == "091"

    def shape(schedules):
        return sorted(str((s.get("byday"), s.get("closed"), s.get("opens_at"))) for s in schedules)

    assert shape(sal["schedules"]) == shape(before["schedules"])
    assert OpeningHours.objects.count() == 3
    assert ServiceSearchDocument.objects.filter(service_id=clinic.pk).exists()


def test_second_import_is_unchanged():
    importer.import_path(EXAMPLES)
    counts = (Service.objects.count(), Organization.objects.count(), ServiceChannel.objects.count())
    report = importer.import_path(EXAMPLES)
    assert report.total("created") == 0 and report.total("updated") == 0
    assert report.total("unchanged") >= 2
    after = (Service.objects.count(), Organization.objects.count(), ServiceChannel.objects.count())
    assert after == counts


def test_changed_record_updates(tmp_path):
    record = example("service_full.json")
    write(tmp_path, "s.json", record)
    importer.import_path(tmp_path)
    record["name"] = "Community Counselling (renamed)"
    write(tmp_path, "s.json", record)
    report = importer.import_path(tmp_path)
    assert report.counts[("service", "updated")] == 1
    assert Service.objects.get(pk=SERVICE_ID).name_fi == "Community Counselling (renamed)"
    assert Service.objects.count() == 1


def test_profile_translations_and_taxonomy_terms(tmp_path):
    TargetGroupFactory(code="whole-family")
    record = example("service_full.json")
    record["name_translations"] = {"fi": "Keskusteluapu", "sv": "Samtalsstöd", "en": "Counselling"}
    record["attributes"][0]["taxonomy_term"].update(taxonomy="target_group", code="whole-family")
    write(tmp_path, "s.json", record)
    importer.import_path(tmp_path)
    service = Service.objects.get(pk=SERVICE_ID)
    assert (service.name_fi, service.name_sv, service.name_en) == (
        "Keskusteluapu",
        "Samtalsstöd",
        "Counselling",
    )
    assert [t.code for t in service.target_groups.all()] == ["whole-family"]


def test_command_summary_and_language_option(tmp_path):
    write(tmp_path, "s.json", example("service_full.json"))
    out = StringIO()
    call_command("import_hsds", str(tmp_path), "--language", "en", stdout=out, stderr=StringIO())
    assert out.getvalue().startswith("created 2, updated 0, unchanged 0, skipped 0")
    assert Service.objects.get(pk=SERVICE_ID).name_en == "Community Counselling"


# --- Bad input ----------------------------------------------------------------


def test_malformed_json_is_refused(tmp_path):
    write(tmp_path, "bad.json", '{"id": "ac148810-d857-441c-9679-408f346de14b", "name": ')
    report = importer.import_path(tmp_path)
    assert "malformed JSON" in report.refused[0][1]
    assert Service.objects.count() == 0


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda r: r.update(name=5), "name: 5 is not of type 'string'"),
        (lambda r: r.update(status="bogus"), "status: 'bogus' is not one of"),
        (lambda r: r.pop("name"), "'name' is a required property"),
        (lambda r: r.update(id="not-a-uuid"), "is not a 'uuid'"),
        (lambda r: r.update(minimum_age=10, maximum_age=5), "greater than maximum_age"),
        (lambda r: r.update(cost="priceless"), "unknown cost"),
        (lambda r: r["organization"].update(name=[]), "is not of type 'string'"),
    ],
)
def test_bad_records_are_skipped_with_the_reason(tmp_path, change, reason):
    record = example("service_full.json")
    change(record)
    write(tmp_path, "s.json", [record])
    report = importer.import_path(tmp_path)
    assert len(report.skipped) == 1
    assert reason in report.skipped[0][1]
    assert Service.objects.count() == 0 and Organization.objects.count() == 0


def test_location_outside_finland_is_left_out_and_nothing_half_written(tmp_path):
    MunicipalityFactory(code="091", name_fi="Helsinki")
    record = finnish_variant(example("service_full.json"))
    record["service_at_locations"][0]["location"].update(latitude=48.85, longitude=2.35)
    write(tmp_path, "s.json", record)
    report = importer.import_path(tmp_path)
    assert Location.objects.count() == 0
    assert not ServiceChannel.objects.filter(kind="in_person").exists()
    assert any("outside Finland" in text for _l, text in report.notes)


def test_duplicate_ids_in_one_file(tmp_path):
    record = example("service_full.json")
    write(tmp_path, "s.json", [record, dict(record, name="Another")])
    report = importer.import_path(tmp_path)
    assert Service.objects.count() == 1
    assert Service.objects.get().name_fi == "Community Counselling"
    assert "duplicate id" in report.skipped[0][1]


def test_a_50_mb_file_is_refused(tmp_path):
    with (tmp_path / "huge.json").open("w") as handle:
        handle.write("[" + " " * (50 * 1024 * 1024) + "]")
    report = importer.import_path(tmp_path)
    assert "over the limit" in report.refused[0][1]
    assert Service.objects.count() == 0


def test_not_a_record(tmp_path):
    write(tmp_path, "x.json", [1, {"foo": "bar"}])
    report = importer.import_path(tmp_path)
    assert len(report.skipped) == 2


def test_official_examples_validate_as_shipped():
    # The yardstick itself: the compiled schemas accept the official full examples.
    for name, kind in (
        ("service_full.json", "service"),
        ("organization_full.json", "organization"),
        ("service_at_location_full.json", "service_at_location"),
    ):
        assert schemas.errors(kind, example(name)) == []


def test_examples_folder_copy_imports_from_a_directory_tree(tmp_path):
    shutil.copytree(EXAMPLES, tmp_path / "nested" / "examples")
    report = importer.import_path(tmp_path)
    assert report.skipped == [] and Service.objects.filter(pk=SERVICE_ID).exists()
