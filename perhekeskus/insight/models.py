"""The monthly roll-up of the operational indicators.

Counting a region's events afresh for every dashboard would read every event
row each time (a million rows take seconds). Instead the figures are kept
per municipality and month (Finnish time) and brought up to date from the
events added since the last update (:func:`perhekeskus.insight.services.refresh_rollup`),
before a dashboard is read. Quarters, years, regions and totals are computed
from the months. See docs/insight.md.

Nothing here names a family: distinct families are counted from the keyed
pseudonyms the events already carry.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MonthlyFigure(models.Model):
    """One indicator's counts in one municipality and month.

    For a median indicator there is one row per distinct value (``bucket``),
    a histogram from which any area's and period's median follows exactly.
    """

    municipality = models.ForeignKey(
        "programme.Municipality",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
    )
    month = models.DateField(_("month"))
    indicator = models.CharField(_("indicator"), max_length=40)
    bucket = models.FloatField(_("value"), default=0)
    # Count indicators: the events; shares: the base; medians: events with this value.
    count = models.PositiveIntegerField(_("count"), default=0)
    # Shares: the events of the base that count as hits.
    hits = models.PositiveIntegerField(_("hits"), default=0)

    class Meta:
        verbose_name = _("monthly figure")
        verbose_name_plural = _("monthly figures")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "municipality", "month", "bucket"],
                name="insight_figure_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(hits__lte=models.F("count")), name="insight_hits_within_base"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.month:%Y-%m} {self.count}"


class FamilyMonth(models.Model):
    """A family (by pseudonym) counted by a family indicator in a municipality and month."""

    municipality = models.ForeignKey(
        "programme.Municipality",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
    )
    month = models.DateField(_("month"))
    indicator = models.CharField(_("indicator"), max_length=40)
    pseudonym = models.CharField(_("family pseudonym"), max_length=32)

    class Meta:
        verbose_name = _("family in a month")
        verbose_name_plural = _("families in a month")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "municipality", "month", "pseudonym"],
                name="insight_family_month_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.month:%Y-%m}"


class RollupState(models.Model):
    """How far the roll-up has read the events, and by which definitions."""

    key = models.CharField(_("key"), max_length=20, unique=True)
    last_event_id = models.BigIntegerField(_("last event read"), default=0)
    # A fingerprint of the indicator definitions: when they change, the
    # roll-up is rebuilt from the first event.
    definitions = models.CharField(_("definitions"), max_length=64, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("roll-up state")
        verbose_name_plural = _("roll-up states")

    def __str__(self) -> str:
        return f"{self.key}: {self.last_event_id}"
