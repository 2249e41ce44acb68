"""Professionals' pages of the families register.

Every page passes the ``client_data`` policy, then fetches records through
the access layer, which logs each read; a family the user may not see is the
same 404 as one that does not exist.
"""

from __future__ import annotations

import csv
import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from perhekeskus.access import (
    Act,
    Kind,
    NotFound,
    access_family,
    does_client_work,
    family_decision,
    forbid,
    log_listing,
    log_persons_shown,
    may_disclose,
    require,
    rules,
)
from perhekeskus.access import grants as special_access
from perhekeskus.access.log import Action, Subject
from perhekeskus.access.policies import client_data
from perhekeskus.access.table import CHANGES
from perhekeskus.accounts.models import Unit

from . import duplicates, selectors, services
from . import forms as forms_mod
from .forms import (
    ClientSearchForm,
    ConsentForm,
    DisclosureForm,
    PersonSearchForm,
    SpecialAccessForm,
)
from .models import AccessGrant, Consent, FamilyMembership, Guardianship, Person
from .rules import DuplicateCheckPurpose

PAGE_SIZE = 50


@client_data
@require_safe
def family_list(request):
    actor = request.actor
    page = Paginator(selectors.families_of(actor), PAGE_SIZE).get_page(request.GET.get("page"))
    search = PersonSearchForm(request.GET or None)
    found = None
    if search.is_valid() and search.cleaned_data["q"]:
        found = selectors.person_search(actor, search.cleaned_data["q"])
    log_listing(actor, page.object_list, request=request)
    if found and found.persons:
        log_persons_shown(actor, found.persons, request=request, detail="person search")
    cards = found.cards if found else []
    return render(
        request,
        "families/family_list.html",
        {
            "page": page,
            "rows": selectors.listed_families(actor, page.object_list),
            "search": search,
            "persons": cards,
            # The identity-code column only when some row may show one.
            "shows_identity_codes": any(card.shown.identity_code for card in cards),
            "searched": found is not None,
            "may_open_special": special_access.may_open(actor, AccessGrant.Kind.EMERGENCY),
            "may_add_client": does_client_work(actor),
        },
    )


def _family_to_act_on(request, family_id, *, kind: Kind, act: Act, action: str = Action.READ):
    """The family, for ``act`` on its ``kind`` of record.

    The same 404 as for nothing there when the user cannot see the family at
    all; a 403 that says why when they can see it but their part does not
    allow the act (a hidden button's URL, a forged POST). Both are logged.
    """
    actor = request.actor
    decision = family_decision(actor, family_id)
    if decision is not None and decision.allows(Kind.REGISTER, Act.READ):
        subject = Subject("family", family_id=family_id)
        require(actor, decision, kind, act, subject, request=request)
        if act in CHANGES and decision.person_ids is not None:
            raise forbid(
                actor,
                subject,
                act,
                message=_(
                    "Your basis covers only some of this family's members; "
                    "a change needs a basis that covers the whole family."
                ),
                request=request,
            )
    return access_family(actor, family_id, action=action, kind=kind, act=act, request=request)


@client_data
@require_safe
def family_detail(request, family_id):
    family = access_family(request.actor, family_id, request=request)
    actions = selectors.family_actions(family.access)
    return render(
        request,
        "families/family_detail.html",
        {
            "detail": selectors.family_detail(request.actor, family),
            "actions": actions,
            "links": _family_links(family, actions),
        },
    )


def _family_links(family, actions: selectors.FamilyActions) -> list[tuple[str, str]]:
    """The family page's links, only those the user's parts allow."""
    links = [
        (actions.print, "families:print", _("Print view")),
        (actions.export, "families:csv", _("Members as CSV")),
        (actions.disclose, "families:disclosure", _("Disclose data to another organisation")),
        (actions.record_consent, "families:consent_new", _("Record a consent")),
    ]
    return [(reverse(name, args=[family.pk]), label) for allowed, name, label in links if allowed]


@client_data
@require_safe
def family_print(request, family_id):
    family = _family_to_act_on(
        request, family_id, kind=Kind.REGISTER, act=Act.PRINT, action=Action.EXPORT
    )
    return render(
        request,
        "families/family_print.html",
        {"detail": selectors.family_detail(request.actor, family, act=Act.PRINT)},
    )


