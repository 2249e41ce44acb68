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
    """The family's filter: by professional and by time range."""

    professional = forms.ChoiceField(label=_("Professional"), required=False)
    since = date_field(_("Show from"))
    until = date_field(_("Show until"))

    def __init__(self, *args, professionals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["professional"].choices = [("", _("Everyone")), *professionals]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date is before the start date."))
        return data
