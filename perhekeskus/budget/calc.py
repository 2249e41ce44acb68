"""The child budget of a set of account lines under one mapping (pure, no database).

Each line's child euros: child-specific classes count in full, child-related
classes by their share of users aged 0–17 (rounded to the cent per line, so
every total below is the exact sum of its lines), classes mapped as not for
children count zero, and classes missing from the mapping are listed apart,
never dropped silently. Levels 1–3 are preventive, 4–5 corrective.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal

from .models import CORRECTIVE_LEVELS, PREVENTIVE_LEVELS

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Rule:
    """A mapping row as the calculation needs it."""

    category: str  # child_specific / child_related / not_children
    share: Decimal | None
    level: int | None


@dataclass(frozen=True)
class Item:
    class_key: str
    class_name: str
    amount: Decimal


@dataclass(frozen=True)
class Detail:
    class_name: str
    amount: Decimal
    category: str | None  # None: not in the mapping
    share: Decimal | None
    level: int | None
    child_amount: Decimal


@dataclass
class ChildBudget:
    accounts_total: Decimal = ZERO
    mapped_total: Decimal = ZERO  # euros of the classes found in the mapping
    direct: Decimal = ZERO  # child-specific
    indirect: Decimal = ZERO  # child-related, apportioned
    by_level: dict[int, Decimal] = field(default_factory=lambda: {n: ZERO for n in range(1, 6)})
    unmapped: dict[str, Decimal] = field(default_factory=dict)  # class name → euros
    details: list[Detail] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return self.direct + self.indirect

    @property
    def preventive(self) -> Decimal:
        return sum((self.by_level[n] for n in PREVENTIVE_LEVELS), ZERO)

    @property
    def corrective(self) -> Decimal:
        return sum((self.by_level[n] for n in CORRECTIVE_LEVELS), ZERO)

    @property
    def unmapped_total(self) -> Decimal:
        return sum(self.unmapped.values(), ZERO)

    @property
    def preventive_share(self) -> Decimal | None:
        """Preventive euros as a percentage of child euros (None when there are none)."""
        if not self.total:
            return None
        return (self.preventive / self.total * 100).quantize(Decimal("0.1"))


def child_euros(amount: Decimal, rule: Rule) -> Decimal:
    if rule.category == "child_specific":
        return amount.quantize(CENT)
    if rule.category == "child_related":
        return (amount * (rule.share or ZERO)).quantize(CENT, rounding=ROUND_HALF_EVEN)
    return ZERO


def compute(items: Iterable[Item], mapping: dict[str, Rule]) -> ChildBudget:
    result = ChildBudget()
    for item in items:
        result.accounts_total += item.amount
        rule = mapping.get(item.class_key)
        if rule is None:
            result.unmapped[item.class_name] = (
                result.unmapped.get(item.class_name, ZERO) + item.amount
            )
            result.details.append(Detail(item.class_name, item.amount, None, None, None, ZERO))
            continue
        result.mapped_total += item.amount
        euros = child_euros(item.amount, rule)
        if rule.category == "child_specific":
            result.direct += euros
        elif rule.category == "child_related":
            result.indirect += euros
        if rule.category != "not_children" and rule.level:
            result.by_level[rule.level] += euros
        result.details.append(
            Detail(item.class_name, item.amount, rule.category, rule.share, rule.level, euros)
        )
    return result
