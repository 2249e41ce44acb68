"""The header's links to the work views, shown by what the user may open."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.templatetags.account_nav import NavLink

register = template.Library()

DESK = NavLink("desk:home", _("My desk"), ("desk:home",))
MANAGER = NavLink("desk:manager", _("Units' situation"), ("desk:manager",))
FAMILY = NavLink("desk:family", _("Our family"), ("desk:family",))


@register.simple_tag(takes_context=True)
def desk_links(context) -> list[NavLink]:
    """The same checks as the views' policies, so a link never leads to a refusal."""
    actor = context.get("access_actor")  # perhekeskus.access.context_processors
    if actor is None or not actor.is_authenticated:
        return []
    links = []
    if actor.is_professional and actor.can(Capability.CLIENT_WORK):
        links.append(DESK)
    if actor.can(Capability.SUPERVISE_CASEWORK):
        links.append(MANAGER)
    if actor.is_citizen:
        links.append(FAMILY)
    return links


@register.filter
def percent(value) -> str:
    """A share 0…1 as a whole percent ("–" when there is nothing to share)."""
    if value is None:
        return "–"
    return f"{round(value * 100)} %"
