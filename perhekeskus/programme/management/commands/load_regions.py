"""``perhekeskus load-regions``: the wellbeing services counties, Helsinki, the
LAPE regions and every municipality (safe to run again)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from perhekeskus.programme.services import load_official_regions


class Command(BaseCommand):
    help = (
        "Load Finland's wellbeing services counties, the City of Helsinki, the LAPE "
        "regions and all municipalities (Statistics Finland codes). Re-running updates."
    )

    def handle(self, *args, **options):
        regions, municipalities = load_official_regions()
        self.stdout.write(
            self.style.SUCCESS(
                _("Loaded %(regions)d regions and %(municipalities)d municipalities.")
                % {"regions": regions, "municipalities": municipalities}
            )
        )
