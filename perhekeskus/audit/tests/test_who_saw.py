"""The family's "who saw my data" in plain words, and the auditor's log with names."""

import csv
import datetime
import html
import io
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from perhekeskus.access import access_family, actor_for, open_special_access
from perhekeskus.access.log import Action, Basis, Subject, record
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.audit import selectors, services
from perhekeskus.catalogue.models import Organization
from perhekeskus.families.models import AccessGrant, Consent

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def parent(world, client):
    client.force_login(world.parent)
    return client


def _log_section(response) -> str:
    return response.content.decode().split('id="log-heading"')[1]


def _read(world, user, target, *, what=None, basis=Basis.RELATIONSHIP, detail="", **kwargs):
    """Log a professional's read of the Virtanen family's data; the stored entry."""
    (entry,) = record(
        actor_for(user),
        Subject(target, family_id=world.virtanen.pk, what=what),
        action=kwargs.pop("action", Action.READ),
        basis=basis,
        detail=detail,
        **kwargs,
    )
    return AccessLogEntry.objects.get(seq=entry.seq)


def _name(user) -> str:
    return actor_for(user).name


def _described(entries):
    return selectors.describe(list(entries), for_family=True)


# --- What was seen -----------------------------------------------------------------


def test_what_was_seen_is_said_in_plain_words_for_each_kind_of_record(world):
    cases = [
        ("plan", None, "Read: the plan"),
        ("plan (change)", None, "Read: the plan"),
        ("service-need assessment", None, "Read: the service-need assessment"),
        (
            "service-need assessment (change)",
            {"kind": "assessment", "section": "child", "child": world.eetu.pk},
            "Read: the service-need assessment, section: Eetu/the child's own view",
        ),
        (
            "service-need assessment (change)",
            {"kind": "assessment", "section": "worries"},
            "Read: the service-need assessment, section: worries",
        ),
        ("family", None, "Read: the family's names, identity and contact details"),
        ("family in a list", None, "Read: the family's name in a list"),
        (
            "appointment",
            {"kind": "appointment", "on": "2026-12-03"},
            "Read: an appointment on 3 Dec",
        ),
        ("appointment", None, "Read: an appointment"),
        ("my appointments", None, "Read: the family's appointments in a list"),
        ("contact PK-AAAA-BBBB-CCCC", None, "Read: the contact message"),
        ("matter 0f0f0f0f-0000-4000-8000-00000000f0f0", None, "Read: the family's matter"),
        ("referral received", None, "Read: the referral"),
        ("basic data, family_social_work", None, "Read: the identity, family and contact details"),
        ("disclosure", None, "Read: the consent"),
        ("something new", None, "Read: the family's data"),
    ]
    entries = [_read(world, world.nurse, target, what=what) for target, what, _text in cases]
    for entry, (_target, _what, text) in zip(_described(entries), cases, strict=True):
        assert entry.what_text == text


def test_a_disclosure_names_its_recipient(world):
    record(
        actor_for(world.social_worker),
        Subject("service data, child_welfare", person_id=world.eetu.pk),
        action=Action.DISCLOSE,
        basis=Basis.STATUTORY,
        detail="LSL 417/2007 §41",
        recipient=(None, "Lastensuojelu"),
    )
    (entry,) = _described(AccessLogEntry.objects.filter(action="disclose"))
    assert entry.what_text == "Disclosed: the service events and plans, to Lastensuojelu"
    assert entry.basis_text == (
        "statutory right: child welfare's right to obtain information (LSL 417/2007 §41)"
    )


def test_new_appointment_reads_record_the_day(world):
    entry = _read(
        world, world.nurse, "appointment", what={"kind": "appointment", "on": "2026-12-03"}
    )
    stored = AccessLogEntry.objects.get(pk=entry.pk)
    assert stored.what == '{"kind":"appointment","on":"2026-12-03"}'


# --- On what basis -----------------------------------------------------------------


def test_basis_of_a_client_relationship_names_the_unit_and_the_service(world):
    access_family(world.nurse, world.virtanen.pk)
    (entry,) = _described(AccessLogEntry.objects.filter(actor_id=world.nurse.pk))
    assert entry.basis_text == f"client of {world.clinic.name}: maternity and child health clinic"
    assert not UUID.search(entry.basis_text)


def test_basis_of_a_consent_says_when_it_was_given_and_for_what(world):
    consent = Consent.objects.get(person=world.maria)
    record(
        actor_for(world.ngo_worker),
        Subject("family", family_id=world.lindqvist.pk),
        action=Action.READ,
        basis=Basis.CONSENT,
        detail=f"consent {consent.pk}",
    )
    (entry,) = _described(AccessLogEntry.objects.filter(actor_id=world.ngo_worker.pk))
    given = timezone.localtime(consent.created_at)
    assert entry.basis_text == (
        f"with your consent given on {given.day} {given:%b %Y} to Perhekahvila"
    )


