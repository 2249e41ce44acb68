"""``perhekeskus load-demo``: load the fictional demo region."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from perhekeskus.catalogue.demo import load_demo_extensions, load_demo_region
from perhekeskus.catalogue.models import Service


def describe(summary) -> str:
    return _(
        "Demo region loaded: %(municipalities)d municipalities, %(organizations)d "
        "organisations, %(locations)d locations, %(services)d services, %(channels)d "
        "service channels."
    ) % {
        "municipalities": summary.municipalities,
        "organizations": summary.organizations,
        "locations": summary.locations,
        "services": summary.services,
        "channels": summary.channels,
    }


class Command(BaseCommand):
    help = "Load the fictional Järvi-Saimaa demo region (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only when the catalogue has no services yet.",
        )

    def handle(self, *args, if_empty: bool = False, **options):
        if if_empty and Service.objects.exists():
            self.stdout.write(_("The catalogue already has services; the demo was not loaded."))
            return
        summary = load_demo_region()
        load_demo_extensions()
        self.stdout.write(self.style.SUCCESS(describe(summary)))
