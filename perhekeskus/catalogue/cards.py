"""Result cards as a read model.

What a result card shows of a service (catalogue/_service_card.html) — its
name, summary and provider, cost, channels, places and languages in every
site language — is written by the indexer next to the service's search
terms (``ServiceSearchDocument.card``) and read back with one query per
results page, instead of reading the services, organisations, channels,
locations, municipalities and languages for each page. It is as current as
the search index, which every write path updates. A service whose document
has no card yet (an index built before cards existed) gets one from the
catalogue's tables at reading time. The open-now status depends on the
moment and is read live (``selectors.open_status_by_service``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import get_language

from .kinds import kind_name
from .models import Service, ServiceChannel, ServiceSearchDocument

LANGUAGES = [code for code, _label in settings.LANGUAGES]


def _texts(row: dict, name: str) -> dict[str, str]:
    return {language: row[f"{name}_{language}"] or "" for language in LANGUAGES}


def _local(texts: dict[str, str] | None) -> str:
    """The active language's text, Finnish when empty (as the translated
    fields fall back)."""
    if not texts:
        return ""
    return texts.get((get_language() or "fi")[:2]) or texts.get("fi") or ""


def card_data(ids: list) -> dict:
    """Each service's card data (JSON-ready) from the catalogue's tables: three
    reads for any number of services."""
    rows = Service.objects.filter(pk__in=ids).values(
        "pk",
        "cost",
        "national",
        "organization__kind",
        *(f"{name}_{language}" for name in ("name", "summary") for language in LANGUAGES),
        *(f"organization__name_{language}" for language in LANGUAGES),
    )
    data = {
        row["pk"]: {
            "name": _texts(row, "name"),
            "summary": _texts(row, "summary"),
            "organization": {
                "name": _texts(row, "organization__name"),
                "kind": row["organization__kind"],
            },
            "cost": row["cost"],
            "national": row["national"],
            "channels": [],
            "languages": [],
        }
        for row in rows
    }
    channels = ServiceChannel.objects.filter(service__in=list(data)).values(
        "service",
        "kind",
        "location__latitude",
        "location__longitude",
        *(f"location__municipality__name_{language}" for language in LANGUAGES),
    )
    for row in channels:  # in the channels' own order
        place = _texts(row, "location__municipality__name")
        data[row["service"]]["channels"].append(
            [
                row["kind"],
                row["location__latitude"],
                row["location__longitude"],
                place if place["fi"] else None,
            ]
        )
    languages = (
        Service.languages.through.objects.filter(service__in=list(data))
        .order_by("language__code")
        .values("service", *(f"language__name_{language}" for language in LANGUAGES))
    )
    for row in languages:
        data[row["service"]]["languages"].append(_texts(row, "language__name"))
    return data


@dataclass
class Card:
    """What a result card shows of a service's channels and languages, in the
    active language."""

    places: list[str] = field(default_factory=list)  # municipalities, each once
    channel_kinds: list[tuple[str, str]] = field(default_factory=list)  # (kind, label), each once
    languages: list[str] = field(default_factory=list)
    coordinates: list[tuple[float, float]] = field(default_factory=list)

    @classmethod
    def from_data(cls, data: dict) -> Card:
        card = cls(languages=[_local(names) for names in data["languages"]])
        labels = dict(ServiceChannel.Kind.choices)
        for kind, latitude, longitude, place in data["channels"]:
            if all(kind != seen for seen, _label in card.channel_kinds):
                card.channel_kinds.append((kind, labels[kind]))
            if latitude is not None:
                card.coordinates.append((latitude, longitude))
            name = _local(place)
            if name and name not in card.places:
                card.places.append(name)
        return card


@dataclass
class CardOrganization:
    names: dict[str, str]
    kind: str

    @property
    def name(self) -> str:
        return _local(self.names)

    def get_kind_display(self) -> str:
        return kind_name(self.kind)


@dataclass
class CardService:
    """A service as its result card shows it (no model instance)."""

    pk: uuid.UUID
    names: dict[str, str]
    summaries: dict[str, str]
    organization: CardOrganization
    cost: str
    national: bool
    card: Card

    @classmethod
    def from_data(cls, pk, data: dict) -> CardService:
        return cls(
            pk=pk,
            names=data["name"],
            summaries=data["summary"],
            organization=CardOrganization(
                data["organization"]["name"], data["organization"]["kind"]
            ),
            cost=data["cost"],
            national=data["national"],
            card=Card.from_data(data),
        )

    @property
    def name(self) -> str:
        return _local(self.names)

    @property
    def summary(self) -> str:
        return _local(self.summaries)

    def get_cost_display(self) -> str:
        return dict(Service.Cost.choices).get(self.cost, self.cost)


def card_services(ids: list) -> dict:
    """The services among ``ids`` as :class:`CardService`, by id: the cards
    the index keeps, and for a service without one, its card from the
    catalogue's tables."""
    stored = {
        pk: data
        for pk, data in ServiceSearchDocument.objects.filter(service_id__in=ids).values_list(
            "service_id", "card"
        )
        if data
    }
    missing = [pk for pk in ids if pk not in stored]
    if missing:
        stored.update(card_data(missing))
    return {pk: CardService.from_data(pk, data) for pk, data in stored.items()}
