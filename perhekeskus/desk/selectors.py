"""Reads of the work views: the professional's desk, the manager's view, the
family's view, and the deadlines the background task raises.

Every list is built with a fixed number of queries (joins, sub-queries,
aggregates and window functions in the database), so a desk costs the same
with ten families or a hundred thousand. Personal data comes only through
the access layer and the other apps' selectors; the manager's figures are
aggregates over units and name workers, never families.
"""

from __future__ import annotations

import datetime
import statistics
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
)
from django.utils import timezone

from perhekeskus.accounts.models import Unit, User
from perhekeskus.casework.models import Contact, Matter, ResponsibleWorker
from perhekeskus.core import rules
from perhekeskus.families.models import FamilyMembership, ServiceTask

from .models import Notice
from .supervision import supervised_unit_ids

# The manager's figures cover contacts received and deadlines that fell in
# this many days before today.
MANAGER_PERIOD_DAYS = 90


# --- Deadlines ---------------------------------------------------------------


def deadlines_due(*, horizon: datetime.date) -> QuerySet:
    """Open matters with an assessment deadline on or before ``horizon``
    whose step (start, completion) has not been taken, as rows of
    ``pk, unit_id, start_due, complete_due, started_at, completed_at, worker_id``.

    Whether the assessment has started or been completed is the planning
    app's assessment of the matter (one per matter).
    """
    not_started = Q(assessment__isnull=True)
    not_completed = Q(assessment__isnull=True) | Q(assessment__completed_at__isnull=True)
    return (
        Matter.objects.open()
        .filter(
            (Q(assessment_start_due__lte=horizon) & not_started)
            | (Q(assessment_complete_due__lte=horizon) & not_completed)
        )
        .values(
            "pk",
            "unit_id",
            "worker_id",
            start_due=F("assessment_start_due"),
            complete_due=F("assessment_complete_due"),
            started_at=F("assessment__started_at"),
            completed_at=F("assessment__completed_at"),
        )
        .order_by("pk")
    )


# --- Notices -----------------------------------------------------------------


def open_notices(user, *, limit: int = 50) -> list[Notice]:
    """The user's unread notices, the oldest deadline first (no family data)."""
    return list(
        Notice.objects.filter(user=user, read_at__isnull=True)
        .select_related("matter", "matter__unit")
        .order_by("due_on", "kind")[:limit]
    )


# --- The manager's view ------------------------------------------------------


@dataclass
class UnitFigures:
    unit_id: uuid.UUID
    name: str
    new_contacts: int = 0
    taken_contacts: int = 0
    open_matters: int = 0
    answered: int = 0
    answered_on_time: int = 0
    median_hours_to_answer: float | None = None
    starts_decided: int = 0
    starts_met: int = 0
    completions_decided: int = 0
    completions_met: int = 0
    overdue_now: int = 0

    @property
    def queue(self) -> int:
        return self.new_contacts + self.taken_contacts

    @property
    def on_time_share(self) -> float | None:
        return self.answered_on_time / self.answered if self.answered else None

    @property
    def start_share(self) -> float | None:
        return self.starts_met / self.starts_decided if self.starts_decided else None

    @property
    def completion_share(self) -> float | None:
        return self.completions_met / self.completions_decided if self.completions_decided else None


@dataclass
class WorkerCaseload:
    name: str
    matters: int
    child_welfare_children: int

    @property
    def over_limit(self) -> bool:
        return self.child_welfare_children > rules.CHILD_WELFARE_CASELOAD_LIMIT

    @property
    def at_limit(self) -> bool:
        return self.child_welfare_children == rules.CHILD_WELFARE_CASELOAD_LIMIT


@dataclass
class ManagerOverview:
    since: datetime.date
    today: datetime.date
    units: list[UnitFigures] = field(default_factory=list)
    total: UnitFigures | None = None
    caseloads: list[WorkerCaseload] = field(default_factory=list)
    caseload_limit: int = rules.CHILD_WELFARE_CASELOAD_LIMIT
    contact_answer_days: int = rules.CONTACT_ANSWER_WORKING_DAYS


# The figures manager_overview reads from the matters, summed by unit.
MATTER_FIGURES = (
    "starts_decided",
    "starts_met",
    "completions_decided",
    "completions_met",
    "overdue_now",
)

