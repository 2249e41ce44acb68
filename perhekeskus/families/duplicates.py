"""The search before a new person is saved: its limit, its log, its answer.

The check looks at the whole register, so it answers only within the
actor's basis (``selectors.duplicate_check``), is limited per user
(``rules.DUPLICATE_CHECKS_PER_WINDOW``) and every check is logged with its
purpose. See docs/access-layer.md, "Duplicate check without disclosure".

The counters live in Django's cache, like the sign-in lockout's: with several
processes ``CACHE_URL`` must point to a shared cache (Redis), or each process
counts on its own.
"""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.access.core import basis_of_listed
from perhekeskus.access.log import Action, Subject, record

from . import rules, selectors


def _key(user_id, now: datetime.datetime) -> tuple[str, int]:
    window = int(rules.DUPLICATE_CHECK_WINDOW.total_seconds())
    index = int(now.timestamp()) // window
    # The window's index in the key: a new window starts a new counter, and
    # the old one expires with its timeout.
    return f"families:duplicate-check:{user_id}:{index}", window


def take_duplicate_check(user_id, *, now: datetime.datetime | None = None) -> bool:
    """Count one check of the user; False when it is over the limit."""
    key, timeout = _key(user_id, now or timezone.now())
    # add() is atomic: only the first check of the window creates the counter.
    if cache.add(key, 1, timeout=timeout):
        return True
    try:
        count = cache.incr(key)
    except ValueError:
        # The counter expired between add() and incr(): this check starts anew.
        cache.add(key, 1, timeout=timeout)
        count = 1
    return count <= rules.DUPLICATE_CHECKS_PER_WINDOW


def _reason(purpose: str) -> str:
    # The purpose's code: language-neutral, like the role codes of the log.
    return f"purpose: {purpose}"


def log_check(actor, check: selectors.DuplicateCheck, *, purpose: str, request=None) -> None:
    """One entry for each person matched, or one without a subject.

    Persons shown carry their basis; persons matched but not shown (outside
    the basis, with or without a security prohibition) carry no basis and
    say so, so that the person's own "who has seen my data" tells that
    someone searched for them. A check that matched nobody names nobody: not
    even a hash of the identity code, which could be reversed by trying
    every code.
    """
    by_basis: dict[str, list[Subject]] = {}
    for person in check.shown:
        basis = basis_of_listed(person)
        by_basis.setdefault(basis, []).append(
            Subject("person in duplicate check", person_id=person.pk)
        )
    for basis, subjects in by_basis.items():
        record(
            actor,
            subjects,
            action=Action.SEARCH,
            basis=basis,
            detail="duplicate check: shown",
            reason=_reason(purpose),
            request=request,
        )
    unseen = [*check.unseen, *check.withheld]
    if unseen:
        record(
            actor,
            [Subject("person in duplicate check (not shown)", person_id=p.pk) for p in unseen],
            action=Action.SEARCH,
            detail="duplicate check: matched, not shown",
            reason=_reason(purpose),
            request=request,
        )
    if not check.matched:
        record(
            actor,
            Subject("duplicate check"),
            action=Action.SEARCH,
            detail="duplicate check: no match",
            reason=_reason(purpose),
            request=request,
        )


def log_refused(actor, *, purpose: str, request=None) -> None:
    record(
        actor,
        Subject("duplicate check"),
        action=Action.DENIED,
        allowed=False,
        detail=(
            f"duplicate check refused: over {rules.DUPLICATE_CHECKS_PER_WINDOW} "
            f"in {rules.DUPLICATE_CHECK_WINDOW}"
        ),
        reason=_reason(purpose),
        request=request,
    )


def answer(actor, check: selectors.DuplicateCheck, *, refused_exact: bool = False) -> dict:
    """What a page may show of a check (the template's ``answer``).

    Built only from ``shown`` and ``unseen``: the persons withheld under a
    security prohibition change nothing here, so their answer is the one
    for nobody. When saving is refused on the identity code (``refused_exact``),
    the answer is the same for every holder the actor may not see.
    """
    told = [*check.shown, *check.unseen]
    if refused_exact:
        may_exist = not check.exact_shown
        offer_confirm = False
    else:
        may_exist = check.may_exist
        offer_confirm = bool(told) and not any(p.pk in check.exact_ids for p in told)
    return {
        "shown": selectors.duplicate_rows(actor, check.shown),
        "exact": check.exact_shown,
        "may_exist": may_exist,
        "keeper": selectors.register_keeper(actor) if may_exist else None,
        "offer_confirm": offer_confirm,
        "nothing": not check.shown and not may_exist,
    }


def search(actor, person_data: dict, *, purpose: str, request=None):
    """Count, run and log one check of ``person_data`` (cleaned by
    ``services.clean_person_data``); None when the user is over the limit,
    the refusal logged."""
    if not take_duplicate_check(actor.user_id):
        log_refused(actor, purpose=purpose, request=request)
        return None
    check = selectors.duplicate_check(
        actor,
        first_names=person_data["first_names"],
        last_name=person_data["last_name"],
        identity_code=person_data["identity_code"],
        date_of_birth=person_data.get("date_of_birth"),
    )
    log_check(actor, check, purpose=purpose, request=request)
    return check


def over_the_limit() -> str:
    return _(
        "You have searched the register %(count)s times within %(minutes)s minutes. "
        "Wait a while and try again; if you need more searches, ask your manager."
    ) % {
        "count": rules.DUPLICATE_CHECKS_PER_WINDOW,
        "minutes": int(rules.DUPLICATE_CHECK_WINDOW.total_seconds() // 60),
    }
