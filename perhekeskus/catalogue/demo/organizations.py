"""The organisations of the demo region: public, NGO, parish, private, peer.

All names are invented; any likeness to a real association is in the kind of
work only, never in the text.
"""

from .region import COUNTY_DOMAIN, PLACES
from .schema import OrganizationData, t


def business_id(base: str) -> str:
    """A Finnish business ID (Y-tunnus) with its check digit computed.

    Seven digits whose weighted remainder is 1 have no valid check digit;
    none of the demo's bases is such.
    """
    weights = (7, 9, 10, 5, 8, 4, 2)
    remainder = sum(int(d) * w for d, w in zip(base, weights, strict=True)) % 11
    if remainder == 1:
        raise ValueError(f"{base} has no valid check digit")
    return f"{base}-{0 if remainder == 0 else 11 - remainder}"


COUNTY = OrganizationData(
    key="county",
    kind="wellbeing_county",
    name=t(
        "Järvi-Saimaan hyvinvointialue",
        "Välfärdsområdet Järvi-Saimaa",
        "Järvi-Saimaa Wellbeing Services County",
    ),
    description=t(
        "Järvi-Saimaan hyvinvointialue järjestää alueensa viiden kunnan asukkaille sosiaali- ja "
        "terveyspalvelut sekä pelastustoimen. Lapsiperheiden palvelut kootaan perhekeskukseen, "
        "jossa neuvolat, perheneuvola, perhetyö ja sosiaalityö toimivat yhdessä kuntien, "
        "järjestöjen ja seurakuntien kanssa.",
        "Välfärdsområdet Järvi-Saimaa ordnar social- och hälsovård och räddningsväsende för "
        "invånarna i områdets fem kommuner. Tjänsterna för barnfamiljer samlas i "
        "familjecentralen, där rådgivningen, familjerådgivningen, familjearbetet och det sociala "
        "arbetet samarbetar med kommunerna, organisationerna och församlingarna.",
        "Järvi-Saimaa Wellbeing Services County organises social and health care and rescue "
        "services for the residents of its five municipalities. Services for families with "
        "children are gathered in the family centre, where clinics, family counselling, family "
        "work and social work cooperate with municipalities, NGOs and parishes.",
    ),
    website=f"https://www.{COUNTY_DOMAIN}/",
    email=f"kirjaamo@{COUNTY_DOMAIN}",
    phone="015 555 0100",
    municipality="951",
    business_id=business_id("3221155"),
)

_MUNICIPALITY_NAMES = {
    "951": t("Kaislarannan kaupunki", "Kaislaranta stad", "City of Kaislaranta"),
    "952": t("Ahvenveden kunta", "Ahvenvesi kommun", "Municipality of Ahvenvesi"),
    "953": t("Koivumäen kunta", "Koivumäki kommun", "Municipality of Koivumäki"),
    "954": t("Lohiniemen kaupunki", "Laxnäs stad", "Town of Lohiniemi"),
    "955": t("Kuusilahden kunta", "Kuusilahti kommun", "Municipality of Kuusilahti"),
}
_MUNICIPALITY_BASES = {
    "951": "0163512",
    "952": "0172645",
    "953": "0181773",
    "954": "0194216",
    "955": "0208354",
}

MUNICIPALITIES = tuple(
    OrganizationData(
        key=f"municipality-{place.code}",
        kind="municipality",
        name=_MUNICIPALITY_NAMES[place.code],
        description=t(
            f"{place.genitive} kunta vastaa varhaiskasvatuksesta, perusopetuksesta, "
            "nuorisotyöstä sekä kulttuuri- ja liikuntapalveluista. Sosiaali- ja "
            "terveyspalvelut järjestää Järvi-Saimaan hyvinvointialue.",
            f"{place.name[1]} ansvarar för småbarnspedagogik, grundläggande utbildning, "
            "ungdomsarbete samt kultur- och idrottstjänster. Social- och hälsovården ordnas av "
            "välfärdsområdet Järvi-Saimaa."
            if place.bilingual
            else "",
            f"{place.name[2]} is responsible for early childhood education, basic education, "
            "youth work, and culture and sports services. Social and health care is organised "
            "by Järvi-Saimaa Wellbeing Services County.",
        ),
        website=f"https://www.{place.domain}/",
        email=f"kirjaamo@{place.domain}",
        phone=f"{place.phone_prefix}000",
        municipality=place.code,
        business_id=business_id(_MUNICIPALITY_BASES[place.code]),
    )
    for place in PLACES
)


