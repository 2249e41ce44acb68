"""National public e-services and helplines (state bodies), and the state
services given locally."""

from .region import ALL_AREAS
from .schema import Channel, ServiceData, t

DIGI = "perhedigi.example"
BENEFITS = "perhe-etuus.example"
LEGAL = "oikeusapu-jarvisaimaa.example"
INTEGRATION = "kotoutumisneuvonta.example"


def _national(key, organization, domain, **fields) -> ServiceData:
    fields.setdefault("languages", ("fi", "sv", "en"))
    fields.setdefault("url", f"https://www.{domain}/{key}")
    fields.setdefault("national", True)
    fields.setdefault("areas", () if fields["national"] else ALL_AREAS)
    return ServiceData(key=key, organization=organization, **fields)


NATIONAL_SERVICES: tuple[ServiceData, ...] = (
    _national(
        "online-clinic",
        "state-digital",
        DIGI,
        name=t("Verkkoneuvola", "Nätrådgivningen", "Online family clinic"),
        summary=t(
            "Luotettavaa tietoa raskaudesta, synnytyksestä, vauvan hoidosta ja lapsen "
            "kehityksestä sekä oireiden arviointi verkossa.",
            "Tillförlitlig information om graviditet, förlossning, babyskötsel och barnets "
            "utveckling samt symtombedömning på nätet.",
            "Reliable information on pregnancy, birth, baby care and child development, with "
            "an online symptom checker.",
        ),
        description=t(
            "Verkkoneuvolan artikkelit ja videot ovat neuvolan terveydenhoitajien, "
            "lastenlääkäreiden ja psykologien laatimia. Palvelussa voi seurata raskausviikkoja, "
            "tutustua imetysohjeisiin, vauvan unen ja ruokailun kehitykseen sekä "
            "rokotusohjelmaan. Oirearvion avulla voi selvittää, tarvitseeko lapsi "
            "päivystyshoitoa vai riittääkö kotihoito.",
            "Nätrådgivningens artiklar och videor har skrivits av hälsovårdare, barnläkare och "
            "psykologer. Symtombedömningen hjälper dig att avgöra om barnet behöver jourvård.",
            "Articles and videos by nurses, paediatricians and psychologists; the symptom "
            "checker helps decide whether your child needs emergency care.",
        ),
        how_to_get_help=t(
            "Palvelu on avoinna kaikille verkossa, kirjautumista ei tarvita.",
            "Tjänsten är öppen för alla, ingen inloggning behövs.",
            "Open to everyone online; no sign-in needed.",
        ),
        groups=("parents-to-be", "families-with-baby", "parents"),
        situations=("pregnancy", "baby-first-year", "development-and-speech"),
        anonymous=True,
        low_threshold=True,
        channels=(Channel("web", url=f"https://www.{DIGI}/verkkoneuvola"),),
    ),
    _national(
        "youth-self-care",
        "state-digital",
        DIGI,
        name=t(
            "Nuorten mielenterveyden omahoito-ohjelmat",
            "Egenvårdsprogram för ungas psykiska hälsa",
            "Self-care programmes for young people's mental health",
        ),
        summary=t(
            "Maksuttomat verkko-ohjelmat ahdistuksen, alakulon, unettomuuden ja jännittämisen "
            "hallintaan.",
            "Avgiftsfria webbprogram för att hantera ångest, nedstämdhet, sömnlöshet och "
            "nervositet.",
            "Free online programmes for anxiety, low mood, sleeplessness and nervousness.",
        ),
        description=t(
            "Omahoito-ohjelmat perustuvat kognitiiviseen käyttäytymisterapiaan. Ohjelmaa voi "
            "tehdä itsenäisesti tai hoitavan ammattilaisen tukemana, jolloin ammattilainen "
            "antaa palautetta tehtävistä. Ohjelmat on tarkoitettu 13–22-vuotiaille.",
            "Programmen bygger på kognitiv beteendeterapi och kan göras självständigt eller med "
            "stöd av en yrkesperson.",
            "Based on cognitive behavioural therapy; do them on your own or with a "
            "professional's support.",
        ),
        how_to_get_help=t(
            "Aloita ohjelma verkossa. Tuettuun ohjelmaan saat ohjauksen kouluterveydenhoitajalta "
            "tai nuorisoasemalta.",
            "Börja programmet på nätet.",
            "Start online; ask your school nurse or youth clinic for a supported programme.",
        ),
        age_min=13,
        age_max=22,
        groups=("young-people",),
        situations=("mental-health",),
        anonymous=True,
        low_threshold=True,
        channels=(Channel("web", url=f"https://www.{DIGI}/nuoret/omahoito"),),
    ),
    _national(
        "strong-parents-online",
        "state-digital",
        DIGI,
        name=t(
            "Vahvat vanhemmat -verkkovalmennus",
            "Webbkursen Starka föräldrar",
            "Strong Parents online coaching",
        ),
        summary=t(
            "Puhelinvalmentajan tukema verkko-ohjelma 3–8-vuotiaiden lasten vanhemmille, kun "
            "lapsen uhmakkuus ja raivokohtaukset kuormittavat.",
            "Ett webbprogram med telefoncoach för föräldrar till 3–8-åringar vars trots och "
            "raseriutbrott belastar.",
            "An online programme with a phone coach for parents of 3–8-year-olds struggling "
            "with defiance and tantrums.",
        ),
        description=t(
            "Valmennus kestää 11 viikkoa. Vanhemmat katsovat viikoittain lyhyitä videoita ja "
            "harjoittelevat myönteistä huomiota, kehumista, selkeitä ohjeita ja rauhallista "
            "rajojen asettamista. Puhelinvalmentaja soittaa kerran viikossa ja auttaa "
            "soveltamaan keinoja omassa perheessä. Tutkimusten mukaan lasten käytösongelmat "
            "vähenevät selvästi.",
            "Kursen pågår i 11 veckor. Föräldrarna tittar på korta videor och övar positiv "
            "uppmärksamhet och tydliga instruktioner. En coach ringer varje vecka.",
            "Eleven weeks of short videos and practice in positive attention, praise and calm "
            "limits, with a weekly coaching call.",
        ),
        how_to_get_help=t(
            "Ilmoittaudu verkossa tai pyydä neuvolaa tai varhaiskasvatusta ohjaamaan.",
            "Anmäl dig på nätet.",
            "Sign up online.",
        ),
        age_min=3,
        age_max=8,
        groups=("parents",),
        situations=("parenting",),
        channels=(
            Channel("web", url=f"https://www.{DIGI}/vahvat-vanhemmat"),
            Channel("phone", phone="020 555 0500", phone_charge="local", hours="chat_evening"),
        ),
    ),
    _national(
        "separation-online",
        "state-digital",
        DIGI,
        name=t(
            "Erosta eteenpäin -verkkopalvelu",
            "Webbtjänsten Vidare efter skilsmässan",
            "Moving On After Separation online service",
        ),
        summary=t(
            "Tietoa ja harjoituksia eroaville vanhemmille sekä lapsille ja nuorille omat osiot.",
            "Information och övningar för föräldrar som skiljer sig, med egna delar för barn "
            "och unga.",
            "Information and exercises for separating parents, with sections for children and "
            "young people.",
        ),
        description=t(
            "Verkkopalvelussa voi tehdä itsenäisesti eroprosessia tukevia harjoituksia, "
            "laatia vanhemmuussuunnitelman ja lukea, miten ero näkyy eri-ikäisten lasten "
            "käytöksessä. Palvelu ohjaa myös lastenvalvojalle ja perheasioiden sovitteluun.",
            "I webbtjänsten kan man göra övningar, skriva en föräldraplan och läsa hur "
            "skilsmässan syns hos barn i olika åldrar.",
            "Do exercises, write a parenting plan and read how separation shows in children of "
            "different ages.",
        ),
        how_to_get_help=t(
            "Käytä palvelua verkossa.", "Använd tjänsten på nätet.", "Use it online."
        ),
        groups=("separating-parents", "children", "young-people"),
        situations=("separation",),
        anonymous=True,
        low_threshold=True,
        channels=(Channel("web", url=f"https://www.{DIGI}/ero"),),
    ),
    _national(
        "family-benefits-advice",
        "state-benefits",
        BENEFITS,
        name=t(
            "Lapsiperheiden etuusneuvonta",
            "Rådgivning om familjeförmåner",
            "Family benefits advice",
        ),
        summary=t(
            "Neuvontaa äitiysavustuksesta, vanhempainpäivärahoista, lapsilisästä, "
            "kotihoidon tuesta ja elatustuesta.",
            "Rådgivning om moderskapsunderstöd, föräldradagpenningar, barnbidrag, stöd för "
            "hemvård och underhållsstöd.",
            "Advice on the maternity grant, parental allowances, child benefit, child home care "
            "allowance and maintenance allowance.",
        ),
        description=t(
            "Puhelinneuvonnassa kerrotaan, mitä etuuksia perhe voi saada ja miten niitä "
            "haetaan. Hakemukset tehdään verkkoasioinnissa. Neuvontaa saa myös englanniksi, "
            "ja muilla kielillä palvellaan tulkin avulla.",
            "Telefonrådgivningen berättar vilka förmåner familjen kan få och hur man ansöker.",
            "Phone advice on which benefits your family can get and how to apply.",
        ),
        how_to_get_help=t(
            "Soita perheasioiden palvelunumeroon tai hae etuuksia verkossa.",
            "Ring servicenumret för familjeärenden eller ansök på nätet.",
            "Call the family service number or apply online.",
        ),
        groups=("parents", "parents-to-be", "families-with-baby"),
        situations=("money-and-housing", "pregnancy", "separation"),
        languages=("fi", "sv", "en", "ru", "ar", "so"),
        channels=(
            Channel("phone", phone="020 555 0210", phone_charge="service", hours="phone_office"),
            Channel("web", url=f"https://asiointi.{BENEFITS}/"),
        ),
    ),
    _national(
        "parental-allowance-online",
        "state-benefits",
        BENEFITS,
        name=t(
            "Vanhempainpäivärahan hakeminen verkossa",
            "Ansök om föräldradagpenning på nätet",
            "Applying for parental allowance online",
        ),
        summary=t(
            "Raskaus- ja vanhempainrahan sekä äitiysavustuksen sähköinen haku.",
            "Elektronisk ansökan om graviditets- och föräldrapenning och moderskapsunderstöd.",
            "Apply online for pregnancy and parental allowances and the maternity grant.",
        ),
        description=t(
            "Raskausrahaa haetaan viimeistään kaksi kuukautta ennen laskettua aikaa. "
            "Vanhempainrahakausia voi jakaa vanhempien kesken ja pitää osissa. "
            "Äitiysavustuksen voi saada äitiyspakkauksena tai rahana, kun raskaus on kestänyt "
            "vähintään 154 päivää ja neuvolassa on käyty ennen neljännen kuukauden loppua.",
            "Graviditetspenning söks senast två månader före beräknad tid.",
            "Apply for pregnancy allowance at least two months before the due date.",
        ),
        how_to_get_help=t(
            "Kirjaudu verkkoasiointiin vahvalla tunnistautumisella.",
            "Logga in med stark autentisering.",
            "Sign in with strong identification.",
        ),
        groups=("parents-to-be", "families-with-baby"),
        situations=("pregnancy", "money-and-housing", "baby-first-year"),
        channels=(Channel("web", url=f"https://asiointi.{BENEFITS}/vanhempainpaivarahat"),),
    ),
    _national(
        "interpreting-disabled",
        "state-benefits",
        BENEFITS,
        name=t(
            "Tulkkauspalvelu kuulo-, kuulonäkö- ja puhevammaisille",
            "Tolktjänst för hörsel-, dövblinda och talskadade",
            "Interpreting service for people with hearing, deafblind or speech disabilities",
        ),
        summary=t(
            "Viittomakielen, kirjoitus- ja puhetulkkausta arkeen, opiskeluun ja "
            "asiointiin, myös etätulkkauksena.",
            "Teckenspråks-, skriv- och taltolkning i vardagen, studier och ärenden, även på "
            "distans.",
            "Sign language, speech-to-text and speech interpreting for daily life, study and "
            "appointments, also remotely.",
        ),
        description=t(
            "Tulkkausta voi käyttää esimerkiksi neuvolakäynneillä, vanhempainilloissa ja "
            "harrastuksissa. Lapset voivat saada tulkkausta jo varhaisessa vaiheessa. "
            "Tulkin voi tilata verkossa, tekstiviestillä tai videopuhelulla.",
            "Tolkning kan användas till exempel vid rådgivningsbesök och föräldramöten.",
            "Use interpreting e.g. at clinic visits, parents' evenings and hobbies.",
        ),
        how_to_get_help=t(
            "Hae oikeutta tulkkaukseen verkossa ja tilaa tulkki välityskeskuksesta.",
            "Ansök på nätet och beställ tolk från förmedlingen.",
            "Apply online and book through the booking centre.",
        ),
        groups=("parents", "children", "young-people"),
        situations=("disability",),
        languages=("fi", "sv", "en", "fse", "fss"),
        channels=(
            Channel("web", url=f"https://www.{BENEFITS}/tulkkaus"),
            Channel("video", url=f"https://tulkkaus.{BENEFITS}/video", hours="always"),
        ),
    ),
    _national(
        "legal-aid-family",
        "state-legal-aid",
        LEGAL,
        national=False,
        name=t(
            "Oikeusapu perheasioissa",
            "Rättshjälp i familjeärenden",
            "Legal aid in family matters",
        ),
        summary=t(
            "Julkisen oikeusavustajan neuvontaa ja apua huolto-, tapaamis- ja elatusriidoissa "
            "sekä avioeroon ja perinnönjakoon liittyvissä asioissa.",
            "Rådgivning och biträde av offentligt rättsbiträde i tvister om vårdnad, umgänge "
            "och underhåll samt i skilsmässo- och arvsfrågor.",
            "Advice and representation by a public legal aid attorney in custody, contact and "
            "maintenance disputes, divorce and inheritance.",
        ),
        description=t(
            "Oikeusapua saa, jos omat varat eivät riitä asian hoitamiseen. Oikeusavustaja "
            "selvittää tilanteen, neuvoo sopimuksen laatimisessa ja avustaa tarvittaessa "
            "käräjäoikeudessa. Lyhyen neuvonnan saa puhelimessa maksutta.",
            "Rättshjälp beviljas om de egna medlen inte räcker. Kort rådgivning per telefon är "
            "avgiftsfri.",
            "Legal aid is granted if your own means are not enough; short phone advice is free.",
        ),
        how_to_get_help=t(
            "Hae oikeusapua verkossa tai soita toimistoon. Ota mukaan tiedot tuloista ja menoista.",
            "Ansök på nätet eller ring byrån.",
            "Apply online or call the office; bring details of your income and expenses.",
        ),
        fee=t(
            "Oikeusapu on tulojen mukaan maksutonta tai osittain maksullista; "
            "lisäksi peritään 80 euron perusmaksu.",
            "Rättshjälp är avgiftsfri eller delvis avgiftsbelagd enligt inkomst.",
            "Free or partly paid depending on income; a basic fee of €80 applies.",
        ),
        groups=("separating-parents", "parents"),
        situations=("separation", "money-and-housing"),
        cost="fee",
        channels=(
            Channel("in_person", location="legal-aid-office", hours="legal_aid"),
            Channel("phone", phone="029 555 0310", phone_charge="local", hours="phone_office"),
            Channel("video", url=f"https://www.{LEGAL}/etatapaaminen", hours="office"),
        ),
    ),
    _national(
        "debt-counselling",
        "state-legal-aid",
        LEGAL,
        national=False,
        name=t(
            "Talous- ja velkaneuvonta",
            "Ekonomi- och skuldrådgivning",
            "Financial and debt counselling",
        ),
        summary=t(
            "Maksutonta apua velkojen järjestelyyn, maksusuunnitelmiin ja perheen talouden "
            "suunnitteluun.",
            "Avgiftsfri hjälp med skuldsanering, betalningsplaner och familjens ekonomi.",
            "Free help with debt arrangements, payment plans and family budgeting.",
        ),
        description=t(
            "Velkaneuvoja käy kanssasi läpi tulot, menot ja velat, neuvottelee velkojien "
            "kanssa ja auttaa hakemaan velkajärjestelyä tai takuusäätiön lainaa. Neuvonta "
            "on luottamuksellista, ja jonossa olevat perheet saavat ensiavuksi "
            "puhelinneuvontaa.",
            "Skuldrådgivaren går igenom inkomster, utgifter och skulder och förhandlar med "
            "borgenärerna.",
            "The counsellor goes through income, expenses and debts with you and negotiates "
            "with creditors.",
        ),
        how_to_get_help=t(
            "Soita neuvontaan tai täytä yhteydenottolomake.",
            "Ring eller fyll i kontaktblanketten.",
            "Call or fill in the contact form.",
        ),
        groups=("parents", "young-people"),
        situations=("money-and-housing",),
        channels=(
            Channel("in_person", location="legal-aid-office", hours="legal_aid"),
            Channel("phone", phone="029 555 0320", phone_charge="local", hours="phone_midday"),
            Channel("web", url=f"https://www.{LEGAL}/velkaneuvonta"),
        ),
    ),
    _national(
        "multilingual-advice-line",
        "state-integration",
        INTEGRATION,
        name=t(
            "Monikielinen neuvontapuhelin",
            "Flerspråkig rådgivningstelefon",
            "Multilingual advice line",
        ),
        summary=t(
            "Neuvontaa Suomeen muuttaneille omalla kielellä: asuminen, työ, koulutus, "
            "terveyspalvelut ja perheen asiat.",
            "Rådgivning på det egna språket för personer som flyttat till Finland: boende, "
            "arbete, utbildning, hälsotjänster och familjeärenden.",
            "Advice in your own language for people who have moved to Finland: housing, work, "
            "education, health services and family matters.",
        ),
        description=t(
            "Neuvojat puhuvat yli kymmentä kieltä ja auttavat ymmärtämään viranomaisten "
            "kirjeitä, varaamaan ajan neuvolaan tai hakemaan lapselle päiväkotipaikkaa. "
            "Neuvonta on maksutonta ja luottamuksellista, eikä se vaikuta oleskelulupa-asiaan.",
            "Rådgivarna talar över tio språk och hjälper till att förstå myndigheternas brev.",
            "Advisers speak over ten languages and help you understand official letters, book "
            "clinic visits or apply for day care.",
        ),
        how_to_get_help=t(
            "Soita ja valitse kieli. Voit myös jättää soittopyynnön verkossa.",
            "Ring och välj språk.",
            "Call and choose your language, or request a call back online.",
        ),
        groups=("immigrant-families",),
        situations=("immigrant-families", "money-and-housing", "learning-and-school"),
        languages=(
            "fi",
            "sv",
            "en",
            "ar",
            "so",
            "fa",
            "ru",
            "uk",
            "ku",
            "sq",
            "vi",
            "th",
            "zh",
            "fr",
            "es",
            "tr",
            "et",
        ),
        low_threshold=True,
        channels=(
            Channel("phone", phone="0800 955 100", phone_charge="free", hours="phone_office"),
            Channel("web", url=f"https://www.{INTEGRATION}/soittopyynto"),
        ),
    ),
    _national(
        "easy-finnish-family-info",
        "state-integration",
        INTEGRATION,
        name=t(
            "Perhepalvelut selkosuomeksi ja omalla kielellä",
            "Familjetjänster på lättläst finska och på det egna språket",
            "Family services in plain Finnish and your own language",
        ),
        summary=t(
            "Verkkosivusto, joka kertoo neuvolasta, päiväkodista, koulusta ja perhe-etuuksista "
            "selkokielellä ja 16 kielellä.",
            "En webbplats om rådgivningen, daghemmet, skolan och familjeförmånerna på lättläst "
            "språk och 16 språk.",
            "A website on clinics, day care, school and family benefits in plain language and "
            "16 languages.",
        ),
        description=t(
            "Sivustolla on lyhyitä tekstejä, kuvia ja videoita. Ne auttavat ymmärtämään, mitä "
            "neuvolakäynnillä tapahtuu, miten päiväkotipaikkaa haetaan ja mitä koulussa "
            "odotetaan vanhemmilta. Sisältö on saatavilla myös saameksi ja viroksi.",
            "Webbplatsen har korta texter, bilder och videor.",
            "Short texts, pictures and videos about clinic visits, day care and school.",
        ),
        how_to_get_help=t(
            "Valitse kieli sivuston alussa.",
            "Välj språk på webbplatsen.",
            "Choose your language on the site.",
        ),
        groups=("immigrant-families", "parents"),
        situations=("immigrant-families", "learning-and-school"),
        languages=(
            "fi",
            "sv",
            "en",
            "se",
            "et",
            "ar",
            "so",
            "fa",
            "ru",
            "uk",
            "ku",
            "sq",
            "vi",
            "th",
            "zh",
            "fr",
            "es",
        ),
        anonymous=True,
        channels=(Channel("web", url=f"https://www.{INTEGRATION}/perhe"),),
    ),
)
