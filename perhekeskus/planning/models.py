"""The service-need assessment (SHL §36) and the family's one plan (SHL §39).

Only ``services.py`` writes these models. What was written is never lost:
every save of an assessment section appends an
:class:`AssessmentSectionVersion`, every save of the plan a
:class:`PlanVersion`, every co-signature an :class:`AssessmentSignature`.
Those rows are append-only (:class:`perhekeskus.core.appendonly.AppendOnly`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.casework.models import Matter
from perhekeskus.core.appendonly import AppendOnly
from perhekeskus.core.models import BaseModel

# --- Service-need assessment ---------------------------------------------------


class Assessment(BaseModel):
    """One service-need assessment per matter, written by the team together.

    ``revision`` counts every saved change of any section; a co-signature
    holds for the revision it was given on (``signed_revision``), so any later
    change needs a new signature before the assessment can be completed.
    """

    class State(models.TextChoices):
        IN_PROGRESS = "in_progress", _("in progress")
        COMPLETED = "completed", _("completed")

    matter = models.OneToOneField(
        "casework.Matter",
        on_delete=models.PROTECT,
        related_name="assessment",
        verbose_name=_("matter"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started"))
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("started by"),
    )
    late_start_reason = models.TextField(_("reason for the late start"), blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("completed by"),
    )
    late_completion_reason = models.TextField(_("reason for the late completion"), blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=0)
    signed_revision = models.PositiveIntegerField(_("signed revision"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("co-signed by"),
    )
    signed_at = models.DateTimeField(_("co-signed"), null=True, blank=True)

    class Meta:
        verbose_name = _("service-need assessment")
        verbose_name_plural = _("service-need assessments")
        constraints = [
            models.CheckConstraint(
                condition=Q(state="in_progress") | Q(completed_at__isnull=False),
                name="assessment_completed_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.matter_id}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.copy_days_to_matter()

    def copy_days_to_matter(self) -> None:
        """Copy the start and completion days to the matter (Matter.assessment_*_on)."""
        started, completed = self.days()
        Matter.objects.filter(pk=self.matter_id).update(
            assessment_started_on=started, assessment_completed_on=completed
        )
        if "matter" in self._state.fields_cache:  # the instance the caller holds, too
            self.matter.assessment_started_on = started
            self.matter.assessment_completed_on = completed

    def days(self) -> tuple:
        """The local days the assessment started and was completed (or None)."""
        return (
            timezone.localdate(self.started_at) if self.started_at else None,
            timezone.localdate(self.completed_at) if self.completed_at else None,
        )

    @property
    def is_signed(self) -> bool:
        """The co-signature covers the assessment as it is now."""
        return self.signed_revision is not None and self.signed_revision == self.revision


class SectionKind(models.TextChoices):
    PROFESSIONAL = "professional", _("a professional's assessment")
    PARENTS = "parents", _("the parents' own view")
    CHILD = "child", _("the child's own view")
    STRENGTHS = "strengths", _("strengths")
    WORRIES = "worries", _("worries")
    CONCLUSION = "conclusion", _("conclusion")


# Sections of which an assessment has at most one each (written by the team).
SHARED_SECTION_KINDS = (
    SectionKind.PARENTS,
    SectionKind.STRENGTHS,
    SectionKind.WORRIES,
    SectionKind.CONCLUSION,
)


class GatheredHow(models.TextChoices):
    """How a child's own view was heard, suited to the child's age."""

    CONVERSATION = "conversation", _("a conversation")
    DRAWING = "drawing", _("drawing or pictures")
    CHILDRENS_FORM = "childrens_form", _("a form made for children")
    PLAY = "play", _("play or observation")
    MESSAGE = "message", _("the child's own message or letter")
    OTHER = "other", _("another way")


class AssessmentSection(BaseModel):
    """A part of the assessment: a professional's own, or one the team shares.

    ``version`` (from :class:`BaseModel`) is the section's optimistic version:
    a save that started from an older version is refused.
    """

    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.PROTECT,
        related_name="sections",
        verbose_name=_("assessment"),
    )
    kind = models.CharField(_("part"), max_length=20, choices=SectionKind.choices)
    # The professional whose own section this is (kind "professional").
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("professional"),
    )
    author_role = models.CharField(_("role in the family's work"), max_length=200, blank=True)
    # The child whose own view this is (kind "child").
    child = models.ForeignKey(
        "families.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("child"),
    )
    child_age = models.PositiveSmallIntegerField(_("child's age (years)"), null=True, blank=True)
    gathered_how = models.CharField(
        _("how the view was heard"), max_length=20, choices=GatheredHow.choices, blank=True
    )
    gathered_note = models.CharField(_("about how it was heard"), max_length=300, blank=True)
    own_words = models.BooleanField(_("recorded in the child's own words"), default=False)
    text = models.TextField(_("text"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("last changed by"),
    )

    class Meta:
        verbose_name = _("assessment section")
        verbose_name_plural = _("assessment sections")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "kind"],
                condition=Q(kind__in=["parents", "strengths", "worries", "conclusion"]),
                name="assessment_one_shared_section",
            ),
            models.UniqueConstraint(
                fields=["assessment", "author"],
                condition=Q(kind="professional"),
                name="assessment_one_section_per_professional",
            ),
            models.UniqueConstraint(
                fields=["assessment", "child"],
                condition=Q(kind="child"),
                name="assessment_one_view_per_child",
            ),
            models.CheckConstraint(
                condition=~Q(kind="professional") | Q(author__isnull=False),
                name="assessment_professional_section_has_author",
            ),
            models.CheckConstraint(
                condition=~Q(kind="child")
                | (Q(child__isnull=False) & Q(child_age__isnull=False) & ~Q(gathered_how="")),
                name="assessment_child_view_recorded_as_such",
            ),
            models.CheckConstraint(
                condition=Q(kind="child") | Q(child__isnull=True),
                name="assessment_only_child_view_names_a_child",
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class AssessmentSectionVersion(AppendOnly):
    """A section as it was saved: by whom, when, at which revision."""

    id = models.BigAutoField(primary_key=True)
    section = models.ForeignKey(
        AssessmentSection,
        on_delete=models.PROTECT,
        related_name="versions",
        verbose_name=_("section"),
    )
    number = models.PositiveIntegerField(_("version"))
    revision = models.PositiveIntegerField(_("revision of the assessment"))
    content = models.JSONField(_("content"), default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("saved by"),
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        verbose_name = _("version of an assessment section")
        verbose_name_plural = _("versions of assessment sections")
        ordering = ["revision", "id"]
        constraints = [
            models.UniqueConstraint(fields=["section", "number"], name="section_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.section} v{self.number}"


class AssessmentSignature(AppendOnly):
    """The responsible worker's co-signature of the conclusion at one revision."""

    id = models.BigAutoField(primary_key=True)
    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.PROTECT,
        related_name="signatures",
        verbose_name=_("assessment"),
    )
    revision = models.PositiveIntegerField(_("revision of the assessment"))
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("co-signed by"),
    )
    signed_at = models.DateTimeField(_("co-signed"), auto_now_add=True)

    class Meta:
        verbose_name = _("co-signature")
        verbose_name_plural = _("co-signatures")
        ordering = ["signed_at", "id"]

    def __str__(self) -> str:
        return f"{self.assessment_id} r{self.revision}"


