import datetime

import pytest
from django.utils import timezone

from perhekeskus.events.models import Event
from perhekeskus.events.types import EVENT_TYPES
from perhekeskus.insight import demo
from perhekeskus.insight.periods import Grain, last_periods
from perhekeskus.insight.selectors import region_tables
from perhekeskus.insight.services import refresh_rollup

from .factories import MunicipalityFactory, RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_region():
    region = RegionFactory(code="demo-jarvi-saimaa", name="Järvi-Saimaa")
    for code in demo.WEIGHTS:
        MunicipalityFactory(code=code, region=region)
    return region


def test_the_history_is_statistical_loaded_once_and_fills_the_dashboards(demo_region):
    demo.load_demo()
    count = Event.objects.count()
    assert count > 5000
    demo.load_demo()
    assert Event.objects.count() == count

    for event in Event.objects.all()[:2000]:
        assert event.type in EVENT_TYPES
        assert set(event.attrs) <= EVENT_TYPES[event.type][1]
        assert event.unit_id is None
        assert event.family_pseudonym == "" or event.family_pseudonym.startswith("demo")
    oldest = Event.objects.order_by("occurred_at").first().occurred_at.date()
    assert oldest <= timezone.localdate() - datetime.timedelta(days=2 * 365)

    refresh_rollup()
    tables = region_tables(demo_region, last_periods(timezone.localdate(), Grain.YEAR, 3)).tables
    total = len(tables["contacts"].columns)
    for code in ("contacts", "families_early_support", "families_child_welfare", "remote_share"):
        whole = tables[code].cells[-1][total]
        assert whole.value and not whole.hidden, code
    # The shift the history shows: early support's share of families grows.
    early = tables["families_early_support"].series(total)
    welfare = tables["families_child_welfare"].series(total)
    first = early[0].value / (early[0].value + welfare[0].value)
    last = early[-1].value / (early[-1].value + welfare[-1].value)
    assert last > first
