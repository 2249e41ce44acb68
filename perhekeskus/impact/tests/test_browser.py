"""The tool's pages in Chromium: no axe violations (WCAG 2.1 A and AA)."""

import pytest

from perhekeskus.impact import services
from perhekeskus.web.tests.browser import assert_no_axe_violations, sign_in

from .factories import complete_assessment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_tool_pages_have_no_axe_violations(page, live_server, world):
    assessment = complete_assessment(world.preparer, title="Rantakylän sivukoulu")
    sign_in(page, live_server, world.preparer)
    for path in (
        "/impact/",
        "/impact/new/",
        f"/impact/{assessment.pk}/",
        f"/impact/{assessment.pk}/screening/",
        f"/impact/{assessment.pk}/steps/options/",
        f"/impact/{assessment.pk}/steps/evidence/",
        f"/impact/{assessment.pk}/steps/participation/",
        f"/impact/{assessment.pk}/steps/effects/",
        f"/impact/{assessment.pk}/steps/follow_up/",
        f"/impact/{assessment.pk}/history/",
        f"/impact/{assessment.pk}/sign-off/",
    ):
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1, path
        assert_no_axe_violations(page)


def test_public_pages_have_no_axe_violations(page, live_server, world):
    assessment = complete_assessment(world.preparer, title="Julkinen arvio")
    services.sign_off(user=world.colleague, assessment=assessment, version=assessment.version)
    services.publish(user=world.colleague, assessment=assessment, version=assessment.version)
    for path in ("/child-impact-assessments/", f"/child-impact-assessments/{assessment.pk}/"):
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1
        assert_no_axe_violations(page)


def test_a_step_saves_without_javascript(browser, live_server, world):
    assessment = complete_assessment(world.preparer)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, world.preparer)
    page.goto(f"{live_server.url}/en/impact/{assessment.pk}/steps/need/")
    page.fill("#id_need", "Tarve kirjoitettuna ilman JavaScriptiä")
    page.click("button[name=continue]")
    page.wait_for_url("**/steps/scope/")
    assessment.refresh_from_db()
    assert assessment.content["need"]["need"] == "Tarve kirjoitettuna ilman JavaScriptiä"
    context.close()
