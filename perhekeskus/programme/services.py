"""Writing regions, change projects and change agents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import ChangeAgent, ChangeProject, Municipality, Region
from .regions_data import load_regions

PROJECT_FIELDS = (
    "region",
    "name",
    "starts_on",
    "ends_on",
    "contact_name",
    "contact_email",
    "funding_amount",
    "funding_source",
    "description",
)
AGENT_FIELDS = (
    "region",
    "project",
    "name",
    "title",
    "email",
    "phone",
    "starts_on",
    "ends_on",
    "funding_amount",
    "funding_source",
)


@transaction.atomic
def load_official_regions() -> tuple[int, int]:
    """Create or update the counties, Helsinki, the LAPE regions and all municipalities."""
    return load_regions(Region, Municipality)


@dataclass
class EditConflict(Exception):
    """Someone saved the record after it was opened; ``theirs`` is what they saved."""

    theirs: dict[str, Any]


def _check_dates(values: dict[str, Any]) -> None:
    if (
        values.get("ends_on")
        and values.get("starts_on")
        and values["ends_on"] < values["starts_on"]
    ):
        raise ValidationError({"ends_on": _("The end cannot be before the start.")})
    amount = values.get("funding_amount")
    if amount is not None and amount < 0:
        raise ValidationError({"funding_amount": _("Funding cannot be negative.")})


def _save(model, fields, *, record, values: dict[str, Any], version: int | None):
    _check_dates(values)
    if record is None:
        return model.objects.create(**{f: values.get(f) for f in fields if f in values})
    current = model.objects.select_for_update().get(pk=record.pk)
    if version is not None and current.version != version:
        raise EditConflict({f: getattr(current, f) for f in fields})
    for name in fields:
        if name in values:
            setattr(current, name, values[name])
    current.version += 1
    current.save()
    return current


@transaction.atomic
def project_save(
    *, values: dict[str, Any], project: ChangeProject | None = None, version: int | None = None
) -> ChangeProject:
    """Create a change project, or update one unless someone saved it after ``version``."""
    return _save(ChangeProject, PROJECT_FIELDS, record=project, values=values, version=version)


@transaction.atomic
def agent_save(
    *, values: dict[str, Any], agent: ChangeAgent | None = None, version: int | None = None
) -> ChangeAgent:
    """Create a change agent, or update one unless someone saved it after ``version``."""
    project = values.get("project")
    if project is not None and values.get("region") and project.region_id != values["region"].pk:
        raise ValidationError({"project": _("The project belongs to another region.")})
    return _save(ChangeAgent, AGENT_FIELDS, record=agent, values=values, version=version)
