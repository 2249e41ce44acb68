"""The edit forms: a snapshot in, a validated snapshot out.

One page edits the whole service: the service's own fields, and formsets for
the locations, channels, opening hours and exceptions. Each row of a formset
carries the id (``key``) of the record it edits; a key that is not part of
this service (a forged id) is refused with a message, never saved.
"""

from __future__ import annotations

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalogue.models import (
    HoursException,
    Language,
    Location,
    OpeningHours,
    Service,
    ServiceChannel,
    TaxonomyTerm,
)
from perhekeskus.programme.models import Municipality
from perhekeskus.web.forms import LongTextField

from . import snapshot as snap
from .diff import language_name

# Finland's bounding box (the model's validators say the same, in numbers).
LATITUDE = (59.0, 70.5)
LONGITUDE = (19.0, 32.0)


def _relabel(form: forms.BaseForm) -> None:
    """'name_sv' reads 'Name (Swedish)' instead of modeltranslation's 'name [sv]'."""
    for name, field in form.fields.items():
        base, _sep, lang = name.rpartition("_")
        if lang in snap.LANGS and base:
            model_field = form._meta.model._meta.get_field(base)
            label = str(model_field.verbose_name)
            field.label = f"{label[:1].upper()}{label[1:]} ({language_name(lang)})"


class ServiceForm(forms.ModelForm):
    areas = forms.ModelMultipleChoiceField(
        Municipality.objects.order_by("name"),
        to_field_name="code",
        required=False,
        label=_("Municipalities served"),
    )
    languages = forms.ModelMultipleChoiceField(
        Language.objects.all(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Languages"),
    )
    target_groups = forms.ModelMultipleChoiceField(
        TaxonomyTerm.objects.filter(taxonomy=TaxonomyTerm.Taxonomy.TARGET_GROUP),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Who the service is for"),
    )
    life_situations = forms.ModelMultipleChoiceField(
        TaxonomyTerm.objects.filter(taxonomy=TaxonomyTerm.Taxonomy.LIFE_SITUATION),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Needs and life situations"),
    )

    class Meta:
        model = Service
        fields = [*snap.translated(snap.SERVICE_TEXT), *snap.SERVICE_PLAIN]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self)
        for name in snap.translated(snap.SERVICE_TEXT):
            self.fields[name].required = False

    def clean(self):
        data = super().clean()
        if not data.get("name_fi") and not data.get("name_sv"):
            self.add_error("name_fi", _("Give the service a name in Finnish or Swedish."))
        if not data.get("summary_fi") and not data.get("summary_sv"):
            self.add_error("summary_fi", _("Give a summary in Finnish or Swedish."))
        age_min, age_max = data.get("age_min"), data.get("age_max")
        if age_min is not None and age_max is not None and age_min > age_max:
            self.add_error("age_max", _("The upper age limit is below the lower one."))
        return data

    def content(self) -> dict:
        data = self.cleaned_data
        out = {name: data.get(name) or "" for name in snap.translated(snap.SERVICE_TEXT)}
        for name in snap.SERVICE_PLAIN:
            out[name] = data.get(name)
        out["email"] = out["email"] or ""
        out["url"] = out["url"] or ""
        for name in snap.SERVICE_RELATED:
            out[name] = sorted(item.code for item in data.get(name) or [])
        return out


def service_initial(content: dict) -> dict:
    return dict(content["service"])


class KeyedForm(forms.Form):
    key = forms.CharField(required=False, widget=forms.HiddenInput)


