"""The organisation kinds' names: a vocabulary kept in three languages over
fixed codes, shown wherever an organisation's kind is shown."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from perhekeskus.catalogue import kinds
from perhekeskus.catalogue.models import Organization, OrganizationKindName

from .test_views import url_in, world  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

RENAMED = {
    "fi": "Alueen perhepalvelut",
    "sv": "Regionens familjetjänster",
    "en": "Regional family services",
}


def rename_county():
    row = OrganizationKindName.objects.get(kind=Organization.Kind.WELLBEING_COUNTY)
    row.name_fi, row.name_sv, row.name_en = RENAMED["fi"], RENAMED["sv"], RENAMED["en"]
    row.save()


def test_the_kinds_are_seeded_with_their_labels_in_three_languages():
    assert set(OrganizationKindName.objects.values_list("kind", flat=True)) == set(
        Organization.Kind.values
    )
    row = OrganizationKindName.objects.get(kind="ngo")
    assert (row.name_fi, row.name_sv, row.name_en) == (
        "järjestö",
        "frivilligorganisation",
        "non-governmental organisation",
    )


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_renamed_kind_shows_on_the_service_page_the_results_and_the_filter(
    client,
    world,  # noqa: F811
    language,
):
    rename_county()
    page = client.get(url_in(language, "catalogue:service", world["clinic"].pk))
    assert page.status_code == 200
    assert RENAMED[language] in page.content.decode()
    results = client.get(url_in(language, "catalogue:search")).content.decode()
    # On the county's service card and as the finder's provider filter's label.
    assert results.count(RENAMED[language]) >= 2


def test_without_rows_the_kinds_fall_back_to_their_labels(client, world):  # noqa: F811
    OrganizationKindName.objects.all().delete()
    html = client.get(url_in("en", "catalogue:service", world["clinic"].pk)).content.decode()
    assert "wellbeing services county" in html
    with translation.override("en"):
        assert kinds.kind_name("ngo") == "non-governmental organisation"
        assert dict(kinds.kind_choices())["parish"] == "parish"


def test_a_name_missing_in_one_language_falls_back_to_the_label():
    OrganizationKindName.objects.filter(kind="parish").update(name_sv="")
    kinds.clear()
    with translation.override("sv"):
        assert kinds.kind_name("parish") == str(dict(Organization.Kind.choices)["parish"])
    with translation.override("fi"):
        assert kinds.kind_name("parish") == "seurakunta"


def test_the_names_are_read_once_not_per_organisation():
    organisations = [Organization(kind=kind) for kind in Organization.Kind.values * 5]
    with translation.override("sv"), CaptureQueriesContext(connection) as queries:
        names = [o.get_kind_display() for o in organisations]
    assert len(queries) == 1
    assert "församling" in names
    rename_county()  # saving forgets the kept names
    with translation.override("en"):
        assert Organization(kind="wellbeing_county").get_kind_display() == RENAMED["en"]
