"""The REST API, version 1 (``/api/v1/``)."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from perhekeskus.catalogue.api import router as catalogue_router

api = NinjaAPI(
    title="Perhekeskus API",
    version="1",
    description=str(_("Family-centre services: search and details.")),
    urls_namespace="api-v1",
    docs_url=None,  # rendered in the site layout: perhekeskus.core.views.api_docs
    openapi_url="/openapi.json",
)
api.add_router("/services", catalogue_router)
