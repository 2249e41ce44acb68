"""Every page each demo user can reach, in Chromium: axe-core finds no WCAG
2.0/2.1 A or AA violation, in Finnish, Swedish and English, on a desktop
(1280 px) and on a phone (390 px, where the page must not scroll sideways).

The demo region is loaded once per module (in a transaction rolled back at
its end). The pages are found by crawling, not listed: each demo user (and an
anonymous visitor) starts from their landing page and follows the same-site
links of every HTML page answered 200 with the Django test client (fast).
Pages are deduplicated by URL pattern and kind of user (the user's landing
page stands for what they do) with a cap of :data:`PER_PATTERN` instances, so
a new page is checked as soon as a link leads to it, and a long list of
services costs two pages. Then each page is opened in Chromium, signed in as
the user who found it, once per language (Swedish and English: the first
instance of each pattern); the phone width re-runs axe on the same page after
resizing the window and checks that the page does not scroll sideways.

Downloads (CSV, PDF, iCalendar, print views), signing out, the language
switch and the demo sign-in are not followed, and only views that answer GET
are opened. A new page needs no change here: a link to it is enough.

One test per language, each in its own xdist group, so
``pytest -n 2 --dist loadgroup`` spreads them over two workers.
"""

from __future__ import annotations

import html
import os
import re
import time
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings as django_settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import override_settings
from django.urls import Resolver404, resolve

from perhekeskus.web.tests.browser import WCAG_TAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGUAGES = {"fi": "", "sv": "/sv", "en": "/en"}
WIDTHS = (1280, 390)
# Instances of one URL pattern checked per kind of user: in Finnish; in
# Swedish and English the first (the texts change, the templates do not).
PER_PATTERN = 2
PER_PATTERN_OTHER_LANGUAGES = 1
# Requests one user's crawl makes at most (a guard; the caps end it sooner).
MAX_REQUESTS = 160
# Instances of one URL pattern one user's crawl opens to find links.
CRAWL_PER_PATTERN = 2
# A broken crawl (no sign-in, a dead landing page) finds a handful of pages.
MIN_PAGES = int(os.environ.get("AXE_CRAWL_MIN", 50))

# Never followed: signing out ends the session, the language switch repeats
# every page (the languages are checked anyway), the demo sign-in page signs
# in someone else.
SKIP_NAMES = frozenset({"account_logout", "set_language", "accounts:demo_sign_in"})
SKIP_PREFIXES = ("/static/", "/media/", "/sv/", "/en/", "/fi/", "/api/", "/admin/")
# Downloads are not pages.
SKIP_SUFFIXES = (".csv", ".pdf", ".ics", ".json", ".xml", ".txt", ".zip", ".xlsx")
SKIP_QUERY = re.compile(r"(^|&)(format|download|export)=", re.IGNORECASE)
SKIP_PATH = re.compile(r"/(print|pdf|download|export)/?$", re.IGNORECASE)
HREF = re.compile(r"""<a\b[^>]*?\shref\s*=\s*["']([^"'#][^"']*)["']""", re.IGNORECASE)


# --- The demo, once ------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_world(browser, django_db_setup, django_db_blocker):
    """The demo region for the module, and a live server that sees it.

    Asks for the browser first: once Playwright runs its event loop in this
    thread, Django keeps the thread's database connection apart from the one
    opened before, and the region must be in the one the tests use. An
    in-memory SQLite database is shared with the server's threads, so the
    region stays in a transaction rolled back at the end; another database
    gets it committed and flushed at the end.
    """
    from pytest_django.live_server_helper import LiveServer

    from perhekeskus.catalogue.demo import load_demo_extensions, load_demo_region

    with (
        django_db_blocker.unblock(),
        override_settings(
            DEMO_MODE=True,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        ),
    ):
        shared = connection.vendor == "sqlite" and connection.is_in_memory_db()
        atomic = transaction.atomic() if shared else None
        if atomic is not None:
            atomic.__enter__()
        else:
            # The flush at the end also empties what the migrations put in
            # (methods, vocabularies): keep it to put back for later modules.
            before = connection.creation.serialize_db_to_string()
        server = None
        try:
            load_demo_region()
            load_demo_extensions()
            server = LiveServer("localhost")
            server._live_server_modified_settings.enable()
            yield server
        finally:
            if server is not None:
                server._live_server_modified_settings.disable()
                server.stop()
            if atomic is not None:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
            else:
                from django.core.management import call_command

                call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
                connection.creation.deserialize_db_from_string(before)


