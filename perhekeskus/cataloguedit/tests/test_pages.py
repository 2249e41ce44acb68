"""Every page of provider editing and review is a whole page in fi/sv/en."""

import pytest
from django.urls import reverse
from django.utils import translation

from perhekeskus.cataloguedit import services
from perhekeskus.web.tests.test_pages import assert_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_pages_render_with_one_h1(client, world, language):
    change = services.start_change(user=world.provider, service=world.service)
    new = services.start_new_service(user=world.provider, organization=world.org)
    pages = [
        (world.provider, "cataloguedit:our_services", {}),
        (world.provider, "cataloguedit:edit", {"change_id": change.pk}),
        (world.provider, "cataloguedit:edit", {"change_id": new.pk}),
        (world.provider, "cataloguedit:history", {"service_key": world.service.pk}),
        (world.editor, "cataloguedit:worklist", {}),
        (world.editor, "cataloguedit:review", {"change_id": change.pk}),
        (world.editor, "cataloguedit:history", {"service_key": world.service.pk}),
    ]
    for user, name, kwargs in pages:
        client.force_login(user)
        with translation.override(language):
            url = reverse(name, kwargs=kwargs)
        response = client.get(url)
        assert response.status_code == 200, url
        assert_page(response.content.decode(), language)
