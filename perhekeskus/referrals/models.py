"""Referrals, consultations and mobile-team requests: help that moves.

- :class:`Referral` – one request from a matter's professionals to another
  unit: a *referral* (the family moves to another service), a
  *consultation* (a specialist, e.g. an OT-centre, is consulted and the
  family stays where it is) or a *mobile team* request (the TAHO model: a
  team goes to a young person's home). Its state machine:
  ``draft → sent → accepted | declined``, ``accepted → done``, and
  ``withdrawn`` from draft, sent or accepted;
- :class:`ReferralStep` – every turn of that machine, who made it, when and
  why (a reason is required for declining, withdrawing and completing);
- :class:`ReferralSection` – the text sections the sender shared, as they
  stood when the referral was sent (what was disclosed never changes later).

Only :mod:`perhekeskus.referrals.services` writes these; nothing is deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from perhekeskus.core.models import BaseModel


class Kind(models.TextChoices):
    REFERRAL = "referral", _("referral")
    CONSULTATION = "consultation", _("consultation")
    MOBILE_TEAM = "mobile_team", _("mobile team request")


class State(models.TextChoices):
    DRAFT = "draft", _("draft")
    SENT = "sent", _("sent")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    DONE = "done", _("done")
    WITHDRAWN = "withdrawn", _("withdrawn")


class TeamRole(models.TextChoices):
    """Who a mobile team request asks to come (Eksote's TAHO team and its peers)."""

    SCHOOL_SOCIAL_WORKER = "school_social_worker", _("school social worker")
    MENTAL_HEALTH_WORKER = "mental_health_worker", _("mental-health worker")
    SUBSTANCE_ABUSE_WORKER = "substance_abuse_worker", _("substance-abuse worker")
    TEACHER = "teacher", _("teacher")
    SCHOOL_PSYCHOLOGIST = "school_psychologist", _("school psychologist")
    YOUTH_WORKER = "youth_worker", _("youth worker")
    NURSE = "nurse", _("public health nurse")


class Section(models.TextChoices):
    """What a sender may share. The persons concerned (name, date of birth)
    and the request itself always go with a referral."""

    FAMILY = "family", _("the family's basic details")
    ASSESSMENT_CONCLUSION = "assessment_conclusion", _("the conclusion of the assessment")
    PLAN = "plan", _("the family's plan")
    SUMMARY = "summary", _("a summary written for this referral")


class Referral(BaseModel):
    matter = models.ForeignKey(
        "casework.Matter",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("matter"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="referrals_sent",
        verbose_name=_("sender"),
    )
    sender_unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        related_name="referrals_sent",
        verbose_name=_("sending unit"),
    )
    receiver_unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("receiving unit"),
    )
    persons = models.ManyToManyField(
        "families.Person", related_name="+", verbose_name=_("whom it concerns")
    )
    question = models.TextField(
        _("what is asked"),
        help_text=_("What you ask of the receiver. Always shown to the receiver."),
    )
    # The sender's selection of Section codes, kept as data.
    sections = models.JSONField(_("shared sections"), default=list, blank=True)
    summary = models.TextField(_("summary for the receiver"), blank=True)
    statutory_ground = models.CharField(_("statutory ground"), max_length=40, blank=True)
    # Mobile team: whose home the team visits (the address is read through
    # the masking rules when shown, never stored here) and who should come.
    visit_person = models.ForeignKey(
        "families.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("whose home to visit"),
    )
    team_composition = models.JSONField(_("team requested"), default=list, blank=True)
    # Recorded when sent: on what basis the data went to the receiver.
    disclosure_basis = models.CharField(_("basis of disclosure"), max_length=300, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_handled",
        verbose_name=_("handled by"),
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(pgettext_lazy("record state", "closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["receiver_unit", "state", "sent_at"], name="referral_inbox"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="mobile_team", visit_person__isnull=False)
                | (~Q(kind="mobile_team") & Q(visit_person__isnull=True)),
                name="referral_visit_person_for_mobile_team",
            ),
            models.CheckConstraint(
                condition=Q(state="draft", sent_at__isnull=True)
                | Q(state="withdrawn")
                | (~Q(state="draft") & Q(sent_at__isnull=False)),
                name="referral_sent_at",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=["accepted", "done"]) | Q(handler__isnull=False),
                name="referral_accepted_by_someone",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "sent", "accepted"], closed_at__isnull=True)
                | Q(state__in=["declined", "done", "withdrawn"], closed_at__isnull=False),
                name="referral_closed_at",
            ),
            models.CheckConstraint(
                condition=~Q(receiver_unit=models.F("sender_unit")),
                name="referral_to_another_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.receiver_unit}"

    @property
    def is_open(self) -> bool:
        return self.state in (State.DRAFT, State.SENT, State.ACCEPTED)

    def shares(self, section: str) -> bool:
        return section in (self.sections or [])

    def section_labels(self) -> list[str]:
        labels = dict(Section.choices)
        return [str(labels[code]) for code in self.sections or [] if code in labels]

    def team_labels(self) -> list[str]:
        labels = dict(TeamRole.choices)
        return [str(labels[code]) for code in self.team_composition or [] if code in labels]


class ReferralStep(BaseModel):
    """One turn of a referral's state machine (history is never rewritten)."""

    referral = models.ForeignKey(
        Referral, on_delete=models.PROTECT, related_name="steps", verbose_name=_("referral")
    )
    from_state = models.CharField(_("from"), max_length=20, choices=State.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=State.choices)
    at = models.DateTimeField(_("time"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("step of a referral")
        verbose_name_plural = _("steps of referrals")
        ordering = ["at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(to_state__in=["declined", "withdrawn", "done"]) | Q(reason__gt=""),
                name="referral_step_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class ReferralSection(BaseModel):
    """A shared text section as it stood when the referral was sent."""

    referral = models.ForeignKey(
        Referral, on_delete=models.PROTECT, related_name="shared", verbose_name=_("referral")
    )
    code = models.CharField(_("section"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"))
    # Where the text came from (e.g. an assessment section), for the record.
    source = models.CharField(_("source"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("shared section")
        verbose_name_plural = _("shared sections")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.title

    @property
    def heading(self) -> str:
        """The section's name in the reader's language (the stored title is the sender's)."""
        labels = dict(Section.choices)
        return str(labels[self.code]) if self.code in labels else self.title
