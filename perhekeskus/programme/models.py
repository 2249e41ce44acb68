"""Regions and municipalities.

The organisers of social and health care are the 21 wellbeing services
counties and the City of Helsinki; municipalities keep early education,
schools and youth work. The LAPE programme's 18 regions + the capital area
are kept as a separate kind for historical series.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.models import BaseModel


class Region(models.Model):
    class Kind(models.TextChoices):
        WELLBEING_COUNTY = "wellbeing_county", _("wellbeing services county")
        CITY_ORGANISER = "city_organiser", _("city organising social and health care")
        LAPE_REGION = "lape_region", _("LAPE change-programme region")

    code = models.CharField(_("code"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    """A municipality by its Statistics Finland code (three digits)."""

    code = models.CharField(_("code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)
    bilingual = models.BooleanField(_("bilingual (Finnish and Swedish)"), default=False)
    region = models.ForeignKey(
        Region,
        verbose_name=_("wellbeing services county"),
        on_delete=models.PROTECT,
        related_name="municipalities",
        null=True,
        blank=True,
    )
    lape_region = models.ForeignKey(
        Region,
        verbose_name=_("LAPE region"),
        on_delete=models.PROTECT,
        related_name="lape_municipalities",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ChangeProject(BaseModel):
    """A regional change project of the reform (e.g. a LAPE project) and its funding."""

    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="change_projects",
    )
    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    funding_amount = models.DecimalField(
        _("funding (euros)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    funding_source = models.CharField(_("source of funding"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("change project")
        verbose_name_plural = _("change projects")
        ordering = ["region__name", "-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="programme_project_ends_after_start",
                violation_error_message=_("The end cannot be before the start."),
            ),
            models.CheckConstraint(
                condition=models.Q(funding_amount__isnull=True) | models.Q(funding_amount__gte=0),
                name="programme_project_funding_not_negative",
                violation_error_message=_("Funding cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ChangeAgent(BaseModel):
    """A region's change agent (muutosagentti), who leads the change locally."""

    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="change_agents",
    )
    project = models.ForeignKey(
        ChangeProject,
        verbose_name=_("change project"),
        on_delete=models.SET_NULL,
        related_name="agents",
        null=True,
        blank=True,
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    funding_amount = models.DecimalField(
        _("funding (euros)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    funding_source = models.CharField(_("source of funding"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("change agent")
        verbose_name_plural = _("change agents")
        ordering = ["region__name", "-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="programme_agent_ends_after_start",
                violation_error_message=_("The end cannot be before the start."),
            ),
            models.CheckConstraint(
                condition=models.Q(funding_amount__isnull=True) | models.Q(funding_amount__gte=0),
                name="programme_agent_funding_not_negative",
                violation_error_message=_("Funding cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.name