class LocationForm(forms.ModelForm):
    key = forms.CharField(required=False, widget=forms.HiddenInput)
    municipality = forms.ModelChoiceField(
        Municipality.objects.order_by("name"), to_field_name="code", label=_("Municipality")
    )

    class Meta:
        model = Location
        fields = ["key", *snap.translated(snap.LOCATION_TEXT), *snap.LOCATION_PLAIN]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self)
        for name in snap.translated(snap.LOCATION_TEXT):
            self.fields[name].required = False
        for name in ("name_fi", "street_address_fi", "post_office_fi"):
            self.fields[name].required = True

    def clean_postal_code(self):
        value = self.cleaned_data["postal_code"]
        if not (len(value) == 5 and value.isdigit()):
            raise ValidationError(_("A postal code is five digits."))
        return value

    def clean_latitude(self):
        value = self.cleaned_data["latitude"]
        if value is not None and not LATITUDE[0] <= value <= LATITUDE[1]:
            raise ValidationError(_("The latitude is outside Finland (59.0–70.5)."))
        return value

    def clean_longitude(self):
        value = self.cleaned_data["longitude"]
        if value is not None and not LONGITUDE[0] <= value <= LONGITUDE[1]:
            raise ValidationError(_("The longitude is outside Finland (19.0–32.0)."))
        return value

    def content(self) -> dict:
        data = self.cleaned_data
        out = {"id": data.get("key") or str(uuid.uuid4())}
        for name in snap.translated(snap.LOCATION_TEXT):
            out[name] = data.get(name) or ""
        for name in snap.LOCATION_PLAIN:
            out[name] = data.get(name)
        out["municipality"] = data["municipality"].code
        return out


class ChannelForm(forms.ModelForm):
    key = forms.CharField(required=False, widget=forms.HiddenInput)
    # Chosen by key, not a model field here: the model's check is made in clean().
    location = forms.ChoiceField(required=False, label=_("Location"))
    field_order = ["key", "kind", "location"]

    class Meta:
        model = ServiceChannel
        fields = [
            "key",
            "kind",
            *snap.translated(snap.CHANNEL_TEXT),
            "phone",
            "url",
            "email",
            "order",
        ]

    def __init__(self, *args, location_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self)
        self.fields["location"].choices = [("", _("(no location)")), *location_choices]
        for name in snap.translated(snap.CHANNEL_TEXT):
            self.fields[name].required = False
        self.fields["order"].required = False

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == ServiceChannel.Kind.IN_PERSON and not data.get("location"):
            self.add_error("location", _("A channel for visits in person needs a location."))
        if kind == ServiceChannel.Kind.PHONE and not data.get("phone"):
            self.add_error("phone", _("A phone channel needs a phone number."))
        if kind in ServiceChannel.ELECTRONIC_KINDS and not data.get("url"):
            self.add_error("url", _("A web or video channel needs a web address."))
        return data

    def content(self) -> dict:
        data = self.cleaned_data
        out = {"id": data.get("key") or str(uuid.uuid4())}
        for name in snap.translated(snap.CHANNEL_TEXT):
            out[name] = data.get(name) or ""
        out.update(
            kind=data["kind"],
            location=data.get("location") or None,
            phone=data.get("phone") or "",
            url=data.get("url") or "",
            email=data.get("email") or "",
            order=data.get("order") or 0,
        )
        return out


class HoursForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"))
    weekday = forms.TypedChoiceField(
        choices=OpeningHours.Weekday.choices, coerce=int, label=_("Weekday")
    )
    opens = forms.TimeField(label=_("Opens"), widget=forms.TimeInput(attrs={"type": "time"}))
    closes = forms.TimeField(label=_("Closes"), widget=forms.TimeInput(attrs={"type": "time"}))
    valid_from = forms.DateField(
        required=False, label=_("Valid from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_to = forms.DateField(
        required=False, label=_("Valid until"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, channel_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = list(channel_choices)

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens"), data.get("closes")
        if opens and closes and closes <= opens:
            self.add_error("closes", _("The closing time must be after the opening time."))
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("The end date is before the start date."))
        return data

    def content(self) -> tuple[str, dict]:
        data = self.cleaned_data
        return data["channel"], {
            "weekday": data["weekday"],
            "opens": data["opens"].strftime("%H:%M"),
            "closes": data["closes"].strftime("%H:%M"),
            "valid_from": data["valid_from"].isoformat() if data.get("valid_from") else None,
            "valid_to": data["valid_to"].isoformat() if data.get("valid_to") else None,
        }


class ExceptionForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"))
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    closed = forms.BooleanField(required=False, label=_("Closed all day"))
    opens = forms.TimeField(
        required=False, label=_("Opens"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    closes = forms.TimeField(
        required=False, label=_("Closes"), widget=forms.TimeInput(attrs={"type": "time"})
    )

    def __init__(self, *args, channel_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = list(channel_choices)
        max_length = HoursException._meta.get_field("note").max_length
        for lang in snap.LANGS:
            self.fields[f"note_{lang}"] = forms.CharField(
                required=False,
                max_length=max_length,
                label=f"{_('Note')} ({language_name(lang)})",
            )

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens"), data.get("closes")
        if not data.get("closed"):
            if not (opens and closes):
                self.add_error(
                    "opens", _("Give the opening and closing times, or mark the day closed.")
                )
            elif closes <= opens:
                self.add_error("closes", _("The closing time must be after the opening time."))
        return data

    def content(self) -> tuple[str, dict]:
        data = self.cleaned_data
        closed = bool(data.get("closed"))
        out = {
            "date": data["date"].isoformat(),
            "closed": closed,
            "opens": None if closed else data["opens"].strftime("%H:%M"),
            "closes": None if closed else data["closes"].strftime("%H:%M"),
        }
        for lang in snap.LANGS:
            out[f"note_{lang}"] = data.get(f"note_{lang}") or ""
        return data["channel"], out


class BaseKeyedFormSet(forms.BaseFormSet):
    """Rows may only name records this form showed; new rows have no key."""

    allowed_keys: frozenset[str] = frozenset()

    def clean(self):
        super().clean()
        for form in self.forms:
            key = form.cleaned_data.get("key") if hasattr(form, "cleaned_data") else None
            if key and key not in self.allowed_keys:
                form.add_error(
                    None, _("This row refers to a record that is not part of the service.")
                )


class BaseLocationFormSet(BaseKeyedFormSet):
    pass


LocationFormSet = forms.formset_factory(
    LocationForm, formset=BaseLocationFormSet, extra=1, can_delete=True, max_num=50
)
ChannelFormSet = forms.formset_factory(
    ChannelForm, formset=BaseKeyedFormSet, extra=1, can_delete=True, max_num=50
)
HoursFormSet = forms.formset_factory(HoursForm, extra=2, can_delete=True, max_num=200)
ExceptionFormSet = forms.formset_factory(ExceptionForm, extra=1, can_delete=True, max_num=200)


class ServiceEditForms:
    """Every form of the edit page, built from a snapshot (and the POST data)."""

    def __init__(self, content: dict, organization, data=None):
        self.content = content
        self.organization = organization
        locations = content.get("locations", [])
        channels = content.get("channels", [])
        own_locations = {
            str(pk): name
            for pk, name in Location.objects.filter(organization=organization).values_list(
                "pk", "name"
            )
        }
        self.location_choices = {loc["id"]: loc.get("name_fi") or loc["id"] for loc in locations}
        for pk, name in own_locations.items():
            self.location_choices.setdefault(pk, name)
        self.channel_choices = {c["id"]: _channel_label(c) for c in channels}
        self.service = ServiceForm(data, prefix="service", initial=service_initial(content))
        self.locations = LocationFormSet(
            data,
            prefix="loc",
            initial=[{**loc, "key": loc["id"]} for loc in locations],
        )
        self.locations.allowed_keys = frozenset(loc["id"] for loc in locations)
        self.channels = ChannelFormSet(
            data,
            prefix="chan",
            initial=[{**c, "key": c["id"], "location": c.get("location") or ""} for c in channels],
            form_kwargs={
                "location_choices": sorted(self.location_choices.items(), key=lambda i: i[1])
            },
        )
        self.channels.allowed_keys = frozenset(c["id"] for c in channels)
        choices = list(self.channel_choices.items())
        self.hours = HoursFormSet(
            data,
            prefix="hours",
            initial=[{**h, "channel": c["id"]} for c in channels for h in c.get("hours", [])],
            form_kwargs={"channel_choices": choices},
        )
        self.exceptions = ExceptionFormSet(
            data,
            prefix="exc",
            initial=[{**e, "channel": c["id"]} for c in channels for e in c.get("exceptions", [])],
            form_kwargs={"channel_choices": choices},
        )
        self.errors: list[str] = []

    @property
    def all(self):
        return [self.service, self.locations, self.channels, self.hours, self.exceptions]

    def is_valid(self) -> bool:
        valid = all([f.is_valid() for f in self.all])
        if valid:
            self._result = self._build()
        return valid and not self.errors

    def _kept(self, formset):
        return [
            form
            for form in formset.forms
            if form.has_changed() or form.initial
            if not (formset.can_delete and form.cleaned_data.get("DELETE"))
            if form.cleaned_data
        ]

    def _build(self) -> dict:
        locations = {}
        for form in self._kept(self.locations):
            item = form.content()
            locations[item["id"]] = item
        channels = []
        for form in self._kept(self.channels):
            item = form.content()
            location = item["location"]
            if location and location not in locations:
                if location in self.locations.allowed_keys:
                    self.errors.append(
                        _("A channel uses a location you removed; choose another location.")
                    )
                else:
                    own = Location.objects.filter(pk=location, organization=self.organization)
                    locations[location] = snap.location_data(own.get())
            item["hours"], item["exceptions"] = [], []
            channels.append(item)
        by_id = {c["id"]: c for c in channels}
        for formset, field in ((self.hours, "hours"), (self.exceptions, "exceptions")):
            for form in self._kept(formset):
                channel_id, item = form.content()
                if channel_id not in by_id:
                    self.errors.append(_("Opening hours refer to a channel you removed."))
                    continue
                by_id[channel_id][field].append(item)
        for c in channels:
            c["hours"].sort(key=lambda h: (h["weekday"], h["opens"], h["valid_from"] or ""))
            c["exceptions"].sort(key=lambda e: e["date"])
        return {
            "service": self.service.content(),
            "locations": sorted(locations.values(), key=lambda loc: loc["id"]),
            "channels": channels,
        }

    def service_groups(self) -> list[tuple[str, list]]:
        """The service form's fields in the page's sections."""
        form = self.service
        groups = [
            (
                _("Texts in %(language)s") % {"language": language_name(lang)},
                [
                    form[f"{name}_{lang}"]
                    for name in snap.SERVICE_TEXT
                    if name != "eligibility_description"
                ],
            )
            for lang in snap.LANGS
        ]
        groups.append(
            (
                _("Who can use the service"),
                [form[f"eligibility_description_{lang}"] for lang in snap.LANGS]
                + [
                    form[name]
                    for name in ("age_min", "age_max", "target_groups", "life_situations")
                ]
                + [form[name] for name in ("anonymous", "referral_required", "low_threshold")],
            )
        )
        groups.append(
            (
                _("Cost, status and reach"),
                [form[name] for name in ("cost", "status", "national", "areas", "languages")]
                + [form["email"], form["url"]],
            )
        )
        return groups

    @property
    def result(self) -> dict:
        return self._result


def _channel_label(channel: dict) -> str:
    kind = ServiceChannel.Kind(channel["kind"]).label
    detail = channel.get("phone") or channel.get("url") or channel.get("email") or ""
    return f"{kind} {detail}".strip()


class RejectForm(forms.Form):
    reason = LongTextField(
        label=_("Reason for returning the change"),
        limit=2000,
        rows=3,
    )


class CompareForm(forms.Form):
    a = forms.IntegerField(label=_("Compare version"), min_value=1)
    b = forms.IntegerField(label=_("with version"), min_value=1)
