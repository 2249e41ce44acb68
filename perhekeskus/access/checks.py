"""Deployment checks of the access log (``perhekeskus check --deploy``)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def anchor_configured(app_configs, **kwargs):
    problems = []
    if not settings.ACCESS_LOG_ANCHOR_KEY:
        problems.append(
            checks.Error(
                "ACCESS_LOG_ANCHOR_KEY is not set.",
                hint="Set it from a secret store; the access log's checkpoints are signed "
                "with it (docs/access-layer.md).",
                id="access.E001",
            )
        )
    if not settings.ACCESS_LOG_ANCHOR_STORE:
        problems.append(
            checks.Warning(
                "ACCESS_LOG_ANCHOR_STORE is not set: the access log's checkpoints are kept "
                "in the data folder, next to the database.",
                hint="Point it at another host or write-once storage (docs/access-layer.md).",
                id="access.W001",
            )
        )
    return problems
