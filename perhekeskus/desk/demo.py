"""Case work of the demo region: families in every stage of the one-door path.

Built on the families app's demo (Perhe, Lindholm, Nieminen) with every step
taken through the apps' own services, so the events, the access log and the
deadlines are what real work would leave:

- **contacts**: new ones in the family centre's queue (anonymous, in Swedish
  and late, from a teacher on a pupil's behalf), one being handled, and a
  dozen answered with advice and suggested services over the last weeks;
- **Perhe** (the demo parent Paula's family): Paula's own contact opened a
  matter for Onni, who needs special support; the team (social worker,
  nurse, psychologist, the NGO café and the parish) wrote the assessment
  together, the social worker co-signed it, and the plan with the NGO's and
  the parish's actions was agreed; a home visit today, a video meeting
  tomorrow, and a referral the NGO has accepted;
- **Lindholm** (security prohibition): a child welfare matter whose
  assessment is under way; the OT-centre was consulted about Elias (done)
  and is consulted about Wilma (waiting); remote reception by video with a
  tablet lent;
- **Nieminen**: Aatu's matter whose assessment has not started in time; the
  mobile team is asked to visit him, the school social worker consulted, a
  referral declined, another withdrawn, a draft waiting;
- **Korhonen**: a day-care teacher's contact with the family's consent led to
  family work that is now closed;
- **Hämäläinen**: an urgent matter opened today from a contact this morning.

Idempotent: once the case work exists, loading again changes nothing.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from perhekeskus.accounts.demo import demo_organization, unit_id
from perhekeskus.accounts.models import Unit, User
from perhekeskus.appointments import services as appointments
from perhekeskus.appointments.models import Mode
from perhekeskus.casework import services as casework
from perhekeskus.casework.models import Contact, Matter, TeamMember
from perhekeskus.catalogue.models import Service, TaxonomyTerm
from perhekeskus.core.calendar import is_working_day
from perhekeskus.families import identity
from perhekeskus.families import services as families
from perhekeskus.families.models import Consent, Family, Person, ServiceTask
from perhekeskus.planning import services as planning
from perhekeskus.planning.models import Assessment, Method, PlanAction, SectionKind
from perhekeskus.programme.models import Municipality
from perhekeskus.referrals import services as referrals
from perhekeskus.referrals.models import Kind, Section, TeamRole

from . import services


class _Clock:
    """Times relative to the moment the demo is loaded (never in the future)."""

    def __init__(self):
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)

    def at(self, day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
        return min(moment, self.now - datetime.timedelta(minutes=5))

    def days_ago(self, days: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
        return self.at(self.today - datetime.timedelta(days=days), hour, minute)

    def working_days_ago(self, count: int) -> datetime.date:
        day = self.today
        while count:
            day -= datetime.timedelta(days=1)
            if is_working_day(day):
                count -= 1
        return day

    def later_today(self, slot: int) -> datetime.datetime:
        """The ``slot``-th free hour later today (tomorrow when the day is over)."""
        start = (self.now + datetime.timedelta(hours=1 + slot)).replace(
            minute=0, second=0, microsecond=0
        )
        if timezone.localtime(start).hour >= 21:
            day = self.today + datetime.timedelta(days=1)
            start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9 + slot)))
        return start

    def next_working_day(self, hour: int) -> datetime.datetime:
        day = self.today + datetime.timedelta(days=1)
        while not is_working_day(day):
            day += datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _users() -> dict[str, User]:
    return {u.username: u for u in User.objects.filter(username__startswith="demo-")}


def _unit(key: str) -> Unit:
    return Unit.objects.get(pk=unit_id(key))


def _terms(*codes: str) -> list[TaxonomyTerm]:
    return list(
        TaxonomyTerm.objects.filter(taxonomy=TaxonomyTerm.Taxonomy.LIFE_SITUATION, code__in=codes)
    )


def _services_of(organization_key: str, count: int = 1) -> list[Service]:
    return list(
        Service.objects.filter(
            organization=demo_organization(organization_key), status=Service.Status.ACTIVE
        ).order_by("name")[:count]
    )


def _person(first: str, last: str, born: datetime.date, number: int, **fields) -> Person:
    code = identity.build(born, number)
    existing = Person.objects.filter(identity_code=code).first()
    if existing is not None:
        return existing
    return families.person_create(
        actor=None,
        data={"first_names": first, "last_name": last, "identity_code": code, **fields},
        confirm_not_duplicate=True,
    )


def _new_family(name: str, members, clock: _Clock) -> Family:
    """A family of (person, role) pairs; the parents are the children's guardians."""
    family = families.family_create(actor=None, name=name)
    since = clock.today - datetime.timedelta(days=400)
    for person, role in members:
        families.membership_add(
            actor=None, family=family, person=person, role=role, starts_on=since
        )
    parents = [p for p, role in members if role == "parent"]
    for child in (p for p, role in members if role == "child"):
        for parent in parents:
            families.guardianship_add(
                actor=None,
                child=child,
                guardian=parent,
                basis="parenthood",
                starts_on=since,
                family=family,
            )
    return family


