"""Validation against the official HSDS 3.0 compiled schemas.

The schemas are a copy inside the project (``schema/``, CC BY-SA 4.0), so the
product never reads anything outside itself at run time.
"""

from __future__ import annotations

import datetime
import json
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
RECORD_TYPES = ("service", "organization", "service_at_location")

format_checker = FormatChecker()
_url = URLValidator(schemes=["http", "https", "ftp", "ftps", "mailto", "tel"])


# jsonschema checks "uri" and "date-time" only with optional packages; these
# two checks keep validation strict without them.
@format_checker.checks("uri", raises=ValidationError)
def _is_uri(value) -> bool:
    if isinstance(value, str):
        _url(value)
    return True


@format_checker.checks("date-time", raises=ValueError)
def _is_date_time(value) -> bool:
    if isinstance(value, str):
        parsed = datetime.datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError("a date-time needs a time zone")
    return True


@cache
def schema(record_type: str) -> dict:
    if record_type not in RECORD_TYPES:
        raise ValueError(f"no compiled schema for {record_type!r}")
    with (SCHEMA_DIR / f"{record_type}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def validator(record_type: str) -> Draft202012Validator:
    return Draft202012Validator(schema(record_type), format_checker=format_checker)


def errors(record_type: str, record) -> list[str]:
    """Readable reasons why ``record`` is not valid, or an empty list."""
    found = []
    for error in sorted(validator(record_type).iter_errors(record), key=lambda e: list(e.path)):
        where = "/".join(str(part) for part in error.absolute_path) or "(record)"
        message = error.message if len(error.message) <= 300 else error.message[:297] + "…"
        found.append(f"{where}: {message}")
    return found
