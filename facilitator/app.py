"""The App: wires the store, the clock, the themes and the screens. Screens do the rest."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from facilitator import strings as sv
from facilitator.agenda.clock import Clock, SystemClock, from_ns
from facilitator.screens.guard import CrashGuard
from facilitator.screens.start import StartScreen
from facilitator.settings import load_settings, save_settings
from facilitator.store import Store, StoreError
from facilitator.store.firstlist import FirstList, start_reading
from facilitator.store.lock import MeetingLock
from facilitator.themes import CONTRAST_THEME, DEFAULT_THEME, use_themes
from facilitator.widgets.problems import store_problem

if TYPE_CHECKING:
    from concurrent.futures import Future

    from facilitator.agenda.errors import TemplateError
    from facilitator.agenda.kinds import MeetingKind
    from facilitator.agenda.templates import Agendas, AgendaTemplate
    from facilitator.meeting.session import MeetingSession

def meeting_commands():
    """The palette's meeting commands, loaded when the palette first opens (as Textual's own
    are): the command machinery is not needed for the first frame."""
    from facilitator.commands import MeetingCommands

    return MeetingCommands


QUIT_WAIT_SECONDS = 1.0
"""How long Ctrl+Q waits for the last write before it asks what to do."""


class FacilitatorApp(CrashGuard, App[int]):
    TITLE = sv.APP_TITLE
    COMMANDS = App.COMMANDS | {meeting_commands}
    COMMAND_PALETTE_DISPLAY = "^p"
    BINDINGS = [
        Binding("ctrl+q", "quit", sv.KEY_QUIT, priority=True, id="quit"),
        Binding(
            "ctrl+p", "command_palette", sv.KEY_PALETTE, show=False, priority=True, id="palette"
        ),
    ]

    def __init__(
        self,
        store: Store,
        clock: Clock | None = None,
        config_dir: Path | None = None,
        focus_meeting: str | None = None,
        notice: str | None = None,
    ):
        super().__init__()
        self._notice = notice
        self._quit_when_saved = False
        self._quit_unstored = False
        self._opening: str | None = None
        """The meeting being opened (its lock tried and its record read on a worker)."""
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.config_dir = config_dir
        self._focus_meeting = focus_meeting
        self._agendas: Agendas | None = None
        self._agendas_lock = threading.Lock()
        self.settings = load_settings(config_dir)
        use_themes(self, self.settings.theme)
        self._first_list: Future[FirstList] | None = None

    def on_load(self) -> None:
        # The first list (and any journal left by a run that ended) is read on a thread of
        # its own from the moment the app loads, beside Textual's own start: the start
        # screen usually finds it ready.
        self._first_list = start_reading(self.store)

    def take_first_list(self) -> Future[FirstList] | None:
        """The list read while the app started, for the first start screen (once)."""
        first, self._first_list = self._first_list, None
        return first

    def crash_folder(self) -> Path | None:
        return self.store.path.parent

    def on_ready(self) -> None:
        # The start screen comes once the app is ready, not while it mounts: Textual holds
        # back every frame until then, and a screen laid out meanwhile would reach the
        # terminal piece by piece (its list a few frames after its title).
        self.push_screen(StartScreen(focus_meeting=self._focus_meeting))
        if self._notice:
            self.notify(self._notice, timeout=15, markup=False)
        self._check_agendas()

    # --- agendas ------------------------------------------------------------------------

    @property
    def agendas(self) -> Agendas:
        """The agendas as checked (made when first asked for: loading them loads the
        models, which the first frame does without)."""
        with self._agendas_lock:
            if self._agendas is None:
                from facilitator.agenda.templates import Agendas

                self._agendas = Agendas(self.config_dir)
            return self._agendas

    @work(thread=True, group="agendas", exit_on_error=False)
    def _check_agendas(self) -> None:
        """Every agenda file checked at start, off the UI thread; each broken one named."""
        for problem in self.agendas.check_all():
            self.call_from_thread(self._agenda_problem, problem)

    def _agenda_problem(self, problem: TemplateError) -> None:
        self.notify(sv.agenda_problem(problem), severity="warning", timeout=20, markup=False)

    def agenda(self, kind: MeetingKind) -> AgendaTemplate:
        template, problem = self.agendas.fresh(kind)
        if problem is not None:
            self._agenda_problem(problem)
        return template

    # --- navigation --------------------------------------------------------------------

    def open_meeting(self, meeting_id: str) -> None:
        """Open a meeting to write in it, or read-only if another window writes in it. The
        lock is tried and the meeting read on a worker thread (a lock let go a moment ago
        is waited for, and the database may be slow): the screen stays alive meanwhile,
        and the meeting opens once they are done."""
        if self._opening is not None:
            return  # Enter twice: the meeting is on its way
        self._opening = meeting_id
        self._take_meeting(meeting_id)

    @work(thread=True, group="open-meeting")
    def _take_meeting(self, meeting_id: str) -> None:
        try:
            lock, locked = self._lock_meeting(meeting_id)
            # Loaded after the lock is taken: no other window writes it from here on.
            session, problem = self._load_session(meeting_id, lock)
        except BaseException:
            self.call_from_thread(self._opening_done)
            raise
        self.call_from_thread(self._meeting_taken, session, lock, locked, problem)

    @property
    def opening(self) -> bool:
        """A meeting is being opened: its lock tried, its record read."""
        return self._opening is not None

    def _opening_done(self) -> None:
        self._opening = None

    def _meeting_taken(self, session: MeetingSession | None, lock: MeetingLock, locked: bool, problem: str) -> None:
        from facilitator.meeting.live import LiveMeeting
        from facilitator.screens.meeting import MeetingScreen

        self._opening = None
        if session is None:
            self.notify(sv.STORE_PROBLEM.format(problem=problem), severity="error", markup=False)
            return
        if locked and session.timebox.finished:
            # A finished, signed meeting opens to be read; changing it is a deliberate act.
            lock.release()
            self.push_screen(MeetingScreen(LiveMeeting(session, read_only=True), finished=True))
            return
        planned_day = session.meeting.planned_start.date()
        today = from_ns(self.clock.wall_ns()).date()
        if locked and not session.timebox.started and planned_day != today:
            from facilitator.dialogs.confirm import ConfirmDialog

            def open_anyway(yes: bool | None) -> None:
                if yes:
                    self.push_screen(MeetingScreen(LiveMeeting(session, lock)))
                else:
                    lock.release()

            question = sv.OTHER_DAY.format(day=sv.when(session.meeting.planned_start), today=sv.day(today))
            self.push_screen(ConfirmDialog(question, sv.OTHER_DAY_YES), open_anyway)
            return
        if locked:
            self.push_screen(MeetingScreen(LiveMeeting(session, lock)))
            return

        def answer(read_only: bool | None) -> None:
            if read_only:
                self.push_screen(MeetingScreen(LiveMeeting(session, read_only=True)))

        from facilitator.dialogs.confirm import ConfirmDialog

        self.push_screen(ConfirmDialog(sv.ALREADY_OPEN, sv.OPEN_READ_ONLY), answer)

    async def reopen_finished(self, meeting_id: str) -> None:
        """Open a finished meeting again for changes (the question has been answered): its
        signatures are cleared and the case's history notes it."""
        from facilitator.meeting.live import LiveMeeting
        from facilitator.screens.meeting import MeetingScreen

        lock, locked = await asyncio.to_thread(self._lock_meeting, meeting_id)
        if not locked:
            self.notify(sv.REOPEN_OPEN_ELSEWHERE, severity="error", timeout=10, markup=False)
            return
        session, problem = await asyncio.to_thread(self._load_session, meeting_id, lock)
        if session is None:
            self.notify(sv.STORE_PROBLEM.format(problem=problem), severity="error", markup=False)
            return
        session.reopen_finished()
        live = LiveMeeting(session, lock)
        live.save()
        await self.switch_screen(MeetingScreen(live))
        self.notify(sv.REOPENED, timeout=8, markup=False)

    def _lock_meeting(self, meeting_id: str) -> tuple[MeetingLock, bool]:
        """The meeting's lock, and whether this window holds it now."""
        lock = MeetingLock(self.store.path.parent, meeting_id)
        try:
            return lock, lock.acquire()
        except OSError:
            return lock, False

    def _load_session(self, meeting_id: str, lock: MeetingLock) -> tuple[MeetingSession | None, str]:
        """The meeting as stored; None, the lock let go, and the problem in Swedish when
        the store cannot give it. Blocking: for a worker thread."""
        from facilitator.meeting.session import MeetingSession

        try:
            return MeetingSession.load(self.store, meeting_id, self.clock, self.agendas, own=lock.held), ""
        except StoreError as exc:
            lock.release()
            return None, store_problem(exc)

    def show_summary(self, session: MeetingSession) -> None:
        from facilitator.screens.summary import SummaryScreen

        self.push_screen(SummaryScreen(session))

    async def back_to_start(self) -> None:
        """Leave the meeting (everything saved) and show the start screen again; while not
        everything is on disk the meeting stays open, and saving goes on."""
        if not await self._shut_meetings():
            self.notify(sv.LEAVE_NOT_SAVED, severity="error", timeout=10, markup=False)
            return
        while not isinstance(self.screen, StartScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        if isinstance(self.screen, StartScreen):
            self.screen.refresh_meetings()

    def _meeting_screens(self):
        from facilitator.screens.meeting import MeetingScreen

        return [screen for screen in self.screen_stack if isinstance(screen, MeetingScreen)]

    async def _shut_meetings(self, timeout: float = 5.0) -> bool:
        saved = True
        for screen in self._meeting_screens():
            saved = await screen.shutdown(timeout) and saved
        return saved

    def _unstored_form(self):
        """The open form whose typing is not stored yet, if there is one."""
        from facilitator.dialogs.kept import KeepsTyping

        for screen in reversed(self.screen_stack):
            if isinstance(screen, KeepsTyping) and screen.unstored():
                return screen
        return None

    async def action_quit(self) -> None:
        """Quit once everything is saved; if it cannot be, ask what to do — never a silent exit."""
        from facilitator.dialogs.kept import FormQuitDialog

        form = self._unstored_form()
        if form is not None:
            if isinstance(self.screen, FormQuitDialog):
                return
            await self.push_screen(FormQuitDialog(form.kept.form, form.form_status_reason()), self._form_quit)
            return
        await self._quit_saved()

    async def _form_quit(self, choice) -> None:
        from facilitator.dialogs.kept import QuitChoice

        form = self._unstored_form()
        if choice is QuitChoice.STAY or form is None:
            return
        if choice is QuitChoice.KEEP:
            if not await form.keep_for_later():
                self.notify(sv.FORM_DRAFT_NOT_KEPT, severity="error", timeout=10, markup=False)
                return
        else:
            await form.throw_away()
        await self._quit_saved()

    async def _quit_saved(self) -> None:
        self._quit_when_saved = False
        if not self._quit_unstored and await self._refused_text():
            from facilitator.dialogs.confirm import ConfirmDialog

            self.push_screen(ConfirmDialog(sv.QUIT_TOO_LONG, sv.QUIT_TOO_LONG_YES), self._quit_refused)
            return
        if await self._shut_meetings(timeout=QUIT_WAIT_SECONDS):
            self.exit(0)
            return
        live = self._meeting_screens()[-1].live
        name = sv.UNSAVED_COPY_NAME.format(when=from_ns(self.clock.wall_ns()), meeting=live.session.meeting.id[:8])
        await self._ask_unsaved(Path.home() / name)

    async def _refused_text(self) -> bool:
        """Whether a meeting holds typed text its models refused (too long to store)."""
        refused = False
        for screen in self._meeting_screens():
            await screen.settle()
            screen.flush()
            refused = screen.refused() or refused
        return refused

    async def _quit_refused(self, anyway: bool | None) -> None:
        if anyway:
            self._quit_unstored = True
            await self.action_quit()

    async def _ask_unsaved(self, path: Path, problem: str = "") -> None:
        from facilitator.dialogs.unsaved import UnsavedDialog

        status = self._meeting_screens()[-1].live.status
        reason = sv.SAVE_FAILED_REASON[status.failure.reason if status.failure else "other"]
        last = f"{from_ns(status.saved_wall_ns):%H.%M}" if status.saved_wall_ns else ""
        dialog = UnsavedDialog(reason, last, path)
        await self.push_screen(dialog, self._unsaved)
        if problem:
            dialog.refuse(problem)

    async def _unsaved(self, answer) -> None:
        from facilitator.dialogs.unsaved import Choice

        if answer.choice is Choice.WAIT:
            self._quit_when_saved = True
            self.notify(sv.UNSAVED_WAITING, timeout=10, markup=False)
        elif answer.choice is Choice.COPY:
            try:
                self._meeting_screens()[-1].live.write_copy(answer.path)
            except FileExistsError:
                await self._ask_unsaved(answer.path, sv.UNSAVED_COPY_EXISTS)
            except OSError as exc:
                await self._ask_unsaved(answer.path, sv.UNSAVED_COPY_FAILED.format(problem=sv.os_reason(exc.errno)))
            else:
                for screen in self._meeting_screens():
                    screen.live.abandon()
                self.exit(0, message=sv.UNSAVED_COPY_SAVED.format(path=answer.path))

    async def on_meeting_screen_status_changed(self, message) -> None:
        """A write reported back: if the secretary chose to quit once everything is saved, now."""
        if self._quit_when_saved and not message.status.failed:
            await self._quit_saved()

    def action_help_quit(self) -> None:
        """Ctrl+C, which ends most terminal programs, says in Swedish which key ends this one
        (Textual's own says it in English)."""
        key_name = "ctrl+q"
        for active in self.active_bindings.values():
            if active.binding.action in ("quit", "app.quit"):
                key_name = active.binding.key
                break
        keys = key_name.split(",")[0].split("+")
        key = "+".join(part.upper() if len(part) == 1 else part.capitalize() for part in keys)  # Ctrl+Q
        self.notify(sv.HELP_QUIT.format(key=key), title=sv.HELP_QUIT_TITLE, markup=False)

    def action_command_palette(self) -> None:
        """The command palette, asking in Swedish; not over the room view (Ctrl+R), which
        is on the projector."""
        from textual.command import CommandPalette

        from facilitator.screens.room import RoomScreen

        if isinstance(self.screen, RoomScreen):
            return
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=sv.PALETTE_PLACEHOLDER, id="--command-palette"))

    # --- themes -------------------------------------------------------------------------

    def action_toggle_contrast(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == CONTRAST_THEME else CONTRAST_THEME
        self.settings.theme = self.theme
        try:
            save_settings(self.config_dir, self.settings)
        except OSError:
            self.notify(sv.SETTINGS_NOT_SAVED, severity="warning", markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        contrast = self.theme == CONTRAST_THEME
        yield SystemCommand(
            sv.CMD_THEME_DEFAULT if contrast else sv.CMD_THEME_CONTRAST,
            sv.CMD_THEME_HELP,
            self.action_toggle_contrast,
        )
        yield SystemCommand(sv.CMD_QUIT, sv.CMD_QUIT_HELP, self.action_quit)
