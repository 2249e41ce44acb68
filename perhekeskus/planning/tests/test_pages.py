"""The pages: one h1 in three languages, forms that keep what was typed, conflicts shown,
scopes respected, hostile input never a 500."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.planning.models import Assessment, Plan, PlanComment, SectionKind  # noqa: F401

pytestmark = pytest.mark.django_db


def url(name, planning, **kwargs):
    return reverse(f"planning:{name}", kwargs={"matter_id": planning.matter.pk, **kwargs})


def h1_count(response) -> int:
    return len(re.findall(rb"<h1[\s>]", response.content))


def page_urls(planning, filled):
    assessment, plan = filled
    return [
        url("assessment", planning),
        url("assessment_history", planning),
        url("section_edit", planning, part="conclusion"),
        url("section_edit", planning, part="mine"),
        url("child_view_edit", planning, child_id=planning.eetu.pk),
        url("plan", planning),
        url("plan_edit", planning),
        url("plan_not_needed", planning),
        url("plan_history", planning),
    ]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_page_has_one_h1_in_each_language(client, planning, filled, language):
    client.force_login(planning.worker)
    prefix = "" if language == "fi" else f"/{language}"
    own = reverse("planning:my_plan")
    for path in page_urls(planning, filled):
        response = client.get(prefix + path)
        assert response.status_code == 200, path
        assert h1_count(response) == 1, path
        assert f'lang="{language}"'.encode() in response.content
    client.force_login(planning.parent)
    response = client.get(prefix + own)
    assert response.status_code == 200 and h1_count(response) == 1


def test_the_assessment_page_shows_authorship_and_the_childs_view_as_such(client, planning, filled):
    client.force_login(planning.nurse)
    response = client.get(url("assessment", planning))
    text = response.content.decode()
    assert "Sosiaalityöntekijän arvio." in text
    assert planning.worker.get_full_name() in text
    assert "Tykkään kun isi leikkii." in text
    assert AccessLogEntry.objects.filter(
        actor_id=planning.nurse.pk, target="service-need assessment"
    ).exists()


def test_a_late_start_without_a_reason_is_refused_on_the_page(client, planning):
    late = planning.matter.assessment_start_due + datetime.timedelta(days=1)
    with time_machine.travel(datetime.datetime.combine(late, datetime.time(12)), tick=False):
        client.force_login(planning.worker)
        response = client.post(url("assessment_start", planning), {"start-reason": ""})
        assert response.status_code == 400
        assert "reason" in response.content.decode().lower() or "syy" in response.content.decode()
        assert not Assessment.objects.exists()
        response = client.post(url("assessment_start", planning), {"start-reason": "Sairausloma"})
        assert response.status_code == 302
    assert Assessment.objects.get().late_start_reason == "Sairausloma"


def test_a_conflicting_section_save_shows_the_others_change_and_keeps_what_was_typed(
    client, planning, filled
):
    assessment, _plan = filled
    section = assessment.sections.get(kind=SectionKind.STRENGTHS)
    client.force_login(planning.nurse)
    first = client.post(
        url("section_edit", planning, part="strengths"),
        {"text": "Isovanhemmat ja naapuri auttavat.", "version": section.version},
    )
    assert first.status_code == 302
    client.force_login(planning.colleague)
    second = client.post(
        url("section_edit", planning, part="strengths"),
        {"text": "Minun tekstini, jota ei saa hukata.", "version": section.version},
    )
    assert second.status_code == 409
    body = second.content.decode()
    assert "Isovanhemmat ja naapuri auttavat." in body
    assert "Minun tekstini, jota ei saa hukata." in body
    section.refresh_from_db()
    assert section.text == "Isovanhemmat ja naapuri auttavat."
    # The form now carries the current version: saving again is a deliberate choice.
    third = client.post(
        url("section_edit", planning, part="strengths"),
        {"text": "Yhdistetty teksti.", "version": section.version},
    )
    assert third.status_code == 302


def test_only_the_responsible_worker_sees_and_uses_the_cosign_button(client, planning, filled):
    assessment, _plan = filled
    client.force_login(planning.colleague)
    assert b"assessment/cosign/" not in client.get(url("assessment", planning)).content
    response = client.post(url("assessment_cosign", planning), {"revision": assessment.revision})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert not assessment.is_signed
    client.force_login(planning.worker)
    assert b"assessment/cosign/" in client.get(url("assessment", planning)).content
    client.post(url("assessment_cosign", planning), {"revision": assessment.revision})
    assessment.refresh_from_db()
    assert assessment.is_signed


def test_plan_edit_saves_and_a_conflict_keeps_the_typed_plan(client, planning, filled):
    _assessment, plan = filled
    goal = plan.goals.get()
    action = plan.actions.get()

    def post(user, goal_text):
        client.force_login(user)
        return client.post(
            url("plan_edit", planning),
            {
                "version": 1,
                "review_on": "2030-01-15",
                "goals-TOTAL_FORMS": 2,
                "goals-INITIAL_FORMS": 1,
                "goals-0-id": goal.pk,
                "goals-0-text": goal_text,
                "goals-0-said_by": "äiti",
                "goals-1-text": "",
                "actions-TOTAL_FORMS": 1,
                "actions-INITIAL_FORMS": 1,
                "actions-0-id": action.pk,
                "actions-0-kind": "service",
                "actions-0-service": planning.service.pk,
                "actions-0-description": action.description,
                "actions-0-responsible": "family",
                "actions-0-follow_up": action.follow_up,
            },
        )

    assert post(planning.worker, "Äiti nukkuu yönsä.").status_code == 302
    assert AccessLogEntry.objects.filter(
        actor_id=planning.worker.pk, action="write", target="plan (change)"
    ).exists()
    plan.refresh_from_db()
    assert plan.version == 2 and plan.review_on == datetime.date(2030, 1, 15)
    response = post(planning.nurse, "Sairaanhoitajan muotoilu.")
    assert response.status_code == 409
    body = response.content.decode()
    assert "Äiti nukkuu yönsä." in body and "Sairaanhoitajan muotoilu." in body


def test_a_plan_with_errors_keeps_what_was_typed(client, planning, filled):
    client.force_login(planning.worker)
    response = client.post(
        url("plan_edit", planning),
        {
            "version": 1,
            "goals-TOTAL_FORMS": 1,
            "goals-INITIAL_FORMS": 0,
            "goals-0-text": "Uusi tavoite perheen sanoin",
            "actions-TOTAL_FORMS": 1,
            "actions-INITIAL_FORMS": 0,
            "actions-0-kind": "method",
            "actions-0-description": "Menetelmä ilman nimeä",
            "actions-0-responsible": "family",
            "actions-0-follow_up": "Seuranta",
        },
    )
    assert response.status_code == 400
    assert "Uusi tavoite perheen sanoin" in response.content.decode()
    assert "Menetelmä ilman nimeä" in response.content.decode()
    assert Plan.objects.get().version == 1


def test_agree_and_deliver_from_the_plan_page(client, planning, filled):
    _assessment, plan = filled
    client.force_login(planning.worker)
    assert client.post(url("plan_agree", planning), {"version": 1}).status_code == 302
    plan.refresh_from_db()
    assert plan.state == Plan.State.AGREED
    action = plan.actions.get()
    client.force_login(planning.ngo_worker)
    step = url("action_step", planning, action_id=action.pk, step="not-delivered")
    assert client.post(step, {"reason": ""}).status_code == 400
    step = url("action_step", planning, action_id=action.pk, step="deliver")
    assert client.post(step).status_code == 302
    action.refresh_from_db()
    assert action.state == "delivered"


def test_a_plan_only_member_sees_the_plan_but_not_the_assessment(client, planning, filled):
    client.force_login(planning.ngo_worker)
    assert client.get(url("assessment", planning)).status_code == 404
    assert client.get(url("assessment_history", planning)).status_code == 404
    assert client.get(url("section_edit", planning, part="conclusion")).status_code == 404
    response = client.get(url("plan", planning))
    assert response.status_code == 200
    assert "Perhetyötä tarvitaan." not in response.content.decode()
    assert "Käydään perhekahvilassa torstaisin." in response.content.decode()
    assert client.get(url("plan_edit", planning)).status_code == 404


def test_the_family_reads_its_plan_in_plain_words_and_comments(client, planning, filled):
    client.force_login(planning.parent)
    response = client.get(reverse("planning:my_plan"))
    body = response.content.decode()
    assert "Äiti jaksaa paremmin." in body
    assert "Käydään perhekahvilassa torstaisin." in body
    assert planning.service.name in body
    _assessment, plan = filled
    comment_url = reverse("planning:my_plan_comment", kwargs={"plan_id": plan.pk})
    assert client.post(comment_url, {"text": ""}).status_code == 400
    assert client.post(comment_url, {"text": "Torstait eivät käy."}).status_code == 302
    assert PlanComment.objects.get().by_family
    client.force_login(planning.nurse)
    assert "Torstait eivät käy." in client.get(url("plan", planning)).content.decode()


def test_the_family_sees_no_assessment_text(client, planning, filled):
    client.force_login(planning.parent)
    body = client.get(reverse("planning:my_plan")).content.decode()
    assert "Sosiaalityöntekijän arvio." not in body


HOSTILE = [
    {},
    {"version": "-1", "text": "x"},
    {"version": "abc", "revision": "🙂", "text": "\x00"},
    {"text": "a" * 50_000, "version": "0"},
    {"goals-TOTAL_FORMS": "99999", "goals-INITIAL_FORMS": "0", "version": "1"},
    {
        "actions-TOTAL_FORMS": "1",
        "actions-INITIAL_FORMS": "0",
        "actions-0-kind": "service",
        "actions-0-service": "not-a-uuid",
        "actions-0-goal": "'; DROP TABLE",
        "version": "1",
        "goals-TOTAL_FORMS": "0",
        "goals-INITIAL_FORMS": "0",
    },
    {
        "actions-TOTAL_FORMS": "1",
        "actions-INITIAL_FORMS": "1",
        "actions-0-id": "00000000-0000-0000-0000-000000000000",
        "actions-0-kind": "referral",
        "actions-0-receiver": "X",
        "actions-0-description": "d",
        "actions-0-responsible": "family",
        "actions-0-follow_up": "f",
        "version": "1",
        "goals-TOTAL_FORMS": "0",
        "goals-INITIAL_FORMS": "0",
    },
    {"child_age": "999", "gathered_how": "<script>", "version": "0", "text": "t"},
    {"start-reason": "x" * 10_000, "complete-reason": ["a", "b"], "reason": "r" * 9_000},
]


def test_hostile_input_never_gives_a_500(client, planning, filled):
    _assessment, plan = filled
    action = plan.actions.get()
    posts = [
        url("assessment_start", planning),
        url("assessment_cosign", planning),
        url("assessment_complete", planning),
        url("section_edit", planning, part="conclusion"),
        url("section_edit", planning, part="no-such-part"),
        url("child_view_edit", planning, child_id=planning.eetu.pk),
        url("child_view_edit", planning, child_id=planning.anna.pk),
        url("plan_edit", planning),
        url("plan_agree", planning),
        url("plan_not_needed", planning),
        url("plan_reply", planning),
        url("action_step", planning, action_id=action.pk, step="deliver"),
        url("action_step", planning, action_id=action.pk, step="explode"),
    ]
    client.force_login(planning.worker)
    for path in posts:
        for data in HOSTILE:
            response = client.post(path, data)
            assert response.status_code < 500, (path, data)
    for query in ("?a=1&b=999", "?a=x&b=", "?a=-5&b=1", "?service_q=" + "%00" * 5):
        for name in ("assessment_history", "plan_history", "plan_edit"):
            assert client.get(url(name, planning) + query).status_code < 500
    client.force_login(planning.parent)
    for data in HOSTILE:
        path = reverse("planning:my_plan_comment", kwargs={"plan_id": plan.pk})
        assert client.post(path, data).status_code < 500


def test_the_matter_page_shows_the_panel_as_the_scope_allows(client, planning, filled):
    matter_page = reverse("casework:matter", kwargs={"matter_id": planning.matter.pk})
    client.force_login(planning.worker)
    body = client.get(matter_page).content.decode()
    assert url("assessment", planning) in body and url("plan", planning) in body
    client.force_login(planning.ngo_worker)
    response = client.get(matter_page)
    assert response.status_code == 200
    body = response.content.decode()
    assert url("plan", planning) in body
    assert url("assessment", planning) not in body


def test_the_earlier_text_is_spoken_of_only_when_there_was_one(client, planning, filled):
    assessment, _plan = filled
    assert not assessment.sections.filter(kind=SectionKind.WORRIES).exists()
    client.force_login(planning.nurse)
    path = "/en" + url("section_edit", planning, part="worries")
    first = client.post(path, {"text": "Ensimmäinen teksti.", "version": 0}, follow=True)
    body = first.content.decode()
    assert "Saved." in body and "earlier text" not in body
    section = assessment.sections.get(kind=SectionKind.WORRIES)
    second = client.post(path, {"text": "Toinen teksti.", "version": section.version}, follow=True)
    assert "The earlier text is kept as a version." in second.content.decode()