def _csv_cell(value) -> str:
    text = "" if value is None else str(value)
    # A cell starting with a formula character would run in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@client_data
@require_safe
def family_csv(request, family_id):
    family = _family_to_act_on(
        request, family_id, kind=Kind.REGISTER, act=Act.EXPORT, action=Action.EXPORT
    )
    detail = selectors.family_detail(request.actor, family, act=Act.EXPORT)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="family-members.csv"'
    writer = csv.writer(response)
    columns = _csv_columns(detail.columns)
    writer.writerow([header for header, _value in columns])
    for row in detail.members:
        writer.writerow([_csv_cell(value(row)) for _header, value in columns])
    return response


def _csv_columns(shown: selectors.Shown) -> list[tuple[str, object]]:
    """The CSV's columns: only those of the fields the export shows."""

    def withheld(contact) -> str:
        return _("Security prohibition") if contact.address_withheld else ""

    columns = [(_("Name"), lambda row: row.person.full_name)]
    if shown.identity_code:
        columns.append((_("Identity code"), lambda row: row.person.identity_code))
    if shown.date_of_birth:
        columns.append((_("Date of birth"), lambda row: row.person.date_of_birth or ""))
    columns.append((_("Role"), lambda row: row.role_label))
    if shown.address:
        columns += [
            (
                _("Street address"),
                lambda row: row.person.contact.street_address or withheld(row.person.contact),
            ),
            (_("Postal code"), lambda row: row.person.contact.postal_code),
            (_("Post office"), lambda row: row.person.contact.post_office),
            (
                _("Municipality"),
                lambda row: row.person.contact.municipality or withheld(row.person.contact),
            ),
        ]
    if shown.contact_details:
        columns.append((_("Phone"), lambda row: row.person.contact.phone))
    return columns


def _units_for_client_work(actor):
    return Unit.objects.filter(pk__in=actor.unit_ids).order_by("name")


@client_data
@require_http_methods(["GET", "HEAD", "POST"])
def new_client(request):
    """Search the register, then save: "check" only answers, "save" saves
    unless the search finds the person. Both count against the user's limit
    and are logged with the purpose (``duplicates``)."""
    actor = request.actor
    if not does_client_work(actor):
        # Only client work opens a client: user administration, audit,
        # management and analysis never search the register.
        raise forbid(
            actor,
            Subject("search of the register before a new client"),
            Act.WRITE,
            message=_("Only professionals doing client work search the register or add clients."),
            request=request,
        )
    units = list(_units_for_client_work(actor))
    form = ClientSearchForm(request.POST or None, units=units)
    answer = None
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person_data = services.clean_person_data(
                {
                    "first_names": data["first_names"],
                    "last_name": data["last_name"],
                    "identity_code": data["identity_code"],
                    "date_of_birth": data["date_of_birth"],
                }
            )
        except ValidationError as error:
            form.add_error(None, error)  # the date of birth differs from the code's
        else:
            result = _search_and_save(request, form, units, person_data)
            if isinstance(result, HttpResponse):
                return result
            answer, status = result
    return render(
        request,
        "families/new_client.html",
        {"form": form, "answer": answer, "may_already_exist": services.MAY_ALREADY_EXIST},
        status=status,
    )


def _search_and_save(request, form, units, person_data):
    actor = request.actor
    data = form.cleaned_data
    check = duplicates.search(actor, person_data, purpose=data["purpose"], request=request)
    if check is None:
        # Everything typed stays in the form; only the search is refused.
        form.add_error(None, duplicates.over_the_limit())
        return None, 429
    if "save" not in request.POST:
        return duplicates.answer(actor, check), 200
    try:
        created = services.client_family_create(
            actor=actor,
            unit=next(u for u in units if str(u.pk) == data["unit"]),
            service_task=data["service_task"],
            role=data["role"],
            person_data=person_data,
            confirm_not_duplicate=data["confirm_not_duplicate"],
        )
    except services.DuplicatePerson as duplicate:
        form.add_error(None, _("Nothing was saved."))
        return duplicates.answer(actor, duplicate.check, refused_exact=duplicate.exact), 200
    except ValidationError as error:
        add_errors(form, error)
        return None, 200
    messages.success(request, _("The client family was saved."))
    return redirect("families:detail", family_id=created.family.pk)


