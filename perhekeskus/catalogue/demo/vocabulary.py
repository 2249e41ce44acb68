"""Taxonomies of the catalogue and the languages services are given in."""

from .schema import Text, t

# code, name, description
LIFE_SITUATIONS: tuple[tuple[str, Text, Text], ...] = (
    (
        "pregnancy",
        t(
            "Raskaus ja synnytykseen valmistautuminen",
            "Graviditet och förlossning",
            "Pregnancy and preparing for birth",
        ),
        t(
            "Raskauden seuranta, perhevalmennus, synnytyspelko ja vanhemmaksi kasvaminen.",
            "Uppföljning av graviditeten, familjeförberedelse, förlossningsrädsla och att bli förälder.",
            "Antenatal care, birth preparation classes, fear of childbirth and becoming a parent.",
        ),
    ),
    (
        "baby-first-year",
        t("Vauvan ensimmäinen vuosi", "Babyns första år", "The baby's first year"),
        t(
            "Imetys, vauvan uni ja hoito, jaksaminen vauva-arjessa ja vanhemman mieliala synnytyksen jälkeen.",
            "Amning, babyns sömn och skötsel, att orka i vardagen och förälderns mående efter förlossningen.",
            "Breastfeeding, the baby's sleep and care, coping with life with a baby and the parent's mood after birth.",
        ),
    ),
    (
        "parenting",
        t("Vanhemmuus ja kasvatus", "Föräldraskap och fostran", "Parenting"),
        t(
            "Arjen kasvatuskysymykset, rajat ja rutiinit, lapsen tunteet ja vanhemman omat voimavarat.",
            "Frågor om fostran i vardagen, gränser och rutiner, barnets känslor och förälderns egna resurser.",
            "Everyday questions of upbringing, limits and routines, the child's feelings and the parent's own strength.",
        ),
    ),
    (
        "couple-relationship",
        t("Parisuhde", "Parrelationen", "Couple relationship"),
        t(
            "Parisuhteen hoitaminen, riitojen ratkaiseminen ja yhteisen ajan löytäminen lapsiperheessä.",
            "Att vårda parrelationen, lösa konflikter och hitta tid för varandra i en barnfamilj.",
            "Looking after the relationship, resolving conflicts and finding time for each other in a family with children.",
        ),
    ),
    (
        "separation",
        t(
            "Ero ja yhteishuoltajuus",
            "Skilsmässa och gemensam vårdnad",
            "Separation and co-parenting",
        ),
        t(
            "Eroon liittyvä keskusteluapu, sopimukset lapsen huollosta, asumisesta, tapaamisista ja elatuksesta sekä yhteistyövanhemmuus.",
            "Samtalsstöd vid skilsmässa, avtal om vårdnad, boende, umgänge och underhåll samt samarbetsföräldraskap.",
            "Support during separation, agreements on custody, residence, contact and maintenance, and co-operative parenting.",
        ),
    ),
    (
        "development-and-speech",
        t("Lapsen kehitys ja puhe", "Barnets utveckling och tal", "Child development and speech"),
        t(
            "Huoli lapsen puheen, kielen, motoriikan tai tarkkaavuuden kehityksestä sekä kuntoutus.",
            "Oro för barnets tal, språk, motorik eller uppmärksamhet samt rehabilitering.",
            "Concerns about a child's speech, language, motor skills or attention, and rehabilitation.",
        ),
    ),
    (
        "learning-and-school",
        t("Oppiminen ja koulunkäynti", "Lärande och skolgång", "Learning and school"),
        t(
            "Oppimisen tuki, koulupoissaolot, kiusaaminen ja opiskeluhuollon palvelut.",
            "Stöd för lärandet, skolfrånvaro, mobbning och elevhälsans tjänster.",
            "Learning support, school absence, bullying and student welfare services.",
        ),
    ),
    (
        "mental-health",
        t("Mielen hyvinvointi", "Psykiskt välmående", "Mental health"),
        t(
            "Ahdistus, masennus, unettomuus ja muut mielen hyvinvoinnin kysymykset lapsilla, nuorilla ja vanhemmilla.",
            "Ångest, nedstämdhet, sömnlöshet och andra frågor om psykiskt välmående hos barn, unga och föräldrar.",
            "Anxiety, depression, sleeplessness and other mental-health questions of children, young people and parents.",
        ),
    ),
    (
        "substance-use",
        t("Päihteet ja riippuvuudet", "Rusmedel och beroenden", "Substance use and addictions"),
        t(
            "Alkoholi, huumeet, nikotiini, rahapelaaminen ja digipelaaminen sekä läheisten tuki.",
            "Alkohol, droger, nikotin, penningspel och digitalt spelande samt stöd för anhöriga.",
            "Alcohol, drugs, nicotine, gambling and gaming, and support for family members.",
        ),
    ),
    (
        "violence-and-crisis",
        t("Väkivalta ja kriisit", "Våld och kriser", "Violence and crisis"),
        t(
            "Lähisuhdeväkivalta, seksuaalinen väkivalta, äkilliset kriisit ja turvallisuuden suunnittelu.",
            "Våld i nära relationer, sexuellt våld, akuta kriser och säkerhetsplanering.",
            "Domestic violence, sexual violence, sudden crises and safety planning.",
        ),
    ),
    (
        "money-and-housing",
        t("Raha-asiat ja asuminen", "Ekonomi och boende", "Money and housing"),
        t(
            "Toimeentulo, perhe-etuudet, velat ja asumisen ongelmat lapsiperheessä.",
            "Utkomst, familjeförmåner, skulder och problem med boendet i en barnfamilj.",
            "Income, family benefits, debts and housing problems in families with children.",
        ),
    ),
    (
        "disability",
        t(
            "Vammaisuus ja pitkäaikaissairaus",
            "Funktionsnedsättning och långvarig sjukdom",
            "Disability and long-term illness",
        ),
        t(
            "Erityistä tukea tarvitsevan lapsen perheen palvelut, sopeutumisvalmennus ja vertaistuki.",
            "Tjänster för familjer med barn i behov av särskilt stöd, anpassningsträning och kamratstöd.",
            "Services, adaptation courses and peer support for families of children with special needs.",
        ),
    ),
    (
        "bereavement",
        t("Menetys ja suru", "Förlust och sorg", "Bereavement"),
        t(
            "Läheisen kuolema, lapsen menetys ja surevan perheen tukeminen.",
            "En närståendes död, förlusten av ett barn och stöd för en sörjande familj.",
            "The death of someone close, the loss of a child and support for a grieving family.",
        ),
    ),
    (
        "leisure-and-peer-support",
        t("Vapaa-aika ja vertaistuki", "Fritid och kamratstöd", "Leisure and peer support"),
        t(
            "Perhekahvilat, kerhot, vertaisryhmät, harrastukset ja kohtaamispaikat.",
            "Familjecaféer, klubbar, kamratgrupper, hobbyer och mötesplatser.",
            "Family cafés, clubs, peer groups, hobbies and meeting places.",
        ),
    ),
    (
        "immigrant-families",
        t("Maahan muuttaneet perheet", "Inflyttade familjer", "Immigrant families"),
        t(
            "Kotoutuminen, palveluohjaus omalla kielellä, tulkkaus ja kulttuurien välinen perhetyö.",
            "Integration, servicehandledning på det egna språket, tolkning och interkulturellt familjearbete.",
            "Integration, guidance in one's own language, interpreting and intercultural family work.",
        ),
    ),
    (
        "help-at-home",
        t(
            "Apu kotiin ja lastenhoito",
            "Hjälp hemma och barnpassning",
            "Help at home and childcare",
        ),
        t(
            "Kotipalvelu, lastenhoitoapu ja tuki arjen askareisiin, kun vanhemman voimat eivät riitä.",
            "Hemservice, barnpassning och hjälp med vardagssysslor när förälderns krafter inte räcker till.",
            "Home help, childminding and help with daily chores when a parent's strength runs low.",
        ),
    ),
)

