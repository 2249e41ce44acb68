"""The access log becomes the access layer's: the models move from the audit
app in the migration state only. Their tables keep their names
(``audit_accesslogentry``, ``audit_chainhead``) and their rows; nothing is
created, copied or dropped in the database. Content types move with them, so
permissions given on the log keep their meaning.
"""

from django.db import migrations, models

MOVED = ("accesslogentry", "chainhead")


def move_content_types(apps, schema_editor, source="audit", target="access"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    present = set(
        ContentType.objects.using(db)
        .filter(app_label=target, model__in=MOVED)
        .values_list("model", flat=True)
    )
    ContentType.objects.using(db).filter(app_label=source, model__in=MOVED).exclude(
        model__in=present
    ).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="access", target="audit")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('audit', '0004_bases_team_and_referral'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ChainHead',
                    fields=[
                        ('id', models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False)),
                        ('seq', models.BigIntegerField(default=0)),
                        ('hash', models.CharField(max_length=64)),
                    ],
                    options={
                        'verbose_name': 'chain head',
                        'db_table': 'audit_chainhead',
                    },
                ),
                migrations.CreateModel(
                    name='AccessLogEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('seq', models.BigIntegerField(unique=True, verbose_name='sequence number')),
                        ('occurred_at', models.DateTimeField(db_index=True, verbose_name='time')),
                        ('actor_id', models.UUIDField(blank=True, null=True, verbose_name='user id')),
                        ('actor_name', models.CharField(blank=True, max_length=300, verbose_name='user')),
                        ('role', models.CharField(blank=True, max_length=200, verbose_name='role')),
                        ('unit', models.CharField(blank=True, max_length=300, verbose_name='unit')),
                        ('organization_id', models.UUIDField(blank=True, null=True, verbose_name='organisation id')),
                        ('subject_family_id', models.UUIDField(blank=True, null=True, verbose_name='family id')),
                        ('subject_person_id', models.UUIDField(blank=True, null=True, verbose_name='person id')),
                        ('action', models.CharField(choices=[('read', 'read'), ('list', 'listed'), ('search', 'searched'), ('export', 'exported or printed'), ('disclose', 'disclosed'), ('disclosure_check', 'checked whether disclosure is allowed'), ('grant', 'opened special access'), ('review', 'reviewed emergency access'), ('write', 'changed'), ('denied', 'was refused access')], max_length=20, verbose_name='action')),
                        ('target', models.CharField(blank=True, max_length=300, verbose_name='what')),
                        ('basis', models.CharField(blank=True, choices=[('relationship', 'client relationship'), ('team', "member of the family's team"), ('referral', 'request received (referral or consultation)'), ('consent', 'consent'), ('statutory', 'statutory right'), ('emergency', 'emergency access'), ('own', 'own data'), ('guardian', 'guardian of the child'), ('audit', 'supervision of the log'), ('', 'no basis')], max_length=20, verbose_name='basis')),
                        ('basis_detail', models.CharField(blank=True, max_length=500, verbose_name='basis in detail')),
                        ('reason', models.TextField(blank=True, verbose_name='reason given')),
                        ('recipient_organization_id', models.UUIDField(blank=True, null=True, verbose_name='recipient id')),
                        ('recipient', models.CharField(blank=True, max_length=300, verbose_name='recipient')),
                        ('allowed', models.BooleanField(verbose_name='allowed')),
                        ('hidden_from_guardians', models.BooleanField(default=False, verbose_name='hidden from guardians')),
                        ('ip_address', models.CharField(blank=True, max_length=45, verbose_name='address')),
                        ('channel', models.CharField(blank=True, max_length=10, verbose_name='channel')),
                        ('prev_hash', models.CharField(max_length=64, verbose_name='previous hash')),
                        ('hash', models.CharField(max_length=64, verbose_name='hash')),
                    ],
                    options={
                        'verbose_name': 'access log entry',
                        'verbose_name_plural': 'access log entries',
                        'db_table': 'audit_accesslogentry',
                        'ordering': ['seq'],
                        'indexes': [models.Index(fields=['subject_family_id', 'occurred_at'], name='audit_family_time'), models.Index(fields=['subject_person_id', 'occurred_at'], name='audit_person_time'), models.Index(fields=['actor_id', 'occurred_at'], name='audit_actor_time')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back, elidable=False),
    ]
