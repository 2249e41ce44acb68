"""Forms of case work (validation only; the services write)."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from perhekeskus.access import rules as access_rules
from perhekeskus.catalogue.models import Service, TaxonomyTerm
from perhekeskus.families.forms import IdentityCodeField
from perhekeskus.programme.models import Municipality
from perhekeskus.web.forms import LongTextField

from .models import (
    MATTER_TASKS,
    MAX_ANSWER,
    MAX_CLOSURE_SUMMARY,
    MAX_SITUATION,
    MAX_TRANSFER_REASON,
    MAX_UNREACHABLE_NOTE,
    Contact,
    Matter,
    TeamMember,
)

_PHONE = re.compile(r"^\+?[0-9 ()\-]{5,30}$")

LANGUAGE_CHOICES = [
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("other", _("another language (tell us which in your message)")),
]


def add_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's refusal on the form: on its field when the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for item in errors:
                message = item.message % item.params if item.params else item.message
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def municipalities_with_a_family_centre():
    from perhekeskus.accounts.models import Unit

    centres = Unit.objects.filter(kind=Unit.Kind.FAMILY_CENTRE, is_active=True)
    return Municipality.objects.filter(
        Q(pk__in=centres.values("municipality_id"))
        | Q(region_id__in=centres.values("municipality__region_id"), region__isnull=False)
    ).order_by("name")


class PhoneField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and not _PHONE.match(value):
            raise ValidationError(_("Give the phone number with digits, e.g. 040 123 4567."))
        return value


class _ContactFields(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        empty_label="—",
        help_text=_("The family centre of this municipality answers you."),
    )
    situation = LongTextField(
        label=_("Your situation in your own words"),
        limit=MAX_SITUATION,
        help_text=_("What is happening, and what kind of help you would like."),
    )
    life_situations = forms.ModelMultipleChoiceField(
        label=_("What are you worried about?"),
        queryset=TaxonomyTerm.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    child_age = forms.IntegerField(
        label=_("Child's age (years)"),
        min_value=0,
        max_value=25,
        required=False,
        help_text=_("Of the child the matter concerns most; leave empty if you are expecting."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language you would like to be served in"), choices=LANGUAGE_CHOICES
    )
    contact_way = forms.ChoiceField(
        label=_("How should we contact you?"),
        choices=Contact.ContactWay.choices,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    phone = PhoneField(label=_("Phone"))
    email = forms.EmailField(label=_("Email"), max_length=254, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities_with_a_family_centre()
        self.fields["life_situations"].queryset = TaxonomyTerm.objects.filter(
            taxonomy=TaxonomyTerm.Taxonomy.LIFE_SITUATION, parent__isnull=True
        ).order_by("order", "code")


class AskForHelpForm(_ContactFields):
    # The service page the family came from; an unknown id is simply dropped.
    service = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    field_order = [
        "situation",
        "life_situations",
        "child_age",
        "municipality",
        "preferred_language",
        "contact_way",
        "name",
        "phone",
        "email",
    ]

    def __init__(self, *args, signed_in: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].help_text = _("Optional. You may also ask anonymously.")
        if not signed_in:
            self.fields["contact_way"].choices = [
                c for c in Contact.ContactWay.choices if c[0] != Contact.ContactWay.MESSAGE
            ]
            self.fields["phone"].help_text = _("A phone number or an email address is needed.")


class OnBehalfForm(_ContactFields):
    referrer_unit = forms.ChoiceField(label=_("Your unit"))
    basis = forms.ChoiceField(
        label=_("Basis for contacting"),
        choices=[c for c in Contact.Basis.choices if c[0]],
        widget=forms.RadioSelect,
    )
    identity_code = IdentityCodeField(
        label=_("Identity code of the child or parent"),
        required=False,
        help_text=_(
            "Needed with the family's consent: the consent in force is recorded with the contact."
        ),
    )

    field_order = [
        "referrer_unit",
        "basis",
        "identity_code",
        "situation",
        "life_situations",
        "child_age",
        "municipality",
        "preferred_language",
        "name",
        "contact_way",
        "phone",
        "email",
    ]

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referrer_unit"].choices = [(str(u.pk), u.name) for u in units]
        self.fields["situation"].label = _("The family's situation and why you contact us")
        self.fields["name"].label = _("Name of the parent or the young person")
        self.fields["contact_way"].choices = [
            c for c in Contact.ContactWay.choices if c[0] != Contact.ContactWay.MESSAGE
        ]
        self.fields["life_situations"].label = _("What worries you about the family?")


class AnswerForm(forms.Form):
    answer = LongTextField(
        label=_("Answer to the family"),
        rows=5,
        limit=MAX_ANSWER,
        help_text=_("The advice given; the family sees it."),
    )
    suggested_services = forms.ModelMultipleChoiceField(
        label=_("Services suggested"),
        queryset=Service.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, services=None, **kwargs):
        super().__init__(*args, **kwargs)
        if services is not None:
            self.fields["suggested_services"].queryset = services


class UnreachableForm(forms.Form):
    note = LongTextField(
        label=_("How the family was tried to be reached"),
        rows=2,
        limit=MAX_UNREACHABLE_NOTE,
    )


class FamilySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the register"),
        max_length=100,
        required=False,
        help_text=_("Name, identity code or date of birth (d.m.yyyy)."),
    )


class OpenMatterForm(forms.Form):
    unit = forms.ChoiceField(label=_("Unit"))
    service_task = forms.ChoiceField(label=_("Service task"), choices=MATTER_TASKS)
    special_support = forms.BooleanField(
        label=_("A child in need of special support (statutory deadlines, SHL §36)"),
        required=False,
    )
    urgent = forms.BooleanField(label=_("Urgent"), required=False)
    responsible_worker = forms.ChoiceField(label=_("Responsible worker"), required=False)

    def __init__(self, *args, units=(), workers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(str(u.pk), u.name) for u in units]
        self.fields["responsible_worker"].choices = [("", _("name later"))] + [
            (str(u.pk), label) for u, label in workers
        ]


class WorkerForm(forms.Form):
    user = forms.ChoiceField(label=_("Responsible worker"))
    reason = forms.CharField(label=_("Reason"), max_length=300)
    # The worker the page showed: a change made meanwhile by someone else is not overwritten.
    replaces = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, workers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [(str(u.pk), label) for u, label in workers]


class TeamMemberForm(forms.Form):
    membership = forms.ChoiceField(label=_("Professional"))
    role_in_family = forms.CharField(
        label=_("Role in the family's work"),
        max_length=200,
        help_text=_("For example: supports the child at school."),
    )
    scope = forms.ChoiceField(
        label=_("May see"), choices=TeamMember.Scope.choices, widget=forms.RadioSelect
    )
    basis = forms.ChoiceField(
        label=_("Basis"), choices=TeamMember.Basis.choices, widget=forms.RadioSelect
    )
    statutory_ground = forms.ChoiceField(label=_("Statutory ground"), required=False)

    def __init__(self, *args, memberships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].choices = [(str(m.pk), label) for m, label in memberships]
        self.fields["statutory_ground"].choices = [("", "—")] + [
            (g.code, f"{g.label} ({g.reference})")
            for g in access_rules.STATUTORY_GROUNDS.values()
            if g.for_reading
        ]


class CloseForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason for closing"), choices=Matter.ClosureReason.choices)
    summary = LongTextField(label=_("Summary"), rows=4, limit=MAX_CLOSURE_SUMMARY)


class TransferForm(forms.Form):
    to_unit = forms.ChoiceField(label=_("Transfer to the unit"))
    # Required by the service, which says why (one message for the page and the API).
    reason = LongTextField(
        label=_("Reason for the transfer"),
        required=False,
        limit=MAX_TRANSFER_REASON,
        rows=3,
        help_text=_("It is kept with the matter's history, with your name and the time."),
    )
    responsible_worker = forms.ChoiceField(
        label=_("Responsible worker after the transfer"),
        required=False,
        help_text=_("Leave as it is to keep the current responsible worker."),
    )

    def __init__(self, *args, units=(), workers=(), keep_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].choices = [("", "—")] + [(str(u.pk), u.name) for u in units]
        self.fields["responsible_worker"].choices = [("", keep_label or "—")] + [
            (str(u.pk), label) for u, label in workers
        ]
