"""Forms of the families pages (validation only; services write)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from perhekeskus.access import rules
from perhekeskus.accounts.capabilities import Capability, capabilities_of_role
from perhekeskus.accounts.models import Role, Sector, Unit
from perhekeskus.catalogue.models import Organization
from perhekeskus.programme.models import Municipality

from . import identity
from .models import AccessGrant, Consent, FamilyMembership, Guardianship, ServiceTask
from .rules import DuplicateCheckPurpose


class IdentityCodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 11)
        kwargs.setdefault("label", _("Personal identity code"))
        kwargs.setdefault("help_text", _("For example 131052-308T."))
        super().__init__(**kwargs)

    def clean(self, value):
        value = identity.normalise(super().clean(value))
        if value:
            identity.parse(value)
        return value


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search persons"),
        max_length=100,
        required=False,
        help_text=_("Name, identity code or date of birth (d.m.yyyy)."),
    )


class NewClientForm(forms.Form):
    first_names = forms.CharField(label=_("First names"), max_length=200)
    last_name = forms.CharField(label=_("Last name"), max_length=200)
    identity_code = IdentityCodeField(required=False)
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        help_text=_("Only when the person has no identity code (d.m.yyyy)."),
        input_formats=["%d.%m.%Y", "%Y-%m-%d"],
    )
    role = forms.ChoiceField(label=_("Role in the family"), choices=FamilyMembership.Role.choices)
    service_task = forms.ChoiceField(label=_("Service task"), choices=ServiceTask.choices)
    unit = forms.ChoiceField(label=_("Your unit"))
    confirm_not_duplicate = forms.BooleanField(
        label=_("I have checked that the person is not already in the register: save a new person"),
        required=False,
    )

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(str(u.pk), u.name) for u in units]

    def clean(self):
        data = super().clean()
        if not data.get("identity_code") and not data.get("date_of_birth"):
            raise ValidationError(_("Give the identity code or, without one, the date of birth."))
        return data


class ClientSearchForm(NewClientForm):
    """A new client with the purpose of the search before saving (logged)."""

    purpose = forms.ChoiceField(
        label=_("Why you search the register"),
        choices=[("", "—"), *DuplicateCheckPurpose.choices],
        help_text=_("Logged with the search."),
    )
    field_order = ["purpose"]


class SpecialAccessForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Basis"), choices=AccessGrant.Kind.choices, widget=forms.RadioSelect
    )
    identity_code = IdentityCodeField()
    legal_ground = forms.ChoiceField(label=_("Statutory ground"), required=False)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Why you need the data now. The reason is logged and reviewed."),
    )

    def __init__(self, *args, grounds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["legal_ground"].choices = [("", "—")] + [
            (g.code, f"{g.label} ({g.reference})") for g in grounds
        ]


def _unit_choices():
    """Active units grouped by organisation (a plain grouped select)."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for unit in (
        Unit.objects.filter(is_active=True)
        .select_related("organization")
        .order_by("organization__name", "name")
    ):
        grouped.setdefault(unit.organization.name, []).append((str(unit.pk), unit.name))
    return [("", "—"), *grouped.items()]


