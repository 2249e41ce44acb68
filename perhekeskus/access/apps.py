from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    """The access layer as an app: it owns the access log and its chain."""

    name = "perhekeskus.access"
    label = "access"
    verbose_name = _("Access layer")

    def ready(self):
        from . import checks  # noqa: F401 – registers the deployment checks