def add_errors(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


@client_data
@require_http_methods(["GET", "HEAD", "POST"])
def special_access_view(request):
    actor = request.actor
    grounds = rules.grounds_for(actor.capabilities, reading=True)
    kinds_allowed = [k for k in AccessGrant.Kind.values if special_access.may_open(actor, k)]
    if not kinds_allowed:
        raise PermissionDenied
    form = SpecialAccessForm(request.POST or None, grounds=grounds)
    form.fields["kind"].choices = [
        (k, label) for k, label in AccessGrant.Kind.choices if k in kinds_allowed
    ]
    if request.method == "POST" and form.is_valid():
        try:
            grants = special_access.open_special_access(
                actor,
                identity_code=form.cleaned_data["identity_code"],
                kind=form.cleaned_data["kind"],
                reason=form.cleaned_data["reason"],
                legal_ground=form.cleaned_data["legal_ground"],
                request=request,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.warning(
                request, _("Access opened. It is logged with your reason and reviewed.")
            )
            return redirect("families:detail", family_id=grants[0].family_id)
    return render(request, "families/special_access.html", {"form": form})


@client_data
@require_http_methods(["GET", "HEAD", "POST"])
def consent_new(request, family_id):
    actor = request.actor
    action = Action.WRITE if request.method == "POST" else Action.READ
    family = _family_to_act_on(request, family_id, kind=Kind.CONSENT, act=Act.WRITE, action=action)
    detail = selectors.family_detail(actor, family)
    persons = [m.person for m in detail.members]
    form = ConsentForm(request.POST or None, persons=persons)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        by_id = {str(p.pk): p for p in Person.objects.filter(pk__in=[c.id for c in persons])}
        try:
            services.consent_give(
                actor=actor,
                person=by_id[data["person"]],
                given_by=by_id[data["given_by"]],
                purpose_task=data["purpose_task"],
                purpose=data["purpose"],
                data=data["data"],
                recipient_organization=data["recipient_organization"],
                recipient_sector=data["recipient_sector"],
                recipient_unit=data["recipient_unit"],
                recipient_role=data["recipient_role"],
                valid_until=data["valid_until"],
                family=family,
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The consent was recorded."))
            return redirect("families:detail", family_id=family.pk)
    return render(request, "families/consent_form.html", {"form": form, "family": family})


def _errors_to_form(form, error: ValidationError) -> None:
    """A service's refusal on the form: at its field when the form has one."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for field, errors in error.error_dict.items():
        target = field if field in form.fields else None
        for message in ValidationError(errors).messages:
            form.add_error(target, message)


@client_data
@require_POST
def consent_withdraw(request, family_id, consent_id):
    actor = request.actor
    family = _family_to_act_on(
        request, family_id, kind=Kind.CONSENT, act=Act.CANCEL, action=Action.WRITE
    )
    members = FamilyMembership.objects.active().filter(family=family).values("person_id")
    consent = Consent.objects.filter(pk=consent_id, person_id__in=members).first()
    if consent is None:
        raise NotFound
    services.consent_withdraw(actor=actor, consent=consent, family=family)
    messages.success(request, _("The consent was withdrawn."))
    return redirect("families:detail", family_id=family.pk)


@client_data
@require_http_methods(["GET", "HEAD", "POST"])
def disclosure(request, family_id):
    actor = request.actor
    family = _family_to_act_on(request, family_id, kind=Kind.REGISTER, act=Act.DISCLOSE)
    detail = selectors.family_detail(actor, family)
    form = DisclosureForm(
        request.POST or None,
        persons=[m.person for m in detail.members],
        capabilities=actor.capabilities,
    )
    answer = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        answer = may_disclose(
            actor,
            data["person"],
            data["recipient"],
            data=data["data"],
            service_task=data["service_task"],
            document_ref=data["document_ref"],
            statutory_ground=data["statutory_ground"],
            disclose=data["disclose"],
            request=request,
        )
    return render(
        request,
        "families/disclosure.html",
        {"form": form, "family": family, "answer": answer},
    )


# --- The register's upkeep -------------------------------------------------
#
# The member page lists what can be changed of one member, each change a
# form posting to its own URL. GET needs the right to write the register
# (the buttons are shown only then); a POST without it is a logged 403 with
# the reason (``_family_to_act_on``). Bad input is a message on the form.


@dataclass(frozen=True)
class Found:
    """A person found by the search, as a choice: name and date of birth only."""

    pk: object
    label: str
    # The record's version, in the choice's value where the write checks it.
    version: int | None = None

    @property
    def value(self) -> str:
        return str(self.pk) if self.version is None else f"{self.pk}.{self.version}"


def _found(persons, *, versioned: bool = False) -> list[Found]:
    return [
        Found(
            p.pk,
            f"{p.full_name}, {formats.date_format(p.date_of_birth, 'SHORT_DATE_FORMAT')}"
            if p.date_of_birth
            else p.full_name,
            p.version if versioned else None,
        )
        for p in persons
    ]


def _register_family(request, family_id, act: Act = Act.WRITE):
    action = Action.WRITE if request.method == "POST" else Action.READ
    return _family_to_act_on(request, family_id, kind=Kind.REGISTER, act=act, action=action)


def _member(family, person_id) -> FamilyMembership:
    membership = (
        FamilyMembership.objects.active()
        .filter(family=family, person_id=person_id)
        .select_related("person", "person__municipality")
        .first()
    )
    if membership is None:
        raise NotFound
    return membership


@client_data
@require_http_methods(["GET", "HEAD", "POST"])
def member_add(request, family_id):
    """Search the register (counted and logged), then add the person found
    (only persons the user may see are offered) or save a new one."""
    family = _register_family(request, family_id)
    answer = None
    status = 200
    if request.method == "POST":
        form = forms_mod.MemberAddForm(request.POST, found=_offered(request, family))
        if form.is_valid():
            try:
                result = _member_add(request, family, form, form.cleaned_data)
            except ValidationError as error:
                _errors_to_form(form, error)
                result = None
            if isinstance(result, HttpResponse):
                return result
            if result is not None:
                answer, found, status = result
                form.fields["existing"].choices = [
                    form.fields["existing"].choices[0],
                    *((str(p.pk), p.label) for p in found),
                ]
    else:
        form = forms_mod.MemberAddForm(initial={"version": family.version})
    return render(
        request,
        "families/member_add.html",
        {
            "form": form,
            "family": family,
            "answer": answer,
            "may_already_exist": services.MAY_ALREADY_EXIST,
        },
        status=status,
    )


def _offered(request, family) -> list[Found]:
    """The existing person the user chose, if they may see them and are not a member yet."""
    chosen = request.POST.get("existing", "")
    try:
        chosen_id = uuid.UUID(chosen)
    except ValueError:
        return []
    members = FamilyMembership.objects.active().filter(family=family).values("person_id")
    return _found(
        selectors.persons_visible_to(request.actor)
        .filter(pk=chosen_id, merged_into__isnull=True, date_of_death__isnull=True)
        .exclude(pk__in=members)
    )


def _member_add(request, family, form, data):
    actor = request.actor
    if data.get("existing"):
        person = Person.objects.get(pk=data["existing"])
        services.member_add(
            actor=actor,
            family=family,
            role=data["role"],
            person=person,
            starts_on=data["starts_on"],
            expected_version=data["version"],
        )
        messages.success(
            request, _("%(name)s was added to the family.") % {"name": person.full_name}
        )
        return redirect("families:detail", family_id=family.pk)
    person_data = services.clean_person_data(
        {
            "first_names": data["first_names"],
            "last_name": data["last_name"],
            "identity_code": data["identity_code"],
            "date_of_birth": data["date_of_birth"],
        }
    )
    check = duplicates.search(actor, person_data, purpose=data["purpose"], request=request)
    if check is None:
        form.add_error(None, duplicates.over_the_limit())
        return None, [], 429
    members = set(
        FamilyMembership.objects.active().filter(family=family).values_list("person_id", flat=True)
    )
    found = _found(p for p in check.shown if p.pk not in members and p.merged_into_id is None)
    if "save" not in request.POST:
        return duplicates.answer(actor, check), found, 200
    try:
        membership = services.member_add(
            actor=actor,
            family=family,
            role=data["role"],
            person_data=person_data,
            confirm_not_duplicate=data["confirm_not_duplicate"],
            starts_on=data["starts_on"],
            expected_version=data["version"],
        )
    except services.DuplicatePerson as duplicate:
        form.add_error(None, _("Nothing was saved."))
        return duplicates.answer(actor, duplicate.check, refused_exact=duplicate.exact), found, 200
    messages.success(
        request, _("%(name)s was added to the family.") % {"name": membership.person.full_name}
    )
    return redirect("families:detail", family_id=family.pk)


def _adults(family) -> list[Person]:
    return [
        m.person
        for m in FamilyMembership.objects.active()
        .filter(family=family, role__in=services.ADULT_ROLES)
        .select_related("person")
        .order_by("person__last_name", "person__first_names")
    ]


@client_data
@require_http_methods(["GET", "HEAD", "POST"])
def newborn_add(request, family_id):
    actor = request.actor
    family = _register_family(request, family_id)
    adults = _adults(family)
    form = forms_mod.NewbornForm(
        request.POST or None,
        adults=adults,
        initial={
            "version": family.version,
            "last_name": adults[0].last_name if adults else "",
            "guardians": [str(a.pk) for a in adults],
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        by_id = {str(a.pk): a for a in adults}
        try:
            child = services.newborn_add(
                actor=actor,
                family=family,
                first_names=data["first_names"],
                last_name=data["last_name"],
                date_of_birth=data["date_of_birth"],
                guardians=[by_id[g] for g in data["guardians"]],
                basis=data["basis"],
                expected_version=data["version"],
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(
                request,
                _("%(name)s was added with the temporary identifier %(id)s.")
                % {"name": child.full_name, "id": child.temporary_id},
            )
            return redirect("families:detail", family_id=family.pk)
    return render(request, "families/newborn_form.html", {"form": form, "family": family})


def _member_forms(family, membership, *, found=()) -> dict:
    """Every form of the member page, unbound, with the versions seen now."""
    person = membership.person
    family_version = {"version": family.version}
    person_version = {"version": person.version}
    return {
        "end": forms_mod.MemberEndForm(initial=family_version),
        "move": forms_mod.MoveForm(initial=person_version),
        "death": forms_mod.DeathForm(initial=person_version),
        "prohibition": forms_mod.SecurityProhibitionForm(initial=person_version),
        "identity_code": forms_mod.IdentityCodeJoinForm(initial=person_version),
        "guardianship": _guardianship_form(family, membership, None),
        "merge": forms_mod.MergeForm(initial=person_version, found=found),
    }


def _guardianship_form(family, membership, data):
    guardians = [g for g in _adults(family) if g.pk != membership.person_id]
    return forms_mod.GuardianshipForm(
        data, initial={"version": family.version}, guardians=guardians
    )


def _member_page(request, family, membership, *, posted=None, status=200, **extra):
    """The member page; ``posted`` is ``(name, form)`` of a form that failed."""
    person = membership.person
    detail = selectors.family_detail(request.actor, family)
    card = next((m.person for m in detail.members if m.person.id == person.pk), None)
    if card is None:
        raise NotFound
    custody = (
        list(
            Guardianship.objects.filter(child=person)
            .select_related("guardian")
            .order_by("-starts_on")
        )
        if membership.role == FamilyMembership.Role.CHILD
        else []
    )
    page_forms = _member_forms(family, membership, found=extra.pop("found", ()))
    if posted is not None:
        page_forms[posted[0]] = posted[1]
    return render(
        request,
        "families/member.html",
        {
            "family": family,
            "membership": membership,
            "person": person,
            "card": card,
            "custody": custody,
            "forms": page_forms,
            "may_merge": family.access.allows(Kind.REGISTER, Act.MERGE),
            "failed": posted[0] if posted else "",
            **extra,
        },
        status=status,
    )


@client_data
@require_safe
def member(request, family_id, person_id):
    family = _register_family(request, family_id)
    return _member_page(request, family, _member(family, person_id))


_MEMBER_FORMS = {
    "end": forms_mod.MemberEndForm,
    "move": forms_mod.MoveForm,
    "death": forms_mod.DeathForm,
    "prohibition": forms_mod.SecurityProhibitionForm,
    "identity_code": forms_mod.IdentityCodeJoinForm,
}


def _member_post(request, family_id, person_id, name, write):
    """Validate the posted form ``name``; ``write(family, membership, data)``
    saves through a service and returns the message for the user."""
    family = _register_family(request, family_id)
    membership = _member(family, person_id)
    form = _MEMBER_FORMS[name](request.POST)
    if form.is_valid():
        try:
            message = write(family, membership, form.cleaned_data)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, message)
            return redirect("families:detail", family_id=family.pk)
    return _member_page(request, family, membership, posted=(name, form))


@client_data
@require_POST
def member_end(request, family_id, person_id):
    def write(family, membership, data):
        services.member_end(
            actor=request.actor,
            membership=membership,
            ends_on=data["ends_on"],
            expected_version=data["version"],
        )
        return _("%(name)s is no longer a member of the family.") % {
            "name": membership.person.full_name
        }

    return _member_post(request, family_id, person_id, "end", write)


@client_data
@require_POST
def member_move(request, family_id, person_id):
    def write(family, membership, data):
        services.person_move(
            actor=request.actor,
            person=membership.person,
            street_address=data["street_address"],
            postal_code=data["postal_code"],
            post_office=data["post_office"],
            municipality=data["municipality"],
            moved_on=data["moved_on"],
            expected_version=data["version"],
        )
        return _("The new address was saved; the old one stays in the history.")

    return _member_post(request, family_id, person_id, "move", write)


@client_data
@require_POST
def member_death(request, family_id, person_id):
    def write(family, membership, data):
        services.person_death(
            actor=request.actor,
            person=membership.person,
            died_on=data["died_on"],
            expected_version=data["version"],
        )
        return _("The date of death was recorded. The person's memberships have ended.")

    return _member_post(request, family_id, person_id, "death", write)


@client_data
@require_POST
def member_prohibition(request, family_id, person_id):
    def write(family, membership, data):
        prohibited = not membership.person.security_prohibition
        services.security_prohibition_set(
            actor=request.actor,
            person=membership.person,
            prohibited=prohibited,
            reason=data["reason"],
            expected_version=data["version"],
        )
        if prohibited:
            return _("The security prohibition was set. The address is now withheld.")
        return _("The security prohibition was lifted.")

    return _member_post(request, family_id, person_id, "prohibition", write)


@client_data
@require_POST
def member_identity_code(request, family_id, person_id):
    def write(family, membership, data):
        services.identity_code_join(
            actor=request.actor,
            person=membership.person,
            identity_code=data["identity_code"],
            expected_version=data["version"],
        )
        return _("The identity code was joined to the record.")

    return _member_post(request, family_id, person_id, "identity_code", write)


@client_data
@require_POST
def member_guardianship(request, family_id, person_id):
    actor = request.actor
    family = _register_family(request, family_id)
    membership = _member(family, person_id)
    form = _guardianship_form(family, membership, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        guardian = Person.objects.get(pk=data["guardian"])
        change = data["change"]
        try:
            if change == forms_mod.GuardianshipForm.Change.START:
                services.guardianship_start(
                    actor=actor,
                    family=family,
                    child=membership.person,
                    guardian=guardian,
                    basis=data["basis"],
                    starts_on=data["on"],
                    expected_version=data["version"],
                )
            else:
                current = Guardianship.objects.filter(
                    child=membership.person, guardian=guardian, ends_on__isnull=True
                ).first()
                if current is None:
                    raise ValidationError(
                        {
                            "guardian": _("%(name)s is not a guardian of the child now.")
                            % {"name": guardian.full_name}
                        }
                    )
                if change == forms_mod.GuardianshipForm.Change.END:
                    services.guardianship_stop(
                        actor=actor,
                        family=family,
                        guardianship=current,
                        ends_on=data["on"],
                        expected_version=data["version"],
                    )
                else:
                    services.guardianship_change_basis(
                        actor=actor,
                        family=family,
                        guardianship=current,
                        basis=data["basis"],
                        on=data["on"],
                        expected_version=data["version"],
                    )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The custody was saved."))
            return redirect("families:detail", family_id=family.pk)
    return _member_page(request, family, membership, posted=("guardianship", form))


@client_data
@require_POST
def member_merge(request, family_id, person_id):
    """Find the other record (the search before saving, counted and logged,
    naming only persons the user may see), then merge, keeping one."""
    actor = request.actor
    family = _register_family(request, family_id, Act.MERGE)
    membership = _member(family, person_id)
    person = membership.person
    form = forms_mod.MergeForm(request.POST, found=_merge_offered(request, person))
    if not form.is_valid():
        return _member_page(request, family, membership, posted=("merge", form))
    data = form.cleaned_data
    if "merge" not in request.POST or not data.get("other"):
        check = duplicates.search(
            actor,
            {
                "first_names": person.first_names,
                "last_name": person.last_name,
                "identity_code": data["identity_code"],
                "date_of_birth": person.date_of_birth,
            },
            purpose=DuplicateCheckPurpose.FAMILY_MEMBER,
            request=request,
        )
        if check is None:
            form.add_error(None, duplicates.over_the_limit())
            return _member_page(request, family, membership, posted=("merge", form), status=429)
        found = [p for p in check.shown if p.pk != person.pk and p.merged_into_id is None]
        form = forms_mod.MergeForm(
            initial={"version": data["version"], "identity_code": data["identity_code"]},
            found=_found(found, versioned=True),
        )
        if not found:
            form.add_error(None, _("No other record of this person that you may see was found."))
        return _member_page(
            request,
            family,
            membership,
            posted=("merge", form),
            merge_answer=duplicates.answer(actor, check),
        )
    other_id, other_version = data["other"].split(".")
    other = Person.objects.get(pk=other_id)
    _may_merge_other(request, other)
    if not data["confirm"]:
        form.add_error("confirm", _("Confirm that the two records are the same person."))
    if not data.get("keep"):
        form.add_error("keep", _("Choose which record is kept."))
    if form.errors:
        return _member_page(request, family, membership, posted=("merge", form))
    kept, merged = (person, other) if data["keep"] == "this" else (other, person)
    versions = {person.pk: data["version"], other.pk: int(other_version)}
    try:
        services.person_merge(
            actor=actor,
            kept=kept,
            merged=merged,
            kept_version=versions[kept.pk],
            merged_version=versions[merged.pk],
        )
    except ValidationError as error:
        _errors_to_form(form, error)
        return _member_page(request, family, membership, posted=("merge", form))
    messages.success(
        request,
        _(
            "The records were merged. The merged record stays in the register, marked as "
            "merged into the kept one."
        ),
    )
    return redirect("families:detail", family_id=family.pk)


def _merge_offered(request, person) -> list[Found]:
    """The other record chosen, if the user may see it."""
    value, _dot, version = request.POST.get("other", "").partition(".")
    try:
        chosen = uuid.UUID(value)
        version = int(version)
    except ValueError:
        return []
    return [
        Found(found.pk, found.label, version)
        for found in _found(
            selectors.persons_visible_to(request.actor)
            .filter(pk=chosen, merged_into__isnull=True)
            .exclude(pk=person.pk)
        )
    ]


def _may_merge_other(request, other: Person) -> None:
    """Merging moves the other record's data: the user must keep the
    register of every family it is in (a logged 403 otherwise)."""
    actor = request.actor
    for family_id in (
        FamilyMembership.objects.active().filter(person=other).values_list("family_id", flat=True)
    ):
        decision = family_decision(actor, family_id)
        if (
            decision is None
            or decision.person_ids is not None
            or not decision.allows(Kind.REGISTER, Act.MERGE)
        ):
            raise forbid(
                actor,
                Subject("person (merge)", family_id=family_id, person_id=other.pk),
                Act.MERGE,
                message=_(
                    "The other record is in a family whose register you do not keep; "
                    "ask the client register to merge the records."
                ),
                request=request,
            )
