"""View policies of the access layer (marked like ``perhekeskus.web.access``).

``client_data``  – professionals only; what they see of whom is decided per
                   record by :func:`perhekeskus.access.access_family` etc.
``own_data``     – a citizen's own and their family's data.
``access_log``   – the auditor's pages.

Every refusal is logged, anonymous visitors included; a signed-in user who
does not fit the policy gets the same 404 as for a missing page, so the
answer never tells whether anything is there.
"""

from __future__ import annotations

import functools
import inspect
import uuid

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from ninja.errors import HttpError

from perhekeskus.accounts.api_auth import BearerToken
from perhekeskus.accounts.capabilities import Capability
from perhekeskus.web.access import mark

from .actor import Actor, actor_for
from .core import NotFound
from .log import Action, Subject, record

CLIENT_DATA = "client_data"
OWN_DATA = "own_data"
ACCESS_LOG = "access_log"


def _subject_of(request, kwargs) -> Subject:
    family_id = None
    for key in ("family_id", "pk"):
        value = kwargs.get(key)
        if isinstance(value, uuid.UUID):
            family_id = value
    return Subject(f"page {request.path[:250]}", family_id=family_id)


def log_refusal(request, actor: Actor, kwargs=None, detail: str = "") -> None:
    record(
        actor,
        _subject_of(request, kwargs or {}),
        action=Action.DENIED,
        allowed=False,
        detail=detail[:200],
        request=request,
    )


def in_one_transaction(view, request, actor: Actor, args, kwargs):
    """Run a view in one transaction: its reads and their log entries commit
    together or not at all.

    A refusal raised out of the view rolls the transaction back, its log
    entry with it, so the refusal is logged again after the rollback.
    """
    try:
        with transaction.atomic():
            return view(request, *args, **kwargs)
    except NotFound as refusal:
        if refusal.refusal is not None:
            record(**refusal.refusal)
        else:
            log_refusal(request, actor, kwargs, "not found")
        raise
    except PermissionDenied as refusal:
        logged = getattr(refusal, "refusal", None)
        if logged is not None:
            record(**logged)
        else:
            log_refusal(request, actor, kwargs, "permission denied")
        raise


def _policy(name: str, allows):
    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            actor = actor_for(request.user)
            if not allows(actor):
                log_refusal(request, actor, kwargs, f"policy {name}")
                if actor.user is None:
                    return redirect_to_login(request.get_full_path())
                raise NotFound
            request.actor = actor
            return in_one_transaction(view, request, actor, args, kwargs)

        return mark(wrapper, name)

    return decorator


def _may_read_log(actor: Actor) -> bool:
    return actor.can(Capability.VIEW_ACCESS_LOG) or actor.can(Capability.REVIEW_EMERGENCY_ACCESS)


client_data = _policy(CLIENT_DATA, lambda actor: actor.is_professional)
own_data = _policy(OWN_DATA, lambda actor: actor.is_citizen)
access_log = _policy(ACCESS_LOG, _may_read_log)


class LoggedBearerToken(BearerToken):
    """The API's bearer-token/session authentication, logging every refusal."""

    def __call__(self, request):
        try:
            user = super().__call__(request)
        except HttpError as error:
            log_refusal(request, actor_for(None), detail=f"API authentication: {error}")
            raise
        if not actor_for(user).is_professional:
            log_refusal(request, actor_for(user), detail="API: not a professional")
            raise HttpError(403, str(NotFound().args[0]))
        return user


def api_client_data(operation):
    """Mark an API operation and run it in one transaction with its log entries.

    The router's :class:`LoggedBearerToken` decides who may call it.
    """

    @functools.wraps(operation)
    def wrapper(request, *args, **kwargs):
        return in_one_transaction(operation, request, actor_for(request.auth), args, kwargs)

    # django-ninja reads the parameters from the signature; resolve the
    # operation's string annotations in its own module, not in this one.
    wrapper.__signature__ = inspect.signature(operation, eval_str=True)
    return mark(wrapper, CLIENT_DATA)
