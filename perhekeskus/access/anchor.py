"""Signed checkpoints of the access log, kept outside its database.

The hash chain shows an entry changed or removed in the middle of the log,
but not a log cut short with its head row rewritten to match, nor one
rewritten and re-hashed from some entry on, nor one emptied altogether:
whoever can write the database can make all of those consistent again.
A checkpoint records the end of the chain — the last entry's sequence number
and hash, the number of entries and the time — signed with HMAC-SHA256 under
a key that is not in the database (``ACCESS_LOG_ANCHOR_KEY``), and is
appended to a store the operator keeps elsewhere (``ACCESS_LOG_ANCHOR_STORE``).
Each checkpoint carries the previous one's signature, so the checkpoints form
a chain of their own: one removed or forged breaks it.

Checkpoints are written on a schedule (``perhekeskus audit-anchor``, or its
background task) and by every successful ``perhekeskus audit-verify``, which
checks the log against all of them (:func:`verify`).

A record is one line of JSON::

    {"v":1,"seq":1240,"hash":"…","entries":1240,"at":"2026-12-07T17:38:00.123456Z",
     "prev":"<previous signature>","sig":"<HMAC-SHA256 hex>"}

The signature is over the JSON array ``[v, seq, hash, entries, at, prev]``
(compact separators); the first checkpoint's ``prev`` is 64 zeros.
"""

from __future__ import annotations

import abc
import contextlib
import datetime
import fcntl
import hashlib
import hmac
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils import timezone
from django.utils.module_loading import import_string

from . import chain
from .models import AccessLogEntry, ChainHead

VERSION = 1
GENESIS = "0" * 64
FILE_NAME = "access-log-checkpoints.jsonl"


class AnchorRefused(RuntimeError):
    """The log as it is now contradicts the checkpoints: nothing is signed."""


# --- The key --------------------------------------------------------------------


def signing_key() -> bytes:
    """The checkpoints' key: ``ACCESS_LOG_ANCHOR_KEY`` from the environment.

    Only for DEBUG and demo runs a key derived from the secret key stands in
    (the tests set one of their own); in production a missing key stops
    anchoring and verification rather than sign with a key kept next to
    the database.
    """
    key = settings.ACCESS_LOG_ANCHOR_KEY
    if key:
        return key.encode()
    if settings.DEBUG or settings.DEMO_MODE:
        return hmac.new(
            settings.SECRET_KEY.encode(), b"perhekeskus.access.anchor", hashlib.sha256
        ).digest()
    raise ImproperlyConfigured(
        "ACCESS_LOG_ANCHOR_KEY is not set: the access log's checkpoints are signed with a "
        "key from the environment (or a secret store), never one kept with the database. "
        "See docs/access-layer.md."
    )


# --- Checkpoints ---------------------------------------------------------------


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    entries: int
    at: str
    prev: str
    sig: str = ""
    v: int = VERSION

    def payload(self) -> bytes:
        values = [self.v, self.seq, self.hash, self.entries, self.at, self.prev]
        return json.dumps(values, separators=(",", ":")).encode()

    def signed(self, key: bytes) -> Checkpoint:
        sig = hmac.new(key, self.payload(), hashlib.sha256).hexdigest()
        return Checkpoint(self.seq, self.hash, self.entries, self.at, self.prev, sig, self.v)

    def signature_holds(self, key: bytes) -> bool:
        expected = hmac.new(key, self.payload(), hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected.encode(), self.sig.encode())

    def record(self) -> str:
        return json.dumps(
            {
                "v": self.v,
                "seq": self.seq,
                "hash": self.hash,
                "entries": self.entries,
                "at": self.at,
                "prev": self.prev,
                "sig": self.sig,
            },
            separators=(",", ":"),
        )

    @classmethod
    def parse(cls, record: str) -> Checkpoint:
        """A checkpoint from its record; ValueError when it is not one."""
        try:
            data = json.loads(record)
            checkpoint = cls(
                seq=data["seq"],
                hash=data["hash"],
                entries=data["entries"],
                at=data["at"],
                prev=data["prev"],
                sig=data["sig"],
                v=data["v"],
            )
        except (ValueError, TypeError, KeyError) as error:
            raise ValueError(f"not a checkpoint: {error}") from error
        types = (int, str, int, str, str, str, int)
        values = (
            checkpoint.seq,
            checkpoint.hash,
            checkpoint.entries,
            checkpoint.at,
            checkpoint.prev,
            checkpoint.sig,
            checkpoint.v,
        )
        if any(type(value) is not kind for value, kind in zip(values, types, strict=True)):
            raise ValueError("not a checkpoint: a field has the wrong type")
        return checkpoint

    @property
    def label(self) -> str:
        """How messages name it: ``the checkpoint of 2026-12-07 17:38:00 UTC``."""
        return f"the checkpoint of {self.at[:19].replace('T', ' ')} UTC"


