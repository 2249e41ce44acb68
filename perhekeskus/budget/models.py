"""Child budgeting: accounts, the mapping of account classes to child
categories and service levels, and the child population per area.

The mapping is data, not code: each change makes a new version of the whole
mapping, and every result says which version it was computed with.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    CHILD_SPECIFIC = "child_specific", _("child-specific (direct)")
    CHILD_RELATED = "child_related", _("child-related (indirect, apportioned)")
    NOT_CHILDREN = "not_children", _("not spending on children")


class ServiceLevel(models.IntegerChoices):
    EVERYDAY = 1, _("1 everyday communities")
    UNIVERSAL = 2, _("2 universal services")
    EARLY_SUPPORT = 3, _("3 targeted early support and consultation")
    SPECIALISED = 4, _("4 specialised treatment")
    OUT_OF_HOME = 5, _("5 care outside the home")


PREVENTIVE_LEVELS = frozenset({1, 2, 3})
CORRECTIVE_LEVELS = frozenset({4, 5})


class MappingVersion(models.Model):
    """One version of the whole mapping; the highest number is in force."""

    number = models.PositiveIntegerField(_("version"), unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("what changed"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("mapping version")
        verbose_name_plural = _("mapping versions")
        ordering = ["-number"]

    def __str__(self) -> str:
        return str(self.number)


class MappingRow(models.Model):
    """How one account class (function or service class) counts for children."""

    version = models.ForeignKey(
        MappingVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="rows"
    )
    class_key = models.CharField(_("key"), max_length=200)
    class_name = models.CharField(_("account class"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    child_share = models.DecimalField(
        _("share of users aged 0–17"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("For child-related classes: a number from 0 to 1, e.g. 0.35."),
    )
    share_basis = models.CharField(
        _("basis of the share"),
        max_length=300,
        blank=True,
        help_text=_("Where the share comes from, e.g. the service's user statistics for 2024."),
    )
    service_level = models.PositiveSmallIntegerField(
        _("service level"), choices=ServiceLevel.choices, null=True, blank=True
    )

    class Meta:
        verbose_name = _("mapping row")
        verbose_name_plural = _("mapping rows")
        ordering = ["version", "service_level", "class_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "class_key"], name="budget_mappingrow_unique_class"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(
                        category="child_related",
                        child_share__isnull=False,
                        child_share__gte=0,
                        child_share__lte=1,
                    )
                    | (~models.Q(category="child_related") & models.Q(child_share__isnull=True))
                ),
                name="budget_mappingrow_share_only_for_child_related",
            ),
            models.CheckConstraint(
                condition=models.Q(category="not_children", service_level__isnull=True)
                | (
                    ~models.Q(category="not_children")
                    & models.Q(service_level__gte=1, service_level__lte=5)
                ),
                name="budget_mappingrow_level_for_children",
            ),
        ]

    def __str__(self) -> str:
        return self.class_name


class AccountsImport(models.Model):
    """One imported accounts file of one organiser or municipality."""

    entity_code = models.CharField(_("organiser or municipality"), max_length=40)
    entity_name = models.CharField(_("name"), max_length=200)
    file_name = models.CharField(_("file name"), max_length=255)
    years = models.CharField(_("years"), max_length=100)
    rows = models.PositiveIntegerField(_("rows"))
    total = models.DecimalField(_("total (euros)"), max_digits=16, decimal_places=2)
    unknown_classes = models.JSONField(_("classes missing from the mapping"), default=list)
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
        verbose_name = _("accounts import")
        verbose_name_plural = _("accounts imports")
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.entity_name} {self.years}"


class AccountLine(models.Model):
    """The euros of one account class in one year (corrections already summed)."""

    entity_code = models.CharField(_("organiser or municipality"), max_length=40, db_index=True)
    year = models.PositiveSmallIntegerField(_("year"))
    class_key = models.CharField(_("key"), max_length=200)
    class_name = models.CharField(_("account class"), max_length=200)
    amount = models.DecimalField(_("euros"), max_digits=16, decimal_places=2)
    source = models.ForeignKey(
        AccountsImport, verbose_name=_("import"), on_delete=models.PROTECT, related_name="lines"
    )

    class Meta:
        verbose_name = _("account line")
        verbose_name_plural = _("account lines")
        ordering = ["entity_code", "year", "class_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["entity_code", "year", "class_key"], name="budget_accountline_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.entity_code} {self.year} {self.class_name}: {self.amount}"


class ChildPopulation(models.Model):
    """The number of children aged 0–17 in an area at the end of a year."""

    area_code = models.CharField(_("area code"), max_length=40)
    year = models.PositiveSmallIntegerField(_("year"))
    children = models.PositiveIntegerField(_("children aged 0–17"))
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        verbose_name = _("child population")
        verbose_name_plural = _("child populations")
        ordering = ["area_code", "year"]
        constraints = [
            models.UniqueConstraint(fields=["area_code", "year"], name="budget_population_unique")
        ]

    def __str__(self) -> str:
        return f"{self.area_code} {self.year}: {self.children}"