# Answer times are counted in half hours: the median is exact to that, and
# the rows the database returns depend on how long answers take, not on how
# many contacts there are.
ANSWER_BUCKETS_PER_HOUR = 2


def _median_of(histogram: dict[int, int]) -> float | None:
    """The median of values given as {bucket: how many}."""
    total = sum(histogram.values())
    if not total:
        return None
    middle = {(total - 1) // 2, total // 2}  # the middle one, or the middle two
    seen, picked = 0, []
    for bucket in sorted(histogram):
        count = histogram[bucket]
        picked.extend(bucket for index in middle if seen <= index < seen + count)
        seen += count
    return round(statistics.mean(picked) / ANSWER_BUCKETS_PER_HOUR, 1)


def manager_overview(user, *, today: datetime.date | None = None) -> ManagerOverview:
    """Queues, answer times, deadlines met and caseloads of the user's units.

    A fixed number of queries whatever the amount of data; nothing here
    names a family or a client.
    """
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=MANAGER_PERIOD_DAYS)
    overview = ManagerOverview(since=since, today=today)
    unit_ids = supervised_unit_ids(user)
    if not unit_ids:
        return overview
    figures = {
        pk: UnitFigures(unit_id=pk, name=name)
        for pk, name in Unit.objects.filter(pk__in=unit_ids)
        .order_by("name")
        .values_list("pk", "name")
    }

    open_states = [Contact.State.NEW, Contact.State.TAKEN]
    for row in (
        Contact.objects.filter(unit_id__in=unit_ids, state__in=open_states)
        .values("unit_id")
        .annotate(
            # Counting an indexed column (not the id) lets the index answer.
            new=Count("state", filter=Q(state=Contact.State.NEW)),
            taken=Count("state", filter=Q(state=Contact.State.TAKEN)),
        )
        .order_by()
    ):
        figures[row["unit_id"]].new_contacts = row["new"]
        figures[row["unit_id"]].taken_contacts = row["taken"]

    period_start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    # The contacts' derived answer figures: one index range a unit.
    minutes_per_bucket = 60 // ANSWER_BUCKETS_PER_HOUR
    histograms: dict = defaultdict(lambda: defaultdict(int))
    for row in (
        Contact.objects.filter(
            unit_id__in=unit_ids, received_at__gte=period_start, answer_minutes__isnull=False
        )
        .values(
            "unit_id",
            bucket=(F("answer_minutes") + minutes_per_bucket // 2) / minutes_per_bucket,
        )
        .annotate(n=Count("*"), on_time=Count("answered_in_time", filter=Q(answered_in_time=True)))
        .order_by()
    ):
        unit = figures[row["unit_id"]]
        unit.answered += row["n"]
        unit.answered_on_time += row["on_time"]
        histograms[row["unit_id"]][int(row["bucket"])] += row["n"]
    overall: dict[int, int] = defaultdict(int)
    for unit_id, histogram in histograms.items():
        figures[unit_id].median_hours_to_answer = _median_of(histogram)
        for bucket, count in histogram.items():
            overall[bucket] += count

    # One pass over the units' matters, grouped by unit and worker in the
    # order of the index matter_figures (no table reads, no sort): the open
    # caseloads, and the deadlines met from the matters' own copies of the
    # assessment days (no join, no per-row date conversion).
    start_due = Q(assessment_start_due__gte=since, assessment_start_due__isnull=False)
    complete_due = Q(assessment_complete_due__gte=since, assessment_complete_due__isnull=False)
    started = Q(assessment_started_on__isnull=False)
    completed = Q(assessment_completed_on__isnull=False)
    caseloads: dict = defaultdict(int)
    for row in (
        Matter.objects.filter(unit_id__in=unit_ids)
        .values("unit_id", "worker_id")
        .annotate(
            open=Count("unit_id", filter=Q(state=Matter.State.OPEN)),
            starts_decided=Count(
                "unit_id", filter=start_due & (started | Q(assessment_start_due__lt=today))
            ),
            starts_met=Count(
                "unit_id",
                filter=start_due & Q(assessment_started_on__lte=F("assessment_start_due")),
            ),
            completions_decided=Count(
                "unit_id",
                filter=complete_due & (completed | Q(assessment_complete_due__lt=today)),
            ),
            completions_met=Count(
                "unit_id",
                filter=complete_due & Q(assessment_completed_on__lte=F("assessment_complete_due")),
            ),
            overdue_now=Count(
                "unit_id",
                filter=Q(state=Matter.State.OPEN)
                & (
                    Q(assessment_start_due__lt=today, assessment_started_on__isnull=True)
                    | Q(assessment_complete_due__lt=today, assessment_completed_on__isnull=True)
                ),
            ),
        )
        .order_by()
    ):
        unit = figures[row["unit_id"]]
        unit.open_matters += row["open"]
        for name in MATTER_FIGURES:
            setattr(unit, name, getattr(unit, name) + row[name])
        if row["worker_id"] is not None and row["open"]:  # not matters without a worker yet
            caseloads[row["worker_id"]] += row["open"]

    overview.units = list(figures.values())
    total = UnitFigures(unit_id=uuid.UUID(int=0), name="")
    for unit in overview.units:
        for name in (
            "new_contacts",
            "taken_contacts",
            "open_matters",
            "answered",
            "answered_on_time",
            "starts_decided",
            "starts_met",
            "completions_decided",
            "completions_met",
            "overdue_now",
        ):
            setattr(total, name, getattr(total, name) + getattr(unit, name))
    total.median_hours_to_answer = _median_of(overall)
    overview.total = total
    overview.caseloads = _caseloads(caseloads, unit_ids, today)
    return overview


def _caseloads(matters: dict, unit_ids, today: datetime.date) -> list[WorkerCaseload]:
    """The workers' open matters (``matters``: by worker) with the children
    in their child welfare matters in these units (LSL §13b counts
    children), and their names."""
    children = _child_welfare_children(unit_ids, today)
    workers = User.objects.filter(pk__in=list(matters)).order_by(
        "last_name", "first_name", "username"
    )
    return [
        WorkerCaseload(
            name=user.get_full_name() or user.get_username(),
            matters=matters[user.pk],
            child_welfare_children=children.get(user.pk, 0),
        )
        for user in workers
    ]


def _child_welfare_children(unit_ids, today: datetime.date) -> dict:
    """Children (distinct persons) in the open child welfare matters of these
    units, by responsible worker: the matters from the index matter_caseload
    joined straight to the children's memberships (index
    membership_family_role), not through the families' table, which the
    ORM's join would read."""
    matters_sql, matters_params = (
        Matter.objects.open()
        .filter(unit_id__in=unit_ids, service_task=ServiceTask.CHILD_WELFARE)
        .values("family_id", "worker_id")
        .order_by()
        .query.sql_with_params()
    )
    day = connection.ops.adapt_datefield_value(today)
    # Grouped by an expression, not the column: SQLite would otherwise walk
    # every matter in the order of the worker's own index to skip a sort of
    # a few dozen groups.
    # The interpolated parts are the ORM's own SQL and a table name.
    sql = f"""
        SELECT COALESCE(m.worker_id, NULL), COUNT(DISTINCT c.person_id)
        FROM ({matters_sql}) AS m
        JOIN {FamilyMembership._meta.db_table} c ON c.family_id = m.family_id
        WHERE c.role = %s AND c.starts_on <= %s AND (c.ends_on IS NULL OR c.ends_on >= %s)
        GROUP BY 1
    """  # noqa: S608
    worker = Matter._meta.get_field("worker").target_field
    with connection.cursor() as cursor:
        cursor.execute(sql, [*matters_params, FamilyMembership.Role.CHILD, day, day])
        return {
            worker.to_python(holder): count
            for holder, count in cursor.fetchall()
            if holder is not None
        }


# --- The professional's desk ---------------------------------------------------

# How many rows each section of the desk shows at most: the most urgent; the
# full lists are on the other apps' pages. And how far ahead deadlines are shown.
DESK_ROWS = 10
DESK_DEADLINES_AHEAD_DAYS = 7
DESK_CONTACT_UNSHOWN = ("situation", "name", "phone", "email", "answer")


@dataclass
class MyMatter:
    matter: Matter
    responsible: bool


@dataclass
class Desk:
    today: datetime.date
    notices: list[Notice] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    contacts_total: int = 0
    families: list[MyMatter] = field(default_factory=list)
    families_total: int = 0
    deadlines: list[Matter] = field(default_factory=list)
    appointments: list = field(default_factory=list)
    referrals: list = field(default_factory=list)
    referrals_total: int = 0


def _count_and_rows(queryset, limit: int, *, queue: bool = False) -> tuple[list, int]:
    """At most ``limit`` rows, and how many there are in all (always two
    queries, so the desk's query count does not depend on the data).

    ``queue``: a unit's list, which grows with the county: the page's keys
    are chosen first, sorting only what orders them, and the joined rows
    are read for those keys alone.
    """
    page = queryset
    if queue:
        page = queryset.filter(pk__in=queryset.prefetch_related(None).values("pk")[:limit])
    return list(page[:limit]), queryset.count()


def desk_for(actor, *, request=None, today: datetime.date | None = None) -> Desk:
    """What a professional works on today, each section a bounded list built
    with a fixed number of queries; the families named are logged as listed."""
    from perhekeskus.access import families_visible_to, log_listing
    from perhekeskus.appointments.selectors import appointments_today
    from perhekeskus.casework.selectors import contact_queue, matters_visible_to, works_on
    from perhekeskus.planning.selectors import due_assessments
    from perhekeskus.referrals.access import log_received_listing
    from perhekeskus.referrals.selectors import referrals_waiting_for

    today = today or timezone.localdate()
    desk = Desk(today=today, notices=open_notices(actor.user))
    # What the desk's row shows: not the family's own words or contact
    # details (the queue's page for a contact has them), nor the places and
    # services the queue's own page lists.
    contacts = (
        contact_queue(actor)
        .select_related(None)
        .select_related("unit", "taken_by")
        .defer(*DESK_CONTACT_UNSHOWN)
        .prefetch_related("life_situations")
    )
    desk.contacts, desk.contacts_total = _count_and_rows(contacts, DESK_ROWS, queue=True)

    mine = (
        matters_visible_to(actor)
        .filter(works_on(actor), state=Matter.State.OPEN)
        .annotate(
            responsible=ExpressionWrapper(Q(worker_id=actor.user_id), output_field=BooleanField())
        )
        .select_related("family", "unit")
        .prefetch_related(
            Prefetch("workers", queryset=ResponsibleWorker.objects.select_related("user"))
        )
        .order_by("-responsible", "family__name", "pending_at")
    )
    rows, desk.families_total = _count_and_rows(mine, DESK_ROWS)
    desk.families = [MyMatter(matter=m, responsible=m.responsible) for m in rows]

    desk.deadlines = list(
        due_assessments(actor, today=today).filter(
            due_on__lte=today + datetime.timedelta(days=DESK_DEADLINES_AHEAD_DAYS)
        )[:DESK_ROWS]
    )
    named = {m.family_id for m in rows} | {m.family_id for m in desk.deadlines}
    if named:
        log_listing(actor, families_visible_to(actor, among=named), request=request)

    desk.appointments = appointments_today(actor, request=request, day=today)

    desk.referrals, desk.referrals_total = _count_and_rows(
        referrals_waiting_for(actor), DESK_ROWS, queue=True
    )
    log_received_listing(actor, desk.referrals, request=request)
    return desk


# --- The family's view -----------------------------------------------------------

CITIZEN_CONTACTS_SHOWN = 20


@dataclass
class FamilyView:
    families: list = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    matters: list[Matter] = field(default_factory=list)
    plans: list = field(default_factory=list)
    appointments: list = field(default_factory=list)


def family_view(actor, *, request=None) -> FamilyView:
    """A citizen's own family: its contacts, its worker, its plan, its
    appointments, each read logged on the basis ``own``."""
    from perhekeskus.access import families_visible_to, log_listing
    from perhekeskus.appointments.selectors import appointments_of_citizen
    from perhekeskus.casework.selectors import contacts_of_citizen, matters_of_citizen
    from perhekeskus.planning.selectors import plan_for_citizen

    families = list(families_visible_to(actor).order_by("name"))
    log_listing(actor, families, request=request)
    return FamilyView(
        families=families,
        contacts=list(contacts_of_citizen(actor.user)[:CITIZEN_CONTACTS_SHOWN]),
        matters=list(matters_of_citizen(actor.user).select_related("assessment")),
        plans=plan_for_citizen(actor.user, request=request),
        appointments=appointments_of_citizen(actor.user, request=request),
    )
