import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from perhekeskus.indicators.tests.factories import knowledge_users
from perhekeskus.programme.models import ChangeProject, Region
from perhekeskus.programme.services import EditConflict, agent_save, project_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def region(db):
    return Region.objects.create(
        code="hva-08",
        kind=Region.Kind.WELLBEING_COUNTY,
        name="Pirkanmaan hyvinvointialue",
        name_fi="Pirkanmaan hyvinvointialue",
    )


@pytest.fixture
def users(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return knowledge_users()


def values(region, **changes):
    return {
        "region": region,
        "name": "Pirkanmaan LAPE",
        "starts_on": datetime.date(2017, 3, 1),
        "ends_on": datetime.date(2019, 12, 31),
        "contact_name": "Muutosagentti",
        "contact_email": "lape@pirkanmaa.example",
        "funding_amount": Decimal("1100000"),
        "funding_source": "STM",
        "description": "",
    } | changes


def test_a_second_save_from_an_old_version_is_refused(region):
    project = project_save(values=values(region))
    project_save(values=values(region, name="Renamed"), project=project, version=1)
    with pytest.raises(EditConflict) as conflict:
        project_save(values=values(region, name="Mine"), project=project, version=1)
    assert conflict.value.theirs["name"] == "Renamed"
    assert ChangeProject.objects.get().name == "Renamed"


def test_dates_funding_and_project_region_are_checked(region):
    with pytest.raises(ValidationError):
        project_save(values=values(region, ends_on=datetime.date(2016, 1, 1)))
    with pytest.raises(ValidationError):
        project_save(values=values(region, funding_amount=Decimal(-1)))
    other = Region.objects.create(code="hva-13", kind=Region.Kind.WELLBEING_COUNTY, name="PS")
    project = project_save(values=values(region))
    with pytest.raises(ValidationError):
        agent_save(
            values={
                "region": other,
                "project": project,
                "name": "A",
                "starts_on": datetime.date(2017, 1, 1),
            }
        )
    assert ChangeProject.objects.count() == 1


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def test_viewers_see_managers_edit(client, users, region):
    view = url_in("en", "indicators:programme:regions")
    edit = url_in("en", "indicators:programme:project_new")
    assert client.get(view).status_code == 302
    client.force_login(users["nurse"])
    assert client.get(view).status_code == 403
    client.force_login(users["preparer"])
    assert client.get(view).status_code == 200
    assert client.get(edit).status_code == 403
    client.force_login(users["manager"])
    response = client.post(
        edit,
        {
            "region": region.pk,
            "name": "Pirkanmaan LAPE",
            "starts_on": "2017-03-01",
            "ends_on": "2019-12-31",
            "contact_name": "Muutosagentti",
            "funding_amount": "1100000",
            "funding_source": "STM",
        },
    )
    assert response.status_code == 302
    page = client.get(url_in("en", "indicators:programme:region", "hva-08")).content.decode()
    assert "Pirkanmaan LAPE" in page and "1100000" in page


def test_a_bad_edit_keeps_what_was_typed(client, users, region):
    client.force_login(users["manager"])
    response = client.post(
        url_in("en", "indicators:programme:project_new"),
        {
            "region": region.pk,
            "name": "Typed name",
            "starts_on": "2019-01-01",
            "ends_on": "2018-01-01",
            "contact_name": "X",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The end cannot be before the start." in html and 'value="Typed name"' in html
    assert ChangeProject.objects.count() == 0


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_pages_have_one_h1(client, users, region, language):
    client.force_login(users["manager"])
    project = project_save(values=values(region))
    for url in (
        url_in(language, "indicators:programme:regions"),
        url_in(language, "indicators:programme:region", "hva-08"),
        url_in(language, "indicators:programme:project_new"),
        url_in(language, "indicators:programme:project_edit", project.pk),
        url_in(language, "indicators:programme:agent_new"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(re.findall(r"<h1[\s>]", response.content.decode())) == 1, url