# --- Methods toolkit -----------------------------------------------------------


class Method(models.Model):
    """An evidence-based method a plan can name (the LAPE toolkit).

    ``name`` and ``description`` have fi/sv/en columns (modeltranslation);
    the description is in plain language, as the family reads it.
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("more information"), blank=True)
    is_active = models.BooleanField(_("in use"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("method")
        verbose_name_plural = _("methods")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


# --- The plan ------------------------------------------------------------------


class Plan(BaseModel):
    """The family's one plan (SHL §39), or the recorded reason why none is needed.

    ``version`` (from :class:`BaseModel`) counts saved versions and is the
    optimistic version of the whole plan; ``agreed_version`` is the latest
    version agreed with the family.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("being prepared")
        AGREED = "agreed", _("agreed")
        NOT_NEEDED = "not_needed", _("not needed")

    family = models.OneToOneField(
        "families.Family",
        on_delete=models.PROTECT,
        related_name="plan",
        verbose_name=_("family"),
    )
    # The matter the plan is kept in now (the latest one opened for the family).
    matter = models.ForeignKey(
        "casework.Matter",
        on_delete=models.PROTECT,
        related_name="plans",
        verbose_name=_("matter"),
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    review_on = models.DateField(_("next review"), null=True, blank=True)
    agreed_version = models.PositiveIntegerField(_("agreed version"), null=True, blank=True)
    agreed_at = models.DateTimeField(_("agreed"), null=True, blank=True)
    not_needed_reason = models.TextField(_("why no plan is needed"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("last changed by"),
    )

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="not_needed") | ~Q(not_needed_reason=""),
                name="plan_not_needed_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(state="agreed") | Q(agreed_version__isnull=False),
                name="plan_agreed_has_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.family_id}"

    @property
    def changed_since_agreed(self) -> bool:
        return self.agreed_version is not None and self.agreed_version != self.version


class PlanVersion(AppendOnly):
    """The plan as it was saved, agreed or found not needed."""

    class Kind(models.TextChoices):
        SAVED = "saved", _("saved")
        AGREED = "agreed", _("agreed with the family")
        NOT_NEEDED = "not_needed", _("no plan needed")

    id = models.BigAutoField(primary_key=True)
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="versions", verbose_name=_("plan")
    )
    number = models.PositiveIntegerField(_("version"))
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    snapshot = models.JSONField(_("content"), default=dict)
    note = models.TextField(_("note"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.number}"


class Goal(BaseModel):
    """A goal in the family's own words."""

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="goals", verbose_name=_("plan")
    )
    text = models.TextField(_("goal in the family's own words"))
    said_by = models.CharField(
        _("whose words"),
        max_length=200,
        blank=True,
        help_text=_("For example: mother, the child, the whole family."),
    )
    # The child of the family whose own goal this is (None: an adult's or the
    # whole family's goal, told by ``said_by``).
    child = models.ForeignKey(
        "families.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("child"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Removed from the plan; kept for the versions that name it.
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["order", "created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class ProviderKind(models.TextChoices):
    """Who provides a service: the organisation kinds of the catalogue, and the family."""

    PUBLIC = "public", _("public service")
    NGO = "ngo", _("non-governmental organisation")
    PARISH = "parish", _("parish")
    PRIVATE = "private", _("private provider")
    PEER_GROUP = "peer_group", _("peer-support group")
    OT_CENTRE = "ot_centre", _("competence and support centre (OT-centre)")


class PlanAction(BaseModel):
    """What is done towards the goals: by whom, when, and how it is followed."""

    class Kind(models.TextChoices):
        SERVICE = "service", _("a service from the catalogue")
        METHOD = "method", _("an evidence-based method")
        APPOINTMENTS = "appointments", _("a series of appointments")
        REFERRAL = "referral", _("a referral")
        CONSULTATION = "consultation", _("a consultation")

    class State(models.TextChoices):
        PLANNED = "planned", _("planned")
        UNDER_WAY = "under_way", _("under way")
        DELIVERED = "delivered", _("delivered")
        NOT_DELIVERED = "not_delivered", _("not delivered")

    class Responsible(models.TextChoices):
        PROFESSIONAL = "professional", _("a professional")
        FAMILY = "family", _("the family itself")

    OPEN_STATES = (State.PLANNED, State.UNDER_WAY)

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="actions", verbose_name=_("plan")
    )
    goal = models.ForeignKey(
        Goal,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("goal"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    service = models.ForeignKey(
        "catalogue.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    # Copied from the service's organisation when saved: the knowledge layer
    # counts help from NGOs and parishes without reading the catalogue.
    provider_kind = models.CharField(
        _("provider"), max_length=20, choices=ProviderKind.choices, blank=True
    )
    method = models.ForeignKey(
        Method,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("method"),
    )
    appointment_count = models.PositiveSmallIntegerField(
        _("number of appointments"), null=True, blank=True
    )
    # To whom a referral or consultation goes, and the referral itself when
    # it was made in the referrals app.
    receiver = models.CharField(_("to whom"), max_length=200, blank=True)
    referral = models.ForeignKey(
        "referrals.Referral",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_actions",
        verbose_name=_("referral"),
    )
    description = models.TextField(_("what is done, in plain words"))
    responsible = models.CharField(
        _("who is responsible"),
        max_length=20,
        choices=Responsible.choices,
        default=Responsible.PROFESSIONAL,
    )
    responsible_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible professional"),
    )
    responsible_note = models.CharField(_("who in the family"), max_length=200, blank=True)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    schedule = models.CharField(
        _("when"), max_length=200, blank=True, help_text=_("For example: every other Tuesday.")
    )
    follow_up = models.TextField(_("how progress is followed"))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PLANNED
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("finished by"),
    )
    not_delivered_reason = models.TextField(_("why it was not delivered"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["order", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="service") | Q(service__isnull=False),
                name="plan_action_service_named",
            ),
            models.CheckConstraint(
                condition=~Q(kind="method") | Q(method__isnull=False),
                name="plan_action_method_named",
            ),
            models.CheckConstraint(
                condition=~Q(responsible="professional") | Q(responsible_user__isnull=False),
                name="plan_action_professional_named",
            ),
            models.CheckConstraint(
                condition=~Q(state="not_delivered") | ~Q(not_delivered_reason=""),
                name="plan_action_not_delivered_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="plan_action_period",
            ),
        ]

    def __str__(self) -> str:
        return self.description[:60]


class PlanComment(BaseModel):
    """The family's comment on its plan, or a professional's answer to it."""

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="comments", verbose_name=_("plan")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    by_family = models.BooleanField(_("from the family"), default=False)
    plan_version = models.PositiveIntegerField(_("about version"))
    text = models.TextField(_("comment"))

    class Meta:
        verbose_name = _("comment on a plan")
        verbose_name_plural = _("comments on plans")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:60]
