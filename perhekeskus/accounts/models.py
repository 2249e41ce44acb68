"""People who sign in: professionals, provider staff, citizens.

Professionals belong to units of organisations (``catalogue.Organization`` is
the one register of organisations) through memberships that carry a role; the
role gives capabilities (see :mod:`perhekeskus.accounts.capabilities`), the
unit's sector tells the access layer which register its work belongs to.
"""

import datetime
import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.models import BaseModel


class User(AbstractUser):
    """The project's own user model, so identity can grow without a swap.

    A UUID rather than a counter identifies a user in logs and URLs.
    """

    class Kind(models.TextChoices):
        PROFESSIONAL = "professional", _("professional")
        CITIZEN = "citizen", _("citizen")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(
        _("kind of user"), max_length=20, choices=Kind.choices, default=Kind.PROFESSIONAL
    )
    # Set from strong electronic identification (Suomi.fi e-Identification);
    # it links a citizen's account to the person in the families register.
    identity_code = models.CharField(_("personal identity code"), max_length=11, blank=True)
    is_demo = models.BooleanField(
        _("demo user"),
        default=False,
        help_text=_("Created by the demo; may sign in without a second factor in demo mode."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                fields=["identity_code"],
                condition=~Q(identity_code=""),
                name="user_identity_code_unique",
            )
        ]

    @property
    def is_professional(self) -> bool:
        return self.kind == self.Kind.PROFESSIONAL

    @property
    def is_citizen(self) -> bool:
        return self.kind == self.Kind.CITIZEN


class Sector(models.TextChoices):
    """The sector a unit works in; each keeps its own register of client data.

    Social welfare and health care are separate registers, and student
    welfare records belong to the education provider (Act 703/2023, Act
    1287/2013), so the access layer reads the sector of the unit.
    """

    SOCIAL_CARE = "social_care", _("social welfare")
    HEALTH_CARE = "health_care", _("health care")
    EARLY_EDUCATION = "early_education", _("early childhood education")
    EDUCATION = "education", _("education (school)")
    STUDENT_WELFARE = "student_welfare", _("student welfare")
    NGO = "ngo", _("non-governmental organisation")
    PARISH = "parish", _("parish")
    PRIVATE = "private", _("private provider")
    ADMINISTRATION = "administration", _("administration and management")