# --- Stores ---------------------------------------------------------------------


class CheckpointStore(abc.ABC):
    """Where checkpoints are kept: append-only, outside the log's database.

    A store keeps records (strings, one per checkpoint) in the order written.
    Another kind of store (an object store with retention lock, a remote
    log service) is a subclass named in ``ACCESS_LOG_ANCHOR_BACKEND`` and
    constructed with ``ACCESS_LOG_ANCHOR_STORE``.
    """

    def __init__(self, location: str):
        self.location = location

    @abc.abstractmethod
    def records(self) -> list[str]:
        """Every record, oldest first."""

    @abc.abstractmethod
    @contextlib.contextmanager
    def appending(self) -> Iterator[Callable[[str], None]]:
        """Hold the store's lock; yield a function that appends one record.

        Between the lock and the write the caller reads the last record, so
        that two writers never both link to the same previous checkpoint.
        """


class FileCheckpointStore(CheckpointStore):
    """A JSON-lines file in a directory, appended to and never rewritten.

    Keep the directory on another host or on write-once storage (e.g. an
    append-only mount, or a file with ``chattr +a``): a store next to the
    database can be edited by whoever can edit the database.
    """

    @property
    def path(self) -> Path:
        return Path(self.location) / FILE_NAME

    def records(self) -> list[str]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        return [line for line in text.split("\n") if line.strip()]

    @contextlib.contextmanager
    def appending(self) -> Iterator[Callable[[str], None]]:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)

            def write(record: str) -> None:
                os.write(fd, (record + "\n").encode("utf-8"))
                os.fsync(fd)

            yield write
        finally:
            os.close(fd)  # releases the lock


def checkpoint_store() -> CheckpointStore:
    location = settings.ACCESS_LOG_ANCHOR_STORE or str(
        Path(settings.DATA_DIR) / "access-log-checkpoints"
    )
    return import_string(settings.ACCESS_LOG_ANCHOR_BACKEND)(location)


# --- Reading the checkpoints ------------------------------------------------------


@dataclass
class Checkpoints:
    """The store's checkpoints: the authentic ones, and what is wrong."""

    authentic: list[Checkpoint] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    count: int = 0
    # The signature the next checkpoint links to (the last record's).
    last_sig: str = GENESIS
    last: Checkpoint | None = None


def read_checkpoints(store: CheckpointStore, key: bytes) -> Checkpoints:
    """Check each record's signature and its link to the one before.

    A checkpoint whose own signature holds is authentic whatever else is
    wrong, and the log is checked against it; a broken link means a
    checkpoint before it was removed or replaced.
    """
    result = Checkpoints()
    previous: Checkpoint | None = None
    previous_sig = GENESIS
    for number, record in enumerate(store.records(), start=1):
        result.count = number
        try:
            checkpoint = Checkpoint.parse(record)
        except ValueError:
            result.problems.append(f"checkpoint {number} of the store cannot be read")
            previous, previous_sig = None, None
            continue
        name = f"checkpoint {number} ({checkpoint.label})"
        if not checkpoint.signature_holds(key):
            result.problems.append(
                f"{name} has been altered or forged: its signature does not match"
            )
        else:
            if previous_sig is not None and not hmac.compare_digest(
                checkpoint.prev.encode(), previous_sig.encode()
            ):
                result.problems.append(
                    f"{name} does not follow checkpoint {number - 1}: "
                    "a checkpoint before it has been removed or replaced"
                    if number > 1
                    else f"{name} does not start the checkpoints: earlier ones have been removed"
                )
            elif checkpoint.entries != checkpoint.seq:
                result.problems.append(
                    f"{name} counts {checkpoint.entries} entries up to #{checkpoint.seq}"
                )
            elif previous is not None and checkpoint.seq < previous.seq:
                result.problems.append(
                    f"{name} anchored #{checkpoint.seq}, fewer than the #{previous.seq} "
                    "of the checkpoint before it"
                )
            result.authentic.append(checkpoint)
        previous, previous_sig = checkpoint, checkpoint.sig
        result.last, result.last_sig = checkpoint, checkpoint.sig
    return result


