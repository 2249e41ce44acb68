"""The default mapping (version 1): municipal and county function and service
classes, their child category, share rule and service level.

Service levels (DOMAIN.md §4): 1 everyday communities, 2 universal services,
3 targeted early support and consultation, 4 specialised treatment, 5 care
outside the home; 1–3 are preventive, 4–5 corrective. The shares of child
users of child-related classes are starting points to be replaced with the
organiser's own user statistics; each row says so in its basis.
"""

from __future__ import annotations

import re
from decimal import Decimal

DEFAULT_BASIS = "default estimate, replace with the organiser's user statistics"

# (class name, category, share of users aged 0–17, service level)
DEFAULT_ROWS: tuple[tuple[str, str, Decimal | None, int | None], ...] = (
    ("Lastensuojelun laitos- ja perhehoito", "child_specific", None, 5),
    ("Lastensuojelun avohuoltopalvelut", "child_specific", None, 4),
    ("Lasten- ja nuorisopsykiatria", "child_specific", None, 4),
    ("Muut lasten ja perheiden avopalvelut", "child_specific", None, 3),
    ("Perheneuvola", "child_specific", None, 3),
    ("Opiskeluhuolto", "child_specific", None, 3),
    ("Neuvolapalvelut", "child_specific", None, 2),
    ("Koulu- ja opiskeluterveydenhuolto", "child_specific", None, 2),
    ("Varhaiskasvatus", "child_specific", None, 2),
    ("Esiopetus", "child_specific", None, 2),
    ("Perusopetus", "child_specific", None, 2),
    ("Lukiokoulutus", "child_related", Decimal("0.85"), 2),
    ("Nuorisotoiminta", "child_related", Decimal("0.60"), 1),
    ("Liikunta ja ulkoilu", "child_related", Decimal("0.30"), 1),
    ("Kirjastotoimi", "child_related", Decimal("0.30"), 1),
    ("Muu kulttuuritoiminta", "child_related", Decimal("0.20"), 1),
    ("Terveyskeskuksen avosairaanhoito", "child_related", Decimal("0.17"), 2),
    ("Suun terveydenhuolto", "child_related", Decimal("0.25"), 2),
    ("Mielenterveys- ja päihdepalvelut", "child_related", Decimal("0.10"), 3),
    ("Vammaispalvelut", "child_related", Decimal("0.12"), 4),
    ("Erikoissairaanhoito", "child_related", Decimal("0.08"), 4),
    ("Ikääntyneiden palvelut", "not_children", None, None),
    ("Työikäisten sosiaalipalvelut", "not_children", None, None),
    ("Hallinto", "not_children", None, None),
)


def class_key(name: str) -> str:
    """The matching key of an account class: case, spacing and a leading number code ignored."""
    text = re.sub(r"\s+", " ", name.replace("\u00a0", " ")).strip().casefold()
    return re.sub(r"^\d[\d.]*\s+", "", text)


def create_default_mapping(version_model, row_model):
    """Version 1 with the default rows, unless a mapping exists (models passed for migrations)."""
    if version_model.objects.exists():
        return None
    version = version_model.objects.create(number=1, note="default mapping")
    row_model.objects.bulk_create(
        row_model(
            version=version,
            class_key=class_key(name),
            class_name=name,
            category=category,
            child_share=share,
            share_basis=DEFAULT_BASIS if share is not None else "",
            service_level=level,
        )
        for name, category, share, level in DEFAULT_ROWS
    )
    return version
