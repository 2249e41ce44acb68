"""The hash chain: canonical serialisation, appending and verification.

An entry's hash is SHA-256 over the UTF-8 JSON array of its fields in the
fixed order of :data:`HASHED_FIELDS` (``prev_hash`` last), with UUIDs as
lower-case hyphenated strings, times as UTC ``YYYY-MM-DDTHH:MM:SS.ffffffZ``,
compact separators and no ASCII escaping. The order of fields is part of
the format: a new field is appended to the end and hashed from then on.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .models import AccessLogEntry, ChainHead

GENESIS_HASH = "0" * 64

HASHED_FIELDS = (
    "seq",
    "occurred_at",
    "actor_id",
    "actor_name",
    "role",
    "unit",
    "organization_id",
    "subject_family_id",
    "subject_person_id",
    "action",
    "target",
    "basis",
    "basis_detail",
    "reason",
    "recipient_organization_id",
    "recipient",
    "allowed",
    "hidden_from_guardians",
    "ip_address",
    "channel",
    "prev_hash",
)
_UUID_POSITIONS = tuple(
    i for i, name in enumerate(HASHED_FIELDS) if name.endswith("_id") and name != "ip_address"
)
_TIME_POSITION = HASHED_FIELDS.index("occurred_at")
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class ChainError(RuntimeError):
    """The log cannot be appended to consistently: fail closed."""


def _time(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(values: tuple | list) -> bytes:
    """The canonical bytes of one entry's values, in :data:`HASHED_FIELDS` order."""
    row = list(values)
    row[_TIME_POSITION] = _time(row[_TIME_POSITION])
    for i in _UUID_POSITIONS:
        if row[i] is not None:
            row[i] = str(row[i])
    return _dumps(row).encode()


def entry_hash(values: tuple | list) -> str:
    return hashlib.sha256(canonical(values)).hexdigest()


def _locked_head() -> ChainHead:
    head = ChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        if AccessLogEntry.objects.exists():
            raise ChainError("The access log has entries but no chain head; run audit-verify.")
        # A fresh (or flushed) database: concurrent first writers insert the
        # same row, the database keeps one, and both then wait on its lock.
        ChainHead.objects.bulk_create(
            [ChainHead(pk=1, seq=0, hash=GENESIS_HASH)], ignore_conflicts=True
        )
        head = ChainHead.objects.select_for_update().get(pk=1)
    return head


def append(**fields) -> AccessLogEntry:
    """Append one entry, linked to the current head, in the caller's transaction."""
    return append_many([fields])[0]


def append_many(rows: list[dict]) -> list[AccessLogEntry]:
    """Append entries in order under one lock of the head (e.g. a result list)."""
    if not rows:
        return []
    with transaction.atomic():
        head = _locked_head()
        now = timezone.now()
        seq, previous = head.seq, head.hash
        entries = []
        for fields in rows:
            seq += 1
            entry = AccessLogEntry(seq=seq, occurred_at=now, prev_hash=previous, **fields)
            entry.hash = entry_hash([getattr(entry, name) for name in HASHED_FIELDS])
            previous = entry.hash
            entries.append(entry)
        if len(entries) == 1:
            entries[0].save(force_insert=True)
        else:
            AccessLogEntry.objects.bulk_create(entries)
        ChainHead.objects.filter(pk=1).update(seq=seq, hash=previous)
    return entries


@dataclass
class Verification:
    entries: int
    broken_seq: int | None = None
    broken_id: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


def verify(chunk_size: int = 20_000) -> Verification:
    """Check every entry in order; stop at the first one that does not hold."""
    expected_seq = 1
    previous = GENESIS_HASH
    count = 0
    rows = (
        AccessLogEntry.objects.order_by("seq")
        .values_list("pk", "hash", *HASHED_FIELDS)
        .iterator(chunk_size=chunk_size)
    )
    for row in rows:
        pk, stored_hash, values = row[0], row[1], row[2:]
        seq = values[0]
        if seq != expected_seq:
            return Verification(
                count, seq, pk, f"entries {expected_seq}–{seq - 1} are missing before entry {seq}"
            )
        if values[-1] != previous:
            return Verification(
                count, seq, pk, f"entry {seq} does not link to the hash of entry {seq - 1}"
            )
        if entry_hash(values) != stored_hash:
            return Verification(count, seq, pk, f"entry {seq} has been altered")
        previous = stored_hash
        expected_seq += 1
        count += 1
    head = ChainHead.objects.filter(pk=1).first()
    last_seq = expected_seq - 1
    if head is None:
        if count:
            return Verification(count, None, None, "the chain head is missing")
    elif head.seq != last_seq or head.hash != previous:
        return Verification(
            count,
            last_seq + 1 if head.seq > last_seq else head.seq,
            None,
            f"the chain head points to entry {head.seq} but the log ends at entry {last_seq}"
            if head.seq != last_seq
            else f"entry {last_seq} does not match the chain head",
        )
    return Verification(count)
