"""Layout-level views: health check, error pages in three languages, and the API's
documentation page (the OpenAPI description rendered by Swagger UI, served from
django-ninja's own static files inside the site layout: no CDN, and the page
follows the language and accessibility of the rest of the site)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from perhekeskus.web.access import public


@public
@require_safe
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def _error(request, status, template):
    return render(request, template, status=status)


def bad_request(request, exception=None):
    return _error(request, 400, "web/errors/400.html")


def permission_denied(request, exception=None):
    # The access layer's refusals say why (in the user's language); others do not.
    reason = str(exception) if getattr(exception, "refusal", None) is not None else ""
    return render(request, "web/errors/403.html", {"reason": reason}, status=403)


def page_not_found(request, exception=None):
    return _error(request, 404, "web/errors/404.html")


def server_error(request):
    return _error(request, 500, "web/errors/500.html")


def csrf_failure(request, reason=""):
    """A form sent without a valid security token (CSRF_FAILURE_VIEW): most often
    a page left open past the session, or cookies turned off. Django's own
    reason is for the log, not for the page."""
    return _error(request, 403, "web/errors/403_csrf.html")


@public
@require_safe
def api_docs(request):
    return render(
        request,
        "web/api_docs.html",
        {
            "openapi_url": reverse("api-v1:openapi-json"),
            "swagger_settings": {
                "url": reverse("api-v1:openapi-json"),
                "layout": "BaseLayout",
                "deepLinking": True,
            },
        },
    )
