"""A believable child budget for the demo county, 2021–2025.

The county's accounts (social and health services; for 2021–2022 those of the
joint municipal authority that preceded it) and each municipality's accounts
(early education, schools, youth work, culture) are written as the CSV files
an organiser would export and imported through the ordinary import, so the
demo exercises the real path: decimal commas, space thousands separators, a
negative correction, and one class the mapping does not know (public
transport in Kaislaranta, listed as not classified). Over the years money
moves from care outside the home to family work and other early support.

Each municipality's accounts are its own: a typical cost per child of each
class, times that municipality's own cost level (its PROFILES: how many
children are in early education, small village schools or two school
networks in two languages, whether it has an upper secondary school, what it
spends on youth work and culture), times its own children (the same figures
as the child population indicator, sotkanet-9127, from which the population
per child is read). Without the cost levels every municipality's spending
per child came out the same, as accounts made from one euros-per-child
figure times each one's children must.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from perhekeskus.catalogue.demo.region import PLACES, REGION_CODE
from perhekeskus.indicators.models import Indicator

from .services import current_mapping, import_accounts, population_from_indicator

YEARS = (2021, 2022, 2023, 2024, 2025)
CHILD_POPULATION_INDICATOR = "sotkanet-9127"

# County classes: euros in 2021 and 2025, straight line between.
COUNTY = {
    "Lastensuojelun laitos- ja perhehoito": (16_840_000, 13_120_000),
    "Lastensuojelun avohuoltopalvelut": (5_230_000, 4_760_000),
    "Lasten- ja nuorisopsykiatria": (2_910_000, 3_050_000),
    "Muut lasten ja perheiden avopalvelut": (3_080_000, 5_460_000),
    "Perheneuvola": (880_000, 1_390_000),
    "Opiskeluhuolto": (1_570_000, 2_240_000),
    "Neuvolapalvelut": (2_390_000, 2_810_000),
    "Koulu- ja opiskeluterveydenhuolto": (1_480_000, 1_830_000),
    "Terveyskeskuksen avosairaanhoito": (17_950_000, 20_120_000),
    "Suun terveydenhuolto": (5_480_000, 6_030_000),
    "Mielenterveys- ja päihdepalvelut": (6_020_000, 6_640_000),
    "Vammaispalvelut": (8_960_000, 10_110_000),
    "Erikoissairaanhoito": (70_400_000, 78_300_000),
    "Ikääntyneiden palvelut": (64_700_000, 72_100_000),
    "Työikäisten sosiaalipalvelut": (7_900_000, 8_350_000),
    "Hallinto": (6_100_000, 6_450_000),
}
# Municipal classes: euros per child aged 0–17 in 2021 and the yearly growth.
MUNICIPAL = {
    "Varhaiskasvatus": (2_890, Decimal("0.03")),
    "Esiopetus": (345, Decimal("0.02")),
    "Perusopetus": (5_610, Decimal("0.03")),
    "Lukiokoulutus": (905, Decimal("0.02")),
    "Nuorisotoiminta": (118, Decimal("0.11")),
    "Liikunta ja ulkoilu": (248, Decimal("0.03")),
    "Kirjastotoimi": (176, Decimal("0.02")),
    "Muu kulttuuritoiminta": (92, Decimal("0.02")),
    "Hallinto": (610, Decimal("0.015")),
}
# Each municipality's cost level of a class against the typical euros per
# child above (1 when not listed).
PROFILES: dict[str, dict[str, Decimal]] = {
    # Kaislaranta, the county's town: most children in early education, large
    # schools, the upper secondary school of the area, a cultural centre.
    "951": {
        "Varhaiskasvatus": Decimal("1.08"),
        "Perusopetus": Decimal("0.95"),
        "Lukiokoulutus": Decimal("1.12"),
        "Liikunta ja ulkoilu": Decimal("1.10"),
        "Muu kulttuuritoiminta": Decimal("1.30"),
        "Hallinto": Decimal("0.90"),
    },
    # Ahvenvesi, small and rural: more children cared for at home, village
    # schools with few pupils, no upper secondary school of its own, a library bus.
    "952": {
        "Varhaiskasvatus": Decimal("0.86"),
        "Esiopetus": Decimal("1.05"),
        "Perusopetus": Decimal("1.14"),
        "Lukiokoulutus": Decimal("0.55"),
        "Nuorisotoiminta": Decimal("0.85"),
        "Kirjastotoimi": Decimal("1.18"),
        "Muu kulttuuritoiminta": Decimal("0.70"),
        "Hallinto": Decimal("1.20"),
    },
    # Koivumäki: average schools, a youth work programme of its own.
    "953": {
        "Varhaiskasvatus": Decimal("0.98"),
        "Lukiokoulutus": Decimal("0.94"),
        "Nuorisotoiminta": Decimal("1.35"),
        "Kirjastotoimi": Decimal("0.95"),
    },
    # Lohiniemi, bilingual: early education and schools in Finnish and in
    # Swedish, so smaller groups and classes; a library in both languages.
    "954": {
        "Varhaiskasvatus": Decimal("1.06"),
        "Esiopetus": Decimal("1.12"),
        "Perusopetus": Decimal("1.19"),
        "Lukiokoulutus": Decimal("1.15"),
        "Kirjastotoimi": Decimal("1.22"),
        "Muu kulttuuritoiminta": Decimal("1.10"),
        "Hallinto": Decimal("1.10"),
    },
    # Kuusilahti: fewer children in early education, sports halls and trails.
    "955": {
        "Varhaiskasvatus": Decimal("0.93"),
        "Perusopetus": Decimal("1.03"),
        "Lukiokoulutus": Decimal("0.88"),
        "Nuorisotoiminta": Decimal("0.80"),
        "Liikunta ja ulkoilu": Decimal("1.25"),
        "Muu kulttuuritoiminta": Decimal("0.85"),
    },
}
# Children aged 0–17 per municipality, 2021–2025: the figures of the child
# population indicator in perhekeskus/indicators/snapshots/demo-region-2021-2025.json.
CHILDREN = {
    "951": (4910, 4860, 4800, 4745, 4690),
    "952": (1390, 1370, 1350, 1330, 1310),
    "953": (2150, 2125, 2100, 2070, 2045),
    "954": (930, 915, 900, 885, 870),
    "955": (1670, 1660, 1650, 1630, 1625),
}


def finnish(amount: Decimal) -> str:
    """'1 234 567,00' as Finnish spreadsheets write euros."""
    text = f"{amount:,.2f}"
    return text.replace(",", " ").replace(".", ",")


def county_csv() -> str:
    lines = ["Tehtäväluokka;Vuosi;Euroa"]
    for name, (first, last) in COUNTY.items():
        for index, year in enumerate(YEARS):
            amount = Decimal(first) + (Decimal(last) - first) * index / (len(YEARS) - 1)
            lines.append(f"{name};{year};{finnish(amount.quantize(Decimal('1000')))}")
    return "\n".join(lines) + "\n"


def municipal_csv(code: str) -> str:
    lines = ["Tehtäväluokka;Vuosi;Euroa"]
    for index, year in enumerate(YEARS):
        children = CHILDREN[code][index]
        for name, (per_child, growth) in MUNICIPAL.items():
            level = PROFILES[code].get(name, Decimal(1))
            amount = Decimal(per_child) * level * children * (1 + growth) ** index
            lines.append(f"{name};{year};{finnish(amount.quantize(Decimal('100'), ROUND_HALF_UP))}")
    if code == "952":
        # A correction booked as its own row: a state subsidy returned for 2024.
        lines.append(f"Perusopetus;2024;-{finnish(Decimal(35_000))}")
    if code == "951":
        lines.append(f"Joukkoliikenne;2025;{finnish(Decimal(412_500))}")
    return "\n".join(lines) + "\n"


def load_demo() -> None:
    current_mapping()
    import_accounts(
        data=county_csv().encode("utf-8-sig"), name="tilinpaatos-hva.csv", entity_code=REGION_CODE
    )
    for place in PLACES:
        import_accounts(
            data=municipal_csv(place.code).encode("utf-8-sig"),
            name=f"tilinpaatos-{place.code}.csv",
            entity_code=place.code,
        )
    if not Indicator.objects.filter(code=CHILD_POPULATION_INDICATOR).exists():
        from perhekeskus.indicators.demo import load_demo as load_indicators

        load_indicators()
    population_from_indicator(indicator_code=CHILD_POPULATION_INDICATOR)
