"""``perhekeskus import-hsds FILE_OR_DIR``: import Open Referral HSDS 3.0 JSON."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from perhekeskus.catalogue.hsds.importer import LANGS, import_path


class Command(BaseCommand):
    help = (
        "Import HSDS 3.0 JSON: single records, arrays or paged API responses "
        "(services, organizations, service_at_locations). Re-running updates; "
        "nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="a JSON file or a directory of JSON files")
        parser.add_argument(
            "--language",
            choices=LANGS,
            default="fi",
            help="the language of plain HSDS text fields (default fi); "
            "the profile's *_translations fields always give all three",
        )

    def handle(self, *args, path: Path, language: str, **options):
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        report = import_path(path, language=language)
        for line in report.lines():
            self.stdout.write(line)
        if report.refused or report.skipped:
            self.stderr.write(
                f"{len(report.skipped)} record(s) skipped, {len(report.refused)} file(s) refused"
            )
