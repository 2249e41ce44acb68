"""The shapes of the demo data: plain frozen dataclasses, no database.

Texts are ``(fi, sv, en)`` triples; an empty string means the text is not
written in that language (Finnish is always written).
"""

import zlib
from dataclasses import dataclass

Text = tuple[str, str, str]
NO_TEXT: Text = ("", "", "")


def t(fi: str, sv: str = "", en: str = "") -> Text:
    return (fi, sv, en)


@dataclass(frozen=True)
class Place:
    """A fictional municipality with the word forms its texts need."""

    code: str
    name: Text
    bilingual: bool
    genitive: str  # "Kaislarannan"
    locative: str  # "Kaislarannassa" / "Koivumäellä"
    postal_code: str
    post_office: Text
    latitude: float
    longitude: float
    phone_prefix: str  # "015 555 1"
    domain: str  # "kaislaranta.example"


@dataclass(frozen=True)
class OrganizationData:
    key: str
    kind: str
    name: Text
    description: Text
    website: str = ""
    email: str = ""
    phone: str = ""
    municipality: str | None = None  # municipality code
    business_id: str = ""


@dataclass(frozen=True)
class LocationData:
    key: str
    organization: str
    municipality: str
    name: Text
    street_address: Text
    postal_code: str
    latitude: float
    longitude: float
    step_free_access: bool = True
    accessible_toilet: bool = True
    hearing_loop: bool = False
    parking: bool = True
    accessibility_note: Text = NO_TEXT


@dataclass(frozen=True)
class Channel:
    kind: str
    location: str | None = None  # location key, for in-person channels
    description: Text = NO_TEXT
    phone: str = ""
    phone_charge: str = ""  # key of schedules.PHONE_CHARGES
    url: str = ""
    email: str = ""
    hours: str | None = None  # key of schedules.WEEKLY
    summer_break: bool = False


@dataclass(frozen=True)
class ServiceData:
    key: str
    organization: str
    name: Text
    summary: Text
    description: Text
    how_to_get_help: Text
    channels: tuple[Channel, ...]
    areas: tuple[str, ...] = ()  # municipality codes; empty for national services
    eligibility: Text = NO_TEXT
    fee: Text = NO_TEXT
    age_min: int | None = None
    age_max: int | None = None
    groups: tuple[str, ...] = ()
    situations: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("fi",)
    cost: str = "free"
    anonymous: bool = False
    referral_required: bool = False
    low_threshold: bool = False
    national: bool = False
    email: str = ""
    url: str = ""

    @property
    def reviewed_days_ago(self) -> int:
        # Spread review dates over the past year, the same on every load.
        return 3 + zlib.crc32(self.key.encode()) % 330