# --- Finding the pages -----------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """A page to check: its Finnish address, who found it, its pattern."""

    url: str
    username: str | None
    key: str
    name: str


def _methods(callback) -> set[str] | None:
    from perhekeskus.web.tests.test_access_crawl import http_methods

    return http_methods(callback)


def _links(page_url: str, body: str) -> Iterable[str]:
    for raw in HREF.findall(body):
        href = html.unescape(raw).strip()
        if href.startswith(("mailto:", "tel:", "javascript:", "data:", "sms:")):
            continue
        parts = urlsplit(urljoin("http://testserver" + page_url, href))
        if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
            continue
        if parts.path.startswith(SKIP_PREFIXES) or parts.path.lower().endswith(SKIP_SUFFIXES):
            continue
        if SKIP_PATH.search(parts.path):
            continue
        if SKIP_QUERY.search(parts.query):
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


def _key(kind: str, callback) -> str:
    """Whose view of a pattern a page shows: the same for everyone on a public
    page (signed in or not) and on a page of one capability; the user's kind
    on pages of their own work or data."""
    from perhekeskus.web.access import policy_of

    policy = policy_of(callback) or ""
    if kind == "anonymous":
        return kind
    if policy in ("public", "authentication"):
        return "signed-in"
    if policy.startswith("capability:"):
        return policy
    return kind


def _crawl(client: Client, start: str, kind: str, full) -> Iterable[tuple[str, str, str]]:
    """(url, url name, key) of every HTML page answered 200, breadth first.

    A pattern whose pages are already found for the key (found by another
    user of the same kind) is not opened again, except the start page; another
    up to CRAWL_PER_PATTERN times.
    """
    queue = deque([start])
    seen = {start}
    per_name: Counter = Counter()
    requests = 0
    while queue and requests < MAX_REQUESTS:
        url = queue.popleft()
        try:
            match = resolve(urlsplit(url).path)
        except Resolver404:
            continue
        name = match.view_name
        key = _key(kind, match.func)
        limit = 1 if url == start else 0 if full(key, name) else CRAWL_PER_PATTERN
        if name in SKIP_NAMES or per_name[name] >= limit:
            continue
        methods = _methods(match.func)
        if methods is not None and "GET" not in methods:
            continue
        per_name[name] += 1
        requests += 1
        response = client.get(url)
        if response.status_code in (301, 302, 303):
            target = urlsplit(urljoin("http://testserver" + url, response["Location"]))
            location = target.path + (f"?{target.query}" if target.query else "")
            if target.netloc in ("", "testserver") and location not in seen:
                seen.add(location)
                queue.append(location)
            continue
        if response.status_code != 200 or getattr(response, "streaming", False):
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        if response.get("Content-Disposition", "").startswith("attachment"):
            continue
        body = response.content.decode("utf-8", "replace")
        yield url, name, key
        for link in _links(url, body):
            if link not in seen:
                seen.add(link)
                queue.append(link)


def _users():
    from perhekeskus.accounts.demo import DEMO_USERS
    from perhekeskus.accounts.models import User

    users = list(User.objects.filter(username__in=[u.username for u in DEMO_USERS]))
    assert len(users) == len(DEMO_USERS)
    return [None, *sorted(users, key=lambda u: u.username)]


@pytest.fixture(scope="module")
def pages(demo_world, django_db_blocker) -> list[Found]:
    from perhekeskus.accounts.landing import landing_url, landing_url_name

    found: list[Found] = []
    per_kind: Counter = Counter()

    def full(key, name):
        return per_kind[key, name] >= PER_PATTERN

    started = time.monotonic()
    with django_db_blocker.unblock(), override_settings(DEMO_MODE=True):
        client = Client()
        for user in _users():
            client.logout()
            if user is None:
                kind, start, username = "anonymous", "/", None
            else:
                client.force_login(user)
                kind, start, username = landing_url_name(user), landing_url(user), user.username
            for url, name, key in _crawl(client, start, kind, full):
                if full(key, name):
                    continue
                per_kind[key, name] += 1
                found.append(Found(url, username, key, name))
    if os.environ.get("AXE_CRAWL_ONLY"):  # to re-check some pages while fixing them
        only = re.compile(os.environ["AXE_CRAWL_ONLY"])
        found = [f for f in found if only.search(f.url)]
    print(f"\naxe crawl: {len(found)} pages found in {time.monotonic() - started:.0f} s")
    if os.environ.get("AXE_CRAWL_LIST"):
        Path(os.environ["AXE_CRAWL_LIST"]).write_text(
            "\n".join(f"{f.key}\t{f.name}\t{f.username}\t{f.url}" for f in found)
        )
    return found


