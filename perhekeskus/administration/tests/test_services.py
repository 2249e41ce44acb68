import datetime
import types
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from perhekeskus.access.actor import actor_for
from perhekeskus.access.masking import contact_of
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.models import Membership, ProtectedAddressGrant, Role, Unit, User
from perhekeskus.accounts.selectors import user_capabilities
from perhekeskus.accounts.tests.factories import enrol_totp
from perhekeskus.administration import selectors, services
from perhekeskus.administration.history import unit_target, user_target
from perhekeskus.core.errors import ConflictError, NotAllowedError, RefusedError

pytestmark = pytest.mark.django_db
R = "Tehtävä vaatii"


def fresh(user):
    user = User.objects.get(pk=user.pk)
    return user


def entries(target):
    return list(AccessLogEntry.objects.filter(target=target).order_by("seq"))


def test_scope_is_the_own_organisation(world):
    assert selectors.administered_organisation_ids(world.admin) == {world.org.pk}
    assert set(selectors.people_of(world.admin)) == {world.admin, world.nurse}
    assert selectors.person_of(world.admin, world.stranger.pk) is None
    assert selectors.unit_of(world.admin, world.other_unit.pk) is None
    assert selectors.membership_of(world.admin, world.stranger_membership.pk) is None
    assert selectors.administered_organisation_ids(world.nurse) == frozenset()


def test_unit_create_edit_deactivate_are_logged(world):
    unit = services.unit_create(
        admin=world.admin,
        organization=world.org,
        names={"fi": "Perheneuvola", "sv": "Familjerådgivningen", "en": ""},
        kind=Unit.Kind.FAMILY_COUNSELLING,
        parent=world.admin_unit,
        reason="Uusi yksikkö",
    )
    assert unit.sector == "social_care" and unit.parent == world.admin_unit
    services.unit_update(
        admin=world.admin,
        unit=unit,
        version=unit.version,
        names={"fi": "Perheneuvola 2", "sv": "", "en": ""},
        kind=unit.kind,
        sector="",
        parent=None,
        municipality=None,
        reason="Nimi muuttui",
    )
    with pytest.raises(ConflictError):
        services.unit_update(
            admin=world.admin,
            unit=unit,
            version=1,
            names={"fi": "X"},
            kind=unit.kind,
            sector="",
            parent=None,
            municipality=None,
            reason="Vanha versio",
        )
    services.unit_set_active(
        admin=world.admin, unit=unit, active=False, version=None, reason="Lakkautettu"
    )
    assert not Unit.objects.get(pk=unit.pk).is_active
    logged = entries(unit_target(unit.pk))
    assert [e.reason for e in logged] == ["Uusi yksikkö", "Nimi muuttui", "Lakkautettu"]
    assert all(e.actor_id == world.admin.pk and e.action == "write" for e in logged)
    history = selectors.history_of_unit(unit)
    assert "Perheneuvola" in history[-1].what and str(unit.pk) not in history[-1].what


def test_a_unit_of_another_organisation_is_refused(world):
    with pytest.raises(NotAllowedError):
        services.unit_create(
            admin=world.admin,
            organization=world.other_org,
            names={"fi": "X"},
            kind="family_centre",
            reason=R,
        )
    with pytest.raises(NotAllowedError):
        services.unit_set_active(
            admin=world.admin, unit=world.other_unit, active=False, version=None, reason=R
        )
    with pytest.raises(ValidationError):
        services.unit_create(
            admin=world.admin,
            organization=world.org,
            names={"fi": "X"},
            kind="family_centre",
            parent=world.other_unit,
            reason=R,
        )


def test_every_change_needs_a_reason(world):
    with pytest.raises(ValidationError):
        services.person_set_active(admin=world.admin, person=world.nurse, active=False, reason=" ")
    assert fresh(world.nurse).is_active


