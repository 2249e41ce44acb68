"""Writing the child budget's data: accounts, mapping versions, child population."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from perhekeskus.programme.models import Municipality, Region

from .accounts import AccountsRefused, read_accounts
from .defaults import class_key, create_default_mapping
from .models import (
    AccountLine,
    AccountsImport,
    Category,
    ChildPopulation,
    MappingRow,
    MappingVersion,
)

__all__ = [
    "AccountsRefused",
    "MappingConflict",
    "current_mapping",
    "import_accounts",
    "mapping_change",
    "population_from_indicator",
]


def entity_name(code: str) -> str | None:
    """The name of an organiser (region code) or municipality (code), None if unknown."""
    region = Region.objects.filter(code=code).exclude(kind=Region.Kind.LAPE_REGION).first()
    if region:
        return region.name
    municipality = Municipality.objects.filter(code=code).first()
    return municipality.name if municipality else None


@transaction.atomic
def current_mapping() -> MappingVersion:
    """The mapping in force (the default mapping is created when there is none)."""
    version = MappingVersion.objects.order_by("-number").first()
    return version or create_default_mapping(MappingVersion, MappingRow)


@dataclass
class AccountsSummary:
    accounts_import: AccountsImport
    replaced: int
    unknown_classes: list[tuple[str, Decimal]] = field(default_factory=list)
    mapping_version: int = 0


@transaction.atomic
def import_accounts(*, data: bytes, name: str, entity_code: str, actor=None) -> AccountsSummary:
    """Import an accounts file of one organiser or municipality, replacing its years.

    Classes missing from the mapping are imported and listed (the results show
    them as not classified); nothing is imported when any row is unreadable.
    """
    display_name = entity_name(entity_code)
    if display_name is None:
        raise AccountsRefused(
            [_("%(code)s is neither an organiser nor a municipality.") % {"code": entity_code}]
        )
    lines = read_accounts(data)
    mapping = current_mapping()
    known = set(mapping.rows.values_list("class_key", flat=True))
    unknown: dict[str, Decimal] = {}
    for line in lines:
        if line.class_key not in known:
            unknown[line.class_name] = unknown.get(line.class_name, Decimal(0)) + line.amount
    years = sorted({line.year for line in lines})
    replaced, _by_model = AccountLine.objects.filter(
        entity_code=entity_code, year__in=years
    ).delete()
    record = AccountsImport.objects.create(
        entity_code=entity_code,
        entity_name=display_name,
        file_name=name[:255],
        years=", ".join(map(str, years)),
        rows=len(lines),
        total=sum((line.amount for line in lines), Decimal(0)),
        unknown_classes=sorted(unknown),
        imported_by=actor if getattr(actor, "pk", None) else None,
    )
    AccountLine.objects.bulk_create(
        AccountLine(
            entity_code=entity_code,
            year=line.year,
            class_key=line.class_key,
            class_name=line.class_name[:200],
            amount=line.amount,
            source=record,
        )
        for line in lines
    )
    return AccountsSummary(record, replaced, sorted(unknown.items()), mapping.number)


@dataclass
class MappingConflict(Exception):
    """The mapping changed after the editor opened it; ``changes`` are the newer versions."""

    current: int
    changes: list[str]


def _validate(values: dict[str, Any]) -> None:
    category = values.get("category")
    errors = {}
    if category == Category.CHILD_RELATED:
        share = values.get("child_share")
        if share is None or not (0 <= share <= 1):
            errors["child_share"] = _("A child-related class needs a share from 0 to 1.")
    elif values.get("child_share") is not None:
        errors["child_share"] = _("Only a child-related class is apportioned by a share.")
    if category == Category.NOT_CHILDREN:
        if values.get("service_level"):
            errors["service_level"] = _("A class not spent on children has no service level.")
    elif not values.get("service_level"):
        errors["service_level"] = _("Choose the service level.")
    if not (values.get("class_name") or "").strip():
        errors["class_name"] = _("Give the account class.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def mapping_change(
    *,
    actor,
    base_version: int,
    values: dict[str, Any] | None = None,
    replaces: str | None = None,
    note: str = "",
) -> MappingVersion:
    """Make a new mapping version: add or change one row (``values``), or delete the
    row ``replaces`` when ``values`` is None. ``replaces`` is the class key of the
    row being edited. Refused when the mapping changed after ``base_version``.
    """
    current = (
        MappingVersion.objects.select_for_update().order_by("-number").first() or current_mapping()
    )
    if current.number != base_version:
        newer = MappingVersion.objects.filter(number__gt=base_version).order_by("number")
        raise MappingConflict(current.number, [f"{v.number}: {v.note}" for v in newer])
    rows = {row.class_key: row for row in current.rows.all()}
    if replaces is not None and replaces not in rows:
        raise ValidationError(_("The class is not in the mapping."))
    if values is not None:
        _validate(values)
        key = class_key(values["class_name"])
        if key in rows and key != replaces:
            raise ValidationError({"class_name": _("The mapping already has this class.")})
    version = MappingVersion.objects.create(
        number=current.number + 1,
        created_by=actor if getattr(actor, "pk", None) else None,
        note=note[:300],
    )
    new_rows = [
        MappingRow(
            version=version,
            class_key=row.class_key,
            class_name=row.class_name,
            category=row.category,
            child_share=row.child_share,
            share_basis=row.share_basis,
            service_level=row.service_level,
        )
        for key, row in rows.items()
        if key != replaces
    ]
    if values is not None:
        category = values["category"]
        new_rows.append(
            MappingRow(
                version=version,
                class_key=class_key(values["class_name"]),
                class_name=values["class_name"].strip(),
                category=category,
                child_share=values.get("child_share")
                if category == Category.CHILD_RELATED
                else None,
                share_basis=(values.get("share_basis") or "").strip(),
                service_level=values.get("service_level")
                if category != Category.NOT_CHILDREN
                else None,
            )
        )
    MappingRow.objects.bulk_create(new_rows)
    return version


@transaction.atomic
def population_from_indicator(*, indicator_code: str) -> int:
    """Fill the child population from an imported indicator of the number of children.

    Takes each observation's count (its absolute value, else its value);
    returns how many area-years were written.
    """
    from perhekeskus.indicators.selectors import series

    points = [p for p in series(indicator_code) if (p.abs_value or p.value) is not None]
    if not points:
        raise ValidationError(
            _("The indicator %(code)s has no figures.") % {"code": indicator_code}
        )
    for point in points:
        count = point.abs_value if point.abs_value is not None else point.value
        ChildPopulation.objects.update_or_create(
            area_code=point.area_code,
            year=point.year,
            defaults={"children": int(count), "source": f"indicator {indicator_code}"},
        )
    return len(points)
