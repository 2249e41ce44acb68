"""Services the wellbeing services county gives to the whole region.

They serve the bilingual Lohiniemi (Laxnäs) too, so every one has Swedish
text, and English for newcomers.
"""

from .region import ALL_AREAS, COUNTY_DOMAIN
from .schema import Channel, ServiceData, t

D = COUNTY_DOMAIN
FC = ("fc-kaislaranta", "fc-lohiniemi")
RURAL = ("952", "953", "955")


def _county(key, **fields) -> ServiceData:
    fields.setdefault("organization", "county")
    fields.setdefault("areas", ALL_AREAS)
    fields.setdefault("languages", ("fi", "sv", "en"))
    fields.setdefault("url", f"https://www.{D}/palvelut/{key}")
    return ServiceData(key=key, **fields)


def _in_person(*locations, hours="office", **kwargs):
    return tuple(Channel("in_person", location=loc, hours=hours, **kwargs) for loc in locations)


COUNTY_SERVICES: tuple[ServiceData, ...] = (
    _county(
        "family-centre-guidance",
        name=t(
            "Perhekeskuksen palveluohjaus",
            "Familjecentralens servicehandledning",
            "Family centre service guidance",
        ),
        summary=t(
            "Yksi numero kaikkiin lapsiperheiden palveluihin: palveluohjaaja kuuntelee, neuvoo "
            "ja varaa tarvittaessa ajan oikealle työntekijälle.",
            "Ett nummer till alla tjänster för barnfamiljer: servicehandledaren lyssnar, ger råd "
            "och bokar vid behov tid hos rätt person.",
            "One number for all family services: a service guide listens, advises and books a "
            "time with the right professional.",
        ),
        description=t(
            "Perhekeskuksen palveluohjaus on lapsiperheiden yhteinen ovi hyvinvointialueen, "
            "kuntien, järjestöjen ja seurakuntien palveluihin. Sinun ei tarvitse tietää, mikä "
            "palvelu sopii tilanteeseesi – kerro, mikä mietityttää, niin palveluohjaaja etsii "
            "kanssasi sopivan tuen. Voit kysyä esimerkiksi kasvatukseen, parisuhteeseen, eroon, "
            "jaksamiseen, lapsen kehitykseen tai raha-asioihin liittyvistä asioista. "
            "Tarvittaessa palveluohjaaja kokoaa perheen kanssa yhteisen tapaamisen, johon "
            "osallistuvat kaikki perhettä auttavat ammattilaiset, ja perhe saa oman "
            "vastuutyöntekijän.",
            "Familjecentralens servicehandledning är barnfamiljernas gemensamma dörr till "
            "välfärdsområdets, kommunernas, organisationernas och församlingarnas tjänster. Du "
            "behöver inte veta vilken tjänst som passar – berätta vad som bekymrar dig, så "
            "letar servicehandledaren upp lämpligt stöd tillsammans med dig.",
            "Service guidance is the family centre's single door to the services of the county, "
            "municipalities, NGOs and parishes. You do not need to know which service fits – "
            "tell us what worries you and we will find the right support together.",
        ),
        how_to_get_help=t(
            "Soita arkisin kello 9–15, tule käymään perhekeskuksessa tai jätä "
            "yhteydenottopyyntö verkossa. Palvelemme suomeksi, ruotsiksi ja englanniksi, ja "
            "muille kielille tilaamme tulkin.",
            "Ring vardagar kl. 9–15, besök familjecentralen eller lämna en kontaktbegäran på "
            "nätet. Vi betjänar på finska, svenska och engelska.",
            "Call on weekdays 9 am–3 pm, visit the family centre or leave a contact request "
            "online. We serve in Finnish, Swedish and English and book an interpreter for other "
            "languages.",
        ),
        age_min=0,
        age_max=17,
        groups=("parents", "whole-family", "parents-to-be", "young-people"),
        situations=("parenting", "help-at-home", "money-and-housing", "immigrant-families"),
        low_threshold=True,
        email=f"perhekeskus@{D}",
        channels=(
            Channel("phone", phone="015 555 0200", phone_charge="local", hours="phone_office"),
            *_in_person(*FC),
            Channel("web", url=f"https://asiointi.{D}/perhekeskus/yhteydenotto"),
        ),
    ),
    _county(
        "family-counselling-clinic",
        name=t("Perheneuvola", "Familjerådgivningen", "Family counselling clinic"),
        summary=t(
            "Perheneuvola auttaa, kun lapsen kasvu, kehitys, tunteet tai perheen "
            "vuorovaikutus herättävät huolta.",
            "Familjerådgivningen hjälper när barnets utveckling, känslor eller familjens "
            "samspel väcker oro.",
            "The family counselling clinic helps when a child's development, emotions or family "
            "relationships cause concern.",
        ),
        description=t(
            "Perheneuvolan psykologit, sosiaalityöntekijät ja perheterapeutit tukevat alle "
            "18-vuotiaiden lasten perheitä. Perheneuvolaan voi hakeutua esimerkiksi lapsen "
            "pelkojen, raivokohtausten, masentuneisuuden, keskittymisvaikeuksien, "
            "kaverisuhteiden pulmien tai perheen kriisien vuoksi. Työskentely voi olla "
            "vanhempien ohjausta, lapsen tutkimuksia ja terapeuttisia keskusteluja, "
            "perheterapiaa tai ryhmiä. Perheneuvolassa voi käsitellä myös parisuhteen "
            "ristiriitoja ja eroon liittyviä kysymyksiä lapsen näkökulmasta. Lähetettä ei "
            "tarvita, ja palvelu on maksutonta.",
            "Familjerådgivningens psykologer, socialarbetare och familjeterapeuter stöder "
            "familjer med barn under 18 år, till exempel vid rädslor, raseriutbrott, "
            "nedstämdhet, koncentrationssvårigheter eller kriser i familjen. Ingen remiss "
            "behövs och tjänsten är avgiftsfri.",
            "Psychologists, social workers and family therapists support families with children "
            "under 18, for example with fears, tantrums, low mood, attention problems or family "
            "crises. No referral is needed and the service is free.",
        ),
        how_to_get_help=t(
            "Soita perheneuvolan ajanvaraukseen arkisin kello 9–11. Työntekijä kartoittaa "
            "tilanteen puhelimessa ja sopii ensimmäisen tapaamisen, joka voi olla myös "
            "etävastaanotto videoyhteydellä.",
            "Ring familjerådgivningens tidsbokning vardagar kl. 9–11. Det första mötet kan "
            "också ske per video.",
            "Call for an appointment on weekdays 9–11 am. The first meeting can also be by video.",
        ),
        age_min=0,
        age_max=17,
        groups=("parents", "children", "young-people", "whole-family"),
        situations=("parenting", "mental-health", "couple-relationship", "separation"),
        email=f"perheneuvola@{D}",
        channels=(
            *_in_person(*FC, hours="clinic_evening"),
            Channel("phone", phone="015 555 0210", phone_charge="local", hours="phone_morning"),
            Channel("video", url=f"https://etavastaanotto.{D}/perheneuvola", hours="office"),
        ),
    ),
    _county(
        "family-counselling-chat",
        name=t("Perheneuvolan chat", "Familjerådgivningens chatt", "Family counselling chat"),
        summary=t(
            "Nimetön chat, jossa voi kysyä kasvatuksesta ja perheen arjesta perheneuvolan "
            "ammattilaiselta.",
            "En anonym chatt där du kan fråga en yrkesperson om fostran och familjens vardag.",
            "An anonymous chat to ask a family counselling professional about parenting and "
            "family life.",
        ),
        description=t(
            "Chatissa voit kysyä nimettömästi lapsen kasvatukseen, vanhemmuuteen, perheen "
            "ristiriitoihin tai omaan jaksamiseen liittyvistä asioista. Chatissa päivystää "
            "perheneuvolan psykologi tai sosiaalityöntekijä. Keskustelu ei jää "
            "potilastietojärjestelmään, ja tarvittaessa saat ohjeet siihen, miten voit varata "
            "ajan perheneuvolaan.",
            "I chatten kan du anonymt fråga om barnuppfostran, föräldraskap, konflikter i "
            "familjen eller din egen ork. Chatten bemannas av familjerådgivningens psykolog "
            "eller socialarbetare.",
            "Ask anonymously about upbringing, parenting, family conflicts or your own coping. "
            "A psychologist or social worker answers.",
        ),
        how_to_get_help=t(
            "Avaa chat hyvinvointialueen verkkosivulta chatin aukioloaikana.",
            "Öppna chatten på välfärdsområdets webbplats under öppettiderna.",
            "Open the chat on the county's website during opening hours.",
        ),
        age_min=0,
        age_max=17,
        groups=("parents",),
        situations=("parenting", "mental-health"),
        anonymous=True,
        low_threshold=True,
        channels=(Channel("web", url=f"https://www.{D}/chat/perheneuvola", hours="chat_evening"),),
    ),
    _county(
        "speech-therapy",
        name=t("Lasten puheterapia", "Talterapi för barn", "Speech therapy for children"),
        summary=t(
            "Puheterapeutti tutkii ja kuntouttaa lapsen puheen, kielen, vuorovaikutuksen ja "
            "syömisen vaikeuksia.",
            "Talterapeuten undersöker och rehabiliterar barnets svårigheter med tal, språk, "
            "kommunikation och ätande.",
            "A speech therapist assesses and treats children's speech, language, communication "
            "and feeding difficulties.",
        ),
        description=t(
            "Puheterapiaan ohjaudutaan yleensä neuvolasta, varhaiskasvatuksesta tai koulusta, "
            "kun lapsen puheen tai kielen kehityksessä on viivettä, änkytystä, äännevirheitä "
            "tai ymmärtämisen vaikeuksia. Puheterapeutti tekee tutkimuksen ja laatii yhdessä "
            "vanhempien kanssa kuntoutussuunnitelman. Kuntoutus voi olla terapiajaksoja, "
            "ohjausta päiväkodin henkilöstölle ja vanhemmille sekä puhetta tukevien ja "
            "korvaavien kommunikointikeinojen, kuten viittomien ja kuvien, käyttöönottoa. "
            "Monikielisen lapsen kehitystä arvioidaan myös kotikielellä tulkin avulla.",
            "Till talterapi kommer man oftast via rådgivningen, småbarnspedagogiken eller "
            "skolan när barnets tal- eller språkutveckling är försenad. Talterapeuten gör en "
            "undersökning och en rehabiliteringsplan tillsammans med föräldrarna.",
            "Children are usually referred by the clinic, day care or school when speech or "
            "language development is delayed. The therapist assesses the child and makes a "
            "rehabilitation plan with the parents.",
        ),
        how_to_get_help=t(
            "Keskustele ensin neuvolan terveydenhoitajan tai varhaiskasvatuksen "
            "erityisopettajan kanssa, joka tekee lähetteen. Puheterapeuttien "
            "konsultaatiopuhelimeen voi soittaa tiistaisin.",
            "Tala först med rådgivningens hälsovårdare eller speciallärare inom "
            "småbarnspedagogiken, som skriver en remiss.",
            "Talk first with the clinic nurse or early education special teacher, who makes a "
            "referral.",
        ),
        age_min=0,
        age_max=17,
        groups=("children", "parents"),
        situations=("development-and-speech",),
        referral_required=True,
        channels=(
            *_in_person("fc-kaislaranta", "fc-lohiniemi", "health-koivumaki"),
            Channel("phone", phone="015 555 0220", phone_charge="local", hours="phone_midday"),
            Channel("video", url=f"https://etavastaanotto.{D}/puheterapia", hours="office"),
        ),
    ),
    _county(
        "occupational-therapy",
        name=t(
            "Lasten toimintaterapia", "Ergoterapi för barn", "Occupational therapy for children"
        ),
        summary=t(
            "Toimintaterapeutti tukee lasta, jolla on vaikeuksia esimerkiksi hienomotoriikassa, "
            "aistitiedon käsittelyssä tai arjen taidoissa.",
            "Ergoterapeuten stöder barn som har svårigheter med finmotorik, sinnesintryck eller "
            "vardagsfärdigheter.",
            "An occupational therapist supports children with difficulties in fine motor skills, "
            "sensory processing or everyday skills.",
        ),
        description=t(
            "Toimintaterapiassa harjoitellaan leikin ja toiminnan avulla taitoja, joita lapsi "
            "tarvitsee päiväkodissa, koulussa ja kotona, kuten pukeutumista, kynäotetta, "
            "saksilla leikkaamista ja keskittymistä. Terapeutti ohjaa myös vanhempia ja "
            "opettajia muokkaamaan ympäristöä lapselle sopivaksi ja arvioi apuvälineiden "
            "tarpeen.",
            "I ergoterapin övar barnet genom lek färdigheter som behövs på daghemmet, i skolan "
            "och hemma. Terapeuten handleder också föräldrar och lärare.",
            "Through play and activity the child practises skills needed at day care, school "
            "and home. The therapist also guides parents and teachers.",
        ),
        how_to_get_help=t(
            "Toimintaterapiaan tarvitaan lääkärin tai psykologin lähete.",
            "Ergoterapi kräver remiss av läkare eller psykolog.",
            "A referral from a doctor or psychologist is needed.",
        ),
        age_min=0,
        age_max=15,
        groups=("children", "parents"),
        situations=("development-and-speech", "disability"),
        referral_required=True,
        channels=(
            *_in_person("health-kaislaranta"),
            Channel("phone", phone="015 555 0225", phone_charge="local", hours="phone_midday"),
        ),
    ),
    _county(
        "child-physiotherapy",
        name=t("Lasten fysioterapia", "Fysioterapi för barn", "Physiotherapy for children"),
        summary=t(
            "Fysioterapeutti arvioi ja tukee vauvan ja lapsen motorista kehitystä.",
            "Fysioterapeuten bedömer och stöder bebisens och barnets motoriska utveckling.",
            "A physiotherapist assesses and supports the motor development of babies and children.",
        ),
        description=t(
            "Lasten fysioterapiaan voi hakeutua, kun vauvalla on esimerkiksi "
            "kallonmuodon epäsymmetriaa tai lapsen liikkuminen, tasapaino tai ryhti "
            "huolestuttaa. Fysioterapeutti antaa vanhemmille käsittelyohjeita ja kotiharjoitteita "
            "sekä ohjaa tarvittaessa jatkotutkimuksiin.",
            "Man kan söka sig till fysioterapi när till exempel bebisens huvudform är "
            "asymmetrisk eller barnets rörelser, balans eller hållning väcker oro.",
            "Come when, for example, your baby's head shape is asymmetric or your child's "
            "movement, balance or posture worries you.",
        ),
        how_to_get_help=t(
            "Varaa aika puhelimitse. Neuvolan terveydenhoitaja voi myös ohjata suoraan "
            "fysioterapeutille.",
            "Boka tid per telefon.",
            "Book by phone.",
        ),
        age_min=0,
        age_max=15,
        groups=("children", "families-with-baby"),
        situations=("development-and-speech", "baby-first-year"),
        channels=(
            *_in_person("health-kaislaranta", "fc-lohiniemi"),
            Channel("phone", phone="015 555 0226", phone_charge="local", hours="phone_morning"),
        ),
    ),
    _county(
        "clinic-psychologist",
        name=t("Neuvolapsykologi", "Rådgivningspsykolog", "Child health clinic psychologist"),
        summary=t(
            "Neuvolapsykologi auttaa odottavia ja pienten lasten vanhempia lapsen kehitykseen, "
            "kasvatukseen ja perheen hyvinvointiin liittyvissä kysymyksissä.",
            "Rådgivningspsykologen hjälper blivande föräldrar och småbarnsföräldrar i frågor om "
            "barnets utveckling, fostran och familjens välmående.",
            "The clinic psychologist helps parents-to-be and parents of young children with "
            "development, upbringing and family wellbeing.",
        ),
        description=t(
            "Neuvolapsykologin kanssa voi pohtia esimerkiksi synnytyksen jälkeistä "
            "mielialaa, vanhemmuuden kuormittavuutta, lapsen uni- ja syömisongelmia, uhmaikää "
            "tai pelkoja. Psykologi arvioi tarvittaessa lapsen kehitystä ja tekee yhteistyötä "
            "neuvolan terveydenhoitajan ja varhaiskasvatuksen kanssa. Käyntejä on yleensä "
            "yhdestä viiteen.",
            "Med rådgivningspsykologen kan man prata om till exempel humöret efter "
            "förlossningen, belastningen i föräldraskapet eller barnets sömn och rädslor.",
            "You can talk about your mood after the birth, the strain of parenting, or your "
            "child's sleep, eating or fears. Usually one to five visits.",
        ),
        how_to_get_help=t(
            "Pyydä neuvolan terveydenhoitajaa varaamaan aika tai soita psykologin puhelinaikaan.",
            "Be hälsovårdaren boka tid eller ring psykologens telefontid.",
            "Ask your clinic nurse to book a time or call the psychologist's phone hour.",
        ),
        age_min=0,
        age_max=6,
        groups=("parents", "parents-to-be", "families-with-baby"),
        situations=("mental-health", "parenting", "baby-first-year"),
        low_threshold=True,
        channels=(
            *_in_person(*FC),
            Channel("phone", phone="015 555 0230", phone_charge="local", hours="phone_midday"),
            Channel("video", url=f"https://etavastaanotto.{D}/neuvolapsykologi", hours="office"),
        ),
    ),
    _county(
        "youth-clinic",
        name=t("Nuorisoasema Kompassi", "Ungdomsstationen Kompassi", "Kompassi youth clinic"),
        summary=t(
            "Nuorisoasema auttaa 13–22-vuotiaita mielenterveyteen, päihteisiin, pelaamiseen ja "
            "elämänhallintaan liittyvissä huolissa – myös ilman vanhempia.",
            "Ungdomsstationen hjälper 13–22-åringar med frågor om psykisk hälsa, rusmedel, "
            "spelande och livskontroll – också utan föräldrar.",
            "The youth clinic helps 13–22-year-olds with mental health, substance use, gaming "
            "and life management – also without parents.",
        ),
        description=t(
            "Nuorisoasemalla työskentelee psykiatrisia sairaanhoitajia, sosiaalityöntekijä, "
            "psykologi ja nuorisolääkäri. Tänne voi tulla, kun mieli on maassa, jännittää, "
            "nukkuminen ei onnistu, päihteiden käyttö tai rahapelaaminen huolestuttaa tai "
            "kotona on vaikeaa. Nuori voi asioida yksin, ja yli 15-vuotiaan asiat ovat "
            "luottamuksellisia myös vanhempiin nähden. Vanhemmat ovat tervetulleita "
            "vanhempainvastaanotolle, vaikka nuori ei itse haluaisi vielä tulla. Keskiviikkoisin "
            "on iltavastaanotto ilman ajanvarausta.",
            "På ungdomsstationen arbetar psykiatriska sjukskötare, socialarbetare, psykolog och "
            "ungdomsläkare. Hit kan man komma när man mår dåligt, är spänd, inte kan sova eller "
            "när användningen av rusmedel oroar. Den unga kan komma ensam.",
            "Psychiatric nurses, a social worker, a psychologist and a doctor work at the clinic. "
            "Come when you feel down, anxious, cannot sleep, or worry about substances or "
            "gambling. You can come alone; parents are welcome at their own appointments.",
        ),
        how_to_get_help=t(
            "Soita, lähetä tekstiviesti tai tule keskiviikon iltavastaanotolle kello 16–19 ilman "
            "ajanvarausta. Lähetettä ei tarvita.",
            "Ring, skicka sms eller kom till kvällsmottagningen på onsdagar kl. 16–19 utan "
            "tidsbokning.",
            "Call, text or drop in on Wednesdays 4–7 pm. No referral needed.",
        ),
        age_min=13,
        age_max=22,
        groups=("young-people", "parents"),
        situations=("mental-health", "substance-use"),
        languages=("fi", "sv", "en", "ru"),
        low_threshold=True,
        email=f"nuorisoasema@{D}",
        channels=(
            *_in_person("youth-clinic-kaislaranta", hours="youth_clinic"),
            Channel("phone", phone="015 555 0240", phone_charge="local", hours="phone_office"),
            Channel("video", url=f"https://etavastaanotto.{D}/nuorisoasema", hours="office"),
        ),
    ),
    _county(
        "youth-brief-therapy",
        name=t(
            "Nuorten lyhytterapiat",
            "Korttidsterapier för unga",
            "Brief therapies for young people",
        ),
        summary=t(
            "Lyhyitä, tutkittuun tietoon perustuvia terapiajaksoja lieviin ja keskivaikeisiin "
            "masennus- ja ahdistusoireisiin.",
            "Korta, evidensbaserade terapiperioder för lindriga och medelsvåra depressions- och "
            "ångestsymtom.",
            "Short evidence-based therapy for mild to moderate depression and anxiety.",
        ),
        description=t(
            "Terapiat etulinjaan -toimintamallin mukaisesti nuorisoasema, koulupsykologit ja "
            "opiskeluterveydenhuolto tarjoavat nuorille lyhytterapioita, kuten "
            "interpersoonallista ohjantaa (IPC) ja kognitiivista lyhytterapiaa. Jakso kestää "
            "tavallisesti 6–10 tapaamista. Tapaamisissa opetellaan tunnistamaan omia "
            "ajatuksia ja tunteita, ratkaisemaan ihmissuhteiden pulmia ja palauttamaan "
            "mielekästä tekemistä arkeen.",
            "Enligt modellen Terapier i frontlinjen erbjuder ungdomsstationen och elevhälsan "
            "korta terapier, såsom interpersonell rådgivning (IPC). En period omfattar "
            "vanligen 6–10 träffar.",
            "The youth clinic and student welfare offer brief therapies such as interpersonal "
            "counselling (IPC), usually 6–10 sessions.",
        ),
        how_to_get_help=t(
            "Kysy kouluterveydenhoitajalta, koulupsykologilta tai nuorisoasemalta. Työntekijä "
            "arvioi kanssasi, sopiiko lyhytterapia sinulle.",
            "Fråga skolhälsovårdaren, skolpsykologen eller ungdomsstationen.",
            "Ask the school nurse, school psychologist or the youth clinic.",
        ),
        age_min=13,
        age_max=22,
        groups=("young-people",),
        situations=("mental-health",),
        channels=(
            *_in_person("youth-clinic-kaislaranta", hours="youth_clinic"),
            Channel("video", url=f"https://etavastaanotto.{D}/lyhytterapia", hours="office"),
        ),
    ),
    _county(
        "child-welfare-open-doors",
        name=t(
            "Lastensuojelun avoimet ovet",
            "Barnskyddets öppna dörrar",
            "Child welfare open doors",
        ),
        summary=t(
            "Matalan kynnyksen vastaanotto, jossa voi kysyä lastensuojelusta ja "
            "huolistaan ilman ajanvarausta ja nimettömästi.",
            "En lågtröskelmottagning där man kan fråga om barnskyddet och sina bekymmer utan "
            "tidsbokning och anonymt.",
            "A drop-in where you can ask about child welfare and your worries without an "
            "appointment, anonymously if you wish.",
        ),
        description=t(
            "Avoimilla ovilla lastensuojelun sosiaalityöntekijä ja perheohjaaja kertovat, "
            "mitä lastensuojelu on ja miten se voi tukea perhettä. Moni perhe pelkää "
            "lastensuojelua turhaan: suurin osa tuesta on avohuollon tukitoimia, kuten "
            "perhetyötä, tukihenkilöitä ja vertaisryhmiä, joita annetaan yhteistyössä perheen "
            "kanssa. Tule keskustelemaan, jos olet huolissasi omasta tai läheisesi lapsesta, "
            "tai jos olet nuori ja kotona on vaikeaa. Voit asioida nimettömästi.",
            "På barnskyddets öppna dörrar berättar socialarbetare och familjehandledare vad "
            "barnskyddet är och hur det kan stödja familjen. Största delen av stödet är "
            "öppenvård som ges i samarbete med familjen. Du kan komma anonymt.",
            "Social workers explain what child welfare is and how it can support a family. Most "
            "support is open care given together with the family. You can come anonymously.",
        ),
        how_to_get_help=t(
            "Tule perhekeskukseen maanantaisin tai keskiviikkoisin kello 13–16. Voit myös "
            "soittaa samaan aikaan.",
            "Kom till familjecentralen på måndagar eller onsdagar kl. 13–16.",
            "Come to the family centre on Mondays or Wednesdays 1–4 pm.",
        ),
        age_min=0,
        age_max=17,
        groups=("parents", "young-people", "children"),
        situations=("parenting", "violence-and-crisis", "substance-use"),
        anonymous=True,
        low_threshold=True,
        channels=(
            *_in_person(*FC, hours="open_doors"),
            Channel("phone", phone="015 555 0250", phone_charge="local", hours="open_doors"),
        ),
    ),
    _county(
        "child-welfare-notification",
        name=t(
            "Lastensuojeluilmoituksen tekeminen",
            "Att göra en barnskyddsanmälan",
            "Making a child welfare notification",
        ),
        summary=t(
            "Jos olet huolissasi lapsen turvallisuudesta tai hyvinvoinnista, voit tehdä "
            "lastensuojeluilmoituksen verkossa tai puhelimitse.",
            "Om du är orolig för ett barns säkerhet eller välmående kan du göra en "
            "barnskyddsanmälan på nätet eller per telefon.",
            "If you are worried about a child's safety or wellbeing, you can make a child "
            "welfare notification online or by phone.",
        ),
        description=t(
            "Kuka tahansa voi tehdä lastensuojeluilmoituksen, ja monilla ammattilaisilla on "
            "siihen lakisääteinen velvollisuus. Ilmoituksen jälkeen sosiaalityöntekijä "
            "arvioi heti, onko lapsella kiireellinen avun tarve, ja päättää viimeistään "
            "seitsemäntenä arkipäivänä, aloitetaanko palvelutarpeen arviointi. Yksityishenkilö "
            "voi tehdä ilmoituksen nimettömänä. Ilmoitusta ei saa lähettää salaamattomalla "
            "sähköpostilla. Hätätilanteessa soita aina 112.",
            "Vem som helst kan göra en barnskyddsanmälan, och många yrkespersoner är skyldiga "
            "att göra det. Socialarbetaren bedömer genast om barnet behöver brådskande hjälp. "
            "Anmälan får inte skickas med okrypterad e-post. I nödsituationer ring 112.",
            "Anyone can make a notification, and many professionals are required to. A social "
            "worker assesses urgency at once and decides within seven working days whether to "
            "start an assessment. Never send it by unencrypted email. In an emergency call 112.",
        ),
        how_to_get_help=t(
            "Tee ilmoitus sähköisellä lomakkeella tai soita lastensuojelun "
            "vastaanottoon arkisin kello 8–16. Virka-ajan ulkopuolella soita sosiaali- ja "
            "kriisipäivystykseen.",
            "Gör anmälan med e-blanketten eller ring barnskyddets mottagning vardagar kl. 8–16.",
            "Use the online form or call on weekdays 8 am–4 pm; outside office hours call the "
            "social emergency service.",
        ),
        age_min=0,
        age_max=17,
        groups=("professionals", "parents"),
        situations=("violence-and-crisis", "substance-use", "parenting"),
        channels=(
            Channel("web", url=f"https://asiointi.{D}/lastensuojeluilmoitus"),
            Channel("phone", phone="015 555 0255", phone_charge="local", hours="office"),
        ),
    ),
    _county(
        "social-emergency",
        name=t(
            "Sosiaali- ja kriisipäivystys",
            "Social- och krisjouren",
            "Social and crisis emergency service",
        ),
        summary=t(
            "Ympäri vuorokauden päivystävä apu kiireellisissä sosiaalisissa hätätilanteissa ja "
            "äkillisissä kriiseissä.",
            "Hjälp dygnet runt i brådskande sociala nödsituationer och plötsliga kriser.",
            "Help around the clock in urgent social emergencies and sudden crises.",
        ),
        description=t(
            "Sosiaalipäivystys auttaa, kun lapsen turvallisuus on uhattuna, perheessä on "
            "väkivaltaa, huoltaja ei pysty huolehtimaan lapsesta tai on sattunut äkillinen "
            "kriisi, kuten tulipalo tai läheisen kuolema. Päivystäjä arvioi tilanteen "
            "puhelimessa ja lähtee tarvittaessa paikalle yhdessä poliisin tai ensihoidon "
            "kanssa. Kriisityöntekijät tarjoavat psykososiaalista tukea onnettomuuksien ja "
            "järkyttävien tapahtumien jälkeen.",
            "Socialjouren hjälper när ett barns säkerhet är hotad, när det förekommer våld i "
            "familjen eller när en plötslig kris har inträffat. Jouren kan vid behov åka ut "
            "tillsammans med polisen eller akutvården.",
            "The emergency service helps when a child's safety is at risk, there is violence in "
            "the family or a sudden crisis has happened. Workers can come out together with the "
            "police or paramedics.",
        ),
        how_to_get_help=t(
            "Soita päivystysnumeroon mihin vuorokauden aikaan tahansa. Hengenvaarallisessa "
            "tilanteessa soita 112.",
            "Ring jourens nummer när som helst. Vid livsfara ring 112.",
            "Call the emergency number any time. If life is in danger call 112.",
        ),
        groups=("parents", "young-people", "whole-family"),
        situations=("violence-and-crisis", "bereavement"),
        low_threshold=True,
        channels=(
            Channel("phone", phone="015 555 0999", phone_charge="local", hours="always"),
            Channel(
                "mobile_team",
                hours="always",
                description=t(
                    "Päivystäjät lähtevät tarvittaessa paikalle.",
                    "Jouren åker vid behov ut.",
                    "Staff come out when needed.",
                ),
            ),
        ),
    ),
    _county(
        "child-custody-officer",
        name=t("Lastenvalvoja", "Barnatillsyningsman", "Child custody officer"),
        summary=t(
            "Lastenvalvoja vahvistaa vanhempien sopimukset lapsen huollosta, asumisesta, "
            "tapaamisoikeudesta ja elatuksesta sekä vanhemmuuden tunnustamisen.",
            "Barnatillsyningsmannen fastställer föräldrarnas avtal om vårdnad, boende, "
            "umgänge och underhåll samt erkännande av föräldraskap.",
            "The child custody officer confirms parents' agreements on custody, residence, "
            "contact and maintenance, and the acknowledgement of parenthood.",
        ),
        description=t(
            "Kun vanhemmat eroavat tai eivät asu yhdessä, he voivat sopia lapsen asioista "
            "lastenvalvojan luona. Vahvistettu sopimus on yhtä pätevä kuin tuomioistuimen "
            "päätös. Lastenvalvoja neuvoo elatusavun laskemisessa ja kertoo, miten lapsen "
            "mielipide otetaan huomioon. Vanhemmuuden voi tunnustaa jo raskauden aikana "
            "äitiysneuvolassa tai syntymän jälkeen lastenvalvojan luona. Palvelut ovat "
            "maksuttomia.",
            "När föräldrar skiljer sig eller inte bor tillsammans kan de avtala om barnets "
            "angelägenheter hos barnatillsyningsmannen. Ett fastställt avtal är lika giltigt "
            "som ett domstolsbeslut. Föräldraskapet kan erkännas redan under graviditeten på "
            "mödrarådgivningen.",
            "Parents who separate or live apart can make agreements on the child's matters with "
            "the officer. A confirmed agreement is as valid as a court decision. Parenthood can "
            "be acknowledged during pregnancy at the maternity clinic.",
        ),
        how_to_get_help=t(
            "Varaa aika sähköisessä ajanvarauksessa tai puhelimitse. Tapaamisen voi pitää "
            "myös videoyhteydellä, jolloin vanhempien ei tarvitse olla samassa tilassa.",
            "Boka tid i e-tidsbokningen eller per telefon. Mötet kan också ske per video.",
            "Book online or by phone; the meeting can be by video.",
        ),
        age_min=0,
        age_max=17,
        groups=("separating-parents", "parents", "parents-to-be"),
        situations=("separation", "money-and-housing", "pregnancy"),
        email=f"lastenvalvoja@{D}",
        channels=(
            *_in_person(*FC),
            Channel("phone", phone="015 555 0260", phone_charge="local", hours="phone_morning"),
            Channel("video", url=f"https://etavastaanotto.{D}/lastenvalvoja", hours="office"),
            Channel("web", url=f"https://ajanvaraus.{D}/lastenvalvoja"),
        ),
    ),
    _county(
        "family-mediation",
        name=t("Perheasioiden sovittelu", "Medling i familjeärenden", "Family mediation"),
        summary=t(
            "Koulutettu sovittelija auttaa eroavia vanhempia löytämään lapsen edun mukaisen "
            "ratkaisun riitaisiin kysymyksiin.",
            "En utbildad medlare hjälper föräldrar som skiljer sig att hitta en lösning som "
            "är till barnets bästa.",
            "A trained mediator helps separating parents find a solution in the child's best "
            "interest.",
        ),
        description=t(
            "Sovittelussa vanhemmat keskustelevat kahden sovittelijan kanssa lapsen "
            "asumisesta, tapaamisista, elatuksesta ja yhteistyövanhemmuudesta. Sovittelu on "
            "vapaaehtoista, luottamuksellista ja maksutonta, ja se voi vähentää raskaita "
            "oikeudenkäyntejä. Lapsen näkemys selvitetään hänen ikänsä ja kehitystasonsa "
            "mukaisesti. Sovittelussa syntyneen sopimuksen voi vahvistaa lastenvalvojalla.",
            "I medlingen diskuterar föräldrarna barnets boende, umgänge och underhåll med två "
            "medlare. Medlingen är frivillig, konfidentiell och avgiftsfri.",
            "Parents discuss residence, contact, maintenance and co-parenting with two "
            "mediators. Mediation is voluntary, confidential and free.",
        ),
        how_to_get_help=t(
            "Ota yhteyttä perheasioiden sovitteluun puhelimitse. Kumpikin vanhempi voi aloittaa "
            "yhteydenoton.",
            "Kontakta medlingen per telefon. Vilken som helst av föräldrarna kan ta kontakt.",
            "Call us; either parent can make contact.",
        ),
        groups=("separating-parents",),
        situations=("separation",),
        channels=(
            *_in_person("fc-kaislaranta", "fc-lohiniemi"),
            Channel("phone", phone="015 555 0265", phone_charge="local", hours="phone_midday"),
            Channel("video", url=f"https://etavastaanotto.{D}/sovittelu", hours="office"),
        ),
    ),
    _county(
        "family-rehabilitation",
        name=t("Perhekuntoutus", "Familjerehabilitering", "Family rehabilitation"),
        summary=t(
            "Tiivis, useamman kuukauden kuntoutusjakso perheille, joiden arjessa on monta "
            "kuormittavaa asiaa samaan aikaan.",
            "En intensiv rehabiliteringsperiod på flera månader för familjer med många "
            "belastande faktorer samtidigt.",
            "An intensive rehabilitation programme over several months for families facing "
            "many stresses at once.",
        ),
        description=t(
            "Perhekuntoutuksessa koko perhe työskentelee moniammatillisen tiimin kanssa "
            "kotona ja kuntoutusyksikössä. Tavoitteena on vahvistaa vanhemmuutta, perheen "
            "vuorovaikutusta ja arjen sujumista sekä ehkäistä kodin ulkopuolisia sijoituksia. "
            "Jakso sisältää perheterapeuttisia tapaamisia, vanhempien ryhmiä ja lasten omaa "
            "työskentelyä.",
            "I familjerehabiliteringen arbetar hela familjen med ett multiprofessionellt team "
            "hemma och på rehabiliteringsenheten.",
            "The whole family works with a multi-professional team at home and at the unit.",
        ),
        how_to_get_help=t(
            "Perhekuntoutukseen ohjaudutaan sosiaalityöntekijän palvelutarpeen arvioinnin kautta.",
            "Man hänvisas till familjerehabilitering via socialarbetarens bedömning.",
            "Access is through a social worker's service-need assessment.",
        ),
        age_min=0,
        age_max=17,
        groups=("whole-family",),
        situations=("parenting", "substance-use", "mental-health"),
        referral_required=True,
        channels=(
            *_in_person("health-kaislaranta"),
            Channel("home_visit", hours="office"),
        ),
    ),
    _county(
        "support-person-family",
        name=t(
            "Tukihenkilö- ja tukiperhetoiminta",
            "Stödperson- och stödfamiljsverksamhet",
            "Support persons and support families",
        ),
        summary=t(
            "Koulutettu vapaaehtoinen tukihenkilö tai tukiperhe tuo lapsen arkeen "
            "turvallisen aikuisen ja vanhemmille hengähdystauon.",
            "En utbildad frivillig stödperson eller stödfamilj ger barnet en trygg vuxen och "
            "föräldrarna en paus.",
            "A trained volunteer support person or family gives the child a trusted adult and "
            "parents a break.",
        ),
        description=t(
            "Tukihenkilö tapaa lasta tai nuorta yleensä kerran tai kaksi kuukaudessa ja tekee "
            "hänen kanssaan mukavia asioita, kuten ulkoilee, harrastaa tai käy kirjastossa. "
            "Tukiperheeseen lapsi menee yleensä yhdeksi viikonlopuksi kuukaudessa. "
            "Tukihenkilöt ja tukiperheet ovat Lasten Turvaverkko ry:n kouluttamia, ja "
            "hyvinvointialue maksaa heille kulukorvauksen.",
            "Stödpersonen träffar barnet en eller två gånger i månaden. Till en stödfamilj åker "
            "barnet oftast en helg i månaden.",
            "A support person meets the child once or twice a month; a child visits a support "
            "family usually one weekend a month.",
        ),
        how_to_get_help=t(
            "Keskustele perhekeskuksen sosiaaliohjaajan tai oman sosiaalityöntekijäsi kanssa.",
            "Tala med familjecentralens socialhandledare.",
            "Talk with the family centre's social counsellor.",
        ),
        age_min=3,
        age_max=17,
        groups=("children", "young-people", "parents"),
        situations=("parenting", "help-at-home", "leisure-and-peer-support"),
        channels=(
            Channel("phone", phone="015 555 0270", phone_charge="local", hours="phone_office"),
        ),
    ),
    _county(
        "antenatal-classes",
        name=t("Perhevalmennus", "Familjeförberedelse", "Antenatal classes"),
        summary=t(
            "Ryhmämuotoinen valmennus ensimmäistä lastaan odottaville: synnytys, imetys, "
            "vauvan hoito ja muuttuva parisuhde.",
            "Gruppförberedelse för dem som väntar sitt första barn: förlossning, amning, "
            "babyskötsel och den förändrade parrelationen.",
            "Group classes for first-time parents-to-be: birth, breastfeeding, baby care and the "
            "changing relationship.",
        ),
        description=t(
            "Perhevalmennus kokoontuu raskauden loppupuolella viisi kertaa. Kätilö, "
            "terveydenhoitaja, fysioterapeutti ja perheneuvolan työntekijä käsittelevät "
            "synnytykseen valmistautumista, kivunlievitystä, imetystä, vauvan unta ja "
            "isäksi tai äidiksi kasvamista. Yksi kerroista on tarkoitettu vain isille ja "
            "kumppaneille. Ryhmissä tutustuu muihin samassa elämäntilanteessa oleviin. "
            "Valmennusta järjestetään myös ruotsiksi Lohiniemellä ja englanniksi verkossa.",
            "Familjeförberedelsen träffas fem gånger mot slutet av graviditeten. Barnmorska, "
            "hälsovårdare och fysioterapeut går igenom förlossningen, amningen och babyns sömn. "
            "Förberedelse ges också på svenska i Laxnäs.",
            "Five sessions late in pregnancy on birth, pain relief, breastfeeding, baby sleep "
            "and becoming a parent. Also in Swedish in Lohiniemi and in English online.",
        ),
        how_to_get_help=t(
            "Ilmoittaudu äitiysneuvolan terveydenhoitajalle tai sähköisessä asioinnissa "
            "raskausviikolla 20–25.",
            "Anmäl dig till rådgivningens hälsovårdare eller i e-tjänsten i graviditetsvecka 20–25.",
            "Sign up with your clinic nurse or online in pregnancy weeks 20–25.",
        ),
        groups=("parents-to-be", "couples"),
        situations=("pregnancy", "baby-first-year", "couple-relationship"),
        channels=(
            *_in_person(*FC, hours="club_afternoon"),
            Channel(
                "video", url=f"https://etavastaanotto.{D}/perhevalmennus", hours="club_afternoon"
            ),
        ),
    ),
    _county(
        "first-baby-groups",
        name=t(
            "Vauvaryhmät ensimmäistä kertaa vanhemmiksi tulleille",
            "Babygrupper för förstagångsföräldrar",
            "Baby groups for first-time parents",
        ),
        summary=t(
            "Neuvolan ja järjestöjen yhdessä ohjaamat vauvaryhmät, joissa vanhemmat jakavat "
            "kokemuksia vauva-arjesta.",
            "Babygrupper som leds av rådgivningen och organisationerna, där föräldrar delar "
            "erfarenheter av vardagen med bebis.",
            "Baby groups led by the clinic and NGOs where parents share experiences of life with "
            "a baby.",
        ),
        description=t(
            "Ryhmä kokoontuu kuusi kertaa, kun vauva on 2–6 kuukauden ikäinen. Aiheina ovat "
            "vauvan uni, vuorovaikutus, imetys ja ruokailu, parisuhde ja vanhemman oma "
            "jaksaminen. Vauvat ovat mukana tapaamisissa. Moni ryhmä jatkaa tapaamisia "
            "omatoimisesti vielä virallisten kertojen jälkeen.",
            "Gruppen träffas sex gånger när bebisen är 2–6 månader. Teman är sömn, samspel, "
            "amning, parrelationen och förälderns ork.",
            "The group meets six times when the baby is 2–6 months old; topics include sleep, "
            "interaction, feeding and coping.",
        ),
        how_to_get_help=t(
            "Terveydenhoitaja kertoo ryhmistä kotikäynnillä. Voit ilmoittautua myös "
            "sähköisessä asioinnissa.",
            "Hälsovårdaren berättar om grupperna vid hembesöket.",
            "Your nurse tells you about the groups at the home visit.",
        ),
        age_min=0,
        age_max=1,
        groups=("families-with-baby",),
        situations=("baby-first-year", "leisure-and-peer-support"),
        channels=_in_person(*FC, hours="club_morning", summer_break=True),
    ),
    _county(
        "breastfeeding-clinic",
        name=t("Imetyspoliklinikka", "Amningspoliklinik", "Breastfeeding clinic"),
        summary=t(
            "Imetyksen erityisosaajat auttavat, kun imetys sattuu, maito ei riitä tai vauva ei "
            "kasva odotetusti.",
            "Amningsexperter hjälper när amningen gör ont, mjölken inte räcker eller bebisen "
            "inte växer som väntat.",
            "Breastfeeding specialists help when feeding hurts, milk is low or the baby is not "
            "gaining weight.",
        ),
        description=t(
            "Imetyspoliklinikalla kätilöt ja imetyskouluttajat selvittävät imetyksen ongelmia, "
            "kuten rintojen kipua, maitotiehyttukoksia, vauvan imemisotteen vaikeuksia ja "
            "lisämaidon tarvetta. Käynnillä seurataan imetystä ja vauvan painoa ja tehdään "
            "yksilöllinen suunnitelma.",
            "På amningspolikliniken utreder barnmorskor amningsproblem som smärta, mjölkstockning "
            "och svårigheter med sugtaget.",
            "Midwives investigate problems such as pain, blocked ducts and latching.",
        ),
        how_to_get_help=t(
            "Soita imetyspoliklinikan puhelinaikaan. Neuvola voi myös ohjata suoraan.",
            "Ring amningspoliklinikens telefontid.",
            "Call during phone hours.",
        ),
        age_min=0,
        age_max=1,
        groups=("families-with-baby",),
        situations=("baby-first-year",),
        channels=(
            *_in_person("hospital"),
            Channel("phone", phone="015 555 0280", phone_charge="local", hours="phone_midday"),
        ),
    ),
    _county(
        "fear-of-childbirth",
        name=t(
            "Synnytyspelkopoliklinikka",
            "Poliklinik för förlossningsrädsla",
            "Fear of childbirth clinic",
        ),
        summary=t(
            "Kätilön ja psykologin tukea voimakkaaseen synnytyspelkoon raskauden aikana.",
            "Stöd av barnmorska och psykolog vid stark förlossningsrädsla.",
            "Support from a midwife and psychologist for strong fear of childbirth.",
        ),
        description=t(
            "Synnytyspelkoa kokeva voi saada keskusteluapua ja tietoa synnytyksen kulusta ja "
            "kivunlievityksestä. Käynneillä käsitellään aiempia synnytyskokemuksia ja "
            "laaditaan synnytystoivesuunnitelma. Synnytyssaliin voi tutustua etukäteen.",
            "Den som är rädd för förlossningen kan få samtalsstöd och information om "
            "förlossningen och smärtlindringen.",
            "Talking support and information on birth and pain relief; previous experiences are "
            "discussed and a birth plan is made.",
        ),
        how_to_get_help=t(
            "Äitiysneuvola tekee lähetteen synnytyspelkopoliklinikalle.",
            "Mödrarådgivningen skriver en remiss.",
            "The maternity clinic makes a referral.",
        ),
        groups=("parents-to-be",),
        situations=("pregnancy", "mental-health"),
        referral_required=True,
        channels=(*_in_person("hospital"),),
    ),
    _county(
        "infant-family-work",
        name=t("Vauvaperhetyö", "Familjearbete för babyfamiljer", "Infant family work"),
        summary=t(
            "Tukea kotiin raskausajasta vauvan ensimmäiseen ikävuoteen, kun mieliala, "
            "uupumus tai vuorovaikutus vauvan kanssa huolettaa.",
            "Stöd hemma från graviditeten till bebisens första år när humöret, tröttheten eller "
            "samspelet med bebisen oroar.",
            "Support at home from pregnancy to the baby's first birthday when mood, exhaustion "
            "or bonding cause worry.",
        ),
        description=t(
            "Vauvaperhetyöntekijä ja psykiatrinen sairaanhoitaja tekevät kotikäyntejä "
            "perheisiin, joissa vanhempi kärsii synnytyksen jälkeisestä masennuksesta tai "
            "ahdistuksesta, vauva itkee paljon tai arki tuntuu ylivoimaiselta. Työskentelyssä "
            "vahvistetaan vanhemman ja vauvan varhaista vuorovaikutusta videoavusteisesti ja "
            "keskustellen. Tuki on maksutonta ja luottamuksellista.",
            "Familjearbetare och psykiatrisk sjukskötare gör hembesök i familjer där "
            "föräldern lider av depression efter förlossningen eller där bebisen gråter "
            "mycket.",
            "Home visits when a parent has postnatal depression or anxiety, the baby cries a lot "
            "or life feels overwhelming.",
        ),
        how_to_get_help=t(
            "Kerro tilanteestasi neuvolan terveydenhoitajalle tai soita suoraan.",
            "Berätta för rådgivningens hälsovårdare eller ring direkt.",
            "Tell your clinic nurse or call directly.",
        ),
        age_min=0,
        age_max=1,
        groups=("families-with-baby", "parents-to-be"),
        situations=("baby-first-year", "mental-health", "pregnancy"),
        low_threshold=True,
        channels=(
            Channel("home_visit", hours="office"),
            Channel("phone", phone="015 555 0285", phone_charge="local", hours="phone_midday"),
        ),
    ),
    _county(
        "substance-pregnancy-clinic",
        name=t(
            "Raskaudenaikaisen päihdetyön poliklinikka",
            "Poliklinik för missbruk under graviditeten",
            "Substance use in pregnancy clinic",
        ),
        summary=t(
            "Erikoistunut tuki odottajille, joilla on huolta alkoholin, huumeiden tai "
            "lääkkeiden käytöstä.",
            "Specialiserat stöd för gravida som oroar sig för alkohol, droger eller läkemedel.",
            "Specialist support for pregnant people worried about alcohol, drugs or medicines.",
        ),
        description=t(
            "Poliklinikalla raskautta seurataan tiiviimmin, ja odottaja saa tukea päihteettömyyteen "
            "ilman syyllistämistä. Tiimiin kuuluu kätilö, lääkäri, sosiaalityöntekijä ja "
            "päihdetyöntekijä. Tuki jatkuu synnytyksen jälkeen vauvaperhetyönä.",
            "På polikliniken följs graviditeten tätare och den gravida får stöd att vara fri "
            "från rusmedel utan skuldbeläggning.",
            "Closer pregnancy follow-up and non-judgemental support to stop using, continuing "
            "after birth.",
        ),
        how_to_get_help=t(
            "Voit soittaa itse tai pyytää neuvolaa ottamaan yhteyttä.",
            "Du kan ringa själv eller be rådgivningen ta kontakt.",
            "Call yourself or ask your clinic to contact us.",
        ),
        groups=("parents-to-be", "families-with-baby"),
        situations=("pregnancy", "substance-use"),
        low_threshold=True,
        channels=(
            *_in_person("hospital"),
            Channel("phone", phone="015 555 0290", phone_charge="local", hours="phone_office"),
        ),
    ),
    _county(
        "child-psychiatry",
        name=t(
            "Lastenpsykiatrian poliklinikka",
            "Barnpsykiatriska polikliniken",
            "Child psychiatry outpatient clinic",
        ),
        summary=t(
            "Erikoissairaanhoidon tutkimukset ja hoito alle 13-vuotiaiden lasten vaativiin "
            "mielenterveyden häiriöihin.",
            "Specialiserad undersökning och vård för barn under 13 år med svåra psykiska "
            "störningar.",
            "Specialist assessment and treatment for children under 13 with severe mental "
            "health disorders.",
        ),
        description=t(
            "Lastenpsykiatrian poliklinikalla tutkitaan ja hoidetaan esimerkiksi vaikeita "
            "ahdistus- ja masennusoireita, syömishäiriöitä, traumaperäisiä oireita ja "
            "neuropsykiatrisia häiriöitä. Hoito tehdään yhteistyössä perheen, "
            "perheneuvolan ja koulun kanssa. Konsultaatiotiimi tukee perustason "
            "ammattilaisia, jotta lapsi saa apua lähipalveluissa.",
            "På barnpsykiatriska polikliniken undersöks och vårdas svåra ångest- och "
            "depressionssymtom, ätstörningar och neuropsykiatriska störningar.",
            "Assessment and treatment of severe anxiety, depression, eating disorders and "
            "neuropsychiatric conditions, with a consultation team supporting basic services.",
        ),
        how_to_get_help=t(
            "Hoitoon tullaan lääkärin lähetteellä. Ammattilaiset voivat soittaa "
            "konsultaatiopuhelimeen.",
            "Vården kräver läkarremiss.",
            "A doctor's referral is needed.",
        ),
        age_min=0,
        age_max=12,
        groups=("children", "parents", "professionals"),
        situations=("mental-health",),
        referral_required=True,
        channels=(
            *_in_person("hospital"),
            Channel("phone", phone="015 555 0300", phone_charge="local", hours="phone_midday"),
        ),
    ),
    _county(
        "youth-psychiatry",
        name=t(
            "Nuorisopsykiatrian poliklinikka",
            "Ungdomspsykiatriska polikliniken",
            "Adolescent psychiatry outpatient clinic",
        ),
        summary=t(
            "Erikoissairaanhoidon hoito 13–17-vuotiaiden vakaviin mielenterveyden ongelmiin.",
            "Specialiserad vård för 13–17-åringar med allvarliga psykiska problem.",
            "Specialist care for 13–17-year-olds with serious mental health problems.",
        ),
        description=t(
            "Nuorisopsykiatrian poliklinikka hoitaa nuoria, joilla on esimerkiksi vaikea "
            "masennus, itsetuhoisuutta, psykoosioireita tai syömishäiriö. Hoitoon kuuluu "
            "yksilö- ja perhetapaamisia, lääkehoitoa ja tarvittaessa ryhmiä. Kiireellisissä "
            "tilanteissa nuori pääsee arvioon saman viikon aikana.",
            "Polikliniken vårdar unga med till exempel svår depression, självskadebeteende "
            "eller ätstörning.",
            "Treats young people with severe depression, self-harm, psychosis or eating disorders.",
        ),
        how_to_get_help=t(
            "Hoitoon tullaan lääkärin lähetteellä. Akuutissa hädässä soita sosiaali- ja "
            "kriisipäivystykseen tai 112.",
            "Vården kräver läkarremiss. I akut nöd ring krisjouren eller 112.",
            "A referral is needed; in acute distress call the crisis service or 112.",
        ),
        age_min=13,
        age_max=17,
        groups=("young-people", "parents"),
        situations=("mental-health",),
        referral_required=True,
        channels=(*_in_person("hospital"),),
    ),
    _county(
        "sexual-violence-centre",
        name=t(
            "Seksuaalisen väkivallan tukikeskus",
            "Stödcentret för sexuellt våld",
            "Sexual assault support centre",
        ),
        summary=t(
            "Akuuttia apua, tutkimukset ja kriisituki seksuaalista väkivaltaa kokeneille "
            "16 vuotta täyttäneille ympäri vuorokauden.",
            "Akut hjälp, undersökningar och krisstöd dygnet runt för personer över 16 år som "
            "utsatts för sexuellt våld.",
            "Emergency help, examinations and crisis support around the clock for people aged "
            "16 and over who have experienced sexual violence.",
        ),
        description=t(
            "Tukikeskukseen voi tulla kuukauden sisällä tapahtuneen jälkeen, vaikka ei "
            "haluaisi tehdä rikosilmoitusta. Keskuksessa tehdään oikeuslääketieteelliset "
            "tutkimukset, annetaan jälkiehkäisy ja tarttuvien tautien ehkäisy sekä "
            "kriisiapu. Näytteet säilytetään, jos päätös rikosilmoituksesta syntyy "
            "myöhemmin. Alle 16-vuotiaat ohjataan lasten ja nuorten päivystykseen.",
            "Till stödcentret kan man komma inom en månad efter det inträffade, även om man inte "
            "vill göra en polisanmälan. Prover sparas om man bestämmer sig senare.",
            "Come within a month of the assault, even if you do not want to report it to the "
            "police. Samples are kept if you decide later.",
        ),
        how_to_get_help=t(
            "Soita ennen tuloa, jos voit. Akuutissa tilanteessa tule suoraan "
            "sairaalan päivystykseen.",
            "Ring innan du kommer om du kan.",
            "Call before coming if you can, or come straight to the emergency department.",
        ),
        age_min=16,
        groups=("young-people",),
        situations=("violence-and-crisis",),
        anonymous=False,
        low_threshold=True,
        channels=(
            *_in_person("hospital", hours="always"),
            Channel("phone", phone="015 555 0310", phone_charge="local", hours="always"),
        ),
    ),
    _county(
        "domestic-violence-work",
        name=t(
            "Lähisuhdeväkivaltatyö",
            "Arbete mot våld i nära relationer",
            "Domestic violence services",
        ),
        summary=t(
            "Keskusteluapua ja turvasuunnittelua väkivaltaa kokeneille, väkivaltaa "
            "käyttäville ja väkivaltaa nähneille lapsille.",
            "Samtalsstöd och säkerhetsplanering för den som utsatts för våld, den som använder "
            "våld och barn som sett våld.",
            "Counselling and safety planning for those who experience or use violence and for "
            "children who have witnessed it.",
        ),
        description=t(
            "Lähisuhdeväkivalta voi olla fyysistä, henkistä, seksuaalista tai taloudellista "
            "väkivaltaa, vainoamista tai kunniaan liittyvää väkivaltaa. Työntekijät "
            "tekevät kanssasi riskinarvion ja turvasuunnitelman sekä auttavat esimerkiksi "
            "lähestymiskiellon hakemisessa. Lapsille on omat tapaamiset, joissa käsitellään "
            "nähtyä ja koettua väkivaltaa lapsen ikätasolla. Myös väkivaltaa käyttävä voi "
            "hakea apua väkivallan lopettamiseen.",
            "Våld i nära relationer kan vara fysiskt, psykiskt, sexuellt eller ekonomiskt. "
            "Personalen gör en riskbedömning och säkerhetsplan tillsammans med dig. Barnen får "
            "egna träffar.",
            "Violence can be physical, psychological, sexual or financial, stalking or "
            "honour-related. We make a risk assessment and safety plan with you; children have "
            "their own sessions.",
        ),
        how_to_get_help=t(
            "Soita arkisin kello 9–15. Kiireellisessä vaaratilanteessa soita 112.",
            "Ring vardagar kl. 9–15. Vid akut fara ring 112.",
            "Call on weekdays 9 am–3 pm. In immediate danger call 112.",
        ),
        groups=("parents", "children", "young-people", "couples"),
        situations=("violence-and-crisis", "couple-relationship"),
        languages=("fi", "sv", "en", "ar", "ru"),
        low_threshold=True,
        channels=(
            *_in_person("health-kaislaranta"),
            Channel("phone", phone="015 555 0315", phone_charge="local", hours="phone_office"),
            Channel("video", url=f"https://etavastaanotto.{D}/vakivaltatyo", hours="office"),
        ),
    ),
    _county(
        "disability-services-children",
        name=t(
            "Vammaispalvelut lapsiperheille",
            "Handikappservice för barnfamiljer",
            "Disability services for families with children",
        ),
        summary=t(
            "Kuljetuspalvelut, henkilökohtainen apu, asunnon muutostyöt ja muut palvelut "
            "vammaisen lapsen perheelle.",
            "Färdtjänst, personlig assistans, ändringsarbeten i bostaden och andra tjänster "
            "för familjer med barn med funktionsnedsättning.",
            "Transport, personal assistance, home adaptations and other services for families "
            "of disabled children.",
        ),
        description=t(
            "Vammaispalvelujen sosiaalityöntekijä kartoittaa perheen kanssa lapsen ja perheen "
            "tarpeet ja tekee palvelusuunnitelman. Palveluja voivat olla esimerkiksi "
            "kuljetuspalvelu, lyhytaikainen huolenpito, omaishoidon tuki, apuvälineet, "
            "asunnon muutostyöt ja tukiviittomaopetus. Perhe saa myös tietoa Kelan "
            "etuuksista ja sopeutumisvalmennuksesta.",
            "Socialarbetaren inom handikappservicen kartlägger barnets och familjens behov och "
            "gör en serviceplan.",
            "The social worker maps your child's and family's needs and makes a service plan.",
        ),
        how_to_get_help=t(
            "Soita vammaispalvelujen puhelinaikaan tai hae palveluja sähköisesti.",
            "Ring telefontiden eller ansök elektroniskt.",
            "Call during phone hours or apply online.",
        ),
        age_min=0,
        age_max=17,
        groups=("parents", "children"),
        situations=("disability", "help-at-home"),
        languages=("fi", "sv", "en", "fse", "fss"),
        channels=(
            Channel("phone", phone="015 555 0320", phone_charge="local", hours="phone_morning"),
            *_in_person("health-kaislaranta"),
            Channel("web", url=f"https://asiointi.{D}/vammaispalvelut"),
        ),
    ),
    _county(
        "carer-support-children",
        name=t(
            "Omaishoidon tuki lapsille",
            "Stöd för närståendevård för barn",
            "Informal care support for children",
        ),
        summary=t(
            "Hoitopalkkio ja vapaapäivät vanhemmalle, joka hoitaa kotona vammaista tai "
            "pitkäaikaissairasta lasta.",
            "Vårdarvode och lediga dagar för föräldrar som vårdar ett barn med "
            "funktionsnedsättning eller långvarig sjukdom hemma.",
            "A care allowance and days off for parents caring at home for a disabled or "
            "chronically ill child.",
        ),
        description=t(
            "Omaishoidon tukea voi saada, kun lapsen hoito ja huolenpito vaativat selvästi "
            "enemmän kuin samanikäisen lapsen hoito. Tukeen kuuluu hoitopalkkio, vähintään "
            "kaksi vapaapäivää kuukaudessa sekä hoitoa tukevat palvelut. Tuesta tehdään "
            "sopimus ja hoito- ja palvelusuunnitelma.",
            "Stödet kan beviljas när barnets vård kräver klart mer än vården av ett barn i "
            "samma ålder.",
            "Support is possible when the child's care takes clearly more than for a child of "
            "the same age.",
        ),
        how_to_get_help=t(
            "Täytä hakemus sähköisessä asioinnissa; sosiaalityöntekijä tekee kotikäynnin.",
            "Fyll i ansökan i e-tjänsten; socialarbetaren gör ett hembesök.",
            "Apply online; a social worker visits your home.",
        ),
        age_min=0,
        age_max=17,
        groups=("parents",),
        situations=("disability", "money-and-housing"),
        channels=(
            Channel("web", url=f"https://asiointi.{D}/omaishoidon-tuki"),
            Channel("home_visit", hours="office"),
        ),
    ),
    _county(
        "social-assistance",
        name=t(
            "Täydentävä ja ehkäisevä toimeentulotuki",
            "Kompletterande och förebyggande utkomststöd",
            "Supplementary and preventive social assistance",
        ),
        summary=t(
            "Taloudellista tukea lapsiperheelle yllättäviin menoihin ja vaikeisiin "
            "elämäntilanteisiin.",
            "Ekonomiskt stöd för barnfamiljer vid oväntade utgifter och svåra livssituationer.",
            "Financial support for families for unexpected costs and difficult situations.",
        ),
        description=t(
            "Täydentävää toimeentulotukea voi saada esimerkiksi lasten harrastuksiin, "
            "silmälaseihin tai muuttokuluihin, joita perustoimeentulotuki ei kata. "
            "Ehkäisevällä toimeentulotuella tuetaan perhettä, jonka tulot ovat äkillisesti "
            "heikentyneet esimerkiksi sairauden, eron tai työttömyyden vuoksi, ja ehkäistään "
            "velkaantumista ja häätöä. Perustoimeentulotukea haetaan ensin Perhe-etuuskeskukselta.",
            "Kompletterande utkomststöd kan beviljas för t.ex. barns hobbyer, glasögon eller "
            "flyttkostnader. Förebyggande utkomststöd stöder familjer vars inkomster plötsligt "
            "minskat.",
            "Supplementary assistance can cover e.g. children's hobbies, glasses or moving; "
            "preventive assistance helps when income has suddenly dropped.",
        ),
        how_to_get_help=t(
            "Hae tukea sähköisesti tai tulosta lomake. Sosiaaliohjaaja neuvoo puhelimitse.",
            "Ansök elektroniskt. Socialhandledaren ger råd per telefon.",
            "Apply online; a social counsellor advises by phone.",
        ),
        groups=("parents", "young-people"),
        situations=("money-and-housing",),
        channels=(
            Channel("web", url=f"https://asiointi.{D}/toimeentulotuki"),
            Channel("phone", phone="015 555 0330", phone_charge="local", hours="phone_office"),
        ),
    ),
    _county(
        "housing-advice",
        name=t("Asumisneuvonta", "Boenderådgivning", "Housing advice"),
        summary=t(
            "Apua vuokrarästeihin, häädön uhkaan ja asunnon hakemiseen.",
            "Hjälp vid hyresskulder, vräkningshot och bostadssökande.",
            "Help with rent arrears, eviction threats and finding a home.",
        ),
        description=t(
            "Asumisneuvoja auttaa, kun vuokra on jäänyt maksamatta, asumisessa on häiriöitä "
            "tai perhe tarvitsee uuden asunnon esimerkiksi eron jälkeen. Neuvoja neuvottelee "
            "tarvittaessa vuokranantajan kanssa maksusuunnitelmasta ja auttaa hakemaan "
            "asumistukea. Palvelu on maksutonta.",
            "Boenderådgivaren hjälper när hyran blivit obetald eller familjen behöver en ny "
            "bostad efter en skilsmässa.",
            "The adviser helps when rent is unpaid or you need a new home, for example after "
            "separation.",
        ),
        how_to_get_help=t(
            "Soita tai tule sote-keskukseen ajanvarauksella.",
            "Ring eller kom till social- och hälsocentralen enligt tidsbokning.",
            "Call or visit by appointment.",
        ),
        groups=("parents", "young-people", "separating-parents"),
        situations=("money-and-housing", "separation"),
        channels=(
            *_in_person("health-kaislaranta"),
            Channel("phone", phone="015 555 0335", phone_charge="local", hours="phone_midday"),
        ),
    ),
    _county(
        "immigrant-family-guidance",
        name=t(
            "Maahan muuttaneiden perheiden sosiaaliohjaus",
            "Socialhandledning för inflyttade familjer",
            "Social guidance for immigrant families",
        ),
        summary=t(
            "Palveluohjausta ja tukea omalla kielellä Suomeen muuttaneille lapsiperheille.",
            "Servicehandledning och stöd på det egna språket för barnfamiljer som flyttat till "
            "Finland.",
            "Guidance and support in your own language for families who have moved to Finland.",
        ),
        description=t(
            "Sosiaaliohjaajat neuvovat suomalaisen palvelujärjestelmän käytössä, kuten "
            "neuvolan, varhaiskasvatuksen, koulun ja perhe-etuuksien asioissa. Työntekijät "
            "puhuvat arabiaa, somalia, venäjää ja ukrainaa, ja muille kielille tilataan "
            "tulkki. Ohjaajat tukevat vanhempia kasvatuskysymyksissä kahden kulttuurin "
            "välissä ja auttavat perheitä, joiden jäseniä on jäänyt lähtömaahan tai "
            "pakolaisleireille. Palvelu on tarkoitettu myös kansainvälistä suojelua saaneille "
            "perheille ensimmäisten vuosien ajan.",
            "Socialhandledarna ger råd om det finländska servicesystemet. De anställda talar "
            "arabiska, somaliska, ryska och ukrainska, och för andra språk bokas tolk.",
            "Counsellors advise on using Finnish services such as clinics, day care, school and "
            "benefits. Staff speak Arabic, Somali, Russian and Ukrainian; an interpreter is "
            "booked for other languages.",
        ),
        how_to_get_help=t(
            "Tule avoimeen vastaanottoon tai soita. Voit kertoa kielesi, niin soitamme "
            "takaisin tulkin kanssa.",
            "Kom till den öppna mottagningen eller ring.",
            "Drop in or call; tell us your language and we will call back with an interpreter.",
        ),
        groups=("immigrant-families", "parents"),
        situations=("immigrant-families", "parenting", "money-and-housing"),
        languages=("fi", "sv", "en", "ar", "so", "ru", "uk", "fa", "ku"),
        low_threshold=True,
        channels=(
            *_in_person("health-kaislaranta", hours="open_doors"),
            Channel("phone", phone="015 555 0340", phone_charge="local", hours="phone_office"),
        ),
    ),
    _county(
        "interpreting",
        name=t(
            "Tulkkaus sosiaali- ja terveyspalveluissa",
            "Tolkning inom social- och hälsovården",
            "Interpreting in social and health services",
        ),
        summary=t(
            "Maksuton tulkki vastaanotolle, kun yhteistä kieltä ei ole – myös viittomakielet.",
            "Avgiftsfri tolk till mottagningen när ett gemensamt språk saknas – också teckenspråk.",
            "A free interpreter for your appointment when there is no common language, sign "
            "languages included.",
        ),
        description=t(
            "Hyvinvointialueen työntekijä tilaa tulkin, kun asiakas ei puhu suomea tai ruotsia "
            "riittävästi. Tulkkaus voi olla paikan päällä, puhelimessa tai videon välityksellä. "
            "Tulkki on vaitiolovelvollinen ja puolueeton. Lasta ei käytetä tulkkina. Kuulo- ja "
            "näkövammaisten tulkkauspalvelut järjestää Perhe-etuuskeskus.",
            "Personalen bokar tolk när klienten inte talar tillräckligt finska eller svenska. "
            "Tolken har tystnadsplikt. Barn används inte som tolkar.",
            "Staff book an interpreter when you do not speak enough Finnish or Swedish. The "
            "interpreter is bound by confidentiality; children are never used as interpreters.",
        ),
        how_to_get_help=t(
            "Kerro tulkin tarpeesta ajanvarauksen yhteydessä.",
            "Berätta om tolkbehovet när du bokar tid.",
            "Say you need an interpreter when booking.",
        ),
        groups=("immigrant-families", "parents"),
        situations=("immigrant-families",),
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
            "tr",
            "fse",
            "fss",
        ),
        channels=(
            Channel("phone", phone="015 555 0345", phone_charge="local", hours="phone_office"),
            Channel("video", url=f"https://etavastaanotto.{D}/tulkkaus", hours="office"),
        ),
    ),
    _county(
        "child-dental-care",
        name=t(
            "Lasten ja nuorten suun terveydenhuolto",
            "Mun- och tandvård för barn och unga",
            "Dental care for children and young people",
        ),
        summary=t(
            "Maksuttomat hammastarkastukset ja hoito alle 18-vuotiaille.",
            "Avgiftsfria tandkontroller och vård för personer under 18 år.",
            "Free dental check-ups and treatment for under-18s.",
        ),
        description=t(
            "Suun terveydenhuolto kutsuu lapset määräaikaistarkastuksiin ensimmäisen kerran "
            "noin vuoden iässä. Tarkastuksissa neuvotaan hampaiden harjaamisessa, "
            "ruokailutottumuksissa ja fluorin käytössä. Hammaslääkäri, suuhygienisti ja "
            "hammashoitaja hoitavat reiät ja oikomishoidon tarpeen arvioinnin. Hammassärkyyn "
            "on päivystys arkisin.",
            "Barnen kallas till regelbundna kontroller första gången vid cirka ett års ålder. "
            "Tandvärk har jour vardagar.",
            "Children are invited to check-ups from about one year old; there is an "
            "emergency service for toothache on weekdays.",
        ),
        how_to_get_help=t(
            "Soita keskitettyyn ajanvaraukseen arkisin kello 7.30–15.",
            "Ring den centraliserade tidsbokningen vardagar kl. 7.30–15.",
            "Call central booking on weekdays 7.30 am–3 pm.",
        ),
        age_min=0,
        age_max=17,
        groups=("children", "young-people"),
        situations=("development-and-speech",),
        channels=(
            *_in_person("health-kaislaranta", "health-kuusilahti", "fc-lohiniemi"),
            Channel("phone", phone="015 555 0350", phone_charge="local", hours="phone_office"),
        ),
    ),
    _county(
        "youth-sexual-health",
        name=t(
            "Nuorten seksuaaliterveysvastaanotto",
            "Mottagningen för ungas sexuella hälsa",
            "Sexual health clinic for young people",
        ),
        summary=t(
            "Ehkäisyneuvontaa, raskaustestit, sukupuolitautitestit ja keskusteluapua "
            "seksuaalisuuteen alle 25-vuotiaille.",
            "Preventivmedelsrådgivning, graviditetstest, könssjukdomstest och samtal om "
            "sexualitet för unga under 25.",
            "Contraception advice, pregnancy and STI tests and counselling on sexuality for "
            "under-25s.",
        ),
        description=t(
            "Vastaanotolla saat ehkäisyneuvontaa ja alle 25-vuotiaille maksuttomat "
            "ehkäisyvalmisteet ensimmäiseksi vuodeksi. Voit puhua luottamuksellisesti "
            "seurustelusta, seksuaalisuudesta, sukupuoli-identiteetistä tai kokemastasi "
            "häirinnästä. Myös sateenkaarinuoret ovat lämpimästi tervetulleita.",
            "Du får preventivmedelsrådgivning och avgiftsfria preventivmedel för det första "
            "året om du är under 25.",
            "Contraception advice and free contraception for the first year if you are under "
            "25. LGBTQ+ youth are warmly welcome.",
        ),
        how_to_get_help=t(
            "Varaa aika puhelimitse tai tekstiviestillä.",
            "Boka tid per telefon eller sms.",
            "Book by phone or text message.",
        ),
        age_min=13,
        age_max=24,
        groups=("young-people",),
        situations=("couple-relationship", "mental-health"),
        channels=(
            *_in_person("youth-clinic-kaislaranta", hours="youth_clinic"),
            Channel("phone", phone="015 555 0355", phone_charge="local", hours="phone_morning"),
        ),
    ),
    _county(
        "mobile-school-team",
        name=t(
            "Liikkuva koulutiimi Kompassi",
            "Det mobila skolteamet Kompassi",
            "Kompassi mobile school team",
        ),
        summary=t(
            "Moniammatillinen tiimi tulee kotiin, kun nuoren koulunkäynti on katkennut tai "
            "poissaoloja on paljon.",
            "Ett multiprofessionellt team kommer hem till den unga när skolgången har "
            "avbrutits eller frånvaron är stor.",
            "A multi-professional team comes to the home when a pupil has stopped going to "
            "school or misses a lot.",
        ),
        description=t(
            "Tiimiin kuuluu koulukuraattori, psykiatrinen sairaanhoitaja, päihdetyöntekijä ja "
            "erityisopettaja. Asiantuntijat liikkuvat, ei nuori: tiimi tapaa nuorta kotona tai "
            "muussa turvallisessa paikassa ja rakentaa yhdessä perheen ja koulun kanssa "
            "polun takaisin opintoihin. Tiimi palvelee kaikkia alueen kuntia ja ajaa "
            "tarvittaessa pitkiäkin matkoja.",
            "I teamet ingår skolkurator, psykiatrisk sjukskötare, missbruksarbetare och "
            "speciallärare. Experterna rör på sig, inte den unga.",
            "The team has a school social worker, a psychiatric nurse, a substance worker and a "
            "special needs teacher. The experts move, not the pupil.",
        ),
        how_to_get_help=t(
            "Koulu, huoltaja tai nuori itse voi ottaa yhteyttä tiimiin.",
            "Skolan, vårdnadshavaren eller den unga själv kan kontakta teamet.",
            "The school, a guardian or the young person can contact the team.",
        ),
        age_min=12,
        age_max=17,
        groups=("young-people", "parents", "professionals"),
        situations=("learning-and-school", "mental-health", "substance-use"),
        low_threshold=True,
        channels=(
            Channel("mobile_team", hours="mobile_team"),
            Channel("phone", phone="015 555 0360", phone_charge="local", hours="mobile_team"),
        ),
    ),
    _county(
        "family-bus",
        name=t("Perhebussi", "", "Family bus"),
        summary=t(
            "Liikkuva perhekeskus kiertää haja-asutusalueen kyliä: neuvolan terveydenhoitaja, "
            "perheohjaaja ja leikkitilaa samassa autossa.",
            "",
            "A mobile family centre touring rural villages with a nurse, a family worker and "
            "room to play.",
        ),
        description=t(
            "Perhebussi pysähtyy viikoittain Ahvenveden, Koivumäen ja Kuusilahden kylissä. "
            "Bussissa voi punnita vauvan, kysyä neuvolan terveydenhoitajalta, jutella "
            "perheohjaajan kanssa arjen pulmista ja tutustua muihin kylän perheisiin. "
            "Ajoreitti ja pysäkit löytyvät verkkosivuilta.",
            "",
            "The bus stops weekly in villages of Ahvenvesi, Koivumäki and Kuusilahti. You can "
            "weigh your baby, ask the nurse, and talk with a family worker.",
        ),
        how_to_get_help=t(
            "Tule bussille pysäkille, ajanvarausta ei tarvita.",
            "",
            "Come to the stop; no appointment needed.",
        ),
        age_min=0,
        age_max=6,
        groups=("families-with-baby", "parents", "children"),
        situations=("baby-first-year", "parenting", "leisure-and-peer-support"),
        languages=("fi", "en"),
        areas=RURAL,
        low_threshold=True,
        channels=(
            Channel("mobile_team", hours="mobile_team", summer_break=True),
            Channel("phone", phone="015 555 0365", phone_charge="local", hours="phone_morning"),
        ),
    ),
    _county(
        "foster-care",
        name=t(
            "Perhehoito ja sijaisperheeksi ryhtyminen",
            "Familjevård och att bli fosterfamilj",
            "Foster care and becoming a foster family",
        ),
        summary=t(
            "Tietoa ja ennakkovalmennus perheille, jotka haluavat antaa kodin lapselle, joka ei "
            "voi asua omien vanhempiensa kanssa.",
            "Information och förberedande utbildning för familjer som vill ge ett hem åt ett "
            "barn som inte kan bo med sina föräldrar.",
            "Information and preparation training for families who want to give a home to a "
            "child who cannot live with their parents.",
        ),
        description=t(
            "Perhehoidossa lapsi asuu sijaisperheessä lyhyen tai pitkän ajan. "
            "Sijaisvanhemmaksi haluavat osallistuvat ennakkovalmennukseen, jossa pohditaan "
            "omia voimavaroja ja lapsen tarpeita. Perhehoitajat saavat hoitopalkkion, "
            "kulukorvauksen, työnohjausta ja vertaistukea. Perhehoito tukee myös lapsen "
            "suhdetta omiin vanhempiinsa.",
            "I familjevård bor barnet i en fosterfamilj en kort eller lång tid. Blivande "
            "fosterföräldrar deltar i förberedande utbildning.",
            "A child lives with a foster family for a short or long time. Prospective foster "
            "parents take part in preparation training and get support and supervision.",
        ),
        how_to_get_help=t(
            "Tule infoiltaan tai soita perhehoidon yksikköön.",
            "Kom till ett informationsmöte eller ring familjevårdsenheten.",
            "Come to an information evening or call the foster care unit.",
        ),
        groups=("foster-families",),
        situations=("parenting",),
        channels=(
            Channel("phone", phone="015 555 0370", phone_charge="local", hours="phone_office"),
            Channel("web", url=f"https://www.{D}/perhehoito"),
        ),
    ),
    _county(
        "after-care",
        name=t(
            "Jälkihuolto nuorille",
            "Eftervård för unga",
            "After-care for young people leaving care",
        ),
        summary=t(
            "Tukea itsenäistymiseen 18–25-vuotiaille, jotka ovat olleet sijoitettuina.",
            "Stöd för att bli självständig för 18–25-åringar som varit placerade.",
            "Support towards independence for 18–25-year-olds who have been in care.",
        ),
        description=t(
            "Jälkihuollon sosiaalityöntekijä ja ohjaaja auttavat asunnon, opiskelun, "
            "raha-asioiden ja arjen taitojen kanssa. Nuori voi saada taloudellista tukea "
            "ja tukihenkilön. Jälkihuolto on vapaaehtoista ja sen voi aloittaa uudelleen, "
            "vaikka olisi aiemmin kieltäytynyt.",
            "Eftervårdens socialarbetare hjälper med bostad, studier, ekonomi och "
            "vardagsfärdigheter.",
            "Help with housing, studies, money and everyday skills; voluntary and can be "
            "restarted.",
        ),
        how_to_get_help=t(
            "Ota yhteyttä omaan sosiaalityöntekijääsi tai jälkihuollon puhelinnumeroon.",
            "Kontakta din socialarbetare.",
            "Contact your social worker or the after-care phone line.",
        ),
        age_min=18,
        age_max=25,
        groups=("young-people",),
        situations=("money-and-housing", "learning-and-school"),
        channels=(
            Channel("phone", phone="015 555 0375", phone_charge="local", hours="phone_office"),
            *_in_person("health-kaislaranta"),
        ),
    ),
    _county(
        "home-help-voucher",
        name=t(
            "Lapsiperheiden kotipalvelun palveluseteli",
            "Servicesedel för hemservice till barnfamiljer",
            "Service voucher for family home help",
        ),
        summary=t(
            "Palvelusetelillä perhe voi valita kotipalvelun tuottajan hyvinvointialueen "
            "hyväksymien yritysten joukosta.",
            "Med servicesedeln kan familjen välja producent av hemservice bland de företag som "
            "välfärdsområdet godkänt.",
            "With a service voucher the family chooses a home-help provider from those approved "
            "by the county.",
        ),
        description=t(
            "Palvelusetelin arvo määräytyy perheen bruttotulojen mukaan, ja perhe maksaa "
            "omavastuuosuuden suoraan palveluntuottajalle. Hyväksyttyjen tuottajien lista "
            "hintoineen on hyvinvointialueen verkkosivuilla. Palvelusetelistä voi "
            "kieltäytyä, jolloin palvelu järjestetään muulla tavoin.",
            "Servicesedelns värde bestäms enligt familjens bruttoinkomster. Listan över "
            "godkända producenter finns på webbplatsen. Man kan tacka nej till sedeln.",
            "The voucher's value depends on family income; the approved providers and their "
            "prices are listed online. You may refuse the voucher and get the service "
            "otherwise.",
        ),
        how_to_get_help=t(
            "Palveluseteli myönnetään kotipalvelun palvelutarpeen arvioinnin jälkeen.",
            "Servicesedeln beviljas efter bedömningen av servicebehovet.",
            "The voucher is granted after a service-need assessment.",
        ),
        fee=t(
            "Omavastuu on palveluntuottajan hinnan ja setelin arvon erotus.",
            "Självrisken är skillnaden mellan producentens pris och sedelns värde.",
            "You pay the difference between the provider's price and the voucher's value.",
        ),
        age_min=0,
        age_max=12,
        groups=("parents", "families-with-baby"),
        situations=("help-at-home",),
        cost="voucher",
        channels=(
            Channel("web", url=f"https://www.{D}/palvelusetelit/kotipalvelu"),
            Channel("phone", phone="015 555 0380", phone_charge="local", hours="phone_midday"),
        ),
    ),
    _county(
        "video-family-clinic",
        name=t(
            "Perhekeskuksen iltavastaanotto verkossa",
            "Familjecentralens kvällsmottagning på nätet",
            "Family centre evening video clinic",
        ),
        summary=t(
            "Videotapaaminen perheohjaajan kanssa iltaisin, kun päivällä ei pääse vastaanotolle.",
            "Videomöte med en familjehandledare på kvällarna när man inte kommer till "
            "mottagningen på dagen.",
            "A video meeting with a family worker in the evenings when you cannot come during "
            "the day.",
        ),
        description=t(
            "Etävastaanotto sopii vanhemmille, jotka haluavat keskustella esimerkiksi lapsen "
            "unesta, rajoista, sisarusten riidoista tai omasta jaksamisestaan. Tapaaminen "
            "kestää 45 minuuttia ja toimii puhelimella, tabletilla tai tietokoneella. "
            "Tarvittaessa perheohjaaja sopii jatkotapaamisista tai ohjaa muihin palveluihin.",
            "Distansmottagningen passar föräldrar som vill prata om barnets sömn, gränser eller "
            "sin egen ork.",
            "For parents who want to talk about sleep, limits, sibling quarrels or their own "
            "coping; 45 minutes on phone, tablet or computer.",
        ),
        how_to_get_help=t(
            "Varaa aika sähköisessä ajanvarauksessa; saat linkin tekstiviestillä.",
            "Boka tid i e-tidsbokningen; du får länken per sms.",
            "Book online; you get the link by text message.",
        ),
        age_min=0,
        age_max=17,
        groups=("parents",),
        situations=("parenting", "mental-health"),
        low_threshold=True,
        channels=(
            Channel("video", url=f"https://etavastaanotto.{D}/perhekeskus", hours="chat_evening"),
        ),
    ),
    _county(
        "adoption-counselling",
        name=t("Adoptioneuvonta", "Adoptionsrådgivning", "Adoption counselling"),
        summary=t(
            "Lakisääteinen neuvonta kotimaista ja kansainvälistä adoptiota harkitseville ja "
            "adoptioperheille.",
            "Lagstadgad rådgivning för dem som överväger inhemsk eller internationell adoption.",
            "Statutory counselling for those considering domestic or international adoption.",
        ),
        description=t(
            "Adoptioneuvonnassa sosiaalityöntekijä käy hakijoiden kanssa läpi adoptioon "
            "liittyviä kysymyksiä ja laatii kotiselvityksen. Neuvontaa saavat myös lastaan "
            "adoptioon harkitsevat vanhemmat ja perheensisäistä adoptiota suunnittelevat.",
            "Socialarbetaren går igenom frågor om adoption och gör en hemutredning.",
            "A social worker goes through adoption questions and prepares the home study.",
        ),
        how_to_get_help=t("Soita ja varaa aika.", "Ring och boka tid.", "Call to book."),
        groups=("foster-families", "couples"),
        situations=("parenting",),
        channels=(
            Channel("phone", phone="015 555 0385", phone_charge="local", hours="phone_midday"),
            *_in_person("fc-kaislaranta"),
        ),
    ),
)
