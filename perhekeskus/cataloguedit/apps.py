from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueEditConfig(AppConfig):
    name = "perhekeskus.cataloguedit"
    label = "cataloguedit"
    verbose_name = _("catalogue editing")
