"""The REST API, version 1 (``/api/v1/``)."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from perhekeskus.accounts.api import router as accounts_router
from perhekeskus.casework.api import router as casework_router
from perhekeskus.catalogue.api import router as catalogue_router
from perhekeskus.families.api import router as families_router
from perhekeskus.referrals.api import router as referrals_router

api = NinjaAPI(
    title="Perhekeskus API",
    version="1",
    description=str(_("Family-centre services: search and details.")),
    urls_namespace="api-v1",
    docs_url=None,  # rendered in the site layout: perhekeskus.web.views.api_docs
    openapi_url="/openapi.json",
)
api.add_router("/services", catalogue_router)
api.add_router("/accounts", accounts_router)
api.add_router("/families", families_router)
api.add_router("/referrals", referrals_router)
api.add_router("/contacts", casework_router)
