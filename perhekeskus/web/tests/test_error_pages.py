"""The site's own error pages as production shows them (DEBUG off): 400, 403,
404, 500 and a failed CSRF check, each in the language of the address, with
one h1, the landmarks and a way back. The views that fail live in this
module's own URL configuration, added in front of the site's."""

import re

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.urls import path

from perhekeskus import urls as site_urls
from perhekeskus.web.access import public
from perhekeskus.web.tests.test_pages import assert_page

pytestmark = pytest.mark.django_db


@public
def raises_an_error(request):
    raise RuntimeError("a bug")


@public
def refuses(request):
    raise PermissionDenied


@public
def suspicious(request):
    raise SuspiciousOperation("tampered input")


urlpatterns = [
    *i18n_patterns(
        path("test-errors/500/", raises_an_error),
        path("test-errors/403/", refuses),
        path("test-errors/400/", suspicious),
        prefix_default_language=False,
    ),
    *site_urls.urlpatterns,
]
handler400 = site_urls.handler400
handler403 = site_urls.handler403
handler404 = site_urls.handler404
handler500 = site_urls.handler500

PREFIXES = {"fi": "", "sv": "/sv", "en": "/en"}
HEADINGS = {
    400: "The request could not be handled",
    403: "No access",
    404: "Page not found",
    500: "Something went wrong",
}
FRONT_PAGES = {"fi": "/", "sv": "/sv/", "en": "/en/"}


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = __name__


def assert_error_page(response, status, language):
    assert response.status_code == status
    html = response.content.decode()
    assert_page(html, language)
    # Not Django's own pages: the site's layout, and a link back to the front page.
    assert 'class="site-header"' in html and "Traceback" not in html
    assert f'href="{FRONT_PAGES[language]}"' in html
    assert re.search(r"Error\s+" + str(status), html) or language != "en"
    return html


@pytest.mark.parametrize("language", PREFIXES)
@pytest.mark.parametrize("status", [400, 403, 404, 500])
def test_the_site_s_error_pages_in_the_language_of_the_address(language, status):
    client = Client(raise_request_exception=False)
    prefix = PREFIXES[language]
    address = f"{prefix}/no/such/page/" if status == 404 else f"{prefix}/test-errors/{status}/"
    html = assert_error_page(client.get(address), status, language)
    if language == "en":
        assert f"<h1>{HEADINGS[status]}</h1>" in html


@pytest.mark.parametrize("language", PREFIXES)
def test_a_failed_csrf_check_shows_the_site_s_own_page(language):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"{PREFIXES[language]}/accounts/logout/", {})
    html = assert_error_page(response, 403, language)
    if language == "en":
        assert "<h1>The form could not be sent</h1>" in html
        assert "CSRF" not in html


def test_a_forged_host_gets_the_site_s_400_page(settings):
    response = Client().get("/en/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert "<h1>The request could not be handled</h1>" in response.content.decode()
