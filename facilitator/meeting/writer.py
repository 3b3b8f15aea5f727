"""The writer: one thread that stores the newest snapshot and the newest draft.

The UI hands over snapshots and drafts as often as it likes; the writer keeps only the
newest of each not yet written, so writes never pile up and never land out of order (a
snapshot makes a draft whose text it holds unnecessary, and a draft with newer text
than a pending snapshot is written after it). A failed write is reported and retried until one succeeds;
nothing is dropped while it fails, because the models in memory stay the truth.

The thread stops only when everything handed to it is written (``stop``) or when told
to give up (``abandon``): a refused quit never ends saving.

While writes fail, or one takes longer than ``SLOW_SECONDS`` (a database locked by
another program holds a write for seconds before it fails), a second thread hands what
is not yet written to a ``Sink`` — a second place that does not share the database's
fault — each time something new arrives, and clears it once everything is written. So
a crash meanwhile costs no more than it does when writing works.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

RETRY_SECONDS = 1.0
SLOW_SECONDS = 0.5
"""A write taking longer than this is treated as failing: what waits goes to the sink."""

S = TypeVar("S")
D = TypeVar("D")


class Sink(Protocol[S, D]):
    """A second place for what the writer has not written yet; blocking, called on a
    thread of its own."""

    def keep(self, snapshot: S | None, draft: D | None) -> None:
        """Hold these (the newest of each not yet written), replacing what was held."""

    def clear(self) -> None:
        """Everything held is written: let it go."""


class Writer(Generic[S, D]):
    def __init__(
        self,
        write: Callable[[S], None],
        write_draft: Callable[[D], None],
        *,
        merge: Callable[[S, S], S] = lambda newer, older: newer,
        supersedes: Callable[[S, D], bool] = lambda snapshot, draft: True,
        on_saved: Callable[[S], None] = lambda _: None,
        on_failed: Callable[[Exception], None] = lambda _: None,
        retry_seconds: float = RETRY_SECONDS,
        sink: Sink[S, D] | None = None,
        holding: bool = False,
    ):
        """``sink``: where what is not yet written goes while writes fail; ``holding``:
        the sink already holds something from before (cleared after the first write)."""
        self._write = write
        self._write_draft = write_draft
        self._merge = merge
        self._supersedes = supersedes
        self._on_saved = on_saved
        self._on_failed = on_failed
        self.retry_seconds = retry_seconds
        self._snapshot: S | None = None
        self._draft: D | None = None
        self._busy = False
        self._stopping = False
        self._failing = False
        self._busy_since = 0.0
        self._in_flight: tuple[object, bool] | None = None
        self._changes = 0
        """Counts what was handed over or put back: the sink holds the state at a count."""
        self._written = 0
        """Counts successful writes: the sink is cleared only after one."""
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="meeting-writer", daemon=True)
        self._sink = sink
        self._sink_thread: threading.Thread | None = None
        if sink is not None:
            self._sink_thread = threading.Thread(
                target=self._run_sink, args=(sink, holding), name="meeting-journal", daemon=True
            )
            self._sink_thread.start()
        self._thread.start()

    # --- handing over ------------------------------------------------------------------------

    def submit(self, snapshot: S) -> None:
        """Queue ``snapshot``; it replaces an older one not yet written, and a draft whose
        text it already holds."""
        with self._cond:
            self._check_open()
            if self._snapshot is not None:
                snapshot = self._merge(snapshot, self._snapshot)
            self._snapshot = snapshot
            if self._draft is not None and self._supersedes(snapshot, self._draft):
                self._draft = None
            self._changes += 1
            self._cond.notify_all()

    def submit_draft(self, draft: D) -> None:
        """Queue ``draft``; written after any snapshot already queued."""
        with self._cond:
            self._check_open()
            self._draft = draft
            self._changes += 1
            self._cond.notify_all()

    def _check_open(self) -> None:
        if self._stopping:
            raise RuntimeError("the writer has stopped")

    # --- waiting and stopping ----------------------------------------------------------------

    @property
    def failing(self) -> bool:
        """The last write failed and nothing has been written since."""
        return self._failing

    def idle(self) -> bool:
        with self._cond:
            return self._snapshot is None and self._draft is None and not self._busy

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until everything handed over is written; False if not within ``timeout``."""
        with self._cond:
            return self._cond.wait_for(
                lambda: self._snapshot is None and self._draft is None and not self._busy,
                timeout=timeout,
            )

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop once everything handed over is written. If that does not happen within
        ``timeout``, the writer goes on trying and False is returned."""
        if not self.wait_idle(timeout):
            return False
        self.abandon()
        return True

    def abandon(self, timeout: float = 5.0) -> None:
        """Stop now, written or not."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout)
        if self._sink_thread is not None and threading.current_thread() is not self._sink_thread:
            self._sink_thread.join(timeout)

    @property
    def stopped(self) -> bool:
        return self._stopping

    # --- the thread --------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(
                    lambda: self._snapshot is not None or self._draft is not None or self._stopping
                )
                if self._stopping:
                    return
                if self._snapshot is not None:
                    item, self._snapshot, is_draft = self._snapshot, None, False
                else:
                    item, self._draft, is_draft = self._draft, None, True
                self._busy = True
                self._busy_since = time.monotonic()
                self._in_flight = (item, is_draft)
                self._cond.notify_all()  # the sink's thread watches for a write that hangs
            try:
                if is_draft:
                    self._write_draft(item)
                else:
                    self._write(item)
            except Exception as exc:  # noqa: BLE001 - every storage error is reported, none is fatal
                with self._cond:
                    self._in_flight = None
                    self._put_back(item, is_draft)
                    self._busy = False
                    self._failing = True
                    self._changes += 1
                    self._cond.notify_all()
                self._on_failed(exc)
                with self._cond:
                    self._cond.wait_for(lambda: self._stopping, timeout=self.retry_seconds)
                continue
            with self._cond:
                self._in_flight = None
                self._busy = False
                self._written += 1
                if not is_draft:
                    self._failing = False
                self._cond.notify_all()
            if not is_draft:
                self._on_saved(item)

    def _put_back(self, item, is_draft: bool) -> None:
        """Keep a failed item for the retry unless something newer replaced it."""
        if is_draft:
            if self._draft is None and not (
                self._snapshot is not None and self._supersedes(self._snapshot, item)
            ):
                self._draft = item
        elif self._snapshot is None:
            self._snapshot = item
        else:
            self._snapshot = self._merge(self._snapshot, item)

    # --- the second place ------------------------------------------------------------------

    def _at_risk(self) -> bool:
        """Writes fail, or the one under way hangs. Call with the condition held."""
        return self._failing or (self._busy and time.monotonic() - self._busy_since >= SLOW_SECONDS)

    def _outstanding(self) -> tuple[S | None, D | None]:
        """The newest snapshot and draft not yet written, the one being written included.
        Call with the condition held."""
        snapshot, draft = self._snapshot, self._draft
        if self._in_flight is not None:
            item, is_draft = self._in_flight
            if is_draft:
                draft = draft if draft is not None else item
            else:
                snapshot = item if snapshot is None else self._merge(snapshot, item)
        if snapshot is not None and draft is not None and self._supersedes(snapshot, draft):
            draft = None
        return snapshot, draft

    def _run_sink(self, sink: Sink[S, D], holding: bool) -> None:
        kept_at: int | None = None
        written_at = self._written
        while True:
            with self._cond:
                while True:
                    idle = self._snapshot is None and self._draft is None and not self._busy
                    if holding and idle and not self._failing and self._written > written_at:
                        action = "clear"
                        break
                    if self._stopping:
                        return
                    if self._at_risk() and self._changes != kept_at:
                        action = "keep"
                        kept_at = self._changes
                        outstanding = self._outstanding()
                        break
                    wait = None
                    if self._busy and not self._failing:
                        wait = max(0.01, self._busy_since + SLOW_SECONDS - time.monotonic())
                    self._cond.wait(wait)
                written_at = self._written
            try:
                if action == "keep":
                    sink.keep(*outstanding)
                    holding = True
                else:
                    sink.clear()
                    holding = False
                    kept_at = None
            except Exception:  # noqa: BLE001 - the second place failing too changes nothing here
                pass