# --- Checking them -------------------------------------------------------------------

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  return [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .slice(-5)
    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
      + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : ''));
}"""


AXE_RUN = """options => axe.run(document, options).then(results => results.violations.map(
  v => v.nodes.slice(0, 3).map(n => v.id + ': ' + n.target.join(' ') + ' ('
    + (n.failureSummary || '').slice(0, 160) + ')')).flat())"""


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def _axe(page) -> list[str]:
    """The violations on the page, by the axe-core the context loads on every page."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate(AXE_RUN, options)


@pytest.fixture(scope="module")
def sessions(pages, django_db_blocker) -> dict[str, str]:
    """A session of each user who found pages, made outside the tests'
    transactions (so that a server on its own connection sees them too)."""
    from perhekeskus.accounts.models import User

    made = {}
    with django_db_blocker.unblock():
        for user in User.objects.filter(username__in={f.username for f in pages}):
            client = Client()
            client.force_login(user)
            made[user.username] = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    return made


def check_language(browser, demo_world, pages, sessions, language: str) -> None:
    prefix = LANGUAGES[language]
    problems: list[str] = []
    checked: Counter = Counter()
    started = time.monotonic()
    axe = _axe_source()
    if language != "fi":
        taken: Counter = Counter()
        kept = []
        for found in pages:
            taken[found.key, found.name] += 1
            if taken[found.key, found.name] <= PER_PATTERN_OTHER_LANGUAGES:
                kept.append(found)
        pages = kept
    by_user: dict[str | None, list[Found]] = {}
    for found in pages:
        by_user.setdefault(found.username, []).append(found)
    for username, found_pages in by_user.items():
        context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
        context.add_init_script(script=axe)
        if username is not None:
            name = django_settings.SESSION_COOKIE_NAME
            context.add_cookies(
                [{"name": name, "value": sessions[username], "url": demo_world.url}]
            )
        page = context.new_page()
        csp: list[str] = []
        page.on(
            "console",
            lambda message, csp=csp: (
                csp.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        for found in found_pages:
            url = prefix + found.url
            who = username or "(anonymous)"
            response = page.goto(demo_world.url + url)
            if response is None or response.status != 200:
                status = response.status if response else "none"
                problems.append(f"{who} {url}: answered {status} in the browser")
                continue
            if urlsplit(page.url).path != urlsplit(url).path:
                # Not signed in, or the page moved: the crawl saw another page.
                problems.append(f"{who} {url}: the browser was sent to {page.url}")
                continue
            for width in WIDTHS:
                if page.viewport_size["width"] != width:
                    page.set_viewport_size({"width": width, "height": 900})
                for problem in _axe(page):
                    problems.append(f"{who} {url} @{width}px {problem}")
                if width < 1000:
                    wide = page.evaluate(OVERFLOW)
                    if wide:
                        problems.append(
                            f"{who} {url} @{width}px reflow: wider than the window: {wide}"
                        )
                checked[width] += 1
            page.set_viewport_size({"width": WIDTHS[0], "height": 900})
            for message in csp:
                problems.append(f"{who} {url}: {message}")
            csp.clear()
        context.close()
    elapsed = time.monotonic() - started
    print(
        f"\naxe crawl [{language}]: "
        + ", ".join(f"{count} pages at {width}px" for width, count in sorted(checked.items()))
        + f" in {elapsed:.0f} s"
    )
    assert min(checked.values(), default=0) >= MIN_PAGES, (
        f"only {dict(checked)} pages checked: is the crawl broken?"
    )
    rules = Counter(p.split(" ", 3)[3].split(":")[0] for p in problems if "@" in p)
    assert not problems, (
        f"{len(problems)} problems ({dict(rules)}) in {dict(checked)} pages:\n"
        + "\n".join(problems)
    )


@pytest.mark.xdist_group("axe_fi")
def test_every_reachable_page_in_finnish(demo_world, pages, sessions, browser):
    check_language(browser, demo_world, pages, sessions, "fi")


@pytest.mark.xdist_group("axe_sv")
def test_every_reachable_page_in_swedish(demo_world, pages, sessions, browser):
    check_language(browser, demo_world, pages, sessions, "sv")


@pytest.mark.xdist_group("axe_en")
def test_every_reachable_page_in_english(demo_world, pages, sessions, browser):
    check_language(browser, demo_world, pages, sessions, "en")