TARGET_GROUPS: tuple[tuple[str, Text, Text], ...] = (
    (
        "parents-to-be",
        t("Odottavat vanhemmat", "Blivande föräldrar", "Parents-to-be"),
        t(
            "Raskaana olevat ja heidän kumppaninsa.",
            "Gravida och deras partner.",
            "Pregnant people and their partners.",
        ),
    ),
    (
        "families-with-baby",
        t("Vauvaperheet", "Babyfamiljer", "Families with a baby"),
        t(
            "Perheet, joissa on alle vuoden ikäinen lapsi.",
            "Familjer med barn under ett år.",
            "Families with a child under one year old.",
        ),
    ),
    (
        "children",
        t("Lapset", "Barn", "Children"),
        t("Alle 13-vuotiaat lapset.", "Barn under 13 år.", "Children under 13."),
    ),
    (
        "young-people",
        t("Nuoret", "Unga", "Young people"),
        t("13–29-vuotiaat nuoret.", "Unga i åldern 13–29 år.", "Young people aged 13 to 29."),
    ),
    (
        "parents",
        t("Vanhemmat ja huoltajat", "Föräldrar och vårdnadshavare", "Parents and guardians"),
        t(
            "Lasten vanhemmat, huoltajat ja muut kasvattajat.",
            "Barnens föräldrar, vårdnadshavare och andra fostrare.",
            "Parents, guardians and others who bring up children.",
        ),
    ),
    (
        "couples",
        t("Pariskunnat", "Par", "Couples"),
        t("Parisuhteessa elävät aikuiset.", "Vuxna i en parrelation.", "Adults in a relationship."),
    ),
    (
        "separating-parents",
        t("Eroavat ja eronneet vanhemmat", "Föräldrar som skiljer sig", "Separating parents"),
        t(
            "Vanhemmat, jotka harkitsevat eroa tai ovat eronneet.",
            "Föräldrar som överväger skilsmässa eller har skilt sig.",
            "Parents who are considering separation or have separated.",
        ),
    ),
    (
        "immigrant-families",
        t("Maahan muuttaneet perheet", "Inflyttade familjer", "Immigrant families"),
        t(
            "Suomeen muuttaneet ja turvapaikkaa hakevat perheet.",
            "Familjer som flyttat till Finland och asylsökande familjer.",
            "Families who have moved to Finland and asylum-seeking families.",
        ),
    ),
    (
        "whole-family",
        t("Koko perhe", "Hela familjen", "The whole family"),
        t(
            "Palvelut, joihin perhe voi tulla yhdessä.",
            "Tjänster som familjen kan komma till tillsammans.",
            "Services the family can come to together.",
        ),
    ),
    (
        "foster-families",
        t(
            "Sijais- ja adoptioperheet",
            "Foster- och adoptivfamiljer",
            "Foster and adoptive families",
        ),
        t(
            "Perhehoitajat, sijaisvanhemmat ja adoptioperheet.",
            "Familjevårdare, fosterföräldrar och adoptivfamiljer.",
            "Foster carers and adoptive families.",
        ),
    ),
    (
        "professionals",
        t("Ammattilaiset", "Yrkesverksamma", "Professionals"),
        t(
            "Sosiaali- ja terveydenhuollon, varhaiskasvatuksen, koulujen ja järjestöjen työntekijät.",
            "Anställda inom social- och hälsovård, småbarnspedagogik, skolor och organisationer.",
            "Staff of social and health care, early education, schools and organisations.",
        ),
    ),
)

