"""Pages of case work: the family's one door, the contact queue and the matter.

The ask-for-help form and its receipt are public (no personal data of anyone
else is shown: the receipt shows only what its sender wrote, only to the
browser that sent it or the citizen who did). Every professional's page
passes the ``client_data`` policy and reads through
:mod:`perhekeskus.casework.selectors`, which log each read.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from perhekeskus.access import (
    NotFound,
    access_family,
    actor_for,
    families_visible_to,
    log_listing,
    log_persons_shown,
)
from perhekeskus.access.log import Action
from perhekeskus.access.policies import client_data
from perhekeskus.access.table import Act, Kind
from perhekeskus.accounts.capabilities import Capability, capabilities_of_membership
from perhekeskus.accounts.models import Membership, Unit
from perhekeskus.catalogue.models import Service
from perhekeskus.families import duplicates
from perhekeskus.families import selectors as family_selectors
from perhekeskus.families import services as family_services
from perhekeskus.families.forms import NewClientForm
from perhekeskus.families.models import FamilyMembership
from perhekeskus.families.rules import DuplicateCheckPurpose
from perhekeskus.web.access import public

from . import access, limits, selectors, services
from .forms import (
    AnswerForm,
    AskForHelpForm,
    CloseForm,
    FamilySearchForm,
    OnBehalfForm,
    OpenMatterForm,
    TeamMemberForm,
    TransferForm,
    UnreachableForm,
    WorkerForm,
    add_errors,
    municipalities_with_a_family_centre,
)
from .models import Contact, Matter, TeamMember
from .panels import panels_for

# How many receipts one browser session remembers.
RECEIPTS_KEPT = 20
SUGGESTED_SERVICES_SHOWN = 30


# --- The family's one door -------------------------------------------------


@public
@require_http_methods(["GET", "HEAD", "POST"])
def ask_for_help(request):
    actor = actor_for(request.user)
    citizen = request.user if getattr(request.user, "is_citizen", False) else None
    service = selectors.service_asked_about(
        request.POST.get("service") or request.GET.get("service")
    )
    initial = {"preferred_language": (get_language() or "fi")[:2]}
    if service is not None:
        initial["service"] = service.pk
        area = municipalities_with_a_family_centre().filter(services=service).first()
        if area is not None:
            initial["municipality"] = area.pk
    form = AskForHelpForm(request.POST or None, initial=initial, signed_in=citizen is not None)
    refusal = None
    if request.method == "POST" and form.is_valid():
        # Counted only when the form is valid (and given back when the
        # service refuses): a family correcting its mistakes is never
        # refused for them.
        taken = limits.take_contact(request)
        refusal = taken.refusal
    if request.method == "POST" and form.is_valid() and refusal is None:
        data = form.cleaned_data
        try:
            contact = services.contact_submit(
                actor=citizen,
                municipality=data["municipality"],
                situation=data["situation"],
                life_situations=data["life_situations"],
                child_age=data["child_age"],
                preferred_language=data["preferred_language"],
                contact_way=data["contact_way"],
                name=data["name"],
                phone=data["phone"],
                email=data["email"],
                service=service,
            )
        except ValidationError as error:
            taken.give_back()
            add_errors(form, error)
        else:
            kept = request.session.get(selectors.RECEIPT_SESSION_KEY, [])
            request.session[selectors.RECEIPT_SESSION_KEY] = [*kept, contact.reference][
                -RECEIPTS_KEPT:
            ]
            return redirect("casework:receipt", reference=contact.reference)
    response = render(
        request,
        "casework/ask.html",
        {
            "form": form,
            "service": service,
            "signed_in": citizen is not None,
            "professional": actor.is_professional,
            "refused": limits.refusal_message(refusal) if refusal else "",
        },
        status=429 if refusal else 200,
    )
    if refusal:
        response["Retry-After"] = str(refusal.retry_after)
    if request.method == "POST":
        # The form as typed holds the sender's contact details.
        add_never_cache_headers(response)
    return response


@public
@never_cache
@require_safe
def receipt(request, reference):
    contact = selectors.receipt_contact(request, reference)
    if contact is None:
        raise Http404
    return render(request, "casework/receipt.html", {"contact": contact})


# --- Contacting on a family's behalf ---------------------------------------


def _own_units(actor):
    return list(Unit.objects.filter(pk__in=actor.unit_ids).order_by("name"))


@client_data
@require_http_methods(["GET", "HEAD", "POST"])
def on_behalf(request):
    actor = request.actor
    if not actor.can(Capability.CLIENT_WORK):
        raise PermissionDenied
    units = _own_units(actor)
    form = OnBehalfForm(
        request.POST or None,
        units=units,
        initial={"preferred_language": (get_language() or "fi")[:2]},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = None
        if data["identity_code"]:
            person = (
                family_selectors.persons_visible_to(actor)
                .filter(identity_code=data["identity_code"])
                .first()
            )
            if person is None:
                form.add_error("identity_code", _("No person you may see has this identity code."))
        if form.is_valid():
            try:
                contact = services.contact_submit_on_behalf(
                    actor=actor,
                    referrer_unit=next(u for u in units if str(u.pk) == data["referrer_unit"]),
                    municipality=data["municipality"],
                    situation=data["situation"],
                    basis=data["basis"],
                    contact_way=data["contact_way"],
                    person=person,
                    life_situations=data["life_situations"],
                    child_age=data["child_age"],
                    preferred_language=data["preferred_language"],
                    name=data["name"],
                    phone=data["phone"],
                    email=data["email"],
                    request=request,
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "The contact %(reference)s was sent to %(unit)s. The family centre "
                        "contacts the family by %(date)s."
                    )
                    % {
                        "reference": contact.reference,
                        "unit": contact.unit.name,
                        "date": formats.date_format(contact.answer_due_by, "SHORT_DATE_FORMAT"),
                    },
                )
                return redirect("casework:on_behalf")
    return render(
        request,
        "casework/on_behalf.html",
        {"form": form, "sent": selectors.my_contacts(actor)[:20]},
    )


# --- The contact queue and triage ------------------------------------------


@client_data
@require_safe
def queue(request):
    contacts = list(selectors.contact_queue(request.actor).prefetch_related("life_situations"))
    return render(
        request,
        "casework/queue.html",
        {"contacts": contacts, "today": timezone.localdate()},
    )


def _suggestable_services(contact: Contact):
    worries = [term.pk for term in contact.life_situations.all()]
    services_ = Service.objects.filter(status=Service.Status.ACTIVE)
    if contact.municipality_id:
        services_ = services_.filter(Q(areas=contact.municipality_id) | Q(national=True))
    if worries:
        services_ = services_.filter(life_situations__in=worries)
    if contact.service_id:
        services_ = services_ | Service.objects.filter(pk=contact.service_id)
    # The first ones by name; a form's queryset must stay unsliced to validate.
    shown = list(
        services_.distinct()
        .order_by("name")
        .values_list("pk", flat=True)[:SUGGESTED_SERVICES_SHOWN]
    )
    return Service.objects.filter(pk__in=shown).select_related("organization").order_by("name")


def _workers(organization_id):
    """Professionals of the organisation doing client work, for choosing a worker."""
    memberships = (
        Membership.objects.active()
        .filter(unit__organization_id=organization_id)
        .select_related("user", "unit")
        .order_by("user__last_name", "user__first_name", "unit__name")
    )
    seen, workers = set(), []
    for m in memberships:
        capabilities = capabilities_of_membership(m.role, m.protected_address_right)
        if Capability.CLIENT_WORK in capabilities and m.user_id not in seen:
            seen.add(m.user_id)
            name = m.user.get_full_name() or m.user.get_username()
            workers.append((m.user, f"{name} – {m.get_role_display()}, {m.unit.name}"))
    return workers


def _contact_page(request, contact: Contact, *, status=200, **forms):
    actor = request.actor
    units = _own_units(actor)
    decision = contact.access
    may_work = decision.allows(Kind.CONTACT, Act.WRITE)
    context = {
        "contact": contact,
        "may_take": decision.allows(Kind.CONTACT, Act.TAKE),
        "may_work": may_work,
    }
    refused = forms.get("answer_form")
    if refused is not None and contact.state != Contact.State.TAKEN:
        context["refused_answer"] = refused
    if contact.state == Contact.State.TAKEN and may_work:
        search = forms.pop("search", None) or FamilySearchForm(request.GET or None)
        found_families = []
        if search.is_valid() and search.cleaned_data["q"]:
            persons = list(family_selectors.search_persons(actor, search.cleaned_data["q"]))
            log_persons_shown(actor, persons, request=request, detail="contact triage search")
            found_families = list(
                families_visible_to(actor)
                .filter(
                    pk__in=FamilyMembership.objects.active()
                    .filter(person__in=[p.pk for p in persons])
                    .values("family_id")
                )
                .order_by("name")
            )
            log_listing(actor, found_families, request=request)
            context["searched"] = True
        context.update(
            search=search,
            found_families=found_families,
            new_family=forms.pop("new_family", None) or NewClientForm(units=units, prefix="family"),
            answer_form=forms.pop("answer_form", None)
            or AnswerForm(services=_suggestable_services(contact), prefix="answer"),
            unreachable_form=forms.pop("unreachable_form", None)
            or UnreachableForm(prefix="unreachable"),
            duplicates=forms.pop("duplicates", None),
            may_already_exist=family_services.MAY_ALREADY_EXIST,
        )
        if contact.family_id:
            organization_id = units[0].organization_id if units else None
            context["matter_form"] = forms.pop("matter_form", None) or OpenMatterForm(
                units=units, workers=_workers(organization_id), prefix="matter"
            )
    context["matters"] = list(contact.matters.filter(unit_id__in=actor.unit_ids))
    return render(request, "casework/contact.html", context, status=status)


@client_data
@require_safe
def contact_detail(request, contact_id):
    contact = selectors.access_contact(request.actor, contact_id, request=request)
    return _contact_page(request, contact)


def _contact_step(request, contact_id, act: Act):
    """The contact, when the user's part allows ``act`` on it (404 when they
    may not read it at all, a 403 that says why when they may read it only)."""
    contact = selectors.access_contact(request.actor, contact_id, request=request)
    access.require_contact(request.actor, contact, act, request=request)
    return request.actor, contact


def _refused(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)


@client_data
@require_POST
def contact_take(request, contact_id):
    actor, contact = _contact_step(request, contact_id, Act.TAKE)
    try:
        services.contact_take(actor=actor, contact=contact)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("You took the contact."))
    return redirect("casework:contact", contact_id=contact.pk)


@client_data
@require_POST
def contact_answer(request, contact_id):
    actor, contact = _contact_step(request, contact_id, Act.WRITE)
    form = AnswerForm(request.POST, services=_suggestable_services(contact), prefix="answer")
    if form.is_valid():
        try:
            services.contact_answer(
                actor=actor,
                contact=contact,
                answer=form.cleaned_data["answer"],
                suggested_services=form.cleaned_data["suggested_services"],
            )
        except ValidationError as error:
            add_errors(form, error)
            # Answered by someone else meanwhile: show theirs, and keep what was typed.
            contact.refresh_from_db()
        else:
            messages.success(request, _("The answer was recorded."))
            return redirect("casework:contact", contact_id=contact.pk)
    return _contact_page(request, contact, answer_form=form)


@client_data
@require_POST
def contact_unreachable(request, contact_id):
    actor, contact = _contact_step(request, contact_id, Act.CLOSE)
    form = UnreachableForm(request.POST, prefix="unreachable")
    if form.is_valid():
        try:
            services.contact_close_unreachable(
                actor=actor, contact=contact, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The contact was closed."))
            return redirect("casework:contact", contact_id=contact.pk)
    return _contact_page(request, contact, unreachable_form=form)


@client_data
@require_POST
def contact_link(request, contact_id):
    actor, contact = _contact_step(request, contact_id, Act.WRITE)
    family = access_family(actor, request.POST.get("family"), request=request)
    try:
        services.contact_link_family(actor=actor, contact=contact, family=family)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The family was linked to the contact."))
    return redirect("casework:contact", contact_id=contact.pk)


@client_data
@require_POST
def contact_new_family(request, contact_id):
    """Save the contact's family after the register's search (one step):
    the search's limit, log and answer are the families register's own
    (:mod:`perhekeskus.families.duplicates`)."""
    actor, contact = _contact_step(request, contact_id, Act.WRITE)
    units = _own_units(actor)
    form = NewClientForm(request.POST, units=units, prefix="family")
    answer = None
    status = 200
    if form.is_valid():
        data = form.cleaned_data
        # The contact is why the register is searched.
        purpose = (
            DuplicateCheckPurpose.REFERRAL
            if contact.channel == Contact.Channel.ON_BEHALF
            else DuplicateCheckPurpose.NEW_CONTACT
        )
        try:
            person_data = family_services.clean_person_data(
                {
                    "first_names": data["first_names"],
                    "last_name": data["last_name"],
                    "identity_code": data["identity_code"],
                    "date_of_birth": data["date_of_birth"],
                }
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if duplicates.search(actor, person_data, purpose=purpose, request=request) is None:
                form.add_error(None, duplicates.over_the_limit())
                status = 429
            else:
                try:
                    # Both steps or neither: a family whose linking is refused is not kept.
                    with transaction.atomic():
                        created = family_services.client_family_create(
                            actor=actor,
                            unit=next(u for u in units if str(u.pk) == data["unit"]),
                            service_task=data["service_task"],
                            role=data["role"],
                            person_data=person_data,
                            confirm_not_duplicate=data["confirm_not_duplicate"],
                        )
                        services.contact_link_family(
                            actor=actor, contact=contact, family=created.family
                        )
                except family_services.DuplicatePerson as duplicate:
                    answer = duplicates.answer(
                        actor, duplicate.check, refused_exact=duplicate.exact
                    )
                    form.add_error(None, _("Nothing was saved."))
                except ValidationError as error:
                    add_errors(form, error)
                else:
                    messages.success(request, _("The client family was saved and linked."))
                    return redirect("casework:contact", contact_id=contact.pk)
    return _contact_page(request, contact, status=status, new_family=form, duplicates=answer)


@client_data
@require_POST
def contact_open_matter(request, contact_id):
    actor, contact = _contact_step(request, contact_id, Act.WRITE)
    if contact.family_id is None:
        messages.error(request, _("Find or create the family first."))
        return redirect("casework:contact", contact_id=contact.pk)
    units = _own_units(actor)
    workers = _workers(units[0].organization_id if units else None)
    form = OpenMatterForm(request.POST, units=units, workers=workers, prefix="matter")
    if form.is_valid():
        data = form.cleaned_data
        family = access_family(actor, contact.family_id, action=Action.WRITE, request=request)
        worker = next((u for u, _label in workers if str(u.pk) == data["responsible_worker"]), None)
        try:
            matter = services.matter_open(
                actor=actor,
                contact=contact,
                family=family,
                unit=next(u for u in units if str(u.pk) == data["unit"]),
                service_task=data["service_task"],
                special_support=data["special_support"],
                urgent=data["urgent"],
                responsible_worker=worker,
            )
        except ValidationError as error:
            add_errors(form, error)
            # Nothing of the refused step is kept (the page's transaction).
        else:
            messages.success(request, _("The matter was opened."))
            return redirect("casework:matter", matter_id=matter.pk)
    return _contact_page(request, contact, matter_form=form)


# --- Matters -----------------------------------------------------------------


@client_data
@require_safe
def matter_list(request):
    actor = request.actor
    matters = list(
        selectors.matters_visible_to(actor)
        .filter(state=Matter.State.OPEN)
        .select_related("family", "unit")
        .prefetch_related("workers__user")
        .order_by("assessment_start_due", "pending_at")[:200]
    )
    log_listing(
        actor,
        families_visible_to(actor, among={m.family_id for m in matters}),
        request=request,
    )
    return render(request, "casework/matters.html", {"matters": matters})


def _team_choices():
    memberships = (
        Membership.objects.active()
        .select_related("user", "unit")
        .order_by("unit__name", "user__last_name", "user__first_name")[:1000]
    )
    choices = []
    for m in memberships:
        if Capability.CLIENT_WORK in capabilities_of_membership(m.role, m.protected_address_right):
            name = m.user.get_full_name() or m.user.get_username()
            choices.append((m, f"{name} – {m.get_role_display()}, {m.unit.name}"))
    return choices


def _matter_page(request, matter: Matter, *, status=200, **forms):
    actor = request.actor
    scope = matter.scope
    manage = services.may_manage(actor, matter) and matter.is_open
    may_close = services.may_manage(actor, matter, Act.CLOSE) and matter.is_open
    context = {
        "matter": matter,
        "scope": scope,
        "scope_label": TeamMember.Scope(scope).label,
        "may_manage": manage,
        "may_close": may_close,
        "sees_family": matter.family.access.allows(Kind.REGISTER, Act.READ),
        "may_transfer": matter.is_open and services.may_transfer(actor, matter),
        "transfers": list(matter.transfers.all()),
        "sees_assessment": selectors.scope_allows(scope, TeamMember.Scope.ASSESSMENT_AND_PLAN),
        "sees_all": selectors.scope_allows(scope, TeamMember.Scope.FULL),
        "workers": list(matter.workers.all()),
        "team": [m for m in matter.team.all() if m.removed_at is None],
        "former_team": [m for m in matter.team.all() if m.removed_at is not None],
        "panels": panels_for(request, matter, scope),
    }
    if manage:
        context.update(
            worker_form=forms.pop("worker_form", None)
            or WorkerForm(
                workers=_workers(matter.unit.organization_id),
                prefix="worker",
                initial={
                    "replaces": matter.responsible_worker.pk if matter.responsible_worker else ""
                },
            ),
            team_form=forms.pop("team_form", None)
            or TeamMemberForm(memberships=_team_choices(), prefix="team"),
        )
    if may_close:
        context["close_form"] = forms.pop("close_form", None) or CloseForm(prefix="close")
    return render(request, "casework/matter.html", context, status=status)


@client_data
@require_safe
def matter_detail(request, matter_id):
    matter = selectors.access_matter(request.actor, matter_id, request=request)
    return _matter_page(request, matter)


def _managed_matter(request, matter_id, act: Act = Act.WRITE) -> Matter:
    """The matter, when the user's part in it allows ``act`` (else 403, logged)."""
    matter = selectors.access_matter(request.actor, matter_id, request=request)
    services.require_on_matter(request.actor, matter, act, request=request)
    return matter


