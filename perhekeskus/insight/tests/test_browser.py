"""The dashboards in Chromium: axe-core (WCAG 2.1 A and AA) finds nothing, the
charts are images with their text alternatives, and the CSP holds."""

import pytest
from django.urls import reverse
from django.utils import timezone

from perhekeskus.insight import demo
from perhekeskus.web.tests.browser import assert_no_axe_violations, sign_in

from .factories import MunicipalityFactory, RegionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_history():
    region = RegionFactory(code="demo-jarvi-saimaa", name="Järvi-Saimaa")
    for code in demo.WEIGHTS:
        MunicipalityFactory(code=code, region=region)
    demo.load_demo()
    return region


@pytest.mark.parametrize(
    "name,query",
    [
        ("insight:home", "?indicator=remote_share&grain=quarter"),
        ("insight:home", "?indicator=families_early_support&grain=month&years=1"),
        ("insight:compare", ""),
        ("insight:shift", ""),
    ],
)
def test_dashboards_pass_axe(page, live_server, analyst, demo_history, name, query):
    sign_in(page, live_server, analyst)
    page.goto(live_server.url + reverse(name) + query)
    assert page.locator("h1").count() == 1
    charts = page.locator("svg.chart[role=img]")
    assert charts.count() >= 1
    assert charts.first.get_attribute("aria-labelledby")
    assert page.locator("table.figures caption").count() >= 1
    assert_no_axe_violations(page)


@pytest.mark.parametrize("name", ["insight:public", "insight:definitions"])
def test_public_pages_pass_axe(page, live_server, demo_history, name):
    page.goto(live_server.url + reverse(name))
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)


def test_the_print_view_keeps_charts_and_tables_and_drops_the_forms(
    page, live_server, analyst, demo_history
):
    sign_in(page, live_server, analyst)
    page.goto(live_server.url + reverse("insight:home"))
    page.emulate_media(media="print")
    assert page.locator("svg.chart").first.is_visible()
    assert page.locator("table.figures").first.is_visible()
    assert not page.locator("form.insight-form").is_visible()
    assert str(timezone.localdate().year) in page.content()
