"""Services every municipality of the demo region has, written once as
templates and filled per municipality (its name in the right case, its
clinic, school and parish hall, its phone numbers).

Swedish text is used only in the bilingual municipality; English is given
for the services a newcomer most often looks for.
"""

from .organizations import ORGANIZATIONS
from .region import COUNTY_DOMAIN, PLACES
from .schema import Channel, Place, ServiceData, Text

CLINICS = {
    "951": ("fc-kaislaranta", "clinic-rantakyla"),
    "952": ("health-ahvenvesi",),
    "953": ("health-koivumaki",),
    "954": ("fc-lohiniemi",),
    "955": ("health-kuusilahti",),
}
SCHOOLS = {
    "951": ("school-kaislaranta", "school-rantakyla"),
    "952": ("school-ahvenvesi",),
    "953": ("school-koivumaki",),
    "954": ("school-fi-lohiniemi", "school-sv-lohiniemi"),
    "955": ("school-kuusilahti",),
}
YOUTH = {
    "951": "youth-kaislaranta",
    "952": "youth-ahvenvesi",
    "953": "youth-koivumaki",
    "954": "youth-lohiniemi",
    "955": "youth-kuusilahti",
}
LIBRARIES = {
    "951": "library-kaislaranta",
    "952": "library-ahvenvesi",
    "953": "library-koivumaki",
    "954": "library-lohiniemi",
    "955": "library-kuusilahti",
}
CAFES = {
    "951": ("ngo-arki", "family-house-kaislaranta"),
    "952": ("ngo-arki", "library-ahvenvesi"),
    "953": ("ngo-arki", "library-koivumaki"),
    "954": ("ngo-laxnas", "family-house-lohiniemi"),
    "955": ("ngo-arki", "library-kuusilahti"),
}
PARISHES = {
    "951": (("parish-kaislaranta", "church-kaislaranta", "fi"),),
    "952": (("parish-ahvenvesi", "church-ahvenvesi", "fi"),),
    "953": (("parish-koivumaki", "church-koivumaki", "fi"),),
    "954": (
        ("parish-lohiniemi", "church-fi-lohiniemi", "fi"),
        ("parish-laxnas", "church-sv-lohiniemi", "sv"),
    ),
    "955": (("parish-kuusilahti", "church-kuusilahti", "fi"),),
}


def _slug(place: Place) -> str:
    return place.domain.split(".")[0]


def _text(place: Place, fi: str, sv: str, en: str) -> Text:
    return (fi, sv if place.bilingual else "", en)


def _languages(place: Place, *extra: str) -> tuple[str, ...]:
    return ("fi", "sv", *extra) if place.bilingual else ("fi", *extra)


def _phone(place: Place, suffix: str) -> str:
    return f"{place.phone_prefix}{suffix}"


def maternity_clinic(p: Place) -> ServiceData:
    sv, en = p.name[1], p.name[2]
    return ServiceData(
        key=f"maternity-clinic-{p.code}",
        organization="county",
        name=_text(
            p, f"{p.genitive} äitiysneuvola", f"Mödrarådgivningen i {sv}", f"Maternity clinic, {en}"
        ),
        summary=_text(
            p,
            "Äitiysneuvola seuraa raskauden kulkua ja tukee koko perhettä vauvan odotuksessa ja "
            "synnytyksen jälkeen.",
            "Mödrarådgivningen följer graviditetens förlopp och stöder hela familjen under "
            "väntetiden och efter förlossningen.",
            "The maternity clinic follows your pregnancy and supports the whole family before "
            "and after the birth.",
        ),
        description=_text(
            p,
            "Äitiysneuvolassa terveydenhoitaja tai kätilö seuraa odottavan äidin ja sikiön "
            "terveyttä sekä tukee perheen hyvinvointia raskauden aikana. Ensimmäinen käynti on "
            "yleensä raskausviikoilla 8–10, ja raskauden aikana käyntejä on noin kymmenen. "
            "Lääkärintarkastuksia on vähintään kaksi, ja ensimmäistä lastaan odottaville tehdään "
            "laaja terveystarkastus, johon toivotaan mukaan myös puolisoa. Vastaanotoilla "
            "keskustellaan ravitsemuksesta, liikunnasta, parisuhteesta, mielialasta ja "
            "synnytykseen valmistautumisesta. Synnytyksen jälkeen terveydenhoitaja tekee "
            "kotikäynnin, ja jälkitarkastus tehdään 5–12 viikon kuluttua synnytyksestä.",
            "På mödrarådgivningen följer en hälsovårdare eller barnmorska moderns och fostrets "
            "hälsa och stöder familjens välbefinnande under graviditeten. Det första besöket görs "
            "oftast i graviditetsvecka 8–10. Den som väntar sitt första barn får en omfattande "
            "hälsoundersökning dit även partnern är välkommen. Efter förlossningen gör "
            "hälsovårdaren ett hembesök.",
            "At the maternity clinic a public health nurse or midwife follows the health of the "
            "mother and the baby and supports the family's wellbeing during pregnancy. The first "
            "visit is usually in weeks 8–10 of pregnancy, and there are about ten visits in all. "
            "After the birth the nurse visits you at home.",
        ),
        how_to_get_help=_text(
            p,
            "Varaa ensimmäinen käynti soittamalla neuvolan ajanvaraukseen, kun raskaustesti on "
            "positiivinen. Ajanvaraus palvelee arkisin kello 8–9.30. Voit myös jättää "
            "yhteydenottopyynnön hyvinvointialueen sähköisessä asioinnissa, jolloin "
            "terveydenhoitaja soittaa sinulle takaisin.",
            "Boka det första besöket per telefon när graviditetstestet är positivt. "
            "Tidsbokningen betjänar vardagar kl. 8–9.30.",
            "Book your first visit by phone once your pregnancy test is positive. Appointments "
            "can be booked on weekdays from 8 to 9.30 am.",
        ),
        eligibility=_text(
            p,
            f"{p.locative} asuvat raskaana olevat ja heidän kumppaninsa.",
            f"Gravida som bor i {sv} och deras partner.",
            f"Pregnant people living in {en} and their partners.",
        ),
        groups=("parents-to-be", "families-with-baby"),
        situations=("pregnancy", "baby-first-year"),
        languages=_languages(p, "en"),
        areas=(p.code,),
        email=f"aitiysneuvola.{_slug(p)}@{COUNTY_DOMAIN}",
        url=f"https://www.{COUNTY_DOMAIN}/palvelut/aitiysneuvola-{_slug(p)}",
        channels=(
            *(
                Channel(
                    "in_person",
                    location=loc,
                    hours="clinic_evening" if p.code == "951" else "office",
                    description=_text(
                        p,
                        "Vastaanotto ajanvarauksella.",
                        "Mottagning enligt tidsbokning.",
                        "Appointments only.",
                    ),
                )
                for loc in CLINICS[p.code]
            ),
            Channel(
                "phone",
                phone=_phone(p, "210"),
                phone_charge="local",
                hours="phone_morning",
                description=_text(
                    p,
                    "Neuvolan ajanvaraus ja puhelinneuvonta.",
                    "Rådgivningens tidsbokning och telefonrådgivning.",
                    "Bookings and advice by phone.",
                ),
            ),
        ),
    )


