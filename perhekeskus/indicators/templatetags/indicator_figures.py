from django import template
from django.utils import formats

register = template.Library()


@register.simple_tag
def figure(value, decimals=1):
    """A published figure in the page's language, with grouping; – when missing."""
    if value is None or value == "":
        return "–"
    return formats.number_format(
        value, decimal_pos=int(decimals), use_l10n=True, force_grouping=True
    )
