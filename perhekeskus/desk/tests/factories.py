"""Matters, contacts and assessments for the work views' tests.

The tests build these rows directly (the case-work services have their own
tests); each factory keeps the rows valid under the models' constraints.
"""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from perhekeskus.casework.models import Contact, Matter, ResponsibleWorker, TeamMember
from perhekeskus.core.calendar import add_working_days
from perhekeskus.core.rules import CONTACT_ANSWER_WORKING_DAYS, assessment_deadlines
from perhekeskus.core.tests.fakes import fake
from perhekeskus.families.models import ClientRelationship, ServiceTask


def _relationship(matter_stub) -> ClientRelationship:
    relationship = ClientRelationship.objects.filter(
        family=matter_stub.family, unit=matter_stub.unit, ends_on__isnull=True, person=None
    ).first()
    if relationship is None:
        relationship = ClientRelationship.objects.create(
            family=matter_stub.family,
            unit=matter_stub.unit,
            service_task=matter_stub.service_task,
            starts_on=timezone.localdate(matter_stub.pending_at),
        )
    return relationship


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    received_at = factory.LazyFunction(timezone.now)
    channel = Contact.Channel.WEB
    situation = factory.Faker("sentence", locale="fi_FI")
    contact_way = Contact.ContactWay.PHONE
    name = fake("name")
    phone = "040 765 4321"
    answer_due_by = factory.LazyAttribute(
        lambda o: add_working_days(timezone.localdate(o.received_at), CONTACT_ANSWER_WORKING_DAYS)
    )


class MatterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Matter

    service_task = ServiceTask.FAMILY_SOCIAL_WORK
    special_support = True
    pending_at = factory.LazyFunction(timezone.now)
    relationship = factory.LazyAttribute(_relationship)
    assessment_start_due = factory.LazyAttribute(
        lambda o: (
            assessment_deadlines(
                timezone.localdate(o.pending_at), special_support=o.special_support
            ).start_by
        )
    )
    assessment_complete_due = factory.LazyAttribute(
        lambda o: (
            assessment_deadlines(
                timezone.localdate(o.pending_at), special_support=o.special_support
            ).complete_by
        )
    )
    deadline_statutory = factory.LazyAttribute(lambda o: o.special_support)


def give_worker(matter, user, *, days_ago: int = 0, unit=None) -> ResponsibleWorker:
    """Name the worker, for the unit she works in (her first, unless given)."""
    return ResponsibleWorker.objects.create(
        matter=matter,
        user=user,
        unit=unit or user.memberships.order_by("unit__name").first().unit,
        starts_at=timezone.now() - datetime.timedelta(days=days_ago),
        reason="Nimetty",
    )


def add_to_team(matter, user, unit) -> TeamMember:
    return TeamMember.objects.create(
        matter=matter,
        user=user,
        unit=unit,
        role_in_family="Psykologi",
        scope=TeamMember.Scope.ASSESSMENT_AND_PLAN,
        basis=TeamMember.Basis.RELATIONSHIP,
    )


def start_assessment(matter, user, *, on: datetime.datetime, completed=None):
    from perhekeskus.planning.models import Assessment

    return Assessment.objects.create(
        matter=matter,
        started_at=on,
        started_by=user,
        completed_at=completed,
        completed_by=user if completed else None,
        state=Assessment.State.COMPLETED if completed else Assessment.State.IN_PROGRESS,
    )
