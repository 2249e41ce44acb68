"""Handover: the responsible worker of another unit, and transferring a matter.

The case: a public health nurse of the child health clinic opens a matter of
the Virtanen family and names a social worker of family social work as the
responsible worker; the matter is then transferred to family social work.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from perhekeskus.access import RESPONSIBLE, NotFound, families_visible_to, persons_visible_to
from perhekeskus.access.actor import actor_for
from perhekeskus.access.core import family_decision
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.accounts.models import Role
from perhekeskus.casework import selectors, services
from perhekeskus.casework.models import Matter, MatterTransfer, ResponsibleWorker, TeamMember
from perhekeskus.casework.services import CaseworkError
from perhekeskus.core.appendonly import AppendOnlyError
from perhekeskus.events.models import Event
from perhekeskus.families.models import ClientRelationship, ServiceTask
from perhekeskus.families.tests.world import professional

pytestmark = pytest.mark.django_db

REASON = "Perhe tarvitsee sosiaalityön tukea; neuvola jatkaa terveystarkastuksia."


def fresh(user):
    """The actor as a new request builds it."""
    return actor_for(type(user).objects.get(pk=user.pk))


def clinic_matter(case, **overrides):
    """The nurse's matter in the clinic, the social worker named responsible."""
    data = {
        "actor": case.nurse,
        "contact": None,
        "family": case.virtanen,
        "unit": case.clinic,
        "service_task": ServiceTask.FAMILY_SOCIAL_WORK,
        "special_support": False,
        "urgent": False,
        "responsible_worker": case.social_worker,
    }
    data.update(overrides)
    return services.matter_open(**data)


def head():
    return AccessLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


# --- The responsible worker of another unit ------------------------------------


def test_the_responsible_worker_of_another_unit_sees_the_whole_matter(case):
    matter = clinic_matter(case)
    row = ResponsibleWorker.objects.get(matter=matter)
    assert row.unit == case.social_work  # where she does client work
    worker = fresh(case.social_worker)
    assert case.social_work.pk != matter.unit_id
    assert selectors.team_scope_of(worker, matter) == TeamMember.Scope.FULL
    assert selectors.matters_visible_to(worker).filter(pk=matter.pk).exists()
    opened = selectors.access_matter(worker, matter.pk)
    assert opened.scope == TeamMember.Scope.FULL
    assert opened.family.access.basis == RESPONSIBLE
    decision = family_decision(worker, case.virtanen.pk)
    assert decision.basis == RESPONSIBLE and decision.person_ids is None
    listed = families_visible_to(worker).get(pk=case.virtanen.pk)
    assert listed.via_responsible is True
    assert case.eetu.pk in set(persons_visible_to(worker).values_list("pk", flat=True))


def test_the_access_ends_when_another_worker_is_named_or_the_matter_closes(case):
    matter = clinic_matter(case)
    other = professional("toinen", case.social_work, Role.SOCIAL_WORKER)
    services.worker_assign(actor=case.nurse, matter=matter, user=other, reason="Lomat")
    matter.refresh_from_db()
    worker = fresh(case.social_worker)
    assert selectors.team_scope_of(worker, matter) is None
    assert family_decision(worker, case.virtanen.pk) is None
    assert selectors.team_scope_of(fresh(other), matter) == TeamMember.Scope.FULL
    services.matter_close(actor=case.nurse, matter=matter, reason="need_met", summary="Valmis")
    matter.refresh_from_db()
    assert selectors.team_scope_of(fresh(other), matter) is None
    with pytest.raises(NotFound):
        selectors.access_matter(fresh(other), matter.pk)


def test_leaving_the_unit_she_was_named_for_ends_the_access(case):
    matter = clinic_matter(case)
    case.social_worker.memberships.update(valid_until="2000-01-01", valid_from="1999-01-01")
    worker = fresh(case.social_worker)
    assert selectors.team_scope_of(worker, matter) is None
    assert family_decision(worker, case.virtanen.pk) is None


def test_naming_a_worker_needs_client_work_and_the_capability(case):
    matter = clinic_matter(case, responsible_worker=None)
    with pytest.raises(CaseworkError, match="social welfare professional"):
        services.worker_assign(actor=case.nurse, matter=matter, user=case.manager, reason="x")
    with pytest.raises(CaseworkError, match="social welfare professional"):
        services.worker_assign(actor=case.nurse, matter=matter, user=case.nurse, reason="x")
    # A unit she does not work in is not hers to be named for.
    with pytest.raises(CaseworkError):
        services.worker_assign(
            actor=case.nurse, matter=matter, user=case.social_worker, reason="x", unit=case.clinic
        )
    assert not ResponsibleWorker.objects.filter(matter=matter).exists()


