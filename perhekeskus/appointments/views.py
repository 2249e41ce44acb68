"""Pages of appointments: the professional's, the family's, the calendar files.

Professionals' pages pass the ``client_data`` policy and fetch through
:mod:`.selectors`, which log each read; the family's pages pass
``own_data``. An appointment the user may not see is the same 404 as one
that does not exist; an action the access table does not give the user's
parts (:mod:`.access`) is a 403 that says why, and its button is not shown.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from perhekeskus.access import actor_for
from perhekeskus.access.log import Action
from perhekeskus.access.policies import client_data, own_data
from perhekeskus.access.table import Act, Kind
from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.policies import requires_capability
from perhekeskus.casework.selectors import access_matter
from perhekeskus.catalogue.models import Organization

from . import access, ics, panels, selectors, services
from .forms import CancelForm, FamilyCancelForm, OutcomeForm, VideoServiceForm
from .models import State, VideoService

ICS_TYPE = "text/calendar; charset=utf-8"


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=ICS_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- Professionals -----------------------------------------------------------


@client_data
@require_safe
def mine(request):
    actor = request.actor
    rows = selectors.my_appointments(actor, request=request)
    return render(
        request,
        "appointments/mine.html",
        {
            "rows": [(a, selectors.state_label(a)) for a in rows],
            "notices": selectors.notices_of(actor),
        },
    )


def _detail_context(request, appointment, *, cancel_form=None, outcome_form=None, stale=None):
    actor = request.actor
    version = {"version": appointment.version}
    decision, shown = appointment.access, appointment.shown
    booked = appointment.state == State.BOOKED
    return {
        "appointment": appointment,
        "shown": shown,
        "state_label": selectors.state_label(appointment),
        "where": selectors.where(actor, appointment) if shown.place else None,
        "may_open_matter": decision.allows(Kind.MATTER, Act.READ),
        "may_export": decision.allows(Kind.APPOINTMENT, Act.EXPORT),
        "may_cancel": booked and decision.allows(Kind.APPOINTMENT, Act.CANCEL),
        "may_record": booked and decision.allows(Kind.APPOINTMENT, Act.WRITE),
        # The outcome is recorded once the appointment has started.
        "started": appointment.starts_at <= timezone.now(),
        "cancel_form": cancel_form or CancelForm(initial=version),
        "outcome_form": outcome_form or OutcomeForm(initial=version),
        "stale": stale,
    }


@client_data
@require_safe
def detail(request, appointment_id):
    appointment = selectors.access_appointment(request.actor, appointment_id, request=request)
    return render(request, "appointments/detail.html", _detail_context(request, appointment))


@client_data
@require_POST
def cancel(request, appointment_id):
    actor = request.actor
    appointment = selectors.access_appointment(
        actor, appointment_id, request=request, action=Action.WRITE, act=Act.CANCEL
    )
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            services.appointment_cancel_by_professional(
                actor=actor,
                appointment=appointment,
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleAppointment as stale:
            return _refused(request, stale.current, stale, cancel_form=form)
        except services.AppointmentError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("The appointment was cancelled."))
            return redirect("appointments:detail", appointment_id=appointment.pk)
    return render(
        request,
        "appointments/detail.html",
        _detail_context(request, appointment, cancel_form=form),
        status=400,
    )


def _refused(request, current, error, **forms):
    """The other's change shown: the page again with the appointment as it is now."""
    current = selectors.access_appointment(request.actor, current.pk, request=request)
    context = _detail_context(request, current, stale=error.messages[0], **forms)
    return render(request, "appointments/detail.html", context, status=409)


@client_data
@require_POST
def outcome(request, appointment_id):
    actor = request.actor
    appointment = selectors.access_appointment(
        actor, appointment_id, request=request, action=Action.WRITE, act=Act.WRITE
    )
    form = OutcomeForm(request.POST)
    if form.is_valid():
        record = (
            services.appointment_mark_held
            if form.cleaned_data["outcome"] == "held"
            else services.appointment_mark_no_show
        )
        try:
            record(
                actor=actor,
                appointment=appointment,
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleAppointment as stale:
            return _refused(request, stale.current, stale, outcome_form=form)
        except services.AppointmentError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("The outcome was recorded."))
            return redirect("appointments:detail", appointment_id=appointment.pk)
    return render(
        request,
        "appointments/detail.html",
        _detail_context(request, appointment, outcome_form=form),
        status=400,
    )


