"""The basis ``team``: a member of a family's team sees the family while a member."""

import datetime

import pytest
from django.utils import timezone

from perhekeskus.access import TEAM, access_family, actor_for, families_visible_to, log_listing
from perhekeskus.access.core import family_decision
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.accounts.models import Membership
from perhekeskus.casework import services
from perhekeskus.casework.tests.factories import build_case_world
from perhekeskus.families.models import ServiceTask

pytestmark = pytest.mark.django_db


def fresh(user):
    return actor_for(type(user).objects.get(pk=user.pk))


@pytest.fixture
def team(db, _fast_passwords):
    case = build_case_world()
    matter = services.matter_open(
        actor=case.social_worker,
        contact=None,
        family=case.lindqvist,
        unit=case.social_work,
        service_task=ServiceTask.FAMILY_SOCIAL_WORK,
        special_support=False,
        urgent=False,
    )
    member = services.team_add(
        actor=case.social_worker,
        matter=matter,
        user=case.stranger,
        unit=case.other_unit,
        role_in_family="Perheneuvolan psykologi",
        scope="assessment_and_plan",
        basis="relationship",
    )
    return case, matter, member


def test_a_member_s_reads_and_lists_are_logged_on_the_team_basis(team):
    case, matter, member = team
    actor = fresh(case.stranger)
    access_family(actor, case.lindqvist.pk)
    log_listing(actor, families_visible_to(actor))
    entries = AccessLogEntry.objects.filter(actor_id=case.stranger.pk, allowed=True)
    assert {e.basis for e in entries} == {TEAM}
    assert {e.action for e in entries} == {"read", "list"}
    assert str(member.pk) in entries.get(action="read").basis_detail


def test_leaving_the_unit_ends_a_member_s_access(team):
    case, _matter, _member = team
    assert family_decision(fresh(case.stranger), case.lindqvist.pk).basis == TEAM
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Membership.objects.filter(user=case.stranger).update(valid_until=yesterday)
    assert family_decision(fresh(case.stranger), case.lindqvist.pk) is None


def test_closing_the_matter_ends_the_team_s_access(team):
    case, matter, _member = team
    services.matter_close(actor=case.social_worker, matter=matter, reason="need_met", summary="ok")
    assert family_decision(fresh(case.stranger), case.lindqvist.pk) is None
    assert not families_visible_to(fresh(case.stranger)).exists()
