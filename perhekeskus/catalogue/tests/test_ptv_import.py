"""``import-ptv``: the real PTV sample records, idempotency and bad input."""

import copy
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from pyproj import Transformer

from perhekeskus.catalogue import search
from perhekeskus.catalogue.models import (
    Location,
    OpeningHours,
    Organization,
    Service,
    ServiceChannel,
    ServiceSearchDocument,
)
from perhekeskus.catalogue.ptv import importer
from perhekeskus.programme.models import Municipality

from .factories import TargetGroupFactory

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parent / "data" / "ptv-samples"
CLINIC_ID = "17c633dd-5408-495a-86c1-d8f57598e899"  # Perusopetus, Vaasa
SUNDOM = "13992280-9c95-4ede-af13-33ad2acde746"  # ServiceLocation, EPSG:3067 coordinates


def counts():
    return (
        Organization.objects.count(),
        Service.objects.count(),
        ServiceChannel.objects.count(),
        Location.objects.count(),
        OpeningHours.objects.count(),
    )


def sample(kind, name):
    return json.loads((SAMPLES / kind / f"{name}.json").read_text(encoding="utf-8"))


def write(tmp_path, kind, name, record):
    folder = tmp_path / kind
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(record if isinstance(record, str) else json.dumps(record), encoding="utf-8")
    return path


@pytest.fixture
def samples_copy(tmp_path):
    target = tmp_path / "ptv"
    shutil.copytree(SAMPLES, target)
    return target


def test_every_sample_record_imports():
    TargetGroupFactory(code="whole-family")
    report = importer.import_path(SAMPLES)
    assert report.skipped == [] and report.refused == []
    assert report.counts[("organization", "created")] == 3
    assert report.counts[("service", "created")] == 30
    assert report.counts[("channel", "created")] == 42
    assert Service.objects.filter(source="ptv").count() == 30
    kinds = set(ServiceChannel.objects.values_list("kind", flat=True))
    assert kinds == {"web", "phone", "in_person"}
    # every channel of every type, linked to every sample service it names
    assert ServiceChannel.objects.values("source_id").distinct().count() >= 42
    service = Service.objects.get(source_id=CLINIC_ID)
    assert service.name_fi == "Perusopetus" and service.source_record["id"] == CLINIC_ID
    assert service.organization.source_id == "7fdd7f84-e52a-4c17-a59a-d7c2a3095ed5"
    assert service.organization.name_sv == "Vasa stad"
    assert service.organization.kind == "municipality"
    assert service.cost == "free"
    assert {lang.code for lang in service.languages.all()} >= {"fi"}
    assert [m.code for m in service.areas.all()] == ["905"]
    assert [t.code for t in service.target_groups.all()] == ["whole-family"]
    # the search index knows the imported services at once
    assert ServiceSearchDocument.objects.filter(service=service).exists()
    analysed = search.analyse_query("perusopetukseen")
    assert Service.objects.filter(search.match_filter(analysed), pk=service.pk).exists()


def test_texts_in_three_languages_and_charge_types():
    importer.import_path(SAMPLES)
    chargeable = Service.objects.filter(source_record__serviceChargeType="Chargeable")
    assert chargeable.exists() and all(s.cost == "fee" for s in chargeable)
    multilingual = Service.objects.exclude(name_sv="").exclude(name_en="")
    assert multilingual.exists()
    assert Organization.objects.exclude(description_en="").exists()


def test_coordinates_are_converted_with_pyproj():
    importer.import_path(SAMPLES)
    location = Location.objects.get(source_id=SUNDOM)
    to_wgs84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)
    lon, lat = to_wgs84.transform(224930.408, 7001836.409)
    assert location.latitude == pytest.approx(lat, abs=1e-6)
    assert location.longitude == pytest.approx(lon, abs=1e-6)
    assert 62.9 < location.latitude < 63.2 and 21.4 < location.longitude < 21.7  # Sundom, Vaasa
    assert location.street_address_fi == "Sundomvägen 13" and location.postal_code == "65410"
    assert location.municipality.code == "905" and location.municipality.name_sv == "Vasa"
    channel = ServiceChannel.objects.filter(location=location).first()
    assert channel.kind == "in_person" and channel.phone.startswith("+358")


