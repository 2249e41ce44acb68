from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "perhekeskus.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.db.models import fields

        from .cache import create_cache_table

        # The empty choice of a select: Django's own label has no Finnish or
        # Swedish translation; this one is in the project's catalogues.
        fields.BLANK_CHOICE_LABEL = _("– Select –")

        # Wherever the schema is made (the demo, a deployment, the tests' flush).
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="core-cache-table")
