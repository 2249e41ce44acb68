"""The family's "who saw my data" page and the auditor's pages."""

from __future__ import annotations

import csv
import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from perhekeskus.access import NotFound, access_family, families_visible_to, rules
from perhekeskus.access.log import Action, Basis, Subject, record
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.access.policies import access_log, own_data
from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.models import User
from perhekeskus.families import selectors as family_selectors
from perhekeskus.families.models import AccessGrant, Person

from . import selectors, services
from .forms import LogSearchForm, MyLogForm, ReviewForm
from .pdf import render_pdf

PAGE_SIZE = 100


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


# Entries on one page of the family's view, and at most in one export.
MY_PAGE_SIZE = 50
EXPORT_LIMIT = 5000


def _choices_since(request) -> datetime.datetime:
    start = timezone.now() - rules.CLIENT_LOG_WINDOW
    try:
        asked = MyLogForm.base_fields["since"].clean(request.GET.get("since", ""))
    except ValidationError:
        asked = None
    return min(start, _day_start(asked)) if asked else start


def _my_log(request):
    """The family's filtered entries (newest first) and the filter's form."""
    actor = request.actor
    # The professionals of the period shown (the default window, or a wider one asked for).
    professionals = selectors.professionals_who_saw(actor.person_id, since=_choices_since(request))
    form = MyLogForm(request.GET or None, professionals=professionals)
    since = until = actor_id = None
    if form.is_valid():
        data = form.cleaned_data
        if data["since"]:
            since = _day_start(data["since"])
        if data["until"]:
            until = _day_start(data["until"] + datetime.timedelta(days=1))
        if data["professional"]:
            actor_id = data["professional"]
    entries = selectors.who_saw_my_data(
        actor.person_id, since=since, until=until, actor_id=actor_id
    )
    return form, entries


def _filter_query(request) -> str:
    """The filter's query string, for the page links and the exports."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@own_data
@require_safe
def my_data(request):
    actor = request.actor
    families = [
        family_selectors.family_detail(actor, access_family(actor, f.pk, request=request))
        for f in families_visible_to(actor).order_by("name")
    ]
    form, entries = _my_log(request)
    page = Paginator(entries, MY_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.describe(list(page.object_list), for_family=True)
    return render(
        request,
        "audit/my_data.html",
        {
            "families": families,
            "form": form,
            "page": page,
            "days": selectors.by_day_and_professional(page.object_list),
            "filter_query": _filter_query(request),
            "filtered": form.is_valid() and any(form.cleaned_data.values()),
        },
    )


def _exported(request, kind: str) -> list[AccessLogEntry]:
    """The filtered entries for the family's own export, the export logged."""
    actor = request.actor
    _form, entries = _my_log(request)
    rows = selectors.describe(list(entries[:EXPORT_LIMIT]), for_family=True)
    record(
        actor,
        Subject(
            "access log of own data (export)",
            person_id=actor.person_id,
            what={"kind": "access_log", "format": kind},
        ),
        action=Action.EXPORT,
        basis=Basis.OWN,
        detail=kind,
        request=request,
    )
    return rows


def _export_rows(entries):
    header = [
        _("Time"),
        _("Professional"),
        _("Job title"),
        _("Unit"),
        _("Organisation"),
        _("Whose data"),
        _("What"),
        _("Basis"),
    ]
    yield header
    for e in entries:
        yield [
            formats.date_format(timezone.localtime(e.occurred_at), "SHORT_DATETIME_FORMAT"),
            e.actor_name,
            e.role_labels,
            e.unit,
            e.organisation,
            e.whose,
            e.what_text,
            e.basis_text,
        ]


def _csv_cell(value) -> str:
    text = "" if value is None else str(value)
    # A cell starting with a formula character would run in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@own_data
