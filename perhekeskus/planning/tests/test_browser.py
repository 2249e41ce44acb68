"""The assessment and plan pages in Chromium: no axe violations (WCAG 2.1 A/AA)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from perhekeskus.planning.tests.factories import build_planning_world, fill
from perhekeskus.web.tests.browser import assert_no_axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world_filled(_fast_passwords):
    cache.clear()
    planning = build_planning_world()
    fill(planning)
    return planning


def test_professionals_pages_have_no_axe_violations(page, live_server, world_filled):
    planning = world_filled
    sign_in(page, live_server, planning.worker)
    matter = {"matter_id": planning.matter.pk}
    names = [
        ("planning:assessment", {}),
        ("planning:section_edit", {"part": "conclusion"}),
        ("planning:child_view_edit", {"child_id": planning.eetu.pk}),
        ("planning:assessment_history", {}),
        ("planning:plan", {}),
        ("planning:plan_edit", {}),
        ("planning:plan_not_needed", {}),
        ("planning:plan_history", {}),
    ]
    for name, extra in names:
        page.goto(live_server.url + reverse(name, kwargs={**matter, **extra}))
        assert page.locator("h1").count() == 1, name
        assert_no_axe_violations(page)


def test_the_familys_plan_page_has_no_axe_violations(page, live_server, world_filled):
    sign_in(page, live_server, world_filled.parent)
    for prefix in ("", "/sv", "/en"):
        page.goto(live_server.url + prefix + reverse("planning:my_plan"))
        assert page.locator("h1").count() == 1
        assert_no_axe_violations(page)
