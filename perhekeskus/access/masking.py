"""Security prohibition (turvakielto): the only place that reads an address.

Every output – HTML pages, the API, CSV exports, print views – takes a
person's contact details from :func:`contact_of`, which leaves out the
address and municipality of a person with a security prohibition unless the
actor has the specific right or is that person.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import rules
from .actor import Actor, as_actor


@dataclass(frozen=True)
class Contact:
    phone: str
    email: str
    street_address: str
    postal_code: str
    post_office: str
    municipality: str
    # True when the address and municipality were withheld.
    address_withheld: bool

    def as_dict(self) -> dict:
        return {
            "phone": self.phone,
            "email": self.email,
            "street_address": self.street_address,
            "postal_code": self.postal_code,
            "post_office": self.post_office,
            "municipality": self.municipality,
            "address_withheld": self.address_withheld,
        }


def may_see_protected_address(actor: Actor, person) -> bool:
    return actor.person_id == person.pk or actor.can(rules.PROTECTED_ADDRESS_CAPABILITY)


def contact_of(actor, person) -> Contact:
    actor = as_actor(actor)
    if person.security_prohibition and not may_see_protected_address(actor, person):
        return Contact(person.phone, person.email, "", "", "", "", True)
    municipality = person.municipality.name if person.municipality_id else ""
    return Contact(
        person.phone,
        person.email,
        person.street_address,
        person.postal_code,
        person.post_office,
        municipality,
        False,
    )


# Fields of Person that hold the address; history and exports mask these.
ADDRESS_FIELDS = frozenset({"street_address", "postal_code", "post_office", "municipality"})
