"""Indicators imported from public statistics (THL Sotkanet, THL's cubes).

An indicator keeps where it came from (source and the id there), its
definition and licence; each observation is one figure for one area, year and
gender; each import run is recorded with its file, fetch date and licence so
every figure can be traced to the file it came from. Only public, aggregate
statistics live here: nothing about a family.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from perhekeskus.programme.models import Municipality, Region


class Source(models.TextChoices):
    SOTKANET = "sotkanet", _("THL Sotkanet")
    JSONSTAT = "thl_cube", _("THL statistical cube (JSON-stat)")


class ImportRun(models.Model):
    """One import of a saved file: the provenance of the observations it wrote."""

    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    file_name = models.CharField(_("file name"), max_length=255)
    fetched_on = models.DateField(_("fetched on"))
    licence = models.CharField(_("licence"), max_length=100)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_source_display()}: {self.file_name}"


class Indicator(models.Model):
    """One indicator of a source, e.g. Sotkanet 1078 (children placed urgently)."""

    code = models.CharField(_("code"), max_length=80, unique=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    source_id = models.CharField(_("id in the source"), max_length=80)
    name = models.CharField(_("name"), max_length=300)
    definition = models.TextField(_("definition"), blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=1)
    licence = models.CharField(_("licence"), max_length=100)
    source_url = models.URLField(_("address in the source"), blank=True)
    updated_in_source = models.DateField(_("updated in the source"), null=True, blank=True)
    last_import = models.ForeignKey(
        ImportRun,
        verbose_name=_("last import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["source", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"], name="indicators_indicator_source_id_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def code_for(source: str, source_id: str) -> str:
        return f"{source}-{source_id}"


class Observation(models.Model):
    """One published figure: an indicator's value for an area, year and gender."""

    class AreaKind(models.TextChoices):
        COUNTRY = "country", _("whole country")
        ORGANISER = "organiser", _("wellbeing services county or Helsinki")
        REGION = "region", _("region (maakunta)")
        MUNICIPALITY = "municipality", _("municipality")

    class Gender(models.TextChoices):
        TOTAL = "total", _("total")
        MALE = "male", _("boys and men")
        FEMALE = "female", _("girls and women")

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="observations",
    )
    area_kind = models.CharField(_("kind of area"), max_length=20, choices=AreaKind.choices)
    # "FI", a region code (hva-05, lape-06) or a municipality code (091):
    # the key of the area whether or not it is one of our regions.
    area_code = models.CharField(_("area code"), max_length=20)
    area_name = models.CharField(_("area name"), max_length=200)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4, null=True)
    abs_value = models.DecimalField(
        _("absolute value"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    import_run = models.ForeignKey(
        ImportRun,
        verbose_name=_("import run"),
        on_delete=models.PROTECT,
        related_name="observations",
    )

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["indicator", "area_code", "year", "gender"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area_code", "year", "gender"],
                name="indicators_observation_unique",
            ),
            models.CheckConstraint(
                condition=~models.Q(area_kind="municipality")
                | models.Q(municipality__isnull=False),
                name="indicators_observation_municipality_set",
            ),
        ]
        indexes = [models.Index(fields=["indicator", "year"])]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_code} {self.year} {self.gender}: {self.value}"
