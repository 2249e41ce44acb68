"""``flush`` that can empty the access log, which otherwise refuses it.

The database refuses to change or remove access log entries (triggers,
migrations ``audit/0002`` and ``access/0002``), so Django's ``flush`` — which
the test runner uses to empty the database after each transactional test —
would fail on the log's table. This command switches the log's triggers off
for its own transaction only, as the table's owner, and on again before the
transaction ends; if anything fails, the rollback leaves them as they were.

This is the one escape, and it is the command that erases *all* data. It is
no way around the log's protection in production: whoever can run it could
drop the triggers by hand, and a log emptied either way shows against the
signed checkpoints kept outside the database (``audit-verify``).
"""

from contextlib import contextmanager

from django.core.management.commands import flush
from django.db import connections, transaction

from perhekeskus.access.models import AccessLogEntry


@contextmanager
def _log_triggers_off(connection):
    table = AccessLogEntry._meta.db_table
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [table],
            )
            triggers = cursor.fetchall()
            for name, _sql in triggers:
                cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
            yield
            for _name, sql in triggers:
                cursor.execute(sql)
        elif connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {quoted} DISABLE TRIGGER USER")
            yield
            cursor.execute(f"ALTER TABLE {quoted} ENABLE TRIGGER USER")
        else:
            yield


class Command(flush.Command):
    def handle(self, **options):
        connection = connections[options["database"]]
        if options["interactive"]:
            # Asked before the log's table is locked, not while it waits.
            confirm = input(
                "You have requested a flush of the database.\n"
                "This will IRREVERSIBLY DESTROY all data currently in the "
                f'"{connection.settings_dict["NAME"]}" database, the access log included,\n'
                "and return each table to an empty state.\n"
                "Are you sure you want to do this?\n\n"
                "    Type 'yes' to continue, or 'no' to cancel: "
            )
            if confirm != "yes":
                self.stdout.write("Flush cancelled.")
                return
        with transaction.atomic(using=connection.alias), _log_triggers_off(connection):
            super().handle(**{**options, "interactive": False})
