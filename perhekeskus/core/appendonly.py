"""Rows that are written once and never changed or removed.

Kept versions, sign-offs, publications and the access log are evidence:
the code has no path that updates or deletes them. Tables whose rows are
evidence of who did what also refuse UPDATE and DELETE in the database
itself (see the access log's triggers).
"""

from django.db import models


class AppendOnlyError(RuntimeError):
    """An attempt to change or remove an append-only row."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} rows are append-only.")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} rows are append-only.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError(f"{self.model.__name__} rows are append-only.")

    def update_or_create(self, *args, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} rows are append-only.")


class AppendOnly(models.Model):
    """A row that is inserted once: saving it again or deleting it raises."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} rows are append-only.")
