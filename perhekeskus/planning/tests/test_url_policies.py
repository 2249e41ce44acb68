"""Every planning URL has a personal-data policy; outsiders are refused, and logged."""

import re

import pytest
from django.urls import get_resolver

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.access.policies import CLIENT_DATA, OWN_DATA
from perhekeskus.families.tests.test_url_policies import walk
from perhekeskus.planning import services
from perhekeskus.web.access import policy_of

pytestmark = pytest.mark.django_db


def planning_routes():
    return [
        (route, name, callback)
        for route, name, callback in walk(get_resolver().url_patterns)
        if name.startswith("planning:")
    ]


def test_every_planning_url_declares_a_personal_data_policy():
    routes = planning_routes()
    assert len(routes) >= 16
    for route, name, callback in routes:
        expected = OWN_DATA if name.startswith("planning:my_plan") else CLIENT_DATA
        assert policy_of(callback) == expected, (route, name)


@pytest.fixture
def paths(planning):
    plan = services.plan_save(
        actor=planning.worker,
        matter=planning.matter,
        expected_version=0,
        goals=[{"text": "Tavoite"}],
        actions=[
            {
                "kind": "referral",
                "receiver": "Perheneuvola",
                "description": "Lähete",
                "responsible": "family",
                "follow_up": "Seuranta",
            }
        ],
    )
    values = {
        "matter_id": planning.matter.pk,
        "part": "conclusion",
        "child_id": planning.eetu.pk,
        "action_id": plan.actions.get().pk,
        "step": "deliver",
        "plan_id": plan.pk,
    }
    out = {}
    for route, name, _callback in planning_routes():
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)
        out[name] = "/" + path.replace("^", "").replace("$", "").replace("\\Z", "")
    return out


def head():
    return AccessLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def denials_after(seq):
    return AccessLogEntry.objects.filter(seq__gt=seq, action="denied", allowed=False)


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in(client, paths, method):
    for name, path in paths.items():
        seq = head()
        response = getattr(client, method)(path)
        assert response.status_code in (302, 405), (name, response.status_code)
        if response.status_code == 302:
            assert "/login" in response["Location"]
            assert denials_after(seq).count() == 1, name


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unrelated_professional_is_refused_everywhere(client, planning, paths, method):
    client.force_login(planning.stranger)
    for name, path in paths.items():
        seq = head()
        response = getattr(client, method)(path)
        assert response.status_code in (404, 405), (name, response.status_code)
        assert b"Virtanen" not in response.content
        if response.status_code == 404:
            assert denials_after(seq).count() >= 1, name


def test_a_citizen_is_refused_on_professionals_pages(client, planning, paths):
    client.force_login(planning.parent)
    for name, path in paths.items():
        if name.startswith("planning:my_plan"):
            continue
        seq = head()
        response = client.get(path)
        assert response.status_code in (404, 405), name
        if response.status_code == 404:
            assert denials_after(seq).count() == 1, name


def test_a_professional_is_refused_on_the_familys_page(client, planning, paths):
    client.force_login(planning.worker)
    assert client.get(paths["planning:my_plan"]).status_code == 404
    assert client.post(paths["planning:my_plan_comment"], {"text": "x"}).status_code == 404
