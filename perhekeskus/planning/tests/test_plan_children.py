"""Each child of the family has their own part in the plan: the child's goals,
the actions serving them and the child's own view from the assessment; a child
added later gets a part at once; the family sees it; versions keep it."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from perhekeskus.planning import services
from perhekeskus.planning.models import Goal

pytestmark = pytest.mark.django_db


def url(name, planning):
    with translation.override("en"):
        return reverse(f"planning:{name}", kwargs={"matter_id": planning.matter.pk})


def child_goal_post(planning, plan, child_value, text="Eetu saa leikkiä isän kanssa."):
    goal = plan.goals.get()
    action = plan.actions.get()
    return {
        "version": plan.version,
        "goals-TOTAL_FORMS": 2,
        "goals-INITIAL_FORMS": 1,
        "goals-0-id": goal.pk,
        "goals-0-text": goal.text,
        "goals-0-said_by": goal.said_by,
        "goals-1-text": text,
        "goals-1-child": child_value,
        "actions-TOTAL_FORMS": 1,
        "actions-INITIAL_FORMS": 1,
        "actions-0-id": action.pk,
        "actions-0-kind": "service",
        "actions-0-service": planning.service.pk,
        "actions-0-description": action.description,
        "actions-0-responsible": "family",
        "actions-0-follow_up": action.follow_up,
    }


def test_two_children_have_two_parts_with_goals_actions_and_their_own_view(
    client, planning, filled
):
    _assessment, plan = filled
    goal = plan.goals.get()
    action = plan.actions.get()
    plan = services.plan_save(
        actor=planning.worker,
        matter=planning.matter,
        expected_version=plan.version,
        goals=[
            {"id": goal.pk, "text": goal.text, "said_by": goal.said_by},
            {"text": "Eetu saa leikkiä isän kanssa.", "child": planning.eetu.pk},
        ],
    )
    plan = services.plan_save(
        actor=planning.worker,
        matter=planning.matter,
        expected_version=plan.version,
        actions=[
            {
                "id": action.pk,
                "kind": "service",
                "service": planning.service.pk,
                "description": action.description,
                "responsible": "family",
                "follow_up": action.follow_up,
                "goal": Goal.objects.get(child=planning.eetu).pk,
            }
        ],
    )
    client.force_login(planning.worker)
    response = client.get(url("plan", planning))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("<h1") == 1
    for child in (planning.aino, planning.eetu):
        assert f'id="plan-child-{child.pk}"' in body
        assert f"Add a goal for {child.first_names}" in body
        assert f"?child={child.pk}" in body
    eetu_part = body.split(f'id="plan-child-{planning.eetu.pk}"')[1].split("</section>")[0]
    assert "Eetu saa leikkiä isän kanssa." in eetu_part
    # The action serving the child's goal is shown under it, and the child's own view quoted.
    assert f'href="#action-{action.pk}"' in eetu_part
    assert "Tykkään kun isi leikkii." in eetu_part
    # Names, never ids, in what is shown.
    assert str(planning.eetu.pk) not in re.sub(r"<[^>]+>", "", eetu_part.split(">", 1)[1])


def test_the_add_a_goal_link_opens_a_goal_for_the_child(client, planning, filled):
    client.force_login(planning.worker)
    response = client.get(url("plan_edit", planning) + f"?child={planning.aino.pk}")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<option value="{planning.aino.pk}" selected>{planning.aino.first_names}' in body
    # A plan-only team member writes nothing and gets no such button.
    client.force_login(planning.ngo_worker)
    assert "?child=" not in client.get(url("plan", planning)).content.decode()


def test_a_child_added_later_gets_a_part(client, planning, filled):
    family = planning.virtanen
    family.refresh_from_db()
    client.force_login(planning.worker)
    response = client.post(
        f"/en/families/{family.pk}/members/newborn/",
        {
            "version": family.version,
            "first_names": "Pikku",
            "last_name": "Virtanen",
            "date_of_birth": (timezone.localdate() - datetime.timedelta(days=2)).strftime(
                "%d.%m.%Y"
            ),
            "guardians": [str(planning.anna.pk)],
            "basis": "parenthood",
        },
    )
    assert response.status_code == 302
    body = client.get(url("plan", planning)).content.decode()
    assert "Add a goal for Pikku" in body
    assert "Pikku&#x27;s part" in body or "Pikku's part" in body


def test_a_goal_for_a_child_is_saved_with_the_child_and_kept_in_the_version(
    client, planning, filled
):
    _assessment, plan = filled
    client.force_login(planning.worker)
    response = client.post(
        url("plan_edit", planning), child_goal_post(planning, plan, planning.eetu.pk)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    goal = Goal.objects.get(text="Eetu saa leikkiä isän kanssa.")
    assert goal.child == planning.eetu
    plan.refresh_from_db()
    snapshot = plan.versions.get(number=plan.version).snapshot
    saved = next(g for g in snapshot["goals"] if g["id"] == str(goal.pk))
    assert saved["child"] == str(planning.eetu.pk)
    assert saved["child_name"] == planning.eetu.first_names
    history = client.get(url("plan_history", planning)).content.decode()
    assert planning.eetu.first_names in history


def test_a_goal_for_someone_not_a_child_of_the_family_is_refused(client, planning, filled):
    _assessment, plan = filled
    client.force_login(planning.worker)
    response = client.post(
        url("plan_edit", planning), child_goal_post(planning, plan, planning.anna.pk)
    )
    assert response.status_code == 400
    assert "Choose a child of this family." in response.content.decode()
    assert not Goal.objects.filter(text="Eetu saa leikkiä isän kanssa.").exists()
    with pytest.raises(ValidationError):
        services.plan_save(
            actor=planning.worker,
            matter=planning.matter,
            expected_version=plan.version,
            goals=[{"text": "Äiti lepää.", "child": planning.anna.pk}],
        )
    assert not Goal.objects.filter(text="Äiti lepää.").exists()


def test_the_family_sees_the_childs_part(client, planning, filled):
    _assessment, plan = filled
    services.plan_save(
        actor=planning.worker,
        matter=planning.matter,
        expected_version=plan.version,
        goals=[
            {"text": "Aino saa olla kavereiden kanssa.", "child": planning.aino.pk},
        ],
    )
    client.force_login(planning.parent)
    with translation.override("en"):
        my_plan = reverse("planning:my_plan")
    body = client.get(my_plan).content.decode()
    assert "Aino saa olla kavereiden kanssa." in body
    assert f"What {planning.aino.first_names} wants to change" in body
    assert body.count("<h1") == 1
    # The child's own view in the assessment stays with the professionals.
    assert "Tykkään kun isi leikkii." not in body