def child_health_clinic(p: Place) -> ServiceData:
    sv, en = p.name[1], p.name[2]
    return ServiceData(
        key=f"child-health-clinic-{p.code}",
        organization="county",
        name=_text(
            p,
            f"{p.genitive} lastenneuvola",
            f"Barnrådgivningen i {sv}",
            f"Child health clinic, {en}",
        ),
        summary=_text(
            p,
            "Lastenneuvola seuraa alle kouluikäisen lapsen kasvua ja kehitystä ja tukee "
            "vanhempia lapsen hoidossa ja kasvatuksessa.",
            "Barnrådgivningen följer barnets växande och utveckling före skolåldern och stöder "
            "föräldrarna i vården och fostran.",
            "The child health clinic follows the growth and development of children under "
            "school age and supports parents.",
        ),
        description=_text(
            p,
            "Lastenneuvolassa lapsen kasvua, kehitystä ja hyvinvointia seurataan säännöllisillä "
            "terveystarkastuksilla syntymästä kouluikään asti. Ensimmäisen elinvuoden aikana "
            "käyntejä on tiheimmin, ja neuvolalääkäri tapaa lapsen useita kertoja. Laajoihin "
            "terveystarkastuksiin 4 kuukauden, 18 kuukauden ja 4 vuoden iässä kutsutaan "
            "molemmat vanhemmat, ja niissä keskustellaan koko perheen hyvinvoinnista. Neuvolassa "
            "annetaan kansallisen rokotusohjelman rokotukset. Terveydenhoitajan kanssa voi "
            "puhua esimerkiksi imetyksestä, unesta, ruokailusta, uhmaiästä, parisuhteesta ja "
            "vanhempien jaksamisesta. Tarvittaessa terveydenhoitaja ohjaa perheen "
            "perhetyöhön, perheneuvolaan, puheterapeutille tai psykologille.",
            "På barnrådgivningen följs barnets växande, utveckling och välbefinnande med "
            "regelbundna hälsoundersökningar från födseln till skolåldern. Båda föräldrarna "
            "kallas till de omfattande hälsoundersökningarna vid 4 månader, 18 månader och 4 år. "
            "Barnen får vaccinationerna i det nationella vaccinationsprogrammet.",
            "The child health clinic follows your child's growth, development and wellbeing "
            "with regular check-ups from birth until school age. Both parents are invited to "
            "the extensive check-ups at 4 months, 18 months and 4 years. Vaccinations of the "
            "national programme are given at the clinic.",
        ),
        how_to_get_help=_text(
            p,
            "Neuvola kutsuu lapsen määräaikaisiin tarkastuksiin, ja seuraavasta käynnistä "
            "sovitaan aina vastaanotolla. Voit soittaa omalle terveydenhoitajalle "
            "puhelinaikana arkisin kello 8–9.30 tai lähettää viestin sähköisen asioinnin "
            "kautta. Vauvaperheisiin terveydenhoitaja tulee kotikäynnille synnytyksen jälkeen.",
            "Rådgivningen kallar barnet till de regelbundna undersökningarna. Du kan ringa din "
            "hälsovårdare vardagar kl. 8–9.30.",
            "The clinic invites your child to the regular check-ups. You can call your nurse on "
            "weekdays from 8 to 9.30 am.",
        ),
        eligibility=_text(
            p,
            f"{p.locative} asuvat alle kouluikäiset lapset ja heidän perheensä.",
            f"Barn under skolåldern som bor i {sv} och deras familjer.",
            f"Children under school age living in {en} and their families.",
        ),
        age_min=0,
        age_max=6,
        groups=("families-with-baby", "children", "parents"),
        situations=("baby-first-year", "parenting", "development-and-speech"),
        languages=_languages(p, "en"),
        areas=(p.code,),
        low_threshold=True,
        email=f"lastenneuvola.{_slug(p)}@{COUNTY_DOMAIN}",
        url=f"https://www.{COUNTY_DOMAIN}/palvelut/lastenneuvola-{_slug(p)}",
        channels=(
            *(
                Channel(
                    "in_person",
                    location=loc,
                    hours="clinic_evening" if p.code == "951" else "office",
                )
                for loc in CLINICS[p.code]
            ),
            Channel(
                "phone",
                phone=_phone(p, "220"),
                phone_charge="local",
                hours="phone_morning",
                description=_text(
                    p,
                    "Terveydenhoitajien puhelinaika.",
                    "Hälsovårdarnas telefontid.",
                    "Nurses' phone hour.",
                ),
            ),
            Channel(
                "home_visit",
                hours="office",
                description=_text(
                    p,
                    "Kotikäynti vauvaperheeseen synnytyksen jälkeen ja tarvittaessa myöhemmin.",
                    "Hembesök till babyfamiljer efter förlossningen och vid behov senare.",
                    "A home visit after the birth and later when needed.",
                ),
            ),
        ),
    )


