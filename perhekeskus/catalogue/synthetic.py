"""A synthetic service catalogue of any size, for benchmarks and load tests.

Texts are composed from real family-service words in many inflected and
compound forms (Finnish), with some Swedish and English. The generator
knows which base words (lemmas) it put into each service, which is the
ground truth a search benchmark needs: a service is relevant for a query
word when its text contains that word's lemma, alone or inside a compound
(*perheneuvolassa* contains *perheneuvola*, *perhe* and *neuvola*).
"""

from __future__ import annotations

import datetime
import random
import re
import uuid
from dataclasses import dataclass, field

from django.db import transaction

from perhekeskus.programme.models import Municipality

from .models import (
    Language,
    Location,
    OpeningHours,
    Organization,
    Service,
    ServiceChannel,
    TaxonomyTerm,
)
from .search import index_services


@dataclass(frozen=True)
class Word:
    """A vocabulary word: its lemma, the lemmas it contains (compound parts)
    and its forms by case: nom, gen, par, ine, ill, pl (plural nominative)."""

    lemma: str
    forms: tuple[str, ...]
    parts: tuple[str, ...] = ()
    language: str = "fi"
    service_type: bool = False

    CASES = ("nom", "gen", "par", "ine", "ill", "pl")

    def form(self, case: str) -> str:
        index = self.CASES.index(case)
        return self.forms[index] if index < len(self.forms) else self.forms[0]

    @property
    def contains(self) -> frozenset[str]:
        return frozenset({self.lemma, *self.parts})


def _w(forms: str, parts: str = "", service_type: bool = False) -> Word:
    items = forms.split()
    return Word(items[0], tuple(items), tuple(parts.split()), "fi", service_type)


