"""Events: what happened in case work, without saying to whom.

Append-only facts for indicators. The family appears only as a keyed
pseudonym (see :func:`perhekeskus.events.services.pseudonym`), so the
knowledge layer can count distinct families without being able to name one.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    id = models.BigAutoField(primary_key=True)
    type = models.CharField(_("type"), max_length=40)
    occurred_at = models.DateTimeField(_("occurred"))
    unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
    )
    municipality = models.ForeignKey(
        "programme.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    # The service task of the matter the event belongs to (families.ServiceTask).
    service_task = models.CharField(_("service task"), max_length=30, blank=True)
    family_pseudonym = models.CharField(_("family pseudonym"), max_length=32, blank=True)
    attrs = models.JSONField(_("attributes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["occurred_at", "id"]
        indexes = [
            models.Index(fields=["type", "occurred_at"], name="event_type_time"),
            models.Index(fields=["municipality", "occurred_at"], name="event_municipality_time"),
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.occurred_at:%Y-%m-%d %H:%M}"
