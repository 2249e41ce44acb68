"""Child impact assessments of the demo region (Järvi-Saimaa).

Three matters, written through the services so that each has its versions:
closing a village school's branch (a full assessment, signed off and
published), moving the family centre's open early childhood education to
another district (a full assessment in progress) and a new payroll system
for the county's administration (a screening that concluded that no full
assessment was needed, signed off). Loading again changes nothing.
"""

from __future__ import annotations

import uuid

from django.db import transaction

from perhekeskus.accounts.models import User

from . import services
from .models import Assessment

NAMESPACE = uuid.UUID("5b0c8f0e-7a51-4d0e-9c39-1c9b0f6d2a10")
PREPARER = "demo-preparer"
SIGNER = "demo-manager"


def _id(key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, key)


SCHOOL_OPTIONS = [
    {
        "key": "a1school0001",
        "title": "Rantakylän sivukoulu jatkaa nykyisellään",
        "description": "Luokat 1–4 (18 oppilasta) jatkavat Rantakylässä yhdysluokkana. "
        "Rakennuksen ilmanvaihto korjataan vuonna 2027 (arvio 240 000 €).",
    },
    {
        "key": "b2school0002",
        "title": "Sivukoulu suljetaan syksystä 2027",
        "description": "Oppilaat siirtyvät Ahvenveden keskuskouluun (11 km). Koulukuljetus "
        "järjestetään; pisin matka-aika odotuksineen noin 45 minuuttia.",
    },
    {
        "key": "c3school0003",
        "title": "Sivukoulussa vain luokat 1–2",
        "description": "Pienimmät jatkavat Rantakylässä, luokat 3–4 siirtyvät keskuskouluun. "
        "Ilmanvaihto korjataan kevyemmin.",
    },
]
SCHOOL_GROUPS = ("age_7_12", "disability", "rural")


def _effect(option, group, short, short_size, long, long_size, description, directness="direct"):
    return {
        "option": option,
        "group": group,
        "directness": directness,
        "short_direction": short,
        "short_size": short_size,
        "long_direction": long,
        "long_size": long_size,
        "description": description,
    }


