"""The full-text index over ServiceSearchDocument's analysed terms.

SQLite: an FTS5 table (name and body columns) written by
``perhekeskus.catalogue.search.index_services``, with a table that maps its
integer rowids to service ids (a UUID key has no stable rowid of its own).
The tokenizer keeps diacritics: the terms are already normalised and *ä* is
not *a* in Finnish.

PostgreSQL: a generated tsvector column (name weighted A, body B) with a GIN
index; the ``simple`` configuration only splits and lower-cases, as the
terms are already analysed.

Only RunPython/RunSQL operations: the model state does not change.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """
    CREATE TABLE IF NOT EXISTS catalogue_search_rowid (
        id INTEGER PRIMARY KEY,
        service_id char(32) NOT NULL UNIQUE
    )
    """,
    """
    CREATE VIRTUAL TABLE IF NOT EXISTS catalogue_search_fts USING fts5(
        name, body, tokenize = 'unicode61 remove_diacritics 0'
    )
    """,
]
SQLITE_BACKWARD = [
    "DROP TABLE IF EXISTS catalogue_search_fts",
    "DROP TABLE IF EXISTS catalogue_search_rowid",
]

POSTGRESQL_FORWARD = [
    """
    ALTER TABLE catalogue_servicesearchdocument
    ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, name_terms), 'A')
        || setweight(to_tsvector('simple'::regconfig, body_terms), 'B')
    ) STORED
    """,
    """
    CREATE INDEX IF NOT EXISTS catalogue_search_vector_gin
    ON catalogue_servicesearchdocument USING gin (search_vector)
    """,
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS catalogue_search_vector_gin",
    "ALTER TABLE catalogue_servicesearchdocument DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
            elidable=False,
        ),
    ]
