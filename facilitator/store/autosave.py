"""The autosaver: one writer thread that always writes the newest snapshot.

The UI hands over snapshots as often as it likes; the writer keeps only the newest one
not yet written, so writes never pile up and never land out of order. A failed write is
reported and retried with the newest snapshot until one succeeds; nothing is dropped
while it fails, because the models in memory stay the truth.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from facilitator.store.database import PreparedMeeting

RETRY_SECONDS = 1.0


class Autosaver:
    def __init__(
        self,
        write: Callable[[PreparedMeeting], None],
        on_saved: Callable[[PreparedMeeting], None] = lambda _: None,
        on_failed: Callable[[Exception], None] = lambda _: None,
        retry_seconds: float = RETRY_SECONDS,
    ):
        self._write = write
        self._on_saved = on_saved
        self._on_failed = on_failed
        self._retry = retry_seconds
        self._pending: PreparedMeeting | None = None
        self._busy = False
        self._closed = False
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="autosave", daemon=True)
        self._thread.start()

    def submit(self, prepared: PreparedMeeting) -> None:
        """Queue ``prepared`` for writing, replacing any older snapshot not yet written."""
        with self._cond:
            if self._closed:
                raise RuntimeError("the autosaver is closed")
            self._pending = prepared
            self._cond.notify_all()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until everything submitted is written; False if that did not happen in time."""
        with self._cond:
            return self._cond.wait_for(
                lambda: self._pending is None and not self._busy, timeout=timeout
            )

    def close(self, timeout: float = 5.0) -> bool:
        """Write what is pending, then stop. Returns whether everything was written."""
        written = self.wait_idle(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout)
        return written

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending is not None or self._closed)
                if self._pending is None:
                    return
                prepared, self._pending = self._pending, None
                self._busy = True
            try:
                self._write(prepared)
            except Exception as exc:  # noqa: BLE001 - every storage error is reported, none is fatal
                with self._cond:
                    # Keep the failed snapshot unless a newer one arrived meanwhile.
                    if self._pending is None:
                        self._pending = prepared
                    self._busy = False
                    self._cond.notify_all()
                self._on_failed(exc)
                with self._cond:
                    self._cond.wait_for(lambda: self._closed, timeout=self._retry)
                    if self._closed:
                        return
                continue
            with self._cond:
                self._busy = False
                self._cond.notify_all()
            self._on_saved(prepared)