class ConsentForm(forms.Form):
    """A consent binds recipient, purpose, data and time (client act 812/2000
    ch. 3, 703/2023): the unit or the role is chosen within the organisation."""

    person = forms.ChoiceField(label=_("Whose data"))
    given_by = forms.ChoiceField(label=_("Consented by"))
    recipient_organization = forms.ModelChoiceField(
        label=_("To organisation"),
        queryset=Organization.objects.filter(units__is_active=True).distinct().order_by("name"),
        required=False,
    )
    recipient_sector = forms.ChoiceField(
        label=_("Or to a sector"), choices=[("", "—"), *Sector.choices], required=False
    )
    recipient_unit = forms.ChoiceField(
        label=_("Receiving unit"),
        required=False,
        help_text=_("A unit of the organisation above. Leave empty to name a role instead."),
    )
    recipient_role = forms.ChoiceField(
        label=_("Receiving professionals' role"),
        required=False,
        help_text=_(
            "Professionals in this role in the organisation (in the unit above, if one is named)."
        ),
    )
    purpose_task = forms.ChoiceField(
        label=_("For the service task"),
        choices=[("", "—"), *ServiceTask.choices],
        help_text=_("The work the data is given for; only units doing it receive the data."),
    )
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=300,
        help_text=_("In the client's words, e.g. “the day-care's contact to the family centre”."),
    )
    data = forms.ChoiceField(label=_("Data"), choices=Consent.Data.choices)
    valid_until = forms.DateField(
        label=_("Valid until"), required=False, input_formats=["%d.%m.%Y", "%Y-%m-%d"]
    )

    def __init__(self, *args, persons=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(p.id), p.full_name) for p in persons]
        self.fields["person"].choices = choices
        self.fields["given_by"].choices = choices
        self.fields["recipient_unit"].choices = _unit_choices()
        self.fields["recipient_role"].choices = [("", "—")] + [
            (value, label)
            for value, label in Role.choices
            if Capability.CLIENT_WORK in capabilities_of_role(value)
        ]

    def clean_recipient_unit(self):
        value = self.cleaned_data.get("recipient_unit")
        if not value:
            return None
        unit = Unit.objects.select_related("organization").filter(pk=value).first()
        if unit is None:
            raise ValidationError(_("Choose a unit from the list."))
        return unit

    def clean(self):
        data = super().clean()
        errors = Consent.recipient_errors(
            organization=data.get("recipient_organization"),
            sector=data.get("recipient_sector", ""),
            unit=data.get("recipient_unit"),
            role=data.get("recipient_role", ""),
            purpose_task=data.get("purpose_task", ""),
        )
        for field, messages in errors.items():
            if field in self.errors:
                continue  # already told what is wrong with it
            for message in messages:
                self.add_error(None if field == NON_FIELD_ERRORS else field, message)
        return data


class DisclosureForm(forms.Form):
    person = forms.ChoiceField(label=_("Whose data"))
    recipient = forms.ModelChoiceField(
        label=_("Recipient organisation"), queryset=Organization.objects.order_by("name")
    )
    data = forms.ChoiceField(label=_("Data"), choices=Consent.Data.choices)
    service_task = forms.ChoiceField(
        label=_("Service task"), choices=[("", "—"), *ServiceTask.choices], required=False
    )
    document_ref = forms.CharField(label=_("Document"), max_length=100, required=False)
    statutory_ground = forms.ChoiceField(label=_("Statutory right"), required=False)
    disclose = forms.BooleanField(
        label=_("Disclose now if allowed (otherwise only check)"), required=False
    )

    def __init__(self, *args, persons=(), capabilities=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(str(p.id), p.full_name) for p in persons]
        self.fields["statutory_ground"].choices = [("", "—")] + [
            (g.code, f"{g.label} ({g.reference})")
            for g in rules.grounds_for(capabilities, reading=False)
        ]


# --- The register's upkeep -------------------------------------------------

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]


DAY_HINT = _("d.m.yyyy")


def _date(label, *, required=False, help_text=DAY_HINT):
    return forms.DateField(
        label=label, required=required, input_formats=DATE_FORMATS, help_text=help_text
    )


