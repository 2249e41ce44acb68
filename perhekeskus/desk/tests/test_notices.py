"""The deadline task: due and overdue notices to the worker and the unit's managers."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from perhekeskus.core.errors import NotAllowedError, TransitionError
from perhekeskus.desk import services
from perhekeskus.desk.models import Notice
from perhekeskus.desk.tasks import raise_deadlines

from .factories import MatterFactory, give_worker, start_assessment

pytestmark = pytest.mark.django_db


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _matter(world, pending_on: datetime.date, **fields):
    pending_at = _at(pending_on)
    matter = MatterFactory(
        family=world.lindqvist, unit=world.social_work, pending_at=pending_at, **fields
    )
    give_worker(matter, world.social_worker)
    return matter


def test_due_start_raises_a_notice_to_the_worker_and_the_manager(managed):
    # Pending Monday 2 November 2026: the 7th working day is Wednesday 11 November.
    matter = _matter(managed, datetime.date(2026, 11, 2))
    assert matter.assessment_start_due == datetime.date(2026, 11, 11)
    result = services.raise_deadline_notices(today=datetime.date(2026, 11, 10))
    assert result.raised == 2
    notices = {(n.user_id, n.kind, n.as_manager) for n in Notice.objects.all()}
    assert notices == {
        (managed.social_worker.pk, Notice.Kind.START_DUE, False),
        (managed.manager.pk, Notice.Kind.START_DUE, True),
    }


def test_nothing_is_raised_before_the_day_before(managed):
    _matter(managed, datetime.date(2026, 11, 2))
    assert services.raise_deadline_notices(today=datetime.date(2026, 11, 9)).raised == 0
    assert not Notice.objects.exists()


def test_running_twice_raises_nothing_new(managed):
    _matter(managed, datetime.date(2026, 11, 2))
    services.raise_deadline_notices(today=datetime.date(2026, 11, 10))
    again = services.raise_deadline_notices(today=datetime.date(2026, 11, 11))
    assert again.raised == 0
    assert Notice.objects.count() == 2


def test_a_missed_start_becomes_overdue_the_next_day(managed):
    _matter(managed, datetime.date(2026, 11, 2))
    services.raise_deadline_notices(today=datetime.date(2026, 11, 11))
    services.raise_deadline_notices(today=datetime.date(2026, 11, 12))
    kinds = sorted(Notice.objects.filter(user=managed.social_worker).values_list("kind", flat=True))
    assert kinds == [Notice.Kind.START_DUE, Notice.Kind.START_OVERDUE]
    assert all(n.is_overdue for n in Notice.objects.filter(kind=Notice.Kind.START_OVERDUE))


def test_a_started_assessment_raises_no_start_notice_but_its_completion(managed):
    matter = _matter(managed, datetime.date(2026, 8, 3))
    started = _at(datetime.date(2026, 8, 5), 9)
    start_assessment(matter, managed.social_worker, on=started)
    # Three months from 3 August: 3 November 2026.
    assert matter.assessment_complete_due == datetime.date(2026, 11, 3)
    services.raise_deadline_notices(today=datetime.date(2026, 11, 4))
    assert set(Notice.objects.values_list("kind", flat=True)) == {Notice.Kind.COMPLETE_OVERDUE}


def test_completed_and_closed_matters_raise_nothing(managed):
    matter = _matter(managed, datetime.date(2026, 8, 3))
    start_assessment(
        matter,
        managed.social_worker,
        on=_at(datetime.date(2026, 8, 5), 9),
        completed=_at(datetime.date(2026, 10, 1), 9),
    )
    closed = _matter(managed, datetime.date(2026, 11, 2))
    closed.state = closed.State.CLOSED
    closed.closed_at = timezone.now()
    closed.closure_reason = closed.ClosureReason.NO_NEED
    closed.save()
    assert services.raise_deadline_notices(today=datetime.date(2026, 12, 1)).raised == 0


def test_a_matter_without_a_worker_still_reaches_the_manager(managed):
    MatterFactory(
        family=managed.lindqvist,
        unit=managed.social_work,
        pending_at=_at(datetime.date(2026, 11, 2), 10),
    )
    services.raise_deadline_notices(today=datetime.date(2026, 11, 20))
    assert list(Notice.objects.values_list("user_id", flat=True)) == [managed.manager.pk]


def test_the_task_and_the_command(managed, capsys):
    _matter(managed, datetime.date(2026, 11, 2))
    assert raise_deadlines.call(today="2026-11-12") == {"matters": 1, "raised": 2}
    call_command("raise_deadlines", "--date", "2026-11-12")
    assert "0 new notices" in capsys.readouterr().out
    assert Notice.objects.count() == 2


def test_marking_read_checks_owner_and_state(managed):
    _matter(managed, datetime.date(2026, 11, 2))
    services.raise_deadline_notices(today=datetime.date(2026, 11, 12))
    notice = Notice.objects.get(user=managed.social_worker)
    with pytest.raises(NotAllowedError):
        services.notice_mark_read(actor=managed.nurse, notice=notice)
    services.notice_mark_read(actor=managed.social_worker, notice=notice)
    notice.refresh_from_db()
    assert notice.read_at is not None
    with pytest.raises(TransitionError):
        services.notice_mark_read(actor=managed.social_worker, notice=notice)


def test_median_of_a_histogram():
    from perhekeskus.desk.selectors import _median_of

    # Buckets are half hours: 2 = 1 h, 5 = 2.5 h, 48 = 24 h.
    assert _median_of({}) is None
    assert _median_of({48: 1}) == 24.0
    assert _median_of({2: 1, 5: 1, 48: 1}) == 2.5
    assert _median_of({2: 2, 48: 2}) == 12.5
    assert _median_of({2: 3, 48: 1}) == 1.0
