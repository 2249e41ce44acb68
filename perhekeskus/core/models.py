"""Base models shared by every app."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class BaseModel(models.Model):
    """UUID key, timestamps and an optimistic version counter.

    UUIDs keep identifiers unguessable in URLs; ``version`` lets a save refuse
    to overwrite a change made by someone else in the meantime.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        abstract = True