def family_work(p: Place) -> ServiceData:
    sv, en = p.name[1], p.name[2]
    return ServiceData(
        key=f"family-work-{p.code}",
        organization="county",
        name=_text(p, f"Perhetyö, {p.name[0]}", f"Familjearbete, {sv}", f"Family work, {en}"),
        summary=_text(
            p,
            "Perhetyöntekijä tukee perhettä kotona arjen haasteissa, vuorovaikutuksessa ja "
            "vanhemmuudessa ilman lastensuojelun asiakkuutta.",
            "En familjearbetare stöder familjen hemma i vardagens utmaningar och i "
            "föräldraskapet utan att familjen är barnskyddsklient.",
            "A family worker supports you at home with everyday challenges and parenting, "
            "without child welfare involvement.",
        ),
        description=_text(
            p,
            "Ennaltaehkäisevä perhetyö on tarkoitettu lapsiperheille, jotka kaipaavat "
            "tilapäistä tukea esimerkiksi päivärytmin, rajojen asettamisen, lapsen "
            "uniongelmien tai sisarusten välisten riitojen kanssa. Perhetyöntekijä tapaa "
            "perhettä yleensä kotona kerran viikossa muutaman kuukauden ajan. Tavoitteet "
            "sovitaan yhdessä perheen kanssa, ja työskentely arvioidaan säännöllisesti. "
            "Perhetyö on luottamuksellista, eikä se edellytä lastensuojelun asiakkuutta. "
            "Perhetyöntekijä tekee tiivistä yhteistyötä neuvolan, varhaiskasvatuksen ja "
            "koulun kanssa, jos perhe niin toivoo.",
            "Det förebyggande familjearbetet är avsett för barnfamiljer som behöver tillfälligt "
            "stöd, till exempel med dygnsrytm, gränssättning eller syskonbråk. "
            "Familjearbetaren träffar familjen oftast hemma en gång i veckan under några "
            "månader.",
            "Preventive family work is for families who need temporary support, for example "
            "with daily routines, setting limits, sleep problems or sibling quarrels. The "
            "family worker usually visits once a week for a few months.",
        ),
        how_to_get_help=_text(
            p,
            "Ota yhteyttä perhekeskuksen palveluohjaukseen puhelimitse tai pyydä neuvolan "
            "terveydenhoitajaa, varhaiskasvatusta tai koulua tekemään yhteydenotto kanssasi. "
            "Tuen tarve arvioidaan yhdessä perheen kanssa ensimmäisellä tapaamisella.",
            "Kontakta familjecentralens servicehandledning per telefon eller be rådgivningen, "
            "daghemmet eller skolan att ta kontakt tillsammans med dig.",
            "Call the family centre's service guidance or ask the clinic, day care or school to "
            "contact us together with you.",
        ),
        age_min=0,
        age_max=17,
        groups=("parents", "whole-family", "families-with-baby"),
        situations=("parenting", "help-at-home", "baby-first-year"),
        languages=_languages(p, "en"),
        areas=(p.code,),
        low_threshold=True,
        email=f"perhetyo.{_slug(p)}@{COUNTY_DOMAIN}",
        url=f"https://www.{COUNTY_DOMAIN}/palvelut/perhetyo",
        channels=(
            Channel("home_visit", hours="office"),
            Channel("phone", phone=_phone(p, "230"), phone_charge="local", hours="phone_midday"),
        ),
    )


def home_help(p: Place) -> ServiceData:
    sv, en = p.name[1], p.name[2]
    return ServiceData(
        key=f"home-help-{p.code}",
        organization="county",
        name=_text(
            p,
            f"Lapsiperheiden kotipalvelu, {p.name[0]}",
            f"Hemservice för barnfamiljer, {sv}",
            f"Home help for families with children, {en}",
        ),
        summary=_text(
            p,
            "Kodinhoitaja auttaa lastenhoidossa ja kodin arjessa, kun perheen voimat eivät "
            "tilapäisesti riitä.",
            "En hemvårdare hjälper till med barnskötsel och hemmets vardag när familjens krafter "
            "tillfälligt inte räcker till.",
            "A home help worker helps with childcare and household tasks when the family's own "
            "resources are temporarily not enough.",
        ),
        description=_text(
            p,
            "Lapsiperheiden kotipalvelu on tarkoitettu tilanteisiin, joissa vanhemman sairaus, "
            "uupumus, synnytys, monikkoperheen arki tai muu erityinen elämäntilanne heikentää "
            "perheen toimintakykyä. Kodinhoitaja voi hoitaa lapsia, auttaa ruoanlaitossa ja "
            "kodin siivouksessa sekä tukea päivärytmin rakentamisessa. Palvelu on "
            "määräaikaista, ja käyntien määrästä sovitaan palvelutarpeen arvioinnin "
            "perusteella. Kotipalvelua voi saada myös palvelusetelillä hyvinvointialueen "
            "hyväksymältä yksityiseltä palveluntuottajalta.",
            "Hemservice för barnfamiljer är avsedd för situationer där förälderns sjukdom, "
            "utmattning, en förlossning eller en annan särskild livssituation försvagar "
            "familjens funktionsförmåga. Hemvårdaren kan sköta barnen och hjälpa till med "
            "matlagning och städning. Tjänsten kan också fås med servicesedel.",
            "Home help is for situations where a parent's illness, exhaustion, a birth, twins "
            "or another special situation makes everyday life too hard. The worker can look "
            "after the children, help with cooking and cleaning and support daily routines. "
            "The service can also be bought with a service voucher.",
        ),
        how_to_get_help=_text(
            p,
            "Soita kotipalvelun ohjaajalle arkisin kello 12–13. Ohjaaja kartoittaa tilanteen "
            "kanssasi ja tekee tarvittaessa päätöksen palvelusta. Kiireellisessä tilanteessa "
            "apua voidaan järjestää jo samalle viikolle.",
            "Ring hemservicens handledare vardagar kl. 12–13.",
            "Call the home help coordinator on weekdays between 12 and 1 pm.",
        ),
        eligibility=_text(
            p,
            f"{p.locative} asuvat lapsiperheet, joiden arki on tilapäisesti kuormittunut.",
            f"Barnfamiljer i {sv} vars vardag tillfälligt är belastad.",
            f"Families with children living in {en} whose daily life is temporarily overloaded.",
        ),
        fee=_text(
            p,
            "Kotipalvelusta peritään tulosidonnainen asiakasmaksu. Ensimmäiset viisi käyntiä "
            "ovat maksuttomia. Palvelusetelin arvo määräytyy perheen bruttotulojen mukaan.",
            "För hemservicen tas en inkomstbunden klientavgift ut. De fem första besöken är "
            "avgiftsfria.",
            "Home help has an income-related fee. The first five visits are free of charge.",
        ),
        age_min=0,
        age_max=12,
        groups=("parents", "families-with-baby", "whole-family"),
        situations=("help-at-home", "baby-first-year", "parenting"),
        languages=_languages(p, "en"),
        areas=(p.code,),
        cost="fee",
        email=f"kotipalvelu@{COUNTY_DOMAIN}",
        url=f"https://www.{COUNTY_DOMAIN}/palvelut/lapsiperheiden-kotipalvelu",
        channels=(
            Channel("home_visit", hours="home_help"),
            Channel("phone", phone=_phone(p, "240"), phone_charge="local", hours="phone_midday"),
        ),
    )


