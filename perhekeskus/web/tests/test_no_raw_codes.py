"""Pages speak to people in words: no raw choice codes, no UUIDs in the text.

The demo region is loaded once; a few demo users (and an anonymous visitor)
follow the same-site links of the Finnish pages from their landing page
(bounded per user). The visible text (and the accessible names: aria-label,
title, alt) must not contain a UUID or a stored choice code such as
``under_way`` or a sector's ``ngo``/``parish``.
"""

from __future__ import annotations

import html
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings
from django.urls import Resolver404, resolve

from perhekeskus.catalogue.demo import load_demo_extensions, load_demo_region

pytestmark = pytest.mark.xdist_group("demo_region")

UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I)
HREF = re.compile(r'href="([^"#]*)')
# Code shown as code on purpose (e.g. the events an indicator counts) is not text.
DROPPED = re.compile(r"<(script|style|template|code)\b.*?</\1>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")
NAMED = re.compile(r'\b(?:aria-label|title|alt)="([^"]*)"')
PAGES_PER_USER = 45
# Pages of the families register's history and of the access log are their own work.
NOT_HERE = ("audit:", "families:history")
USERS = (None, "demo-nurse", "demo-social-worker", "demo-parish-worker", "demo-parent")
PER_PATTERN = 2


def choice_codes() -> set[str]:
    """Stored codes that are not words: snake_case values, and the sectors'
    codes that differ from their English label (``ngo``, not ``parish``)."""
    from django.utils import translation

    from perhekeskus.accounts.models import Sector

    with translation.override("en"):
        codes = {str(v) for v in Sector.values if str(v) != str(Sector(v).label)}
    for model in apps.get_models():
        if not model.__module__.startswith("perhekeskus."):
            continue
        for field in model._meta.get_fields():
            for value, _label in getattr(field, "flatchoices", None) or ():
                if isinstance(value, str) and "_" in value.strip("_"):
                    codes.add(value)
    return codes


def visible_text(body: str) -> str:
    body = DROPPED.sub(" ", body)
    names = " ".join(NAMED.findall(body))
    return html.unescape(TAG.sub(" ", body) + " " + names)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        override_settings(
            DEMO_MODE=True, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
        ),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo_region()
            load_demo_extensions()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _pattern(path: str) -> str | None:
    """The URL's name when the page is one to read here, else None."""
    if not path.startswith("/") or path.startswith(("/en/", "/sv/", "/static/", "/api/")):
        return None
    if path.endswith((".csv", ".json", ".ics", ".pdf")) or "logout" in path or "sign-out" in path:
        return None
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    name = f"{match.namespace}:{match.url_name}" if match.namespace else str(match.url_name)
    return None if name.startswith(NOT_HERE) else name


@pytest.mark.django_db
def test_finnish_pages_show_no_codes_and_no_uuids(demo, settings):
    from perhekeskus.accounts.models import User

    settings.DEMO_MODE = True
    codes = choice_codes()
    code_pattern = re.compile(r"(?<![\w/.=-])(" + "|".join(map(re.escape, codes)) + r")(?![\w/-])")
    problems: list[str] = []
    for username in USERS:
        client = Client()
        if username:
            client.force_login(User.objects.get(username=username))
        landing = client.get("/", follow=True)
        start = landing.redirect_chain[-1][0] if landing.redirect_chain else "/"
        queue, seen = deque([start, "/", "/accessibility/"]), set()
        per_pattern: dict[str, int] = {}
        while queue and len(seen) < PAGES_PER_USER:
            path = queue.popleft()
            name = _pattern(path)
            if path in seen or name is None or per_pattern.get(name, 0) >= PER_PATTERN:
                continue
            seen.add(path)
            per_pattern[name] = per_pattern.get(name, 0) + 1
            response = client.get(path)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            body = response.content.decode()
            text = visible_text(body)
            for found in set(UUID.findall(text)):
                problems.append(f"{username}: {path}: UUID {found}")
            for found in set(code_pattern.findall(text)):
                problems.append(f"{username}: {path}: code {found!r}")
            for href in HREF.findall(body):
                target = urljoin(path, html.unescape(href))
                if target.startswith("/") and target not in seen:
                    queue.append(target)
    assert not problems, "\n".join(sorted(problems))
