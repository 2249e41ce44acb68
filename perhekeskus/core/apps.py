from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "perhekeskus.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from .cache import create_cache_table

        # Wherever the schema is made (the demo, a deployment, the tests' flush).
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="core-cache-table")
