"""Pages of referrals: the sender's (on a matter) and the receiver's (the inbox).

Every page passes the ``client_data`` policy. The sender's pages fetch the
matter through ``access_matter``; the receiver's through
``access_received_referral``: both log the read, and anything else is the
same 404 as a missing record.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from perhekeskus.access import NotFound
from perhekeskus.access.log import Action
from perhekeskus.access.policies import client_data
from perhekeskus.access.table import Act
from perhekeskus.accounts.models import Unit
from perhekeskus.casework.selectors import access_matter
from perhekeskus.families.models import FamilyMembership
from perhekeskus.referrals.access import access_received_referral, log_received_listing

from . import selectors, services
from .forms import AcceptForm, DoneForm, ReasonForm, ReferralForm
from .models import Kind


def _form_options(actor, matter) -> dict:
    decision = matter.family.access
    members = [
        m.person
        for m in FamilyMembership.objects.active()
        .filter(family=matter.family)
        .select_related("person")
        .order_by("role", "person__date_of_birth")
        if decision.covers(m.person_id)
    ]
    return {
        "units": list(Unit.objects.filter(pk__in=actor.unit_ids).order_by("name")),
        "receivers": Unit.objects.filter(is_active=True)
        .exclude(kind=Unit.Kind.ADMINISTRATION)
        .select_related("organization")
        .order_by("name"),
        "persons": members,
        "sections": services.sections_allowed(actor, matter),
        "actor": actor,
    }


def _chosen(options, data) -> dict:
    by_id = {str(p.pk): p for p in options["persons"]}
    units = {str(u.pk): u for u in options["units"]}
    return {
        "kind": data["kind"],
        "sender_unit": units.get(data["sender_unit"]),
        "receiver_unit": data["receiver_unit"],
        "persons": [by_id[pk] for pk in data["persons"] if pk in by_id],
        "question": data["question"],
        "sections": data["sections"],
        "summary": data["summary"],
        "statutory_ground": data["statutory_ground"],
        "visit_person": by_id.get(data["visit_person"] or ""),
        "team_composition": data["team_composition"],
    }


def _add_errors(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


@client_data
@require_http_methods(["GET", "HEAD", "POST"])
def referral_new(request, matter_id):
    actor = request.actor
    matter = access_matter(actor, matter_id, request=request)
    services.require_sender(actor, matter, request=request)
    options = _form_options(actor, matter)
    initial = {"kind": request.GET.get("kind") if request.GET.get("kind") in Kind.values else ""}
    if matter.unit_id in actor.unit_ids:
        initial["sender_unit"] = str(matter.unit_id)
    form = ReferralForm(request.POST or None, initial=initial, **options)
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_create(
                actor=actor, matter=matter, **_chosen(options, form.cleaned_data)
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The draft was saved. Check it and send it."))
            return redirect("referrals:detail", matter_id=matter.pk, referral_id=referral.pk)
    return render(request, "referrals/referral_form.html", {"form": form, "matter": matter})


def _sender_referral(request, matter_id, referral_id, act=None):
    """The matter and its referral; with ``act``, refused (403, logged) unless
    the user's part in the matter allows it."""
    matter = access_matter(request.actor, matter_id, request=request)
    referral = selectors.referral_of_matter(matter, referral_id)
    if referral is None:
        raise NotFound
    if act is not None:
        services.require_sender(request.actor, matter, act, request=request)
    return matter, referral


def _render_sender(request, matter, referral, *, withdraw_form=None, status=200):
    return render(
        request,
        "referrals/referral_detail.html",
        {
            "matter": matter,
            "view": selectors.sender_view(
                request.actor,
                referral,
                sections_visible=services.sections_allowed(request.actor, matter),
            ),
            "may_act": services.may_send_for(request.actor, matter),
            "withdraw_form": withdraw_form or ReasonForm(prefix="withdraw"),
            "needs_check": services.needs_disclosure_check(referral),
        },
        status=status,
    )


@client_data
@require_safe
def referral_detail(request, matter_id, referral_id):
    matter, referral = _sender_referral(request, matter_id, referral_id)
    return _render_sender(request, matter, referral)