def school_health(p: Place) -> ServiceData:
    sv, en = p.name[1], p.name[2]
    return ServiceData(
        key=f"school-health-{p.code}",
        organization="county",
        name=_text(
            p,
            f"Kouluterveydenhuolto, {p.name[0]}",
            f"Skolhälsovård, {sv}",
            f"School health care, {en}",
        ),
        summary=_text(
            p,
            "Kouluterveydenhoitaja ja -lääkäri seuraavat oppilaan kasvua, kehitystä ja "
            "hyvinvointia peruskoulun ajan.",
            "Skolhälsovårdaren och skolläkaren följer elevens växande, utveckling och "
            "välbefinnande under hela grundskolan.",
            "The school nurse and doctor follow pupils' growth, development and wellbeing "
            "throughout basic education.",
        ),
        description=_text(
            p,
            "Kouluterveydenhuolto on osa opiskeluhuoltoa. Terveystarkastus tehdään jokaisella "
            "vuosiluokalla, ja laajoihin terveystarkastuksiin ensimmäisellä, viidennellä ja "
            "kahdeksannella luokalla kutsutaan myös huoltajat. Terveydenhoitajan "
            "avovastaanotolle voi tulla ilman ajanvarausta, kun mieltä painaa kiusaaminen, "
            "jaksaminen, ihmissuhteet, seksuaalisuus tai terveys. Kouluterveydenhoitaja tekee "
            "yhteistyötä koulukuraattorin, koulupsykologin ja opettajien kanssa.",
            "Skolhälsovården är en del av elevhälsan. Hälsoundersökningar görs varje årskurs, "
            "och till de omfattande undersökningarna i årskurs 1, 5 och 8 kallas även "
            "vårdnadshavarna. Till hälsovårdarens öppna mottagning kan eleven komma utan "
            "tidsbokning.",
            "School health care is part of student welfare. Pupils have a health check every "
            "school year, and guardians are invited to the extensive check-ups in grades 1, 5 "
            "and 8. Pupils can drop in at the nurse's open reception without an appointment.",
        ),
        how_to_get_help=_text(
            p,
            "Oppilas voi tulla terveydenhoitajan avovastaanotolle koulupäivän aikana. Huoltaja "
            "voi ottaa yhteyttä Wilman viestillä tai puhelimitse.",
            "Eleven kan komma till hälsovårdarens öppna mottagning under skoldagen. "
            "Vårdnadshavare kan kontakta hälsovårdaren via Wilma eller per telefon.",
            "Pupils can drop in during the school day; guardians can contact the nurse through "
            "Wilma or by phone.",
        ),
        age_min=7,
        age_max=16,
        groups=("children", "young-people", "parents"),
        situations=("learning-and-school", "mental-health"),
        languages=_languages(p, "en"),
        areas=(p.code,),
        low_threshold=True,
        url=f"https://www.{COUNTY_DOMAIN}/palvelut/kouluterveydenhuolto",
        channels=(
            *(
                Channel("in_person", location=loc, hours="school_days", summer_break=True)
                for loc in SCHOOLS[p.code]
            ),
            Channel(
                "phone",
                phone=_phone(p, "250"),
                phone_charge="local",
                hours="phone_morning",
                summer_break=True,
            ),
        ),
    )


def school_social_worker(p: Place) -> ServiceData:
    sv, en = p.name[1], p.name[2]
    return ServiceData(
        key=f"school-social-worker-{p.code}",
        organization="county",
        name=_text(
            p,
            f"Koulukuraattori, {p.name[0]}",
            f"Skolkurator, {sv}",
            f"School social worker, {en}",
        ),
        summary=_text(
            p,
            "Koulukuraattori auttaa oppilaita ja heidän perheitään koulunkäyntiin, "
            "kaverisuhteisiin ja elämäntilanteeseen liittyvissä huolissa.",
            "Skolkuratorn hjälper elever och deras familjer med bekymmer som gäller skolgång, "
            "kompisrelationer och livssituationen.",
            "The school social worker helps pupils and families with worries about school, "
            "friendships and life situations.",
        ),
        description=_text(
            p,
            "Kuraattorin kanssa voi jutella esimerkiksi koulupoissaoloista, kiusaamisesta, "
            "yksinäisyydestä, riidoista kotona tai vanhempien erosta. Kuraattori selvittää "
            "tilannetta yhdessä oppilaan ja huoltajien kanssa ja tarvittaessa ohjaa muiden "
            "palvelujen piiriin. Oppilaalla on oikeus päästä keskustelemaan kuraattorin kanssa "
            "viimeistään seitsemäntenä koulupäivänä yhteydenotosta, kiireellisessä tilanteessa "
            "samana tai seuraavana päivänä. Keskustelut ovat luottamuksellisia.",
            "Med kuratorn kan man prata om till exempel skolfrånvaro, mobbning, ensamhet, bråk "
            "hemma eller föräldrarnas skilsmässa. Eleven har rätt att få träffa kuratorn senast "
            "den sjunde skoldagen efter kontakten, i brådskande fall samma eller följande dag.",
            "You can talk with the school social worker about absences, bullying, loneliness, "
            "quarrels at home or parents' separation. Pupils have the right to see the social "
            "worker by the seventh school day after asking, urgently on the same or next day.",
        ),
        how_to_get_help=_text(
            p,
            "Tule käymään kuraattorin huoneessa, lähetä Wilma-viesti tai soita. Myös opettaja "
            "tai huoltaja voi ottaa yhteyttä oppilaan puolesta.",
            "Kom till kuratorns rum, skicka ett meddelande i Wilma eller ring.",
            "Drop in at the social worker's room, send a Wilma message or call.",
        ),
        age_min=7,
        age_max=16,
        groups=("children", "young-people", "parents"),
        situations=("learning-and-school", "mental-health", "separation"),
        languages=_languages(p, "en"),
        areas=(p.code,),
        low_threshold=True,
        url=f"https://www.{COUNTY_DOMAIN}/palvelut/koulukuraattori",
        channels=(
            *(
                Channel(
                    "in_person",
                    location=loc,
                    hours="school_two_days" if p.code in ("952", "955") else "school_days",
                    summer_break=True,
                )
                for loc in SCHOOLS[p.code]
            ),
            Channel(
                "phone",
                phone=_phone(p, "260"),
                phone_charge="local",
                hours="phone_office",
                summer_break=True,
            ),
        ),
    )


