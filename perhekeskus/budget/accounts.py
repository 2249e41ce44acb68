"""Reading accounts CSV files as municipalities and counties export them.

A file has one row per account class and year: the class (a function or
service class, optionally with its number code), the year and the euros.
Spreadsheet exports vary, so the reader accepts a semicolon, comma or tab
delimiter, a byte order mark, UTF-8 or Windows-1252 text, decimal commas,
thousands separators (space, no-break space, dot) and negative corrections
(a second row of the same class and year with a negative amount: rows are
summed). Reading never writes; any problem refuses the whole file.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .defaults import class_key

CLASS_COLUMNS = (
    "class",
    "account class",
    "function",
    "service class",
    "luokka",
    "tehtäväluokka",
    "palveluluokka",
    "tehtävä",
    "palvelu",
    "klass",
    "uppgiftsklass",
    "serviceklass",
)
YEAR_COLUMNS = ("year", "vuosi", "år", "tilikausi")
AMOUNT_COLUMNS = (
    "amount",
    "euros",
    "eur",
    "euroa",
    "summa",
    "määrä",
    "menot",
    "kustannukset",
    "belopp",
    "euro",
)
MAX_ROWS = 100_000


class AccountsRefused(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems[:20]))


@dataclass(frozen=True)
class Line:
    year: int
    class_key: str
    class_name: str
    amount: Decimal


def parse_amount(text: str) -> Decimal:
    """Euros from a spreadsheet cell: '1 234 567,89', '1.234,5', '-1 200', '(300)', '1234.56'."""
    cleaned = text.strip().replace("€", "").replace("EUR", "").strip()
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative, cleaned = True, cleaned[1:-1]
    cleaned = cleaned.replace("\u2212", "-").replace("\u2013", "-")
    if cleaned.endswith("-"):  # some ledgers write the sign last
        negative, cleaned = not negative, cleaned[:-1]
    if cleaned.startswith("-"):
        negative, cleaned = not negative, cleaned[1:]
    elif cleaned.startswith("+"):
        cleaned = cleaned[1:]
    cleaned = re.sub(r"[\s\u00a0\u202f']", "", cleaned)
    if not cleaned or not re.fullmatch(r"[\d.,]+", cleaned):
        raise InvalidOperation(text)
    if "," in cleaned and "." in cleaned:
        decimal_mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal_mark, ".")
    elif "," in cleaned:
        if cleaned.count(",") > 1:
            cleaned = cleaned.replace(",", "")
        else:
            cleaned = cleaned.replace(",", ".")
    elif cleaned.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", cleaned):
        # Dots as thousands separators ('1.234.567'); euros never have three decimals.
        cleaned = cleaned.replace(".", "")
    value = Decimal(cleaned)
    return -value if negative else value


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AccountsRefused([_("The file is not text (UTF-8 or Windows-1252).")])


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (";", "\t", ",")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ";"


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().casefold() for h in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


def read_accounts(data: bytes) -> list[Line]:
    """The summed lines of an accounts file, or :class:`AccountsRefused`."""
    text = _decode(data).lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(first_line))
    try:
        header = next(reader)
    except StopIteration:
        raise AccountsRefused([_("The file is empty.")]) from None
    columns = {
        "class": _find(header, CLASS_COLUMNS),
        "year": _find(header, YEAR_COLUMNS),
        "amount": _find(header, AMOUNT_COLUMNS),
    }
    missing = [name for name, index in columns.items() if index is None]
    if missing:
        raise AccountsRefused(
            [
                _(
                    "Wrong columns: the file has %(found)s; it needs a class column (e.g. "
                    "%(class)s), a year column (e.g. %(year)s) and an amount column "
                    "(e.g. %(amount)s)."
                )
                % {
                    "found": ", ".join(repr(h) for h in header) or "–",
                    "class": "tehtäväluokka, class",
                    "year": "vuosi, year",
                    "amount": "euroa, amount",
                }
            ]
        )
    problems: list[str] = []
    sums: dict[tuple[int, str], Decimal] = {}
    names: dict[tuple[int, str], str] = {}
    count = 0
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        count += 1
        if count > MAX_ROWS:
            raise AccountsRefused([_("The file has over %(max)d rows.") % {"max": MAX_ROWS}])
        try:
            name = row[columns["class"]].strip()
            year_text = row[columns["year"]].strip()
            amount_text = row[columns["amount"]]
        except IndexError:
            problems.append(_("row %(n)d has too few columns") % {"n": number})
            continue
        if not name:
            problems.append(_("row %(n)d has no class") % {"n": number})
            continue
        if not re.fullmatch(r"(19|20)\d\d", year_text):
            problems.append(
                _("row %(n)d: %(year)r is not a year") % {"n": number, "year": year_text}
            )
            continue
        try:
            amount = parse_amount(amount_text)
        except (InvalidOperation, ValueError):
            problems.append(
                _("row %(n)d: %(amount)r is not an amount in euros")
                % {"n": number, "amount": amount_text}
            )
            continue
        key = (int(year_text), class_key(name))
        sums[key] = sums.get(key, Decimal(0)) + amount
        names.setdefault(key, re.sub(r"\s+", " ", name))
    if problems:
        raise AccountsRefused(problems)
    if not sums:
        raise AccountsRefused([_("The file has no rows.")])
    return [
        Line(year, key, names[(year, key)], sums[(year, key)].quantize(Decimal("0.01")))
        for (year, key) in sorted(sums)
    ]