SCHOOL_STEPS = {
    "need": {
        "need": "Ahvenveden kunta harkitsee Rantakylän sivukoulun lakkauttamista oppilasmäärän "
        "laskun ja rakennuksen korjaustarpeen vuoksi. Päätös muuttaa suoraan 18 alakoululaisen "
        "koulupäivää ja koulumatkaa, joten vaikutukset lapsiin arvioidaan ennen päätöstä."
    },
    "scope": {
        "scope": "Rantakylän sivukoulun oppilaat ja ensi vuosina kouluun tulevat lapset "
        "(oppilasennuste 2027–2031), keskuskoulun oppilaat joiden ryhmäkoot muuttuvat, "
        "koulun yhteydessä toimiva iltapäivätoiminta ja kylän lasten harrastukset koululla.",
        "excluded": "Henkilöstövaikutukset ja kiinteistön jatkokäyttö arvioidaan erikseen.",
    },
    "law": {
        "non_discrimination": "Kyläkoulun lapset eivät saa joutua eriarvoiseen asemaan "
        "keskustan lapsiin nähden: koulumatkan pituus ja turvallisuus, iltapäivätoiminta.",
        "best_interests": "Arvioidaan, kumpi on lapsen edun mukaista: lyhyt koulumatka ja pieni "
        "yhdysluokka vai pidempi matka ja ikäryhmän mukaiset luokat.",
        "life_development": "Terveellinen koulurakennus (ilmanvaihto), liikunta ja lepo "
        "pitkän koulupäivän aikana.",
        "heard": "Sivukoulun ja keskuskoulun oppilaita kuultiin työpajoissa ja kyselyllä, "
        "nuorisovaltuustolta pyydettiin lausunto.",
        "articles": ["28", "29", "31", "23"],
        "articles_note": "Koulunkäynti ja sen tavoitteet (28–29), vapaa-aika ja leikki kylällä "
        "(31), erityistä tukea tarvitsevien oppilaiden oppimisympäristö (23).",
        "national_law": "Perustuslaki 6 § ja 16 §; perusopetuslaki 628/1998 6 § (lähikoulu) ja "
        "32 § (koulumatkan enimmäisaika 2,5 h, 3 h 13 vuotta täyttäneillä); kuntalaki 22 §.",
    },
    "schedule": {
        "schedule": "Arviointi syys–lokakuussa 2026; oppilaiden kuuleminen syyskuussa; "
        "sivistyslautakunta 10.11.2026, kunnanvaltuusto 7.12.2026.",
        "responsibilities": "Valmistelija (sivistystoimi) kokoaa arvion; rehtori ja "
        "koulukuraattori järjestävät oppilaiden kuulemisen; kuljetussuunnittelija laskee "
        "matka-ajat.",
    },
    "options": {"items": SCHOOL_OPTIONS},
    "evidence": {
        "sources": "Oppilasennuste 2027–2031 (kunnan väestötiedot); kouluterveyskysely 2025 "
        "(Ahvenveden 4.–5. luokkalaiset); kiinteistön kuntotutkimus 2026; koulukuljetusreitit "
        "ja matka-ajat (kuljetussuunnittelu).",
        "unknowns": "Kylälle muuttavien lapsiperheiden määrä (uusi tonttialue). Miten "
        "pitkä koulumatka vaikuttaa harrastuksiin: tutkimustietoa pienistä kunnista on vähän.",
    },
    "participation": {
        "items": [
            {
                "key": "d4hear000001",
                "method": "group",
                "children": 18,
                "ages": "7–10",
                "held_on": "2026-09-15",
                "said": "Lapset pitävät pienestä koulusta ja pihasta. Pitkä bussimatka ja "
                "odottaminen pimeällä pysäkillä pelottavat. Kavereita on keskuskoulussa "
                "jo harrastuksista.",
                "used": "Kuljetukseen lisätty saattaja ja katettu odotustila; odotusaika "
                "enintään 15 minuuttia.",
            },
            {
                "key": "e5hear000002",
                "method": "survey",
                "children": 64,
                "ages": "9–12",
                "held_on": "2026-09-22",
                "said": "Keskuskoulun oppilaat toivovat, ettei luokista tule liian suuria ja "
                "että välitunneilla on tilaa.",
                "used": "Luokkien jakoa suunniteltu niin, että ryhmäkoko pysyy alle 24:n.",
            },
            {
                "key": "f6hear000003",
                "method": "council",
                "children": 9,
                "ages": "13–17",
                "held_on": "2026-10-01",
                "said": "Nuorisovaltuusto puolsi koulun säilyttämistä luokilla 1–2.",
                "used": "Vaihtoehto C lisättiin arvioon.",
            },
        ],
        "not_heard_reason": "",
    },
    "effects": {
        "items": [
            _effect(
                "a1school0001",
                "age_7_12",
                "none",
                "",
                "negative",
                "small",
                "Nykytila jatkuu; yhdysluokan opetusjärjestelyt vaikeutuvat oppilasmäärän "
                "laskiessa.",
            ),
            _effect(
                "a1school0001",
                "disability",
                "none",
                "",
                "mixed",
                "small",
                "Pieni ryhmä tukee, mutta erityisopettajan palveluja on vähän.",
            ),
            _effect(
                "a1school0001",
                "rural",
                "positive",
                "small",
                "positive",
                "moderate",
                "Koulu pysyy kylän lasten kohtaamispaikkana.",
                "both",
            ),
            _effect(
                "b2school0002",
                "age_7_12",
                "negative",
                "moderate",
                "mixed",
                "small",
                "Koulumatka pitenee enimmillään 45 minuuttiin; ikäryhmän mukaiset luokat "
                "ja laajempi valinnaisuus.",
            ),
            _effect(
                "b2school0002",
                "disability",
                "mixed",
                "moderate",
                "positive",
                "moderate",
                "Siirtymä on raskas, mutta keskuskoulussa on erityisopettaja ja "
                "koulupsykologi päivittäin.",
            ),
            _effect(
                "b2school0002",
                "rural",
                "negative",
                "large",
                "negative",
                "moderate",
                "Iltapäivätoiminta ja harrastukset siirtyvät pois kylältä.",
                "both",
            ),
            _effect(
                "c3school0003",
                "age_7_12",
                "positive",
                "small",
                "mixed",
                "small",
                "Pienimmillä lyhyt matka; 3.–4.-luokkalaisten siirtymä kuten vaihtoehdossa B.",
            ),
            _effect(
                "c3school0003",
                "disability",
                "mixed",
                "small",
                "mixed",
                "small",
                "Tuki järjestettävissä, mutta kahden toimipisteen välillä.",
            ),
            _effect(
                "c3school0003",
                "rural",
                "positive",
                "small",
                "mixed",
                "small",
                "Koulu säilyy kylällä pienempänä.",
                "both",
            ),
        ]
    },
    "conflicts": {
        "conflicts": "Kylän lasten lyhyt koulumatka ja koulun merkitys kylälle ovat "
        "ristiriidassa kunnan säästötavoitteen ja keskuskoulun oppilaiden toiveen kanssa "
        "pitää ryhmäkoot pieninä. Erityistä tukea tarvitsevat hyötyisivät keskuskoulun "
        "tukipalveluista, mutta siirtymä on heille raskain.",
        "mitigation": "Koulukuljetukseen saattaja ja katettu odotustila; siirtymävaiheeseen "
        "tutustumispäivät keskuskoulussa keväällä 2027; iltapäivätoimintaa kylätalolla "
        "kahtena päivänä viikossa.",
    },
    "recommendation": {
        "option": "c3school0003",
        "reasons": "Vaihtoehto C on lasten kannalta kokonaisuutena paras: pienimpien "
        "koulumatka pysyy lyhyenä, vanhemmat oppilaat saavat ikäryhmänsä ja tuen "
        "keskuskoulussa, ja koulu säilyy kylällä. Haitat lievennetään kuljetusjärjestelyin.",
    },
    "informing": {
        "how": "Rehtori kertoo päätöksestä oppilaille luokissa ja oppilaskunnan kokouksessa; "
        "lasten kielellä kirjoitettu tiedote Wilmaan ja kunnan verkkosivuille; "
        "nuorisovaltuustolle päätöksen perustelut.",
        "when": "2026-12-14",
        "done": False,
    },
    "follow_up": {
        "date": "2027-11-30",
        "what": "Koulumatkojen todelliset matka-ajat, oppilaiden kokemus kyselyllä syksyllä "
        "2027, iltapäivätoimintaan osallistuminen.",
    },
}

