"""Professionals' pages of the families register.

Every page passes the ``client_data`` policy, then fetches records through
the access layer, which logs each read; a family the user may not see is the
same 404 as one that does not exist.
"""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
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
from .forms import (
    ClientSearchForm,
    ConsentForm,
    DisclosureForm,
    PersonSearchForm,
    SpecialAccessForm,
)
from .models import AccessGrant, Consent, FamilyMembership, Person

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
