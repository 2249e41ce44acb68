"""Provider editing and the catalogue editors' review pages."""

from __future__ import annotations

import functools
import uuid

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.policies import requires_capability
from perhekeskus.accounts.selectors import user_capabilities
from perhekeskus.core.errors import ConflictError, TransitionError
from perhekeskus.web.access import CAPABILITY_PREFIX, mark

from . import selectors, services
from .diff import compare
from .forms import CompareForm, RejectForm, ServiceEditForms
from .models import ServiceChange

provider = requires_capability(Capability.EDIT_OWN_ORGANISATION_SERVICES)
editor = requires_capability(Capability.EDIT_CATALOGUE)


def provider_or_editor(view):
    """Either capability opens the view; the selector then limits what it shows."""
    allowed = {Capability.EDIT_OWN_ORGANISATION_SERVICES, Capability.EDIT_CATALOGUE}

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not allowed & user_capabilities(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return mark(wrapper, "|".join(CAPABILITY_PREFIX + str(c) for c in sorted(allowed)))


# --- Provider -----------------------------------------------------------------


@provider
@require_safe
def our_services(request):
    open_changes = selectors.open_changes_by_service(request.user)
    rows = [(s, open_changes.get(s.pk)) for s in selectors.provider_services(request.user)]
    return render(
        request,
        "cataloguedit/our_services.html",
        {
            "organizations": selectors.editable_organizations(request.user),
            "rows": rows,
            "new_changes": selectors.provider_changes(request.user).filter(
                is_new=True, state__in=ServiceChange.OPEN_STATES
            ),
        },
    )


@provider
@require_POST
def start_edit(request, service_id):
    service = selectors.provider_service(request.user, service_id)
    change = services.start_change(user=request.user, service=service)
    return redirect("cataloguedit:edit", change_id=change.pk)


@provider
@require_POST
def start_new(request):
    organization = (
        selectors.editable_organizations(request.user)
        .filter(pk=request.POST.get("organization") or None)
        .first()
        if _is_uuid(request.POST.get("organization"))
        else None
    )
    if organization is None:
        raise Http404
    change = services.start_new_service(user=request.user, organization=organization)
    return redirect("cataloguedit:edit", change_id=change.pk)


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


@provider
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, change_id):
    change = selectors.provider_change(request.user, change_id)
    editable = change.state == ServiceChange.State.DRAFT
    data = request.POST if request.method == "POST" else None
    if data is not None and not editable:
        messages.error(request, _("Only a draft can be edited."))
        return redirect("cataloguedit:edit", change_id=change.pk)
    forms = ServiceEditForms(change.snapshot, change.organization, data)
    if data is not None:
        if forms.is_valid():
            services.save_draft(user=request.user, change=change, content=forms.result)
            if "submit" in request.POST:
                return _submit(request, change)
            messages.success(request, _("The draft was saved."))
            return redirect("cataloguedit:edit", change_id=change.pk)
        messages.error(request, _("The draft was not saved: correct the marked fields."))
    conflict = services.live_conflict(change, change.service) if not change.is_new else None
    return render(
        request,
        "cataloguedit/edit.html",
        {"change": change, "forms": forms, "editable": editable, "conflict": conflict},
        status=400 if data is not None else 200,
    )


def _submit(request, change):
    try:
        services.submit(user=request.user, change=change)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("cataloguedit:edit", change_id=change.pk)
    except TransitionError as error:
        messages.error(request, str(error))
        return redirect("cataloguedit:edit", change_id=change.pk)
    messages.success(request, _("The change was sent to the catalogue editors for review."))
    return redirect("cataloguedit:our_services")


@provider
@require_POST
def submit(request, change_id):
    return _submit(request, selectors.provider_change(request.user, change_id))


@provider
@require_POST
def rebase(request, change_id):
    change = selectors.provider_change(request.user, change_id)
    try:
        services.rebase(user=request.user, change=change)
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The draft now starts from the current live service; your content is kept.")
        )
    return redirect("cataloguedit:edit", change_id=change.pk)


# --- Catalogue editor ---------------------------------------------------------


@editor
@require_safe
def worklist(request):
    return render(
        request,
        "cataloguedit/worklist.html",
        {
            "in_review": selectors.changes_in_review(),
            "not_reviewed": selectors.services_not_reviewed()[:200],
            "missing_hours": selectors.services_missing_hours()[:200],
            "missing_contact": selectors.services_missing_contact()[:200],
            "missing_swedish": selectors.services_missing_swedish()[:200],
            "broken_links": selectors.broken_links()[:200],
        },
    )


def _review_context(change, **extra):
    live = change.service
    proposed_from = change.base_snapshot
    return {
        "change": change,
        "live": live,
        "changes": compare(proposed_from, change.snapshot),
        "conflict": services.live_conflict(change, live),
        "reject_form": RejectForm(),
        **extra,
    }


@editor
@require_safe
def review(request, change_id):
    change = selectors.review_change(change_id)
    return render(request, "cataloguedit/review.html", _review_context(change))


@editor
@require_POST
def approve(request, change_id):
    change = selectors.review_change(change_id)
    try:
        service = services.approve(editor=request.user, change=change)
    except ConflictError as error:
        messages.error(
            request,
            _(
                "Not published: the live service was changed after this draft was started. "
                "Return the change to the provider to check the differences shown below."
            ),
        )
        return render(
            request,
            "cataloguedit/review.html",
            _review_context(change, conflict=error.changes),
            status=409,
        )
    except (TransitionError, ValidationError) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
        return redirect("cataloguedit:review", change_id=change.pk)
    messages.success(request, _("Published: %(name)s") % {"name": service.name})
    return redirect("cataloguedit:worklist")


@editor
@require_POST
def reject(request, change_id):
    change = selectors.review_change(change_id)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "cataloguedit/review.html",
            _review_context(change, reject_form=form),
            status=400,
        )
    try:
        services.reject(editor=request.user, change=change, reason=form.cleaned_data["reason"])
    except (TransitionError, ValidationError) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
        return redirect("cataloguedit:review", change_id=change.pk)
    messages.success(request, _("The change was returned to the provider."))
    return redirect("cataloguedit:worklist")


# --- History (both) -----------------------------------------------------------


@provider_or_editor
@require_safe
def history(request, service_key):
    versions = list(selectors.history_for(request.user, service_key))
    form = CompareForm(request.GET or None)
    changes = None
    pair = None
    if form.is_valid():
        by_id = {v.pk: v for v in versions}
        a, b = by_id.get(form.cleaned_data["a"]), by_id.get(form.cleaned_data["b"])
        if a is None or b is None:
            form.add_error(None, _("Choose two versions of this service."))
        else:
            pair = (a, b)
            changes = compare(a.snapshot, b.snapshot)
    elif not request.GET and len(versions) >= 2:
        pair = (versions[-2], versions[-1])
        changes = compare(pair[0].snapshot, pair[1].snapshot)
    title = next(
        (
            v.snapshot["service"].get("name_fi") or v.snapshot["service"].get("name_sv")
            for v in reversed(versions)
            if v.snapshot["service"].get("name_fi") or v.snapshot["service"].get("name_sv")
        ),
        "",
    )
    return render(
        request,
        "cataloguedit/history.html",
        {
            "versions": versions,
            "form": form,
            "pair": pair,
            "changes": changes,
            "title": title,
            "service_key": service_key,
        },
        status=400 if request.GET and not form.is_valid() else 200,
    )
