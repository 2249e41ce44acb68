"""The access log in plain words: what was processed, and on what basis.

The log keeps ids and the forms its writers give (``target``, ``basis_detail``,
and for newer entries the structured ``what``); this module turns a page of
entries into sentences in the reader's language, with names looked up in a
fixed number of queries however many entries there are. Entries written
before ``what`` existed are described from their ``target`` and basis forms.
"""

from __future__ import annotations

import datetime
import json
import re
import uuid

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from perhekeskus.access import rules
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.access.registry import log_names
from perhekeskus.accounts.models import Role
from perhekeskus.families.models import (
    AccessGrant,
    ClientRelationship,
    Consent,
    Family,
    Person,
    ServiceTask,
)

from .models import EmergencyReview

Action = AccessLogEntry.Action
Basis = AccessLogEntry.Basis

_ID = r"([0-9a-fA-F-]{32,36})"
_RELATIONSHIP = re.compile(rf"client relationship {_ID} \((\w+)\)")
_TEAM = re.compile(rf"team member {_ID} \((\w+)\)")
_RESPONSIBLE = re.compile(rf"responsible worker {_ID}")
_CONSENT = re.compile(rf"consent {_ID}")
_GRANT = re.compile(rf"(emergency|statutory) access {_ID}(?: \(([\w-]+)\))?")
_ANY_ID = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}")

_SECTION_TITLES = {
    "professional": lambda: pgettext("assessment section", "a professional's assessment"),
    "parents": lambda: pgettext("assessment section", "the parents' own view"),
    "child": lambda: pgettext("assessment section", "the child's own view"),
    "strengths": lambda: pgettext("assessment section", "strengths"),
    "worries": lambda: pgettext("assessment section", "worries"),
    "conclusion": lambda: pgettext("assessment section", "conclusion"),
}
# Each scope of a team place, said to the family and said of the family.
_TEAM_SCOPES = {
    "full": (
        lambda: _("member of your family's team for all of the family's work"),
        lambda: _("member of the family's team for all of the family's work"),
    ),
    "assessment_and_plan": (
        lambda: _("member of your family's team for the assessment and the plan"),
        lambda: _("member of the family's team for the assessment and the plan"),
    ),
    "plan_only": (
        lambda: _("member of your family's team for the plan"),
        lambda: _("member of the family's team for the plan"),
    ),
    "": (
        lambda: _("member of your family's team"),
        lambda: _("member of the family's team"),
    ),
}
_CONSENT_DATA = {
    "basic": lambda: _("the identity, family and contact details"),
    "service": lambda: _("the service events and plans"),
    "all": lambda: _("all data of the service task"),
}


def _uuid(text) -> uuid.UUID | None:
    if isinstance(text, uuid.UUID):
        return text
    try:
        return uuid.UUID(text)
    except (ValueError, TypeError):
        return None


def _date(value) -> str:
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def _short_date(value: datetime.date) -> str:
    return formats.date_format(value, "MONTH_DAY_FORMAT")


def _task_label(code: str) -> str:
    try:
        return str(ServiceTask(code).label)
    except ValueError:
        return ""


def what_of(entry: AccessLogEntry) -> dict:
    """The structured ``what`` of a newer entry ({} for older ones)."""
    if not entry.what:
        return {}
    try:
        found = json.loads(entry.what)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


class Names:
    """Everything a page of entries names, looked up in bulk (one query a kind)."""

    def __init__(self, entries: list[AccessLogEntry]):
        rel_ids, consent_ids, grant_ids, person_ids = set(), set(), set(), set()
        team_ids, responsible_ids, organisation_ids = set(), set(), set()
        for entry in entries:
            detail = entry.basis_detail or ""
            for match in _RELATIONSHIP.finditer(detail):
                rel_ids.add(match.group(1))
            for match in _TEAM.finditer(detail):
                team_ids.add(match.group(1))
            for match in _RESPONSIBLE.finditer(detail):
                responsible_ids.add(match.group(1))
            for match in _CONSENT.finditer(detail):
                consent_ids.add(match.group(1))
            for match in _GRANT.finditer(f"{detail} {entry.target}"):
                grant_ids.add(match.group(2))
            child = what_of(entry).get("child")
            if child:
                person_ids.add(child)
            if entry.organization_id:
                organisation_ids.add(entry.organization_id)
        self.relationships = {
            str(r.pk): r
            for r in ClientRelationship.objects.filter(pk__in=_valid(rel_ids))
            .select_related("unit")
            .only("pk", "service_task", "unit__name")
        }
        self.consents = {
            str(c.pk): c
            for c in Consent.objects.filter(pk__in=_valid(consent_ids)).only(
                "pk", "purpose", "purpose_task", "data", "valid_from", "created_at"
            )
        }
        grants = AccessGrant.objects.filter(pk__in=_valid(grant_ids)).only(
            "pk", "kind", "legal_ground", "created_at"
        )
        self.grants = {str(g.pk): g for g in grants}
        self.reviewed = {
            str(pk)
            for pk in EmergencyReview.objects.filter(grant_id__in=_valid(grant_ids)).values_list(
                "grant_id", flat=True
            )
        }
        self.first_names = {
            str(pk): first.split(" ")[0]
            for pk, first in Person.objects.filter(pk__in=_valid(person_ids)).values_list(
                "pk", "first_names"
            )
        }
        self.team = log_names("team member", {str(_uuid(i)) for i in _valid(team_ids)})
        self.responsible = log_names(
            "responsible worker", {str(_uuid(i)) for i in _valid(responsible_ids)}
        )
        self.organisations = _organisation_names(organisation_ids)


