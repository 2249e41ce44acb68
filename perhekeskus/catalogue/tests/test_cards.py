"""Result cards as a read model: what the index keeps is what the catalogue's
tables say, in every site language, and a missing card is made when read."""

import pytest
from django.utils import translation

from perhekeskus.catalogue import cards, search
from perhekeskus.catalogue.models import Service, ServiceChannel, ServiceSearchDocument

from .factories import (
    InPersonChannelFactory,
    LanguageFactory,
    ServiceFactory,
    WebChannelFactory,
)

pytestmark = pytest.mark.django_db


def _shown(service: cards.CardService) -> dict:
    card = service.card
    return {
        "name": service.name,
        "summary": service.summary,
        "provider": (service.organization.name, service.organization.get_kind_display()),
        "cost": (service.cost, service.get_cost_display()),
        "national": service.national,
        "places": card.places,
        "kinds": card.channel_kinds,
        "languages": card.languages,
        "coordinates": card.coordinates,
    }


@pytest.fixture
def cafe():
    service = ServiceFactory(
        name_fi="Perhekahvila Tuulikello",
        name_sv="Familjecafé Vindspelet",
        name_en="",
        summary_fi="Avoin kohtaamispaikka.",
        summary_sv="En öppen mötesplats.",
        cost=Service.Cost.FEE,
    )
    visit = InPersonChannelFactory(service=service, order=0)
    InPersonChannelFactory(service=service, order=1, location=visit.location)
    WebChannelFactory(service=service, order=2)
    service.languages.add(LanguageFactory(code="sv"), LanguageFactory(code="fi"))
    search.index_services([service.pk])
    return service


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_stored_card_shows_what_the_tables_say(cafe, language):
    stored = ServiceSearchDocument.objects.get(service=cafe).card
    assert stored == cards.card_data([cafe.pk])[cafe.pk]
    with translation.override(language):
        shown = _shown(cards.card_services([cafe.pk])[cafe.pk])
        location = cafe.channels.get(order=0).location
        assert shown == {
            "name": cafe.name,  # the translated field's own fallback
            "summary": cafe.summary,
            "provider": (cafe.organization.name, cafe.organization.get_kind_display()),
            "cost": ("fee", cafe.get_cost_display()),
            "national": cafe.national,
            "places": [location.municipality.name],  # once, though two channels are there
            "kinds": [
                (kind, str(ServiceChannel.Kind(kind).label)) for kind in ("in_person", "web")
            ],
            "languages": [language_.name for language_ in cafe.languages.order_by("code")],
            "coordinates": [(location.latitude, location.longitude)] * 2,
        }
        if language == "en":
            assert shown["kinds"] == [("in_person", "in person"), ("web", "web or e-service")]


def test_a_document_without_a_card_gets_one_when_read(cafe):
    indexed = _shown(cards.card_services([cafe.pk])[cafe.pk])
    ServiceSearchDocument.objects.filter(service=cafe).update(card={})
    assert _shown(cards.card_services([cafe.pk])[cafe.pk]) == indexed


def test_the_card_follows_the_index(cafe):
    Service.objects.filter(pk=cafe.pk).update(name_fi="Perhekahvila Kello")
    assert cards.card_services([cafe.pk])[cafe.pk].names["fi"] == "Perhekahvila Tuulikello"
    search.index_services([cafe.pk])
    assert cards.card_services([cafe.pk])[cafe.pk].names["fi"] == "Perhekahvila Kello"
