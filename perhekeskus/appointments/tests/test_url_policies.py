"""Every appointments URL has a policy; outsiders are refused on each, and logged."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.access.policies import CLIENT_DATA, OWN_DATA
from perhekeskus.web.access import policy_of

from .factories import book

pytestmark = pytest.mark.django_db

# The organisation's video service holds no personal data: managers keep it.
NOT_PERSONAL = {"appointments:video_service": "capability:supervise_casework"}


def walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            yield from walk(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern):
            yield route, namespace + (entry.name or ""), entry.callback


def routes():
    return [r for r in walk(get_resolver().url_patterns) if r[1].startswith("appointments:")]


def test_every_url_declares_the_right_policy():
    found = routes()
    assert len(found) == 12, found
    for route, name, callback in found:
        expected = NOT_PERSONAL.get(name)
        policy = policy_of(callback)
        if expected:
            assert policy == expected, (route, policy)
        else:
            assert policy in (CLIENT_DATA, OWN_DATA), (route, policy)


def paths(appointments, appointment, reminder_id):
    values = {
        "appointment_id": appointment.pk,
        "matter_id": appointments.matter.pk,
        "reminder_id": reminder_id,
    }
    return [
        (name, "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route))
        for route, name, _callback in routes()
    ]


def head():
    return AccessLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in_and_logged(appointments, client, method):
    a = book(appointments)
    for name, path in paths(appointments, a, a.pk):
        seq = head()
        response = getattr(client, method)(path)
        assert response.status_code in (302, 405), (path, response.status_code)
        if response.status_code == 302:
            assert "/login" in response["Location"], path
            if name not in NOT_PERSONAL:
                assert AccessLogEntry.objects.filter(seq__gt=seq, action="denied").count() == 1, (
                    path
                )
        assert b"Virtanen" not in response.content


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unrelated_professional_sees_nothing(appointments, client, method):
    a = book(appointments, mode="video")
    client.force_login(appointments.other_nurse)
    for name, path in paths(appointments, a, a.pk):
        response = getattr(client, method)(path)
        assert b"Virtanen" not in response.content, path
        assert a.video_url.encode() not in response.content
        if name in ("appointments:mine", "appointments:feed", "appointments:notice_seen"):
            continue  # one's own lists: empty for an outsider
        assert response.status_code in (403, 404, 405), (path, method, response.status_code)
    a.refresh_from_db()
    assert a.state == "booked"