def test_basis_of_emergency_access_says_whether_it_was_reviewed(world):
    open_special_access(
        world.stranger,
        identity_code=world.eetu.identity_code,
        kind="emergency",
        reason="Lapsi tuotiin päivystykseen",
    )
    access_family(world.stranger, world.virtanen.pk)
    read = AccessLogEntry.objects.filter(actor_id=world.stranger.pk, action="read")
    assert [e.basis_text for e in _described(read)] == ["emergency access, not yet reviewed"]
    services.review_emergency_access(
        actor=world.auditor, grant=AccessGrant.objects.get(), note="Aiheellinen", justified=True
    )
    assert [e.basis_text for e in _described(read)] == ["emergency access, reviewed"]


def test_basis_of_a_statutory_disclosure_names_the_law(world):
    entry = _read(
        world,
        world.nurse,
        "contact on the family's behalf",
        basis=Basis.STATUTORY,
        detail="SHL 1301/2014 §35",
        action=Action.DISCLOSE,
    )
    (entry,) = _described([entry])
    assert entry.what_text == "Disclosed: a contact made on the family's behalf"
    assert entry.basis_text == (
        "statutory right: contacting social services in the child's interest (SHL 1301/2014 §35)"
    )


def test_team_and_responsible_bases_name_the_matter_and_the_unit(db, _fast_passwords):
    from perhekeskus.access.tests.test_team import fresh
    from perhekeskus.casework import services as casework
    from perhekeskus.casework.tests.factories import build_case_world
    from perhekeskus.families.models import ServiceTask

    case = build_case_world()
    matter = casework.matter_open(
        actor=case.social_worker,
        contact=None,
        family=case.lindqvist,
        unit=case.social_work,
        service_task=ServiceTask.FAMILY_SOCIAL_WORK,
        special_support=False,
        urgent=False,
    )
    casework.team_add(
        actor=case.social_worker,
        matter=matter,
        user=case.stranger,
        unit=case.other_unit,
        role_in_family="Perheneuvolan psykologi",
        scope="plan_only",
        basis="relationship",
    )
    access_family(fresh(case.stranger), case.lindqvist.pk)
    (entry,) = _described(AccessLogEntry.objects.filter(actor_id=case.stranger.pk, action="read"))
    pending = timezone.localtime(matter.pending_at)
    assert entry.basis_text == (
        "member of your family's team for the plan in the matter social work for families "
        "with children, "
        f"pending since {pending.day} {pending:%b %Y}, {case.other_unit.name}"
    )
    # The auditor reads the same entry with the member's name, never an id.
    (audited,) = selectors.describe([AccessLogEntry.objects.get(pk=entry.pk)])
    assert audited.basis_text.startswith("member of the family's team for the plan in the matter")
    assert case.stranger.get_full_name() in audited.basis_text
    assert not UUID.search(audited.basis_text)


# --- The page ----------------------------------------------------------------------


def test_entries_are_grouped_by_day_and_by_professional_newest_first(world, parent):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=2)):
        _read(world, world.nurse, "plan")
    _read(world, world.nurse, "family")
    _read(world, world.social_worker, "plan")
    _read(world, world.nurse, "appointment", what={"kind": "appointment", "on": "2026-12-03"})
    days = selectors.by_day_and_professional(_described(selectors.who_saw_my_data(world.anna.pk)))
    assert len(days) == 2 and days[0]["day"] > days[1]["day"]
    assert [p["name"] for p in days[0]["people"]] == [
        _name(world.nurse),
        _name(world.social_worker),
    ]
    assert len(days[0]["people"][0]["entries"]) == 2
    page = _log_section(parent.get("/en/my-data/"))
    assert page.count('<h3 id="log-day-') == 2
    assert "public health nurse" in page and world.clinic.name in page
    assert Organization.objects.get(pk=world.county.pk).name in page  # the organisation
    assert "an appointment on 3 Dec" in page
    assert not UUID.search(page.split("<form")[1].split("</form>")[1])


def test_the_log_is_paginated(world, parent):
    for i in range(55):
        _read(
            world,
            world.nurse,
            "appointment",
            what={"kind": "appointment", "on": f"2026-01-{i % 28 + 1:02d}"},
        )
    first = parent.get("/en/my-data/")
    section = _log_section(first)
    assert section.count("<td>Read: an appointment on") == 50
    assert "Page 1 of 2" in section and "Older" in section
    second = _log_section(parent.get("/en/my-data/", {"page": 2}))
    assert second.count("<td>Read: an appointment on") == 5 and "Newer" in second


def test_the_same_thing_again_and_again_is_one_row(world, parent):
    for _ in range(3):
        _read(world, world.nurse, "plan")
    section = _log_section(parent.get("/en/my-data/"))
    assert section.count("<td>Read: the plan") == 1
    assert "(3 times)" in section


