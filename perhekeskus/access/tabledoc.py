"""``docs/access-table.md``, written from the access table (:mod:`.table`).

``perhekeskus access-table`` writes the page; ``--check`` (and a test) fails
when the committed page differs from the table in the code.
"""

from __future__ import annotations

from pathlib import Path

from django.utils import translation

from . import table
from .table import ACT_LABELS, FIELD_LABELS, KIND_LABELS, PART_LABELS, TABLE, Act, Field, Kind, Part

PAGE = Path(__file__).resolve().parents[2] / "docs" / "access-table.md"

_HEADER = """\
# The access table

*Generated from `perhekeskus/access/table.py` by `perhekeskus access-table`;
do not edit by hand. A test fails when this page and the code differ.*

What each part of the work may do with each kind of record, and which of its
fields it sees. A user holding several parts gets the union of their rows; a
consent counts only for the kinds of data it names
({consent_kinds}); a change ({changes}) needs a basis covering the whole
family. Anything not in the table is refused, and the refusal is logged.
"""


def _cell(acts: frozenset[Act], act: Act) -> str:
    return "✓" if act in acts else ""


def _fields(fields: frozenset[Field]) -> str:
    if Field.ALL in fields:
        return str(FIELD_LABELS[Field.ALL])
    return ", ".join(str(FIELD_LABELS[f]) for f in Field if f in fields)


def render() -> str:
    with translation.override("en"):
        lines = [
            _HEADER.format(
                consent_kinds=", ".join(f"`{k}`" for k in Kind if k in table.CONSENT_KINDS),
                changes=", ".join(f"`{a}`" for a in Act if a in table.CHANGES),
            )
        ]
        lines.append("## Parts\n")
        lines.append("| part | who |")
        lines.append("|---|---|")
        for part in Part:
            lines.append(f"| `{part}` | {PART_LABELS[part]} |")
        lines.append("")
        for kind in Kind:
            lines.append(f"## `{kind}`: {KIND_LABELS[kind]}\n")
            rows = [(part, TABLE[(kind, part)]) for part in Part if (kind, part) in TABLE]
            lines.append("| part | " + " | ".join(str(ACT_LABELS[a]) for a in Act) + " | fields |")
            lines.append("|---|" + "---|" * len(Act) + "---|")
            for part, found in rows:
                cells = " | ".join(_cell(found.acts, a) for a in Act)
                lines.append(f"| `{part}` | {cells} | {_fields(found.fields)} |")
            lines.append("")
            lines.append("Every other part: nothing.\n")
    return "\n".join(lines).rstrip() + "\n"


def write() -> bool:
    """Write the page; True when it changed."""
    text = render()
    old = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
    if old == text:
        return False
    PAGE.write_text(text, encoding="utf-8")
    return True


def is_current() -> bool:
    return PAGE.exists() and PAGE.read_text(encoding="utf-8") == render()
