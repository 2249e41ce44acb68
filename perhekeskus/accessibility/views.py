"""The accessibility statement, its feedback form and the administrators' queue."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.policies import requires_capability
from perhekeskus.accounts.selectors import user_capabilities
from perhekeskus.core.ratelimit import refusal_message
from perhekeskus.web.access import public

from . import limits, selectors, services, statement
from .forms import FeedbackForm, HandleForm
from .models import Feedback

administrators = requires_capability(Capability.ADMINISTER_USERS)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for item in errors:
                message = item.message % item.params if item.params else item.message
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


@public
@require_safe
def statement_page(request):
    handles = request.user.is_authenticated and (
        Capability.ADMINISTER_USERS in user_capabilities(request.user)
    )
    return render(
        request,
        "accessibility/statement.html",
        {"statement": statement, "handles_feedback": handles},
    )


@public
@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request):
    page = (request.GET.get("page") or "")[:500]
    form = FeedbackForm(request.POST or None, initial={"page": page})
    refusal = None
    if request.method == "POST" and form.is_valid():
        # Counted only when valid, given back when the service refuses.
        taken = limits.take_feedback(request)
        refusal = taken.refusal
        if refusal is None:
            data = form.cleaned_data
            try:
                services.feedback_submit(
                    description=data["description"],
                    email=data["email"],
                    page=data["page"],
                    language=(get_language() or "")[:5],
                )
            except ValidationError as error:
                taken.give_back()
                _add_errors(form, error)
            else:
                return redirect("accessibility:feedback_sent")
    response = render(
        request,
        "accessibility/feedback.html",
        {"form": form, "refused": refusal_message(refusal) if refusal else ""},
        status=429 if refusal else (400 if request.method == "POST" else 200),
    )
    if refusal:
        response["Retry-After"] = str(refusal.retry_after)
    if request.method == "POST":
        # The form as typed may hold the sender's e-mail address.
        add_never_cache_headers(response)
    return response


@public
@require_safe
def feedback_sent(request):
    return render(request, "accessibility/feedback_sent.html")


@administrators
@never_cache
@require_safe
def queue(request):
    today = timezone.localdate()
    waiting = list(selectors.open_feedback())
    return render(
        request,
        "accessibility/queue.html",
        {
            # One form per feedback: the same field name, ids of their own.
            "waiting": [
                (item, HandleForm(auto_id=f"id_%s_{n}")) for n, item in enumerate(waiting, 1)
            ],
            "handled": selectors.handled_feedback(),
            "today": today,
        },
    )


@administrators
@never_cache
@require_POST
def handle(request, feedback_id):
    item = Feedback.objects.filter(pk=feedback_id).first()
    if item is None:
        raise Http404
    form = HandleForm(request.POST)
    if form.is_valid():
        try:
            services.feedback_handle(
                user=request.user, feedback=item, reply_note=form.cleaned_data["reply_note"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The feedback was marked handled."))
            return redirect("accessibility:queue")
    # Refused: the note as typed is shown again with the reason.
    return render(
        request,
        "accessibility/handle.html",
        {"item": item, "form": form, "today": timezone.localdate()},
        status=400,
    )
