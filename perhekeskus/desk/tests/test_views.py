"""The work views: who may open each, what each shows, and what it never shows."""

import pytest
from django.urls import reverse

from perhekeskus.desk.models import Notice

from .factories import MatterFactory, give_worker

pytestmark = pytest.mark.django_db


def test_manager_view_shows_figures_and_no_family_names(client, managed, casework):
    client.force_login(managed.manager)
    response = client.get(reverse("desk:manager"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    overview = response.context["overview"]
    clinic = next(u for u in overview.units if u.unit_id == managed.clinic.pk)
    assert (clinic.new_contacts, clinic.answered, clinic.answered_on_time) == (1, 1, 1)
    assert clinic.median_hours_to_answer == 24.0
    social = next(u for u in overview.units if u.unit_id == managed.social_work.pk)
    assert (social.starts_met, social.starts_decided, social.overdue_now) == (0, 1, 1)
    assert overview.total.starts_met == 1 and overview.total.starts_decided == 2
    [load] = overview.caseloads
    assert load.matters == 2 and load.child_welfare_children == 1
    assert managed.social_worker.last_name in html
    for name in ("Lindqvist", "Virtanen", "Liisa Yhteydenottaja", "Neuvottiin"):
        assert name not in html


def test_manager_view_needs_the_capability(client, managed):
    client.force_login(managed.nurse)
    assert client.get(reverse("desk:manager")).status_code == 403
    client.logout()
    assert client.get(reverse("desk:manager")).status_code == 302


def test_caseload_over_the_child_welfare_limit_is_flagged(client, managed):
    from perhekeskus.families import services as family_services
    from perhekeskus.families.tests.world import person, years_ago

    family = family_services.family_create(actor=None, name="Suurperhe")
    for number in range(31):
        child = person(f"Lapsi{number}", "Suurperhe", years_ago(5, number), 300 + number)
        family_services.membership_add(actor=None, family=family, person=child, role="child")
    matter = MatterFactory(family=family, unit=managed.social_work, service_task="child_welfare")
    give_worker(matter, managed.social_worker)
    client.force_login(managed.manager)
    response = client.get(reverse("desk:manager"))
    [load] = response.context["overview"].caseloads
    assert load.child_welfare_children == 31 and load.over_limit
    assert "Suurperhe" not in response.content.decode()


def test_desk_shows_my_notices_and_marks_them_read(client, managed, casework):
    client.force_login(managed.social_worker)
    response = client.get(reverse("desk:home"))
    assert response.status_code == 200
    notices = response.context["desk"].notices
    assert [n.kind for n in notices] == [Notice.Kind.START_OVERDUE]
    response = client.post(
        reverse("desk:notice_read", args=[notices[0].pk]), {"next": reverse("desk:home")}
    )
    assert response.status_code == 302
    assert not client.get(reverse("desk:home")).context["desk"].notices


def test_another_users_notice_cannot_be_marked(client, managed, casework):
    notice = Notice.objects.get(user=managed.social_worker)
    client.force_login(managed.nurse)
    assert client.post(reverse("desk:notice_read", args=[notice.pk])).status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_desk_is_for_client_work(client, managed):
    client.force_login(managed.manager)
    assert client.get(reverse("desk:home")).status_code == 404
    client.force_login(managed.parent)
    assert client.get(reverse("desk:home")).status_code == 404


def test_family_view_is_for_citizens(client, managed):
    client.force_login(managed.parent)
    response = client.get(reverse("desk:family"))
    assert response.status_code == 200
    assert reverse("audit:my_data") in response.content.decode()
    client.force_login(managed.nurse)
    assert client.get(reverse("desk:family")).status_code == 404


def test_header_links_by_capability(client, managed):
    client.force_login(managed.nurse)
    html = client.get(reverse("catalogue:home")).content.decode()
    assert f'href="{reverse("desk:home")}"' in html and reverse("desk:manager") not in html
    client.force_login(managed.manager)
    html = client.get(reverse("catalogue:home")).content.decode()
    assert reverse("desk:manager") in html and f'href="{reverse("desk:home")}"' not in html
    client.force_login(managed.parent)
    html = client.get(reverse("catalogue:home")).content.decode()
    assert reverse("desk:family") in html and f'href="{reverse("desk:home")}"' not in html


def test_a_nurse_never_sees_another_units_families(client, managed, casework):
    """The Lindqvist matter is social work's: the nurse's desk does not name it."""
    client.force_login(managed.nurse)
    response = client.get(reverse("desk:home"))
    desk = response.context["desk"]
    assert all(row.matter.family_id != managed.lindqvist.pk for row in desk.families)
    assert all(m.family_id != managed.lindqvist.pk for m in desk.deadlines)
    assert "Lindqvist" not in response.content.decode()
    # The social worker, responsible for it, sees it.
    client.force_login(managed.social_worker)
    desk = client.get(reverse("desk:home")).context["desk"]
    assert managed.lindqvist.pk in {row.matter.family_id for row in desk.families}


def test_the_desk_logs_the_families_it_names(client, managed, casework):
    from perhekeskus.access.models import AccessLogEntry

    client.force_login(managed.social_worker)
    client.get(reverse("desk:home"))
    listed = AccessLogEntry.objects.filter(
        actor_id=managed.social_worker.pk, action="list", subject_family_id=managed.lindqvist.pk
    )
    assert listed.exists()


def test_the_citizen_sees_only_their_own_family(client, managed, casework):
    from .factories import ContactFactory

    ContactFactory(
        unit=managed.clinic, citizen=managed.parent, situation="Oma yhteydenottoni", phone=""
    )
    ContactFactory(unit=managed.clinic, situation="Jonkun toisen huoli", name="Toinen Perhe")
    client.force_login(managed.parent)
    response = client.get(reverse("desk:family"))
    view = response.context["view"]
    assert [f.name for f in view.families] == ["Virtanen"]
    assert {m.family_id for m in view.matters} == {managed.virtanen.pk}
    assert [c.situation for c in view.contacts] == ["Oma yhteydenottoni"]
    html = response.content.decode()
    assert "Lindqvist" not in html and "Jonkun toisen huoli" not in html
    assert managed.social_worker.get_full_name() in html  # the family's worker


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_one_h1_in_every_language(client, managed, casework, language):
    prefix = "" if language == "fi" else f"/{language}"
    for user, path in (
        (managed.social_worker, "/desk/"),
        (managed.manager, "/desk/manager/"),
        (managed.parent, "/our-family/"),
    ):
        client.force_login(user)
        response = client.get(prefix + path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert html.count("<h1") == 1, path
        assert f'<html lang="{language}"' in html


def test_caseloads_count_open_matters_and_each_current_child_once(managed):
    """A worker's caseload: open matters only (not closed ones, not another
    unit's); a child in two of the worker's child welfare matters counts once,
    a child who has left the family not at all; a matter without a worker is
    in its unit's open matters but in nobody's caseload."""
    import datetime

    from django.utils import timezone

    from perhekeskus.casework import services as casework_services
    from perhekeskus.desk.selectors import manager_overview
    from perhekeskus.families import services as family_services
    from perhekeskus.families.tests.world import person, years_ago

    today = timezone.localdate()
    family = family_services.family_create(actor=None, name="Kivelä")
    stays = person("Aino", "Kivelä", years_ago(6), 401)
    left = person("Eero", "Kivelä", years_ago(16), 402)
    for child in (stays, left):
        family_services.membership_add(
            actor=None, family=family, person=child, role="child", starts_on=years_ago(1)
        )
    family.memberships.filter(person=left).update(ends_on=today - datetime.timedelta(days=1))
    worker = managed.social_worker
    for _number in range(2):
        give_worker(
            MatterFactory(family=family, unit=managed.social_work, service_task="child_welfare"),
            worker,
        )
    closed = MatterFactory(family=family, unit=managed.social_work, service_task="child_welfare")
    give_worker(closed, worker)
    casework_services.matter_close(
        actor=worker, matter=closed, reason="need_met", summary="Tavoitteet saavutettu."
    )
    MatterFactory(family=family, unit=managed.social_work)  # no worker yet

    overview = manager_overview(managed.manager)
    [load] = overview.caseloads
    assert (load.matters, load.child_welfare_children) == (2, 1)
    social = next(u for u in overview.units if u.unit_id == managed.social_work.pk)
    assert social.open_matters == 3
    assert overview.total.open_matters == 3
