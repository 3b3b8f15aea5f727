"""One writer per meeting: an advisory lock that the operating system drops with the
process, so a crash or ``kill -9`` never leaves a meeting locked."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class MeetingLock:
    def __init__(self, data_dir: Path, meeting_id: str):
        self.path = data_dir / f"meeting-{meeting_id}.lock"
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock if no other process holds it; False if one does."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
