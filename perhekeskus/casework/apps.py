from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "perhekeskus.casework"
    verbose_name = _("case work")

    def ready(self):
        # Case work tells the access layer what of its work opens a family.
        from . import access

        access.register()
