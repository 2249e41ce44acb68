"""Who sees the child budget, importing through the page, editing the mapping."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from perhekeskus.budget.models import AccountLine, MappingVersion
from perhekeskus.budget.services import current_mapping, import_accounts

pytestmark = pytest.mark.django_db
CSV = "Tehtäväluokka;Vuosi;Euroa\nLastensuojelun laitos- ja perhehoito;2024;3 000\nPerusopetus;2024;2 000\nJoukkoliikenne;2024;700\n"


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def accounts(county):
    import_accounts(data=CSV.encode(), name="a.csv", entity_code="901")


VIEW_PAGES = ("budget:overview", "budget:compare", "budget:mapping")
MANAGE_PAGES = ("budget:import", "budget:mapping_edit", "budget:population")


def test_who_sees_what(client, users, accounts):
    for name in (*VIEW_PAGES, *MANAGE_PAGES):
        assert client.get(url_in("en", name)).status_code == 302, name
    expectations = {
        "nurse": (403, 403),
        "preparer": (200, 403),
        "analyst": (200, 200),
        "manager": (200, 200),
    }
    for user, (view, manage) in expectations.items():
        client.force_login(users[user])
        for name in VIEW_PAGES:
            assert client.get(url_in("en", name)).status_code == view, (user, name)
        for name in MANAGE_PAGES:
            assert client.get(url_in("en", name)).status_code == manage, (user, name)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_pages_have_one_h1(client, users, accounts, language):
    client.force_login(users["manager"])
    for name in (*VIEW_PAGES, *MANAGE_PAGES):
        response = client.get(url_in(language, name))
        assert len(re.findall(r"<h1[\s>]", response.content.decode())) == 1, name
    response = client.get(url_in(language, "budget:mapping_edit") + "?key=perusopetus")
    assert len(re.findall(r"<h1[\s>]", response.content.decode())) == 1


def test_overview_shows_table_chart_and_unknown_classes(client, users, accounts):
    client.force_login(users["preparer"])
    html = client.get(url_in("en", "budget:overview") + "?area=901").content.decode()
    assert "<caption>" in html and 'role="img"' in html
    assert "5,000" in html  # 3 000 + 2 000 spent on children
    assert "Joukkoliikenne" in html
    assert "mapping version 1" in html


def test_export(client, users, accounts):
    client.force_login(users["preparer"])
    text = client.get(url_in("en", "budget:export", "csv") + "?area=901").content.decode(
        "utf-8-sig"
    )
    assert "901;2024;1;5700.00;5000.00;5000.00;0.00;2000.00;3000.00;40.0;;;700.00" in text
    from openpyxl import load_workbook

    response = client.get(url_in("en", "budget:export", "xlsx") + "?area=901")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1][:5] == ("901", 2024, 1, 5700, 5000)


def test_import_page_reports_unknown_classes(client, users, county):
    client.force_login(users["analyst"])
    response = client.post(
        url_in("en", "budget:import"),
        {"entity": "902", "file": SimpleUploadedFile("t.csv", CSV.encode("utf-8-sig"))},
    )
    html = response.content.decode()
    assert "Imported 3 account lines" in html and "Joukkoliikenne" in html
    assert AccountLine.objects.filter(entity_code="902").count() == 3


def test_import_page_wrong_columns_imports_nothing(client, users, county):
    client.force_login(users["analyst"])
    response = client.post(
        url_in("en", "budget:import"),
        {"entity": "902", "file": SimpleUploadedFile("t.csv", b"a;b\n1;2\n")},
    )
    html = response.content.decode()
    assert "Nothing was imported." in html and "Wrong columns" in html
    assert 'value="902" selected' in html
    assert AccountLine.objects.count() == 0


def test_mapping_edit_through_the_page_and_a_stale_form(client, users, county):
    current_mapping()
    client.force_login(users["manager"])
    url = url_in("en", "budget:mapping_edit") + "?key=nuorisotoiminta"
    form = {
        "base_version": 1,
        "class_name": "Nuorisotoiminta",
        "category": "child_related",
        "child_share": "0.55",
        "share_basis": "youth centre visitors 2024",
        "service_level": "1",
        "note": "share from visitor statistics",
    }
    assert client.post(url, form).status_code == 302
    assert MappingVersion.objects.get(number=2).created_by == users["manager"]
    stale = client.post(url, form | {"child_share": "0.9"})
    html = stale.content.decode()
    assert "Someone changed the mapping after you opened it" in html
    assert "share from visitor statistics" in html and 'value="0.9"' in html
    assert MappingVersion.objects.count() == 2
    invalid = client.post(url, form | {"base_version": 2, "child_share": ""})
    assert "A child-related class needs a share from 0 to 1." in invalid.content.decode()


def test_population_from_an_indicator(client, users, county):
    from perhekeskus.indicators.models import ImportRun, Indicator, Observation

    run = ImportRun.objects.create(
        source="sotkanet", file_name="p.json", fetched_on="2026-06-01", licence="CC BY 4.0"
    )
    indicator = Indicator.objects.create(
        code="sotkanet-9127", source="sotkanet", source_id="9127", name="0-17", licence="CC BY 4.0"
    )
    from perhekeskus.programme.models import Municipality

    Observation.objects.create(
        indicator=indicator,
        area_kind="municipality",
        area_code="901",
        area_name="Ensikylä",
        municipality=Municipality.objects.get(code="901"),
        year=2024,
        gender="total",
        value=60,
        abs_value=60,
        import_run=run,
    )
    client.force_login(users["analyst"])
    response = client.post(url_in("en", "budget:population"), {"indicator": "sotkanet-9127"})
    assert response.status_code == 302
    from perhekeskus.budget.models import ChildPopulation

    assert ChildPopulation.objects.get(area_code="901", year=2024).children == 60
