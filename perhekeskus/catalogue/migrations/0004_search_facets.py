"""The finder's filters in the full-text index (perhekeskus.catalogue.facets).

SQLite: the FTS5 table gets a third column, ``facets``. PostgreSQL: the
generated tsvector takes the facet terms with weight D, which ranks at zero.

The search index is derived data: this migration empties it, and the
catalogue app rebuilds it after migrating (``CatalogueConfig.ready``'s
post-migrate hook) with the indexer of the code being migrated to.
"""

from django.db import migrations, models

SQLITE_FORWARD = [
    "DROP TABLE IF EXISTS catalogue_search_fts",
    "DELETE FROM catalogue_search_rowid",
    """
    CREATE VIRTUAL TABLE catalogue_search_fts USING fts5(
        name, body, facets, tokenize = 'unicode61 remove_diacritics 0'
    )
    """,
]
SQLITE_BACKWARD = [
    "DROP TABLE IF EXISTS catalogue_search_fts",
    "DELETE FROM catalogue_search_rowid",
    """
    CREATE VIRTUAL TABLE catalogue_search_fts USING fts5(
        name, body, tokenize = 'unicode61 remove_diacritics 0'
    )
    """,
]
POSTGRESQL_FORWARD = [
    "DROP INDEX IF EXISTS catalogue_search_vector_gin",
    "ALTER TABLE catalogue_servicesearchdocument DROP COLUMN IF EXISTS search_vector",
    """
    ALTER TABLE catalogue_servicesearchdocument
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, name_terms), 'A')
        || setweight(to_tsvector('simple'::regconfig, body_terms), 'B')
        || setweight(to_tsvector('simple'::regconfig, facet_terms), 'D')
    ) STORED
    """,
    """
    CREATE INDEX catalogue_search_vector_gin
    ON catalogue_servicesearchdocument USING gin (search_vector)
    """,
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS catalogue_search_vector_gin",
    "ALTER TABLE catalogue_servicesearchdocument DROP COLUMN IF EXISTS search_vector",
    """
    ALTER TABLE catalogue_servicesearchdocument
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, name_terms), 'A')
        || setweight(to_tsvector('simple'::regconfig, body_terms), 'B')
    ) STORED
    """,
    """
    CREATE INDEX catalogue_search_vector_gin
    ON catalogue_servicesearchdocument USING gin (search_vector)
    """,
]
EMPTY_INDEX = [
    "DELETE FROM catalogue_servicesearchdocument",
    "DELETE FROM catalogue_searchterm",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)
        for statement in EMPTY_INDEX:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0003_organization_kind_ot_centre"),
    ]

    operations = [
        migrations.AddField(
            model_name="servicesearchdocument",
            name="facet_terms",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
            elidable=False,
        ),
    ]