def _org(key, kind, name, description, domain, *, municipality=None, base="", phone=""):
    return OrganizationData(
        key=key,
        kind=kind,
        name=name,
        description=description,
        website=f"https://www.{domain}/",
        email=f"info@{domain}",
        phone=phone,
        municipality=municipality,
        business_id=business_id(base) if base else "",
    )


OTHERS = (
    # The competence and support centre (OT-keskus) of the collaborative area
    _org(
        "ot-centre",
        "ot_centre",
        t(
            "Itä-Suomen lasten ja nuorten OT-keskus",
            "Kompetens- och stödcentret för barn och unga i Östra Finland",
            "Eastern Finland Competence and Support Centre for Children and Young People",
        ),
        t(
            "Yhteistyöalueen osaamis- ja tukikeskus tukee hyvinvointialueiden ammattilaisia "
            "vaativimmissa lasten, nuorten ja perheiden asioissa: konsultaatiot, "
            "monialaiset arviot ja koulutus tuodaan peruspalveluihin perheen luo.",
            "Samarbetsområdets kompetens- och stödcenter stöder välfärdsområdenas yrkesfolk i "
            "de mest krävande ärendena för barn, unga och familjer: konsultationer, "
            "mångprofessionella bedömningar och utbildning förs till basservicen.",
            "The collaborative area's competence and support centre helps the counties' "
            "professionals in the most demanding matters of children, young people and "
            "families: consultations, multi-professional assessments and training are brought "
            "to basic services, close to the family.",
        ),
        "otkeskus.example",
        base="3011242",
    ),
    # State and national public bodies
    _org(
        "state-digital",
        "state",
        t(
            "Perheiden digitaalinen palvelukeskus",
            "Digitala servicecentret för familjer",
            "National Digital Service Centre for Families",
        ),
        t(
            "Valtakunnallinen julkinen palvelukeskus, joka tuottaa lapsiperheille sähköisiä "
            "omahoito-ohjelmia, verkkovalmennuksia ja tietoa kaikilla kotimaisilla kielillä.",
            "Ett nationellt offentligt servicecenter som erbjuder barnfamiljer digitala "
            "egenvårdsprogram, webbkurser och information på båda inhemska språken.",
            "A national public service centre offering families digital self-care programmes, "
            "online courses and information in Finnish, Swedish and English.",
        ),
        "perhedigi.example",
        base="3011234",
    ),
    _org(
        "state-benefits",
        "state",
        t("Perhe-etuuskeskus", "Centret för familjeförmåner", "Family Benefits Centre"),
        t(
            "Valtion virasto, joka hoitaa lapsiperheiden etuudet, kuten äitiysavustuksen, "
            "lapsilisän, vanhempainpäivärahat ja elatustuen.",
            "Ett statligt ämbetsverk som sköter barnfamiljernas förmåner, såsom "
            "moderskapsunderstöd, barnbidrag, föräldradagpenningar och underhållsstöd.",
            "A state agency handling family benefits such as the maternity grant, child "
            "benefit, parental allowances and maintenance allowance.",
        ),
        "perhe-etuus.example",
        base="0245612",
        phone="020 555 0200",
    ),
    _org(
        "state-legal-aid",
        "state",
        t(
            "Järvi-Saimaan oikeusaputoimisto",
            "Rättshjälpsbyrån i Järvi-Saimaa",
            "Järvi-Saimaa Legal Aid Office",
        ),
        t(
            "Valtion oikeusaputoimisto antaa oikeudellista neuvontaa ja avustaa "
            "oikeudenkäynneissä sekä tarjoaa talous- ja velkaneuvontaa.",
            "Statens rättshjälpsbyrå ger juridisk rådgivning och biträder i rättegångar samt "
            "erbjuder ekonomi- och skuldrådgivning.",
            "The state legal aid office gives legal advice, assists in court proceedings and "
            "offers financial and debt counselling.",
        ),
        "oikeusapu-jarvisaimaa.example",
        municipality="951",
        phone="029 555 0300",
    ),
    _org(
        "state-integration",
        "state",
        t(
            "Kotoutumisen neuvontapalvelu",
            "Integrationsrådgivningen",
            "Integration Advice Service",
        ),
        t(
            "Valtakunnallinen palvelu, joka neuvoo Suomeen muuttaneita heidän omalla kielellään "
            "asumisessa, työssä, koulutuksessa ja perheen palveluissa.",
            "En nationell tjänst som ger personer som flyttat till Finland råd på det egna "
            "språket om boende, arbete, utbildning och familjetjänster.",
            "A national service advising people who have moved to Finland in their own "
            "language on housing, work, education and family services.",
        ),
        "kotoutumisneuvonta.example",
        base="3105678",
    ),
    # NGOs
    _org(
        "ngo-arki",
        "ngo",
        t(
            "Lasten ja Perheiden Arki ry",
            "Barns och familjers vardag rf",
            "Children's and Families' Everyday Life Association",
        ),
        t(
            "Valtakunnallinen lastensuojelujärjestö, jonka paikallisyhdistykset järjestävät "
            "perhekahviloita, lastenhoitoapua ja vapaaehtoistoimintaa. Järjestö ylläpitää "
            "lasten ja nuorten sekä vanhempien auttavia puhelimia ja chatteja.",
            "En riksomfattande barnskyddsorganisation vars lokalföreningar ordnar "
            "familjecaféer, barnpassning och frivilligverksamhet. Organisationen upprätthåller "
            "hjälptelefoner och chattar för barn, unga och föräldrar.",
            "A national child welfare association whose local branches run family cafés, "
            "childminding and volunteering. It runs helplines and chats for children, young "
            "people and parents.",
        ),
        "perheidenarki.example",
        base="0201937",
        phone="09 555 0400",
    ),
    _org(
        "ngo-shelter",
        "ngo",
        t("Suojasatama ry", "Skyddshamnen rf", "Safe Harbour Association"),
        t(
            "Järjestö auttaa väkivaltaa kokeneita ja sen uhkaamia perheitä. Se ylläpitää "
            "turvakotia, ensikotia ja väkivaltatyön avopalveluja sekä valtakunnallista "
            "auttavaa puhelinta.",
            "Organisationen hjälper familjer som utsatts för eller hotas av våld. Den "
            "upprätthåller skyddshem, mödrahem, öppen vård för våldsutsatta och en nationell "
            "hjälptelefon.",
            "The association helps families who have experienced or are threatened by "
            "violence. It runs a shelter, a mother-and-baby home, outpatient violence work and "
            "a national helpline.",
        ),
        "suojasatama.example",
        base="0215577",
    ),
    _org(
        "ngo-multicultural",
        "ngo",
        t("Monikulttuuriset Perheet ry", "Mångkulturella familjer rf", "Multicultural Families"),
        t(
            "Järjestö tukee maahan muuttaneita ja kaksikulttuurisia perheitä perheneuvonnalla, "
            "kerhoilla ja vertaisryhmillä monella kielellä.",
            "Organisationen stöder inflyttade och bikulturella familjer med familjerådgivning, "
            "klubbar och kamratgrupper på många språk.",
            "The association supports immigrant and bicultural families with family "
            "counselling, clubs and peer groups in many languages.",
        ),
        "monikulttuurisetperheet.example",
        base="1766342",
    ),
    _org(
        "ngo-childsafety",
        "ngo",
        t("Lasten Turvaverkko ry", "Barnens trygghetsnät rf", "Children's Safety Net"),
        t(
            "Lapsen oikeuksia edistävä järjestö, joka kouluttaa tukihenkilöitä ja tukiperheitä "
            "sekä tukee sijaishuollosta itsenäistyviä nuoria.",
            "En organisation som främjar barnets rättigheter, utbildar stödpersoner och "
            "stödfamiljer och stöder unga som blir självständiga efter vård utom hemmet.",
            "A children's rights organisation that trains support persons and support families "
            "and helps young people leaving care.",
        ),
        "lastenturvaverkko.example",
        base="0116892",
    ),
    _org(
        "ngo-youthpath",
        "ngo",
        t("Nuorten Polku ry", "Ungas stig rf", "Youth Path Association"),
        t(
            "Järjestö tekee matalan kynnyksen työtä nuorten kanssa, jotka ovat kokeneet "
            "seksuaalista häirintää, hyväksikäyttöä tai ovat ajautumassa rikos- ja päihdekierteeseen.",
            "Organisationen gör lågtröskelarbete med unga som utsatts för sexuella trakasserier "
            "eller utnyttjande eller som håller på att hamna i brott och missbruk.",
            "The association does low-threshold work with young people who have experienced "
            "sexual harassment or exploitation or are drifting into crime and substance use.",
        ),
        "nuortenpolku.example",
        base="2345671",
    ),
    _org(
        "ngo-substance",
        "ngo",
        t("Selvä Suunta ry", "Klar Kurs rf", "Clear Course Association"),
        t(
            "Päihde- ja riippuvuustyön järjestö, joka tarjoaa neuvontaa, keskusteluapua ja "
            "vertaistukea päihteitä käyttäville ja heidän läheisilleen.",
            "En organisation inom missbruks- och beroendearbete som erbjuder rådgivning, "
            "samtalsstöd och kamratstöd för personer som använder rusmedel och deras anhöriga.",
            "A substance-use and addiction organisation offering advice, counselling and peer "
            "support for people who use substances and their families.",
        ),
        "selvasuunta.example",
        base="0987652",
    ),
    _org(
        "ngo-crisis-centre",
        "ngo",
        t("Kriisikeskus Majakka ry", "Kriscentret Fyren rf", "Lighthouse Crisis Centre"),
        t(
            "Paikallinen kriisikeskus tarjoaa maksutonta keskusteluapua äkillisissä "
            "elämänkriiseissä, kuten läheisen kuoleman, eron tai onnettomuuden jälkeen.",
            "Det lokala kriscentret erbjuder avgiftsfritt samtalsstöd i plötsliga livskriser, "
            "till exempel efter en närståendes död, en skilsmässa eller en olycka.",
            "The local crisis centre offers free counselling in sudden life crises, such as "
            "after a death, a separation or an accident.",
        ),
        "kriisikeskusmajakka.example",
        municipality="951",
        base="1457823",
    ),
    _org(
        "ngo-mind",
        "ngo",
        t("Mielen Tuki ry", "Sinnesstöd rf", "Mind Support Association"),
        t(
            "Valtakunnallinen mielenterveysjärjestö, joka ylläpitää ympäri vuorokauden "
            "päivystävää kriisipuhelinta ja tekee mielenterveyttä edistävää työtä.",
            "En riksomfattande organisation för psykisk hälsa som upprätthåller en "
            "kristelefon dygnet runt och arbetar för att främja psykisk hälsa.",
            "A national mental-health association running a 24-hour crisis line and "
            "promoting mental health.",
        ),
        "mielentuki.example",
        base="0221471",
    ),
    _org(
        "ngo-two-homes",
        "ngo",
        t("Kahden Kodin Lapset ry", "Barn med två hem rf", "Children with Two Homes"),
        t(
            "Järjestö tukee eroperheitä: vanhempia, lapsia ja uusperheitä. Toimintaan kuuluu "
            "eroneuvontaa, vertaisryhmiä ja lasten tapaamispaikka.",
            "Organisationen stöder familjer vid skilsmässa: föräldrar, barn och "
            "ombildade familjer. Verksamheten omfattar rådgivning, kamratgrupper och ett "
            "umgängesställe för barn.",
            "The association supports separating families: parents, children and "
            "stepfamilies, with advice, peer groups and a children's contact centre.",
        ),
        "kahdenkodinlapset.example",
        base="2178945",
    ),
    _org(
        "ngo-special-needs",
        "ngo",
        t(
            "Erityisperheiden Liitto ry",
            "Förbundet för familjer med särskilda behov rf",
            "Federation of Families with Special Needs",
        ),
        t(
            "Liitto tukee perheitä, joissa on vammainen tai pitkäaikaissairas lapsi, "
            "sopeutumisvalmennuksella, neuvonnalla ja vertaistuella.",
            "Förbundet stöder familjer med ett barn med funktionsnedsättning eller långvarig "
            "sjukdom genom anpassningsträning, rådgivning och kamratstöd.",
            "The federation supports families of children with disabilities or long-term "
            "illness with adaptation courses, advice and peer support.",
        ),
        "erityisperheet.example",
        base="0536778",
    ),
    _org(
        "ngo-couples",
        "ngo",
        t("Sydänsilta ry", "Hjärtbron rf", "Heartbridge Association"),
        t(
            "Parisuhdetyön järjestö, joka tarjoaa parisuhdeneuvontaa, kursseja ja "
            "verkkopalveluja kaikenlaisille pareille.",
            "En organisation för parrelationsarbete som erbjuder rådgivning, kurser och "
            "webbtjänster för alla slags par.",
            "An organisation for couple relationships offering counselling, courses and online "
            "services for all kinds of couples.",
        ),
        "sydansilta.example",
        base="1890564",
    ),
    _org(
        "ngo-grief",
        "ngo",
        t("Surun Silta ry", "Sorgens bro rf", "Bridge of Grief"),
        t(
            "Järjestö tukee läheisensä menettäneitä perheitä vertaisryhmillä, tukihenkilöillä ja "
            "surutyön leireillä.",
            "Organisationen stöder familjer som förlorat en närstående genom kamratgrupper, "
            "stödpersoner och sorgläger.",
            "The association supports bereaved families with peer groups, support persons and "
            "grief camps.",
        ),
        "surunsilta.example",
        base="2456780",
    ),
    _org(
        "ngo-laxnas",
        "ngo",
        t("Lohiniemen perheyhdistys ry", "Laxnäs familjeförening rf", "Laxnäs Family Association"),
        t(
            "Ruotsinkielinen perheyhdistys järjestää Lohiniemellä perhekahvilaa, vauvauintia ja "
            "vanhempainneuvontaa.",
            "Den svenskspråkiga familjeföreningen ordnar familjecafé, babysim och "
            "föräldrarådgivning i Laxnäs.",
            "The Swedish-speaking family association runs a family café, baby swimming and "
            "parenting advice in Laxnäs.",
        ),
        "laxnasfamilj.example",
        municipality="954",
        base="0634415",
    ),
    _org(
        "ngo-online-youth",
        "ngo",
        t("Verkkonuoret ry", "Nätunga rf", "Online Youth Association"),
        t(
            "Valtakunnallinen järjestö tekee nuorisotyötä verkossa ja peleissä: chatteja, "
            "keskusteluryhmiä ja pelailtoja ammattilaisten ohjaamina.",
            "En riksomfattande organisation som gör ungdomsarbete på nätet och i spel: chattar, "
            "diskussionsgrupper och spelkvällar under ledning av yrkesfolk.",
            "A national organisation doing youth work online and in games: chats, discussion "
            "groups and gaming evenings led by professionals.",
        ),
        "verkkonuoret.example",
        base="2890125",
    ),
    # Parishes
    _org(
        "parish-kaislaranta",
        "parish",
        t("Kaislarannan seurakunta", "Kaislaranta församling", "Kaislaranta Parish"),
        t(
            "Evankelisluterilainen seurakunta järjestää perhekerhoja, perheleirejä, "
            "diakoniatyötä ja nuorisotyötä Kaislarannassa.",
            "",
            "The Lutheran parish runs family clubs, family camps, diaconal work and youth work "
            "in Kaislaranta.",
        ),
        "kaislarannanseurakunta.example",
        municipality="951",
    ),
    _org(
        "parish-ahvenvesi",
        "parish",
        t("Ahvenveden seurakunta", "Ahvenvesi församling", "Ahvenvesi Parish"),
        t("Ahvenveden evankelisluterilainen seurakunta.", "", "The Lutheran parish of Ahvenvesi."),
        "ahvenvedenseurakunta.example",
        municipality="952",
    ),
    _org(
        "parish-koivumaki",
        "parish",
        t("Koivumäen seurakunta", "Koivumäki församling", "Koivumäki Parish"),
        t("Koivumäen evankelisluterilainen seurakunta.", "", "The Lutheran parish of Koivumäki."),
        "koivumaenseurakunta.example",
        municipality="953",
    ),
    _org(
        "parish-lohiniemi",
        "parish",
        t(
            "Lohiniemen suomalainen seurakunta",
            "Lohiniemi finska församling",
            "Lohiniemi Finnish Parish",
        ),
        t(
            "Lohiniemen suomenkielinen evankelisluterilainen seurakunta.",
            "Den finskspråkiga evangelisk-lutherska församlingen i Laxnäs.",
            "The Finnish-speaking Lutheran parish of Lohiniemi.",
        ),
        "lohiniemenseurakunta.example",
        municipality="954",
    ),
    _org(
        "parish-laxnas",
        "parish",
        t(
            "Lohiniemen ruotsalainen seurakunta",
            "Laxnäs svenska församling",
            "Laxnäs Swedish Parish",
        ),
        t(
            "Lohiniemen ruotsinkielinen evankelisluterilainen seurakunta.",
            "Den svenskspråkiga evangelisk-lutherska församlingen i Laxnäs ordnar familjeklubbar, "
            "läger och diakoni på svenska.",
            "The Swedish-speaking Lutheran parish of Laxnäs.",
        ),
        "laxnasforsamling.example",
        municipality="954",
    ),
    _org(
        "parish-kuusilahti",
        "parish",
        t("Kuusilahden seurakunta", "Kuusilahti församling", "Kuusilahti Parish"),
        t(
            "Kuusilahden evankelisluterilainen seurakunta.",
            "",
            "The Lutheran parish of Kuusilahti.",
        ),
        "kuusilahdenseurakunta.example",
        municipality="955",
    ),
    _org(
        "parish-orthodox",
        "parish",
        t(
            "Kaislarannan ortodoksinen seurakunta",
            "Kaislaranta ortodoxa församling",
            "Kaislaranta Orthodox Parish",
        ),
        t(
            "Ortodoksinen seurakunta palvelee jäseniään koko Järvi-Saimaan alueella suomeksi, "
            "ja osa toiminnasta on venäjäksi ja ukrainaksi.",
            "Den ortodoxa församlingen betjänar sina medlemmar i hela Järvi-Saimaa på finska, och "
            "en del av verksamheten är på ryska och ukrainska.",
            "The Orthodox parish serves its members across Järvi-Saimaa in Finnish, with some "
            "activities in Russian and Ukrainian.",
        ),
        "ortodoksinenkaislaranta.example",
        municipality="951",
    ),
    _org(
        "parish-union",
        "parish",
        t(
            "Järvi-Saimaan seurakuntayhtymä",
            "Kyrkliga samfälligheten i Järvi-Saimaa",
            "Järvi-Saimaa Parish Union",
        ),
        t(
            "Alueen evankelisluterilaisten seurakuntien yhteinen toimija, joka ylläpitää "
            "perheasiain neuvottelukeskusta ja kirkon keskusteluapua.",
            "Ett gemensamt organ för områdets evangelisk-lutherska församlingar som "
            "upprätthåller familjerådgivningscentralen och kyrkans samtalshjälp.",
            "The joint body of the region's Lutheran parishes, running the family counselling "
            "centre and the church's listening service.",
        ),
        "seurakunnat-jarvisaimaa.example",
        municipality="951",
    ),
    # Private providers
    _org(
        "private-therapy",
        "private",
        t("Terapiakeskus Tyyni Oy", "Terapicentret Tyyni Ab", "Tyyni Therapy Centre Ltd"),
        t(
            "Yksityinen terapiakeskus, jossa työskentelee psykoterapeutteja, perheterapeutteja ja "
            "psykologeja. Hyväksytty hyvinvointialueen palvelusetelituottajaksi.",
            "En privat terapicentral med psykoterapeuter, familjeterapeuter och psykologer. "
            "Godkänd som producent för välfärdsområdets servicesedlar.",
            "A private therapy centre with psychotherapists, family therapists and "
            "psychologists, approved as a service-voucher provider of the county.",
        ),
        "terapiakeskustyyni.example",
        municipality="951",
        base="2789013",
    ),
    _org(
        "private-homehelp",
        "private",
        t("Kotiapu Kaisla Oy", "Hemhjälpen Kaisla Ab", "Kaisla Home Help Ltd"),
        t(
            "Yksityinen kotipalveluyritys, joka tarjoaa lapsiperheille kotipalvelua ja "
            "lastenhoitoa myös palvelusetelillä.",
            "Ett privat hemserviceföretag som erbjuder barnfamiljer hemservice och barnpassning, "
            "även med servicesedel.",
            "A private home-help company offering families home help and childcare, also with "
            "a service voucher.",
        ),
        "kotiapukaisla.example",
        municipality="951",
        base="3012987",
    ),
    _org(
        "private-speech",
        "private",
        t("Puheterapia Sanasilta Oy", "Talterapi Ordbron Ab", "Sanasilta Speech Therapy Ltd"),
        t(
            "Puheterapeuttien yritys, joka kuntouttaa lasten puheen, kielen ja vuorovaikutuksen "
            "vaikeuksia.",
            "Ett företag för talterapeuter som rehabiliterar barns svårigheter med tal, språk och "
            "kommunikation.",
            "A speech therapy company rehabilitating children's speech, language and "
            "communication difficulties.",
        ),
        "sanasilta.example",
        municipality="951",
        base="2634561",
    ),
    _org(
        "private-doula",
        "private",
        t("Perhepalvelu Kehto Oy", "Familjetjänst Vaggan Ab", "Kehto Family Services Ltd"),
        t(
            "Doulapalveluja, synnytysvalmennusta ja vauvaperheiden kotiapua tarjoava yritys.",
            "Ett företag som erbjuder doulatjänster, förlossningsförberedelse och hemhjälp för "
            "babyfamiljer.",
            "A company offering doula services, birth preparation and home help for families "
            "with a baby.",
        ),
        "perhepalvelukehto.example",
        municipality="954",
        base="3156782",
    ),
    # Peer-support groups
    _org(
        "peer-twins",
        "peer_group",
        t("Saimaan kaksosperheet", "Tvillingfamiljerna vid Saimen", "Saimaa Twin Families"),
        t(
            "Vapaaehtoisten vetämä vertaisryhmä kaksos- ja kolmosperheille.",
            "En kamratgrupp för tvilling- och trillingfamiljer, ledd av frivilliga.",
            "A volunteer-led peer group for families with twins or triplets.",
        ),
        "kaksosperheet-saimaa.example",
        municipality="951",
    ),
    _org(
        "peer-fathers",
        "peer_group",
        t("Isätupa", "Pappastugan", "Fathers' Hut"),
        t(
            "Isien ja isähahmojen vertaisryhmä, joka kokoontuu lasten kanssa ja ilman.",
            "En kamratgrupp för pappor och pappafigurer som träffas med och utan barn.",
            "A peer group for fathers and father figures, meeting with and without children.",
        ),
        "isatupa.example",
        municipality="951",
    ),
    _org(
        "peer-rainbow",
        "peer_group",
        t("Sateenkaariperheet Saimaa", "Regnbågsfamiljer vid Saimen", "Saimaa Rainbow Families"),
        t(
            "Vertaisryhmä sateenkaariperheille ja sateenkaariperhettä suunnitteleville.",
            "En kamratgrupp för regnbågsfamiljer och dem som planerar en sådan familj.",
            "A peer group for rainbow families and those planning one.",
        ),
        "sateenkaarisaimaa.example",
        municipality="951",
    ),
    _org(
        "peer-preterm",
        "peer_group",
        t(
            "Keskosperheiden vertaisryhmä",
            "Kamratgruppen för prematurfamiljer",
            "Preterm Families' Peer Group",
        ),
        t(
            "Keskosena syntyneiden lasten vanhempien vertaisryhmä.",
            "En kamratgrupp för föräldrar till barn som fötts för tidigt.",
            "A peer group for parents of babies born preterm.",
        ),
        "keskosperheet.example",
        municipality="951",
    ),
    _org(
        "peer-stepfamilies",
        "peer_group",
        t("Uusperheiden ilta", "Kvällen för ombildade familjer", "Stepfamily Evenings"),
        t(
            "Uusperheiden aikuisten vertaisryhmä.",
            "En kamratgrupp för vuxna i ombildade familjer.",
            "A peer group for adults in stepfamilies.",
        ),
        "uusperheilta.example",
        municipality="953",
    ),
    _org(
        "peer-young-mothers",
        "peer_group",
        t(
            "Nuorten äitien ryhmä Kaisla",
            "Gruppen för unga mammor Kaisla",
            "Kaisla Young Mothers' Group",
        ),
        t(
            "Alle 25-vuotiaiden äitien ja heidän vauvojensa vertaisryhmä.",
            "En kamratgrupp för mammor under 25 år och deras bebisar.",
            "A peer group for mothers under 25 and their babies.",
        ),
        "nuoretaidit-kaisla.example",
        municipality="951",
    ),
)

ORGANIZATIONS = (COUNTY, *MUNICIPALITIES, *OTHERS)
