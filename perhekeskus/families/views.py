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
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from perhekeskus.access import (
    NotFound,
    access_family,
    log_listing,
    log_persons_shown,
    may_disclose,
    rules,
)
from perhekeskus.access import grants as special_access
from perhekeskus.access.log import Action
from perhekeskus.access.policies import client_data
from perhekeskus.accounts.models import Unit

from . import selectors, services
from .forms import ConsentForm, DisclosureForm, NewClientForm, PersonSearchForm, SpecialAccessForm
from .models import AccessGrant, Consent, Person

PAGE_SIZE = 50


@client_data
@require_safe
def family_list(request):
    actor = request.actor
    page = Paginator(selectors.families_of(actor), PAGE_SIZE).get_page(request.GET.get("page"))
    search = PersonSearchForm(request.GET or None)
    persons = []
    if search.is_valid() and search.cleaned_data["q"]:
        persons = list(selectors.search_persons(actor, search.cleaned_data["q"]))
    log_listing(actor, page.object_list, request=request)
    if persons:
        log_persons_shown(actor, persons, request=request, detail="person search")
    return render(
        request,
        "families/family_list.html",
        {
            "page": page,
            "search": search,
            "persons": [selectors.person_card(actor, p) for p in persons],
            "searched": search.is_valid() and bool(search.cleaned_data["q"]),
            "may_open_special": special_access.may_open(actor, AccessGrant.Kind.EMERGENCY),
        },
    )


@client_data
@require_safe
def family_detail(request, family_id):
    family = access_family(request.actor, family_id, request=request)
    return render(
        request,
        "families/family_detail.html",
        {"detail": selectors.family_detail(request.actor, family)},
    )


@client_data
@require_safe
def family_print(request, family_id):
    family = access_family(request.actor, family_id, action=Action.EXPORT, request=request)
    return render(
        request,
        "families/family_print.html",
        {"detail": selectors.family_detail(request.actor, family)},
    )


def _csv_cell(value) -> str:
    text = "" if value is None else str(value)
    # A cell starting with a formula character would run in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@client_data
@require_safe
def family_csv(request, family_id):
    family = access_family(request.actor, family_id, action=Action.EXPORT, request=request)
    detail = selectors.family_detail(request.actor, family)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="family-members.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Name"),
            _("Identity code"),
            _("Date of birth"),
            _("Role"),
            _("Street address"),
            _("Postal code"),
            _("Post office"),
            _("Municipality"),
            _("Phone"),
        ]
    )
    for row in detail.members:
        card = row.person
        contact = card.contact
        withheld = _("Security prohibition") if contact.address_withheld else ""
        writer.writerow(
            [
                _csv_cell(v)
                for v in (
                    card.full_name,
                    card.identity_code,
                    card.date_of_birth or "",
                    row.role_label,
                    contact.street_address or withheld,
                    contact.postal_code,
                    contact.post_office,
                    contact.municipality or withheld,
                    contact.phone,
                )
            ]
        )
    return response


def _units_for_client_work(actor):
    return Unit.objects.filter(pk__in=actor.unit_ids).order_by("name")


@client_data
@require_http_methods(["GET", "HEAD", "POST"])
def new_client(request):
    actor = request.actor
    units = list(_units_for_client_work(actor))
    form = NewClientForm(request.POST or None, units=units)
    duplicates = []
    exact = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = next(u for u in units if str(u.pk) == data["unit"])
        try:
            created = services.client_family_create(
                actor=actor,
                unit=unit,
                service_task=data["service_task"],
                role=data["role"],
                person_data={
                    "first_names": data["first_names"],
                    "last_name": data["last_name"],
                    "identity_code": data["identity_code"],
                    "date_of_birth": data["date_of_birth"],
                },
                confirm_not_duplicate=data["confirm_not_duplicate"],
            )
        except services.DuplicatePerson as duplicate:
            exact = duplicate.exact
            duplicates = duplicate.matches
            log_persons_shown(
                actor, duplicates, request=request, detail="duplicate check before create"
            )
            form.add_error(None, duplicate.messages[0])
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The client family was saved."))
            return redirect("families:detail", family_id=created.family.pk)
    return render(
        request,
        "families/new_client.html",
        {
            "form": form,
            "duplicates": [_duplicate_row(d) for d in duplicates],
            "exact": exact,
        },
    )


def _duplicate_row(person: Person) -> dict:
    # Only what identifies a likely duplicate: never the address.
    return {
        "name": person.full_name,
        "born": person.date_of_birth,
        "has_identity_code": bool(person.identity_code),
    }


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
    family = access_family(actor, family_id, action=action, request=request)
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
    family = access_family(actor, family_id, action=Action.WRITE, request=request)
    member_ids = [m.person.id for m in selectors.family_detail(actor, family).members]
    consent = Consent.objects.filter(pk=consent_id, person_id__in=member_ids).first()
    if consent is None:
        raise NotFound
    services.consent_withdraw(actor=actor, consent=consent, family=family)
    messages.success(request, _("The consent was withdrawn."))
    return redirect("families:detail", family_id=family.pk)


@client_data
@require_http_methods(["GET", "HEAD", "POST"])
def disclosure(request, family_id):
    actor = request.actor
    family = access_family(actor, family_id, request=request)
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
