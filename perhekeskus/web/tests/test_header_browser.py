"""The header in a real browser: one row of links for the users with the most
of them at 1280 px, a disclosure menu that works by keyboard and without
script at 390 px, and the demo banner on every page in demo mode."""

import os

import pytest

from perhekeskus.accounts import demo
from perhekeskus.catalogue.demo import organizations as demo_organizations
from perhekeskus.catalogue.demo.loader import stable_id
from perhekeskus.catalogue.models import Organization
from perhekeskus.web.tests.browser import assert_no_axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The demo users with the most links in the header.
BUSIEST = ["demo-manager", "demo-analyst", "demo-admin"]


@pytest.fixture
def demo_users(settings):
    settings.DEMO_MODE = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for data in (
        demo_organizations.COUNTY,
        *demo_organizations.MUNICIPALITIES,
        *demo_organizations.OTHERS,
    ):
        Organization.objects.create(
            id=stable_id("organization", data.key), kind=data.kind, name_fi=data.name[0]
        )
    return {user.username: user for user in demo.create_demo_users()}


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("username", BUSIEST)
@pytest.mark.parametrize("language", ["", "/sv", "/en"])
def test_the_header_links_fit_on_one_row_at_1280_px(
    page, live_server, demo_users, username, language
):
    sign_in(page, live_server, demo_users[username])
    page.goto(f"{live_server.url}{language}/")
    if os.environ.get("HEADER_SCREENSHOTS"):
        page.screenshot(path=f"{os.environ['HEADER_SCREENSHOTS']}/{username}{language[1:]}.png")
    links = page.locator(".account-nav li")
    assert links.count() >= 2
    nav = box(page, ".account-nav")
    # One row of 44 px tap targets (and the row's own padding), not two or three.
    assert nav["height"] < 60, nav
    # Every item on the same row (links and the sign-out button differ by a few px).
    tops = [links.nth(i).bounding_box()["y"] for i in range(links.count())]
    assert max(tops) - min(tops) < 10, tops
    # No link wraps inside itself, nothing overflows, and no menu button is needed here.
    assert all(links.nth(i).bounding_box()["height"] < 50 for i in range(links.count()))
    assert page.evaluate(
        "[...document.querySelectorAll('.account-nav ul')].every("
        "list => list.scrollWidth <= list.clientWidth)"
    )
    assert nav["x"] + nav["width"] <= 1280
    assert not page.locator(".site-menu__toggle").is_visible()
    assert page.locator(".language-switch").is_visible()


def test_the_manager_s_header_is_one_row_of_links(page, live_server, demo_users):
    sign_in(page, live_server, demo_users["demo-manager"])
    page.goto(live_server.url + "/")
    assert box(page, ".account-nav")["height"] < 60
    header = box(page, ".site-header__top")
    # The name of the service with the languages, and one row of links.
    assert header["height"] < 150, header
    assert_no_axe_violations(page)


def test_a_disclosure_menu_at_390_px_works_by_keyboard(browser, live_server, demo_users):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fi-FI")
    page = context.new_page()
    page.csp_errors = []
    try:
        sign_in(page, live_server, demo_users["demo-manager"])
        page.goto(live_server.url + "/en/")
        toggle = page.locator(".site-menu__toggle")
        assert toggle.is_visible()
        assert not page.locator(".account-nav").is_visible()
        # Keyboard: the skip link, the name of the service, then the menu.
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "site-menu__toggle"
        page.keyboard.press("Enter")
        assert page.locator(".site-menu").get_attribute("open") is not None
        nav = box(page, ".account-nav")
        assert nav["x"] >= 0 and nav["x"] + nav["width"] <= 390
        assert page.locator(".account-nav a", has_text="Sign out").count() == 0
        assert page.locator(".account-nav button", has_text="Sign out").is_visible()
        assert page.locator(".language-switch a[hreflang=sv]").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert_no_axe_violations(page)
        page.keyboard.press("Enter")
        assert not page.locator(".account-nav").is_visible()
    finally:
        context.close()


def test_the_menu_opens_without_javascript(browser, live_server, demo_users):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, live_server, demo_users["demo-analyst"])
        page.goto(live_server.url + "/en/")
        page.locator(".site-menu__toggle").click()
        assert page.locator(".account-nav").is_visible()
    finally:
        context.close()


def test_demo_mode_is_bannered_on_every_page(page, live_server, demo_users):
    for path in ("/en/", "/en/services/", "/en/accounts/login/", "/en/no/such/page/"):
        page.goto(live_server.url + path)
        banner = page.locator(".site-header .demo-banner")
        assert banner.is_visible(), path
        assert "second factor" in banner.inner_text()
