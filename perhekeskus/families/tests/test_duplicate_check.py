"""The search before a new client: within the searcher's basis, limited, logged.

The nurse's clinic has the Virtanen family as a client; the stranger's unit
has nobody. Maria Lindqvist has a security prohibition and is the family
social work's client only.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import formats, translation

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.audit.selectors import who_saw_my_data
from perhekeskus.families import duplicates, identity, rules, services
from perhekeskus.families.models import Family, Person

NEW = "/en/families/new/"


def form(world, unit, *, first="Anni", last="Wirtanen", code="", born="", save=False, **extra):
    data = {
        "purpose": "new_contact",
        "first_names": first,
        "last_name": last,
        "identity_code": code,
        "date_of_birth": born,
        "role": "parent",
        "service_task": "child_health",
        "unit": str(unit.pk),
        **extra,
    }
    data["save" if save else "check"] = "1"
    return data


def entries_after(seq: int):
    return AccessLogEntry.objects.filter(seq__gt=seq).order_by("seq")


def head() -> int:
    return AccessLogEntry.objects.count()


def page(response, *typed: str) -> str:
    """The page without what differs between any two requests (the CSRF token,
    the script nonce) and without what the user typed."""
    text = response.content.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text)
    text = re.sub(r'nonce="[^"]*"', "", text)
    for value in typed:
        text = text.replace(value, "TYPED")
    return text


def date_forms(day: datetime.date) -> list[str]:
    forms_ = {
        day.isoformat(),
        day.strftime("%d.%m.%Y"),
        f"{day.day}.{day.month}.{day.year}",
        day.strftime("%d/%m/%Y"),
        f"{day.day}/{day.month}/{day.year}",
    }
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            forms_.add(formats.date_format(day, "DATE_FORMAT"))
            forms_.add(formats.date_format(day, "SHORT_DATE_FORMAT"))
    return sorted(forms_)


@pytest.fixture
def stranger(world, client):
    client.force_login(world.stranger)
    return client


@pytest.fixture
def nurse(world, client):
    client.force_login(world.nurse)
    return client


def test_a_person_the_searcher_may_read_is_shown_and_logged_with_the_basis(world, nurse):
    seq = head()
    response = nurse.post(NEW, form(world, world.clinic, code=world.anna.identity_code))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Anna Maria Virtanen" in body
    assert f"/families/{world.virtanen.pk}/" in body
    assert "Rantatie" not in body
    shown = entries_after(seq).get(subject_person_id=world.anna.pk)
    assert (shown.action, shown.basis, shown.allowed) == ("search", "relationship", True)
    assert shown.basis_detail == "duplicate check: shown"
    assert shown.reason == "purpose: new_contact"
    assert Person.objects.filter(identity_code=world.anna.identity_code).count() == 1


def test_a_record_outside_the_basis_is_told_of_without_name_date_or_id(world, stranger):
    anna = world.anna
    seq = head()
    response = stranger.post(NEW, form(world, world.other_unit, code=anna.identity_code))
    assert response.status_code == 200
    body = response.content.decode()
    assert "may already be in the register" in body
    assert "client register of your organisation" in body
    assert world.county.name in body  # the searcher's own organisation to ask
    for secret in (anna.first_names, "Virtanen", str(anna.pk), anna.pk.hex, "Rantatie"):
        assert secret not in body, secret
    for day in date_forms(anna.date_of_birth):
        assert day not in body, day
    assert f"/families/{world.virtanen.pk}" not in body
    entry = entries_after(seq).get()
    assert entry.subject_person_id == anna.pk and entry.basis == ""
    assert entry.basis_detail == "duplicate check: matched, not shown"
    assert entry.reason == "purpose: new_contact"


def test_a_likely_duplicate_outside_the_basis_is_not_named_either(world, stranger):
    aino = world.aino
    response = stranger.post(
        NEW,
        form(
            world,
            world.other_unit,
            first="Aino",
            last="Virtasen",
            born=aino.date_of_birth.strftime("%d.%m.%Y"),
        ),
    )
    body = response.content.decode()
    assert "may already be in the register" in body
    assert "Virtanen" not in body and str(aino.pk) not in body
    # Only after asking the register may the worker confirm and save.
    assert "confirm_not_duplicate" in body


def _make_maria_unknown(world):
    """Maria, as if she were not in the register at all."""
    other = world.maria.date_of_birth - datetime.timedelta(days=3000)
    Person.objects.filter(pk=world.maria.pk).update(
        identity_code=identity.build(other, 664),
        date_of_birth=other,
        first_names="Ulla",
        last_name="Tuntematon",
    )


@pytest.mark.parametrize("by", ["identity code", "name and date of birth"])
def test_a_protected_person_outside_the_basis_is_answered_as_nobody(world, stranger, by):
    maria = world.maria
    data = form(world, world.other_unit, first="Maria", last="Lindqvist")
    if by == "identity code":
        data["identity_code"] = maria.identity_code
    else:
        data["date_of_birth"] = maria.date_of_birth.strftime("%d.%m.%Y")
    seq = head()
    protected = stranger.post(NEW, data)
    logged = entries_after(seq).get()
    _make_maria_unknown(world)
    seq = head()
    nobody = stranger.post(NEW, data)
    assert protected.status_code == nobody.status_code == 200
    assert page(protected) == page(nobody)
    assert "Nothing that you may see was found" in page(nobody)
    # The log tells the truth: Maria was searched for (and her own view shows it).
    assert logged.subject_person_id == maria.pk and logged.basis == ""
    assert entries_after(seq).get().subject_person_id is None
    assert who_saw_my_data(maria.pk).filter(pk=logged.pk).exists()


def test_saving_a_code_held_outside_the_basis_is_refused_alike_for_anyone(world, stranger):
    """The refusal names nobody and is the same for a protected person as for
    anyone else outside the basis: the code cannot be saved, ask the register."""
    families = Family.objects.count()
    persons = Person.objects.count()
    answers = {}
    for holder in (world.maria, world.anna):
        code = holder.identity_code
        response = stranger.post(NEW, form(world, world.other_unit, code=code, save=True))
        assert response.status_code == 200
        body = response.content.decode()
        assert "Nothing was saved" in body and "may already be in the register" in body
        for secret in (holder.first_names, holder.last_name, str(holder.pk), holder.pk.hex):
            assert secret not in body, secret
        for day in date_forms(holder.date_of_birth):
            assert day not in body, day
        answers[holder.pk] = page(response, code)
    assert answers[world.maria.pk] == answers[world.anna.pk]
    assert (Family.objects.count(), Person.objects.count()) == (families, persons)


def test_the_service_refuses_any_code_held_with_one_message(world):
    from perhekeskus.access import actor_for

    stranger = actor_for(world.stranger)
    messages = set()
    for holder in (world.maria, world.anna):
        with pytest.raises(services.DuplicatePerson) as refused:
            services.person_create(
                actor=stranger,
                data={"first_names": "X", "last_name": "Y", "identity_code": holder.identity_code},
            )
        assert refused.value.matches == [] and refused.value.exact
        messages.add(str(refused.value.messages[0]))
    assert messages == {str(services.MAY_ALREADY_EXIST)}


def test_a_search_that_matches_nobody_is_logged_with_its_purpose_and_no_subject(world, nurse):
    seq = head()
    code = identity.build(datetime.date(1990, 2, 1), 321)
    response = nurse.post(NEW, form(world, world.clinic, code=code, purpose="referral"))
    assert b"Nothing that you may see was found" in response.content
    entry = entries_after(seq).get()
    assert (entry.action, entry.subject_person_id, entry.subject_family_id) == (
        "search",
        None,
        None,
    )
    assert entry.reason == "purpose: referral"
    assert code not in (entry.basis_detail + entry.reason + entry.target)


def test_the_purpose_is_required(world, nurse):
    seq = head()
    data = form(world, world.clinic, code=world.anna.identity_code)
    del data["purpose"]
    response = nurse.post(NEW, data)
    assert response.status_code == 200
    assert b"errorlist" in response.content
    assert b"Anna Maria" not in response.content
    assert not entries_after(seq).filter(action="search").exists()


def test_the_check_after_the_limit_is_refused_logged_and_keeps_the_form(world, nurse, monkeypatch):
    monkeypatch.setattr(rules, "DUPLICATE_CHECKS_PER_WINDOW", 3)
    data = form(world, world.clinic, first="Sofia", last="Grönroos", born="1.2.1990")
    for _ in range(3):
        assert nurse.post(NEW, data).status_code == 200
    seq = head()
    refused = nurse.post(NEW, {**data, "save": "1"})
    assert refused.status_code == 429
    body = refused.content.decode()
    assert "You have searched the register 3 times" in body
    assert 'value="Sofia"' in body and 'value="Grönroos"' in body
    entry = entries_after(seq).get()
    assert (entry.action, entry.allowed, entry.reason) == ("denied", False, "purpose: new_contact")
    assert not Person.objects.filter(last_name="Grönroos").exists()


def test_the_limit_counts_per_user_and_window(world):
    start = datetime.datetime(2025, 3, 3, 9, 0, tzinfo=datetime.UTC)
    limit = rules.DUPLICATE_CHECKS_PER_WINDOW
    for _ in range(limit):
        assert duplicates.take_duplicate_check(world.nurse.pk, now=start)
    assert not duplicates.take_duplicate_check(world.nurse.pk, now=start)
    assert duplicates.take_duplicate_check(world.stranger.pk, now=start)
    later = start + rules.DUPLICATE_CHECK_WINDOW
    assert duplicates.take_duplicate_check(world.nurse.pk, now=later)


def test_the_api_person_search_answers_a_protected_code_as_a_missing_one(world, client):
    from perhekeskus.accounts.services import api_token_create

    token = api_token_create(user=world.stranger, name="t", days=1).secret
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    missing = identity.build(datetime.date(1990, 2, 1), 321)
    answers = [
        client.get("/api/v1/families/persons", {"q": code}, **auth)
        for code in (world.maria.identity_code, missing)
    ]
    assert [a.status_code for a in answers] == [200, 200]
    assert answers[0].json() == answers[1].json() == []
