"""Whether everything is saved: a label in the top bar and, when writing fails, a banner."""

from __future__ import annotations

from textual.widgets import Static

from facilitator import strings as sv
from facilitator.agenda.clock import from_ns
from facilitator.meeting.live import SaveStatus
from facilitator.widgets.label import relabel


class SaveLabel(Static):
    """"Sparat 10.42" — to the minute, so it changes once a minute and a save costs no
    repaint — or "EJ SPARAT" at once when a write fails."""

    DEFAULT_CSS = """
    SaveLabel { width: auto; color: $text-muted; margin-right: 2; }
    SaveLabel.failed { color: $error; text-style: bold; }
    """

    def __init__(self, **kwargs):
        super().__init__(markup=False, **kwargs)

    def show(self, status: SaveStatus) -> None:
        if status.failed:
            if not self.has_class("failed"):  # a retry that fails again changes nothing here
                self.set_class(True, "failed")
                relabel(self, sv.SAVE_FAILED)
            return
        if status.saved_wall_ns is None:
            return
        text = sv.SAVED_AT.format(time=f"{from_ns(status.saved_wall_ns):%H.%M}")
        if self.has_class("failed") or str(self.visual) != text:
            relabel(self, text)
        self.set_class(False, "failed")


class SaveBanner(Static):
    """Across the top while writing fails (why, and that nothing is lost), or while the
    meeting is open read-only."""

    DEFAULT_CSS = """
    SaveBanner { display: none; height: auto; padding: 0 1; background: $error; color: $text; text-style: bold; }
    SaveBanner.read-only { background: $warning; }
    """

    def __init__(self, failed_text: str = sv.SAVE_FAILED_BANNER, **kwargs):
        """``failed_text``: what it says while writing fails, with ``{reason}``."""
        super().__init__(markup=False, **kwargs)
        self.failed_text = failed_text

    def read_only(self, text: str = sv.READ_ONLY_BANNER) -> None:
        self.update(text)
        self.add_class("read-only")
        self.display = True

    def show(self, status: SaveStatus) -> bool:
        """Show or hide for ``status``; True when it was shown and is now hidden (saving works again)."""
        if status.failed:
            text = self.failed_text.format(reason=sv.SAVE_FAILED_REASON[status.failure.reason])
            if not self.display or str(self.visual) != text:  # each retry would lay out the screen again
                self.update(text)
                self.display = True
            return False
        recovered = bool(self.display) and not self.has_class("read-only")
        if recovered:
            self.display = False
        return recovered