@client_data
@require_http_methods(["GET", "HEAD", "POST"])
def referral_edit(request, matter_id, referral_id):
    actor = request.actor
    matter, referral = _sender_referral(
        request, matter_id, referral_id, Act.WRITE if request.method == "POST" else None
    )
    options = _form_options(actor, matter)
    initial = {
        "kind": referral.kind,
        "sender_unit": str(referral.sender_unit_id),
        "receiver_unit": referral.receiver_unit_id,
        "persons": [str(pk) for pk in referral.persons.values_list("pk", flat=True)],
        "question": referral.question,
        "sections": referral.sections,
        "summary": referral.summary,
        "statutory_ground": referral.statutory_ground,
        "visit_person": str(referral.visit_person_id or ""),
        "team_composition": referral.team_composition,
        "version": referral.version,
    }
    form = ReferralForm(request.POST or None, initial=initial, **options)
    current = None
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data["version"]
        try:
            services.referral_update(
                actor=actor,
                referral=referral,
                version=version if version is not None else -1,
                **_chosen(options, form.cleaned_data),
            )
        except services.StaleReferral as stale:
            _add_errors(form, stale)
            current = selectors.sender_view(
                actor, stale.current, sections_visible=options["sections"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("referrals:detail", matter_id=matter.pk, referral_id=referral.pk)
    return render(
        request,
        "referrals/referral_form.html",
        {"form": form, "matter": matter, "referral": referral, "current": current},
    )


@client_data
@require_POST
def referral_send(request, matter_id, referral_id):
    matter, referral = _sender_referral(request, matter_id, referral_id, Act.WRITE)
    try:
        services.referral_send(actor=request.actor, referral=referral, request=request)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        if isinstance(error, services.DisclosureRefused):
            messages.info(
                request,
                _(
                    "Record the consent of the person concerned, or choose a statutory "
                    "ground if the law gives the receiver a right to the data."
                ),
            )
    else:
        messages.success(request, _("The referral was sent."))
    return redirect("referrals:detail", matter_id=matter.pk, referral_id=referral.pk)


@client_data
@require_POST
def referral_withdraw(request, matter_id, referral_id):
    matter, referral = _sender_referral(request, matter_id, referral_id, Act.CANCEL)
    form = ReasonForm(request.POST, prefix="withdraw")
    if form.is_valid():
        try:
            services.referral_withdraw(
                actor=request.actor, referral=referral, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The referral was withdrawn."))
            return redirect("referrals:detail", matter_id=matter.pk, referral_id=referral.pk)
    return _render_sender(request, matter, referral, withdraw_form=form, status=400)


# -- the receiver ------------------------------------------------------------


@client_data
@require_safe
def inbox(request):
    actor = request.actor
    waiting = list(selectors.referrals_waiting_for(actor))
    log_received_listing(actor, waiting, request=request)
    return render(
        request,
        "referrals/inbox.html",
        {"waiting": waiting, "answered": list(selectors.received_history(actor)[:50])},
    )


def _render_receiver(request, referral, *, forms=None, status=200):
    forms = forms or {}
    return render(
        request,
        "referrals/received_detail.html",
        {
            "view": selectors.receiver_view(request.actor, referral),
            "accept_form": forms.get("accept") or AcceptForm(prefix="accept"),
            "decline_form": forms.get("decline") or ReasonForm(prefix="decline"),
            "done_form": forms.get("done") or DoneForm(prefix="done"),
            # Shown at the top: the answer forms are gone once the state moved on.
            "refusals": [e for form in forms.values() for e in form.non_field_errors()],
        },
        status=status,
    )


@client_data
@require_safe
def received_detail(request, referral_id):
    referral = access_received_referral(request.actor, referral_id, request=request)
    return _render_receiver(request, referral)


def _receiver_step(request, referral_id, name, form_class, step, field, done_message):
    actor = request.actor
    referral = access_received_referral(actor, referral_id, action=Action.WRITE, request=request)
    form = form_class(request.POST, prefix=name)
    if form.is_valid():
        try:
            step(actor=actor, referral=referral, **{field: form.cleaned_data[field]})
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, done_message)
            return redirect("referrals:received", referral_id=referral.pk)
    return _render_receiver(request, referral, forms={name: form}, status=400)


@client_data
@require_POST
def received_accept(request, referral_id):
    return _receiver_step(
        request,
        referral_id,
        "accept",
        AcceptForm,
        services.referral_accept,
        "note",
        _("You accepted the request."),
    )


@client_data
@require_POST
def received_decline(request, referral_id):
    return _receiver_step(
        request,
        referral_id,
        "decline",
        ReasonForm,
        services.referral_decline,
        "reason",
        _("You declined the request."),
    )


@client_data
@require_POST
def received_done(request, referral_id):
    return _receiver_step(
        request,
        referral_id,
        "done",
        DoneForm,
        services.referral_done,
        "summary",
        _("The request was marked done."),
    )
