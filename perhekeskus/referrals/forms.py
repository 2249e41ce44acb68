"""Forms of the referral pages (validation of input only; services write)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.access import rules
from perhekeskus.accounts.models import Unit
from perhekeskus.web.forms import LongTextField

from .models import Kind, Section, TeamRole
from .services import QUESTION_MAX_LENGTH, REASON_MAX_LENGTH


class ReceiverChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, unit):
        return f"{unit.name} ({unit.organization.name}; {unit.get_kind_display()})"


class ReferralForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, widget=forms.RadioSelect)
    sender_unit = forms.ChoiceField(label=_("Sent from your unit"))
    receiver_unit = ReceiverChoiceField(
        label=_("To the unit"),
        queryset=Unit.objects.none(),
        help_text=_(
            "For a consultation of the most demanding services, choose a competence "
            "and support centre (OT-centre)."
        ),
    )
    persons = forms.MultipleChoiceField(
        label=_("Whom it concerns"), widget=forms.CheckboxSelectMultiple
    )
    question = LongTextField(
        label=_("What you ask"),
        limit=QUESTION_MAX_LENGTH,
        rows=4,
        help_text=_("Always shown to the receiver."),
    )
    sections = forms.MultipleChoiceField(
        label=_("Shared with the receiver"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The receiver sees only what you choose here."),
    )
    summary = LongTextField(
        label=_("Summary for the receiver"),
        required=False,
        limit=QUESTION_MAX_LENGTH,
        rows=5,
        help_text=_("Shared when chosen above. Write only what the receiver needs."),
    )
    statutory_ground = forms.ChoiceField(
        label=_("Statutory ground for disclosing"),
        required=False,
        help_text=_("Only when the law gives the receiver a right to the data without consent."),
    )
    visit_person = forms.ChoiceField(label=_("Mobile team: whose home to visit"), required=False)
    team_composition = forms.MultipleChoiceField(
        label=_("Mobile team: who should come"),
        required=False,
        choices=TeamRole.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args, units=(), receivers=None, persons=(), sections=(), actor=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["sender_unit"].choices = [(str(u.pk), u.name) for u in units]
        self.fields["receiver_unit"].queryset = (
            receivers if receivers is not None else Unit.objects.none()
        )
        person_choices = [(str(p.pk), p.full_name) for p in persons]
        self.fields["persons"].choices = person_choices
        self.fields["visit_person"].choices = [("", "—"), *person_choices]
        labels = dict(Section.choices)
        self.fields["sections"].choices = [(code, labels[code]) for code in sections]
        grounds = rules.grounds_for(actor.capabilities, reading=False) if actor else []
        self.fields["statutory_ground"].choices = [("", "—")] + [
            (g.code, f"{g.label} ({g.reference})") for g in grounds
        ]


class ReasonForm(forms.Form):
    reason = LongTextField(label=_("Reason"), limit=REASON_MAX_LENGTH, rows=3)


class AcceptForm(forms.Form):
    note = LongTextField(
        label=_("Note for the sender"),
        required=False,
        limit=REASON_MAX_LENGTH,
        rows=2,
    )


class DoneForm(forms.Form):
    summary = LongTextField(
        label=_("What was done"),
        limit=REASON_MAX_LENGTH,
        rows=4,
        help_text=_("A summary for the sender."),
    )
