"""Demo users of the fictional Järvi-Saimaa county, one per typical role.

The units belong to the demo region's organisations, which the catalogue's
demo loader creates first (it then calls :func:`load_demo`); units have stable UUIDs, so loading twice changes
nothing. Demo users get a password (the same as the user name) only in demo
mode; elsewhere their password is unusable and the demo sign-in page does not
exist.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalogue.demo.loader import stable_id
from perhekeskus.catalogue.models import Organization
from perhekeskus.programme.models import Municipality

from .models import Membership, ProtectedAddressGrant, Role, Unit, User

StrOrPromise = str | Promise

_NAMESPACE = uuid.UUID("6f1c2d64-8a0e-4d59-9d0e-3b7a4f1e2c10")

# A synthetic personal identity code: individual numbers 900–999 are never
# given to real people.
DEMO_PARENT_IDENTITY_CODE = "150385-9013"


@dataclass(frozen=True)
class DemoUnit:
    key: str
    organization: str  # key in perhekeskus.catalogue.demo.organizations
    kind: str
    name: tuple[str, str, str]
    municipality: str | None = "951"
    sector: str = ""
    # The unit this one is part of (the family centre's teams behind one door).
    parent: str | None = None


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    description: StrOrPromise
    kind: str = User.Kind.PROFESSIONAL
    role: str | None = None
    unit: str | None = None
    identity_code: str = ""
    protected_address_right: bool = False
    # Platform administrator (``is_superuser``): keeps the shared vocabularies.
    platform_admin: bool = False


DEMO_UNITS = (
    DemoUnit(
        "family-centre",
        "county",
        Unit.Kind.FAMILY_CENTRE,
        ("Kaislarannan perhekeskus", "Familjecentralen i Kaislaranta", "Kaislaranta Family Centre"),
    ),
    DemoUnit(
        "child-health-clinic",
        "county",
        Unit.Kind.CHILD_HEALTH_CLINIC,
        (
            "Kaislarannan lastenneuvola",
            "Barnrådgivningen i Kaislaranta",
            "Kaislaranta Child Health Clinic",
        ),
    ),
    DemoUnit(
        "family-social-work",
        "county",
        Unit.Kind.FAMILY_SOCIAL_WORK,
        (
            "Lapsiperheiden sosiaalityö",
            "Socialt arbete för barnfamiljer",
            "Social Work for Families with Children",
        ),
    ),
    DemoUnit(
        "family-counselling",
        "county",
        Unit.Kind.FAMILY_COUNSELLING,
        (
            "Järvi-Saimaan perheneuvola",
            "Familjerådgivningen i Järvi-Saimaa",
            "Järvi-Saimaa Family Counselling",
        ),
    ),
    DemoUnit(
        "county-administration",
        "county",
        Unit.Kind.ADMINISTRATION,
        ("Hyvinvointialueen hallinto", "Välfärdsområdets förvaltning", "County Administration"),
    ),
    DemoUnit(
        "school-student-welfare",
        "municipality-951",
        Unit.Kind.STUDENT_WELFARE,
        (
            "Kaislarannan koulujen opiskeluhuolto",
            "Elevhälsan i Kaislarantas skolor",
            "Student Welfare of Kaislaranta Schools",
        ),
    ),
    DemoUnit(
        "ngo-family-cafe",
        "ngo-arki",
        Unit.Kind.NGO_SERVICE,
        ("Perhekahvila Arki", "Familjecafé Arki", "Arki Family Café"),
    ),
)

DEMO_UNITS += (
    DemoUnit(
        "mobile-team",
        "county",
        Unit.Kind.FAMILY_WORK,
        (
            "Liikkuva perhetyön tiimi (TAHO)",
            "Mobila familjearbetsteamet (TAHO)",
            "Mobile Family Work Team (TAHO)",
        ),
        parent="family-centre",
    ),
    DemoUnit(
        "ot-centre",
        "ot-centre",
        Unit.Kind.OT_CENTRE,
        (
            "OT-keskuksen konsultaatiotiimi",
            "OT-centrets konsultationsteam",
            "OT-Centre Consultation Team",
        ),
        municipality=None,
    ),
    DemoUnit(
        "school",
        "municipality-951",
        Unit.Kind.SCHOOL,
        ("Kaislarannan koulu", "Kaislaranta skola", "Kaislaranta School"),
    ),
    DemoUnit(
        "early-education",
        "municipality-951",
        Unit.Kind.EARLY_EDUCATION,
        ("Päiväkoti Kaislanen", "Daghemmet Kaislanen", "Kaislanen Day-Care Centre"),
    ),
    DemoUnit(
        "parish-family-work",
        "parish-kaislaranta",
        Unit.Kind.PARISH_SERVICE,
        (
            "Kaislarannan seurakunnan perhetyö",
            "Kaislaranta församlings familjearbete",
            "Kaislaranta Parish Family Work",
        ),
    ),
)

# The family centre's own teams: contacts to the family centre are handled by
# the professionals of the units that are part of it.
FAMILY_CENTRE_TEAMS = ("child-health-clinic", "family-social-work", "family-counselling")

DEMO_USERS = (
    DemoUser(
        "demo-nurse",
        "Niina",
        "Neuvola",
        _("Public health nurse, child health clinic"),
        role=Role.PUBLIC_HEALTH_NURSE,
        unit="child-health-clinic",
    ),
    DemoUser(
        "demo-social-worker",
        "Sanna",
        "Sosiaali",
        _("Social worker (qualified), social work for families with children"),
        role=Role.SOCIAL_WORKER,
        unit="family-social-work",
        protected_address_right=True,
    ),
    DemoUser(
        "demo-psychologist",
        "Pekka",
        "Psykologi",
        _("Psychologist, family counselling clinic"),
        role=Role.PSYCHOLOGIST,
        unit="family-counselling",
    ),
    DemoUser(
        "demo-school-social-worker",
        "Kaisa",
        "Kuraattori",
        _("School social worker, student welfare of the municipality's schools"),
        role=Role.SCHOOL_SOCIAL_WORKER,
        unit="school-student-welfare",
    ),
    DemoUser(
        "demo-ngo-worker",
        "Jaana",
        "Järjestö",
        _("NGO worker, family café of an association"),
        role=Role.NGO_WORKER,
        unit="ngo-family-cafe",
    ),
    DemoUser(
        "demo-manager",
        "Maija",
        "Johtaja",
        _("Manager of the family centre (statistics, emergency access review)"),
        role=Role.MANAGER,
        unit="family-centre",
    ),
    DemoUser(
        "demo-preparer",
        "Outi",
        "Valmistelija",
        _("Preparing official of the county (child impact assessments)"),
        role=Role.PREPARING_OFFICIAL,
        unit="county-administration",
    ),
    DemoUser(
        "demo-analyst",
        "Aleksi",
        "Analyytikko",
        _("Analyst of the county (indicators, child budget)"),
        role=Role.ANALYST,
        unit="county-administration",
    ),
    DemoUser(
        "demo-catalogue-editor",
        "Kati",
        "Katalogi",
        _("Catalogue editor of the family centre (approves providers' service changes)"),
        role=Role.CATALOGUE_EDITOR,
        unit="family-centre",
    ),
    DemoUser(
        "demo-auditor",
        "Antti",
        "Auditoija",
        _("Auditor (access log, emergency access review)"),
        role=Role.AUDITOR,
        unit="county-administration",
    ),
    DemoUser(
        "demo-admin",
        "Ville",
        "Ylläpito",
        _("Administrator (users, units and roles)"),
        role=Role.ADMINISTRATOR,
        unit="county-administration",
    ),
    DemoUser(
        "demo-platform-admin",
        "Paula",
        "Alusta",
        _("Platform administrator (shared vocabularies; no client data, no users)"),
        platform_admin=True,
    ),
    DemoUser(
        "demo-social-worker-2",
        "Tuomas",
        "Turva",
        _("Social worker (qualified), social work for families with children"),
        role=Role.SOCIAL_WORKER,
        unit="family-social-work",
    ),
    DemoUser(
        "demo-family-worker",
        "Fanni",
        "Perhetyö",
        _("Family worker, the mobile team that visits families at home"),
        role=Role.FAMILY_WORKER,
        unit="mobile-team",
    ),
    DemoUser(
        "demo-ot-specialist",
        "Olli",
        "Osaaja",
        _("Psychologist, consultation team of the competence and support centre (OT-centre)"),
        role=Role.PSYCHOLOGIST,
        unit="ot-centre",
    ),
    DemoUser(
        "demo-teacher",
        "Tero",
        "Opettaja",
        _("Class teacher, a school of the municipality"),
        role=Role.TEACHER,
        unit="school",
    ),
    DemoUser(
        "demo-early-educator",
        "Eeva",
        "Varhainen",
        _("Early childhood education teacher, a day-care centre of the municipality"),
        role=Role.EARLY_EDUCATION_TEACHER,
        unit="early-education",
    ),
    DemoUser(
        "demo-parish-worker",
        "Pirjo",
        "Pappila",
        _("Parish family worker"),
        role=Role.PARISH_WORKER,
        unit="parish-family-work",
    ),
    DemoUser(
        "demo-parent",
        "Paula",
        "Perhe",
        _("Parent (citizen, as if signed in with Suomi.fi e-Identification)"),
        kind=User.Kind.CITIZEN,
        identity_code=DEMO_PARENT_IDENTITY_CODE,
    ),
)


def unit_id(key: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"unit:{key}")


def demo_organization(key: str) -> Organization:
    """The demo region's organisation, by the catalogue demo loader's stable id."""
    try:
        return Organization.objects.get(pk=stable_id("organization", key))
    except Organization.DoesNotExist:
        raise LookupError(
            f"The demo organisation {key!r} does not exist: load the demo region first."
        ) from None


@transaction.atomic
def create_demo_units() -> dict[str, Unit]:
    units = {}
    for spec in DEMO_UNITS:
        municipality = (
            Municipality.objects.filter(code=spec.municipality).first()
            if spec.municipality
            else None
        )
        fi, sv, en = spec.name
        parent = spec.parent or ("family-centre" if spec.key in FAMILY_CENTRE_TEAMS else None)
        unit, _created = Unit.objects.update_or_create(
            id=unit_id(spec.key),
            defaults={
                "parent": units[parent] if parent else None,
                "organization": demo_organization(spec.organization),
                "kind": spec.kind,
                "sector": spec.sector or Unit.DEFAULT_SECTORS[spec.kind],
                "name_fi": fi,
                "name_sv": sv,
                "name_en": en,
                "municipality": municipality,
                "is_active": True,
            },
        )
        units[spec.key] = unit
    return units


@transaction.atomic
def create_demo_users() -> list[User]:
    """Create (or refresh) the demo users, their units and memberships."""
    units = create_demo_units()
    users = []
    for spec in DEMO_USERS:
        user, _created = User.objects.update_or_create(
            username=spec.username,
            defaults={
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "kind": spec.kind,
                "identity_code": spec.identity_code,
                "is_demo": True,
                "is_active": True,
                "is_superuser": spec.platform_admin,
                "is_staff": spec.platform_admin,
            },
        )
        if settings.DEMO_MODE:
            user.set_password(spec.username)
        else:
            user.set_unusable_password()
        user.save(update_fields=["password"])
        if spec.role and spec.unit:
            membership, _created = Membership.objects.get_or_create(
                user=user,
                unit=units[spec.unit],
                role=spec.role,
                valid_until=None,
                defaults={"valid_from": user.date_joined.date()},
            )
            grants = ProtectedAddressGrant.objects.filter(membership=membership)
            if spec.protected_address_right and not grants.active().exists():
                ProtectedAddressGrant.objects.create(
                    membership=membership,
                    reason="Demo: the social worker's task includes families with a "
                    "security prohibition.",
                    valid_from=membership.valid_from,
                )
        users.append(user)
    return users


def load_demo() -> None:
    """The catalogue's demo loader calls this after the region exists."""
    create_demo_users()


def demo_sign_ins() -> list[tuple[str, StrOrPromise]]:
    """(user name, who they are) for the demo command to print; the descriptions
    are lazy, in the language active when they are printed."""
    return [(spec.username, spec.description) for spec in DEMO_USERS]
