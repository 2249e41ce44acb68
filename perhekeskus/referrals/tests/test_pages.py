"""The referral pages: forms, one <h1> in every language, policies, hostile input."""

import re
import uuid

import pytest

from perhekeskus.access.policies import CLIENT_DATA
from perhekeskus.referrals import services
from perhekeskus.referrals.models import Referral, Section, State
from perhekeskus.web.access import policy_of
from perhekeskus.web.tests.test_access import all_views

from .factories import draft


@pytest.fixture
def w(referral_world):
    return referral_world


@pytest.fixture
def sent(w):
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.other_unit,
        persons=[w.oskar],
        sections=[Section.SUMMARY],
        summary="Yhteenveto vastaanottajalle.",
    )
    services.referral_send(actor=w.social_worker, referral=referral)
    return referral


def form_data(w, **overrides):
    data = {
        "kind": "consultation",
        "sender_unit": str(w.social_work.pk),
        "receiver_unit": str(w.ot_unit.pk),
        "persons": [str(w.oskar.pk)],
        "question": "Miten tukisimme Oskaria?",
        "sections": ["summary"],
        "summary": "Oskar on 7-vuotias.",
        "statutory_ground": "",
        "visit_person": "",
        "team_composition": [],
    }
    data.update(overrides)
    return data


def new_url(w):
    return f"/en/casework/matters/{w.lindqvist_matter.pk}/referrals/new/"


def test_every_referrals_url_has_the_client_data_policy():
    routes = [
        (route, name, cb)
        for route, name, cb in all_views()
        if (name or "").startswith("referrals:")
    ]
    assert len(routes) == 10
    assert all(policy_of(cb) == CLIENT_DATA for _route, _name, cb in routes), routes


