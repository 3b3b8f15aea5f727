"""The program runs where its users are: nothing POSIX-only is imported unguarded.

Each test runs a fresh interpreter in which ``fcntl``, ``termios``, ``pty``, ``tty`` and
``resource`` cannot be imported and ``msvcrt`` can (``windows_shape.py``), the way
Python is on Windows, and uses the program there: the command line, and a meeting typed
and closed with Pilot while its lock is held through ``msvcrt``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.agenda import ManualClock
from facilitator.demo import DEMO_MEETING_ID, ensure_demo
from facilitator.store import Store

SHAPE = Path(__file__).with_name("windows_shape.py")


def shaped(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SHAPE), *args], capture_output=True, text=True, timeout=120
    )


def test_every_module_imports_without_posix_modules():
    result = shaped("modules")
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[0]) > 50


@pytest.fixture
def demo_dir(tmp_path):
    with Store.open(tmp_path / "data") as store:
        ensure_demo(store, ManualClock())
    return tmp_path / "data"


def test_list_and_export_without_posix_modules(demo_dir, tmp_path):
    listing = shaped("cli", "--data-dir", str(demo_dir), "list")
    assert listing.returncode == 0, listing.stderr
    assert DEMO_MEETING_ID[:8] in listing.stdout
    for fmt in ("pdf", "docx", "md", "json"):
        target = tmp_path / f"sip.{fmt}"
        result = shaped("cli", "--data-dir", str(demo_dir), "export", DEMO_MEETING_ID[:8],
                        "--format", fmt, "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert target.stat().st_size > 0


def test_a_meeting_is_typed_locked_and_closed_without_posix_modules(tmp_path):
    result = shaped("meeting", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "meeting ok"
