from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ChangeAgent, ChangeProject, Region


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class _VersionedForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields["version"].initial = self.instance.version
        self.fields["region"].queryset = Region.objects.order_by("kind", "name")
        for name in ("starts_on", "ends_on"):
            self.fields[name].widget = _DateInput()

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class ChangeProjectForm(_VersionedForm):
    class Meta:
        model = ChangeProject
        fields = (
            "region",
            "name",
            "starts_on",
            "ends_on",
            "contact_name",
            "contact_email",
            "funding_amount",
            "funding_source",
            "description",
        )
        help_texts = {"funding_source": _("For example: STM regional development grant")}


class ChangeAgentForm(_VersionedForm):
    class Meta:
        model = ChangeAgent
        fields = (
            "region",
            "project",
            "name",
            "title",
            "email",
            "phone",
            "starts_on",
            "ends_on",
            "funding_amount",
            "funding_source",
        )
