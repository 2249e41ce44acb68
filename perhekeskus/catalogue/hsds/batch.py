"""What the HSDS and PTV importers share: reading files, batches, the report.

Records are written in batches, each batch in one transaction and each
record in a savepoint of its own: a bad record is rolled back alone and
reported with its reason, and a failure of the batch itself leaves nothing
half-written. Imported services are indexed for search in the same batch.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from perhekeskus.catalogue import search

# A PTV page or an HSDS export of one organiser is a few MB; anything much
# larger is refused before it is read into memory.
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
BATCH_SIZE = 500

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
# Finland with a margin for the sea areas: WGS84 latitude and longitude.
LAT_RANGE, LON_RANGE = (59.0, 70.5), (19.0, 32.0)


class RecordError(ValueError):
    """A record that cannot be imported; the message says why."""


def in_finland(lat: float, lon: float) -> bool:
    return LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]


def max_file_bytes() -> int:
    return int(getattr(settings, "CATALOGUE_IMPORT_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def count(self, kind: str, outcome: str) -> None:
        self.counts[(kind, outcome)] += 1

    def total(self, outcome: str) -> int:
        return sum(n for (_kind, o), n in self.counts.items() if o == outcome)

    def skip(self, label: str, reason: str) -> None:
        self.skipped.append((label, reason))

    def refuse(self, label: str, reason: str) -> None:
        self.refused.append((label, reason))

    def note(self, label: str, text: str) -> None:
        self.notes.append((label, text))

    def lines(self) -> list[str]:
        kinds = sorted({kind for kind, _o in self.counts})
        out = [
            f"created {self.total(CREATED)}, updated {self.total(UPDATED)}, "
            f"unchanged {self.total(UNCHANGED)}, skipped {len(self.skipped)}, "
            f"refused files {len(self.refused)}"
        ]
        for kind in kinds:
            out.append(
                f"  {kind}: created {self.counts[(kind, CREATED)]}, "
                f"updated {self.counts[(kind, UPDATED)]}, "
                f"unchanged {self.counts[(kind, UNCHANGED)]}"
            )
        out += [f"refused {label}: {reason}" for label, reason in self.refused]
        out += [f"skipped {label}: {reason}" for label, reason in self.skipped]
        out += [f"note {label}: {text}" for label, text in self.notes]
        return out


def json_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.json") if p.is_file())
    return [path]


def read_json(path: Path, report: Report):
    """The parsed file, or None when it is refused (too large, not JSON)."""
    try:
        size = path.stat().st_size
    except OSError as error:
        report.refuse(str(path), f"cannot be read ({error.strerror})")
        return None
    limit = max_file_bytes()
    if size > limit:
        report.refuse(
            str(path),
            f"file is {size / 1_048_576:.1f} MB, over the limit of {limit / 1_048_576:.0f} MB; "
            "split it into smaller files (e.g. one page of the source API per file)",
        )
        return None
    try:
        with path.open("rb") as handle:
            return json.load(handle)
    except UnicodeDecodeError:
        report.refuse(str(path), "not UTF-8 text")
    except json.JSONDecodeError as error:
        report.refuse(
            str(path), f"malformed JSON at line {error.lineno} column {error.colno}: {error.msg}"
        )
    except OSError as error:
        report.refuse(str(path), f"cannot be read ({error.strerror})")
    return None


def describe(error: Exception) -> str:
    if isinstance(error, ValidationError):
        if hasattr(error, "message_dict"):
            return "; ".join(
                f"{name}: {' '.join(str(m) for m in messages)}"
                for name, messages in error.message_dict.items()
            )
        return " ".join(str(m) for m in error.messages)
    return str(error) or error.__class__.__name__


Handler = Callable[[object], tuple[str, str, set]]


def run(
    records: Iterable[tuple[str, object]],
    handle: Handler,
    report: Report,
    *,
    batch_size: int = BATCH_SIZE,
) -> None:
    """Import ``(label, record)`` pairs with ``handle``.

    ``handle(record)`` returns ``(kind, outcome, service_ids_to_index)`` or
    raises :class:`RecordError` (or a validation/database error) to skip it.
    """
    for batch in _batches(records, batch_size):
        with transaction.atomic():
            touched: set = set()
            for label, record in batch:
                try:
                    with transaction.atomic():
                        kind, outcome, services = handle(record)
                except (RecordError, ValidationError, DatabaseError, TypeError) as error:
                    report.skip(label, describe(error))
                    continue
                report.count(kind, outcome)
                touched |= services
            if touched:
                search.index_services(touched)


def _batches(records: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in records:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- Writing records --------------------------------------------------------


def _checked_fields(model) -> list[str]:
    """Fields full_clean should skip: free text (lengths are checked
    separately, so a record may leave them blank), relations (assigned as
    objects; checking them would cost a query each) and the raw record."""
    from django.db import models

    skip = []
    for f in model._meta.concrete_fields:
        plain_text = isinstance(f, models.CharField | models.TextField) and not isinstance(
            f, models.URLField | models.EmailField
        )
        if (plain_text and not f.choices) or f.is_relation or isinstance(f, models.JSONField):
            skip.append(f.name)
    return skip


_SKIP: dict = {}


def validate(obj) -> None:
    """Model validation (choices, ranges, URLs, e-mails) and text lengths."""
    from django.db import models

    model = type(obj)
    if model not in _SKIP:
        _SKIP[model] = _checked_fields(model)
    for f in model._meta.concrete_fields:
        if isinstance(f, models.CharField) and f.max_length:
            value = getattr(obj, f.attname)
            if isinstance(value, str) and len(value) > f.max_length:
                raise RecordError(f"{f.name}: longer than {f.max_length} characters")
    obj.full_clean(exclude=_SKIP[model], validate_unique=False, validate_constraints=False)


def by_source(model, source: str):
    """Rows of one source, filtered so that the partial unique index on
    (source, source_id) is used (SQLite needs its condition spelt out)."""
    return model.objects.filter(source=source).exclude(source_id="").order_by()


def upsert(model, *, source: str, source_id: str, values: dict, record, pk=None):
    """Create or update the row of ``(source, source_id)``.

    Returns ``(obj, outcome)``; a row whose stored record equals ``record``
    is left alone and reported unchanged.
    """
    # Read only the stored record first: most rows of a re-import are unchanged,
    # and the full translated row is far dearer to read. Other fields of an
    # unchanged row load on first use.
    existing = (
        by_source(model, source)
        .filter(source_id=source_id)
        .only("pk", "source", "source_id", "source_record")
        .first()
    )
    if existing is not None and existing.source_record == record:
        return existing, UNCHANGED
    outcome = UPDATED
    if existing is None:
        outcome = CREATED
        obj = model(source=source, source_id=source_id)
        if pk is not None and not model.objects.filter(pk=pk).exists():
            obj.pk = pk
    else:
        obj = model.objects.get(pk=existing.pk)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.source_record = record
    validate(obj)
    if outcome == UPDATED:
        obj.version += 1
    obj.save()
    return obj, outcome
