"""The finder's filters, ordering and bad-input handling (selectors + form)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.http import QueryDict

from perhekeskus.catalogue import search
from perhekeskus.catalogue.forms import ServiceSearchForm
from perhekeskus.catalogue.models import Organization, Service, ServiceChannel
from perhekeskus.catalogue.query import MAX_QUERY_LENGTH, ServiceQuery, Sort
from perhekeskus.catalogue.selectors import haversine_km, search_services

from .factories import (
    HoursExceptionFactory,
    InPersonChannelFactory,
    LanguageFactory,
    LocationFactory,
    MunicipalityFactory,
    OpeningHoursFactory,
    OrganizationFactory,
    ServiceChannelFactory,
    ServiceFactory,
    TaxonomyTermFactory,
    WebChannelFactory,
)

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")
# A Wednesday at 10:30 local time.
WEDNESDAY_MORNING = datetime.datetime(2026, 11, 25, 10, 30, tzinfo=HELSINKI)


def names(result):
    return {hit.service.name for hit in result.items}


def find(**kwargs):
    return search_services(ServiceQuery(limit=100, **kwargs), now=WEDNESDAY_MORNING)


def form_for(querystring: str) -> ServiceSearchForm:
    form = ServiceSearchForm(QueryDict(querystring))
    form.is_valid()
    return form


def test_age_filter_keeps_services_without_age_limits():
    ServiceFactory(name_fi="Vauvaryhmä", age_min=0, age_max=1)
    ServiceFactory(name_fi="Nuorisotila", age_min=13, age_max=17)
    ServiceFactory(name_fi="Perheneuvola", age_min=None, age_max=None)
    assert names(find(age=0)) == {"Vauvaryhmä", "Perheneuvola"}
    assert names(find(age=15)) == {"Nuorisotila", "Perheneuvola"}
    assert names(find(age=17)) == {"Nuorisotila", "Perheneuvola"}


def test_municipality_filter_by_area_location_or_national():
    here, there = MunicipalityFactory(code="901"), MunicipalityFactory(code="902")
    by_area = ServiceFactory(name_fi="Kotipalvelu", areas=[here])
    InPersonChannelFactory(service=ServiceFactory(name_fi="Neuvola"), location__municipality=here)
    ServiceFactory(name_fi="Auttava puhelin", national=True)
    ServiceFactory(name_fi="Muualla", areas=[there])
    assert names(find(municipality="901")) == {by_area.name_fi, "Neuvola", "Auttava puhelin"}


def test_language_channel_and_flag_filters():
    russian = LanguageFactory(code="ru")
    arabic = LanguageFactory(code="ar")
    ru_service = ServiceFactory(name_fi="Venäjänkielinen ryhmä", languages=[russian])
    ServiceFactory(name_fi="Arabiankielinen ryhmä", languages=[arabic], cost=Service.Cost.FEE)
    WebChannelFactory(service=ru_service)
    ServiceChannelFactory(service=ServiceFactory(name_fi="Puhelinpalvelu", anonymous=True))
    InPersonChannelFactory(service=ServiceFactory(name_fi="Lähete", referral_required=True))

    assert names(find(languages=("ru",))) == {"Venäjänkielinen ryhmä"}
    assert names(find(languages=("ru", "ar"))) == {"Venäjänkielinen ryhmä", "Arabiankielinen ryhmä"}
    assert names(find(channels=("web",))) == {"Venäjänkielinen ryhmä"}
    assert names(find(channels=("remote",))) == {"Venäjänkielinen ryhmä", "Puhelinpalvelu"}
    assert "Arabiankielinen ryhmä" not in names(find(free=True))
    assert names(find(anonymous=True)) == {"Puhelinpalvelu"}
    assert "Lähete" not in names(find(no_referral=True))


def test_provider_kind_and_life_situation_filters():
    parish = OrganizationFactory(kind=Organization.Kind.PARISH)
    separation = TaxonomyTermFactory(code="separation")
    ServiceFactory(name_fi="Perhekerho", organization=parish)
    ServiceFactory(name_fi="Eroneuvonta", life_situations=[separation])
    assert names(find(provider_kinds=("parish",))) == {"Perhekerho"}
    assert names(find(life_situations=("separation",))) == {"Eroneuvonta"}


def test_open_now_follows_weekly_hours_and_exceptions():
    open_channel = ServiceChannelFactory(service=ServiceFactory(name_fi="Auki"))
    OpeningHoursFactory(channel=open_channel, weekday=2, opens="08:00", closes="16:00")
    closed_today = ServiceChannelFactory(service=ServiceFactory(name_fi="Suljettu tänään"))
    OpeningHoursFactory(channel=closed_today, weekday=2, opens="08:00", closes="16:00")
    HoursExceptionFactory(channel=closed_today, date=WEDNESDAY_MORNING.date(), closed=True)
    evening = ServiceChannelFactory(service=ServiceFactory(name_fi="Iltaisin"))
    OpeningHoursFactory(channel=evening, weekday=2, opens="17:00", closes="20:00")
    special = ServiceChannelFactory(service=ServiceFactory(name_fi="Poikkeuksellisesti auki"))
    HoursExceptionFactory(
        channel=special, date=WEDNESDAY_MORNING.date(), closed=False, opens="10:00", closes="12:00"
    )
    always = ServiceChannelFactory(service=ServiceFactory(name_fi="Ympäri vuorokauden"))
    for day in range(7):
        OpeningHoursFactory(channel=always, weekday=day, opens="00:00", closes="23:59")

    assert names(find(open_now=True)) == {"Auki", "Poikkeuksellisesti auki", "Ympäri vuorokauden"}
    late = WEDNESDAY_MORNING.replace(hour=23, minute=59, second=30)
    result = search_services(ServiceQuery(open_now=True), now=late)
    assert names(result) == {"Ympäri vuorokauden"}
    hits = {hit.service.name: hit.open_now for hit in find().items}
    assert hits["Auki"] is True and hits["Iltaisin"] is False and hits["Suljettu tänään"] is False


def test_near_orders_by_distance_and_radius_cuts():
    kuopio = (62.8924, 27.6770)
    near_service = ServiceFactory(name_fi="Lähellä")
    InPersonChannelFactory(
        service=near_service, location__latitude=62.90, location__longitude=27.68
    )
    far_service = ServiceFactory(name_fi="Kaukana")
    InPersonChannelFactory(service=far_service, location__latitude=61.50, location__longitude=23.76)
    ServiceFactory(name_fi="Verkossa")

    result = find(near=kuopio, sort=Sort.DISTANCE)
    assert [hit.service.name for hit in result.items] == ["Lähellä", "Kaukana", "Verkossa"]
    first = result.items[0]
    assert first.distance_km == pytest.approx(haversine_km(kuopio, (62.90, 27.68)), abs=0.1)
    assert result.items[2].distance_km is None

    assert names(find(near=kuopio, radius_km=10)) == {"Lähellä"}
    assert names(find(near=kuopio, radius_km=300)) == {"Lähellä", "Kaukana"}


def test_distance_approximation_agrees_with_haversine_inside_finland():
    # Helsinki–Oulu, roughly 510 km: ordering uses the flat approximation.
    helsinki, oulu = (60.1699, 24.9384), (65.0121, 25.4651)
    assert haversine_km(helsinki, oulu) == pytest.approx(540, rel=0.03)


def test_text_search_with_filters_and_paging():
    municipality = MunicipalityFactory(code="903")
    for i in range(5):
        service = ServiceFactory(name_fi=f"Lastenneuvola {i}", summary_fi="Neuvola lapsiperheille.")
        InPersonChannelFactory(service=service, location__municipality=municipality)
    ServiceFactory(
        name_fi="Nuorisotila",
        summary_fi="Vapaa-ajan paikka nuorille.",
        description_fi="Nuorisotalolla voi pelata ja tavata kavereita.",
        description_sv="På ungdomsgården kan man spela och träffa vänner.",
        description_en="Play games and meet friends at the youth centre.",
    )
    search.index_services()

    result = search_services(ServiceQuery(text="neuvolaan", limit=2), now=WEDNESDAY_MORNING)
    assert result.count == 5 and len(result.items) == 2 and result.page_count == 3
    page_two = search_services(
        ServiceQuery(text="neuvolaan", limit=2, offset=2), now=WEDNESDAY_MORNING
    )
    assert not names(result) & names(page_two)
    by_name = find(text="neuvola", sort=Sort.NAME)
    assert [hit.service.name for hit in by_name.items] == [f"Lastenneuvola {i}" for i in range(5)]
    assert find(text="neuvola", municipality="903").count == 5
    assert find(text="neuvola", municipality="904").count == 0


def test_empty_result_suggests_what_to_relax():
    ServiceFactory(name_fi="Maksullinen", cost=Service.Cost.FEE, anonymous=True)
    # Every write path indexes what it changes; the suggestions count in the index.
    search.index_services()
    result = find(free=True, anonymous=True)
    assert result.count == 0
    relax = {r.field: r for r in result.relax}
    assert set(relax) == {"free"}
    assert relax["free"].count == 1 and "anonymous=true" in relax["free"].querystring
    assert "free=" not in relax["free"].querystring


def test_inactive_services_are_never_found():
    ServiceFactory(name_fi="Lakkautettu", status=Service.Status.INACTIVE)
    assert find().count == 0


# -- the form ------------------------------------------------------------


def test_form_builds_the_query():
    MunicipalityFactory(code="905", name_fi="Järvelä", name_sv="Järvby")
    InPersonChannelFactory(location__municipality__code="905")
    LanguageFactory(code="so")
    ServiceFactory(languages=[LanguageFactory(code="uk")])
    form = form_for(
        "q=neuvola&age=4&municipality=J%C3%A4rvby&language=uk&channel=remote&channel=video"
        "&free=true&anonymous=1&no_referral=on&provider_kind=ngo&open_now=yes&sort=name&page=2"
    )
    assert form.problems == {}
    query = form.to_query()
    assert query.text == "neuvola" and query.age == 4 and query.municipality == "905"
    assert query.languages == ("uk",) and query.channels == ("remote", "video")
    assert query.free and query.anonymous and query.no_referral and query.open_now
    assert query.provider_kinds == ("ngo",) and query.sort == Sort.NAME and query.offset == 20


def test_form_reports_bad_values_and_keeps_the_rest():
    ServiceFactory(languages=[LanguageFactory(code="ru")])
    form = form_for(
        "q=perhe&age=abc&municipality=Atlantis&near=foo&free=maybe&language=ru&language=xx"
        "&channel=teleport&sort=distance&radius_km=-3"
    )
    assert set(form.problems) == {
        "age",
        "municipality",
        "near",
        "free",
        "language",
        "channel",
        "sort",
        "radius_km",
    }
    query = form.to_query()
    assert query.text == "perhe" and query.age is None and query.municipality is None
    assert query.languages == ("ru",) and query.channels == () and not query.free
    assert query.sort == Sort.RELEVANCE and query.near is None


def test_form_cuts_overlong_text_with_a_notice():
    form = form_for("q=" + "lapsi%20" * 200)
    query = form.to_query()
    assert len(query.text) <= MAX_QUERY_LENGTH
    assert form.notices and str(MAX_QUERY_LENGTH) in form.notices[0]
    assert form.problems == {}


def test_form_places_a_postal_code_from_known_addresses():
    LocationFactory(postal_code="70100", latitude=62.0, longitude=27.0)
    LocationFactory(postal_code="70150", latitude=62.2, longitude=27.2)
    exact = form_for("postal_code=70100&sort=distance").to_query()
    assert exact.near == pytest.approx((62.0, 27.0)) and exact.sort == Sort.DISTANCE
    area = form_for("postal_code=70199").to_query()
    assert area.near == pytest.approx((62.1, 27.1))
    unknown = form_for("postal_code=99999")
    assert "postal_code" in unknown.problems and unknown.to_query().near is None
    assert "postal_code" in form_for("postal_code=7010A").problems


@pytest.mark.parametrize(
    "querystring",
    [
        "q=%00%01%02",
        "q=" + "x" * 100_000,
        "q=%22%27%3B--%20DROP%20TABLE",
        "q=NEAR(a%20b)%20OR%20*",
        "age=99999999999999999999",
        "near=1e400,1e400",
        "near=nan,nan",
        "radius_km=inf",
        "page=0",
        "page=-1",
        "limit=1000000",
        "offset=-5",
        "channel=&language=&life_situation=",
        "q=%F0%9F%91%B6%20lapsi",
    ],
)
def test_hostile_input_never_breaks_the_search(querystring):
    ServiceFactory()
    form = form_for(querystring)
    result = search_services(form.to_query(), now=WEDNESDAY_MORNING)
    assert result.count >= 0


def test_channel_kinds_cover_the_issue():
    assert {k.value for k in ServiceChannel.Kind} == {
        "in_person",
        "phone",
        "web",
        "video",
        "home_visit",
        "mobile_team",
    }


def test_the_results_page_reads_the_same_number_of_queries_for_any_number_of_cards(client):
    """The cards load only their own fields: nothing a card shows is fetched
    per card (a deferred field read in the template would be)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    def page_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("catalogue:search"), {"q": "perhekahvila"})
        assert response.status_code == 200
        return len(captured.captured_queries)

    def cafe():
        service = ServiceFactory(name_fi="Perhekahvila", summary_fi="Avoin perhekahvila.")
        InPersonChannelFactory(service=service)
        WebChannelFactory(service=service)
        service.languages.add(LanguageFactory())
        return service

    cafe()
    search.index_services()
    client.get(reverse("catalogue:search"), {"q": "perhekahvila"})  # warm the analyser and caches
    one = page_queries()
    for _ in range(6):
        cafe()
    search.index_services()
    assert page_queries() == one