# Finnish words with their nom, gen, par, ine, ill and plural forms.
BASE_WORDS = [
    _w("neuvola neuvolan neuvolaa neuvolassa neuvolaan neuvolat", service_type=True),
    _w(
        "äitiysneuvola äitiysneuvolan äitiysneuvolaa äitiysneuvolassa äitiysneuvolaan äitiysneuvolat",
        "äitiys neuvola",
        True,
    ),
    _w(
        "lastenneuvola lastenneuvolan lastenneuvolaa lastenneuvolassa lastenneuvolaan lastenneuvolat",
        "lapsi neuvola",
        True,
    ),
    _w(
        "perheneuvola perheneuvolan perheneuvolaa perheneuvolassa perheneuvolaan perheneuvolat",
        "perhe neuvola",
        True,
    ),
    _w(
        "perhekeskus perhekeskuksen perhekeskusta perhekeskuksessa perhekeskukseen perhekeskukset",
        "perhe keskus",
        True,
    ),
    _w("perhetyö perhetyön perhetyötä perhetyössä perhetyöhön perhetyöt", "perhe työ", True),
    _w(
        "kotipalvelu kotipalvelun kotipalvelua kotipalvelussa kotipalveluun kotipalvelut",
        "koti palvelu",
        True,
    ),
    _w(
        "lastensuojelu lastensuojelun lastensuojelua lastensuojelussa lastensuojeluun",
        "lapsi suojelu",
        True,
    ),
    _w("vertaistuki vertaistuen vertaistukea vertaistuessa vertaistukeen", "tuki", True),
    _w(
        "vertaistukiryhmä vertaistukiryhmän vertaistukiryhmää vertaistukiryhmässä "
        "vertaistukiryhmään vertaistukiryhmät",
        "vertaistuki tuki ryhmä",
        True,
    ),
    _w("puheterapia puheterapian puheterapiaa puheterapiassa puheterapiaan", "puhe terapia", True),
    _w(
        "toimintaterapia toimintaterapian toimintaterapiaa toimintaterapiassa toimintaterapiaan",
        "toiminta terapia",
        True,
    ),
    _w("psykologi psykologin psykologia psykologilla psykologille psykologit", service_type=True),
    _w(
        "kuraattori kuraattorin kuraattoria kuraattorilla kuraattorille kuraattorit",
        service_type=True,
    ),
    _w(
        "terveydenhoitaja terveydenhoitajan terveydenhoitajaa terveydenhoitajalla "
        "terveydenhoitajalle terveydenhoitajat",
        "terveys hoitaja",
        True,
    ),
    _w(
        "kouluterveydenhuolto kouluterveydenhuollon kouluterveydenhuoltoa "
        "kouluterveydenhuollossa kouluterveydenhuoltoon",
        "koulu terveys huolto",
        True,
    ),
    _w(
        "opiskeluhuolto opiskeluhuollon opiskeluhuoltoa opiskeluhuollossa opiskeluhuoltoon",
        "opiskelu huolto",
        True,
    ),
    _w(
        "varhaiskasvatus varhaiskasvatuksen varhaiskasvatusta varhaiskasvatuksessa "
        "varhaiskasvatukseen",
        "kasvatus",
        True,
    ),
    _w("päiväkoti päiväkodin päiväkotia päiväkodissa päiväkotiin päiväkodit", "päivä koti", True),
    _w("kerho kerhon kerhoa kerhossa kerhoon kerhot", service_type=True),
    _w(
        "perhekahvila perhekahvilan perhekahvilaa perhekahvilassa perhekahvilaan perhekahvilat",
        "perhe kahvila",
        True,
    ),
    _w("nuorisotyö nuorisotyön nuorisotyötä nuorisotyössä nuorisotyöhön", "nuoriso työ", True),
    _w("päihdetyö päihdetyön päihdetyötä päihdetyössä päihdetyöhön", "päihde työ", True),
    _w("eroneuvonta eroneuvonnan eroneuvontaa eroneuvonnassa eroneuvontaan", "ero neuvonta", True),
    _w("sosiaalityö sosiaalityön sosiaalityötä sosiaalityössä sosiaalityöhön", "työ", True),
    _w("kriisityö kriisityön kriisityötä kriisityössä kriisityöhön", "kriisi työ", True),
    _w("turvakoti turvakodin turvakotia turvakodissa turvakotiin turvakodit", "turva koti", True),
    _w("sovittelu sovittelun sovittelua sovittelussa sovitteluun", service_type=True),
    _w("perhehoito perhehoidon perhehoitoa perhehoidossa perhehoitoon", "perhe hoito", True),
    _w(
        "tukiperhe tukiperheen tukiperhettä tukiperheessä tukiperheeseen tukiperheet",
        "tuki perhe",
        True,
    ),
    _w(
        "tukihenkilö tukihenkilön tukihenkilöä tukihenkilöllä tukihenkilölle tukihenkilöt",
        "tuki henkilö",
        True,
    ),
    _w(
        "kielikahvila kielikahvilan kielikahvilaa kielikahvilassa kielikahvilaan kielikahvilat",
        "kieli kahvila",
        True,
    ),
    _w("läksykerho läksykerhon läksykerhoa läksykerhossa läksykerhoon", "läksy kerho", True),
    _w("uimakoulu uimakoulun uimakoulua uimakoulussa uimakouluun", "koulu", True),
    _w("muskari muskarin muskaria muskarissa muskariin muskarit", service_type=True),
    _w("diakonia diakonian diakoniaa diakoniassa diakoniaan", service_type=True),
    _w(
        "talousneuvonta talousneuvonnan talousneuvontaa talousneuvonnassa talousneuvontaan",
        "talous neuvonta",
        True,
    ),
    _w(
        "velkaneuvonta velkaneuvonnan velkaneuvontaa velkaneuvonnassa velkaneuvontaan",
        "velka neuvonta",
        True,
    ),
    _w(
        "asumisneuvonta asumisneuvonnan asumisneuvontaa asumisneuvonnassa asumisneuvontaan",
        "neuvonta",
        True,
    ),
    _w(
        "leikkipuisto leikkipuiston leikkipuistoa leikkipuistossa leikkipuistoon leikkipuistot",
        "leikki puisto",
        True,
    ),
    _w(
        "sijaisperhe sijaisperheen sijaisperhettä sijaisperheessä sijaisperheeseen sijaisperheet",
        "perhe",
        True,
    ),
    _w("parisuhde parisuhteen parisuhdetta parisuhteessa parisuhteeseen parisuhteet", "suhde"),
    _w("mielenterveys mielenterveyden mielenterveyttä mielenterveydessä mielenterveyteen", "mieli"),
    _w("kotoutuminen kotoutumisen kotoutumista kotoutumisessa kotoutumiseen"),
    _w("imetys imetyksen imetystä imetyksessä imetykseen"),
    _w("synnytys synnytyksen synnytystä synnytyksessä synnytykseen"),
    _w("vanhemmuus vanhemmuuden vanhemmuutta vanhemmuudessa vanhemmuuteen"),
    _w("kasvatus kasvatuksen kasvatusta kasvatuksessa kasvatukseen"),
    _w("lapsi lasten lasta lapsessa lapseen lapset"),
    _w("nuori nuorten nuorta nuoressa nuoreen nuoret"),
    _w("perhe perheiden perhettä perheessä perheeseen perheet"),
    _w("vauva vauvan vauvaa vauvassa vauvaan vauvat"),
    _w("koulu koulun koulua koulussa kouluun koulut"),
    _w("kiusaaminen kiusaamisen kiusaamista kiusaamisessa kiusaamiseen"),
    _w(
        "yksinhuoltaja yksinhuoltajan yksinhuoltajaa yksinhuoltajalla yksinhuoltajalle "
        "yksinhuoltajat",
        "huoltaja",
    ),
    _w(
        "lähisuhdeväkivalta lähisuhdeväkivallan lähisuhdeväkivaltaa lähisuhdeväkivallassa "
        "lähisuhdeväkivaltaan",
        "suhde väkivalta",
    ),
    _w(
        "maahanmuuttaja maahanmuuttajien maahanmuuttajaa maahanmuuttajalla maahanmuuttajalle "
        "maahanmuuttajat"
    ),
    _w("harrastus harrastuksen harrastusta harrastuksessa harrastukseen harrastukset"),
    _w("liikunta liikunnan liikuntaa liikunnassa liikuntaan"),
    _w("adoptio adoption adoptiota adoptiossa adoptioon"),
    _w("erityistuki erityistuen erityistukea erityistuessa erityistukeen", "tuki"),
    _w("neuvonta neuvonnan neuvontaa neuvonnassa neuvontaan"),
    _w("terapia terapian terapiaa terapiassa terapiaan terapiat"),
    _w("ryhmä ryhmän ryhmää ryhmässä ryhmään ryhmät"),
    _w("tuki tuen tukea tuessa tukeen"),
    _w("uupumus uupumuksen uupumusta uupumuksessa uupumukseen"),
    _w("masennus masennuksen masennusta masennuksessa masennukseen"),
    _w("raskaus raskauden raskautta raskaudessa raskauteen"),
    _w("isyys isyyden isyyttä isyydessä isyyteen"),
    _w("huolenpito huolenpidon huolenpitoa huolenpidossa huolenpitoon"),
    _w("kehitys kehityksen kehitystä kehityksessä kehitykseen"),
    _w("uni unen unta unessa uneen"),
    _w("ravitsemus ravitsemuksen ravitsemusta ravitsemuksessa ravitsemukseen"),
    _w("rokotus rokotuksen rokotusta rokotuksessa rokotukseen rokotukset"),
    _w("kahvila kahvilan kahvilaa kahvilassa kahvilaan kahvilat"),
    _w("leiri leirin leiriä leirillä leirille leirit"),
]

