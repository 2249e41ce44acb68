"""Bad input: clear messages, typed values kept, nothing written, never a 500."""

import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from perhekeskus.catalogue.tests.factories import LocationFactory
from perhekeskus.cataloguedit.models import ServiceChange, ServiceVersion

from .helpers import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def edit(client, world):
    client.force_login(world.provider)
    with translation.override("en"):
        response = client.post(reverse("cataloguedit:start_edit", args=[world.service.pk]))
    change = ServiceChange.objects.get(service_key=world.service.pk)
    data = form_data(client.get(response.url).content.decode())
    return response.url, change, data


def post_bad(client, url, change, data, *expected):
    before = ServiceVersion.objects.filter(change=change).count()
    snapshot = change.snapshot
    response = client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    for text in expected:
        assert text in page, text
    change.refresh_from_db()
    assert change.snapshot == snapshot
    assert ServiceVersion.objects.filter(change=change).count() == before
    return page


def test_closing_before_opening(client, edit):
    url, change, data = edit
    data.update({"hours-0-opens": "15:00", "hours-0-closes": "09:00", "service-name_sv": "Behålls"})
    page = post_bad(client, url, change, data, "The closing time must be after the opening time.")
    assert 'value="Behålls"' in page  # what the user typed is kept


def test_coordinates_outside_finland(client, edit):
    url, change, data = edit
    data.update({"loc-0-latitude": "48.85", "loc-0-longitude": "2.35"})
    post_bad(
        client,
        url,
        change,
        data,
        "The latitude is outside Finland (59.0–70.5).",
        "The longitude is outside Finland (19.0–32.0).",
        'value="48.85"',
    )


def test_too_long_text_and_bad_time(client, edit):
    url, change, data = edit
    data.update({"service-name_fi": "x" * 201, "hours-0-opens": "25:99"})
    post_bad(client, url, change, data, "at most 200 characters", "Enter a valid time.")


def test_unknown_ids(client, edit, world):
    url, change, data = edit
    data.update(
        {
            "chan-0-location": str(uuid.uuid4()),
            "hours-0-channel": str(uuid.uuid4()),
            "loc-0-municipality": "000x",
            "service-areas": "nope",
        }
    )
    post_bad(client, url, change, data, "Select a valid choice.")


def test_forged_keys_of_other_records(client, edit, world):
    url, change, data = edit
    other_location = LocationFactory(organization=world.other_org)
    data["loc-0-key"] = str(other_location.pk)
    post_bad(client, url, change, data, "not part of the service")
    _url, _change, data = edit
    data["chan-0-location"] = str(other_location.pk)
    post_bad(client, url, change, data, "Select a valid choice.")


def test_in_person_channel_without_location_and_phone_without_number(client, edit):
    url, change, data = edit
    data.update({"chan-0-location": "", "chan-1-phone": ""})
    post_bad(
        client,
        url,
        change,
        data,
        "A channel for visits in person needs a location.",
        "A phone channel needs a phone number.",
    )


def test_removing_a_channel_that_has_hours(client, edit):
    url, change, data = edit
    data["chan-0-DELETE"] = "on"
    post_bad(client, url, change, data, "Opening hours refer to a channel you removed.")


def test_missing_management_form_is_not_a_server_error(client, edit):
    url, change, data = edit
    response = client.post(url, {"service-name_fi": "x"})
    assert response.status_code == 400


def test_editing_while_in_review_is_refused(client, edit, world):
    url, change, data = edit
    data["submit"] = ""
    assert client.post(url, data).status_code == 302
    change.refresh_from_db()
    assert change.state == ServiceChange.State.IN_REVIEW
    data.pop("submit")
    data["service-name_fi"] = "Muutettu arvioinnin aikana"
    assert client.post(url, data).status_code == 302
    change.refresh_from_db()
    assert change.snapshot["service"]["name_fi"] == "Perhekahvila Arki"
