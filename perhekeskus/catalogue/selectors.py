"""Reads of the public service catalogue.

The catalogue holds no personal data, so these selectors need no access
checks; they return only active services.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import NamedTuple
from urllib.parse import urlencode

from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, NullIf
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from perhekeskus.programme.models import Municipality

from . import cards, facets, search
from .models import (
    HoursException,
    Language,
    Location,
    OpeningHours,
    Service,
    ServiceChannel,
    TaxonomyTerm,
)
from .query import REMOTE, ServiceQuery, Sort

# The finder counts matches up to this many and then says "more than": an
# exact count of a broad word (half the catalogue) visits every matching
# row, and nobody pages through a thousand services — the page suggests
# narrowing the search instead. The API counts exactly.
FINDER_COUNT_CAP = 1000
KM_PER_DEGREE_LAT = 110.574
KM_PER_DEGREE_LON_AT_EQUATOR = 111.320
END_OF_DAY = time(23, 59)  # "open until 23:59" means open through midnight

RELAX_LABELS = {
    "open_now": _("open now"),
    "free": _("free of charge"),
    "anonymous": _("anonymous"),
    "no_referral": _("no referral needed"),
    "languages": _("language"),
    "channels": _("how"),
    "provider_kinds": _("provider"),
    "life_situations": _("life situation"),
    "age": _("child's age"),
    "radius_km": _("distance"),
    "municipality": _("municipality"),
}


@dataclass
class ServiceHit:
    service: Service
    distance_km: float | None = None
    open_now: bool | None = None


@dataclass
class Relaxation:
    field: str
    label: str
    count: int
    querystring: str


@dataclass
class ServiceSearchResult:
    query: ServiceQuery
    count: int
    items: list[ServiceHit]
    corrections: dict[str, str] = field(default_factory=dict)
    relax: list[Relaxation] = field(default_factory=list)
    # The count stopped past this many (see FINDER_COUNT_CAP); None: exact.
    count_cap: int | None = None

    @property
    def more_than(self) -> int | None:
        """The cap when more services match than were counted, else None."""
        if self.count_cap is not None and self.count > self.count_cap:
            return self.count_cap
        return None

    @property
    def page(self) -> int:
        return self.query.offset // self.query.limit + 1

    @property
    def page_count(self) -> int:
        counted = self.count if self.more_than is None else self.count_cap
        return max(1, math.ceil(counted / self.query.limit))


@dataclass
class FinderChoices:
    municipalities: list[tuple[str, str]]
    municipality_names: dict[str, str]  # code, and Finnish and Swedish names (casefolded) → code
    languages: list[tuple[str, str]]
    life_situations: list[tuple[str, str]]


def _local_field(name: str):
    """The active language's text of a translated field, Finnish when empty."""
    language = (get_language() or "fi")[:2]
    if language == "fi":
        return F(f"{name}_fi")
    return Coalesce(
        NullIf(F(f"{name}_{language}"), Value("")), F(f"{name}_fi"), output_field=CharField()
    )


def active_services() -> QuerySet[Service]:
    return Service.objects.filter(status=Service.Status.ACTIVE)


def finder_choices() -> FinderChoices:
    municipalities = list(
        Municipality.objects.filter(Q(locations__isnull=False) | Q(services__isnull=False))
        .distinct()
        .order_by(_local_field("name").asc())
    )
    names: dict[str, str] = {}
    for municipality in municipalities:
        names[municipality.code] = municipality.code
        for value in (municipality.name_fi, municipality.name_sv, municipality.name_en):
            if value:
                names[value.casefold()] = municipality.code
    languages = Language.objects.filter(services__status=Service.Status.ACTIVE).distinct()
    situations = TaxonomyTerm.objects.filter(taxonomy=TaxonomyTerm.Taxonomy.LIFE_SITUATION)
    return FinderChoices(
        municipalities=[(m.code, m.name) for m in municipalities],
        municipality_names=names,
        languages=sorted(((lang.code, lang.name) for lang in languages), key=lambda c: c[1]),
        life_situations=[(term.code, term.name) for term in situations],
    )


