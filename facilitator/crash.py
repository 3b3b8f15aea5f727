"""What is written when the program stops on an error nobody expected.

The details go to an owner-only file in the data directory and the person is told, in one
line, where it is. The file holds nothing personal: the error's type and, for each frame,
the module, the function and the line — no message (an error's message can quote what was
typed), no local variables, no text of the data. Imports no UI framework.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from types import TracebackType

from facilitator import __version__
from facilitator import strings as sv
from facilitator.paths import BINARY

CRASH_PREFIX = "krasch-"


def _chain(error: BaseException) -> list[BaseException]:
    """The error and those behind it (its cause, its context, a worker's error), once each."""
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not e for e in seen) and len(seen) < 10:
        seen.append(current)
        inner = getattr(current, "error", None)  # Textual's WorkerFailed holds the worker's
        current = inner if isinstance(inner, BaseException) else (current.__cause__ or current.__context__)
    return seen


def _frames(tb: TracebackType | None) -> list[str]:
    lines = []
    while tb is not None:
        frame = tb.tb_frame
        module = frame.f_globals.get("__name__", "?")
        function = getattr(frame.f_code, "co_qualname", frame.f_code.co_name)
        lines.append(f"  {module}:{function}:{tb.tb_lineno}")
        tb = tb.tb_next
    return lines


def crash_report(error: BaseException, now: datetime) -> str:
    """The details of ``error`` without personal data: types and frames only."""
    lines = [f"facilitator {__version__}", f"{now.isoformat(timespec='seconds')}"]
    for number, each in enumerate(_chain(error)):
        kind = type(each)
        lines.append(("" if number == 0 else "bakom det: ") + f"{kind.__module__}.{kind.__qualname__}")
        lines += _frames(each.__traceback__)
    return "\n".join(lines) + "\n"


def write_crash(folder: Path, error: BaseException, now: datetime | None = None) -> Path:
    """Write the details of ``error`` to a new owner-only file in ``folder`` (0600, never
    over another file); returns its path. Raises OSError when it cannot be written."""
    now = now or datetime.now().astimezone()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    data = crash_report(error, now).encode("utf-8")
    for n in range(1, 100):
        path = folder / f"{CRASH_PREFIX}{stamp}{'' if n == 1 else f'-{n}'}.txt"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, 0o600)
        except FileExistsError:
            continue
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        return path
    raise FileExistsError(str(folder))


def crash_line(folder: Path | None, error: BaseException) -> str:
    """The one line a person reads after ``error``: where the details are, when they
    could be written (only into a data directory that is there: nothing is made for it)."""
    if folder is not None and folder.is_dir():
        try:
            return sv.CRASH_WRITTEN.format(kind=type(error).__name__, path=write_crash(folder, error))
        except OSError:
            pass
    return sv.CRASH_NOT_WRITTEN.format(kind=type(error).__name__)
