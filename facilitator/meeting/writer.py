"""The writer: one thread that stores the newest snapshot and the newest draft.

The UI hands over snapshots and drafts as often as it likes; the writer keeps only the
newest of each not yet written, so writes never pile up and never land out of order (a
snapshot makes a draft whose text it holds unnecessary, and a draft with newer text
than a pending snapshot is written after it). A failed write is reported and retried until one succeeds;
nothing is dropped while it fails, because the models in memory stay the truth.

The thread stops only when everything handed to it is written (``stop``) or when told
to give up (``abandon``): a refused quit never ends saving.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

RETRY_SECONDS = 1.0

S = TypeVar("S")
D = TypeVar("D")


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
    ):
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
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="meeting-writer", daemon=True)
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
            self._cond.notify_all()

    def submit_draft(self, draft: D) -> None:
        """Queue ``draft``; written after any snapshot already queued."""
        with self._cond:
            self._check_open()
            self._draft = draft
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
            try:
                if is_draft:
                    self._write_draft(item)
                else:
                    self._write(item)
            except Exception as exc:  # noqa: BLE001 - every storage error is reported, none is fatal
                with self._cond:
                    self._put_back(item, is_draft)
                    self._busy = False
                    self._failing = True
                    self._cond.notify_all()
                self._on_failed(exc)
                with self._cond:
                    self._cond.wait_for(lambda: self._stopping, timeout=self.retry_seconds)
                continue
            with self._cond:
                self._busy = False
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
