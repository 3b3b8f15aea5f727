"""Setting an unreadable database aside, never overwriting it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


def move_aside(path: Path, now: datetime) -> Path:
    """Rename the database (and its -wal and -shm files) with a timestamp; returns the new
    path of the database. An existing file is never overwritten."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    suffix = f".unreadable-{stamp}"
    n = 1
    while any(path.with_name(path.name + suffix + extra).exists() for extra in ("", "-wal", "-shm")):
        n += 1
        suffix = f".unreadable-{stamp}-{n}"
    target = path.with_name(path.name + suffix)
    for extra in ("-wal", "-shm", ""):
        source = path.with_name(path.name + extra)
        if source.exists():
            source.rename(path.with_name(target.name + extra))
    return target
