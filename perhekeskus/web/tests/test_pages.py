"""Every page renders in Finnish, Swedish and English with ``lang`` and one
``<h1>``; error pages too; hostile input never gives a 500."""

import uuid
from html.parser import HTMLParser

import pytest
from django.test import RequestFactory
from django.urls import LocalePrefixPattern, URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, UUIDConverter
from django.utils import translation

from perhekeskus.catalogue import search
from perhekeskus.catalogue.tests.factories import (
    InPersonChannelFactory,
    OpeningHoursFactory,
    ServiceFactory,
    TaxonomyTermFactory,
    WebChannelFactory,
)
from perhekeskus.web import views as web_views
from perhekeskus.web.access import AUTHENTICATION, PUBLIC, policy_of

pytestmark = pytest.mark.django_db
LANGUAGES = ("fi", "sv", "en")


class Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.h1 = 0
        self.title = ""
        self.landmarks: set[str] = set()
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "title":
            self._in_title = True
        if tag in ("header", "nav", "main", "footer"):
            self.landmarks.add(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def assert_page(html: str, language: str):
    page = outline(html)
    assert page.lang == language
    assert page.h1 == 1, f"{page.h1} h1 elements"
    assert page.title.strip() and not page.title.strip().startswith("–")
    assert {"header", "nav", "main", "footer"} <= page.landmarks


@pytest.fixture
def service():
    term = TaxonomyTermFactory(code="everyday")
    found = ServiceFactory(life_situations=[term])
    channel = InPersonChannelFactory(service=found)
    OpeningHoursFactory(channel=channel)
    WebChannelFactory(service=found)
    search.index_services()
    return found


def i18n_pages():
    """(name, pattern, callback) of the pages under the language prefixes."""

    def walk(patterns, namespace="", in_i18n=False):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(
                    entry.url_patterns,
                    inner,
                    in_i18n or isinstance(entry.pattern, LocalePrefixPattern),
                )
            elif isinstance(entry, URLPattern) and entry.name and in_i18n:
                yield namespace + entry.name, entry.pattern, entry.callback

    return sorted(walk(get_resolver().url_patterns), key=lambda item: item[0])


def sample_kwargs(pattern) -> dict:
    """Made-up values for an address's parameters, by converter type."""
    converters = getattr(pattern, "converters", {}) or {}
    names = list(converters) or list(pattern.regex.groupindex)
    values = {UUIDConverter: str(uuid.uuid4()), IntConverter: "1"}
    return {name: values.get(type(converters.get(name)), "x") for name in names}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_renders_in_every_language(client, service, language):
    pages = i18n_pages()
    names = {name for name, _pattern, _callback in pages}
    assert {"catalogue:home", "catalogue:search", "catalogue:service"} <= names
    # Real records where a made-up parameter would only find a 404 page.
    real = {
        "catalogue:service": {"service_id": service.pk},
        # The vocabularies' admin site names its apps in the address.
        "platform_admin:app_list": {"app_label": "planning"},
    }
    for name, pattern, callback in pages:
        kwargs = real.get(name, sample_kwargs(pattern))
        with translation.override(language):
            url = reverse(name, kwargs=kwargs)
        response = client.get(url)
        if response.status_code == 405:
            continue  # an action (POST only), not a page
        policy = policy_of(callback)
        if policy not in (PUBLIC, AUTHENTICATION):
            # A page for signed-in users sends a visitor to sign in.
            assert response.status_code in (302, 403), url
            continue
        if policy == AUTHENTICATION and response.status_code == 302:
            continue  # a sign-in step that sends the visitor onwards
        # The finder's pages must answer 200; other apps' status codes are
        # theirs to test (e.g. 404 for a page switched off), but whatever
        # page they show must be a whole page and never a server error.
        if name.startswith("catalogue:"):
            assert response.status_code == 200, url
        assert response.status_code < 500, url
        if response.status_code in (301, 302):
            continue
        assert_page(response.content.decode(), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_results_with_filters_and_empty_results(client, service, language):
    with translation.override(language):
        url = reverse("catalogue:search")
    for query in ("?life_situation=everyday&free=true", "?q=zzzzqqqq&open_now=true"):
        response = client.get(url + query)
        assert response.status_code == 200
        assert_page(response.content.decode(), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_error_pages_in_every_language(client, db, language):
    prefix = "" if language == "fi" else f"/{language}"
    response = client.get(f"{prefix}/services/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert_page(response.content.decode(), language)
    response = client.get(f"{prefix}/no/such/page/")
    assert response.status_code == 404
    assert_page(response.content.decode(), language)

    handlers = {
        400: web_views.bad_request,
        403: web_views.permission_denied,
        404: web_views.page_not_found,
        500: web_views.server_error,
    }
    for status, handler in handlers.items():
        request = RequestFactory().get(f"{prefix}/")
        with translation.override(language):
            response = handler(request) if status == 500 else handler(request, Exception())
        assert response.status_code == status
        assert_page(response.content.decode(), language)


HOSTILE = [
    "q=" + "lapsi%20" * 5000,
    "q=%3Cscript%3Ealert(1)%3C/script%3E",
    "q=%00%00",
    "q=%F0%9F%91%B6%20%E2%80%AE%20%C3%A5%C3%A4%C3%B6",
    "age=abc",
    "age=-1",
    "age=99999999999999999999",
    "near=foo",
    "near=91,181",
    "near=nan,nan",
    "municipality=999999",
    "municipality=%3Cscript%3E",
    "postal_code=ABCDE",
    "radius_km=-5",
    "channel=teleport&provider_kind=%00&life_situation=nope&language=xx",
    "sort=%27;DROP%20TABLE",
    "page=99999999",
    "page=abc",
    "open_now=maybe&free=%E2%9C%93",
    "q=a&q=b&age=1&age=2",
]


@pytest.mark.parametrize("querystring", HOSTILE)
def test_hostile_query_strings_never_break_a_page(client, service, querystring):
    for url in ("/services/", "/en/services/", "/", "/e-services/"):
        response = client.get(f"{url}?{querystring}")
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "<script>alert(1)" not in html
        assert_page(html, "en" if url.startswith("/en/") else "fi")
    htmx = client.get(f"/services/?{querystring}", headers={"HX-Request": "true"})
    assert htmx.status_code == 200
