"""What the benchmarks share: a fresh database of their own, and Django set up on it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def prepare_database(name: str, sqlite_path: Path, *, reuse: bool = False) -> tuple[str, bool]:
    """Point Django at the benchmark database ``name`` (PostgreSQL when
    DATABASE_URL names one, else the SQLite file ``sqlite_path``), dropping
    what an earlier run left unless ``reuse`` asks to keep it.

    Returns (vendor, exists): whether an earlier run's database was kept.
    """
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import environ
        import psycopg

        config = environ.Env.db_url_config(url)
        admin = psycopg.connect(
            host=config.get("HOST") or "127.0.0.1",
            port=config.get("PORT") or 5432,
            user=config.get("USER") or "postgres",
            password=config.get("PASSWORD") or None,
            dbname="postgres",
            autocommit=True,
        )
        exists = bool(
            admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        )
        if not (reuse and exists):
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
            exists = False
        admin.close()
        os.environ["DATABASE_URL"] = f"{url.rsplit('/', 1)[0]}/{name}"
        return "postgresql", exists
    sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    exists = sqlite_path.exists()
    if not (reuse and exists):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
        exists = False
    os.environ["DATABASE_URL"] = f"sqlite:///{sqlite_path}"
    return "sqlite", exists


def setup_django() -> None:
    """Set Django up on the database chosen by ``prepare_database``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "perhekeskus.settings")
    import django

    django.setup()


def settle_database() -> None:
    """Bring a freshly seeded database to the state a running one is in, as
    autovacuum would after a large load (this machine's server runs without
    it): planner statistics on both databases and, on PostgreSQL, the
    visibility map that lets index-only scans skip the table."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
            # The seeding's writes reach the disk now, not during the timings.
            cursor.execute("CHECKPOINT")
        else:
            cursor.execute("ANALYZE")
