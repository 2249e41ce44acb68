"""Every demo user against every page and every write action, from the access table.

The demo region is loaded once for the module (inside a transaction rolled
back at its end; each test runs in a savepoint inside it). Then:

- the crawl: each demo user (and an anonymous visitor) starts from the
  landing pages and follows the same-site links of every page answered 200
  (bounded per user and per URL pattern). Every identity code and every
  protected street address of the demo register found in a body must be one
  the user's :func:`~perhekeskus.access.core.family_decision` shows;
- the writes: every URL that accepts POST is in :data:`WRITES` (what it does
  in the access table's terms and which record it acts on), :data:`NEEDS`
  (a capability, no client data) or :data:`EXEMPT` (with the reason). For
  each user whose parts do not allow the act, a POST is answered 403 or 404
  (a redirect to sign in for anonymous) and changes nothing in the database.

Every violation is collected and the test fails once with the full list.
"""

from __future__ import annotations

import html
import json
import re
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test import Client
from django.test.utils import override_settings
from django.urls import NoReverseMatch, Resolver404, get_resolver, resolve, reverse

from perhekeskus.access.actor import ANONYMOUS, actor_for
from perhekeskus.access.core import Decision, does_client_work, family_decision
from perhekeskus.access.masking import may_see_protected_address
from perhekeskus.access.table import CHANGES, Act, Field, Kind, Part
from perhekeskus.accounts.capabilities import Capability
from perhekeskus.catalogue.demo import load_demo_extensions, load_demo_region
from perhekeskus.web.access import _ninja_operation_views, policy_of

pytestmark = pytest.mark.xdist_group("demo_region")

ANONYMOUS_NAME = "(anonymous)"

# --- The demo, once ------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        override_settings(
            DEMO_MODE=True,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
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


@pytest.fixture
def demo_client(demo, db, settings):
    settings.DEMO_MODE = True  # demo users skip the second factor
    return Client()


def demo_users():
    from perhekeskus.accounts.demo import DEMO_USERS
    from perhekeskus.accounts.models import User

    users = list(User.objects.filter(username__in=[u.username for u in DEMO_USERS]))
    assert len(users) == len(DEMO_USERS)
    return sorted(users, key=lambda u: u.username)


def sign_in(client: Client, user) -> None:
    client.logout()
    if user is not None:
        client.force_login(user)


def fresh_actor(user):
    if user is None:
        return ANONYMOUS
    user.__dict__.pop("_access_actor", None)
    return actor_for(user)


# --- The URL patterns ------------------------------------------------------------


def walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if hasattr(entry, "url_patterns"):
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            yield from walk(entry.url_patterns, route, inner)
        else:
            yield route, namespace + (entry.name or ""), entry.callback


def http_methods(view) -> set[str] | None:
    """The methods a view answers, from ``require_http_methods`` (its list in
    the wrapper's closure), a class view or django-ninja's operations; None
    when the view does not say (then it may accept POST)."""
    seen: set[int] = set()
    candidate = view
    while candidate is not None and id(candidate) not in seen:
        seen.add(id(candidate))
        operations = _ninja_operation_views(candidate)
        if operations is not None:
            for cell in candidate.__closure__ or ():
                found = getattr(cell.cell_contents, "operations", None)
                if found:
                    return {m.upper() for op in found for m in op.methods}
        for cell in getattr(candidate, "__closure__", None) or ():
            try:
                value = cell.cell_contents
            except ValueError:
                continue
            if (
                isinstance(value, list | tuple | set | frozenset)
                and value
                and all(isinstance(m, str) and m.isupper() for m in value)
            ):
                return set(value)
        view_class = getattr(candidate, "view_class", None)
        if view_class is not None:
            return {m.upper() for m in view_class.http_method_names if hasattr(view_class, m)}
        candidate = getattr(candidate, "__wrapped__", None)
    return None


def routes():
    return list(walk(get_resolver().url_patterns))


def post_routes() -> dict[str, str]:
    """url name -> route of every URL that may accept POST (or DELETE)."""
    found = {}
    for route, name, callback in routes():
        methods = http_methods(callback)
        if methods is None or methods - {"GET", "HEAD", "OPTIONS"}:
            found[name] = route
    return found


# --- The crawl -------------------------------------------------------------------

MAX_PAGES = 120
# Instances of one URL pattern a user opens (the catalogue has 190 services).
MAX_PER_PATTERN = 12
# Pages of no client data (the catalogue, statistics, the programme): a
# pattern's first instances show whether it leaks at all.
MAX_PER_OTHER_PATTERN = 2
PERSONAL_POLICIES = frozenset({"client_data", "own_data", "access_log"})
SEEDS = (
    "/",
    "/desk/",
    "/desk/manager/",
    "/our-family/",
    "/my-plan/",
    "/my-appointments/",
    "/my-data/",
    "/families/",
    "/casework/contacts/",
    "/casework/matters/",
    "/appointments/",
    "/appointments/calendar.ics",
    "/referrals/inbox/",
    "/audit/",
    "/audit/log/",
    "/accounts/profile/",
    "/api/v1/accounts/me",
    "/api/v1/families/",
    "/api/v1/referrals/waiting",
)
# Never followed: signing out ends the crawl's session; the language
# switch repeats every page; the demo sign-in page signs in someone else.
SKIP_NAMES = frozenset({"account_logout", "set_language", "accounts:demo_sign_in"})
SKIP_PREFIXES = ("/static/", "/media/", "/sv/", "/en/", "/fi/", "/accounts/logout")
HREF = re.compile(rb"""href\s*=\s*["']([^"'#][^"']*)["']""")


