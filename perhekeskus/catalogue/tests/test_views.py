"""The finder's HTML pages: front page, results, service page, e-services."""

import datetime
import uuid
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from perhekeskus.catalogue import search
from perhekeskus.catalogue.models import Organization, ServiceChannel

from .factories import (
    HoursExceptionFactory,
    InPersonChannelFactory,
    LanguageFactory,
    MunicipalityFactory,
    OpeningHoursFactory,
    OrganizationFactory,
    ServiceChannelFactory,
    ServiceFactory,
    TargetGroupFactory,
    TaxonomyTermFactory,
    WebChannelFactory,
)

pytestmark = pytest.mark.django_db


class PageParser(HTMLParser):
    """Collects what the tests look at: lang, h1s, links, ids."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.h1_count = 0
        self.links: list[str] = []
        self.ids: list[str] = []
        self.live_regions: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if tag == "h1":
            self.h1_count += 1
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        if attributes.get("aria-live"):
            self.live_regions.append(attributes.get("id") or tag)


def parse(response) -> PageParser:
    parser = PageParser()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def world():
    town = MunicipalityFactory(code="905", name_fi="Järvelä", name_sv="Järvby", name_en="Järvelä")
    baby = TaxonomyTermFactory(
        code="baby", name_fi="Vauva tulossa", name_sv="Väntar barn", name_en="Expecting a baby"
    )
    separation = TaxonomyTermFactory(
        code="separation", name_fi="Ero", name_sv="Skilsmässa", name_en="Separation"
    )
    parents = TargetGroupFactory(name_en="Parents")
    finnish = LanguageFactory(code="fi", name_fi="suomi", name_sv="finska", name_en="Finnish")
    arabic = LanguageFactory(
        code="ar", name_fi="arabia", name_sv="arabiska", name_en="Arabic", endonym="العربية"
    )
    county = OrganizationFactory(
        kind=Organization.Kind.WELLBEING_COUNTY, name_fi="Järvelän hyvinvointialue"
    )
    clinic = ServiceFactory(
        organization=county,
        name_fi="Lastenneuvola Järvelä",
        name_sv="Barnrådgivningen Järvby",
        name_en="Child health clinic Järvelä",
        age_min=0,
        age_max=6,
        life_situations=[baby],
        target_groups=[parents],
        languages=[finnish, arabic],
        areas=[town],
        fee_description_en="No fee.",
    )
    visit = InPersonChannelFactory(
        service=clinic,
        location__municipality=town,
        location__latitude=61.5,
        location__longitude=25.5,
        location__name_en="Järvelä Family Centre",
        location__hearing_loop=True,
    )
    for weekday in range(5):
        OpeningHoursFactory(channel=visit, weekday=weekday)
    today = timezone.localdate()
    HoursExceptionFactory(channel=visit, date=today, closed=True, note_en="Training day")
    HoursExceptionFactory(
        channel=visit,
        date=today + datetime.timedelta(days=10),
        closed=False,
        opens=datetime.time(9),
        closes=datetime.time(12),
        note_en="Short day",
    )
    ServiceChannelFactory(service=clinic, phone="+358 40 123 4567", phone_charge_en="Local rate")
    WebChannelFactory(service=clinic, url="https://asiointi.example.fi/neuvola")

    peer = ServiceFactory(
        organization=OrganizationFactory(kind=Organization.Kind.NGO),
        name_fi="Eroperheiden vertaistuki",
        name_sv="Kamratstöd vid skilsmässa",
        name_en="Peer support after separation",
        national=True,
        life_situations=[separation],
        languages=[finnish],
    )
    ServiceChannelFactory(
        service=peer, kind=ServiceChannel.Kind.VIDEO, phone="", url="https://video.example.fi/"
    )
    search.index_services()
    return {"clinic": clinic, "peer": peer, "town": town, "baby": baby, "visit": visit}


def url_in(language: str, name: str, *args) -> str:
    from django.utils import translation

    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_front_page_browses_life_situations_with_counts(client, world, language):
    response = client.get(url_in(language, "catalogue:home"))
    assert response.status_code == 200
    page = parse(response)
    assert page.lang == language and page.h1_count == 1
    search_url = url_in(language, "catalogue:search")
    assert f"{search_url}?life_situation=baby" in page.links
    assert url_in(language, "catalogue:e_services") in page.links
    html = response.content.decode()
    assert 'role="search"' in html and 'for="id_q"' in html
    assert getattr(world["baby"], f"name_{language}") in html


def test_results_show_cards_with_what_a_family_needs(client, world):
    response = client.get(
        url_in("en", "catalogue:search"), {"municipality": "905", "age": "3", "free": "true"}
    )
    html = response.content.decode()
    page = parse(response)
    assert page.h1_count == 1
    # The national peer-support service is found in every municipality.
    assert "2 services found" in html
    assert "Child health clinic Järvelä" in html
    assert "Järvelän hyvinvointialue" in html and "wellbeing services county" in html
    assert "Arabic, Finnish" in html
    assert "In person" in html and "Phone" in html and "Web or e-service" in html
    assert "Free of charge" in html
    assert reverse("catalogue:service", args=[world["clinic"].pk]) in html
    assert "result-status" in page.live_regions


def test_results_show_distance_when_near_is_used(client, world):
    response = client.get(
        url_in("en", "catalogue:search"), {"near": "61.5,25.6", "sort": "distance"}
    )
    html = response.content.decode()
    assert "Järvelä · 5.3 km away" in html


def test_empty_result_offers_to_drop_one_filter(client, world):
    response = client.get(
        url_in("en", "catalogue:search"), {"life_situation": "baby", "anonymous": "true"}
    )
    html = response.content.decode()
    assert "0 services found" in html
    assert "No services match all of your choices" in html
    relax_links = [link for link in parse(response).links if "life_situation=baby" in link]
    assert any("anonymous" not in link for link in relax_links)


def test_unknown_values_give_a_notice_not_an_error(client, world):
    response = client.get(
        url_in("en", "catalogue:search"), {"municipality": "999999", "channel": "teleport"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "could not be used and was left out" in html
    assert "Unknown municipality" in html
    # The field error is tied to its control.
    assert 'aria-describedby="id_municipality_error"' in html
    assert 'id="id_municipality_error"' in html


def test_overlong_search_is_cut_with_a_visible_notice(client, world):
    response = client.get(url_in("en", "catalogue:search"), {"q": "lapsi " * 200})
    assert response.status_code == 200
    assert "was shortened" in response.content.decode()


def test_htmx_gets_only_the_results_and_caches_vary(client, world):
    response = client.get(
        url_in("en", "catalogue:search"), {"age": "3"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<html" not in html and 'id="results"' in html and 'id="result-status"' in html
    assert "HX-Request" in response["Vary"]
    restore = client.get(
        url_in("en", "catalogue:search"),
        {"age": "3"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restore.content.decode()


def test_search_form_is_enhanced_by_htmx(client, world):
    html = client.get(url_in("fi", "catalogue:search")).content.decode()
    assert 'hx-get="/services/"' in html and 'hx-push-url="true"' in html
    assert "htmx-2.min.js" in html
    # Without JavaScript the location button stays hidden; the postal code works.
    assert "data-locate hidden" in html and 'name="postal_code"' in html


def test_paging_links_keep_the_filters(client, world):
    for n in range(25):
        ServiceFactory(name_fi=f"Palvelu {n:02d}", national=True)
    response = client.get(url_in("en", "catalogue:search"), {"sort": "name", "free": "true"})
    links = parse(response).links
    assert "?sort=name&free=true&page=2" in links
    second = client.get(url_in("en", "catalogue:search") + "?sort=name&free=true&page=2")
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2' in (
        second.content.decode()
    )


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_service_page_has_everything_to_act_on(client, world, language):
    clinic = world["clinic"]
    response = client.get(url_in(language, "catalogue:service", clinic.pk))
    assert response.status_code == 200
    page = parse(response)
    assert page.lang == language and page.h1_count == 1
    html = response.content.decode()
    assert (
        "https://www.openstreetmap.org/?mlat=61.50000&amp;mlon=25.50000#map=16/61.50000/25.50000"
        in html
    )
    assert "tel:+358401234567" in html
    assert "https://asiointi.example.fi/neuvola" in html
    assert clinic.email in html


def test_service_page_in_english_details(client, world):
    html = client.get(url_in("en", "catalogue:service", world["clinic"].pk)).content.decode()
    for text in (
        "Provided by Järvelän hyvinvointialue (wellbeing services county)",
        "0–6 years",
        "Parents",
        "Expecting a baby",
        'Arabic (<span lang="ar">العربية</span>)',
        "Local rate",
        "No fee.",
        "Hearing loop",
        "Step-free access",
        "Järvelä Family Centre",
        "Training day",
        "Short day",
        "Exceptions coming up",
        "08:00–16:00",
        "You do not need a referral.",
    ):
        assert text in html, text


@pytest.mark.parametrize(
    ("language", "closed", "ended"),
    [("fi", "suljettu", "päättynyt"), ("sv", "stängt", "avslutad"), ("en", "closed", " ended")],
)
def test_a_day_without_opening_hours_is_closed_not_ended(client, world, language, closed, ended):
    # "closed" is also a matter's state ("päättynyt"); the hours need their own sense.
    html = client.get(url_in(language, "catalogue:service", world["clinic"].pk)).content.decode()
    assert f"<td>{closed}</td>" in html  # Saturday and Sunday have no periods
    assert f": {closed} – " in html  # today's exception: closed all day
    assert ended not in html.lower()


def test_unknown_service_is_a_404_page_in_the_language(client, world):
    response = client.get(url_in("sv", "catalogue:service", uuid.uuid4()))
    assert response.status_code == 404
    page = parse(response)
    assert page.lang == "sv" and page.h1_count == 1


def test_inactive_service_is_not_shown(client, world):
    world["peer"].status = "inactive"
    world["peer"].save()
    response = client.get(url_in("en", "catalogue:service", world["peer"].pk))
    assert response.status_code == 404


def test_e_services_are_grouped_by_life_situation(client, world):
    response = client.get(url_in("en", "catalogue:e_services"))
    html = response.content.decode()
    page = parse(response)
    assert page.h1_count == 1
    assert "situation-baby" in page.ids and "situation-separation" in page.ids
    assert "https://asiointi.example.fi/neuvola" in page.links
    assert "https://video.example.fi/" in page.links
    assert "Peer support after separation" in html


def test_language_switch_keeps_page_and_query(client, world):
    response = client.get(url_in("sv", "catalogue:search") + "?q=neuvola&age=3")
    links = parse(response).links
    assert "/services/?q=neuvola&amp;age=3" in response.content.decode() or (
        "/services/?q=neuvola&age=3" in links
    )
    assert "/en/services/?q=neuvola&age=3" in links


def test_language_switch_on_an_unknown_page(client, db):
    response = client.get("/sv/no-such-page/?x=1")
    assert response.status_code == 404
    links = parse(response).links
    assert "/no-such-page/?x=1" in links and "/en/no-such-page/?x=1" in links


def test_a_typo_is_corrected_and_said_so(client, world):
    response = client.get(url_in("en", "catalogue:search"), {"q": "lastenneuvla"})
    html = response.content.decode()
    assert "Showing results for <strong>lastenneuvola</strong>" in html
    assert "Child health clinic Järvelä" in html
