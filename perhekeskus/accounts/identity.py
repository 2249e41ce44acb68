"""Claims from identity providers: the personal identity code and scrubbing.

Suomi.fi e-Identification (OpenID Connect) gives the Finnish personal
identity code as ``nationalIdentificationNumber``; other brokers use ``hetu``
or the SAML attribute's OID. The code is kept on the user (to link the person
in the families register) and removed from the claims allauth stores, so that
it exists in one place only.
"""

from __future__ import annotations

from perhekeskus.core import identity_code

IDENTITY_CODE_CLAIMS = ("nationalIdentificationNumber", "hetu", "urn:oid:1.2.246.21")


def claims_of(extra_data: dict | None) -> dict:
    """The claims of an OpenID Connect sign-in: userinfo, else the ID token."""
    data = extra_data or {}
    for key in ("userinfo", "id_token"):
        if isinstance(data.get(key), dict) and data[key]:
            return data[key]
    return data


def identity_code_from_claims(claims: dict) -> str | None:
    """The first valid identity code among the claims, normalised (upper case).

    Validated as the families register validates it, so a citizen is linked
    only by a code the register itself would accept.
    """
    for name in IDENTITY_CODE_CLAIMS:
        value = claims.get(name)
        if isinstance(value, str) and identity_code.is_valid(value):
            return identity_code.normalise(value)
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
