"""A synthetic history of events for the demo region's dashboards.

Three years of case work in the five demo municipalities (951–955), counted
as events only: no family, person or professional behind them. Their family
pseudonyms are random and begin with ``demo`` (real pseudonyms are
hexadecimal), so they are plainly statistical and never linked to the demo
families of case work. The figures drift the way the reform hopes: more
early support, fewer families in child welfare, more remote appointments,
quicker answers.

Loaded once: when such a history exists, nothing is added.
"""

from __future__ import annotations

import datetime
import math
import random

from django.db import transaction
from django.utils import timezone

from perhekeskus.events.models import Event
from perhekeskus.programme.models import Municipality

from .periods import Grain, last_periods, local_midnight

DEMO_PREFIX = "demo"
# Relative size of each demo municipality (families with children).
WEIGHTS = {"951": 5, "952": 2, "953": 1.5, "954": 3, "955": 1}
MONTHS = 36
EARLY_TASKS = ("early_support", "family_work", "family_counselling", "family_social_work")


def demo_history_exists() -> bool:
    return Event.objects.filter(
        municipality__code__in=WEIGHTS, family_pseudonym__startswith=DEMO_PREFIX
    ).exists()


def _pseudonym(rng: random.Random) -> str:
    return DEMO_PREFIX + f"{rng.getrandbits(112):028x}"


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method is fine for the small means used here.
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def generate(*, today: datetime.date | None = None, seed: int = 2026) -> list[Event]:
    """The events of the history (unsaved)."""
    rng = random.Random(seed)
    today = today or timezone.localdate()
    periods = last_periods(today, Grain.MONTH, MONTHS)
    towns = {m.code: m for m in Municipality.objects.filter(code__in=WEIGHTS)}
    now = timezone.now()
    events: list[Event] = []
    for code, weight in WEIGHTS.items():
        town = towns.get(code)
        if town is None:
            continue
        early_families = [
            (_pseudonym(rng), rng.choice(EARLY_TASKS)) for _ in range(int(90 * weight))
        ]
        welfare_families = [_pseudonym(rng) for _ in range(int(20 * weight))]
        for index, period in enumerate(periods):
            progress = index / (MONTHS - 1)  # 0 … 1 over the three years
            start = local_midnight(period.start)
            end = min(local_midnight(period.end), now)
            if end <= start:
                continue
            span = (end - start).total_seconds()

            def at(start=start, span=span):
                return start + datetime.timedelta(seconds=rng.random() * span)

            def add(type_, task="", family="", town=town, **attrs):
                events.append(
                    Event(
                        type=type_,
                        occurred_at=at(),
                        municipality=town,
                        service_task=task,
                        family_pseudonym=family,
                        attrs=attrs,
                    )
                )

            scale = weight * (span / (30.4 * 86400))
            # More families reach early support over the years, fewer child welfare.
            early_pool = early_families[: int(len(early_families) * (0.5 + 0.5 * progress))]
            welfare_pool = welfare_families[: int(len(welfare_families) * (1 - 0.4 * progress))]
            for _ in range(_poisson(rng, 12 * scale * (1 + 0.3 * progress))):
                add(
                    "contact.received",
                    channel=rng.choice(["web", "phone", "chat"]),
                    on_behalf=rng.random() < 0.3,
                    anonymous=rng.random() < 0.1,
                )
                if rng.random() < 0.92:
                    add(
                        "contact.answered",
                        outcome=rng.choice(["advice", "service_suggested", "matter_opened"]),
                        hours_to_answer=round(rng.lognormvariate(3.2 - 0.8 * progress, 0.7), 1),
                    )
            for _ in range(_poisson(rng, 3 * scale)):
                family, task = rng.choice(early_pool)
                add("matter.opened", task, family, special_support=rng.random() < 0.4, urgent=False)
            for _ in range(_poisson(rng, 2.5 * scale)):
                family, task = rng.choice(early_pool)
                applies = rng.random() < 0.5
                add(
                    "assessment.started",
                    task,
                    family,
                    deadline_applies=applies,
                    within_deadline=applies and rng.random() < 0.82 + 0.14 * progress,
                    working_days=rng.randint(0, 9),
                )
                applies = rng.random() < 0.5
                add(
                    "assessment.completed",
                    task,
                    family,
                    deadline_applies=applies,
                    within_deadline=applies and rng.random() < 0.88 + 0.08 * progress,
                    days=rng.randint(10, 100),
                )
            active_early = rng.sample(
                early_pool, min(len(early_pool), round(8 * scale * (1 + 0.5 * progress)))
            )
            for family, task in active_early:
                for _ in range(rng.randint(1, 2)):
                    add(
                        "appointment.held",
                        task,
                        family,
                        mode=rng.choice(["office", "home", "video"]),
                    )
            active_welfare = rng.sample(
                welfare_pool, min(len(welfare_pool), round(4 * scale * (1 - 0.35 * progress)))
            )
            for family in active_welfare:
                add(
                    "appointment.held", "child_welfare", family, mode=rng.choice(["office", "home"])
                )
            for _ in range(_poisson(rng, 3 * scale)):
                family, task = rng.choice(early_pool)
                add(
                    "plan.action_delivered",
                    task,
                    family,
                    kind=rng.choice(["service", "method", "appointments"]),
                    provider_kind=rng.choices(
                        ["wellbeing_county", "municipality", "ngo", "parish"],
                        [5, 2, 2 + 2 * progress, 1],
                    )[0],
                )
            for _ in range(_poisson(rng, 1.6 * scale)):
                family, task = rng.choice(early_pool)
                add(
                    "referral.sent",
                    task,
                    family,
                    kind=rng.choices(["referral", "consultation", "mobile_team"], [6, 3, 1])[0],
                    receiver_kind=rng.choice(["unit", "organisation"]),
                )
            remote = 0.12 + 0.25 * progress
            for _ in range(_poisson(rng, 7 * scale)):
                family, task = rng.choice(early_pool)
                mode = (
                    rng.choice(["video", "phone"])
                    if rng.random() < remote
                    else rng.choice(["office", "home"])
                )
                add("appointment.booked", task, family, mode=mode, professionals=1)
    return events


@transaction.atomic
def load_demo() -> None:
    """Add the demo region's history of events, unless it is there already."""
    if demo_history_exists():
        return
    Event.objects.bulk_create(generate(), batch_size=2000)