DAYCARE_STEPS = {
    "need": {
        "need": "Perhekeskuksen avoin varhaiskasvatus (avoin päiväkoti ja perhekahvila) "
        "ehdotetaan siirrettäväksi Kaislarannan keskustasta Koivumäen monitoimitalolle, "
        "koska nykyisten tilojen vuokrasopimus päättyy. Siirto muuttaa kotona hoidettavien "
        "pienten lasten ja heidän perheidensä mahdollisuuksia käyttää palvelua."
    },
    "scope": {
        "scope": "Avoimen varhaiskasvatuksen käyttäjät (noin 140 perhettä vuodessa, lapset "
        "0–6-vuotiaita), erityisesti ilman autoa liikkuvat perheet ja maahan muuttaneet "
        "perheet, joille perhekahvila on tärkeä kohtaamispaikka.",
        "excluded": "",
    },
    "options": {
        "items": [
            {
                "key": "a1daycare001",
                "title": "Siirto Koivumäen monitoimitalolle",
                "description": "Tilat ovat esteettömät, mutta bussiyhteys keskustasta kulkee "
                "kerran tunnissa.",
            },
            {
                "key": "b2daycare002",
                "title": "Uudet tilat Kaislarannan keskustasta",
                "description": "Vuokra on noin 18 000 € vuodessa nykyistä korkeampi.",
            },
        ]
    },
}

PAYROLL_SCREENING = {
    "kind": "before",
    "affects_directly": False,
    "affects_indirectly": False,
    "how": "Palkanlaskennan tietojärjestelmän vaihto koskee hyvinvointialueen henkilöstöä. "
    "Palvelut, aukioloajat ja henkilöstömäärät eivät muutu.",
    "groups": [],
    "other_groups": "",
    "full_needed": "no",
    "reason": "Päätöksellä ei ole suoria eikä välillisiä vaikutuksia lapsiin tai "
    "lapsiperheisiin: se ei muuta palveluja, niiden saatavuutta eikä maksuja.",
}


