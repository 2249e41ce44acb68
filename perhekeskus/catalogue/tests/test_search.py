"""Search relevance, ranking, typo tolerance and hostile input.

The suite runs once on SQLite and once on PostgreSQL; every expectation
here is a result *set* (or an order the weights decide), so both databases
must give the same answers.
"""

import pytest

from perhekeskus.catalogue import search
from perhekeskus.catalogue.models import Organization, SearchTerm, Service, ServiceSearchDocument
from perhekeskus.catalogue.synthetic import generate_services

pytestmark = pytest.mark.django_db

TEXTS = {
    "neuvola": ("Neuvola", "Terveystarkastukset odottaville äideille."),
    "perheneuvola": ("Kaupungin perheneuvolan palvelut", "Apua kasvatukseen."),
    "lapsi": ("Kerho", "Avoin kerho, jossa lapsi leikkii turvallisesti."),
    "perhekeskus": ("Perhekeskus Tapiola", "Kaikki palvelut yhdestä paikasta."),
    "vertaistukiryhmä": ("Vanhempien illat", "Vertaistukiryhmä kokoontuu tiistaisin."),
    "familjecentral": ("Familjecentralen i Esbo", "Stöd för hela familjen."),
    "english": ("Family centre", "Support for families with children."),
    "dentist": ("Hammashoitola", "Suun terveydenhoito."),
}


@pytest.fixture
def organisation():
    return Organization.objects.create(name="Espoon kaupunki", kind=Organization.Kind.MUNICIPALITY)


def _service(organisation, key, name, summary, **extra):
    return Service.objects.create(
        organization=organisation,
        name=name,
        name_fi=name,
        summary=summary,
        summary_fi=summary,
        source_id=key,
        **extra,
    )


@pytest.fixture
def catalogue(organisation):
    services = {key: _service(organisation, key, *value) for key, value in TEXTS.items()}
    search.index_services()
    return services


def found(query: str, within=None) -> set[str]:
    _total, page = search.ranked_ids(
        search.analyse_query(query), within=within, limit=100, offset=0
    )
    return set(
        Service.objects.filter(pk__in=[pk for pk, _score in page]).values_list(
            "source_id", flat=True
        )
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("neuvolaan", "neuvola"),
        ("neuvola", "perheneuvola"),
        ("perheneuvolassa", "perheneuvola"),
        ("perheneuvolassa", "neuvola"),
        ("lasten", "lapsi"),
        ("perhekeskuksessa", "perhekeskus"),
        ("vertaistukea", "vertaistukiryhmä"),
        ("familjecentral", "familjecentral"),
        ("families", "english"),
        ("family", "english"),
    ],
)
def test_inflected_and_compound_words_find_their_base_words(catalogue, query, expected):
    assert expected in found(query)


def test_unrelated_services_are_not_found(catalogue):
    assert found("neuvolaan") == {"neuvola", "perheneuvola"}
    assert "dentist" not in found("lasten")
    assert found("hammashoitolassa") == {"dentist"}


def test_all_words_of_a_query_must_match(catalogue):
    assert found("perhekeskus tapiola") == {"perhekeskus"}
    assert found("perhekeskus hammashoitola") == set()


def test_stop_words_are_ignored_unless_alone(catalogue):
    assert found("neuvola ja") == found("neuvola")


def test_name_match_ranks_above_body_match(organisation):
    body = _service(organisation, "body", "Terveyspalvelut", "Puheterapia lapsille ja nuorille.")
    name = _service(organisation, "name", "Puheterapia", "Kuntoutusta lapsille ja nuorille.")
    search.index_services()
    total, page = search.ranked_ids(
        search.analyse_query("puheterapiaan"), within=None, limit=10, offset=0
    )
    assert total == 2
    assert [pk for pk, _score in page] == [name.pk, body.pk]
    assert page[0][1] > page[1][1]


def test_paging_is_stable_and_ties_are_in_id_order(organisation):
    services = [_service(organisation, f"s{i}", "Kerho", "Kerho") for i in range(7)]
    search.index_services()
    analysed = search.analyse_query("kerhoon")
    total, everything = search.ranked_ids(analysed, within=None, limit=100, offset=0)
    assert total == 7
    assert [pk for pk, _ in everything] == sorted(s.pk for s in services)
    pages = []
    for offset in range(0, 7, 3):
        count, page = search.ranked_ids(analysed, within=None, limit=3, offset=offset)
        assert count == 7
        pages += page
    assert pages == everything
    count, beyond = search.ranked_ids(analysed, within=None, limit=3, offset=50)
    assert (count, beyond) == (7, [])


