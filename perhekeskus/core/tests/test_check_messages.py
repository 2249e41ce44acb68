"""scripts/check-messages reads catalogues right and names each missing message."""

import sys
from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "check-messages"


@pytest.fixture(scope="module")
def check():
    loader = SourceFileLoader("check_messages", str(SCRIPT))
    module = module_from_spec(spec_from_loader("check_messages", loader))
    sys.modules["check_messages"] = module
    try:
        loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("check_messages", None)


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def write(base: Path, app: str, language: str, body: str) -> Path:
    folder = base / "perhekeskus" / app / "locale" / language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "django.po"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_entries_with_context_plurals_fuzzy_flags_and_obsolete_ones(check, tmp_path):
    path = write(
        tmp_path,
        "budget",
        "fi",
        '#: a.py:1\nmsgid "Open"\nmsgstr "Avoinna"\n\n'
        '#, fuzzy, python-format\n#| msgid "Old"\nmsgctxt "door"\nmsgid "Open"\nmsgstr "Auki"\n\n'
        'msgid "%(n)s day"\nmsgid_plural "%(n)s days"\nmsgstr[0] "%(n)s päivä"\nmsgstr[1] ""\n\n'
        'msgid ""\n"Long "\n"text"\nmsgstr ""\n\n'
        '#~ msgid "Gone"\n#~ msgstr "Poissa"\n',
    )
    entries = check.read_po(path)
    assert [(e.context, e.msgid, e.fuzzy) for e in entries] == [
        ("", "Open", False),
        ("door", "Open", True),
        ("", "%(n)s day", False),
        ("", "Long text", False),
    ]
    assert entries[2].translations == ("%(n)s päivä", "")


def test_new_untranslated_and_fuzzy_messages_are_named(check, tmp_path):
    repository, copy = tmp_path / "repository", tmp_path / "copy"
    write(repository, "budget", "sv", 'msgid "Kept"\nmsgstr "Kvar"\n\nmsgid "Doubt"\nmsgstr "?"\n')
    write(
        copy,
        "budget",
        "sv",
        'msgid "Kept"\nmsgstr "Kvar"\n\n#, fuzzy\nmsgid "Doubt"\nmsgstr "?"\n\n'
        'msgid "Added"\nmsgstr ""\n',
    )
    write(repository, "budget", "fi", 'msgid "Empty"\nmsgstr ""\n')
    write(copy, "budget", "fi", 'msgid "Empty"\nmsgstr ""\n')
    found = check.problems(repository, copy)
    assert found == {
        "perhekeskus/budget/locale/fi/LC_MESSAGES/django.po": [("untranslated", "Empty")],
        "perhekeskus/budget/locale/sv/LC_MESSAGES/django.po": [
            ("fuzzy", "Doubt"),
            ("new", "Added"),
        ],
    }
    write(copy, "budget", "fi", 'msgid "Empty"\nmsgstr "Tyhjä"\n')
    assert "perhekeskus/budget/locale/fi/LC_MESSAGES/django.po" not in check.problems(
        repository, copy
    )
