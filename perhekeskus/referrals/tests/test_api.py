"""``/api/v1/referrals``: the receiver's side over the API."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.accounts.services import api_token_create
from perhekeskus.referrals import services
from perhekeskus.referrals.models import Kind, Section, State, TeamRole

from .factories import draft


@pytest.fixture
def w(referral_world):
    return referral_world


def auth(user):
    return {
        "HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, name='t', days=1).secret}",
    }


@pytest.fixture
def mobile(w):
    referral = draft(
        actor=w.social_worker,
        matter=w.lindqvist_matter,
        receiver_unit=w.student_welfare,
        persons=[w.oskar],
        kind=Kind.MOBILE_TEAM,
        visit_person=w.oskar,
        team_composition=[TeamRole.SCHOOL_SOCIAL_WORKER, TeamRole.TEACHER],
        sections=[Section.SUMMARY],
        summary="Poissaoloja kaksi viikkoa.",
    )
    services.referral_send(actor=w.social_worker, referral=referral)
    return referral


def test_the_receiver_lists_reads_and_answers_over_the_api(client, w, mobile):
    headers = auth(w.school_social_worker)
    listing = client.get("/api/v1/referrals/waiting", **headers).json()
    assert [row["id"] for row in listing] == [str(mobile.pk)]
    assert listing[0]["persons"] == ["Oskar Lindqvist"]
    body = client.get(f"/api/v1/referrals/received/{mobile.pk}", **headers).json()
    assert [(s["code"], s["body"]) for s in body["sections"]] == [
        ("summary", "Poissaoloja kaksi viikkoa.")
    ]
    assert body["visit_address"]["address_withheld"] is True
    assert body["visit_address"]["street_address"] == ""
    assert body["persons"][0]["contact"] is None  # basic details not shared
    answer = client.post(
        f"/api/v1/referrals/received/{mobile.pk}/accept",
        data={"note": "Lähdemme torstaina."},
        content_type="application/json",
        **headers,
    )
    assert answer.status_code == 200 and answer.json()["state"] == State.ACCEPTED


def test_refusals_answer_4xx_with_the_reason(client, w, mobile):
    headers = auth(w.school_social_worker)
    url = f"/api/v1/referrals/received/{mobile.pk}"
    done = client.post(
        f"{url}/done", data={"summary": "x"}, content_type="application/json", **headers
    )
    assert done.status_code == 409
    # The API answers in the site's default language.
    with translation.override("fi"):
        expected = gettext(
            "Only an accepted referral can be marked done; this one is %(state)s."
        ) % {"state": State.SENT.label.lower()}
    assert done.json()["detail"] == expected
    empty = client.post(
        f"{url}/decline", data={"reason": " "}, content_type="application/json", **headers
    )
    assert empty.status_code == 400
    broken = client.post(f"{url}/decline", data="{", content_type="application/json", **headers)
    assert broken.status_code in (400, 422)
    for bad in ("not-a-uuid", "'; DROP TABLE x; --"):
        assert client.get(f"/api/v1/referrals/received/{bad}", **headers).status_code == 404


def test_outsiders_get_404_and_their_refusal_is_logged(client, w, mobile):
    seq = AccessLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    response = client.get(f"/api/v1/referrals/received/{mobile.pk}", **auth(w.ngo_worker))
    assert response.status_code == 404
    assert AccessLogEntry.objects.filter(seq__gt=seq, action="denied").count() == 1
    assert client.get("/api/v1/referrals/waiting", **auth(w.ngo_worker)).json() == []
    assert client.get("/api/v1/referrals/waiting").status_code == 401


def test_a_too_long_text_is_answered_422_with_the_reason_and_nothing_changes(client, w, mobile):
    from perhekeskus.referrals.services import REASON_MAX_LENGTH

    headers = auth(w.school_social_worker)
    url = f"/api/v1/referrals/received/{mobile.pk}"
    for step, field in (("decline", "reason"), ("accept", "note")):
        response = client.post(
            f"{url}/{step}",
            data={field: "x" * (REASON_MAX_LENGTH + 1)},
            content_type="application/json",
            **headers,
        )
        assert response.status_code == 422, step
        assert response.json()["detail"][0]["loc"][-1] == field
        assert str(REASON_MAX_LENGTH + 1) in response.json()["detail"][0]["msg"]
    mobile.refresh_from_db()
    assert mobile.state == State.SENT
