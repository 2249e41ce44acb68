"""PostgreSQL: the name vector holds the facets too (not their words).

The name tier with filters — the query's words in the name, the filters
anywhere — is then answered by the name vector's own index, with no test
of the full, TOASTed vector per name that matches (see
``perhekeskus.catalogue.search``). Facet terms start with a prefix no word
starts with, so the words' matches in the name are unchanged.
"""

from django.db import migrations


def _name_vector(terms: str) -> list[str]:
    """The name vector of ``terms`` (an SQL expression), kept in the row."""
    return [
        "DROP INDEX IF EXISTS catalogue_search_name_gin",
        "ALTER TABLE catalogue_servicesearchdocument DROP COLUMN IF EXISTS name_vector",
        f"""
        ALTER TABLE catalogue_servicesearchdocument
        ADD COLUMN name_vector tsvector GENERATED ALWAYS AS (
            to_tsvector('simple'::regconfig, {terms})
        ) STORED
        """,
        "ALTER TABLE catalogue_servicesearchdocument ALTER COLUMN name_vector SET STORAGE MAIN",
        """
        CREATE INDEX catalogue_search_name_gin
        ON catalogue_servicesearchdocument USING gin (name_vector)
        """,
        # Rewritten rows keep the new vector in the row (the column was added
        # before its storage was set). Last: the update leaves deferred checks.
        "UPDATE catalogue_servicesearchdocument SET static_rank = static_rank",
    ]


POSTGRESQL_FORWARD = _name_vector("name_terms || ' ' || facet_terms")
POSTGRESQL_BACKWARD = _name_vector("name_terms")


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0005_search_static_order"),
    ]

    operations = [
        migrations.RunPython(
            _run(POSTGRESQL_FORWARD), _run(POSTGRESQL_BACKWARD), elidable=False
        ),
    ]
