"""The forms of the screening and of each step of the full assessment.

Every form cleans into plain JSON values (strings, booleans, lists, ISO
dates), the shape kept in ``Assessment.content`` and in the versions.
"""

from __future__ import annotations

import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.lengths import too_long
from perhekeskus.web.forms import CountedTextarea

from .choices import (
    Article,
    ChildGroup,
    Direction,
    Directness,
    Kind,
    Method,
    Size,
)

TEXT_MAX = 10_000
# A Finnish personal identity code (henkilötunnus): nothing identifiable about
# a child or a family belongs in an assessment, which may be published.
IDENTITY_CODE = re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]\b", re.IGNORECASE)
NO_NAMES_HELP = _("Do not write names or anything else that identifies a child or a family.")


def _check_text(value: str) -> str:
    value = value.replace("\x00", "").strip()
    if IDENTITY_CODE.search(value):
        raise ValidationError(
            _("Remove the personal identity code: an assessment never identifies a person.")
        )
    return value


class Text(forms.CharField):
    """A text field: NUL characters removed, no personal identity codes.

    A long text has a visible counter and is refused (never cut) over its
    limit; a short one is an input with its ``max_length``.
    """

    def __init__(self, *, long: bool = True, **kwargs):
        kwargs.setdefault("required", False)
        self.limit = None
        if long:
            self.limit = kwargs.pop("max_length", TEXT_MAX)
            kwargs.setdefault("widget", CountedTextarea(limit=self.limit, attrs={"rows": 5}))
        else:
            kwargs.setdefault("max_length", 300)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value and self.limit is not None:
            value = value.replace("\r\n", "\n")
        return _check_text(value)

    def validate(self, value):
        super().validate(value)
        if self.limit is not None and (error := too_long(value, self.limit)) is not None:
            raise error