def _anchored(checkpoints: list[Checkpoint]) -> dict[int, tuple[str, str]]:
    """Sequence number → (hash, the first checkpoint that anchored it)."""
    anchored: dict[int, tuple[str, str]] = {}
    for checkpoint in checkpoints:
        anchored.setdefault(checkpoint.seq, (checkpoint.hash, checkpoint.label))
    return anchored


# --- Verifying and anchoring ---------------------------------------------------------


@dataclass
class Report:
    verification: chain.Verification
    checkpoints: int
    problems: list[str]
    written: Checkpoint | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(chunk_size: int = 20_000) -> Report:
    """The chain, checked entry by entry and against every authentic checkpoint.

    Problems come first for the log (its first missing or broken entry), then
    for the checkpoints themselves.
    """
    key = signing_key()
    read = read_checkpoints(checkpoint_store(), key)
    anchored = _anchored(read.authentic)
    # A checkpoint anchoring the same entry with another hash was signed
    # over a rewritten log; the log cannot match both.
    for checkpoint in read.authentic:
        if anchored[checkpoint.seq][0] != checkpoint.hash:
            read.problems.append(
                f"{checkpoint.label} and {anchored[checkpoint.seq][1]} anchored "
                f"#{checkpoint.seq} with different hashes"
            )
    verification = chain.verify(chunk_size, anchored=anchored)
    problems = ([verification.problem] if verification.problem else []) + read.problems
    return Report(verification, read.count, problems)


def _log_end() -> tuple[int, str, int, int, str | None]:
    """(head seq, head hash, entries up to it, last seq, hash of the head's
    entry), in one statement so that all come from one snapshot."""
    q = connection.ops.quote_name
    log = q(AccessLogEntry._meta.db_table)
    head = q(ChainHead._meta.db_table)
    sql = (
        f"SELECT h.seq, h.hash, "  # noqa: S608
        f"(SELECT COUNT(*) FROM {log} WHERE seq <= h.seq), "
        f"(SELECT COALESCE(MAX(seq), 0) FROM {log}), "
        f"(SELECT e.hash FROM {log} e WHERE e.seq = h.seq) "
        f"FROM {head} h WHERE h.id = 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
        if row is None:
            cursor.execute(f"SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM {log}")  # noqa: S608
            count, last = cursor.fetchone()
            return 0, chain.GENESIS_HASH, count, last, None
    return row


def _hash_of(seq: int) -> str | None:
    return AccessLogEntry.objects.filter(seq=seq).values_list("hash", flat=True).first()


def anchor() -> Checkpoint:
    """Sign the end of the log as it is now and append it to the store.

    Refuses (:class:`AnchorRefused`) to sign a log that plainly contradicts
    the last checkpoint or its own head, so that a shortened or rewritten log
    is never anchored as if it were whole; the full check is ``audit-verify``.
    """
    key = signing_key()
    store = checkpoint_store()
    with store.appending() as write:
        read = read_checkpoints(store, key)
        if read.problems:
            raise AnchorRefused(read.problems[0])
        seq, hash_, count, last, entry_hash = _log_end()
        if seq and entry_hash != hash_:
            raise AnchorRefused(f"entry #{seq} does not match the chain head")
        if last != seq:
            raise AnchorRefused(f"the chain head points to #{seq} but the log ends at #{last}")
        if count != seq:
            raise AnchorRefused(f"entries are missing before #{seq}")
        last_checkpoint = read.last
        if last_checkpoint is not None:
            if seq < last_checkpoint.seq:
                raise AnchorRefused(
                    f"entry #{seq + 1} is missing: {last_checkpoint.label} "
                    f"anchored #{last_checkpoint.seq}"
                )
            if last_checkpoint.seq and _hash_of(last_checkpoint.seq) != last_checkpoint.hash:
                raise AnchorRefused(
                    f"entry #{last_checkpoint.seq} does not match {last_checkpoint.label}"
                )
        checkpoint = Checkpoint(
            seq=seq, hash=hash_, entries=count, at=_utc(timezone.now()), prev=read.last_sig
        ).signed(key)
        write(checkpoint.record())
    return checkpoint
