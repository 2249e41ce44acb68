"""Child budget pages: results for managers, officials and analysts; imports and
the mapping for those who keep the knowledge base."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_http_methods, require_safe

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.policies import requires_capability
from perhekeskus.accounts.selectors import has_capability
from perhekeskus.indicators import selectors as indicator_selectors
from perhekeskus.indicators.charts import bar_chart
from perhekeskus.indicators.exports import csv_response, xlsx_response

from . import selectors, services
from .forms import (
    AccountsImportForm,
    AreaForm,
    MappingDeleteForm,
    MappingRowForm,
    PopulationForm,
    YearForm,
)
from .models import MappingVersion, ServiceLevel

viewer = requires_capability(Capability.VIEW_STATISTICS)
manager = requires_capability(Capability.MANAGE_KNOWLEDGE)

# Shown beside the budget when imported: placements and child welfare.
RELATED_INDICATORS = ("sotkanet-3239", "sotkanet-1078", "sotkanet-3238")


def euros(value) -> str:
    if value is None:
        return "–"
    return (
        formats.number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True) + "\u00a0€"
    )


def _area(request):
    areas = selectors.spending_areas()
    form = AreaForm(request.GET or None, areas=areas)
    if form.is_valid():
        return form, form.cleaned_data["area"], dict(areas)
    return form, (areas[0][0] if areas else None), dict(areas)


@viewer
@require_safe
def overview(request):
    form, area, names = _area(request)
    years = selectors.child_spending(area) if area else []
    chart = None
    related = []
    if years:
        rows, styles = [], []
        for y in years:
            rows.append(
                (_("%(year)d preventive") % {"year": y.year}, y.preventive, euros(y.preventive))
            )
            styles.append("")
            rows.append(
                (_("%(year)d corrective") % {"year": y.year}, y.corrective, euros(y.corrective))
            )
            styles.append("hatched")
        chart = bar_chart(_("Preventive and corrective spending on children"), rows, styles=styles)
        year_list = [y.year for y in years]
        for code in RELATED_INDICATORS:
            indicator = indicator_selectors.indicator_by_code(code)
            if indicator is None:
                continue
            points = {p.year: p for p in indicator_selectors.series(code, [area], year_list)}
            if points:
                related.append((indicator, [points.get(year) for year in year_list]))
    latest = years[-1] if years else None
    levels = (
        [(label, latest.by_level[level]) for level, label in ServiceLevel.choices] if latest else []
    )
    return render(
        request,
        "budget/overview.html",
        {
            "form": form,
            "area": area,
            "area_name": names.get(area, area),
            "years": years,
            "latest": latest,
            "levels": levels,
            "chart": chart,
            "related": related,
            "may_manage": has_capability(request.user, Capability.MANAGE_KNOWLEDGE),
        },
    )


EXPORT_HEADER = (
    gettext_noop("Area"),
    gettext_noop("Year"),
    gettext_noop("Mapping version"),
    gettext_noop("Accounts total (EUR)"),
    gettext_noop("Spending on children (EUR)"),
    gettext_noop("Child-specific (EUR)"),
    gettext_noop("Child-related, apportioned (EUR)"),
    gettext_noop("Preventive, levels 1-3 (EUR)"),
    gettext_noop("Corrective, levels 4-5 (EUR)"),
    gettext_noop("Preventive share (%)"),
    gettext_noop("Children aged 0-17"),
    gettext_noop("Per child (EUR)"),
    gettext_noop("Not classified (EUR)"),
)


@viewer
@require_safe
def export(request, fmt: str):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, area, _names = _area(request)
    years = selectors.child_spending(area) if area else []
    header = [_(h) for h in EXPORT_HEADER]
    data = [
        (
            y.area_code,
            y.year,
            y.mapping_version,
            y.accounts_total,
            y.child_total,
            y.direct,
            y.indirect,
            y.preventive,
            y.corrective,
            y.preventive_share,
            y.children,
            y.per_child,
            sum(y.unmapped.values()),
        )
        for y in years
    ]
    filename = f"child-budget-{area or 'none'}"
    if fmt == "csv":
        return csv_response(filename, header, data)
    return xlsx_response(filename, "child budget", header, data)


@viewer
@require_safe
def compare(request):
    areas = selectors.spending_areas()
    all_years = sorted(
        {y.year for code, _n in areas for y in selectors.child_spending(code)}, reverse=True
    )
    form = YearForm(request.GET or None, years=all_years)
    year = form.cleaned_data["year"] if form.is_valid() else (all_years[0] if all_years else None)
    names = dict(areas)
    rows = selectors.comparison(year, [code for code, _n in areas]) if year else []
    chart = None
    if rows:
        chart = bar_chart(
            _("Spending on children per child, %(year)d") % {"year": year},
            [(names.get(r.area_code, r.area_code), r.per_child, euros(r.per_child)) for r in rows],
        )
    return render(
        request,
        "budget/compare.html",
        {
            "form": form,
            "year": year,
            "rows": [(names.get(r.area_code), r) for r in rows],
            "chart": chart,
        },
    )


@manager
@require_http_methods(["GET", "POST"])
def import_accounts(request):
    form = AccountsImportForm(request.POST or None, request.FILES or None)
    summary = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            summary = services.import_accounts(
                data=upload.read(),
                name=upload.name,
                entity_code=form.cleaned_data["entity"],
                actor=request.user,
            )
        except services.AccountsRefused as refused:
            form.add_error(None, _("Nothing was imported."))
            for problem in refused.problems[:50]:
                form.add_error(None, problem)
    return render(
        request,
        "budget/import.html",
        {"form": form, "summary": summary, "imports": selectors.accounts_imports()[:20]},
    )


def _version(request) -> MappingVersion:
    number = request.GET.get("version")
    if number and number.isdigit():
        found = selectors.mapping_versions().filter(number=int(number)).first()
        if found is None:
            raise Http404
        return found
    return services.current_mapping()


@viewer
@require_safe
def mapping(request):
    version = _version(request)
    current = services.current_mapping()
    return render(
        request,
        "budget/mapping.html",
        {
            "version": version,
            "current": current,
            "rows": selectors.mapping_rows(version),
            "versions": selectors.mapping_versions()[:50],
            "may_edit": has_capability(request.user, Capability.MANAGE_KNOWLEDGE)
            and version.number == current.number,
        },
    )


@manager
@require_http_methods(["GET", "POST"])
def mapping_edit(request):
    current = services.current_mapping()
    key = request.GET.get("key")
    row = current.rows.filter(class_key=key).first() if key else None
    if key and row is None:
        raise Http404
    initial = {"base_version": current.number}
    if row:
        initial |= {
            "class_name": row.class_name,
            "category": row.category,
            "child_share": row.child_share,
            "share_basis": row.share_basis,
            "service_level": row.service_level,
        }
    form = MappingRowForm(request.POST or None, initial=initial)
    delete_form = MappingDeleteForm(initial={"base_version": current.number}) if row else None
    conflict = None
    if request.method == "POST":
        deleting = "delete" in request.POST and row is not None
        bound = MappingDeleteForm(request.POST) if deleting else form
        if deleting:
            delete_form = bound
        if bound.is_valid():
            data = bound.cleaned_data
            try:
                services.mapping_change(
                    actor=request.user,
                    base_version=data["base_version"],
                    values=None
                    if deleting
                    else {
                        k: data[k]
                        for k in (
                            "class_name",
                            "category",
                            "child_share",
                            "share_basis",
                            "service_level",
                        )
                    },
                    replaces=row.class_key if row else None,
                    note=data["note"],
                )
            except services.MappingConflict as error:
                conflict = error
                bound.add_error(
                    None,
                    _(
                        "Someone changed the mapping after you opened it (now version "
                        "%(version)d). Check their changes below and make yours again."
                    )
                    % {"version": error.current},
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.message_dict.items():
                        bound.add_error(field if field in bound.fields else None, errors)
                else:
                    bound.add_error(None, error.messages)
            else:
                messages.success(request, _("The mapping was saved as a new version."))
                return redirect("budget:mapping")
    return render(
        request,
        "budget/mapping_edit.html",
        {
            "form": form,
            "delete_form": delete_form,
            "row": row,
            "current": current,
            "conflict": conflict,
        },
    )


@manager
@require_http_methods(["GET", "POST"])
def population(request):
    form = PopulationForm(request.POST or None, indicators=indicator_selectors.indicators())
    if request.method == "POST" and form.is_valid():
        try:
            count = services.population_from_indicator(
                indicator_code=form.cleaned_data["indicator"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _("Child population taken for %(count)d areas and years.") % {"count": count},
            )
            return redirect("budget:overview")
    return render(request, "budget/population.html", {"form": form})
