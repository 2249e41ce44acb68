"""The finder's search form, shared by the HTML pages and the API.

Bad input never breaks a search: an unknown or malformed value is reported
(``form.problems``, shown as a notice in HTML, a 400 with the reason in the
API) and the rest of the search goes on without it. Over-long text is cut
with a notice.
"""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import selectors
from .kinds import kind_choices
from .models import ServiceChannel
from .query import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_OFFSET,
    MAX_QUERY_LENGTH,
    REMOTE,
    ServiceQuery,
    Sort,
)

TRUE_VALUES = {"1", "true", "on", "yes"}
FALSE_VALUES = {"", "0", "false", "off", "no"}
RADIUS_CHOICES = [("", _("Any distance"))] + [
    (str(km), _("within %(km)s km") % {"km": km}) for km in (1, 2, 5, 10, 25, 50, 100)
]
MAX_PAGE = MAX_OFFSET // DEFAULT_LIMIT
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    """Normalise what a person typed: NFC, no control characters, single spaces."""
    value = unicodedata.normalize("NFC", value)
    value = _CONTROL.sub(" ", value)
    return " ".join(value.split())


class FlagCheckbox(forms.CheckboxInput):
    """A checkbox that hands the raw value to the field to judge."""

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class FlagField(forms.Field):
    """A yes/no filter that refuses values it does not understand."""

    widget = FlagCheckbox
    default_error_messages = {"invalid": _("Use true or false.")}

    def to_python(self, value):
        if isinstance(value, bool):
            return value
        text = str(value or "").strip().lower()
        if text in TRUE_VALUES:
            return True
        if text in FALSE_VALUES:
            return False
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class CheckboxList(forms.CheckboxSelectMultiple):
    """Checkboxes rather than a multi-select list box: easier by touch,
    keyboard and screen reader alike."""

    option_template_name = "web/widgets/choice_option.html"


def _channel_choices():
    return [(REMOTE, _("online or remote (phone, web, video)")), *ServiceChannel.Kind.choices]