def test_person_create_with_a_first_membership(world):
    person = services.person_create(
        admin=world.admin,
        username="Uusi.Hoitaja",
        first_name="Uusi",
        last_name="Hoitaja",
        email="uusi@example.fi",
        unit=world.clinic,
        role=Role.PUBLIC_HEALTH_NURSE,
        reason="Aloittaa maanantaina",
    )
    assert person.username == "uusi.hoitaja" and not person.has_usable_password()
    assert Capability.CLIENT_WORK in user_capabilities(fresh(person))
    events = [e.basis_detail for e in entries(user_target(person.pk))]
    assert '"event":"person_create"' in events[0] and '"event":"membership_add"' in events[1]
    with pytest.raises(ValidationError):
        services.person_create(
            admin=world.admin,
            username="uusi.hoitaja",
            first_name="A",
            last_name="B",
            email="",
            unit=world.clinic,
            role=Role.PUBLIC_HEALTH_NURSE,
            reason=R,
        )
    with pytest.raises(NotAllowedError):
        services.person_create(
            admin=world.admin,
            username="x",
            first_name="A",
            last_name="B",
            email="",
            unit=world.other_unit,
            role=Role.SOCIAL_WORKER,
            reason=R,
        )


def test_membership_add_role_change_and_end(world):
    m = services.membership_add(
        admin=world.admin,
        person=world.nurse,
        unit=world.admin_unit,
        role=Role.ANALYST,
        valid_from=timezone.localdate() - datetime.timedelta(days=10),
        reason="Sijaisuus",
    )
    assert Capability.VIEW_STATISTICS in user_capabilities(fresh(world.nurse))
    m = services.membership_update(
        admin=world.admin,
        membership=m,
        version=m.version,
        role=Role.MANAGER,
        title="Esihenkilö",
        valid_from=m.valid_from,
        valid_until=None,
        reason="Roolin muutos",
    )
    assert Capability.SUPERVISE_CASEWORK in user_capabilities(fresh(world.nurse))
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        services.membership_end(
            admin=world.admin,
            membership=m,
            version=m.version,
            last_day=m.valid_from - datetime.timedelta(days=1),
            reason=R,
        )
    services.membership_end(
        admin=world.admin, membership=m, version=m.version, last_day=yesterday, reason="Päättyi"
    )
    assert Capability.SUPERVISE_CASEWORK not in user_capabilities(fresh(world.nurse))
    history = selectors.history_of_person(world.nurse)
    assert [h.reason for h in history][:3] == ["Päättyi", "Roolin muutos", "Sijaisuus"]
    assert all(str(world.admin_unit.pk) not in h.what for h in history)
    assert len(entries(unit_target(world.admin_unit.pk))) == 3
    with pytest.raises(NotAllowedError):
        services.membership_end(
            admin=world.admin,
            membership=world.stranger_membership,
            version=None,
            last_day=timezone.localdate(),
            reason=R,
        )


def _protected_person():
    return types.SimpleNamespace(
        pk=uuid.uuid4(),
        security_prohibition=True,
        phone="",
        email="",
        street_address="Salainen katu 1",
        postal_code="00500",
        post_office="Helsinki",
        municipality_id=None,
        municipality=None,
    )


def test_protected_address_grant_revoke_and_expiry_govern_masking(world):
    person = _protected_person()
    assert contact_of(actor_for(fresh(world.nurse)), person).address_withheld
    grant = services.protected_address_grant(
        admin=world.admin, membership=world.nurse_membership, reason="Perhetyö turvakieltoperheissä"
    )
    assert grant.granted_by == world.admin
    nurse = fresh(world.nurse)
    assert not contact_of(actor_for(nurse), person).address_withheld
    assert Membership.objects.get(pk=world.nurse_membership.pk).protected_address_right
    services.protected_address_revoke(
        admin=world.admin, grant=grant, version=grant.version, reason="Tehtävä päättyi"
    )
    assert contact_of(actor_for(fresh(world.nurse)), person).address_withheld
    with pytest.raises(RefusedError):
        services.protected_address_revoke(admin=world.admin, grant=grant, version=None, reason=R)
    # A grant that ended yesterday no longer gives the right; one that
    # starts tomorrow does not yet.
    today = timezone.localdate()
    ProtectedAddressGrant.objects.create(
        membership=world.nurse_membership,
        reason=R,
        valid_from=today - datetime.timedelta(days=10),
        valid_until=today - datetime.timedelta(days=1),
    )
    ProtectedAddressGrant.objects.create(
        membership=world.nurse_membership, reason=R, valid_from=today + datetime.timedelta(days=1)
    )
    assert contact_of(actor_for(fresh(world.nurse)), person).address_withheld
    assert Capability.VIEW_PROTECTED_ADDRESS in user_capabilities(
        fresh(world.nurse), on=today + datetime.timedelta(days=1)
    )
    # The reason is required; another organisation's membership is refused.
    with pytest.raises(ValidationError):
        services.protected_address_grant(
            admin=world.admin, membership=world.nurse_membership, reason=""
        )
    with pytest.raises(NotAllowedError):
        services.protected_address_grant(
            admin=world.admin, membership=world.stranger_membership, reason=R
        )
    events = [e.basis_detail for e in entries(user_target(world.nurse.pk))]
    assert any("grant_add" in e for e in events) and any("grant_revoke" in e for e in events)


