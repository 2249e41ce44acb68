"""Copy each assessment's start and completion days to its matter
(``Matter.assessment_started_on`` / ``_completed_on``), as
``Assessment.save()`` does from now on."""

from django.db import migrations
from django.utils import timezone


def _copy_days(apps, schema_editor):
    Assessment = apps.get_model("planning", "Assessment")
    Matter = apps.get_model("casework", "Matter")
    for started_at, completed_at, matter_id in Assessment.objects.values_list(
        "started_at", "completed_at", "matter_id"
    ).iterator():
        Matter.objects.filter(pk=matter_id).update(
            assessment_started_on=timezone.localdate(started_at),
            assessment_completed_on=timezone.localdate(completed_at) if completed_at else None,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0003_action_referral"),
        ("casework", "0002_caseload_deadline_and_answer_figures"),
    ]

    operations = [migrations.RunPython(_copy_days, migrations.RunPython.noop)]