def same_site_links(page_url: str, body: bytes) -> Iterable[str]:
    for raw in HREF.findall(body):
        href = html.unescape(raw.decode("utf-8", "replace")).strip()
        if href.startswith(("mailto:", "tel:", "javascript:", "data:")):
            continue
        url = urljoin("http://testserver" + page_url, href)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
            continue
        if parts.path.startswith(SKIP_PREFIXES):
            continue
        query = parse_qs(parts.query, keep_blank_values=True)
        if set(query) - {"page"}:
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def url_name(path: str) -> tuple[str, object] | None:
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    return match.view_name, match.func


def crawl(client: Client, seeds: Iterable[str]) -> Iterable[tuple[str, bytes]]:
    """(url, body) of every page answered 200, breadth first, bounded."""
    queue = deque(seeds)
    seen: set[str] = set(queue)
    per_pattern: Counter = Counter()
    visited = 0
    while queue and visited < MAX_PAGES:
        url = queue.popleft()
        resolved = url_name(url)
        if resolved is None:
            continue
        name, callback = resolved
        if name in SKIP_NAMES:
            continue
        methods = http_methods(callback)
        if methods is not None and "GET" not in methods:
            continue
        personal = set((policy_of(callback) or "").split(",")) & PERSONAL_POLICIES
        limit = MAX_PER_PATTERN if personal else MAX_PER_OTHER_PATTERN
        if per_pattern[name] >= limit:
            continue
        per_pattern[name] += 1
        visited += 1
        response = client.get(url)
        if response.status_code in (301, 302):
            target = urlsplit(urljoin("http://testserver" + url, response["Location"]))
            location = target.path + (f"?{target.query}" if target.query else "")
            if target.netloc == "testserver" and location not in seen:
                seen.add(location)
                queue.append(location)
            continue
        if response.status_code != 200:
            continue
        body = body_of(response)
        yield url, body
        content_type = response.get("Content-Type", "")
        if "html" in content_type:
            for link in same_site_links(url, body):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)


@dataclass
class Register:
    """What of the demo register must not leak: codes and protected addresses."""

    codes: dict[str, object]  # identity code -> Person
    protected: dict[str, object]  # street address -> Person (security prohibition)
    families_of: dict[uuid.UUID, list[uuid.UUID]]


def register() -> Register:
    from perhekeskus.families.models import FamilyMembership, Person

    persons = list(Person.objects.select_related("municipality"))
    families_of: dict[uuid.UUID, list[uuid.UUID]] = {}
    for person_id, family_id in FamilyMembership.objects.active().values_list(
        "person_id", "family_id"
    ):
        families_of.setdefault(person_id, []).append(family_id)
    return Register(
        codes={p.identity_code: p for p in persons if p.identity_code},
        protected={
            p.street_address: p for p in persons if p.security_prohibition and p.street_address
        },
        families_of=families_of,
    )


def forms_of(text: str) -> list[bytes]:
    """The ways a value may be written in a body: HTML, JSON, iCalendar."""
    escaped = html.escape(text, quote=True)
    as_json = json.dumps(text)[1:-1]
    as_ics = text.replace(",", "\\,").replace(";", "\\;")
    return sorted({f.encode() for f in (text, escaped, as_json, as_ics)})


def unfolded(body: bytes) -> bytes:
    # iCalendar folds long lines; an address must not hide across a fold.
    return body.replace(b"\r\n ", b"").replace(b"\n ", b"")


class Shown:
    """What the user's decisions show of each person (decided once per user)."""

    def __init__(self, actor, reg: Register):
        self.actor = actor
        self.reg = reg
        self._decisions: dict[uuid.UUID, Decision | None] = {}

    def _decision(self, family_id):
        if family_id not in self._decisions:
            self._decisions[family_id] = (
                family_decision(self.actor, family_id) if self.actor.is_authenticated else None
            )
        return self._decisions[family_id]

    def shows(self, person, field_: Field) -> bool:
        for family_id in self.reg.families_of.get(person.pk, ()):
            decision = self._decision(family_id)
            if (
                decision is not None
                and decision.covers(person.pk)
                and decision.shows(Kind.REGISTER, field_)
            ):
                return True
        return False

    def parts(self, person) -> str:
        """The user's parts in the person's families, to name in a failure."""
        held = set()
        for family_id in self.reg.families_of.get(person.pk, ()):
            decision = self._decision(family_id)
            if decision is not None:
                held |= {str(part) for part in decision.parts}
                if not decision.covers(person.pk):
                    held.add("(not covering the person)")
        return ", ".join(sorted(held)) or "none"


def leaks(username: str, actor, url: str, body: bytes, reg: Register, shown: Shown) -> list[str]:
    found = []
    text = unfolded(body)
    no_client_work = actor.is_authenticated and not does_client_work(actor) and not actor.is_citizen
    for code, person in reg.codes.items():
        if not any(form in text for form in forms_of(code)):
            continue
        who = f"{person.first_names} {person.last_name}"
        if no_client_work:
            found.append(f"{username} {url}: identity code of {who} (no client work)")
        elif not shown.shows(person, Field.IDENTITY_CODE):
            found.append(f"{username} {url}: identity code of {who} (parts: {shown.parts(person)})")
    for address, person in reg.protected.items():
        if not any(form in text for form in forms_of(address)):
            continue
        if not (may_see_protected_address(actor, person) and shown.shows(person, Field.ADDRESS)):
            who = f"{person.first_names} {person.last_name}"
            found.append(
                f"{username} {url}: protected address of {who} ({address}; "
                f"parts: {shown.parts(person)})"
            )
    return found


