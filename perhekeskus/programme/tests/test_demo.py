import pytest

from perhekeskus.catalogue.demo.region import REGION_CODE
from perhekeskus.programme import demo
from perhekeskus.programme.models import ChangeProject, Municipality, Region

pytestmark = pytest.mark.django_db


def test_the_demo_county_gets_its_project_and_a_lape_region_for_history():
    county = Region.objects.create(
        code=REGION_CODE, kind=Region.Kind.WELLBEING_COUNTY, name="Järvi-Saimaan hyvinvointialue"
    )
    town = Municipality.objects.create(code="951", name="Kaislaranta", region=county)
    demo.load_demo()
    demo.load_demo()
    town.refresh_from_db()
    assert town.lape_region.code == demo.DEMO_LAPE_REGION
    assert town.lape_region.kind == Region.Kind.LAPE_REGION
    assert ChangeProject.objects.filter(region=county).count() == 1
