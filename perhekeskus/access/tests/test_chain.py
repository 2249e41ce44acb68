"""The hash chain: appends, verification, tamper detection, the append-only triggers."""

import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, connections, transaction

from perhekeskus import cli
from perhekeskus.access import access_family, chain
from perhekeskus.access.models import AccessLogEntry, ChainHead
from perhekeskus.core.appendonly import AppendOnlyError

from .tampering import LOG, tamper

FIELDS = dict(actor_name="x", role="", unit="", action="read", target="t", allowed=True)


def append(n=5):
    for i in range(n):
        chain.append(**{**FIELDS, "target": f"t{i}"})


@pytest.mark.django_db
def test_entries_link_to_their_predecessor():
    append(3)
    entries = list(AccessLogEntry.objects.order_by("seq"))
    assert [e.seq for e in entries] == [1, 2, 3]
    assert entries[0].prev_hash == chain.GENESIS_HASH
    assert entries[1].prev_hash == entries[0].hash
    assert ChainHead.objects.get().hash == entries[2].hash
    assert chain.verify().ok


@pytest.mark.django_db
def test_the_canonical_form_is_stable():
    entry = chain.append(**FIELDS)
    values = [getattr(entry, name) for name in chain.HASHED_FIELDS]
    assert chain.canonical(values).startswith(b"[1,")
    stored = AccessLogEntry.objects.values_list(*chain.HASHED_FIELDS).get()
    assert chain.entry_hash(stored) == entry.hash


@pytest.mark.django_db
def test_what_is_hashed_only_when_recorded_and_its_alteration_is_found(monkeypatch):
    """Entries without ``what`` (all older ones) hash as before; one with it
    has it after prev_hash; both verify, fast and slow, and a change shows."""
    older = chain.append(**FIELDS)
    assert older.hash == chain.entry_hash([getattr(older, n) for n in chain.HASHED_FIELDS])
    newer = chain.append(**FIELDS, what='{"kind":"plan","on":"Äö"}')
    base = [getattr(newer, n) for n in chain.HASHED_FIELDS]
    assert newer.hash == chain.entry_hash([*base, newer.what]) != chain.entry_hash(base)
    append(2)
    assert chain.verify().ok
    monkeypatch.setattr(chain, "_sqlite_json_rows", chain._python_rows)
    assert chain.verify().ok
    monkeypatch.undo()
    tamper(f"UPDATE {LOG} SET what = %s WHERE seq = 2", ['{"kind":"family"}'])  # noqa: S608
    assert chain.verify().broken_seq == 2
    tamper(f"UPDATE {LOG} SET what = NULL WHERE seq = 2")  # noqa: S608
    assert chain.verify().broken_seq == 2


@pytest.mark.django_db
def test_unusual_text_verifies_and_its_alteration_is_found(monkeypatch):
    texts = [
        "Äiti Ödön",
        'lainaus "x" \\ kenoviiva',
        "rivi\nrivi\tsarkain\x01\x1f",
        "😀 \u2028",
        "",
    ]
    for text in texts:
        chain.append(**{**FIELDS, "actor_name": text, "target": text, "reason": text})
    slow = []
    original = chain._canonical_of
    monkeypatch.setattr(chain, "_canonical_of", lambda pk: slow.append(pk) or original(pk))
    assert chain.verify().ok
    append(3)
    slow.clear()
    assert chain.verify().ok
    # Plain entries never need the slow re-check.
    plain = set(AccessLogEntry.objects.filter(seq__gt=len(texts)).values_list("pk", flat=True))
    assert not plain & set(slow)
    tamper("UPDATE audit_accesslogentry SET reason = 'rivi' WHERE seq = 3")
    result = chain.verify()
    assert (result.ok, result.broken_seq) == (False, 3)


def run_verify():
    with pytest.raises(CommandError) as error:
        call_command("audit_verify")
    return str(error.value)