def probes() -> list[str]:
    """Addresses of the register's records, opened directly as well as found."""
    from perhekeskus.casework.models import Matter
    from perhekeskus.families.models import Family

    urls = []
    for family_id in Family.objects.order_by("pk").values_list("pk", flat=True):
        urls += [
            f"/families/{family_id}/",
            f"/families/{family_id}/members.csv",
            f"/families/{family_id}/print/",
            f"/api/v1/families/{family_id}",
        ]
    for matter_id in Matter.objects.order_by("pk").values_list("pk", flat=True):
        urls.append(f"/casework/matters/{matter_id}/")
    return urls


def test_every_demo_user_sees_only_what_their_decisions_show(demo_client):
    reg = register()
    assert reg.codes and reg.protected, "the demo register should have both"
    violations: list[str] = []
    opened: dict[str, int] = {}
    extra = probes()
    for user in [None, *demo_users()]:
        username = user.username if user else ANONYMOUS_NAME
        sign_in(demo_client, user)
        actor = fresh_actor(user)
        shown = Shown(actor, reg)
        count = 0
        for url, body in crawl(demo_client, [*SEEDS, *extra]):
            count += 1
            violations += leaks(username, actor, url, body, reg, shown)
        opened[username] = count
    # The crawl reached the users' own work (a broken crawl proves nothing).
    assert opened["demo-social-worker"] >= 20, opened
    assert opened["demo-parent"] >= 4, opened
    assert not violations, f"{len(violations)} leaks (pages opened: {opened}):\n" + "\n".join(
        violations
    )


# --- Writes ------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """One record a write acts on: the URL's kwargs and the record."""

    kwargs: dict
    family_id: uuid.UUID | None
    record: object = None


@dataclass(frozen=True)
class Write:
    """A write on client data, in the access table's terms.

    ``on`` names how the record, its family and its record-level parts are
    found (:data:`TARGETS`, :func:`record_parts`).
    """

    kind: Kind
    act: Act
    on: str
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Needs:
    """A write on no client data, open to holders of any of these capabilities."""

    capabilities: tuple[str, ...]
    on: str = ""
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Owner:
    """A write on the user's own thing (a notice): another user's changes nothing."""

    on: str


