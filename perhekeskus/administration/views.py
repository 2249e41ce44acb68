"""Administration pages: an organisation's units and people (thin views).

Every page needs ``ADMINISTER_USERS``; every record is looked up within the
administrator's own organisations (the selectors), so a record of another
organisation answers 404 and a write on it changes nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.models import Unit
from perhekeskus.accounts.policies import requires_capability
from perhekeskus.core.errors import NotAllowedError, RefusedError

from . import forms, selectors, services

administrator = requires_capability(Capability.ADMINISTER_USERS)


def _found(record):
    if record is None:
        raise Http404
    return record


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def _run(request, form, action, *, done: str, success: str):
    """Run a service with the valid form; messages for refusals, no 500."""
    try:
        action()
    except NotAllowedError:
        raise Http404 from None
    except ValidationError as error:
        _apply_errors(form, error)
    except RefusedError as error:
        form.add_error(None, str(error))
    else:
        messages.success(request, success)
        return redirect(done)
    return None


def _form_page(request, form, *, title: str, back: str, intro: str = "", button: str = ""):
    return render(
        request,
        "administration/form.html",
        {
            "form": form,
            "title": title,
            "back": back,
            "intro": intro,
            "button": button or _("Save"),
        },
        status=400 if request.method == "POST" else 200,
    )


# --- Overview and units --------------------------------------------------------------


@administrator
@require_safe
def home(request):
    return render(
        request,
        "administration/home.html",
        {
            "organisations": selectors.administered_organisations(request.user),
            "tree": selectors.unit_tree(request.user),
        },
    )


@administrator
@require_safe
def unit_detail(request, unit_id):
    unit = _found(selectors.unit_of(request.user, unit_id))
    memberships = unit.memberships.select_related("user").order_by(
        "user__last_name", "user__first_name", "-valid_from"
    )
    today = timezone.localdate()
    return render(
        request,
        "administration/unit.html",
        {
            "unit": unit,
            "memberships": [(m, m.is_active_on(today)) for m in memberships],
            "history": selectors.history_of_unit(unit),
        },
    )


@administrator
@require_http_methods(["GET", "POST"])
def unit_new(request):
    admin = request.user
    form = forms.UnitForm(
        request.POST or None,
        organisations=selectors.administered_organisations(admin),
        units=selectors.units_of(admin),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = {}

        def action():
            created["unit"] = services.unit_create(
                admin=admin,
                organization=data["organization"],
                names=form.names(),
                kind=data["kind"],
                sector=data["sector"],
                parent=data["parent"],
                municipality=data["municipality"],
                reason=data["reason"],
                request=request,
            )

        try:
            action()
        except ValidationError as error:
            _apply_errors(form, error)
        except RefusedError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The unit was created."))
            return redirect("administration:unit", unit_id=created["unit"].pk)
    return _form_page(request, form, title=_("New unit"), back="administration:home")


@administrator
@require_http_methods(["GET", "POST"])
def unit_edit(request, unit_id):
    admin = request.user
    unit = _found(selectors.unit_of(admin, unit_id))
    initial = {
        "name_fi": unit.name_fi,
        "name_sv": unit.name_sv,
        "name_en": unit.name_en,
        "kind": unit.kind,
        "sector": unit.sector,
        "parent": unit.parent_id,
        "municipality": unit.municipality_id,
        "version": unit.version,
    }
    form = forms.UnitForm(
        request.POST or None,
        initial=initial,
        organisations=selectors.administered_organisations(admin),
        units=selectors.units_of(admin).filter(organization_id=unit.organization_id),
        editing=unit,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _run(
            request,
            form,
            lambda: services.unit_update(
                admin=admin,
                unit=unit,
                version=data["version"],
                names=form.names(),
                kind=data["kind"],
                sector=data["sector"],
                parent=data["parent"],
                municipality=data["municipality"],
                reason=data["reason"],
                request=request,
            ),
            done=unit_url(unit),
            success=_("The unit was saved."),
        )
        if done:
            return done
    return _form_page(
        request, form, title=_("Edit unit: %(unit)s") % {"unit": unit.name}, back=unit_url(unit)
    )


def unit_url(unit: Unit) -> str:
    from django.urls import reverse

    return reverse("administration:unit", kwargs={"unit_id": unit.pk})


def _unit_active(request, unit_id, *, active: bool):
    admin = request.user
    unit = _found(selectors.unit_of(admin, unit_id))
    form = forms.VersionedReasonForm(request.POST or None, initial={"version": unit.version})
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            form,
            lambda: services.unit_set_active(
                admin=admin,
                unit=unit,
                active=active,
                version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
                request=request,
            ),
            done=unit_url(unit),
            success=_("The unit was reactivated.") if active else _("The unit was deactivated."),
        )
        if done:
            return done
    if active:
        title = _("Reactivate unit: %(unit)s") % {"unit": unit.name}
        intro = _("Memberships in force in the unit give their rights again.")
    else:
        title = _("Deactivate unit: %(unit)s") % {"unit": unit.name}
        intro = _(
            "Memberships in the unit stop giving any rights. Units are never deleted: "
            "memberships and client records refer to them."
        )
    return _form_page(request, form, title=title, back=unit_url(unit), intro=intro, button=title)


@administrator
@require_http_methods(["GET", "POST"])
def unit_deactivate(request, unit_id):
    return _unit_active(request, unit_id, active=False)


@administrator
@require_http_methods(["GET", "POST"])
def unit_reactivate(request, unit_id):
    return _unit_active(request, unit_id, active=True)


# --- People -------------------------------------------------------------------------------


def person_url(person) -> str:
    from django.urls import reverse

    return reverse("administration:person", kwargs={"user_id": person.pk})


@administrator
@require_safe
def people(request):
    query = request.GET.get("q", "")[:100]
    found = selectors.people_of(request.user, query=query)
    return render(
        request,
        "administration/people.html",
        {"people": found[:200], "count": found.count(), "query": query},
    )


@administrator
@require_safe
def person_detail(request, user_id):
    admin = request.user
    person = _found(selectors.person_of(admin, user_id))
    return render(
        request,
        "administration/person.html",
        {
            "person": person,
            "is_self": person.pk == admin.pk,
            "memberships": selectors.memberships_of(admin, person),
            "methods": selectors.sign_in_methods(person),
            "deletion_refusal": selectors.deletion_refusal(person),
            "history": selectors.history_of_person(person),
        },
    )


@administrator
@require_http_methods(["GET", "POST"])
def person_new(request):
    admin = request.user
    form = forms.PersonCreateForm(
        request.POST or None,
        units=selectors.units_of(admin).filter(is_active=True),
        initial={"valid_from": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = {}

        def action():
            created["person"] = services.person_create(
                admin=admin,
                username=data["username"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                unit=data["unit"],
                role=data["role"],
                title=data["title"],
                valid_from=data["valid_from"],
                valid_until=data["valid_until"],
                reason=data["reason"],
                request=request,
            )

        try:
            action()
        except ValidationError as error:
            _apply_errors(form, error)
        except RefusedError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The person was added."))
            return redirect(person_url(created["person"]))
    return _form_page(
        request,
        form,
        title=_("New professional"),
        back="administration:people",
        intro=_(
            "The account has no password: send the person a password reset link, or they "
            "sign in through the organisation's identity provider. Two-step verification is "
            "set up at the first sign-in."
        ),
    )


@administrator
@require_http_methods(["GET", "POST"])
def person_edit(request, user_id):
    admin = request.user
    person = _found(selectors.person_of(admin, user_id))
    form = forms.PersonForm(
        request.POST or None,
        initial={
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _run(
            request,
            form,
            lambda: services.person_update(
                admin=admin,
                person=person,
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                reason=data["reason"],
                request=request,
            ),
            done=person_url(person),
            success=_("The details were saved."),
        )
        if done:
            return done
    return _form_page(
        request,
        form,
        title=_("Edit name and e-mail: %(person)s") % _names(person),
        back=person_url(person),
    )


def _names(person) -> dict:
    return {"person": person.get_full_name() or person.get_username()}


# Simple actions on a person: (service, title, intro, success).
PERSON_ACTIONS = {
    "deactivate": (
        lambda admin, person, reason, request: services.person_set_active(
            admin=admin, person=person, active=False, reason=reason, request=request
        ),
        _("Deactivate account: %(person)s"),
        _(
            "The person can no longer sign in and their sessions end. Memberships stop "
            "giving rights. The history and the log are kept."
        ),
        _("The account was deactivated."),
    ),
    "reactivate": (
        lambda admin, person, reason, request: services.person_set_active(
            admin=admin, person=person, active=True, reason=reason, request=request
        ),
        _("Reactivate account: %(person)s"),
        _("The person can sign in again; memberships in force give their rights again."),
        _("The account was reactivated."),
    ),
    "reset_second_factor": (
        lambda admin, person, reason, request: services.second_factor_reset(
            admin=admin, person=person, reason=reason, request=request
        ),
        _("Reset two-step verification: %(person)s"),
        _(
            "The person's authenticator app and recovery codes are removed and their "
            "sessions end. At the next sign-in they must set up two-step verification again."
        ),
        _("Two-step verification was reset."),
    ),
    "password_reset": (
        lambda admin, person, reason, request: services.password_reset_send(
            admin=admin, person=person, reason=reason, request=request
        ),
        _("Send a password reset link: %(person)s"),
        _("A link to set a new password is sent to the person's e-mail address."),
        _("The password reset link was sent."),
    ),
    "delete": (
        lambda admin, person, reason, request: services.person_delete(
            admin=admin, person=person, reason=reason, request=request
        ),
        _("Delete account created by mistake: %(person)s"),
        _(
            "Only an account that has never signed in and never been used can be deleted. "
            "The deletion is kept in the log."
        ),
        _("The account was deleted."),
    ),
}


def _person_action(request, user_id, name: str):
    admin = request.user
    person = _found(selectors.person_of(admin, user_id))
    service, title, intro, success = PERSON_ACTIONS[name]
    form = forms.ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            form,
            lambda: service(admin, person, form.cleaned_data["reason"], request),
            done="administration:people" if name == "delete" else person_url(person),
            success=str(success),
        )
        if done:
            return done
    title = str(title) % _names(person)
    return _form_page(
        request, form, title=title, back=person_url(person), intro=str(intro), button=title
    )


def _action_view(name: str):
    @administrator
    @require_http_methods(["GET", "POST"])
    def view(request, user_id):
        return _person_action(request, user_id, name)

    view.__name__ = f"person_{name}"
    return view


person_deactivate = _action_view("deactivate")
person_reactivate = _action_view("reactivate")
person_reset_second_factor = _action_view("reset_second_factor")
person_password_reset = _action_view("password_reset")
person_delete = _action_view("delete")


# --- Memberships and the protected-address right ----------------------------------------


@administrator
@require_http_methods(["GET", "POST"])
def membership_new(request, user_id):
    admin = request.user
    person = _found(selectors.person_of(admin, user_id))
    form = forms.MembershipAddForm(
        request.POST or None,
        units=selectors.units_of(admin).filter(is_active=True),
        initial={"valid_from": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _run(
            request,
            form,
            lambda: services.membership_add(
                admin=admin,
                person=person,
                unit=data["unit"],
                role=data["role"],
                title=data["title"],
                valid_from=data["valid_from"],
                valid_until=data["valid_until"],
                reason=data["reason"],
                request=request,
            ),
            done=person_url(person),
            success=_("The membership was added."),
        )
        if done:
            return done
    return _form_page(
        request,
        form,
        title=_("Add a membership: %(person)s") % _names(person),
        back=person_url(person),
    )


@administrator
@require_http_methods(["GET", "POST"])
def membership_edit(request, membership_id):
    admin = request.user
    membership = _found(selectors.membership_of(admin, membership_id))
    form = forms.MembershipEditForm(
        request.POST or None,
        initial={
            "role": membership.role,
            "title": membership.title,
            "valid_from": membership.valid_from,
            "valid_until": membership.valid_until,
            "version": membership.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _run(
            request,
            form,
            lambda: services.membership_update(
                admin=admin,
                membership=membership,
                version=data["version"],
                role=data["role"],
                title=data["title"],
                valid_from=data["valid_from"],
                valid_until=data["valid_until"],
                reason=data["reason"],
                request=request,
            ),
            done=person_url(membership.user),
            success=_("The membership was saved."),
        )
        if done:
            return done
    return _form_page(
        request,
        form,
        title=_("Change the membership: %(person)s, %(unit)s")
        % {**_names(membership.user), "unit": membership.unit.name},
        back=person_url(membership.user),
    )


@administrator
@require_http_methods(["GET", "POST"])
def membership_end(request, membership_id):
    admin = request.user
    membership = _found(selectors.membership_of(admin, membership_id))
    form = forms.MembershipEndForm(
        request.POST or None,
        initial={"last_day": timezone.localdate(), "version": membership.version},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _run(
            request,
            form,
            lambda: services.membership_end(
                admin=admin,
                membership=membership,
                version=data["version"],
                last_day=data["last_day"],
                reason=data["reason"],
                request=request,
            ),
            done=person_url(membership.user),
            success=_("The membership ends on the day given."),
        )
        if done:
            return done
    title = _("End the membership: %(person)s, %(unit)s") % {
        **_names(membership.user),
        "unit": membership.unit.name,
    }
    return _form_page(request, form, title=title, back=person_url(membership.user), button=title)


@administrator
@require_http_methods(["GET", "POST"])
def grant_new(request, membership_id):
    admin = request.user
    membership = _found(selectors.membership_of(admin, membership_id))
    form = forms.GrantForm(request.POST or None, initial={"valid_from": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _run(
            request,
            form,
            lambda: services.protected_address_grant(
                admin=admin,
                membership=membership,
                valid_from=data["valid_from"],
                valid_until=data["valid_until"],
                reason=data["reason"],
                request=request,
            ),
            done=person_url(membership.user),
            success=_("The right was granted."),
        )
        if done:
            return done
    return _form_page(
        request,
        form,
        title=_("Grant the right to see protected addresses: %(person)s, %(unit)s")
        % {**_names(membership.user), "unit": membership.unit.name},
        back=person_url(membership.user),
        intro=_(
            "Addresses under a security prohibition (turvakielto) are shown only to people "
            "whose task requires it. The right is granted by name, never by role."
        ),
    )


@administrator
@require_http_methods(["GET", "POST"])
def grant_revoke(request, grant_id):
    admin = request.user
    grant = _found(selectors.grant_of(admin, grant_id))
    person = grant.membership.user
    form = forms.VersionedReasonForm(request.POST or None, initial={"version": grant.version})
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            form,
            lambda: services.protected_address_revoke(
                admin=admin,
                grant=grant,
                version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
                request=request,
            ),
            done=person_url(person),
            success=_("The right was revoked."),
        )
        if done:
            return done
    title = _("Revoke the right to see protected addresses: %(person)s") % _names(person)
    return _form_page(request, form, title=title, back=person_url(person), button=title)
