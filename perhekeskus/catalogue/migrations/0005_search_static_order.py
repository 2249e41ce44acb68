"""Large result tiers in a static order (perhekeskus.catalogue.search).

Each search document gets ``static_rank`` (shorter names first). SQLite: the
FTS row keys become that order. On both, the index is emptied here and rebuilt
after migrating (see ``CatalogueConfig.ready``). PostgreSQL: an index on the
order, the names' own tsvector with a GIN index for the name tier, and a
narrow heap.
"""

from django.db import migrations, models

POSTGRESQL_FORWARD = [
    """
    ALTER TABLE catalogue_servicesearchdocument
    ADD COLUMN name_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, name_terms)
    ) STORED
    """,
    """
    CREATE INDEX catalogue_search_name_gin
    ON catalogue_servicesearchdocument USING gin (name_vector)
    """,
    """
    CREATE INDEX catalogue_search_static_order
    ON catalogue_servicesearchdocument (static_rank, service_id)
    """,
    # A narrow heap: the term texts and the full vector (kilobytes a service)
    # go to TOAST, so that the visibility checks of a GIN match read a few
    # megabytes of rows instead of the whole table; the name vector, which
    # the tiers test per row, stays in the row (compressed, never moved out).
    "ALTER TABLE catalogue_servicesearchdocument SET (toast_tuple_target = 128)",
    "ALTER TABLE catalogue_servicesearchdocument ALTER COLUMN name_vector SET STORAGE MAIN",
]
POSTGRESQL_BACKWARD = [
    "ALTER TABLE catalogue_servicesearchdocument RESET (toast_tuple_target)",
    "DROP INDEX IF EXISTS catalogue_search_static_order",
    "DROP INDEX IF EXISTS catalogue_search_name_gin",
    "ALTER TABLE catalogue_servicesearchdocument DROP COLUMN IF EXISTS name_vector",
]
EMPTY_INDEX = [
    "DELETE FROM catalogue_search_fts",
    "DELETE FROM catalogue_search_rowid",
    "DELETE FROM catalogue_servicesearchdocument",
    "DELETE FROM catalogue_searchterm",
]


def _forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_FORWARD:
            schema_editor.execute(statement)
        # Every document's rank is still the default.
        for statement in EMPTY_INDEX[2:]:
            schema_editor.execute(statement)
    else:
        for statement in EMPTY_INDEX:
            schema_editor.execute(statement)


def _backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_BACKWARD:
            schema_editor.execute(statement)
    else:
        for statement in EMPTY_INDEX:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0004_search_facets"),
    ]

    operations = [
        migrations.AddField(
            model_name="servicesearchdocument",
            name="static_rank",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(_forward, _backward, elidable=False),
    ]
