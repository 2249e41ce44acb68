"""factory-boy factories for the catalogue and the regions it serves.

Translated fields are filled per language (``name_fi``, ``name_sv``,
``name_en``) with Finnish and Swedish fake data. The factories only write
rows: nothing here indexes services for search, so tests that search call
the indexer themselves.
"""

import datetime
import random

import factory
from django.utils import timezone

from perhekeskus.catalogue.models import (
    HoursException,
    Language,
    Location,
    OpeningHours,
    Organization,
    Service,
    ServiceChannel,
    TaxonomyTerm,
)
from perhekeskus.core.tests.fakes import fake
from perhekeskus.programme.models import Municipality, Region

# (fi, sv, en) service topics: enough for believable names in every language.
SERVICE_TOPICS = [
    ("Lastenneuvola", "Barnrådgivning", "Child health clinic"),
    ("Äitiysneuvola", "Mödrarådgivning", "Maternity clinic"),
    ("Perheneuvola", "Familjerådgivning", "Family counselling clinic"),
    ("Perhetyö", "Familjearbete", "Family work"),
    ("Lapsiperheiden kotipalvelu", "Hemservice för barnfamiljer", "Home help for families"),
    ("Puheterapia", "Talterapi", "Speech therapy"),
    ("Koulukuraattori", "Skolkurator", "School social worker"),
    ("Koulupsykologi", "Skolpsykolog", "School psychologist"),
    ("Nuorten matalan kynnyksen tuki", "Lågtröskelstöd för unga", "Low-threshold youth support"),
    ("Eropalvelu", "Skilsmässotjänst", "Separation support"),
    ("Vertaisryhmä vanhemmille", "Kamratgrupp för föräldrar", "Peer group for parents"),
    ("Perhekahvila", "Familjecafé", "Family café"),
    ("Kriisipuhelin", "Kristelefon", "Crisis helpline"),
    ("Parisuhdeneuvonta", "Parrelationsrådgivning", "Couple counselling"),
]

# (fi, sv, en) words that make varied, readable summaries.
SUMMARY_PHRASES = [
    (
        "Tukea lapsiperheen arkeen ja vanhemmuuteen.",
        "Stöd i barnfamiljens vardag och i föräldraskapet.",
        "Support for everyday family life and parenting.",
    ),
    (
        "Keskusteluapua ja neuvontaa ilman lähetettä.",
        "Samtalsstöd och rådgivning utan remiss.",
        "Someone to talk to and advice without a referral.",
    ),
    (
        "Maksutonta ohjausta koko perheelle.",
        "Avgiftfri handledning för hela familjen.",
        "Free guidance for the whole family.",
    ),
    (
        "Apua lapsen kasvuun ja kehitykseen liittyvissä kysymyksissä.",
        "Hjälp i frågor om barnets växande och utveckling.",
        "Help with questions about your child's growth and development.",
    ),
]

# Fictional coordinates stay inside Finland's mainland bounding box.
LATITUDE_RANGE = (60.2, 65.0)
LONGITUDE_RANGE = (22.0, 29.5)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test-{n}")
    kind = Region.Kind.WELLBEING_COUNTY
    name_fi = factory.LazyAttribute(lambda o: f"{o.base_name}n hyvinvointialue")
    name_sv = factory.LazyAttribute(lambda o: f"Välfärdsområdet {o.base_name}")
    name_en = factory.LazyAttribute(lambda o: f"{o.base_name} Wellbeing Services County")

    class Params:
        base_name = factory.Faker("city", locale="fi_FI")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    # 000–899: the demo region's fictional municipalities use 9xx.
    code = factory.Sequence(lambda n: f"{n % 900:03d}")
    name_fi = factory.Faker("city", locale="fi_FI")
    name_sv = factory.Faker("city", locale="sv_SE")
    name_en = factory.SelfAttribute("name_fi")
    bilingual = False
    region = factory.SubFactory(RegionFactory)


class TaxonomyTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaxonomyTerm
        django_get_or_create = ("taxonomy", "code")

    taxonomy = TaxonomyTerm.Taxonomy.LIFE_SITUATION
    code = factory.Sequence(lambda n: f"term-{n}")
    name_fi = factory.Sequence(lambda n: f"Elämäntilanne {n}")
    name_sv = factory.Sequence(lambda n: f"Livssituation {n}")
    name_en = factory.Sequence(lambda n: f"Life situation {n}")
    description_fi = "Tilanteet, joissa perhe tarvitsee tukea."
    description_sv = "Situationer där familjen behöver stöd."
    description_en = "Situations in which a family needs support."
    order = factory.Sequence(lambda n: n)


class TargetGroupFactory(TaxonomyTermFactory):
    taxonomy = TaxonomyTerm.Taxonomy.TARGET_GROUP
    code = factory.Sequence(lambda n: f"group-{n}")
    name_fi = factory.Sequence(lambda n: f"Kohderyhmä {n}")
    name_sv = factory.Sequence(lambda n: f"Målgrupp {n}")
    name_en = factory.Sequence(lambda n: f"Target group {n}")


def _local_use_code(n: int) -> str:
    # ISO 639-2 reserves qaa–qtz for local use, so these never clash with real codes.
    letters = "abcdefghijklmnopqrstuvwxyz"
    n %= 20 * 26
    return f"q{letters[n // 26]}{letters[n % 26]}"


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("code",)

    code = factory.Sequence(_local_use_code)
    name_fi = factory.LazyAttribute(lambda o: f"kieli {o.code}")
    name_sv = factory.LazyAttribute(lambda o: f"språk {o.code}")
    name_en = factory.LazyAttribute(lambda o: f"language {o.code}")
    endonym = factory.SelfAttribute("code")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    kind = Organization.Kind.NGO
    name_fi = fake("company")
    name_sv = fake("company", "sv_SE")
    name_en = factory.SelfAttribute("name_fi")
    description_fi = "Järjestö tukee lapsiperheitä vertaistuella ja neuvonnalla."
    description_sv = "Organisationen stöder barnfamiljer med kamratstöd och rådgivning."
    description_en = "The organisation supports families with peer support and advice."
    website = factory.Sequence(lambda n: f"https://org{n}.example.fi/")
    email = factory.Sequence(lambda n: f"info@org{n}.example.fi")
    phone = factory.Faker("phone_number", locale="fi_FI")
    municipality = None


