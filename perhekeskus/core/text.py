"""Language analysis for full-text search: Finnish with Voikko, Swedish and
English with Snowball.

PostgreSQL's ``finnish`` Snowball configuration neither undoes consonant
gradation (*lasten* → *lapsi*) nor splits compounds (*perheneuvolassa* →
*perhe* + *neuvola*), so catalogue texts are analysed here and the database
only indexes the resulting terms.

Every term is a run of lower-case letters and digits, so both FTS5 and
PostgreSQL's ``simple`` parser see each term as exactly one token.

Analyses are cached per word (pure functions of the word and the backend);
nothing else is kept between calls.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import snowballstemmer
from django.conf import settings

if TYPE_CHECKING:
    from pyvoikko.analysis import VoikkoAnalysis

# Longer tokens are noise (URLs squashed together, base64…) and PostgreSQL
# refuses lexemes over 2 kB anyway.
MAX_TERM_LENGTH = 60
# Voikko's transducer gets slow on very long inputs and no real word is longer.
MAX_ANALYSED_LENGTH = 50

BACKENDS = ("pyvoikko", "libvoikko")
LIBVOIKKO_PATH = "/usr/lib/python3/dist-packages"

_WORD = re.compile(r"[^\W_]+")
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Unicode-normalised, lower-case text (NFKC folds e.g. ligatures and
    full-width letters to their plain forms)."""
    return unicodedata.normalize("NFKC", text).lower()


def tokenize(text: str) -> list[str]:
    """The words of ``text``: lower-case runs of letters and digits.

    Anything else (punctuation, hyphens, emoji, FTS operators) separates
    words, so ``e-palvelu`` gives ``e`` and ``palvelu``.
    """
    return [w for w in _WORD.findall(normalise(text)) if len(w) <= MAX_TERM_LENGTH]


def _clean(form: str) -> str:
    """A lemma or compound part as a term: Voikko marks internal boundaries
    with ``=`` and hyphenated parts with ``-``; terms keep letters only."""
    return _NOT_WORD.sub("", normalise(form))


# --- Voikko backends -------------------------------------------------------
#
# Both backends yield Voikko's raw transducer output, and the same parser
# (pyvoikko's) turns it into analyses, so the index terms cannot differ by
# backend except where the dictionaries themselves differ.


@functools.cache
def _libvoikko():
    if LIBVOIKKO_PATH not in sys.path:
        sys.path.append(LIBVOIKKO_PATH)
    import libvoikko  # noqa: PLC0415 - optional system package

    return libvoikko.Voikko("fi")


def libvoikko_available() -> bool:
    try:
        _libvoikko()
    except (ImportError, OSError, Exception):  # noqa: BLE001 - any failure means "not usable"
        return False
    return True


def _raw_pyvoikko(word: str) -> list[str]:
    import pyvoikko  # noqa: PLC0415 - loads the transducer, only when needed
    from kfst import TokenizationException  # noqa: PLC0415

    try:
        return [raw for raw, _weight in pyvoikko.VOIKKO_FST.lookup(word)]
    except TokenizationException:
        return []


def _raw_libvoikko(word: str) -> list[str]:
    return [a["FSTOUTPUT"] for a in _libvoikko().analyze(word) if a.get("FSTOUTPUT")]


@functools.lru_cache(maxsize=200_000)
def voikko_analyses(word: str, backend: str = "pyvoikko") -> tuple[VoikkoAnalysis, ...]:
    """All Voikko analyses of one lower-case word (cached per word)."""
    from pyvoikko.analysis import VoikkoAnalysis  # noqa: PLC0415

    if not word or len(word) > MAX_ANALYSED_LENGTH or not word.isalpha():
        return ()
    raw = _raw_libvoikko(word) if backend == "libvoikko" else _raw_pyvoikko(word)
    # Sorted so that both backends give the same order for the same output.
    return tuple(VoikkoAnalysis.from_voikko_analysis(r) for r in sorted(set(raw)))


def current_backend() -> str:
    backend = getattr(settings, "VOIKKO_BACKEND", "pyvoikko")
    if backend not in BACKENDS:
        raise ValueError(f"Unknown VOIKKO_BACKEND {backend!r}; use one of {BACKENDS}")
    return backend


def _parts(analysis: VoikkoAnalysis) -> list[tuple[str, str]]:
    """(surface, lemma) of each compound part, as terms; one-letter parts
    such as the *e* of *e-palvelu* are dropped."""
    parts = analysis.COMPOUND_PARTS or []
    if len(parts) < 2:
        return []
    result = []
    for part in parts:
        surface, lemma = _clean(part.FORM), _clean(part.BASEFORM)
        if len(surface) > 1 and len(lemma) > 1:
            result.append((surface, lemma))
    return result if len(result) > 1 else []


