"""Case-work pages in Chromium: axe-core (WCAG 2.1 A and AA) on the ask-for-help
form, its receipt, the contact queue, a contact and a matter."""

import pytest
from playwright.sync_api import expect

from perhekeskus.casework import services
from perhekeskus.families.models import ServiceTask
from perhekeskus.web.tests.browser import assert_no_axe_violations, sign_in

from .factories import build_case_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def case(_fast_passwords):
    return build_case_world()


def test_the_family_s_door_and_its_receipt(case, page, live_server):
    page.goto(f"{live_server.url}/en/ask-for-help/?service={case.service.pk}")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)
    # Sent without a way to reach: the errors are accessible too, and the text stays.
    page.fill("#id_situation", "We are exhausted and the baby does not sleep.")
    page.check("#id_contact_way_0")
    page.click("button[type=submit]")
    # expect() waits for the answer page; count() would not.
    expect(page.locator(".errorlist").first).to_be_visible()
    assert page.input_value("#id_situation") == "We are exhausted and the baby does not sleep."
    assert_no_axe_violations(page)
    page.fill("#id_phone", "040 123 4567")
    page.click("button[type=submit]")
    page.wait_for_url("**/ask-for-help/PK-*/")
    assert "We are exhausted" in page.content()
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)


def test_the_counter_follows_a_pasted_text_and_nothing_is_cut(case, page, live_server):
    page.goto(f"{live_server.url}/ask-for-help/")
    counter = page.locator("#id_situation_count")
    expect(counter).to_have_text("0 / 4000 merkkiä")
    page.fill("#id_situation", "ä" * 4001)
    expect(counter).to_have_text("4001 / 4000 merkkiä")
    expect(counter).to_have_class("counter counter--over")
    assert len(page.input_value("#id_situation")) == 4001  # no maxlength cut
    expect(page.locator("[data-counter-live]")).to_contain_text("liian pitkä")
    page.fill("#id_situation", "😊" * 10)  # one character each, as the server counts
    expect(counter).to_have_text("10 / 4000 merkkiä")
    expect(page.locator("[data-counter-live]")).to_contain_text("mahtuu")
    assert_no_axe_violations(page)


def test_the_queue_the_contact_and_the_matter(case, page, live_server):
    contact = services.contact_submit(
        actor=None,
        municipality=case.municipality,
        situation="Koulu huolestuttaa.",
        life_situations=case.worries,
        contact_way="email",
        email="perhe@example.fi",
        child_age=9,
    )
    sign_in(page, live_server, case.social_worker)
    page.goto(f"{live_server.url}/en/casework/contacts/")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/en/casework/contacts/{contact.pk}/")
    assert_no_axe_violations(page)
    page.click("text=Take this contact")
    page.wait_for_selector("#answer-heading")
    assert_no_axe_violations(page)
    services.contact_link_family(actor=case.social_worker, contact=contact, family=case.lindqvist)
    page.goto(f"{live_server.url}/en/casework/contacts/{contact.pk}/?q=Lindqvist")
    assert page.locator("#matter-heading").count() == 1
    assert_no_axe_violations(page)

    matter = services.matter_open(
        actor=case.social_worker,
        contact=None,
        family=case.lindqvist,
        unit=case.social_work,
        service_task=ServiceTask.FAMILY_SOCIAL_WORK,
        special_support=True,
        urgent=False,
        responsible_worker=case.social_worker,
    )
    services.team_add(
        actor=case.social_worker,
        matter=matter,
        user=case.nurse,
        unit=case.clinic,
        role_in_family="Terveydenhoitaja",
        scope="plan_only",
        basis="relationship",
    )
    page.goto(f"{live_server.url}/en/casework/matters/{matter.pk}/")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/sv/casework/matters/")
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/casework/on-behalf/")
    assert_no_axe_violations(page)