class ServiceSearchForm(forms.Form):
    q = forms.CharField(label=_("What are you looking for?"), required=False, strip=False)
    age = forms.IntegerField(
        label=_("Child's age (years)"), required=False, min_value=0, max_value=29
    )
    municipality = forms.CharField(label=_("Municipality"), required=False, widget=forms.Select)
    postal_code = forms.CharField(label=_("Postal code"), required=False, max_length=5)
    near = forms.CharField(required=False, widget=forms.HiddenInput)
    radius_km = forms.FloatField(
        label=_("Distance"),
        required=False,
        min_value=0.1,
        max_value=1000,
        widget=forms.Select(choices=RADIUS_CHOICES),
    )
    language = forms.MultipleChoiceField(label=_("Language"), required=False, widget=CheckboxList)
    channel = forms.MultipleChoiceField(label=_("How"), required=False, widget=CheckboxList)
    free = FlagField(label=_("Free of charge"), required=False)
    anonymous = FlagField(label=_("Can be used anonymously"), required=False)
    no_referral = FlagField(label=_("No referral needed"), required=False)
    open_now = FlagField(label=_("Open now"), required=False)
    provider_kind = forms.MultipleChoiceField(
        label=_("Provider"),
        required=False,
        choices=kind_choices,
        widget=CheckboxList,
    )
    life_situation = forms.MultipleChoiceField(
        label=_("Life situation"), required=False, widget=CheckboxList
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            (Sort.RELEVANCE, _("best match")),
            (Sort.DISTANCE, _("nearest first")),
            (Sort.NAME, _("name")),
        ],
    )
    page = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_PAGE, widget=forms.HiddenInput
    )
    limit = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_LIMIT, widget=forms.HiddenInput
    )
    offset = forms.IntegerField(
        required=False, min_value=0, max_value=MAX_OFFSET, widget=forms.HiddenInput
    )

    MULTI = ("language", "channel", "provider_kind", "life_situation")

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.notices: list[str] = []
        self.problems: dict[str, str] = {}
        choices = selectors.finder_choices()
        self.fields["municipality"].widget.choices = [
            ("", _("All municipalities"))
        ] + choices.municipalities
        self.fields["language"].choices = choices.languages
        self.fields["life_situation"].choices = choices.life_situations
        self.fields["channel"].choices = _channel_choices()
        self._municipality_names = choices.municipality_names
        self._near: tuple[float, float] | None = None
        self._near_label = ""

    # -- field cleaning -------------------------------------------------

    def clean_q(self):
        text = clean_text(self.cleaned_data.get("q") or "")
        if len(text) > MAX_QUERY_LENGTH:
            text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
            self.notices.append(
                ngettext(
                    "Your search was longer than %(count)d character and was shortened.",
                    "Your search was longer than %(count)d characters and was shortened.",
                    MAX_QUERY_LENGTH,
                )
                % {"count": MAX_QUERY_LENGTH}
            )
        return text

    def clean_municipality(self):
        raw = clean_text(self.cleaned_data.get("municipality") or "")
        if not raw:
            return None
        code = self._municipality_names.get(raw.casefold())
        if code is None:
            raise forms.ValidationError(
                _("Unknown municipality “%(value)s”."), code="unknown", params={"value": raw[:60]}
            )
        return code

    def clean_postal_code(self):
        raw = (self.cleaned_data.get("postal_code") or "").strip()
        if not raw:
            return ""
        if not re.fullmatch(r"\d{5}", raw):
            raise forms.ValidationError(_("A postal code has five digits."), code="invalid")
        return raw

    def clean_near(self):
        raw = (self.cleaned_data.get("near") or "").strip()
        if not raw:
            return None
        try:
            lat_text, lon_text = raw.split(",")
            lat, lon = float(lat_text), float(lon_text)
        except ValueError:
            raise forms.ValidationError(
                _("Give the place as latitude,longitude, for example 61.69,27.27."), code="invalid"
            ) from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise forms.ValidationError(_("The coordinates are out of range."), code="range")
        return (lat, lon)

    def clean_sort(self):
        return self.cleaned_data.get("sort") or Sort.RELEVANCE

    def clean(self):
        data = super().clean()
        near = data.get("near")
        postal_code = data.get("postal_code")
        if near is None and postal_code:
            near = selectors.postal_code_position(postal_code)
            if near is None:
                self.add_error(
                    "postal_code",
                    forms.ValidationError(
                        _(
                            "We could not place postal code %(code)s; it was left out of the search."
                        ),
                        code="unknown",
                        params={"code": postal_code},
                    ),
                )
            else:
                self._near_label = postal_code
        self._near = near
        if data.get("sort") == Sort.DISTANCE and near is None:
            self.add_error(
                "sort",
                forms.ValidationError(
                    _("To sort by distance, give a postal code or use your location."),
                    code="needs_place",
                ),
            )
        if data.get("radius_km") is not None and near is None and "near" not in self.errors:
            self.add_error(
                "radius_km",
                forms.ValidationError(
                    _("A distance needs a place: give a postal code or use your location."),
                    code="needs_place",
                ),
            )
        return data

    def full_clean(self):
        super().full_clean()
        # Keep the valid values of multi-valued filters; report the others.
        for name in self.MULTI:
            if name in self.errors:
                valid = {str(value) for value, _label in self.fields[name].choices}
                raw = self.data.getlist(name) if hasattr(self.data, "getlist") else []
                self.cleaned_data[name] = [v for v in raw if v in valid]
                unknown = [v[:40] for v in raw if v not in valid]
                self.errors[name] = self.error_class(
                    [_("Unknown value ignored: %(values)s.") % {"values": ", ".join(unknown)}]
                )
        for name, errors in self.errors.items():
            self.problems[name] = " ".join(str(e) for e in errors)

    # -- result ---------------------------------------------------------

    def _value(self, name, default=None):
        if name in self.problems and name not in self.MULTI:
            return default
        value = self.cleaned_data.get(name)
        return default if value in (None, "") else value

    def to_query(self) -> ServiceQuery:
        if not hasattr(self, "cleaned_data"):
            self.full_clean()
        limit = self._value("limit", DEFAULT_LIMIT)
        offset = self._value("offset")
        if offset is None:
            offset = (self._value("page", 1) - 1) * limit
        return ServiceQuery(
            text=self._value("q", ""),
            age=self._value("age"),
            municipality=self._value("municipality"),
            near=self._near,
            near_label=self._near_label,
            radius_km=self._value("radius_km") if self._near is not None else None,
            languages=tuple(self._value("language", ())),
            channels=tuple(self._value("channel", ())),
            free=self._value("free", False),
            anonymous=self._value("anonymous", False),
            no_referral=self._value("no_referral", False),
            provider_kinds=tuple(self._value("provider_kind", ())),
            life_situations=tuple(self._value("life_situation", ())),
            open_now=self._value("open_now", False),
            sort=self._value("sort", Sort.RELEVANCE),
            limit=limit,
            offset=min(offset, MAX_OFFSET),
        )