def school_psychologist(p: Place) -> ServiceData:
    sv, en = p.name[1], p.name[2]
    return ServiceData(
        key=f"school-psychologist-{p.code}",
        organization="county",
        name=_text(
            p,
            f"Koulupsykologi, {p.name[0]}",
            f"Skolpsykolog, {sv}",
            f"School psychologist, {en}",
        ),
        summary=_text(
            p,
            "Koulupsykologi tukee oppilaan oppimista, tunne-elämää ja psyykkistä hyvinvointia.",
            "Skolpsykologen stöder elevens lärande, känsloliv och psykiska välmående.",
            "The school psychologist supports pupils' learning, emotions and mental wellbeing.",
        ),
        description=_text(
            p,
            "Koulupsykologin luo voi hakeutua, kun oppilasta huolestuttaa esimerkiksi "
            "ahdistuneisuus, alakulo, jännittäminen, keskittymisvaikeudet tai vaikea "
            "elämäntilanne. Psykologi tekee tarvittaessa oppimisvalmiuksia ja tarkkaavuutta "
            "koskevia tutkimuksia ja antaa ohjausta opettajille. Lyhytterapeuttiset "
            "keskustelut, kuten nuorten interpersoonallinen ohjanta, järjestetään koululla. "
            "Oppilas pääsee keskustelemaan psykologin kanssa viimeistään seitsemäntenä "
            "koulupäivänä yhteydenotosta.",
            "Man kan söka sig till skolpsykologen vid till exempel ångest, nedstämdhet, "
            "nervositet eller koncentrationssvårigheter. Psykologen gör vid behov "
            "undersökningar av inlärningsförutsättningar och handleder lärarna.",
            "Pupils can see the school psychologist for anxiety, low mood, nervousness, "
            "concentration problems or a difficult life situation. The psychologist also "
            "assesses learning and attention when needed.",
        ),
        how_to_get_help=_text(
            p,
            "Ota yhteyttä psykologiin Wilma-viestillä tai puhelimitse. Etävastaanotto on "
            "mahdollinen myös videon välityksellä.",
            "Kontakta psykologen via Wilma eller per telefon. Distansmottagning per video är "
            "också möjlig.",
            "Contact the psychologist through Wilma or by phone; video appointments are possible.",
        ),
        age_min=7,
        age_max=16,
        groups=("children", "young-people", "parents"),
        situations=("learning-and-school", "mental-health", "development-and-speech"),
        languages=_languages(p, "en"),
        areas=(p.code,),
        low_threshold=True,
        url=f"https://www.{COUNTY_DOMAIN}/palvelut/koulupsykologi",
        channels=(
            *(
                Channel("in_person", location=loc, hours="school_two_days", summer_break=True)
                for loc in SCHOOLS[p.code]
            ),
            Channel(
                "phone",
                phone=_phone(p, "270"),
                phone_charge="local",
                hours="phone_midday",
                summer_break=True,
            ),
            Channel(
                "video",
                hours="school_two_days",
                url=f"https://etavastaanotto.{COUNTY_DOMAIN}/",
                summer_break=True,
            ),
        ),
    )


def family_social_guidance(p: Place) -> ServiceData:
    sv, en = p.name[1], p.name[2]
    location = CLINICS[p.code][0]
    return ServiceData(
        key=f"family-social-guidance-{p.code}",
        organization="county",
        name=_text(
            p,
            f"Lapsiperheiden sosiaaliohjaus, {p.name[0]}",
            f"Socialhandledning för barnfamiljer, {sv}",
            f"Social guidance for families, {en}",
        ),
        summary=_text(
            p,
            "Sosiaaliohjaaja arvioi yhdessä perheen kanssa tuen tarpeen ja sopii sopivista "
            "palveluista, kuten perhetyöstä, kotipalvelusta tai tukihenkilöstä.",
            "Socialhandledaren bedömer familjens stödbehov tillsammans med familjen och kommer "
            "överens om lämpliga tjänster.",
            "A social counsellor assesses your family's need for support with you and arranges "
            "suitable services.",
        ),
        description=_text(
            p,
            "Lapsiperheiden sosiaalipalveluihin voi hakeutua, kun arki tuntuu raskaalta tai "
            "perheessä on huolta esimerkiksi toimeentulosta, asumisesta, jaksamisesta tai "
            "lasten hyvinvoinnista. Palvelutarpeen arviointi aloitetaan viipymättä, ja "
            "erityistä tukea tarvitsevan lapsen kohdalla se käynnistetään viimeistään "
            "seitsemäntenä arkipäivänä. Arvion jälkeen perheelle tehdään tarvittaessa "
            "asiakassuunnitelma, ja perhe saa oman vastuutyöntekijän. Sosiaaliohjaus on "
            "perheelle maksutonta ja vapaaehtoista.",
            "Man kan söka sig till socialtjänsten för barnfamiljer när vardagen känns tung "
            "eller när det finns oro för försörjning, boende, ork eller barnens välbefinnande. "
            "Bedömningen av servicebehovet inleds utan dröjsmål, och familjen får en egen "
            "kontaktperson.",
            "You can turn to family social services when everyday life feels heavy or you are "
            "worried about income, housing, coping or the children's wellbeing. A service-need "
            "assessment starts without delay and you get a named responsible worker.",
        ),
        how_to_get_help=_text(
            p,
            "Soita sosiaaliohjauksen neuvontanumeroon arkisin kello 9–15 tai täytä "
            "yhteydenottolomake sähköisessä asioinnissa. Neuvolan, koulun ja "
            "varhaiskasvatuksen työntekijät voivat myös ottaa yhteyttä yhdessä perheen kanssa.",
            "Ring socialhandledningens rådgivning vardagar kl. 9–15 eller fyll i "
            "kontaktblanketten i e-tjänsten.",
            "Call the advice line on weekdays from 9 am to 3 pm or fill in the contact form "
            "online.",
        ),
        age_min=0,
        age_max=17,
        groups=("parents", "whole-family"),
        situations=("parenting", "money-and-housing", "help-at-home"),
        languages=_languages(p, "en"),
        areas=(p.code,),
        low_threshold=True,
        email=f"sosiaaliohjaus@{COUNTY_DOMAIN}",
        url=f"https://www.{COUNTY_DOMAIN}/palvelut/lapsiperheiden-sosiaaliohjaus",
        channels=(
            Channel("in_person", location=location, hours="office"),
            Channel("phone", phone=_phone(p, "280"), phone_charge="local", hours="phone_office"),
            Channel("web", url=f"https://asiointi.{COUNTY_DOMAIN}/sosiaaliohjaus"),
        ),
    )


def youth_centre(p: Place) -> ServiceData:
    sv, en = p.name[1], p.name[2]
    location = YOUTH[p.code]
    rich = p.code in ("951", "954", "953")
    return ServiceData(
        key=f"youth-centre-{p.code}",
        organization=f"municipality-{p.code}",
        name=_text(
            p,
            f"{p.genitive} nuorisotalo",
            f"Ungdomsgården i {sv}",
            f"Youth centre, {en}",
        ),
        summary=_text(
            p,
            "Nuorisotalo on maksuton ja päihteetön kohtaamispaikka, jossa on turvallisia "
            "aikuisia, harrastuksia ja kavereita.",
            "Ungdomsgården är en avgiftsfri och drogfri mötesplats med trygga vuxna, hobbyer "
            "och kompisar.",
            "The youth centre is a free, substance-free place to meet friends and trusted adults.",
        ),
        description=_text(
            p,
            "Nuorisotalolla voi pelata, kokata, soittaa bändikämpällä tai vain hengailla "
            "kavereiden kanssa. Nuoriso-ohjaajien kanssa voi jutella luottamuksellisesti "
            "mistä tahansa, ja he auttavat tarvittaessa löytämään oikean avun esimerkiksi "
            "mielenterveyteen, päihteisiin tai seurusteluun liittyvissä kysymyksissä. "
            "Talolla järjestetään tyttöjen ja poikien ryhmiä, retkiä ja leirejä."
            + (
                " Lisäksi nuorisotalolla toimii viikoittain nuorten terveydenhoitajan "
                "matalan kynnyksen vastaanotto."
                if rich
                else ""
            ),
            "På ungdomsgården kan man spela, laga mat, spela i bandrummet eller bara umgås med "
            "kompisar. Med ungdomsledarna kan man prata förtroligt om vad som helst.",
            "At the youth centre you can play games, cook, jam in the band room or just hang "
            "out. You can talk in confidence with the youth workers about anything.",
        ),
        how_to_get_help=_text(
            p,
            "Tule paikalle aukioloaikoina, ilmoittautumista ei tarvita. Nuorisotalon "
            "ohjaajia voi lähestyä myös somessa ja puhelimitse.",
            "Kom dit under öppettiderna, ingen anmälan behövs.",
            "Just come during opening hours, no registration needed.",
        ),
        age_min=10,
        age_max=17,
        groups=("young-people", "children"),
        situations=("leisure-and-peer-support", "mental-health"),
        languages=_languages(p, "en"),
        areas=(p.code,),
        low_threshold=True,
        anonymous=True,
        url=f"https://www.{p.domain}/nuoriso",
        channels=(
            Channel(
                "in_person",
                location=location,
                hours="youth_centre" if rich else "youth_room",
                summer_break=True,
            ),
            Channel("phone", phone=_phone(p, "310"), phone_charge="local", hours="youth_room"),
        ),
    )


