"""Benchmark of the PTV import.

    make bench-import [N=20000]                  # SQLite, var/bench/import.sqlite3
    DATABASE_URL=postgres://… make bench-import  # PostgreSQL, database perhekeskus_bench_import

Writes a synthetic PTV batch in the exact open-API format (the shape of the
real records in ``standards/ptv-samples``): organisations, N services and
their channels — phone lines, web pages and service locations with EPSG:3067
coordinates and weekly service hours — as paged files of 500 records, then
imports it into a fresh database with ``import-ptv``'s importer (batches of
500 records, a savepoint per record, search indexing per batch).

The baseline imports a sample of the same batch one record per transaction
(``batch_size=1``), the naive way. A second run of the full import must find
every record unchanged.

The last line printed is ``base_records_per_s= records_per_s= n=``.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
import uuid
from pathlib import Path

from _common import ROOT, prepare_database, setup_django

BENCH_DB = "perhekeskus_bench_import"
PAGE = 500
MUNICIPALITIES = [
    ("091", "Helsinki", "Helsingfors"),
    ("049", "Espoo", "Esbo"),
    ("092", "Vantaa", "Vanda"),
    ("853", "Turku", "Åbo"),
    ("837", "Tampere", "Tammerfors"),
    ("564", "Oulu", "Uleåborg"),
    ("905", "Vaasa", "Vasa"),
    ("529", "Naantali", "Nådendal"),
]
TOPICS = [
    ("Lastenneuvola", "Barnrådgivning", "Child health clinic"),
    ("Perheneuvola", "Familjerådgivning", "Family counselling"),
    ("Perhetyö", "Familjearbete", "Family work"),
    ("Koulukuraattori", "Skolkurator", "School social worker"),
    ("Puheterapia", "Talterapi", "Speech therapy"),
    ("Perhekahvila", "Familjecafé", "Family café"),
]


def _texts(values: dict[str, str], text_type: str) -> list[dict]:
    return [{"language": lang, "value": value, "type": text_type} for lang, value in values.items()]


def _municipality(code, fi, sv) -> dict:
    return {
        "code": code,
        "name": [{"value": fi, "language": "fi"}, {"value": sv, "language": "sv"}],
    }


def generate(n: int, seed: int = 1) -> dict[str, list[dict]]:
    """N services with their organisations and channels, in PTV v8–v11 JSON."""
    rng = random.Random(seed)
    orgs = []
    for code, fi, sv in MUNICIPALITIES:
        orgs.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "sourceId": None,
                "oid": "",
                "parentOrganizationId": None,
                "municipality": _municipality(code, fi, sv),
                "organizationType": "Municipality",
                "businessCode": f"{rng.randint(1000000, 9999999)}-{rng.randint(0, 9)}",
                "businessName": fi,
                "organizationNames": _texts({"fi": f"{fi}n kaupunki", "sv": f"{sv} stad"}, "Name"),
                "organizationDescriptions": _texts(
                    {"fi": f"{fi}n kaupungin palvelut.", "sv": f"{sv} stads tjänster."},
                    "Description",
                ),
                "emails": [],
                "phoneNumbers": [],
                "webPages": [
                    {"url": f"https://www.{code}.example.fi", "value": fi, "language": "fi"}
                ],
                "addresses": [],
                "publishingStatus": "Published",
                "modified": "2021-03-01T10:00:00Z",
            }
        )
    services, channels = [], []
    for i in range(n):
        org = orgs[i % len(orgs)]
        code, fi_place, sv_place = MUNICIPALITIES[i % len(MUNICIPALITIES)]
        topic = TOPICS[i % len(TOPICS)]
        service_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        services.append(
            {
                "id": service_id,
                "sourceId": None,
                "generalDescriptionId": None,
                "type": "Service",
                "fundingType": "PubliclyFunded",
                "serviceNames": _texts(
                    {
                        "fi": f"{topic[0]} {fi_place} {i}",
                        "sv": f"{topic[1]} {sv_place} {i}",
                        "en": f"{topic[2]}, {fi_place} {i}",
                    },
                    "Name",
                ),
                "serviceChargeType": rng.choice([None, "FreeOfCharge", "Chargeable"]),
                "areaType": "LimitedType",
                "areas": [
                    {
                        "type": "Municipality",
                        "code": None,
                        "name": None,
                        "municipalities": [_municipality(code, fi_place, sv_place)],
                    }
                ],
                "serviceDescriptions": _texts(
                    {
                        "fi": f"{topic[0]} tukee lapsiperheitä ({i}).",
                        "sv": f"{topic[1]} stöder barnfamiljer ({i}).",
                    },
                    "Summary",
                )
                + _texts(
                    {"fi": f"{topic[0]} palvelee perheitä kaupungissa {fi_place}."}, "Description"
                )
                + _texts({"fi": "Soita ajanvaraukseen."}, "UserInstruction"),
                "languages": ["fi", "sv"] if i % 3 else ["fi", "sv", "en", "so"],
                "serviceClasses": [],
                "ontologyTerms": [],
                "targetGroups": [
                    {
                        "name": [{"value": "Lapset ja lapsiperheet", "language": "fi"}],
                        "code": "KR1.2",
                        "ontologyType": "TARGETGROUP",
                        "uri": "http://urn.fi/URN:NBN:fi:au:ptvl:v2004",
                        "parentId": None,
                        "parentUri": None,
                    }
                ],
                "lifeEvents": [],
                "industrialClasses": [],
                "legislation": [],
                "keywords": [],
                "requirements": [{"value": "Asukkaille.", "language": "fi"}],
                "serviceChannels": [],
                "organizations": [
                    {
                        "organization": {"id": org["id"], "name": fi_place},
                        "roleType": "Responsible",
                        "provisionType": None,
                        "additionalInformation": [],
                    }
                ],
                "serviceVouchersInUse": False,
                "serviceVouchers": [],
                "serviceCollections": [],
                "publishingStatus": "Published",
                "modified": "2021-03-01T10:00:00Z",
            }
        )
        # every service: a phone line; every second: a visiting address; every fifth: a web page
        kinds = (
            ["Phone"]
            + (["ServiceLocation"] if i % 2 == 0 else [])
            + (["WebPage"] if i % 5 == 0 else [])
        )
        for kind in kinds:
            channel_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            channel = {
                "id": channel_id,
                "sourceId": None,
                "serviceChannelType": kind,
                "organizationId": org["id"],
                "serviceChannelNames": _texts(
                    {"fi": f"{topic[0]} {i}", "sv": f"{topic[1]} {i}"}, "Name"
                ),
                "serviceChannelDescriptions": _texts({"fi": "Ajanvaraus ja neuvonta."}, "Summary"),
                "languages": ["fi"],
                "webPages": [],
                "serviceHours": [],
                "services": [
                    {
                        "service": {"id": service_id, "name": topic[0]},
                        "serviceChargeType": None,
                        "description": [],
                        "extraTypes": [],
                        "serviceHours": [],
                        "contactDetails": None,
                        "digitalAuthorizations": [],
                    }
                ],
                "publishingStatus": "Published",
                "modified": "2021-03-01T10:00:00",
            }
            if kind in ("Phone", "ServiceLocation"):
                channel["phoneNumbers"] = [
                    {
                        "type": "Phone",
                        "additionalInformation": None,
                        "serviceChargeType": "Chargeable",
                        "chargeDescription": None,
                        "prefixNumber": "+358",
                        "isFinnishServiceNumber": False,
                        "number": f"40{rng.randint(1000000, 9999999)}",
                        "language": "fi",
                    }
                ]
                channel["serviceHours"] = [
                    {
                        "serviceHourType": "DaysOfTheWeek",
                        "validFrom": None,
                        "validTo": None,
                        "isClosed": False,
                        "validForNow": True,
                        "additionalInformation": [],
                        "openingHour": [
                            {
                                "dayFrom": "Monday",
                                "dayTo": "Friday",
                                "from": "08:00:00",
                                "to": "16:00:00",
                            }
                        ],
                    }
                ]
            if kind == "ServiceLocation":
                channel["addresses"] = [
                    {
                        "type": "Location",
                        "subType": "Single",
                        "postOfficeBoxAddress": None,
                        "streetAddress": {
                            "street": [{"value": f"Kotikatu {i % 90 + 1}", "language": "fi"}],
                            "streetNumber": str(i % 40 + 1),
                            "postalCode": f"{rng.randint(100, 99999):05d}",
                            "postOffice": [{"value": fi_place.upper(), "language": "fi"}],
                            "municipality": _municipality(code, fi_place, sv_place),
                            "additionalInformation": [],
                            # EPSG:3067 (ETRS-TM35FIN) northing/easting as strings, as PTV gives them
                            "latitude": f"{rng.uniform(6680000, 7200000):.3f}",
                            "longitude": f"{rng.uniform(220000, 600000):.3f}",
                            "coordinateState": "Ok",
                        },
                        "locationAbroad": None,
                        "entrances": None,
                        "country": "FI",
                    }
                ]
            if kind == "WebPage":
                channel["webPages"] = [
                    {"url": f"https://palvelut.example.fi/{i}", "value": None, "language": "fi"}
                ]
            channels.append(channel)
    return {"organizations": orgs, "services": services, "servicechannels": channels}


def write(batch: dict[str, list[dict]], folder: Path) -> int:
    count = 0
    for kind, records in batch.items():
        (folder / kind).mkdir(parents=True, exist_ok=True)
        for start in range(0, len(records), PAGE):
            page = records[start : start + PAGE]
            (folder / kind / f"page-{start // PAGE:05d}.json").write_text(
                json.dumps(page, ensure_ascii=False), encoding="utf-8"
            )
            count += len(page)
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000, help="services in the batch")
    parser.add_argument("--baseline-n", type=int, default=1000, help="services for the baseline")
    args = parser.parse_args()

    vendor, _ = prepare_database(BENCH_DB, ROOT / "var" / "bench" / "import.sqlite3")
    setup_django()
    from django.core.management import call_command

    from perhekeskus.catalogue import search
    from perhekeskus.catalogue.models import Location, Organization, Service, ServiceChannel
    from perhekeskus.catalogue.ptv.importer import import_path

    call_command("migrate", verbosity=0)
    with tempfile.TemporaryDirectory() as tmp:
        base_dir, full_dir = Path(tmp) / "base", Path(tmp) / "full"
        base_records = write(generate(args.baseline_n, seed=2), base_dir)
        records = write(generate(args.n), full_dir)

        started = time.perf_counter()
        report = import_path(base_dir, batch_size=1)
        base_rate = base_records / (time.perf_counter() - started)
        assert not report.skipped, report.skipped[:3]
        # the baseline's rows are removed so the measured import starts from the same state
        base_ids = list(Service.objects.values_list("pk", flat=True))
        ServiceChannel.objects.all().delete()
        Service.objects.all().delete()
        Location.objects.all().delete()
        Organization.objects.all().delete()
        search.index_services(base_ids)  # drops them from the index

        started = time.perf_counter()
        report = import_path(full_dir)
        seconds = time.perf_counter() - started
        assert not report.skipped and not report.refused, report.skipped[:3]
        rate = records / seconds

        started = time.perf_counter()
        again = import_path(full_dir)
        rerun = time.perf_counter() - started
        assert again.total("unchanged") == records and again.total("updated") == 0

    print(f"database: {vendor}, records: {records} ({args.n} services)")
    print(
        f"baseline (one record per transaction, {base_records} records): {base_rate:.0f} records/s"
    )
    print(f"import: {seconds:.1f} s; second run, all unchanged: {rerun:.1f} s")
    print(f"base_records_per_s={base_rate:.0f} records_per_s={rate:.0f} n={records}")


if __name__ == "__main__":
    main()
