"""The API's documentation page: the OpenAPI description rendered by Swagger UI.

Served from the project's own static files (django-ninja ships Swagger UI),
inside the site layout, so it needs no CDN and follows the language and
accessibility of the rest of the site.
"""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from perhekeskus.web.access import public


@public
@require_safe
def api_docs(request):
    return render(
        request,
        "core/api_docs.html",
        {
            "openapi_url": reverse("api-v1:openapi-json"),
            "swagger_settings": {
                "url": reverse("api-v1:openapi-json"),
                "layout": "BaseLayout",
                "deepLinking": True,
            },
        },
    )
