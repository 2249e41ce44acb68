"""A child added to the family later has their own section of the
assessment at once; the plan-only team member keeps no register."""

import datetime

from django.urls import reverse
from django.utils import timezone

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.families import services
from perhekeskus.planning import selectors


def test_a_newborn_added_later_has_their_own_view_in_the_assessment(client, planning, filled):

    before = {p.pk for p in selectors.children_of(planning.matter)}
    client.force_login(planning.worker)
    page = client.get(f"/en/families/{planning.virtanen.pk}/members/newborn/")
    assert page.status_code == 200
    family = planning.virtanen
    family.refresh_from_db()
    response = client.post(
        f"/en/families/{family.pk}/members/newborn/",
        {
            "version": family.version,
            "first_names": "Pikku",
            "last_name": "Virtanen",
            "date_of_birth": (timezone.localdate() - datetime.timedelta(days=2)).strftime(
                "%d.%m.%Y"
            ),
            "guardians": [str(planning.anna.pk)],
            "basis": "parenthood",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    children = selectors.children_of(planning.matter)
    newborn = next(p for p in children if p.pk not in before)
    assert newborn.first_names == "Pikku"
    assessment = client.get(reverse("planning:assessment", args=[planning.matter.pk]))
    assert assessment.status_code == 200
    assert f'id="child-{newborn.pk}"' in assessment.content.decode()
    plan = client.get(reverse("planning:plan", args=[planning.matter.pk]))
    assert f'id="plan-child-{newborn.pk}"' in plan.content.decode()


def test_plan_only_team_member_is_refused_with_a_logged_403(client, planning):
    family = planning.virtanen
    client.force_login(planning.ngo_worker)
    seq = AccessLogEntry.objects.count()
    response = client.post(
        f"/en/families/{family.pk}/members/{planning.aino.pk}/move/",
        {
            "version": 1,
            "street_address": "X",
            "postal_code": "00100",
            "post_office": "Y",
        },
    )
    assert response.status_code in (403, 404)
    assert AccessLogEntry.objects.filter(seq__gt=seq, allowed=False).exists()
    planning.aino.refresh_from_db()
    assert planning.aino.street_address == ""
    # The team member sees the family but gets no upkeep buttons.
    page = client.get(f"/en/families/{family.pk}/")
    if page.status_code == 200:
        assert b"/members/add/" not in page.content


def test_the_responsible_worker_keeps_the_register(client, planning):
    client.force_login(planning.worker)
    page = client.get(f"/en/families/{planning.virtanen.pk}/")
    assert b"/members/add/" in page.content
    assert services.ADULT_ROLES