def postal_code_position(postal_code: str) -> tuple[float, float] | None:
    """Where a postal code area lies, from the catalogue's own addresses.

    The centre of the locations with that postal code; failing that, of the
    locations that share its first three digits (the same post-office area).
    """
    for lookup in ({"postal_code": postal_code}, {"postal_code__startswith": postal_code[:3]}):
        rows = list(Location.objects.filter(**lookup).values_list("latitude", "longitude")[:500])
        if rows:
            return (
                sum(r[0] for r in rows) / len(rows),
                sum(r[1] for r in rows) / len(rows),
            )
    return None


# -- the finder ------------------------------------------------------------


def _squared_distance(lat0: float, lon0: float, prefix: str = ""):
    """Squared equirectangular distance in km² — exact enough to order and to
    cut by radius within Finland, and plain arithmetic on every database."""
    kx = KM_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(lat0))
    ky = KM_PER_DEGREE_LAT
    dx = (F(f"{prefix}longitude") - lon0) * kx
    dy = (F(f"{prefix}latitude") - lat0) * ky
    return dx * dx + dy * dy


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def _open_now_q(now: datetime) -> Q:
    """Services with a channel open at ``now`` (the rules of :func:`opening_status`)."""
    local = timezone.localtime(now)
    today, moment = local.date(), local.time().replace(second=0, microsecond=0)
    covers = Q(opens__lte=moment) & (Q(closes__gt=moment) | Q(closes=END_OF_DAY))
    weekly = (
        OpeningHours.objects.filter(
            covers,
            channel__service=OuterRef("pk"),
            weekday=today.weekday(),
        )
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=today))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .exclude(Exists(HoursException.objects.filter(channel=OuterRef("channel"), date=today)))
    )
    special = HoursException.objects.filter(
        covers, channel__service=OuterRef("pk"), date=today, closed=False
    )
    return Q(Exists(weekly)) | Q(Exists(special))


def _filtered(query: ServiceQuery, now: datetime) -> QuerySet[Service]:
    qs = active_services()
    if query.age is not None:
        qs = qs.filter(Q(age_min__isnull=True) | Q(age_min__lte=query.age)).filter(
            Q(age_max__isnull=True) | Q(age_max__gte=query.age)
        )
    if query.municipality:
        qs = qs.filter(
            Q(national=True)
            | Exists(
                Service.areas.through.objects.filter(
                    service=OuterRef("pk"), municipality__code=query.municipality
                )
            )
            | Exists(
                ServiceChannel.objects.filter(
                    service=OuterRef("pk"), location__municipality__code=query.municipality
                )
            )
        )
    if query.languages:
        qs = qs.filter(
            Exists(
                Service.languages.through.objects.filter(
                    service=OuterRef("pk"), language__code__in=query.languages
                )
            )
        )
    if query.channels:
        kinds = set(query.channels)
        if REMOTE in kinds:
            kinds.discard(REMOTE)
            kinds.update(ServiceChannel.REMOTE_KINDS)
        qs = qs.filter(
            Exists(ServiceChannel.objects.filter(service=OuterRef("pk"), kind__in=kinds))
        )
    if query.free:
        qs = qs.filter(cost=Service.Cost.FREE)
    if query.anonymous:
        qs = qs.filter(anonymous=True)
    if query.no_referral:
        qs = qs.filter(referral_required=False)
    if query.provider_kinds:
        qs = qs.filter(organization__kind__in=query.provider_kinds)
    if query.life_situations:
        qs = qs.filter(
            Exists(
                Service.life_situations.through.objects.filter(
                    service=OuterRef("pk"),
                    taxonomyterm__code__in=query.life_situations,
                    taxonomyterm__taxonomy=TaxonomyTerm.Taxonomy.LIFE_SITUATION,
                )
            )
        )
    if query.open_now:
        qs = qs.filter(_open_now_q(now))
    if query.near is not None and query.radius_km is not None:
        lat0, lon0 = query.near
        # A bounding box first, so the index on coordinates does the work.
        dlat = query.radius_km / KM_PER_DEGREE_LAT
        dlon = query.radius_km / (
            KM_PER_DEGREE_LON_AT_EQUATOR * max(math.cos(math.radians(lat0)), 0.01)
        )
        nearby = (
            Location.objects.filter(
                latitude__range=(lat0 - dlat, lat0 + dlat),
                longitude__range=(lon0 - dlon, lon0 + dlon),
            )
            .annotate(d2=_squared_distance(lat0, lon0))
            .filter(d2__lte=query.radius_km**2)
        )
        qs = qs.filter(
            Exists(
                ServiceChannel.objects.filter(
                    service=OuterRef("pk"), location__in=nearby.values("pk")
                )
            )
        )
    return qs


