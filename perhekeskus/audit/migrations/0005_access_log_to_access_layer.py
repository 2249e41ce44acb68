"""The access log's models now belong to the access app (``access/0001``):
they leave the audit app's migration state only; their tables stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0004_bases_team_and_referral"),
        ("access", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="AccessLogEntry"),
                migrations.DeleteModel(name="ChainHead"),
            ],
            database_operations=[],
        )
    ]
