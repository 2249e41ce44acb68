"""The default mapping of account classes to child categories (version 1)."""

from django.db import migrations

from perhekeskus.budget.defaults import create_default_mapping


def forwards(apps, schema_editor):
    create_default_mapping(
        apps.get_model("budget", "MappingVersion"), apps.get_model("budget", "MappingRow")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("budget", "0001_accounts_mapping_population"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
