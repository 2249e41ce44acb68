"""Pages of the child impact assessment tool and its public pages."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.models import User
from perhekeskus.accounts.policies import requires_capability
from perhekeskus.accounts.selectors import user_capabilities
from perhekeskus.core.errors import ConflictError, NotAllowedError, TransitionError
from perhekeskus.web.access import CAPABILITY_PREFIX, mark, public

from . import document, pdf, selectors, services
from . import steps as st
from .diff import compare
from .forms import CompareForm, MatterForm, PublishForm, SignOffForm
from .pages import StepPage, with_version

preparer = requires_capability(Capability.PREPARE_DECISIONS)
VIEWER_CAPABILITIES = {Capability.PREPARE_DECISIONS, Capability.VIEW_STATISTICS}


def viewer(view):
    """Preparing officials and those who view statistics may read the tool."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not VIEWER_CAPABILITIES & user_capabilities(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return mark(wrapper, "|".join(CAPABILITY_PREFIX + str(c) for c in sorted(VIEWER_CAPABILITIES)))


def _may_prepare(request) -> bool:
    return Capability.PREPARE_DECISIONS in user_capabilities(request.user)


def _common(request, assessment, **extra) -> dict:
    links = list(assessment.indicator_links.all())
    progress = st.progress(assessment, links)
    return {
        "assessment": assessment,
        "progress": progress,
        "progress_done": sum(1 for row in progress if row["done"]),
        "may_prepare": _may_prepare(request),
        **extra,
    }


# --- List and overview ----------------------------------------------------------


@viewer
@require_safe
def assessment_list(request):
    rows = [
        {"assessment": a, "progress": st.progress(a, list(a.indicator_links.all()))}
        for a in selectors.assessments().prefetch_related("indicator_links")[:500]
    ]
    for row in rows:
        row["done"] = sum(1 for p in row["progress"] if p["done"])
    return render(
        request,
        "impact/list.html",
        {
            "rows": rows,
            "may_prepare": _may_prepare(request),
            "notices": selectors.unread_notices(request.user)[:50],
        },
    )


@viewer
@require_safe
def detail(request, assessment_id):
    assessment = selectors.assessment(assessment_id)
    current = selectors.current_version(assessment)
    if current is None:
        raise Http404
    links = list(assessment.indicator_links.all())
    return render(
        request,
        "impact/detail.html",
        _common(
            request,
            assessment,
            doc=document.build(current.snapshot),
            current=current,
            missing=st.missing_for_sign_off(assessment, links),
            signer_problem=services.signer_problem(request.user, assessment),
            sign_offs=assessment.sign_offs.select_related("signed_by", "version"),
        ),
    )


# --- Screening ---------------------------------------------------------------------


def _screening_context(request, form, assessment=None, **extra):
    data = form.data if form.is_bound else None
    answers = {
        "directly": bool(data.get("affects_directly")) if data else None,
        "indirectly": bool(data.get("affects_indirectly")) if data else None,
    }
    if assessment is not None and data is None:
        saved = (assessment.content or {}).get(st.SCREENING, {})
        answers = {
            "directly": saved.get("affects_directly"),
            "indirectly": saved.get("affects_indirectly"),
            "groups": saved.get("groups", []),
        }
    elif data is not None:
        answers["groups"] = data.getlist("groups")
    suggestion = None
    if answers.get("directly") is not None:
        suggestion = st.SUGGESTION_TEXT[
            st.screening_suggestion(
                directly=bool(answers["directly"]),
                indirectly=bool(answers["indirectly"]),
                groups=answers.get("groups") or [],
            )
        ]
    context = {"form": form, "suggestion": suggestion, "screening_title": st.SCREENING_TITLE}
    if assessment is not None:
        context.update(_common(request, assessment, current_slug=st.SCREENING))
    context.update(extra)
    return context


def _matter(form) -> dict:
    data = form.cleaned_data
    preparer_user = User.objects.filter(pk=data["preparer"]).first()
    return {
        "title": data["title"],
        "decision_maker": data["decision_maker"],
        "planned_decision_date": data["planned_decision_date"],
        "preparer": preparer_user,
    }


def _screening(form) -> dict:
    skip = ("version", "title", "decision_maker", "planned_decision_date", "preparer")
    return {k: v for k, v in form.cleaned_data.items() if k not in skip}


@preparer
@require_http_methods(["GET", "HEAD", "POST"])
def new(request):
    choices = selectors.preparers()
    data = request.POST if request.method == "POST" else None
    form = MatterForm(
        data, preparers=choices, initial={"version": 0, "preparer": str(request.user.pk)}
    )
    if data is not None and form.is_valid():
        assessment = services.create_assessment(
            user=request.user, matter=_matter(form), screening=_screening(form)
        )
        messages.success(request, _("The screening was saved."))
        return redirect("impact:detail", assessment_id=assessment.pk)
    if data is not None:
        messages.error(request, _("Not saved: correct the marked fields."))
    return render(
        request,
        "impact/screening.html",
        _screening_context(request, form),
        status=400 if data is not None else 200,
    )


