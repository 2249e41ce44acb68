"""The professional's desk and the manager's view on a county-sized database.

    make bench-desk [N=100000]                    # SQLite, var/bench/desk-N.sqlite3
    DATABASE_URL=postgres://… make bench-desk     # database perhekeskus_bench_desk_N
    python bench/desk.py --n 100000 --reuse       # time an earlier run's database again

Builds its own fresh database (never the demo's) and seeds it in two steps
with ``bulk_create``: first N/10 families, then up to N. Each family has a
parent and a child; every other family a matter (with its client
relationship, responsible worker, an assessment for most, appointments and
some referrals), every other a contact to the family centre (one in ten
still waiting), and ten events each. One social worker (the desk measured)
has a caseload of forty matters, as a social worker would (the limit of
LSL §13b is 35 children), is in the teams of thirty others, has four
appointments today and the referrals sent to their team waiting; the
contact queue and the referrals grow with the county. The other 119
workers share the rest of the county's matters; the manager follows the
family centre and its eight teams.

After each step both pages are requested through the Django test client
(the whole middleware stack, signed in) and their queries counted; after
the full size each is timed ``--requests`` times (p95). The baseline is the
manager's view computed the naive way — every contact and matter of the
units loaded and summed in Python, one query per worker for the caseload —
measured in the same run.

The last line printed is ``desk_p95_ms= desk_queries= manager_p95_ms=
manager_queries= families= desk_queries_small= manager_queries_small=
base_manager_p95_ms=``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import statistics
import time

from _common import ROOT, prepare_database, settle_database, setup_django

BENCH_DB = "perhekeskus_bench_desk"
TEAMS = 8
WORKERS = 120
TEAMS_JOINED = 30
CASELOAD = 40
BATCH = 5000


class World:
    """The units and people every seeding step shares."""

    def __init__(self):
        from django.utils import timezone

        from perhekeskus.accounts.models import Membership, Role, Unit, User
        from perhekeskus.catalogue.models import Organization

        self.now = timezone.now()
        self.today = timezone.localdate(self.now)
        since = self.today - datetime.timedelta(days=400)
        county = Organization.objects.create(name="Bench county", kind="wellbeing_county")
        self.centre = Unit.objects.create(
            organization=county, name="Perhekeskus", kind=Unit.Kind.FAMILY_CENTRE
        )
        self.teams = [
            Unit.objects.create(
                organization=county,
                parent=self.centre,
                name=f"Tiimi {t}",
                kind=Unit.Kind.FAMILY_SOCIAL_WORK,
            )
            for t in range(TEAMS)
        ]
        self.worker = User.objects.create(
            username="bench-worker", first_name="Sanna", last_name="Penkki"
        )
        self.manager = User.objects.create(
            username="bench-manager", first_name="Maija", last_name="Johto"
        )
        self.workers = [self.worker] + User.objects.bulk_create(
            [
                User(username=f"worker-{w}", first_name=f"Etu{w}", last_name=f"Suku{w}")
                for w in range(1, WORKERS)
            ]
        )
        memberships = [
            Membership(
                user=user,
                unit=self.teams[w % TEAMS],
                role=Role.SOCIAL_WORKER,
                valid_from=since,
            )
            for w, user in enumerate(self.workers)
        ]
        memberships.append(
            Membership(user=self.manager, unit=self.centre, role=Role.MANAGER, valid_from=since)
        )
        Membership.objects.bulk_create(memberships)
        self.deadlines: dict = {}
        self.joined = 0
        self.caseload = 0

    def deadlines_for(self, day: datetime.date, special: bool):
        from perhekeskus.core.rules import assessment_deadlines

        key = (day, special)
        if key not in self.deadlines:
            self.deadlines[key] = assessment_deadlines(day, special_support=special)
        return self.deadlines[key]


def _seed(world: World, start: int, stop: int, rng: random.Random) -> None:
    """Families ``start``…``stop - 1`` with everything that hangs on them."""
    from django.db import transaction

    from perhekeskus.appointments.models import Appointment, Participant
    from perhekeskus.casework.models import Contact, Matter, ResponsibleWorker, TeamMember
    from perhekeskus.core.calendar import add_working_days
    from perhekeskus.core.rules import CONTACT_ANSWER_WORKING_DAYS
    from perhekeskus.events.models import Event
    from perhekeskus.events.services import pseudonym
    from perhekeskus.events.types import EVENT_TYPES
    from perhekeskus.families.models import (
        ClientRelationship,
        Family,
        FamilyMembership,
        Person,
        ServiceTask,
    )
    from perhekeskus.planning.models import Assessment
    from perhekeskus.referrals.models import Referral

    now, today = world.now, world.today
    event_types = sorted(EVENT_TYPES)
    for batch_start in range(start, stop, BATCH):
        ids = range(batch_start, min(stop, batch_start + BATCH))
        with transaction.atomic():
            families = Family.objects.bulk_create([Family(name=f"Perhe {i}") for i in ids])
            persons = Person.objects.bulk_create(
                [
                    Person(
                        first_names=f"{'Aikuinen' if k == 0 else 'Lapsi'} {i}",
                        last_name=f"Suku{i}",
                        date_of_birth=today - datetime.timedelta(days=(35 if k == 0 else 8) * 365),
                    )
                    for i in ids
                    for k in (0, 1)
                ]
            )
            since = today - datetime.timedelta(days=500)
            FamilyMembership.objects.bulk_create(
                [
                    FamilyMembership(
                        family=family,
                        person=persons[2 * n + k],
                        role="parent" if k == 0 else "child",
                        starts_on=since,
                    )
                    for n, family in enumerate(families)
                    for k in (0, 1)
                ]
            )
            relationships, matters, rows = [], [], []
            for n, i in enumerate(ids):
                if i % 2:
                    continue
                family = families[n]
                unit = world.teams[i % TEAMS]
                task = ServiceTask.CHILD_WELFARE if i % 5 == 0 else ServiceTask.FAMILY_SOCIAL_WORK
                pending_at = now - datetime.timedelta(days=i % 200, hours=i % 7)
                special = i % 3 == 0
                deadlines = world.deadlines_for(pending_at.date(), special)
                closed = i % 10 == 8
                relationship = ClientRelationship(
                    family=family, unit=unit, service_task=task, starts_on=pending_at.date()
                )
                relationships.append(relationship)
                user = world.workers[i % WORKERS]
                if user is world.worker or i % 50 == 0:
                    # The measured worker's caseload stops at CASELOAD.
                    full = world.caseload >= CASELOAD or closed
                    user = world.workers[1] if full else world.worker
                    world.caseload += user is world.worker
                matters.append(
                    Matter(
                        family=family,
                        unit=unit,
                        service_task=task,
                        special_support=special,
                        pending_at=pending_at,
                        relationship=relationship,
                        assessment_start_due=deadlines.start_by,
                        assessment_complete_due=deadlines.complete_by,
                        deadline_statutory=deadlines.statutory,
                        state=Matter.State.CLOSED if closed else Matter.State.OPEN,
                        closed_at=now if closed else None,
                        closure_reason=Matter.ClosureReason.NEED_MET if closed else "",
                        worker=None if closed else user,
                    )
                )
                rows.append((i, n, user))
            ClientRelationship.objects.bulk_create(relationships)
            for matter in matters:
                matter.relationship_id = matter.relationship.pk
            Matter.objects.bulk_create(matters)
            workers, team, assessments, appointments, participants = [], [], [], [], []
            # The unit each worker works in (her membership's, above).
            works_in = {u.pk: world.teams[w % TEAMS] for w, u in enumerate(world.workers)}
            referrals = []
            for matter, (i, n, user) in zip(matters, rows, strict=True):
                workers.append(
                    ResponsibleWorker(
                        matter=matter,
                        user=user,
                        unit=works_in[user.pk],
                        starts_at=matter.pending_at,
                        ends_at=None if matter.is_open else now,
                        reason="bench",
                    )
                )
                # A worker is in a few dozen teams, however large the county.
                if i % 97 == 0 and user is not world.worker and world.joined < TEAMS_JOINED:
                    world.joined += 1
                    team.append(
                        TeamMember(
                            matter=matter,
                            user=world.worker,
                            unit=world.teams[0],
                            role_in_family="Sosiaalityöntekijä",
                            scope=TeamMember.Scope.ASSESSMENT_AND_PLAN,
                            basis=TeamMember.Basis.RELATIONSHIP,
                            added_at=matter.pending_at,
                        )
                    )
                if rng.random() < 0.6:
                    started = matter.pending_at + datetime.timedelta(days=rng.randint(0, 14))
                    done = started + datetime.timedelta(days=rng.randint(20, 100))
                    completed = done if done < now and rng.random() < 0.7 else None
                    assessment = Assessment(
                        matter=matter,
                        started_at=min(started, now),
                        started_by=user,
                        completed_at=completed,
                        completed_by=user if completed else None,
                        state="completed" if completed else "in_progress",
                    )
                    assessments.append(assessment)
                    # What Assessment.save() copies to the matter.
                    matter.assessment_started_on, matter.assessment_completed_on = assessment.days()
                if i % 10 == 0 and matter.is_open:
                    today_for_me = user is world.worker and i % 500 == 0
                    starts = (
                        now.replace(hour=14, minute=0, second=0, microsecond=0)
                        if today_for_me
                        else now + datetime.timedelta(days=1 + i % 30, hours=i % 8)
                    )
                    appointment = Appointment(
                        matter=matter,
                        family=matter.family,
                        unit=matter.unit,
                        starts_at=starts,
                        ends_at=starts + datetime.timedelta(hours=1),
                        mode="office",
                        place="Perhekeskus, huone 1",
                        booked_by=user,
                    )
                    appointments.append(appointment)
                    participants.append(Participant(appointment=appointment, user=user))
                if i % 40 == 0 and matter.is_open:
                    referrals.append(
                        (
                            Referral(
                                matter=matter,
                                kind="consultation",
                                state="sent",
                                sender=user,
                                sender_unit=matter.unit,
                                receiver_unit=world.teams[0]
                                if matter.unit != world.teams[0]
                                else world.teams[1],
                                question="Konsultaatio",
                                sent_at=now - datetime.timedelta(days=i % 20),
                            ),
                            persons[2 * n + 1],
                        )
                    )
            ResponsibleWorker.objects.bulk_create(workers)
            TeamMember.objects.bulk_create(team)
            Assessment.objects.bulk_create(assessments)
            Matter.objects.bulk_update(
                [a.matter for a in assessments],
                ["assessment_started_on", "assessment_completed_on"],
                batch_size=BATCH,
            )
            Appointment.objects.bulk_create(appointments)
            Participant.objects.bulk_create(participants)
            Referral.objects.bulk_create([r for r, _p in referrals])
            Referral.persons.through.objects.bulk_create(
                [Referral.persons.through(referral_id=r.pk, person_id=p.pk) for r, p in referrals]
            )
            contacts = []
            for n, i in enumerate(ids):
                if not i % 2:
                    continue
                received = now - datetime.timedelta(days=i % 120, hours=i % 11)
                waiting = i % 10 == 1
                answered = received + datetime.timedelta(hours=1 + i % 60)
                contacts.append(
                    Contact(
                        unit=world.centre,
                        received_at=received,
                        channel="web",
                        situation="Tarvitsemme apua.",
                        contact_way="phone",
                        phone="0401234567",
                        answer_due_by=add_working_days(
                            received.date(), CONTACT_ANSWER_WORKING_DAYS
                        ),
                        state="new" if waiting else "answered",
                        taken_by=None if waiting else world.workers[i % WORKERS],
                        taken_at=None if waiting else received,
                        answered_at=None if waiting else answered,
                        outcome="" if waiting else "advice",
                        answer="" if waiting else "Neuvottu.",
                        family=None if waiting else families[n],
                    )
                )
                contacts[-1].derive_answer_figures()  # bulk_create skips save()
            Contact.objects.bulk_create(contacts)
            Event.objects.bulk_create(
                [
                    Event(
                        type=event_types[(i + k) % len(event_types)],
                        occurred_at=now - datetime.timedelta(days=(i + k) % 365),
                        unit=world.teams[i % TEAMS],
                        family_pseudonym=pseudonym(families[n].pk),
                        attrs={},
                    )
                    for n, i in enumerate(ids)
                    for k in range(10)
                ],
                batch_size=BATCH,
            )


def _naive_manager(user):
    """The manager's figures computed row by row in Python (the baseline):
    every contact, matter, current worker and child of the units loaded."""
    from perhekeskus.casework.models import Contact, Matter, ResponsibleWorker
    from perhekeskus.desk.supervision import supervised_unit_ids
    from perhekeskus.families.models import FamilyMembership

    units = supervised_unit_ids(user)
    queues, waits, met = {}, [], [0, 0]
    for contact in Contact.objects.filter(unit_id__in=units):
        if contact.state in ("new", "taken"):
            queues[contact.unit_id] = queues.get(contact.unit_id, 0) + 1
        if contact.answered_at:
            waits.append((contact.answered_at - contact.received_at).total_seconds() / 3600)
    median = statistics.median(waits) if waits else None
    for matter in Matter.objects.filter(unit_id__in=units).select_related("assessment"):
        assessment = getattr(matter, "assessment", None)
        if matter.assessment_start_due:
            met[1] += 1
            if assessment and assessment.started_at.date() <= matter.assessment_start_due:
                met[0] += 1
    children_of = {}
    for family_id, person_id in FamilyMembership.objects.filter(role="child").values_list(
        "family_id", "person_id"
    ):
        children_of.setdefault(family_id, set()).add(person_id)
    caseloads = {}
    for worker in ResponsibleWorker.objects.filter(
        ends_at__isnull=True, matter__unit_id__in=units, matter__state="open"
    ).select_related("matter", "user"):
        matters, children = caseloads.setdefault(worker.user.get_full_name(), [0, set()])
        caseloads[worker.user.get_full_name()][0] += 1
        if worker.matter.service_task == "child_welfare":
            children |= children_of.get(worker.matter.family_id, set())
    return queues, median, met, caseloads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="families")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per page")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time the database an earlier run of this N left (no seeding)",
    )
    args = parser.parse_args()

    # The query counts at a tenth of the size, kept for a --reuse run.
    on_postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    saved = ROOT / "var" / "bench" / f"desk-{args.n}-{'pg' if on_postgres else 'sqlite'}.json"
    vendor, reused = prepare_database(
        f"{BENCH_DB}_{args.n}",
        ROOT / "var" / "bench" / f"desk-{args.n}.sqlite3",
        reuse=args.reuse and saved.exists(),
    )
    setup_django()
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    print(f"database: {vendor}", flush=True)

    rng = random.Random(args.seed)
    if reused:
        from perhekeskus.accounts.models import User

        users = {u.username: u for u in User.objects.filter(username__startswith="bench-")}
        desk_user, manager_user = users["bench-worker"], users["bench-manager"]
    else:
        world = World()
        desk_user, manager_user = world.worker, world.manager
        for user in (desk_user, manager_user):
            TOTP.activate(user, generate_totp_secret())  # professionals need a second factor
    clients = {}
    for name, user in (("desk", desk_user), ("manager", manager_user)):
        client = Client()
        client.force_login(user)
        clients[name] = client
    paths = {"desk": "/desk/", "manager": "/desk/manager/"}

    def get(name):
        response = clients[name].get(paths[name])
        if response.status_code != 200:
            raise SystemExit(f"{paths[name]} answered {response.status_code}")
        return response

    def queries(name) -> int:
        get(name)  # warm: templates, caches
        with CaptureQueriesContext(connection) as captured:
            get(name)
        return len(captured.captured_queries)

    small = max(1, args.n // 10)
    if reused:
        small_counts = json.loads(saved.read_text())
        print(f"reused the database of {args.n} families", flush=True)
    else:
        started = time.perf_counter()
        _seed(world, 0, small, rng)
        print(f"seeded {small} families in {time.perf_counter() - started:.0f} s", flush=True)
        small_counts = {name: queries(name) for name in paths}
        started = time.perf_counter()
        _seed(world, small, args.n, rng)
        print(f"seeded {args.n} families in {time.perf_counter() - started:.0f} s", flush=True)
        settle_database()
        saved.write_text(json.dumps(small_counts))
    print(f"queries at {small} families: {small_counts}", flush=True)
    counts = {name: queries(name) for name in paths}
    print(f"queries at {args.n} families: {counts}", flush=True)

    def p95(function, runs: int) -> float:
        times = []
        for _ in range(runs):
            begun = time.perf_counter()
            function()
            times.append((time.perf_counter() - begun) * 1000)
        times.sort()
        return times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]

    timings = {name: p95(lambda name=name: get(name), args.requests) for name in paths}
    for name, value in timings.items():
        print(f"{paths[name]}: p95 {value:.1f} ms over {args.requests} requests", flush=True)
    base = p95(lambda: _naive_manager(manager_user), max(3, args.requests // 20))
    print(f"naive manager figures: p95 {base:.1f} ms", flush=True)
    print(
        f"desk_p95_ms={timings['desk']:.1f} desk_queries={counts['desk']} "
        f"manager_p95_ms={timings['manager']:.1f} manager_queries={counts['manager']} "
        f"families={args.n} desk_queries_small={small_counts['desk']} "
        f"manager_queries_small={small_counts['manager']} base_manager_p95_ms={base:.1f}"
    )


if __name__ == "__main__":
    main()
