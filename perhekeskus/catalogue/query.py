"""What a family asks the finder: the parsed, validated search parameters.

The HTML form and the API both produce a :class:`ServiceQuery`; the selector
:func:`perhekeskus.catalogue.selectors.search_services` answers it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

MAX_QUERY_LENGTH = 200
MAX_LIMIT = 100
MAX_OFFSET = 10_000
DEFAULT_LIMIT = 20
REMOTE = "remote"  # pseudo-channel: phone, web or video


class Sort:
    RELEVANCE = "relevance"
    DISTANCE = "distance"
    NAME = "name"
    ALL = (RELEVANCE, DISTANCE, NAME)


@dataclass(frozen=True)
class ServiceQuery:
    text: str = ""
    age: int | None = None
    municipality: str | None = None  # Statistics Finland code
    near: tuple[float, float] | None = None  # (latitude, longitude), WGS84
    near_label: str = ""  # what the family typed for the place, e.g. a postal code
    radius_km: float | None = None
    languages: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    free: bool = False
    anonymous: bool = False
    no_referral: bool = False
    provider_kinds: tuple[str, ...] = ()
    life_situations: tuple[str, ...] = ()
    open_now: bool = False
    sort: str = Sort.RELEVANCE
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    # Filters a family can drop one at a time when nothing is found, in the
    # order they are suggested.
    RELAXABLE = (
        "open_now",
        "free",
        "anonymous",
        "no_referral",
        "languages",
        "channels",
        "provider_kinds",
        "life_situations",
        "age",
        "radius_km",
        "municipality",
    )

    def without(self, name: str) -> ServiceQuery:
        default = type(self).__dataclass_fields__[name].default
        return replace(self, **{name: default, "offset": 0})

    def active_filters(self) -> list[str]:
        return [
            name
            for name in self.RELAXABLE
            if getattr(self, name) != type(self).__dataclass_fields__[name].default
        ]

    def to_params(self) -> list[tuple[str, str]]:
        """The query as URL parameters of the finder (HTML and API names)."""
        params: list[tuple[str, str]] = []
        if self.text:
            params.append(("q", self.text))
        if self.age is not None:
            params.append(("age", str(self.age)))
        if self.municipality:
            params.append(("municipality", self.municipality))
        if self.near is not None:
            if self.near_label:
                params.append(("postal_code", self.near_label))
            else:
                params.append(("near", f"{self.near[0]:.5f},{self.near[1]:.5f}"))
        if self.radius_km is not None:
            params.append(("radius_km", f"{self.radius_km:g}"))
        params += [("language", code) for code in self.languages]
        params += [("channel", kind) for kind in self.channels]
        for flag in ("free", "anonymous", "no_referral", "open_now"):
            if getattr(self, flag):
                params.append((flag, "true"))
        params += [("provider_kind", kind) for kind in self.provider_kinds]
        params += [("life_situation", code) for code in self.life_situations]
        if self.sort != Sort.RELEVANCE:
            params.append(("sort", self.sort))
        return params
