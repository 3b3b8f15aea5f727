"""Where the data and the configuration live.

The data directory holds personal data, so it is created owner-only (0700).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "facilitator"
DATA_ENV = "FACILITATOR_DATA_DIR"
BINARY = getattr(os, "O_BINARY", 0)
"""Add to ``os.open`` flags for a file of bytes: Windows opens descriptors in text mode
unless told otherwise, and would write every newline in a PDF as two bytes."""
CONFIG_ENV = "FACILITATOR_CONFIG_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` if given, else ``FACILITATOR_DATA_DIR``, else the platform's place."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when neither flag nor environment says where

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it owner-only."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path
