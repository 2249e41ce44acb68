"""Imported indicators: public pages, and the import page for analysts."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.policies import requires_capability
from perhekeskus.accounts.selectors import has_capability
from perhekeskus.web.access import public

from . import selectors, services
from .charts import bar_chart
from .exports import csv_response, xlsx_response
from .forms import ImportForm, SeriesFilterForm
from .models import Observation

manager = requires_capability(Capability.MANAGE_KNOWLEDGE)
viewer = requires_capability(Capability.VIEW_STATISTICS)


def format_number(value, decimals: int) -> str:
    if value is None:
        return "–"
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


@public
@require_safe
def indicator_list(request):
    may_import = request.user.is_authenticated and has_capability(
        request.user, Capability.MANAGE_KNOWLEDGE
    )
    return render(
        request,
        "indicators/list.html",
        {"indicators": selectors.indicators(), "may_import": may_import},
    )


def _observations(request, indicator):
    form = SeriesFilterForm(request.GET or None)
    rows = selectors.observations_of(indicator)
    gender = Observation.Gender.TOTAL
    if form.is_valid():
        gender = form.cleaned_data["gender"] or gender
        if form.cleaned_data["area_kind"]:
            rows = rows.filter(area_kind=form.cleaned_data["area_kind"])
    return form, rows.filter(gender=gender)


@public
@require_safe
def indicator_detail(request, code: str):
    indicator = selectors.indicator_by_code(code)
    if indicator is None:
        raise Http404
    form, rows = _observations(request, indicator)
    rows = list(rows)
    years = sorted({o.year for o in rows})
    areas: dict[str, dict] = {}
    for o in rows:
        area = areas.setdefault(
            o.area_code, {"name": o.area_name, "kind": o.area_kind, "by_year": {}}
        )
        area["by_year"][o.year] = o
    table = [
        (code_, area["name"], [area["by_year"].get(year) for year in years])
        for code_, area in sorted(
            areas.items(), key=lambda kv: (kv[1]["kind"] != "country", kv[1]["name"])
        )
    ]
    chart = None
    if years:
        latest = years[-1]
        points = [(name, cells[-1].value if cells[-1] else None) for _c, name, cells in table]
        chart = bar_chart(
            _("%(indicator)s, %(year)d") % {"indicator": indicator.name, "year": latest},
            [
                (name, value, format_number(value, indicator.decimals))
                for name, value in points[:40]
            ],
        )
    return render(
        request,
        "indicators/detail.html",
        {
            "indicator": indicator,
            "form": form,
            "years": years,
            "table": table,
            "chart": chart,
            "query": request.GET.urlencode(),
        },
    )


@public
@require_safe
def indicator_export(request, code: str, fmt: str):
    indicator = selectors.indicator_by_code(code)
    if indicator is None or fmt not in ("csv", "xlsx"):
        raise Http404
    _form, rows = _observations(request, indicator)
    header = [
        _("Area code"),
        _("Area"),
        _("Year"),
        _("Gender"),
        _("Value"),
        _("Absolute value"),
        _("Source"),
        _("Id in the source"),
        _("Licence"),
        _("Fetched on"),
    ]
    data = [
        (
            o.area_code,
            o.area_name,
            o.year,
            o.get_gender_display(),
            o.value,
            o.abs_value,
            indicator.get_source_display(),
            indicator.source_id,
            indicator.licence,
            o.import_run.fetched_on.isoformat(),
        )
        for o in rows
    ]
    filename = f"indicator-{indicator.code}"
    if fmt == "csv":
        return csv_response(filename, header, data)
    return xlsx_response(filename, indicator.code, header, data)


@manager
@require_http_methods(["GET", "POST"])
def import_file(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    summary = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["data"]
        try:
            if form.cleaned_data["kind"] == ImportForm.SOTKANET:
                summary = services.import_sotkanet(
                    data=data.read(),
                    name=data.name,
                    meta=[(f.name, f.read()) for f in form.cleaned_data["meta"]],
                    fetched_on=form.cleaned_data["fetched_on"],
                    licence=form.cleaned_data["licence"],
                    actor=request.user,
                )
            else:
                summary = services.import_jsonstat(
                    data=data.read(),
                    name=data.name,
                    fetched_on=form.cleaned_data["fetched_on"],
                    licence=form.cleaned_data["licence"],
                    actor=request.user,
                )
        except services.ImportRefused as refused:
            form.add_error(None, _("Nothing was imported."))
            for problem in refused.problems[:50]:
                form.add_error(None, problem)
        else:
            for line in summary.lines():
                messages.success(request, line)
            return redirect("indicators:runs")
    return render(request, "indicators/import.html", {"form": form})


@viewer
@require_safe
def import_runs(request):
    return render(request, "indicators/runs.html", {"runs": selectors.import_runs()[:200]})
