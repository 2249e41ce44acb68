"""The fictional Järvi-Saimaa wellbeing services county and its municipalities.

The municipality codes 951–955 are not used by Statistics Finland's
classification, so the demo never collides with imported real data. The
places lie in the Saimaa lake district (61.5–62.3 °N, 27.5–28.8 °E).
"""

from .schema import Place, t

REGION_CODE = "demo-jarvi-saimaa"
REGION_NAME = t(
    "Järvi-Saimaan hyvinvointialue",
    "Välfärdsområdet Järvi-Saimaa",
    "Järvi-Saimaa Wellbeing Services County",
)
COUNTY_DOMAIN = "jarvisaimaa.example"

KAISLARANTA = Place(
    code="951",
    name=t("Kaislaranta", "Kaislaranta", "Kaislaranta"),
    bilingual=False,
    genitive="Kaislarannan",
    locative="Kaislarannassa",
    postal_code="57100",
    post_office=t("KAISLARANTA", "KAISLARANTA", "KAISLARANTA"),
    latitude=61.905,
    longitude=28.062,
    phone_prefix="015 555 1",
    domain="kaislaranta.example",
)
AHVENVESI = Place(
    code="952",
    name=t("Ahvenvesi", "Ahvenvesi", "Ahvenvesi"),
    bilingual=False,
    genitive="Ahvenveden",
    locative="Ahvenvedellä",
    postal_code="58450",
    post_office=t("AHVENVESI", "AHVENVESI", "AHVENVESI"),
    latitude=61.712,
    longitude=27.586,
    phone_prefix="015 555 2",
    domain="ahvenvesi.example",
)
KOIVUMAKI = Place(
    code="953",
    name=t("Koivumäki", "Koivumäki", "Koivumäki"),
    bilingual=False,
    genitive="Koivumäen",
    locative="Koivumäellä",
    postal_code="51940",
    post_office=t("KOIVUMÄKI", "KOIVUMÄKI", "KOIVUMÄKI"),
    latitude=62.238,
    longitude=27.912,
    phone_prefix="015 555 3",
    domain="koivumaki.example",
)
LOHINIEMI = Place(
    code="954",
    name=t("Lohiniemi", "Laxnäs", "Lohiniemi"),
    bilingual=True,
    genitive="Lohiniemen",
    locative="Lohiniemellä",
    postal_code="58810",
    post_office=t("LOHINIEMI", "LAXNÄS", "LOHINIEMI"),
    latitude=61.553,
    longitude=28.541,
    phone_prefix="015 555 4",
    domain="lohiniemi.example",
)
KUUSILAHTI = Place(
    code="955",
    name=t("Kuusilahti", "Kuusilahti", "Kuusilahti"),
    bilingual=False,
    genitive="Kuusilahden",
    locative="Kuusilahdella",
    postal_code="58170",
    post_office=t("KUUSILAHTI", "KUUSILAHTI", "KUUSILAHTI"),
    latitude=62.094,
    longitude=28.771,
    phone_prefix="015 555 5",
    domain="kuusilahti.example",
)

PLACES: tuple[Place, ...] = (KAISLARANTA, AHVENVESI, KOIVUMAKI, LOHINIEMI, KUUSILAHTI)
PLACES_BY_CODE = {place.code: place for place in PLACES}
ALL_AREAS: tuple[str, ...] = tuple(place.code for place in PLACES)