@client_data
@require_POST
def matter_worker(request, matter_id):
    matter = _managed_matter(request, matter_id)
    workers = _workers(matter.unit.organization_id)
    form = WorkerForm(request.POST, workers=workers, prefix="worker")
    if form.is_valid():
        user = next(u for u, _label in workers if str(u.pk) == form.cleaned_data["user"])
        try:
            services.worker_assign(
                actor=request.actor,
                matter=matter,
                user=user,
                reason=form.cleaned_data["reason"],
                replaces=form.cleaned_data["replaces"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The responsible worker was named."))
            return redirect("casework:matter", matter_id=matter.pk)
    return _matter_page(request, matter, worker_form=form)


@client_data
@require_POST
def matter_team_add(request, matter_id):
    matter = _managed_matter(request, matter_id)
    choices = _team_choices()
    form = TeamMemberForm(request.POST, memberships=choices, prefix="team")
    if form.is_valid():
        data = form.cleaned_data
        membership = next(m for m, _label in choices if str(m.pk) == data["membership"])
        try:
            services.team_add(
                actor=request.actor,
                matter=matter,
                user=membership.user,
                unit=membership.unit,
                role_in_family=data["role_in_family"],
                scope=data["scope"],
                basis=data["basis"],
                statutory_ground=data["statutory_ground"],
                request=request,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The professional was added to the team."))
            return redirect("casework:matter", matter_id=matter.pk)
    return _matter_page(request, matter, team_form=form)


@client_data
@require_POST
def matter_team_remove(request, matter_id, member_id):
    matter = _managed_matter(request, matter_id)
    member = next((m for m in matter.team.all() if m.pk == member_id), None)
    if member is None:
        raise NotFound
    try:
        services.team_remove(actor=request.actor, member=member)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The member was removed from the team."))
    return redirect("casework:matter", matter_id=matter.pk)


@client_data
@require_POST
def matter_close(request, matter_id):
    matter = _managed_matter(request, matter_id, Act.CLOSE)
    form = CloseForm(request.POST, prefix="close")
    if form.is_valid():
        try:
            services.matter_close(
                actor=request.actor,
                matter=matter,
                reason=form.cleaned_data["reason"],
                summary=form.cleaned_data["summary"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The matter was closed. Nothing was deleted."))
            return redirect("casework:matter", matter_id=matter.pk)
    return _matter_page(request, matter, close_form=form)


def _transfer_form(matter: Matter, data=None) -> TransferForm:
    current = matter.responsible_worker
    keep = (
        _("Keep %(name)s") % {"name": current.get_full_name() or current.get_username()}
        if current is not None
        else _("Name later")
    )
    return TransferForm(
        data,
        units=list(services.transfer_units(matter)),
        workers=_workers(matter.unit.organization_id),
        keep_label=keep,
        prefix="transfer",
    )


@client_data
@require_http_methods(["GET", "HEAD", "POST"])
def matter_transfer(request, matter_id):
    """Hand the matter over to another unit: its responsible worker or those
    who run it in its unit; anyone else is refused (403, logged)."""
    actor = request.actor
    matter = selectors.access_matter(actor, matter_id, request=request)
    if not matter.is_open or not services.may_transfer(actor, matter):
        raise PermissionDenied
    form = _transfer_form(matter, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        to_unit = next(u for u in services.transfer_units(matter) if str(u.pk) == data["to_unit"])
        worker = next(
            (
                u
                for u, _label in _workers(matter.unit.organization_id)
                if str(u.pk) == data["responsible_worker"]
            ),
            None,
        )
        try:
            services.matter_transfer(
                actor=actor,
                matter=matter,
                to_unit=to_unit,
                reason=data["reason"],
                responsible_worker=worker,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("The matter was transferred to %(unit)s.") % {"unit": to_unit.name},
            )
            matter.refresh_from_db()
            if selectors.team_scope_of(actor, matter) is not None:
                return redirect("casework:matter", matter_id=matter.pk)
            messages.info(
                request,
                _("You no longer work on it, so it is no longer on your list."),
            )
            return redirect("casework:matters")
    return render(request, "casework/transfer.html", {"matter": matter, "form": form})
