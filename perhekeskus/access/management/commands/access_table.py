from django.core.management.base import BaseCommand, CommandError

from perhekeskus.access import tabledoc


class Command(BaseCommand):
    help = "Writes docs/access-table.md from the access table (--check: fail if out of date)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="only check, write nothing")

    def handle(self, *args, check=False, **options):
        if check:
            if not tabledoc.is_current():
                raise CommandError(
                    f"{tabledoc.PAGE} is out of date: run `perhekeskus access-table`."
                )
            self.stdout.write("The access table's page is current.")
            return
        changed = tabledoc.write()
        self.stdout.write(f"{'Wrote' if changed else 'Unchanged:'} {tabledoc.PAGE}")
