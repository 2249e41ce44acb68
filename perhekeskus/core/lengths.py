"""The one rule for free text over its limit: counted the same everywhere,
refused with the same reason, never cut.

A form (perhekeskus.web.forms.LongTextField), a service and an API schema
all ask :func:`too_long`; the page's counter (perhekeskus.js) counts the
same way.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

TOO_LONG = _(
    "Your text is %(length)s characters long and the limit is %(limit)s "
    "characters. Please shorten it and send it again: everything you "
    "wrote is kept in the field below."
)
# The same reason where no form keeps the text (a service called directly, the API).
TOO_LONG_PLAIN = _(
    "The text is %(length)s characters long and the limit is %(limit)s characters: "
    "shorten it. Nothing was saved and nothing was cut."
)


def text_length(value: str | None) -> int:
    """Characters as the limit counts them (and as perhekeskus.js counts them):
    a line break is one character, surrounding blanks are not counted."""
    return len((value or "").replace("\r\n", "\n").strip())


def too_long(value: str | None, limit: int, *, plain: bool = False) -> ValidationError | None:
    """The refusal when ``value`` is over ``limit`` characters, else None."""
    length = text_length(value)
    if length <= limit:
        return None
    return ValidationError(
        TOO_LONG_PLAIN if plain else TOO_LONG,
        code="max_length",
        params={"length": length, "limit": limit},
    )


def require_fits(value: str | None, limit: int, *, field: str | None = None) -> None:
    """Raise the refusal (on ``field`` when given) when ``value`` is over ``limit``."""
    error = too_long(value, limit, plain=True)
    if error is not None:
        raise ValidationError({field: [error]}) if field else error


def schema_fits(value: str, limit: int) -> str:
    """For an API schema's validator: ``value``, or ``ValueError`` with the
    reason (the API answers 422 with it; nothing is cut)."""
    error = too_long(value, limit, plain=True)
    if error is not None:
        raise ValueError(str(error.message % error.params))
    return value
