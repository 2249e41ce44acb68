"""Who sees what: public indicator pages, imports for those who keep the knowledge base."""

import io
import re

import pytest
from django.urls import reverse
from django.utils import translation

from perhekeskus.indicators.models import ImportRun, Observation

from .conftest import data

pytestmark = pytest.mark.django_db
LANGUAGES = ("fi", "sv", "en")


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def h1_count(response) -> int:
    return len(re.findall(r"<h1[\s>]", response.content.decode()))


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_open_without_signing_in_with_one_h1(client, sotkanet, language):
    for url in (
        url_in(language, "indicators:list"),
        url_in(language, "indicators:detail", "sotkanet-3238"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert h1_count(response) == 1
    assert (
        "98" in client.get(url_in(language, "indicators:detail", "sotkanet-3238")).content.decode()
    )


def test_detail_shows_definition_source_licence_and_table(client, sotkanet):
    html = client.get(url_in("en", "indicators:detail", "sotkanet-3238")).content.decode()
    assert "at least one child welfare notification" in html
    assert "CC BY 4.0" in html and "<caption>" in html and 'role="img"' in html
    assert "98,634" in html  # the count behind the 2022 rate, in the page's language


def test_export_csv_and_excel(client, sotkanet):
    csv = client.get(url_in("en", "indicators:export", "sotkanet-3238", "csv"))
    text = csv.content.decode("utf-8-sig")
    assert csv["Content-Type"].startswith("text/csv")
    assert "FI;Koko maa;2022;total;9.1000;98634.0000;THL Sotkanet;3238;CC BY 4.0;2026-06-01" in text
    xlsx = client.get(url_in("en", "indicators:export", "sotkanet-3238", "xlsx"))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert [
        "FI",
        "Koko maa",
        2022,
        "total",
        9.1,
        98634,
        "THL Sotkanet",
        "3238",
        "CC BY 4.0",
        "2026-06-01",
    ] in values


def test_unknown_indicator_is_404(client, regions):
    assert client.get(url_in("en", "indicators:detail", "sotkanet-0")).status_code == 404


def test_import_needs_manage_knowledge(client, users):
    url = url_in("en", "indicators:import")
    assert client.get(url).status_code == 302  # to the sign-in
    for name, expected in (("nurse", 403), ("preparer", 403), ("analyst", 200), ("manager", 200)):
        client.force_login(users[name])
        assert client.get(url).status_code == expected, name


def test_import_runs_need_view_statistics(client, users, sotkanet):
    url = url_in("en", "indicators:runs")
    client.force_login(users["nurse"])
    assert client.get(url).status_code == 403
    client.force_login(users["preparer"])
    response = client.get(url)
    assert (
        response.status_code == 200
        and "sotkanet-child-welfare-2022-2023.json" in response.content.decode()
    )


def upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/json")


def test_import_through_the_page(client, users, regions):
    client.force_login(users["analyst"])
    response = client.post(
        url_in("en", "indicators:import"),
        {
            "kind": "sotkanet",
            "data": upload("rows.json", data("sotkanet-child-welfare-2022-2023.json")),
            "meta": [
                upload("i.json", data("sotkanet-indicators.json")),
                upload("r.json", data("sotkanet-regions.json")),
            ],
            "fetched_on": "2026-06-01",
            "licence": "CC BY 4.0",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "created 19" in response.content.decode()
    assert ImportRun.objects.get().imported_by == users["analyst"]


def test_a_refused_file_shows_why_and_keeps_the_form(client, users, regions):
    client.force_login(users["manager"])
    response = client.post(
        url_in("en", "indicators:import"),
        {
            "kind": "jsonstat",
            "data": upload("bad.json", b'{"x": 1}'),
            "fetched_on": "2026-06-01",
            "licence": "My licence",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was imported." in html and "neither Sotkanet data" in html
    assert 'value="My licence"' in html
    assert Observation.objects.count() == 0


def test_sotkanet_without_metadata_is_refused_by_the_form(client, users, regions):
    client.force_login(users["manager"])
    response = client.post(
        url_in("en", "indicators:import"),
        {
            "kind": "sotkanet",
            "data": upload("rows.json", data("sotkanet-child-welfare-2022-2023.json")),
            "fetched_on": "2026-06-01",
            "licence": "CC BY 4.0",
        },
    )
    assert "needs its indicator metadata and its region list" in response.content.decode()
    assert ImportRun.objects.count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_manager_pages_have_one_h1(client, users, sotkanet, language):
    client.force_login(users["manager"])
    for name in ("indicators:import", "indicators:runs"):
        response = client.get(url_in(language, name))
        assert response.status_code == 200 and h1_count(response) == 1, name