@pytest.mark.parametrize("sort", [Sort.RELEVANCE, Sort.NAME])
def test_the_finder_counts_up_to_its_cap_and_the_api_exactly(client, monkeypatch, sort):
    """Past the cap the page says "more than", pages only up to the cap and
    suggests narrowing the search; the API still gives the exact count."""
    from django.urls import reverse

    from perhekeskus.catalogue import selectors

    for i in range(7):
        ServiceFactory(name_fi=f"Perhekahvila {i}", summary_fi="Avoin perhekahvila.")
    search.index_services()
    monkeypatch.setattr(selectors, "FINDER_COUNT_CAP", 4)

    result = search_services(ServiceQuery(text="perhekahvila", limit=2, sort=sort))
    assert result.more_than == 4 and result.count > 4 and result.page_count == 2
    all_pages = [
        search_services(ServiceQuery(text="perhekahvila", limit=2, offset=o, sort=sort))
        for o in (0, 2, 4, 6)
    ]
    assert sum(len(page.items) for page in all_pages) == 7  # nothing lost past the cap
    exact = search_services(ServiceQuery(text="perhekahvila", limit=2), exact_count=True)
    assert exact.count == 7 and exact.more_than is None and exact.page_count == 4

    response = client.get(reverse("catalogue:search"), {"q": "perhekahvila", "sort": sort})
    page = response.content.decode()
    assert "Yli 4 palvelua" in page and "4 ensimmäistä" in page
    api = client.get("/api/v1/services", {"q": "perhekahvila"}).json()
    assert api["count"] == 7

    monkeypatch.setattr(selectors, "FINDER_COUNT_CAP", 10)
    assert search_services(ServiceQuery(text="perhekahvila", sort=sort)).more_than is None
