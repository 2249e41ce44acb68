"""Changing the access log behind the application's back, as someone with
direct access to the database would: the table's owner or a superuser, who
first switches off (PostgreSQL) or drops (SQLite) the append-only triggers."""

from __future__ import annotations

from django.db import connection

from perhekeskus.access import chain
from perhekeskus.access.models import AccessLogEntry

LOG = "audit_accesslogentry"
HEAD = "audit_chainhead"


def tamper(sql: str, params=()) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute(sql, params)
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")
            return
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [LOG]
        )
        triggers = cursor.fetchall()
        for name, _sql in triggers:
            cursor.execute(f'DROP TRIGGER "{name}"')
        cursor.execute(sql, params)
        for _name, create in triggers:
            cursor.execute(create)


def set_head(seq: int, hash_: str) -> None:
    tamper(f"UPDATE {HEAD} SET seq = %s, hash = %s WHERE id = 1", [seq, hash_])  # noqa: S608


def cut_after(seq: int) -> None:
    """Remove the entries after ``seq`` and make the head point to ``seq``: the
    chain alone no longer shows anything."""
    tamper(f"DELETE FROM {LOG} WHERE seq > %s", [seq])  # noqa: S608
    last = AccessLogEntry.objects.filter(seq=seq).values_list("hash", flat=True).first()
    set_head(seq, last or chain.GENESIS_HASH)


def wipe(*, truncate: bool = False) -> None:
    """Empty the log and its head (with TRUNCATE on PostgreSQL if asked)."""
    if truncate and connection.vendor == "postgresql":
        tamper(f"TRUNCATE {LOG}, {HEAD}")
    else:
        tamper(f"DELETE FROM {LOG}")  # noqa: S608
        tamper(f"DELETE FROM {HEAD}")  # noqa: S608


def rewrite(seq: int, **changes) -> None:
    """Change entry ``seq`` and re-hash it and every entry after it, and the
    head: a rewrite the chain alone cannot show."""
    previous = (
        AccessLogEntry.objects.filter(seq=seq - 1).values_list("hash", flat=True).first()
        or chain.GENESIS_HASH
    )
    for entry in AccessLogEntry.objects.filter(seq__gte=seq).order_by("seq"):
        if entry.seq == seq:
            for name, value in changes.items():
                setattr(entry, name, value)
        entry.prev_hash = previous
        entry.hash = chain.entry_hash(
            [getattr(entry, name) for name in (*chain.HASHED_FIELDS, *chain.EXTENDED_FIELDS)]
        )
        changed = changes if entry.seq == seq else {}
        assignments = ", ".join(f"{name} = %s" for name in [*changed, "prev_hash", "hash"])
        tamper(
            f"UPDATE {LOG} SET {assignments} WHERE seq = %s",  # noqa: S608
            [*changed.values(), entry.prev_hash, entry.hash, entry.seq],
        )
        previous = entry.hash
    set_head(AccessLogEntry.objects.order_by("-seq").values_list("seq", flat=True)[0], previous)
