"""Changes to catalogue services proposed by providers and approved by editors.

A provider never edits the live catalogue records: a change holds a JSON
snapshot of the whole service (see :mod:`.snapshot`), and every step of its
life appends a :class:`ServiceVersion`. Only publishing writes the live
records.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalogue.models import Organization, Service
from perhekeskus.core.models import BaseModel


class ServiceChange(BaseModel):
    """One proposed change of one service (or a new service)."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_REVIEW = "in_review", _("in review")
        PUBLISHED = "published", _("published")

    OPEN_STATES = (State.DRAFT, State.IN_REVIEW)

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="service_changes",
        verbose_name=_("organisation"),
    )
    # The live service's id; a new service is created with this id when published.
    service_key = models.UUIDField(_("service"), default=uuid.uuid4, db_index=True)
    is_new = models.BooleanField(_("new service"), default=False)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT, db_index=True
    )
    snapshot = models.JSONField(_("proposed content"))
    # The live service as it was when the draft started: publishing refuses
    # when the live record no longer matches it.
    base_snapshot = models.JSONField(_("live content when started"), null=True, blank=True)
    base_version = models.PositiveIntegerField(_("live version when started"), null=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("service change")
        verbose_name_plural = _("service changes")
        ordering = ["-updated_at"]
        constraints = [
            # One open change per service: two drafts would overwrite each other.
            models.UniqueConstraint(
                fields=["service_key"],
                condition=models.Q(state__in=["draft", "in_review"]),
                name="service_change_one_open",
            )
        ]

    def __str__(self) -> str:
        return str(self.snapshot.get("service", {}).get("name_fi") or self.service_key)

    @property
    def title(self) -> str:
        return self.__str__()

    @property
    def service(self) -> Service | None:
        return Service.objects.filter(pk=self.service_key).first()


class ServiceVersionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Service versions are append-only.")

    def delete(self):
        raise TypeError("Service versions are append-only.")


class ServiceVersion(models.Model):
    """One kept state of a service's content; never changed or deleted."""

    class Kind(models.TextChoices):
        LIVE = "live", _("live record")
        DRAFT = "draft", _("draft saved")
        SUBMITTED = "submitted", _("sent for review")
        REJECTED = "rejected", _("returned to the provider")
        PUBLISHED = "published", _("published")

    id = models.BigAutoField(primary_key=True)
    service_key = models.UUIDField(_("service"), db_index=True)
    change = models.ForeignKey(
        ServiceChange,
        on_delete=models.PROTECT,
        related_name="versions",
        null=True,
        blank=True,
        verbose_name=_("change"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    snapshot = models.JSONField(_("content"))
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ServiceVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("service version")
        verbose_name_plural = _("service versions")
        ordering = ["service_key", "id"]

    def __str__(self) -> str:
        return f"{self.service_key} #{self.pk}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Service versions are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Service versions are append-only.")


class LinkCheck(models.Model):
    """The result of checking one web address of a service (kept as history)."""

    id = models.BigAutoField(primary_key=True)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="link_checks", verbose_name=_("service")
    )
    url = models.URLField(_("web address"), max_length=500)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    ok = models.BooleanField(_("works"))
    error = models.CharField(_("error"), max_length=300, blank=True)
    elapsed_ms = models.PositiveIntegerField(_("response time (ms)"), null=True, blank=True)
    checked_at = models.DateTimeField(_("checked"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")
        ordering = ["-checked_at", "-id"]
        indexes = [models.Index(fields=["service", "url", "-checked_at"], name="linkcheck_latest")]

    def __str__(self) -> str:
        return f"{self.url} {self.status_code or self.error}"