@preparer
@require_http_methods(["GET", "HEAD", "POST"])
def screening(request, assessment_id):
    assessment = selectors.assessment(assessment_id)
    saved = (assessment.content or {}).get(st.SCREENING, {})
    initial = {
        **saved,
        "version": assessment.version,
        "title": assessment.title,
        "decision_maker": assessment.decision_maker,
        "planned_decision_date": (
            assessment.planned_decision_date.isoformat() if assessment.planned_decision_date else ""
        ),
        "preparer": str(assessment.preparer_id),
    }
    data = request.POST if request.method == "POST" else None
    choices = selectors.preparers()
    if str(assessment.preparer_id) not in dict(choices):
        choices.append((str(assessment.preparer_id), str(assessment.preparer)))
    form = MatterForm(data, preparers=choices, initial=initial)
    if data is not None:
        response = _save(
            request,
            assessment,
            st.SCREENING,
            valid=form.is_valid(),
            base_version=lambda: form.cleaned_data["version"],
            save_kwargs=lambda: {"fragment": _screening(form), "matter": _matter(form)},
            next_slug="need",
        )
        if not isinstance(response, dict):
            return response
        if "conflict" in response:
            form = MatterForm(
                with_version(data, response["conflict"].current_version),
                preparers=choices,
                initial=initial,
            )
            form.is_valid()
        return render(
            request,
            "impact/screening.html",
            _screening_context(request, form, assessment, **response),
            status=response["status"],
        )
    return render(request, "impact/screening.html", _screening_context(request, form, assessment))


def _save(request, assessment, slug, *, valid, base_version, save_kwargs, next_slug):
    """Save a step; a redirect when saved, else what the page needs to show."""
    if not assessment.editable:
        messages.error(
            request,
            _("A signed-off assessment cannot be changed: reopen it to start a new version."),
        )
        return {"status": 409}
    if not valid:
        messages.error(request, _("Not saved: correct the marked fields."))
        return {"status": 400}
    try:
        assessment, changed = services.save_step(
            user=request.user,
            assessment=assessment,
            step=slug,
            base_version=base_version(),
            **save_kwargs(),
        )
    except ConflictError as error:
        messages.error(
            request,
            _(
                "Not saved: another official saved the assessment after you opened this page. "
                "Their changes are shown below and what you typed is kept. Check it, then save "
                "again."
            ),
        )
        return {"status": 409, "conflict": error}
    except TransitionError as error:
        messages.error(request, str(error))
        return {"status": 409}
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return {"status": 400}
    if changed:
        messages.success(
            request, _("Saved as version %(number)s.") % {"number": assessment.version}
        )
    else:
        messages.info(request, _("Nothing had changed: no new version was made."))
    if "continue" in request.POST and next_slug and assessment.full_assessment_needed:
        return redirect("impact:step", assessment_id=assessment.pk, slug=next_slug)
    if "continue" in request.POST:
        return redirect("impact:detail", assessment_id=assessment.pk)
    if slug == st.SCREENING:
        return redirect("impact:screening", assessment_id=assessment.pk)
    return redirect("impact:step", assessment_id=assessment.pk, slug=slug)


# --- Steps of the full assessment ---------------------------------------------------


@preparer
@require_http_methods(["GET", "HEAD", "POST"])
def step(request, assessment_id, slug):
    assessment = selectors.assessment(assessment_id)
    current_step = st.BY_SLUG.get(slug)
    if current_step is None:
        raise Http404
    if not assessment.full_assessment_needed:
        messages.info(
            request,
            _("The screening did not conclude that a full assessment is needed."),
        )
        return redirect("impact:screening", assessment_id=assessment.pk)
    index = st.STEPS.index(current_step)
    next_slug = st.STEPS[index + 1].slug if index + 1 < len(st.STEPS) else None
    data = request.POST if request.method == "POST" else None
    page = StepPage(current_step, assessment, data)
    extra: dict = {}
    status = 200
    if data is not None:
        response = _save(
            request,
            assessment,
            slug,
            valid=page.is_valid(),
            base_version=lambda: page.base_version,
            save_kwargs=lambda: {"fragment": page.fragment(), **page.link_changes()},
            next_slug=next_slug,
        )
        if not isinstance(response, dict):
            return response
        status = response.pop("status")
        extra = response
        if "conflict" in response:
            assessment.refresh_from_db()
            page = StepPage(
                current_step,
                assessment,
                with_version(data, response["conflict"].current_version),
            )
            page.is_valid()
    return render(
        request,
        "impact/step.html",
        _common(
            request,
            assessment,
            step=current_step,
            page=page,
            current_slug=slug,
            previous_slug=st.STEPS[index - 1].slug if index else st.SCREENING,
            next_slug=next_slug,
            number=index + 1,
            step_count=len(st.STEPS),
            **extra,
        ),
        status=status,
    )


# --- History ------------------------------------------------------------------------