def test_the_responsible_worker_of_another_unit_opens_the_matter_page(case, client):
    matter = clinic_matter(case)
    client.force_login(case.social_worker)
    seq = head()
    page = client.get(f"/en/casework/matters/{matter.pk}/")
    assert page.status_code == 200
    assert b"Virtanen" in page.content
    assert b"Responsible workers over time" in page.content  # the full scope
    assert case.social_work.name_en.encode() in page.content  # the unit she works in
    assert AccessLogEntry.objects.filter(
        seq__gt=seq, actor_id=case.social_worker.pk, basis="responsible", allowed=True
    ).exists()
    listing = client.get("/en/casework/matters/")
    assert b"Virtanen" in listing.content


# --- Transferring a matter -------------------------------------------------------


def test_a_transfer_moves_the_matter_and_keeps_a_record(case):
    matter = clinic_matter(case)
    child_health = ClientRelationship.objects.get(
        family=case.virtanen, unit=case.clinic, service_task=ServiceTask.CHILD_HEALTH
    )
    old = matter.relationship
    pending, start_due = matter.pending_at, matter.assessment_start_due
    transfer = services.matter_transfer(
        actor=case.nurse, matter=matter, to_unit=case.social_work, reason=REASON
    )
    matter.refresh_from_db()
    assert matter.unit == case.social_work
    assert (matter.pending_at, matter.assessment_start_due) == (pending, start_due)
    assert matter.worker == case.social_worker  # the worker stays
    assert (transfer.from_unit, transfer.to_unit) == (case.clinic, case.social_work)
    assert transfer.transferred_by == case.nurse and transfer.reason == REASON
    assert list(matter.transfers.all()) == [transfer]
    # The receiving unit works in its own relationship, opened for the task.
    new = matter.relationship
    assert (new.unit, new.family, new.service_task) == (
        case.social_work,
        case.virtanen,
        ServiceTask.FAMILY_SOCIAL_WORK,
    )
    assert new.ends_on is None and transfer.to_relationship == new
    # The clinic's relationship for this matter ends; its child health one does not.
    old.refresh_from_db()
    child_health.refresh_from_db()
    assert old.ends_on is not None and transfer.from_relationship_ended is True
    assert child_health.ends_on is None
    event = Event.objects.get(type="matter.transferred")
    assert event.unit_id == case.social_work.pk
    assert event.attrs == {
        "from_kind": "child_health_clinic",
        "to_kind": "family_social_work",
        "relationship_ended": True,
    }


def test_a_transfer_uses_the_receiving_units_relationship_in_force(case):
    in_force = ClientRelationship.objects.get(family=case.lindqvist, unit=case.social_work)
    matter = clinic_matter(case, family=case.lindqvist)
    services.matter_transfer(
        actor=case.nurse, matter=matter, to_unit=case.social_work, reason=REASON
    )
    matter.refresh_from_db()
    assert matter.relationship == in_force
    # None opened beside it.
    assert (
        ClientRelationship.objects.filter(family=case.lindqvist, unit=case.social_work).count() == 1
    )


def test_the_sending_relationship_stays_while_another_open_matter_uses_it(case):
    matter = clinic_matter(case)
    other = clinic_matter(case, responsible_worker=None)
    assert other.relationship == matter.relationship
    transfer = services.matter_transfer(
        actor=case.nurse, matter=matter, to_unit=case.social_work, reason=REASON
    )
    other.relationship.refresh_from_db()
    assert other.relationship.ends_on is None
    assert transfer.from_relationship_ended is False
    # The nurse still runs the other matter, not the transferred one.
    nurse = fresh(case.nurse)
    assert selectors.team_scope_of(nurse, other) == TeamMember.Scope.FULL
    matter.refresh_from_db()
    assert selectors.team_scope_of(nurse, matter) is None


def test_the_responsible_worker_may_transfer_and_name_a_worker_there(case):
    matter = clinic_matter(case)
    colleague = professional("kollega", case.social_work, Role.SOCIAL_WORKER)
    services.matter_transfer(
        actor=case.social_worker,
        matter=matter,
        to_unit=case.social_work,
        reason=REASON,
        responsible_worker=colleague,
    )
    matter.refresh_from_db()
    assert matter.worker == colleague
    current = ResponsibleWorker.objects.get(matter=matter, ends_at__isnull=True)
    assert current.unit == case.social_work and "transferred" in current.reason
    assert ResponsibleWorker.objects.filter(matter=matter).count() == 2