K, A = Kind, Act
_REASON = {"reason": "Testi", "reason-reason": "Testi", "note": "Testi"}
_VERSIONED = {"reason": "Testi", "version": "{version}"}
WRITES: dict[str, Write] = {
    # The family register.
    "families:consent_new": Write(K.CONSENT, A.WRITE, "family", {"purpose": "Testi"}),
    "families:consent_withdraw": Write(K.CONSENT, A.CANCEL, "consent"),
    "families:disclosure": Write(K.REGISTER, A.DISCLOSE, "family", {"disclose": "on"}),
    # The register's upkeep.
    "families:member_add": Write(
        K.REGISTER, A.WRITE, "family", {"first_names": "Testi", "version": "{version}"}
    ),
    "families:newborn_add": Write(
        K.REGISTER, A.WRITE, "family", {"first_names": "Testi", "version": "{version}"}
    ),
    "families:member_end": Write(K.REGISTER, A.WRITE, "member", {"version": "{version}"}),
    "families:member_move": Write(
        K.REGISTER, A.WRITE, "member", {"street_address": "Testi", "version": "{version}"}
    ),
    "families:member_death": Write(K.REGISTER, A.WRITE, "member", {"version": "{version}"}),
    "families:member_prohibition": Write(K.REGISTER, A.WRITE, "member", _VERSIONED),
    "families:member_identity_code": Write(K.REGISTER, A.WRITE, "member", {"version": "1"}),
    "families:member_guardianship": Write(K.REGISTER, A.WRITE, "member", {"change": "end"}),
    "families:member_merge": Write(K.REGISTER, A.MERGE, "member", {"find": "1"}),
    # Contacts (record-level parts: queue, taker, sender).
    "casework:contact_take": Write(K.CONTACT, A.TAKE, "contact"),
    "casework:contact_answer": Write(K.CONTACT, A.WRITE, "contact", {"answer-answer": "Testi"}),
    "casework:contact_unreachable": Write(
        K.CONTACT, A.CLOSE, "contact", {"unreachable-note": "Testi"}
    ),
    "casework:contact_link": Write(K.CONTACT, A.WRITE, "contact", {"family": "{family}"}),
    "casework:contact_new_family": Write(
        K.CONTACT,
        A.WRITE,
        "contact",
        {"family-first_names": "Testi", "family-last_name": "Testinen"},
    ),
    "casework:contact_open_matter": Write(K.CONTACT, A.WRITE, "contact", {"matter-urgent": "on"}),
    # Matters (record-level parts: the matter's unit, worker and team).
    "casework:matter_worker": Write(K.MATTER, A.WRITE, "matter", {"worker-reason": "Testi"}),
    "casework:matter_transfer": Write(K.MATTER, A.TRANSFER, "matter", {"transfer-reason": "Testi"}),
    "casework:matter_team_add": Write(K.MATTER, A.WRITE, "matter", {"team-scope": "full"}),
    "casework:matter_team_remove": Write(K.MATTER, A.WRITE, "team_member"),
    "casework:matter_close": Write(K.MATTER, A.CLOSE, "matter", {"close-summary": "Testi"}),
    # The assessment and the plan (parts in the matter).
    "planning:assessment_start": Write(K.ASSESSMENT, A.WRITE, "matter"),
    "planning:assessment_cosign": Write(K.ASSESSMENT, A.WRITE, "matter", {"revision": "1"}),
    "planning:assessment_complete": Write(K.ASSESSMENT, A.WRITE, "matter", {"version": "1"}),
    "planning:section_edit": Write(
        K.ASSESSMENT, A.WRITE, "section", {"text": "Testi", "version": "1"}
    ),
    "planning:child_view_edit": Write(K.ASSESSMENT, A.WRITE, "child", {"child_age": "5"}),
    "planning:plan_edit": Write(K.PLAN, A.WRITE, "matter", {"version": "1"}),
    "planning:plan_agree": Write(K.PLAN, A.WRITE, "matter", {"version": "1"}),
    "planning:plan_not_needed": Write(K.PLAN, A.WRITE, "matter", _REASON),
    "planning:plan_reply": Write(K.PLAN, A.WRITE, "matter", {"text": "Testi"}),
    "planning:action_step": Write(K.PLAN, A.WRITE, "plan_action"),
    "planning:my_plan_comment": Write(K.PLAN, A.WRITE, "plan", {"text": "Testi"}),
    # Referrals: the sender's side (parts in the matter), the receiver's.
    "referrals:new": Write(K.REFERRAL, A.WRITE, "matter", {"kind": "consultation"}),
    "referrals:edit": Write(K.REFERRAL, A.WRITE, "referral", {"kind": "consultation"}),
    "referrals:send": Write(K.REFERRAL, A.WRITE, "referral"),
    "referrals:withdraw": Write(K.REFERRAL, A.CANCEL, "referral", {"withdraw-reason": "Testi"}),
    "referrals:accept": Write(K.REFERRAL, A.WRITE, "received_referral"),
    "referrals:decline": Write(K.REFERRAL, A.WRITE, "received_referral", _REASON),
    "referrals:done": Write(K.REFERRAL, A.WRITE, "received_referral"),
    "api-v1:accept": Write(K.REFERRAL, A.WRITE, "received_referral", {"note": "Testi"}),
    "api-v1:decline": Write(K.REFERRAL, A.WRITE, "received_referral", _REASON),
    "api-v1:done": Write(K.REFERRAL, A.WRITE, "received_referral", {"summary": "Testi"}),
    # Appointments (record-level parts: booker, participants).
    "appointments:book": Write(
        K.APPOINTMENT,
        A.WRITE,
        "matter",
        {"mode": "phone", "day": "{next_week}", "start": "10:00", "minutes": "45"},
    ),
    "appointments:cancel": Write(K.APPOINTMENT, A.CANCEL, "appointment", _VERSIONED),
    "appointments:outcome": Write(
        K.APPOINTMENT, A.WRITE, "appointment", {"outcome": "held", "version": "{version}"}
    ),
    "appointments:family_cancel": Write(K.APPOINTMENT, A.CANCEL, "appointment", _VERSIONED),
}
NEEDS: dict[str, Needs] = {
    # Starting a client's record or opening access: professionals doing client work.
    "families:new_client": Needs((Capability.CLIENT_WORK,), data={"first_names": "Testi"}),
    "families:special_access": Needs((Capability.CLIENT_WORK,), data=_REASON),
    "casework:on_behalf": Needs((Capability.CLIENT_WORK,), data={"situation": "Testi"}),
    "audit:review": Needs((Capability.REVIEW_EMERGENCY_ACCESS,), "grant", {"note": "Testi"}),
    "appointments:video_service": Needs((Capability.SUPERVISE_CASEWORK,), data={"name": "T"}),
    "cataloguedit:start_new": Needs((Capability.EDIT_OWN_ORGANISATION_SERVICES,)),
    "cataloguedit:start_edit": Needs((Capability.EDIT_OWN_ORGANISATION_SERVICES,), "service"),
    "cataloguedit:edit": Needs((Capability.EDIT_OWN_ORGANISATION_SERVICES,), "change"),
    "cataloguedit:submit": Needs((Capability.EDIT_OWN_ORGANISATION_SERVICES,), "change"),
    "cataloguedit:rebase": Needs((Capability.EDIT_OWN_ORGANISATION_SERVICES,), "change"),
    "cataloguedit:approve": Needs((Capability.EDIT_CATALOGUE,), "change"),
    "cataloguedit:reject": Needs((Capability.EDIT_CATALOGUE,), "change", _REASON),
    "indicators:import": Needs((Capability.MANAGE_KNOWLEDGE,)),
    "indicators:programme:project_new": Needs((Capability.MANAGE_KNOWLEDGE,), data={"name": "T"}),
    "indicators:programme:project_edit": Needs((Capability.MANAGE_KNOWLEDGE,), "project"),
    "indicators:programme:agent_new": Needs((Capability.MANAGE_KNOWLEDGE,), data={"name": "T"}),
    "indicators:programme:agent_edit": Needs((Capability.MANAGE_KNOWLEDGE,), "agent"),
    "impact:new": Needs((Capability.PREPARE_DECISIONS,), data={"title": "Testi"}),
    "impact:screening": Needs((Capability.PREPARE_DECISIONS,), "impact"),
    "impact:step": Needs((Capability.PREPARE_DECISIONS,), "impact_step"),
    "impact:sign": Needs((Capability.PREPARE_DECISIONS,), "impact"),
    "impact:publish": Needs((Capability.PREPARE_DECISIONS,), "impact"),
    "impact:reopen": Needs((Capability.PREPARE_DECISIONS,), "impact", _REASON),
    "impact:notice_read": Needs(
        (Capability.PREPARE_DECISIONS, Capability.VIEW_STATISTICS), "impact_notice"
    ),
    "budget:import": Needs((Capability.MANAGE_KNOWLEDGE,)),
    "budget:mapping_edit": Needs((Capability.MANAGE_KNOWLEDGE,)),
    "budget:population": Needs((Capability.MANAGE_KNOWLEDGE,)),
    "accounts:token_create": Needs((Capability.USE_API,), data={"name": "T", "days": "1"}),
    # Administration: an organisation's user administrator, own organisations only.
    "administration:unit_new": Needs(
        (Capability.ADMINISTER_USERS,), data={"name_fi": "T", "kind": "family_centre", **_REASON}
    ),
    "administration:unit_edit": Needs((Capability.ADMINISTER_USERS,), "admin_unit", _REASON),
    "administration:unit_deactivate": Needs((Capability.ADMINISTER_USERS,), "admin_unit", _REASON),
    "administration:unit_reactivate": Needs((Capability.ADMINISTER_USERS,), "admin_unit", _REASON),
    "administration:person_new": Needs(
        (Capability.ADMINISTER_USERS,),
        data={"first_name": "T", "last_name": "T", "username": "crawl-new", **_REASON},
    ),
    "administration:person_edit": Needs(
        (Capability.ADMINISTER_USERS,),
        "admin_user",
        {"first_name": "T", "last_name": "T", **_REASON},
    ),
    "administration:person_deactivate": Needs(
        (Capability.ADMINISTER_USERS,), "admin_user", _REASON
    ),
    "administration:person_reactivate": Needs(
        (Capability.ADMINISTER_USERS,), "admin_user", _REASON
    ),
    "administration:person_reset_second_factor": Needs(
        (Capability.ADMINISTER_USERS,), "admin_user", _REASON
    ),
    "administration:person_password_reset": Needs(
        (Capability.ADMINISTER_USERS,), "admin_user", _REASON
    ),
    "administration:person_delete": Needs((Capability.ADMINISTER_USERS,), "admin_user", _REASON),
    "administration:membership_new": Needs(
        (Capability.ADMINISTER_USERS,), "admin_user", {"role": "family_worker", **_REASON}
    ),
    "administration:membership_edit": Needs(
        (Capability.ADMINISTER_USERS,), "admin_membership", {"role": "manager", **_REASON}
    ),
    "administration:membership_end": Needs(
        (Capability.ADMINISTER_USERS,), "admin_membership", {"last_day": "2026-01-01", **_REASON}
    ),
    "administration:grant_new": Needs(
        (Capability.ADMINISTER_USERS,), "admin_membership", {"valid_from": "2026-01-01", **_REASON}
    ),
    "administration:grant_revoke": Needs((Capability.ADMINISTER_USERS,), "admin_grant", _REASON),
    "accessibility:handle": Needs(
        (Capability.ADMINISTER_USERS,), "accessibility_feedback", {"reply_note": "Testi"}
    ),
}
# The platform administrators' vocabularies (Django's admin on a site of its own).
_PLATFORM = (Capability.ADMINISTER_PLATFORM,)
PLATFORM_MODELS = {
    "planning_method": "planning.Method",
    "catalogue_taxonomyterm": "catalogue.TaxonomyTerm",
    "catalogue_language": "catalogue.Language",
    "catalogue_organizationkindname": "catalogue.OrganizationKindName",
    "families_serviceprovision": "families.ServiceProvision",
    "appointments_videoservice": "appointments.VideoService",
}
for _key, _label in PLATFORM_MODELS.items():
    for _view in ("add", "changelist"):
        NEEDS[f"platform_admin:{_key}_{_view}"] = Needs(_PLATFORM, data={"name": "T"})
    for _view in ("change", "delete", "history"):
        NEEDS[f"platform_admin:{_key}_{_view}"] = Needs(
            _PLATFORM, f"platform:{_label}", {"post": "yes"}
        )
