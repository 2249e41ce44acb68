"""A counted textarea written by hand in a template (one per row of a list).

``{% long_text "reason" id="reason-" suffix=a.pk limit=4000 rows=2 %}`` renders the same
widget as :class:`perhekeskus.web.forms.LongTextField`: no ``maxlength``, a
visible counter tied to the textarea.
"""

from django import template

from perhekeskus.web.forms import CountedTextarea

register = template.Library()


@register.simple_tag
def long_text(name: str, *, id: str, limit: int, suffix="", rows: int = 3, value: str = ""):
    return CountedTextarea(limit=int(limit), attrs={"rows": rows}).render(
        name, value, attrs={"id": f"{id}{suffix}"}
    )