class Unit(BaseModel):
    """A unit of an organisation where professionals work."""

    class Kind(models.TextChoices):
        FAMILY_CENTRE = "family_centre", _("family centre")
        MATERNITY_CLINIC = "maternity_clinic", _("maternity clinic")
        CHILD_HEALTH_CLINIC = "child_health_clinic", _("child health clinic")
        FAMILY_COUNSELLING = "family_counselling", _("family counselling clinic")
        FAMILY_WORK = "family_work", _("family work and home help")
        FAMILY_SOCIAL_WORK = "family_social_work", _("social work for families with children")
        CHILD_WELFARE = "child_welfare", _("child welfare")
        THERAPY = "therapy", _("therapy services (speech, occupational, physio)")
        SCHOOL_HEALTH = "school_health", _("school health care")
        STUDENT_WELFARE = "student_welfare", _("student welfare services")
        SCHOOL = "school", _("school")
        EARLY_EDUCATION = "early_education", _("early childhood education unit")
        NGO_SERVICE = "ngo_service", _("NGO service")
        PARISH_SERVICE = "parish_service", _("parish family work")
        PRIVATE_SERVICE = "private_service", _("private service provider")
        OT_CENTRE = "ot_centre", _("competence and support centre (OT-centre)")
        ADMINISTRATION = "administration", _("administration")

    # The sector a unit of each kind usually works in; a unit may differ.
    DEFAULT_SECTORS = {
        Kind.FAMILY_CENTRE: Sector.SOCIAL_CARE,
        Kind.MATERNITY_CLINIC: Sector.HEALTH_CARE,
        Kind.CHILD_HEALTH_CLINIC: Sector.HEALTH_CARE,
        Kind.FAMILY_COUNSELLING: Sector.SOCIAL_CARE,
        Kind.FAMILY_WORK: Sector.SOCIAL_CARE,
        Kind.FAMILY_SOCIAL_WORK: Sector.SOCIAL_CARE,
        Kind.CHILD_WELFARE: Sector.SOCIAL_CARE,
        Kind.THERAPY: Sector.HEALTH_CARE,
        Kind.SCHOOL_HEALTH: Sector.HEALTH_CARE,
        Kind.STUDENT_WELFARE: Sector.STUDENT_WELFARE,
        Kind.SCHOOL: Sector.EDUCATION,
        Kind.EARLY_EDUCATION: Sector.EARLY_EDUCATION,
        Kind.NGO_SERVICE: Sector.NGO,
        Kind.PARISH_SERVICE: Sector.PARISH,
        Kind.PRIVATE_SERVICE: Sector.PRIVATE,
        Kind.OT_CENTRE: Sector.SOCIAL_CARE,
        Kind.ADMINISTRATION: Sector.ADMINISTRATION,
    }

    organization = models.ForeignKey(
        "catalogue.Organization",
        on_delete=models.PROTECT,
        related_name="units",
        verbose_name=_("organisation"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subunits",
        verbose_name=_("part of"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, db_index=True)
    municipality = models.ForeignKey(
        "programme.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.sector:
            self.sector = self.DEFAULT_SECTORS.get(self.kind, Sector.ADMINISTRATION)
        super().save(*args, **kwargs)


class Role(models.TextChoices):
    """What a professional does in a unit; capabilities follow from it."""

    PUBLIC_HEALTH_NURSE = "public_health_nurse", _("public health nurse")
    SOCIAL_WORKER = "social_worker", _("social worker")
    SOCIAL_COUNSELLOR = "social_counsellor", _("social counsellor")
    FAMILY_WORKER = "family_worker", _("family worker")
    PSYCHOLOGIST = "psychologist", _("psychologist")
    SPEECH_THERAPIST = "speech_therapist", _("speech therapist")
    PHYSICIAN = "physician", _("physician")
    SCHOOL_SOCIAL_WORKER = "school_social_worker", _("school social worker")
    SCHOOL_PSYCHOLOGIST = "school_psychologist", _("school psychologist")
    TEACHER = "teacher", _("teacher")
    EARLY_EDUCATION_TEACHER = "early_education_teacher", _("early childhood education teacher")
    NGO_WORKER = "ngo_worker", _("NGO worker")
    PARISH_WORKER = "parish_worker", _("parish worker")
    MANAGER = "manager", _("manager")
    PREPARING_OFFICIAL = "preparing_official", _("preparing official")
    ANALYST = "analyst", _("analyst")
    CATALOGUE_EDITOR = "catalogue_editor", _("catalogue editor")
    AUDITOR = "auditor", _("auditor")
    ADMINISTRATOR = "administrator", _("administrator")


def _protected_address_right_on(day: datetime.date):
    """Whether a membership holds a protected-address grant in force on a day."""
    return models.Exists(
        ProtectedAddressGrant.objects.active(day).filter(membership=models.OuterRef("pk"))
    )


class MembershipQuerySet(models.QuerySet):
    def active(self, on: datetime.date | None = None):
        """Memberships in force on a day (today by default)."""
        day = on or timezone.localdate()
        return self.filter(
            Q(valid_from__lte=day),
            Q(valid_until__isnull=True) | Q(valid_until__gte=day),
            unit__is_active=True,
            user__is_active=True,
        ).annotate(protected_address_right=_protected_address_right_on(day))


class MembershipManager(models.Manager.from_queryset(MembershipQuerySet)):
    """Every membership read carries ``protected_address_right``: whether a
    grant (:class:`ProtectedAddressGrant`) is in force today (``active(on)``
    evaluates it on that day)."""

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .annotate(protected_address_right=_protected_address_right_on(timezone.localdate()))
        )


class Membership(BaseModel):
    """A professional's role in a unit for a period."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("user"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("unit")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, db_index=True)
    title = models.CharField(_("job title"), max_length=200, blank=True)
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Last day; empty for open-ended.")
    )
    # ``protected_address_right`` is no longer a column: the manager annotates
    # it from the grants (:class:`ProtectedAddressGrant`), so who granted the
    # right, why and for how long is recorded.

    objects = MembershipManager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["unit__name", "role"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="membership_valid_period",
            ),
            models.UniqueConstraint(
                fields=["user", "unit", "role", "valid_from"], name="membership_unique_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"

    def is_active_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    @property
    def protected_address_right(self) -> bool:
        """Whether a protected-address grant of this membership is in force
        today (read from the manager's annotation when the row has it)."""
        if "_protected_address_right" not in self.__dict__:
            self.__dict__["_protected_address_right"] = (
                self.pk is not None
                and ProtectedAddressGrant.objects.active().filter(membership=self).exists()
            )
        return self.__dict__["_protected_address_right"]

    @protected_address_right.setter
    def protected_address_right(self, value: bool) -> None:
        self.__dict__["_protected_address_right"] = bool(value)


class ProtectedAddressGrantQuerySet(models.QuerySet):
    def active(self, on: datetime.date | None = None):
        """Grants in force on a day (today by default): started, not ended, not revoked."""
        day = on or timezone.localdate()
        return self.filter(
            Q(valid_from__lte=day),
            Q(valid_until__isnull=True) | Q(valid_until__gte=day),
            revoked_at__isnull=True,
        )


class ProtectedAddressGrant(BaseModel):
    """The right to see addresses under a security prohibition (turvakielto),
    granted by name to one membership for a period, with the reason.

    No role gives the right. It follows the membership: it is in force only
    while both the grant and the membership are.
    """

    membership = models.ForeignKey(
        Membership,
        on_delete=models.PROTECT,
        related_name="protected_address_grants",
        verbose_name=_("membership"),
    )
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Last day; empty for open-ended.")
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(_("reason for revoking"), blank=True)

    objects = ProtectedAddressGrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("protected-address right")
        verbose_name_plural = _("protected-address rights")
        ordering = ["-valid_from", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="protected_address_grant_valid_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership} – {self.valid_from}"

    def is_active_on(self, day: datetime.date) -> bool:
        return (
            self.revoked_at is None
            and self.valid_from <= day
            and (self.valid_until is None or day <= self.valid_until)
        )


class ApiToken(BaseModel):
    """A personal API token; only its SHA-256 hash is stored.

    The token is shown once when created. ``prefix`` (the first characters)
    lets the owner tell tokens apart without revealing them.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=16)
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def is_expired(self, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.expires_at
