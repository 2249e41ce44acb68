"""Cost of the access layer on a record read, and audit-verify throughput.

    make bench-access [READS=300] [LOG=200000]
    DATABASE_URL=postgres://… make bench-access    # database perhekeskus_bench_access

Builds its own fresh database (SQLite file var/bench/access.sqlite3, or the
PostgreSQL database perhekeskus_bench_access), with 500 families of four and
a client relationship for the reader's unit, and an access log of LOG
entries.

"A record read" is what a professional's request for a family costs: a
signed-in GET of the family page, through the project's whole middleware
stack (sessions, authentication, second factor, CSRF, CSP…), rendering
members, guardians, relationships, consents, prohibitions and history in
the site layout. *With* the access layer: the view policy, ``access_family``
(the basis decided in SQL) and the log entry appended to the hash chain in
its transaction. *Without*: a bench-only URL whose view fetches the family
by primary key and builds the same page from it. For comparison the same is
measured without the HTTP stack (the view alone, HTML and the API's JSON),
where the fixed cost of the check weighs more. The variants alternate in
rounds and medians are compared, so drift in a shared machine affects both.

The last line printed is ``overhead_ratio= verify_entries_per_s=`` (the
ratio for the full page request; time with ÷ time without).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from _common import ROOT, prepare_database, setup_django

BENCH_DB = "perhekeskus_bench_access"


def _seed(families: int):
    import datetime

    from django.utils import timezone

    from perhekeskus.accounts.models import Membership, Role, Unit, User
    from perhekeskus.catalogue.models import Organization
    from perhekeskus.families import identity, services
    from perhekeskus.families.models import ServiceTask

    county = Organization.objects.create(name="Bench county", kind="wellbeing_county")
    unit = Unit.objects.create(organization=county, name="Clinic", kind="child_health_clinic")
    user = User.objects.create(username="bench-nurse", first_name="Bench", last_name="Nurse")
    Membership.objects.create(
        user=user,
        unit=unit,
        role=Role.PUBLIC_HEALTH_NURSE,
        valid_from=timezone.localdate() - datetime.timedelta(days=10),
    )
    today = timezone.localdate()
    ids = []
    number = 2
    for i in range(families):
        family = services.family_create(actor=None, name=f"Perhe {i}")
        for role, age in (("parent", 35), ("parent", 37), ("child", 8), ("child", 3)):
            born = today.replace(year=today.year - age) - datetime.timedelta(days=i % 300)
            person = services.person_create(
                actor=None,
                data={
                    "first_names": f"Etu{i}{role}{age}",
                    "last_name": f"Suku{i}",
                    "identity_code": identity.build(born, number % 898 + 2),
                    "street_address": f"Katu {i}",
                    "postal_code": "00100",
                    "post_office": "Helsinki",
                    "security_prohibition": i % 10 == 0,
                },
                confirm_not_duplicate=True,
            )
            number += 1
            services.membership_add(actor=None, family=family, person=person, role=role)
        services.relationship_open(
            actor=None, family=family, unit=unit, service_task=ServiceTask.CHILD_HEALTH
        )
        ids.append(family.pk)
    return user, ids


def _fill_log(entries: int) -> None:
    from perhekeskus.access import chain

    row = {
        "actor_name": "Bench Nurse (bench-nurse)",
        "role": "public_health_nurse",
        "unit": "Clinic",
        "action": "read",
        "target": "family",
        "basis": "relationship",
        "basis_detail": "client relationship (child_health)",
        "allowed": True,
        "ip_address": "127.0.0.1",
        "channel": "html",
    }
    batch = 5000
    for start in range(0, entries, batch):
        chain.append_many([row] * min(batch, entries - start))


def _http_stack(user, unguarded):
    """The WSGI handler with a signed-in session for ``user``, and a bench URL
    serving the same family page without the access layer (the view ``unguarded``)."""
    import types

    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.conf import settings
    from django.conf.urls.i18n import i18n_patterns
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.handlers.wsgi import WSGIHandler
    from django.urls import path

    TOTP.activate(user, generate_totp_secret())  # professionals need a second factor

    import perhekeskus.urls as project_urls

    urls = types.ModuleType("bench_access_urls")
    urls.__dict__.update({k: v for k, v in vars(project_urls).items() if k.startswith("handler")})
    # Under the same language prefixing as the real page, so the layout's
    # language links cost the same.
    urls.urlpatterns = [
        *project_urls.urlpatterns,
        *i18n_patterns(
            path("bench/unguarded/<uuid:family_id>/", unguarded),
            prefix_default_language=False,
        ),
    ]
    sys.modules["bench_access_urls"] = urls
    settings.ROOT_URLCONF = "bench_access_urls"
    settings.ALLOWED_HOSTS = ["*"]

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return WSGIHandler(), f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reads", type=int, default=300, help="reads per variant")
    parser.add_argument("--log", type=int, default=200_000, help="access log entries")
    parser.add_argument("--families", type=int, default=500)
    args = parser.parse_args()

    vendor, _ = prepare_database(BENCH_DB, ROOT / "var" / "bench" / "access.sqlite3")
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)

    from django.shortcuts import render
    from django.test import RequestFactory
    from django.urls import resolve

    from perhekeskus.access import actor_for
    from perhekeskus.access.chain import verify
    from perhekeskus.access.core import Decision
    from perhekeskus.access.log import Basis
    from perhekeskus.access.table import Part
    from perhekeskus.families import api as families_api
    from perhekeskus.families import selectors, views
    from perhekeskus.families.models import Family

    print(f"database: {vendor}; seeding {args.families} families …", flush=True)
    user, family_ids = _seed(args.families)
    factory = RequestFactory()

    def unguarded_page(request, family_id):
        # The family page as the access layer would serve it, without asking it.
        actor = actor_for(request.user)
        family = Family.objects.get(pk=family_id)
        # The part the reader has, given rather than decided: the same fields shown.
        family.access = Decision(Basis.RELATIONSHIP, "", parts=frozenset({Part.RELATIONSHIP}))
        actions = selectors.family_actions(family.access)
        return render(
            request,
            "families/family_detail.html",
            {
                "detail": selectors.family_detail(actor, family),
                "actions": actions,
                "links": views._family_links(family, actions),
            },
        )

    handler, cookie = _http_stack(user, unguarded_page)

    def request_for(family_id, api=False):
        path = f"/api/v1/families/{family_id}" if api else f"/families/{family_id}/"
        request = factory.get(path)
        request.user = user
        request.auth = user
        request.resolver_match = resolve(path)
        return request

    def page_with(family_id):
        # Each request builds its actor afresh, as a real request does.
        user.__dict__.pop("_access_actor", None)
        return views.family_detail(request_for(family_id), family_id=family_id)

    def page_without(family_id):
        user.__dict__.pop("_access_actor", None)
        return unguarded_page(request_for(family_id), family_id)

    def api_with(family_id):
        user.__dict__.pop("_access_actor", None)
        return families_api.get_family(request_for(family_id, api=True), str(family_id))

    def api_without(family_id):
        user.__dict__.pop("_access_actor", None)
        actor = actor_for(user)
        family = Family.objects.get(pk=family_id)
        family.access = Decision(Basis.RELATIONSHIP, "", parts=frozenset({Part.RELATIONSHIP}))
        detail = selectors.family_detail(actor, family)
        return {
            "id": family.pk,
            "name": family.name,
            "basis": "",
            "partial": False,
            "members": [
                {
                    "person": families_api._person(r.person),
                    "role": r.role,
                    "starts_on": r.starts_on,
                    "guardians": r.guardians if detail.columns.guardians else None,
                }
                for r in detail.members
            ],
        }

    def timed(function, ids) -> float:
        started = time.perf_counter()
        for family_id in ids:
            function(family_id)
        return (time.perf_counter() - started) / len(ids)

    def compare(with_, without, label):
        rounds, per_round = 20, max(1, args.reads // 20)
        timed(with_, family_ids[:20])  # warm caches and templates
        timed(without, family_ids[:20])
        a, b = [], []
        for r in range(rounds):
            ids = [family_ids[(r * per_round + i) % len(family_ids)] for i in range(per_round)]
            if r % 2:
                b.append(timed(without, ids))
                a.append(timed(with_, ids))
            else:
                a.append(timed(with_, ids))
                b.append(timed(without, ids))
        with_ms, without_ms = statistics.median(a) * 1000, statistics.median(b) * 1000
        print(
            f"{label}: with access layer {with_ms:.2f} ms, without {without_ms:.2f} ms, "
            f"ratio {with_ms / without_ms:.3f} (+{with_ms - without_ms:.2f} ms per read)",
            flush=True,
        )
        return with_ms / without_ms

    def http(path):
        environ = factory.get(path).environ
        environ["HTTP_COOKIE"] = cookie
        response = handler(environ, lambda status, headers: None)
        body = b"".join(response)
        response.close()
        if not body.startswith(b"<!DOCTYPE"):
            raise SystemExit(f"unexpected response for {path}: {body[:200]!r}")
        return body

    http_ratio = compare(
        lambda f: http(f"/families/{f}/"),
        lambda f: http(f"/bench/unguarded/{f}/"),
        "family page, full request",
    )
    compare(page_with, page_without, "family page, view alone (HTML)")
    compare(api_with, api_without, "family, API operation alone (JSON)")

    print(f"filling the access log to {args.log} entries …", flush=True)
    from perhekeskus.access.models import AccessLogEntry

    missing = args.log - AccessLogEntry.objects.count()
    if missing > 0:
        _fill_log(missing)
    started = time.perf_counter()
    result = verify()
    elapsed = time.perf_counter() - started
    assert result.ok, result.problem
    rate = result.entries / elapsed
    print(f"audit-verify: {result.entries} entries in {elapsed:.2f} s", flush=True)
    print(f"overhead_ratio={http_ratio:.3f} verify_entries_per_s={rate:.0f}")


if __name__ == "__main__":
    main()