def outreach_youth_work(p: Place) -> ServiceData:
    sv, en = p.name[1], p.name[2]
    return ServiceData(
        key=f"outreach-youth-work-{p.code}",
        organization=f"municipality-{p.code}",
        name=_text(
            p,
            f"Etsivä nuorisotyö, {p.name[0]}",
            f"Uppsökande ungdomsarbete, {sv}",
            f"Outreach youth work, {en}",
        ),
        summary=_text(
            p,
            "Etsivä nuorisotyöntekijä auttaa alle 29-vuotiasta nuorta, joka on koulun, työn tai "
            "muiden palvelujen ulkopuolella.",
            "Uppsökande ungdomsarbetare hjälper unga under 29 år som står utanför skola, arbete "
            "eller andra tjänster.",
            "Outreach youth workers help young people under 29 who are outside school, work or "
            "other services.",
        ),
        description=_text(
            p,
            "Etsivä nuorisotyö kulkee nuoren rinnalla ja auttaa löytämään suunnan, kun "
            "opiskelut ovat keskeytyneet, työpaikkaa ei löydy tai arki on hukassa. "
            "Työntekijä tapaa nuorta siellä, missä nuori haluaa: kahvilassa, kotona tai "
            "kävelylenkillä. Yhdessä voidaan hoitaa esimerkiksi asumiseen, toimeentuloon, "
            "opiskelupaikan hakemiseen ja terveyteen liittyviä asioita. Palvelu on "
            "vapaaehtoista, maksutonta ja luottamuksellista.",
            "Det uppsökande ungdomsarbetet går vid sidan av den unga och hjälper till att hitta "
            "en riktning när studierna har avbrutits eller vardagen har tappat fästet.",
            "Outreach youth work walks alongside you when studies have stopped, work cannot be "
            "found or everyday life is lost, and meets you where you want.",
        ),
        how_to_get_help=_text(
            p,
            "Laita viesti tai soita etsivälle nuorisotyöntekijälle. Myös vanhempi, opettaja tai "
            "muu läheinen voi ottaa yhteyttä, kun nuori on antanut siihen luvan.",
            "Skicka ett meddelande eller ring en uppsökande ungdomsarbetare.",
            "Send a message or call an outreach worker.",
        ),
        age_min=15,
        age_max=29,
        groups=("young-people",),
        situations=("learning-and-school", "mental-health", "substance-use", "money-and-housing"),
        languages=_languages(p, "en"),
        areas=(p.code,),
        low_threshold=True,
        email=f"etsiva.nuorisotyo@{p.domain}",
        url=f"https://www.{p.domain}/etsiva-nuorisotyo",
        channels=(
            Channel(
                "mobile_team",
                hours="outreach",
                description=_text(
                    p,
                    "Tapaamme nuoren kotona, kahvilassa tai muussa sovitussa paikassa.",
                    "Vi träffar den unga hemma, på ett café eller på en annan överenskommen plats.",
                    "We meet you at home, in a café or elsewhere as agreed.",
                ),
            ),
            Channel("phone", phone=_phone(p, "320"), phone_charge="local", hours="outreach"),
        ),
    )


def early_education_guidance(p: Place) -> ServiceData:
    sv, en = p.name[1], p.name[2]
    channels = [
        Channel("phone", phone=_phone(p, "330"), phone_charge="local", hours="phone_office"),
        Channel("web", url=f"https://www.{p.domain}/varhaiskasvatus/hakeminen"),
    ]
    if p.code == "951":
        channels.insert(0, Channel("in_person", location="town-hall-kaislaranta", hours="office"))
    return ServiceData(
        key=f"early-education-guidance-{p.code}",
        organization=f"municipality-{p.code}",
        name=_text(
            p,
            f"Varhaiskasvatuksen palveluohjaus, {p.name[0]}",
            f"Servicehandledning inom småbarnspedagogiken, {sv}",
            f"Early childhood education guidance, {en}",
        ),
        summary=_text(
            p,
            "Neuvontaa päiväkotipaikan ja perhepäivähoidon hakemisessa, maksuissa ja "
            "lapsen tuen tarpeissa varhaiskasvatuksessa.",
            "Rådgivning om att ansöka om daghemsplats och familjedagvård, avgifter och barnets "
            "stöd i småbarnspedagogiken.",
            "Advice on applying for a day-care place, fees and support for your child in early "
            "childhood education.",
        ),
        description=_text(
            p,
            "Varhaiskasvatuspaikkaa haetaan viimeistään neljä kuukautta ennen tarvetta, tai "
            "kahta viikkoa ennen, jos tarve johtuu äkillisestä työllistymisestä tai "
            "opiskelusta. Palveluohjaaja neuvoo hakemuksen tekemisessä, kertoo vapaista "
            "paikoista eri päiväkodeissa ja perhepäivähoidossa sekä auttaa "
            "asiakasmaksuihin liittyvissä kysymyksissä. Varhaiskasvatuksen erityisopettaja "
            "tukee lapsia, joilla on tuen tarvetta esimerkiksi kielen kehityksessä tai "
            "vuorovaikutuksessa.",
            "Ansökan om plats i småbarnspedagogiken ska göras senast fyra månader innan "
            "behovet börjar, eller två veckor innan om behovet beror på plötsligt arbete eller "
            "studier. Servicehandledaren hjälper med ansökan och avgifter.",
            "Apply for a place at least four months before you need it, or two weeks before if "
            "the need is due to sudden work or studies. The coordinator helps with the "
            "application and with fees.",
        ),
        how_to_get_help=_text(
            p,
            "Täytä hakemus kunnan sähköisessä asioinnissa tai soita palveluohjaukseen arkisin "
            "kello 9–15.",
            "Fyll i ansökan i kommunens e-tjänst eller ring servicehandledningen vardagar kl. 9–15.",
            "Apply online or call the guidance line on weekdays from 9 am to 3 pm.",
        ),
        fee=_text(
            p,
            "Varhaiskasvatuksen asiakasmaksu määräytyy perheen koon, tulojen ja hoitoajan "
            "mukaan. Sisaruksilta peritään alennettu maksu.",
            "Avgiften för småbarnspedagogik bestäms enligt familjens storlek, inkomster och "
            "vårdtid.",
            "The fee depends on family size, income and hours of care.",
        ),
        age_min=0,
        age_max=6,
        groups=("parents", "children"),
        situations=("parenting", "development-and-speech", "learning-and-school"),
        languages=_languages(p, "en"),
        areas=(p.code,),
        cost="fee",
        email=f"varhaiskasvatus@{p.domain}",
        url=f"https://www.{p.domain}/varhaiskasvatus",
        channels=tuple(channels),
    )


