"""Persons, families and what governs the sharing of their data.

Only services (``services.py``) write these models, and each write also
appends a :class:`HistoryEntry`; reads go through the access layer
(:mod:`perhekeskus.access`). django-pghistory is not used because it works on
PostgreSQL only and the project runs the same tests on SQLite.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.accounts.models import Role, Sector
from perhekeskus.core.models import BaseModel

from .identity import validate_identity_code


class Person(BaseModel):
    first_names = models.CharField(_("first names"), max_length=200)
    last_name = models.CharField(_("last name"), max_length=200)
    # Stored exactly as issued (upper-case); empty when the person has none.
    identity_code = models.CharField(
        _("personal identity code"),
        max_length=11,
        blank=True,
        validators=[validate_identity_code],
    )
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True, db_index=True)
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("ISO 639 codes, the person's own language first."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    post_office = models.CharField(_("post office"), max_length=100, blank=True)
    municipality = models.ForeignKey(
        "programme.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality of residence"),
    )
    # turvakielto: address and municipality are shown to nobody without the
    # specific right (see perhekeskus.access.masking).
    security_prohibition = models.BooleanField(_("security prohibition"), default=False)
    # A newborn (or anyone) before the identity code is issued: a generated
    # identifier, shown as "no identity code yet", joined later to the code.
    temporary_id = models.CharField(
        _("temporary identifier"), max_length=20, blank=True, editable=False
    )
    date_of_death = models.DateField(_("date of death"), null=True, blank=True)
    # A second record of the same person, joined to the kept one: never
    # deleted, its memberships and other records moved to the kept one.
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_records",
        verbose_name=_("merged into"),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["last_name", "first_names"]
        constraints = [
            models.UniqueConstraint(
                fields=["identity_code"],
                condition=~Q(identity_code=""),
                name="person_identity_code_unique",
            ),
            models.UniqueConstraint(
                fields=["temporary_id"],
                condition=~Q(temporary_id=""),
                name="person_temporary_id_unique",
            ),
        ]
        indexes = [models.Index(fields=["last_name", "date_of_birth"], name="person_name_born")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_names} {self.last_name}"

    @property
    def is_deceased(self) -> bool:
        return self.date_of_death is not None

    def age_on(self, day: datetime.date) -> int | None:
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class Family(BaseModel):
    """A household: the people who live or are raised together."""

    name = models.CharField(_("name"), max_length=200, help_text=_("How the family is known."))

    class Meta:
        verbose_name = _("family")
        verbose_name_plural = _("families")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PeriodQuerySet(models.QuerySet):
    """Rows with ``starts_on``/``ends_on`` (last day, inclusive)."""

    def active(self, on: datetime.date | None = None):
        day = on or timezone.localdate()
        return self.filter(Q(starts_on__lte=day), Q(ends_on__isnull=True) | Q(ends_on__gte=day))


class FamilyMembership(BaseModel):
    class Role(models.TextChoices):
        PARENT = "parent", _("parent")
        GUARDIAN = "guardian", _("guardian (not a parent)")
        CHILD = "child", _("child")
        FOSTER_PARENT = "foster_parent", _("foster parent")
        STEP_PARENT = "step_parent", _("step-parent")
        OTHER_ADULT = "other_adult", _("other adult")

    family = models.ForeignKey(
        Family, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("family")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("until"), null=True, blank=True)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("family member")
        verbose_name_plural = _("family members")
        ordering = ["role", "person__date_of_birth"]
        # A family's members by role, answered by the index alone (the
        # children counted in the managers' caseloads).
        indexes = [
            models.Index(
                fields=["family", "role", "person", "starts_on", "ends_on"],
                name="membership_family_role",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["family", "person"],
                condition=Q(ends_on__isnull=True),
                name="family_membership_one_open",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="family_membership_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()} – {self.family}"


class Guardianship(BaseModel):
    """Custody of a child (from the population register or a court decision)."""

    class Basis(models.TextChoices):
        PARENTHOOD = "parenthood", _("parent by law")
        AGREEMENT = "agreement", _("confirmed custody agreement")
        COURT = "court", _("court decision")
        INTERIM = "interim", _("interim order of a court")

    child = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="guardians", verbose_name=_("child")
    )
    guardian = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="wards", verbose_name=_("guardian")
    )
    basis = models.CharField(_("basis"), max_length=20, choices=Basis.choices)
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("until"), null=True, blank=True)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("guardianship")
        verbose_name_plural = _("guardianships")
        constraints = [
            models.CheckConstraint(
                condition=~Q(child=models.F("guardian")), name="guardianship_not_self"
            ),
            models.UniqueConstraint(
                fields=["child", "guardian"],
                condition=Q(ends_on__isnull=True),
                name="guardianship_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.guardian} → {self.child}"


class ServiceTask(models.TextChoices):
    """The service task a client relationship or prohibition concerns."""

    CHILD_HEALTH = "child_health", _("maternity and child health clinic")
    FAMILY_COUNSELLING = "family_counselling", _("family counselling")
    FAMILY_WORK = "family_work", _("family work and home help")
    FAMILY_SOCIAL_WORK = "family_social_work", _("social work for families with children")
    CHILD_WELFARE = "child_welfare", _("child welfare")
    STUDENT_WELFARE = "student_welfare", _("student welfare")
    THERAPY = "therapy", _("therapy")
    EARLY_SUPPORT = "early_support", _("early support and peer groups")
    # Last, so that the lists without it (case work's matters) keep their order.
    EARLY_EDUCATION = "early_education", _("early childhood education")


class HiddenFromGuardians(models.Model):
    """A minor's own record that their guardians do not see (SHL, 703/2023).

    Any model holding a child's service events mixes this in; selectors for
    a guardian's view exclude such rows, and reads of them are logged as
    hidden too, so the "who saw my data" view does not reveal them.
    """

    hidden_from_guardians = models.BooleanField(_("hidden from the guardians"), default=False)

    class Meta:
        abstract = True


class ClientRelationship(HiddenFromGuardians, BaseModel):
    """A unit's active client relationship with a family, for a service task.

    The minimal form the access layer needs; case work adds matters, teams
    and responsible workers that point here. ``person`` narrows it to one
    member (e.g. a pupil's student welfare), ``None`` means the whole family.
    """

    family = models.ForeignKey(
        Family, on_delete=models.PROTECT, related_name="relationships", verbose_name=_("family")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="relationships",
        verbose_name=_("only for"),
    )
    unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        related_name="client_relationships",
        verbose_name=_("unit"),
    )
    service_task = models.CharField(_("service task"), max_length=30, choices=ServiceTask.choices)
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("until"), null=True, blank=True)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("client relationship")
        verbose_name_plural = _("client relationships")
        ordering = ["-starts_on"]
        indexes = [models.Index(fields=["unit", "family"], name="relationship_unit_family")]

    def __str__(self) -> str:
        return f"{self.unit} – {self.family} ({self.get_service_task_display()})"


def _client_work_roles() -> list[str]:
    from perhekeskus.accounts.capabilities import Capability, capabilities_of_role

    return [role for role in Role.values if Capability.CLIENT_WORK in capabilities_of_role(role)]


def _to_recipient(*, unit_id, organization_id, sector: str, unit_kind: str, roles) -> Q:
    """Consents whose recipient is a professional of this unit in one of
    ``roles`` (a list or a sub-query of role codes).

    The consent names the unit's organisation (or sector) and either the unit
    itself (with no role, or this role) or the role alone; and it was given for
    a service task the unit serves (``families.rules.UNIT_SERVICE_TASKS``). A
    consent recorded without a unit or a role, or without a purpose task,
    matches nothing.
    """
    from .rules import tasks_served_by

    tasks = tasks_served_by(unit_kind)
    if not tasks:
        return Q(pk__in=[])
    organisation = Q(recipient_organization_id=organization_id)
    if sector:
        # An empty sector would match every consent that names no sector.
        organisation |= Q(recipient_sector=sector)
    named = Q(recipient_unit_id=unit_id) & (Q(recipient_role="") | Q(recipient_role__in=roles))
    named |= Q(recipient_unit__isnull=True, recipient_role__in=roles)
    return organisation & named & Q(purpose_task__in=sorted(tasks))


class ConsentQuerySet(models.QuerySet):
    def in_force(self, today):
        return self.filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=today),
            valid_from__lte=today,
            withdrawn_at__isnull=True,
        )

    def for_recipient(self, actor):
        """Consents whose recipient the actor is (the access layer's ``Actor``).

        Only through a membership whose role does client work, in the unit the
        consent names or in the role it names in a unit of the recipient
        organisation (or sector), and only where that unit serves the
        consent's purpose. One filter, tested in the database.
        """
        client_roles = set(_client_work_roles())
        condition = Q(pk__in=[])
        for membership in actor.memberships:
            if membership.role in client_roles:
                condition |= _to_recipient(
                    unit_id=membership.unit_id,
                    organization_id=membership.organization_id,
                    sector=membership.sector,
                    unit_kind=membership.unit_kind,
                    roles=[membership.role],
                )
        return self.filter(condition)

    def for_unit(self, unit, roles=None, *, on=None):
        """Consents that let data go to ``unit`` (a disclosure or a team place).

        ``roles``: the roles of the professionals who receive the data there;
        ``None`` for any role doing client work in the unit on the day ``on``.
        """
        if roles is None:
            from perhekeskus.accounts.models import Membership

            roles = (
                Membership.objects.active(on)
                .filter(unit_id=unit.pk, role__in=_client_work_roles())
                .values("role")
            )
        else:
            client_roles = set(_client_work_roles())
            roles = [role for role in roles if role in client_roles]
        return self.filter(
            _to_recipient(
                unit_id=unit.pk,
                organization_id=unit.organization_id,
                sector=unit.sector,
                unit_kind=unit.kind,
                roles=roles,
            )
        )

    def covering(self, data: str):
        """Consents that cover a disclosure of ``data`` (:attr:`Consent.DATA_COVERING`)."""
        return self.filter(data__in=Consent.DATA_COVERING[data])


class Consent(BaseModel):
    """Permission to share a person's data with a recipient, for a purpose.

    The recipient is an organisation (or a sector) *and* a unit of it or a
    professional role in it; the purpose is a service task (with the
    client's own words); the data is one of :class:`Data`; the consent is in
    force from ``valid_from`` to ``valid_until`` unless withdrawn. Consents
    recorded before the unit, the role and the purpose task were recorded
    have neither and are no basis for anything (migration 0003).
    """

    class Data(models.TextChoices):
        BASIC = "basic", _("identity, family and contact details")
        SERVICE = "service", _("service events and plans")
        ALL = "all", _("all data of the service task")

    # The consents that cover a disclosure of each class of data. A disclosure
    # always identifies the person, so service data carries the basic details
    # with it. Reading the register on a consent is narrower: see
    # ``access.table.CONSENT_DATA_KINDS``.
    DATA_COVERING = {
        Data.BASIC: (Data.BASIC, Data.SERVICE, Data.ALL),
        Data.SERVICE: (Data.SERVICE, Data.ALL),
        Data.ALL: (Data.ALL,),
    }

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="consents", verbose_name=_("whose data")
    )
    given_by = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="consents_given",
        verbose_name=_("consented by"),
        help_text=_("The person themself, or a guardian for a child."),
    )
    recipient_organization = models.ForeignKey(
        "catalogue.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("to organisation"),
    )
    recipient_sector = models.CharField(
        _("to sector"), max_length=20, choices=Sector.choices, blank=True
    )
    recipient_unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("to unit"),
    )
    recipient_role = models.CharField(
        _("to professionals in the role"), max_length=30, choices=Role.choices, blank=True
    )
    purpose_task = models.CharField(
        _("for the service task"), max_length=30, choices=ServiceTask.choices, blank=True
    )
    purpose = models.CharField(_("purpose"), max_length=300)
    data = models.CharField(_("data"), max_length=20, choices=Data.choices, default=Data.BASIC)
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(recipient_organization__isnull=False) | ~Q(recipient_sector=""),
                name="consent_has_recipient",
                violation_error_message=_("Name the recipient: an organisation or a sector."),
            ),
            # A consent for a purpose names the unit or the role that receives
            # the data. Consents recorded before either was (migration 0003)
            # have no purpose task either and are no basis for anything.
            models.CheckConstraint(
                condition=Q(recipient_unit__isnull=False)
                | ~Q(recipient_role="")
                | Q(purpose_task=""),
                name="consent_names_unit_or_role",
                violation_error_message=_(
                    "Name the receiving unit or the professionals' role (or both)."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.purpose}"

    @property
    def names_recipient(self) -> bool:
        """Recorded with a unit or a role and a purpose task: a basis at all."""
        return bool((self.recipient_unit_id or self.recipient_role) and self.purpose_task)

    def state_on(self, day: datetime.date) -> str:
        """``withdrawn``, ``future``, ``expired`` or ``in_force`` on ``day``."""
        if self.withdrawn_at is not None:
            return "withdrawn"
        if self.valid_from > day:
            return "future"
        if self.valid_until is not None and self.valid_until < day:
            return "expired"
        return "in_force"

    @property
    def state(self) -> str:
        return self.state_on(timezone.localdate())

    @staticmethod
    def recipient_errors(
        *, organization, sector: str, unit, role: str, purpose_task: str
    ) -> dict[str, list[str]]:
        """What is wrong with a consent's recipient and purpose, by field."""
        from .rules import tasks_served_by

        errors: dict[str, list[str]] = {}

        def error(field: str, message) -> None:
            errors.setdefault(field, []).append(str(message))

        if organization is None and not sector:
            error(NON_FIELD_ERRORS, _("Name the recipient: an organisation or a sector."))
        if unit is None and not role:
            error(
                NON_FIELD_ERRORS,
                _("Name the receiving unit or the professionals' role (or both)."),
            )
        if not purpose_task:
            error("purpose_task", _("Choose the service task the data is given for."))
        if role and role not in _client_work_roles():
            error(
                "recipient_role",
                _("Only professionals who work with clients can receive data on a consent."),
            )
        if unit is not None:
            if organization is not None and unit.organization_id != organization.pk:
                error(
                    "recipient_unit",
                    _(
                        "%(unit)s is not a unit of %(organisation)s. Choose a unit of the "
                        "organisation that receives the data."
                    )
                    % {"unit": unit.name, "organisation": organization.name},
                )
            elif organization is None and sector and unit.sector != sector:
                error(
                    "recipient_unit",
                    _("%(unit)s does not work in the sector named (%(sector)s).")
                    % {"unit": unit.name, "sector": Sector(sector).label},
                )
            elif not unit.is_active:
                error("recipient_unit", _("%(unit)s is no longer active.") % {"unit": unit.name})
            elif purpose_task and purpose_task not in tasks_served_by(unit.kind):
                error(
                    "purpose_task",
                    _(
                        "%(unit)s does not provide %(task)s: choose the unit that does the "
                        "work the consent is for."
                    )
                    % {"unit": unit.name, "task": ServiceTask(purpose_task).label},
                )
        return errors

    def clean(self):
        super().clean()
        errors = self.recipient_errors(
            organization=self.recipient_organization,
            sector=self.recipient_sector,
            unit=self.recipient_unit,
            role=self.recipient_role,
            purpose_task=self.purpose_task,
        )
        if self.valid_until is not None and self.valid_from and self.valid_until < self.valid_from:
            errors["valid_until"] = [str(_("The consent cannot end before it begins."))]
        if errors:
            raise ValidationError(errors)


class DisclosureProhibition(BaseModel):
    """A client's prohibition to disclose: one document, a service task or an organisation."""

    class Scope(models.TextChoices):
        DOCUMENT = "document", _("one document")
        SERVICE_TASK = "service_task", _("a service task")
        ORGANIZATION = "organization", _("an organisation")

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="prohibitions", verbose_name=_("whose data")
    )
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    document_ref = models.CharField(_("document"), max_length=100, blank=True)
    service_task = models.CharField(
        _("service task"), max_length=30, choices=ServiceTask.choices, blank=True
    )
    organization = models.ForeignKey(
        "catalogue.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    given_on = models.DateField(_("given"), default=timezone.localdate)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("disclosure prohibition")
        verbose_name_plural = _("disclosure prohibitions")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(scope="document", document_ref__gt="")
                    | Q(scope="service_task", service_task__gt="")
                    | Q(scope="organization", organization__isnull=False)
                ),
                name="prohibition_scope_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_scope_display()}"


class ServiceProvision(models.Model):
    """An organisation that provides the organiser's services by voucher or purchase.

    A disclosure prohibition does not apply towards these (703/2023).
    """

    class Kind(models.TextChoices):
        VOUCHER = "voucher", _("service voucher provider")
        PURCHASED = "purchased", _("purchased-service provider")

    organiser = models.ForeignKey(
        "catalogue.Organization", on_delete=models.PROTECT, related_name="+"
    )
    provider = models.ForeignKey(
        "catalogue.Organization", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("until"), null=True, blank=True)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("provider of the organiser's services")
        verbose_name_plural = _("providers of the organiser's services")

    def __str__(self) -> str:
        return f"{self.provider} ({self.get_kind_display()})"


class AccessGrant(BaseModel):
    """Access opened on a statutory right or in an emergency, with its reason.

    Emergency access ("break the glass") is flagged for the auditor's review
    (:class:`perhekeskus.audit.models.EmergencyReview`).
    """

    class Kind(models.TextChoices):
        STATUTORY = "statutory", _("statutory right")
        EMERGENCY = "emergency", _("emergency access")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="grants")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    legal_ground = models.CharField(_("legal ground"), max_length=40, blank=True)
    reason = models.TextField(_("reason"))
    unit_name = models.CharField(_("unit"), max_length=200, blank=True)
    expires_at = models.DateTimeField(_("expires"))

    class Meta:
        verbose_name = _("special access")
        verbose_name_plural = _("special accesses")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "family", "expires_at"], name="grant_user_family")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.user} → {self.family}"


class HistoryEntry(models.Model):
    """What changed in the register, by whom and when (written by services)."""

    family = models.ForeignKey(
        Family, on_delete=models.PROTECT, null=True, blank=True, related_name="history"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="history"
    )
    at = models.DateTimeField(_("time"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    model = models.CharField(_("record"), max_length=60)
    object_id = models.UUIDField(_("record id"))
    change = models.CharField(_("change"), max_length=20)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    hidden_from_guardians = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history entries")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.model} {self.change}"
