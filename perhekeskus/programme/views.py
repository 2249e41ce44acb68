"""Regions, change projects and change agents: pages for managers and analysts."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.policies import requires_capability
from perhekeskus.accounts.selectors import has_capability

from . import selectors, services
from .forms import ChangeAgentForm, ChangeProjectForm
from .models import ChangeAgent, ChangeProject

viewer = requires_capability(Capability.VIEW_STATISTICS)
manager = requires_capability(Capability.MANAGE_KNOWLEDGE)


@viewer
@require_safe
def regions(request):
    return render(
        request,
        "programme/regions.html",
        {
            "organisers": selectors.organisers(),
            "lape_regions": selectors.lape_regions(),
            "may_edit": has_capability(request.user, Capability.MANAGE_KNOWLEDGE),
        },
    )


@viewer
@require_safe
def region(request, code: str):
    found = selectors.region_by_code(code)
    if found is None:
        raise Http404
    return render(
        request,
        "programme/region.html",
        {
            "region": found,
            "municipalities": selectors.municipalities_of(found),
            "projects": selectors.change_projects().filter(region=found),
            "agents": selectors.change_agents().filter(region=found),
            "may_edit": has_capability(request.user, Capability.MANAGE_KNOWLEDGE),
        },
    )


def _edit(request, *, form_class, record, save, template_title, kind):
    form = form_class(request.POST or None, instance=record)
    theirs = None
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(values=form.values(), record=record, version=form.cleaned_data["version"])
        except services.EditConflict as conflict:
            theirs = [
                (form.fields[name].label, value)
                for name, value in conflict.theirs.items()
                if name in form.fields
            ]
            form.add_error(
                None,
                _(
                    "Someone else saved this record after you opened it. Their values are "
                    "shown below; check them and save again."
                ),
            )
            form.data = form.data.copy()
            form.data["version"] = record.__class__.objects.get(pk=record.pk).version
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            return redirect("indicators:programme:region", code=saved.region.code)
    return render(
        request,
        "programme/edit.html",
        {"form": form, "title": template_title, "theirs": theirs, "kind": kind, "record": record},
    )


@manager
@require_http_methods(["GET", "POST"])
def project_edit(request, pk=None):
    project = get_object_or_404(ChangeProject, pk=pk) if pk else None
    return _edit(
        request,
        form_class=ChangeProjectForm,
        record=project,
        save=lambda values, record, version: services.project_save(
            values=values, project=record, version=version
        ),
        template_title=_("Edit change project") if project else _("New change project"),
        kind="project",
    )


@manager
@require_http_methods(["GET", "POST"])
def agent_edit(request, pk=None):
    agent = get_object_or_404(ChangeAgent, pk=pk) if pk else None
    return _edit(
        request,
        form_class=ChangeAgentForm,
        record=agent,
        save=lambda values, record, version: services.agent_save(
            values=values, agent=record, version=version
        ),
        template_title=_("Edit change agent") if agent else _("New change agent"),
        kind="agent",
    )
