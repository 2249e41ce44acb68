"""Date expressions computed by the database itself.

On SQLite Django computes a datetime's date with a Python function called
once per row, which makes an aggregate over a county's matters slow. Here
SQLite uses its own ``date(…, 'localtime')`` (the process time zone is the
project's: Django sets it from ``TIME_ZONE``), PostgreSQL its native one.
"""

from __future__ import annotations

from django.db.models import DateField, Func
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
