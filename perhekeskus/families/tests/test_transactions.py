"""Every read of personal data and its log entry share one transaction.

These tests run without the test case's own wrapping transaction, so a
query outside any transaction is seen as such. Each SQL statement is noted
with the outermost transaction it ran in; every statement that touches the
families register must run in the transaction that also appends to the log.
"""

from contextlib import contextmanager

import pytest
from django.db import connection

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.accounts.services import api_token_create

pytestmark = pytest.mark.django_db(transaction=True)

REGISTER = '"families_'
LOG_INSERT = f'INSERT INTO "{AccessLogEntry._meta.db_table}"'
# The citizen's own person, looked up by identity code to know who is asking.
WHO_IS_ASKING = '"families_person"."identity_code" ='


@contextmanager
def statements():
    seen: list[tuple[str, int | None]] = []

    def note(execute, sql, params, many, context):
        blocks = connection.atomic_blocks
        seen.append((sql, id(blocks[0]) if blocks else None))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(note):
        yield seen


def assert_reads_logged_in_their_transaction(seen, path):
    inserts = {tx for sql, tx in seen if sql.startswith(LOG_INSERT)}
    reads = [(sql, tx) for sql, tx in seen if REGISTER in sql and WHO_IS_ASKING not in sql]
    assert reads, path
    assert inserts and None not in inserts, (path, "no log entry in a transaction")
    outside = [sql[:120] for sql, tx in reads if tx not in inserts]
    assert not outside, (path, outside)


def test_professional_pages_read_and_log_in_one_transaction(client, world):
    client.force_login(world.nurse)
    family = world.virtanen.pk
    for path in (
        "/families/",
        "/families/?q=Virtanen",
        f"/families/{family}/",
        f"/families/{family}/print/",
        f"/families/{family}/members.csv",
        f"/families/{family}/consents/new/",
        f"/families/{family}/disclosure/",
    ):
        with statements() as seen:
            assert client.get(path).status_code == 200, path
        assert_reads_logged_in_their_transaction(seen, path)


def test_api_reads_and_logs_in_one_transaction(client, world):
    auth = {
        "HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=world.nurse, name='t', days=1).secret}"
    }
    for path in (
        "/api/v1/families/",
        f"/api/v1/families/{world.virtanen.pk}",
        "/api/v1/families/persons?q=Virtanen",
    ):
        with statements() as seen:
            assert client.get(path, **auth).status_code == 200, path
        assert_reads_logged_in_their_transaction(seen, path)


def test_the_familys_own_view_reads_and_logs_in_one_transaction(client, world):
    client.force_login(world.parent)
    with statements() as seen:
        assert client.get("/my-data/").status_code == 200
    assert_reads_logged_in_their_transaction(seen, "/my-data/")


def test_a_refusal_outlasts_the_rolled_back_transaction(client, world):
    client.force_login(world.stranger)
    before = AccessLogEntry.objects.count()
    for path in (f"/families/{world.lindqvist.pk}/", f"/families/{world.lindqvist.pk}/print/"):
        assert client.get(path).status_code == 404
    denials = AccessLogEntry.objects.filter(seq__gt=before, action="denied", allowed=False)
    assert denials.count() == 2
    assert set(denials.values_list("subject_family_id", flat=True)) == {world.lindqvist.pk}
