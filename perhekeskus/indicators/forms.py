from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Observation
from .services import DEFAULT_LICENCE

MAX_FILE_BYTES = 20 * 1024 * 1024


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class ImportForm(forms.Form):
    SOTKANET = "sotkanet"
    JSONSTAT = "jsonstat"

    kind = forms.ChoiceField(
        label=_("Format"),
        choices=[
            (SOTKANET, _("THL Sotkanet REST 1.1 JSON")),
            (JSONSTAT, _("THL statistical cube, JSON-stat 2.0")),
        ],
        widget=forms.RadioSelect,
        initial=SOTKANET,
    )
    data = forms.FileField(label=_("Data file (JSON)"))
    meta = MultipleFileField(
        label=_("Sotkanet metadata files (JSON)"),
        required=False,
        help_text=_("For Sotkanet: the indicator metadata and the region list, saved as JSON."),
    )
    fetched_on = forms.DateField(
        label=_("Fetched on"), widget=_DateInput(), initial=timezone.localdate
    )
    licence = forms.CharField(label=_("Licence"), initial=DEFAULT_LICENCE, max_length=100)

    def clean(self):
        cleaned = super().clean()
        files = [cleaned.get("data"), *(cleaned.get("meta") or [])]
        for upload in files:
            if upload is not None and upload.size > MAX_FILE_BYTES:
                raise forms.ValidationError(
                    _("%(name)s is over 20 MB: save a smaller selection.") % {"name": upload.name}
                )
        if cleaned.get("kind") == self.SOTKANET and len(cleaned.get("meta") or []) < 2:
            self.add_error(
                "meta", _("Sotkanet data needs its indicator metadata and its region list.")
            )
        return cleaned


class SeriesFilterForm(forms.Form):
    area_kind = forms.ChoiceField(
        label=_("Areas"),
        required=False,
        choices=[("", _("all areas")), *Observation.AreaKind.choices],
    )
    gender = forms.ChoiceField(
        label=_("Gender"), required=False, choices=Observation.Gender.choices
    )
