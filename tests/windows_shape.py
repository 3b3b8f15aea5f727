"""Run the program as on Windows: ``fcntl``, ``termios``, ``pty``, ``tty`` and
``resource`` cannot be imported, and ``msvcrt`` exists. Used by ``test_platforms.py`` in
a fresh interpreter:

    python tests/windows_shape.py cli ARGS...     the command line, as ``facilitator ARGS``
    python tests/windows_shape.py meeting DIR     a meeting typed and closed with Pilot
    python tests/windows_shape.py modules         every module of the program imported

The stand-in ``msvcrt`` offers the one call the program uses, ``locking``, with Windows'
meaning (a lock per open handle, refused with EACCES while another handle holds it); it
is built on the real ``flock``, taken before the door is shut.
"""

from __future__ import annotations

import errno
import importlib.abc
import os
import sys
import types

BLOCKED = ("fcntl", "termios", "pty", "tty", "resource")


def _stand_in_msvcrt() -> types.ModuleType:
    import fcntl as real_fcntl

    module = types.ModuleType("msvcrt")
    module.LK_UNLCK, module.LK_LOCK, module.LK_NBLCK = 0, 1, 2
    module.calls = []

    def locking(fd: int, mode: int, nbytes: int) -> None:
        module.calls.append(mode)
        if mode == module.LK_UNLCK:
            real_fcntl.flock(fd, real_fcntl.LOCK_UN)
            return
        try:
            real_fcntl.flock(fd, real_fcntl.LOCK_EX | real_fcntl.LOCK_NB)
        except BlockingIOError:
            raise OSError(errno.EACCES, "Permission denied") from None

    module.locking = locking
    return module


class _Shut(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def shut_the_door() -> None:
    # The standard library decides "am I on Windows?" by importing msvcrt in a few
    # places (subprocess, asyncio's child watchers); those are loaded first, as POSIX
    # ones, so that the stand-in serves only the program's own lock.
    import asyncio  # noqa: F401
    import subprocess  # noqa: F401

    sys.modules["msvcrt"] = _stand_in_msvcrt()
    for name in BLOCKED:
        sys.modules.pop(name, None)
    sys.meta_path.insert(0, _Shut())


def _every_module() -> int:
    import importlib
    import pkgutil

    import facilitator

    names = [m.name for m in pkgutil.walk_packages(facilitator.__path__, "facilitator.")
             if not m.name.endswith("__main__")]
    for name in names:
        importlib.import_module(name)
    print(len(names), "modules")
    return 0


def _cli(argv: list[str]) -> int:
    from facilitator.cli import main

    return main(argv)


def _meeting(data: str) -> int:
    import asyncio
    import unicodedata
    from datetime import datetime
    from pathlib import Path
    from zoneinfo import ZoneInfo

    from textual import events

    from facilitator.agenda import ManualClock
    from facilitator.app import FacilitatorApp
    from facilitator.demo import demo_case
    from facilitator.store import lock
    from facilitator.store.database import Store

    assert lock.fcntl is None, "the lock must use msvcrt here"
    start = datetime(2026, 1, 13, 8, 50, tzinfo=ZoneInfo("Europe/Stockholm"))
    store = Store(Path(data) / "facilitator.sqlite3")
    case, meeting = demo_case(start)
    store.save_case(case)
    store.save_meeting(meeting)
    app = FacilitatorApp(store=store, clock=ManualClock(start))

    async def drive() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("enter")  # open the demo meeting
            await pilot.pause()
            await pilot.press("f5")  # start the timer
            for char in "Alla på plats, även Łukasz.":
                name = char if char.isalnum() else unicodedata.name(char).lower().replace(" ", "_")
                app.post_message(events.Key(name, char))
            await pilot.pause()
            held = lock.writing_meetings(store.path.parent)
            assert held == [meeting.id], held
            await pilot.press("ctrl+q")
            await pilot.pause()
            await pilot.pause()

    asyncio.run(drive())
    assert not lock.writing_meetings(store.path.parent), "the lock outlives the window"
    stored = Store(store.path).load_meeting(meeting.id)
    assert stored.sip.introductions == "Alla på plats, även Łukasz.", stored.sip.introductions
    assert sys.modules["msvcrt"].calls, "the lock was never taken"
    print("meeting ok")
    return 0


if __name__ == "__main__":
    # Textual picks its Windows driver on Windows; on this machine it would pick the
    # Linux one (termios), so the app gets the headless driver that Pilot drives.
    os.environ["TEXTUAL_DRIVER"] = "textual.drivers.headless_driver:HeadlessDriver"
    shut_the_door()
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    mode, *rest = sys.argv[1:]
    for name in BLOCKED:
        try:
            __import__(name)
        except ImportError:
            continue
        raise SystemExit(f"{name} could still be imported")
    modes = {"cli": lambda: _cli(rest), "meeting": lambda: _meeting(*rest), "modules": _every_module}
    sys.exit(modes[mode]())