for _name in ("index", "jsi18n", "autocomplete", "password_change", "password_change_done"):
    NEEDS[f"platform_admin:{_name}"] = Needs(_PLATFORM)
NEEDS["platform_admin:app_list"] = Needs(_PLATFORM, "platform_app")
NEEDS["platform_admin:view_on_site"] = Needs(_PLATFORM, "platform_shortcut")

OWNED: dict[str, Owner] = {
    "desk:notice_read": Owner("desk_notice"),
    "appointments:notice_seen": Owner("reminder"),
}
_OWN_SETTINGS = "the user's own account settings (no one else's data)"
_SIGN_IN = "the sign-in flow itself (allauth); shows no personal data"
EXEMPT: dict[str, str] = {
    "casework:ask": "the anonymous contact form: anyone may ask for help",
    "accessibility:feedback": "the accessibility feedback form: anyone may give feedback",
    "api-v1:submit_contact": "the contact form's API: anyone may ask for help",
    "accounts:token_revoke": "revokes one of the user's own API tokens (filtered by owner)",
    "api-v1:revoke_token": "revokes one of the user's own API tokens (filtered by owner)",
    "accounts:sign_out_everywhere": "ends the user's own sessions",
    "accounts:profile": _OWN_SETTINGS,
    "accounts:demo_sign_in": "the demo's sign-in page (demo mode only)",
    "api-v1:api-root": "the API's root answers only 404",
    "api-v1:openapi-json": "the API's schema: public, no data",
    "api-hsds:api-root": "the public catalogue API's root",
    "api-hsds:openapi-json": "the public catalogue API's schema",
    "api-hsds:openapi-view": "the public catalogue API's documentation",
    "api-hsds:not-found": "the public catalogue API's 404",
    "openid_connect_login": _SIGN_IN,
    "openid_connect_callback": _SIGN_IN,
    "account_login": _SIGN_IN,
    "account_logout": _SIGN_IN,
    "account_signup": _SIGN_IN,
    "account_email_verification_sent": _SIGN_IN,
    "account_reset_password": _SIGN_IN,
    "account_confirm_login_code": _SIGN_IN,
    "account_confirm_email": _SIGN_IN,
    "account_reset_password_from_key": _SIGN_IN,
    "mfa_authenticate": _SIGN_IN,
    "socialaccount_signup": _SIGN_IN,
    "platform_admin:login": "sends to the site's own sign-in (with the second factor)",
    "platform_admin:logout": "sends to the site's own sign-out",
    # Unnamed, so it cannot be reversed; it is behind the same guard as every
    # other view of the site (test_platform_admin) and answers only 404.
    "platform_admin:": "the platform admin site's catch-all: only 404, behind the site's guard",
    "account_reauthenticate": _OWN_SETTINGS,
    "account_email": _OWN_SETTINGS,
    "account_change_password": _OWN_SETTINGS,
    "account_set_password": _OWN_SETTINGS,
    "mfa_reauthenticate": _OWN_SETTINGS,
    "mfa_activate_totp": _OWN_SETTINGS,
    "mfa_deactivate_totp": _OWN_SETTINGS,
    "mfa_generate_recovery_codes": _OWN_SETTINGS,
    "socialaccount_connections": _OWN_SETTINGS,
    "usersessions_list": _OWN_SETTINGS,
}


