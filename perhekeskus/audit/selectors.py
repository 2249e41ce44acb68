"""Reads of the access log: the family's own view and the auditor's searches."""

from __future__ import annotations

import datetime
import uuid

from django.db.models import Q, QuerySet
from django.utils import timezone

from perhekeskus.access import rules
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.accounts.models import Role
from perhekeskus.families.models import AccessGrant, Family, FamilyMembership, Guardianship, Person

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
    person_id: uuid.UUID, *, since: datetime.datetime | None = None
) -> QuerySet[AccessLogEntry]:
    """Others' reads and disclosures of a citizen's, their family's and wards' data.

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
        .order_by("-occurred_at", "-seq")
    )


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


def _role_labels(codes: str) -> str:
    labels = []
    for code in filter(None, codes.split(",")):
        try:
            labels.append(str(Role(code).label))
        except ValueError:
            labels.append(code)
    return ", ".join(labels)


def describe(entries: list[AccessLogEntry]) -> list[AccessLogEntry]:
    """Name whose data each entry is about and the roles, in two queries.

    Sets ``whose`` (the person, else the family) and ``role_labels`` on each
    entry; an entry about a record that no longer exists keeps an empty name.
    """
    person_ids = {e.subject_person_id for e in entries if e.subject_person_id}
    family_ids = {e.subject_family_id for e in entries if e.subject_family_id}
    persons = {
        pk: f"{first} {last}"
        for pk, first, last in Person.objects.filter(pk__in=person_ids).values_list(
            "pk", "first_names", "last_name"
        )
    }
    families = dict(Family.objects.filter(pk__in=family_ids).values_list("pk", "name"))
    for entry in entries:
        entry.whose = persons.get(entry.subject_person_id) or families.get(
            entry.subject_family_id, ""
        )
        entry.role_labels = _role_labels(entry.role)
    return entries
