"""Rate limits of public writes, and the database cache's increment they count with."""

import threading
from collections import Counter

import pytest
from django.core.cache import cache, caches
from django.db import connection, connections
from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from perhekeskus.core import ratelimit
from perhekeskus.core.cache import DatabaseCache
from perhekeskus.core.ratelimit import PER_ADDRESS, TOTAL, Refusal

# The middle of a window of 60 s: tests never cross into the next one by accident.
AT = 1_800_000_030.0
# These tests are about the shared cache itself.
pytestmark = pytest.mark.database_cache

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def take(address, **kwargs):
    return taken(address, **kwargs).refusal


def taken(address, *, per_address=3, total=100, window_seconds=60, at=AT):
    return ratelimit.take(
        "test",
        address,
        per_address=per_address,
        total=total,
        window_seconds=window_seconds,
        at=at,
    )


@pytest.fixture
def empty_cache(db):
    cache.clear()
    yield
    cache.clear()


def test_the_default_cache_is_the_database_s_shared_table(settings):
    # Per-process memory would give each process its own limits.
    assert settings.CACHES["default"]["BACKEND"] == "perhekeskus.core.cache.DatabaseCache"
    assert isinstance(caches["default"], DatabaseCache)


def test_an_address_is_refused_past_its_ceiling_until_the_window_ends(empty_cache):
    assert [take("203.0.113.5") for _ in range(3)] == [None, None, None]
    assert take("203.0.113.5") == Refusal(PER_ADDRESS, retry_after=30)
    assert take("203.0.113.5", at=AT + 29.5) == Refusal(PER_ADDRESS, retry_after=1)
    assert take("198.51.100.7") is None
    assert take("203.0.113.5", at=AT + 30) is None  # the next window


def test_the_total_ceiling_refuses_every_address_and_leaves_no_count_on_it(empty_cache):
    assert take("203.0.113.1", per_address=1, total=2) is None
    assert take("203.0.113.2", per_address=1, total=2) is None
    assert take("203.0.113.3", per_address=1, total=2) == Refusal(TOTAL, retry_after=30)
    # The refused address did not get its write: its own count is still 0.
    assert take("203.0.113.3", per_address=1, total=0) is None
    assert take("203.0.113.3", per_address=1, total=0) == Refusal(PER_ADDRESS, 30)


def test_a_write_given_back_does_not_use_up_the_limit(empty_cache):
    for _ in range(3):
        taken("203.0.113.5", total=3).give_back()
    assert [take("203.0.113.5", total=3) for _ in range(3)] == [None, None, None]
    assert take("203.0.113.5", total=3) == Refusal(PER_ADDRESS, 30)
    assert take("198.51.100.7", total=3) == Refusal(TOTAL, 30)


def test_a_ceiling_of_zero_is_no_ceiling(empty_cache):
    assert all(take("203.0.113.5", per_address=0, total=0) is None for _ in range(20))


def test_the_wait_is_counted_up_to_whole_seconds_and_minutes():
    assert Refusal(TOTAL, 1).minutes == 1
    assert Refusal(TOTAL, 60).minutes == 1
    assert Refusal(TOTAL, 61).minutes == 2


def test_addresses_are_not_kept_in_the_cache(empty_cache):
    take("203.0.113.5")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM perhekeskus_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert len(keys) == 2 and any(key.endswith(":all") for key in keys)
    assert not any("203.0.113" in key for key in keys)


def test_a_broken_cache_lets_the_write_through_and_is_logged(empty_cache, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "incr", broken)
    assert take("203.0.113.5", per_address=1) is None
    assert "could not be counted" in caplog.text


def test_the_database_cache_counts_without_moving_the_expiry(empty_cache):
    cache.set("counter", 0, 1000)

    def expires():
        with connection.cursor() as cursor:
            cursor.execute("SELECT expires FROM perhekeskus_cache WHERE cache_key LIKE '%counter'")
            return cursor.fetchone()[0]

    before = expires()
    assert cache.incr("counter") == 1
    assert cache.incr("counter", 5) == 6
    assert cache.decr("counter") == 5
    assert cache.get("counter") == 5
    assert expires() == before
    with pytest.raises(ValueError):
        cache.incr("missing")
    cache.set("gone", 1, -1)
    with pytest.raises(ValueError):
        cache.incr("gone")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent connections")
def test_concurrent_increments_are_not_lost():
    cache.clear()
    cache.set("counter", 0, 1000)

    def count():
        try:
            for _ in range(25):
                cache.incr("counter")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=count) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.get("counter") == 100
    cache.clear()


@override_settings(CACHES=LOCMEM)
@settings(max_examples=60, deadline=None)
@given(
    per_address=st.integers(0, 4),
    total=st.integers(0, 6),
    senders=st.lists(st.sampled_from(["a", "b", "c"]), max_size=15),
)
def test_accepted_writes_never_pass_either_ceiling(per_address, total, senders):
    cache.clear()
    accepted = Counter()
    for sender in senders:
        refusal = take(sender, per_address=per_address, total=total)
        expected_refusal = (
            PER_ADDRESS
            if per_address and accepted[sender] >= per_address
            else TOTAL
            if total and sum(accepted.values()) >= total
            else None
        )
        assert (refusal.ceiling if refusal else None) == expected_refusal
        if refusal is None:
            accepted[sender] += 1
