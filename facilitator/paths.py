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
    """Create ``path`` (and the parents it lacks) owner-only (0700). A folder that is
    already there keeps its mode: it may be shared (a 1777 folder), and what the program
    writes into it is owner-only (0600) on its own."""
    missing = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made by another process meanwhile: its mode is its own
        if folder.stat().st_mode & 0o077:
            folder.chmod(0o700)
    if not path.is_dir():
        path.mkdir()  # raises what the system says (a file in the way: FileExistsError)
    return path


class NotARegularFile(OSError):
    """The path names a device, a folder, a pipe: nothing is read or written there."""


class TooLarge(OSError):
    """The file is larger than the program reads."""

    def __init__(self, path: Path, limit: int):
        super().__init__(f"{path} is larger than {limit} bytes")
        self.path = path
        self.limit = limit


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes. A device (/dev/zero), a
    pipe (which would wait for a writer), a folder or a larger file is refused without
    reading it: ``NotARegularFile`` or ``TooLarge``; any other failure is the ``OSError``."""
    import stat

    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotARegularFile(f"{path} is not a regular file")
    # Not blocking: should a pipe take the file's place after the check, opening it does
    # not wait for a writer.
    fd = os.open(path, os.O_RDONLY | BINARY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(f"{path} is not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise TooLarge(path, limit)
    return data
