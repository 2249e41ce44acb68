"""Matters: pending moment, deadlines, responsible worker, team, closure."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from perhekeskus.access import (
    TEAM,
    NotFound,
    access_family,
    families_visible_to,
    persons_visible_to,
)
from perhekeskus.access.actor import actor_for
from perhekeskus.access.core import family_decision
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.models import Role
from perhekeskus.casework import selectors, services
from perhekeskus.casework.models import (
    Contact,
    ImmutableFieldError,
    Matter,
    ResponsibleWorker,
    TeamMember,
)
from perhekeskus.casework.services import CaseworkError
from perhekeskus.core import rules
from perhekeskus.events.models import Event
from perhekeskus.families import services as family_services
from perhekeskus.families.models import ClientRelationship, ServiceTask

from .factories import submit_contact

pytestmark = pytest.mark.django_db


def open_matter(case, **overrides):
    data = {
        "actor": case.social_worker,
        "contact": None,
        "family": case.lindqvist,
        "unit": case.social_work,
        "service_task": ServiceTask.FAMILY_SOCIAL_WORK,
        "special_support": True,
        "urgent": False,
    }
    data.update(overrides)
    return services.matter_open(**data)


def fresh(actor):
    """The actor as a new request would build it (memberships may have changed)."""
    return actor_for(type(actor).objects.get(pk=actor.pk))


def test_opening_from_a_contact_is_pending_from_when_the_contact_arrived(case):
    contact = submit_contact(case)
    received = contact.received_at - datetime.timedelta(days=1)
    Contact.objects.filter(pk=contact.pk).update(received_at=received)
    contact.refresh_from_db()
    contact = services.contact_take(actor=case.social_worker, contact=contact)
    matter = open_matter(case, contact=contact)
    assert matter.pending_at == received
    expected = rules.assessment_deadlines(
        timezone.localdate(received), special_support=True, urgent=False
    )
    assert matter.assessment_start_due == expected.start_by
    assert matter.assessment_complete_due == expected.complete_by
    assert matter.deadline_statutory is True
    assert matter.deadline_source == expected.source
    contact.refresh_from_db()
    assert contact.state == Contact.State.MATTER_OPENED
    assert contact.outcome == Contact.Outcome.MATTER
    assert contact.family == case.lindqvist
    assert contact.answered_at is not None
    types = list(Event.objects.order_by("id").values_list("type", flat=True))
    assert types == ["contact.received", "matter.opened", "contact.answered"]
    opened = Event.objects.get(type="matter.opened")
    assert opened.attrs == {"special_support": True, "urgent": False}
    assert opened.service_task == ServiceTask.FAMILY_SOCIAL_WORK


def test_the_existing_relationship_is_used_or_a_new_one_opened(case):
    existing = ClientRelationship.objects.get(family=case.lindqvist, unit=case.social_work)
    assert open_matter(case).relationship == existing
    matter = open_matter(case, family=case.virtanen, special_support=False)
    assert matter.relationship.unit == case.social_work
    assert matter.relationship.family == case.virtanen
    assert matter.relationship.pk != existing.pk


def test_a_matter_without_special_support_gets_the_unit_s_target(case):
    matter = open_matter(case, special_support=False)
    assert matter.deadline_statutory is False


def test_the_pending_moment_never_changes(case):
    matter = open_matter(case)
    original = matter.pending_at
    matter.pending_at = original - datetime.timedelta(days=3)
    with pytest.raises(ImmutableFieldError):
        matter.save()
    with pytest.raises(ImmutableFieldError):
        Matter.objects.filter(pk=matter.pk).update(pending_at=original - datetime.timedelta(days=1))
    matter.refresh_from_db()
    assert matter.pending_at == original
    matter.urgent = True
    matter.save()  # other fields may change


def test_a_matter_cannot_become_pending_in_the_future(case):
    with pytest.raises(CaseworkError):
        open_matter(case, pending_at=timezone.now() + datetime.timedelta(days=1))


def test_only_the_unit_s_professionals_open_its_matters(case):
    with pytest.raises(PermissionDenied):
        open_matter(case, actor=case.nurse)


def test_a_contact_already_answered_cannot_open_a_matter(case):
    contact = services.contact_take(actor=case.social_worker, contact=submit_contact(case))
    services.contact_answer(actor=case.social_worker, contact=contact, answer="Neuvo")
    with pytest.raises(CaseworkError):
        open_matter(case, contact=contact)
    assert not Matter.objects.exists()


def test_special_support_needs_a_qualified_social_worker(case):
    matter = open_matter(case)
    assert (
        rules.responsible_worker_capability(service_task=matter.service_task, special_support=True)
        == Capability.BE_RESPONSIBLE_WORKER_CHILD_WELFARE
    )
    with pytest.raises(CaseworkError, match="qualified social worker") as refused:
        services.worker_assign(
            actor=case.social_worker, matter=matter, user=case.counsellor, reason="Vuoro"
        )
    assert "user" in refused.value.error_dict
    with pytest.raises(CaseworkError):
        services.worker_assign(
            actor=case.social_worker, matter=matter, user=case.nurse, reason="Vuoro"
        )
    assert matter.responsible_worker is None


def test_without_special_support_a_social_counsellor_may_be_the_worker(case):
    matter = open_matter(case, special_support=False)
    services.worker_assign(
        actor=case.social_worker, matter=matter, user=case.counsellor, reason="Ohjaus"
    )
    assert matter.responsible_worker == case.counsellor


def test_changing_the_worker_keeps_the_history(case):
    from perhekeskus.families.tests.world import professional

    matter = open_matter(case, responsible_worker=case.social_worker)
    second = professional("toinen", case.social_work, "social_worker")
    services.worker_assign(actor=case.social_worker, matter=matter, user=second, reason="Loma")
    matter = Matter.objects.get(pk=matter.pk)
    assert matter.responsible_worker == second
    assert matter.worker == second  # the pointer the caseloads count
    rows = list(ResponsibleWorker.objects.filter(matter=matter).order_by("starts_at"))
    assert [r.user for r in rows] == [case.social_worker, second]
    assert rows[0].ends_at is not None and rows[1].ends_at is None
    assert rows[1].reason == "Loma"
    changes = list(
        Event.objects.filter(type="worker.assigned").order_by("id").values_list("attrs", flat=True)
    )
    assert changes == [{"change": "named"}, {"change": "changed"}]
    with pytest.raises(CaseworkError, match="already"):
        services.worker_assign(actor=case.social_worker, matter=matter, user=second, reason="x")


def test_the_matter_points_to_whoever_holds_the_current_period(case):
    matter = open_matter(case)
    assert matter.worker is None
    row = ResponsibleWorker.objects.create(matter=matter, user=case.social_worker, reason="x")
    assert Matter.objects.get(pk=matter.pk).worker == case.social_worker
    assert matter.worker == case.social_worker  # the instance the row holds, too
    row.ends_at = timezone.now()
    row.save()
    assert Matter.objects.get(pk=matter.pk).worker is None
    # Ending an earlier period leaves the current worker in place.
    ResponsibleWorker.objects.create(matter=matter, user=case.counsellor, reason="y")
    row.save()
    assert Matter.objects.get(pk=matter.pk).worker == case.counsellor


def test_the_database_allows_one_current_worker(case):
    matter = open_matter(case, responsible_worker=case.social_worker)
    with pytest.raises(IntegrityError), transaction.atomic():
        ResponsibleWorker.objects.create(matter=matter, user=case.counsellor, reason="toinen")


def test_the_family_sees_its_worker(case):
    matter = open_matter(case, family=case.virtanen, responsible_worker=case.social_worker)
    mine = list(selectors.matters_of_citizen(case.parent))
    assert mine == [matter]
    assert mine[0].responsible_worker == case.social_worker
    contact = submit_contact(case, actor=case.parent, contact_way="message", phone="")
    assert list(selectors.contacts_of_citizen(case.parent)) == [contact]
    assert list(selectors.matters_of_citizen(case.nurse)) == []


# --- The team --------------------------------------------------------------


def test_a_same_organisation_member_joins_on_the_relationship(case):
    matter = open_matter(case)
    member = services.team_add(
        actor=case.social_worker,
        matter=matter,
        user=case.nurse,
        unit=case.clinic,
        role_in_family="Neuvolan terveydenhoitaja",
        scope=TeamMember.Scope.ASSESSMENT_AND_PLAN,
        basis=TeamMember.Basis.RELATIONSHIP,
    )
    assert member.is_active
    event = Event.objects.get(type="team.member_added")
    assert event.attrs == {"sector": "health_care", "basis": "relationship"}


def test_a_cross_sector_member_needs_a_consent_in_force(case):
    matter = open_matter(case)
    add = {
        "actor": case.social_worker,
        "matter": matter,
        "user": case.teacher,
        "unit": case.school,
        "role_in_family": "Oskarin opettaja",
        "scope": TeamMember.Scope.PLAN_ONLY,
    }
    with pytest.raises(CaseworkError):
        services.team_add(**add, basis=TeamMember.Basis.RELATIONSHIP)
    with pytest.raises(CaseworkError):
        services.team_add(**add, basis=TeamMember.Basis.CONSENT)
    assert not TeamMember.objects.exists()
    # Named for another role of the sector: not the teacher's.
    family_services.consent_give(
        actor=None,
        person=case.maria,
        given_by=case.maria,
        purpose_task=ServiceTask.STUDENT_WELFARE,
        purpose="Koulukuraattori",
        data="service",
        recipient_sector="education",
        recipient_role=Role.SCHOOL_SOCIAL_WORKER,
    )
    with pytest.raises(CaseworkError):
        services.team_add(**add, basis=TeamMember.Basis.CONSENT)
    consent = family_services.consent_give(
        actor=None,
        person=case.maria,
        given_by=case.maria,
        purpose_task=ServiceTask.STUDENT_WELFARE,
        purpose="Koulu mukaan tiimiin",
        data="service",
        recipient_sector="education",
        recipient_role=Role.TEACHER,
    )
    member = services.team_add(**add, basis=TeamMember.Basis.CONSENT)
    assert member.consent == consent
    entry = AccessLogEntry.objects.get(action=AccessLogEntry.Action.DISCLOSE)
    assert entry.basis == AccessLogEntry.Basis.CONSENT
    assert entry.recipient_organization_id == case.school.organization_id


def test_a_consent_must_cover_what_the_scope_shows(case):
    matter = open_matter(case)
    family_services.consent_give(
        actor=None,
        person=case.maria,
        given_by=case.maria,
        purpose_task=ServiceTask.STUDENT_WELFARE,
        purpose="Koulu",
        data="service",
        recipient_sector="education",
        recipient_unit=case.school,
    )
    with pytest.raises(CaseworkError):
        services.team_add(
            actor=case.social_worker,
            matter=matter,
            user=case.teacher,
            unit=case.school,
            role_in_family="Opettaja",
            scope=TeamMember.Scope.FULL,
            basis=TeamMember.Basis.CONSENT,
        )


def test_a_statutory_member_needs_the_right_in_their_role(case):
    matter = open_matter(case)
    with pytest.raises(CaseworkError):
        services.team_add(
            actor=case.social_worker,
            matter=matter,
            user=case.teacher,
            unit=case.school,
            role_in_family="Opettaja",
            scope=TeamMember.Scope.PLAN_ONLY,
            basis=TeamMember.Basis.STATUTORY,
            statutory_ground="lsl-26-27",
        )


def test_a_member_must_work_in_the_unit_named(case):
    matter = open_matter(case)
    with pytest.raises(CaseworkError):
        services.team_add(
            actor=case.social_worker,
            matter=matter,
            user=case.nurse,
            unit=case.student_welfare,
            role_in_family="x",
            scope=TeamMember.Scope.PLAN_ONLY,
            basis=TeamMember.Basis.RELATIONSHIP,
        )


def test_a_team_member_sees_the_family_only_while_a_member(case):
    matter = open_matter(case)
    stranger = case.stranger  # family counselling, same county
    assert family_decision(fresh(stranger), case.lindqvist.pk) is None
    member = services.team_add(
        actor=case.social_worker,
        matter=matter,
        user=stranger,
        unit=case.other_unit,
        role_in_family="Perheneuvolan psykologi",
        scope=TeamMember.Scope.PLAN_ONLY,
        basis=TeamMember.Basis.RELATIONSHIP,
    )
    actor = fresh(stranger)
    decision = family_decision(actor, case.lindqvist.pk)
    assert decision.basis == TEAM and decision.person_ids is None
    assert set(families_visible_to(actor)) == {case.lindqvist}
    assert families_visible_to(actor).get().via_team is True
    assert set(persons_visible_to(actor)) == {case.maria, case.oskar}
    access_family(actor, case.lindqvist.pk)
    assert AccessLogEntry.objects.filter(basis=TEAM, allowed=True).exists()
    assert selectors.team_scope_of(actor, matter) == TeamMember.Scope.PLAN_ONLY
    assert selectors.access_matter(actor, matter.pk).scope == TeamMember.Scope.PLAN_ONLY
    # A team member may read, never change the register.
    with pytest.raises(NotFound):
        access_family(actor, case.lindqvist.pk, action="write")

    services.team_remove(actor=case.social_worker, member=member)
    actor = fresh(stranger)
    assert family_decision(actor, case.lindqvist.pk) is None
    assert selectors.team_scope_of(actor, matter) is None
    with pytest.raises(NotFound):
        selectors.access_matter(actor, matter.pk)
    with pytest.raises(CaseworkError):
        services.team_remove(actor=case.social_worker, member=member)


def test_the_unit_sees_its_matter_in_full_and_others_not_at_all(case):
    matter = open_matter(case)
    assert selectors.team_scope_of(fresh(case.social_worker), matter) == TeamMember.Scope.FULL
    assert list(selectors.matters_visible_to(fresh(case.social_worker))) == [matter]
    assert selectors.team_scope_of(fresh(case.nurse), matter) is None
    assert list(selectors.matters_visible_to(fresh(case.nurse))) == []
    with pytest.raises(NotFound):
        selectors.access_matter(fresh(case.nurse), matter.pk)
    with pytest.raises(NotFound):
        selectors.access_matter(fresh(case.nurse), "not-a-uuid")


def test_scopes_nest():
    assert selectors.scope_allows("full", "plan_only")
    assert selectors.scope_allows("assessment_and_plan", "plan_only")
    assert not selectors.scope_allows("plan_only", "assessment_and_plan")
    assert not selectors.scope_allows(None, "plan_only")


# --- Closure ---------------------------------------------------------------


def test_closing_keeps_everything_and_ends_the_relationship(case):
    matter = open_matter(case, family=case.virtanen, responsible_worker=case.social_worker)
    member = services.team_add(
        actor=case.social_worker,
        matter=matter,
        user=case.stranger,
        unit=case.other_unit,
        role_in_family="Psykologi",
        scope=TeamMember.Scope.FULL,
        basis=TeamMember.Basis.RELATIONSHIP,
    )
    with pytest.raises(CaseworkError):
        services.matter_close(actor=case.social_worker, matter=matter, reason="bogus", summary="x")
    with pytest.raises(CaseworkError):
        services.matter_close(
            actor=case.social_worker, matter=matter, reason="need_met", summary=" "
        )
    services.matter_close(
        actor=case.social_worker, matter=matter, reason="need_met", summary="Tuki riitti."
    )
    matter = Matter.objects.get(pk=matter.pk)
    assert matter.state == Matter.State.CLOSED and matter.closure_summary == "Tuki riitti."
    assert matter.relationship.ends_on == timezone.localdate()
    assert ResponsibleWorker.objects.filter(matter=matter).count() == 1
    assert matter.responsible_worker is None and matter.worker is None
    member.refresh_from_db()
    assert member.removed_at is not None
    assert family_decision(fresh(case.stranger), case.virtanen.pk) is None
    event = Event.objects.get(type="matter.closed")
    assert event.attrs == {"reason": "need_met", "days_open": 0}
    with pytest.raises(CaseworkError, match="closed"):
        services.matter_close(
            actor=case.social_worker, matter=matter, reason="need_met", summary="x"
        )
    with pytest.raises(CaseworkError):
        services.worker_assign(
            actor=case.social_worker, matter=matter, user=case.social_worker, reason="x"
        )


def test_closing_keeps_a_relationship_another_open_matter_uses(case):
    first = open_matter(case)
    open_matter(case, special_support=False)
    services.matter_close(actor=case.social_worker, matter=first, reason="no_need", summary="Ok")
    first.relationship.refresh_from_db()
    assert first.relationship.ends_on is None


def test_nothing_can_be_deleted(case):
    from django.db.models import ProtectedError

    matter = open_matter(case, responsible_worker=case.social_worker)
    with pytest.raises(ProtectedError):
        case.lindqvist.delete()
    with pytest.raises(ProtectedError):
        matter.relationship.delete()
    assert Matter.objects.filter(pk=matter.pk).exists()


def test_a_worker_change_made_meanwhile_is_not_overwritten(case):
    from perhekeskus.families.tests.world import professional

    matter = open_matter(case, responsible_worker=case.social_worker)
    second = professional("toinen", case.social_work, "social_worker")
    third = professional("kolmas", case.social_work, "social_worker")
    # Both saw the first worker; the first change wins, the second is refused.
    services.worker_assign(
        actor=case.social_worker,
        matter=matter,
        user=second,
        reason="Loma",
        replaces=case.social_worker.pk,
    )
    with pytest.raises(CaseworkError, match="Someone else changed"):
        services.worker_assign(
            actor=case.social_worker,
            matter=matter,
            user=third,
            reason="Sairausloma",
            replaces=case.social_worker.pk,
        )
    assert Matter.objects.get(pk=matter.pk).responsible_worker == second


def test_the_child_welfare_caseload_limit(case, monkeypatch):
    from perhekeskus.families.tests.world import professional

    virtanen = open_matter(
        case, family=case.virtanen, service_task=ServiceTask.CHILD_WELFARE, special_support=False
    )
    services.worker_assign(
        actor=case.social_worker, matter=virtanen, user=case.social_worker, reason="x"
    )
    assert services.child_welfare_caseload(case.social_worker) == 2  # Aino and Eetu
    assert services.child_welfare_caseload(case.social_worker, adding=case.lindqvist.pk) == 3
    lindqvist = open_matter(case, service_task=ServiceTask.CHILD_WELFARE, special_support=False)
    monkeypatch.setattr(rules, "CHILD_WELFARE_CASELOAD_LIMIT", 2)
    with pytest.raises(CaseworkError, match="LSL §13b"):
        services.worker_assign(
            actor=case.social_worker, matter=lindqvist, user=case.social_worker, reason="x"
        )
    other = professional("toinen", case.social_work, "social_worker")
    services.worker_assign(actor=case.social_worker, matter=lindqvist, user=other, reason="x")
    # Other service tasks do not count.
    family_work = open_matter(case, special_support=False)
    services.worker_assign(
        actor=case.social_worker, matter=family_work, user=case.social_worker, reason="x"
    )
