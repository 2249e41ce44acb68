"""May this person's data be disclosed to that organisation now? (703/2023)

One function answers, and every answer is logged. The order of the rules:

1. a statutory right to the information overrides any prohibition; its legal
   basis is logged;
2. the organiser's own service-voucher and purchased-service providers get
   what the service needs, whatever the prohibitions;
3. a disclosure prohibition (per document, service task or organisation)
   refuses;
4. an active consent to the organisation (or its sector) for the data
   allows – one that names the receiving unit, or a role doing client work
   there, for a purpose the unit serves when the unit is known; consents
   recorded without a unit or role and a purpose never count;
5. otherwise the answer is no.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.accounts.models import Sector
from perhekeskus.catalogue.models import Organization
from perhekeskus.families.models import Consent, DisclosureProhibition, ServiceProvision

from . import rules
from .actor import as_actor
from .core import _as_uuid, deny, persons_visible_to
from .log import Action, Basis, Subject, record

# The sector of an organisation that is not a public body.
_SECTOR_OF_KIND = {
    Organization.Kind.NGO: Sector.NGO,
    Organization.Kind.PARISH: Sector.PARISH,
    Organization.Kind.PRIVATE: Sector.PRIVATE,
    Organization.Kind.PEER_GROUP: Sector.NGO,
}


@dataclass(frozen=True)
class DisclosureAnswer:
    allowed: bool
    basis: str
    reference: str
    message: str


def may_disclose(
    actor,
    person_id: uuid.UUID,
    recipient: Organization,
    *,
    data: str = Consent.Data.BASIC,
    service_task: str = "",
    document_ref: str = "",
    statutory_ground: str = "",
    recipient_sector: str = "",
    recipient_unit=None,
    disclose: bool = False,
    request=None,
    now: datetime.datetime | None = None,
) -> DisclosureAnswer:
    """Decide (and with ``disclose=True`` record) a disclosure; log the answer.

    ``recipient_sector`` names the sector of the receiving unit when it is
    known (e.g. a school of a municipality): a consent to that sector then
    counts too. ``recipient_unit`` names the receiving unit when it is known
    (a referral, a contact): the consent must then name that unit, or a role
    doing client work in it, for a purpose the unit serves. Raises
    :class:`NotFound` when the actor may not see the person at all.
    """
    actor = as_actor(actor)
    now = now or timezone.now()
    today = timezone.localdate(now)
    if data not in Consent.DATA_COVERING:
        raise ValueError(f"unknown data scope {data!r}")
    person_id = _as_uuid(person_id)
    if person_id is None or not persons_visible_to(actor, now=now).filter(pk=person_id).exists():
        raise deny(
            actor,
            Subject("disclosure", person_id=person_id),
            action=Action.DISCLOSE,
            request=request,
        )
    answer = _decide(
        actor,
        person_id,
        recipient,
        data,
        service_task,
        document_ref,
        statutory_ground,
        recipient_sector,
        recipient_unit,
        today,
    )
    action = Action.DISCLOSE if disclose and answer.allowed else Action.DISCLOSURE_CHECK
    what = f"{data} data" + (f", document {document_ref}" if document_ref else "")
    with transaction.atomic():
        record(
            actor,
            Subject(what + (f", {service_task}" if service_task else ""), person_id=person_id),
            action=action,
            allowed=answer.allowed,
            basis=answer.basis,
            detail=answer.reference,
            recipient=(recipient.pk, recipient.name),
            request=request,
        )
    return answer


def _decide(
    actor,
    person_id,
    recipient,
    data,
    service_task,
    document_ref,
    statutory_ground,
    recipient_sector,
    recipient_unit,
    today,
) -> DisclosureAnswer:
    prohibitions = DisclosureProhibition.objects.filter(
        person_id=person_id, withdrawn_at__isnull=True, given_on__lte=today
    ).filter(
        Q(scope=DisclosureProhibition.Scope.ORGANIZATION, organization=recipient)
        | (
            Q(scope=DisclosureProhibition.Scope.DOCUMENT, document_ref=document_ref)
            if document_ref
            else Q(pk__in=[])
        )
        | (
            Q(scope=DisclosureProhibition.Scope.SERVICE_TASK, service_task=service_task)
            if service_task
            else Q(pk__in=[])
        )
    )
    prohibited = list(prohibitions.values_list("pk", flat=True))
    overriding = ", overrides prohibition " + ", ".join(map(str, prohibited)) if prohibited else ""

    if statutory_ground:
        grounds = {g.code: g for g in rules.grounds_for(actor.capabilities, reading=False)}
        ground = grounds.get(statutory_ground)
        if ground is None:
            return DisclosureAnswer(
                False,
                Basis.NONE,
                f"ground {statutory_ground} not available",
                str(_("You cannot rely on this statutory ground.")),
            )
        return DisclosureAnswer(
            True,
            Basis.STATUTORY,
            ground.reference + overriding,
            str(
                _("Allowed: a statutory right to the information (%(ref)s).")
                % {"ref": ground.reference}
            ),
        )

    own_provider = (
        ServiceProvision.objects.active(today)
        .filter(organiser_id__in=actor.organization_ids, provider=recipient)
        .exists()
    )
    if own_provider:
        return DisclosureAnswer(
            True,
            Basis.STATUTORY,
            rules.OWN_PROVIDER_REFERENCE + overriding,
            str(
                _(
                    "Allowed: the recipient provides the organiser's own services "
                    "(service voucher or purchased service)."
                )
            ),
        )

    if prohibited:
        return DisclosureAnswer(
            False,
            Basis.NONE,
            "prohibition " + ", ".join(map(str, prohibited)),
            str(_("Refused: the client has prohibited this disclosure.")),
        )

    sectors = {_SECTOR_OF_KIND.get(recipient.kind, ""), recipient_sector} - {""}
    consents = (
        Consent.objects.in_force(today)
        .covering(data)
        .filter(
            Q(recipient_organization=recipient) | Q(recipient_sector__in=sectors),
            person_id=person_id,
        )
        # Consents recorded without a unit or role and a purpose name no one.
        .exclude(purpose_task="")
        .exclude(recipient_unit__isnull=True, recipient_role="")
    )
    if recipient_unit is not None:
        consents = consents.for_unit(recipient_unit, on=today)
    consent = consents.values_list("pk", flat=True).first()
    if consent is not None:
        return DisclosureAnswer(
            True,
            Basis.CONSENT,
            f"consent {consent}",
            str(_("Allowed: the client's consent is in force.")),
        )
    return DisclosureAnswer(
        False,
        Basis.NONE,
        "no consent",
        str(_("Refused: there is no consent in force for this recipient and data.")),
    )
