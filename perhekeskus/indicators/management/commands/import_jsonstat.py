"""``perhekeskus import-jsonstat FILE``: a JSON-stat 2.0 dataset from THL's cubes."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from perhekeskus.indicators.services import DEFAULT_LICENCE, ImportRefused, import_jsonstat


class Command(BaseCommand):
    help = (
        "Import a JSON-stat 2.0 dataset saved from THL's statistical cubes: one indicator "
        "per category of its measure dimension. All or nothing; re-running updates."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the dataset (JSON)")
        parser.add_argument(
            "--fetched-on",
            type=datetime.date.fromisoformat,
            help="the day the file was fetched (YYYY-MM-DD); default: the file's date",
        )
        parser.add_argument("--licence", default=DEFAULT_LICENCE)
        parser.add_argument("--cube", help="the cube's id (default: from the file)")

    def handle(self, *args, path: Path, fetched_on, licence, cube, **options):
        if not path.is_file():
            raise CommandError(f"{path} does not exist")
        fetched_on = (
            fetched_on
            or datetime.datetime.fromtimestamp(path.stat().st_mtime, tz=datetime.UTC).date()
        )
        try:
            summary = import_jsonstat(
                data=path.read_bytes(),
                name=path.name,
                fetched_on=fetched_on,
                licence=licence,
                cube=cube,
            )
        except ImportRefused as refused:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"  {p}" for p in refused.problems)
            ) from None
        for line in summary.lines():
            self.stdout.write(line)
