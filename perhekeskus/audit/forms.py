from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.families.forms import IdentityCodeField

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]


def date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        help_text=_("Day.month.year, for example 1.3.2025."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class ReviewForm(forms.Form):
    justified = forms.TypedChoiceField(
        label=_("Was the access justified?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class LogSearchForm(forms.Form):
    identity_code = IdentityCodeField(label=_("Person's identity code"), required=False)
    professional = forms.CharField(
        label=_("Professional's user name"), max_length=150, required=False
    )
    since = date_field(_("From"))
    until = date_field(_("Until"))


class MyLogForm(forms.Form):
    since = date_field(_("Show from"))
