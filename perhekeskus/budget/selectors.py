"""Reading the child budget: results per area and year under a mapping version.

Accounts are aggregate public-sector figures; nothing here is about a family.
The pages that show them need the capability to view statistics.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from perhekeskus.programme.models import Municipality, Region

from .calc import ChildBudget, Item, Rule, compute
from .models import AccountLine, AccountsImport, ChildPopulation, MappingRow, MappingVersion
from .services import current_mapping

__all__ = [
    "YearSpending",
    "child_spending",
    "comparison",
    "mapping_rules",
    "spending_areas",
]


@dataclass(frozen=True)
class YearSpending:
    """The child budget of one area in one year."""

    area_code: str
    year: int
    mapping_version: int
    accounts_total: Decimal  # every euro of the accounts read
    child_total: Decimal  # direct + indirect
    direct: Decimal  # child-specific classes
    indirect: Decimal  # child-related classes, apportioned by the share of child users
    preventive: Decimal  # service levels 1–3
    corrective: Decimal  # service levels 4–5
    preventive_share: Decimal | None  # % of child_total
    by_level: dict[int, Decimal]
    unmapped: dict[str, Decimal]  # classes missing from the mapping → euros (not counted)
    children: int | None  # aged 0–17 at the end of the year, when known
    per_child: Decimal | None  # child_total / children
    entities: tuple[str, ...]  # the organisers and municipalities whose accounts were read
    budget: ChildBudget


def mapping_rules(version: MappingVersion) -> dict[str, Rule]:
    return {
        row.class_key: Rule(row.category, row.child_share, row.service_level)
        for row in MappingRow.objects.filter(version=version)
    }


def _entities(area_code: str) -> list[str]:
    """The account holders of an area: an organiser with its municipalities, or one municipality."""
    region = Region.objects.filter(code=area_code).first()
    if region is None:
        return [area_code]
    if region.kind == Region.Kind.LAPE_REGION:
        return list(region.lape_municipalities.values_list("code", flat=True))
    return [region.code, *region.municipalities.values_list("code", flat=True)]


def _children(area_code: str, year: int, municipality_codes: list[str]) -> int | None:
    own = ChildPopulation.objects.filter(area_code=area_code, year=year).first()
    if own:
        return own.children
    if not municipality_codes:
        return None
    rows = ChildPopulation.objects.filter(area_code__in=municipality_codes, year=year)
    if rows.count() != len(municipality_codes):
        return None
    return sum(r.children for r in rows)


def child_spending(
    region_code: str, years: Iterable[int] | None = None, *, version: MappingVersion | None = None
) -> list[YearSpending]:
    """Child spending of an area per year, oldest first.

    ``region_code`` is an organiser's region code (``"hva-05"``, the demo
    county ``"demo-jarvi-saimaa"``), a LAPE region code or a municipality code
    (``"091"``). An organiser's figures include its municipalities' accounts
    (early education, schools and youth work stay with the municipalities).
    ``years``: the years wanted (None: every year with accounts). Years
    without accounts are left out. Computed with the mapping in force unless
    ``version`` is given; each result names its version.
    """
    version = version or current_mapping()
    rules = mapping_rules(version)
    entities = _entities(region_code)
    lines = AccountLine.objects.filter(entity_code__in=entities)
    if years is not None:
        lines = lines.filter(year__in=list(years))
    by_year: dict[int, list[AccountLine]] = defaultdict(list)
    for line in lines.order_by("year", "class_name"):
        by_year[line.year].append(line)
    municipality_codes = [c for c in entities if c != region_code and len(c) == 3 and c.isdigit()]
    result = []
    for year, year_lines in sorted(by_year.items()):
        budget = compute((Item(x.class_key, x.class_name, x.amount) for x in year_lines), rules)
        children = _children(region_code, year, municipality_codes)
        per_child = (budget.total / children).quantize(Decimal("1")) if children else None
        result.append(
            YearSpending(
                area_code=region_code,
                year=year,
                mapping_version=version.number,
                accounts_total=budget.accounts_total,
                child_total=budget.total,
                direct=budget.direct,
                indirect=budget.indirect,
                preventive=budget.preventive,
                corrective=budget.corrective,
                preventive_share=budget.preventive_share,
                by_level=dict(budget.by_level),
                unmapped=dict(budget.unmapped),
                children=children,
                per_child=per_child,
                entities=tuple(sorted({x.entity_code for x in year_lines})),
                budget=budget,
            )
        )
    return result


def spending_areas() -> list[tuple[str, str]]:
    """(code, name) of the organisers and municipalities that have accounts."""
    codes = set(AccountLine.objects.values_list("entity_code", flat=True).distinct())
    municipalities = {m.code: m for m in Municipality.objects.filter(code__in=codes)}
    organisers = {
        r.code: r
        for r in Region.objects.exclude(kind=Region.Kind.LAPE_REGION).filter(
            municipalities__code__in=codes
        )
    } | {r.code: r for r in Region.objects.filter(code__in=codes)}
    areas = [(code, region.name) for code, region in organisers.items()]
    areas += [(code, m.name) for code, m in municipalities.items()]
    return sorted(set(areas), key=lambda pair: pair[1])


def comparison(year: int, area_codes: Iterable[str]) -> list[YearSpending]:
    """The child budget of each area in one year (areas without accounts left out)."""
    version = current_mapping()
    rows = []
    for code in area_codes:
        found = child_spending(code, [year], version=version)
        if found:
            rows.append(found[0])
    return rows


def mapping_versions() -> QuerySet[MappingVersion]:
    return MappingVersion.objects.select_related("created_by")


def mapping_rows(version: MappingVersion) -> QuerySet[MappingRow]:
    return version.rows.order_by("category", "service_level", "class_name")


def accounts_imports() -> QuerySet[AccountsImport]:
    return AccountsImport.objects.select_related("imported_by")
