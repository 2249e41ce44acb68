from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightConfig(AppConfig):
    name = "perhekeskus.insight"
    verbose_name = _("knowledge-based management")
