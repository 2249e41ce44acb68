"""Reads of the access log: the family's own view and the auditor's searches."""

from __future__ import annotations

import datetime
import uuid

from django.db.models import Q, QuerySet
from django.utils import timezone

from perhekeskus.access import rules
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.families.models import AccessGrant, FamilyMembership, Guardianship

from . import wording
from .models import EmergencyReview

# What counts as someone else processing or receiving the client's data.
SHOWN_TO_CLIENT = (
    AccessLogEntry.Action.READ,
    AccessLogEntry.Action.LIST,
    AccessLogEntry.Action.SEARCH,
    AccessLogEntry.Action.EXPORT,
    AccessLogEntry.Action.DISCLOSE,
    AccessLogEntry.Action.GRANT,
    AccessLogEntry.Action.WRITE,
)


def who_saw_my_data(
    person_id: uuid.UUID,
    *,
    since: datetime.datetime | None = None,
    until: datetime.datetime | None = None,
    actor_id: uuid.UUID | None = None,
) -> QuerySet[AccessLogEntry]:
    """Others' reads and disclosures of a citizen's, their family's and wards' data,
    newest first; ``until`` (exclusive) and ``actor_id`` narrow it.

    Entries about a minor's records hidden from the guardians are shown only
    to that minor themself.
    """
    since = since or timezone.now() - rules.CLIENT_LOG_WINDOW
    families = FamilyMembership.objects.filter(person_id=person_id).values("family_id")
    wards = Guardianship.objects.active().filter(guardian_id=person_id).values("child_id")
    about_me = Q(subject_person_id=person_id)
    about_family_or_wards = Q(subject_family_id__in=families) | Q(subject_person_id__in=wards)
    return (
        AccessLogEntry.objects.filter(
            about_me | (about_family_or_wards & Q(hidden_from_guardians=False)),
            occurred_at__gte=since,
            allowed=True,
            action__in=SHOWN_TO_CLIENT,
        )
        .exclude(actor_id__isnull=True)
        .exclude(basis__in=[AccessLogEntry.Basis.OWN, AccessLogEntry.Basis.GUARDIAN])
        .filter(**({"occurred_at__lt": until} if until else {}))
        .filter(**({"actor_id": actor_id} if actor_id else {}))
        .order_by("-occurred_at", "-seq")
    )


def professionals_who_saw(person_id: uuid.UUID, *, since=None) -> list[tuple[str, str]]:
    """(actor id, name) of each professional in the citizen's view, by name:
    the choices of its filter by person (one query)."""
    rows = (
        who_saw_my_data(person_id, since=since)
        .order_by()
        .values_list("actor_id", "actor_name")
        .distinct()
    )
    names: dict[str, str] = {}
    for actor_id, name in rows:
        names.setdefault(str(actor_id), name or "—")
    return sorted(names.items(), key=lambda item: (item[1].lower(), item[0]))


def by_day_and_professional(entries: list[AccessLogEntry]) -> list[dict]:
    """A page of entries (newest first) grouped by day, and within each day by
    professional in the order they first appear: ``[{"day", "people": [{"name",
    "roles", "unit", "organisation", "entries"}]}]``. Each of ``entries`` is a
    row ``{"entry", "count", "earliest"}``: entries that say the same thing one
    after another make one row, with how many there were and the first one's time."""
    days: list[dict] = []
    for entry in entries:
        day = timezone.localdate(entry.occurred_at)
        if not days or days[-1]["day"] != day:
            days.append({"day": day, "people": [], "_index": {}})
        group = days[-1]
        key = (entry.actor_id, entry.actor_name, entry.unit, entry.role)
        person = group["_index"].get(key)
        if person is None:
            person = {
                "name": entry.actor_name,
                "roles": getattr(entry, "role_labels", ""),
                "unit": entry.unit,
                "organisation": getattr(entry, "organisation", ""),
                "entries": [],
            }
            group["_index"][key] = person
            group["people"].append(person)
        rows = person["entries"]
        said = (
            entry.subject_family_id,
            entry.subject_person_id,
            entry.action,
            entry.target,
            getattr(entry, "what_text", None),
            getattr(entry, "basis_text", None),
            entry.reason,
            entry.recipient,
        )
        if rows and rows[-1]["said"] == said:
            # The same thing again (a page reloaded, a text saved twice): one row.
            rows[-1]["count"] += 1
            rows[-1]["earliest"] = entry.occurred_at
        else:
            rows.append({"entry": entry, "said": said, "count": 1, "earliest": entry.occurred_at})
    for group in days:
        del group["_index"]
    return days


def emergency_accesses_to_review() -> QuerySet[AccessGrant]:
    reviewed = EmergencyReview.objects.values("grant_id")
    return (
        AccessGrant.objects.filter(kind=AccessGrant.Kind.EMERGENCY)
        .exclude(pk__in=reviewed)
        # The auditor reviews the access, not the family: of the person only
        # the name the review needs, never the register's other fields.
        .select_related("user", "person")
        .only(
            "pk",
            "family_id",
            "created_at",
            "unit_name",
            "reason",
            "user__username",
            "user__first_name",
            "user__last_name",
            "person__first_names",
            "person__last_name",
        )
        .order_by("created_at")
    )


def recent_reviews(limit: int = 20) -> QuerySet[EmergencyReview]:
    return EmergencyReview.objects.order_by("-reviewed_at")[:limit]


def search_log(
    *,
    person_id: uuid.UUID | None = None,
    family_ids=None,
    actor_ids=None,
    since: datetime.datetime | None = None,
    until: datetime.datetime | None = None,
) -> QuerySet[AccessLogEntry]:
    entries = AccessLogEntry.objects.all()
    if person_id is not None:
        condition = Q(subject_person_id=person_id)
        if family_ids is not None:
            condition |= Q(subject_family_id__in=family_ids)
        entries = entries.filter(condition)
    if actor_ids is not None:
        entries = entries.filter(actor_id__in=actor_ids)
    if since:
        entries = entries.filter(occurred_at__gte=since)
    if until:
        entries = entries.filter(occurred_at__lt=until)
    return entries.order_by("-seq")


def describe(entries: list[AccessLogEntry], *, for_family: bool = False) -> list[AccessLogEntry]:
    """Name whose data each entry is about, who read it and in plain words
    what and on what basis, in a fixed number of queries.

    Sets ``whose`` (the person, else the family), ``role_labels``,
    ``organisation``, ``what_text`` and ``basis_text`` on each entry (see
    :mod:`.wording`); an entry about a record that no longer exists keeps an
    empty name.
    """
    return wording.describe(entries, for_family=for_family)
