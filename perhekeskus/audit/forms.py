from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.families.forms import IdentityCodeField


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
    since = forms.DateField(label=_("From"), required=False, input_formats=["%d.%m.%Y", "%Y-%m-%d"])
    until = forms.DateField(
        label=_("Until"), required=False, input_formats=["%d.%m.%Y", "%Y-%m-%d"]
    )


class MyLogForm(forms.Form):
    since = forms.DateField(
        label=_("Show from"), required=False, input_formats=["%d.%m.%Y", "%Y-%m-%d"]
    )