# Finnish makes new service names by compounding (*isäkerho*, *vauvaryhmä*,
# *nuortenpsykologi*): each prefix with each base gives a service type whose
# forms inflect the last part.
COMPOUND_PREFIXES = [
    ("lasten", "lapsi"),
    ("nuorten", "nuori"),
    ("perhe", "perhe"),
    ("koulu", "koulu"),
    ("vauva", "vauva"),
    ("isä", "isä"),
    ("äiti", "äiti"),
    ("kriisi", "kriisi"),
    ("ero", "ero"),
    ("sisarus", "sisarus"),
    ("leikki", "leikki"),
    ("liikunta", "liikunta"),
    ("musiikki", "musiikki"),
    ("seurakunta", "seurakunta"),
    ("kylä", "kylä"),
    ("ilta", "ilta"),
]
COMPOUND_BASES = (
    "neuvola kerho psykologi kuraattori ryhmä terapia neuvonta kahvila sovittelu leiri"
).split()


def _compound_types(words: list[Word]) -> list[Word]:
    by_lemma = {word.lemma: word for word in words}
    result = []
    for surface, lemma in COMPOUND_PREFIXES:
        for base_lemma in COMPOUND_BASES:
            base = by_lemma[base_lemma]
            if surface + base.lemma in by_lemma:
                continue
            result.append(
                Word(
                    surface + base.lemma,
                    tuple(surface + form for form in base.forms),
                    (lemma, base.lemma, *base.parts),
                    "fi",
                    True,
                )
            )
    return result