class DateField(forms.DateField):
    """A date cleaned to its ISO text (JSON-safe)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        super().__init__(**kwargs)

    def clean(self, value):
        cleaned = super().clean(value)
        return cleaned.isoformat() if cleaned else ""

    def prepare_value(self, value):
        return value or ""


def _blank(choices) -> list:
    return [("", "–")] + list(choices)


class ContentForm(forms.Form):
    """Base of the step forms: ``version`` is the assessment version the form
    was opened at (the optimistic check)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class MatterForm(ContentForm):
    """The screening: the matter and whether it affects children."""

    title = Text(long=False, required=True, label=_("Matter being prepared"))
    decision_maker = Text(
        long=False,
        required=True,
        label=_("Decision-maker"),
        help_text=_("The body or official who decides, e.g. the county board."),
    )
    planned_decision_date = DateField(label=_("Planned decision date"))
    preparer = forms.ChoiceField(label=_("Responsible preparer"))
    kind = forms.ChoiceField(
        label=_("Kind of assessment"), choices=Kind.choices, initial=Kind.BEFORE
    )
    affects_directly = forms.BooleanField(
        required=False, label=_("The matter affects children directly")
    )
    affects_indirectly = forms.BooleanField(
        required=False,
        label=_("The matter affects children indirectly"),
        help_text=_("For example through their parents, their surroundings or services."),
    )
    how = Text(
        label=_("How it affects children"),
        help_text=NO_NAMES_HELP,
    )
    groups = forms.MultipleChoiceField(
        required=False,
        label=_("Groups of children affected"),
        choices=ChildGroup.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    other_groups = Text(long=False, label=_("Other groups of children"))
    full_needed = forms.ChoiceField(
        required=False,
        label=_("Conclusion"),
        choices=[
            ("yes", _("A full assessment is needed")),
            ("no", _("No full assessment is needed")),
        ],
        widget=forms.RadioSelect,
    )
    reason = Text(label=_("Reason for the conclusion"))

    def __init__(self, *args, preparers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preparer"].choices = _blank(preparers)

    def clean(self):
        data = super().clean()
        affects = data.get("affects_directly") or data.get("affects_indirectly")
        if not affects and (data.get("groups") or data.get("other_groups")):
            self.add_error(
                "groups",
                _(
                    "You said the matter does not affect children: say how it does, "
                    "or leave the groups empty."
                ),
            )
        if data.get("full_needed") and not data.get("reason"):
            self.add_error("reason", _("Give the reason for the conclusion."))
        if data.get("full_needed") == "yes" and not affects:
            self.add_error(
                "full_needed",
                _("A full assessment needs the matter to affect children directly or indirectly."),
            )
        return data


class NeedForm(ContentForm):
    need = Text(
        label=_("Why the matter is assessed"),
        help_text=_("What is being decided, and why its effects on children must be known."),
    )


class ScopeForm(ContentForm):
    scope = Text(
        label=_("What the assessment covers"),
        help_text=_("The parts of the matter, the area, the children and the time span."),
    )
    excluded = Text(label=_("What is left out, and why"))


class LawForm(ContentForm):
    non_discrimination = Text(
        label=_("Non-discrimination (article 2)"),
        help_text=_("Does any group of children lose out or get treated differently?"),
    )
    best_interests = Text(
        label=_("The best interests of the child (article 3)"),
        help_text=_("How the decision weighs the best interests of the child first."),
    )
    life_development = Text(
        label=_("Right to life and development (article 6)"),
        help_text=_("Effects on health, growth, learning and safety."),
    )
    heard = Text(
        label=_("Right to be heard (article 12)"),
        help_text=_("How children's views were sought and given weight."),
    )
    articles = forms.MultipleChoiceField(
        required=False,
        label=_("Other articles of the Convention that apply"),
        choices=Article.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    articles_note = Text(label=_("How the other articles apply"))
    national_law = Text(
        label=_("National law"),
        help_text=_(
            "E.g. the Constitution §6 and §22, the Child Welfare Act 417/2007 §4, "
            "the Local Government Act 410/2015 §22, the Youth Act 1285/2016 §24, "
            "the Basic Education Act 628/1998, the Early Childhood Education Act 540/2018."
        ),
    )


class ScheduleForm(ContentForm):
    schedule = Text(label=_("Schedule of the assessment"))
    responsibilities = Text(
        label=_("Who does what"),
        help_text=_("The preparer, the experts asked and who hears the children."),
    )


class OptionForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)
    title = Text(long=False, label=_("Option"))
    description = Text(label=_("What the option means"))

    def clean_key(self):
        key = self.cleaned_data.get("key") or ""
        return key if re.fullmatch(r"[0-9a-f]{8,32}", key) else uuid.uuid4().hex[:12]

    def clean(self):
        data = super().clean()
        if data.get("description") and not data.get("title"):
            self.add_error("title", _("Give the option a name."))
        return data


OptionFormSet = forms.formset_factory(OptionForm, extra=1, can_delete=True, max_num=12)


class EvidenceForm(ContentForm):
    sources = Text(
        label=_("Other background data and sources"),
        help_text=_(
            "Reports, statistics, studies, feedback and expert views, with where to find them."
        ),
    )
    unknowns = Text(
        label=_("What is not known"),
        help_text=_("The gaps in the evidence, and what they mean for the conclusions."),
    )


class IndicatorLinkForm(forms.Form):
    """A new indicator for the evidence: one imported or one operational."""

    indicator = forms.ChoiceField(required=False, label=_("Imported indicator"))
    operational_code = forms.ChoiceField(required=False, label=_("Operational indicator"))
    note = Text(long=False, label=_("What it tells about this matter"))

    def __init__(self, *args, imported=(), operational=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = _blank(imported)
        self.fields["operational_code"].choices = _blank(operational)

    def clean(self):
        data = super().clean()
        if data.get("indicator") and data.get("operational_code"):
            raise ValidationError(_("Choose one indicator at a time."))
        if data.get("note") and not (data.get("indicator") or data.get("operational_code")):
            raise ValidationError(_("Choose the indicator the note is about."))
        return data


class ParticipationForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)
    method = forms.ChoiceField(required=False, label=_("Method"), choices=_blank(Method.choices))
    children = forms.IntegerField(
        required=False, min_value=0, max_value=1_000_000, label=_("How many children took part")
    )
    ages = Text(long=False, label=_("Ages"), help_text=_("E.g. 7–12"), max_length=40)
    held_on = DateField(label=_("When"))
    said = Text(label=_("What the children said"), help_text=NO_NAMES_HELP)
    used = Text(label=_("How their views were taken into account"))

    def clean_key(self):
        key = self.cleaned_data.get("key") or ""
        return key if re.fullmatch(r"[0-9a-f]{8,32}", key) else uuid.uuid4().hex[:12]

    def clean(self):
        data = super().clean()
        filled = any(data.get(k) not in (None, "") for k in ("children", "ages", "said", "used"))
        if filled and not data.get("method"):
            self.add_error("method", _("Choose how the children were heard."))
        return data


ParticipationFormSet = forms.formset_factory(
    ParticipationForm, extra=1, can_delete=True, max_num=20
)


class ParticipationStepForm(ContentForm):
    not_heard_reason = Text(
        label=_("If children were not heard, why not"),
        help_text=_(
            "The right to be heard (article 12) applies to every matter that affects them."
        ),
    )


class EffectForm(forms.Form):
    """The effect of one option on one group of children."""

    directness = forms.ChoiceField(
        required=False, label=_("Direct or indirect"), choices=_blank(Directness.choices)
    )
    short_direction = forms.ChoiceField(
        required=False, label=_("Short term: direction"), choices=_blank(Direction.choices)
    )
    short_size = forms.ChoiceField(
        required=False, label=_("Short term: size"), choices=_blank(Size.choices)
    )
    long_direction = forms.ChoiceField(
        required=False, label=_("Long term: direction"), choices=_blank(Direction.choices)
    )
    long_size = forms.ChoiceField(
        required=False, label=_("Long term: size"), choices=_blank(Size.choices)
    )
    description = Text(label=_("The effect in words"))

    def clean(self):
        data = super().clean()
        for term in ("short", "long"):
            direction, size = data.get(f"{term}_direction"), data.get(f"{term}_size")
            if direction in ("", None, Direction.NONE) and size:
                self.add_error(f"{term}_size", _("An option with no effect has no size."))
            elif direction not in ("", None, Direction.NONE) and not size:
                self.add_error(f"{term}_size", _("Say how large the effect is."))
        return data


class EffectsStepForm(ContentForm):
    pass


class ConflictsForm(ContentForm):
    conflicts = Text(
        label=_("Conflicts between groups of children or interests"),
        help_text=_(
            "Where one group gains and another loses, or children's interests meet others'."
        ),
    )
    mitigation = Text(label=_("How the harm is mitigated"))


class RecommendationForm(ContentForm):
    option = forms.ChoiceField(required=False, label=_("Recommended option"))
    reasons = Text(label=_("Why this option is best for children overall"))

    def __init__(self, *args, options=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].choices = _blank(options)


class InformingForm(ContentForm):
    how = Text(
        label=_("How the children are told the result"),
        help_text=_("In words children understand, through the channels they use."),
    )
    when = DateField(label=_("When"))
    done = forms.BooleanField(required=False, label=_("The children have been told"))

    def clean(self):
        data = super().clean()
        if data.get("done") and not data.get("when"):
            self.add_error("when", _("Give the date the children were told."))
        return data


class FollowUpForm(ContentForm):
    date = DateField(
        label=_("Follow-up date"),
        help_text=_("The preparer is reminded in the tool and by email on this day."),
    )
    what = Text(label=_("What is followed, and how"))
    follow = forms.MultipleChoiceField(
        required=False,
        label=_("Indicators to follow"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Add indicators in the step Background data and evidence."),
    )

    def __init__(self, *args, links=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["follow"].choices = list(links)


class SignOffForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    statement = Text(label=_("Statement"), help_text=_("Optional: what you checked."))
    confirm = forms.BooleanField(label=_("I have read this version and sign it off"), required=True)


class PublishForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    confirm = forms.BooleanField(
        label=_("Publish this version on the public web page and as a PDF"), required=True
    )


class CompareForm(forms.Form):
    a = forms.IntegerField(label=_("Older version"), min_value=1, max_value=1_000_000)
    b = forms.IntegerField(label=_("Newer version"), min_value=1, max_value=1_000_000)
