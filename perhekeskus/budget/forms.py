from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.programme.models import Municipality, Region

from .models import Category, ServiceLevel

MAX_FILE_BYTES = 5 * 1024 * 1024


def entity_choices():
    organisers = [
        (r.code, r.name)
        for r in Region.objects.exclude(kind=Region.Kind.LAPE_REGION).order_by("name")
    ]
    municipalities = [
        (m.code, f"{m.name} ({m.code})") for m in Municipality.objects.order_by("name")
    ]
    return [
        ("", "—"),
        (_("Wellbeing services counties and Helsinki"), organisers),
        (_("Municipalities"), municipalities),
    ]


class AccountsImportForm(forms.Form):
    entity = forms.ChoiceField(label=_("Whose accounts"), choices=())
    file = forms.FileField(
        label=_("Accounts file (CSV)"),
        help_text=_(
            "Columns: account class (e.g. Tehtäväluokka), year (Vuosi) and euros (Euroa); "
            "semicolon or comma separated."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entity"].choices = entity_choices()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is over 5 MB."))
        return upload


class AreaForm(forms.Form):
    area = forms.ChoiceField(label=_("Area"), choices=())

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = list(areas)


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=())

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, y) for y in years]


class MappingRowForm(forms.Form):
    base_version = forms.IntegerField(widget=forms.HiddenInput)
    class_name = forms.CharField(label=_("Account class"), max_length=200)
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    child_share = forms.DecimalField(
        label=_("Share of users aged 0–17"),
        required=False,
        min_value=0,
        max_value=1,
        decimal_places=4,
        help_text=_("Only for child-related classes: a number from 0 to 1, e.g. 0.35."),
    )
    share_basis = forms.CharField(label=_("Basis of the share"), required=False, max_length=300)
    service_level = forms.TypedChoiceField(
        label=_("Service level"),
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", "—"), *ServiceLevel.choices],
    )
    note = forms.CharField(
        label=_("What changed and why"),
        max_length=300,
        help_text=_("Shown in the list of mapping versions."),
    )


class MappingDeleteForm(forms.Form):
    base_version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Why the class is removed"), max_length=300)


class PopulationForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Indicator of the number of children aged 0–17"))

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(i.code, f"{i.name} ({i.code})") for i in indicators]