def test_within_restricts_results_and_count(catalogue):
    within = Service.objects.filter(source_id__in=["neuvola", "dentist"])
    total, page = search.ranked_ids(
        search.analyse_query("neuvolaan"), within=within, limit=10, offset=0
    )
    assert total == 1
    assert [pk for pk, _ in page] == [catalogue["neuvola"].pk]


def test_inactive_services_leave_the_index_when_reindexed(catalogue):
    # Whatever changes a service's status reindexes it (catalogue editing,
    # the importers); the index holds active services only.
    Service.objects.filter(pk=catalogue["neuvola"].pk).update(status=Service.Status.INACTIVE)
    search.index_services([catalogue["neuvola"].pk])
    assert found("neuvolaan") == {"perheneuvola"}
    assert not ServiceSearchDocument.objects.filter(service=catalogue["neuvola"]).exists()
    Service.objects.filter(pk=catalogue["neuvola"].pk).update(status=Service.Status.ACTIVE)
    search.index_services([catalogue["neuvola"].pk])
    assert found("neuvolaan") == {"neuvola", "perheneuvola"}


def test_match_filter_agrees_with_ranked_ids(catalogue):
    for query in ("neuvolaan", "lasten", "vertaistukea", "familjecentralen"):
        analysed = search.analyse_query(query)
        filtered = set(
            Service.objects.filter(search.match_filter(analysed)).values_list(
                "source_id", flat=True
            )
        )
        assert filtered == found(query)


def test_empty_query_matches_everything_within(catalogue):
    analysed = search.analyse_query("  ?! ")
    assert analysed.is_empty
    total, page = search.ranked_ids(analysed, within=None, limit=3, offset=0)
    assert total == len(TEXTS)
    assert len(page) == 3
    assert Service.objects.filter(search.match_filter(analysed)).count() == len(TEXTS)


def test_misspelt_word_is_corrected_and_reported(catalogue):
    analysed = search.analyse_query("neuvloa")
    assert analysed.corrections == {"neuvloa": "neuvola"}
    assert "neuvola" in found("neuvloa")


def test_longer_words_tolerate_two_edits(catalogue):
    analysed = search.analyse_query("tapiola perhekeksus")
    assert analysed.corrections == {"perhekeksus": "perhekeskus"}
    assert found("perhekeksus") == {"perhekeskus"}
    # Two edits are too many for a short word.
    assert search.analyse_query("nuevloa").corrections == {}


def test_known_words_are_not_corrected(catalogue):
    assert search.analyse_query("neuvolaan").corrections == {}


def test_hopeless_words_find_nothing(catalogue):
    analysed = search.analyse_query("qqqqqqqq")
    assert analysed.corrections == {}
    assert found("qqqqqqqq") == set()


