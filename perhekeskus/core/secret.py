"""A per-installation secret key for local runs without configuration."""

import secrets
from pathlib import Path


def local_secret_key(data_dir: Path) -> str:
    path = data_dir / "secret_key"
    data_dir.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()
