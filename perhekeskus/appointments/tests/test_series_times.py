"""The times of a series: the same local time every time, whatever the summer time does."""

import datetime
import zoneinfo

from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from perhekeskus.appointments.services import series_times

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


@given(
    day=st.dates(min_value=datetime.date(2024, 1, 1), max_value=datetime.date(2040, 12, 31)),
    hour=st.integers(min_value=7, max_value=20),
    minute=st.sampled_from([0, 15, 30, 45]),
    minutes=st.integers(min_value=5, max_value=720),
    interval_days=st.integers(min_value=1, max_value=91),
    count=st.integers(min_value=2, max_value=26),
)
def test_every_appointment_at_the_same_local_time(day, hour, minute, minutes, interval_days, count):
    start = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=HELSINKI)
    length = datetime.timedelta(minutes=minutes)
    with timezone.override(HELSINKI):
        times = series_times(start, start + length, interval_days=interval_days, count=count)
    assert len(times) == count
    for n, (begins, ends) in enumerate(times):
        local = begins.astimezone(HELSINKI)
        assert local.date() == day + datetime.timedelta(days=interval_days * n)
        assert (local.hour, local.minute) == (hour, minute)
        assert ends.astimezone(datetime.UTC) - begins.astimezone(datetime.UTC) == length