def test_a_consultation_is_created_from_the_form_and_sent(client, w):
    client.force_login(w.social_worker)
    response = client.post(new_url(w), form_data(w))
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/referrals/{referral.pk}/")
    assert referral.kind == "consultation" and referral.sections == ["summary"]
    response = client.post(
        f"/en/casework/matters/{w.lindqvist_matter.pk}/referrals/{referral.pk}/send/"
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    # The OT-centre is another organisation and Oskar has no consent: refused.
    assert referral.state == State.DRAFT
    page = client.get(response["Location"]).content.decode()
    assert "Not sent: Oskar Lindqvist" in page


def test_a_form_with_errors_keeps_what_was_typed(client, w):
    client.force_login(w.social_worker)
    response = client.post(new_url(w), form_data(w, kind="mobile_team", question="Käynti kotiin"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Käynti kotiin" in body
    assert "Choose whose home the team visits" in body
    assert not Referral.objects.exists()


@pytest.mark.parametrize(
    "hostile",
    [
        {"kind": "<script>alert(1)</script>"},
        {"persons": ["not-a-uuid", str(uuid.uuid4())]},
        {"receiver_unit": "' OR 1=1 --"},
        {"sender_unit": str(uuid.uuid4())},
        {"sections": ["plan", "../../etc/passwd"]},
        {"question": "x" * 20000},
        {"summary": "\x00"},
        {"team_composition": ["pilot"], "kind": "mobile_team", "visit_person": "zzz"},
        {"statutory_ground": "lsl-41; DROP TABLE"},
        {"version": "NaN"},
    ],
)
def test_hostile_input_is_a_clear_form_error_never_a_500(client, w, hostile):
    client.force_login(w.social_worker)
    response = client.post(new_url(w), form_data(w, **hostile))
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert 'class="errorlist' in response.content.decode()


def test_hostile_answers_of_the_receiver_never_500(client, w, sent):
    client.force_login(w.stranger)
    base = f"/en/referrals/received/{sent.pk}"
    assert client.post(f"{base}/decline/", {"decline-reason": ""}).status_code == 400
    assert client.post(f"{base}/done/", {"done-summary": "x"}).status_code == 400  # not accepted
    assert client.post(f"{base}/accept/", {"accept-note": "y" * 9000}).status_code == 400
    assert client.post(f"/en/referrals/received/{uuid.uuid4()}/accept/").status_code == 404
    assert client.get("/en/referrals/received/not-a-uuid/").status_code == 404
    sent.refresh_from_db()
    assert sent.state == State.SENT
    response = client.post(f"{base}/accept/", {"accept-note": "Otetaan."})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.state == State.ACCEPTED


def test_accepting_a_withdrawn_request_on_the_page_shows_the_reason(client, w, sent):
    services.referral_withdraw(actor=w.social_worker, referral=sent, reason="Perhe muutti.")
    client.force_login(w.stranger)
    response = client.post(f"/en/referrals/received/{sent.pk}/accept/", {"accept-note": ""})
    assert response.status_code == 400
    assert "this one is withdrawn" in response.content.decode()


def test_withdrawing_on_the_page_needs_a_reason(client, w, sent):
    client.force_login(w.social_worker)
    url = f"/en/casework/matters/{w.lindqvist_matter.pk}/referrals/{sent.pk}/withdraw/"
    assert client.post(url, {"withdraw-reason": ""}).status_code == 400
    assert client.post(url, {"withdraw-reason": "Ei enää tarvita."}).status_code == 302
    sent.refresh_from_db()
    assert sent.state == State.WITHDRAWN


def test_a_stale_edit_on_the_page_shows_the_other_version(client, w):
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.other_unit,
        persons=[w.oskar],
    )
    services.referral_update(
        actor=w.social_worker,
        referral=referral,
        version=referral.version,
        question="Muiden muutos",
    )
    client.force_login(w.social_worker)
    url = f"/en/casework/matters/{w.lindqvist_matter.pk}/referrals/{referral.pk}/edit/"
    response = client.post(
        url, form_data(w, receiver_unit=str(w.other_unit.pk), question="Minun muutos", version=1)
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Someone else changed this referral meanwhile" in body
    assert "Muiden muutos" in body and "Minun muutos" in body


def test_outsiders_are_refused_on_the_sender_pages(client, w, sent):
    pages = [
        new_url(w),
        f"/en/casework/matters/{w.lindqvist_matter.pk}/referrals/{sent.pk}/",
        f"/en/casework/matters/{w.lindqvist_matter.pk}/referrals/{sent.pk}/edit/",
    ]
    for user in (w.nurse, w.ngo_worker, w.parent):
        client.force_login(user)
        for url in pages:
            response = client.get(url)
            assert response.status_code == 404, (user, url)
            assert (
                b"Oskar Lindqvist" not in response.content
            )  # a made-up user name in the header may be any surname
    client.logout()
    assert "/login" in client.get(pages[0])["Location"]


def pages_of(w, sent):
    matter = w.lindqvist_matter.pk
    return [
        (w.social_worker, f"casework/matters/{matter}/referrals/new/"),
        (w.social_worker, f"casework/matters/{matter}/referrals/{sent.pk}/"),
        (w.stranger, "referrals/inbox/"),
        (w.stranger, f"referrals/received/{sent.pk}/"),
    ]


@pytest.mark.parametrize("prefix", ["", "sv/", "en/"])
def test_every_page_has_one_h1_in_every_language(client, w, sent, prefix):
    editable = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.other_unit,
        persons=[w.oskar],
    )
    urls = pages_of(w, sent) + [
        (w.social_worker, f"casework/matters/{w.lindqvist_matter.pk}/referrals/{editable.pk}/edit/")
    ]
    for user, path in urls:
        client.force_login(user)
        response = client.get(f"/{prefix}{path}")
        assert response.status_code == 200, path
        assert len(re.findall(rb"<h1[ >]", response.content)) == 1, path


def test_the_waiting_list_costs_the_same_queries_whatever_its_size(w):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from perhekeskus.access import actor_for
    from perhekeskus.referrals.selectors import referrals_waiting_for

    def shown_and_queries():
        w.stranger.__dict__.pop("_access_actor", None)
        with CaptureQueriesContext(connection) as queries:
            shown = [
                (
                    [p.full_name for p in row.persons.all()],
                    row.sender_unit.name,
                    row.receiver_unit.name,
                    row.matter.family_id,
                )
                for row in referrals_waiting_for(actor_for(w.stranger))
            ]
        return len(shown), len(queries)

    def send_one():
        referral = draft(
            actor=w.social_worker,
            matter=w.lindqvist_matter,
            receiver_unit=w.other_unit,
            persons=[w.oskar, w.maria],
        )
        services.referral_send(actor=w.social_worker, referral=referral)

    send_one()
    small = shown_and_queries()
    for _ in range(5):
        send_one()
    large = shown_and_queries()
    assert (small[0], large[0]) == (1, 6)
    assert small[1] == large[1]