FINNISH_WORDS = BASE_WORDS + _compound_types(BASE_WORDS)


def _x(language: str, forms: str, service_type: bool = True) -> Word:
    items = forms.split()
    return Word(items[0], tuple(items), (), language, service_type)


# Swedish and English service words: base form first, then inflected forms.
OTHER_WORDS = [
    _x("sv", "familjecentral familjecentralen familjecentralens familjecentraler"),
    _x("sv", "barnrådgivning barnrådgivningen barnrådgivningens"),
    _x("sv", "familjerådgivning familjerådgivningen familjerådgivningens"),
    _x("sv", "kamratstöd kamratstödet kamratstödets"),
    _x("sv", "hemservice hemservicen hemservicens"),
    _x("sv", "barnskydd barnskyddet barnskyddets"),
    _x("sv", "skolkurator skolkuratorn skolkuratorns skolkuratorer"),
    _x("sv", "talterapi talterapin talterapins"),
    _x("sv", "familjearbete familjearbetet familjearbetets"),
    _x("sv", "ungdomsarbete ungdomsarbetet ungdomsarbetets"),
    _x("en", "family families family's"),
    _x("en", "clinic clinics clinic's"),
    _x("en", "counselling counselling counselling"),
    _x("en", "parent parents parenting"),
    _x("en", "therapy therapies therapy"),
    _x("en", "group groups group's"),
    _x("en", "support supported supporting"),
    _x("en", "centre centres centre's"),
]

SWEDISH_SENTENCES = [
    "Vi erbjuder {a} och {b} för hela familjen.",
    "Kontakta {a} om du behöver stöd i vardagen.",
    "Tjänsten är avgiftsfri och konfidentiell.",
]
ENGLISH_SENTENCES = [
    "We offer {a} and {b} for the whole family.",
    "Contact the {a} if you need help in everyday life.",
    "The service is free and confidential.",
]

# Sentence templates: {a:case} is a vocabulary word in that case. The fixed
# words avoid the vocabulary so that the ground truth stays exact.
FINNISH_SENTENCES = [
    "{a:ine} saat apua ja neuvoja arjen kysymyksiin.",
    "Tarjoamme {a:par} ja {b:par} koko alueella.",
    "Ota yhteyttä {a:ill}, kun tarvitset {b:par}.",
    "Käynnit ovat maksuttomia ja luottamuksellisia.",
    "Voit varata ajan puhelimitse tai sähköisesti.",
    "{a:ine} keskustellaan myös {b:gen} asioista.",
    "Autamme {a:gen} ja {b:gen} kysymyksissä.",
    "Tule mukaan {a:ill}!",
    "Palvelussa huomioidaan {a:gen} tarpeet.",
    "{a:pl} kokoontuvat viikoittain.",
    "Asiantuntijamme auttavat {a:gen} ja {b:gen} teemoissa.",
    "Tavoitteena on vahvistaa {a:par}.",
    "Saat tietoa {a:ine} ja {b:ine}.",
    "{a:nom} sopii kaikille, jotka kaipaavat {b:par}.",
]
HOW_TO = [
    "Varaa aika puhelimitse arkisin kello 8–12.",
    "Voit tulla ilman ajanvarausta aukioloaikoina.",
    "Jätä yhteydenottopyyntö sähköisessä asiointipalvelussa.",
    "Soita ja sovi käynnistä.",
]
ELIGIBILITY = [
    "Palvelua voivat käyttää {a:pl} ja {b:pl}.",
    "Palvelu on tarkoitettu alueen asukkaille.",
    "Kuka tahansa voi osallistua.",
]

