"""CSV and Excel files of the tables shown: the same cells, as suppressed.

An export is built from the table the page shows (never from the raw
figures), so a hidden cell is hidden in the file too, with the same mark.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .formatting import EMPTY, HIDDEN, export_value
from .periods import IN_PROGRESS
from .tables import Table

FORMATS = ("csv", "xlsx")


@dataclass
class Sheet:
    title: str
    header: list[str]
    rows: list[list] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def marks_note() -> str:
    return _(
        "%(hidden)s = hidden to protect small numbers (fewer than 5, or a figure from "
        "which one could be worked out); %(empty)s = nothing to measure; "
        "%(in_progress)s = the period is not over yet."
    ) % {"hidden": HIDDEN, "empty": EMPTY, "in_progress": IN_PROGRESS}


def table_sheet(table: Table, title: str) -> Sheet:
    indicator = table.indicator
    header = [_("Period"), *[column.label for column in table.all_columns]]
    rows = [
        [label, *[export_value(cell, indicator) for cell in cells]]
        for label, _period, cells in table.rows()
    ]
    notes = [
        f"{indicator.name} ({indicator.unit_label}): {indicator.definition}",
        marks_note(),
    ]
    return Sheet(title, header, rows, notes)


def csv_bytes(sheet: Sheet) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([sheet.title])
    writer.writerow(sheet.header)
    writer.writerows(sheet.rows)
    writer.writerow([])
    for note in sheet.notes:
        writer.writerow([note])
    # Excel opens a UTF-8 CSV with its byte order mark correctly.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(sheet: Sheet) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    ws = book.active
    ws.title = slugify(sheet.title)[:31] or "data"
    ws.append([sheet.title])
    ws["A1"].font = Font(bold=True)
    ws.append(sheet.header)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for row in sheet.rows:
        ws.append(row)
    ws.append([])
    for note in sheet.notes:
        ws.append([note])
    ws.freeze_panes = "B3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def response(sheet: Sheet, fmt: str, filename: str) -> HttpResponse:
    name = slugify(filename) or "table"
    if fmt == "xlsx":
        resp = HttpResponse(
            xlsx_bytes(sheet),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        resp["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return resp
    resp = HttpResponse(csv_bytes(sheet), content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return resp
