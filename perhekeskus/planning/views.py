"""Pages of the assessment and the plan (professionals) and the family's plan.

Every professional's page passes the ``client_data`` policy and fetches the
matter with ``access_matter`` (logged); the selectors then check the team
member's scope and log the read of the assessment or the plan. The family's
page passes ``own_data``. Refused steps re-render the page with the reason
and what was typed; a save that would overwrite someone else's is refused
with their changes shown (409).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from perhekeskus.access import NotFound
from perhekeskus.access.policies import client_data, own_data
from perhekeskus.casework.models import Matter
from perhekeskus.casework.selectors import access_matter
from perhekeskus.core.errors import ConflictError, RefusedError
from perhekeskus.referrals.selectors import referrals_of_matter

from . import diff, forms, selectors, services
from .models import PlanAction, SectionKind

# The parts of the assessment edited at ``…/assessment/part/<kind>/``.
PART_KINDS = {
    "mine": SectionKind.PROFESSIONAL,
    "parents": SectionKind.PARENTS,
    "strengths": SectionKind.STRENGTHS,
    "worries": SectionKind.WORRIES,
    "conclusion": SectionKind.CONCLUSION,
}
GET_POST = ["GET", "HEAD", "POST"]


def _matter(request, matter_id) -> Matter:
    return access_matter(request.actor, matter_id, request=request)


def _refused(request, error) -> None:
    for message in getattr(error, "messages", None) or [str(error)]:
        messages.error(request, message)


def _form_errors(form, error) -> None:
    for message in getattr(error, "messages", None) or [str(error)]:
        form.add_error(None, message)


def _with_version(data, name: str, value: int):
    """The posted data with the hidden version moved to ``value`` (after a conflict)."""
    data = data.copy()
    data[name] = str(value)
    return data


# --- Assessment ----------------------------------------------------------------


def _deadline_status(matter: Matter, assessment, today) -> dict:
    started = assessment is not None
    completed = started and assessment.state == assessment.State.COMPLETED
    start_due, complete_due = matter.assessment_start_due, matter.assessment_complete_due
    return {
        "start_due": start_due,
        "complete_due": complete_due,
        "start_late": not started and start_due is not None and today > start_due,
        "complete_late": started
        and not completed
        and complete_due is not None
        and today > complete_due,
        "statutory": matter.deadline_statutory,
        "source": matter.deadline_source,
    }


def _assessment_page(request, matter, *, status=200, **extra):
    assessment = selectors.assessment_of(request.actor, matter, request=request)
    today = timezone.localdate()
    is_worker = matter.responsible_worker == request.user
    context = {
        "matter": matter,
        "assessment": assessment,
        "parts": selectors.parts_of(assessment),
        "children": selectors.children_of(matter, today=today),
        "deadlines": _deadline_status(matter, assessment, today),
        "editable": matter.is_open
        and assessment is not None
        and assessment.state == assessment.State.IN_PROGRESS,
        "is_worker": is_worker,
        "start_form": forms.ReasonForm(prefix="start"),
        "complete_form": forms.ReasonForm(prefix="complete"),
        "cosign_form": forms.CosignForm(
            initial={"revision": assessment.revision if assessment else 0}
        ),
        "may_edit_plan": selectors.may_edit_plan(request.actor, matter),
        **extra,
    }
    if assessment is not None:
        own = [p for p in context["parts"].professionals if p.author_id == request.user.pk]
        context["own_section"] = own[0] if own else None
        context["child_sections"] = {s.child_id: s for s in context["parts"].children}
    return render(request, "planning/assessment.html", context, status=status)


@client_data
@require_safe
def assessment(request, matter_id):
    return _assessment_page(request, _matter(request, matter_id))


@client_data
@require_POST
def assessment_start(request, matter_id):
    matter = _matter(request, matter_id)
    form = forms.ReasonForm(request.POST, prefix="start")
    if form.is_valid():
        try:
            services.assessment_start(
                actor=request.actor,
                matter=matter,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except ValidationError as error:
            _form_errors(form, error)
        except RefusedError as error:
            _refused(request, error)
            return redirect("planning:assessment", matter_id=matter.pk)
        else:
            messages.success(request, _("The assessment was started."))
            return redirect("planning:assessment", matter_id=matter.pk)
    return _assessment_page(request, matter, start_form=form, status=400)


@client_data
@require_POST
def assessment_complete(request, matter_id):
    matter = _matter(request, matter_id)
    current = selectors.assessment_of(request.actor, matter, request=request)
    form = forms.ReasonForm(request.POST, prefix="complete")
    if current is None:
        raise NotFound
    if form.is_valid():
        try:
            services.assessment_complete(
                actor=request.actor,
                assessment=current,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except ValidationError as error:
            _form_errors(form, error)
        except RefusedError as error:
            _refused(request, error)
            return redirect("planning:assessment", matter_id=matter.pk)
        else:
            messages.success(request, _("The assessment was completed."))
            return redirect("planning:assessment", matter_id=matter.pk)
    return _assessment_page(request, matter, complete_form=form, status=400)


@client_data
@require_POST
def assessment_cosign(request, matter_id):
    matter = _matter(request, matter_id)
    current = selectors.assessment_of(request.actor, matter, request=request)
    if current is None:
        raise NotFound
    form = forms.CosignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Reload the page and co-sign again."))
        return redirect("planning:assessment", matter_id=matter.pk)
    try:
        services.assessment_cosign(
            actor=request.actor,
            assessment=current,
            expected_revision=form.cleaned_data["revision"],
            request=request,
        )
    except ConflictError as error:
        messages.error(request, str(error))
        return _assessment_page(request, matter, conflict=error.changes, status=409)
    except RefusedError as error:
        _refused(request, error)
    else:
        messages.success(request, _("You co-signed the assessment."))
    return redirect("planning:assessment", matter_id=matter.pk)


def _section_edit(request, matter, kind, *, child=None):
    current = selectors.assessment_of(request.actor, matter, request=request)
    if current is None:
        messages.error(request, _("Start the assessment first."))
        return redirect("planning:assessment", matter_id=matter.pk)
    sections = list(current.sections.all())
    if kind == SectionKind.PROFESSIONAL:
        section = next(
            (s for s in sections if s.kind == kind and s.author_id == request.user.pk), None
        )
    elif kind == SectionKind.CHILD:
        section = next((s for s in sections if s.kind == kind and s.child_id == child.pk), None)
    else:
        section = next((s for s in sections if s.kind == kind), None)
    form_class = forms.ChildViewForm if kind == SectionKind.CHILD else forms.SectionForm
    initial = {
        "version": section.version if section else 0,
        "text": section.text if section else "",
    }
    if kind == SectionKind.CHILD:
        initial.update(
            child_age=section.child_age if section else child.age_on(timezone.localdate()),
            gathered_how=section.gathered_how if section else "",
            gathered_note=section.gathered_note if section else "",
            own_words=section.own_words if section else False,
        )
    form = form_class(request.POST or None, initial=initial)
    conflict = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved = services.section_save(
                    actor=request.actor,
                    assessment=current,
                    kind=kind,
                    text=data["text"],
                    expected_version=data["version"],
                    child=child,
                    child_age=data.get("child_age"),
                    gathered_how=data.get("gathered_how", ""),
                    gathered_note=data.get("gathered_note", ""),
                    own_words=data.get("own_words", False),
                    request=request,
                )
            except ConflictError as error:
                conflict = error.changes
                status = 409
                now = current.sections.filter(pk=section.pk).first() if section else None
                if now is None:
                    now = (
                        current.sections.filter(kind=kind)
                        .filter(
                            **(
                                {"author": request.user}
                                if kind == SectionKind.PROFESSIONAL
                                else {"child": child}
                                if kind == SectionKind.CHILD
                                else {}
                            )
                        )
                        .first()
                    )
                form = form_class(
                    _with_version(request.POST, "version", now.version if now else 0),
                    initial=initial,
                )
                form.is_valid()
                messages.error(request, str(error))
            except ValidationError as error:
                _form_errors(form, error)
            except RefusedError as error:
                _refused(request, error)
                return redirect("planning:assessment", matter_id=matter.pk)
            else:
                messages.success(
                    request,
                    # The earlier text is spoken of only when there was one.
                    _("Saved. The earlier text is kept as a version.")
                    if saved.version > 1
                    else _("Saved."),
                )
                return redirect("planning:assessment", matter_id=matter.pk)
    title = (
        _("The child's own view: %(name)s") % {"name": child.first_names}
        if child is not None
        else SectionKind(kind).label[:1].upper() + SectionKind(kind).label[1:]
    )
    return render(
        request,
        "planning/section_edit.html",
        {
            "matter": matter,
            "assessment": current,
            "section": section,
            "kind": kind,
            "child": child,
            "form": form,
            "title": title,
            "conflict": conflict,
            "signed": current.is_signed,
        },
        status=status,
    )


@client_data
@require_http_methods(GET_POST)
def section_edit(request, matter_id, part):
    matter = _matter(request, matter_id)
    if part not in PART_KINDS:
        raise NotFound
    return _section_edit(request, matter, PART_KINDS[part])


@client_data
@require_http_methods(GET_POST)
def child_view_edit(request, matter_id, child_id):
    matter = _matter(request, matter_id)
    child = next((c for c in selectors.children_of(matter) if c.pk == child_id), None)
    if child is None:
        raise NotFound
    return _section_edit(request, matter, SectionKind.CHILD, child=child)


@client_data
@require_safe
def assessment_history(request, matter_id):
    matter = _matter(request, matter_id)
    current = selectors.assessment_of(request.actor, matter, request=request)
    versions = list(selectors.section_versions(current)) if current else []
    for version in versions:
        version.label = services.section_label(version.section)
    form = forms.CompareForm(request.GET or None)
    pair = None
    status = 200
    if form.is_valid():
        by_id = {v.pk: v for v in versions}
        a, b = by_id.get(form.cleaned_data["a"]), by_id.get(form.cleaned_data["b"])
        if a is None or b is None or a.section_id != b.section_id:
            form.add_error(None, _("Choose two versions of the same part."))
            status = 400
        else:
            pair = (a, b) if a.number <= b.number else (b, a)
    elif request.GET:
        status = 400
    elif versions:
        latest = versions[0]
        earlier = next(
            (v for v in versions if v.section_id == latest.section_id and v.number < latest.number),
            None,
        )
        pair = (earlier, latest)
    changes = (
        diff.section_changes(pair[1].label, pair[0].content if pair[0] else None, pair[1].content)
        if pair
        else None
    )
    return render(
        request,
        "planning/assessment_history.html",
        {
            "matter": matter,
            "assessment": current,
            "versions": versions,
            "signatures": list(current.signatures.select_related("signed_by")) if current else [],
            "form": form,
            "pair": pair,
            "changes": changes,
        },
        status=status,
    )


# --- Plan ------------------------------------------------------------------------


def _plan_page(request, matter, *, status=200, **extra):
    plan = selectors.plan_of(request.actor, matter, request=request)
    may_see_assessment = selectors.may_see_assessment(request.actor, matter)
    # Every child member now, also one added to the family after the plan began.
    children = selectors.children_of(matter)
    views = {}
    if may_see_assessment and children:
        assessment = selectors.assessment_of(request.actor, matter, request=request)
        views = {s.child_id: s for s in selectors.parts_of(assessment).children}
    child_parts, family_goals = selectors.child_parts(plan, children, views)
    context = {
        "matter": matter,
        "plan": plan,
        "may_edit": matter.is_open and selectors.may_edit_plan(request.actor, matter),
        "may_act": matter.is_open,
        "agree_form": forms.AgreeForm(initial={"version": plan.version if plan else 0}),
        "comment_form": forms.CommentForm(),
        "not_delivered_form": forms.NotDeliveredForm(),
        "may_see_assessment": may_see_assessment,
        "children": children,
        "child_parts": child_parts,
        "family_goals": family_goals,
        **extra,
    }
    return render(request, "planning/plan.html", context, status=status)


@client_data
@require_safe
def plan(request, matter_id):
    return _plan_page(request, _matter(request, matter_id))


def _plan_edit_forms(request, matter, plan, data=None):
    goals = list(plan.goals.all()) if plan else []
    actions = list(plan.actions.all()) if plan else []
    open_actions = [a for a in actions if a.state in PlanAction.OPEN_STATES]
    chosen = {a.service_id for a in actions if a.service_id}
    if data is not None:
        for key, value in data.items():
            if key.startswith("actions-") and key.endswith("-service") and value:
                try:
                    chosen.add(forms.forms.UUIDField().clean(value))
                except ValidationError:
                    continue
    query = (request.GET.get("service_q") or "").strip()[:100]
    team = [w.user for w in matter.workers.all() if w.ends_at is None] + [
        m.user for m in matter.team.all() if m.removed_at is None
    ]
    unique_team = list({u.pk: u for u in team}.values())
    action_kwargs = {
        "goals": goals,
        "services": forms.catalogue_services(
            municipality_id=matter.unit.municipality_id, chosen=chosen, query=query
        ),
        "methods": forms.active_methods(),
        "team": unique_team,
        "referrals": list(referrals_of_matter(matter)),
    }
    plan_form = forms.PlanForm(
        data,
        initial={
            "version": plan.version if plan else 0,
            "review_on": plan.review_on if plan else None,
        },
    )
    children = selectors.children_of(matter)
    initial = [
        {"id": g.pk, "text": g.text, "said_by": g.said_by, "child": str(g.child_id or "")}
        for g in goals
    ]
    # "Add a goal for <child>": a new goal row with the child already chosen
    # (kept as the row's starting point when the form is sent).
    wanted = request.GET.get("child")
    if wanted and any(str(c.pk) == wanted for c in children):
        initial.append({"child": wanted})
    goal_forms = forms.GoalFormSet(
        data,
        prefix="goals",
        initial=initial,
        form_kwargs={"children": children},
    )
    action_forms = forms.ActionFormSet(
        data,
        prefix="actions",
        form_kwargs=action_kwargs,
        initial=[
            {
                "id": a.pk,
                "kind": a.kind,
                "goal": str(a.goal_id) if a.goal_id else "",
                "service": str(a.service_id) if a.service_id else "",
                "method": a.method.code if a.method_id else "",
                "appointment_count": a.appointment_count,
                "receiver": a.receiver,
                "referral": str(a.referral_id) if a.referral_id else "",
                "description": a.description,
                "responsible": a.responsible,
                "responsible_user": str(a.responsible_user_id) if a.responsible_user_id else "",
                "responsible_note": a.responsible_note,
                "starts_on": a.starts_on,
                "ends_on": a.ends_on,
                "schedule": a.schedule,
                "follow_up": a.follow_up,
            }
            for a in open_actions
        ],
    )
    finished = [a for a in actions if a.state not in PlanAction.OPEN_STATES]
    return plan_form, goal_forms, action_forms, finished, query


@client_data
@require_http_methods(GET_POST)
def plan_edit(request, matter_id):
    matter = _matter(request, matter_id)
    current = selectors.plan_of(request.actor, matter, request=request)
    if not (matter.is_open and selectors.may_edit_plan(request.actor, matter)):
        raise NotFound
    data = request.POST if request.method == "POST" else None
    plan_form, goal_forms, action_forms, finished, query = _plan_edit_forms(
        request, matter, current, data
    )
    conflict = None
    status = 200
    if data is not None:
        status = 400
        valid = all([plan_form.is_valid(), goal_forms.is_valid(), action_forms.is_valid()])
        if valid:
            try:
                saved = services.plan_save(
                    actor=request.actor,
                    matter=matter,
                    expected_version=plan_form.cleaned_data["version"],
                    review_on=plan_form.cleaned_data["review_on"],
                    goals=goal_forms.items(),
                    actions=[
                        {**row, "appointment_count": row.get("appointment_count")}
                        for row in action_forms.items()
                    ],
                    request=request,
                )
            except ConflictError as error:
                conflict = error.changes
                status = 409
                messages.error(request, str(error))
                latest = selectors.plan_of(request.actor, matter, request=request)
                plan_form = forms.PlanForm(
                    _with_version(data, "version", latest.version if latest else 0)
                )
                plan_form.is_valid()
            except ValidationError as error:
                _form_errors(plan_form, error)
            except RefusedError as error:
                _refused(request, error)
                return redirect("planning:plan", matter_id=matter.pk)
            else:
                messages.success(
                    request,
                    _("The plan was saved as version %(n)d.") % {"n": saved.version},
                )
                return redirect("planning:plan", matter_id=matter.pk)
        else:
            messages.error(request, _("The plan was not saved: correct the marked fields."))
    return render(
        request,
        "planning/plan_edit.html",
        {
            "matter": matter,
            "plan": current,
            "plan_form": plan_form,
            "goal_forms": goal_forms,
            "action_forms": action_forms,
            "finished": finished,
            "conflict": conflict,
            "service_q": query,
        },
        status=status,
    )


@client_data
@require_POST
def plan_agree(request, matter_id):
    matter = _matter(request, matter_id)
    current = selectors.plan_of(request.actor, matter, request=request)
    form = forms.AgreeForm(request.POST)
    if current is None or not form.is_valid():
        messages.error(request, _("Save the plan first, then agree it with the family."))
        return redirect("planning:plan", matter_id=matter.pk)
    try:
        services.plan_agree(
            actor=request.actor,
            plan=current,
            expected_version=form.cleaned_data["version"],
            note=form.cleaned_data["note"],
            request=request,
        )
    except ConflictError as error:
        messages.error(request, str(error))
        return _plan_page(request, matter, conflict=error.changes, status=409)
    except (RefusedError, ValidationError) as error:
        _refused(request, error)
    else:
        messages.success(request, _("The plan was agreed with the family."))
    return redirect("planning:plan", matter_id=matter.pk)


@client_data
@require_http_methods(GET_POST)
def plan_not_needed(request, matter_id):
    matter = _matter(request, matter_id)
    current = selectors.plan_of(request.actor, matter, request=request)
    if not (matter.is_open and selectors.may_edit_plan(request.actor, matter)):
        raise NotFound
    form = forms.NotNeededForm(
        request.POST or None, initial={"version": current.version if current else 0}
    )
    status = 200
    conflict = None
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.plan_not_needed(
                    actor=request.actor,
                    matter=matter,
                    reason=form.cleaned_data["reason"],
                    expected_version=form.cleaned_data["version"],
                    request=request,
                )
            except ConflictError as error:
                conflict, status = error.changes, 409
                latest = selectors.plan_of(request.actor, matter, request=request)
                form = forms.NotNeededForm(
                    _with_version(request.POST, "version", latest.version if latest else 0)
                )
                form.is_valid()
                messages.error(request, str(error))
            except ValidationError as error:
                _form_errors(form, error)
            except RefusedError as error:
                _refused(request, error)
                return redirect("planning:plan", matter_id=matter.pk)
            else:
                messages.success(request, _("It was recorded that no plan is needed."))
                return redirect("planning:plan", matter_id=matter.pk)
    return render(
        request,
        "planning/plan_not_needed.html",
        {"matter": matter, "plan": current, "form": form, "conflict": conflict},
        status=status,
    )


ACTION_STEPS = {"start", "deliver", "not-delivered"}


@client_data
@require_POST
def action_step(request, matter_id, action_id, step):
    matter = _matter(request, matter_id)
    if step not in ACTION_STEPS:
        raise NotFound
    item = selectors.plan_actions_of(request.actor, matter).filter(pk=action_id).first()
    if item is None:
        raise NotFound
    try:
        if step == "start":
            services.action_start(actor=request.actor, action=item, request=request)
            messages.success(request, _("The action is under way."))
        elif step == "deliver":
            services.action_deliver(actor=request.actor, action=item, request=request)
            messages.success(request, _("The action was recorded as delivered."))
        else:
            form = forms.NotDeliveredForm(request.POST)
            if not form.is_valid():
                return _plan_page(
                    request, matter, not_delivered_form=form, failed_action=item.pk, status=400
                )
            services.action_not_delivered(
                actor=request.actor,
                action=item,
                reason=form.cleaned_data["reason"],
                request=request,
            )
            messages.success(request, _("The action was recorded as not delivered."))
    except (RefusedError, ValidationError) as error:
        _refused(request, error)
    return redirect("planning:plan", matter_id=matter.pk)


@client_data
@require_POST
def plan_reply(request, matter_id):
    matter = _matter(request, matter_id)
    current = selectors.plan_of(request.actor, matter, request=request)
    if current is None:
        raise NotFound
    form = forms.CommentForm(request.POST)
    if form.is_valid():
        try:
            services.plan_comment(actor=request.actor, plan=current, text=form.cleaned_data["text"])
        except ValidationError as error:
            _form_errors(form, error)
        except RefusedError as error:
            _refused(request, error)
            return redirect("planning:plan", matter_id=matter.pk)
        else:
            messages.success(request, _("Your comment was added."))
            return redirect("planning:plan", matter_id=matter.pk)
    return _plan_page(request, matter, comment_form=form, status=400)


@client_data
@require_safe
def plan_history(request, matter_id):
    matter = _matter(request, matter_id)
    current = selectors.plan_of(request.actor, matter, request=request)
    versions = list(selectors.plan_versions(current)) if current else []
    form = forms.CompareForm(request.GET or None)
    pair = None
    status = 200
    if form.is_valid():
        by_number = {v.number: v for v in versions}
        a, b = by_number.get(form.cleaned_data["a"]), by_number.get(form.cleaned_data["b"])
        if a is None or b is None:
            form.add_error(None, _("Choose two versions of this plan."))
            status = 400
        else:
            pair = (a, b) if a.number <= b.number else (b, a)
    elif request.GET:
        status = 400
    elif len(versions) >= 2:
        pair = (versions[-2], versions[-1])
    return render(
        request,
        "planning/plan_history.html",
        {
            "matter": matter,
            "plan": current,
            "versions": versions,
            "form": form,
            "pair": pair,
            "changes": diff.plan_changes(pair[0].snapshot, pair[1].snapshot) if pair else None,
        },
        status=status,
    )


# --- The family's own view -------------------------------------------------------


def _my_plan_page(request, *, status=200, forms_by_plan=None):
    plans = selectors.plan_for_citizen(request.actor, request=request)
    forms_by_plan = forms_by_plan or {}
    for item in plans:
        item.comment_form = forms_by_plan.get(item.pk) or forms.CommentForm(
            auto_id=f"id_{item.pk}_%s"
        )
    return render(request, "planning/my_plan.html", {"plans": plans}, status=status)


@own_data
@require_safe
def my_plan(request):
    return _my_plan_page(request)


@own_data
@require_POST
def my_plan_comment(request, plan_id):
    current = selectors.citizen_plan(request.actor, plan_id, request=request)
    form = forms.CommentForm(request.POST, auto_id=f"id_{current.pk}_%s")
    if form.is_valid():
        try:
            services.plan_comment(actor=request.actor, plan=current, text=form.cleaned_data["text"])
        except ValidationError as error:
            _form_errors(form, error)
        except RefusedError as error:
            _refused(request, error)
            return redirect("planning:my_plan")
        else:
            messages.success(request, _("Thank you. Your comment was sent to your team."))
            return redirect("planning:my_plan")
    return _my_plan_page(request, status=400, forms_by_plan={current.pk: form})