def _valid(ids: set[str]) -> list[uuid.UUID]:
    return [found for found in (_uuid(i) for i in ids) if found is not None]


def _organisation_names(ids: set) -> dict:
    if not ids:
        return {}
    from perhekeskus.catalogue.models import Organization

    return {
        pk: name for pk, name in Organization.objects.filter(pk__in=ids).values_list("pk", "name")
    }


def _key(text: str) -> str:
    found = _uuid(text)
    return str(found) if found else text


# --- What was processed ---------------------------------------------------------


def _assessment(what: dict, names: Names) -> str:
    section = what.get("section")
    if not section:
        return _("the service-need assessment")
    title = _SECTION_TITLES.get(section, lambda: "")()
    child = names.first_names.get(_key(what.get("child", "")), "")
    if child:
        title = f"{child}/{title}" if title else child
    if not title:
        return _("the service-need assessment")
    return _("the service-need assessment, section: %(section)s") % {"section": title}


def _appointment(what: dict, target: str) -> str:
    on = what.get("on")
    if on:
        try:
            day = datetime.date.fromisoformat(on)
        except ValueError:
            day = None
        if day:
            return _("an appointment on %(date)s") % {"date": _short_date(day)}
    if target in ("appointment", "our appointment", "appointment (booking)"):
        return _("an appointment")
    return _("the family's appointments in a list")


def _disclosed_data(target: str) -> str | None:
    for code, label in _CONSENT_DATA.items():
        if target.startswith(f"{code} data"):
            return label()
    return None


def what_was_seen(entry: AccessLogEntry, names: Names) -> str:
    """What of the family's data the entry is about, in plain words."""
    what = what_of(entry)
    kind = what.get("kind", "")
    target = entry.target or ""
    if kind == "assessment" or target.startswith("service-need assessment"):
        return _assessment(what, names)
    if kind == "plan" or target.startswith("plan"):
        return _("the plan")
    if kind == "appointment" or target.startswith(("appointment", "our appointment")):
        return _appointment(what, target)
    if target in ("appointments of the day", "my appointments", "our appointments"):
        return _("the family's appointments in a list")
    if target == "appointments in a calendar feed":
        return _("the family's appointments in a calendar")
    if target in ("family", "family (change)"):
        return _("the family's names, identity and contact details")
    if target == "family in a list":
        return _("the family's name in a list")
    if target.startswith(("person in search results", "person in duplicate check")):
        return _("the name, in a search of the register")
    if target.startswith("contact on the family's behalf"):
        return _("a contact made on the family's behalf")
    if target.startswith("contact"):
        return _("the contact message")
    if target.startswith("matter"):
        return _("the family's matter")
    if target.startswith("referral"):
        return _("the referral")
    if target.startswith("team member"):
        return _("the family's data, for a new member of the team")
    if target.startswith(("emergency access", "statutory access")):
        return _("the family's data, by special access")
    if target in ("name in access log entries", "access log search"):
        return _("the access log, in its supervision")
    data = _disclosed_data(target)
    if data:
        return data
    if target.startswith("disclosure"):
        return _("the consent")
    return _("the family's data")


def action_label(entry: AccessLogEntry) -> str:
    labels = {
        Action.READ: _("Read"),
        Action.LIST: _("Saw in a list"),
        Action.SEARCH: _("Found in a search"),
        Action.EXPORT: _("Printed or exported"),
        Action.DISCLOSE: _("Disclosed"),
        Action.GRANT: _("Opened special access to"),
        Action.WRITE: _("Changed"),
        Action.DISCLOSURE_CHECK: _("Checked whether they may disclose"),
        Action.REVIEW: _("Reviewed"),
        Action.DENIED: _("Was refused"),
    }
    return str(labels.get(entry.action, entry.get_action_display()))


def sentence(entry: AccessLogEntry, names: Names) -> str:
    """ "Read: the plan" – the action and what, and to whom it was disclosed."""
    text = _("%(action)s: %(what)s") % {
        "action": action_label(entry),
        "what": what_was_seen(entry, names),
    }
    if entry.recipient:
        text = _("%(text)s, to %(recipient)s") % {"text": text, "recipient": entry.recipient}
    return text


# --- On what basis --------------------------------------------------------------


