"""The work views: the professional's desk, the manager's view, the family's view."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from perhekeskus.access import NotFound
from perhekeskus.access.policies import client_data, own_data
from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.policies import requires_capability
from perhekeskus.core.errors import RefusedError
from perhekeskus.web.access import signed_in

from . import selectors, services
from .models import Notice


def _client_work(view):
    """Inside ``client_data``: only professionals who work with clients."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.actor.can(Capability.CLIENT_WORK):
            raise NotFound
        return view(request, *args, **kwargs)

    return wrapper


@client_data
@_client_work
@require_safe
def home(request):
    desk = selectors.desk_for(request.actor, request=request)
    return render(request, "desk/home.html", {"desk": desk})


@requires_capability(Capability.SUPERVISE_CASEWORK)
@require_safe
def manager(request):
    overview = selectors.manager_overview(request.user)
    notices = selectors.open_notices(request.user)
    return render(request, "desk/manager.html", {"overview": overview, "notices": notices})


@own_data
@require_safe
def family(request):
    view = selectors.family_view(request.actor, request=request)
    return render(request, "desk/family.html", {"view": view})


@signed_in
@require_POST
def notice_read(request, notice_id):
    notice = get_object_or_404(Notice, pk=notice_id, user=request.user)
    try:
        services.notice_mark_read(actor=request.user, notice=notice)
    except RefusedError as error:
        messages.error(request, str(error))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "desk:home"
    return redirect(target)
