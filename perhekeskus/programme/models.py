"""Regions and municipalities.

The organisers of social and health care are the 21 wellbeing services
counties and the City of Helsinki; municipalities keep early education,
schools and youth work. The LAPE programme's 18 regions + the capital area
are kept as a separate kind for historical series.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
