"""The plan's steps and rules: save, agree, not needed, actions, comments, selectors."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from perhekeskus.access import Forbidden, NotFound
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.casework import services as casework
from perhekeskus.core.errors import ConflictError, TransitionError
from perhekeskus.events.models import Event
from perhekeskus.planning import selectors, services
from perhekeskus.planning.models import Method, Plan, PlanAction, PlanComment, PlanVersion
from perhekeskus.planning.tests.factories import open_matter

pytestmark = pytest.mark.django_db


def action(planning, **fields):
    return {
        "kind": "service",
        "service": planning.service.pk,
        "description": "Käydään perhekahvilassa.",
        "responsible": "family",
        "responsible_note": "Anna",
        "follow_up": "Kysytään seuraavassa tapaamisessa.",
        **fields,
    }


def save(planning, *, by=None, expected=0, goals=None, actions=None, **kwargs):
    return services.plan_save(
        actor=by or planning.worker,
        matter=planning.matter,
        expected_version=expected,
        goals=[{"text": "Äiti jaksaa paremmin.", "said_by": "äiti"}] if goals is None else goals,
        actions=[action(planning)] if actions is None else actions,
        **kwargs,
    )


def test_a_first_save_creates_the_familys_one_plan_with_a_version(planning):
    plan = save(planning)
    assert plan.version == 1 and plan.state == Plan.State.DRAFT
    item = plan.actions.get()
    assert item.provider_kind == "ngo"
    version = PlanVersion.objects.get(plan=plan)
    assert version.snapshot["goals"][0]["text"] == "Äiti jaksaa paremmin."
    assert version.snapshot["actions"][0]["service_name"] == planning.service.name
    second_matter = open_matter(planning.base)
    services.plan_save(
        actor=planning.worker, matter=second_matter, expected_version=1, goals=[], actions=[]
    )
    assert Plan.objects.filter(family=planning.virtanen).count() == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "service", "service": None},
        {"kind": "method", "method": "no-such-method"},
        {"kind": "appointments", "appointment_count": 0},
        {"kind": "referral", "receiver": ""},
        {"kind": "magic"},
        {"responsible": "professional", "responsible_user": None},
        {"description": "   "},
        {"follow_up": ""},
        {"goal": "not-a-uuid"},
    ],
)
def test_bad_actions_are_refused_and_nothing_is_written(planning, fields):
    with pytest.raises(ValidationError):
        save(planning, actions=[action(planning, **fields)])
    assert not PlanAction.objects.exists()
    assert not Plan.objects.exists()


def test_a_responsible_professional_is_from_the_team(planning):
    with pytest.raises(ValidationError):
        save(
            planning,
            actions=[
                action(planning, responsible="professional", responsible_user=planning.stranger)
            ],
        )
    plan = save(
        planning,
        actions=[action(planning, responsible="professional", responsible_user=planning.nurse)],
    )
    assert plan.actions.get().responsible_user == planning.nurse


def test_every_kind_of_action_is_kept(planning):
    method = Method.objects.get(code="ihmeelliset-vuodet")
    plan = save(
        planning,
        actions=[
            action(planning),
            action(planning, kind="method", method=method.code),
            action(planning, kind="appointments", appointment_count=6, schedule="joka toinen ti"),
            action(planning, kind="referral", receiver="Perheneuvola"),
            action(planning, kind="consultation", receiver="OT-keskus"),
        ],
    )
    assert sorted(plan.actions.values_list("kind", flat=True)) == sorted(
        ["service", "method", "appointments", "referral", "consultation"]
    )


def test_the_methods_table_has_three_languages():
    method = Method.objects.get(code="lapset-puheeksi")
    assert method.name_fi.startswith("Lapset puheeksi")
    assert method.name_sv.startswith("Barnen på tal")
    assert method.name_en.startswith("Let's Talk")


def test_the_second_save_from_the_same_version_is_refused_with_the_others_changes(planning):
    plan = save(planning)
    goal = plan.goals.get()
    save(
        planning,
        by=planning.nurse,
        expected=1,
        goals=[{"id": goal.pk, "text": "Äiti nukkuu yönsä.", "said_by": "äiti"}],
        actions=[],
    )
    with pytest.raises(ConflictError) as conflict:
        save(
            planning,
            by=planning.colleague,
            expected=1,
            goals=[{"id": goal.pk, "text": "Äiti saa apua.", "said_by": "äiti"}],
            actions=[],
        )
    assert any(c.new == "Äiti nukkuu yönsä." for c in conflict.value.changes)
    goal.refresh_from_db()
    assert goal.text == "Äiti nukkuu yönsä."


def test_agreeing_is_a_new_version_and_an_event(planning):
    plan = save(planning)
    agreed = services.plan_agree(actor=planning.worker, plan=plan, expected_version=1)
    assert agreed.state == Plan.State.AGREED and agreed.agreed_version == 2
    assert PlanVersion.objects.filter(plan=plan, kind="agreed").count() == 1
    event = Event.objects.get(type="plan.agreed")
    assert event.attrs == {"version": 2, "actions": 1}
    with pytest.raises(TransitionError):
        services.plan_agree(actor=planning.worker, plan=plan, expected_version=2)


def test_agreeing_needs_a_goal(planning):
    plan = save(planning, goals=[], actions=[])
    with pytest.raises(TransitionError):
        services.plan_agree(actor=planning.worker, plan=plan, expected_version=1)


def test_no_plan_needed_needs_a_reason_and_emits_an_event(planning):
    with pytest.raises(ValidationError):
        services.plan_not_needed(actor=planning.worker, matter=planning.matter, reason=" ")
    plan = services.plan_not_needed(
        actor=planning.worker, matter=planning.matter, reason="Neuvonta riitti."
    )
    assert plan.state == Plan.State.NOT_NEEDED
    assert Event.objects.filter(type="plan.not_needed").count() == 1
    with pytest.raises(TransitionError):
        services.plan_not_needed(
            actor=planning.worker, matter=planning.matter, reason="Taas", expected_version=1
        )


def test_an_agreed_plan_is_not_set_aside_as_not_needed(planning):
    plan = save(planning)
    services.plan_agree(actor=planning.worker, plan=plan, expected_version=1)
    with pytest.raises(TransitionError):
        services.plan_not_needed(
            actor=planning.worker, matter=planning.matter, reason="Ei", expected_version=2
        )


def _ngo_action(planning):
    # The family café's worker, a plan-only member, is named for the action.
    return [action(planning, responsible="professional", responsible_user=planning.ngo_worker)]


def test_action_transitions_and_the_delivered_event(planning):
    plan = save(planning, actions=_ngo_action(planning))
    item = plan.actions.get()
    services.action_start(actor=planning.ngo_worker, action=item)
    with pytest.raises(TransitionError):
        services.action_start(actor=planning.worker, action=item)
    services.action_deliver(actor=planning.ngo_worker, action=item)
    item.refresh_from_db()
    assert item.state == PlanAction.State.DELIVERED and item.finished_by == planning.ngo_worker
    event = Event.objects.get(type="plan.action_delivered")
    assert event.attrs == {"kind": "service", "provider_kind": "ngo"}
    with pytest.raises(TransitionError):
        services.action_deliver(actor=planning.worker, action=item)
    with pytest.raises(TransitionError):
        services.action_not_delivered(actor=planning.worker, action=item, reason="x")


def test_the_service_logs_its_write_with_the_basis_and_the_address(planning):
    """The change's log entry comes from the service, in its transaction: a
    write made outside a page is logged too, and a refused one is not."""
    item = save(planning, actions=_ngo_action(planning)).actions.get()
    changes = AccessLogEntry.objects.filter(target="plan (change)", action="write")
    assert changes.filter(actor_id=planning.worker.pk, channel="cli").count() == 1
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")
    services.action_start(actor=planning.ngo_worker, action=item, request=request)
    entry = changes.get(actor_id=planning.ngo_worker.pk)
    assert entry.subject_family_id == planning.virtanen.pk
    assert (entry.ip_address, entry.channel) == ("192.0.2.7", "html")
    assert entry.basis and entry.basis_detail
    with pytest.raises(TransitionError):
        services.action_start(actor=planning.ngo_worker, action=item, request=request)
    assert changes.filter(actor_id=planning.ngo_worker.pk).count() == 1


def test_not_delivered_needs_a_reason(planning):
    item = save(planning).actions.get()
    with pytest.raises(ValidationError):
        services.action_not_delivered(actor=planning.worker, action=item, reason="")
    services.action_not_delivered(actor=planning.worker, action=item, reason="Ryhmä peruttiin.")
    item.refresh_from_db()
    assert item.state == PlanAction.State.NOT_DELIVERED


def test_finished_and_started_actions_are_not_removed(planning):
    plan = save(planning)
    item = plan.actions.get()
    services.action_start(actor=planning.worker, action=item)
    with pytest.raises(ValidationError):
        save(planning, expected=1, actions=[{"id": item.pk, "remove": True}])


def test_a_plan_only_member_records_only_the_action_they_are_named_for(planning):
    plan = save(planning)  # the family is responsible for its one action
    item = plan.actions.get()
    with pytest.raises(Forbidden):
        services.action_start(actor=planning.ngo_worker, action=item)
    with pytest.raises(Forbidden):
        services.plan_comment(actor=planning.ngo_worker, plan=plan, text="Hei")
    item.refresh_from_db()
    assert item.state == PlanAction.State.PLANNED


def test_a_plan_only_member_reads_the_plan_but_does_not_change_it(planning):
    save(planning)
    assert selectors.plan_of(planning.ngo_worker, planning.matter) is not None
    assert selectors.plan_actions_of(planning.ngo_worker, planning.matter).count() == 1
    with pytest.raises(Forbidden):
        save(planning, by=planning.ngo_worker, expected=1)
    with pytest.raises(NotFound):
        selectors.plan_of(planning.stranger, planning.matter)
    assert not selectors.plan_actions_of(planning.stranger, planning.matter).exists()


def test_a_closed_matter_refuses_plan_changes(planning):
    plan = save(planning)
    item = plan.actions.get()
    casework.matter_close(
        actor=planning.worker, matter=planning.matter, reason="need_met", summary="Valmis."
    )
    with pytest.raises(TransitionError):
        save(planning, expected=1)
    with pytest.raises(TransitionError):
        services.action_deliver(actor=planning.worker, action=item)
    with pytest.raises(TransitionError):
        services.plan_agree(actor=planning.worker, plan=plan, expected_version=1)


def test_the_family_sees_its_plan_and_comments_and_the_team_sees_the_comment(planning):
    plan = save(planning)
    plans = selectors.plan_for_citizen(planning.parent)
    assert [p.pk for p in plans] == [plan.pk]
    assert AccessLogEntry.objects.filter(
        target="plan (family's own view)", actor_id=planning.parent.pk
    ).exists()
    comment = services.plan_comment(actor=planning.parent, plan=plan, text="Sopii meille.")
    assert comment.by_family and comment.plan_version == 1
    team_view = selectors.plan_of(planning.nurse, planning.matter)
    assert [c.text for c in team_view.comments.all()] == ["Sopii meille."]
    with pytest.raises(ValidationError):
        services.plan_comment(actor=planning.parent, plan=plan, text="   ")


def test_a_citizen_of_another_family_sees_no_plan_and_cannot_comment(planning):
    from perhekeskus.accounts.tests.factories import CitizenFactory

    plan = save(planning)
    maria = CitizenFactory(username="maria", identity_code=planning.maria.identity_code)
    assert selectors.plan_for_citizen(maria) == []
    with pytest.raises(NotFound):
        selectors.citizen_plan(maria, plan.pk)
    with pytest.raises(Forbidden):
        services.plan_comment(actor=maria, plan=plan, text="Hei")
    assert not PlanComment.objects.exists()


def test_due_assessments_lists_the_actors_matters_with_a_constant_number_of_queries(planning):
    rows = list(selectors.due_assessments(planning.worker))
    assert [(r.pk, r.due_step) for r in rows] == [(planning.matter.pk, "start")]
    assert rows[0].due_on == planning.matter.assessment_start_due
    assert rows[0].overdue is False
    assert list(selectors.due_assessments(planning.ngo_worker)) == []
    assert list(selectors.due_assessments(planning.stranger)) == []
    services.assessment_start(actor=planning.worker, matter=planning.matter)
    rows = list(selectors.due_assessments(planning.nurse))
    assert [(r.pk, r.due_step) for r in rows] == [(planning.matter.pk, "complete")]
    with CaptureQueriesContext(connection) as few:
        list(selectors.due_assessments(planning.worker))
    for _ in range(3):
        open_matter(planning.base, days_ago=30)
    with CaptureQueriesContext(connection) as more:
        rows = list(selectors.due_assessments(planning.worker))
    assert len(rows) == 4
    assert any(r.overdue for r in rows)
    assert len(more.captured_queries) == len(few.captured_queries)


def _referral(planning, matter=None):
    from perhekeskus.referrals.models import Referral

    return Referral.objects.create(
        matter=matter or planning.matter,
        kind="consultation",
        sender=planning.worker,
        sender_unit=planning.social_work,
        receiver_unit=planning.other_unit,
        question="Konsultaatio perheneuvolasta",
    )


def test_a_referral_action_links_to_the_referral_of_the_family(planning):
    referral = _referral(planning)
    plan = save(
        planning,
        actions=[action(planning, kind="consultation", referral=referral.pk, receiver="")],
    )
    item = plan.actions.get()
    assert item.referral == referral
    assert item.receiver == planning.other_unit.name
    assert plan.versions.get().snapshot["actions"][0]["referral"] == str(referral.pk)


def test_a_referral_of_another_family_is_refused(planning):
    from perhekeskus.planning.tests.factories import open_matter

    other = open_matter(planning.base, family=planning.lindqvist)
    referral = _referral(planning, matter=other)
    with pytest.raises(ValidationError):
        save(planning, actions=[action(planning, kind="referral", referral=referral.pk)])
    assert not PlanAction.objects.exists()