# Municipalities: Statistics Finland code, name, approximate centre (WGS84).
MUNICIPALITIES = [
    ("091", "Helsinki", 60.1699, 24.9384, True),
    ("049", "Espoo", 60.2055, 24.6559, True),
    ("092", "Vantaa", 60.2934, 25.0378, True),
    ("837", "Tampere", 61.4978, 23.7610, False),
    ("853", "Turku", 60.4518, 22.2666, True),
    ("564", "Oulu", 65.0121, 25.4651, False),
    ("179", "Jyväskylä", 62.2426, 25.7473, False),
    ("297", "Kuopio", 62.8924, 27.6770, False),
    ("398", "Lahti", 60.9827, 25.6612, False),
    ("609", "Pori", 61.4851, 21.7974, False),
    ("167", "Joensuu", 62.6010, 29.7636, False),
    ("405", "Lappeenranta", 61.0587, 28.1887, False),
    ("109", "Hämeenlinna", 60.9959, 24.4643, False),
    ("905", "Vaasa", 63.0951, 21.6165, True),
    ("743", "Seinäjoki", 62.7903, 22.8403, False),
    ("698", "Rovaniemi", 66.5039, 25.7294, False),
    ("491", "Mikkeli", 61.6886, 27.2723, False),
    ("285", "Kotka", 60.4664, 26.9458, False),
    ("638", "Porvoo", 60.3923, 25.6651, True),
    ("272", "Kokkola", 63.8385, 23.1307, True),
    ("205", "Kajaani", 64.2273, 27.7285, False),
    ("148", "Inari", 68.9056, 27.0288, False),
    ("710", "Raasepori", 59.9752, 23.4363, True),
    ("598", "Pietarsaari", 63.6749, 22.7026, True),
]
LANGUAGES = [
    ("fi", "suomi", "suomi"),
    ("sv", "ruotsi", "svenska"),
    ("en", "englanti", "English"),
    ("ru", "venäjä", "русский"),
    ("so", "somali", "Soomaali"),
    ("ar", "arabia", "العربية"),
    ("et", "viro", "eesti"),
    ("uk", "ukraina", "українська"),
]
LIFE_SITUATIONS = [
    ("raskaus-ja-vauva", "Raskaus ja vauva-arki", "Graviditet och babytid", "Pregnancy and baby"),
    ("kasvatus", "Kasvatus ja vanhemmuus", "Fostran och föräldraskap", "Parenting"),
    (
        "parisuhde-ja-ero",
        "Parisuhde ja ero",
        "Parrelation och skilsmässa",
        "Couples and separation",
    ),
    ("mieli", "Mieli ja jaksaminen", "Psykiskt välmående", "Mental wellbeing"),
    ("koulu", "Koulu ja opiskelu", "Skola och studier", "School and studies"),
    ("talous", "Talous ja asuminen", "Ekonomi och boende", "Money and housing"),
    ("vapaa-aika", "Vapaa-aika ja harrastukset", "Fritid och hobbyer", "Free time and hobbies"),
    ("kriisi", "Kriisit ja väkivalta", "Kriser och våld", "Crises and violence"),
]
TARGET_GROUPS = [
    ("odottavat", "Odottavat perheet", "Väntande familjer", "Expecting families"),
    ("vauvaperheet", "Vauvaperheet", "Babyfamiljer", "Families with babies"),
    ("lapset", "Lapset", "Barn", "Children"),
    ("nuoret", "Nuoret", "Unga", "Young people"),
    ("vanhemmat", "Vanhemmat", "Föräldrar", "Parents"),
]
ORGANISATION_KINDS = [
    (Organization.Kind.WELLBEING_COUNTY, "{m} hyvinvointialue"),
    (Organization.Kind.MUNICIPALITY, "{m} kaupunki"),
    (Organization.Kind.STATE, "Valtion palvelukeskus {i}"),
    (Organization.Kind.NGO, "{m} perheyhdistys ry"),
    (Organization.Kind.PARISH, "{m} seurakunta"),
    (Organization.Kind.PRIVATE, "Hoivapalvelut {i} Oy"),
    (Organization.Kind.PEER_GROUP, "Vanhempien vertaisverkosto {i}"),
]


