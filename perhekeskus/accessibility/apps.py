from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class AccessibilityConfig(AppConfig):
    name = "perhekeskus.accessibility"
    label = "accessibility"
    verbose_name = pgettext_lazy("of digital services", "Accessibility")
