"""The choices of a dashboard: which region, indicator, period length and span."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .definitions import INDICATORS
from .periods import GRAIN_LABELS, Grain
from .selectors import organiser_regions

YEARS = (1, 2, 3, 5)


def _region_choices():
    return [(region.code, region.name) for region in organiser_regions()]


class RegionForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = _region_choices()


class DashboardForm(RegionForm):
    indicator = forms.ChoiceField(
        label=_("Indicator"),
        required=False,
        choices=[(i.code, i.name) for i in INDICATORS],
    )
    grain = forms.ChoiceField(
        label=_("Figures by"),
        required=False,
        choices=[(g.value, label) for g, label in GRAIN_LABELS.items()],
    )
    years = forms.TypedChoiceField(label=_("Span"), required=False, coerce=int)

    def __init__(self, *args, default_grain=Grain.MONTH, default_years=3, **kwargs):
        super().__init__(*args, **kwargs)
        # Labels made now, in the language of the request.
        self.fields["years"].choices = [
            (y, _("last %(n)s years") % {"n": y} if y > 1 else _("last year")) for y in YEARS
        ]
        self.defaults = {
            "indicator": INDICATORS[0].code,
            "grain": default_grain,
            "years": default_years,
        }

    def choice(self, name: str):
        """The valid choice of a field, or its default."""
        if self.is_bound and self.is_valid() and self.cleaned_data.get(name) not in (None, ""):
            return self.cleaned_data[name]
        return self.defaults.get(name)


class CompareForm(DashboardForm):
    regions = forms.MultipleChoiceField(
        label=_("Regions"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every region."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, default_grain=Grain.YEAR, **kwargs)
        del self.fields["region"]
        self.fields["regions"].choices = _region_choices()


class ShiftForm(DashboardForm):
    """A region and a span of years: the shift is followed year by year."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, default_grain=Grain.YEAR, default_years=5, **kwargs)
        del self.fields["indicator"]
        del self.fields["grain"]


class PublicForm(RegionForm):
    """The public page: a region only (whole regions, the last three years)."""