@dataclass
class GeneratedCatalogue:
    """What was generated, with the ground truth for relevance."""

    service_ids: list[uuid.UUID] = field(default_factory=list)
    # Per service: every lemma its texts contain (compound parts included).
    lemmas: dict[uuid.UUID, frozenset[str]] = field(default_factory=dict)
    # Per service: the lemmas of its name only.
    name_lemmas: dict[uuid.UUID, frozenset[str]] = field(default_factory=dict)
    words: list[Word] = field(default_factory=list)
    municipality_codes: list[str] = field(default_factory=list)
    language_codes: list[str] = field(default_factory=list)
    indexed: int = 0


def _reference_data() -> tuple[list, list, list, list]:
    municipalities = []
    for code, name, lat, lon, bilingual in MUNICIPALITIES:
        municipality, _ = Municipality.objects.get_or_create(
            code=code, defaults={"name": name, "bilingual": bilingual}
        )
        municipalities.append((municipality, lat, lon))
    languages = []
    for code, name_fi, endonym in LANGUAGES:
        language, _ = Language.objects.get_or_create(
            code=code, defaults={"name_fi": name_fi, "name": name_fi, "endonym": endonym}
        )
        languages.append(language)
    terms = {}
    for taxonomy, rows in (
        (TaxonomyTerm.Taxonomy.LIFE_SITUATION, LIFE_SITUATIONS),
        (TaxonomyTerm.Taxonomy.TARGET_GROUP, TARGET_GROUPS),
    ):
        terms[taxonomy] = []
        for order, (code, fi, sv, en) in enumerate(rows):
            term, _ = TaxonomyTerm.objects.get_or_create(
                taxonomy=taxonomy,
                code=code,
                defaults={"name": fi, "name_fi": fi, "name_sv": sv, "name_en": en, "order": order},
            )
            terms[taxonomy].append(term)
    return (
        municipalities,
        languages,
        terms[TaxonomyTerm.Taxonomy.LIFE_SITUATION],
        terms[TaxonomyTerm.Taxonomy.TARGET_GROUP],
    )


# Vocabulary forms inside fixed texts (taxonomy and organisation names) that
# the form tables do not list: compounds.
EXTRA_FORMS = {
    "vauvaperheet": frozenset({"vauva", "perhe"}),
    "perheyhdistys": frozenset({"perhe"}),
}


def _form_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for word in (*FINNISH_WORDS, *OTHER_WORDS):
        for form in word.forms:
            index.setdefault(form.lower(), set()).update(word.contains)
    for form, lemmas in EXTRA_FORMS.items():
        index.setdefault(form, set()).update(lemmas)
    return {form: frozenset(lemmas) for form, lemmas in index.items()}


FORM_INDEX = _form_index()
_TOKEN = re.compile(r"[^\W_]+(?:'s)?")


def lemmas_in(*texts: str | None) -> frozenset[str]:
    """The vocabulary lemmas (compound parts included) that the texts contain,
    by the generator's own form tables — independent of the search analyser."""
    found: set[str] = set()
    for value in texts:
        for token in _TOKEN.findall((value or "").lower()):
            found |= FORM_INDEX.get(token, frozenset())
    return frozenset(found)


# Words of the field that any service's text may use.
GENERAL_LEMMAS = frozenset(
    "lapsi nuori perhe vauva koulu vanhemmuus kasvatus tuki ryhmä neuvonta kehitys "
    "harrastus parisuhde mielenterveys uni".split()
)


