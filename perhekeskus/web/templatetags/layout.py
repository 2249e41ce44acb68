from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_in_language(context, language_code: str) -> str:
    """The current page's address in another language, query string kept."""
    request = context["request"]
    return translate_url(request.get_full_path(), language_code)
