"""Reading regions, municipalities, change projects and agents.

Regions and municipalities are public reference data. Change projects and
agents name people in their work role; the pages showing them need the
capability to view statistics (see views).
"""

from __future__ import annotations

from django.db.models import Count, QuerySet

from .models import ChangeAgent, ChangeProject, Municipality, Region


def organisers() -> QuerySet[Region]:
    """The wellbeing services counties and Helsinki (and the demo county)."""
    return Region.objects.exclude(kind=Region.Kind.LAPE_REGION).annotate(
        municipality_count=Count("municipalities")
    )


def lape_regions() -> QuerySet[Region]:
    return Region.objects.filter(kind=Region.Kind.LAPE_REGION).annotate(
        municipality_count=Count("lape_municipalities")
    )


def region_by_code(code: str) -> Region | None:
    return Region.objects.filter(code=code).first()


def municipalities_of(region: Region) -> QuerySet[Municipality]:
    if region.kind == Region.Kind.LAPE_REGION:
        return region.lape_municipalities.order_by("name")
    return region.municipalities.order_by("name")


def change_projects() -> QuerySet[ChangeProject]:
    return ChangeProject.objects.select_related("region")


def change_agents() -> QuerySet[ChangeAgent]:
    return ChangeAgent.objects.select_related("region", "project")
