"""What of a record each new entry is about (``what``, compact JSON).

The column is nullable and has no default, so both databases add it in place
(SQLite with ``ALTER TABLE … ADD COLUMN``, no rebuild of the table): the
append-only triggers of ``access/0002`` stay. They are created again on
SQLite all the same (``IF NOT EXISTS``), in case a rebuild ever happens here.
Older entries keep NULL and verify as before (``chain.EXTENDED_FIELDS``).
"""

from django.db import migrations, models



def _sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from importlib import import_module

    earlier = import_module("perhekeskus.access.migrations.0002_append_only_in_the_database")
    for sql in earlier.SQLITE_CREATE:
        schema_editor.execute(
            sql.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1), params=None
        )


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0003_log_basis_responsible"),
    ]

    operations = [
        migrations.AddField(
            model_name="accesslogentry",
            name="what",
            field=models.CharField(
                blank=True, max_length=500, null=True, verbose_name="what in detail"
            ),
        ),
        migrations.RunPython(_sqlite_triggers, migrations.RunPython.noop, elidable=False),
    ]
