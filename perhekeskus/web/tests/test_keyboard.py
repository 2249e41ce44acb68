"""The main tasks with the keyboard alone, in Chromium.

Only Tab, Shift+Tab, Enter, Space, the arrow keys and typing: no mouse, no
``element.click()``. Every control the tab order reaches on the way shows a
visible focus indicator, and each flow ends with its result in the database.
"""

from __future__ import annotations

import pytest

from perhekeskus.web.tests.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 120

FOCUS_STYLE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  return {
    tag: e.tagName.toLowerCase() + (e.id ? '#' + e.id : ''),
    focusVisible: e.matches(':focus-visible'),
    outline: s.outlineStyle,
    outlineWidth: parseFloat(s.outlineWidth) || 0,
    shadow: s.boxShadow,
  };
}"""


def assert_focus_visible(page) -> None:
    """The focused element shows a focus indicator: an outline of 2 px or
    more, or a box shadow (the computed style of the focused element, so the
    ``:focus-visible`` and ``:focus`` rules of the style sheet both count)."""
    style = page.evaluate(FOCUS_STYLE)
    assert style is not None, "nothing has the focus"
    ring = style["outline"] not in ("none", "") and style["outlineWidth"] >= 2
    assert ring or style["shadow"] not in ("none", ""), f"no visible focus on {style}"


def tab_to(page, selector: str, *, back: bool = False) -> None:
    """Tab (or Shift+Tab) until an element matching ``selector`` has the
    focus; every stop on the way shows its focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if page.evaluate("document.activeElement !== document.body"):
            assert_focus_visible(page)
        if page.evaluate(
            "s => !!document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    pytest.fail(f"the keyboard never reached {selector}")


def press_until(page, key: str, condition: str, limit: int = 20) -> None:
    """Press ``key`` until the JavaScript ``condition`` holds."""
    for _ in range(limit):
        if page.evaluate(condition):
            return
        page.keyboard.press(key)
    assert page.evaluate(condition), f"{key} never made {condition} true"


# --- (a) A family finds a service and asks for help ------------------------------------


@pytest.fixture
def case(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from perhekeskus.casework.tests.factories import build_case_world
    from perhekeskus.catalogue import search

    world = build_case_world()
    search.index_services()
    return world


def test_a_family_finds_a_service_and_asks_for_help(case, page, live_server):
    from perhekeskus.casework.models import Contact

    service = case.service
    service.name_en = "Family counselling by keyboard"
    service.save()
    from perhekeskus.catalogue import search

    search.index_services()
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    tab_to(page, "input[name=q]")
    page.keyboard.type(service.name_en or service.name)
    page.keyboard.press("Enter")
    page.wait_for_url("**/services/?**")
    page.wait_for_selector(f"main a[href$='/services/{service.pk}/']")
    tab_to(page, f"main a[href$='/services/{service.pk}/']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/services/{service.pk}/")

    tab_to(page, "a[href*='ask-for-help/?service=']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ask-for-help/?service=*")

    tab_to(page, "#id_situation")
    page.keyboard.type("The baby does not sleep and we are exhausted.")
    tab_to(page, "#id_municipality")
    press_until(
        page,
        "ArrowDown",
        f"document.getElementById('id_municipality').value === '{case.municipality.pk}'",
    )
    tab_to(page, "input[name=contact_way]")
    press_until(
        page,
        "ArrowDown",
        "document.querySelector('input[name=contact_way]:checked')?.value === 'phone'",
    )
    tab_to(page, "#id_phone")
    page.keyboard.type("040 123 4567")
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ask-for-help/PK-*/")

    contact = Contact.objects.get()
    assert contact.situation == "The baby does not sleep and we are exhausted."
    assert contact.phone.replace(" ", "") == "0401234567"
    assert contact.municipality_id == case.municipality.pk


# --- (b) A professional takes a contact from the queue to a matter ----------------------


def test_a_professional_takes_a_contact_to_a_matter(case, page, live_server):
    from perhekeskus.casework.models import Matter
    from perhekeskus.casework.tests.factories import submit_contact

    contact = submit_contact(case)
    sign_in(page, live_server, case.social_worker)
    page.goto(f"{live_server.url}/en/casework/contacts/")
    tab_to(page, f"main a[href$='/casework/contacts/{contact.pk}/']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/casework/contacts/{contact.pk}/")

    tab_to(page, "form[action$='/take/'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#answer-heading")

    tab_to(page, "form[role=search] input[name=q]")
    page.keyboard.type("Lindqvist")
    page.keyboard.press("Enter")
    page.wait_for_url("**?q=Lindqvist")
    tab_to(page, "form[action$='/link/'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#matter-heading")

    tab_to(page, "form[action$='/open-matter/'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/casework/matters/*/")

    contact.refresh_from_db()
    assert contact.taken_by == case.social_worker
    assert contact.family == case.lindqvist
    assert Matter.objects.filter(family=case.lindqvist).count() == 1


# --- (c) A professional writes a part of the assessment -------------------------------


def test_a_professional_writes_a_part_of_the_assessment(settings, page, live_server):
    from django.core.cache import cache

    from perhekeskus.planning.models import AssessmentSection
    from perhekeskus.planning.tests.factories import build_planning_world, fill

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    planning = build_planning_world()
    fill(planning)
    sign_in(page, live_server, planning.worker)
    page.goto(f"{live_server.url}/en/casework/matters/{planning.matter.pk}/assessment/")
    tab_to(page, "a[href$='/assessment/part/worries/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/assessment/part/worries/")

    tab_to(page, "textarea[name=text]")
    page.keyboard.type("The school has been worried since the autumn.")
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/casework/matters/{planning.matter.pk}/assessment/")

    section = AssessmentSection.objects.get(assessment__matter=planning.matter, kind="worries")
    assert section.text == "The school has been worried since the autumn."
    assert section.version >= 1


# --- (d) A professional books an appointment --------------------------------------------


def test_a_professional_books_an_appointment(settings, page, live_server):
    import datetime

    from django.utils import timezone

    from perhekeskus.appointments.models import Appointment
    from perhekeskus.appointments.tests.factories import build_appointment_world

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = build_appointment_world()
    day = timezone.localdate() + datetime.timedelta(days=7)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    sign_in(page, live_server, world.nurse)
    page.goto(f"{live_server.url}/en/casework/matters/{world.matter.pk}/")
    tab_to(page, "details.booking > summary")
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('details.booking').open")

    tab_to(page, "input[name=booking-mode]")
    press_until(
        page,
        "ArrowDown",
        "document.querySelector('input[name=booking-mode]:checked')?.value === 'phone'",
    )
    tab_to(page, "input[name=booking-day]")
    # Chromium's date and time fields take digits in the order of its own user
    # interface language (headless: US English, month first, a.m./p.m.).
    page.keyboard.type(day.strftime("%m%d%Y"))
    assert page.input_value("input[name=booking-day]") == day.isoformat()
    tab_to(page, "input[name=booking-start]")
    page.keyboard.type("1030A")
    assert page.input_value("input[name=booking-start]") == "10:30"
    tab_to(page, "select[name=booking-contact_person]")
    press_until(page, "ArrowDown", "!!document.activeElement.value")
    person = page.input_value("select[name=booking-contact_person]")
    tab_to(page, "form.booking-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/appointments/**")
    page.wait_for_load_state()
    assert "/book/" not in page.url, page.locator("main").inner_text()

    appointment = Appointment.objects.get(matter=world.matter)
    assert appointment.mode == "phone"
    assert str(appointment.contact_person_id) == person
    assert timezone.localtime(appointment.starts_at).date() == day
    assert timezone.localtime(appointment.starts_at).strftime("%H:%M") == "10:30"
