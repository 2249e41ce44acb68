"""The dashboards: who may open them, one heading in every language, and the
exports equal to the (suppressed) tables."""

import csv
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from perhekeskus.insight.formatting import HIDDEN

from .factories import EventFactory, local

pytestmark = pytest.mark.django_db

DASHBOARDS = ["insight:home", "insight:compare", "insight:shift"]
PUBLIC = ["insight:public", "insight:definitions"]


@pytest.fixture
def figures(town_a, town_b):
    """Contacts: many in A, three (a small count) in B, in January 2025 and this month."""
    for _ in range(12):
        EventFactory(type="contact.received", municipality=town_a, occurred_at=local(2025, 1))
    for _ in range(3):
        EventFactory(type="contact.received", municipality=town_b, occurred_at=local(2025, 1))
    for _ in range(7):
        EventFactory(type="contact.received", municipality=town_a, occurred_at=local(2025, 2))
        EventFactory(type="contact.received", municipality=town_b, occurred_at=local(2025, 2))
    for k in range(9):
        EventFactory(
            type="appointment.held",
            municipality=town_a,
            occurred_at=local(2025, 1),
            service_task="early_support",
            family_pseudonym=f"{k:032d}",
        )


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


@pytest.mark.parametrize("name", DASHBOARDS)
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("name", DASHBOARDS)
def test_a_nurse_without_the_statistics_capability_is_refused(client, nurse, name):
    client.force_login(nurse)
    assert client.get(reverse(name)).status_code == 403
    assert client.get(reverse(name) + "?format=csv").status_code == 403


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("name", DASHBOARDS + PUBLIC)
def test_every_page_has_one_heading_in_every_language(
    client, analyst, figures, region, name, language
):
    client.force_login(analyst)
    prefix = "" if language == "fi" else f"/{language}"
    path = prefix + reverse(name).removeprefix(f"/{language}")
    response = client.get(path, {"region": region.code}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    html = response.content.decode()
    assert h1_count(html) == 1
    assert f'<html lang="{language}">' in html


def test_the_header_links_to_the_dashboards_only_for_statistics(client, analyst, nurse):
    client.force_login(analyst)
    assert reverse("insight:home") in client.get(reverse("insight:definitions")).content.decode()
    client.force_login(nurse)
    assert reverse("insight:home") not in client.get(reverse("catalogue:home")).content.decode()


def _csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_region_table_and_its_exports_hide_the_small_counts(client, manager, figures, region):
    client.force_login(manager)
    params = {"region": region.code, "indicator": "contacts", "grain": "month", "years": "3"}
    page = client.get(reverse("insight:home"), params)
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "<caption" in html and 'role="img"' in html

    rows = _csv_rows(client.get(reverse("insight:home"), {**params, "format": "csv"}).content)
    header = rows[1]
    assert header[1:] == ["Aaltola", "Beekoski", "Testimaan hyvinvointialue"]
    by_period = {row[0]: row[1:] for row in rows[2:] if len(row) == 4}
    january = next(
        values
        for label, values in by_period.items()
        if "2025" in label and ("tammi" in label.lower() or "1/" in label)
    )
    # B's 3 is hidden, and so is A's 12 (else 12 + .. = 15 would give it away).
    assert january == [HIDDEN, HIDDEN, "15"]
    # Nothing from 1 to 4 is ever published.
    for values in by_period.values():
        for value in values:
            assert value in (HIDDEN, "–") or int(value) == 0 or int(value) >= 5

    book = load_workbook(
        io.BytesIO(client.get(reverse("insight:home"), {**params, "format": "xlsx"}).content)
    )
    excel = [
        ["" if value is None else str(value) for value in row]
        for row in book.active.iter_rows(values_only=True)
    ]
    # The same title, header and cells as the CSV (then the notes).
    data = rows[: len(by_period) + 2]
    assert [row[: len(data[1])] for row in excel[: len(data)]] == [
        row + [""] * (len(data[1]) - len(row)) for row in data
    ]


def test_the_public_page_shows_no_small_counts(client, figures, region):
    response = client.get(reverse("insight:public"), {"region": region.code})
    assert response.status_code == 200
    html = response.content.decode()
    table = html[
        html.index('id="public-table"') : html.index("</table>", html.index('id="public-table"'))
    ]
    cells = re.findall(r"<td>(.*?)</td>", table, re.S)
    assert cells
    for cell in cells:
        text = re.sub(r"<[^>]+>", "", cell).strip()
        if text.startswith(HIDDEN) or text.startswith("–"):
            continue
        assert (
            int(text.replace("\xa0", "").replace(" ", "").split(",")[0]) == 0
            or float(text.replace("\xa0", "").replace(" ", "").replace(",", ".")) >= 5
        )
    # The municipalities are not shown to the public.
    assert "Aaltola" not in html and "Beekoski" not in html
    rows = _csv_rows(
        client.get(reverse("insight:public"), {"region": region.code, "format": "csv"}).content
    )
    assert rows[1][0] == "Indikaattori"


def test_bad_choices_fall_back_to_the_defaults(client, analyst, figures, region):
    client.force_login(analyst)
    response = client.get(
        reverse("insight:home"),
        {"region": "nowhere", "indicator": "x", "grain": "decade", "years": "99"},
    )
    assert response.status_code == 200


def test_the_shift_puts_families_imported_indicators_and_spending_side_by_side(client, manager):
    from perhekeskus.budget.demo import load_demo as load_budget
    from perhekeskus.insight import demo

    from .factories import MunicipalityFactory, RegionFactory

    region = RegionFactory(code="demo-jarvi-saimaa", name="Järvi-Saimaa")
    for code in demo.WEIGHTS:
        MunicipalityFactory(code=code, region=region)
    demo.load_demo()
    load_budget()
    client.force_login(manager)
    params = {"region": region.code, "years": "5"}
    rows = _csv_rows(client.get(reverse("insight:shift"), {**params, "format": "csv"}).content)
    header = rows[1]
    assert any("Perheet varhaisessa tuessa" in h for h in header)
    assert any("Kodin ulkopuolelle sijoitetut" in h for h in header)
    assert any("ennaltaehkäisevät menot" in h for h in header)
    by_year = {row[0]: row[1:] for row in rows[2:] if row and row[0].isdigit()}
    year = "2025"
    values = dict(zip(header[1:], by_year[year], strict=True))
    placed = next(v for h, v in values.items() if "Kodin ulkopuolelle" in h)
    preventive = next(v for h, v in values.items() if "ennaltaehkäisevät menot" in h)
    families = next(v for h, v in values.items() if "varhaisessa tuessa" in h)
    assert placed not in ("–", "") and float(placed) > 0
    assert preventive not in ("–", "") and float(preventive) > 0
    assert families not in ("–", "..") and int(families) >= 5
    page = client.get(reverse("insight:shift"), params).content.decode()
    assert page.count('role="img"') >= 2


def test_the_form_speaks_the_page_language_and_shows_the_choices_used(
    client, analyst, figures, region
):
    client.force_login(analyst)
    html = client.get(
        "/en" + reverse("insight:home").removeprefix("/en"), {"grain": "quarter"}
    ).content.decode()
    assert "last 3 years" in html and "viimeiset" not in html
    # The span left out of the address is shown as the one the figures use.
    assert '<option value="3" selected>' in html
    assert '<option value="quarter" selected>' in html
