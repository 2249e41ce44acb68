"""``perhekeskus import-ptv DIR``: import Suomi.fi PTV open-API JSON."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from perhekeskus.catalogue.ptv.importer import import_path


class Command(BaseCommand):
    help = (
        "Import PTV services, service channels and organisations (open-API JSON files, "
        "or a directory of them). Re-running updates; nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="a JSON file or a directory of JSON files")

    def handle(self, *args, path: Path, **options):
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        report = import_path(path)
        for line in report.lines():
            self.stdout.write(line)
        if report.refused or report.skipped:
            self.stderr.write(
                f"{len(report.skipped)} record(s) skipped, {len(report.refused)} file(s) refused"
            )
