"""Signed checkpoints: a log shortened, rewritten or wiped behind the
database's back, and checkpoints removed or forged, are each found and the
first missing or broken entry named."""

import json
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from perhekeskus.access import anchor, chain
from perhekeskus.access.checks import anchor_configured
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.access.tasks import anchor_access_log

from .tampering import cut_after, rewrite, set_head, tamper, wipe

FIELDS = dict(actor_name="Aino Virtanen", role="", unit="", action="read", allowed=True)


def append(n):
    for _ in range(n):
        chain.append(**{**FIELDS, "target": f"perhe {AccessLogEntry.objects.count() + 1}"})


def checkpoint_now():
    return anchor.anchor()


def store_path(settings) -> Path:
    return Path(settings.ACCESS_LOG_ANCHOR_STORE) / anchor.FILE_NAME


def records(settings) -> list[str]:
    return store_path(settings).read_text().splitlines()


def write_records(settings, lines) -> None:
    store_path(settings).write_text("".join(f"{line}\n" for line in lines))


def broken() -> str:
    with pytest.raises(CommandError) as error:
        call_command("audit_verify")
    return str(error.value)


pytestmark = pytest.mark.django_db


def test_verify_writes_a_signed_checkpoint_linked_to_the_one_before(settings, capsys):
    append(3)
    call_command("audit_verify")
    append(2)
    call_command("audit_verify")
    assert "Checkpoint written: entry #5" in capsys.readouterr().out
    first, second = (json.loads(line) for line in records(settings))
    assert (first["seq"], first["entries"], second["seq"]) == (3, 3, 5)
    assert first["prev"] == anchor.GENESIS and second["prev"] == first["sig"]
    assert second["hash"] == AccessLogEntry.objects.get(seq=5).hash


def test_the_task_and_the_command_anchor_the_end_of_the_log(settings, capsys):
    append(4)
    assert anchor_access_log.call()["seq"] == 4
    call_command("audit_anchor")
    assert "entry #4 (4 entries)" in capsys.readouterr().out
    assert len(records(settings)) == 2


def test_an_empty_log_is_anchored_and_then_verifies(settings):
    checkpoint_now()
    call_command("audit_verify")
    append(1)
    call_command("audit_verify")
    assert [json.loads(line)["seq"] for line in records(settings)] == [0, 0, 1]


def test_truncation_with_a_rewritten_head_names_the_first_missing_entry():
    append(10)
    checkpoint = checkpoint_now()
    cut_after(7)
    assert chain.verify().ok  # the chain alone no longer shows it
    message = broken()
    assert f"entry #8 is missing: {checkpoint.label} anchored #10" in message
    with pytest.raises(anchor.AnchorRefused, match="entry #8 is missing"):
        checkpoint_now()


def test_a_deleted_last_entry_is_named_even_with_the_head_left_alone():
    append(5)
    checkpoint_now()
    tamper("DELETE FROM audit_accesslogentry WHERE seq = 5")
    assert "entry #5 is missing" in broken()


def test_an_updated_entry_is_named():
    append(5)
    checkpoint_now()
    tamper("UPDATE audit_accesslogentry SET actor_name = 'Mallory' WHERE seq = 2")
    assert "entry #2 has been altered" in broken()


def test_a_rewritten_head_row_is_named():
    append(5)
    checkpoint_now()
    set_head(5, "f" * 64)
    assert "entry #5 does not match the chain head" in broken()
    with pytest.raises(anchor.AnchorRefused, match="chain head"):
        checkpoint_now()


def test_a_rewritten_and_rehashed_log_is_named_at_the_first_checkpoint_after_it():
    append(3)
    at_three = checkpoint_now()
    append(3)
    at_six = checkpoint_now()
    rewrite(5, actor_name="Mallory")
    assert chain.verify().ok
    message = broken()
    assert f"entry #6 does not match {at_six.label}" in message
    rewrite(2, actor_name="Mallory")
    message = broken()
    assert f"entry #3 does not match {at_three.label}" in message


def test_a_rewritten_entry_at_a_checkpoint_is_named():
    append(4)
    checkpoint = checkpoint_now()
    append(2)
    rewrite(4, target="jotain muuta")
    assert f"entry #4 does not match {checkpoint.label}" in broken()


@pytest.mark.parametrize("truncate", [False, True])
def test_a_wiped_log_is_named(truncate):
    append(6)
    checkpoint = checkpoint_now()
    wipe(truncate=truncate)
    assert chain.verify().ok
    message = broken()
    assert f"entry #1 is missing: {checkpoint.label} anchored #6 (the log has no entries)" in (
        message
    )