def _born(clock: _Clock, years: int, days: int = 0) -> datetime.date:
    return clock.today.replace(year=clock.today.year - years, day=1) - datetime.timedelta(days=days)


# --- Contacts ---------------------------------------------------------------------

ANSWERED = (
    # days ago, hours to the answer, worries, child's age, the family's words, the answer
    (
        3,
        4,
        ("parenting",),
        4,
        "Nelivuotias ei suostu nukkumaan omassa sängyssään ja illat venyvät. Mistä apua?",
        "Soitimme ja kävimme iltarutiineja läpi. Neuvolan perhetyöntekijä voi tulla kotiin.",
    ),
    (
        6,
        27,
        ("couple-relationship", "separation"),
        7,
        "Olemme eroamassa ja mietimme, miten kerromme lapselle.",
        "Ehdotimme perheneuvolan eroneuvontaa ja Kahden Kodin Lapset ry:n ryhmää.",
    ),
    (
        11,
        2,
        ("baby-first-year",),
        0,
        "Vauva itkee paljon ja olen todella väsynyt.",
        "Kerroimme vauvaperheiden kotiavusta ja perhekahvilan vauvaryhmästä.",
    ),
    (
        16,
        50,
        ("learning-and-school",),
        9,
        "Lapsella on vaikeuksia lukemisessa, opettaja ehdotti yhteydenottoa.",
        "Ohjasimme koulun erityisopettajalle ja kuraattorille; tarvittaessa perheneuvola.",
    ),
    (
        23,
        6,
        ("immigrant-families", "parenting"),
        5,
        "We moved here last year. Where can our child learn Finnish before school?",
        "We told you about the day-care's Finnish groups and the family café in English.",
    ),
    (
        31,
        21,
        ("mental-health",),
        14,
        "Teini on sulkeutunut huoneeseensa eikä puhu meille.",
        "Keskustelimme puhelimessa; nuorisoaseman ajanvaraus ja Mielen Tuki ry:n chat.",
    ),
    (
        45,
        9,
        ("money-and-housing",),
        2,
        "Rahat eivät riitä vuokraan tässä kuussa.",
        "Ohjasimme sosiaalihuollon palveluohjaukseen ja Kelan toimeentulotukeen.",
    ),
    (
        58,
        30,
        ("parenting",),
        11,
        "Riitelemme kotona koko ajan ruutuajasta.",
        "Lähetimme Lapset puheeksi -aineiston ja ehdotimme vanhempainryhmää.",
    ),
)


def _contacts(users, municipality, clock: _Clock) -> None:
    nurse = users["demo-nurse"]
    for days, hours, worries, age, situation, answer in ANSWERED:
        received = clock.days_ago(days, 9 + days % 6)
        contact = casework.contact_submit(
            actor=None,
            municipality=municipality,
            situation=situation,
            contact_way=Contact.ContactWay.PHONE,
            life_situations=_terms(*worries),
            child_age=age,
            preferred_language="en" if situation.startswith("We ") else "fi",
            phone=f"040 555 01{days:02d}",
            received_at=received,
        )
        casework.contact_take(
            actor=nurse, contact=contact, at=received + datetime.timedelta(minutes=40)
        )
        casework.contact_answer(
            actor=nurse,
            contact=contact,
            answer=answer,
            suggested_services=_services_of("ngo-arki") if days % 2 else [],
            at=received + datetime.timedelta(hours=hours),
        )

    # New contacts in the queue.
    casework.contact_submit(
        actor=None,
        municipality=municipality,
        situation="Kolmevuotiaalla on raivokohtauksia monta kertaa päivässä. En jaksa enää.",
        contact_way=Contact.ContactWay.PHONE,
        life_situations=_terms("parenting"),
        child_age=3,
        name="Anni",
        phone="040 555 0201",
        received_at=clock.days_ago(0, 8, 15),
    )
    casework.contact_submit(
        actor=None,
        municipality=municipality,
        situation=(
            "Vi har flyttat hit i våras och vet inte var vi får hjälp med vår sons tal. "
            "Han är fyra år och säger bara några ord."
        ),
        contact_way=Contact.ContactWay.EMAIL,
        life_situations=_terms("development-and-speech"),
        child_age=4,
        preferred_language="sv",
        email="familjen.ek@example.fi",
        received_at=clock.at(clock.working_days_ago(4), 15, 30),
    )
    casework.contact_submit_on_behalf(
        actor=users["demo-teacher"],
        referrer_unit=_unit("school"),
        municipality=municipality,
        situation=(
            "Oppilas (12 v.) on ollut poissa koulusta kolme viikkoa. Huoltajat eivät vastaa "
            "yhteydenottoihin. Lapsen etu vaatii selvittämään tilanteen."
        ),
        basis=Contact.Basis.CHILD_INTEREST,
        contact_way=Contact.ContactWay.PHONE,
        life_situations=_terms("learning-and-school"),
        child_age=12,
        phone="040 555 0202",
        received_at=clock.days_ago(1, 13),
    )
    # Being handled.
    taken = casework.contact_submit(
        actor=None,
        municipality=municipality,
        situation="Isä on masentunut ja äiti tekee vuorotyötä. Lapset ovat paljon yksin.",
        contact_way=Contact.ContactWay.PHONE,
        life_situations=_terms("mental-health", "help-at-home"),
        child_age=8,
        phone="040 555 0203",
        received_at=clock.days_ago(1, 10),
    )
    casework.contact_take(actor=nurse, contact=taken, at=clock.days_ago(0, 8, 30))