class ServiceFactory(factory.django.DjangoModelFactory):
    """A service; pass lists for the many-to-many fields.

    ``ServiceFactory(languages=[fi, sv], areas=[municipality])``.
    """

    class Meta:
        model = Service
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    name_fi = factory.LazyAttribute(lambda o: f"{o.topic[0]} {o.place}")
    name_sv = factory.LazyAttribute(lambda o: f"{o.topic[1]} {o.place}")
    name_en = factory.LazyAttribute(lambda o: f"{o.topic[2]}, {o.place}")
    summary_fi = factory.LazyAttribute(lambda o: o.phrase[0])
    summary_sv = factory.LazyAttribute(lambda o: o.phrase[1])
    summary_en = factory.LazyAttribute(lambda o: o.phrase[2])
    description_fi = factory.LazyAttribute(
        lambda o: f"{o.topic[0]} palvelee perheitä paikkakunnalla {o.place}. {o.phrase[0]}"
    )
    description_sv = factory.LazyAttribute(
        lambda o: f"{o.topic[1]} betjänar familjer i {o.place}. {o.phrase[1]}"
    )
    description_en = factory.LazyAttribute(
        lambda o: f"{o.topic[2]} serves families in {o.place}. {o.phrase[2]}"
    )
    how_to_get_help_fi = "Soita tai tule paikan päälle aukioloaikana."
    how_to_get_help_sv = "Ring eller kom på plats under öppettiderna."
    how_to_get_help_en = "Call or drop in during opening hours."
    cost = Service.Cost.FREE
    status = Service.Status.ACTIVE
    email = factory.Sequence(lambda n: f"palvelu{n}@example.fi")
    url = factory.Sequence(lambda n: f"https://palvelut.example.fi/{n}")
    last_reviewed_at = factory.LazyFunction(timezone.now)

    class Params:
        topic = factory.Iterator(SERVICE_TOPICS)
        phrase = factory.Iterator(SUMMARY_PHRASES)
        place = factory.Faker("city", locale="fi_FI")

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)

    @factory.post_generation
    def life_situations(self, create, extracted, **kwargs):
        if create and extracted:
            self.life_situations.set(extracted)

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(extracted)

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organization = factory.SubFactory(OrganizationFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    name_fi = factory.LazyAttribute(lambda o: f"Perhekeskus {o.municipality.name_fi}")
    name_sv = factory.LazyAttribute(lambda o: f"Familjecentralen {o.municipality.name_sv}")
    name_en = factory.LazyAttribute(lambda o: f"{o.municipality.name_fi} Family Centre")
    street_address_fi = factory.Faker("street_address", locale="fi_FI")
    street_address_sv = factory.Faker("street_address", locale="sv_SE")
    postal_code = factory.Faker("postcode", locale="fi_FI")
    post_office_fi = factory.LazyAttribute(lambda o: o.municipality.name_fi.upper())
    post_office_sv = factory.LazyAttribute(lambda o: (o.municipality.name_sv or "").upper())
    latitude = factory.Faker("pyfloat", min_value=LATITUDE_RANGE[0], max_value=LATITUDE_RANGE[1])
    longitude = factory.Faker("pyfloat", min_value=LONGITUDE_RANGE[0], max_value=LONGITUDE_RANGE[1])
    accessibility_fi = "Esteetön sisäänkäynti pääovelta, hissi kaikkiin kerroksiin."
    accessibility_sv = "Tillgänglig ingång via huvuddörren, hiss till alla våningar."
    accessibility_en = "Step-free entrance at the main door, lift to all floors."
    step_free_access = True
    accessible_toilet = True
    hearing_loop = False
    parking = True


class ServiceChannelFactory(factory.django.DjangoModelFactory):
    """A phone channel by default; use ``InPersonChannelFactory`` for visits."""

    class Meta:
        model = ServiceChannel

    service = factory.SubFactory(ServiceFactory)
    kind = ServiceChannel.Kind.PHONE
    location = None
    description_fi = "Puhelinaika arkisin."
    description_sv = "Telefontid vardagar."
    description_en = "Phone hours on weekdays."
    phone = factory.LazyFunction(lambda: f"+358 40 {random.randint(1000000, 9999999)}")
    phone_charge_fi = "Puhelun hinta on matkapuhelin- tai paikallisverkkomaksu."
    phone_charge_sv = "Samtalet kostar lokalnäts- eller mobilsamtalsavgift."
    phone_charge_en = "Calls cost the local or mobile network rate."
    order = 0


class InPersonChannelFactory(ServiceChannelFactory):
    kind = ServiceChannel.Kind.IN_PERSON
    location = factory.SubFactory(
        LocationFactory, organization=factory.SelfAttribute("..service.organization")
    )
    phone = ""
    phone_charge_fi = ""
    phone_charge_sv = ""
    phone_charge_en = ""
    description_fi = "Asiointi paikan päällä."
    description_sv = "Besök på plats."
    description_en = "Visit in person."


class WebChannelFactory(ServiceChannelFactory):
    kind = ServiceChannel.Kind.WEB
    phone = ""
    phone_charge_fi = ""
    phone_charge_sv = ""
    phone_charge_en = ""
    url = factory.Sequence(lambda n: f"https://asiointi.example.fi/{n}")
    description_fi = "Sähköinen asiointi."
    description_sv = "E-tjänst."
    description_en = "E-service."


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningHours

    channel = factory.SubFactory(ServiceChannelFactory)
    weekday = OpeningHours.Weekday.MONDAY
    opens = datetime.time(8, 0)
    closes = datetime.time(16, 0)


class HoursExceptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HoursException

    channel = factory.SubFactory(ServiceChannelFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    closed = True
    note_fi = "Suljettu"
    note_sv = "Stängt"
    note_en = "Closed"