class _Composer:
    """Builds texts from the vocabulary."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.types = [w for w in FINNISH_WORDS if w.service_type]
        self.general = [w for w in FINNISH_WORDS if w.lemma in GENERAL_LEMMAS]
        self.topical = [w for w in FINNISH_WORDS if w.lemma not in GENERAL_LEMMAS]
        # Service types are mildly Zipf-distributed: some kinds are common,
        # many are rare.
        rng.shuffle(self.types)
        self.type_weights = [1.0 / (1 + i * 0.05) for i in range(len(self.types))]
        self.kind = self.types[0]
        self.swedish = [w for w in OTHER_WORDS if w.language == "sv"]
        self.english = [w for w in OTHER_WORDS if w.language == "en"]

    def service_type(self) -> Word:
        self.kind = self.rng.choices(self.types, weights=self.type_weights)[0]
        return self.kind

    def word(self) -> Word:
        """A word for a slot: texts stay on their service's topic and use
        the general words of the field; now and then any other word."""
        roll = self.rng.random()
        if roll < 0.3:
            return self.kind
        if roll < 0.9:
            return self.rng.choice(self.general)
        return self.rng.choice(self.topical)

    def fill(self, template: str, first: Word | None = None) -> str:
        out = template
        for slot, word in (("a", first or self.word()), ("b", self.word())):
            for case in Word.CASES:
                out = out.replace("{" + f"{slot}:{case}" + "}", word.form(case))
        return out[0].upper() + out[1:]

    def other(self, words: list[Word], sentences: list[str], first: Word) -> str:
        second = self.rng.choice(words)
        return " ".join(
            sentence.format(a=self.rng.choice(first.forms), b=self.rng.choice(second.forms))
            for sentence in sentences
        )


def generate_services(n: int, *, seed: int = 0, index: bool = True) -> GeneratedCatalogue:
    """Write ``n`` services with their organisations, locations, channels and
    hours, index them, and return the ground truth."""
    rng = random.Random(seed)
    result = GeneratedCatalogue(words=[*FINNISH_WORDS, *OTHER_WORDS])
    with transaction.atomic():
        municipalities, languages, life_situations, target_groups = _reference_data()
        result.municipality_codes = [m.code for m, _lat, _lon in municipalities]
        result.language_codes = [language.code for language in languages]
        composer = _Composer(rng)

        organisations = []
        for i in range(max(1, n // 40)):
            kind, pattern = rng.choice(ORGANISATION_KINDS)
            municipality, _lat, _lon = rng.choice(municipalities)
            organisations.append(
                Organization(
                    name=pattern.format(m=municipality.name, i=seed * 100000 + i),
                    name_fi=pattern.format(m=municipality.name, i=seed * 100000 + i),
                    kind=kind,
                    municipality=municipality,
                )
            )
        Organization.objects.bulk_create(organisations, batch_size=2000)

        locations = []
        for organisation in organisations:
            for _ in range(rng.randint(1, 3)):
                municipality, lat, lon = rng.choice(municipalities)
                street = rng.choice(["Keskuskatu", "Koulukatu", "Kirkkotie", "Puistokatu"])
                locations.append(
                    Location(
                        organization=organisation,
                        name=f"{municipality.name} {street}",
                        name_fi=f"{municipality.name} {street}",
                        street_address=f"{street} {rng.randint(1, 60)}",
                        street_address_fi=f"{street} {rng.randint(1, 60)}",
                        postal_code=f"{rng.randint(0, 99999):05d}",
                        post_office=municipality.name.upper(),
                        post_office_fi=municipality.name.upper(),
                        municipality=municipality,
                        latitude=min(70.0, max(59.5, lat + rng.uniform(-0.08, 0.08))),
                        longitude=min(31.5, max(19.5, lon + rng.uniform(-0.15, 0.15))),
                        step_free_access=rng.random() < 0.7,
                    )
                )
        Location.objects.bulk_create(locations, batch_size=2000)
        locations_by_org: dict = {}
        for location in locations:
            locations_by_org.setdefault(location.organization_id, []).append(location)

        services, channels, links = [], [], []
        org_names = {o.id: o.name_fi for o in organisations}
        term_names = {
            t.id: (t.name_fi, t.name_sv, t.name_en) for t in (*life_situations, *target_groups)
        }
        for _ in range(n):
            organisation = rng.choice(organisations)
            kind = composer.service_type()
            municipality, _lat, _lon = rng.choice(municipalities)
            name_fi = rng.choice(
                [
                    f"{kind.form('nom').capitalize()}, {municipality.name}",
                    f"{kind.form('nom').capitalize()}",
                    f"{rng.choice(composer.general).form('gen').capitalize()} {kind.form('nom')}",
                ]
            )
            summary = composer.fill(rng.choice(FINNISH_SENTENCES), first=kind)
            description = " ".join(
                composer.fill(rng.choice(FINNISH_SENTENCES)) for _ in range(rng.randint(3, 7))
            )
            eligibility = composer.fill(rng.choice(ELIGIBILITY))
            service = Service(
                organization=organisation,
                name=name_fi,
                name_fi=name_fi,
                summary=summary,
                summary_fi=summary,
                description_fi=description,
                how_to_get_help_fi=rng.choice(HOW_TO),
                eligibility_description_fi=eligibility,
                cost=rng.choices(list(Service.Cost.values), weights=[6, 3, 1])[0],
                age_min=rng.choice([None, 0, 0, 3, 7, 13]),
                anonymous=rng.random() < 0.2,
                referral_required=rng.random() < 0.2,
                low_threshold=rng.random() < 0.5,
                national=rng.random() < 0.05,
            )
            if service.age_min is not None:
                service.age_max = rng.choice(
                    [a for a in (6, 12, 17, 18, 29) if a >= service.age_min]
                )
            if rng.random() < 0.2:
                word = rng.choice(composer.swedish)
                service.name_sv = word.forms[0].capitalize()
                service.summary_sv = composer.other(composer.swedish, SWEDISH_SENTENCES, word)
            if rng.random() < 0.1:
                word = rng.choice(composer.english)
                service.name_en = f"{word.forms[0].capitalize()} services"
                service.summary_en = composer.other(composer.english, ENGLISH_SENTENCES, word)
            services.append(service)
            result.service_ids.append(service.id)
            situations = rng.sample(life_situations, rng.randint(1, 2))
            groups = rng.sample(target_groups, rng.randint(1, 2))
            name_texts = (service.name_fi, service.name_sv, service.name_en)
            result.name_lemmas[service.id] = lemmas_in(*name_texts)
            result.lemmas[service.id] = lemmas_in(
                *name_texts,
                service.summary_fi,
                service.summary_sv,
                service.summary_en,
                service.description_fi,
                service.how_to_get_help_fi,
                service.eligibility_description_fi,
                org_names[organisation.id],
                *(name for t in (*situations, *groups) for name in term_names[t.id]),
            )

            org_locations = locations_by_org[organisation.id]
            kinds = rng.sample(list(ServiceChannel.Kind.values), rng.randint(1, 3))
            for order, channel_kind in enumerate(kinds):
                location = rng.choice(org_locations) if channel_kind == "in_person" else None
                channels.append(
                    ServiceChannel(
                        service=service,
                        kind=channel_kind,
                        location=location,
                        phone="09 123 4567" if channel_kind == "phone" else "",
                        url="https://example.fi/palvelu"
                        if channel_kind in ("web", "video")
                        else "",
                        order=order,
                    )
                )
            links.append(
                (
                    service,
                    rng.sample(languages[:3], rng.randint(1, 2))
                    + (rng.sample(languages[3:], 1) if rng.random() < 0.15 else []),
                    situations,
                    groups,
                    [municipality]
                    + (
                        [m for m, _a, _b in rng.sample(municipalities, 2)]
                        if rng.random() < 0.2
                        else []
                    ),
                )
            )

        Service.objects.bulk_create(services, batch_size=2000)
        ServiceChannel.objects.bulk_create(channels, batch_size=2000)
        hours = []
        for channel in channels:
            if channel.kind in ("in_person", "phone"):
                for weekday in range(5):
                    hours.append(
                        OpeningHours(
                            channel=channel,
                            weekday=weekday,
                            opens=datetime.time(8 + rng.randint(0, 2)),
                            closes=datetime.time(15 + rng.randint(0, 4)),
                        )
                    )
        OpeningHours.objects.bulk_create(hours, batch_size=5000)

        language_links, situation_links, group_links, area_links = [], [], [], []
        for service, langs, situations, groups, areas in links:
            language_links += [
                Service.languages.through(service_id=service.id, language_id=x.id) for x in langs
            ]
            situation_links += [
                Service.life_situations.through(service_id=service.id, taxonomyterm_id=x.id)
                for x in situations
            ]
            group_links += [
                Service.target_groups.through(service_id=service.id, taxonomyterm_id=x.id)
                for x in groups
            ]
            area_links += [
                Service.areas.through(service_id=service.id, municipality_id=x.id)
                for x in {a.id: a for a in areas}.values()
            ]
        for model, rows in (
            (Service.languages.through, language_links),
            (Service.life_situations.through, situation_links),
            (Service.target_groups.through, group_links),
            (Service.areas.through, area_links),
        ):
            model.objects.bulk_create(rows, batch_size=5000)

    if index:
        result.indexed = index_services(result.service_ids)
    return result
