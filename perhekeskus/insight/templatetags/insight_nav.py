"""The header's link to the dashboards, for those who may view statistics."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.templatetags.account_nav import NavLink

register = template.Library()

DASHBOARDS = NavLink(
    "insight:home",
    _("Knowledge"),
    ("insight:home", "insight:compare", "insight:shift", "insight:definitions"),
)


@register.simple_tag(takes_context=True)
def insight_links(context) -> list[NavLink]:
    """The same check as the dashboards' policy, so the link never leads to a refusal."""
    actor = context.get("access_actor")  # perhekeskus.access.context_processors
    if actor is None or not actor.is_authenticated:
        return []
    return [DASHBOARDS] if actor.can(Capability.VIEW_STATISTICS) else []
