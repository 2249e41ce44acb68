"""PDFs of assessments with WeasyPrint, from the web page's own HTML.

The page is rendered with the same template as in the browser; the layout's
print styles (and the tool's own, in ``impact/impact.css``) hide navigation
and buttons. WeasyPrint may read only the project's static files: any other
address in the page is refused, so rendering never reaches the network.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders


class NotAStaticFile(ValueError):
    pass


def static_file(url: str) -> str:
    """The file behind a static URL of this project, or :class:`NotAStaticFile`."""
    path = unquote(urlsplit(url).path)
    prefix = urlsplit(settings.STATIC_URL).path
    if ".." in path.split("/") or not path.startswith(prefix):
        raise NotAStaticFile(url)
    relative = path[len(prefix) :]
    found = (finders.find(relative) or _collected(relative)) if relative else None
    if not found or not Path(found).is_file():
        raise NotAStaticFile(url)
    return found


def _collected(relative: str) -> str | None:
    """The collected copy in STATIC_ROOT: in production the pages name the
    files by their hashed names (the manifest), which only the copy has."""
    if not settings.STATIC_ROOT or not relative:
        return None
    root = Path(settings.STATIC_ROOT).resolve()
    candidate = (root / relative).resolve()
    if candidate.is_relative_to(root) and candidate.is_file():
        return str(candidate)
    return None


def render_pdf(html: str, *, base_url: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            found = static_file(url)
            with open(found, "rb") as handle:
                body = handle.read()
            kind = "text/css" if found.endswith(".css") else "application/octet-stream"
            return URLFetcherResponse(url, body, {"Content-Type": kind})

    return HTML(string=html, base_url=base_url, url_fetcher=StaticOnly()).write_pdf()