def parish_family_club(p: Place, parish: str, location: str, language: str) -> ServiceData:
    swedish = language == "sv"
    sv_name = p.name[1]
    if swedish:
        name = (
            "Lohiniemen ruotsinkielinen perhekerho",
            f"Familjeklubben i {sv_name} svenska församling",
            "Swedish-language family club in Laxnäs",
        )
        summary = (
            "Ruotsinkielinen perhekerho vauvoille, taaperoille ja heidän aikuisilleen.",
            "Familjeklubb på svenska för bebisar, småbarn och deras vuxna.",
            "A Swedish-language family club for babies, toddlers and their adults.",
        )
        description = (
            "Ruotsinkielisessä perhekerhossa lauletaan, leikitään, askarrellaan ja juodaan "
            "aamukahvit yhdessä. Jokainen kerhokerta alkaa lyhyellä hartaushetkellä. Kerho on "
            "avoin kaikille, eikä seurakunnan jäsenyyttä tarvita. Vanhemmat, isovanhemmat ja "
            "perhepäivähoitajat ovat tervetulleita lasten kanssa.",
            "I klubben sjunger vi, leker, pysslar och dricker morgonkaffe tillsammans. Varje "
            "träff börjar med en kort andakt. Klubben är öppen för alla – man behöver inte "
            "vara medlem i församlingen. Föräldrar, mor- och farföräldrar och dagvårdare är "
            "välkomna med barnen.",
            "We sing, play, do crafts and have morning coffee. Open to everyone, no membership "
            "needed.",
        )
        how = (
            "Tule mukaan kerhoaikana, ilmoittautumista ei tarvita.",
            "Kom med under klubbtiden, ingen anmälan behövs.",
            "Just come along, no registration needed.",
        )
        languages: tuple[str, ...] = ("sv", "fi")
        hours = "club_two_mornings"
        key = f"parish-family-club-sv-{p.code}"
    else:
        name = (
            f"Seurakunnan perhekerho, {p.name[0]}",
            f"Församlingens familjeklubb, {sv_name}" if p.bilingual else "",
            "",
        )
        summary = (
            "Avoin perhekerho vauvoille ja leikki-ikäisille lapsille sekä heidän "
            "vanhemmilleen, isovanhemmilleen ja hoitajilleen.",
            "Öppen familjeklubb för bebisar och lekåldersbarn och deras vuxna."
            if p.bilingual
            else "",
            "",
        )
        description = (
            "Perhekerhossa lapset pääsevät leikkimään ja laulamaan yhdessä, ja aikuiset "
            "saavat vertaistukea ja juttuseuraa kahvikupin äärellä. Kerhokerta alkaa "
            "yhteisellä laulu- ja leikkituokiolla, jonka jälkeen vapaata leikkiä ja "
            "askartelua. Kerhoa vetää seurakunnan lastenohjaaja, ja kerran kuukaudessa "
            "mukana on diakoniatyöntekijä, jonka kanssa voi keskustella luottamuksellisesti. "
            "Kerho on kaikille avoin ja maksuton, eikä seurakunnan jäsenyyttä tarvita.",
            "I familjeklubben leker och sjunger barnen tillsammans medan de vuxna får "
            "kamratstöd. Klubben är öppen för alla och avgiftsfri."
            if p.bilingual
            else "",
            "",
        )
        how = (
            "Tule mukaan kerhoaikana, ennakkoilmoittautumista ei tarvita. Lastenvaunut voi "
            "jättää katokseen sisäänkäynnin viereen.",
            "Kom med under klubbtiden, ingen anmälan behövs." if p.bilingual else "",
            "",
        )
        languages = ("fi",)
        hours = "club_morning" if p.code != "951" else "club_two_mornings"
        key = f"parish-family-club-{p.code}"
    return ServiceData(
        key=key,
        organization=parish,
        name=name,
        summary=summary,
        description=description,
        how_to_get_help=how,
        age_min=0,
        age_max=6,
        groups=("families-with-baby", "children", "parents"),
        situations=("leisure-and-peer-support", "parenting", "baby-first-year"),
        languages=languages,
        areas=(p.code,),
        low_threshold=True,
        url=f"https://www.{parish_domain(parish)}/perhekerho",
        channels=(Channel("in_person", location=location, hours=hours, summer_break=True),),
    )


def parish_domain(parish: str) -> str:
    org = next(o for o in ORGANIZATIONS if o.key == parish)
    return org.website.removeprefix("https://www.").rstrip("/")