def test_every_post_endpoint_is_mapped_or_exempt():
    found = post_routes()
    assert "casework:contact_take" in found and "families:consent_new" in found
    assert "families:detail" not in found  # GET-only pages are not writes
    known = set(WRITES) | set(NEEDS) | set(OWNED) | set(EXEMPT)
    unmapped = sorted(f"{name} ({route})" for name, route in found.items() if name not in known)
    assert not unmapped, "POST endpoints with no entry in the access crawl: " + ", ".join(unmapped)
    stale = sorted(known - {name for _route, name, _callback in routes()})
    assert not stale, f"entries for URLs that are gone: {stale}"


# --- The records each write is tried on --------------------------------------------


def in_order(rows):
    """Rows in the order the demo made them (ids are random; the records tried
    must not change from run to run)."""
    names = {f.name for f in rows.model._meta.concrete_fields}
    return rows.order_by("created_at", "pk") if "created_at" in names else rows.order_by("pk")


def _matter_targets():
    from perhekeskus.casework.models import Matter

    return [
        Target({"matter_id": m.pk}, m.family_id, m)
        for m in in_order(Matter.objects.select_related("family"))
    ]


def _targets_family():
    from perhekeskus.families.models import Family

    return [
        Target({"family_id": pk}, pk, pk)
        for pk in in_order(Family.objects).values_list("pk", flat=True)
    ]


def _targets_member():
    from perhekeskus.families.models import FamilyMembership

    return [
        Target({"family_id": m.family_id, "person_id": m.person_id}, m.family_id, m.person)
        for m in in_order(FamilyMembership.objects.active().select_related("person"))[:40]
    ]


def _targets_consent():
    from perhekeskus.families.models import Consent, FamilyMembership

    found = []
    for consent in in_order(Consent.objects):
        family_id = (
            FamilyMembership.objects.active()
            .filter(person_id=consent.person_id)
            .values_list("family_id", flat=True)
            .first()
        )
        if family_id:
            found.append(
                Target({"family_id": family_id, "consent_id": consent.pk}, family_id, consent)
            )
    return found


def _targets_contact():
    from perhekeskus.casework.models import Contact

    return [Target({"contact_id": c.pk}, c.family_id, c) for c in in_order(Contact.objects)]


def _targets_team_member():
    from perhekeskus.casework.models import TeamMember

    return [
        Target({"matter_id": t.matter_id, "member_id": t.pk}, t.matter.family_id, t.matter)
        for t in in_order(TeamMember.objects.select_related("matter"))
    ]


def _targets_section():
    return [
        Target({**t.kwargs, "part": part}, t.family_id, t.record)
        for t in _matter_targets()
        for part in ("mine", "conclusion")
    ]


def _targets_child():
    from perhekeskus.planning import selectors

    return [
        Target({**t.kwargs, "child_id": child.pk}, t.family_id, t.record)
        for t in _matter_targets()
        for child in selectors.children_of(t.record)[:1]
    ]


def _targets_plan_action():
    from perhekeskus.planning.models import PlanAction

    found = []
    for action in in_order(PlanAction.objects.select_related("plan__matter")):
        matter = action.plan.matter
        found.append(
            Target(
                {"matter_id": matter.pk, "action_id": action.pk, "step": "start"},
                matter.family_id,
                action,
            )
        )
    return found


def _targets_plan():
    from perhekeskus.planning.models import Plan

    return [
        Target({"plan_id": p.pk}, p.matter.family_id, p.matter)
        for p in in_order(Plan.objects.select_related("matter"))
    ]


