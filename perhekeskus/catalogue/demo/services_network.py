"""Services of the family centre's network: NGOs, parishes, private
providers and peer-support groups, local and national."""

from .region import ALL_AREAS
from .schema import Channel, ServiceData, t


def _svc(key, organization, domain, **fields) -> ServiceData:
    fields.setdefault("languages", ("fi", "sv", "en"))
    fields.setdefault("url", f"https://www.{domain}/{key}")
    fields.setdefault("email", f"info@{domain}")
    if fields.get("national"):
        fields.setdefault("areas", ())
    else:
        fields.setdefault("areas", ALL_AREAS)
    return ServiceData(key=key, organization=organization, **fields)


def _at(location, hours, **kwargs):
    return Channel("in_person", location=location, hours=hours, **kwargs)


def _phone(number, hours, charge="local", **kwargs):
    return Channel("phone", phone=number, phone_charge=charge, hours=hours, **kwargs)


ARKI = "perheidenarki.example"
SHELTER = "suojasatama.example"
MULTI = "monikulttuurisetperheet.example"

NETWORK_SERVICES: tuple[ServiceData, ...] = (
    # --- Lasten ja Perheiden Arki ry ---
    _svc(
        "childminding",
        "ngo-arki",
        ARKI,
        name=t("Lastenhoitoapu", "", "Childminding service"),
        summary=t(
            "Koulutettu lastenhoitaja tulee kotiin tilapäisesti, kun vanhempi tarvitsee "
            "hetken omaa aikaa, on sairastunut tai käy työhaastattelussa.",
            "",
            "A trained childminder comes to your home when you need a break, are ill or have a "
            "job interview.",
        ),
        description=t(
            "Yhdistyksen lastenhoitajat ovat käyneet lastenhoitokurssin, ja heidän "
            "taustansa on tarkistettu rikostaustaotteella. Hoitaja leikkii lasten kanssa, "
            "ulkoilee ja huolehtii ruokailusta ja päiväunista. Hoitokerta kestää 3–6 tuntia, "
            "ja hoitaja pyritään järjestämään samalle perheelle kerta toisensa jälkeen.",
            "",
            "Our childminders have completed a childcare course and a criminal record check. "
            "Visits last 3–6 hours.",
        ),
        how_to_get_help=t(
            "Tilaa hoitaja verkossa tai soita välitykseen viimeistään edellisenä päivänä.",
            "",
            "Book online or call at least a day before.",
        ),
        fee=t(
            "Hoito maksaa 9 euroa tunnissa, iltaisin ja viikonloppuisin 11 euroa. "
            "Kotitalousvähennys on mahdollinen.",
            "",
            "€9 per hour, evenings and weekends €11.",
        ),
        age_min=0,
        age_max=10,
        groups=("parents", "families-with-baby"),
        situations=("help-at-home",),
        languages=("fi", "en"),
        areas=("951", "953"),
        cost="fee",
        channels=(
            Channel("home_visit", hours="home_help"),
            _phone("015 555 1400", "phone_office"),
            Channel("web", url=f"https://www.{ARKI}/lastenhoito/tilaa"),
        ),
    ),
    _svc(
        "grandparent-volunteers",
        "ngo-arki",
        ARKI,
        name=t("Varamummot ja -vaarit", "", ""),
        summary=t(
            "Vapaaehtoinen varaisovanhempi tuo lapsiperheen arkeen lisää aikuista läsnäoloa.",
            "",
            "",
        ),
        description=t(
            "Varamummo tai -vaari tapaa perhettä sovitusti, esimerkiksi kerran kahdessa "
            "viikossa, ja voi leikkiä, lukea tai ulkoilla lasten kanssa. Toiminta sopii "
            "erityisesti perheille, joiden omat isovanhemmat asuvat kaukana. Vapaaehtoiset "
            "ovat yhdistyksen kouluttamia.",
            "",
            "",
        ),
        how_to_get_help=t("Täytä yhteydenottolomake yhdistyksen sivuilla.", "", ""),
        age_min=0,
        age_max=12,
        groups=("whole-family", "immigrant-families"),
        situations=("leisure-and-peer-support", "help-at-home"),
        languages=("fi",),
        areas=("951",),
        low_threshold=True,
        channels=(Channel("web", url=f"https://www.{ARKI}/varamummot"),),
    ),
    _svc(
        "child-helpline",
        "ngo-arki",
        ARKI,
        name=t(
            "Lasten ja nuorten puhelin",
            "Telefonen för barn och unga",
            "Children's and youth helpline",
        ),
        summary=t(
            "Maksuton ja nimetön puhelin, johon lapsi tai nuori voi soittaa mistä tahansa asiasta.",
            "En avgiftsfri och anonym telefon dit barn och unga kan ringa om vad som helst.",
            "A free and anonymous helpline for children and young people to talk about anything.",
        ),
        description=t(
            "Puhelimessa päivystävät koulutetut vapaaehtoiset aikuiset, jotka kuuntelevat ja "
            "keskustelevat. Soittaja voi puhua esimerkiksi kavereista, koulusta, "
            "ihastumisesta, yksinäisyydestä, kiusaamisesta tai kodin riidoista. Puhelua ei "
            "nauhoiteta eikä soittajan numeroa näy.",
            "Telefonen bemannas av utbildade frivilliga vuxna som lyssnar. Man kan prata om "
            "kompisar, skolan, ensamhet eller bråk hemma. Samtalen spelas inte in.",
            "Trained volunteers listen and talk about friends, school, crushes, loneliness, "
            "bullying or quarrels at home. Calls are not recorded.",
        ),
        how_to_get_help=t(
            "Soita maksuttomaan numeroon päivystysaikana.",
            "Ring det avgiftsfria numret under jourtiden.",
            "Call the free number during opening hours.",
        ),
        age_min=6,
        age_max=20,
        groups=("children", "young-people"),
        situations=("mental-health", "violence-and-crisis", "learning-and-school"),
        national=True,
        anonymous=True,
        low_threshold=True,
        channels=(_phone("0800 955 010", "child_helpline", charge="free"),),
    ),
    _svc(
        "child-chat",
        "ngo-arki",
        ARKI,
        name=t("Lasten ja nuorten chat", "Chatten för barn och unga", "Children's and youth chat"),
        summary=t(
            "Nimetön chat, jossa voi kirjoittaa turvalliselle aikuiselle.",
            "En anonym chatt där man kan skriva till en trygg vuxen.",
            "An anonymous chat with a trusted adult.",
        ),
        description=t(
            "Chatissa voi keskustella kahden kesken koulutetun vapaaehtoisen kanssa. "
            "Chatin lisäksi palvelussa voi lähettää kirjeen, johon vastataan viikon kuluessa. "
            "Keskustelut ovat luottamuksellisia.",
            "I chatten kan man prata på tu man hand med en utbildad frivillig. Man kan också "
            "skicka ett brev som besvaras inom en vecka.",
            "Chat one-to-one with a trained volunteer, or send a letter answered within a week.",
        ),
        how_to_get_help=t(
            "Avaa chat verkkosivulla aukioloaikana.",
            "Öppna chatten på webbplatsen.",
            "Open the chat on the website.",
        ),
        age_min=8,
        age_max=20,
        groups=("children", "young-people"),
        situations=("mental-health", "leisure-and-peer-support"),
        national=True,
        anonymous=True,
        low_threshold=True,
        channels=(Channel("web", url=f"https://www.{ARKI}/chat", hours="chat_evening"),),
    ),
    _svc(
        "parent-helpline",
        "ngo-arki",
        ARKI,
        name=t("Vanhempainpuhelin", "Föräldratelefonen", "Parents' helpline"),
        summary=t(
            "Maksuton, nimetön puhelin vanhemmille ja muille kasvattajille.",
            "En avgiftsfri, anonym telefon för föräldrar och andra fostrare.",
            "A free, anonymous helpline for parents and other carers.",
        ),
        description=t(
            "Vanhempainpuhelimeen voi soittaa, kun kasvatuksessa, parisuhteessa tai omassa "
            "jaksamisessa on mietittävää. Koulutettu vapaaehtoinen kuuntelee ja auttaa "
            "jäsentämään tilannetta. Tarvittaessa saat tietoa paikkakuntasi palveluista.",
            "Till föräldratelefonen kan man ringa när man funderar på fostran, parrelationen "
            "eller sin egen ork.",
            "Call when you have questions about upbringing, your relationship or your own coping.",
        ),
        how_to_get_help=t(
            "Soita maksuttomaan numeroon päivystysaikana.",
            "Ring det avgiftsfria numret.",
            "Call the free number.",
        ),
        groups=("parents",),
        situations=("parenting", "couple-relationship", "mental-health"),
        national=True,
        anonymous=True,
        low_threshold=True,
        channels=(_phone("0800 955 020", "parent_helpline", charge="free"),),
    ),
    # --- Suojasatama ry ---
    _svc(
        "shelter",
        "ngo-shelter",
        SHELTER,
        name=t("Turvakoti", "Skyddshem", "Shelter"),
        summary=t(
            "Turvallinen paikka ympäri vuorokauden väkivaltaa tai sen uhkaa kokeville aikuisille "
            "ja lapsille.",
            "En trygg plats dygnet runt för vuxna och barn som utsatts för våld eller hot om våld.",
            "A safe place around the clock for adults and children facing violence or its threat.",
        ),
        description=t(
            "Turvakotiin voi tulla ilman lähetettä mihin vuorokauden aikaan tahansa, yksin tai "
            "lasten kanssa. Turvakodissa saa kriisiapua, keskusteluapua ja neuvontaa "
            "esimerkiksi lähestymiskiellosta, asumisesta ja lasten huollosta. Lapsille on omat "
            "työntekijät. Turvakodin osoite on salainen, ja se kerrotaan puhelimessa. "
            "Palvelu on maksuton, ja turvakotiin voi hakeutua mistä päin Suomea tahansa.",
            "Till skyddshemmet kan man komma utan remiss när som helst, ensam eller med barn. "
            "Adressen är hemlig och meddelas per telefon. Tjänsten är avgiftsfri.",
            "Come without a referral at any time, alone or with children. The address is "
            "secret and given over the phone. Free of charge.",
        ),
        how_to_get_help=t(
            "Soita turvakotiin, niin sovitaan tulosta. Akuutissa vaarassa soita 112.",
            "Ring skyddshemmet. Vid akut fara ring 112.",
            "Call the shelter to arrange your arrival. In immediate danger call 112.",
        ),
        groups=("parents", "children", "young-people"),
        situations=("violence-and-crisis",),
        languages=("fi", "sv", "en", "ru", "ar"),
        low_threshold=True,
        channels=(_phone("015 555 1500", "always"),),
    ),
    _svc(
        "violence-helpline",
        "ngo-shelter",
        SHELTER,
        name=t("Turvalinja", "Trygghetslinjen", "Safety line"),
        summary=t(
            "Maksuton auttava puhelin väkivaltaa kokeneille ja heidän läheisilleen ympäri "
            "vuorokauden.",
            "En avgiftsfri hjälptelefon dygnet runt för personer som utsatts för våld och "
            "deras närstående.",
            "A free 24-hour helpline for people experiencing violence and those close to them.",
        ),
        description=t(
            "Turvalinjaan voi soittaa nimettömästi, kun kokee tai on kokenut henkistä, "
            "fyysistä, seksuaalista tai taloudellista väkivaltaa parisuhteessa tai perheessä. "
            "Päivystäjä auttaa arvioimaan turvallisuutta ja kertoo lähimmistä "
            "palveluista. Palvelua on saatavilla myös arabiaksi, venäjäksi, somaliksi ja "
            "persiaksi tulkin välityksellä.",
            "Man kan ringa anonymt när man utsätts för psykiskt, fysiskt, sexuellt eller "
            "ekonomiskt våld i en relation eller familj.",
            "Call anonymously about psychological, physical, sexual or financial violence in a "
            "relationship or family.",
        ),
        how_to_get_help=t("Soita milloin tahansa.", "Ring när som helst.", "Call any time."),
        groups=("parents", "couples", "young-people"),
        situations=("violence-and-crisis", "couple-relationship"),
        languages=("fi", "sv", "en", "ar", "ru", "so", "fa"),
        national=True,
        anonymous=True,
        low_threshold=True,
        channels=(_phone("0800 955 030", "always", charge="free"),),
    ),
    _svc(
        "violence-outpatient",
        "ngo-shelter",
        SHELTER,
        name=t(
            "Väkivaltaa kokeneiden avopalvelu",
            "Öppenvård för våldsutsatta",
            "Outpatient support after violence",
        ),
        summary=t(
            "Keskusteluapua ja ryhmiä väkivaltaa kokeneille aikuisille ja lapsille ilman "
            "turvakotijaksoa.",
            "Samtalsstöd och grupper för våldsutsatta vuxna och barn utan vistelse på skyddshem.",
            "Counselling and groups for adults and children who have experienced violence.",
        ),
        description=t(
            "Avopalvelussa voi käsitellä väkivaltakokemuksia yksilötapaamisissa ja "
            "vertaisryhmässä. Lapsille järjestetään ikätasoisia ryhmiä, joissa harjoitellaan "
            "tunteiden tunnistamista ja turvataitoja. Työntekijä voi lähteä mukaan poliisille "
            "tai oikeudenkäyntiin.",
            "I öppenvården kan man bearbeta våldserfarenheter individuellt och i grupp. Barnen "
            "har egna grupper.",
            "Individual and group sessions; children's groups on feelings and safety skills.",
        ),
        how_to_get_help=t(
            "Soita ja sovi ensitapaaminen.",
            "Ring och boka ett första möte.",
            "Call to arrange a first meeting.",
        ),
        groups=("parents", "children"),
        situations=("violence-and-crisis",),
        low_threshold=True,
        channels=(_at("violence-outpatient", "office"), _phone("015 555 1510", "phone_office")),
    ),
    _svc(
        "violence-perpetrator-programme",
        "ngo-shelter",
        SHELTER,
        name=t(
            "Väkivallan katkaisuohjelma",
            "Program för att bryta våldet",
            "Programme to stop using violence",
        ),
        summary=t(
            "Apua väkivallan lopettamiseen sille, joka on käyttänyt väkivaltaa läheisiään kohtaan.",
            "Hjälp att sluta använda våld för den som har utövat våld mot sina närstående.",
            "Help to stop for those who have used violence against family members.",
        ),
        description=t(
            "Ohjelmassa käsitellään väkivallan syitä ja seurauksia sekä opetellaan "
            "keinoja hallita vihaa ja ratkaista ristiriitoja ilman väkivaltaa. Työskentely "
            "alkaa yksilötapaamisilla ja jatkuu ryhmässä. Lasten ja kumppanin turvallisuus "
            "otetaan huomioon koko ajan.",
            "I programmet behandlas våldets orsaker och följder och man övar sätt att hantera "
            "ilska.",
            "Sessions cover causes and consequences of violence and ways to handle anger.",
        ),
        how_to_get_help=t(
            "Soita itse; lähetettä ei tarvita.",
            "Ring själv; ingen remiss behövs.",
            "Call yourself; no referral needed.",
        ),
        groups=("parents", "couples"),
        situations=("violence-and-crisis", "couple-relationship"),
        channels=(
            _at("violence-outpatient", "peer_evening"),
            _phone("015 555 1520", "phone_midday"),
        ),
    ),
    _svc(
        "mother-baby-home",
        "ngo-shelter",
        SHELTER,
        name=t(
            "Ensikoti ja vauvaperheiden avopalvelu",
            "Mödrahem och öppenvård för babyfamiljer",
            "Mother-and-baby home and outreach",
        ),
        summary=t(
            "Asumis- ja avopalvelua odottaville ja vauvaperheille, joiden arki tarvitsee tiivistä "
            "tukea.",
            "Boende och öppenvård för blivande föräldrar och babyfamiljer som behöver "
            "intensivt stöd.",
            "Residential and outreach support for expectant and new families who need "
            "intensive help.",
        ),
        description=t(
            "Ensikodissa perhe asuu yhdessä vauvan kanssa ja saa ympärivuorokautista tukea "
            "vauvan hoitoon ja vuorovaikutukseen. Avopalvelussa työntekijä käy kotona ja "
            "perhe osallistuu ryhmiin. Palvelu on tarkoitettu myös perheille, joissa on "
            "päihteiden käyttöä.",
            "På mödrahemmet bor familjen med bebisen och får stöd dygnet runt.",
            "The family lives with the baby and gets 24-hour support with care and bonding.",
        ),
        how_to_get_help=t(
            "Palveluun tullaan sosiaalityöntekijän päätöksellä.",
            "Man kommer via socialarbetarens beslut.",
            "Access is through a social worker's decision.",
        ),
        groups=("families-with-baby", "parents-to-be"),
        situations=("baby-first-year", "substance-use", "pregnancy"),
        referral_required=True,
        channels=(Channel("home_visit", hours="office"), _phone("015 555 1530", "phone_office")),
    ),
    # --- Monikulttuuriset Perheet ry ---
    _svc(
        "multilingual-family-counselling",
        "ngo-multicultural",
        MULTI,
        name=t(
            "Monikielinen perheneuvonta",
            "Flerspråkig familjerådgivning",
            "Multilingual family counselling",
        ),
        summary=t(
            "Keskusteluapua perheen, parisuhteen ja kasvatuksen kysymyksiin omalla kielellä.",
            "Samtalsstöd i frågor om familj, parrelation och fostran på det egna språket.",
            "Counselling in your own language on family, relationship and parenting questions.",
        ),
        description=t(
            "Perheneuvojat puhuvat arabiaa, somalia, persiaa, kurdia, venäjää ja ukrainaa. "
            "Voit tulla keskustelemaan esimerkiksi kasvatuksesta kahden kulttuurin välissä, "
            "nuoren ja vanhemman välisistä ristiriidoista, parisuhteesta, erosta tai "
            "perheenyhdistämisen odottamisen herättämistä tunteista. Tarvittaessa ohjaamme "
            "hyvinvointialueen palveluihin ja tulemme mukaan ensimmäiselle käynnille.",
            "Familjerådgivarna talar arabiska, somaliska, persiska, kurdiska, ryska och ukrainska.",
            "Counsellors speak Arabic, Somali, Persian, Kurdish, Russian and Ukrainian.",
        ),
        how_to_get_help=t(
            "Soita tai tule toimistolle aukioloaikana.",
            "Ring eller kom till kontoret.",
            "Call or visit the office.",
        ),
        groups=("immigrant-families", "parents", "couples"),
        situations=("immigrant-families", "parenting", "couple-relationship", "separation"),
        languages=("fi", "en", "ar", "so", "fa", "ku", "ru", "uk"),
        low_threshold=True,
        channels=(_at("multicultural-centre", "office"), _phone("015 555 1600", "phone_office")),
    ),
    _svc(
        "mothers-finnish-club",
        "ngo-multicultural",
        MULTI,
        name=t(
            "Äitien suomen kielen kerho lastenhoidolla",
            "",
            "Finnish language club for mothers, with childcare",
        ),
        summary=t(
            "Arkisen suomen kielen harjoittelua kotona lapsia hoitaville äideille, lapsille "
            "oma hoitoryhmä.",
            "",
            "Everyday Finnish practice for mothers at home with children; childcare provided.",
        ),
        description=t(
            "Kerhossa opitaan neuvolassa, kaupassa ja päiväkodissa tarvittavia sanoja ja "
            "fraaseja sekä tutustutaan lähialueen palveluihin. Samalla vapaaehtoiset hoitavat "
            "lapsia viereisessä huoneessa. Kerho sopii myös aivan alkeista aloittaville.",
            "",
            "Learn words and phrases needed at the clinic, shop and day care while volunteers "
            "look after the children next door.",
        ),
        how_to_get_help=t("Tule mukaan, ilmoittautumista ei tarvita.", "", "Just come along."),
        groups=("immigrant-families", "parents"),
        situations=("immigrant-families", "leisure-and-peer-support"),
        languages=("fi", "ar", "so", "fa", "en"),
        areas=("951", "952"),
        low_threshold=True,
        channels=(_at("multicultural-centre", "club_two_mornings", summer_break=True),),
    ),
    _svc(
        "bicultural-couples",
        "ngo-multicultural",
        MULTI,
        name=t(
            "Kaksikulttuuristen parien neuvonta",
            "Rådgivning för bikulturella par",
            "Counselling for bicultural couples",
        ),
        summary=t(
            "Etäneuvontaa pareille, joissa puolisot tulevat eri kulttuureista.",
            "Distansrådgivning för par där parterna kommer från olika kulturer.",
            "Remote counselling for couples from different cultures.",
        ),
        description=t(
            "Neuvonnassa voi käsitellä esimerkiksi kielten ja tapojen eroja, suhdetta "
            "sukuun, lasten kasvatusta ja oleskelulupiin liittyviä huolia. Tapaamiset ovat "
            "videon välityksellä, joten palvelua voi käyttää kaikkialla Suomessa.",
            "I rådgivningen kan man ta upp skillnader i språk och seder, relationen till "
            "släkten och barnuppfostran.",
            "Talk about differences in language and customs, relations with relatives and "
            "raising children.",
        ),
        how_to_get_help=t("Varaa aika verkossa.", "Boka tid på nätet.", "Book online."),
        groups=("couples", "immigrant-families"),
        situations=("couple-relationship", "immigrant-families"),
        languages=("fi", "sv", "en", "fr", "es", "de", "ru", "th"),
        national=True,
        channels=(
            Channel("video", url=f"https://www.{MULTI}/parit", hours="therapy"),
            Channel("web", url=f"https://www.{MULTI}/parit/ajanvaraus"),
        ),
    ),
    _svc(
        "honour-violence-line",
        "ngo-multicultural",
        MULTI,
        name=t(
            "Kunniaan liittyvän väkivallan neuvontapuhelin",
            "Rådgivningstelefon om hedersrelaterat våld",
            "Helpline on honour-related violence",
        ),
        summary=t(
            "Luottamuksellista neuvontaa kunniaan liittyvää väkivaltaa, pakkoavioliittoa tai "
            "sen uhkaa kokeville sekä ammattilaisille.",
            "Konfidentiell rådgivning för den som utsätts för hedersrelaterat våld eller "
            "tvångsäktenskap, och för yrkesfolk.",
            "Confidential advice for people facing honour-related violence or forced marriage, "
            "and for professionals.",
        ),
        description=t(
            "Puhelimessa voi kertoa tilanteestaan nimettömästi. Neuvoja auttaa arvioimaan "
            "riskejä ja ohjaa turvakotiin, poliisille tai sosiaalipäivystykseen. Ammattilaiset "
            "saavat konsultaatiota asiakastilanteisiin.",
            "Man kan berätta om sin situation anonymt. Rådgivaren hjälper att bedöma riskerna.",
            "You can describe your situation anonymously; the adviser helps assess risks.",
        ),
        how_to_get_help=t("Soita arkisin.", "Ring vardagar.", "Call on weekdays."),
        age_min=12,
        groups=("young-people", "immigrant-families", "professionals"),
        situations=("violence-and-crisis", "immigrant-families"),
        languages=("fi", "sv", "en", "ar", "ku", "so", "fa", "tr", "sq"),
        national=True,
        anonymous=True,
        channels=(_phone("0800 955 040", "phone_office", charge="free"),),
    ),
    _svc(
        "ukrainian-families",
        "ngo-multicultural",
        MULTI,
        name=t(
            "Ukrainalaisten perheiden kohtaamispaikka",
            "Mötesplats för ukrainska familjer",
            "Meeting place for Ukrainian families",
        ),
        summary=t(
            "Viikoittainen kohtaamispaikka sodan vuoksi Suomeen tulleille perheille.",
            "En mötesplats varje vecka för familjer som kommit till Finland på grund av kriget.",
            "A weekly meeting place for families who came to Finland because of the war.",
        ),
        description=t(
            "Kohtaamispaikassa on lasten leikkitoimintaa, vanhemmille vertaistukea ja "
            "ukrainaa ja venäjää puhuva ohjaaja, joka auttaa esimerkiksi koulun, "
            "päivähoidon ja tilapäisen suojelun asioissa. Kerran kuukaudessa paikalla on "
            "psykologi, jonka kanssa voi keskustella sodan herättämistä tunteista.",
            "På mötesplatsen finns lekverksamhet för barn och kamratstöd för föräldrar.",
            "Play for children, peer support for parents and a Ukrainian-speaking adviser.",
        ),
        how_to_get_help=t(
            "Tule paikalle keskiviikkoisin.", "Kom på onsdagar.", "Come on Wednesdays."
        ),
        groups=("immigrant-families", "whole-family"),
        situations=("immigrant-families", "leisure-and-peer-support", "mental-health"),
        languages=("uk", "ru", "fi", "en"),
        low_threshold=True,
        anonymous=True,
        channels=(_at("multicultural-centre", "family_cafe_once"),),
    ),
    _svc(
        "homework-club",
        "ngo-multicultural",
        MULTI,
        name=t("Läksykerho", "", "Homework club"),
        summary=t(
            "Vapaaehtoiset auttavat koululaisia läksyissä ja suomen kielessä kirjastolla.",
            "",
            "Volunteers help pupils with homework and Finnish at the library.",
        ),
        description=t(
            "Läksykerho on tarkoitettu erityisesti lapsille, joiden kotikieli on muu kuin "
            "suomi. Kerhossa tehdään läksyt yhdessä, harjoitellaan lukemista ja syödään "
            "välipala. Vanhemmat voivat samalla kysyä koulunkäyntiin liittyvistä asioista.",
            "",
            "For children whose home language is not Finnish: homework, reading practice and a "
            "snack.",
        ),
        how_to_get_help=t(
            "Tule kirjastolle, ilmoittautumista ei tarvita.", "", "Just come to the library."
        ),
        age_min=7,
        age_max=15,
        groups=("children", "immigrant-families"),
        situations=("learning-and-school", "immigrant-families"),
        languages=("fi", "ar", "so", "en"),
        areas=("951",),
        low_threshold=True,
        channels=(_at("library-kaislaranta", "club_afternoon", summer_break=True),),
    ),
    # --- Lasten Turvaverkko ry ---
    _svc(
        "leaving-care-peer-groups",
        "ngo-childsafety",
        "lastenturvaverkko.example",
        name=t(
            "Itsenäistyvien nuorten vertaisryhmä",
            "Kamratgrupp för unga som flyttar hemifrån efter vård",
            "Peer group for young people leaving care",
        ),
        summary=t(
            "Vertaistukea ja arjen taitoja sijaishuollosta itsenäistyville nuorille.",
            "Kamratstöd och vardagsfärdigheter för unga som lämnar vård utom hemmet.",
            "Peer support and everyday skills for young people leaving care.",
        ),
        description=t(
            "Ryhmässä kokataan, harjoitellaan raha-asioiden hoitamista ja jutellaan "
            "asioista, jotka askarruttavat omaan asuntoon muuttaessa. Ryhmää ohjaavat "
            "sosionomi ja kokemusasiantuntija, joka on itse asunut sijaisperheessä.",
            "I gruppen lagar vi mat, övar att sköta ekonomin och pratar om att flytta till en "
            "egen bostad.",
            "We cook, practise handling money and talk about moving into your own home.",
        ),
        how_to_get_help=t(
            "Ilmoittaudu puhelimitse.", "Anmäl dig per telefon.", "Sign up by phone."
        ),
        age_min=16,
        age_max=25,
        groups=("young-people", "foster-families"),
        situations=("money-and-housing", "leisure-and-peer-support"),
        channels=(
            _at("family-house-kaislaranta", "peer_thursday", summer_break=True),
            _phone("015 555 1700", "phone_midday"),
        ),
    ),
    # --- Nuorten Polku ry ---
    _svc(
        "youth-drop-in",
        "ngo-youthpath",
        "nuortenpolku.example",
        name=t("Nuorten Polku -piste", "Ungas stig-punkten", "Youth Path drop-in"),
        summary=t(
            "Matalan kynnyksen tukea nuorille, jotka ovat kokeneet seksuaalista häirintää tai "
            "hyväksikäyttöä tai ovat ajautumassa rikoksiin.",
            "Lågtröskelstöd för unga som utsatts för sexuella trakasserier eller utnyttjande "
            "eller som håller på att dras in i brott.",
            "Low-threshold support for young people who have experienced sexual harassment or "
            "exploitation or are drifting into crime.",
        ),
        description=t(
            "Pisteeseen voi tulla juttelemaan ilman ajanvarausta tai nimeä. Työntekijät "
            "tuntevat nuorten ilmiöt, kuten nettigroomingin, alaikäisiin kohdistuvan "
            "seksuaalisen hyväksikäytön ja jengiytymisen, eivätkä tuomitse. Tarvittaessa "
            "työntekijä lähtee mukaan poliisille, nuorisoasemalle tai sosiaalipalveluihin.",
            "Man kan komma och prata utan tidsbokning och utan namn.",
            "Drop in without an appointment or a name; workers know online grooming and gangs "
            "and do not judge.",
        ),
        how_to_get_help=t(
            "Tule paikalle tai laita viesti.",
            "Kom dit eller skicka ett meddelande.",
            "Drop in or send a message.",
        ),
        age_min=12,
        age_max=25,
        groups=("young-people",),
        situations=("violence-and-crisis", "substance-use", "mental-health"),
        anonymous=True,
        low_threshold=True,
        channels=(_at("youth-point", "outreach"), _phone("015 555 1800", "outreach")),
    ),
    _svc(
        "youth-path-chat",
        "ngo-youthpath",
        "nuortenpolku.example",
        name=t("Nuorten Polku -chat", "Ungas stig-chatten", "Youth Path chat"),
        summary=t(
            "Viikonloppuiltojen chat nuorille, jotka ovat kohdanneet häirintää verkossa.",
            "En chatt på helgkvällar för unga som utsatts för trakasserier på nätet.",
            "A weekend evening chat for young people harassed online.",
        ),
        description=t(
            "Chatissa voi kertoa nimettömästi esimerkiksi kuvien levittämisestä, "
            "kiristämisestä tai ahdistelusta somessa. Päivystäjä auttaa miettimään, mitä "
            "tehdä seuraavaksi ja miten kuvat saa poistettua.",
            "I chatten kan man anonymt berätta om spridning av bilder eller utpressning.",
            "Tell anonymously about shared images, blackmail or harassment on social media.",
        ),
        how_to_get_help=t(
            "Avaa chat verkkosivulla.", "Öppna chatten på webbplatsen.", "Open the chat online."
        ),
        age_min=12,
        age_max=25,
        groups=("young-people",),
        situations=("violence-and-crisis",),
        national=True,
        anonymous=True,
        low_threshold=True,
        channels=(
            Channel("web", url="https://www.nuortenpolku.example/chat", hours="chat_weekend"),
        ),
    ),
    # --- Selvä Suunta ry ---
    _svc(
        "family-substance-line",
        "ngo-substance",
        "selvasuunta.example",
        name=t("Läheisten puhelin", "Anhörigtelefonen", "Helpline for family members"),
        summary=t(
            "Neuvontaa ja tukea, kun perheenjäsenen alkoholin, huumeiden tai rahapelien käyttö "
            "huolestuttaa.",
            "Rådgivning och stöd när en familjemedlems användning av alkohol, droger eller "
            "penningspel oroar.",
            "Advice and support when a family member's drinking, drug use or gambling worries you.",
        ),
        description=t(
            "Läheisen päihteiden käyttö kuormittaa koko perhettä. Puhelimessa saat "
            "keskusteluapua, tietoa hoitomahdollisuuksista ja vinkkejä siihen, miten puheeksi "
            "ottaminen onnistuu. Myös nuoren päihdekokeiluista huolestuneet vanhemmat voivat "
            "soittaa.",
            "Anhörigas missbruk belastar hela familjen. Du får samtalsstöd och information om "
            "vård.",
            "You get counselling, information on treatment and tips for raising the subject.",
        ),
        how_to_get_help=t(
            "Soita maksuttomaan numeroon.", "Ring det avgiftsfria numret.", "Call the free number."
        ),
        groups=("parents", "couples", "young-people"),
        situations=("substance-use",),
        national=True,
        anonymous=True,
        low_threshold=True,
        channels=(_phone("0800 955 050", "parent_helpline", charge="free"),),
    ),
    _svc(
        "youth-gaming-substance-advice",
        "ngo-substance",
        "selvasuunta.example",
        name=t(
            "Nuorten peli- ja päihdeneuvonta",
            "Spel- och rusmedelsrådgivning för unga",
            "Gaming and substance advice for young people",
        ),
        summary=t(
            "Keskusteluapua nuorille, joiden pelaaminen, nikotiinituotteet tai päihteet "
            "alkavat viedä liikaa.",
            "Samtalsstöd för unga vars spelande, nikotinprodukter eller rusmedel tar för mycket.",
            "Support for young people whose gaming, nicotine or substance use is getting out of "
            "hand.",
        ),
        description=t(
            "Neuvonnassa pohditaan yhdessä omaa pelaamista tai päihteiden käyttöä ilman "
            "saarnaamista. Apua saa myös nuuskan ja sähkösavukkeiden lopettamiseen. "
            "Vanhemmille järjestetään iltoja, joissa käsitellään nuorten digipelaamista ja "
            "rajojen asettamista.",
            "Rådgivningen behandlar spelande och rusmedel utan pekpinnar. Hjälp finns också "
            "för att sluta med snus.",
            "Talk about gaming or substances without lecturing; help to quit snus and vapes.",
        ),
        how_to_get_help=t(
            "Tule pisteeseen tai avaa chat.",
            "Kom till punkten eller öppna chatten.",
            "Drop in or open the chat.",
        ),
        age_min=13,
        age_max=25,
        groups=("young-people", "parents"),
        situations=("substance-use",),
        anonymous=True,
        low_threshold=True,
        channels=(
            _at("substance-office", "youth_room"),
            Channel("web", url="https://www.selvasuunta.example/chat", hours="chat_evening"),
        ),
    ),
    _svc(
        "children-of-substance-users-group",
        "ngo-substance",
        "selvasuunta.example",
        name=t(
            "Ryhmä lapsille, joiden vanhempi käyttää päihteitä",
            "",
            "Group for children of parents who use substances",
        ),
        summary=t(
            "Turvallinen ryhmä, jossa lapsi saa puhua vanhemman juomisesta tai päihteistä "
            "ikätasoisesti.",
            "",
            "A safe group for children to talk about a parent's drinking or drug use.",
        ),
        description=t(
            "Ryhmä kokoontuu kymmenen kertaa. Leikin, piirtämisen ja keskustelun avulla "
            "lapsi oppii, ettei vanhemman juominen ole hänen syytään ja että tunteista saa "
            "puhua. Vanhemmille on omat tapaamiset.",
            "",
            "Ten sessions of play, drawing and talk; parents have their own meetings.",
        ),
        how_to_get_help=t("Soita ohjaajalle.", "", "Call the group leader."),
        age_min=7,
        age_max=12,
        groups=("children",),
        situations=("substance-use", "leisure-and-peer-support"),
        languages=("fi", "en"),
        areas=("951", "952", "953"),
        channels=(
            _at("substance-office", "club_afternoon", summer_break=True),
            _phone("015 555 1900", "phone_midday"),
        ),
    ),
    # --- Kriisikeskus Majakka ry ---
    _svc(
        "crisis-counselling",
        "ngo-crisis-centre",
        "kriisikeskusmajakka.example",
        name=t(
            "Kriisikeskuksen keskusteluapu",
            "Kriscentrets samtalshjälp",
            "Crisis centre counselling",
        ),
        summary=t(
            "Maksutonta keskusteluapua äkillisissä ja vaikeissa elämäntilanteissa, myös "
            "nimettömästi.",
            "Avgiftsfri samtalshjälp i plötsliga och svåra livssituationer, även anonymt.",
            "Free counselling in sudden and difficult life situations, anonymously if you wish.",
        ),
        description=t(
            "Kriisikeskukseen voi hakeutua esimerkiksi läheisen kuoleman, eron, "
            "onnettomuuden, väkivallan tai itsetuhoisten ajatusten vuoksi. Tapaamisia on "
            "yleensä yhdestä viiteen, ja ensimmäisen ajan saa tavallisesti saman viikon "
            "aikana. Keskusteluapua annetaan aikuisille, nuorille ja perheille yhdessä.",
            "Man kan vända sig till kriscentret vid en närståendes död, skilsmässa, olycka "
            "eller självmordstankar.",
            "Come after a death, separation, accident, violence or with suicidal thoughts; "
            "usually 1–5 meetings.",
        ),
        how_to_get_help=t("Soita ja varaa aika.", "Ring och boka tid.", "Call to book."),
        age_min=15,
        groups=("parents", "young-people", "whole-family"),
        situations=("violence-and-crisis", "bereavement", "separation", "mental-health"),
        anonymous=True,
        low_threshold=True,
        channels=(_at("crisis-centre", "office"), _phone("015 555 1950", "crisis_phone")),
    ),
    # --- Mielen Tuki ry ---
    _svc(
        "crisis-line",
        "ngo-mind",
        "mielentuki.example",
        name=t(
            "Valtakunnallinen kriisipuhelin",
            "Den riksomfattande kristelefonen",
            "National crisis line",
        ),
        summary=t(
            "Keskusteluapua kriisissä oleville ja heidän läheisilleen ympäri vuorokauden.",
            "Samtalshjälp dygnet runt för personer i kris och deras närstående.",
            "Crisis support for people in crisis and their family, 24 hours a day.",
        ),
        description=t(
            "Kriisipuhelimeen voi soittaa, kun oma tai läheisen tilanne tuntuu ylivoimaiselta. "
            "Päivystäjinä toimivat koulutetut vapaaehtoiset ja ammattilaiset. Puhelimessa voi "
            "puhua myös itsetuhoisista ajatuksista. Ruotsiksi ja englanniksi päivystetään "
            "iltaisin.",
            "Till kristelefonen kan man ringa när den egna eller en närståendes situation känns "
            "övermäktig. På svenska och engelska på kvällarna.",
            "Call when your situation or a family member's feels overwhelming, including "
            "suicidal thoughts.",
        ),
        how_to_get_help=t("Soita milloin tahansa.", "Ring när som helst.", "Call any time."),
        groups=("parents", "young-people"),
        situations=("mental-health", "violence-and-crisis", "bereavement"),
        languages=("fi", "sv", "en", "ar"),
        national=True,
        anonymous=True,
        low_threshold=True,
        channels=(_phone("0800 955 060", "always", charge="free"),),
    ),
    _svc(
        "youth-mind-chat",
        "ngo-mind",
        "mielentuki.example",
        name=t(
            "Nuorten mielen chat", "Ungas chatt om psykiskt välmående", "Youth mental health chat"
        ),
        summary=t(
            "Iltaisin päivystävä chat nuorille, joiden mieltä painaa.",
            "En chatt på kvällarna för unga som mår dåligt.",
            "An evening chat for young people who are struggling.",
        ),
        description=t(
            "Chatissa vastaavat mielenterveysalan ammattilaiset ja koulutetut vapaaehtoiset. "
            "Voit kirjoittaa ahdistuksesta, yksinäisyydestä, itsetuhoisuudesta tai mistä "
            "tahansa mieltä painavasta. Jonossa voi joutua odottamaan, mutta jokainen "
            "pyritään kohtaamaan.",
            "I chatten svarar yrkespersoner och utbildade frivilliga.",
            "Professionals and trained volunteers answer.",
        ),
        how_to_get_help=t("Avaa chat verkossa.", "Öppna chatten.", "Open the chat."),
        age_min=12,
        age_max=29,
        groups=("young-people",),
        situations=("mental-health",),
        national=True,
        anonymous=True,
        low_threshold=True,
        channels=(
            Channel("web", url="https://www.mielentuki.example/nuoret/chat", hours="chat_evening"),
        ),
    ),
    # --- Kahden Kodin Lapset ry ---
    _svc(
        "separation-advice-groups",
        "ngo-two-homes",
        "kahdenkodinlapset.example",
        name=t(
            "Eroneuvonta ja vertaisryhmät vanhemmille",
            "Skilsmässorådgivning och kamratgrupper för föräldrar",
            "Separation advice and peer groups for parents",
        ),
        summary=t(
            "Keskusteluapua ja vertaistukea eroa harkitseville ja eronneille vanhemmille.",
            "Samtalsstöd och kamratstöd för föräldrar som överväger skilsmässa eller har skilt "
            "sig.",
            "Counselling and peer support for parents considering or going through separation.",
        ),
        description=t(
            "Eroneuvonnassa voi pohtia eropäätöstä, lasten kertomista erosta ja "
            "yhteistyövanhemmuuden käytäntöjä. Eron ensiapu -ryhmä kokoontuu kuusi kertaa, "
            "ja siinä käsitellään eron tunteita, lapsen tarpeita eri ikävaiheissa ja "
            "kommunikointia entisen puolison kanssa. Uusperheille on oma ryhmänsä.",
            "I rådgivningen kan man fundera på beslutet, hur man berättar för barnen och "
            "samarbetsföräldraskap.",
            "Think through the decision, telling the children and co-parenting; a six-session "
            "group covers feelings and communication.",
        ),
        how_to_get_help=t(
            "Varaa aika tai ilmoittaudu ryhmään verkossa.",
            "Boka tid eller anmäl dig på nätet.",
            "Book or sign up online.",
        ),
        groups=("separating-parents",),
        situations=("separation", "couple-relationship"),
        low_threshold=True,
        channels=(
            _at("two-homes-centre", "peer_evening"),
            Channel(
                "video", url="https://www.kahdenkodinlapset.example/etaneuvonta", hours="office"
            ),
        ),
    ),
    _svc(
        "children-separation-group",
        "ngo-two-homes",
        "kahdenkodinlapset.example",
        name=t("Lasten eroryhmä", "Barngrupp vid skilsmässa", "Children's separation group"),
        summary=t(
            "Ryhmä 7–12-vuotiaille, joiden vanhemmat ovat eronneet.",
            "En grupp för 7–12-åringar vars föräldrar har skilt sig.",
            "A group for 7–12-year-olds whose parents have separated.",
        ),
        description=t(
            "Ryhmässä lapset tapaavat muita samassa tilanteessa olevia ja käsittelevät eron "
            "herättämiä tunteita leikin ja taiteen keinoin. Lapsi huomaa, ettei ero ollut "
            "hänen syytään. Vanhemmille järjestetään ryhmän aikana kaksi yhteistä tapaamista.",
            "Barnen träffar andra i samma situation och bearbetar känslorna genom lek och konst.",
            "Children meet others in the same situation and work through feelings with play "
            "and art.",
        ),
        how_to_get_help=t(
            "Vanhempi ilmoittaa lapsen ryhmään.",
            "Föräldern anmäler barnet.",
            "A parent signs the child up.",
        ),
        age_min=7,
        age_max=12,
        groups=("children", "separating-parents"),
        situations=("separation", "leisure-and-peer-support"),
        channels=(_at("two-homes-centre", "club_afternoon", summer_break=True),),
    ),
    _svc(
        "contact-centre",
        "ngo-two-homes",
        "kahdenkodinlapset.example",
        name=t(
            "Lasten tapaamispaikka",
            "Umgängesställe för barn",
            "Children's contact centre",
        ),
        summary=t(
            "Valvotut ja tuetut tapaamiset sekä valvotut vaihdot, kun lapsen ja vanhemman "
            "tapaaminen ei onnistu ilman ulkopuolista apua.",
            "Övervakade och stödda möten samt överlämningar när umgänget inte fungerar utan "
            "hjälp utifrån.",
            "Supervised and supported contact and handovers when a child and parent cannot "
            "meet without outside help.",
        ),
        description=t(
            "Tapaamispaikassa lapsi voi tavata vanhempaansa turvallisesti ammattilaisen "
            "läsnä ollessa. Valvotussa vaihdossa vanhempien ei tarvitse kohdata toisiaan. "
            "Tapaamiset perustuvat lastenvalvojan vahvistamaan sopimukseen tai "
            "tuomioistuimen päätökseen. Palvelu on perheelle maksuton.",
            "På umgängesstället kan barnet träffa sin förälder tryggt med en yrkesperson "
            "närvarande.",
            "The child can meet a parent safely with a professional present; at a supervised "
            "handover the parents need not meet.",
        ),
        how_to_get_help=t(
            "Tapaamiset sovitaan lastenvalvojan tai tuomioistuimen päätöksellä.",
            "Möten ordnas enligt beslut av barnatillsyningsmannen eller domstolen.",
            "Arranged by decision of the custody officer or a court.",
        ),
        age_min=0,
        age_max=17,
        groups=("separating-parents", "children"),
        situations=("separation", "violence-and-crisis"),
        referral_required=True,
        channels=(
            _at("two-homes-centre", "contact_centre"),
            _phone("015 555 1960", "phone_midday"),
        ),
    ),
    _svc(
        "separated-parents-chat",
        "ngo-two-homes",
        "kahdenkodinlapset.example",
        name=t("Erovanhempien chat", "Chatten för skilda föräldrar", "Separated parents' chat"),
        summary=t(
            "Valtakunnallinen chat eroa pohtiville ja eronneille vanhemmille.",
            "En riksomfattande chatt för föräldrar som funderar på skilsmässa eller har skilt sig.",
            "A national chat for parents thinking about or living after separation.",
        ),
        description=t(
            "Chatissa vastaavat eroneuvojat ja koulutetut vertaistukijat. Voit kysyä "
            "esimerkiksi vuoroasumisesta, tapaamisten sopimisesta tai uuden kumppanin "
            "esittelemisestä lapsille.",
            "I chatten svarar rådgivare och utbildade kamratstödjare.",
            "Advisers and trained peers answer questions about shared residence, contact and "
            "new partners.",
        ),
        how_to_get_help=t("Avaa chat verkossa.", "Öppna chatten.", "Open the chat."),
        groups=("separating-parents",),
        situations=("separation",),
        national=True,
        anonymous=True,
        low_threshold=True,
        channels=(
            Channel("web", url="https://www.kahdenkodinlapset.example/chat", hours="chat_evening"),
        ),
    ),
    # --- Erityisperheiden Liitto ry ---
    _svc(
        "special-needs-parents-group",
        "ngo-special-needs",
        "erityisperheet.example",
        name=t(
            "Erityislasten vanhempien vertaisryhmä",
            "Kamratgrupp för föräldrar till barn med särskilda behov",
            "Peer group for parents of children with special needs",
        ),
        summary=t(
            "Vertaistukea vanhemmille, joiden lapsella on vamma, pitkäaikaissairaus tai "
            "neuropsykiatrinen erityispiirre.",
            "Kamratstöd för föräldrar vars barn har en funktionsnedsättning, långvarig sjukdom "
            "eller neuropsykiatriskt drag.",
            "Peer support for parents of children with a disability, long-term illness or "
            "neurodevelopmental condition.",
        ),
        description=t(
            "Ryhmässä jaetaan kokemuksia arjesta, palveluiden hakemisesta ja jaksamisesta. "
            "Illoissa vierailee välillä asiantuntijoita, esimerkiksi vammaispalvelujen "
            "sosiaalityöntekijä tai toimintaterapeutti. Ryhmän ajaksi on järjestetty "
            "lastenhoito.",
            "I gruppen delar vi erfarenheter av vardagen, att söka tjänster och att orka.",
            "Share experiences of daily life, applying for services and coping; childcare "
            "provided.",
        ),
        how_to_get_help=t(
            "Tule mukaan, ilmoittautuminen lastenhoidon vuoksi.",
            "Anmäl dig för barnpassningens skull.",
            "Sign up so we can arrange childcare.",
        ),
        groups=("parents",),
        situations=("disability", "development-and-speech", "leisure-and-peer-support"),
        low_threshold=True,
        channels=(_at("library-kaislaranta", "peer_evening", summer_break=True),),
    ),
    _svc(
        "adaptation-courses",
        "ngo-special-needs",
        "erityisperheet.example",
        name=t(
            "Sopeutumisvalmennuskurssit", "Anpassningsträningskurser", "Adaptation training courses"
        ),
        summary=t(
            "Perhekursseja diagnoosin saaneen lapsen perheille eri puolilla Suomea.",
            "Familjekurser för familjer vars barn fått en diagnos, på olika håll i Finland.",
            "Family courses around Finland for families whose child has received a diagnosis.",
        ),
        description=t(
            "Kursseilla perhe saa tietoa lapsen sairaudesta tai vammasta, tapaa muita perheitä "
            "ja lepää. Lapsille ja sisaruksille on omaa ohjelmaa. Kurssit ovat perheelle "
            "maksuttomia, ja niille haetaan lääkärin lausunnolla.",
            "På kurserna får familjen information, träffar andra familjer och vilar.",
            "Information, meeting other families and rest; free with a doctor's statement.",
        ),
        how_to_get_help=t("Hae kurssille verkossa.", "Ansök på nätet.", "Apply online."),
        age_min=0,
        age_max=17,
        groups=("parents", "whole-family"),
        situations=("disability",),
        national=True,
        channels=(
            Channel("web", url="https://www.erityisperheet.example/kurssit"),
            _phone("09 555 2000", "phone_office"),
        ),
    ),
    # --- Sydänsilta ry ---
    _svc(
        "couple-counselling-online",
        "ngo-couples",
        "sydansilta.example",
        name=t("Parisuhdeneuvonta verkossa", "Parrådgivning på nätet", "Online couple counselling"),
        summary=t(
            "Parisuhdeneuvojan etätapaamisia pareille ja yksin tuleville koko Suomessa.",
            "Distansmöten med en parrådgivare för par och enskilda i hela Finland.",
            "Remote sessions with a couple counsellor for couples and individuals across Finland.",
        ),
        description=t(
            "Neuvonnassa voi käsitellä esimerkiksi toistuvia riitoja, etääntymistä, "
            "uskottomuutta, seksuaalisuutta tai vauvan syntymän jälkeistä muutosta "
            "parisuhteessa. Tapaaminen kestää 60 minuuttia.",
            "I rådgivningen kan man ta upp gräl, avståndstagande, otrohet eller förändringen "
            "efter ett barns födelse.",
            "Talk about recurring quarrels, drifting apart, infidelity, sexuality or the change "
            "after a baby.",
        ),
        how_to_get_help=t("Varaa aika verkossa.", "Boka tid på nätet.", "Book online."),
        fee=t(
            "Tapaaminen maksaa 40 euroa, opiskelijoille 20 euroa.",
            "Ett möte kostar 40 euro.",
            "€40 per session, students €20.",
        ),
        groups=("couples",),
        situations=("couple-relationship",),
        national=True,
        cost="fee",
        channels=(
            Channel("video", url="https://www.sydansilta.example/neuvonta", hours="therapy"),
            _phone("09 555 2100", "phone_midday"),
        ),
    ),
    _svc(
        "couple-weekend-course",
        "ngo-couples",
        "sydansilta.example",
        name=t(
            "Kahden kesken -parisuhdekurssi",
            "Kursen Bara vi två",
            "Just the Two of Us couples course",
        ),
        summary=t(
            "Lapsiperheen vanhemmille suunnattu kolmen illan parisuhdekurssi.",
            "En parkurs på tre kvällar för föräldrar i barnfamiljer.",
            "A three-evening relationship course for parents.",
        ),
        description=t(
            "Kurssilla pohditaan, miten parisuhdetta hoidetaan arjen keskellä, miten riidellä "
            "rakentavasti ja miten löytää aikaa toisilleen. Lastenhoito järjestetään kurssin "
            "ajaksi.",
            "Kursen handlar om att vårda relationen mitt i vardagen och gräla konstruktivt.",
            "How to care for your relationship in daily life and argue constructively; "
            "childcare provided.",
        ),
        how_to_get_help=t("Ilmoittaudu verkossa.", "Anmäl er på nätet.", "Sign up online."),
        fee=t(
            "Kurssimaksu on 30 euroa pariskunnalta.",
            "Kursavgiften är 30 euro per par.",
            "€30 per couple.",
        ),
        groups=("couples", "parents"),
        situations=("couple-relationship",),
        cost="fee",
        channels=(_at("family-house-kaislaranta", "peer_thursday", summer_break=True),),
    ),
    # --- Surun Silta ry ---
    _svc(
        "child-loss-peer-group",
        "ngo-grief",
        "surunsilta.example",
        name=t(
            "Lapsensa menettäneiden vertaisryhmä",
            "Kamratgrupp för föräldrar som förlorat ett barn",
            "Peer group for bereaved parents",
        ),
        summary=t(
            "Vertaistukea vanhemmille, joiden lapsi on kuollut.",
            "Kamratstöd för föräldrar vars barn har dött.",
            "Peer support for parents whose child has died.",
        ),
        description=t(
            "Ryhmässä surua saa jakaa toisten samaa kokeneiden kanssa. Ryhmää ohjaa "
            "koulutettu vertaisohjaaja yhdessä seurakunnan diakonin kanssa. Mukaan voi tulla, "
            "vaikka menetyksestä olisi kulunut vuosia.",
            "I gruppen får man dela sorgen med andra som upplevt samma sak.",
            "Share grief with others who have lived through the same loss.",
        ),
        how_to_get_help=t(
            "Ota yhteyttä ryhmän ohjaajaan.", "Kontakta gruppledaren.", "Contact the group leader."
        ),
        groups=("parents", "couples"),
        situations=("bereavement", "leisure-and-peer-support"),
        channels=(_at("church-kaislaranta", "peer_thursday"),),
    ),
    _svc(
        "children-grief-group",
        "ngo-grief",
        "surunsilta.example",
        name=t(
            "Lasten ja nuorten sururyhmä",
            "Sorggrupp för barn och unga",
            "Grief group for children and young people",
        ),
        summary=t(
            "Ryhmä lapsille ja nuorille, joiden vanhempi tai sisarus on kuollut.",
            "En grupp för barn och unga vars förälder eller syskon har dött.",
            "A group for children and young people whose parent or sibling has died.",
        ),
        description=t(
            "Ryhmässä surua käsitellään leikin, taiteen ja keskustelun avulla. Lapset saavat "
            "kertoa kuolleesta läheisestään ja kuulla, että surulle ei ole oikeaa tapaa. Ryhmä "
            "kokoontuu kahdeksan kertaa, ja huoltajille järjestetään oma iltansa.",
            "I gruppen bearbetas sorgen genom lek, konst och samtal.",
            "Grief is worked through with play, art and talk.",
        ),
        how_to_get_help=t(
            "Huoltaja ilmoittaa lapsen ryhmään.",
            "Vårdnadshavaren anmäler barnet.",
            "A guardian signs the child up.",
        ),
        age_min=6,
        age_max=17,
        groups=("children", "young-people"),
        situations=("bereavement",),
        channels=(_at("crisis-centre", "club_afternoon", summer_break=True),),
    ),
    _svc(
        "grief-support-line",
        "ngo-grief",
        "surunsilta.example",
        name=t("Surevien tukipuhelin", "Stödtelefonen för sörjande", "Bereavement support line"),
        summary=t(
            "Vertaistukipuhelin läheisensä menettäneille.",
            "En kamratstödstelefon för den som förlorat en närstående.",
            "A peer support line for the bereaved.",
        ),
        description=t(
            "Puhelimeen vastaavat vapaaehtoiset, jotka ovat itse menettäneet läheisensä. "
            "Voit soittaa, kun suru tuntuu raskaalta, haluat puhua kuolleesta läheisestäsi tai "
            "haluat tietoa sururyhmistä ja surutyön leireistä. Puhelu on maksuton, eikä "
            "sinun tarvitse kertoa nimeäsi.",
            "I telefonen svarar frivilliga som själva förlorat en närstående.",
            "Volunteers who have lost someone themselves answer.",
        ),
        how_to_get_help=t(
            "Soita päivystysaikana.", "Ring under jourtiden.", "Call during opening hours."
        ),
        groups=("parents", "young-people"),
        situations=("bereavement",),
        national=True,
        anonymous=True,
        channels=(_phone("0800 955 070", "parent_helpline", charge="free"),),
    ),
    # --- Laxnäs familjeförening rf ---
    _svc(
        "baby-swimming",
        "ngo-laxnas",
        "laxnasfamilj.example",
        name=t("Vauvauinti", "Babysim", "Baby swimming"),
        summary=t(
            "Ohjattua vauvauintia ruotsiksi ja suomeksi Lohiniemen uimahallissa.",
            "Handledd babysim på svenska och finska i Laxnäs simhall.",
            "Guided baby swimming in Swedish and Finnish at Lohiniemi swimming hall.",
        ),
        description=t(
            "Vauvauinti on tarkoitettu 3–18 kuukauden ikäisille vauvoille ja heidän "
            "vanhemmilleen. Lämpimässä altaassa leikitään, lauletaan ja totutellaan veteen "
            "ohjaajan johdolla. Kurssi kestää kahdeksan kertaa.",
            "Babysimmet är för bebisar i åldern 3–18 månader och deras föräldrar. I den varma "
            "bassängen leker och sjunger vi under ledning av en instruktör. Kursen omfattar åtta "
            "gånger.",
            "For babies aged 3–18 months and their parents; eight sessions in a warm pool.",
        ),
        how_to_get_help=t(
            "Ilmoittaudu yhdistyksen verkkosivulla.",
            "Anmäl dig på föreningens webbplats.",
            "Sign up online.",
        ),
        fee=t(
            "Kurssi maksaa 75 euroa, jäsenille 60 euroa.",
            "Kursen kostar 75 euro, för medlemmar 60 euro.",
            "€75, members €60.",
        ),
        age_min=0,
        age_max=1,
        groups=("families-with-baby",),
        situations=("baby-first-year", "leisure-and-peer-support"),
        languages=("sv", "fi", "en"),
        areas=("954",),
        cost="fee",
        channels=(_at("pool-lohiniemi", "baby_swim", summer_break=True),),
    ),
    _svc(
        "swedish-parent-line",
        "ngo-laxnas",
        "laxnasfamilj.example",
        name=t(
            "Ruotsinkielinen vanhempainneuvonta puhelimessa",
            "Föräldrarådgivning per telefon på svenska",
            "Parenting advice by phone in Swedish",
        ),
        summary=t(
            "Valtakunnallinen ruotsinkielinen neuvontapuhelin lapsiperheiden vanhemmille.",
            "En riksomfattande svenskspråkig rådgivningstelefon för föräldrar i barnfamiljer.",
            "A national Swedish-language advice line for parents.",
        ),
        description=t(
            "Puhelimessa vastaavat terveydenhoitajat ja sosionomit, jotka neuvovat lapsen "
            "hoidossa, kasvatuksessa ja perheen arjessa ruotsiksi. Palvelu on tarkoitettu "
            "erityisesti ruotsinkielisille perheille, joiden lähellä ei ole ruotsinkielisiä "
            "palveluja. Voit soittaa nimettömästi, ja puhelu on maksuton.",
            "I telefonen svarar hälsovårdare och socionomer som ger råd om barnets vård, "
            "fostran och familjens vardag. Du kan ringa anonymt och samtalet är avgiftsfritt.",
            "Nurses and social counsellors advise on child care, parenting and family life in "
            "Swedish.",
        ),
        how_to_get_help=t("Soita arkisin.", "Ring vardagar.", "Call on weekdays."),
        groups=("parents", "families-with-baby"),
        situations=("parenting", "baby-first-year"),
        languages=("sv",),
        national=True,
        anonymous=True,
        low_threshold=True,
        channels=(_phone("0800 955 080", "phone_office", charge="free"),),
    ),
    # --- Verkkonuoret ry ---
    _svc(
        "online-youth-work",
        "ngo-online-youth",
        "verkkonuoret.example",
        name=t("Verkkonuokkari", "Nätungdomsgården", "Online youth club"),
        summary=t(
            "Nuorisotyöntekijöiden ohjaama nuorisotila verkossa: pelailtoja, chatteja ja "
            "keskusteluryhmiä.",
            "En ungdomsgård på nätet med ungdomsledare: spelkvällar, chattar och "
            "diskussionsgrupper.",
            "An online youth club run by youth workers: gaming evenings, chats and discussion "
            "groups.",
        ),
        description=t(
            "Verkkonuokkarissa voi pelata yhdessä muiden kanssa turvallisesti, osallistua "
            "teemailtoihin ja jutella nuorisotyöntekijän kanssa kahden kesken. Toiminta "
            "sopii erityisesti nuorille, joiden on vaikea lähteä kotoa tai joilla ei ole "
            "kavereita lähellä.",
            "På nätungdomsgården kan man spela tryggt med andra och prata med en "
            "ungdomsarbetare på tu man hand.",
            "Play safely with others, join themed evenings and talk privately with a youth worker.",
        ),
        how_to_get_help=t(
            "Liity palvelimelle verkkosivun kautta.",
            "Gå med via webbplatsen.",
            "Join through the website.",
        ),
        age_min=13,
        age_max=20,
        groups=("young-people",),
        situations=("leisure-and-peer-support", "mental-health"),
        national=True,
        anonymous=True,
        low_threshold=True,
        channels=(
            Channel("web", url="https://www.verkkonuoret.example/nuokkari", hours="chat_weekend"),
        ),
    ),
    # --- Parishes ---
    _svc(
        "church-family-counselling",
        "parish-union",
        "seurakunnat-jarvisaimaa.example",
        name=t(
            "Perheasiain neuvottelukeskus",
            "Familjerådgivningscentralen",
            "Church family counselling centre",
        ),
        summary=t(
            "Seurakuntien maksuton parisuhde- ja perheneuvonta kaikille katsomuksesta riippumatta.",
            "Församlingarnas avgiftsfria rådgivning i parrelations- och familjefrågor för alla "
            "oavsett livsåskådning.",
            "The parishes' free couple and family counselling for everyone, whatever their "
            "beliefs.",
        ),
        description=t(
            "Perheneuvojat ovat perheterapeuttikoulutuksen saaneita työntekijöitä. Neuvonnassa "
            "voi käsitellä parisuhteen kriisejä, eroa, uusperheen haasteita ja elämän "
            "muutoksia. Tapaamisia on keskimäärin kuusi, ja niihin voi tulla yksin tai yhdessä "
            "puolison kanssa. Ruotsinkielinen neuvonta järjestetään Lohiniemellä.",
            "Familjerådgivarna har familjeterapeututbildning. Man kan ta upp kriser i "
            "parrelationen, skilsmässa och utmaningar i ombildade familjer. Rådgivning på "
            "svenska ordnas i Laxnäs.",
            "Counsellors are trained family therapists; come alone or together. Swedish-language "
            "counselling in Lohiniemi.",
        ),
        how_to_get_help=t(
            "Soita ajanvaraukseen arkisin kello 9–11.",
            "Ring tidsbokningen vardagar kl. 9–11.",
            "Call for an appointment on weekdays 9–11 am.",
        ),
        groups=("couples", "separating-parents", "parents"),
        situations=("couple-relationship", "separation"),
        channels=(
            _at("family-counselling-centre", "therapy"),
            _at("church-sv-lohiniemi", "school_two_days"),
            _phone("015 555 1150", "phone_morning"),
        ),
    ),
    _svc(
        "church-listening-service",
        "parish-union",
        "seurakunnat-jarvisaimaa.example",
        name=t("Kirkon keskusteluapu", "Kyrkans samtalshjälp", "Church listening service"),
        summary=t(
            "Nimetön keskusteluapu puhelimessa ja chatissa iltaisin ja öisin.",
            "Anonym samtalshjälp per telefon och chatt på kvällar och nätter.",
            "Anonymous listening by phone and chat in the evenings and at night.",
        ),
        description=t(
            "Keskusteluapuun voi ottaa yhteyttä yksinäisyyden, parisuhteen, jaksamisen tai "
            "elämän kysymysten vuoksi. Päivystäjät ovat koulutettuja vapaaehtoisia ja "
            "ammattilaisia, joilla on vaitiolovelvollisuus.",
            "Man kan ta kontakt vid ensamhet, problem i relationen eller livsfrågor. Jourhavarna "
            "har tystnadsplikt.",
            "Contact us about loneliness, relationships, coping or questions of life.",
        ),
        how_to_get_help=t(
            "Soita tai avaa chat.", "Ring eller öppna chatten.", "Call or open the chat."
        ),
        groups=("parents", "young-people", "couples"),
        situations=("mental-health", "bereavement", "couple-relationship"),
        national=True,
        anonymous=True,
        low_threshold=True,
        channels=(
            _phone("0800 955 090", "crisis_phone", charge="free"),
            Channel(
                "web", url="https://www.seurakunnat-jarvisaimaa.example/chat", hours="chat_evening"
            ),
        ),
    ),
    _svc(
        "parish-family-camps",
        "parish-kaislaranta",
        "kaislarannanseurakunta.example",
        name=t("Seurakunnan perheleirit", "", "Parish family camps"),
        summary=t(
            "Viikonlopun perheleirejä leirikeskuksessa Saimaan rannalla.",
            "",
            "Weekend family camps at a lakeside camp centre.",
        ),
        description=t(
            "Perheleireillä ulkoillaan, saunotaan, leikitään ja vietetään aikaa yhdessä. "
            "Yksinhuoltajaperheille, erityislasten perheille ja uusperheille on omat "
            "leirinsä. Leirimaksun voi anoa diakoniatyöltä.",
            "",
            "Outdoor activities, sauna and time together; separate camps for single-parent "
            "families and families with special needs.",
        ),
        how_to_get_help=t("Ilmoittaudu seurakunnan verkkosivuilla.", "", "Sign up online."),
        fee=t(
            "Leiri maksaa 40 euroa aikuiselta ja 20 euroa lapselta, alle 3-vuotiaat maksutta.",
            "",
            "€40 per adult and €20 per child.",
        ),
        groups=("whole-family",),
        situations=("leisure-and-peer-support", "parenting"),
        languages=("fi",),
        areas=("951", "952"),
        cost="fee",
        channels=(
            Channel("web", url="https://www.kaislarannanseurakunta.example/leirit"),
            _phone("015 555 1160", "phone_office"),
        ),
    ),
    _svc(
        "diaconal-aid",
        "parish-kaislaranta",
        "kaislarannanseurakunta.example",
        name=t("Diakoniatyön tuki lapsiperheille", "", "Diaconal support for families"),
        summary=t(
            "Keskusteluapua ja tilapäistä taloudellista apua vaikeassa tilanteessa oleville "
            "perheille.",
            "",
            "Someone to talk to and temporary financial help for families in difficulty.",
        ),
        description=t(
            "Diakoniatyöntekijän kanssa voi keskustella luottamuksellisesti taloudellisesta "
            "ahdingosta, yksinäisyydestä tai perheen kriisistä. Diakoniatyö voi myöntää "
            "ruokakassin tai maksusitoumuksen ja auttaa tekemään hakemuksia. Apua saa "
            "seurakunnan jäsenyydestä riippumatta.",
            "",
            "Talk in confidence about money problems, loneliness or a family crisis; food aid "
            "and help with applications regardless of membership.",
        ),
        how_to_get_help=t("Soita diakoniatyön päivystykseen.", "", "Call the diaconal duty line."),
        groups=("parents", "whole-family"),
        situations=("money-and-housing", "mental-health"),
        languages=("fi", "en"),
        areas=("951",),
        low_threshold=True,
        channels=(_at("church-kaislaranta", "open_doors"), _phone("015 555 1170", "phone_morning")),
    ),
    _svc(
        "diaconal-aid-sv",
        "parish-laxnas",
        "laxnasforsamling.example",
        name=t(
            "Diakonia ja taloudellinen apu (ruotsiksi)",
            "Diakoni och ekonomisk hjälp",
            "Diaconal help in Swedish",
        ),
        summary=t(
            "Laxnäsin ruotsalaisen seurakunnan keskusteluapu ja tilapäinen taloudellinen tuki.",
            "Samtalsstöd och tillfällig ekonomisk hjälp i Laxnäs svenska församling.",
            "Counselling and temporary financial help from the Swedish parish.",
        ),
        description=t(
            "Diakoniatyöntekijä tapaa perheitä ruotsiksi ja suomeksi. Hänen kanssaan voi keskustella "
            "luottamuksellisesti raha-asioiden huolista, yksinäisyydestä tai perheen kriisistä. "
            "Diakoniatyö voi myöntää ruokakassin tai tilapäistä taloudellista apua ja auttaa "
            "hakemusten tekemisessä. Apua saa seurakunnan jäsenyydestä riippumatta.",
            "Diakoniarbetaren träffar familjer på svenska och finska. Man kan prata om "
            "ekonomiska bekymmer, ensamhet eller kriser i familjen. Hjälpen ges oberoende av "
            "medlemskap.",
            "The deacon meets families in Swedish and Finnish.",
        ),
        how_to_get_help=t(
            "Soita diakoniatyöntekijälle.", "Ring diakoniarbetaren.", "Call the deacon."
        ),
        groups=("parents", "whole-family"),
        situations=("money-and-housing",),
        languages=("sv", "fi"),
        areas=("954",),
        low_threshold=True,
        channels=(
            _at("church-sv-lohiniemi", "open_doors"),
            _phone("015 555 4170", "phone_morning"),
        ),
    ),
    _svc(
        "orthodox-family-club",
        "parish-orthodox",
        "ortodoksinenkaislaranta.example",
        name=t("Ortodoksinen perhekerho", "Ortodox familjeklubb", "Orthodox family club"),
        summary=t(
            "Perhekerho, jossa lauletaan, askarrellaan ja tutustutaan ortodoksisiin "
            "perinteisiin suomeksi, venäjäksi ja ukrainaksi.",
            "En familjeklubb med sång, pyssel och ortodoxa traditioner på finska, ryska och "
            "ukrainska.",
            "A family club with songs, crafts and Orthodox traditions in Finnish, Russian and "
            "Ukrainian.",
        ),
        description=t(
            "Kerho kokoontuu seurakuntasalissa lauantaiaamuisin. Ohjelmassa on lauluja, "
            "askartelua, pyhien tarinoita ja juhlapyhiin valmistautumista. Mukaan ovat "
            "tervetulleita kaikki perheet, myös ne, jotka eivät ole seurakunnan jäseniä. Kerhon "
            "jälkeen syödään yhteinen lounas, ja vanhemmat voivat jäädä juttelemaan.",
            "Klubben träffas i församlingssalen. Alla familjer är välkomna.",
            "Meets in the parish hall; all families welcome, followed by lunch.",
        ),
        how_to_get_help=t("Tule mukaan lauantaisin.", "Kom med på lördagar.", "Come on Saturdays."),
        age_min=0,
        age_max=10,
        groups=("whole-family", "immigrant-families"),
        situations=("leisure-and-peer-support", "immigrant-families"),
        languages=("fi", "ru", "uk"),
        low_threshold=True,
        channels=(_at("orthodox-kaislaranta", "saturday_family", summer_break=True),),
    ),
    _svc(
        "parish-youth-evening",
        "parish-kaislaranta",
        "kaislarannanseurakunta.example",
        name=t("Nuorten iltakahvila", "", ""),
        summary=t(
            "Perjantai-iltojen päihteetön kahvila nuorille seurakuntakeskuksessa.",
            "",
            "",
        ),
        description=t(
            "Iltakahvilassa pelataan lautapelejä, soitetaan ja jutellaan nuorisotyönohjaajien "
            "kanssa. Kahvila on avoin kaikille 13–18-vuotiaille seurakunnan jäsenyydestä "
            "riippumatta, ja tarjolla on maksuton iltapala. Ohjaajille voi puhua "
            "luottamuksellisesti myös vaikeista asioista.",
            "",
            "",
        ),
        how_to_get_help=t("Tule paikalle perjantaisin.", "", ""),
        age_min=13,
        age_max=18,
        groups=("young-people",),
        situations=("leisure-and-peer-support",),
        languages=("fi",),
        areas=("951",),
        low_threshold=True,
        anonymous=True,
        channels=(_at("church-kaislaranta", "chat_weekend", summer_break=True),),
    ),
    _svc(
        "parish-school-club",
        "parish-koivumaki",
        "koivumaenseurakunta.example",
        name=t("Seurakunnan koululaiskerho", "", ""),
        summary=t("Iltapäiväkerho 1.–4.-luokkalaisille seurakuntatalolla.", "", ""),
        description=t(
            "Kerhossa leikitään, askarrellaan, leivotaan ja ulkoillaan koulupäivän jälkeen. "
            "Kerho on maksuton, ja koulukyyti kulkee seurakuntatalon kautta. Kerhonohjaajat "
            "ovat seurakunnan lastenohjaajia, ja jokaisella kerhokerralla on välipala.",
            "",
            "",
        ),
        how_to_get_help=t("Ilmoittaudu kerhon ohjaajalle.", "", ""),
        age_min=7,
        age_max=10,
        groups=("children",),
        situations=("leisure-and-peer-support",),
        languages=("fi",),
        areas=("953",),
        channels=(_at("church-koivumaki", "club_afternoon", summer_break=True),),
    ),
    # --- Private providers ---
    _svc(
        "psychotherapy-voucher",
        "private-therapy",
        "terapiakeskustyyni.example",
        name=t(
            "Lasten ja nuorten psykoterapia palvelusetelillä",
            "Psykoterapi för barn och unga med servicesedel",
            "Psychotherapy for children and young people with a service voucher",
        ),
        summary=t(
            "Psykoterapiaa hyvinvointialueen palvelusetelillä, kun hoitotaho on arvioinut "
            "terapian tarpeen.",
            "Psykoterapi med välfärdsområdets servicesedel när vårdgivaren bedömt behovet.",
            "Psychotherapy with the county's voucher once the need has been assessed.",
        ),
        description=t(
            "Terapiakeskuksessa työskentelee lasten, nuorten ja perheiden psykoterapeutteja, "
            "joilla on kognitiivinen, psykodynaaminen tai perheterapeuttinen koulutus. "
            "Palvelusetelillä perhe valitsee terapeutin itse hyväksyttyjen tuottajien "
            "joukosta. Ensimmäisellä käynnillä sovitaan terapian tavoitteista.",
            "Terapicentret har psykoterapeuter för barn, unga och familjer. Med servicesedeln "
            "väljer familjen själv terapeut.",
            "Child, youth and family psychotherapists; with the voucher you choose your therapist.",
        ),
        how_to_get_help=t(
            "Palveluseteli myönnetään nuorisoaseman, perheneuvolan tai psykiatrian arvion "
            "jälkeen. Varaa sen jälkeen aika suoraan terapiakeskuksesta.",
            "Sedeln beviljas efter bedömning; boka sedan tid direkt.",
            "Get the voucher after an assessment, then book directly.",
        ),
        fee=t(
            "Setelin arvo kattaa käynnin hinnan; omavastuuta ei peritä alle 18-vuotiailta.",
            "Sedelns värde täcker besöket; ingen självrisk för personer under 18.",
            "The voucher covers the visit; no co-payment for under-18s.",
        ),
        age_min=6,
        age_max=22,
        groups=("children", "young-people"),
        situations=("mental-health",),
        languages=("fi", "sv", "en"),
        cost="voucher",
        referral_required=True,
        channels=(
            _at("therapy-tyyni", "therapy"),
            Channel("video", url="https://www.terapiakeskustyyni.example/eta", hours="therapy"),
        ),
    ),
    _svc(
        "family-therapy-private",
        "private-therapy",
        "terapiakeskustyyni.example",
        name=t("Perhe- ja pariterapia", "Familje- och parterapi", "Family and couple therapy"),
        summary=t(
            "Yksityistä perhe- ja pariterapiaa ilman jonoja, myös iltaisin.",
            "Privat familje- och parterapi utan kö, även på kvällar.",
            "Private family and couple therapy without waiting lists, evenings too.",
        ),
        description=t(
            "Perheterapiassa koko perhe tai osa siitä työskentelee terapeutin kanssa "
            "vuorovaikutuksen ja ristiriitojen ratkaisemiseksi. Pariterapia auttaa "
            "parisuhteen kriiseissä ja eron jälkeisessä yhteistyövanhemmuudessa.",
            "I familjeterapin arbetar familjen med samspel och konflikter.",
            "The family works with a therapist on interaction and conflicts.",
        ),
        how_to_get_help=t(
            "Varaa aika verkossa tai puhelimitse.",
            "Boka på nätet eller per telefon.",
            "Book online or by phone.",
        ),
        fee=t(
            "Käynti (75 min) maksaa 130 euroa.",
            "Ett besök (75 min) kostar 130 euro.",
            "A 75-minute session costs €130.",
        ),
        groups=("couples", "whole-family", "separating-parents"),
        situations=("couple-relationship", "separation", "parenting"),
        cost="fee",
        channels=(
            _at("therapy-tyyni", "therapy"),
            _phone("015 555 1180", "phone_office"),
        ),
    ),
    _svc(
        "home-help-private",
        "private-homehelp",
        "kotiapukaisla.example",
        name=t(
            "Kotiapu ja lastenhoito palvelusetelillä",
            "",
            "Home help and childcare with a service voucher",
        ),
        summary=t(
            "Yksityinen kotipalvelu lapsiperheille – maksu palvelusetelillä tai itse.",
            "",
            "Private home help for families, paid with a voucher or yourself.",
        ),
        description=t(
            "Lastenhoitajamme ja kodinhoitajamme auttavat lastenhoidossa, ruoanlaitossa ja "
            "siivouksessa myös iltaisin ja lauantaisin. Olemme hyvinvointialueen hyväksymä "
            "palvelusetelituottaja, ja hintamme löytyvät verkkosivuiltamme.",
            "",
            "We help with childcare, cooking and cleaning, also evenings and Saturdays.",
        ),
        how_to_get_help=t("Soita tai tilaa verkossa.", "", "Call or order online."),
        fee=t(
            "Tuntihinta 42 euroa; palvelusetelillä omavastuu setelin arvon ylittävältä osalta.",
            "",
            "€42 per hour; with a voucher you pay the difference.",
        ),
        age_min=0,
        age_max=12,
        groups=("parents", "families-with-baby"),
        situations=("help-at-home",),
        languages=("fi", "en"),
        areas=("951", "952", "953"),
        cost="voucher",
        channels=(
            Channel("home_visit", hours="home_help"),
            _phone("015 555 1190", "phone_office"),
            _at("homehelp-office", "office"),
        ),
    ),
    _svc(
        "speech-therapy-private",
        "private-speech",
        "sanasilta.example",
        name=t("Puheterapia Sanasilta", "Talterapi Ordbron", "Sanasilta speech therapy"),
        summary=t(
            "Yksityinen puheterapia lapsille, myös Kelan kuntoutuksena ja etäterapiana.",
            "Privat talterapi för barn, även som FPA-rehabilitering och distansterapi.",
            "Private speech therapy for children, also as funded rehabilitation and remotely.",
        ),
        description=t(
            "Puheterapeuttimme kuntouttavat kielellisiä erityisvaikeuksia, änkytystä, "
            "äännevirheitä ja vuorovaikutuksen haasteita. Terapiaa annetaan vastaanotolla, "
            "päiväkodissa tai etänä. Käytämme kuvia, tukiviittomia ja puhelaitteita.",
            "Våra talterapeuter rehabiliterar språkstörningar, stamning och "
            "kommunikationssvårigheter.",
            "We treat language disorders, stuttering, articulation and communication difficulties.",
        ),
        how_to_get_help=t("Ota yhteyttä puhelimitse.", "Kontakta oss per telefon.", "Call us."),
        fee=t(
            "Käynti 45 min 95 euroa. Kelan tai hyvinvointialueen maksusitoumuksella maksuton.",
            "Ett besök kostar 95 euro.",
            "€95 per 45 minutes; free with a funding commitment.",
        ),
        age_min=0,
        age_max=17,
        groups=("children", "parents"),
        situations=("development-and-speech", "disability"),
        languages=("fi", "sv", "en", "fse"),
        cost="fee",
        channels=(
            _at("speech-sanasilta", "therapy"),
            Channel("video", url="https://www.sanasilta.example/eta", hours="therapy"),
            _phone("015 555 1195", "phone_midday"),
        ),
    ),
    _svc(
        "doula",
        "private-doula",
        "perhepalvelukehto.example",
        name=t("Doula- ja synnytystuki", "Doula och förlossningsstöd", "Doula and birth support"),
        summary=t(
            "Doula tukee raskauden, synnytyksen ja vauva-ajan alussa ruotsiksi tai suomeksi.",
            "En doula stöder under graviditeten, förlossningen och den första tiden med bebisen "
            "på svenska eller finska.",
            "A doula supports you through pregnancy, birth and the first weeks, in Swedish or "
            "Finnish.",
        ),
        description=t(
            "Doula tapaa perhettä kahdesti ennen synnytystä, on mukana synnytyksessä ja tekee "
            "kotikäynnin vauvan syntymän jälkeen. Doula ei korvaa kätilöä, vaan tuo "
            "jatkuvaa tukea ja rauhaa.",
            "Doulan träffar familjen två gånger före förlossningen, är med vid förlossningen och "
            "gör ett hembesök efteråt.",
            "Two meetings before the birth, presence at the birth and a home visit after.",
        ),
        how_to_get_help=t(
            "Ota yhteyttä sähköpostilla tai puhelimitse.",
            "Kontakta oss per e-post eller telefon.",
            "Contact us by email or phone.",
        ),
        fee=t(
            "Doulapaketti 650 euroa.",
            "Doulapaketet kostar 650 euro.",
            "The doula package costs €650.",
        ),
        groups=("parents-to-be",),
        situations=("pregnancy", "baby-first-year"),
        languages=("sv", "fi", "en"),
        areas=("954", "951"),
        cost="fee",
        channels=(Channel("home_visit", hours="therapy"), _at("doula-lohiniemi", "small_clinic")),
    ),
    # --- Peer-support groups ---
    _svc(
        "twin-families-meetups",
        "peer-twins",
        "kaksosperheet-saimaa.example",
        name=t(
            "Kaksos- ja monikkoperheiden tapaamiset",
            "Träffar för tvilling- och flerbarnsfamiljer",
            "Twin and multiple-birth family meetups",
        ),
        summary=t(
            "Kuukausittaiset tapaamiset kaksosia ja kolmosia odottaville ja kasvattaville "
            "perheille.",
            "Månatliga träffar för familjer som väntar eller har tvillingar eller trillingar.",
            "Monthly meetups for families expecting or raising twins or triplets.",
        ),
        description=t(
            "Tapaamisissa jaetaan vinkkejä imetyksestä, unirytmeistä ja tuplarattaista sekä "
            "kierrätetään vaatteita ja varusteita. Odottaville perheille järjestetään "
            "tietoiltoja monikkoraskaudesta ja synnytyksestä. Lapset leikkivät samalla "
            "perhetalon leikkihuoneessa.",
            "Vi delar tips om amning, sömnrytmer och dubbelvagnar.",
            "Tips on feeding, sleep and double prams, plus clothes swaps.",
        ),
        how_to_get_help=t(
            "Tule mukaan lauantaina, tapaamiset ilmoitetaan verkossa.",
            "Kom med på lördagar.",
            "Come along on Saturdays.",
        ),
        groups=("families-with-baby", "parents-to-be", "parents"),
        situations=("baby-first-year", "leisure-and-peer-support"),
        low_threshold=True,
        channels=(_at("family-house-kaislaranta", "saturday_family", summer_break=True),),
    ),
    _svc(
        "father-child-saturdays",
        "peer-fathers",
        "isatupa.example",
        name=t("Isä–lapsi-lauantait", "", "Father and child Saturdays"),
        summary=t(
            "Isien ja lasten yhteinen toimintapäivä kirjastolla ja lähimetsässä.",
            "",
            "A day of activities for fathers and children at the library and nearby woods.",
        ),
        description=t(
            "Lauantaiaamuina isät, isoisät ja muut isähahmot tulevat lasten kanssa leikkimään, "
            "rakentamaan ja retkeilemään. Samalla isät saavat vertaistukea toisiltaan. "
            "Kerran kuukaudessa on isien oma keskusteluilta ilman lapsia.",
            "",
            "Fathers, grandfathers and father figures play, build and go on outings with the "
            "children.",
        ),
        how_to_get_help=t("Tule paikalle, ei ilmoittautumista.", "", "Just come."),
        age_min=0,
        age_max=10,
        groups=("parents", "children"),
        situations=("leisure-and-peer-support", "parenting"),
        languages=("fi", "en"),
        areas=("951", "952"),
        low_threshold=True,
        channels=(_at("library-kaislaranta", "saturday_family", summer_break=True),),
    ),
    _svc(
        "rainbow-families",
        "peer-rainbow",
        "sateenkaarisaimaa.example",
        name=t(
            "Sateenkaariperheiden tapaamiset",
            "Träffar för regnbågsfamiljer",
            "Rainbow family meetups",
        ),
        summary=t(
            "Vertaistapaamiset sateenkaariperheille ja lasta toivoville.",
            "Kamratträffar för regnbågsfamiljer och för dem som önskar barn.",
            "Peer meetups for rainbow families and those hoping for a child.",
        ),
        description=t(
            "Tapaamisissa perheet tutustuvat toisiinsa ja lapset näkevät muita "
            "samanlaisia perheitä. Teemailloissa puhutaan esimerkiksi vanhemmuuden "
            "tunnustamisesta, perheen moninaisuudesta päiväkodissa ja koulussa sekä "
            "lapsitoiveesta.",
            "Familjerna lär känna varandra och barnen ser andra familjer som liknar deras.",
            "Families get to know each other and children meet families like their own.",
        ),
        how_to_get_help=t(
            "Liity ryhmän viestilistalle verkossa.",
            "Gå med i gruppens lista.",
            "Join the mailing list.",
        ),
        groups=("parents", "whole-family", "couples"),
        situations=("leisure-and-peer-support", "parenting"),
        low_threshold=True,
        channels=(
            _at("library-kaislaranta", "peer_thursday", summer_break=True),
            Channel("web", url="https://www.sateenkaarisaimaa.example/"),
        ),
    ),
    _svc(
        "preterm-families",
        "peer-preterm",
        "keskosperheet.example",
        name=t(
            "Keskosperheiden vertaistapaamiset",
            "Kamratträffar för prematurfamiljer",
            "Preterm family peer meetings",
        ),
        summary=t(
            "Keskosena syntyneiden vauvojen vanhempien vertaistuki sairaalassa ja kotiutumisen "
            "jälkeen.",
            "Kamratstöd för föräldrar till för tidigt födda bebisar.",
            "Peer support for parents of preterm babies in hospital and after going home.",
        ),
        description=t(
            "Vertaistukijat vierailevat vastasyntyneiden teho-osastolla ja tapaavat "
            "kotiutuneita perheitä perhekeskuksessa. Moni vanhempi kaipaa keskustelua "
            "synnytyksen jälkeisestä pelosta, vauvan kasvusta ja jaksamisesta.",
            "Kamratstödjare besöker nyföddintensiven och träffar familjer efter hemkomsten.",
            "Peer supporters visit the neonatal unit and meet families after discharge.",
        ),
        how_to_get_help=t(
            "Ota yhteyttä sähköpostilla.", "Kontakta oss per e-post.", "Contact us by email."
        ),
        age_min=0,
        age_max=3,
        groups=("families-with-baby", "parents"),
        situations=("baby-first-year", "leisure-and-peer-support", "mental-health"),
        channels=(_at("fc-kaislaranta", "peer_evening", summer_break=True),),
    ),
    _svc(
        "stepfamily-group",
        "peer-stepfamilies",
        "uusperheilta.example",
        name=t("Uusperheiden vertaisryhmä", "", "Stepfamily peer group"),
        summary=t(
            "Keskusteluilta uusperheiden aikuisille.",
            "",
            "A discussion evening for adults in stepfamilies.",
        ),
        description=t(
            "Illoissa jaetaan kokemuksia bonusvanhemmuudesta, lasten kahdesta kodista ja "
            "uusperheen arjen sovittamisesta. Ryhmää vetävät kaksi uusperheessä elävää "
            "vertaisohjaajaa.",
            "",
            "Share experiences of step-parenting and children's two homes.",
        ),
        how_to_get_help=t(
            "Tule mukaan kuukauden ensimmäisenä torstaina.",
            "",
            "Come on the first Thursday of the month.",
        ),
        groups=("parents", "couples", "separating-parents"),
        situations=("separation", "couple-relationship", "leisure-and-peer-support"),
        languages=("fi", "en"),
        areas=("953", "951"),
        low_threshold=True,
        channels=(_at("library-koivumaki", "peer_thursday", summer_break=True),),
    ),
    _svc(
        "young-mothers-group",
        "peer-young-mothers",
        "nuoretaidit-kaisla.example",
        name=t("Nuorten äitien ryhmä", "", "Young mothers' group"),
        summary=t(
            "Alle 25-vuotiaiden äitien ja vauvojen viikoittainen vertaisryhmä.",
            "",
            "A weekly peer group for mothers under 25 and their babies.",
        ),
        description=t(
            "Ryhmässä jutellaan vauva-arjesta, opiskelusta ja omasta jaksamisesta ilman "
            "arvostelua. Ryhmässä käy vierailijoina esimerkiksi opinto-ohjaaja ja "
            "neuvolan terveydenhoitaja.",
            "",
            "Talk about life with a baby, studies and coping without judgement.",
        ),
        how_to_get_help=t("Tule mukaan keskiviikkoisin.", "", "Come on Wednesdays."),
        age_min=0,
        age_max=3,
        groups=("families-with-baby", "young-people"),
        situations=("baby-first-year", "leisure-and-peer-support"),
        languages=("fi", "en"),
        areas=("951",),
        low_threshold=True,
        channels=(_at("family-house-kaislaranta", "family_cafe_once", summer_break=True),),
    ),
    # --- The competence and support centre (OT-keskus) ---
    _svc(
        "ot-consultation",
        "ot-centre",
        "otkeskus.example",
        name=t(
            "Vaativan lastensuojelun ja lasten mielenterveyden konsultaatio",
            "Konsultation inom krävande barnskydd och barns psykiska hälsa",
            "Consultation on demanding child welfare and children's mental health",
        ),
        summary=t(
            "Ammattilainen saa erityisosaajien konsultaation perheen asiaan ilman, että "
            "perheen tarvitsee siirtyä toiseen palveluun.",
            "Yrkesfolk får konsultation av specialister i familjens ärende utan att familjen "
            "behöver flytta till en annan tjänst.",
            "Professionals get specialists' advice on a family's matter without the family "
            "having to move to another service.",
        ),
        description=t(
            "Osaamis- ja tukikeskuksen psykiatri, psykologi ja lastensuojelun erityistyöntekijä "
            "konsultoivat perhekeskuksen, koulujen ja lastensuojelun työntekijöitä vaativissa "
            "tilanteissa: esimerkiksi kun nuoren oireilu on vakavaa, sijoitus on uhattuna tai "
            "perheen tilanne vaatii monialaista arviota. Konsultaatio järjestetään "
            "videoyhteydellä tai tarvittaessa yhteisenä tapaamisena perheen luona.",
            "Kompetens- och stödcentrets psykiater, psykolog och specialarbetare inom "
            "barnskyddet konsulterar familjecentralens, skolornas och barnskyddets "
            "yrkesfolk i krävande situationer, till exempel när en ungs symtom är allvarliga "
            "eller familjens situation kräver en mångprofessionell bedömning. Konsultationen "
            "sker via video eller vid behov som ett gemensamt möte hos familjen.",
            "The centre's psychiatrist, psychologist and specialist child welfare worker advise "
            "the family centre's, schools' and child welfare's staff in demanding situations, "
            "by video or, when needed, in a joint meeting at the family's home.",
        ),
        how_to_get_help=t(
            "Perheen työntekijä pyytää konsultaatiota verkkolomakkeella perheen suostumuksella.",
            "Familjens arbetstagare begär konsultation med webbformuläret med familjens samtycke.",
            "The family's worker requests a consultation with the web form, with the family's "
            "consent.",
        ),
        eligibility=t(
            "Hyvinvointialueiden ja kuntien lasten, nuorten ja perheiden palvelujen ammattilaiset.",
            "Yrkesfolk inom tjänsterna för barn, unga och familjer i välfärdsområden och kommuner.",
            "Professionals of services for children, young people and families.",
        ),
        age_min=0,
        age_max=17,
        groups=("professionals",),
        situations=("mental-health", "violence-and-crisis"),
        languages=("fi", "sv"),
        referral_required=True,
        channels=(
            Channel("video", url="https://www.otkeskus.example/konsultaatio/video"),
            _phone("015 555 1990", "phone_office"),
            Channel("web", url="https://www.otkeskus.example/konsultaatio"),
        ),
    ),
)
