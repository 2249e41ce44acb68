"""The accessibility statement, its feedback form and the administrators' queue."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from perhekeskus.accessibility import services
from perhekeskus.accessibility.models import MAX_DESCRIPTION, Feedback
from perhekeskus.accounts.models import Role
from perhekeskus.accounts.tests.factories import MembershipFactory
from perhekeskus.core.rules import accessibility_feedback_due

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    settings.DEMO_MODE = True  # demo professionals skip enrolling a second factor
    cache.clear()
    yield
    cache.clear()


def _administrator():
    return MembershipFactory(role=Role.ADMINISTRATOR, user__is_demo=True).user


def _worker():
    return MembershipFactory(role=Role.FAMILY_WORKER, user__is_demo=True).user


def test_the_statement_is_in_every_footer_and_names_the_supervisory_authority(client):
    home = client.get("/en/").content.decode()
    assert 'href="/en/accessibility/"' in home
    assert 'href="/en/accessibility/feedback/?page=/en/"' in home
    page = client.get("/en/accessibility/")
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count("<h1") == 1
    assert "Accessibility statement" in text
    assert "saavutettavuus@traficom.fi" in text
    assert "partially meets" in text
    assert "/en/accessibility/feedback/" in text
    for path in ("/accessibility/", "/sv/accessibility/"):
        assert client.get(path).status_code == 200


def test_anonymous_feedback_is_received_with_its_due_date(client):
    form = client.get("/en/accessibility/feedback/?page=/en/services/")
    assert form.status_code == 200
    assert 'value="/en/services/"' in form.content.decode()
    response = client.post(
        "/en/accessibility/feedback/",
        {"description": "The map cannot be used with a keyboard.", "page": "/en/services/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accessibility/feedback/sent/"
    item = Feedback.objects.get()
    assert item.email == "" and item.page == "/en/services/"
    assert item.answer_due_by == accessibility_feedback_due(timezone.localdate())
    assert client.get(response["Location"]).status_code == 200


def test_too_long_feedback_is_refused_and_kept_never_cut(client):
    text = "x" * (MAX_DESCRIPTION + 5)
    response = client.post(
        "/en/accessibility/feedback/", {"description": text, "email": "a@example.org"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert f"is {MAX_DESCRIPTION + 5} characters long" in body
    assert text in body  # everything typed is still in the field
    assert "maxlength" not in body.split('name="description"')[1].split(">")[0]
    assert f"/ {MAX_DESCRIPTION} characters" in body  # the counter
    assert not Feedback.objects.exists()


def test_the_service_refuses_too_long_text_and_a_bad_address():
    with pytest.raises(ValidationError) as error:
        services.feedback_submit(description="y" * (MAX_DESCRIPTION + 1))
    assert "description" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        services.feedback_submit(description="ok", email="not an address")
    assert "email" in error.value.error_dict
    assert not Feedback.objects.exists()


def test_feedback_is_rate_limited_like_the_contact_form(client, settings):
    settings.ACCESSIBILITY_FEEDBACK_LIMIT_PER_ADDRESS = 2
    for _ in range(2):
        assert (
            client.post("/en/accessibility/feedback/", {"description": "Hard"}).status_code == 302
        )
    refused = client.post("/en/accessibility/feedback/", {"description": "Still hard"})
    assert refused.status_code == 429
    assert refused["Retry-After"]
    assert "Still hard" in refused.content.decode()
    # An invalid form is not counted.
    assert Feedback.objects.count() == 2


def test_the_queue_is_only_for_administrators(client):
    services.feedback_submit(description="Contrast too low", email="a@example.org")
    url = "/en/accessibility/feedback/queue/"
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(_worker())
    assert client.get(url).status_code == 403
    client.force_login(_administrator())
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Contrast too low" in body
    # The queue's own form posts the field the handling expects.
    assert 'name="reply_note"' in body and 'id="id_reply_note_1"' in body
    assert 'aria-describedby="id_reply_note_1_helptext id_reply_note_1_count"' in body


def test_an_administrator_marks_feedback_handled_with_a_note(client):
    item = services.feedback_submit(description="Contrast too low")
    url = "/en" + reverse("accessibility:handle", args=[item.pk])
    client.force_login(_worker())
    assert client.post(url, {"reply_note": "x"}).status_code == 403
    admin = _administrator()
    client.force_login(admin)
    empty = client.post(url, {"reply_note": ""})
    assert empty.status_code == 400
    long = client.post(url, {"reply_note": "z" * 4001})
    assert long.status_code == 400 and "z" * 4001 in long.content.decode()
    done = client.post(url, {"reply_note": "Colours fixed on 10 December."})
    assert done.status_code == 302
    item.refresh_from_db()
    assert item.handled and item.handled_by == admin
    assert item.reply_note == "Colours fixed on 10 December."
    # Handled once only.
    assert client.post(url, {"reply_note": "again"}).status_code == 400


def test_the_due_date_is_shown_and_an_overdue_one_marked(client):
    item = services.feedback_submit(
        description="Old", now=timezone.now() - datetime.timedelta(days=30)
    )
    client.force_login(_administrator())
    body = client.get("/en/accessibility/feedback/queue/").content.decode()
    due = item.answer_due_by
    assert f"{due.day} {due:%b %Y}" in body  # the English page writes 8 Dec 2026
    assert "overdue" in body


def test_administrators_find_the_queue_from_the_statement(client):
    assert "/feedback/queue/" not in client.get("/en/accessibility/").content.decode()
    client.force_login(_administrator())
    assert "/en/accessibility/feedback/queue/" in client.get("/en/accessibility/").content.decode()
