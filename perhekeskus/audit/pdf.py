"""The family's access log as a PDF to keep, with WeasyPrint.

The printable page carries its own styles; WeasyPrint may fetch nothing, so
rendering never reaches the network or the file system.
"""

from __future__ import annotations


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    class NothingFetched(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"not fetched: {url[:80]}")

    return HTML(string=html, base_url="/", url_fetcher=NothingFetched()).write_pdf()