@require_safe
def my_data_csv(request):
    rows = _exported(request, "csv")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="who-saw-our-data.csv"'
    response.write("\ufeff")  # so that spreadsheets read the text as UTF-8
    writer = csv.writer(response)
    for row in _export_rows(rows):
        writer.writerow([_csv_cell(cell) for cell in row])
    return response


@own_data
@require_safe
def my_data_pdf(request):
    rows = _exported(request, "pdf")
    html = render_to_string(
        "audit/my_data_print.html",
        {
            "days": selectors.by_day_and_professional(rows),
            "printed_at": timezone.now(),
            "name": request.actor.name,
            "limited": len(rows) >= EXPORT_LIMIT,
        },
        request=request,
    )
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="who-saw-our-data.pdf"'
    return response


@access_log
@require_safe
def review_list(request):
    actor = request.actor
    grants = list(selectors.emergency_accesses_to_review())
    record(
        actor,
        [
            Subject("emergency access for review", family_id=g.family_id, person_id=g.person_id)
            for g in grants
        ],
        action=Action.READ,
        basis=Basis.AUDIT,
        request=request,
    )
    return render(
        request,
        "audit/review_list.html",
        {
            "grants": grants,
            "reviews": selectors.recent_reviews(),
            "may_review": actor.can(Capability.REVIEW_EMERGENCY_ACCESS),
            "form": ReviewForm(),
        },
    )


@access_log
@require_POST
def review(request, grant_id):
    actor = request.actor
    if not actor.can(Capability.REVIEW_EMERGENCY_ACCESS):
        raise NotFound
    grant = AccessGrant.objects.filter(pk=grant_id, kind=AccessGrant.Kind.EMERGENCY).first()
    if grant is None:
        raise NotFound
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.review_emergency_access(
                actor=actor,
                grant=grant,
                note=form.cleaned_data["note"],
                justified=form.cleaned_data["justified"],
                request=request,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The review was saved."))
    else:
        messages.error(request, _("Choose whether the access was justified and write a note."))
    return redirect("audit:reviews")


@access_log
@require_safe
def log_search(request):
    actor = request.actor
    if not actor.can(Capability.VIEW_ACCESS_LOG):
        raise NotFound
    form = LogSearchForm(request.GET or None)
    page = None
    person = None
    if form.is_valid() and any(form.cleaned_data.values()):
        data = form.cleaned_data
        person_id = family_ids = actor_ids = None
        if data["identity_code"]:
            # Only the name the page says whose entries these are.
            person = (
                Person.objects.filter(identity_code=data["identity_code"])
                .only("pk", "first_names", "last_name")
                .first()
            )
            person_id = person.pk if person else None
            family_ids = family_selectors.family_ids_of_person(person_id) if person else []
            if person is None:
                person_id = "00000000-0000-0000-0000-000000000000"
        if data["professional"]:
            actor_ids = User.objects.filter(username=data["professional"]).values("pk")
        entries = selectors.search_log(
            person_id=person_id,
            family_ids=family_ids,
            actor_ids=actor_ids,
            since=_day_start(data["since"]) if data["since"] else None,
            until=_day_start(data["until"] + datetime.timedelta(days=1)) if data["until"] else None,
        )
        page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
        # Evaluated before the search itself is logged, so counts and rows agree.
        page.object_list = selectors.describe(list(page.object_list))
        # The search, and whose names it showed (each person or family once).
        shown = {
            (e.subject_family_id, e.subject_person_id): None
            for e in page.object_list
            if e.whose and (person is None or e.subject_person_id != person.pk)
        }
        record(
            actor,
            [
                Subject("access log search", person_id=person.pk if person else None),
                *(
                    Subject("name in access log entries", family_id=family_id, person_id=person_id)
                    for family_id, person_id in shown
                ),
            ],
            action=Action.SEARCH,
            basis=Basis.AUDIT,
            detail=f"professional={data['professional'][:50]}",
            request=request,
        )
    return render(
        request,
        "audit/log_search.html",
        {"form": form, "page": page, "person": person, "actions": AccessLogEntry.Action},
    )
