"""Feedback on the service's accessibility (Act 306/2019 §15–16)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.models import BaseModel

MAX_DESCRIPTION = 4000
MAX_REPLY = 4000
MAX_PAGE = 500


class Feedback(BaseModel):
    """One piece of feedback, anonymous unless an e-mail address is given."""

    description = models.TextField(_("description"))
    page = models.CharField(_("page address"), max_length=MAX_PAGE, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(_("language"), max_length=5, blank=True)
    received_at = models.DateTimeField(_("received"))
    answer_due_by = models.DateField(_("answer due by"))
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    reply_note = models.TextField(_("reply"), blank=True)

    class Meta:
        ordering = ["handled_at", "received_at"]
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")

    def __str__(self) -> str:
        return str(_("Accessibility feedback"))

    @property
    def handled(self) -> bool:
        return self.handled_at is not None
