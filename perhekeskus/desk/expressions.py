"""Date and duration expressions computed by the database itself.

On SQLite Django computes a datetime's date or the difference of two
datetimes with Python functions called once per row, which makes an
aggregate over a county's contacts slow. Here SQLite uses its own
``date(…, 'localtime')`` and ``julianday`` (the process time zone is the
project's: Django sets it from ``TIME_ZONE``), PostgreSQL its native ones.
"""

from __future__ import annotations

from django.db.models import DateField, F, FloatField, Func
from django.utils import timezone


class LocalDate(Func):
    """The local calendar day of a moment."""

    output_field = DateField()
    arity = 1

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="date(%(expressions)s, 'localtime')")

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(({sql}) AT TIME ZONE %s)::date", (*params, timezone.get_current_timezone_name())


class HoursBetween(Func):
    """Hours from the moment ``start`` to the moment ``end``."""

    output_field = FloatField()
    arity = 2

    def __init__(self, end, start, **extra):
        super().__init__(F(end), F(start), **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="((julianday(%(expressions)s)) * 24.0)",
            arg_joiner=") - julianday(",
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="(EXTRACT(EPOCH FROM (%(expressions)s)) / 3600.0)",
            arg_joiner=" - ",
        )
