"""Claims from identity providers: the personal identity code and scrubbing.

Suomi.fi e-Identification (OpenID Connect) gives the Finnish personal
identity code as ``nationalIdentificationNumber``; other brokers use ``hetu``
or the SAML attribute's OID. The code is kept on the user (to link the person
in the families register) and removed from the claims allauth stores, so that
it exists in one place only.
"""

from __future__ import annotations

import re

IDENTITY_CODE_CLAIMS = ("nationalIdentificationNumber", "hetu", "urn:oid:1.2.246.21")

_HETU = re.compile(r"^(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Y])$")
_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def is_valid_identity_code(code: str) -> bool:
    """Format and check character of a Finnish personal identity code."""
    match = _HETU.match(code)
    if not match:
        return False
    birth, _century, individual, check = match.groups()
    return _CHECK_CHARS[int(birth + individual) % 31] == check


def claims_of(extra_data: dict | None) -> dict:
    """The claims of an OpenID Connect sign-in: userinfo, else the ID token."""
    data = extra_data or {}
    for key in ("userinfo", "id_token"):
        if isinstance(data.get(key), dict) and data[key]:
            return data[key]
    return data


def identity_code_from_claims(claims: dict) -> str | None:
    for name in IDENTITY_CODE_CLAIMS:
        value = claims.get(name)
        if isinstance(value, str) and is_valid_identity_code(value.strip().upper()):
            return value.strip().upper()
    return None


def scrub_identity_codes(extra_data: dict | None) -> dict | None:
    """The stored claims without any personal identity code."""
    if not isinstance(extra_data, dict):
        return extra_data
    cleaned = {k: v for k, v in extra_data.items() if k not in IDENTITY_CODE_CLAIMS}
    for key in ("userinfo", "id_token"):
        if isinstance(cleaned.get(key), dict):
            cleaned[key] = {k: v for k, v in cleaned[key].items() if k not in IDENTITY_CODE_CLAIMS}
    return cleaned
