"""The family's "who saw my data" page and the auditor's pages."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from perhekeskus.access import access_family, actor_for, open_special_access
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.audit.models import EmergencyReview
from perhekeskus.families.models import AccessGrant


@pytest.fixture
def parent(world, client):
    client.force_login(world.parent)
    return client


def test_family_sees_who_read_their_data_and_on_what_basis(world, parent):
    access_family(world.nurse, world.virtanen.pk)
    response = parent.get("/my-data/")
    assert response.status_code == 200
    assert response.content.count(b"<h1") == 1
    assert world.nurse.username.encode() in response.content
    assert b"Aino" in response.content and b"Eetu" in response.content


def test_minors_hidden_records_and_their_reads_stay_hidden_from_the_guardian(world, parent):
    access_family(world.school_social_worker, world.virtanen.pk)
    response = parent.get("/my-data/")
    assert world.school_social_worker.username.encode() not in response.content
    assert world.student_welfare.name.encode() not in response.content


def test_own_reads_are_logged_but_not_listed_as_someone_elses(world, parent):
    before = AccessLogEntry.objects.count()
    parent.get("/my-data/")
    own = AccessLogEntry.objects.filter(seq__gt=before, action="read", basis="own")
    assert own.filter(subject_family_id=world.virtanen.pk).exists()
    assert b"anna" not in parent.get("/my-data/").content.split(b"log-heading")[1]


def test_default_window_is_two_years_and_can_be_widened(world, parent):
    three_years_ago = timezone.now() - datetime.timedelta(days=3 * 365)
    relationship = world.virtanen.relationships.get(unit=world.clinic)
    relationship.starts_on = timezone.localdate() - datetime.timedelta(days=4 * 365)
    relationship.save()
    nurse = actor_for(world.nurse)  # built today, when the nurse works in the unit
    with time_machine.travel(three_years_ago):
        access_family(nurse, world.virtanen.pk)
    assert world.nurse.username.encode() not in parent.get("/my-data/").content
    since = (three_years_ago - datetime.timedelta(days=1)).strftime("%d.%m.%Y")
    response = parent.get("/my-data/", {"since": since})
    assert world.nurse.username.encode() in response.content


def test_other_families_reads_are_not_shown(world, parent):
    access_family(world.social_worker, world.lindqvist.pk)
    assert world.social_worker.username.encode() not in parent.get("/my-data/").content


def test_professionals_are_refused_the_citizen_page(world, client):
    client.force_login(world.nurse)
    assert client.get("/my-data/").status_code == 404


@pytest.fixture
def emergency_grant(world):
    """An emergency access opened by a professional with no relationship to the family."""
    open_special_access(
        world.stranger,
        identity_code=world.eetu.identity_code,
        kind="emergency",
        reason="Lapsi tuotiin päivystykseen",
    )
    return AccessGrant.objects.get()


def test_auditor_reviews_emergency_access(world, client, emergency_grant):
    grant = emergency_grant
    client.force_login(world.auditor)
    page = client.get("/audit/")
    assert page.status_code == 200 and b"Lapsi tuotiin" in page.content
    response = client.post(
        f"/audit/emergency/{grant.pk}/review/",
        {"justified": "yes", "note": "Aiheellinen, päivystys"},
    )
    assert response.status_code == 302
    review = EmergencyReview.objects.get()
    assert review.justified and review.grant_id == grant.pk
    assert b"Lapsi tuotiin" not in client.get("/audit/").content.split(b"Recent")[0]
    assert AccessLogEntry.objects.filter(action="review", basis="audit").exists()


def test_review_needs_a_note(world, client, emergency_grant):
    grant = emergency_grant
    client.force_login(world.auditor)
    client.post(f"/audit/emergency/{grant.pk}/review/", {"justified": "yes", "note": ""})
    assert not EmergencyReview.objects.exists()


def test_auditor_searches_the_log_by_person_and_by_professional(world, client):
    access_family(world.nurse, world.virtanen.pk)
    access_family(world.social_worker, world.lindqvist.pk)
    client.force_login(world.auditor)
    by_person = client.get("/audit/log/", {"identity_code": world.eetu.identity_code})
    assert world.nurse.username.encode() in by_person.content
    assert world.social_worker.username.encode() not in by_person.content
    by_worker = client.get("/audit/log/", {"professional": world.social_worker.username})
    assert world.social_worker.username.encode() in by_worker.content
    bad = client.get("/audit/log/", {"identity_code": "310204A123X"})
    assert bad.status_code == 200 and b"errorlist" in bad.content


def test_log_search_names_whose_data_and_the_role_and_logs_the_names_shown(world, client):
    access_family(world.social_worker, world.lindqvist.pk)
    client.force_login(world.auditor)
    seq = AccessLogEntry.objects.count()
    page = client.get("/en/audit/log/", {"professional": world.social_worker.username})
    rows = page.content.decode().split("<tbody>")[1]
    unit = r"<td>[^<]*(?:<br><span class=\"muted\">[^<]*</span>)?</td>"
    assert re.search(rf"social worker.*?</td>\s*{unit}\s*<td>Lindqvist</td>", rows, re.S)
    logged = AccessLogEntry.objects.filter(seq__gt=seq, actor_id=world.auditor.pk)
    assert set(logged.values_list("action", "basis")) == {("search", "audit")}
    assert world.lindqvist.pk in set(logged.values_list("subject_family_id", flat=True))


def test_the_familys_view_names_whose_data_was_read(world, parent):
    access_family(world.nurse, world.virtanen.pk)
    rows = parent.get("/en/my-data/").content.decode().split('id="log-heading"')[1]
    assert re.search(r"public health nurse.*?<td>Virtanen</td>", rows, re.S)


def test_a_manager_may_review_but_not_search_the_log(world, client):
    client.force_login(world.manager)
    assert client.get("/audit/").status_code == 200
    assert client.get("/audit/log/").status_code == 404
    client.force_login(world.nurse)
    assert client.get("/audit/").status_code == 404