def test_a_wiped_and_refilled_log_is_named():
    append(6)
    checkpoint = checkpoint_now()
    wipe()
    append(2)
    assert f"entry #3 is missing: {checkpoint.label} anchored #6" in broken()


def test_a_removed_checkpoint_breaks_the_chain_of_checkpoints(settings):
    for _ in range(3):
        append(2)
        checkpoint_now()
    lines = records(settings)
    write_records(settings, [lines[0], lines[2]])
    assert "checkpoint 2 (the checkpoint of" in broken()
    assert "does not follow checkpoint 1" in broken()
    write_records(settings, lines[1:])
    assert "checkpoint 1 (the checkpoint of" in broken()
    assert "earlier ones have been removed" in broken()
    # Removing them stops the anchoring too, until the operator has looked.
    with pytest.raises(anchor.AnchorRefused):
        checkpoint_now()


def test_a_forged_checkpoint_is_named(settings):
    append(3)
    checkpoint_now()
    append(3)
    checkpoint_now()
    lines = records(settings)
    # Moved back to before a (hidden) deletion, keeping its signature.
    forged = json.loads(lines[1]) | {"seq": 5, "entries": 5}
    write_records(settings, [lines[0], json.dumps(forged)])
    assert "checkpoint 2 (the checkpoint of" in broken()
    assert "altered or forged" in broken()
    # Signed with another key.
    other = anchor.Checkpoint.parse(lines[1]).signed(b"not the key")
    write_records(settings, [lines[0], other.record()])
    assert "checkpoint 2" in broken() and "altered or forged" in broken()
    write_records(settings, [lines[0], "{not json"])
    assert "checkpoint 2 of the store cannot be read" in broken()


def test_a_forged_checkpoint_does_not_hide_a_truncation(settings):
    append(6)
    checkpoint = checkpoint_now()
    cut_after(4)
    line = json.loads(records(settings)[0]) | {"seq": 4, "entries": 4}
    write_records(settings, [json.dumps(line)])
    message = broken()
    assert "altered or forged" in message
    assert f"entry #5 is missing: {checkpoint.label}" not in message  # not authentic
    # The original, once restored, names the entry.
    write_records(settings, [checkpoint.record()])
    assert f"entry #5 is missing: {checkpoint.label} anchored #6" in broken()


def test_a_failed_verification_writes_no_checkpoint(settings):
    append(3)
    checkpoint_now()
    tamper("UPDATE audit_accesslogentry SET target = 'x' WHERE seq = 1")
    broken()
    assert len(records(settings)) == 1


def test_production_requires_the_key(settings):
    settings.DEBUG = settings.DEMO_MODE = False
    settings.ACCESS_LOG_ANCHOR_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="ACCESS_LOG_ANCHOR_KEY"):
        anchor.signing_key()
    assert "ACCESS_LOG_ANCHOR_KEY is not set" in broken()
    assert [problem.id for problem in anchor_configured(None)] == ["access.E001"]
    settings.ACCESS_LOG_ANCHOR_KEY = "k"
    settings.ACCESS_LOG_ANCHOR_STORE = ""
    assert [problem.id for problem in anchor_configured(None)] == ["access.W001"]


def test_debug_and_demo_derive_a_key_from_the_secret_key(settings):
    settings.ACCESS_LOG_ANCHOR_KEY = ""
    settings.DEBUG = True
    derived = anchor.signing_key()
    settings.DEBUG, settings.DEMO_MODE = False, True
    assert anchor.signing_key() == derived
    settings.SECRET_KEY = "another secret"
    assert anchor.signing_key() != derived


def test_checkpoints_signed_with_another_key_do_not_verify(settings):
    append(2)
    checkpoint_now()
    settings.ACCESS_LOG_ANCHOR_KEY = "a new key"
    assert "altered or forged" in broken()


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_log_and_leaves_it_protected():
    append(3)
    call_command("flush", interactive=False, verbosity=0)
    assert not AccessLogEntry.objects.exists()
    append(1)
    for sql in (
        "UPDATE audit_accesslogentry SET actor_name = 'Mallory'",
        "DELETE FROM audit_accesslogentry",
    ):
        with pytest.raises(DatabaseError, match="append-only"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql)
    assert AccessLogEntry.objects.count() == 1
