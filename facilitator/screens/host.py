"""What the screens ask of the app that shows them: its store, clock and settings, and the
moves between screens that the app owns. The app provides this; the screens name this
protocol instead of importing the app, so the layers stay one way."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from concurrent.futures import Future

    from facilitator.agenda.clock import Clock
    from facilitator.agenda.kinds import MeetingKind
    from facilitator.agenda.templates import AgendaTemplate
    from facilitator.meeting.session import MeetingSession
    from facilitator.store import Store
    from facilitator.store.firstlist import FirstList


class Host(Protocol):
    store: Store
    clock: Clock
    config_dir: Path | None

    def agenda(self, kind: MeetingKind) -> AgendaTemplate:
        """The agenda for a meeting planned now, its file checked again: a broken one is
        named on screen and the shipped agenda given."""

    def take_first_list(self) -> Future[FirstList] | None:
        """The list read while the app started, for the first start screen (None after)."""

    def open_meeting(self, meeting_id: str) -> None:
        """Open a meeting to write in it (or to read it, if finished or open elsewhere)."""

    async def back_to_start(self) -> None:
        """Leave the meeting, everything saved, for the start screen."""

    async def reopen_finished(self, meeting_id: str) -> None:
        """Open a finished meeting again for changes, after the question."""

    def show_summary(self, session: MeetingSession) -> None:
        """The meeting has ended: its time, step by step."""
