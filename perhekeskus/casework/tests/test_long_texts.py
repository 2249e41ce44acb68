"""Long texts of case work: counted, refused over the limit (never cut) by the
form, the service and the API alike."""

import pytest
from django.core.exceptions import ValidationError

from perhekeskus.casework import services
from perhekeskus.casework.models import MAX_SITUATION, Contact

pytestmark = pytest.mark.django_db


def test_the_service_refuses_a_too_long_situation_and_saves_nothing(case):
    with pytest.raises(ValidationError) as error:
        services.contact_submit(
            actor=None,
            municipality=case.municipality,
            situation="ä" * (MAX_SITUATION + 1),
            contact_way="phone",
            phone="0401234567",
        )
    assert "situation" in error.value.error_dict
    assert f"{MAX_SITUATION + 1} characters" in " ".join(error.value.messages)
    assert not Contact.objects.exists()
    # At the limit it is received, whole.
    contact = services.contact_submit(
        actor=None,
        municipality=case.municipality,
        situation="ä" * MAX_SITUATION,
        contact_way="phone",
        phone="0401234567",
    )
    assert len(contact.situation) == MAX_SITUATION


def test_the_api_answers_422_with_the_reason(case, client):
    response = client.post(
        "/api/v1/contacts",
        {
            "situation": "x" * (MAX_SITUATION + 1),
            "municipality": case.municipality.code,
            "contact_way": "phone",
            "phone": "0401234567",
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "situation"
    assert str(MAX_SITUATION + 1) in response.json()["detail"][0]["msg"]
    assert not Contact.objects.exists()


def test_the_form_counts_refuses_and_keeps_the_text(case, client):
    text = "y" * (MAX_SITUATION + 3)
    response = client.post(
        "/en/ask-for-help/",
        {
            "situation": text,
            "municipality": case.municipality.pk,
            "contact_way": "phone",
            "phone": "0401234567",
            "preferred_language": "fi",
        },
    )
    body = response.content.decode()
    assert f"Your text is {MAX_SITUATION + 3} characters long" in body
    assert text in body
    assert f"{MAX_SITUATION + 3} / {MAX_SITUATION} characters" in body
    assert "maxlength" not in body.split('name="situation"')[1].split(">")[0]
    assert not Contact.objects.exists()