@viewer
@require_safe
def history(request, assessment_id):
    assessment = selectors.assessment(assessment_id)
    versions = selectors.versions(assessment)
    titles = {st.SCREENING: st.SCREENING_TITLE, **{s.slug: s.title for s in st.STEPS}}
    for v in versions:
        v.step_title = titles.get(v.step, v.step)
    form = CompareForm(request.GET or None)
    pair = changes = None
    by_number = {v.number: v for v in versions}
    if form.is_valid():
        a, b = by_number.get(form.cleaned_data["a"]), by_number.get(form.cleaned_data["b"])
        if a is None or b is None:
            form.add_error(None, _("Choose two versions of this assessment."))
        else:
            pair = (a, b)
    elif not request.GET and len(versions) >= 2:
        pair = (versions[-2], versions[-1])
    if pair:
        changes = compare(pair[0].snapshot, pair[1].snapshot)
    return render(
        request,
        "impact/history.html",
        _common(request, assessment, versions=versions, form=form, pair=pair, changes=changes),
        status=400 if request.GET and not form.is_valid() else 200,
    )


# --- Sign-off, publishing, reopening ---------------------------------------------------


@preparer
@require_http_methods(["GET", "HEAD", "POST"])
def sign(request, assessment_id):
    assessment = selectors.assessment(assessment_id)
    data = request.POST if request.method == "POST" else None
    form = SignOffForm(data, initial={"version": assessment.version})
    status = 200
    if data is not None:
        if form.is_valid():
            try:
                services.sign_off(
                    user=request.user,
                    assessment=assessment,
                    version=form.cleaned_data["version"],
                    statement=form.cleaned_data["statement"],
                )
            except (TransitionError, NotAllowedError) as error:
                messages.error(request, str(error))
                status = 409
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                status = 400
            else:
                messages.success(request, _("Signed off: this version is now frozen."))
                return redirect("impact:detail", assessment_id=assessment.pk)
        else:
            status = 400
    current = selectors.current_version(assessment)
    return render(
        request,
        "impact/sign.html",
        _common(
            request,
            assessment,
            form=form,
            current=current,
            doc=document.build(current.snapshot),
            missing=st.missing_for_sign_off(assessment, list(assessment.indicator_links.all())),
            signer_problem=services.signer_problem(request.user, assessment),
        ),
        status=status,
    )


@preparer
@require_http_methods(["GET", "HEAD", "POST"])
def publish(request, assessment_id):
    assessment = selectors.assessment(assessment_id)
    data = request.POST if request.method == "POST" else None
    form = PublishForm(data, initial={"version": assessment.signed_version or 0})
    status = 200
    if data is not None:
        if form.is_valid():
            try:
                services.publish(
                    user=request.user, assessment=assessment, version=form.cleaned_data["version"]
                )
            except (TransitionError, NotAllowedError) as error:
                messages.error(request, str(error))
                status = 409
            else:
                messages.success(request, _("Published."))
                return redirect("impact:public_detail", assessment_id=assessment.pk)
        else:
            status = 400
    return render(
        request,
        "impact/publish.html",
        _common(request, assessment, form=form),
        status=status,
    )


@preparer
@require_POST
def reopen(request, assessment_id):
    assessment = selectors.assessment(assessment_id)
    try:
        services.reopen(user=request.user, assessment=assessment)
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Reopened: the next save starts a new version. The published version stays public."),
        )
    return redirect("impact:detail", assessment_id=assessment.pk)


@viewer
@require_POST
def notice_read(request, notice_id):
    services.mark_notice_read(user=request.user, notice_id=notice_id)
    return redirect("impact:list")


# --- Documents: the public page and the PDFs -------------------------------------------


def _document_context(assessment, shown, *, published: bool) -> dict:
    return {
        "assessment": assessment,
        "shown": shown,
        "doc": document.build(shown.snapshot),
        "published": published,
        "sign_off": shown.sign_offs.select_related("signed_by").first(),
        "publication": shown.publications.first(),
    }


def _pdf_response(request, context) -> HttpResponse:
    html = render_to_string("impact/document.html", {**context, "for_pdf": True}, request=request)
    data = pdf.render_pdf(html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(data, content_type="application/pdf")
    name = slugify(context["doc"]["title"])[:60] or "assessment"
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-v{context["shown"].number}.pdf"'
    )
    return response


@viewer
@require_safe
def draft_pdf(request, assessment_id):
    assessment = selectors.assessment(assessment_id)
    current = selectors.current_version(assessment)
    if current is None:
        raise Http404
    published = assessment.published_version == current.number
    return _pdf_response(request, _document_context(assessment, current, published=published))


@public
@require_safe
def public_list(request):
    return render(
        request,
        "impact/public_list.html",
        {"assessments": selectors.published_assessments()[:500]},
    )


@public
@require_safe
def public_detail(request, assessment_id):
    assessment, shown = selectors.published(assessment_id)
    return render(
        request, "impact/document.html", _document_context(assessment, shown, published=True)
    )


@public
@require_safe
def public_pdf(request, assessment_id):
    assessment, shown = selectors.published(assessment_id)
    return _pdf_response(request, _document_context(assessment, shown, published=True))
