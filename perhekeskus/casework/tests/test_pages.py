"""The pages: the one door, its receipt, the queue, the contact and the matter."""

import re

import pytest
from django.test import Client
from django.utils import translation
from django.utils.formats import date_format

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.casework import panels, services
from perhekeskus.casework.models import Contact, Matter, TeamMember
from perhekeskus.events.models import Event
from perhekeskus.families.models import Family, ServiceTask

from .factories import submit_contact

pytestmark = pytest.mark.django_db


def head():
    return AccessLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def h1_count(response) -> int:
    return len(re.findall(rb"<h1[\s>]", response.content))


def form_data(case, **overrides):
    data = {
        "situation": "Lapsi ei nuku ja olemme väsyneitä.",
        "life_situations": [case.worries[0].pk],
        "child_age": "2",
        "municipality": case.municipality.pk,
        "preferred_language": "fi",
        "contact_way": "phone",
        "name": "Kerstin Lindholm",
        "phone": "040 111 2222",
        "email": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("language", ["", "/sv", "/en"])
def test_the_ask_page_has_one_h1_in_every_language(case, client, language):
    response = client.get(f"{language}/ask-for-help/")
    assert response.status_code == 200
    assert h1_count(response) == 1


def test_every_service_page_leads_to_the_door_with_the_service(case, client):
    page = client.get(f"/en/services/{case.service.pk}/")
    assert page.status_code == 200
    assert f"/en/ask-for-help/?service={case.service.pk}".encode() in page.content
    form = client.get(f"/en/ask-for-help/?service={case.service.pk}")
    assert case.service.name.encode() in form.content
    assert f'value="{case.municipality.pk}" selected'.encode() in form.content
    assert client.get("/en/ask-for-help/?service=not-a-uuid").status_code == 200


def test_an_anonymous_family_gets_a_receipt_only_it_can_see(case, client):
    response = client.post("/en/ask-for-help/", form_data(case))
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert response["Location"].endswith(f"/ask-for-help/{contact.reference}/")
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    assert h1_count(receipt) == 1
    assert b"Lapsi ei nuku" in receipt.content
    assert contact.reference.encode() in receipt.content
    due = contact.answer_due_by
    assert f"{due.day} {due:%b %Y}".encode() in receipt.content  # English: 8 Dec 2026
    assert "no-store" in receipt["Cache-Control"]
    other = Client()
    assert other.get(response["Location"]).status_code == 404
    assert other.get("/en/ask-for-help/PK-AAAA-BBBB-CCCC/").status_code == 404


def test_a_citizen_sees_their_receipt_signed_in_anywhere(case, client):
    client.force_login(case.parent)
    response = client.post(
        "/ask-for-help/", form_data(case, contact_way="message", phone="", name="")
    )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.citizen == case.parent
    elsewhere = Client()
    elsewhere.force_login(case.parent)
    assert elsewhere.get(response["Location"]).status_code == 200
    stranger = Client()
    stranger.force_login(case.nurse)
    assert stranger.get(response["Location"]).status_code == 404


def test_bad_input_keeps_what_was_typed(case, client):
    response = client.post("/en/ask-for-help/", form_data(case, phone="", email=""))
    assert response.status_code == 200
    assert b"Lapsi ei nuku" in response.content
    assert b"Kerstin Lindholm" in response.content
    assert b"phone number or an email" in response.content
    assert not Contact.objects.exists()


def test_an_over_long_message_is_refused_whole_never_cut(case, client):
    # A pasted letter: the browser must not cut it, the server refuses it
    # and gives it back whole so the family can shorten it.
    text = "Tilanne kotona. " * 624 + "Auttakaa, kiitos"  # 10 000 characters
    response = client.post("/ask-for-help/", form_data(case, situation=text))
    assert response.status_code == 200
    html = response.content.decode()
    assert "10000 merkkiä pitkä" in html and "enimmäispituus on 4000 merkkiä" in html
    textarea = re.search(r"<textarea[^>]*>(.*?)</textarea>", html, re.S)
    assert textarea.group(1).strip() == text
    assert "maxlength" not in textarea.group(0)
    assert 'aria-describedby="id_situation_helptext id_situation_error id_situation_count"' in (
        textarea.group(0)
    )
    assert re.search(r'<p class="counter counter--over" id="id_situation_count"[^>]*>', html)
    assert "10000 / 4000 merkkiä" in html
    assert 'aria-live="polite"' in html
    assert not Contact.objects.exists()


def test_the_counter_counts_a_line_break_once_and_the_limit_fits(case, client):
    text = "a\r\n" * 1999 + "bb"  # 4000 characters with line breaks as the browser sends them
    response = client.post("/en/ask-for-help/", form_data(case, situation=text))
    assert response.status_code == 302
    assert len(Contact.objects.get().situation) == 4000
    form = client.get("/sv/ask-for-help/")
    assert "0 / 4000 tecken" in form.content.decode()


HOSTILE = [
    {"situation": "x" * 100_000},
    {"situation": "nul\x00byte"},
    {"situation": ""},
    {"municipality": "not-a-number"},
    {"municipality": "999999"},
    {"child_age": "abc"},
    {"child_age": "-1"},
    {"child_age": "99999999999999999999"},
    {"contact_way": "carrier pigeon"},
    {"preferred_language": "<script>"},
    {"life_situations": ["x", "999999"]},
    {"email": "not an email", "contact_way": "email"},
    {"phone": "'; DROP TABLE casework_contact; --"},
    {"name": "n" * 5000},
]


@pytest.mark.parametrize("overrides", HOSTILE)
def test_hostile_input_is_refused_never_a_500(case, client, overrides):
    response = client.post("/en/ask-for-help/", form_data(case, **overrides))
    assert response.status_code == 200, overrides
    assert b"errorlist" in response.content
    assert b"<svg onload" not in response.content
    assert not Contact.objects.exists()


@pytest.mark.parametrize("service", ["00000000-0000-0000-0000-000000000000", "<svg onload=x>"])
def test_an_unknown_service_is_dropped(case, client, service):
    response = client.post("/en/ask-for-help/", form_data(case, service=service))
    assert response.status_code == 302
    assert Contact.objects.get().service is None


def test_the_queue_shows_contacts_of_the_centre_without_names(case, client):
    contact = submit_contact(case, name="Kerstin Lindholm")
    client.force_login(case.counsellor)
    for language in ("", "/sv", "/en"):
        response = client.get(f"{language}/casework/contacts/")
        assert response.status_code == 200
        assert h1_count(response) == 1
        assert contact.reference.encode() in response.content
        assert b"Kerstin" not in response.content
    client.force_login(case.nurse)
    assert contact.reference.encode() not in client.get("/casework/contacts/").content


@pytest.mark.parametrize(
    ("code", "fi", "sv"),
    [("sv", "ruotsi", "svenska"), ("other", "muu kieli (katso perheen viesti)", "annat språk")],
)
def test_the_contact_names_the_language_asked_for(case, client, code, fi, sv):
    contact = submit_contact(case, preferred_language=code)
    client.force_login(case.social_worker)
    finnish = client.get(f"/casework/contacts/{contact.pk}/").content.decode()
    assert f"<dd>{fi}</dd>" in finnish
    assert f"<dd>{code}</dd>" not in finnish
    assert sv in client.get(f"/sv/casework/contacts/{contact.pk}/").content.decode()


def test_triage_take_search_link_and_answer(case, client):
    contact = submit_contact(case)
    client.force_login(case.social_worker)
    page = client.get(f"/en/casework/contacts/{contact.pk}/")
    assert page.status_code == 200 and h1_count(page) == 1
    assert client.post(f"/casework/contacts/{contact.pk}/take/").status_code == 302
    seq = head()
    found = client.get(f"/en/casework/contacts/{contact.pk}/", {"q": "Lindqvist"})
    assert b"Link family Lindqvist" in found.content
    assert AccessLogEntry.objects.filter(seq__gt=seq, action="search").exists()
    linked = client.post(f"/casework/contacts/{contact.pk}/link/", {"family": case.lindqvist.pk})
    assert linked.status_code == 302
    contact.refresh_from_db()
    assert contact.family == case.lindqvist
    answer = client.post(
        f"/en/casework/contacts/{contact.pk}/answer/",
        {
            "answer-answer": "Tervetuloa perhekahvilaan",
            "answer-suggested_services": [case.service.pk],
        },
    )
    assert answer.status_code == 302
    contact.refresh_from_db()
    assert contact.state == Contact.State.ANSWERED
    assert list(contact.suggested_services.all()) == [case.service]
    again = client.post(
        f"/en/casework/contacts/{contact.pk}/answer/",
        {"answer-answer": "Toinen"},
        follow=True,
    )
    assert again.status_code == 200
    contact.refresh_from_db()
    assert contact.answer == "Tervetuloa perhekahvilaan"
    assert Event.objects.filter(type="contact.answered").count() == 1


def test_an_empty_answer_keeps_the_page_and_says_why(case, client):
    contact = submit_contact(case)
    client.force_login(case.counsellor)
    client.post(f"/casework/contacts/{contact.pk}/take/")
    response = client.post(f"/en/casework/contacts/{contact.pk}/answer/", {"answer-answer": ""})
    assert response.status_code == 200
    assert b"errorlist" in response.content
    assert h1_count(response) == 1


def test_linking_a_family_the_worker_may_not_see_is_a_logged_404(case, client):
    contact = submit_contact(case)
    client.force_login(case.counsellor)
    client.post(f"/casework/contacts/{contact.pk}/take/")
    seq = head()
    response = client.post(f"/casework/contacts/{contact.pk}/link/", {"family": case.virtanen.pk})
    assert response.status_code == 404
    assert AccessLogEntry.objects.filter(seq__gt=seq, action="denied").count() == 1
    contact.refresh_from_db()
    assert contact.family is None


def test_a_new_family_is_searched_before_it_is_created(case, client):
    contact = submit_contact(case)
    client.force_login(case.counsellor)
    client.post(f"/casework/contacts/{contact.pk}/take/")
    data = {
        "family-first_names": "Maria",
        "family-last_name": "Lindqvist",
        "family-identity_code": case.maria.identity_code,
        "family-role": "parent",
        "family-service_task": ServiceTask.FAMILY_SOCIAL_WORK,
        "family-unit": case.centre.pk,
    }
    refused = client.post(f"/en/casework/contacts/{contact.pk}/new-family/", data)
    assert refused.status_code == 200
    # Maria is outside the counsellor's basis: nothing saved, nobody named.
    assert b"Nothing was saved" in refused.content
    assert b"may already be in the register" in refused.content
    assert str(case.maria.pk).encode() not in refused.content
    assert not Family.objects.filter(name="Lindqvist").exclude(pk=case.lindqvist.pk).exists()
    data["family-identity_code"] = ""
    data["family-first_names"] = "Kaisa"
    data["family-last_name"] = "Uusinen"
    data["family-date_of_birth"] = "1.2.1990"
    created = client.post(f"/en/casework/contacts/{contact.pk}/new-family/", data)
    assert created.status_code == 302
    contact.refresh_from_db()
    assert contact.family.name == "Uusinen"


def test_opening_a_matter_from_the_contact(case, client):
    contact = services.contact_take(actor=case.social_worker, contact=submit_contact(case))
    services.contact_link_family(actor=case.social_worker, contact=contact, family=case.lindqvist)
    client.force_login(case.social_worker)
    data = {
        "matter-unit": case.social_work.pk,
        "matter-service_task": ServiceTask.FAMILY_SOCIAL_WORK,
        "matter-special_support": "on",
        "matter-responsible_worker": case.counsellor.pk,
    }
    refused = client.post(f"/en/casework/contacts/{contact.pk}/open-matter/", data)
    assert refused.status_code == 200
    assert b"qualified social worker" in refused.content
    assert not Matter.objects.exists()
    data["matter-responsible_worker"] = case.social_worker.pk
    opened = client.post(f"/en/casework/contacts/{contact.pk}/open-matter/", data)
    assert opened.status_code == 302
    matter = Matter.objects.get()
    assert opened["Location"].endswith(f"/casework/matters/{matter.pk}/")
    assert matter.responsible_worker == case.social_worker
    assert matter.pending_at == contact.received_at


def _matter(case):
    return services.matter_open(
        actor=case.social_worker,
        contact=None,
        family=case.lindqvist,
        unit=case.social_work,
        service_task=ServiceTask.FAMILY_SOCIAL_WORK,
        special_support=True,
        urgent=False,
        responsible_worker=case.social_worker,
    )


@pytest.mark.parametrize("language", ["", "/sv", "/en"])
def test_the_matter_page_in_every_language(case, client, language):
    matter = _matter(case)
    client.force_login(case.social_worker)
    response = client.get(f"{language}/casework/matters/{matter.pk}/")
    assert response.status_code == 200
    assert h1_count(response) == 1
    with translation.override(language.strip("/") or "fi"):
        due = date_format(matter.assessment_start_due, "SHORT_DATE_FORMAT")
    assert due.encode() in response.content
    listing = client.get(f"{language}/casework/matters/")
    assert h1_count(listing) == 1 and b"Lindqvist" in listing.content


def test_a_team_member_sees_only_their_scope_and_only_while_a_member(case, client):
    matter = _matter(case)
    member = services.team_add(
        actor=case.social_worker,
        matter=matter,
        user=case.stranger,
        unit=case.other_unit,
        role_in_family="Psykologi",
        scope=TeamMember.Scope.PLAN_ONLY,
        basis=TeamMember.Basis.RELATIONSHIP,
    )
    client.force_login(case.stranger)
    seq = head()
    page = client.get(f"/en/casework/matters/{matter.pk}/")
    assert page.status_code == 200
    assert b"Psykologi" in page.content and b"Lindqvist" in page.content
    assert b"Assessment to start by" not in page.content
    assert b"Close the matter" not in page.content
    assert AccessLogEntry.objects.filter(seq__gt=seq, basis="team", allowed=True).exists()
    # A member does not manage the team.
    assert client.post(f"/casework/matters/{matter.pk}/close/", {}).status_code == 403

    services.team_remove(actor=case.social_worker, member=member)
    seq = head()
    gone = Client()
    gone.force_login(case.stranger)
    assert gone.get(f"/en/casework/matters/{matter.pk}/").status_code == 404
    assert AccessLogEntry.objects.filter(seq__gt=seq, action="denied").count() == 1


def test_assessment_and_plan_scope_sees_the_deadlines_not_the_contact(case, client):
    matter = _matter(case)
    services.team_add(
        actor=case.social_worker,
        matter=matter,
        user=case.nurse,
        unit=case.clinic,
        role_in_family="Terveydenhoitaja",
        scope=TeamMember.Scope.ASSESSMENT_AND_PLAN,
        basis=TeamMember.Basis.RELATIONSHIP,
    )
    client.force_login(case.nurse)
    page = client.get(f"/en/casework/matters/{matter.pk}/")
    assert b"Assessment to start by" in page.content
    assert b"Responsible workers over time" not in page.content


def test_a_non_member_gets_a_logged_404(case, client):
    matter = _matter(case)
    client.force_login(case.nurse)
    seq = head()
    assert client.get(f"/casework/matters/{matter.pk}/").status_code == 404
    assert AccessLogEntry.objects.filter(seq__gt=seq, action="denied").count() == 1


def test_worker_team_and_closure_through_the_page(case, client):
    matter = _matter(case)
    client.force_login(case.social_worker)
    refused = client.post(
        f"/en/casework/matters/{matter.pk}/worker/",
        {"worker-user": case.counsellor.pk, "worker-reason": "Loma"},
    )
    assert refused.status_code == 200 and b"qualified social worker" in refused.content
    assert b"Loma" in refused.content
    memberships = {m.user_id: m for m in case.stranger.memberships.all()}
    added = client.post(
        f"/en/casework/matters/{matter.pk}/team/",
        {
            "team-membership": memberships[case.stranger.pk].pk,
            "team-role_in_family": "Psykologi",
            "team-scope": "plan_only",
            "team-basis": "relationship",
        },
    )
    assert added.status_code == 302
    member = TeamMember.objects.get()
    removed = client.post(f"/casework/matters/{matter.pk}/team/{member.pk}/remove/")
    assert removed.status_code == 302
    member.refresh_from_db()
    assert member.removed_at is not None
    bad_close = client.post(f"/en/casework/matters/{matter.pk}/close/", {"close-reason": "x"})
    assert bad_close.status_code == 200 and b"errorlist" in bad_close.content
    closed = client.post(
        f"/en/casework/matters/{matter.pk}/close/",
        {"close-reason": "need_met", "close-summary": "Tuki riitti."},
    )
    assert closed.status_code == 302
    matter.refresh_from_db()
    assert matter.state == Matter.State.CLOSED


def test_panels_of_other_apps_render_in_order_and_may_stay_out(case, client, monkeypatch, settings):
    from pathlib import Path

    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [*templates[0].get("DIRS", []), Path(__file__).parent / "templates"]
    settings.TEMPLATES = templates
    matter = _matter(case)
    seen = []

    def first(request, matter, scope):
        seen.append(scope)
        return {"text": "first"}

    monkeypatch.setattr(
        panels,
        "MATTER_PANELS",
        [
            ("casework/tests/panel.html", first),
            ("casework/tests/panel.html", lambda request, matter, scope: None),
            ("casework/tests/panel.html", lambda request, matter, scope: {"text": "second"}),
        ],
    )
    client.force_login(case.social_worker)
    content = client.get(f"/en/casework/matters/{matter.pk}/").content.decode()
    assert seen == ["full"]
    assert content.count('class="test-panel"') == 2
    assert content.index("panel first") < content.index("panel second")


def test_on_behalf_page_sends_and_logs(case, client):
    client.force_login(case.school_social_worker)
    page = client.get("/en/casework/on-behalf/")
    assert page.status_code == 200 and h1_count(page) == 1
    data = {
        "referrer_unit": case.student_welfare.pk,
        "basis": "child_interest",
        "identity_code": case.aino.identity_code,
        "situation": "Paljon poissaoloja.",
        "municipality": case.municipality.pk,
        "preferred_language": "fi",
        "name": "Anna Virtanen",
        "contact_way": "phone",
        "phone": "040 222 3333",
    }
    response = client.post("/en/casework/on-behalf/", data)
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.person == case.aino and contact.on_behalf
    assert AccessLogEntry.objects.filter(action="disclose", basis="statutory").exists()
    unknown = client.post(
        "/en/casework/on-behalf/", {**data, "identity_code": case.maria.identity_code}
    )
    assert unknown.status_code == 200 and b"No person you may see" in unknown.content
    assert Contact.objects.count() == 1


@pytest.mark.parametrize("language", ["", "/sv", "/en"])
def test_receipt_contact_and_on_behalf_pages_have_one_h1(case, client, language):
    response = client.post(f"{language}/ask-for-help/", form_data(case))
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200 and h1_count(receipt) == 1
    contact = Contact.objects.get()
    client.force_login(case.social_worker)
    for path in (
        f"{language}/casework/contacts/{contact.pk}/",
        f"{language}/casework/on-behalf/",
    ):
        page = client.get(path)
        assert page.status_code == 200 and h1_count(page) == 1, path
    services.contact_take(actor=case.social_worker, contact=contact)
    taken = client.get(f"{language}/casework/contacts/{contact.pk}/")
    assert taken.status_code == 200 and h1_count(taken) == 1


def test_a_second_answer_is_refused_showing_the_first_and_keeping_the_text(case, client):
    contact = services.contact_take(actor=case.counsellor, contact=submit_contact(case))
    # The taker has the page open in two windows and answers in the other one.
    client.force_login(case.counsellor)
    page = client.get(f"/en/casework/contacts/{contact.pk}/")
    assert b"Record the answer" in page.content
    services.contact_answer(actor=case.counsellor, contact=contact, answer="Ensimmäinen vastaus")
    response = client.post(
        f"/en/casework/contacts/{contact.pk}/answer/", {"answer-answer": "Toinen vastaus"}
    )
    assert response.status_code == 200
    assert b"Ensimm\xc3\xa4inen vastaus" in response.content
    assert b"Toinen vastaus" in response.content
    assert b"not saved" in response.content
    contact.refresh_from_db()
    assert contact.answer == "Ensimmäinen vastaus"


def test_the_worker_form_refuses_a_change_made_meanwhile(case, client):
    from perhekeskus.families.tests.world import professional

    matter = _matter(case)
    second = professional("toinen", case.social_work, "social_worker")
    client.force_login(case.social_worker)
    page = client.get(f"/en/casework/matters/{matter.pk}/").content.decode()
    assert f'name="worker-replaces" value="{case.social_worker.pk}"' in page
    services.worker_assign(actor=case.social_worker, matter=matter, user=second, reason="Loma")
    response = client.post(
        f"/en/casework/matters/{matter.pk}/worker/",
        {
            "worker-user": case.social_worker.pk,
            "worker-reason": "Takaisin",
            "worker-replaces": case.social_worker.pk,
        },
    )
    assert response.status_code == 200
    assert b"Someone else changed the responsible worker" in response.content
    assert b"Takaisin" in response.content
