"""A program in a pseudo-terminal, read the way a person reads it.

``Terminal`` starts a command in a pseudo-terminal of a given size (``TERM=xterm-256color``),
feeds everything it writes to a terminal emulator (pyte) on a reader thread, and lets a
benchmark type keys and wait until some text is on the emulated screen — with the moment
the output that put it there was read. POSIX only: the benchmarks run on the development
machines, not on the users' laptops.
"""

from __future__ import annotations

import os
import re
import select
import signal
import struct
import subprocess
import threading
import time
from collections.abc import Callable

import pyte

KEYS = {
    "enter": b"\r",
    "tab": b"\t",
    "down": b"\x1b[B",
    "up": b"\x1b[A",
    "ctrl+n": b"\x0e",
    "escape": b"\x1b",
    "f3": b"\x1bOR",
    "f4": b"\x1bOS",
    "f5": b"\x1b[15~",
    "ctrl+q": b"\x11",
    "ctrl+s": b"\x13",
}


class Terminal:
    def __init__(
        self,
        command: list[str],
        size: tuple[int, int] = (120, 36),
        env: dict | None = None,
        cached_bytecode: bool = False,
    ):
        """``cached_bytecode``: let Python keep compiled modules, as on a user's machine.
        Where PYTHONDONTWRITEBYTECODE is set (some sandboxes set it), the program's own
        modules would be compiled on every start while Textual's, compiled when it was
        installed, would not: a startup comparison would be unfair."""
        import fcntl
        import termios

        self.columns, self.rows = size
        self.screen = pyte.Screen(self.columns, self.rows)
        self.stream = pyte.ByteStream(self.screen)
        self._lock = threading.Condition()
        self._closed = False
        self._pending: list[tuple[float, bytes]] = []
        self.last_read = 0.0
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.columns, 0, 0))
        environment = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **(env or {})}
        environment.pop("TEXTUAL", None)
        if cached_bytecode:
            environment.pop("PYTHONDONTWRITEBYTECODE", None)
        self.started = time.perf_counter()
        """When the command was started: a startup is timed from here."""
        self.process = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self._master = master
        self._reader = threading.Thread(target=self._read, name="pty-reader", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        # Only reads and stamps: the emulator is fed by whoever looks (``wait_for``), so
        # the time it takes to parse a large frame never delays the reading of the next.
        while True:
            try:
                ready, _, _ = select.select([self._master], [], [], 0.5)
                if not ready:
                    if self.process.poll() is not None:
                        break
                    continue
                data = os.read(self._master, 65536)
            except OSError:
                break
            if not data:
                break
            now = time.perf_counter()
            with self._lock:
                self._pending.append((now, data))
                self._lock.notify_all()
        with self._lock:
            self._closed = True
            self._lock.notify_all()

    def _feed(self) -> bool:
        """Feed what has been read; True if anything was. Call with the lock held."""
        fed = False
        while self._pending:
            stamp, data = self._pending.pop(0)
            self.stream.feed(data)
            self.last_read = stamp
            fed = True
        return fed

    # --- looking -------------------------------------------------------------------------------

    def text(self) -> str:
        with self._lock:
            self._feed()
            return "\n".join(self.screen.display)

    def catch_up(self) -> None:
        """Parse what has been read so far, before a timed key is sent: a backlog parsed
        while the key's own output arrives would hold up the reader (this process's
        threads share one interpreter) and its stamp."""
        with self._lock:
            self._feed()

    def wait_for(self, condition: Callable[[str], bool] | str, timeout: float = 20.0) -> float:
        """Wait until the screen shows ``condition`` (text, or a test of the screen's
        text); returns the moment (perf_counter) the output that made it true was read."""
        test = (lambda text: condition in text) if isinstance(condition, str) else condition
        deadline = time.perf_counter() + timeout
        with self._lock:
            while True:
                while self._pending:  # one read at a time: the first that makes it true
                    stamp, data = self._pending.pop(0)
                    self.stream.feed(data)
                    self.last_read = stamp
                    if test("\n".join(self.screen.display)):
                        return stamp
                if test("\n".join(self.screen.display)):
                    return self.last_read
                left = deadline - time.perf_counter()
                if left <= 0 or self._closed:
                    self._feed()
                    shown = "\n".join(self.screen.display)
                    raise TimeoutError(f"not on the screen in {timeout} s; the screen shows:\n{shown}")
                self._lock.wait(min(left, 0.5))

    # --- typing ----------------------------------------------------------------------------------

    def write(self, data: bytes) -> float:
        """Send bytes as the keyboard does; returns the moment they were sent."""
        os.write(self._master, data)
        return time.perf_counter()

    def press(self, *keys: str, pause: float = 0.05) -> None:
        for key in keys:
            self.write(KEYS[key])
            time.sleep(pause)

    def type(self, text: str, pause: float = 0.0) -> float:
        """Type ``text``: all at once (a burst, as a paste or a fast typist over a remote
        terminal sends it), or a character at a time ``pause`` apart."""
        if not pause:
            return self.write(text.encode("utf-8"))
        sent = 0.0
        for char in text:
            sent = self.write(char.encode("utf-8"))
            time.sleep(pause)
        return sent

    # --- ending ------------------------------------------------------------------------------------

    def kill(self) -> None:
        """SIGKILL, as a crash or a pulled plug: no chance to save."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def wait_exit(self, timeout: float = 15.0) -> int:
        return self.process.wait(timeout)

    def close(self, quit_key: str | None = "ctrl+q", timeout: float = 10.0) -> None:
        if self.process.poll() is None and quit_key is not None:
            try:
                self.write(KEYS[quit_key])
                self.process.wait(timeout)
            except (OSError, subprocess.TimeoutExpired):
                pass
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout)
        self._reader.join(timeout)
        os.close(self._master)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def shows_words(words: str):
    """A test of the screen: ``words`` are on it, however a toast or a narrow column
    wraps them (only letters and digits are compared)."""
    wanted = re.sub(r"[\W_]", "", words)
    return lambda text: wanted in re.sub(r"[\W_]", "", text)
