"""Forms of the assessment and plan pages (validation only; services write)."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalogue.models import Service
from perhekeskus.web.forms import LongTextField

from .models import GatheredHow, Method, PlanAction

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
# How many catalogue services the action form offers at once.
SERVICE_CHOICES_LIMIT = 300


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _date_field(label, **kwargs):
    return forms.DateField(
        label=label, required=False, input_formats=DATE_FORMATS, widget=DateInput(), **kwargs
    )


class ReasonForm(forms.Form):
    """Starting or completing: the reason is needed only when late (the service decides)."""

    reason = LongTextField(
        label=_("Reason for the delay"),
        required=False,
        limit=4_000,
        rows=3,
        help_text=_("Needed only when the due date has passed."),
    )


class SectionForm(forms.Form):
    text = LongTextField(label=_("Text"), limit=20_000, rows=12)
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class ChildViewForm(SectionForm):
    child_age = forms.IntegerField(
        label=_("The child's age when heard (years)"), min_value=0, max_value=17
    )
    gathered_how = forms.ChoiceField(
        label=_("How the child's view was heard"),
        choices=GatheredHow.choices,
        widget=forms.RadioSelect,
    )
    gathered_note = forms.CharField(
        label=_("More about how and where"),
        required=False,
        max_length=300,
        help_text=_("For example: at home, with the family worker, in the child's own room."),
    )
    own_words = forms.BooleanField(
        label=_("The text is in the child's own words"),
        required=False,
        help_text=_("Leave unticked when the text is a professional's summary of the view."),
    )

    field_order = ["child_age", "gathered_how", "gathered_note", "own_words", "text", "version"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("The child's view")


class CosignForm(forms.Form):
    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class VersionForm(forms.Form):
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class NotNeededForm(VersionForm):
    reason = LongTextField(
        label=_("Why no plan is needed"),
        limit=4_000,
        rows=4,
        help_text=_("SHL §39: a plan is made unless it is obviously unnecessary."),
    )


class AgreeForm(VersionForm):
    note = forms.CharField(
        label=_("How it was agreed (optional)"),
        required=False,
        max_length=2_000,
        help_text=_("For example: in a meeting with both parents and Aino."),
    )


class NotDeliveredForm(forms.Form):
    reason = LongTextField(
        label=_("Why it was not delivered"),
        limit=4_000,
        rows=2,
    )


class CommentForm(forms.Form):
    text = LongTextField(label=_("Your comment"), limit=4_000, rows=4)


class CompareForm(forms.Form):
    a = forms.IntegerField(label=_("Earlier version"), min_value=1)
    b = forms.IntegerField(label=_("Later version"), min_value=1)


class PlanForm(VersionForm):
    review_on = _date_field(_("When we look at the plan again"))


class GoalForm(forms.Form):
    id = forms.UUIDField(required=False, widget=forms.HiddenInput)
    text = LongTextField(
        label=_("Goal in the family's own words"),
        limit=2_000,
        rows=2,
    )
    said_by = forms.CharField(
        label=_("Whose words"),
        required=False,
        max_length=200,
        help_text=_("For example: mother, the child, the whole family."),
    )
    child = forms.ChoiceField(
        label=_("The child's own goal"),
        required=False,
        help_text=_("Choose the child when the goal is the child's own."),
    )
    remove = forms.BooleanField(label=_("Remove this goal"), required=False)

    def __init__(self, *args, children=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].choices = [("", _("No: an adult's or the whole family's goal"))] + [
            (str(c.pk), c.first_names) for c in children
        ]
        self.fields["child"].error_messages["invalid_choice"] = _("Choose a child of this family.")


class ActionForm(forms.Form):
    id = forms.UUIDField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *PlanAction.Kind.choices])
    goal = forms.ChoiceField(label=_("Towards the goal"), required=False)
    service = forms.ChoiceField(
        label=_("Service from the catalogue"),
        required=False,
        help_text=_("For a service, NGO and parish services included."),
    )
    method = forms.ChoiceField(label=_("Method"), required=False)
    appointment_count = forms.IntegerField(
        label=_("Number of appointments"), required=False, min_value=1, max_value=200
    )
    receiver = forms.CharField(
        label=_("To whom (referral or consultation)"), required=False, max_length=200
    )
    referral = forms.ChoiceField(
        label=_("A referral made in this matter (optional)"),
        required=False,
        help_text=_("Links the action to a referral or consultation of the referrals page."),
    )
    description = LongTextField(
        label=_("What is done, in plain words"),
        limit=4_000,
        rows=2,
    )
    responsible = forms.ChoiceField(
        label=_("Who is responsible"),
        choices=PlanAction.Responsible.choices,
        widget=forms.RadioSelect,
        initial=PlanAction.Responsible.PROFESSIONAL,
    )
    responsible_user = forms.ChoiceField(label=_("Responsible professional"), required=False)
    responsible_note = forms.CharField(label=_("Who in the family"), required=False, max_length=200)
    starts_on = _date_field(_("From"))
    ends_on = _date_field(_("Until"))
    schedule = forms.CharField(
        label=_("When"),
        required=False,
        max_length=200,
        help_text=_("For example: every other Tuesday."),
    )
    follow_up = LongTextField(
        label=_("How progress is followed"),
        limit=4_000,
        rows=2,
    )
    remove = forms.BooleanField(label=_("Remove this action"), required=False)

    def __init__(self, *args, goals=(), services=(), methods=(), team=(), referrals=(), **kwargs):
        super().__init__(*args, **kwargs)
        blank = [("", "—")]
        self.fields["goal"].choices = blank + [
            (str(g.pk), f"{g.child.first_names}: {g.text[:80]}" if g.child_id else g.text[:80])
            for g in goals
        ]
        self.fields["service"].choices = blank + [
            (str(s.pk), f"{s.name} – {s.organization.name}") for s in services
        ]
        self.fields["method"].choices = blank + [(m.code, m.name) for m in methods]
        self.fields["referral"].choices = blank + [
            (
                str(r.pk),
                f"{r.get_kind_display()} → {r.receiver_unit.name} ({r.get_state_display()})",
            )
            for r in referrals
        ]
        self.fields["responsible_user"].choices = blank + [
            (str(u.pk), u.get_full_name() or u.get_username()) for u in team
        ]


class BaseItemFormSet(forms.BaseFormSet):
    def __init__(self, *args, form_kwargs=None, **kwargs):
        super().__init__(*args, form_kwargs=form_kwargs or {}, **kwargs)

    def items(self) -> list[dict]:
        """Cleaned data of the forms that say something (blank new rows left out)."""
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or (not data.get("id") and not form.has_changed()):
                continue
            if not data.get("id") and data.get("remove"):
                continue
            rows.append(data)
        return rows


GoalFormSet = forms.formset_factory(
    GoalForm, formset=BaseItemFormSet, extra=1, max_num=50, absolute_max=60, validate_max=True
)
ActionFormSet = forms.formset_factory(
    ActionForm, formset=BaseItemFormSet, extra=1, max_num=60, absolute_max=80, validate_max=True
)


def catalogue_services(*, municipality_id=None, chosen=(), query: str = ""):
    """Active services to choose from: those of the unit's municipality and
    national ones (or matching ``query``), and those already in the plan."""
    services = Service.objects.filter(status=Service.Status.ACTIVE).select_related("organization")
    # A NUL byte cannot be sent to PostgreSQL; no service name contains one.
    query = (query or "").replace("\x00", "").strip()
    wanted = Q(pk__in=list(chosen))
    if query:
        wanted |= Q(name__icontains=query) | Q(organization__name__icontains=query)
    elif municipality_id is not None:
        wanted |= Q(national=True) | Q(areas=municipality_id)
    else:
        wanted = Q()
    return list(services.filter(wanted).distinct().order_by("name")[:SERVICE_CHOICES_LIMIT])


def active_methods():
    return list(Method.objects.filter(is_active=True))
