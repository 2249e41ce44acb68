"""The follow-up reminder: a notice in the tool and an email, once per date."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from perhekeskus.impact import services
from perhekeskus.impact.models import Notice
from perhekeskus.impact.tasks import send_follow_up_reminders

from .factories import complete_assessment

pytestmark = pytest.mark.django_db
FOLLOW_UP = datetime.date(2027, 12, 1)


@pytest.fixture
def signed(world):
    assessment = complete_assessment(world.preparer)
    services.sign_off(user=world.colleague, assessment=assessment, version=assessment.version)
    assessment.refresh_from_db()
    return assessment


def test_nothing_before_the_date(signed):
    result = send_follow_up_reminders.call((FOLLOW_UP - datetime.timedelta(days=1)).isoformat())
    assert result == {"notices": 0, "emails": 0}
    assert not Notice.objects.exists()


def test_the_reminder_is_sent_once(signed, world):
    first = send_follow_up_reminders.call(FOLLOW_UP.isoformat())
    assert first == {"notices": 1, "emails": 1}
    notice = Notice.objects.get()
    assert notice.user == world.preparer
    assert notice.due_on == FOLLOW_UP
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world.preparer.email]
    assert signed.title in mail.outbox[0].subject
    assert f"/impact/{signed.pk}/" in mail.outbox[0].body
    # Again, and a day later: nothing new.
    assert send_follow_up_reminders.call(FOLLOW_UP.isoformat()) == {"notices": 0, "emails": 0}
    later = (FOLLOW_UP + datetime.timedelta(days=1)).isoformat()
    assert send_follow_up_reminders.call(later) == {"notices": 0, "emails": 0}
    assert Notice.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_new_follow_up_date_gives_a_new_reminder(signed, world):
    send_follow_up_reminders.call(FOLLOW_UP.isoformat())
    services.reopen(user=world.preparer, assessment=signed)
    signed.refresh_from_db()
    services.save_step(
        user=world.preparer,
        assessment=signed,
        step="follow_up",
        base_version=signed.version,
        fragment={"date": "2028-06-01", "what": "Toinen seuranta"},
    )
    assert send_follow_up_reminders.call("2028-06-01") == {"notices": 1, "emails": 1}
    assert Notice.objects.count() == 2


def test_an_unsigned_assessment_is_not_reminded(world):
    complete_assessment(world.preparer)
    assert send_follow_up_reminders.call(FOLLOW_UP.isoformat()) == {"notices": 0, "emails": 0}


def test_the_notice_shows_in_the_tool_and_can_be_read(client, signed, world):
    send_follow_up_reminders.call(FOLLOW_UP.isoformat())
    client.force_login(world.preparer)
    page = client.get("/en/impact/").content.decode()
    assert "Follow-up due 1 Dec 2027" in page
    notice = Notice.objects.get()
    # Someone else's notice cannot be marked read.
    client.force_login(world.colleague)
    client.post(f"/en/impact/notices/{notice.pk}/read/")
    notice.refresh_from_db()
    assert notice.read_at is None
    client.force_login(world.preparer)
    client.post(f"/en/impact/notices/{notice.pk}/read/")
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_the_command_runs_now_or_queues(signed):
    out = io.StringIO()
    call_command("impact_reminders", "--now", "--today", FOLLOW_UP.isoformat(), stdout=out)
    assert "notices=1 emails=1" in out.getvalue()
    out = io.StringIO()
    call_command("impact_reminders", stdout=out)
    assert "Queued follow-up reminders" in out.getvalue()
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.get().task_path.endswith("send_follow_up_reminders")