def _targets_referral():
    from perhekeskus.referrals.models import Referral

    return [
        Target({"matter_id": r.matter_id, "referral_id": r.pk}, r.matter.family_id, r)
        for r in in_order(Referral.objects.select_related("matter"))
    ]


def _targets_received_referral():
    return [
        Target({"referral_id": t.kwargs["referral_id"]}, t.family_id, t.record)
        for t in _targets_referral()
    ]


def _targets_appointment():
    from perhekeskus.appointments.models import Appointment

    return [Target({"appointment_id": a.pk}, a.family_id, a) for a in in_order(Appointment.objects)]


def _simple(model_label: str, kwarg: str):
    """Up to two rows; with none, a missing id (a capability is checked first)."""

    def targets():
        model = apps.get_model(model_label)
        rows = list(in_order(model.objects)[:2])
        if rows:
            return [Target({kwarg: row.pk}, None, row) for row in rows]
        missing = (
            999999 if model._meta.pk.get_internal_type().endswith("AutoField") else uuid.uuid4()
        )
        return [Target({kwarg: missing}, None)]

    return targets


def _targets_impact_step():
    return [
        Target({**t.kwargs, "slug": "scope"}, None)
        for t in _simple("impact.Assessment", "assessment_id")()
    ]


def _targets_service():
    from perhekeskus.catalogue.models import Service

    pk = Service.objects.order_by("pk").values_list("pk", flat=True).first()
    return [Target({"service_id": pk}, None)]


TARGETS: dict[str, Callable[[], list[Target]]] = {
    "": lambda: [Target({}, None)],
    "family": _targets_family,
    "consent": _targets_consent,
    "member": _targets_member,
    "contact": _targets_contact,
    "matter": _matter_targets,
    "team_member": _targets_team_member,
    "section": _targets_section,
    "child": _targets_child,
    "plan_action": _targets_plan_action,
    "plan": _targets_plan,
    "referral": _targets_referral,
    "received_referral": _targets_received_referral,
    "appointment": _targets_appointment,
    "grant": _simple("families.AccessGrant", "grant_id"),
    "service": _targets_service,
    "change": _simple("cataloguedit.ServiceChange", "change_id"),
    "project": _simple("programme.ChangeProject", "pk"),
    "agent": _simple("programme.ChangeAgent", "pk"),
    "impact": _simple("impact.Assessment", "assessment_id"),
    "impact_step": _targets_impact_step,
    "impact_notice": _simple("impact.Notice", "notice_id"),
    "desk_notice": _simple("desk.Notice", "notice_id"),
    "reminder": _simple("appointments.Reminder", "reminder_id"),
    "admin_unit": _simple("accounts.Unit", "unit_id"),
    "admin_user": _simple("accounts.User", "user_id"),
    "admin_membership": _simple("accounts.Membership", "membership_id"),
    "admin_grant": _simple("accounts.ProtectedAddressGrant", "grant_id"),
    "platform_app": lambda: [Target({"app_label": "planning"}, None)],
    "platform_shortcut": lambda: [Target({"content_type_id": "1", "object_id": "1"}, None)],
    **{f"platform:{label}": _simple(label, "object_id") for label in PLATFORM_MODELS.values()},
    "accessibility_feedback": _simple("accessibility.Feedback", "feedback_id"),
}
OWNER_FIELD = {"desk_notice": "user_id", "reminder": "user_id"}


def record_parts(on: str, actor, target: Target, family_parts: frozenset) -> frozenset:
    """The record-level parts, by the owning app's resolver where one exists."""
    from perhekeskus.casework.access import contact_decision, matter_parts

    if not actor.is_authenticated:
        return frozenset()
    record = target.record
    if on == "contact":
        decision = contact_decision(actor, record)
        return decision.parts if decision else frozenset()
    if on == "plan_action":
        parts = matter_parts(actor, record.plan.matter)
        if parts and record.responsible_user_id == actor.user_id:
            parts |= {Part.ACTION_PROVIDER}
        return parts
    if on in ("matter", "team_member", "section", "child", "plan"):
        return matter_parts(actor, record)
    if on == "referral":
        return matter_parts(actor, record.matter)
    if on == "received_referral":
        return (
            frozenset({Part.RECEIVER}) if record.receiver_unit_id in actor.unit_ids else frozenset()
        )
    if on == "appointment":
        from perhekeskus.appointments.access import decision_for

        decision = decision_for(actor, record)
        return decision.parts if decision else frozenset()
    return frozenset()


def allowed(actor, write: Write, target: Target) -> tuple[bool, frozenset]:
    """(the parts allow the write, the parts: the family's and the record's)."""
    if write.kind == Kind.APPOINTMENT and write.on == "matter" and actor.is_authenticated:
        # Booking: the booker becomes a participant of the new appointment
        # (the appointments app's resolver for a record not yet there).
        from perhekeskus.appointments.access import booking_decision

        booking = booking_decision(actor, target.record)
        parts = booking.parts if booking else frozenset()
        return bool(booking and booking.allows(write.kind, write.act)), parts
    decision = (
        family_decision(actor, target.family_id)
        if actor.is_authenticated and target.family_id
        else None
    )
    family_parts = decision.parts if decision else frozenset()
    # A change needs a basis covering the whole family.
    if write.act in CHANGES and decision is not None and decision.person_ids is not None:
        family_parts = frozenset()
    extra = record_parts(write.on, actor, target, family_parts)
    combined = Decision(
        "",
        "",
        parts=family_parts | extra,
        consent_kinds=decision.consent_kinds if decision else frozenset(),
    )
    held = (decision.parts if decision else frozenset()) | extra
    return combined.allows(write.kind, write.act), held


