from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "perhekeskus.planning"
    verbose_name = _("assessments and plans")

    def ready(self):
        from perhekeskus.casework.panels import MATTER_PANELS

        from .panels import matter_panel

        entry = ("planning/_matter_panel.html", matter_panel)
        if entry not in MATTER_PANELS:
            MATTER_PANELS.append(entry)
