"""The regions and municipalities, and a change project and agent for the demo county."""

from __future__ import annotations

import datetime
from decimal import Decimal

from perhekeskus.catalogue.demo.region import REGION_CODE

from .models import ChangeAgent, ChangeProject, Municipality, Region
from .services import load_official_regions

PROJECT_NAME = "Järvi-Saimaan perhekeskusten muutosohjelma 2024–2026"
# The fictional county lies in the lake district: for the historical series
# its municipalities belong to the LAPE region of South Savo.
DEMO_LAPE_REGION = "lape-10"


def load_demo() -> None:
    load_official_regions()
    region = Region.objects.filter(code=REGION_CODE).first()
    if region is None:
        return
    Municipality.objects.filter(region=region, lape_region__isnull=True).update(
        lape_region=Region.objects.filter(code=DEMO_LAPE_REGION).first()
    )
    project, _ = ChangeProject.objects.update_or_create(
        region=region,
        name=PROJECT_NAME,
        defaults={
            "starts_on": datetime.date(2024, 1, 1),
            "ends_on": datetime.date(2026, 12, 31),
            "contact_name": "Riikka Lampinen",
            "contact_email": "muutosohjelma@jarvisaimaa.example",
            "funding_amount": Decimal("1240000.00"),
            "funding_source": "Sosiaali- ja terveysministeriön valtionavustus",
            "description": (
                "Perhekeskusten verkosto, matalan kynnyksen mielenterveystuki ja "
                "lastensuojelun avohuollon kehittäminen viidessä kunnassa."
            ),
        },
    )
    ChangeAgent.objects.update_or_create(
        region=region,
        name="Riikka Lampinen",
        defaults={
            "project": project,
            "title": "Muutosagentti",
            "email": "riikka.lampinen@jarvisaimaa.example",
            "phone": "015 555 1900",
            "starts_on": datetime.date(2024, 1, 1),
            "ends_on": datetime.date(2026, 12, 31),
            "funding_amount": Decimal("186000.00"),
            "funding_source": "Sosiaali- ja terveysministeriön valtionavustus",
        },
    )
