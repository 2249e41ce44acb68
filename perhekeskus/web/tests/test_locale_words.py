"""Words of the locale: the empty choice of a select, weekday names in dates."""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import fields
from django.utils import translation
from django.utils.formats import date_format

from perhekeskus.catalogue.models import OpeningHours


def test_the_empty_choice_is_the_projects_own_translatable_label():
    with translation.override("en"):
        assert str(fields.BLANK_CHOICE_LABEL) == "– Select –"
    with translation.override("fi"):
        assert str(fields.BLANK_CHOICE_LABEL) == "– Valitse –"
    field = forms.TypedChoiceField(choices=[("a", "A")], required=False)
    model_field = OpeningHours._meta.get_field("weekday")
    with translation.override("en"):
        choices = model_field.get_choices(include_blank=True)
        assert str(choices[0][1]) == "– Select –"
    assert field.choices[0] == ("a", "A")


def test_weekday_names_in_dates_are_lower_case_in_finnish_and_swedish():
    wednesday = datetime.date(2026, 12, 9)
    with translation.override("fi"):
        assert date_format(wednesday, "l j.n.Y") == "keskiviikko 9.12.2026"
    with translation.override("sv"):
        assert date_format(wednesday, "l") == "onsdag"
    with translation.override("en"):
        assert date_format(wednesday, "l") == "Wednesday"


def test_opening_hours_weekdays_have_labels_of_their_own():
    # A label of a row, apart from Django's names of days inside sentences.
    label = OpeningHours.Weekday.WEDNESDAY.label
    assert getattr(label, "_args", None) is None or "weekday as a label" in str(
        getattr(label, "_args", "")
    )
    with translation.override("en"):
        assert str(label) == "Wednesday"


def test_figures_are_grouped_by_the_locale_with_decimals_too():
    from perhekeskus.budget.views import euros
    from perhekeskus.insight.formatting import number

    with translation.override("fi"):
        assert number(12345.67, 1) == "12\xa0345,7"
        assert euros(1234567) == "1\xa0234\xa0567\xa0€"
    with translation.override("sv"):
        assert number(12345.67, 1) == "12\xa0345,7"
    with translation.override("en"):
        assert number(12345.67, 1) == "12,345.7"