def _link_indicators(user, assessment: Assessment) -> Assessment:
    from perhekeskus.indicators.models import Indicator

    from . import evidence

    links = [
        {"indicator": str(pk), "note": note}
        for pk, note in zip(
            Indicator.objects.order_by("source", "source_id").values_list("pk", flat=True)[:2],
            (
                "Alueen lastensuojelun tilanne: kouluverkon muutos ei saa heikentää "
                "ennaltaehkäisevää tukea.",
                "Vertailutieto koko maahan.",
            ),
            strict=False,
        )
    ]
    if evidence.operational_exists("families_early_support"):
        links.append(
            {
                "operational_code": "families_early_support",
                "note": "Varhaisen tuen perheet alueella: koulun yhteistyö perhekeskuksen kanssa.",
            }
        )
    for link in links:
        assessment, _ = services.save_step(
            user=user,
            assessment=assessment,
            step="evidence",
            base_version=assessment.version,
            fragment=assessment.content.get("evidence", {}),
            add_link=link,
        )
    follow = [str(pk) for pk in assessment.indicator_links.values_list("pk", flat=True)]
    assessment, _ = services.save_step(
        user=user,
        assessment=assessment,
        step="follow_up",
        base_version=assessment.version,
        fragment=assessment.content.get("follow_up", {}),
        follow_links=follow,
    )
    return assessment


def _full(user, key, matter, screening, steps) -> Assessment:
    assessment = services.create_assessment(
        user=user, matter=matter, screening=screening, assessment_id=_id(key)
    )
    for slug, fragment in steps.items():
        assessment, _ = services.save_step(
            user=user,
            assessment=assessment,
            step=slug,
            base_version=assessment.version,
            fragment=fragment,
        )
    return assessment


@transaction.atomic
def load_demo() -> None:
    users = {u.username: u for u in User.objects.filter(username__in=[PREPARER, SIGNER])}
    preparer, signer = users.get(PREPARER), users.get(SIGNER)
    if preparer is None or signer is None:
        return
    if not Assessment.objects.filter(pk=_id("school-branch")).exists():
        school = _full(
            preparer,
            "school-branch",
            {
                "title": "Ahvenveden koulun Rantakylän sivukoulun lakkauttaminen",
                "decision_maker": "Ahvenveden kunnanvaltuusto",
                "planned_decision_date": "2026-12-07",
                "preparer": preparer,
            },
            {
                "kind": "before",
                "affects_directly": True,
                "affects_indirectly": True,
                "how": "Päätös muuttaa 18 alakoululaisen koulun, koulumatkan ja "
                "iltapäivätoiminnan sekä kylän lasten harrastuspaikan.",
                "groups": list(SCHOOL_GROUPS),
                "other_groups": "",
                "full_needed": "yes",
                "reason": "Suora vaikutus alakouluikäisiin ja erityistä tukea tarvitseviin "
                "oppilaisiin; kyläkoulun lakkauttaminen on lapsille merkittävä muutos.",
            },
            SCHOOL_STEPS,
        )
        school = _link_indicators(preparer, school)
        services.sign_off(
            user=signer,
            assessment=school,
            version=school.version,
            statement="Tarkistettu sivistystoimen johtoryhmässä.",
        )
        school.refresh_from_db()
        services.publish(user=preparer, assessment=school, version=school.version)
    if not Assessment.objects.filter(pk=_id("open-daycare")).exists():
        _full(
            preparer,
            "open-daycare",
            {
                "title": "Avoimen varhaiskasvatuksen siirto Koivumäen monitoimitalolle",
                "decision_maker": "Järvi-Saimaan aluehallitus",
                "planned_decision_date": "2027-02-15",
                "preparer": preparer,
            },
            {
                "kind": "before",
                "affects_directly": True,
                "affects_indirectly": True,
                "how": "Kotona hoidettavien alle kouluikäisten lasten kohtaamispaikka siirtyy "
                "toiseen kuntaan; matka pitenee ilman autoa liikkuville perheille.",
                "groups": ["age_0_6", "immigrant", "low_income"],
                "other_groups": "",
                "full_needed": "yes",
                "reason": "Suora vaikutus pieniin lapsiin ja välillinen vaikutus perheisiin, "
                "joilla ei ole autoa.",
            },
            DAYCARE_STEPS,
        )
    if not Assessment.objects.filter(pk=_id("payroll")).exists():
        payroll = services.create_assessment(
            user=preparer,
            matter={
                "title": "Palkanlaskennan tietojärjestelmän vaihto",
                "decision_maker": "Järvi-Saimaan hyvinvointialueen hallintojohtaja",
                "planned_decision_date": "2026-11-30",
                "preparer": preparer,
            },
            screening=PAYROLL_SCREENING,
            assessment_id=_id("payroll"),
        )
        services.sign_off(user=signer, assessment=payroll, version=payroll.version)
