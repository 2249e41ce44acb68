"""The header's links to where a signed-in user may go, by role."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.utils.translation import gettext_lazy as _

from perhekeskus.accounts.capabilities import Capability

register = template.Library()


@dataclass(frozen=True)
class NavLink:
    url_name: str
    label: str
    # URL names under which the link is the current page's section.
    current_for: tuple[str, ...]


MY_FAMILIES = NavLink(
    "families:list",
    _("My families"),
    (
        "families:list",
        "families:detail",
        "families:print",
        "families:new_client",
        "families:special_access",
        "families:consent_new",
        "families:disclosure",
    ),
)
MY_DATA = NavLink("audit:my_data", _("My data"), ("audit:my_data",))
ACCESS_LOG = NavLink("audit:log_search", _("Access log"), ("audit:log_search",))
EMERGENCY_REVIEWS = NavLink("audit:reviews", _("Emergency access reviews"), ("audit:reviews",))
OUR_SERVICES = NavLink(
    "cataloguedit:our_services",
    _("Our services"),
    (
        "cataloguedit:our_services",
        "cataloguedit:start_new",
        "cataloguedit:start_edit",
        "cataloguedit:edit",
        "cataloguedit:submit",
        "cataloguedit:rebase",
    ),
)
IMPACT_ASSESSMENTS = NavLink(
    "impact:list",
    _("Child impact assessments"),
    (
        "impact:list",
        "impact:new",
        "impact:detail",
        "impact:screening",
        "impact:step",
        "impact:history",
    ),
)
CATALOGUE_WORKLIST = NavLink(
    "cataloguedit:worklist",
    _("Catalogue worklist"),
    ("cataloguedit:worklist", "cataloguedit:review", "cataloguedit:history"),
)
ADMINISTRATION = NavLink(
    "administration:home",
    _("Administration"),
    (
        "administration:home",
        "administration:unit",
        "administration:unit_new",
        "administration:unit_edit",
        "administration:unit_deactivate",
        "administration:unit_reactivate",
        "administration:people",
        "administration:person",
        "administration:person_new",
        "administration:person_edit",
        "administration:person_deactivate",
        "administration:person_reactivate",
        "administration:person_reset_second_factor",
        "administration:person_password_reset",
        "administration:person_delete",
        "administration:membership_new",
        "administration:membership_edit",
        "administration:membership_end",
        "administration:grant_new",
        "administration:grant_revoke",
    ),
)
VOCABULARIES = NavLink("platform_admin:index", _("Vocabularies"), ("platform_admin:index",))


@register.simple_tag(takes_context=True)
def account_links(context) -> list[NavLink]:
    """The sections the signed-in user's roles open, in a fixed order.

    The same checks as the pages' policies (:mod:`perhekeskus.access.policies`),
    so a link never leads to a refusal.
    """
    actor = context.get("access_actor")  # perhekeskus.access.context_processors
    if actor is None or not actor.is_authenticated:
        return []
    links = []
    if actor.is_professional and actor.can(Capability.CLIENT_WORK):
        links.append(MY_FAMILIES)
    if actor.is_citizen:
        links.append(MY_DATA)
    if actor.can(Capability.VIEW_ACCESS_LOG):
        links.append(ACCESS_LOG)
    if actor.can(Capability.REVIEW_EMERGENCY_ACCESS):
        links.append(EMERGENCY_REVIEWS)
    if actor.can(Capability.EDIT_OWN_ORGANISATION_SERVICES):
        links.append(OUR_SERVICES)
    if actor.can(Capability.EDIT_CATALOGUE):
        links.append(CATALOGUE_WORKLIST)
    if actor.can(Capability.PREPARE_DECISIONS):
        links.append(IMPACT_ASSESSMENTS)
    if actor.can(Capability.ADMINISTER_USERS):
        links.append(ADMINISTRATION)
    if actor.can(Capability.ADMINISTER_PLATFORM):
        links.append(VOCABULARIES)
    return links


@register.simple_tag(takes_context=True)
def current_section(context, link: NavLink) -> str:
    """``page`` when the current page is the link itself, ``true`` when it is
    inside the link's section, else empty (for ``aria-current``)."""
    match = getattr(context.get("request"), "resolver_match", None)
    if match is None:
        return ""
    if match.view_name == link.url_name:
        return "page"
    return "true" if match.view_name in link.current_for else ""
