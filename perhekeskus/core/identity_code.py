"""Finnish personal identity codes (*henkilötunnus*).

A code is ``DDMMYYCZZZQ``: date of birth, a century sign, an individual
number and a check character. Since 2023 the century signs are ``+`` (1800s),
``-`` ``Y`` ``X`` ``W`` ``V`` ``U`` (1900s) and ``A`` ``B`` ``C`` ``D`` ``E``
``F`` (2000s); the signs of one century are interchangeable in meaning but
part of the code, so a code is stored exactly as issued (upper-cased).

The one validator of the project: the families register, the access layer and
the sign-in of citizens (accounts) all use it, so that a code accepted in one
place is accepted everywhere. Individual numbers 900–999 are temporary codes
and the published example codes; they are valid codes.
"""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURY_SIGNS: dict[str, int] = {
    "+": 1800,
    "-": 1900,
    "Y": 1900,
    "X": 1900,
    "W": 1900,
    "V": 1900,
    "U": 1900,
    "A": 2000,
    "B": 2000,
    "C": 2000,
    "D": 2000,
    "E": 2000,
    "F": 2000,
}
_PATTERN = re.compile(r"^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$")


def normalise(value: str) -> str:
    return (value or "").strip().upper()


def check_character(date_digits: str, individual: str) -> str:
    """The check character for the six date digits and the individual number."""
    return CHECK_CHARACTERS[int(date_digits + individual) % 31]


def parse(value: str) -> datetime.date:
    """Validate a code and return the date of birth it encodes.

    Raises :class:`ValidationError` with a message that says what is wrong.
    """
    code = normalise(value)
    match = _PATTERN.match(code)
    if not match:
        raise ValidationError(
            _("An identity code has the form DDMMYYCZZZQ, for example 131052-308T."),
            code="format",
        )
    day, month, year, sign, individual, check = match.groups()
    try:
        born = datetime.date(CENTURY_SIGNS[sign] + int(year), int(month), int(day))
    except ValueError:
        raise ValidationError(
            _("The identity code contains an impossible date of birth."), code="date"
        ) from None
    if int(individual) < 2:
        raise ValidationError(
            _("The individual number of an identity code is 002–999."), code="individual"
        )
    if check_character(day + month + year, individual) != check:
        raise ValidationError(
            _("The check character of the identity code does not match; check the code."),
            code="checksum",
        )
    return born


def is_valid(value: str) -> bool:
    try:
        parse(value)
    except ValidationError:
        return False
    return True


def validate_identity_code(value: str) -> None:
    """Django field validator."""
    parse(value)


def build(born: datetime.date, individual: int, sign: str | None = None) -> str:
    """The identity code for a date of birth and individual number.

    Used by the demo data and tests; ``sign`` defaults to the classic sign of
    the century (``+``, ``-`` or ``A``).
    """
    century = born.year - born.year % 100
    if sign is None:
        sign = {1800: "+", 1900: "-", 2000: "A"}[century]
    if CENTURY_SIGNS.get(sign) != century:
        raise ValueError(f"century sign {sign!r} does not denote {century}s")
    date_digits = born.strftime("%d%m") + f"{born.year % 100:02d}"
    number = f"{individual:03d}"
    return f"{date_digits}{sign}{number}{check_character(date_digits, number)}"
