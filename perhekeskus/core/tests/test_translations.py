"""Every user-visible string is translated: Finnish and Swedish complete."""

from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
LOCALE = PACKAGE / "locale"
# The shared catalogue and every app's own (see settings.LOCALE_PATHS).
CATALOGUES = [LOCALE, *sorted(PACKAGE.glob("*/locale"))]


def _entries(po_path: Path):
    """(msgid, msgstr, flags) of each entry, plural forms joined."""
    entries, msgid, msgstr, flags, current = [], [], [], "", None
    for line in po_path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("#,"):
            flags = line
        elif line.startswith("msgid "):
            msgid, msgstr, current = [line[6:]], [], "id"
        elif line.startswith("msgid_plural"):
            current = "id"
        elif line.startswith("msgstr"):
            msgstr.append(line.split(" ", 1)[1])
            current = "str"
        elif line.startswith('"'):
            (msgid if current == "id" else msgstr).append(line)
        elif not line.strip() and msgid:
            entries.append(("".join(msgid), "".join(msgstr), flags))
            msgid, msgstr, flags, current = [], [], "", None
    return [e for e in entries if e[0] != '""']


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize(
    "catalogue", CATALOGUES, ids=[p.parent.name if p != LOCALE else "shared" for p in CATALOGUES]
)
def test_catalogue_is_complete(language, catalogue):
    po = catalogue / language / "LC_MESSAGES" / "django.po"
    assert po.exists(), f"missing {po}"
    entries = _entries(po)
    assert entries
    untranslated = [msgid for msgid, msgstr, _flags in entries if set(msgstr) <= {'"'}]
    fuzzy = [msgid for msgid, _msgstr, flags in entries if "fuzzy" in flags]
    assert not untranslated, (
        f"{language}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    )
    assert not fuzzy, f"{language}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_english_catalogue_exists(catalogue):
    assert (catalogue / "en" / "LC_MESSAGES" / "django.po").exists()
