"""The catalogue editors' worklist: each criterion, and the link checker."""

import datetime
import http.server
import threading
import time

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from perhekeskus.catalogue.tests.factories import (
    InPersonChannelFactory,
    LocationFactory,
    MunicipalityFactory,
    OpeningHoursFactory,
    ServiceChannelFactory,
    ServiceFactory,
    WebChannelFactory,
)
from perhekeskus.cataloguedit import selectors, services
from perhekeskus.cataloguedit.models import LinkCheck
from perhekeskus.cataloguedit.tasks import check_service_links

pytestmark = pytest.mark.django_db


def complete_service(**kwargs):
    """A service that meets every criterion of the worklist."""
    service = ServiceFactory(**kwargs)
    channel = ServiceChannelFactory(service=service)
    OpeningHoursFactory(channel=channel)
    return service


def test_not_reviewed_in_12_months(world):
    fresh = complete_service()
    old = complete_service(last_reviewed_at=timezone.now() - datetime.timedelta(days=400))
    never = complete_service(last_reviewed_at=None)
    found = set(selectors.services_not_reviewed())
    assert {old, never} <= found
    assert fresh not in found


def test_missing_hours(world):
    with_hours = complete_service()
    without = ServiceFactory()
    ServiceChannelFactory(service=without)
    found = set(selectors.services_missing_hours())
    assert without in found and with_hours not in found


def test_missing_contact(world):
    phone = complete_service()
    web = ServiceFactory()
    WebChannelFactory(service=web)
    email_only = ServiceFactory()
    InPersonChannelFactory(service=email_only, email="info@example.fi")
    nothing = ServiceFactory()
    InPersonChannelFactory(service=nothing)
    found = set(selectors.services_missing_contact())
    assert nothing in found
    assert not {phone, web, email_only} & found


def test_missing_swedish_in_bilingual_municipalities(world):
    bilingual = MunicipalityFactory(code="152", bilingual=True)
    finnish_only = MunicipalityFactory(code="153", bilingual=False)
    by_area = complete_service(areas=[bilingual], name_sv="", summary_sv="")
    by_location = complete_service(name_sv="")
    InPersonChannelFactory(service=by_location, location=LocationFactory(municipality=bilingual))
    translated = complete_service(areas=[bilingual])
    monolingual = complete_service(areas=[finnish_only], name_sv="", summary_sv="")
    found = set(selectors.services_missing_swedish())
    assert {by_area, by_location} <= found
    assert not {translated, monolingual} & found


def test_the_worklist_page_shows_changes_and_each_list(client, world):
    change = services.start_change(user=world.provider, service=world.service)
    services.submit(user=world.provider, change=change)
    stale = complete_service(name_fi="Vanha palvelu", last_reviewed_at=None)
    LinkCheck.objects.create(
        service=stale, url="https://rikki.example.fi/", status_code=404, ok=False
    )
    client.force_login(world.editor)
    page = client.get(reverse("cataloguedit:worklist")).content.decode()
    assert reverse("cataloguedit:review", args=[change.pk]) in page
    assert "Vanha palvelu" in page
    assert "https://rikki.example.fi/" in page


# --- Link checker ---------------------------------------------------------------


class Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self):
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path in ("/ok", "/no-head", "/slow"):
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = _answer
    do_GET = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_link_checker_records_status_and_time(world, local_server, settings):
    settings.LINK_CHECK_TIMEOUT = 0.5
    ok = ServiceFactory(url=f"{local_server}/ok")
    WebChannelFactory(service=ok, url=f"{local_server}/no-head")
    missing = ServiceFactory(url=f"{local_server}/missing")
    slow = ServiceFactory(url=f"{local_server}/slow")
    ids = [str(s.pk) for s in (ok, missing, slow)]

    result = check_service_links.call(ids)

    assert result == {"checked": 4, "broken": 2}
    checks = {c.url.rsplit("/", 1)[1]: c for c in LinkCheck.objects.all()}
    assert checks["ok"].ok and checks["ok"].status_code == 200
    assert checks["no-head"].ok and checks["no-head"].status_code == 200
    assert not checks["missing"].ok and checks["missing"].status_code == 404
    assert not checks["slow"].ok and checks["slow"].status_code is None
    assert checks["slow"].error == "timed out"
    assert all(c.elapsed_ms is not None for c in checks.values())
    broken = {c.url for c in selectors.broken_links()}
    assert broken == {f"{local_server}/missing", f"{local_server}/slow"}


def test_a_fixed_link_leaves_the_list(world, local_server):
    service = ServiceFactory(url=f"{local_server}/ok")
    LinkCheck.objects.create(service=service, url=service.url, status_code=500, ok=False)
    assert list(selectors.broken_links())
    check_service_links.call([str(service.pk)])
    assert not list(selectors.broken_links())


def test_check_links_command_queues_the_task(world):
    call_command("check_links")
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("check_service_links")
