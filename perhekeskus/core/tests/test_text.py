import pytest

from perhekeskus.core import text


def test_tokenize_normalises_case_punctuation_and_unicode():
    tokens = text.tokenize('Perheneuvola: "NEAR" ﬁlmi e-palvelu 😀 x_y Åbo 2024!')
    assert tokens == ["perheneuvola", "near", "filmi", "e", "palvelu", "x", "y", "åbo", "2024"]


def test_tokenize_drops_overlong_tokens():
    assert text.tokenize("a" * 500 + " neuvola") == ["neuvola"]


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("neuvolaan", "neuvola"),
        ("lasten", "lapsi"),
        ("perhekeskuksessa", "perhekeskus"),
        ("helsingissä", "helsinki"),
        ("tukea", "tuki"),
    ],
)
def test_inflected_words_are_indexed_with_their_lemma(word, lemma):
    terms = text.finnish_index_terms(word)
    assert word in terms
    assert lemma in terms


def test_capitalised_words_are_analysed_lower_case():
    assert "helsinki" in set(text.index_terms("Helsingissä", "fi"))


def test_compound_parts_and_runs_are_indexed():
    terms = text.finnish_index_terms("vertaistukiryhmä")
    assert {"vertaistukiryhmä", "vertaistuki", "tukiryhmä", "tuki", "ryhmä"} <= terms
    terms = text.finnish_index_terms("perheneuvolassa")
    assert {"perheneuvolassa", "perheneuvola", "perhe", "neuvola"} <= terms
    # Lemmas never keep Voikko's internal boundary marks.
    assert not any("=" in t or "-" in t for t in text.finnish_index_terms("vertaistukea"))


def test_query_terms_of_a_compound_include_its_head_not_its_modifier():
    terms = text.query_word_terms("perheneuvolassa")
    assert {"perheneuvolassa", "perheneuvola", "neuvola"} <= terms
    assert "perhe" not in terms


def test_exact_query_terms_leave_out_the_head():
    terms = text.query_word_terms("perheneuvolassa", heads=False)
    assert {"perheneuvolassa", "perheneuvola"} <= terms
    assert "neuvola" not in terms


def test_ambiguous_words_keep_every_reading():
    terms = text.finnish_index_terms("kuusi")
    assert {"kuusi", "kuu"} <= terms


def test_words_voikko_does_not_know_get_a_snowball_stem():
    assert "muskar" in text.finnish_index_terms("muskarissa")
    assert "muskar" in text.query_word_terms("muskari")


def test_swedish_and_english_texts_are_stemmed():
    assert "familjecentral" in set(text.index_terms("Familjecentralen", "sv"))
    assert "famili" in set(text.index_terms("Families", "en"))
    # A query word gets both stems, as its language is unknown.
    assert {"famili", "familjecentral"} <= text.query_word_terms(
        "families"
    ) | text.query_word_terms("familjecentralen")


def test_index_terms_repeat_with_each_occurrence():
    terms = list(text.index_terms("neuvola neuvolassa", "fi"))
    assert terms.count("neuvola") == 2


def test_numbers_are_kept_as_they_are():
    assert text.query_word_terms("2024") == frozenset({"2024"})
    assert list(text.index_terms("0–6-vuotiaille", "fi"))[:1] == ["0"]


def test_unknown_backend_is_refused(settings):
    settings.VOIKKO_BACKEND = "nonsense"
    with pytest.raises(ValueError, match="VOIKKO_BACKEND"):
        text.current_backend()


def test_backend_setting_selects_the_analyser(settings):
    settings.VOIKKO_BACKEND = "pyvoikko"
    assert text.current_backend() == "pyvoikko"


EQUIVALENCE_WORDS = (
    "neuvola neuvolaan perheneuvolassa lasten lapsi perhekeskuksessa perhekeskus vertaistukea "
    "vertaistukiryhmä vertaistukiryhmässä lastensuojelun lastensuojeluilmoitus kuusi helsingissä "
    "äitiysneuvolaan kotipalvelua mielenterveyspalveluihin päihdetyöhön kouluterveydenhuollossa "
    "opiskeluhuoltoon varhaiskasvatukseen päiväkodissa tukiperheeseen lähisuhdeväkivallan "
    "maahanmuuttajaperheille kiusaamisesta kotoutumiseen vanhemmuuteen puheterapiaan "
    "sijaisperheessä eroneuvonnassa parisuhteeseen tukea tuki e palvelu muskarissa kela "
    "asiakasmaksu yhteydenottopyyntö sähköisessä ajanvarausta terveydenhoitajalle"
).split()


def test_libvoikko_gives_the_same_index_terms_as_pyvoikko():
    if not text.libvoikko_available():
        pytest.skip("Debian's libvoikko1 + voikko-fi + python3-libvoikko are not installed")
    for word in EQUIVALENCE_WORDS:
        assert text.finnish_index_terms(word, "libvoikko") == text.finnish_index_terms(
            word, "pyvoikko"
        ), word
        assert text.finnish_query_terms(word, "libvoikko") == text.finnish_query_terms(
            word, "pyvoikko"
        ), word


def test_libvoikko_backend_is_used_when_configured(settings):
    if not text.libvoikko_available():
        pytest.skip("Debian's libvoikko1 + voikko-fi + python3-libvoikko are not installed")
    settings.VOIKKO_BACKEND = "libvoikko"
    assert "lapsi" in set(text.index_terms("lasten", "fi"))
    assert text.voikko_analyses.cache_info().currsize > 0
