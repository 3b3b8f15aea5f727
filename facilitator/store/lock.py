"""One writer per meeting: an advisory lock on a file in the data directory, which the
operating system drops with the process, so a crash or ``kill -9`` never leaves a
meeting locked. ``flock`` where the platform has it (Linux, macOS), ``msvcrt.locking``
elsewhere (Windows); chosen by what can be imported, not by the platform's name.

The room view asks which meetings are open for writing by trying each lock for an
instant (``writing_meetings``). A writer that meets such a probe tries again a few times
within a fraction of a second, so the two never get in each other's way.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

PREFIX = "meeting-"
SUFFIX = ".lock"
PATIENCE_SECONDS = 0.25
"""How long ``acquire`` keeps trying a lock that is held only for a probe's instant."""

_CONTENDED = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK}

try:  # Linux and macOS
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

if fcntl is not None:

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in _CONTENDED:
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

else:

    def _try_lock(fd: int) -> bool:
        # The lock is on the file's first byte; the file itself stays empty.
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in _CONTENDED:
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def lock_path(data_dir: Path, meeting_id: str) -> Path:
    return data_dir / f"{PREFIX}{meeting_id}{SUFFIX}"


class MeetingLock:
    def __init__(self, data_dir: Path, meeting_id: str):
        self.meeting_id = meeting_id
        self.path = lock_path(data_dir, meeting_id)
        self._fd: int | None = None
        self.alive_before: int | None = None
        """When the window that held the lock before was last seen alive (wall-clock
        nanoseconds, from ``mark_alive``), or None if it never was."""

    @classmethod
    def at(cls, path: Path) -> MeetingLock:
        """The same kind of lock on a file of another name (a form's draft, say)."""
        lock = cls(path.parent, "")
        lock.path = path
        return lock

    def acquire(self, patience: float = PATIENCE_SECONDS) -> bool:
        """Take the lock if no other window holds it; False if one does."""
        if self._fd is not None:
            return True
        try:
            self.alive_before = os.stat(self.path).st_mtime_ns
        except OSError:
            self.alive_before = None
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + patience
        try:
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    os.close(fd)
                    return False
                time.sleep(0.01)
        except OSError:
            os.close(fd)
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            try:
                _unlock(self._fd)
            finally:
                os.close(self._fd)
                self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def mark_alive(self, wall_ns: int) -> None:
        """Note that the window holding the lock is alive now (the file's modification
        time), so a restart after a crash can say how long the program was away."""
        try:
            os.utime(self.path, ns=(wall_ns, wall_ns))
        except OSError:
            pass  # only a nicety; the meeting's own saves say when it was last written

    def renew(self) -> bool:
        """Take the lock again at its path, after the data directory was removed and
        made anew: the old file is gone, and with it any protection from a second window."""
        if self._fd is not None:
            try:
                os.close(self._fd)
            except OSError:
                pass
            self._fd = None
        return self.acquire(patience=0)


def is_open_for_writing(data_dir: Path, meeting_id: str) -> bool:
    """Whether some window holds the meeting's lock. Takes the lock for an instant when
    nobody does; changes nothing on disk."""
    return is_held(lock_path(data_dir, meeting_id))


def is_held(path: Path) -> bool:
    """Whether some window holds the lock at ``path``; changes nothing on disk."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False  # never opened for writing, or the file is gone
    try:
        if _try_lock(fd):
            _unlock(fd)
            return False
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def writing_meetings(data_dir: Path) -> list[str]:
    """The ids of the meetings that a window holds open for writing right now."""
    try:
        names = os.listdir(data_dir)
    except OSError:
        return []
    ids = [
        name[len(PREFIX) : -len(SUFFIX)]
        for name in names
        if name.startswith(PREFIX) and name.endswith(SUFFIX)
    ]
    return sorted(i for i in ids if is_open_for_writing(data_dir, i))
