"""Reads for provider editing and the catalogue editors' worklist."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.selectors import has_capability, units_with_capability
from perhekeskus.catalogue.models import (
    OpeningHours,
    Organization,
    Service,
    ServiceChannel,
)

from .models import LinkCheck, ServiceChange, ServiceVersion

REVIEW_INTERVAL = datetime.timedelta(days=365)


def editable_organizations(user) -> QuerySet[Organization]:
    """The organisations whose services the user may propose changes to."""
    units = units_with_capability(user, Capability.EDIT_OWN_ORGANISATION_SERVICES)
    return Organization.objects.filter(pk__in=units.values("organization"))


def is_catalogue_editor(user) -> bool:
    return has_capability(user, Capability.EDIT_CATALOGUE)


def provider_services(user) -> QuerySet[Service]:
    return (
        Service.objects.filter(organization__in=editable_organizations(user))
        .select_related("organization")
        .order_by("organization__name", "name")
    )


def provider_service(user, service_id) -> Service:
    """The user's own organisation's service, or 404 (a forged id finds nothing)."""
    service = provider_services(user).filter(pk=service_id).first()
    if service is None:
        raise Http404
    return service


def provider_changes(user) -> QuerySet[ServiceChange]:
    return ServiceChange.objects.filter(organization__in=editable_organizations(user))


def open_changes_by_service(user) -> dict:
    return {
        c.service_key: c for c in provider_changes(user).filter(state__in=ServiceChange.OPEN_STATES)
    }


def provider_change(user, change_id) -> ServiceChange:
    change = provider_changes(user).filter(pk=change_id).first()
    if change is None:
        raise Http404
    return change


def review_change(change_id) -> ServiceChange:
    change = ServiceChange.objects.select_related("organization").filter(pk=change_id).first()
    if change is None:
        raise Http404
    return change


def history_for(user, service_key) -> QuerySet[ServiceVersion]:
    """A service's versions, for its provider's staff or a catalogue editor; else 404."""
    versions = ServiceVersion.objects.filter(service_key=service_key).select_related("created_by")
    if is_catalogue_editor(user):
        allowed = True
    else:
        orgs = editable_organizations(user)
        allowed = (
            Service.objects.filter(pk=service_key, organization__in=orgs).exists()
            or ServiceChange.objects.filter(service_key=service_key, organization__in=orgs).exists()
        )
    if not allowed or not versions.exists():
        raise Http404
    return versions.order_by("id")


# --- The catalogue editors' worklist ------------------------------------------


def changes_in_review() -> QuerySet[ServiceChange]:
    return (
        ServiceChange.objects.filter(state=ServiceChange.State.IN_REVIEW)
        .select_related("organization", "created_by")
        .order_by("submitted_at")
    )


def _active() -> QuerySet[Service]:
    return Service.objects.filter(status=Service.Status.ACTIVE).select_related("organization")


def services_not_reviewed(now: datetime.datetime | None = None) -> QuerySet[Service]:
    cutoff = (now or timezone.now()) - REVIEW_INTERVAL
    return (
        _active()
        .filter(Q(last_reviewed_at__isnull=True) | Q(last_reviewed_at__lt=cutoff))
        .order_by("last_reviewed_at", "name")
    )


def services_missing_hours() -> QuerySet[Service]:
    has_hours = OpeningHours.objects.filter(channel__service=OuterRef("pk"))
    return _active().filter(~Exists(has_hours)).order_by("name")


def services_missing_contact() -> QuerySet[Service]:
    """No phone or web channel and no channel with an email address."""
    contact = ServiceChannel.objects.filter(service=OuterRef("pk")).filter(
        Q(kind=ServiceChannel.Kind.PHONE) & ~Q(phone="")
        | Q(kind=ServiceChannel.Kind.WEB) & ~Q(url="")
        | ~Q(email="")
    )
    return _active().filter(~Exists(contact)).order_by("name")


def services_missing_swedish() -> QuerySet[Service]:
    """Services in a bilingual municipality (by area or location) without Swedish text."""
    in_bilingual = Q(areas__bilingual=True) | Q(channels__location__municipality__bilingual=True)
    no_swedish = (
        Q(name_sv__isnull=True) | Q(name_sv="") | Q(summary_sv__isnull=True) | Q(summary_sv="")
    )
    ids = Service.objects.filter(in_bilingual).values("pk")
    return _active().filter(no_swedish, pk__in=ids).order_by("name")


def latest_link_checks() -> QuerySet[LinkCheck]:
    newer = LinkCheck.objects.filter(service=OuterRef("service"), url=OuterRef("url")).order_by(
        "-checked_at", "-id"
    )
    return LinkCheck.objects.filter(pk=Subquery(newer.values("pk")[:1]))


def broken_links() -> QuerySet[LinkCheck]:
    """The services' addresses whose latest check failed."""
    return (
        latest_link_checks()
        .filter(ok=False, service__status=Service.Status.ACTIVE)
        .select_related("service")
        .order_by("service__name", "url")
    )


def service_urls(service_ids=None) -> list[tuple[object, str]]:
    """(service id, address) of every web address the catalogue shows."""
    services = Service.objects.filter(status=Service.Status.ACTIVE)
    if service_ids is not None:
        services = services.filter(pk__in=service_ids)
    pairs = set(services.exclude(url="").values_list("pk", "url"))
    pairs |= set(
        ServiceChannel.objects.filter(service__in=services)
        .exclude(url="")
        .values_list("service_id", "url")
    )
    return sorted(pairs, key=lambda pair: (str(pair[0]), pair[1]))
