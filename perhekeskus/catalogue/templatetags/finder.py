"""Presentation helpers of the service finder's templates."""

from __future__ import annotations

import re

from django import template
from django.utils.translation import gettext as _

from perhekeskus.catalogue.models import Location, Service, ServiceChannel

register = template.Library()

# Icon names of web.templatetags.icons, per channel kind.
CHANNEL_ICONS = {
    ServiceChannel.Kind.IN_PERSON: "in_person",
    ServiceChannel.Kind.PHONE: "phone",
    ServiceChannel.Kind.WEB: "web",
    ServiceChannel.Kind.VIDEO: "video",
    ServiceChannel.Kind.HOME_VISIT: "home_visit",
    ServiceChannel.Kind.MOBILE_TEAM: "mobile_team",
}


@register.filter
def channel_icon(kind: str) -> str:
    return CHANNEL_ICONS.get(kind, "info")


@register.simple_tag(takes_context=True)
def page_url(context, page: int) -> str:
    """The current search's address on another result page."""
    params = context["request"].GET.copy()
    for name in ("page", "offset"):
        params.pop(name, None)
    if page > 1:
        params["page"] = str(page)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def as_query(querystring: str) -> str:
    """A query string ready to follow a path: always starting with ``?``."""
    querystring = querystring.lstrip("?")
    return f"?{querystring}" if querystring else "?"


@register.filter
def locations(service: Service) -> list[Location]:
    """The service's visiting addresses, each once."""
    found: dict = {}
    for channel in service.channels.all():
        if channel.location is not None:
            found.setdefault(channel.location.pk, channel.location)
    return list(found.values())


@register.filter
def age_range(service: Service) -> str:
    low, high = service.age_min, service.age_max
    if low is None and high is None:
        return ""
    if low is not None and high is not None:
        if low == high:
            return _("%(age)s years") % {"age": low}
        return _("%(low)s–%(high)s years") % {"low": low, "high": high}
    if low is not None:
        return _("from %(age)s years") % {"age": low}
    return _("up to %(age)s years") % {"age": high}


@register.filter
def osm_url(location: Location) -> str:
    """A plain link to the location on OpenStreetMap (no map is embedded)."""
    lat, lon = f"{location.latitude:.5f}", f"{location.longitude:.5f}"
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}"


@register.filter
def tel_href(phone: str) -> str:
    """A ``tel:`` address: digits and a leading plus only."""
    digits = re.sub(r"[^\d+]", "", phone)
    return f"tel:{digits}"


@register.filter
def corrected(text: str, corrections: dict[str, str]) -> str:
    """The search words with the typo corrections applied."""
    if not corrections:
        return text
    lowered = {k.casefold(): v for k, v in corrections.items()}
    return " ".join(lowered.get(word.casefold(), word) for word in text.split())
