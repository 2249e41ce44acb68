"""Child impact assessments (lapsivaikutusten arviointi) of matters being prepared.

An assessment starts with a screening; when the screening concludes that a
full assessment is needed, the steps used in Finland follow (see
:mod:`.steps`). What the preparer writes lives in ``content`` (one JSON
document, shaped by the step forms) and in the indicator links (foreign keys
to imported indicators, codes of operational ones). Every save appends an
:class:`AssessmentVersion` with a snapshot of both; sign-offs and
publications point to one version, which is then frozen for good.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.appendonly import AppendOnly
from perhekeskus.core.models import BaseModel


class Assessment(BaseModel):
    """One matter's child impact assessment, as it is being written.

    ``version`` (from :class:`BaseModel`) is the number of the latest saved
    :class:`AssessmentVersion`: a form carries the number it was opened at,
    and a save from an older number is refused.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        SIGNED = "signed", _("signed off")
        PUBLISHED = "published", _("published")

    title = models.CharField(_("matter being prepared"), max_length=300)
    decision_maker = models.CharField(_("decision-maker"), max_length=200)
    planned_decision_date = models.DateField(_("planned decision date"), null=True, blank=True)
    preparer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="impact_assessments",
        verbose_name=_("responsible preparer"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT, db_index=True
    )
    # The screening's conclusion, copied from ``content`` on every save so that
    # lists and the step pages can ask for it in SQL.
    full_assessment_needed = models.BooleanField(_("full assessment needed"), null=True, blank=True)
    content = models.JSONField(_("content"), default=dict, blank=True)
    follow_up_date = models.DateField(_("follow-up date"), null=True, blank=True, db_index=True)
    # The latest version signed off and the latest published (version numbers).
    signed_version = models.PositiveIntegerField(_("signed version"), null=True, blank=True)
    published_version = models.PositiveIntegerField(_("published version"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("child impact assessment")
        verbose_name_plural = _("child impact assessments")
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_version__isnull=True) | Q(published_at__isnull=False),
                name="impact_published_has_date",
            ),
            # Only a signed version is ever published.
            models.CheckConstraint(
                condition=Q(published_version__isnull=True)
                | Q(
                    signed_version__isnull=False, signed_version__gte=models.F("published_version")
                ),
                name="impact_published_was_signed",
            ),
            models.CheckConstraint(
                condition=~Q(state="signed") | Q(signed_version=models.F("version")),
                name="impact_signed_state_is_current_version",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.published_version is not None

    @property
    def editable(self) -> bool:
        return self.state == self.State.DRAFT


class IndicatorLink(BaseModel):
    """An indicator from the dashboards used as evidence and, when ``follow``
    is set, followed after the decision.

    Imported indicators (THL Sotkanet, statistical cubes) are rows of
    ``indicators.Indicator``; operational indicators are computed from the
    platform's events and named by their code in
    ``perhekeskus.insight.definitions``.
    """

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="indicator_links"
    )
    indicator = models.ForeignKey(
        "indicators.Indicator",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="impact_links",
        verbose_name=_("imported indicator"),
    )
    operational_code = models.CharField(_("operational indicator"), max_length=80, blank=True)
    note = models.TextField(_("what it tells about this matter"), blank=True)
    follow = models.BooleanField(_("follow after the decision"), default=False)

    class Meta:
        verbose_name = _("linked indicator")
        verbose_name_plural = _("linked indicators")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(indicator__isnull=False) & Q(operational_code=""))
                | (Q(indicator__isnull=True) & ~Q(operational_code="")),
                name="impact_link_one_kind",
            ),
            models.UniqueConstraint(
                fields=["assessment", "indicator"],
                condition=Q(indicator__isnull=False),
                name="impact_link_imported_once",
            ),
            models.UniqueConstraint(
                fields=["assessment", "operational_code"],
                condition=~Q(operational_code=""),
                name="impact_link_operational_once",
            ),
        ]

    def __str__(self) -> str:
        return self.operational_code or str(self.indicator)


class AssessmentVersion(AppendOnly):
    """One saved state of an assessment; never changed or deleted."""

    id = models.BigAutoField(primary_key=True)
    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    # The step (or screening) whose save made this version.
    step = models.CharField(_("saved part"), max_length=30)
    snapshot = models.JSONField(_("content"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        verbose_name = _("assessment version")
        verbose_name_plural = _("assessment versions")
        ordering = ["assessment", "number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "number"], name="impact_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id} v{self.number}"


class SignOff(AppendOnly):
    """A second official's confirmation of one version (the four-eyes rule)."""

    id = models.BigAutoField(primary_key=True)
    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="sign_offs")
    version = models.ForeignKey(
        AssessmentVersion, on_delete=models.PROTECT, related_name="sign_offs"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(_("signed"), auto_now_add=True)
    statement = models.TextField(_("statement"), blank=True)

    class Meta:
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")
        ordering = ["signed_at"]
        constraints = [
            models.UniqueConstraint(fields=["version"], name="impact_signoff_once_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.version} {self.signed_by}"


class Publication(AppendOnly):
    """One signed version made public (a web page and a PDF)."""

    id = models.BigAutoField(primary_key=True)
    assessment = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, related_name="publications"
    )
    version = models.ForeignKey(
        AssessmentVersion, on_delete=models.PROTECT, related_name="publications"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["published_at"]
        constraints = [models.UniqueConstraint(fields=["version"], name="impact_publication_once")]

    def __str__(self) -> str:
        return f"{self.version} {self.published_at:%Y-%m-%d}"


class Notice(models.Model):
    """A message in the tool for one official (the follow-up reminder)."""

    class Kind(models.TextChoices):
        FOLLOW_UP = "follow_up", _("follow-up due")

    id = models.BigAutoField(primary_key=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="impact_notices"
    )
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The follow-up date the notice is about: one notice per date, so a
    # reminder run twice (or by two workers) never repeats itself.
    due_on = models.DateField(_("due"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "kind", "due_on"], name="impact_notice_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.assessment}"
