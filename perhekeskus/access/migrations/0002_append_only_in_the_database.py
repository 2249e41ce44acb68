"""The database itself refuses to change or remove access log entries.

SQLite: BEFORE UPDATE and BEFORE DELETE triggers abort the statement.
PostgreSQL: the row trigger of ``audit/0002`` already refuses UPDATE and
DELETE; a statement trigger now refuses TRUNCATE too.

Only the table's owner (or a superuser) can drop or switch off a trigger;
what such a person does to the log shows against the signed checkpoints
(``perhekeskus.access.anchor``). The flush command, which empties a test
database, switches them off for its own transaction
(``access/management/commands/flush.py``).

SQLite rebuilds a table for most column changes, and the rebuilt table has
no triggers: a later migration that alters this table on SQLite must create
them again.
"""

from django.db import migrations

SQLITE_CREATE = [
    """
    CREATE TRIGGER audit_accesslogentry_no_update BEFORE UPDATE ON audit_accesslogentry
    BEGIN SELECT RAISE(ABORT, 'the access log is append-only: UPDATE refused'); END
    """,
    """
    CREATE TRIGGER audit_accesslogentry_no_delete BEFORE DELETE ON audit_accesslogentry
    BEGIN SELECT RAISE(ABORT, 'the access log is append-only: DELETE refused'); END
    """,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_accesslogentry_no_update",
    "DROP TRIGGER IF EXISTS audit_accesslogentry_no_delete",
]
# The function of audit/0002 raises for whatever operation fired it.
POSTGRESQL_CREATE = [
    """
    CREATE TRIGGER audit_accesslogentry_no_truncate
        BEFORE TRUNCATE ON audit_accesslogentry
        FOR EACH STATEMENT EXECUTE FUNCTION audit_accesslogentry_refuse_change()
    """,
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS audit_accesslogentry_no_truncate ON audit_accesslogentry",
]


def _run(statements):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("access", "0001_initial"), ("audit", "0005_access_log_to_access_layer")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
            elidable=False,
        )
    ]