# --- What a write changed -------------------------------------------------------------

# Tables a refused request may still write: the access log and its head,
# sessions (allauth's list of them too), the cache and task queues.
UNWATCHED_APPS = frozenset({"sessions", "usersessions"})
UNWATCHED_MODELS = frozenset({"access.AccessLogEntry", "access.ChainHead"})


def _watched_tables() -> list[tuple[str, str | None]]:
    tables = []
    existing = set(connection.introspection.table_names())
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label
        table = model._meta.db_table
        if (
            model._meta.app_label in UNWATCHED_APPS
            or label in UNWATCHED_MODELS
            or "cache" in table
            or "task" in table
            or table not in existing
            or model._meta.proxy
        ):
            continue
        names = {f.column for f in model._meta.concrete_fields}
        tables.append((table, "updated_at" if "updated_at" in names else None))
    return sorted(set(tables))


def fingerprint_query() -> str:
    quote = connection.ops.quote_name
    parts = []
    for table, updated in _watched_tables():
        latest = f"CAST(MAX({quote(updated)}) AS TEXT)" if updated else "''"
        # Table and column names come from the models, not from input.
        parts.append(f"SELECT '{table}', COUNT(*), {latest} FROM {quote(table)}")  # noqa: S608
    return " UNION ALL ".join(parts)


def fingerprint(query: str) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(query)
        return {table: (count, latest) for table, count, latest in cursor.fetchall()}


def changed(before: dict, after: dict) -> list[str]:
    return sorted(
        f"{table} {before.get(table)} -> {after.get(table)}"
        for table in set(before) | set(after)
        if before.get(table) != after.get(table)
    )


# --- Trying the writes -----------------------------------------------------------------


def payload(data: dict, target: Target) -> dict:
    """The form, with the record's family, its version and a day next week."""
    import datetime

    from django.utils import timezone

    values = {
        "{family}": str(target.family_id),
        "{version}": str(getattr(target.record, "version", 1)),
        "{next_week}": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
    }
    return {key: values.get(value, value) for key, value in data.items()}


def url_for(name: str, kwargs: dict) -> str | None:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


# For each user and write, the records tried: one the user has some part in
# (the 403 path) and one they have none in (the 404 path).
TRIES_PER_KIND = 2


def plan_writes(actor, user) -> list[tuple[str, Target, dict, str]]:
    """(url name, target, data, why refused) of every write to try as this user."""
    plan = []
    for name, write in WRITES.items():
        seen_part = seen_none = False
        for target in TARGETS[write.on]():
            may, held = allowed(actor, write, target)
            has_part = bool(held)
            if may:
                continue
            if has_part and not seen_part:
                seen_part = True
            elif not has_part and not seen_none:
                seen_none = True
            else:
                continue
            why = f"{write.kind} {write.act}; parts: {', '.join(sorted(held)) or 'none'}"
            plan.append((name, target, payload(write.data, target), why))
            if seen_part and seen_none:
                break
    for name, needs in NEEDS.items():
        if actor.is_authenticated and any(actor.can(c) for c in needs.capabilities):
            continue
        for target in TARGETS[needs.on]()[:1]:
            plan.append((name, target, dict(needs.data), "needs " + "|".join(needs.capabilities)))
    for name, owner in OWNED.items():
        for target in TARGETS[owner.on]():
            row = target.record
            if row is not None and (user is None or getattr(row, OWNER_FIELD[owner.on]) != user.pk):
                plan.append((name, target, {}, "another user's"))
                break
    return plan


def test_every_demo_user_is_refused_every_write_their_parts_do_not_allow(demo_client):
    violations: list[str] = []
    untested = sorted(
        name
        for name, spec in {**WRITES, **OWNED}.items()
        if not [t for t in TARGETS[spec.on]() if t.record is not None]
    )
    query = fingerprint_query()
    # Each post is rolled back, so every one is compared with one baseline.
    baseline = fingerprint(query)
    tried = 0
    started = time.monotonic()
    for user in [None, *demo_users()]:
        username = user.username if user else ANONYMOUS_NAME
        sign_in(demo_client, user)
        actor = fresh_actor(user)
        for name, target, data, why in plan_writes(actor, user):
            url = url_for(name, target.kwargs)
            assert url, (name, target.kwargs)
            tried += 1
            with transaction.atomic():
                if name.startswith("api-"):
                    response = demo_client.post(url, data, content_type="application/json")
                else:
                    response = demo_client.post(url, data)
                after = fingerprint(query)
                transaction.set_rollback(True)
            status = response.status_code
            if name in OWNED:
                ok_status = status < 500
            elif user is None:
                ok_status = status in (401, 403, 404) or (
                    status == 302 and "/login" in response.get("Location", "")
                )
            else:
                ok_status = status in (403, 404)
            difference = changed(baseline, after)
            if not ok_status or difference:
                what = f"answered {status}"
                if status in (301, 302):
                    what += f" -> {response['Location']}"
                if difference:
                    what += "; changed " + ", ".join(difference)
                violations.append(f"{username} POST {url} ({name}, {why}): {what}")
    assert tried > 300, tried
    assert not violations, (
        f"{len(violations)} of {tried} refused writes went wrong "
        f"({time.monotonic() - started:.0f} s; untested, no record in the demo: {untested}):\n"
        + "\n".join(violations)
    )