def _with_distance(qs: QuerySet[Service], near: tuple[float, float]) -> QuerySet[Service]:
    nearest = (
        ServiceChannel.objects.filter(service=OuterRef("pk"), location__isnull=False)
        .annotate(d2=_squared_distance(*near, prefix="location__"))
        .order_by("d2")
        .values("d2")[:1]
    )
    return qs.annotate(d2=Subquery(nearest))


class _Hours(NamedTuple):
    weekday: int
    opens: time
    closes: time
    valid_from: date | None
    valid_to: date | None


class _Exception(NamedTuple):
    closed: bool
    opens: time | None
    closes: time | None


def _prefetched(ids: Iterable, now: datetime) -> dict:
    """Services with what their pages show (result cards: see
    :func:`cards.card_services`)."""
    services = Service.objects.filter(pk__in=list(ids)).select_related("organization").order_by()
    channels = ServiceChannel.objects.select_related("location__municipality").prefetch_related(
        "hours",
        Prefetch(
            "exceptions",
            queryset=HoursException.objects.filter(date__gte=timezone.localdate(now)),
        ),
    )
    services = services.prefetch_related(
        Prefetch("channels", queryset=channels), "languages", "life_situations", "target_groups"
    )
    return {service.pk: service for service in services}


def search_services(
    query: ServiceQuery,
    *,
    now: datetime | None = None,
    details: bool = False,
    exact_count: bool = False,
) -> ServiceSearchResult:
    """Answer a family's search: filters, free text, ordering, one page.

    The services come with what a result card shows; ``details=True`` loads
    everything their pages show (the API lists channels' hours, life
    situations and target groups). The count stops past
    :data:`FINDER_COUNT_CAP` unless ``exact_count`` asks for all."""
    now = now or timezone.now()
    count_cap = None if exact_count else FINDER_COUNT_CAP
    analysed = search.analyse_query(query.text) if query.text else None
    text_search = analysed is not None and not analysed.is_empty
    sort = query.sort
    if sort == Sort.DISTANCE and query.near is None:
        sort = Sort.RELEVANCE
    if sort == Sort.RELEVANCE and not text_search:
        sort = Sort.DISTANCE if query.near is not None else Sort.NAME

    if sort == Sort.RELEVANCE:
        count, ranked = search.ranked_ids(
            analysed,
            facet_groups=facets.query_facets(query),
            # Filters the index cannot answer (the moment, a place) stay in SQL.
            within=_filtered(query, now) if facets.needs_sql(query) else None,
            limit=query.limit,
            offset=query.offset,
            count_cap=count_cap,
        )
        ids = [service_id for service_id, _score in ranked]
    else:
        qs = _filtered(query, now)
        if text_search:
            qs = qs.filter(search.match_filter(analysed))
        if count_cap is None:
            count = qs.count()
        else:
            count = qs.order_by()[
                : search.count_limit(count_cap, query.offset, query.limit)
            ].count()
        if sort == Sort.DISTANCE:
            ordered = _with_distance(qs, query.near).order_by(
                F("d2").asc(nulls_last=True), _local_field("name").asc(), "pk"
            )
        else:
            ordered = qs.order_by(_local_field("name").asc(), "pk")
        ids = list(ordered.values_list("pk", flat=True)[query.offset : query.offset + query.limit])

    by_id = _prefetched(ids, now) if details else cards.card_services(ids)
    if details:
        open_now = {pk: service_open_now(service, now) for pk, service in by_id.items()}
    else:
        open_now = open_status_by_service(ids, now)
    items = []
    for service_id in ids:
        service = by_id.get(service_id)
        if service is None:
            continue
        items.append(
            ServiceHit(
                service=service,
                distance_km=_nearest_km(service, query.near),
                open_now=open_now.get(service_id),
            )
        )
    result = ServiceSearchResult(
        query=query,
        count=count,
        items=items,
        corrections=dict(analysed.corrections) if analysed else {},
        count_cap=count_cap,
    )
    if count == 0:
        result.relax = _relaxations(query, analysed if text_search else None, now)
    return result


