"""Checking the catalogue's web addresses (run by a background task only)."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings

USER_AGENT = "Perhekeskus link checker"


@dataclass(frozen=True)
class Result:
    status_code: int | None
    ok: bool
    error: str
    elapsed_ms: int


def _request(url: str, method: str, timeout: float) -> int:
    # check_url lets only http(s) addresses through.
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def check_url(url: str, *, timeout: float | None = None) -> Result:
    """HEAD the address (GET when the server refuses HEAD) within the timeout."""
    timeout = timeout if timeout is not None else settings.LINK_CHECK_TIMEOUT
    started = time.monotonic()
    if not url.lower().startswith(("http://", "https://")):
        return Result(None, False, "not an http(s) address", 0)
    try:
        status = _request(url, "HEAD", timeout)
        if status in (403, 405, 501):
            status = _request(url, "GET", timeout)
    except TimeoutError:
        return Result(None, False, "timed out", _ms(started))
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError):
            return Result(None, False, "timed out", _ms(started))
        return Result(None, False, str(reason)[:300], _ms(started))
    return Result(status, 200 <= status < 400, "", _ms(started))


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
