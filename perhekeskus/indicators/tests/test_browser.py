"""Indicator, region and change-project pages in Chromium: no axe violations, one <h1>."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from perhekeskus.programme.models import Region
from perhekeskus.programme.services import agent_save, project_save
from perhekeskus.web.tests.browser import assert_no_axe_violations, sign_in

from .conftest import FETCHED, data
from .factories import knowledge_users

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def url(name, *args):
    with translation.override("fi"):
        return reverse(name, args=args)


@pytest.fixture
def scene(regions):
    from perhekeskus.indicators.services import import_jsonstat, import_sotkanet

    import_sotkanet(
        data=data("sotkanet-child-welfare-2022-2023.json"),
        name="rows.json",
        meta=[
            ("i.json", data("sotkanet-indicators.json")),
            ("r.json", data("sotkanet-regions.json")),
        ],
        fetched_on=FETCHED,
    )
    import_jsonstat(
        data=data("thl-child-welfare-2022-2023.jsonstat.json"), name="c.json", fetched_on=FETCHED
    )
    region = Region.objects.get(code="hva-08")
    project = project_save(
        values={
            "region": region,
            "name": "Pirkanmaan LAPE",
            "starts_on": datetime.date(2017, 3, 1),
            "contact_name": "Yhteyshenkilö",
        }
    )
    agent_save(
        values={
            "region": region,
            "project": project,
            "name": "Muutosagentti",
            "starts_on": datetime.date(2017, 3, 1),
        }
    )
    return knowledge_users(), project


def test_public_indicator_pages(page, live_server, scene):
    for address in (url("indicators:list"), url("indicators:detail", "sotkanet-3238")):
        page.goto(live_server.url + address)
        assert page.locator("h1").count() == 1, address
        assert_no_axe_violations(page)


def test_pages_for_managers(page, live_server, scene):
    users, project = scene
    sign_in(page, live_server, users["manager"])
    for address in (
        url("indicators:import"),
        url("indicators:runs"),
        url("indicators:programme:regions"),
        url("indicators:programme:region", "hva-08"),
        url("indicators:programme:project_edit", project.pk),
        url("indicators:programme:agent_new"),
    ):
        page.goto(live_server.url + address)
        assert page.locator("h1").count() == 1, address
        assert_no_axe_violations(page)