# code, name, endonym — ISO 639-1 where there is one, else ISO 639-3.
LANGUAGES: tuple[tuple[str, Text, str], ...] = (
    ("fi", t("suomi", "finska", "Finnish"), "suomi"),
    ("sv", t("ruotsi", "svenska", "Swedish"), "svenska"),
    ("en", t("englanti", "engelska", "English"), "English"),
    ("se", t("pohjoissaame", "nordsamiska", "Northern Sami"), "davvisámegiella"),
    ("ru", t("venäjä", "ryska", "Russian"), "русский"),
    ("et", t("viro", "estniska", "Estonian"), "eesti"),
    ("ar", t("arabia", "arabiska", "Arabic"), "العربية"),
    ("so", t("somali", "somaliska", "Somali"), "Soomaali"),
    ("fa", t("persia (farsi, dari)", "persiska", "Persian"), "فارسی"),
    ("uk", t("ukraina", "ukrainska", "Ukrainian"), "українська"),
    ("ku", t("kurdi", "kurdiska", "Kurdish"), "Kurdî"),
    ("sq", t("albania", "albanska", "Albanian"), "shqip"),
    ("vi", t("vietnam", "vietnamesiska", "Vietnamese"), "Tiếng Việt"),
    ("th", t("thai", "thailändska", "Thai"), "ไทย"),
    ("zh", t("kiina", "kinesiska", "Chinese"), "中文"),
    ("fr", t("ranska", "franska", "French"), "français"),
    ("es", t("espanja", "spanska", "Spanish"), "español"),
    ("de", t("saksa", "tyska", "German"), "Deutsch"),
    ("tr", t("turkki", "turkiska", "Turkish"), "Türkçe"),
    (
        "fse",
        t("suomalainen viittomakieli", "finskt teckenspråk", "Finnish Sign Language"),
        "suomalainen viittomakieli",
    ),
    (
        "fss",
        t(
            "suomenruotsalainen viittomakieli",
            "finlandssvenskt teckenspråk",
            "Finland-Swedish Sign Language",
        ),
        "finlandssvenskt teckenspråk",
    ),
)