def test_service_hours_phone_numbers_and_web_pages():
    importer.import_path(SAMPLES)
    with_hours = ServiceChannel.objects.filter(hours__isnull=False).distinct()
    assert with_hours.exists()
    hours = OpeningHours.objects.first()
    assert hours.opens < hours.closes
    assert ServiceChannel.objects.filter(kind="phone").exclude(phone="").exists()
    assert ServiceChannel.objects.filter(kind="web").exclude(url="").exists()
    form = ServiceChannel.objects.filter(source_record__serviceChannelType="PrintableForm").first()
    assert form.kind == "web" and form.url.startswith("http")


def test_missing_municipalities_are_created_with_ptv_names():
    assert not Municipality.objects.filter(code="529").exists()
    importer.import_path(SAMPLES)
    naantali = Municipality.objects.get(code="529")
    assert naantali.name_fi == "Naantali" and naantali.name_sv == "Nådendal"


def test_second_run_changes_nothing_and_counts_unchanged():
    importer.import_path(SAMPLES)
    before = counts()
    report = importer.import_path(SAMPLES)
    assert counts() == before
    assert report.total("created") == 0 and report.total("updated") == 0
    assert report.total("unchanged") == 3 + 30 + 42


def test_changed_record_updates_in_place(samples_copy):
    importer.import_path(samples_copy)
    record = sample("services", CLINIC_ID)
    for name in record["serviceNames"]:
        if name["language"] == "fi" and name["type"] == "Name":
            name["value"] = "Perusopetus Vaasassa"
    write(samples_copy, "services", CLINIC_ID, record)
    before = counts()
    report = importer.import_path(samples_copy)
    assert counts() == before
    assert report.counts[("service", "updated")] == 1
    assert Service.objects.get(source_id=CLINIC_ID).name_fi == "Perusopetus Vaasassa"


def test_version_12_field_names(tmp_path):
    org = {
        "contentId": "11111111-1111-4111-8111-111111111111",
        "organizationType": "Municipality",
        "languageVersions": [
            {"language": "fi", "name": "Testikunta", "description": "Kunta."},
            {"language": "sv", "name": "Testkommun"},
        ],
        "municipality": {"code": "999", "name": [{"language": "fi", "value": "Testikunta"}]},
    }
    service = {
        "contentId": "22222222-2222-4222-8222-222222222222",
        "type": "Service",
        "serviceChargeType": "FreeOfCharge",
        "languageVersions": [
            {"language": "fi", "name": "Perheneuvola", "summary": "Apua perheille."},
            {"language": "en", "name": "Family counselling", "summary": "Help for families."},
        ],
        "languages": ["fi", "en"],
        "organizations": [{"roleType": "Responsible", "organization": {"id": org["contentId"]}}],
    }
    channel = {
        "contentId": "33333333-3333-4333-8333-333333333333",
        "channelType": "TelephoneService",
        "organizationId": org["contentId"],
        "languageVersions": [{"language": "fi", "name": "Puhelin", "summary": "Soita."}],
        "phoneNumbers": [{"type": "Phone", "prefixNumber": "+358", "number": "401234567"}],
        "services": [{"service": {"id": service["contentId"]}}],
    }
    write(tmp_path, "organizations", "o", org)
    write(tmp_path, "services", "s", service)
    write(tmp_path, "servicechannels", "c", channel)
    report = importer.import_path(tmp_path)
    assert report.skipped == []
    imported = Service.objects.get(source_id=service["contentId"])
    assert imported.name_fi == "Perheneuvola" and imported.summary_en == "Help for families."
    assert imported.organization.name_sv == "Testkommun"
    phone = imported.channels.get()
    assert phone.kind == "phone" and phone.phone == "+358 401234567"


# --- Bad input ----------------------------------------------------------------


