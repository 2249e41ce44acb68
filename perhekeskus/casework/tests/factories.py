"""Factories and the case-work world built on the families' test world.

The world adds to :func:`perhekeskus.families.tests.world.build_world`:

- a municipality with the county's family centre (its neighbour in the same
  county has none, so its contacts go to the same centre);
- a social counsellor at the family centre; the family social work unit is
  part of the centre, so its social worker handles the centre's contacts too;
- a school of the municipality (another organisation, education sector) with
  a teacher;
- two life situations and a service of the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

import factory

from perhekeskus.accounts.models import Role, Unit
from perhekeskus.accounts.tests.factories import UnitFactory
from perhekeskus.casework import services
from perhekeskus.casework.models import Contact
from perhekeskus.catalogue.models import Organization, TaxonomyTerm
from perhekeskus.catalogue.tests.factories import (
    MunicipalityFactory,
    OrganizationFactory,
    RegionFactory,
    ServiceFactory,
    TaxonomyTermFactory,
)
from perhekeskus.core.tests.fakes import fake
from perhekeskus.families.tests.world import World, build_world, professional
from perhekeskus.programme.models import Municipality


@dataclass
class CaseWorld:
    base: World
    municipality: Municipality
    neighbour: Municipality
    centre: Unit
    school: Unit
    counsellor: object
    teacher: object
    worries: list[TaxonomyTerm]
    service: object

    def __getattr__(self, name):
        return getattr(self.base, name)


def build_case_world() -> CaseWorld:
    base = build_world()
    region = RegionFactory(code="test-county")
    municipality = MunicipalityFactory(code="901", name_fi="Kaislaranta", region=region)
    neighbour = MunicipalityFactory(code="902", name_fi="Naapurila", region=region)
    centre = UnitFactory(
        organization=base.county,
        kind=Unit.Kind.FAMILY_CENTRE,
        municipality=municipality,
        name_fi="Kaislarannan perhekeskus",
        name_sv="Familjecentralen i Kaislaranta",
        name_en="Kaislaranta Family Centre",
    )
    base.social_work.parent = centre
    base.social_work.save()
    city = OrganizationFactory(kind=Organization.Kind.MUNICIPALITY, name="Kaislarannan kaupunki")
    school = UnitFactory(organization=city, kind=Unit.Kind.SCHOOL, municipality=municipality)
    worries = [
        TaxonomyTermFactory(code="parenting", name_en="Parenting", name_fi="Vanhemmuus"),
        TaxonomyTermFactory(code="school", name_en="School worries", name_fi="Koulu"),
    ]
    service = ServiceFactory(organization=base.ngo, life_situations=worries, areas=[municipality])
    return CaseWorld(
        base=base,
        municipality=municipality,
        neighbour=neighbour,
        centre=centre,
        school=school,
        counsellor=professional("ohjaaja", centre, Role.SOCIAL_COUNSELLOR),
        teacher=professional("opettaja", school, Role.TEACHER),
        worries=worries,
        service=service,
    )


class ContactDataFactory(factory.DictFactory):
    """What a family types into the ask-for-help form (Finnish and Swedish names)."""

    situation = factory.Faker("paragraph", locale="fi_FI")
    contact_way = Contact.ContactWay.PHONE
    name = fake("name", "sv_SE")
    phone = "040 123 4567"
    email = ""
    child_age = 7
    preferred_language = "fi"


def submit_contact(case: CaseWorld, *, actor=None, **overrides) -> Contact:
    """A family's contact to the world's family centre, through the service."""
    data = ContactDataFactory(**overrides)
    data.setdefault("municipality", case.municipality)
    data.setdefault("life_situations", case.worries[:1])
    return services.contact_submit(actor=actor, **data)
