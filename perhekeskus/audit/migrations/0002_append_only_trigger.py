"""On PostgreSQL, refuse UPDATE and DELETE of access log entries.

The application has no path that changes the log; this makes the database
refuse it too, whoever connects. TRUNCATE is left to the owner (test
databases are emptied with it). SQLite has no equivalent that survives a
determined writer; there the hash chain shows any change (audit-verify).
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_accesslogentry_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the access log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_accesslogentry_append_only
    BEFORE UPDATE OR DELETE ON audit_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION audit_accesslogentry_refuse_change();
"""
DROP = """
DROP TRIGGER IF EXISTS audit_accesslogentry_append_only ON audit_accesslogentry;
DROP FUNCTION IF EXISTS audit_accesslogentry_refuse_change();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger, elidable=False)]