def _word_and_lemmas(word: str, backend: str) -> tuple[set[str], tuple[VoikkoAnalysis, ...]]:
    """The word itself and the lemma of each of its analyses, with the analyses."""
    terms = {word}
    analyses = voikko_analyses(word, backend)
    if not analyses and word.isalpha():
        # Words Voikko does not know (new coinages such as *muskari*, names)
        # still get a suffix-stripped stem.
        terms.add(stem(word, "fi"))
    for analysis in analyses:
        lemma = _clean(analysis.BASEFORM)
        if lemma:
            terms.add(lemma)
    return terms, analyses


@functools.lru_cache(maxsize=200_000)
def finnish_index_terms(word: str, backend: str = "pyvoikko") -> frozenset[str]:
    """What a Finnish word in a text is indexed as.

    The surface form, every lemma of every analysis (ambiguous words keep
    all readings), each compound part's lemma, and each contiguous run of
    parts ending in a lemma (*vertaistukiryhmä* → *vertaistuki*,
    *tukiryhmä*), so that a query for a shorter compound finds the longer.
    """
    terms, analyses = _word_and_lemmas(word, backend)
    for analysis in analyses:
        parts = _parts(analysis)
        for i in range(len(parts)):
            terms.add(parts[i][1])
            prefix = ""
            for j in range(i, len(parts) - 1):
                prefix += parts[j][0]
                terms.add(prefix + parts[j + 1][1])
    return frozenset(t for t in terms if len(t) <= MAX_TERM_LENGTH)


@functools.lru_cache(maxsize=50_000)
def finnish_query_terms(word: str, backend: str = "pyvoikko", heads: bool = True) -> frozenset[str]:
    """What a Finnish query word matches: its surface form and lemmas, and for
    a compound (unless ``heads`` is false) its head and the runs of parts
    ending in the head, so that *perheneuvolassa* finds a text that only
    says *neuvola*.

    The modifiers alone (*perhe*) are left out: a *perheneuvola* is a kind of
    *neuvola*, not a kind of *perhe*.
    """
    terms, analyses = _word_and_lemmas(word, backend)
    for analysis in analyses:
        parts = _parts(analysis) if heads else []
        for i in range(1, len(parts)):
            terms.add("".join(s for s, _ in parts[i:-1]) + parts[-1][1])
    return frozenset(t for t in terms if len(t) <= MAX_TERM_LENGTH)


# --- Snowball ---------------------------------------------------------------

SNOWBALL_LANGUAGES = {"sv": "swedish", "en": "english"}
# Finnish Snowball only stands in for words that Voikko does not know.
_SNOWBALL_NAMES = {**SNOWBALL_LANGUAGES, "fi": "finnish"}


@functools.cache
def _stemmer(language: str):
    # Stemmer objects keep no state between words; one per process is safe.
    return snowballstemmer.stemmer(_SNOWBALL_NAMES[language])


@functools.lru_cache(maxsize=100_000)
def stem(word: str, language: str) -> str:
    """The Snowball stem of a lower-case word in ``fi``, ``sv`` or ``en``."""
    return _stemmer(language).stemWord(word)


# --- Texts and queries -------------------------------------------------------


def word_index_terms(word: str, language: str, backend: str | None = None) -> frozenset[str]:
    """Index terms of one normalised word of a text in ``language``."""
    if language == "fi":
        return finnish_index_terms(word, backend or current_backend())
    if language in SNOWBALL_LANGUAGES and not word.isdigit():
        return frozenset({word, stem(word, language)})
    return frozenset({word})


def index_terms(text: str, language: str, backend: str | None = None) -> Iterator[str]:
    """Index terms of a text in ``language`` (``fi``, ``sv`` or ``en``), in
    text order, repeated as often as the words occur (ranking uses counts)."""
    backend = backend or current_backend()
    for word in tokenize(text):
        yield from sorted(word_index_terms(word, language, backend))


def query_word_terms(word: str, backend: str | None = None, heads: bool = True) -> frozenset[str]:
    """Everything one normalised query word may match in any language.

    The same index holds Finnish, Swedish and English texts, and a query does
    not say its language, so a word gets Voikko's readings and both Snowball
    stems. (Gating the stems on Voikko not knowing the word fails: Voikko
    accepts many Swedish forms such as *barnet* as names.) A Finnish word's
    stray stem (*lasten* → *last*) only adds low-ranked matches, since texts
    that contain the word itself match several terms of the group.

    With ``heads=False`` a compound's head is left out: the exact terms,
    which rank above matches on the head alone.
    """
    backend = backend or current_backend()
    terms = set(finnish_query_terms(word, backend, heads))
    if not word.isdigit():
        terms.update(stem(word, language) for language in SNOWBALL_LANGUAGES)
    return frozenset(t for t in terms if t)


def query_terms(text: str, backend: str | None = None) -> list[tuple[str, frozenset[str]]]:
    """(word, its terms) for each distinct word of a query, in order."""
    seen: set[str] = set()
    result = []
    for word in tokenize(text):
        if word not in seen:
            seen.add(word)
            result.append((word, query_word_terms(word, backend)))
    return result


def join_terms(terms: Iterable[str]) -> str:
    return " ".join(terms)
