from urllib.parse import urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_from_path

register = template.Library()


def _swap_language_prefix(url: str, language_code: str) -> str:
    """Change the language prefix of a path that no URL pattern matches.

    Finnish, the default language, has no prefix (``/sv/…``, ``/en/…``, ``/…``).
    """
    parts = urlsplit(url)
    path = parts.path
    current = get_language_from_path(path)
    if current:
        path = path[len(current) + 1 :] or "/"
    if language_code != settings.LANGUAGE_CODE:
        path = f"/{language_code}{path}"
    return urlunsplit(("", "", path, parts.query, ""))


@register.simple_tag(takes_context=True)
def page_in_language(context, language_code: str) -> str:
    """The current page's address in another language, query string kept.

    Works on error pages too, whose address matches no URL pattern.
    """
    request = context.get("request")
    if request is None:
        return "/" if language_code == settings.LANGUAGE_CODE else f"/{language_code}/"
    full_path = request.get_full_path()
    translated = translate_url(full_path, language_code)
    if translated == full_path and language_code != get_language():
        return _swap_language_prefix(full_path, language_code)
    return translated


@register.simple_tag(takes_context=True)
def current_if(context, *url_names: str) -> str:
    """``aria-current="page"`` when the request resolved to one of the names."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name in url_names:
        return mark_safe('aria-current="page"')
    return ""