def _ground_text(code_or_reference: str) -> str:
    ground = rules.STATUTORY_GROUNDS.get(code_or_reference)
    if ground is None:
        ground = next(
            (g for g in rules.STATUTORY_GROUNDS.values() if g.reference == code_or_reference),
            None,
        )
    if ground is None:
        return code_or_reference
    return f"{ground.label} ({ground.reference})"


def basis_in_words(entry: AccessLogEntry, names: Names, *, for_family: bool = True) -> str:
    """The basis of the entry in plain words, with names where the log has ids.

    ``for_family``: addressed to the family ("your responsible worker");
    otherwise neutral, for the auditor ("the family's responsible worker").
    """
    detail = entry.basis_detail or ""
    basis = entry.basis
    if basis == Basis.RESPONSIBLE or (not basis and _RESPONSIBLE.search(detail)):
        match = _RESPONSIBLE.search(detail)
        found = names.responsible.get(_key(match.group(1))) if match else None
        text = _("your responsible worker") if for_family else _("the family's responsible worker")
        if found:
            text = _("%(text)s in the matter %(matter)s, %(unit)s") % {
                "text": text,
                **found,
            }
            if not for_family:
                text += f" ({found['person']})"
        return text
    if basis == Basis.TEAM:
        match = _TEAM.search(detail)
        scope = match.group(2) if match else ""
        text = _TEAM_SCOPES.get(scope, _TEAM_SCOPES[""])[0 if for_family else 1]()
        found = names.team.get(_key(match.group(1))) if match else None
        if found:
            text = _("%(text)s in the matter %(matter)s, %(unit)s") % {"text": text, **found}
            if not for_family:
                text += f" ({found['person']})"
        return text
    if basis == Basis.RELATIONSHIP:
        match = _RELATIONSHIP.search(detail)
        relationship = names.relationships.get(_key(match.group(1))) if match else None
        if relationship is not None:
            return _("client of %(unit)s: %(task)s") % {
                "unit": relationship.unit.name,
                "task": relationship.get_service_task_display(),
            }
        task = _task_label(match.group(2)) if match else ""
        if task:
            return _("client relationship: %(task)s") % {"task": task}
        return _("client relationship")
    if basis == Basis.CONSENT:
        match = _CONSENT.search(detail)
        consent = names.consents.get(_key(match.group(1))) if match else None
        if consent is not None:
            given = _date(consent.created_at or consent.valid_from)
            if for_family:
                return _("with your consent given on %(date)s to %(purpose)s") % {
                    "date": given,
                    "purpose": consent.purpose,
                }
            return _("with the consent given on %(date)s to %(purpose)s") % {
                "date": given,
                "purpose": consent.purpose,
            }
        return _("with consent")
    if basis in (Basis.STATUTORY, Basis.EMERGENCY):
        match = _GRANT.search(f"{detail} {entry.target}")
        grant = names.grants.get(_key(match.group(2))) if match else None
        if basis == Basis.EMERGENCY:
            if grant is not None and str(grant.pk) in names.reviewed:
                return _("emergency access, reviewed")
            return _("emergency access, not yet reviewed")
        ground = (grant.legal_ground if grant else "") or (match.group(3) if match else "")
        if not ground and not match:
            ground = detail
        ground = _ground_text(ground) if ground else ""
        if ground and not _ANY_ID.search(ground):
            return _("statutory right: %(ground)s") % {"ground": ground}
        return _("statutory right")
    if basis == Basis.AUDIT:
        return _("supervision of the access log")
    if basis == Basis.OWN:
        return _("own data")
    if basis == Basis.GUARDIAN:
        return _("guardian of the child")
    if basis == Basis.REFERRAL:
        return _("a request received (referral or consultation)")
    return str(entry.get_basis_display()) if basis else _("no basis")


# --- Who ------------------------------------------------------------------------


def role_labels(codes: str) -> str:
    labels = []
    for code in filter(None, (codes or "").split(",")):
        try:
            labels.append(str(Role(code).label))
        except ValueError:
            labels.append(code)
    return ", ".join(labels)


def describe(entries: list[AccessLogEntry], *, for_family: bool = True) -> list[AccessLogEntry]:
    """Set ``what_text``, ``basis_text``, ``role_labels``, ``organisation`` and
    ``whose`` on each entry, in a fixed number of queries."""
    names = Names(entries)
    person_ids = {e.subject_person_id for e in entries if e.subject_person_id}
    family_ids = {e.subject_family_id for e in entries if e.subject_family_id}
    persons = {
        pk: f"{first} {last}"
        for pk, first, last in Person.objects.filter(pk__in=person_ids).values_list(
            "pk", "first_names", "last_name"
        )
    }
    families = dict(Family.objects.filter(pk__in=family_ids).values_list("pk", "name"))
    for entry in entries:
        entry.what_text = sentence(entry, names)
        entry.basis_text = basis_in_words(entry, names, for_family=for_family)
        entry.role_labels = role_labels(entry.role)
        entry.organisation = names.organisations.get(entry.organization_id, "")
        entry.whose = persons.get(entry.subject_person_id) or families.get(
            entry.subject_family_id, ""
        )
    return entries
