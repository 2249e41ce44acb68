"""The auditor's records: reviews of emergency access.

The access log itself (entries and the chain head) belongs to the access
layer: :mod:`perhekeskus.access.models`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmergencyReview(models.Model):
    """An auditor's review of one emergency access (the grant stays as logged)."""

    grant_id = models.UUIDField(_("access id"), unique=True)
    reviewer_id = models.UUIDField(_("reviewer id"))
    reviewer_name = models.CharField(_("reviewer"), max_length=300)
    reviewed_at = models.DateTimeField(_("reviewed"))
    note = models.TextField(_("note"))
    justified = models.BooleanField(_("justified"))

    class Meta:
        verbose_name = _("review of emergency access")
        verbose_name_plural = _("reviews of emergency access")
        ordering = ["-reviewed_at"]

    def __str__(self) -> str:
        return f"{self.grant_id} – {self.reviewer_name}"