def test_the_right_ends_with_the_membership(world):
    services.protected_address_grant(admin=world.admin, membership=world.nurse_membership, reason=R)
    services.membership_end(
        admin=world.admin,
        membership=world.nurse_membership,
        version=None,
        last_day=timezone.localdate() - datetime.timedelta(days=1),
        reason=R,
    )
    assert Capability.VIEW_PROTECTED_ADDRESS not in user_capabilities(fresh(world.nurse))


def test_second_factor_reset_removes_the_authenticator(world):
    from allauth.mfa.models import Authenticator

    enrol_totp(world.nurse)
    assert selectors.sign_in_methods(world.nurse).authenticator
    services.second_factor_reset(admin=world.admin, person=world.nurse, reason="Puhelin vaihtui")
    assert not Authenticator.objects.filter(user=world.nurse).exists()
    methods = selectors.sign_in_methods(world.nurse)
    assert not methods.authenticator and methods.password
    assert "second_factor_reset" in entries(user_target(world.nurse.pk))[-1].basis_detail
    with pytest.raises(NotAllowedError):
        services.second_factor_reset(admin=world.admin, person=world.stranger, reason=R)
    with pytest.raises(RefusedError):
        services.second_factor_reset(admin=world.admin, person=world.admin, reason=R)


def test_password_reset_link_is_sent(world, rf, mailoutbox):
    from django.contrib.sessions.middleware import SessionMiddleware

    request = rf.post("/")
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = world.admin
    services.password_reset_send(
        admin=world.admin, person=world.nurse, reason="Unohti", request=request
    )
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [world.nurse.email]


def test_deactivate_and_reactivate(world):
    services.person_set_active(admin=world.admin, person=world.nurse, active=False, reason="Lähti")
    assert not fresh(world.nurse).is_active
    assert user_capabilities(fresh(world.nurse)) == frozenset()
    services.person_set_active(admin=world.admin, person=world.nurse, active=True, reason="Palasi")
    assert Capability.CLIENT_WORK in user_capabilities(fresh(world.nurse))
    with pytest.raises(NotAllowedError):
        services.person_set_active(admin=world.admin, person=world.stranger, active=False, reason=R)
    with pytest.raises(RefusedError):
        services.person_set_active(admin=world.admin, person=world.admin, active=False, reason=R)


def test_no_one_who_signed_in_or_read_anything_can_be_deleted(world):
    mistake = services.person_create(
        admin=world.admin,
        username="vahinko",
        first_name="Väärä",
        last_name="Henkilö",
        email="",
        unit=world.clinic,
        role=Role.FAMILY_WORKER,
        reason="Luotiin",
    )
    assert selectors.deletion_refusal(mistake) == ""
    # Someone who has signed in.
    world.nurse.last_login = timezone.now()
    world.nurse.save()
    assert selectors.deletion_refusal(world.nurse)
    with pytest.raises(RefusedError):
        services.person_delete(admin=world.admin, person=world.nurse, reason=R)
    # Someone who never signed in but appears in the access log as an actor.
    reader = services.person_create(
        admin=world.admin,
        username="lukija",
        first_name="Luki",
        last_name="Jotain",
        email="",
        unit=world.clinic,
        role=Role.FAMILY_WORKER,
        reason="Luotiin",
    )
    from perhekeskus.access.log import Action, Subject, record

    record(actor_for(fresh(reader)), Subject("family", family_id=uuid.uuid4()), action=Action.READ)
    assert selectors.deletion_refusal(reader)
    with pytest.raises(RefusedError):
        services.person_delete(admin=world.admin, person=reader, reason=R)
    # Someone a record refers to (here: a grant they made).
    assert selectors.deletion_refusal(world.admin)
    # The mistake goes, and the deletion stays in the log.
    services.person_delete(admin=world.admin, person=mistake, reason="Luotu vahingossa")
    assert not User.objects.filter(pk=mistake.pk).exists()
    assert "person_delete" in entries(user_target(mistake.pk))[-1].basis_detail
