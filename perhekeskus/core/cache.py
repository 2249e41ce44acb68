"""The database cache, with an increment that two processes cannot interleave.

Without Redis the shared cache is a table in the database (settings.CACHES).
Django's ``DatabaseCache.incr`` reads and writes in two steps, so two
requests at once could both count 4 → 5, and it writes the value back with
the default timeout, which would end a counter's window early. Here the
row is locked while it is counted (``SELECT … FOR UPDATE`` on PostgreSQL; on
SQLite the transaction starts ``IMMEDIATE``, see settings) and its expiry is
kept.
"""

from __future__ import annotations

import base64
import pickle

from django.core.cache.backends import db
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, models, router, transaction
from django.utils.timezone import now


class DatabaseCache(db.DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        quote = connection.ops.quote_name
        table = quote(self._table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        # Only the configured table's and columns' quoted names are formatted in.
        select = f"SELECT {quote('value')}, {quote('expires')} FROM {table} "  # noqa: S608
        update = f"UPDATE {table} SET {quote('value')} = %s "  # noqa: S608
        where = f"WHERE {quote('cache_key')} = %s"
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute(select + where + lock, [key])
            row = cursor.fetchone()
            if row is None or self._expired(connection, row[1]):
                raise ValueError(f"Key '{key}' not found.")
            stored = connection.ops.process_clob(row[0])
            # The table is written by this cache only, as Django's own get does.
            value = pickle.loads(base64.b64decode(stored.encode(), validate=True)) + delta  # noqa: S301
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(update + where, [encoded, key])
        return value

    @staticmethod
    def _expired(connection, expires) -> bool:
        # As Django's get_many: the backend's converters make the value aware.
        expression = models.Expression(output_field=models.DateTimeField())
        for converter in connection.ops.get_db_converters(
            expression
        ) + expression.get_db_converters(connection):
            expires = converter(expires, expression, connection)
        return expires < now()


def create_cache_table(sender=None, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """After ``migrate``: the cache's table (``createcachetable`` does nothing
    when it exists or when the cache is not in the database)."""
    call_command("createcachetable", database=using, verbosity=0)
