"""Errors that services raise and views and API operations translate.

A service refuses a step with :class:`RefusedError` (its message says why,
in the user's language); :class:`ConflictError` when someone else saved the
record after the user opened it. Views show the message on the page; API
operations answer with :class:`ErrorOut` and the status the error names.
"""

from __future__ import annotations

from ninja import Schema


class RefusedError(Exception):
    """A step that is not possible now; the message says why."""

    status = 400


class TransitionError(RefusedError):
    """The record is not in a state that allows this step."""

    status = 409


class NotAllowedError(RefusedError):
    """This person may not take this step (the access layer's answer)."""

    status = 403


class ConflictError(RefusedError):
    """Someone else saved in the meantime; ``changes`` are theirs."""

    status = 409

    def __init__(self, message: str, changes=(), current_version: int | None = None):
        super().__init__(message)
        self.changes = changes
        self.current_version = current_version


class ErrorOut(Schema):
    """The body of every 4xx answer of the project's APIs."""

    detail: str
    errors: dict[str, str] = {}