def test_filter_by_professional_and_by_period(world, parent):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=10)):
        _read(world, world.social_worker, "plan")
    _read(world, world.nurse, "plan")
    only_nurse = _log_section(parent.get("/en/my-data/", {"professional": str(world.nurse.pk)}))
    assert _name(world.nurse) in only_nurse.split("</form>")[1]
    assert _name(world.social_worker) not in only_nurse.split("</form>")[1]
    until = (timezone.localdate() - datetime.timedelta(days=5)).strftime("%d.%m.%Y")
    older = _log_section(parent.get("/en/my-data/", {"until": until})).split("</form>")[1]
    assert _name(world.social_worker) in older
    assert _name(world.nurse) not in older
    bad = parent.get("/en/my-data/", {"professional": "someone else"})
    assert bad.status_code == 200 and b"errorlist" in bad.content


def test_csv_holds_the_familys_entries_only_and_is_logged_as_their_own_export(world, parent):
    _read(world, world.nurse, "plan")
    access_family(world.social_worker, world.lindqvist.pk)
    access_family(world.school_social_worker, world.virtanen.pk)  # hidden from the guardians
    before = AccessLogEntry.objects.count()
    response = parent.get("/en/my-data/log.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Time",
        "Professional",
        "Job title",
        "Unit",
        "Organisation",
        "Whose data",
        "What",
        "Basis",
    ]
    assert [row[1] for row in rows[1:]] == [_name(world.nurse)]
    assert rows[1][6] == "Read: the plan" and rows[1][5] == "Virtanen"
    text = response.content.decode("utf-8-sig")
    assert "Lindqvist" not in text and world.student_welfare.name not in text
    export = AccessLogEntry.objects.get(seq__gt=before)
    assert (export.action, export.basis, export.actor_id) == ("export", "own", world.parent.pk)
    # The family's own export is not listed as someone else's read.
    assert "Printed or exported" not in _log_section(parent.get("/en/my-data/"))


def test_pdf_is_answered_and_logged(world, parent):
    _read(world, world.nurse, "plan")
    before = AccessLogEntry.objects.count()
    response = parent.get("/en/my-data/log.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AccessLogEntry.objects.filter(
        seq__gt=before, action="export", basis="own", basis_detail="pdf"
    ).exists()


def test_the_guardian_sees_the_childrens_entries_but_not_hidden_ones(world, parent):
    record(
        actor_for(world.nurse),
        Subject("family", person_id=world.eetu.pk),
        action=Action.READ,
        basis=Basis.RELATIONSHIP,
    )
    record(
        actor_for(world.school_social_worker),
        Subject("family", person_id=world.aino.pk, hidden=True),
        action=Action.READ,
        basis=Basis.RELATIONSHIP,
    )
    page = _log_section(parent.get("/en/my-data/")).split("</form>")[1]
    assert "Eetu Virtanen" in page
    assert _name(world.school_social_worker) not in page


@pytest.mark.parametrize("url", ["/my-data/", "/my-data/log.csv", "/my-data/log.pdf"])
def test_professionals_are_refused_the_familys_pages(world, client, url):
    client.force_login(world.nurse)
    assert client.get(url).status_code == 404


def test_exports_are_refused_to_anonymous_visitors(db, client):
    response = client.get("/my-data/log.csv")
    assert response.status_code in (302, 404)


def test_the_page_does_not_query_per_entry(world, parent):
    consent = Consent.objects.get(person=world.maria)

    def add_entries(n):
        for i in range(n):
            _read(
                world, world.nurse, "appointment", what={"kind": "appointment", "on": "2026-12-03"}
            )
            _read(
                world,
                world.social_worker,
                "service-need assessment (change)",
                what={"kind": "assessment", "section": "child", "child": world.eetu.pk},
                basis=Basis.CONSENT,
                detail=f"consent {consent.pk}",
            )
            _read(world, world.stranger, "family", basis=Basis.STATUTORY, detail=f"x {i}")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert parent.get("/en/my-data/").status_code == 200
        return len(queries)

    add_entries(2)
    count()  # the first request warms the caches of the session and the decisions
    few = count()
    add_entries(14)
    assert count() == few


# --- The auditor's log -------------------------------------------------------------


def test_the_auditors_log_shows_the_basis_in_plain_words_without_ids(world, client):
    access_family(world.nurse, world.virtanen.pk)
    client.force_login(world.auditor)
    page = client.get("/en/audit/log/", {"professional": world.nurse.username})
    rows = html.unescape(page.content.decode().split("<tbody>")[1].split("</tbody>")[0])
    assert f"client of {world.clinic.name}: maternity and child health clinic" in rows
    assert "Read: the family's names, identity and contact details" in rows
    assert not UUID.search(rows)
