"""``perhekeskus import-accounts FILE --entity CODE``: one organiser's or municipality's accounts."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from perhekeskus.budget.services import AccountsRefused, import_accounts


class Command(BaseCommand):
    help = (
        "Import accounts (CSV by account class and year, euros) of an organiser (region "
        "code, e.g. hva-08) or a municipality (e.g. 837). All or nothing; a year imported "
        "again is replaced."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--entity", required=True, help="region or municipality code")

    def handle(self, *args, path: Path, entity: str, **options):
        if not path.is_file():
            raise CommandError(f"{path} does not exist")
        try:
            summary = import_accounts(data=path.read_bytes(), name=path.name, entity_code=entity)
        except AccountsRefused as refused:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"  {p}" for p in refused.problems)
            ) from None
        record = summary.accounts_import
        self.stdout.write(
            f"{record.entity_name}: {record.rows} account lines for {record.years}, "
            f"total {record.total} EUR (mapping version {summary.mapping_version})"
        )
        for name, amount in summary.unknown_classes:
            self.stdout.write(f"  not in the mapping: {name} ({amount} EUR)")