def family_cafe(p: Place) -> ServiceData:
    organization, location = CAFES[p.code]
    sv, en = p.name[1], p.name[2]
    return ServiceData(
        key=f"family-cafe-{p.code}",
        organization=organization,
        name=_text(p, f"Perhekahvila, {p.name[0]}", f"Familjecafé i {sv}", f"Family café, {en}"),
        summary=_text(
            p,
            "Vapaaehtoisten ylläpitämä perhekahvila, jossa vanhemmat tapaavat toisiaan ja "
            "lapset leikkivät yhdessä.",
            "Ett familjecafé som drivs av frivilliga, där föräldrar träffas och barnen leker "
            "tillsammans.",
            "A volunteer-run family café where parents meet and children play together.",
        ),
        description=_text(
            p,
            "Perhekahvilaan voi tulla vauvan, taaperon tai leikki-ikäisen kanssa ilman "
            "ennakkoilmoittautumista. Tarjolla on edullista kahvia ja välipalaa, "
            "leikkitilaa sekä vaihtuvia teemoja, kuten vauvahierontaa, lorutteluhetkiä ja "
            "neuvolan terveydenhoitajan vierailuja. Kahvilassa voi tutustua muihin "
            "lapsiperheisiin ja saada vertaistukea arkeen. Myös isät, isovanhemmat ja "
            "äskettäin paikkakunnalle muuttaneet ovat lämpimästi tervetulleita.",
            "Till familjecaféet kan man komma med bebis, småbarn eller lekåldersbarn utan "
            "förhandsanmälan. Det finns förmånligt kaffe, lekutrymme och teman som babymassage "
            "och ramsstunder. Caféet drivs på svenska och finska.",
            "You can come with a baby, toddler or pre-schooler without registering. There is "
            "low-cost coffee, space to play and changing themes such as baby massage and "
            "rhyme time.",
        ),
        how_to_get_help=_text(
            p,
            "Tule paikalle kahvilan aukioloaikana. Kahvilassa on vaunuparkki ja hoitopöytä.",
            "Kom dit under caféets öppettider.",
            "Drop in during opening hours.",
        ),
        age_min=0,
        age_max=6,
        groups=("families-with-baby", "parents", "children"),
        situations=("leisure-and-peer-support", "baby-first-year", "parenting"),
        languages=_languages(p, "en") if p.bilingual else ("fi",),
        areas=(p.code,),
        low_threshold=True,
        anonymous=True,
        channels=(
            Channel(
                "in_person",
                location=location,
                hours="family_cafe" if p.code in ("951", "954") else "family_cafe_once",
                summer_break=True,
            ),
        ),
    )


def story_time(p: Place) -> ServiceData:
    sv, en = p.name[1], p.name[2]
    return ServiceData(
        key=f"library-rhyme-time-{p.code}",
        organization=f"municipality-{p.code}",
        name=_text(
            p,
            f"Vauvojen loruhetket ja satutunnit, {p.genitive} kirjasto",
            f"Ramsstunder och sagostunder i biblioteket i {sv}",
            f"Baby rhyme time and story hours, {en} library",
        ),
        summary=_text(
            p,
            "Kirjaston maksuttomat loruhetket vauvoille ja satutunnit leikki-ikäisille tukevat "
            "lapsen kielen kehitystä.",
            "Bibliotekets avgiftsfria ramsstunder för bebisar och sagostunder för lekåldersbarn "
            "stöder barnets språkutveckling.",
            "Free rhyme times for babies and story hours for young children support language "
            "development.",
        ),
        description=_text(
            p,
            "Loruhetkissä lauletaan, loruillaan ja tutustutaan kuvakirjoihin yhdessä vauvan "
            "kanssa. Satutunneilla kirjastonhoitaja lukee ääneen ja lapset pääsevät "
            "kertomaan omia tarinoitaan. Kirjastosta voi lainata kirjakasseja eri kielillä ja "
            "selkokielisiä kirjoja koko perheelle. Tapahtumat sopivat hyvin myös suomea "
            "opetteleville perheille.",
            "På ramsstunderna sjunger vi och bläddrar i bilderböcker tillsammans med "
            "bebisarna. På sagostunderna läser bibliotekarien högt.",
            "At rhyme time we sing and explore picture books with the babies; at story hour the "
            "librarian reads aloud. Families learning Finnish are welcome too.",
        ),
        how_to_get_help=_text(
            p,
            "Tule kirjaston lastenosastolle, ilmoittautumista ei tarvita.",
            "Kom till bibliotekets barnavdelning, ingen anmälan behövs.",
            "Come to the children's section; no registration.",
        ),
        age_min=0,
        age_max=6,
        groups=("families-with-baby", "children", "immigrant-families"),
        situations=("leisure-and-peer-support", "development-and-speech"),
        languages=_languages(p, "en"),
        areas=(p.code,),
        low_threshold=True,
        anonymous=True,
        url=f"https://www.{p.domain}/kirjasto",
        channels=(
            Channel("in_person", location=LIBRARIES[p.code], hours="story_time", summer_break=True),
        ),
    )


def afternoon_care(p: Place) -> ServiceData:
    sv = p.name[1]
    return ServiceData(
        key=f"afternoon-care-{p.code}",
        organization=f"municipality-{p.code}",
        name=_text(
            p,
            f"Koululaisten iltapäivätoiminta, {p.name[0]}",
            f"Morgon- och eftermiddagsverksamhet för skolelever, {sv}",
            "",
        ),
        summary=_text(
            p,
            "Ohjattua iltapäivätoimintaa 1.–2.-luokkalaisille ja erityistä tukea tarvitseville "
            "oppilaille koulupäivän jälkeen.",
            "Handledd eftermiddagsverksamhet för elever i årskurs 1–2 och elever i behov av "
            "särskilt stöd efter skoldagen.",
            "",
        ),
        description=_text(
            p,
            "Iltapäivätoiminnassa lapset saavat välipalan, ulkoilevat, leikkivät ja tekevät "
            "läksyjä turvallisten aikuisten ohjauksessa. Toimintaa järjestetään koulujen "
            "tiloissa arkipäivisin koulupäivän päättymisestä kello 17:ään. Haku seuraavalle "
            "lukuvuodelle on keväisin, mutta paikkaa voi hakea myös kesken vuoden.",
            "I eftermiddagsverksamheten får barnen mellanmål, är ute, leker och gör läxor med "
            "trygga vuxna.",
            "",
        ),
        how_to_get_help=_text(
            p,
            "Hae paikkaa kunnan sähköisessä asioinnissa.",
            "Ansök om plats i kommunens e-tjänst.",
            "",
        ),
        fee=_text(
            p,
            "Kuukausimaksu on 80–120 euroa läsnäolopäivien mukaan. Maksusta voi hakea "
            "alennusta tai vapautusta perheen taloudellisen tilanteen perusteella.",
            "Månadsavgiften är 80–120 euro beroende på antalet dagar.",
            "",
        ),
        age_min=7,
        age_max=9,
        groups=("children", "parents"),
        situations=("learning-and-school", "help-at-home"),
        languages=_languages(p),
        areas=(p.code,),
        cost="fee",
        url=f"https://www.{p.domain}/iltapaivatoiminta",
        channels=(
            Channel(
                "in_person", location=SCHOOLS[p.code][0], hours="afternoon_care", summer_break=True
            ),
            Channel("web", url=f"https://www.{p.domain}/iltapaivatoiminta/haku"),
        ),
    )


def municipal_services() -> list[ServiceData]:
    services = []
    for place in PLACES:
        services += [
            maternity_clinic(place),
            child_health_clinic(place),
            family_work(place),
            home_help(place),
            school_health(place),
            school_social_worker(place),
            school_psychologist(place),
            family_social_guidance(place),
            youth_centre(place),
            outreach_youth_work(place),
            early_education_guidance(place),
            family_cafe(place),
            story_time(place),
            afternoon_care(place),
        ]
        for parish, location, language in PARISHES[place.code]:
            services.append(parish_family_club(place, parish, location, language))
    return services
