"""Weekday forms of dates, written by the language of the page.

``{{ value|day:"weekday_date" }}`` gives "ti 8.12.2026", "tis 8.12.2026" or
"Tue 8 Dec 2026". Django's named formats (DATE_FORMAT, DATETIME_FORMAT, ...;
perhekeskus/core/formats) cover dates without a weekday; these cover the
forms with one. Weekday names stay lower case in Finnish and Swedish, as they
are inside a sentence, and capitalised in English.
"""

import datetime

from django import template
from django.utils import dateformat, timezone, translation

register = template.Library()

PATTERNS = {
    "fi": {
        "weekday_date": "D j.n.Y",
        "weekday_long_date": "l j.n.Y",
        "weekday_datetime": r"D j.n.Y \k\l\o G.i",
        "weekday_day_month": "D j.n.",
    },
    "sv": {
        "weekday_date": "D j.n.Y",
        "weekday_long_date": "l j.n.Y",
        "weekday_datetime": r"D j.n.Y \k\l. G.i",
        "weekday_day_month": "D j.n.",
    },
    "en": {
        "weekday_date": "D j M Y",
        "weekday_long_date": "l j M Y",
        "weekday_datetime": "D j M Y, H:i",
        "weekday_day_month": "D j M",
    },
}
LOWER_CASE_WEEKDAYS = {"fi", "sv"}


def format_day(value, form: str, language: str | None = None) -> str:
    """``value`` (a date or datetime) in the weekday ``form`` of ``language``."""
    if value in (None, ""):
        return ""
    language = (language or translation.get_language() or "fi").split("-")[0]
    patterns = PATTERNS.get(language, PATTERNS["fi"])
    if form not in patterns:
        raise ValueError(f"unknown weekday form {form!r}")
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    with translation.override(language):
        text = dateformat.format(value, patterns[form])
    if language in LOWER_CASE_WEEKDAYS:
        weekday, _, rest = text.partition(" ")
        text = f"{weekday.lower()} {rest}"
    return text


@register.filter
def day(value, form: str = "weekday_date") -> str:
    """Template filter: ``{{ x|day:"weekday_datetime" }}``."""
    return format_day(value, form)
