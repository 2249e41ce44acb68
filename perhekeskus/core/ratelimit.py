"""Rate limits of public writes: fixed-window counters in the shared cache.

A write is counted against its client address and against everyone's total
in the current window (windows start at multiples of their length since the
epoch, so every process agrees on them). When either count passes its
ceiling the write is refused until the window ends: :class:`Refusal` says
which ceiling and how many seconds remain (the ``Retry-After``). A write
counted but then not made is given back (:meth:`Taken.give_back`).

Counting is ``cache.add`` (start at 0) then ``cache.incr``, atomic in Redis
and in the database cache (perhekeskus.core.cache). Addresses are kept in the
cache only as keyed hashes.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

PER_ADDRESS = "address"
TOTAL = "total"


@dataclass(frozen=True)
class Refusal:
    ceiling: str  # PER_ADDRESS or TOTAL
    retry_after: int  # seconds until the window ends

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.retry_after / 60))


def _now() -> float:
    return time.time()


def client_address(request) -> str:
    # REMOTE_ADDR is the peer; a proxy in front must pass the client address
    # there (e.g. gunicorn --forwarded-allow-ips), never an untrusted header.
    # Behind a proxy that does not, every client shares the proxy's limit.
    return (request.META.get("REMOTE_ADDR") or "")[:45]


def _count(key: str, timeout: int) -> int:
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout)
        return 1


def _uncount(key: str) -> None:
    try:
        cache.decr(key)
    except ValueError:  # the window has just ended
        pass


@dataclass(frozen=True)
class Taken:
    """The outcome of :func:`take`: refused, or counted (and can be given back)."""

    refusal: Refusal | None = None
    keys: tuple[str, ...] = ()

    def give_back(self) -> None:
        """Uncount a write that was counted but then not made (e.g. the
        service refused it), so that it does not use up the limit."""
        try:
            for key in self.keys:
                _uncount(key)
        except Exception:
            logger.exception("Rate limit could not be given back")


def take(
    scope: str,
    address: str,
    *,
    per_address: int,
    total: int,
    window_seconds: int,
    at: float | None = None,
) -> Taken:
    """Count one write of ``scope`` from ``address``; ``refusal`` when over a ceiling.

    A ceiling of 0 is no ceiling. A write refused for the total is not left
    on the address's count: the address did not get its write.
    """
    at = _now() if at is None else at
    window_seconds = max(1, window_seconds)
    start = int(at // window_seconds) * window_seconds
    retry_after = max(1, math.ceil(start + window_seconds - at))
    # Kept a little past the window's end; the window's start is in the key.
    timeout = window_seconds + 60
    prefix = f"limit:{scope}:{window_seconds}:{start}"
    who = salted_hmac("perhekeskus.core.ratelimit", address, algorithm="sha256").hexdigest()[:32]
    address_key, total_key = f"{prefix}:{who}", f"{prefix}:all"
    counted: list[str] = []
    try:
        if per_address > 0:
            counted.append(address_key)
            if _count(address_key, timeout) > per_address:
                return Taken(Refusal(PER_ADDRESS, retry_after))
        if total > 0:
            counted.append(total_key)
            if _count(total_key, timeout) > total:
                if per_address > 0:
                    _uncount(address_key)
                return Taken(Refusal(TOTAL, retry_after))
    except Exception:
        # A family asking for help is not turned away because the cache is
        # down: the write goes through, and the failure is logged.
        logger.exception("Rate limit %s could not be counted", scope)
    return Taken(keys=tuple(counted))


def refusal_message(refusal: Refusal) -> str:
    """Why a message (a contact, feedback) was not received and when to send it again."""
    if refusal.ceiling == PER_ADDRESS:
        why = ngettext(
            "Your message was not sent: many messages have been sent from your "
            "network address in a short time. Please send it again in %(minutes)d minute.",
            "Your message was not sent: many messages have been sent from your "
            "network address in a short time. Please send it again in %(minutes)d minutes.",
            refusal.minutes,
        )
    else:
        why = ngettext(
            "Your message was not sent: the family centre has received unusually many "
            "messages in a short time. Please send it again in %(minutes)d minute.",
            "Your message was not sent: the family centre has received unusually many "
            "messages in a short time. Please send it again in %(minutes)d minutes.",
            refusal.minutes,
        )
    return why % {"minutes": refusal.minutes}