HOSTILE = [
    '"',
    '""neuvola',
    "neuvola*",
    "*",
    "NEAR(neuvola perhe, 2)",
    "neuvola NEAR perhe",
    "neuvola OR perhe AND NOT lapsi",
    "name:neuvola",
    "{name body}: neuvola",
    "^neuvola",
    "neuvola:*",
    "'; DROP TABLE catalogue_service; --",
    "\\",
    "!&|<->()",
    "neuvola & | ! :*",
    "\x00neuvola",
    "😀👨‍👩‍👧",
    "neuvola 😀",
    "a" * 10_000,
    "neuvola " * 500,
    " ".join(f"sana{i}" for i in range(100)),
    "ÅÄÖ åäö ÆØ ß ﬁ İ",
    "%_%",
    "-neuvola +perhe",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(catalogue, query):
    analysed = search.analyse_query(query)
    assert len(analysed.groups) <= search.MAX_QUERY_WORDS
    total, page = search.ranked_ids(analysed, within=None, limit=10, offset=0)
    assert total >= len(page)
    matched = Service.objects.filter(search.match_filter(analysed)).count()
    assert matched >= total


def test_operator_words_are_plain_words(catalogue):
    # "NEAR" and "OR" are searched for as words, which no service contains.
    assert found("neuvola NEAR") == set()
    assert "neuvola" in found('"neuvola"')


def test_reindexing_one_service_updates_terms_and_vocabulary(catalogue):
    dentist = catalogue["dentist"]
    assert SearchTerm.objects.get(term="hammashoitola").document_count == 1
    dentist.name_fi = "Neuvola"
    dentist.save()
    assert search.index_services([dentist.pk]) == 1
    assert "dentist" in found("neuvolaan")
    assert "dentist" not in found("hammashoitola")
    assert not SearchTerm.objects.filter(term="hammashoitola").exists()
    assert SearchTerm.objects.get(term="neuvola").document_count == 3


def test_deleted_services_leave_the_index(catalogue):
    dentist_id = catalogue["dentist"].pk
    catalogue["dentist"].delete()
    assert search.index_services([dentist_id]) == 0
    assert found("hammashoitola") == set()
    assert not ServiceSearchDocument.objects.filter(service_id=dentist_id).exists()
    assert not SearchTerm.objects.filter(term="hammashoitola").exists()


def test_full_rebuild_counts_documents_per_term(catalogue):
    assert search.index_services() == len(TEXTS)
    assert SearchTerm.objects.get(term="neuvola").document_count == 2
    assert SearchTerm.objects.get(term="perhe").document_count >= 2


def test_related_names_are_searchable(organisation):
    service = _service(organisation, "org", "Kerho", "Leikkiä.")
    search.index_services([service.pk])
    assert found("espoossa") == {"org"}


def test_synthetic_catalogue_is_found_by_its_lemmas():
    catalogue = generate_services(40, seed=3)
    assert catalogue.indexed == 40
    assert Service.objects.count() == 40
    lemma = "neuvola"
    relevant = {pk for pk, lemmas in catalogue.lemmas.items() if lemma in lemmas}
    assert relevant
    total, page = search.ranked_ids(
        search.analyse_query("neuvolaan"), within=None, limit=100, offset=0
    )
    assert relevant <= {pk for pk, _ in page}
    assert total >= len(relevant)


def test_the_word_itself_ranks_above_a_shared_compound_head(organisation):
    head_only = _service(organisation, "head", "Neuvola", "Neuvola palvelee.")
    exact = _service(organisation, "exact", "Palvelut", "Perheneuvola auttaa.")
    search.index_services()
    total, page = search.ranked_ids(
        search.analyse_query("perheneuvolassa"), within=None, limit=10, offset=0
    )
    assert total == 2
    assert [pk for pk, _ in page] == [exact.pk, head_only.pk]


@pytest.fixture
def clubs(organisation):
    """Services about family clubs: in the name (short and long names), in
    the text only, and another club sharing only the compound's head."""
    made = {
        "name-short": _service(organisation, "name-short", "Perhekerho", "Joka viikko."),
        "name-long": _service(
            organisation, "name-long", "Avoin perhekerho koko suvulle", "Tervetuloa."
        ),
        "name-mid": _service(organisation, "name-mid", "Iltapäivän perhekerho", "Leikkiä."),
        "text-1": _service(organisation, "text-1", "Leikkipuisto", "Puistossa on perhekerho."),
        "text-2": _service(organisation, "text-2", "Asukastalo", "Talon perhekerho kokoontuu."),
        "head": _service(organisation, "head", "Vauvakerho", "Vauvoille."),
        "other": _service(organisation, "other", "Neuvola", "Terveystarkastukset."),
    }
    search.index_services()
    return made


def _ranked(query: str, **kwargs) -> tuple[int, list[str]]:
    total, page = search.ranked_ids(search.analyse_query(query), **kwargs)
    keys = dict(Service.objects.values_list("pk", "source_id"))
    return total, [keys[pk] for pk, _score in page]


def test_tiers_name_then_text_then_compound_heads(clubs):
    total, order = _ranked("perhekerhoon", limit=20)
    assert total == 6
    assert set(order[:3]) == {"name-short", "name-long", "name-mid"}
    assert set(order[3:5]) == {"text-1", "text-2"}
    assert order[5:] == ["head"]


def test_a_large_tier_is_in_static_order_and_pages_fit_together(clubs, monkeypatch):
    # Any tier larger than the limit is ordered by name length, not scored.
    monkeypatch.setattr(search, "RANK_LIMIT", 1)
    total, order = _ranked("perhekerhoon", limit=20)
    assert total == 6
    assert order[:3] == ["name-short", "name-mid", "name-long"]
    assert order[5:] == ["head"]
    pages = [_ranked("perhekerhoon", limit=2, offset=offset)[1] for offset in (0, 2, 4, 6)]
    assert [key for page in pages for key in page] == order
    assert pages[-1] == []


@pytest.mark.parametrize("rank_limit", [1000, 1, 0])
@pytest.mark.parametrize("count_cap", [0, 1, 2, 4, 5, 6, 100])
def test_a_capped_count_says_more_than_and_keeps_the_pages(
    clubs, monkeypatch, rank_limit, count_cap
):
    """Counting stops past the cap (or past the page): a count above the cap
    means "more than the cap", and every page is the one the exact count
    gives, in every tier and whichever way a tier is ordered."""
    monkeypatch.setattr(search, "RANK_LIMIT", rank_limit)
    total, order = _ranked("perhekerhoon", limit=20)
    assert total == 6
    for offset in range(8):
        capped, page = _ranked("perhekerhoon", limit=1, offset=offset, count_cap=count_cap)
        assert page == order[offset : offset + 1]
        if total <= max(count_cap, offset + 1):
            assert capped == total
        else:
            assert max(count_cap, offset + 1) < capped <= total


def test_the_vocabulary_tells_a_broad_word_is_over_the_cap_without_counting(clubs, monkeypatch):
    monkeypatch.setattr(search, "RANK_LIMIT", 0)
    counted = []
    count = search._count
    monkeypatch.setattr(
        search,
        "_count",
        lambda condition, *a, **k: counted.append(condition) or count(condition, *a, **k),
    )
    analysed = search.analyse_query("perhekerhoon")
    where_all = search._where_all(analysed, [])
    # Six services contain "perhekerho" or its head "kerho": over a cap of one.
    total, page = search.ranked_ids(analysed, limit=1, count_cap=1)
    assert total == 2 and len(page) == 1 and where_all not in counted
    # Over a cap the vocabulary cannot vouch for, it counts.
    search.ranked_ids(analysed, limit=1, count_cap=10)
    assert where_all in counted


def test_a_capped_count_of_filters_alone(clubs):
    from perhekeskus.catalogue import facets
    from perhekeskus.catalogue.query import ServiceQuery

    free = facets.query_facets(ServiceQuery(free=True))
    exact, _page = search.ranked_ids(search.AnalysedQuery(), facet_groups=free, limit=0)
    assert exact == 7
    capped, _page = search.ranked_ids(
        search.AnalysedQuery(), facet_groups=free, limit=0, count_cap=3
    )
    assert capped == 4


def test_static_order_and_scores_agree_on_the_result_set(clubs, monkeypatch):
    scored = _ranked("perhekerho", limit=20)
    monkeypatch.setattr(search, "RANK_LIMIT", 0)
    static = _ranked("perhekerho", limit=20)
    assert scored[0] == static[0] and set(scored[1]) == set(static[1])


def test_static_rank_prefers_fewer_words_then_fewer_letters():
    assert search.static_rank("Kerho") < search.static_rank("Kerhot")
    assert search.static_rank("Kerhotoimintaa") < search.static_rank("Avoin kerho")


@pytest.mark.parametrize("probe_rows", [2, 3, 400])
def test_a_large_filtered_tier_pages_alike_however_its_page_is_found(
    organisation, monkeypatch, probe_rows
):
    """A filter (here: free of charge) on a tier in the static order: the
    page is the same whether it is found among the first rows of that order
    or, when they do not hold it, among all the tier's matches."""
    from perhekeskus.catalogue import facets
    from perhekeskus.catalogue.query import ServiceQuery

    fee = {"cost": Service.Cost.FEE}
    for key, name, extra in [
        ("a", "Perhekerho", fee),
        ("b", "Iltapäivän perhekerho", {}),
        ("c", "Perhekerho Kotikulma", fee),
        ("d", "Avoin perhekerho koko suvulle", {}),
        ("e", "Perhekerho ja kahvila", {}),
        ("f", "Isien perhekerho", fee),
        ("g", "Leikkipuisto", {}),
    ]:
        _service(organisation, key, name, "Tervetuloa.", **extra)
    _service(organisation, "text", "Asukastalo", "Talon perhekerho kokoontuu.")
    search.index_services()
    free = facets.query_facets(ServiceQuery(free=True))
    monkeypatch.setattr(search, "RANK_LIMIT", 0)
    monkeypatch.setattr(search, "STATIC_PROBE_ROWS", probe_rows)
    total, order = _ranked("perhekerhoon", facet_groups=free, limit=20)
    assert total == 4
    assert order == ["b", "e", "d", "text"]
    pages = [
        _ranked("perhekerhoon", facet_groups=free, limit=2, offset=offset)[1]
        for offset in (0, 2, 4)
    ]
    assert [key for page in pages for key in page] == order
