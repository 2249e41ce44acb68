"""``perhekeskus import-sotkanet DATA.json --meta INDICATORS.json --meta REGIONS.json``."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from perhekeskus.indicators.services import DEFAULT_LICENCE, ImportRefused, import_sotkanet


def read(path: Path) -> bytes:
    if not path.is_file():
        raise CommandError(f"{path} does not exist")
    return path.read_bytes()


class Command(BaseCommand):
    help = (
        "Import THL Sotkanet REST 1.1 JSON data rows saved to a file, with the indicator "
        "metadata and the region list saved from Sotkanet. All or nothing; re-running updates."
    )

    def add_arguments(self, parser):
        parser.add_argument("data", type=Path, help="the data rows (JSON)")
        parser.add_argument(
            "--meta",
            type=Path,
            action="append",
            required=True,
            help="indicator metadata or region list (JSON); give both",
        )
        parser.add_argument(
            "--fetched-on",
            type=datetime.date.fromisoformat,
            help="the day the files were fetched (YYYY-MM-DD); default: the data file's date",
        )
        parser.add_argument("--licence", default=DEFAULT_LICENCE)

    def handle(self, *args, data: Path, meta: list[Path], fetched_on, licence, **options):
        content = read(data)
        fetched_on = (
            fetched_on
            or datetime.datetime.fromtimestamp(data.stat().st_mtime, tz=datetime.UTC).date()
        )
        try:
            summary = import_sotkanet(
                data=content,
                name=data.name,
                meta=[(p.name, read(p)) for p in meta],
                fetched_on=fetched_on,
                licence=licence,
            )
        except ImportRefused as refused:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"  {p}" for p in refused.problems)
            ) from None
        for line in summary.lines():
            self.stdout.write(line)