class VersionedForm(forms.Form):
    """Carries the version of the record the user saw (refused when stale)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class MemberAddForm(VersionedForm):
    """A member for the family: an existing person found by the search, or a new one."""

    role = forms.ChoiceField(label=_("Role in the family"), choices=FamilyMembership.Role.choices)
    starts_on = _date(_("Member from"), help_text=_("d.m.yyyy; today if left empty."))
    purpose = forms.ChoiceField(
        label=_("Why you search the register"),
        choices=[("", "—"), *DuplicateCheckPurpose.choices],
        initial=DuplicateCheckPurpose.FAMILY_MEMBER,
        help_text=_("Logged with the search."),
    )
    first_names = forms.CharField(label=_("First names"), max_length=200)
    last_name = forms.CharField(label=_("Last name"), max_length=200)
    identity_code = IdentityCodeField(required=False)
    date_of_birth = _date(
        _("Date of birth"), help_text=_("Only when the person has no identity code (d.m.yyyy).")
    )
    existing = forms.ChoiceField(
        label=_("Add a person found in the register"),
        required=False,
        widget=forms.RadioSelect,
    )
    confirm_not_duplicate = forms.BooleanField(
        label=_("I have checked that the person is not already in the register: save a new person"),
        required=False,
    )

    def __init__(self, *args, found=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["existing"].choices = [("", _("None of these: a new person"))] + [
            (str(p.pk), p.label) for p in found
        ]

    def clean(self):
        data = super().clean()
        if (
            not data.get("existing")
            and not data.get("identity_code")
            and not data.get("date_of_birth")
        ):
            raise ValidationError(_("Give the identity code or, without one, the date of birth."))
        return data


class NewbornForm(VersionedForm):
    first_names = forms.CharField(
        label=_("First names"),
        max_length=200,
        help_text=_("As known now; change them when the name is given."),
    )
    last_name = forms.CharField(label=_("Last name"), max_length=200)
    date_of_birth = _date(_("Date of birth"), required=True)
    guardians = forms.MultipleChoiceField(
        label=_("Guardians"), required=False, widget=forms.CheckboxSelectMultiple
    )
    basis = forms.ChoiceField(
        label=_("Basis of custody"),
        choices=Guardianship.Basis.choices,
        initial=Guardianship.Basis.PARENTHOOD,
    )

    def __init__(self, *args, adults=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guardians"].choices = [(str(p.pk), p.full_name) for p in adults]


class MemberEndForm(VersionedForm):
    ends_on = _date(_("Member until"), help_text=_("The last day; today if left empty."))


class MoveForm(VersionedForm):
    street_address = forms.CharField(label=_("Street address"), max_length=200)
    postal_code = forms.RegexField(
        label=_("Postal code"),
        max_length=10,
        regex=r"^\d{5}$",
        error_messages={"invalid": _("A Finnish postal code has five digits, e.g. 00100.")},
    )
    post_office = forms.CharField(label=_("Post office"), max_length=100)
    municipality = forms.ModelChoiceField(
        label=_("Municipality of residence"),
        queryset=Municipality.objects.order_by("name"),
        required=False,
    )
    moved_on = _date(_("Moved on"), help_text=_("d.m.yyyy; today if left empty."))


class DeathForm(VersionedForm):
    died_on = _date(_("Date of death"), required=True)
    confirm = forms.BooleanField(
        label=_("I have checked the date of death from the population register"),
        error_messages={"required": _("Confirm that you have checked the date of death.")},
    )


class SecurityProhibitionForm(VersionedForm):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example the Digital and Population Data Services Agency's notice."),
    )


class IdentityCodeJoinForm(VersionedForm):
    identity_code = IdentityCodeField(required=True)


class GuardianshipForm(VersionedForm):
    """Start a custody, change its basis or end it."""

    class Change(models.TextChoices):
        START = "start", _("starts")
        BASIS = "basis", _("changes its basis")
        END = "end", _("ends")

    guardian = forms.ChoiceField(label=_("Guardian"))
    change = forms.ChoiceField(
        label=_("The custody"), choices=Change.choices, widget=forms.RadioSelect
    )
    basis = forms.ChoiceField(
        label=_("Basis of custody"),
        choices=[("", "—"), *Guardianship.Basis.choices],
        required=False,
    )
    on = _date(
        _("From (or the last day, when it ends)"), help_text=_("d.m.yyyy; today if left empty.")
    )

    def __init__(self, *args, guardians=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guardian"].choices = [("", "—")] + [
            (str(p.pk), p.full_name) for p in guardians
        ]

    def clean(self):
        data = super().clean()
        if data.get("change") in (self.Change.START, self.Change.BASIS) and not data.get("basis"):
            self.add_error("basis", _("Choose the basis of the custody."))
        return data


class MergeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    identity_code = IdentityCodeField(
        required=False,
        help_text=_("Optional: the identity code of the other record (e.g. 131052-308T)."),
    )
    other = forms.ChoiceField(
        label=_("The other record of the same person"), required=False, widget=forms.RadioSelect
    )
    keep = forms.ChoiceField(
        label=_("Which record is kept"),
        choices=[("this", _("this record")), ("other", _("the other record"))],
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Keep the record with the identity code; the other is marked merged."),
    )
    confirm = forms.BooleanField(
        label=_("I have checked that the two records are the same person"), required=False
    )

    def __init__(self, *args, found=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].choices = [(p.value, p.label) for p in found]
