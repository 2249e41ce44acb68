"""Case work: a family's contact, the matter it opens, its worker and team.

- :class:`Contact` – one door: a family (signed in or anonymous) or a
  professional on its behalf asks the family centre for help;
- :class:`Matter` – a pending matter (*vireilletulo*) of a family in a unit,
  with its statutory deadlines, pointing at the client relationship it uses;
- :class:`ResponsibleWorker` – who the family's worker is, with history;
- :class:`TeamMember` – the multi-professional team and what each may see;
- :class:`MatterTransfer` – a matter handed over to another unit, and why.

Only :mod:`perhekeskus.casework.services` writes these; nothing is ever
deleted (``PROTECT`` everywhere), closing a matter only marks it closed.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from perhekeskus.core.appendonly import AppendOnly
from perhekeskus.core.models import BaseModel
from perhekeskus.families.models import ServiceTask

# Letters and digits that cannot be mistaken for each other when read aloud.
_REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


# The worker's names for the languages a family may ask to be served in
# (the form's choices are in forms.py): "other" points to the family's words.
PREFERRED_LANGUAGE_NAMES = {
    "fi": _("Finnish"),
    "sv": _("Swedish"),
    "en": _("English"),
    "other": _("another language (see the family's message)"),
}


def new_reference() -> str:
    """An unguessable reference for a receipt, e.g. ``PK-7KQ2-M9XD-4TRA`` (60 bits)."""
    chars = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(12))
    return f"PK-{chars[:4]}-{chars[4:8]}-{chars[8:]}"


# Early childhood education is the education provider's own work (Act
# 540/2018), not social welfare or health care case work: no matter is opened
# for it (a consent may still name it as its purpose).
MATTER_TASKS = [
    (value, label) for value, label in ServiceTask.choices if value != ServiceTask.EARLY_EDUCATION
]


# The limits of free texts, one place for the forms (their counters) and the
# services (which refuse, never cut): perhekeskus.core.lengths.
MAX_SITUATION = 4000
MAX_ANSWER = 4000
MAX_UNREACHABLE_NOTE = 1000
MAX_CLOSURE_SUMMARY = 4000
MAX_TRANSFER_REASON = 2000
MAX_WORKER_REASON = 300
MAX_ROLE_IN_FAMILY = 200


class ImmutableFieldError(ValueError):
    """A field that must never change after creation was changed."""


class Contact(BaseModel):
    class Channel(models.TextChoices):
        WEB = "web", _("online form")
        PHONE = "phone", _("phone call")
        VISIT = "visit", _("visit")
        ON_BEHALF = "on_behalf", _("a professional on the family's behalf")
        API = "api", _("interface")

    class ContactWay(models.TextChoices):
        PHONE = "phone", _("a phone call")
        TEXT_MESSAGE = "text_message", _("a text message")
        EMAIL = "email", _("email")
        MESSAGE = "message", _("a message in this service")

    class Basis(models.TextChoices):
        NONE = "", _("the family's own contact")
        CONSENT = "consent", _("with the family's consent")
        CHILD_INTEREST = "child_interest", _("without consent, in the child's interest (SHL §35)")

    class State(models.TextChoices):
        NEW = "new", _("new")
        TAKEN = "taken", _("being handled")
        ANSWERED = "answered", _("answered")
        MATTER_OPENED = "matter_opened", _("matter opened")
        CLOSED_UNREACHABLE = "closed_unreachable", _("closed: could not be reached")

    class Outcome(models.TextChoices):
        NONE = "", _("not yet")
        ADVICE = "advice", _("advice given")
        SERVICES = "services", _("services suggested")
        MATTER = "matter", _("matter opened")
        UNREACHABLE = "unreachable", _("could not be reached")

    reference = models.CharField(
        _("reference"), max_length=20, unique=True, default=new_reference, editable=False
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        related_name="contacts",
        verbose_name=_("received by"),
    )
    municipality = models.ForeignKey(
        "programme.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    situation = models.TextField(_("the situation in the family's words"))
    life_situations = models.ManyToManyField(
        "catalogue.TaxonomyTerm",
        blank=True,
        related_name="+",
        verbose_name=_("worries"),
    )
    child_age = models.PositiveSmallIntegerField(_("child's age"), null=True, blank=True)
    preferred_language = models.CharField(_("preferred language"), max_length=8, default="fi")
    contact_way = models.CharField(
        _("how to reach the family"), max_length=20, choices=ContactWay.choices
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed-in sender"),
    )
    service = models.ForeignKey(
        "catalogue.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("asked about the service"),
    )
    on_behalf = models.BooleanField(_("on the family's behalf"), default=False)
    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contacting professional"),
    )
    referrer_unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contacting unit"),
    )
    # Whom an on-behalf contact concerns, when the professional knows the
    # person in the register (then the disclosure is checked for that person).
    person = models.ForeignKey(
        "families.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("concerns"),
    )
    basis = models.CharField(
        _("basis"), max_length=20, choices=Basis.choices, blank=True, default=Basis.NONE
    )
    consent = models.ForeignKey(
        "families.Consent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.NEW, db_index=True
    )
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    taken_at = models.DateTimeField(_("taken"), null=True, blank=True)
    answered_at = models.DateTimeField(_("first answer"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, blank=True, default=Outcome.NONE
    )
    answer = models.TextField(_("answer"), blank=True)
    suggested_services = models.ManyToManyField(
        "catalogue.Service",
        blank=True,
        related_name="+",
        verbose_name=_("services suggested"),
    )
    family = models.ForeignKey(
        "families.Family",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("family"),
    )
    answer_due_by = models.DateField(_("answer due by"))
    # Derived from the times above on every save (see save()), so that the
    # manager's answer-time figures read one index, not every contact's times.
    answer_minutes = models.PositiveIntegerField(
        _("minutes to the first answer"), null=True, blank=True, editable=False
    )
    answered_in_time = models.BooleanField(
        _("answered in time"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["received_at"]
        indexes = [
            # The queue in its order (casework.selectors.contact_queue); with
            # the id, a page's keys are read from the index alone.
            models.Index(
                fields=["unit", "state", "answer_due_by", "received_at", "id"],
                name="contact_queue",
            ),
            models.Index(
                fields=["unit", "received_at", "answer_minutes", "answered_in_time"],
                name="contact_answers",
            ),
        ]
        constraints = [
            # An anonymous sender must leave a way to be reached.
            models.CheckConstraint(
                condition=Q(citizen__isnull=False)
                | Q(on_behalf=True)
                | ~Q(phone="")
                | ~Q(email=""),
                name="contact_reachable",
            ),
            models.CheckConstraint(
                condition=Q(on_behalf=False, basis="", referrer__isnull=True)
                | Q(
                    on_behalf=True, basis__in=["consent", "child_interest"], referrer__isnull=False
                ),
                name="contact_on_behalf_basis",
            ),
            models.CheckConstraint(
                condition=~Q(basis="consent") | Q(consent__isnull=False),
                name="contact_consent_recorded",
            ),
            models.CheckConstraint(
                condition=Q(state="new") | Q(taken_by__isnull=False, taken_at__isnull=False),
                name="contact_taken_by_someone",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["new", "taken"]) | Q(answered_at__isnull=False),
                name="contact_answer_time",
            ),
            models.CheckConstraint(
                condition=Q(child_age__isnull=True) | Q(child_age__lte=25),
                name="contact_child_age",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def save(self, *args, **kwargs):
        self.derive_answer_figures()
        fields = kwargs.get("update_fields")
        if fields is not None and {"received_at", "answered_at", "answer_due_by"} & set(fields):
            kwargs["update_fields"] = {*fields, "answer_minutes", "answered_in_time"}
        super().save(*args, **kwargs)

    def derive_answer_figures(self) -> None:
        """Set the answer's minutes and timeliness from the times (also for
        rows made with ``bulk_create``, which does not call save())."""
        if self.answered_at is None:
            self.answer_minutes = self.answered_in_time = None
            return
        self.answer_minutes = max(
            0, int((self.answered_at - self.received_at).total_seconds() // 60)
        )
        self.answered_in_time = timezone.localdate(self.answered_at) <= self.answer_due_by

    @property
    def preferred_language_label(self) -> str:
        """The language asked for, by its name in the page's language."""
        return str(PREFERRED_LANGUAGE_NAMES.get(self.preferred_language, self.preferred_language))

    @property
    def is_open(self) -> bool:
        return self.state in (self.State.NEW, self.State.TAKEN)

    @property
    def hours_to_answer(self) -> float | None:
        if self.answered_at is None:
            return None
        return round((self.answered_at - self.received_at).total_seconds() / 3600, 1)


class MatterQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if "pending_at" in kwargs:
            raise ImmutableFieldError("The moment a matter became pending never changes.")
        return super().update(**kwargs)

    def open(self):
        return self.filter(state=Matter.State.OPEN)


class Matter(BaseModel):
    class State(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", pgettext_lazy("record state", "closed")

    class ClosureReason(models.TextChoices):
        NEED_MET = "need_met", _("the need for support was met")
        NO_NEED = "no_need", _("no need for services was found")
        TRANSFERRED = "transferred", _("transferred to another service")
        MOVED = "moved", _("the family moved away")
        DECLINED = "declined", _("the family declined the services")
        OTHER = "other", _("other reason")

    family = models.ForeignKey(
        "families.Family",
        on_delete=models.PROTECT,
        related_name="matters",
        verbose_name=_("family"),
    )
    contact = models.ForeignKey(
        Contact,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="matters",
        verbose_name=_("contact"),
    )
    unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        related_name="matters",
        verbose_name=_("unit"),
    )
    service_task = models.CharField(_("service task"), max_length=30, choices=MATTER_TASKS)
    special_support = models.BooleanField(_("a child in need of special support"), default=False)
    urgent = models.BooleanField(_("urgent"), default=False)
    # vireilletulo: the moment the statutory clocks start. Never changes.
    pending_at = models.DateTimeField(_("became pending"))
    relationship = models.ForeignKey(
        "families.ClientRelationship",
        on_delete=models.PROTECT,
        related_name="matters",
        verbose_name=_("client relationship"),
    )
    assessment_start_due = models.DateField(_("assessment to start by"), null=True, blank=True)
    assessment_complete_due = models.DateField(
        _("assessment to be completed by"), null=True, blank=True
    )
    deadline_statutory = models.BooleanField(_("statutory deadline"), default=False)
    deadline_source = models.CharField(_("deadline source"), max_length=200, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.OPEN, db_index=True
    )
    closed_at = models.DateTimeField(pgettext_lazy("record state", "closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    closure_reason = models.CharField(
        _("reason for closing"), max_length=20, choices=ClosureReason.choices, blank=True
    )
    closure_summary = models.TextField(_("summary"), blank=True)
    # The current responsible worker, kept by ResponsibleWorker.save() and
    # cleared on closing; the history is in ResponsibleWorker. Caseloads
    # are counted from the matters' own index, without joining the history.
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("responsible worker"),
    )

    # The days (local) the assessment started and was completed, kept by
    # planning's Assessment.save(): the managers' deadline figures read them
    # from the matters' own index, without joining the assessments.
    assessment_started_on = models.DateField(
        _("assessment started on"), null=True, blank=True, editable=False
    )
    assessment_completed_on = models.DateField(
        _("assessment completed on"), null=True, blank=True, editable=False
    )

    objects = MatterQuerySet.as_manager()

    class Meta:
        verbose_name = _("matter")
        verbose_name_plural = _("matters")
        ordering = ["-pending_at"]
        indexes = [
            models.Index(fields=["unit", "state"], name="matter_unit_state"),
            # Caseloads by unit and worker (see desk.selectors._caseloads).
            models.Index(
                fields=["state", "unit", "worker", "service_task", "family"], name="matter_caseload"
            ),
            # The caseloads and the assessment deadlines met, by unit and
            # worker (desk.selectors.manager_overview).
            models.Index(
                fields=[
                    "unit",
                    "worker",
                    "state",
                    "assessment_start_due",
                    "assessment_complete_due",
                    "assessment_started_on",
                    "assessment_completed_on",
                ],
                name="matter_figures",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="open", closed_at__isnull=True, closure_reason="")
                | Q(state="closed", closed_at__isnull=False, closure_reason__gt=""),
                name="matter_closure_recorded",
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(closed_at__gte=F("pending_at")),
                name="matter_closed_after_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_service_task_display()} – {self.pending_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            stored = type(self).objects.filter(pk=self.pk).values_list("pending_at", flat=True)
            stored = stored.first()
            if stored is not None and stored != self.pending_at:
                raise ImmutableFieldError("The moment a matter became pending never changes.")
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    @property
    def current_worker(self) -> ResponsibleWorker | None:
        # Uses the prefetched rows when a selector prefetched ``workers``.
        for worker in self.workers.all():
            if worker.ends_at is None:
                return worker
        return None

    @property
    def responsible_worker(self):
        """The user who is the family's responsible worker now, or None."""
        current = self.current_worker
        return current.user if current is not None else None


class ResponsibleWorker(BaseModel):
    matter = models.ForeignKey(
        Matter, on_delete=models.PROTECT, related_name="workers", verbose_name=_("matter")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="responsibilities",
        verbose_name=_("responsible worker"),
    )
    # The unit the worker does client work in for this matter: it may be
    # another unit than the matter's. While she still works there and the
    # matter is open, she reads the family on the basis ``responsible``.
    # Empty only on rows written without the services (bulk loads).
    unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("works in"),
    )
    starts_at = models.DateTimeField(_("from"), default=timezone.now)
    ends_at = models.DateTimeField(_("until"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("named by"),
    )

    class Meta:
        verbose_name = _("responsible worker")
        verbose_name_plural = _("responsible workers")
        ordering = ["-starts_at"]
        # The access layer's basis ``responsible``: the user's current rows.
        indexes = [models.Index(fields=["user", "ends_at", "unit"], name="responsible_worker_user")]
        constraints = [
            models.UniqueConstraint(
                fields=["matter"],
                condition=Q(ends_at__isnull=True),
                name="responsible_worker_one_current",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="responsible_worker_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.matter}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Keep the matter's pointer to its current worker (Matter.worker).
        current = self.user_id if self.ends_at is None else None
        matters = Matter.objects.filter(pk=self.matter_id)
        if current is None:
            matters = matters.filter(worker_id=self.user_id)
        if matters.update(worker_id=current) and "matter" in self._state.fields_cache:
            self.matter.worker_id = current


class TeamMember(BaseModel):
    class Scope(models.TextChoices):
        FULL = "full", _("everything of the family's work")
        ASSESSMENT_AND_PLAN = "assessment_and_plan", _("the assessment and the plan")
        PLAN_ONLY = "plan_only", _("the plan only")

    class Basis(models.TextChoices):
        RELATIONSHIP = "relationship", _("same organisation's client relationship")
        CONSENT = "consent", _("the family's consent")
        STATUTORY = "statutory", _("a statutory right")

    matter = models.ForeignKey(
        Matter, on_delete=models.PROTECT, related_name="team", verbose_name=_("matter")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="team_memberships",
        verbose_name=_("professional"),
    )
    unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    role_in_family = models.CharField(_("role in the family's work"), max_length=200)
    scope = models.CharField(_("may see"), max_length=30, choices=Scope.choices)
    basis = models.CharField(_("basis"), max_length=20, choices=Basis.choices)
    consent = models.ForeignKey(
        "families.Consent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent"),
    )
    statutory_ground = models.CharField(_("statutory ground"), max_length=40, blank=True)
    added_at = models.DateTimeField(_("added"), default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("removed by"),
    )

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["added_at"]
        indexes = [models.Index(fields=["user", "removed_at"], name="team_member_user")]
        constraints = [
            models.UniqueConstraint(
                fields=["matter", "user"],
                condition=Q(removed_at__isnull=True),
                name="team_member_once",
            ),
            models.CheckConstraint(
                condition=~Q(basis="consent") | Q(consent__isnull=False),
                name="team_member_consent_recorded",
            ),
            models.CheckConstraint(
                condition=~Q(basis="statutory") | Q(statutory_ground__gt=""),
                name="team_member_ground_recorded",
            ),
            models.CheckConstraint(
                condition=Q(removed_at__isnull=True) | Q(removed_at__gte=F("added_at")),
                name="team_member_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.role_in_family}"

    @property
    def is_active(self) -> bool:
        return self.removed_at is None


class MatterTransfer(AppendOnly):
    """A matter handed over from one unit to another, with the reason.

    Written once by :func:`perhekeskus.casework.services.matter_transfer`
    and never changed: the matter's units over time are these rows.
    """

    id = models.BigAutoField(primary_key=True)
    matter = models.ForeignKey(
        Matter, on_delete=models.PROTECT, related_name="transfers", verbose_name=_("matter")
    )
    from_unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("from unit")
    )
    to_unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("to unit")
    )
    # The client relationships the matter used before and after.
    from_relationship = models.ForeignKey(
        "families.ClientRelationship",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("client relationship before"),
    )
    to_relationship = models.ForeignKey(
        "families.ClientRelationship",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("client relationship after"),
    )
    from_relationship_ended = models.BooleanField(
        _("the sending unit's client relationship ended"), default=False
    )
    transferred_at = models.DateTimeField(_("transferred"), default=timezone.now)
    transferred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("transferred by"),
    )
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("transfer of a matter")
        verbose_name_plural = _("transfers of matters")
        ordering = ["transferred_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_unit=F("to_unit")), name="matter_transfer_other_unit"
            ),
            models.CheckConstraint(condition=Q(reason__gt=""), name="matter_transfer_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.matter_id}: {self.from_unit_id} → {self.to_unit_id}"
