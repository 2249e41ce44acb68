"""The finder in a real browser: axe-core (WCAG 2.1 A and AA), a 320 px wide
phone, the keyboard, and htmx working under the Content Security Policy.

Needs Debian's ``chromium`` (``apt-get install chromium``); Playwright drives
it, axe-core comes from the ``axe-playwright-python`` package.
"""

import uuid

import pytest
from django.utils import timezone

from perhekeskus.catalogue import search
from perhekeskus.catalogue.models import Organization, ServiceChannel
from perhekeskus.catalogue.tests.factories import (
    HoursExceptionFactory,
    InPersonChannelFactory,
    LanguageFactory,
    OpeningHoursFactory,
    OrganizationFactory,
    ServiceChannelFactory,
    ServiceFactory,
    TargetGroupFactory,
    TaxonomyTermFactory,
    WebChannelFactory,
)
from perhekeskus.web.tests.browser import WCAG_TAGS, assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue():
    baby = TaxonomyTermFactory(
        code="baby", name_fi="Vauva tulossa", name_sv="Väntar barn", name_en="Expecting a baby"
    )
    everyday = TaxonomyTermFactory(
        code="everyday", name_fi="Arjen tuki", name_sv="Stöd i vardagen", name_en="Everyday help"
    )
    finnish = LanguageFactory(code="fi", name_fi="suomi", name_sv="finska", name_en="Finnish")
    county = OrganizationFactory(kind=Organization.Kind.WELLBEING_COUNTY)
    services = []
    for n in range(6):
        service = ServiceFactory(
            organization=county if n % 2 else OrganizationFactory(),
            life_situations=[baby if n % 2 else everyday],
            target_groups=[TargetGroupFactory()],
            languages=[finnish],
            age_min=0,
            age_max=12,
        )
        visit = InPersonChannelFactory(service=service)
        for weekday in range(5):
            OpeningHoursFactory(channel=visit, weekday=weekday)
        HoursExceptionFactory(channel=visit)
        HoursExceptionFactory(channel=visit, date=timezone.localdate())
        ServiceChannelFactory(service=service)
        WebChannelFactory(service=service)
        services.append(service)
    ServiceChannelFactory(
        service=services[0],
        kind=ServiceChannel.Kind.VIDEO,
        phone="",
        url="https://video.example.fi/",
    )
    search.index_services()
    return services


def finder_pages(services) -> dict[str, str]:
    return {
        "front": "/",
        "results": "/services/?life_situation=baby&free=true&age=3",
        "results-sv": "/sv/services/?channel=remote",
        "empty": "/services/?q=zzzxxqqq&open_now=true&anonymous=true",
        "service": f"/services/{services[0].pk}/",
        "service-en": f"/en/services/{services[1].pk}/",
        "e-services": "/e-services/",
        "not-found": f"/services/{uuid.uuid4()}/",
    }


PAGE_NAMES = [
    "front",
    "results",
    "results-sv",
    "empty",
    "service",
    "service-en",
    "e-services",
    "not-found",
]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_axe_finds_no_wcag_violations(page, live_server, catalogue, name):
    page.goto(live_server.url + finder_pages(catalogue)[name])
    assert_no_axe_violations(page)


def test_axe_check_can_fail(page, live_server, catalogue):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(live_server.url + "/")
    page.evaluate("document.querySelector('h1').style.color = '#b0b0b0'")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 1
    assert "color-contrast" in results.generate_report()


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_horizontal_scroll_on_a_320_px_phone(page, live_server, catalogue, name):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + finder_pages(catalogue)[name])
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)"
        ".map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 30))"
    )
    assert overflow <= 0, f"{overflow}px of horizontal scroll: {wide[:5]}"


def test_keyboard_reaches_skip_link_first_then_search_button(page, live_server, catalogue):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "search-button":
            break
    else:
        pytest.fail("Tab never reached the search button")
    # The focus ring is visible on the focused control.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")


def test_results_update_live_without_a_page_load(page, live_server, catalogue):
    page.goto(live_server.url + "/services/?life_situation=baby")
    status = page.locator("#result-status")
    assert status.get_attribute("aria-live") == "polite"
    before = status.inner_text()
    page.evaluate("window.notReloaded = true")
    page.locator("#id_life_situation_1").check()  # everyday help as well
    page.wait_for_url("**life_situation=everyday**")
    page.wait_for_function(
        "text => document.getElementById('result-status').innerText !== text", arg=before
    )
    assert page.evaluate("window.notReloaded") is True
    # The language switch follows the new address.
    swedish = page.locator(".language-switch a[hreflang=sv]").get_attribute("href")
    assert "/sv/services/?" in swedish and "life_situation=everyday" in swedish
    # Empty fields are left out of the address.
    assert "q=" not in page.url and "municipality=" not in page.url
    assert page.csp_errors == []


def test_finder_works_without_javascript(browser, live_server, catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.fill("#id_q", "neuvola")
    page.click("#search-button")
    page.wait_for_url("**/services/?q=neuvola**")
    assert page.locator("h1").count() == 1
    # No "use my location" without JavaScript; the postal code does the job.
    assert page.locator("[data-locate]").is_hidden()
    page.click(".filters > summary")
    page.fill("#id_postal_code", catalogue[0].channels.first().location.postal_code)
    page.click(".filters__actions button")
    page.wait_for_url("**postal_code=**")
    assert page.locator("#result-status").inner_text()
    context.close()
