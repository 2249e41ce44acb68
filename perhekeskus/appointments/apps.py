from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    name = "perhekeskus.appointments"
    verbose_name = _("appointments")

    def ready(self):
        from perhekeskus.casework.panels import MATTER_PANELS

        from .panels import PANEL

        if PANEL not in MATTER_PANELS:
            MATTER_PANELS.append(PANEL)