# --- Perhe: Paula's family, from a contact to an agreed plan -------------------------


def _perhe(users, municipality, clock: _Clock) -> None:
    sanna, nurse = users["demo-social-worker"], users["demo-nurse"]
    psychologist, ngo = users["demo-psychologist"], users["demo-ngo-worker"]
    parish = users["demo-parish-worker"]
    paula = Person.objects.get(identity_code=users["demo-parent"].identity_code)
    perhe = Family.objects.get(memberships__person=paula)
    members = {m.person.first_names: m.person for m in perhe.memberships.select_related("person")}
    onni = members["Onni"]

    # Paula first asked for advice about Ella's sleep and was answered.
    advice = casework.contact_submit(
        actor=users["demo-parent"],
        municipality=municipality,
        situation="Ellan unirytmi on sekaisin ja heräämme monta kertaa yössä.",
        contact_way=Contact.ContactWay.MESSAGE,
        life_situations=_terms("baby-first-year"),
        child_age=1,
        received_at=clock.days_ago(75, 21),
    )
    casework.contact_take(actor=nurse, contact=advice, at=clock.days_ago(74, 8))
    casework.contact_answer(
        actor=nurse,
        contact=advice,
        answer=(
            "Kiitos viestistä! Käydään Ellan unta läpi neuvolakäynnillä. Perhekahvila Arjen "
            "vauvaryhmässä on muita samassa tilanteessa olevia."
        ),
        suggested_services=_services_of("ngo-arki"),
        at=clock.days_ago(74, 9),
    )

    # Then Onni's behaviour at day-care: the contact that opened the matter.
    pending_on = clock.working_days_ago(22)
    contact = casework.contact_submit(
        actor=users["demo-parent"],
        municipality=municipality,
        situation=(
            "Onni (6) lyö päiväkodissa muita lapsia ja kotona raivoaa. Esikoulu alkaa pian ja "
            "olemme huolissamme. Jaksaminen on lopussa."
        ),
        contact_way=Contact.ContactWay.MESSAGE,
        life_situations=_terms("parenting", "development-and-speech"),
        child_age=6,
        received_at=clock.at(pending_on, 9, 20),
    )
    casework.contact_take(actor=sanna, contact=contact, at=clock.at(pending_on, 11))
    casework.contact_link_family(actor=sanna, contact=contact, family=perhe)
    matter = casework.matter_open(
        actor=sanna,
        contact=contact,
        family=perhe,
        unit=_unit("family-social-work"),
        service_task=ServiceTask.FAMILY_SOCIAL_WORK,
        special_support=True,
        urgent=False,
        responsible_worker=sanna,
        worker_reason="Perheen oma sosiaalityöntekijä.",
    )
    families.consent_give(
        actor=None,
        person=paula,
        given_by=paula,
        family=perhe,
        purpose_task=ServiceTask.EARLY_SUPPORT,
        purpose="Perhekahvilan vertaisryhmän tuki osana suunnitelmaa",
        data=Consent.Data.SERVICE,
        recipient_sector="ngo",
        recipient_unit=_unit("ngo-family-cafe"),
        valid_from=pending_on,
        valid_until=clock.today + datetime.timedelta(days=365),
    )
    families.consent_give(
        actor=None,
        person=paula,
        given_by=paula,
        family=perhe,
        purpose_task=ServiceTask.EARLY_SUPPORT,
        purpose="Seurakunnan perhekerho osana suunnitelmaa",
        data=Consent.Data.SERVICE,
        recipient_sector="parish",
        recipient_unit=_unit("parish-family-work"),
        valid_from=pending_on,
        valid_until=clock.today + datetime.timedelta(days=365),
    )
    for user, unit, role, scope, basis in (
        (
            nurse,
            "child-health-clinic",
            "Terveydenhoitaja, lastenneuvola",
            TeamMember.Scope.ASSESSMENT_AND_PLAN,
            TeamMember.Basis.RELATIONSHIP,
        ),
        (
            psychologist,
            "family-counselling",
            "Psykologi, Onnin tunnetaidot",
            TeamMember.Scope.ASSESSMENT_AND_PLAN,
            TeamMember.Basis.RELATIONSHIP,
        ),
        (
            ngo,
            "ngo-family-cafe",
            "Perhekahvilan vertaisryhmän ohjaaja",
            TeamMember.Scope.PLAN_ONLY,
            TeamMember.Basis.CONSENT,
        ),
        (
            parish,
            "parish-family-work",
            "Seurakunnan perhetyöntekijä",
            TeamMember.Scope.PLAN_ONLY,
            TeamMember.Basis.CONSENT,
        ),
    ):
        casework.team_add(
            actor=sanna,
            matter=matter,
            user=user,
            unit=_unit(unit),
            role_in_family=role,
            scope=scope,
            basis=basis,
            at=clock.at(pending_on, 14),
        )

    start = clock.at(clock.working_days_ago(19), 10)
    assessment = planning.assessment_start(actor=sanna, matter=matter, now=start)
    sections = (
        (
            sanna,
            SectionKind.PROFESSIONAL,
            "Perheen arki on kuormittunut. Vanhemmat ovat sitoutuneita ja hakevat itse apua.",
            {},
        ),
        (
            nurse,
            SectionKind.PROFESSIONAL,
            "Onnin kasvu ja kehitys ikätasoista. Unirytmi ja ruutuaika vaikuttavat iltojen riitoihin.",
            {},
        ),
        (
            psychologist,
            SectionKind.PROFESSIONAL,
            "Onnilla on vaikeuksia säädellä suuttumusta. Tunnetaitoryhmä ja vanhempien ohjaus auttavat.",
            {},
        ),
        (
            sanna,
            SectionKind.PARENTS,
            "Haluamme, että aamut ja illat sujuisivat ilman huutoa ja että Onni saisi kavereita.",
            {},
        ),
        (
            psychologist,
            SectionKind.CHILD,
            "Minua suututtaa kun muut ei anna leikkiä. Tykkään piirtää dinosauruksia isän kanssa.",
            {
                "child": onni,
                "child_age": 6,
                "gathered_how": "drawing",
                "gathered_note": "Piirsimme yhdessä perheen ja päiväkodin.",
                "own_words": True,
            },
        ),
        (
            sanna,
            SectionKind.STRENGTHS,
            "Lämmin suhde vanhempiin, isovanhemmat lähellä, vanhemmat hakevat tietoa.",
            {},
        ),
        (
            sanna,
            SectionKind.WORRIES,
            "Vanhempien väsymys, Onnin aggressiivisuus päiväkodissa, esikoulun alku.",
            {},
        ),
        (
            sanna,
            SectionKind.CONCLUSION,
            "Onni tarvitsee erityistä tukea tunnetaitoihin; perhe tarvitsee vanhemmuuden tukea ja vertaistukea.",
            {},
        ),
    )
    for day, (author, kind, text, extra) in enumerate(sections):
        planning.section_save(
            actor=author,
            assessment=assessment,
            kind=kind,
            text=text,
            expected_version=0,
            now=start + datetime.timedelta(days=day // 3, hours=day),
            **extra,
        )
    assessment = Assessment.objects.get(pk=assessment.pk)
    planning.assessment_cosign(
        actor=sanna, assessment=assessment, expected_revision=assessment.revision
    )
    planning.assessment_complete(
        actor=sanna, assessment=assessment, now=clock.at(clock.working_days_ago(9), 15)
    )

    plan = planning.plan_save(
        actor=sanna,
        matter=matter,
        expected_version=0,
        review_on=clock.today + datetime.timedelta(days=90),
        goals=[
            {"text": "Aamut ja illat sujuvat ilman huutamista.", "said_by": "Paula"},
            {"text": "Onni saa päiväkodista kavereita ja uskaltaa leikkiä.", "said_by": "Onni"},
            {"text": "Me vanhemmat jaksamme ja saamme levätä.", "said_by": "Janne"},
        ],
    )
    goals = list(plan.goals.filter(removed_at__isnull=True).order_by("order"))
    ngo_service = _services_of("ngo-arki")
    parish_service = _services_of("parish-kaislaranta")
    actions = [
        {
            "kind": PlanAction.Kind.METHOD,
            "method": Method.objects.filter(code="lapset-puheeksi").first(),
            "goal": goals[0].pk,
            "description": "Lapset puheeksi -keskustelu päiväkodin kanssa arjen tuesta.",
            "follow_up": "Sovitaan seuraavat askeleet keskustelussa.",
            "responsible": PlanAction.Responsible.PROFESSIONAL,
            "responsible_user": sanna,
            "starts_on": clock.today + datetime.timedelta(days=7),
        },
        {
            "kind": PlanAction.Kind.APPOINTMENTS,
            "appointment_count": 6,
            "goal": goals[1].pk,
            "description": "Onnin tunnetaitotapaamiset perheneuvolassa.",
            "follow_up": "Psykologi kertoo edistymisestä arvioinnin päivityksessä.",
            "responsible": PlanAction.Responsible.PROFESSIONAL,
            "responsible_user": psychologist,
            "schedule": "Joka toinen viikko",
        },
        {
            "kind": PlanAction.Kind.SERVICE,
            "goal": goals[2].pk,
            "description": "Paula ja Ella käyvät perhekahvilan vauvaryhmässä.",
            "follow_up": "Paula kertoo omatyöntekijälle, miltä ryhmä tuntuu.",
            "responsible": PlanAction.Responsible.FAMILY,
            "responsible_note": "Paula",
            "schedule": "Tiistaisin klo 10–12",
        },
        {
            "kind": PlanAction.Kind.SERVICE,
            "goal": goals[1].pk,
            "description": "Onni ja isä käyvät seurakunnan isä–lapsi-kerhossa.",
            "follow_up": "Kerhon ohjaaja ja Janne kertovat kuulumiset arvioinnissa.",
            "responsible": PlanAction.Responsible.PROFESSIONAL,
            "responsible_user": parish,
            "schedule": "Lauantaisin",
        },
    ]
    if ngo_service:
        actions[2]["service"] = ngo_service[0]
    else:
        actions.pop(2)
    if parish_service:
        actions[-1]["service"] = parish_service[0]
    else:
        actions.pop()
    plan = planning.plan_save(
        actor=sanna,
        matter=matter,
        expected_version=plan.version,
        review_on=plan.review_on,
        goals=[{"id": g.pk, "text": g.text, "said_by": g.said_by} for g in goals],
        actions=actions,
    )
    plan = planning.plan_agree(
        actor=sanna, plan=plan, expected_version=plan.version, note="Sovittu kotikäynnillä."
    )
    first = plan.actions.filter(removed_at__isnull=True).order_by("order").first()
    if first is not None:
        planning.action_start(actor=sanna, action=first)

    appointments.appointment_book(
        actor=sanna,
        matter=matter,
        starts_at=clock.later_today(1),
        ends_at=clock.later_today(1) + datetime.timedelta(hours=1),
        booking=appointments.Booking(
            mode=Mode.HOME,
            participants=(sanna, nurse),
            contact_person=paula,
            note_for_family="Tulemme kahdestaan: omatyöntekijä Sanna ja terveydenhoitaja Niina.",
        ),
    )
    # A team member with the assessment and plan in scope does not book:
    # the responsible worker books the psychologist's appointment.
    appointments.appointment_book(
        actor=sanna,
        matter=matter,
        starts_at=clock.later_today(2),
        ends_at=clock.later_today(2) + datetime.timedelta(minutes=45),
        booking=appointments.Booking(
            mode=Mode.OFFICE,
            participants=(psychologist,),
            place="Perheneuvola, Kaislatie 1, huone 3",
            note_for_family="Onnin ensimmäinen tunnetaitotapaaminen.",
        ),
    )
    appointments.appointment_book(
        actor=sanna,
        matter=matter,
        starts_at=clock.next_working_day(14),
        ends_at=clock.next_working_day(14) + datetime.timedelta(minutes=30),
        booking=appointments.Booking(
            mode=Mode.VIDEO,
            participants=(sanna,),
            note_for_family="Lyhyt videotapaaminen: miten ensimmäinen viikko sujui?",
        ),
    )

    referral = referrals.referral_create(
        actor=sanna,
        matter=matter,
        kind=Kind.REFERRAL,
        sender_unit=_unit("family-social-work"),
        receiver_unit=_unit("ngo-family-cafe"),
        persons=[paula, onni],
        question="Voisivatko Paula ja lapset liittyä perhekahvilan vauva- ja leikkiryhmään?",
        sections=[Section.FAMILY],
    )
    referrals.referral_send(actor=sanna, referral=referral)
    referrals.referral_accept(actor=ngo, referral=referral, note="Tervetuloa tiistaina!")


# --- Lindholm: child welfare under a security prohibition -------------------------------


def _lindholm(users, clock: _Clock) -> None:
    sanna, psychologist = users["demo-social-worker"], users["demo-psychologist"]
    ot = users["demo-ot-specialist"]
    sara = Person.objects.get(first_names="Sara", last_name="Lindholm")
    family = Family.objects.get(memberships__person=sara)
    elias = Person.objects.get(first_names="Elias", last_name="Lindholm")
    wilma = Person.objects.get(first_names="Wilma", last_name="Lindholm")
    pending_at = clock.days_ago(40, 13)
    matter = casework.matter_open(
        actor=sanna,
        contact=None,
        family=family,
        unit=_unit("family-social-work"),
        service_task=ServiceTask.CHILD_WELFARE,
        special_support=True,
        urgent=False,
        pending_at=pending_at,
        responsible_worker=sanna,
        worker_reason="Lastensuojelun asiakkuus; pätevä sosiaalityöntekijä.",
    )
    casework.team_add(
        actor=sanna,
        matter=matter,
        user=psychologist,
        unit=_unit("family-counselling"),
        role_in_family="Psykologi, Eliaksen tuki",
        scope=TeamMember.Scope.ASSESSMENT_AND_PLAN,
        basis=TeamMember.Basis.RELATIONSHIP,
        at=pending_at + datetime.timedelta(days=1),
    )
    assessment = planning.assessment_start(
        actor=sanna, matter=matter, now=pending_at + datetime.timedelta(days=3)
    )
    for author, kind, text, extra in (
        (
            sanna,
            SectionKind.PROFESSIONAL,
            "Perhe on muuttanut turvakiellon vuoksi. Äiti tarvitsee tukea arjen rakentamiseen uudessa kunnassa.",
            {},
        ),
        (
            psychologist,
            SectionKind.PROFESSIONAL,
            "Elias on jännittynyt ja nukkuu huonosti; traumaperäisen oireilun arvio tarpeen.",
            {},
        ),
        (
            sanna,
            SectionKind.PARENTS,
            "Sara: haluan että lapset voivat olla turvassa ja käydä koulua rauhassa.",
            {},
        ),
        (
            sanna,
            SectionKind.CHILD,
            "Elias: koulussa on kivaa mutta illalla pelottaa.",
            {"child": elias, "child_age": 9, "gathered_how": "conversation", "own_words": True},
        ),
        (
            sanna,
            SectionKind.WORRIES,
            "Lasten turvallisuus, äidin jaksaminen, Eliaksen unihäiriöt.",
            {},
        ),
    ):
        planning.section_save(
            actor=author,
            assessment=assessment,
            kind=kind,
            text=text,
            expected_version=0,
            now=pending_at + datetime.timedelta(days=5),
            **extra,
        )
    for child in (elias, wilma):
        families.consent_give(
            actor=None,
            person=child,
            given_by=sara,
            family=family,
            purpose_task=ServiceTask.CHILD_WELFARE,
            purpose="Konsultaatio OT-keskuksen traumatyön asiantuntijalle",
            data=Consent.Data.SERVICE,
            recipient_organization=demo_organization("ot-centre"),
            recipient_unit=_unit("ot-centre"),
            valid_from=clock.today - datetime.timedelta(days=30),
            valid_until=clock.today + datetime.timedelta(days=180),
        )
    for child, finished in ((elias, True), (wilma, False)):
        consultation = referrals.referral_create(
            actor=sanna,
            matter=matter,
            kind=Kind.CONSULTATION,
            sender_unit=_unit("family-social-work"),
            receiver_unit=_unit("ot-centre"),
            persons=[child],
            question="Miten tukea lapsen turvallisuuden tunnetta kotona ja koulussa?",
            sections=[Section.FAMILY, Section.SUMMARY],
            summary="Perhe muutti turvakiellon vuoksi. Lapsella unihäiriöitä ja pelkoja iltaisin.",
        )
        referrals.referral_send(actor=sanna, referral=consultation)
        if finished:
            referrals.referral_accept(actor=ot, referral=consultation)
            referrals.referral_done(
                actor=ot,
                referral=consultation,
                summary="Konsultoitu: suositellaan traumatietoista työotetta ja unikoulua.",
            )
    appointments.appointment_book(
        actor=sanna,
        matter=matter,
        starts_at=clock.next_working_day(10),
        ends_at=clock.next_working_day(10) + datetime.timedelta(hours=1),
        booking=appointments.Booking(
            mode=Mode.VIDEO,
            participants=(sanna, psychologist),
            device_lent=True,
            device_note="Tabletti (perhekeskuksen laina)",
            device_return_by=clock.today + datetime.timedelta(days=60),
            note_for_family="Etävastaanotto kotoa; osoitetta ei tarvita.",
        ),
    )


# --- Nieminen: an overdue start, the mobile team and referrals in every state --------------


def _nieminen(users, clock: _Clock) -> None:
    tuomas, kuraattori = users["demo-social-worker-2"], users["demo-school-social-worker"]
    psychologist = users["demo-psychologist"]
    mikko = Person.objects.get(first_names="Mikko", last_name="Nieminen")
    aatu = Person.objects.get(first_names="Aatu", last_name="Nieminen")
    family = Family.objects.get(memberships__person=mikko)
    pending_on = clock.working_days_ago(10)
    matter = casework.matter_open(
        actor=tuomas,
        contact=None,
        family=family,
        unit=_unit("family-social-work"),
        service_task=ServiceTask.FAMILY_SOCIAL_WORK,
        special_support=True,
        urgent=False,
        pending_at=clock.at(pending_on, 12),
        responsible_worker=tuomas,
        worker_reason="Aatun koulunkäynnin tuki; erityisen tuen tarve.",
    )
    families.consent_give(
        actor=None,
        person=aatu,
        given_by=mikko,
        family=family,
        purpose_task=ServiceTask.STUDENT_WELFARE,
        purpose="Oppilashuollon yhteistyö Aatun koulunkäynnin tueksi",
        data=Consent.Data.SERVICE,
        recipient_organization=demo_organization("municipality-951"),
        recipient_unit=_unit("school-student-welfare"),
        valid_from=pending_on,
        valid_until=clock.today + datetime.timedelta(days=365),
    )
    casework.team_add(
        actor=tuomas,
        matter=matter,
        user=kuraattori,
        unit=_unit("school-student-welfare"),
        role_in_family="Koulukuraattori, Aatun koulunkäynti",
        scope=TeamMember.Scope.ASSESSMENT_AND_PLAN,
        basis=TeamMember.Basis.CONSENT,
        at=clock.at(pending_on, 15),
    )
    sender = _unit("family-social-work")
    mobile = referrals.referral_create(
        actor=tuomas,
        matter=matter,
        kind=Kind.MOBILE_TEAM,
        sender_unit=sender,
        receiver_unit=_unit("mobile-team"),
        persons=[aatu],
        question="Aatu ei ole käynyt koulussa kahteen viikkoon. Voisiko tiimi käydä kotona?",
        visit_person=aatu,
        team_composition=[TeamRole.SCHOOL_SOCIAL_WORKER, TeamRole.TEACHER],
    )
    referrals.referral_send(actor=tuomas, referral=mobile)
    consultation = referrals.referral_create(
        actor=tuomas,
        matter=matter,
        kind=Kind.CONSULTATION,
        sender_unit=sender,
        receiver_unit=_unit("school-student-welfare"),
        persons=[aatu],
        question="Millaista tukea koulu voi tarjota paluuseen? Onko oppimisen tuki arvioitu?",
        sections=[Section.FAMILY],
    )
    referrals.referral_send(actor=tuomas, referral=consultation)
    declined = referrals.referral_create(
        actor=tuomas,
        matter=matter,
        kind=Kind.REFERRAL,
        sender_unit=sender,
        receiver_unit=_unit("family-counselling"),
        persons=[aatu],
        question="Aatun jännittäminen ja koulupelko: perheneuvolan arvio?",
        sections=[Section.FAMILY],
    )
    referrals.referral_send(actor=tuomas, referral=declined)
    referrals.referral_decline(
        actor=psychologist,
        referral=declined,
        reason="Koulupelko kuuluu ensin oppilashuollolle; konsultoi kuraattoria.",
    )
    withdrawn = referrals.referral_create(
        actor=tuomas,
        matter=matter,
        kind=Kind.REFERRAL,
        sender_unit=sender,
        receiver_unit=_unit("child-health-clinic"),
        persons=[aatu],
        question="Terveystarkastus ennen koulun aloitusta.",
        sections=[Section.FAMILY],
    )
    referrals.referral_send(actor=tuomas, referral=withdrawn)
    referrals.referral_withdraw(
        actor=tuomas,
        referral=withdrawn,
        reason="Kouluterveydenhoitaja tekee tarkastuksen; lähetetty väärään yksikköön.",
    )
    referrals.referral_create(
        actor=tuomas,
        matter=matter,
        kind=Kind.CONSULTATION,
        sender_unit=sender,
        receiver_unit=_unit("ot-centre"),
        persons=[aatu],
        question="Luonnos: koulupudokkaan tuen hyvät käytännöt?",
    )
    appointments.appointment_book(
        actor=tuomas,
        matter=matter,
        starts_at=clock.later_today(2),
        ends_at=clock.later_today(2) + datetime.timedelta(minutes=45),
        booking=appointments.Booking(
            mode=Mode.OFFICE,
            participants=(kuraattori,),
            place="Kaislarannan koulu, kuraattorin huone",
            note_for_family="Aatu ja huoltaja: koulupäivien suunnittelu.",
        ),
    )
    appointments.appointment_book(
        actor=tuomas,
        matter=matter,
        starts_at=clock.later_today(3),
        ends_at=clock.later_today(3) + datetime.timedelta(minutes=30),
        booking=appointments.Booking(
            mode=Mode.PHONE,
            participants=(tuomas,),
            contact_person=mikko,
            note_for_family="Soitamme Mikolle.",
        ),
    )


# --- Korhonen: closed; Hämäläinen: opened today --------------------------------------------


def _korhonen(users, municipality, clock: _Clock) -> None:
    sanna, educator = users["demo-social-worker"], users["demo-early-educator"]
    johanna = _person("Johanna", "Korhonen", _born(clock, 31, 40), 915, street_address="Ruokotie 9")
    leevi = _person("Leevi", "Korhonen", _born(clock, 3, 100), 927, street_address="Ruokotie 9")
    family = _new_family("Korhonen", ((johanna, "parent"), (leevi, "child")), clock)
    received = clock.days_ago(70, 14)
    for person in (johanna, leevi):
        families.consent_give(
            actor=None,
            person=person,
            given_by=johanna,
            family=family,
            purpose_task=ServiceTask.EARLY_EDUCATION,
            purpose="Leevin varhaiskasvatus",
            data=Consent.Data.BASIC,
            recipient_organization=demo_organization("municipality-951"),
            recipient_unit=_unit("early-education"),
            valid_from=timezone.localdate(received) - datetime.timedelta(days=200),
        )
    families.consent_give(
        actor=None,
        person=johanna,
        given_by=johanna,
        family=family,
        purpose_task=ServiceTask.FAMILY_WORK,
        purpose="Päiväkodin yhteydenotto perhekeskukseen",
        data=Consent.Data.BASIC,
        recipient_organization=demo_organization("county"),
        recipient_unit=_unit("family-centre"),
        valid_from=timezone.localdate(received),
    )
    contact = casework.contact_submit_on_behalf(
        actor=educator,
        referrer_unit=_unit("early-education"),
        municipality=municipality,
        situation="Yksinhuoltajaäiti on uupunut; Leevi tulee päiväkotiin usein väsyneenä.",
        basis=Contact.Basis.CONSENT,
        person=johanna,
        contact_way=Contact.ContactWay.PHONE,
        life_situations=_terms("help-at-home"),
        child_age=3,
        name="Johanna Korhonen",
        phone="040 555 0301",
        received_at=received,
    )
    casework.contact_take(actor=sanna, contact=contact, at=received + datetime.timedelta(hours=20))
    casework.contact_link_family(actor=sanna, contact=contact, family=family)
    matter = casework.matter_open(
        actor=sanna,
        contact=contact,
        family=family,
        unit=_unit("family-social-work"),
        service_task=ServiceTask.FAMILY_WORK,
        special_support=False,
        urgent=False,
        responsible_worker=sanna,
        worker_reason="Perhetyön asiakkuus.",
    )
    casework.matter_close(
        actor=sanna,
        matter=matter,
        reason=Matter.ClosureReason.NEED_MET,
        summary="Kotipalvelu kuusi viikkoa; äidin jaksaminen parantunut, Leevi voi hyvin.",
    )


def _hamalainen(users, municipality, clock: _Clock) -> None:
    sanna = users["demo-social-worker"]
    minna = _person("Minna", "Hämäläinen", _born(clock, 27, 200), 941)
    aada = _person("Aada", "Hämäläinen", _born(clock, 2, 20), 952)
    family = _new_family("Hämäläinen", ((minna, "parent"), (aada, "child")), clock)
    received = clock.days_ago(0, 7, 50)
    contact = casework.contact_submit(
        actor=None,
        municipality=municipality,
        situation="Puoliso uhkaili eilen illalla. Olemme nyt ystävän luona Aadan kanssa.",
        contact_way=Contact.ContactWay.PHONE,
        life_situations=_terms("violence-and-crisis"),
        child_age=2,
        name="Minna Hämäläinen",
        phone="040 555 0401",
        received_at=received,
    )
    casework.contact_take(actor=sanna, contact=contact, at=received + datetime.timedelta(minutes=5))
    casework.contact_link_family(actor=sanna, contact=contact, family=family)
    casework.matter_open(
        actor=sanna,
        contact=contact,
        family=family,
        unit=_unit("family-social-work"),
        service_task=ServiceTask.FAMILY_SOCIAL_WORK,
        special_support=False,
        urgent=True,
        responsible_worker=sanna,
        worker_reason="Kiireellinen tilanne; päivystävä sosiaalityöntekijä.",
    )


def _video_service() -> None:
    county = demo_organization("county")
    if not appointments.active_video_service(county.pk):
        appointments.video_service_save(
            actor=None,
            organization=county,
            name="Järvi-Saimaan etävastaanotto",
            url_template="https://etavastaanotto.example.fi/huone/{room}",
        )


@transaction.atomic
def load_case_work() -> bool:
    """Create the demo's case work once; False when it exists already."""
    users = _users()
    lindholm = Family.objects.filter(memberships__person__last_name="Lindholm").first()
    if lindholm is None or "demo-social-worker-2" not in users:
        raise LookupError("Load the demo users and families first.")
    if Matter.objects.filter(family=lindholm).exists():
        return False
    clock = _Clock()
    municipality = Municipality.objects.get(code="951")
    _video_service()
    _contacts(users, municipality, clock)
    _perhe(users, municipality, clock)
    _lindholm(users, clock)
    _nieminen(users, clock)
    _korhonen(users, municipality, clock)
    _hamalainen(users, municipality, clock)
    services.raise_deadline_notices(today=clock.today)
    return True


def load_demo() -> None:
    """The catalogue's demo loader calls this last (desk is the last app)."""
    load_case_work()
