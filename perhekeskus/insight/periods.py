"""Periods of the statistics: months, quarters or years in Finnish time.

The database sorts each event into its period by comparing its time with the
periods' boundaries (a ``CASE`` over a few dozen instants), which PostgreSQL
and SQLite evaluate the same way and much faster than truncating every
timestamp in the local time zone row by row.
"""

from __future__ import annotations

import bisect
import datetime
import zoneinfo
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.db.models import Case, IntegerField, Value, When
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class Grain(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


GRAIN_LABELS = {Grain.MONTH: _("month"), Grain.QUARTER: _("quarter"), Grain.YEAR: _("year")}
_MONTHS = {Grain.MONTH: 1, Grain.QUARTER: 3, Grain.YEAR: 12}
# The mark of a period not over yet.
IN_PROGRESS = "*"


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # exclusive
    grain: Grain
    # The current period, not over yet: its figures are still growing.
    in_progress: bool = False

    @property
    def key(self) -> str:
        if self.grain == Grain.YEAR:
            return f"{self.start.year}"
        if self.grain == Grain.QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start:%Y-%m}"

    @property
    def label(self) -> str:
        if self.grain == Grain.MONTH:
            text = formats.date_format(self.start, "YEAR_MONTH_FORMAT")
        elif self.grain == Grain.QUARTER:
            text = f"{(self.start.month - 1) // 3 + 1}/{self.start.year}"
        else:
            text = str(self.start.year)
        return f"{text} {IN_PROGRESS}" if self.in_progress else text

    @property
    def short_label(self) -> str:
        if self.grain == Grain.MONTH:
            text = f"{self.start.month}/{self.start.year % 100:02d}"
            return f"{text}{IN_PROGRESS}" if self.in_progress else text
        return self.label


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def period_start(day: datetime.date, grain: Grain) -> datetime.date:
    month = day.month - (day.month - 1) % _MONTHS[grain]
    return datetime.date(day.year, month, 1)


def periods_between(first: datetime.date, last: datetime.date, grain: Grain) -> list[Period]:
    """The periods from the one containing ``first`` to the one containing ``last``."""
    start = period_start(first, grain)
    result = []
    while start <= last:
        end = _add_months(start, _MONTHS[grain])
        result.append(Period(start, end, grain))
        start = end
    return result


def last_periods(today: datetime.date, grain: Grain, count: int) -> list[Period]:
    """The ``count`` periods up to and including the current one."""
    current = period_start(today, grain)
    first = _add_months(current, -_MONTHS[grain] * (count - 1))
    periods = periods_between(first, today, grain)
    last = periods[-1]
    periods[-1] = Period(last.start, last.end, grain, in_progress=True)
    return periods


def local_midnight(day: datetime.date) -> datetime.datetime:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime(day.year, day.month, day.day, tzinfo=zone)


def bounds(periods: list[Period]) -> tuple[datetime.datetime, datetime.datetime]:
    return local_midnight(periods[0].start), local_midnight(periods[-1].end)


def period_index(periods: list[Period], field: str = "occurred_at") -> Case:
    """An SQL expression: the index of the period a row's ``field`` falls in.

    Rows must already be limited to :func:`bounds`.
    """
    whens = [
        When(**{f"{field}__lt": local_midnight(period.end)}, then=Value(index))
        for index, period in enumerate(periods[:-1])
    ]
    return Case(*whens, default=Value(len(periods) - 1), output_field=IntegerField())


def locator(periods: list[Period]):
    """A function giving the index of the period containing a moment, or None
    (the same rule as :func:`period_index`, in Python)."""
    ends = [local_midnight(period.end) for period in periods]
    start = local_midnight(periods[0].start)

    def locate(moment: datetime.datetime) -> int | None:
        if moment < start or moment >= ends[-1]:
            return None
        return bisect.bisect_right(ends, moment)

    return locate
