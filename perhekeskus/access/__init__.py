"""The access layer: the one place that decides who may see whose data.

Views and APIs reach client data only through these functions; each read
and disclosure appends to the access log in the same transaction. See
``docs/access-layer.md``.
"""

from .actor import ANONYMOUS, Actor, actor_for, as_actor
from .core import (
    RESPONSIBLE,
    TEAM,
    Decision,
    NotFound,
    access_family,
    families_visible_to,
    family_decision,
    family_visible,
    log_listing,
    log_persons_shown,
    persons_visible_to,
)
from .disclosure import DisclosureAnswer, may_disclose
from .grants import open_special_access
from .masking import Contact, contact_of

__all__ = [
    "ANONYMOUS",
    "Actor",
    "Contact",
    "Decision",
    "DisclosureAnswer",
    "NotFound",
    "RESPONSIBLE",
    "TEAM",
    "access_family",
    "actor_for",
    "as_actor",
    "contact_of",
    "families_visible_to",
    "family_decision",
    "family_visible",
    "log_listing",
    "log_persons_shown",
    "may_disclose",
    "open_special_access",
    "persons_visible_to",
]