def _count_matching(query: ServiceQuery, analysed: search.AnalysedQuery | None, now) -> int:
    """How many services match ``query`` (its words already analysed)."""
    if not facets.needs_sql(query):
        count, _page = search.ranked_ids(
            analysed or search.AnalysedQuery(), facet_groups=facets.query_facets(query), limit=0
        )
        return count
    qs = _filtered(query, now)
    if analysed is not None:
        qs = qs.filter(search.match_filter(analysed))
    return qs.count()


def _relaxations(
    query: ServiceQuery, analysed: search.AnalysedQuery | None, now: datetime
) -> list[Relaxation]:
    """For an empty result: which single filter, dropped, would find something."""
    suggestions = []
    candidates = [(name, str(RELAX_LABELS[name]), analysed) for name in query.active_filters()]
    if query.text:
        candidates.append(("text", gettext("search words"), None))
    for name, label, words in candidates:
        relaxed = query.without(name)
        count = _count_matching(relaxed, words, now)
        if count:
            suggestions.append(
                Relaxation(
                    field=name,
                    label=label,
                    count=count,
                    querystring=urlencode(relaxed.to_params()),
                )
            )
    return suggestions


def _nearest_km(service: Service, near: tuple[float, float] | None) -> float | None:
    if near is None:
        return None
    card = getattr(service, "card", None)
    coordinates = (
        card.coordinates
        if card is not None
        else [
            (channel.location.latitude, channel.location.longitude)
            for channel in service.channels.all()
            if channel.location is not None
        ]
    )
    distances = [haversine_km(near, place) for place in coordinates]
    return round(min(distances), 1) if distances else None


def _covers(opens: time, closes: time, moment: time) -> bool:
    return opens <= moment and (moment < closes or closes == END_OF_DAY)


def _local_moment(now: datetime) -> tuple[date, time]:
    local = timezone.localtime(now)
    return local.date(), local.time().replace(second=0, microsecond=0)


def _status(hours, exceptions, today: date, moment: time) -> bool | None:
    """Is a channel open at ``moment`` of ``today``, given its weekly
    ``hours`` and ``today``'s exceptions? None when it has neither."""
    if not hours and not exceptions:
        return None
    if exceptions:
        return any(not e.closed and _covers(e.opens, e.closes, moment) for e in exceptions)
    return any(
        h.weekday == today.weekday()
        and (h.valid_from is None or h.valid_from <= today)
        and (h.valid_to is None or h.valid_to >= today)
        and _covers(h.opens, h.closes, moment)
        for h in hours
    )


def opening_status(channel: ServiceChannel, now: datetime) -> bool | None:
    """Is the channel open now? None when it has no opening hours at all."""
    today, moment = _local_moment(now)
    exceptions = [e for e in channel.exceptions.all() if e.date == today]
    return _status(list(channel.hours.all()), exceptions, today, moment)


