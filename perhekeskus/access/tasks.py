"""Background tasks of the access layer (run by the database task worker)."""

from __future__ import annotations

from django.tasks import task

from . import anchor


@task
def anchor_access_log() -> dict:
    """Sign a checkpoint of the access log's end and append it to the store.

    Run it on a schedule (``perhekeskus audit-anchor``, e.g. hourly): the
    checkpoints bound how much of the log can be removed or rewritten unseen
    to what was written since the last one. Fails (the task's error) rather
    than sign a log that contradicts the last checkpoint.
    """
    checkpoint = anchor.anchor()
    return {"seq": checkpoint.seq, "entries": checkpoint.entries, "at": checkpoint.at}
