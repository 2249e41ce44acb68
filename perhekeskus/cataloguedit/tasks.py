"""Background tasks of catalogue editing (run by the database task worker)."""

from __future__ import annotations

from django.tasks import task

from . import links
from .models import LinkCheck
from .selectors import service_urls


@task
def check_service_links(service_ids: list[str] | None = None) -> dict:
    """Check every web address of the given active services (or of all) and
    record the status and response time of each."""
    checked = broken = 0
    for service_id, url in service_urls(service_ids):
        result = links.check_url(url)
        LinkCheck.objects.create(
            service_id=service_id,
            url=url,
            status_code=result.status_code,
            ok=result.ok,
            error=result.error,
            elapsed_ms=result.elapsed_ms,
        )
        checked += 1
        broken += not result.ok
    return {"checked": checked, "broken": broken}