def test_malformed_json_file_is_refused(samples_copy):
    write(samples_copy, "services", "broken", '{"id": "x", "serviceNames": [')
    report = importer.import_path(samples_copy)
    assert len(report.refused) == 1
    assert "malformed JSON at line 1" in report.refused[0][1]
    assert Service.objects.count() == 30


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda r: r.update(serviceChargeType="Sometimes"), "unknown serviceChargeType"),
        (lambda r: r.update(serviceNames=[]), "has no name"),
        (lambda r: r.update(serviceNames="Perusopetus"), "expected a list"),
        (lambda r: r.update(id="not-an-id"), "not a PTV id"),
        (lambda r: r.update(languages=[42]), "not an ISO 639 code"),
        (lambda r: r.update(organizations=[]), "no responsible organisation"),
        (lambda r: r.update(publishingStatus="Weird"), "unknown publishingStatus"),
    ],
)
def test_bad_service_records_are_skipped_with_a_reason(tmp_path, change, reason):
    shutil.copytree(SAMPLES / "organizations", tmp_path / "organizations")
    record = sample("services", CLINIC_ID)
    change(record)
    write(tmp_path, "services", "bad", record)
    report = importer.import_path(tmp_path)
    assert len(report.skipped) == 1
    assert reason in report.skipped[0][1]
    assert Service.objects.count() == 0


def test_coordinates_outside_finland_skip_the_channel(tmp_path):
    shutil.copytree(SAMPLES / "organizations", tmp_path / "organizations")
    write(tmp_path, "services", "s", sample("services", CLINIC_ID))
    record = sample("servicechannels", SUNDOM)
    record["addresses"][0]["streetAddress"]["latitude"] = "5001836"  # far south of Finland
    write(tmp_path, "servicechannels", "c", record)
    before_locations = Location.objects.count()
    report = importer.import_path(tmp_path)
    assert len(report.skipped) == 1 and "outside Finland" in report.skipped[0][1]
    assert Location.objects.count() == before_locations
    assert ServiceChannel.objects.count() == 0


def test_duplicate_ids_in_one_file_are_reported(tmp_path):
    shutil.copytree(SAMPLES / "organizations", tmp_path / "organizations")
    record = sample("services", CLINIC_ID)
    other = copy.deepcopy(record)
    other["serviceNames"][0]["value"] = "Toinen"
    write(tmp_path, "services", "page", [record, other])
    report = importer.import_path(tmp_path)
    assert Service.objects.count() == 1
    assert len(report.skipped) == 1 and "duplicate id" in report.skipped[0][1]


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path, settings):
    settings.CATALOGUE_IMPORT_MAX_FILE_BYTES = 20 * 1024 * 1024
    big = tmp_path / "services" / "huge.json"
    big.parent.mkdir()
    with big.open("w") as handle:  # 50 MB of a JSON list
        handle.write("[")
        handle.write(" " * (50 * 1024 * 1024))
        handle.write("]")
    report = importer.import_path(tmp_path)
    assert len(report.refused) == 1
    assert "50.0 MB, over the limit of 20 MB" in report.refused[0][1]
    assert Service.objects.count() == 0


def test_bad_record_in_a_batch_leaves_the_others_written(tmp_path):
    shutil.copytree(SAMPLES / "organizations", tmp_path / "organizations")
    records = [sample("services", f.stem) for f in sorted((SAMPLES / "services").glob("*.json"))]
    records[3]["serviceChargeType"] = 7
    write(tmp_path, "services", "page", records)
    report = importer.import_path(tmp_path)
    assert Service.objects.count() == 29
    assert len(report.skipped) == 1
    assert not Service.objects.filter(source_id=records[3]["id"]).exists()


def test_command_prints_the_summary():
    out, err = StringIO(), StringIO()
    call_command("import_ptv", str(SAMPLES), stdout=out, stderr=err)
    first = out.getvalue().splitlines()[0]
    assert first.startswith("created 75, updated 0, unchanged 0, skipped 0")
    out = StringIO()
    call_command("import_ptv", str(SAMPLES), stdout=out, stderr=err)
    assert out.getvalue().startswith("created 0, updated 0, unchanged 75, skipped 0")
