"""The referral pages in Chromium: no axe violations (WCAG 2.1 A/AA), one <h1>."""

import pytest
from django.core.cache import cache
from django.urls import reverse as reverse_in_language
from django.utils import translation
from playwright.sync_api import expect

from perhekeskus.referrals import services
from perhekeskus.referrals.models import Kind, Section, TeamRole
from perhekeskus.referrals.tests.factories import build_referral_world, draft
from perhekeskus.web.tests.browser import assert_no_axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def reverse(name, **kwargs):
    """The address in Finnish, the default language (no prefix)."""
    with translation.override("fi"):
        return reverse_in_language(name, **kwargs)


@pytest.fixture
def scene(_fast_passwords):
    cache.clear()
    w = build_referral_world()
    mobile = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.other_unit,
        persons=[w.maria, w.oskar],
        kind=Kind.MOBILE_TEAM,
        visit_person=w.oskar,
        team_composition=[TeamRole.SCHOOL_SOCIAL_WORKER, TeamRole.TEACHER],
        sections=[Section.FAMILY, Section.SUMMARY],
        summary="Oskar ei ole käynyt koulussa.",
    )
    services.referral_send(actor=w.social_worker, referral=mobile)
    waiting = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.other_unit,
        persons=[w.oskar],
    )
    return w, mobile, waiting


def test_the_senders_pages_have_no_axe_violations(page, live_server, scene):
    w, mobile, waiting = scene
    sign_in(page, live_server, w.social_worker)
    matter = w.lindqvist_matter.pk
    urls = [
        reverse("referrals:new", kwargs={"matter_id": matter}),
        reverse("referrals:detail", kwargs={"matter_id": matter, "referral_id": mobile.pk}),
        reverse("referrals:detail", kwargs={"matter_id": matter, "referral_id": waiting.pk}),
        reverse("referrals:edit", kwargs={"matter_id": matter, "referral_id": waiting.pk}),
        reverse("casework:matter", kwargs={"matter_id": matter}),
    ]
    for url in urls:
        page.goto(live_server.url + url)
        assert page.locator("h1").count() == 1, url
        assert_no_axe_violations(page)
    assert page.get_by_role("heading", name="Lähetteet ja konsultaatiot").count() == 1


def test_a_form_with_errors_has_no_axe_violations(page, live_server, scene):
    w, _mobile, _waiting = scene
    sign_in(page, live_server, w.social_worker)
    page.goto(
        live_server.url + reverse("referrals:new", kwargs={"matter_id": w.lindqvist_matter.pk})
    )
    page.get_by_label("Liikkuvan tiimin pyyntö").check()
    page.get_by_role("button", name="Tallenna luonnos").click()
    # expect() waits for the answer page; count() would not.
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_no_axe_violations(page)


def test_the_receivers_pages_have_no_axe_violations(page, live_server, scene):
    w, mobile, _waiting = scene
    sign_in(page, live_server, w.stranger)
    for prefix in ("", "/sv", "/en"):
        for url in (
            reverse("referrals:inbox"),
            reverse("referrals:received", kwargs={"referral_id": mobile.pk}),
        ):
            page.goto(live_server.url + prefix + url)
            assert page.locator("h1").count() == 1, url
            assert_no_axe_violations(page)
    # A decline without a reason: the error is shown and still accessible.
    page.goto(live_server.url + reverse("referrals:received", kwargs={"referral_id": mobile.pk}))
    page.get_by_role("button", name="Hylkää").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_no_axe_violations(page)
