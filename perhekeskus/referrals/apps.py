from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "perhekeskus.referrals"
    verbose_name = _("referrals and consultations")

    def ready(self):
        from perhekeskus.casework.panels import MATTER_PANELS

        from .panels import matter_referrals

        entry = ("referrals/_matter_panel.html", matter_referrals)
        if entry not in MATTER_PANELS:
            MATTER_PANELS.append(entry)
