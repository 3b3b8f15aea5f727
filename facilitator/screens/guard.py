"""The apps' last guard: an error nobody expected never shows a traceback.

Textual's own handling of such an error prints a Rich traceback with the local variables
of every frame — on a terminal that may be on the projector, holding the names of the
child and the family. The guard puts the details, without personal data, in an owner-only
file in the data directory (``facilitator.crash``) and leaves one Swedish line saying
where it is, printed once the terminal is given back.

Textual has no public hook for this: ``App._handle_exception`` is where every unhandled
error of the app, its screens, widgets and workers arrives, so the guard replaces it,
keeping what Textual's own does besides the traceback (the exit status, and the error kept
for a test run to raise). ``tests/test_textual_internals.py`` pins what it relies on.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text

from facilitator.crash import crash_line


class CrashGuard:
    """Mixed into an ``App`` before it: ``crash_folder`` says where the details go."""

    crash_message: str | None = None
    """The line shown after a crash; None while there has been none."""

    def crash_folder(self) -> Path | None:
        """The data directory (None: nowhere to write; the line is still shown)."""
        return None

    def _handle_exception(self, error: Exception) -> None:
        self._return_code = 1  # type: ignore[attr-defined]
        if self._exception is None:  # type: ignore[attr-defined]
            self._exception = error  # a test run raises it when the app ends
            self._exception_event.set()  # type: ignore[attr-defined]
        if self.crash_message is not None:
            return  # closing already: the first error is the one reported
        try:
            folder = self.crash_folder()
        except Exception:  # noqa: BLE001 - the guard itself must not fail
            folder = None
        self.crash_message = crash_line(folder, error)
        # Textual's public way to exit on an error with a message of one's own: printed
        # once the terminal is given back (folded, never cut, where it is narrower).
        self.panic(Text(self.crash_message))  # type: ignore[attr-defined]
