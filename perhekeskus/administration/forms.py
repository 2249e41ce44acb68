"""Forms of the administration pages; every change asks for a short reason."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.accounts.models import Role, Sector, Unit
from perhekeskus.programme.models import Municipality

REASON_HELP = _("Why the change is made; it is kept in the log with your name.")


def reason_field():
    return forms.CharField(
        label=_("Reason for the change"),
        help_text=REASON_HELP,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DateInput(forms.DateInput):
    input_type = "date"


class ReasonForm(forms.Form):
    reason = reason_field()


class VersionedReasonForm(ReasonForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class UnitForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=None, label=_("Organisation"))
    name_fi = forms.CharField(label=_("Name in Finnish"), max_length=200)
    name_sv = forms.CharField(label=_("Name in Swedish"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name in English"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind of unit"), choices=Unit.Kind.choices)
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("The usual sector of the kind"))] + list(Sector.choices),
        required=False,
        help_text=_("The register the unit's client work belongs to."),
    )
    parent = forms.ModelChoiceField(
        queryset=None, label=_("Part of"), required=False, empty_label=_("(no unit above)")
    )
    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.order_by("name"), label=_("Municipality"), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = reason_field()

    def __init__(self, *args, organisations, units, editing: Unit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organisations
        self.fields["parent"].queryset = units.exclude(pk=editing.pk) if editing else units
        if editing is not None:
            del self.fields["organization"]
        elif organisations.count() == 1:
            self.fields["organization"].initial = organisations.first()

    def names(self) -> dict[str, str]:
        return {lang: self.cleaned_data.get(f"name_{lang}", "") for lang in ("fi", "sv", "en")}


class MembershipFields(forms.Form):
    unit = forms.ModelChoiceField(queryset=None, label=_("Unit"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput)
    valid_until = forms.DateField(
        label=_("Valid until"),
        widget=DateInput,
        required=False,
        help_text=_("Last day; empty for open-ended."),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class PersonCreateForm(MembershipFields):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        help_text=_("Used to sign in; letters, numbers and the characters . - _ @"),
    )
    reason = reason_field()

    field_order = [
        "first_name",
        "last_name",
        "email",
        "username",
        "unit",
        "role",
        "title",
        "valid_from",
        "valid_until",
        "reason",
    ]


class PersonForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    reason = reason_field()


class MembershipAddForm(MembershipFields):
    reason = reason_field()


class MembershipEditForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput)
    valid_until = forms.DateField(
        label=_("Valid until"),
        widget=DateInput,
        required=False,
        help_text=_("Last day; empty for open-ended."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = reason_field()


class MembershipEndForm(VersionedReasonForm):
    last_day = forms.DateField(label=_("Last day"), widget=DateInput)
    field_order = ["last_day", "reason", "version"]


class GrantForm(forms.Form):
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput)
    valid_until = forms.DateField(
        label=_("Valid until"),
        widget=DateInput,
        required=False,
        help_text=_("Last day; empty for open-ended. Review the right at least yearly."),
    )
    reason = forms.CharField(
        label=_("Why the task requires the right"),
        help_text=REASON_HELP,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