@pytest.mark.django_db
def test_audit_verify_passes_on_an_intact_log(world, capsys):
    access_family(world.nurse, world.virtanen.pk)
    call_command("audit_verify")
    assert "intact" in capsys.readouterr().out


@pytest.mark.django_db
def test_an_edited_row_is_named_by_audit_verify():
    append(5)
    tamper("UPDATE audit_accesslogentry SET actor_name = 'mallory' WHERE seq = 3")
    message = run_verify()
    assert "entry #3 has been altered" in message


@pytest.mark.django_db
def test_a_deleted_row_and_a_truncated_tail_are_named():
    append(5)
    tamper("DELETE FROM audit_accesslogentry WHERE seq = 5")
    assert "entry #5 is missing: the chain head points to #5" in run_verify()
    tamper("DELETE FROM audit_accesslogentry WHERE seq = 2")
    assert "entry #2 is missing: the log goes on at #3" in run_verify()


@pytest.mark.django_db
def test_a_rehashed_row_still_breaks_the_link():
    append(4)
    entry = AccessLogEntry.objects.get(seq=2)
    entry.actor_name = "mallory"
    values = [getattr(entry, name) for name in chain.HASHED_FIELDS]
    tamper(
        "UPDATE audit_accesslogentry SET actor_name = 'mallory', hash = %s WHERE seq = 2",
        [chain.entry_hash(values)],
    )
    message = run_verify()
    assert "entry #3 does not link to the hash of entry #2" in message


@pytest.mark.django_db
def test_the_command_exits_non_zero_naming_the_entry(monkeypatch, capsys):
    append(3)
    tamper("UPDATE audit_accesslogentry SET target = 'x' WHERE seq = 2")
    # Keep the test's connection open (the command closes all when it ends).
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with pytest.raises(SystemExit) as exit_:
        cli.main(["perhekeskus", "audit-verify"])
    assert exit_.value.code != 0
    assert "entry #2 has been altered" in capsys.readouterr().err


@pytest.mark.django_db
def test_the_code_has_no_update_or_delete_path():
    append(2)
    entry = AccessLogEntry.objects.get(seq=1)
    for attempt in (
        lambda: AccessLogEntry.objects.filter(seq=1).update(actor_name="mallory"),
        lambda: AccessLogEntry.objects.filter(seq=2).delete(),
        lambda: AccessLogEntry.objects.bulk_update([entry], ["actor_name"]),
        entry.save,
        entry.delete,
    ):
        with pytest.raises(AppendOnlyError):
            attempt()
    assert chain.verify().ok


def refused(sql):
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)


@pytest.mark.django_db
def test_the_database_refuses_update_and_delete():
    append(2)
    refused("UPDATE audit_accesslogentry SET actor_name = 'mallory' WHERE seq = 1")
    refused("UPDATE audit_accesslogentry SET seq = seq + 10")
    refused("DELETE FROM audit_accesslogentry WHERE seq = 2")
    refused("DELETE FROM audit_accesslogentry")
    assert AccessLogEntry.objects.count() == 2
    assert chain.verify().ok


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no TRUNCATE")
def test_postgresql_refuses_truncate():
    append(2)
    refused("TRUNCATE audit_accesslogentry")
    refused("TRUNCATE audit_accesslogentry, audit_chainhead")
    assert AccessLogEntry.objects.count() == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent connections")
def test_concurrent_writers_do_not_fork_the_chain():
    errors = []

    def writer():
        try:
            append(20)
        except Exception as error:  # noqa: BLE001 – reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert AccessLogEntry.objects.count() == 80
    assert chain.verify().ok


@pytest.mark.django_db
def test_a_lost_chain_head_stops_writers_instead_of_restarting_the_chain():
    append(2)
    ChainHead.objects.all().delete()
    with pytest.raises(chain.ChainError, match="no chain head"):
        with transaction.atomic():
            append(1)
    assert AccessLogEntry.objects.count() == 2
    assert not ChainHead.objects.exists()
