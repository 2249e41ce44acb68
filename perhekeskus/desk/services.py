"""Writes of the work views: raising deadline notices, marking them read."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.errors import NotAllowedError, TransitionError

from . import selectors
from .models import Notice
from .supervision import managers_of_units

# A deadline is "due" from the day before it.
DUE_AHEAD = datetime.timedelta(days=1)


@dataclass(frozen=True)
class RaiseResult:
    matters: int
    raised: int


def _notices_of(row, today: datetime.date) -> list[tuple[str, datetime.date]]:
    """(kind, due day) of the deadlines of one matter that are due or overdue."""
    horizon = today + DUE_AHEAD
    found = []
    if row["start_due"] is not None and row["start_due"] <= horizon and row["started_at"] is None:
        overdue = row["start_due"] < today
        found.append(
            (Notice.Kind.START_OVERDUE if overdue else Notice.Kind.START_DUE, row["start_due"])
        )
    if (
        row["complete_due"] is not None
        and row["complete_due"] <= horizon
        and row["completed_at"] is None
    ):
        overdue = row["complete_due"] < today
        found.append(
            (
                Notice.Kind.COMPLETE_OVERDUE if overdue else Notice.Kind.COMPLETE_DUE,
                row["complete_due"],
            )
        )
    return found


@transaction.atomic
def raise_deadline_notices(*, today: datetime.date | None = None) -> RaiseResult:
    """Raise a notice to the responsible worker and the unit's managers for
    every assessment deadline of an open matter that falls today or tomorrow
    (*due*) or has passed without the step being taken (*overdue*).

    Idempotent: a notice exists once per person, matter, kind and due day, so
    running this again (or twice a day) raises nothing new; a deadline that
    was due yesterday and is still not met raises its *overdue* notice today.
    """
    today = today or timezone.localdate()
    rows = list(selectors.deadlines_due(horizon=today + DUE_AHEAD))
    managers = managers_of_units({row["unit_id"] for row in rows})
    wanted: dict[tuple, bool] = {}
    for row in rows:
        recipients = {row["worker_id"]: False} if row["worker_id"] else {}
        for manager_id in managers.get(row["unit_id"], ()):
            recipients.setdefault(manager_id, True)
        for kind, due_on in _notices_of(row, today):
            for user_id, as_manager in recipients.items():
                wanted[(user_id, row["pk"], str(kind), due_on)] = as_manager
    existing = set(
        Notice.objects.filter(matter_id__in=[row["pk"] for row in rows]).values_list(
            "user_id", "matter_id", "kind", "due_on"
        )
    )
    new = [
        Notice(user_id=user_id, matter_id=matter_id, kind=kind, due_on=due_on, as_manager=manager)
        for (user_id, matter_id, kind, due_on), manager in wanted.items()
        if (user_id, matter_id, kind, due_on) not in existing
    ]
    # A concurrent run may have raised some of these already: the unique
    # constraint keeps one, the other is skipped.
    Notice.objects.bulk_create(new, ignore_conflicts=True)
    return RaiseResult(matters=len(rows), raised=len(new))


@transaction.atomic
def notice_mark_read(*, actor, notice: Notice) -> Notice:
    """The reader has seen the notice; it leaves the list of open notices."""
    locked = Notice.objects.select_for_update().get(pk=notice.pk)
    if locked.user_id != getattr(actor, "pk", None):
        raise NotAllowedError(_("This notice is not yours."))
    if locked.read_at is not None:
        raise TransitionError(_("The notice has already been marked as read."))
    locked.read_at = timezone.now()
    locked.version += 1
    locked.save(update_fields=["read_at", "version", "updated_at"])
    return locked
