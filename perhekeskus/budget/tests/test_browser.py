"""Child budget pages in Chromium: no axe violations, one <h1>."""

import pytest
from django.urls import reverse
from django.utils import translation

from perhekeskus.budget.services import current_mapping, import_accounts
from perhekeskus.web.tests.browser import assert_no_axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = (
    "Tehtäväluokka;Vuosi;Euroa\n"
    "Lastensuojelun laitos- ja perhehoito;2023;3 200\nPerusopetus;2023;2 000\n"
    "Lastensuojelun laitos- ja perhehoito;2024;3 000\nPerusopetus;2024;2 100\n"
    "Joukkoliikenne;2024;700\n"
)


def url(name):
    with translation.override("fi"):
        return reverse(name)


def test_budget_pages(page, live_server, users, county):
    current_mapping()
    import_accounts(data=CSV.encode(), name="a.csv", entity_code="901")
    import_accounts(data=CSV.encode(), name="b.csv", entity_code="902")
    sign_in(page, live_server, users["manager"])
    for address in (
        url("budget:overview") + "?area=test-county",
        url("budget:compare"),
        url("budget:mapping"),
        url("budget:mapping_edit") + "?key=perusopetus",
        url("budget:import"),
        url("budget:population"),
    ):
        page.goto(live_server.url + address)
        assert page.locator("h1").count() == 1, address
        assert_no_axe_violations(page)