def open_status_by_service(ids: Iterable, now: datetime) -> dict:
    """Each service's :func:`service_open_now` (services with no opening
    hours left out) from one read of plain values: the channels with their
    weekly hours and today's exceptions, a row per channel, hours and
    exception. What the result cards show."""
    today, moment = _local_moment(now)
    rows = (
        # A plain queryset: no translated fields here, and the translation
        # layer's per-row handling would cost more than the query.
        QuerySet(ServiceChannel)
        .filter(service__in=list(ids))
        .annotate(today=FilteredRelation("exceptions", condition=Q(exceptions__date=today)))
        .order_by()
        .values_list(
            "service",
            "pk",
            "hours__pk",
            "hours__weekday",
            "hours__opens",
            "hours__closes",
            "hours__valid_from",
            "hours__valid_to",
            "today__pk",
            "today__closed",
            "today__opens",
            "today__closes",
        )
    )
    hours: dict = defaultdict(dict)  # (service, channel) -> {hours id: _Hours}
    exceptions: dict = defaultdict(dict)
    for service, channel, hours_id, *rest in rows:
        weekday, opens, closes, valid_from, valid_to, exception_id, *exception = rest
        weekly = hours[service, channel]
        if hours_id is not None:
            weekly[hours_id] = _Hours(weekday, opens, closes, valid_from, valid_to)
        if exception_id is not None:
            exceptions[service, channel][exception_id] = _Exception(*exception)
    statuses: dict = defaultdict(list)
    for (service, channel), weekly in hours.items():
        status = _status(
            list(weekly.values()), list(exceptions[service, channel].values()), today, moment
        )
        if status is not None:
            statuses[service].append(status)
    return {service: any(known) for service, known in statuses.items()}


def service_open_now(service: Service, now: datetime) -> bool | None:
    statuses = [opening_status(channel, now) for channel in service.channels.all()]
    known = [s for s in statuses if s is not None]
    return any(known) if known else None


def upcoming_exceptions(
    channel: ServiceChannel, today: date, days: int = 60
) -> list[HoursException]:
    until = today + timedelta(days=days)
    return [e for e in channel.exceptions.all() if today <= e.date <= until]


# -- pages -----------------------------------------------------------------


def get_public_service(service_id) -> Service:
    services = _prefetched([service_id], timezone.now())
    try:
        service = services[service_id]
    except KeyError:
        raise Http404 from None
    if service.status != Service.Status.ACTIVE:
        raise Http404
    return service


def life_situations_with_counts() -> list[tuple[TaxonomyTerm, int]]:
    terms = TaxonomyTerm.objects.filter(taxonomy=TaxonomyTerm.Taxonomy.LIFE_SITUATION).annotate(
        service_count=Count("services", filter=Q(services__status=Service.Status.ACTIVE))
    )
    return [(term, term.service_count) for term in terms]


def electronic_services_by_life_situation() -> list[tuple[TaxonomyTerm | None, list[Service]]]:
    """All services with a web or video channel, grouped by life situation.

    A service with several life situations appears under each of them; one
    with none under ``None``.
    """
    electronic = (
        active_services()
        .filter(
            Exists(
                ServiceChannel.objects.filter(
                    service=OuterRef("pk"), kind__in=ServiceChannel.ELECTRONIC_KINDS
                )
            )
        )
        .order_by(_local_field("name").asc(), "pk")
    )
    by_id = _prefetched(electronic.values_list("pk", flat=True), timezone.now())
    ordered = [by_id[pk] for pk in electronic.values_list("pk", flat=True) if pk in by_id]
    groups: dict[int | None, list[Service]] = {}
    terms: dict[int | None, TaxonomyTerm | None] = {None: None}
    for service in ordered:
        situations = list(service.life_situations.all()) or [None]
        for term in situations:
            key = term.pk if term else None
            terms[key] = term
            groups.setdefault(key, []).append(service)
    keyed = sorted(
        groups.items(),
        key=lambda item: (
            item[0] is None,
            (terms[item[0]].order, terms[item[0]].code) if item[0] else (0, ""),
        ),
    )
    return [(terms[key], services) for key, services in keyed]
