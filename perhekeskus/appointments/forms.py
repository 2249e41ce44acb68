"""Forms of the appointment pages (validation only; services write)."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.web.forms import LongTextField

from .models import Mode, validate_url_template
from .services import (
    MAX_DEVICE_NOTE,
    MAX_INTERVAL_DAYS,
    MAX_NOTE_FOR_FAMILY,
    MAX_PLACE,
    MAX_REASON,
    MAX_SERIES,
)

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class BookingForm(forms.Form):
    mode = forms.ChoiceField(label=_("How"), choices=Mode.choices, widget=forms.RadioSelect)
    day = forms.DateField(label=_("Day"), widget=DateInput(), input_formats=DATE_FORMATS)
    start = forms.TimeField(
        label=_("Starts at"), widget=TimeInput(), input_formats=["%H:%M", "%H.%M"]
    )
    minutes = forms.IntegerField(
        label=_("Length in minutes"), min_value=5, max_value=720, initial=60
    )
    participants = forms.MultipleChoiceField(
        label=_("Professionals"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Everyone who takes part. Each must work on the family's matter."),
    )
    location = forms.ChoiceField(label=_("Office location"), required=False)
    place = forms.CharField(
        label=_("Office address or room"),
        max_length=MAX_PLACE,
        required=False,
        help_text=_("At the office: when the place is not among the locations, or the room."),
    )
    contact_person = forms.ChoiceField(
        label=_("Whose home or phone"),
        required=False,
        help_text=_("For a home visit or a phone call."),
    )
    device_lent = forms.BooleanField(
        label=_("A device (e.g. a tablet) is lent to the family for the video meeting"),
        required=False,
    )
    device_note = forms.CharField(
        label=_("Device"),
        max_length=MAX_DEVICE_NOTE,
        required=False,
        help_text=_("Which device, e.g. its inventory number."),
    )
    device_return_by = forms.DateField(
        label=_("Device to be returned by"),
        widget=DateInput(),
        input_formats=DATE_FORMATS,
        required=False,
    )
    note_for_family = LongTextField(
        label=_("Note for the family"),
        limit=MAX_NOTE_FOR_FAMILY,
        required=False,
        rows=2,
        help_text=_("Shown to the family, e.g. what to bring. Not sent in reminders."),
    )
    count = forms.IntegerField(
        label=_("Number of appointments"),
        min_value=1,
        max_value=MAX_SERIES,
        initial=1,
        help_text=_("More than one books a series at the interval below."),
    )
    interval_days = forms.TypedChoiceField(
        label=_("Interval"),
        coerce=int,
        choices=[
            (7, _("every week")),
            (14, _("every two weeks")),
            (28, _("every four weeks")),
        ],
        initial=7,
    )

    def __init__(self, *args, participants=(), locations=(), persons=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].choices = [(str(u.pk), _name(u)) for u in participants]
        self.fields["location"].choices = [("", _("(none)"))] + [
            (str(loc.pk), f"{loc.name}, {loc.street_address}") for loc in locations
        ]
        self.fields["contact_person"].choices = [("", _("(none)"))] + [
            (str(p.id), p.full_name) for p in persons
        ]

    def clean(self):
        data = super().clean()
        day, start, minutes = data.get("day"), data.get("start"), data.get("minutes")
        if day is not None and start is not None and minutes is not None:
            tz = timezone.get_current_timezone()
            try:
                starts_at = timezone.make_aware(datetime.datetime.combine(day, start), tz)
                # In real time, even across a change of summer time.
                data["ends_at"] = starts_at.astimezone(datetime.UTC) + datetime.timedelta(
                    minutes=minutes
                )
            except (OverflowError, ValueError) as error:
                raise ValidationError(_("Check the day and the time.")) from error
            data["starts_at"] = starts_at
        if data.get("interval_days", 7) > MAX_INTERVAL_DAYS:
            self.add_error("interval_days", _("Choose an interval from the list."))
        return data


def _name(user) -> str:
    full = user.get_full_name()
    return full or user.get_username()


class CancelForm(forms.Form):
    reason = LongTextField(
        label=_("Reason"),
        limit=MAX_REASON,
        rows=3,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class FamilyCancelForm(forms.Form):
    reason = LongTextField(
        label=_("Reason (optional)"),
        limit=MAX_REASON,
        required=False,
        rows=3,
        help_text=_("You may tell why; it helps us plan a new time."),
    )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("held", _("Held")), ("no_show", _("The family did not come"))],
        widget=forms.RadioSelect,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class VideoServiceForm(forms.Form):
    name = forms.CharField(label=_("Name of the video service"), max_length=200)
    url_template = forms.CharField(
        label=_("Meeting address template"),
        max_length=500,
        validators=[validate_url_template],
        help_text=_(
            "The address of a meeting room with {room} where the room goes, "
            "e.g. https://video.example.fi/room/{room}."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
