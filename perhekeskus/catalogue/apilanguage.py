"""The language of a public catalogue API answer: ``lang``, else Accept-Language."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja.errors import HttpError

API_LANGUAGES = ("fi", "sv", "en")


def request_language(request: HttpRequest) -> str:
    """``lang`` when given (an unknown one is a 400), else the request's
    Accept-Language, Finnish when that names none of ours."""
    requested = request.GET.get("lang")
    if requested is not None:
        if requested not in API_LANGUAGES:
            raise HttpError(
                400, _("Unknown language “%(lang)s”: use fi, sv or en.") % {"lang": requested[:10]}
            )
        return requested
    language = translation.get_language_from_request(request, check_path=False)
    return language if language in API_LANGUAGES else "fi"
