"""Notices on the work views: deadlines raised to the people who must act.

A notice names a matter, never a family: the unit's managers get the same
notice as the responsible worker, and a manager sees no client data. The
worker follows the link to the matter, where the access layer decides.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.models import BaseModel


class Notice(BaseModel):
    class Kind(models.TextChoices):
        START_DUE = "assessment_start_due", _("The assessment must start soon")
        START_OVERDUE = "assessment_start_overdue", _("The assessment's start is overdue")
        COMPLETE_DUE = "assessment_complete_due", _("The assessment must be completed soon")
        COMPLETE_OVERDUE = (
            "assessment_complete_overdue",
            _("The assessment's completion is overdue"),
        )

    OVERDUE_KINDS = (Kind.START_OVERDUE, Kind.COMPLETE_OVERDUE)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notices",
        verbose_name=_("for"),
    )
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    matter = models.ForeignKey(
        "casework.Matter",
        on_delete=models.PROTECT,
        related_name="notices",
        verbose_name=_("matter"),
    )
    due_on = models.DateField(_("due"))
    # Why this person got it: the matter's responsible worker or a manager of its unit.
    as_manager = models.BooleanField(_("as a manager"), default=False)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["due_on", "created_at"]
        constraints = [
            # Raising the same deadline twice gives nobody a second notice.
            models.UniqueConstraint(
                fields=["user", "matter", "kind", "due_on"], name="notice_once"
            ),
        ]
        indexes = [
            models.Index(
                fields=["user", "due_on"], condition=Q(read_at__isnull=True), name="notice_unread"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.due_on:%Y-%m-%d}"

    @property
    def is_overdue(self) -> bool:
        return self.kind in self.OVERDUE_KINDS
