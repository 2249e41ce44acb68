"""Demo indicators: the national snapshots and figures for the demo region.

The national snapshots hold THL's published national figures (checked in the
tests) and illustrative regional figures; the demo region's figures are
fictional, like its municipalities (codes 951–955).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from perhekeskus.programme.services import load_official_regions

from .services import import_jsonstat, import_sotkanet

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
SNAPSHOT_DATE = datetime.date(2026, 6, 1)
CHILD_POPULATION_INDICATOR = "sotkanet-9127"


def _read(name: str) -> bytes:
    return (SNAPSHOTS / name).read_bytes()


def load_demo() -> None:
    load_official_regions()
    import_sotkanet(
        data=_read("sotkanet-child-welfare-2022-2023.json"),
        name="sotkanet-child-welfare-2022-2023.json",
        meta=[
            ("sotkanet-indicators.json", _read("sotkanet-indicators.json")),
            ("sotkanet-regions.json", _read("sotkanet-regions.json")),
        ],
        fetched_on=SNAPSHOT_DATE,
    )
    import_jsonstat(
        data=_read("thl-child-welfare-2022-2023.jsonstat.json"),
        name="thl-child-welfare-2022-2023.jsonstat.json",
        fetched_on=SNAPSHOT_DATE,
    )
    import_sotkanet(
        data=_read("demo-region-2021-2025.json"),
        name="demo-region-2021-2025.json",
        meta=[
            ("demo-region-indicators.json", _read("demo-region-indicators.json")),
            ("demo-region-regions.json", _read("demo-region-regions.json")),
        ],
        fetched_on=SNAPSHOT_DATE,
        licence="CC BY 4.0 (fictional demo figures)",
    )