@pytest.mark.parametrize("who", ["stranger", "manager", "team_member", "receiver"])
def test_anyone_else_is_refused_and_nothing_changes(case, who):
    matter = clinic_matter(case)
    services.team_add(
        actor=case.nurse,
        matter=matter,
        user=case.stranger,
        unit=case.other_unit,
        role_in_family="Psykologi",
        scope=TeamMember.Scope.FULL,
        basis=TeamMember.Basis.RELATIONSHIP,
    )
    actor = {
        "stranger": professional("vieras", case.student_welfare, Role.SCHOOL_PSYCHOLOGIST),
        "manager": case.manager,
        "team_member": case.stranger,
        "receiver": professional("vastaanottaja", case.social_work, Role.SOCIAL_WORKER),
    }[who]
    events = Event.objects.count()
    with pytest.raises(PermissionDenied):
        services.matter_transfer(
            actor=actor, matter=matter, to_unit=case.social_work, reason=REASON
        )
    matter.refresh_from_db()
    assert matter.unit == case.clinic
    assert not MatterTransfer.objects.exists()
    assert not ClientRelationship.objects.filter(
        family=case.virtanen, unit=case.social_work
    ).exists()
    assert Event.objects.count() == events


def test_a_transfer_without_a_reason_is_refused(case):
    matter = clinic_matter(case)
    with pytest.raises(CaseworkError) as refused:
        services.matter_transfer(
            actor=case.nurse, matter=matter, to_unit=case.social_work, reason="  "
        )
    assert refused.value.message_dict == {
        "reason": ["Give the reason for transferring the matter."]
    }
    matter.refresh_from_db()
    assert matter.unit == case.clinic and not MatterTransfer.objects.exists()


@pytest.mark.parametrize("where", ["same", "ngo", "administration"])
def test_only_another_unit_of_the_organisation_receives(case, where):
    from perhekeskus.accounts.models import Unit

    matter = clinic_matter(case)
    to_unit = {
        "same": case.clinic,
        "ngo": case.ngo_unit,
        "administration": Unit.objects.get(organization=case.county, kind=Unit.Kind.ADMINISTRATION),
    }[where]
    with pytest.raises(CaseworkError) as refused:
        services.matter_transfer(actor=case.nurse, matter=matter, to_unit=to_unit, reason=REASON)
    assert "to_unit" in refused.value.message_dict
    matter.refresh_from_db()
    assert matter.unit == case.clinic


def test_a_closed_matter_is_not_transferred(case):
    matter = clinic_matter(case)
    services.matter_close(actor=case.nurse, matter=matter, reason="need_met", summary="Valmis")
    with pytest.raises((CaseworkError, PermissionDenied)):
        services.matter_transfer(
            actor=case.nurse, matter=matter, to_unit=case.social_work, reason=REASON
        )
    assert not MatterTransfer.objects.exists()


def test_the_old_units_workers_lose_the_matter_unless_in_its_team(case):
    matter = clinic_matter(case)
    colleague = professional("neuvola2", case.clinic, Role.PUBLIC_HEALTH_NURSE)
    services.team_add(
        actor=case.nurse,
        matter=matter,
        user=colleague,
        unit=case.clinic,
        role_in_family="Terveydenhoitaja",
        scope=TeamMember.Scope.ASSESSMENT_AND_PLAN,
        basis=TeamMember.Basis.RELATIONSHIP,
    )
    services.matter_transfer(
        actor=case.nurse, matter=matter, to_unit=case.social_work, reason=REASON
    )
    matter.refresh_from_db()
    nurse = fresh(case.nurse)
    assert selectors.team_scope_of(nurse, matter) is None
    assert not selectors.matters_visible_to(nurse).filter(pk=matter.pk).exists()
    with pytest.raises(NotFound):
        selectors.access_matter(nurse, matter.pk)
    # Still the family's nurse in child health: the family, not this matter.
    assert family_decision(nurse, case.virtanen.pk) is not None
    member = fresh(colleague)
    assert selectors.team_scope_of(member, matter) == TeamMember.Scope.ASSESSMENT_AND_PLAN
    # The receiving unit's professionals run it now.
    receiver = fresh(professional("vastaanottaja", case.social_work, Role.SOCIAL_WORKER))
    assert selectors.team_scope_of(receiver, matter) == TeamMember.Scope.FULL
    assert services.may_manage(receiver, matter)


def test_a_transfer_record_is_never_changed(case):
    matter = clinic_matter(case)
    transfer = services.matter_transfer(
        actor=case.nurse, matter=matter, to_unit=case.social_work, reason=REASON
    )
    transfer.reason = "muutettu"
    with pytest.raises(AppendOnlyError):
        transfer.save()
    with pytest.raises(AppendOnlyError):
        MatterTransfer.objects.filter(pk=transfer.pk).update(reason="muutettu")
    with pytest.raises(AppendOnlyError):
        transfer.delete()


