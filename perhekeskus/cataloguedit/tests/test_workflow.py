"""Permissions, the state machine, versions, publishing and conflicts."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from perhekeskus.catalogue import search
from perhekeskus.catalogue.models import Service
from perhekeskus.catalogue.query import ServiceQuery
from perhekeskus.catalogue.selectors import search_services
from perhekeskus.cataloguedit import services
from perhekeskus.cataloguedit.models import ServiceChange, ServiceVersion
from perhekeskus.cataloguedit.snapshot import serialise
from perhekeskus.core.errors import ConflictError, TransitionError

from .helpers import form_data

pytestmark = pytest.mark.django_db


def edit_page(client, world, service=None):
    client.force_login(world.provider)
    response = client.post(reverse("cataloguedit:start_edit", args=[(service or world.service).pk]))
    assert response.status_code == 302
    change = ServiceChange.objects.get(service_key=(service or world.service).pk)
    return change, client.get(response.url)


# --- Permissions ------------------------------------------------------------


def test_anonymous_is_sent_to_sign_in(client, world):
    for url in (
        reverse("cataloguedit:our_services"),
        reverse("cataloguedit:worklist"),
        reverse("cataloguedit:history", args=[world.service.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response.url


def test_provider_sees_only_own_services(client, world):
    client.force_login(world.provider)
    page = client.get(reverse("cataloguedit:our_services")).content.decode()
    assert "Perhekahvila Arki" in page
    assert "Seurakunnan perhekerho" not in page


def test_forged_ids_give_404(client, world):
    client.force_login(world.provider)
    assert (
        client.post(reverse("cataloguedit:start_edit", args=[world.other_service.pk])).status_code
        == 404
    )
    other = services.start_change(user=world.editor, service=world.other_service)
    assert client.get(reverse("cataloguedit:edit", args=[other.pk])).status_code == 404
    assert client.post(reverse("cataloguedit:submit", args=[other.pk])).status_code == 404
    assert (
        client.get(reverse("cataloguedit:history", args=[world.other_service.pk])).status_code
        == 404
    )
    response = client.post(
        reverse("cataloguedit:start_new"), {"organization": str(world.other_org.pk)}
    )
    assert response.status_code == 404
    assert (
        client.post(reverse("cataloguedit:start_new"), {"organization": "nonsense"}).status_code
        == 404
    )


def test_only_editors_review(client, world):
    change = services.start_change(user=world.provider, service=world.service)
    services.submit(user=world.provider, change=change)
    for user in (world.provider, world.nurse):
        client.force_login(user)
        assert client.get(reverse("cataloguedit:worklist")).status_code == 403
        assert client.get(reverse("cataloguedit:review", args=[change.pk])).status_code == 403
        assert client.post(reverse("cataloguedit:approve", args=[change.pk])).status_code == 403
    change.refresh_from_db()
    assert change.state == ServiceChange.State.IN_REVIEW
    client.force_login(world.nurse)
    assert client.get(reverse("cataloguedit:our_services")).status_code == 403


# --- State machine ------------------------------------------------------------


def test_every_transition_and_refusal(world):
    change = services.start_change(user=world.provider, service=world.service)
    assert change.state == ServiceChange.State.DRAFT
    assert services.start_change(user=world.provider, service=world.service) == change

    with pytest.raises(TransitionError):
        services.approve(editor=world.editor, change=change)
    with pytest.raises(TransitionError):
        services.reject(editor=world.editor, change=change, reason="x")

    services.submit(user=world.provider, change=change)
    change.refresh_from_db()
    assert change.state == ServiceChange.State.IN_REVIEW
    with pytest.raises(TransitionError):
        services.submit(user=world.provider, change=change)
    with pytest.raises(TransitionError):
        services.save_draft(user=world.provider, change=change, content=change.snapshot)
    with pytest.raises(ValidationError):
        services.reject(editor=world.editor, change=change, reason="  ")

    services.reject(editor=world.editor, change=change, reason="Lisää ruotsinkielinen nimi.")
    change.refresh_from_db()
    assert change.state == ServiceChange.State.DRAFT
    assert change.rejection_reason == "Lisää ruotsinkielinen nimi."

    services.submit(user=world.provider, change=change)
    services.approve(editor=world.editor, change=change)
    change.refresh_from_db()
    assert change.state == ServiceChange.State.PUBLISHED
    with pytest.raises(TransitionError):
        services.submit(user=world.provider, change=change)
    with pytest.raises(TransitionError):
        services.approve(editor=world.editor, change=change)
    assert [v.kind for v in ServiceVersion.objects.filter(change=change)] == [
        "live",
        "submitted",
        "rejected",
        "submitted",
        "published",
    ]


def test_a_draft_without_a_name_cannot_be_submitted(world):
    change = services.start_new_service(user=world.provider, organization=world.org)
    with pytest.raises(ValidationError):
        services.submit(user=world.provider, change=change)


def test_rejection_reason_is_shown_to_the_provider(client, world):
    change = services.start_change(user=world.provider, service=world.service)
    services.submit(user=world.provider, change=change)
    client.force_login(world.editor)
    response = client.post(reverse("cataloguedit:reject", args=[change.pk]), {"reason": ""})
    assert response.status_code == 400
    response = client.post(
        reverse("cataloguedit:reject", args=[change.pk]), {"reason": "Aukioloajat puuttuvat."}
    )
    assert response.status_code == 302
    client.force_login(world.provider)
    page = client.get(reverse("cataloguedit:edit", args=[change.pk])).content.decode()
    assert "Aukioloajat puuttuvat." in page


# --- Versions are append-only ------------------------------------------------


def test_versions_cannot_be_changed_or_deleted(world):
    change = services.start_change(user=world.provider, service=world.service)
    version = ServiceVersion.objects.get(change=change)
    with pytest.raises(TypeError):
        version.save()
    with pytest.raises(TypeError):
        version.delete()
    with pytest.raises(TypeError):
        ServiceVersion.objects.filter(pk=version.pk).update(note="x")
    with pytest.raises(TypeError):
        ServiceVersion.objects.all().delete()


# --- Editing through the page, publishing, search -----------------------------


def test_edit_submit_approve_publishes_everything_and_reindexes(client, world):
    search.index_services()
    change, page = edit_page(client, world)
    data = form_data(page.content.decode())
    data.update(
        {
            "service-name_sv": "Familjecafé Arki",
            "service-description_fi": "Tervetuloa kahville: sateenvarjoleikki joka tiistai.",
            "hours-0-opens": "10:00",
            "hours-0-closes": "14:00",
            "hours-1-channel": data["hours-0-channel"],
            "hours-1-weekday": "2",
            "hours-1-opens": "17:00",
            "hours-1-closes": "19:00",
            "exc-0-channel": data["hours-0-channel"],
            "exc-0-date": "2026-12-24",
            "exc-0-closed": "on",
            "exc-0-note_fi": "Jouluaatto",
            "chan-2-kind": "web",
            "chan-2-url": "https://arki.example.fi/",
            "loc-0-name_sv": "Arki-huset",
            "submit": "",
        }
    )
    response = client.post(reverse("cataloguedit:edit", args=[change.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    change.refresh_from_db()
    assert change.state == ServiceChange.State.IN_REVIEW

    # Nothing is live before approval.
    world.service.refresh_from_db()
    assert world.service.name_sv != "Familjecafé Arki"
    version_before = world.service.version

    client.force_login(world.editor)
    review = client.get(reverse("cataloguedit:review", args=[change.pk])).content.decode()
    assert "Familjecafé Arki" in review
    assert "17:00" in review
    response = client.post(reverse("cataloguedit:approve", args=[change.pk]))
    assert response.status_code == 302

    service = Service.objects.get(pk=world.service.pk)
    assert service.name_sv == "Familjecafé Arki"
    assert service.version == version_before + 1
    assert service.last_reviewed_at and (timezone.now() - service.last_reviewed_at).seconds < 60
    channels = {c.kind: c for c in service.channels.all()}
    assert channels["web"].url == "https://arki.example.fi/"
    hours = sorted(
        (h.weekday, h.opens.hour, h.closes.hour) for h in channels["in_person"].hours.all()
    )
    assert hours == [(0, 10, 14), (2, 17, 19)]
    exception = channels["in_person"].exceptions.get()
    assert exception.closed and exception.note_fi == "Jouluaatto"
    assert channels["in_person"].location.name_sv == "Arki-huset"

    found = search_services(ServiceQuery(text="sateenvarjoleikki"))
    assert [hit.service.pk for hit in found.items] == [service.pk]


def test_provider_creates_a_new_service(client, world):
    client.force_login(world.provider)
    response = client.post(reverse("cataloguedit:start_new"), {"organization": str(world.org.pk)})
    assert response.status_code == 302
    change = ServiceChange.objects.get(is_new=True)
    data = form_data(client.get(response.url).content.decode())
    data.update(
        {
            "service-name_fi": "Vauvaryhmä",
            "service-summary_fi": "Vertaistukea vauvaperheille.",
            "chan-0-kind": "phone",
            "chan-0-phone": "+358 40 7654321",
        }
    )
    assert client.post(response.url, data).status_code == 302
    services.submit(user=world.provider, change=change)
    service = services.approve(editor=world.editor, change=ServiceChange.objects.get(pk=change.pk))
    assert service.pk == change.service_key
    assert service.organization == world.org
    assert service.version == 1
    assert service.channels.get().phone == "+358 40 7654321"


def test_optimistic_conflict_refuses_and_shows_the_difference(client, world):
    change = services.start_change(user=world.provider, service=world.service)
    content = change.snapshot
    content["service"]["summary_fi"] = "Palveluntuottajan uusi kuvaus."
    services.save_draft(user=world.provider, change=change, content=content)
    services.submit(user=world.provider, change=change)
    # An import changes the live record in the meantime (without bumping the version).
    Service.objects.filter(pk=world.service.pk).update(summary_fi="Tuonnin muuttama kuvaus.")

    client.force_login(world.editor)
    response = client.post(reverse("cataloguedit:approve", args=[change.pk]))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Tuonnin muuttama kuvaus." in page
    world.service.refresh_from_db()
    assert world.service.summary_fi == "Tuonnin muuttama kuvaus."
    change.refresh_from_db()
    assert change.state == ServiceChange.State.IN_REVIEW

    # Returned, the provider sees the difference, keeps their text, and it publishes.
    services.reject(editor=world.editor, change=change, reason="Tarkista muutokset.")
    client.force_login(world.provider)
    assert (
        "Tuonnin muuttama kuvaus."
        in client.get(reverse("cataloguedit:edit", args=[change.pk])).content.decode()
    )
    assert client.post(reverse("cataloguedit:rebase", args=[change.pk])).status_code == 302
    change.refresh_from_db()
    services.submit(user=world.provider, change=change)
    services.approve(editor=world.editor, change=change)
    world.service.refresh_from_db()
    assert world.service.summary_fi == "Palveluntuottajan uusi kuvaus."


def test_version_bump_alone_is_a_conflict(world):
    change = services.start_change(user=world.provider, service=world.service)
    services.submit(user=world.provider, change=change)
    Service.objects.filter(pk=world.service.pk).update(version=world.service.version + 1)
    with pytest.raises(ConflictError):
        services.approve(editor=world.editor, change=change)


def test_publishing_is_all_or_nothing(world):
    change = services.start_change(user=world.provider, service=world.service)
    content = change.snapshot
    content["service"]["name_fi"] = "Uusi nimi"
    content["service"]["areas"] = ["999"]  # no such municipality
    services.save_draft(user=world.provider, change=change, content=content)
    services.submit(user=world.provider, change=change)
    with pytest.raises(ValidationError):
        services.approve(editor=world.editor, change=change)
    world.service.refresh_from_db()
    assert world.service.name_fi == "Perhekahvila Arki"
    change.refresh_from_db()
    assert change.state == ServiceChange.State.IN_REVIEW


def test_history_and_compare(client, world):
    change = services.start_change(user=world.provider, service=world.service)
    content = change.snapshot
    content["service"]["name_en"] = "Arki Family Café"
    services.save_draft(user=world.provider, change=change, content=content)
    first, second = ServiceVersion.objects.filter(service_key=world.service.pk)
    assert serialise(world.service) == first.snapshot
    client.force_login(world.provider)
    with translation.override("en"):
        url = reverse("cataloguedit:history", args=[world.service.pk])
    page = client.get(url, {"a": first.pk, "b": second.pk}).content.decode()
    assert "Arki Family Café" in page
    assert "Name (English)" in page
    assert client.get(url, {"a": "x", "b": "1"}).status_code == 400
    assert client.get(url, {"a": 999999, "b": first.pk}).status_code == 400
    client.force_login(world.editor)
    assert client.get(url).status_code == 200


def test_approving_through_the_page_a_draft_changes_nothing(client, world):
    change = services.start_change(user=world.provider, service=world.service)
    client.force_login(world.editor)
    response = client.post(reverse("cataloguedit:approve", args=[change.pk]), follow=True)
    assert response.status_code == 200
    change.refresh_from_db()
    assert change.state == ServiceChange.State.DRAFT
    assert not ServiceVersion.objects.filter(change=change, kind="published").exists()
    assert client.post(reverse("cataloguedit:approve", args=[uuid.uuid4()])).status_code == 404


def test_review_page_of_a_new_service_lists_every_field(client, world):
    change = services.start_new_service(user=world.provider, organization=world.org)
    content = change.snapshot
    content["service"].update(name_fi="Vauvaryhmä", summary_fi="Vertaistukea.")
    services.save_draft(user=world.provider, change=change, content=content)
    services.submit(user=world.provider, change=change)
    client.force_login(world.editor)
    worklist = client.get(reverse("cataloguedit:worklist")).content.decode()
    assert "Vauvaryhmä" in worklist
    page = client.get(reverse("cataloguedit:review", args=[change.pk])).content.decode()
    assert "Vauvaryhmä" in page and "Vertaistukea." in page