@client_data
@require_safe
def appointment_ics(request, appointment_id):
    appointment = selectors.access_appointment(
        request.actor, appointment_id, request=request, action=Action.EXPORT
    )
    content = ics.for_professional(
        request.actor, [appointment], link_of=lambda a: _absolute(request, a)
    )
    return _ics_response(content, "appointment.ics")


def _absolute(request, appointment) -> str:
    return request.build_absolute_uri(
        reverse("appointments:detail", kwargs={"appointment_id": appointment.pk})
    )


@client_data
@require_safe
def feed(request):
    rows = selectors.calendar_feed(request.actor, request=request)
    content = ics.for_professional(request.actor, rows, link_of=lambda a: _absolute(request, a))
    return _ics_response(content, "my-appointments.ics")


@client_data
@require_http_methods(["GET", "HEAD", "POST"])
def book(request, matter_id):
    actor = request.actor
    matter = access_matter(actor, matter_id, request=request)
    access.require_booking(actor, matter, request=request)
    form = panels.booking_form(actor, matter, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            booked = panels.book_from_form(actor, matter, form)
        except services.AppointmentError as error:
            form.add_error(None, error.messages[0])
        else:
            if len(booked) > 1:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d appointment was booked.",
                        "%(count)d appointments were booked.",
                        len(booked),
                    )
                    % {"count": len(booked)},
                )
            else:
                messages.success(request, _("The appointment was booked."))
            return redirect("appointments:detail", appointment_id=booked[0].pk)
    return render(
        request,
        "appointments/book.html",
        {"matter": matter, "form": form, "has_video": panels.has_video(matter)},
        status=400 if request.method == "POST" else 200,
    )


@client_data
@require_POST
def notice_seen(request, reminder_id):
    services.notice_seen(actor=request.actor, reminder_id=reminder_id)
    return redirect("appointments:mine")


@requires_capability(Capability.SUPERVISE_CASEWORK)
@require_http_methods(["GET", "HEAD", "POST"])
def video_service(request):
    """The organisation's video service for remote reception (no personal data)."""
    actor = actor_for(request.user)
    organization = Organization.objects.filter(pk=actor.organization_id).first()
    if organization is None:
        return render(request, "appointments/video_service.html", {"organization": None})
    current = VideoService.objects.filter(organization=organization, is_active=True).first()
    initial = (
        {"name": current.name, "url_template": current.url_template, "version": current.version}
        if current
        else {}
    )
    form = VideoServiceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.video_service_save(
                actor=actor,
                organization=organization,
                name=form.cleaned_data["name"],
                url_template=form.cleaned_data["url_template"],
                expected_version=form.cleaned_data["version"],
            )
        except services.AppointmentError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("The video service was saved."))
            return redirect("appointments:video_service")
    return render(
        request,
        "appointments/video_service.html",
        {"organization": organization, "form": form, "current": current},
        status=400 if request.method == "POST" else 200,
    )


# --- The family --------------------------------------------------------------


@own_data
@require_safe
def family_list(request):
    actor = request.actor
    rows = selectors.appointments_of_citizen(actor, request=request)
    return render(
        request,
        "appointments/family_list.html",
        {
            "rows": [(a, selectors.state_label(a), selectors.where(actor, a)) for a in rows],
            "now": timezone.now(),
            "cancellable": {a.pk for a in rows if a.access.allows(Kind.APPOINTMENT, Act.CANCEL)},
        },
    )


@own_data
@require_http_methods(["GET", "HEAD", "POST"])
def family_cancel(request, appointment_id):
    actor = request.actor
    action = Action.WRITE if request.method == "POST" else Action.READ
    appointment = selectors.access_own_appointment(
        actor, appointment_id, request=request, action=action
    )
    if request.method == "POST":
        access.require_act(actor, appointment.access, Act.CANCEL, appointment, request=request)
    form = FamilyCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_cancel_by_family(
                actor=actor, appointment=appointment, reason=form.cleaned_data["reason"]
            )
        except services.AppointmentError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("The appointment was cancelled."))
            return redirect("appointments:family_list")
    return render(
        request,
        "appointments/family_cancel.html",
        {
            "appointment": appointment,
            "where": selectors.where(actor, appointment),
            "state_label": selectors.state_label(appointment),
            "form": form,
            "may_cancel": appointment.state == State.BOOKED
            and appointment.access.allows(Kind.APPOINTMENT, Act.CANCEL),
        },
        status=400 if request.method == "POST" else 200,
    )


@own_data
@require_safe
def family_ics(request, appointment_id):
    appointment = selectors.access_own_appointment(
        request.actor, appointment_id, request=request, action=Action.EXPORT
    )
    return _ics_response(ics.for_family(request.actor, [appointment]), "appointment.ics")