# --- The pages -------------------------------------------------------------------


def test_the_transfer_button_is_shown_only_to_those_allowed(case, client):
    matter = clinic_matter(case)
    services.team_add(
        actor=case.nurse,
        matter=matter,
        user=case.stranger,
        unit=case.other_unit,
        role_in_family="Psykologi",
        scope=TeamMember.Scope.FULL,
        basis=TeamMember.Basis.RELATIONSHIP,
    )
    link = f"/en/casework/matters/{matter.pk}/transfer/".encode()
    for user in (case.nurse, case.social_worker):
        client.force_login(user)
        assert link in client.get(f"/en/casework/matters/{matter.pk}/").content
    client.force_login(case.stranger)
    assert link not in client.get(f"/en/casework/matters/{matter.pk}/").content
    assert client.get(link.decode()).status_code == 403


def test_transferring_from_the_page(case, client):
    matter = clinic_matter(case)
    client.force_login(case.nurse)
    form = client.get(f"/en/casework/matters/{matter.pk}/transfer/")
    assert form.status_code == 200
    assert case.social_work.name_en.encode() in form.content
    assert case.ngo_unit.name_en.encode() not in form.content
    data = {"transfer-to_unit": case.social_work.pk, "transfer-reason": ""}
    refused = client.post(f"/en/casework/matters/{matter.pk}/transfer/", data)
    assert refused.status_code == 200
    assert b"Give the reason for transferring the matter." in refused.content
    assert not MatterTransfer.objects.exists()
    data["transfer-reason"] = REASON
    done = client.post(f"/en/casework/matters/{matter.pk}/transfer/", data)
    # The nurse no longer sees the matter: back to her list.
    assert done.status_code == 302 and done["Location"].endswith("/casework/matters/")
    matter.refresh_from_db()
    assert matter.unit == case.social_work
    # The history in plain words, with the units' names.
    worker = Client()
    worker.force_login(case.social_worker)
    page = worker.get(f"/en/casework/matters/{matter.pk}/").content.decode()
    assert "Transfers between units" in page
    assert (
        f"transferred the matter from {case.clinic.name_en} to {case.social_work.name_en}." in page
    )
    assert REASON in page


def test_a_forbidden_transfer_post_is_refused_and_logged(case, client):
    matter = clinic_matter(case)
    services.team_add(
        actor=case.nurse,
        matter=matter,
        user=case.stranger,
        unit=case.other_unit,
        role_in_family="Psykologi",
        scope=TeamMember.Scope.FULL,
        basis=TeamMember.Basis.RELATIONSHIP,
    )
    data = {"transfer-to_unit": case.social_work.pk, "transfer-reason": REASON}
    client.force_login(case.stranger)
    seq = head()
    assert client.post(f"/en/casework/matters/{matter.pk}/transfer/", data).status_code == 403
    assert AccessLogEntry.objects.filter(
        seq__gt=seq, actor_id=case.stranger.pk, action="denied", allowed=False
    ).exists()
    outsider = Client()
    outsider.force_login(case.ngo_worker)
    seq = head()
    assert outsider.post(f"/en/casework/matters/{matter.pk}/transfer/", data).status_code == 404
    assert AccessLogEntry.objects.filter(seq__gt=seq, action="denied").exists()
    matter.refresh_from_db()
    assert matter.unit == case.clinic and not MatterTransfer.objects.exists()


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("", "Siirrä asia toiseen yksikköön"),
        ("/sv", "Överför ärendet till en annan enhet"),
        ("/en", "Transfer the matter to another unit"),
    ],
)
def test_the_transfer_page_in_every_language(case, client, language, heading):
    matter = clinic_matter(case)
    client.force_login(case.nurse)
    page = client.get(f"{language}/casework/matters/{matter.pk}/transfer/")
    assert page.status_code == 200
    assert page.content.count(b"<h1") == 1
    assert f"<h1>{heading}</h1>" in page.content.decode()


def test_matters_opened_before_are_not_affected(case):
    """Matters in the worker's own unit read on the unit's relationship, as before."""
    matter = services.matter_open(
        actor=case.social_worker,
        contact=None,
        family=case.lindqvist,
        unit=case.social_work,
        service_task=ServiceTask.FAMILY_SOCIAL_WORK,
        special_support=True,
        urgent=False,
        responsible_worker=case.social_worker,
    )
    worker = fresh(case.social_worker)
    assert selectors.access_matter(worker, matter.pk).family.access.basis == "relationship"
    assert Matter.objects.get(pk=matter.pk).worker == case.social_worker
