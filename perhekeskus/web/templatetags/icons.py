"""Inline SVG icons.

Icons are drawn inline so they take the text colour (``currentColor``), need
no extra request and carry no inline style (the CSP forbids those). They are
decorative: the text beside an icon always says the same thing, so each icon
is hidden from assistive technology.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# Outline icons on a 24×24 grid, stroked with the current text colour.
ICONS: dict[str, str] = {
    "family": (
        '<circle cx="7" cy="5" r="2.5"/><circle cx="17" cy="5" r="2.5"/>'
        '<circle cx="12" cy="12" r="2"/>'
        '<path d="M4 21v-7a3 3 0 0 1 3-3h0a3 3 0 0 1 2.4 1.2M20 21v-7a3 3 0 0 0-3-3h0'
        'a3 3 0 0 0-2.4 1.2M9.5 21v-3a2.5 2.5 0 0 1 5 0v3"/>'
    ),
    "phone": (
        '<path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2'
        'A16 16 0 0 1 3 6a2 2 0 0 1 2-2"/>'
    ),
    "web": (
        '<circle cx="12" cy="12" r="9"/>'
        '<path d="M3.6 9h16.8M3.6 15h16.8M11.5 3a17 17 0 0 0 0 18M12.5 3a17 17 0 0 1 0 18"/>'
    ),
    "video": (
        '<path d="M15 10l4.55-2.28A1 1 0 0 1 21 8.62v6.76a1 1 0 0 1-1.45.9L15 14z"/>'
        '<rect x="3" y="6" width="12" height="12" rx="2"/>'
    ),
    "in_person": (
        '<circle cx="12" cy="11" r="3"/>'
        '<path d="M17.66 16.66L13.41 20.9a2 2 0 0 1-2.82 0l-4.25-4.24a8 8 0 1 1 11.32 0z"/>'
    ),
    "home_visit": (
        '<path d="M5 12H3l9-9 9 9h-2M5 12v7a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-7'
        'M9 21v-6a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v6"/>'
    ),
    "mobile_team": (
        '<circle cx="7" cy="17" r="2"/><circle cx="17" cy="17" r="2"/>'
        '<path d="M5 17H3v-6l2-5h9l4 5h1a2 2 0 0 1 2 2v4h-2M15 17H9M3 11h15M12 11V6"/>'
    ),
    "email": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>',
    "clock": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 3"/>',
    "search": '<circle cx="10" cy="10" r="7"/><path d="M21 21l-6-6"/>',
    "locate": (
        '<circle cx="12" cy="12" r="3"/><circle cx="12" cy="12" r="8"/>'
        '<path d="M12 1v3M12 20v3M1 12h3M20 12h3"/>'
    ),
    "check": '<path d="M5 12l5 5L20 7"/>',
    "person": '<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>',
    "language": '<path d="M4 21V8a3 3 0 0 1 3-3h10a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3H8l-4 4"/>',
    "euro": '<path d="M17.2 7a6 7 0 1 0 0 10M13 10H5M13 14H5"/>',
    "accessible": (
        '<circle cx="11" cy="4.5" r="1.5"/>'
        '<path d="M11 7v6h5l3 6M11 10h5M8 10.5a5.5 5.5 0 1 0 7.5 7.5"/>'
    ),
    "map": '<path d="M3 7l6-3 6 3 6-3v13l-6 3-6-3-6 3zM9 4v13M15 7v13"/>',
    "menu": '<path d="M4 6h16M4 12h16M4 18h16"/>',
    "arrow": '<path d="M5 12h14M13 18l6-6-6-6"/>',
    "info": '<circle cx="12" cy="12" r="9"/><path d="M12 8h.01M11 12h1v4h1"/>',
}


@register.simple_tag
def icon(name: str, css_class: str = "") -> str:
    """An inline SVG icon, hidden from assistive technology."""
    body = ICONS.get(name)
    if body is None:
        return ""
    return format_html(
        '<svg class="icon{}" viewBox="0 0 24 24" fill="none" stroke="currentColor" '
        'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" '
        'aria-hidden="true" focusable="false">{}</svg>',
        f" {css_class}" if css_class else "",
        mark_safe(body),  # noqa: S308 - constant markup defined above
    )
