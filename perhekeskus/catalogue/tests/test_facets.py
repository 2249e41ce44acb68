"""The filters answered by the index (facets) agree with the SQL filters."""

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perhekeskus.catalogue import facets, search
from perhekeskus.catalogue.models import Organization, Service, ServiceChannel, TaxonomyTerm
from perhekeskus.catalogue.query import REMOTE, ServiceQuery
from perhekeskus.catalogue.selectors import _filtered, search_services
from perhekeskus.catalogue.synthetic import generate_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    generated = generate_services(240, seed=7)
    # Some services the generator does not make: national, with served
    # areas, without age limits, inactive.
    services = list(Service.objects.order_by("pk"))
    for service in services[:10]:
        service.national = True
        service.save(update_fields=["national"])
    municipalities = generated.municipality_codes
    from perhekeskus.programme.models import Municipality

    for service in services[10:20]:
        service.areas.add(Municipality.objects.get(code=municipalities[-1]))
    Service.objects.filter(pk__in=[s.pk for s in services[20:30]]).update(
        age_min=None, age_max=None
    )
    Service.objects.filter(pk__in=[s.pk for s in services[30:35]]).update(
        status=Service.Status.INACTIVE
    )
    search.index_services()
    return generated


def _queries(codes):
    situations = list(
        TaxonomyTerm.objects.filter(taxonomy=TaxonomyTerm.Taxonomy.LIFE_SITUATION).values_list(
            "code", flat=True
        )
    )
    channel_kinds = [*ServiceChannel.Kind.values, REMOTE]
    return st.builds(
        ServiceQuery,
        age=st.none() | st.integers(0, 29),
        municipality=st.none() | st.sampled_from(codes.municipality_codes),
        languages=st.lists(st.sampled_from(codes.language_codes), max_size=2).map(tuple),
        channels=st.lists(st.sampled_from(channel_kinds), max_size=2).map(tuple),
        free=st.booleans(),
        anonymous=st.booleans(),
        no_referral=st.booleans(),
        provider_kinds=st.lists(st.sampled_from(Organization.Kind.values), max_size=2).map(tuple),
        life_situations=st.lists(st.sampled_from(situations), max_size=2).map(tuple),
    )


def test_facets_select_exactly_what_the_sql_filters_select(catalogue):
    now = timezone.now()

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(query=_queries(catalogue))
    def check(query):
        assert not facets.needs_sql(query)
        total, page = search.ranked_ids(
            search.AnalysedQuery(), facet_groups=facets.query_facets(query), limit=1000
        )
        by_sql = set(_filtered(query, now).values_list("pk", flat=True))
        assert {pk for pk, _score in page} == by_sql
        assert total == len(by_sql)

    check()


def test_a_filtered_text_search_counts_and_ranks_the_same_either_way(catalogue):
    now = timezone.now()
    query = ServiceQuery(text="kerhoon", age=4, free=True)
    with_facets = search_services(query, now=now)
    total, page = search.ranked_ids(
        search.analyse_query(query.text), within=_filtered(query, now), limit=20
    )
    assert with_facets.count == total > 0
    assert [hit.service.pk for hit in with_facets.items] == [pk for pk, _score in page]


def test_filters_the_index_cannot_answer_go_to_sql():
    assert facets.needs_sql(ServiceQuery(open_now=True))
    assert facets.needs_sql(ServiceQuery(near=(61.0, 25.0), radius_km=5))
    assert facets.needs_sql(ServiceQuery(age=40))
    assert not facets.needs_sql(ServiceQuery(age=29, municipality="951", free=True))


def test_facet_terms_are_single_tokens_of_letters():
    facts = facets.ServiceFacts(
        age_min=3,
        age_max=5,
        national=False,
        cost="free",
        anonymous=True,
        referral_required=False,
        provider_kind="peer_group",
        municipalities={"091"},
        languages={"zh-Hant"},
        channel_kinds={"home_visit"},
        life_situations={"child-development"},
    )
    terms = facets.service_facets(facts)
    assert all(term.isalpha() and term.islower() for term in terms)
    assert len([t for t in terms if t.startswith("qqage")]) == 3
