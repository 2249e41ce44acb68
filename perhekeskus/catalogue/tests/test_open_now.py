"""Open now: the SQL filter and the result cards' status agree with the
service page's, computed from the opening hours."""

import datetime

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perhekeskus.catalogue.models import HoursException, Service, ServiceChannel
from perhekeskus.catalogue.query import ServiceQuery
from perhekeskus.catalogue.selectors import (
    _filtered,
    _prefetched,
    open_status_by_service,
    search_services,
    service_open_now,
)
from perhekeskus.catalogue.synthetic import generate_services
from perhekeskus.catalogue.tests.factories import (
    HoursExceptionFactory,
    InPersonChannelFactory,
    OpeningHoursFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db
MONDAY = datetime.date(2026, 11, 23)


@pytest.fixture
def catalogue():
    generate_services(60, seed=3)
    services = list(Service.objects.order_by("pk"))
    # Exceptions on the days the test looks at: closed, and open at other hours.
    for n, service in enumerate(services[:20]):
        channel = service.channels.filter(kind=ServiceChannel.Kind.IN_PERSON).first()
        if channel is None:
            channel = InPersonChannelFactory(service=service)
        HoursException.objects.filter(channel=channel).delete()
        HoursExceptionFactory(
            channel=channel,
            date=MONDAY + datetime.timedelta(days=n % 7),
            closed=n % 2 == 0,
            opens=datetime.time(10, 0),
            closes=datetime.time(12, 0),
        )
    # A service without any hours.
    InPersonChannelFactory(service=ServiceFactory())
    return list(Service.objects.values_list("pk", flat=True))


def test_sql_open_now_agrees_with_the_opening_hours(catalogue):
    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        day=st.integers(0, 6),
        minute=st.integers(0, 24 * 60 - 1),
    )
    def check(day, minute):
        moment = timezone.make_aware(
            datetime.datetime.combine(MONDAY + datetime.timedelta(days=day), datetime.time())
            + datetime.timedelta(minutes=minute)
        )
        by_python = {
            pk: service_open_now(service, moment)
            for pk, service in _prefetched(catalogue, moment).items()
        }
        # The finder's "open now" filter, in SQL.
        open_by_sql = _filtered(ServiceQuery(open_now=True), moment).filter(pk__in=catalogue)
        assert set(open_by_sql.values_list("pk", flat=True)) == {
            pk for pk, status in by_python.items() if status
        }
        # What the result cards read: the same, services without hours left out.
        known = {pk: status for pk, status in by_python.items() if status is not None}
        assert open_status_by_service(catalogue, moment) == known

    check()


def test_result_cards_carry_the_status(catalogue):
    moment = timezone.make_aware(datetime.datetime.combine(MONDAY, datetime.time(11, 0)))
    cards = search_services(ServiceQuery(limit=100), now=moment)
    detailed = search_services(ServiceQuery(limit=100), now=moment, details=True)
    assert [(hit.service.pk, hit.open_now) for hit in cards.items] == [
        (hit.service.pk, hit.open_now) for hit in detailed.items
    ]
    assert {hit.open_now for hit in cards.items} >= {True, None}


def test_a_channel_with_weekly_hours_only_on_other_days_is_closed_not_unknown():
    service = ServiceFactory()
    OpeningHoursFactory(channel=InPersonChannelFactory(service=service), weekday=2)
    monday_noon = timezone.make_aware(datetime.datetime.combine(MONDAY, datetime.time(12, 0)))
    assert open_status_by_service([service.pk], monday_noon) == {service.pk: False}
