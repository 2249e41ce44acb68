"""The hash chain: canonical serialisation, appending and verification.

An entry's hash is SHA-256 over the UTF-8 JSON array of its fields in the
fixed order of :data:`HASHED_FIELDS` (``prev_hash`` last), with UUIDs as 32
lower-case hex digits, times as UTC ``YYYY-MM-DD HH:MM:SS.ffffff``, booleans
as 0/1, compact separators and no ASCII escaping. (The forms are those in
which SQLite stores the values, so verification can hash rows as read.) The order of fields is part of
the format: a new field is appended to the end and hashed from then on.

The fields of :data:`EXTENDED_FIELDS` (``what``) came later: an entry whose
value is NULL is hashed exactly as before (so older entries verify
unchanged); one with a value has it appended after ``prev_hash``.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import connection, transaction
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
# Nullable fields hashed after prev_hash only when they hold a value.
EXTENDED_FIELDS = ("what",)
_BASE_LENGTH = len(HASHED_FIELDS)
_UUID_POSITIONS = tuple(
    i for i, name in enumerate(HASHED_FIELDS) if name.endswith("_id") and name != "ip_address"
)
_TIME_POSITION = HASHED_FIELDS.index("occurred_at")
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class ChainError(RuntimeError):
    """The log cannot be appended to consistently: fail closed."""


def _time(value: datetime.datetime) -> str:
    utc = value.astimezone(datetime.UTC).replace(tzinfo=None)
    return utc.isoformat(sep=" ", timespec="microseconds")


_BOOL_POSITIONS = tuple(
    i for i, name in enumerate(HASHED_FIELDS) if name in ("allowed", "hidden_from_guardians")
)


def _extended(values: tuple | list) -> list:
    """The values to hash: the base fields, then each extended field that is
    not NULL (a row may be given with or without the extended fields)."""
    row = list(values[:_BASE_LENGTH])
    row.extend(value for value in values[_BASE_LENGTH:] if value is not None)
    return row


def _normalise(values: tuple | list) -> list:
    row = _extended(values)
    row[_TIME_POSITION] = _time(row[_TIME_POSITION])
    for i in _UUID_POSITIONS:
        if row[i] is not None:
            row[i] = row[i].hex
    for i in _BOOL_POSITIONS:
        row[i] = int(row[i])
    return row


def canonical(values: tuple | list) -> bytes:
    """The canonical bytes of one entry's values, in :data:`HASHED_FIELDS` order
    (then :data:`EXTENDED_FIELDS`, each only when not NULL)."""
    return _dumps(_normalise(values)).encode()


def entry_hash(values: tuple | list) -> str:
    return hashlib.sha256(canonical(values)).hexdigest()


def _head_sql() -> str:
    table = connection.ops.quote_name(ChainHead._meta.db_table)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    return f"SELECT seq, hash FROM {table} WHERE id = 1{lock}"  # noqa: S608


def _locked_head(cursor) -> tuple[int, str]:
    """The head (seq, hash), locked until the transaction ends.

    SQLite has no row locks; its writers are serialised by the database lock
    (transactions begin IMMEDIATE in this project's settings).
    """
    cursor.execute(_head_sql())
    row = cursor.fetchone()
    if row is None:
        # A fresh (or flushed) database: concurrent first writers insert the
        # same row, the database keeps one, and the others wait on its lock and
        # then read the head the first one left.
        ChainHead.objects.bulk_create(
            [ChainHead(pk=1, seq=0, hash=GENESIS_HASH)], ignore_conflicts=True
        )
        cursor.execute(_head_sql())
        row = cursor.fetchone()
        # Only a genesis head over existing entries means the head was lost.
        if row[0] == 0 and AccessLogEntry.objects.exists():
            raise ChainError("The access log has entries but no chain head; run audit-verify.")
    return row[0], row[1]


_INSERT_FIELDS = [f for f in AccessLogEntry._meta.concrete_fields if not f.primary_key]


def _insert(cursor, entries: list[AccessLogEntry]) -> None:
    # Plain SQL: this runs on every read of personal data, and the ORM's
    # per-statement overhead is a large part of its cost.
    table = connection.ops.quote_name(AccessLogEntry._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in _INSERT_FIELDS)
    marks = ", ".join(["%s"] * len(_INSERT_FIELDS))
    cursor.executemany(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
        [
            [f.get_db_prep_save(getattr(e, f.attname), connection) for f in _INSERT_FIELDS]
            for e in entries
        ],
    )


def append(**fields) -> AccessLogEntry:
    """Append one entry, linked to the current head, in the caller's transaction."""
    return append_many([fields])[0]


def append_many(rows: list[dict]) -> list[AccessLogEntry]:
    """Append entries in order under one lock of the head (e.g. a result list)."""
    if not rows:
        return []
    table = connection.ops.quote_name(ChainHead._meta.db_table)
    # No savepoint inside the caller's transaction: a failed entry must fail
    # the whole transaction (a read is never kept without its entry), and a
    # list's entries cost two round trips fewer.
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        seq, previous = _locked_head(cursor)
        now = timezone.now()
        entries = []
        for fields in rows:
            seq += 1
            entry = AccessLogEntry(seq=seq, occurred_at=now, prev_hash=previous, **fields)
            entry.hash = entry_hash(
                [getattr(entry, name) for name in (*HASHED_FIELDS, *EXTENDED_FIELDS)]
            )
            previous = entry.hash
            entries.append(entry)
        _insert(cursor, entries)
        cursor.execute(
            f"UPDATE {table} SET seq = %s, hash = %s WHERE id = 1",  # noqa: S608
            [seq, previous],
        )
    return entries


def _sqlite_row(row: tuple) -> tuple | list:
    """A row as SQLite stores it is already canonical, except that a time
    with zero microseconds is stored without its fraction."""
    if len(row[_TIME_POSITION]) == 19:
        row = list(row)
        row[_TIME_POSITION] += ".000000"
    return row


def _raw_rows(chunk_size: int):
    """(pk, hash, canonical values) in chain order, read without the ORM.

    Verification reads every entry; skipping model instances and field
    converters makes it several times faster.
    """
    meta = AccessLogEntry._meta
    sqlite = connection.vendor == "sqlite"

    def column(name):
        quoted = connection.ops.quote_name(meta.get_field(name).column)
        # On SQLite an expression has no declared type, so the driver hands
        # back the stored text and integers instead of converting per row.
        if sqlite and name == "occurred_at":
            return f"({quoted} || '')"
        if sqlite and name in ("allowed", "hidden_from_guardians"):
            return f"({quoted} + 0)"
        return quoted

    columns = ", ".join(column(name) for name in ("id", "hash", *HASHED_FIELDS, *EXTENDED_FIELDS))
    table = connection.ops.quote_name(meta.db_table)
    to_canonical = _sqlite_row if sqlite else _normalise
    with transaction.atomic(), connection.cursor() as cursor:
        # One snapshot for the whole read (a repeatable view on PostgreSQL
        # needs the transaction; SQLite reads one snapshot per transaction).
        cursor.execute(f"SELECT {columns} FROM {table} ORDER BY {meta.get_field('seq').column}")  # noqa: S608
        while rows := cursor.fetchmany(chunk_size):
            for row in rows:
                yield row[0], row[1], to_canonical(row[2:])


def _sqlite_json_rows(chunk_size: int):
    """(pk, hash, seq, prev_hash, canonical bytes) in chain order, SQLite only.

    SQLite's ``json_array`` builds each entry's serialisation in C, which is
    several times faster than doing it per row in Python. Its escaping of
    unusual characters may differ from :func:`canonical`'s; that only causes
    a mismatch, which :func:`verify` re-checks the slow way. It can never
    make a changed entry pass: equal JSON bytes decode to equal values.
    """
    meta = AccessLogEntry._meta

    def column(name):
        quoted = connection.ops.quote_name(meta.get_field(name).column)
        if name == "occurred_at":  # stored without a fraction when it is zero
            return f"(CASE WHEN length({quoted}) = 19 THEN {quoted} || '.000000' ELSE {quoted} END)"
        return quoted

    q = connection.ops.quote_name
    table = q(meta.db_table)
    values = ", ".join(column(name) for name in HASHED_FIELDS)
    # An extended field is in the array only when it holds a value.
    array = f"json_array({values})"
    for name in reversed(EXTENDED_FIELDS):
        extra = q(meta.get_field(name).column)
        array = (
            f"(CASE WHEN {extra} IS NULL THEN {array} "
            f"ELSE json_insert({array}, '$[#]', {extra}) END)"
        )
    sql = (
        f"SELECT {q('id')}, {q('hash')}, {q('seq')}, {q('prev_hash')}, "  # noqa: S608
        f"{array} FROM {table} ORDER BY {q('seq')}"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
        while rows := cursor.fetchmany(chunk_size):
            for pk, stored_hash, seq, prev_hash, payload in rows:
                yield pk, stored_hash, seq, prev_hash, payload.encode()


def _python_rows(chunk_size: int):
    for pk, stored_hash, values in _raw_rows(chunk_size):
        yield pk, stored_hash, values[0], values[_BASE_LENGTH - 1], _dumps(values).encode()


def _canonical_of(pk: int) -> bytes:
    values = AccessLogEntry.objects.values_list(*HASHED_FIELDS, *EXTENDED_FIELDS).get(pk=pk)
    return canonical(values)


@dataclass
class Verification:
    entries: int
    broken_seq: int | None = None
    broken_id: int | None = None
    problem: str = ""
    # The last entry of an unbroken chain (0 and the genesis hash when empty).
    last_seq: int = 0
    last_hash: str = GENESIS_HASH

    @property
    def ok(self) -> bool:
        return not self.problem


def verify(
    chunk_size: int = 20_000, anchored: Mapping[int, tuple[str, str]] | None = None
) -> Verification:
    """Check every entry in order; stop at the first one that does not hold.

    ``anchored`` maps sequence numbers to the hash recorded for them outside
    the database and a description of that record ("the checkpoint of …",
    see :mod:`perhekeskus.access.anchor`): an entry whose hash differs, or a
    log that ends before an anchored entry, is reported against it.
    """
    anchored = anchored or {}
    expected_seq = 1
    previous = GENESIS_HASH
    count = 0
    sha256 = hashlib.sha256
    rows = _sqlite_json_rows if connection.vendor == "sqlite" else _python_rows
    for pk, stored_hash, seq, prev_hash, payload in rows(chunk_size):
        if seq != expected_seq:
            return Verification(
                count,
                expected_seq,
                pk,
                f"entry #{expected_seq} is missing: the log goes on at #{seq}",
            )
        if prev_hash != previous:
            return Verification(
                count, seq, pk, f"entry #{seq} does not link to the hash of entry #{seq - 1}"
            )
        if sha256(payload).hexdigest() != stored_hash and (
            sha256(_canonical_of(pk)).hexdigest() != stored_hash
        ):
            return Verification(count, seq, pk, f"entry #{seq} has been altered")
        if seq in anchored and anchored[seq][0] != stored_hash:
            # Consistent in itself, so rewritten and re-hashed from here or before.
            return Verification(
                count,
                seq,
                pk,
                f"entry #{seq} does not match {anchored[seq][1]}: the log has been "
                f"rewritten at or before it",
            )
        previous = stored_hash
        expected_seq += 1
        count += 1
    last_seq = expected_seq - 1
    beyond = [seq for seq in anchored if seq > last_seq]
    if beyond:
        first = min(beyond)
        empty = " (the log has no entries)" if not count else ""
        return Verification(
            count,
            last_seq + 1,
            None,
            f"entry #{last_seq + 1} is missing: {anchored[first][1]} anchored #{first}{empty}",
            last_seq,
            previous,
        )
    head = ChainHead.objects.filter(pk=1).first()
    if head is None:
        if count:
            return Verification(count, None, None, "the chain head is missing", last_seq, previous)
    elif head.seq > last_seq:
        return Verification(
            count,
            last_seq + 1,
            None,
            f"entry #{last_seq + 1} is missing: the chain head points to #{head.seq}",
            last_seq,
            previous,
        )
    elif head.seq < last_seq:
        return Verification(
            count,
            head.seq + 1,
            None,
            f"the chain head points to #{head.seq} but the log goes on to #{last_seq}",
            last_seq,
            previous,
        )
    elif head.hash != previous:
        return Verification(
            count,
            last_seq,
            None,
            f"entry #{last_seq} does not match the chain head",
            last_seq,
            previous,
        )
    return Verification(count, last_seq=last_seq, last_hash=previous)
