"""The real app in a pseudo-terminal, killed with SIGKILL: nothing typed is lost."""

from __future__ import annotations

import fcntl
import os
import random
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from facilitator.demo import DEMO_MEETING_ID
from facilitator.store import Store
from facilitator.store.database import DB_NAME

ENTER = b"\r"
F4 = b"\x1b[14~"
F5 = b"\x1b[15~"
CTRL_S = b"\x13"
CTRL_Q = b"\x11"

pytestmark = pytest.mark.slow


class Terminal:
    """``facilitator`` running in a pseudo-terminal of 120×36, its output drained."""

    def __init__(self, data_dir: Path, *args: str):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
        env = {
            **os.environ,
            "FACILITATOR_DATA_DIR": str(data_dir),
            "FACILITATOR_CONFIG_DIR": str(data_dir / "config"),
            "TERM": "xterm-256color",
            "TZ": "Europe/Stockholm",
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "facilitator", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def wait_for(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        needle = text.encode("utf-8")
        while needle not in self.output:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"{text!r} never appeared on the screen")
            time.sleep(0.05)

    def send(self, *keys: bytes, pause: float = 0.3) -> None:
        for key in keys:
            os.write(self.master, key)
            time.sleep(pause)

    def type(self, text: str, pause: float = 0.02) -> None:
        for char in text:
            os.write(self.master, char.encode("utf-8"))
            time.sleep(pause)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)
        os.close(self.master)

    def wait_exit(self, timeout: float = 15.0) -> int:
        code = self.process.wait(timeout)
        os.close(self.master)
        return code


def _purpose(data_dir: Path) -> str:
    with Store.open(data_dir) as store:
        return store.load_meeting(DEMO_MEETING_ID).sip.purpose


def _open_third_step(term: Terminal) -> None:
    term.wait_for("Ärenden och möten")
    term.send(ENTER, pause=1.0)
    term.wait_for("Presentationsrunda")
    term.send(F5, F4, F4, pause=0.5)
    term.wait_for("3/10")


def test_sigkill_after_a_pause_loses_nothing(tmp_path):
    text = "Syftet: samordna stödet för Elsa, så att hon kan gå till skolan. Åäö!"
    term = Terminal(tmp_path, "demo")
    try:
        _open_third_step(term)
        term.type(text)
        time.sleep(1.5)
    finally:
        term.kill()
    assert _purpose(tmp_path) == text
    # Started again, the meeting is offered first and resumes; quitting keeps it all.
    again = Terminal(tmp_path)
    try:
        again.wait_for("Pågående möte")
        again.send(ENTER, pause=1.0)
        again.wait_for("återupptogs")
        again.send(CTRL_Q, pause=0.5)
        assert again.wait_exit() == 0
    finally:
        if again.process.poll() is None:
            again.kill()
    assert _purpose(tmp_path) == text


def test_sigkill_in_the_middle_of_saving_keeps_the_last_good_text(tmp_path):
    text = "".join(random.Random(7).choice("abcdefåäö ") for _ in range(160))
    term = Terminal(tmp_path, "demo")
    try:
        _open_third_step(term)
        for index, char in enumerate(text):
            term.type(char, pause=0.005)
            if index % 7 == 0:
                term.send(CTRL_S, pause=0.0)  # a save in flight all the time
    finally:
        term.kill()
    db = sqlite3.connect(tmp_path / DB_NAME)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()
    stored = _purpose(tmp_path)
    assert text.startswith(stored)
    assert len(stored) >= 100  # saves were landing all along
