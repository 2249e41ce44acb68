"""Finnish personal identity codes: the validator lives in :mod:`perhekeskus.core.identity_code`.

Kept as the families' name for it (the register's models, forms and the
migrations refer to ``families.identity.validate_identity_code``).
"""

from perhekeskus.core.identity_code import (
    CENTURY_SIGNS,
    CHECK_CHARACTERS,
    build,
    check_character,
    is_valid,
    normalise,
    parse,
    validate_identity_code,
)

__all__ = [
    "CENTURY_SIGNS",
    "CHECK_CHARACTERS",
    "build",
    "check_character",
    "is_valid",
    "normalise",
    "parse",
    "validate_identity_code",
]
