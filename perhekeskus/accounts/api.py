"""``/api/v1/accounts/me``: who the caller is and what their roles allow."""

from __future__ import annotations

import datetime
import uuid

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from perhekeskus.core.errors import ErrorOut
from perhekeskus.web.access import ACCESS_POLICY_ATTR, SIGNED_IN

from . import selectors, services
from .api_auth import BearerToken
from .models import ApiToken

router = Router(tags=["accounts"], auth=BearerToken())


class MembershipOut(Schema):
    unit_id: uuid.UUID
    unit: str
    organization_id: uuid.UUID
    organization: str
    sector: str
    role: str
    valid_from: datetime.date
    valid_until: datetime.date | None


class MeOut(Schema):
    id: uuid.UUID
    username: str
    name: str
    kind: str
    memberships: list[MembershipOut]
    capabilities: list[str]


@router.get("/me", response={200: MeOut, 401: ErrorOut, 403: ErrorOut}, summary="The caller")
def me(request):
    user = request.auth
    memberships = [
        MembershipOut(
            unit_id=m.unit_id,
            unit=m.unit.name,
            organization_id=m.unit.organization_id,
            organization=m.unit.organization.name,
            sector=m.unit.sector,
            role=m.role,
            valid_from=m.valid_from,
            valid_until=m.valid_until,
        )
        for m in selectors.active_memberships(user)
    ]
    return MeOut(
        id=user.pk,
        username=user.username,
        name=user.get_full_name(),
        kind=user.kind,
        memberships=memberships,
        capabilities=sorted(str(c) for c in selectors.user_capabilities(user)),
    )


@router.delete(
    "/tokens/{token_id}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Revoke one of the caller's tokens",
)
def revoke_token(request, token_id: uuid.UUID):
    try:
        services.api_token_revoke(user=request.auth, token_id=token_id)
    except ApiToken.DoesNotExist:
        raise HttpError(404, _("No such token.")) from None
    return 204, None


# The caller's own data only; BearerToken decides who the caller is.
for _operation in (me, revoke_token):
    setattr(_operation, ACCESS_POLICY_ATTR, SIGNED_IN)
