"""Dates, times and weekdays are written by the rules of the page's language."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import formats, timezone, translation

from perhekeskus.catalogue.tests.factories import (
    HoursExceptionFactory,
    InPersonChannelFactory,
    ServiceFactory,
)
from perhekeskus.web.templatetags.dates import format_day

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
MOMENT = datetime.datetime(2026, 12, 8, 14, 30, tzinfo=HELSINKI)  # a Tuesday
MORNING = datetime.datetime(2026, 12, 8, 9, 5, tzinfo=HELSINKI)


@pytest.mark.parametrize(
    ("language", "date", "datetime_", "time", "month_day"),
    [
        ("fi", "8.12.2026", "8.12.2026 klo 14.30", "14.30", "8.12."),
        ("sv", "8.12.2026", "8.12.2026 kl. 14.30", "14.30", "8.12."),
        ("en", "8 Dec 2026", "8 Dec 2026, 14:30", "14:30", "8 Dec"),
    ],
)
def test_named_formats_of_each_language(language, date, datetime_, time, month_day):
    with translation.override(language):
        assert formats.date_format(MOMENT.date()) == date
        assert formats.date_format(MOMENT.date(), "SHORT_DATE_FORMAT") == date
        assert formats.date_format(MOMENT, "DATETIME_FORMAT") == datetime_
        assert formats.date_format(MOMENT, "SHORT_DATETIME_FORMAT") == datetime_
        assert formats.time_format(MOMENT.time()) == time
        assert formats.date_format(MOMENT.date(), "MONTH_DAY_FORMAT") == month_day


def test_finnish_and_swedish_hours_take_no_leading_zero():
    with translation.override("fi"):
        assert formats.time_format(MORNING.time()) == "9.05"
    with translation.override("sv"):
        assert formats.time_format(MORNING.time()) == "9.05"
    with translation.override("en"):
        assert formats.time_format(MORNING.time()) == "09:05"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fi",
            {
                "weekday_date": "ti 8.12.2026",
                "weekday_long_date": "tiistai 8.12.2026",
                "weekday_datetime": "ti 8.12.2026 klo 14.30",
                "weekday_day_month": "ti 8.12.",
            },
        ),
        (
            "sv",
            {
                "weekday_date": "tis 8.12.2026",
                "weekday_long_date": "tisdag 8.12.2026",
                "weekday_datetime": "tis 8.12.2026 kl. 14.30",
                "weekday_day_month": "tis 8.12.",
            },
        ),
        (
            "en",
            {
                "weekday_date": "Tue 8 Dec 2026",
                "weekday_long_date": "Tuesday 8 Dec 2026",
                "weekday_datetime": "Tue 8 Dec 2026, 14:30",
                "weekday_day_month": "Tue 8 Dec",
            },
        ),
    ],
)
def test_weekday_filter_in_three_languages(language, expected):
    for form, text in expected.items():
        template = Template('{% load dates %}{{ x|day:"' + form + '" }}')
        with translation.override(language):
            assert template.render(Context({"x": MOMENT})) == text
        assert format_day(MOMENT, form, language) == text


def test_weekday_filter_shows_an_aware_moment_in_local_time():
    utc = MOMENT.astimezone(datetime.UTC)
    assert format_day(utc, "weekday_datetime", "en") == "Tue 8 Dec 2026, 14:30"
    assert format_day(None, "weekday_date", "en") == ""


@pytest.mark.django_db
def test_service_page_shows_dates_in_the_language_of_the_page(client):
    service = ServiceFactory(name_en="Child health clinic", national=True)
    service.last_reviewed_at = datetime.datetime(2026, 3, 4, 10, 0, tzinfo=HELSINKI)
    service.save()
    visit = InPersonChannelFactory(service=service)
    day = timezone.localdate() + datetime.timedelta(days=10)
    HoursExceptionFactory(
        channel=visit,
        date=day,
        closed=False,
        opens=datetime.time(9),
        closes=datetime.time(12),
        note_en="Short day",
    )
    pages = {}
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            url = reverse("catalogue:service", args=[service.pk])
        response = client.get(url)
        assert response.status_code == 200
        pages[language] = response.content.decode()

    assert "4.3.2026" in pages["fi"] and "4.3.2026" in pages["sv"]
    assert "4 Mar 2026" in pages["en"] and "4.3.2026" not in pages["en"]
    assert f"{day:%a} {day.day} {day:%b}" in pages["en"]
    assert f"{day.day}.{day.month}." in pages["fi"]
    assert "9.00–12.00" in pages["fi"] and "09:00–12:00" in pages["en"]
