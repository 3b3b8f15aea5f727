"""The meeting screen: the visual agenda, the step's countdown and its capture form.

Projected in the room while the secretary types. Every key works while a text field
has focus (priority bindings on keys no text field uses). The timer is read from the
clock four times a second; that only redraws. Text is read from the fields into the
models after a pause in typing and on every step change, and written by the autosaver
thread, so a key press never waits for the disk.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from facilitator import strings as sv
from facilitator.agenda.clock import NS_PER_MIN, NS_PER_S, from_ns
from facilitator.agenda.models import Capture
from facilitator.agenda.timebox import TimeboxError
from facilitator.screens.pacing import Collector, PromptFrames
from facilitator.store.autosave import Autosaver
from facilitator.store.database import PreparedMeeting
from facilitator.store.errors import StorageFailure, classify
from facilitator.store.lock import MeetingLock
from facilitator.store.session import MeetingSession
from facilitator.widgets.agenda import AgendaView
from facilitator.widgets.capture import forms_for
from facilitator.widgets.countdown import Countdown
from facilitator.widgets.forms import CaptureForm
from facilitator.widgets.label import relabel

if TYPE_CHECKING:
    from facilitator.app import FacilitatorApp

TICK_SECONDS = 0.25
QUIET_SECONDS = 0.5
"""Save after this long without a key press..."""
LONGEST_UNSAVED_SECONDS = 1.0
"""...and at the latest this long after the first unsaved key press."""


class MeetingScreen(PromptFrames, Screen[None]):
    CSS_PATH = "meeting.tcss"
    app: FacilitatorApp

    BINDINGS = [
        Binding("f1", "help", sv.KEY_HELP, priority=True, id="help"),
        Binding("f2", "attendance", sv.KEY_ATTENDANCE, priority=True, id="attendance"),
        Binding("f3", "previous_step", sv.KEY_PREVIOUS, priority=True, id="previous-step"),
        Binding("f4", "close_step", sv.KEY_CLOSE_STEP, priority=True, id="close-step"),
        Binding("f5", "toggle_timer", sv.KEY_TOGGLE, priority=True, id="toggle-timer"),
        Binding("f8", "add_minute", sv.KEY_ADD_MINUTE, priority=True, id="add-minute"),
        Binding("f9", "rebalance", sv.KEY_REBALANCE, priority=True, id="rebalance"),
        Binding("ctrl+r", "room", sv.KEY_ROOM, priority=True, id="room"),
        Binding("ctrl+s", "save", sv.KEY_SAVE, priority=True, id="save"),
        Binding("escape", "back_to_current", sv.KEY_BACK_TO_CURRENT, show=False, id="back"),
    ]

    SHOW_READ_ONLY_BANNER = True

    room_layout: reactive[bool] = reactive(False, init=False)
    viewed: reactive[int] = reactive(0, init=False)
    """The step whose form is shown: the timer's step, unless the review jumped elsewhere."""

    def __init__(
        self, session: MeetingSession, lock: MeetingLock | None = None, read_only: bool = False
    ):
        super().__init__()
        self.session = session
        self.timebox = session.timebox
        self.lock = lock
        self.read_only = read_only
        self._forms: list[CaptureForm] = []
        self._unsaved_since: float | None = None
        self._last_edit = 0.0
        self._collector = Collector()
        self._save_failed = False
        self._announce_save = False
        self._shut_down = False
        # Only a writing screen has a writer thread.
        self.autosaver = (
            None
            if read_only
            else Autosaver(session.write, self._saved_in_thread, self._failed_in_thread)
        )

    _WRITING_ACTIONS = frozenset(
        {
            "toggle_timer",
            "close_step",
            "previous_step",
            "add_minute",
            "rebalance",
            "attendance",
            "save",
            "export",
        }
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Read-only: the meeting is written in another window; nothing here may change it.
        if self.read_only and action in self._WRITING_ACTIONS:
            return False
        return True

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="save-banner", markup=False)
        with Horizontal(id="top-bar"):
            yield Static(id="meeting-title")
            yield Static(id="save-state", markup=False)
            yield Static(id="end-times")
        with Horizontal(id="main"):
            with VerticalScroll(id="agenda-pane"):
                yield AgendaView(id="agenda")
            with Vertical(id="step-pane"):
                with Horizontal(id="step-head"):
                    with Vertical(id="step-info"):
                        yield Static(id="step-title")
                        yield Static(id="step-guidance", markup=False)
                        yield Static(id="time-up")
                        yield Static(id="viewing", markup=False)
                    yield Countdown(id="countdown")
                yield VerticalScroll(id="step-body")
                yield Static(id="room-text")
        yield Footer()

    def on_mount(self) -> None:
        meeting = self.session.meeting
        title = Content(f"{sv.MEETING_KIND[meeting.kind]} · ") + Content(self.session.case.child.name)
        self.query_one("#meeting-title", Static).update(title)
        self.set_reactive(MeetingScreen.viewed, self.timebox.current_index)
        self._show_step()
        self._tick()
        self.set_interval(TICK_SECONDS, self._tick)
        if self.read_only and self.SHOW_READ_ONLY_BANNER:
            banner = self.query_one("#save-banner", Static)
            banner.update(sv.READ_ONLY_BANNER)
            banner.add_class("read-only")
            banner.display = True
        if self.read_only:
            self.query_one("#step-body").disabled = True
        else:
            self._say_resumed()
        self.call_after_refresh(self._collector.start)

    def on_unmount(self) -> None:
        self._collector.stop()

    def _say_resumed(self) -> None:
        """After a restart (or a crash), say where the meeting stands and how long it was away."""
        timer = self.session.meeting.timer
        if not self.timebox.started or self.timebox.finished or timer.saved_wall_ns is None:
            return
        step = self.timebox.current_index + 1
        if self.timebox.running:
            gap = (self.session.clock.wall_ns() - timer.saved_wall_ns) / NS_PER_S
            message = sv.RESUMED.format(step=step, gap=sv.duration(gap))
        else:
            message = sv.RESUMED_PAUSED.format(step=step)
        self.notify(message, timeout=12, markup=False)

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "narrow")

    def watch_room_layout(self, room: bool) -> None:
        self.set_class(room, "room")
        self.query_one(AgendaView).spacious = room
        self.query_one(Countdown).set_class(room, "big")
        self._refresh_agenda()
        if room:
            self._flush_forms()
            self._update_room_text()
        else:
            self._focus_first_field()

    # --- showing a step ------------------------------------------------------------------------

    def _show_step(self) -> None:
        """Mount the forms of the viewed step and put the cursor in its first field."""
        step = self.timebox.steps[self.viewed]
        number = f"{self.viewed + 1}/{len(self.timebox.steps)}  "
        self.query_one("#step-title", Static).update(
            Content.styled(number, "bold") + Content.styled(step.title, "bold")
        )
        self.query_one("#step-guidance", Static).update(step.guidance)
        viewing = self.query_one("#viewing", Static)
        away = self.viewed != self.timebox.current_index
        viewing.display = away
        if away:
            current = self.timebox.current_index + 1
            viewing.update(sv.VIEWING_OTHER_STEP.format(step=current))
        body = self.query_one("#step-body", VerticalScroll)
        body.remove_children()
        self._forms = forms_for(step, self.session)
        body.set_class(len(step.captures) == 1 and step.captures[0] in _FILL_CAPTURES, "fill")
        body.mount_all(self._forms)
        body.scroll_home(animate=False)
        self.call_after_refresh(self._focus_first_field)
        self._refresh_agenda()
        self._update_room_text()

    def _focus_first_field(self) -> None:
        for form in self._forms:
            field = form.first_field()
            if field is not None:
                field.focus()
                return

    def _refresh_agenda(self) -> None:
        self.query_one(AgendaView).refresh_from(self.timebox)

    def _tick(self) -> None:
        """Redraw the time from the clock; also the moment to save after a pause in typing."""
        self.query_one(Countdown).refresh_from(self.timebox)
        self._refresh_agenda()
        self._refresh_end_times()
        remaining = self.timebox.remaining_ns()
        time_up = self.query_one("#time-up", Static)
        show = self.timebox.running and remaining <= 0
        if time_up.display != show:
            time_up.display = show
            time_up.update(Content.styled(sv.TIME_UP, "bold $error") if show else "")
        now = time.monotonic()
        self._collector.tick(quiet_for=now - self._last_edit)
        if self._unsaved_since is not None:
            if (
                now - self._last_edit >= QUIET_SECONDS
                or now - self._unsaved_since >= LONGEST_UNSAVED_SECONDS
            ):
                self.autosave()

    def _refresh_end_times(self) -> None:
        planned = from_ns(self.timebox.planned_end_wall_ns())
        projected = from_ns(self.timebox.projected_end_wall_ns())
        late = self.timebox.projected_end_wall_ns() - self.timebox.planned_end_wall_ns()
        style = "bold $error" if late >= NS_PER_MIN else "bold"
        text = Content(f"{sv.PLANNED_END} {planned:%H.%M} · {sv.PROJECTED_END} ") + Content.styled(
            f"{projected:%H.%M}", style
        )
        widget = self.query_one("#end-times", Static)
        if str(widget.visual) != text.plain:
            relabel(widget, text)

    def _update_room_text(self) -> None:
        if not self.room_layout:
            return
        parts = [form.room_text() for form in self._forms]
        text = Content("\n\n").join(p for p in parts if p.plain)
        room_text = self.query_one("#room-text", Static)
        room_text.update(text)
        # The newest line is what is being written: keep it in view.
        self.call_after_refresh(room_text.scroll_end, animate=False)

    # --- editing and saving -------------------------------------------------------------------

    @on(CaptureForm.Edited)
    def _edited(self, event: CaptureForm.Edited) -> None:
        now = time.monotonic()
        self._last_edit = now
        if self._unsaved_since is None:
            self._unsaved_since = now
        if event.urgent:
            self.autosave()

    def _flush_forms(self) -> None:
        for form in self._forms:
            form.flush()

    def save(self) -> PreparedMeeting | None:
        """Read the fields into the models and hand a snapshot to the writer thread."""
        if self.autosaver is None:
            return None
        self._flush_forms()
        self._unsaved_since = None
        prepared = self.session.snapshot()
        self.autosaver.submit(prepared)
        self._update_room_text()
        return prepared

    def autosave(self) -> None:
        """The save after a pause in typing or a changed choice, in three turns of the
        event loop: the fields are read into the models, then the snapshot is taken, then
        it is handed to the writer thread (which from then on competes for the
        interpreter). A key pressed meanwhile waits for one of these, never for all."""
        if self.autosaver is None:
            return
        self._flush_forms()
        self._unsaved_since = None
        # Bare event-loop callbacks, not messages: each runs on its own, not inside the
        # screen's message handling.
        asyncio.get_running_loop().call_soon(self._snapshot_soon)

    def _snapshot_soon(self) -> None:
        if self._shut_down or self.autosaver is None:
            return  # shutting down saved everything already
        prepared = self.session.snapshot()
        asyncio.get_running_loop().call_soon(self._hand_over, prepared)

    def _hand_over(self, prepared: PreparedMeeting) -> None:
        if self._shut_down or self.autosaver is None:
            return
        self.autosaver.submit(prepared)
        self._update_room_text()

    class Saved(Message):
        """The writer thread stored a snapshot (posted from that thread)."""

        def __init__(self, prepared: PreparedMeeting):
            super().__init__()
            self.prepared = prepared

    class SaveFailed(Message):
        """The writer thread could not store a snapshot; it will try again."""

        def __init__(self, error: Exception):
            super().__init__()
            self.error = error

    def _saved_in_thread(self, prepared: PreparedMeeting) -> None:
        # post_message is safe from any thread and never waits for the UI.
        self.post_message(self.Saved(prepared))

    def _failed_in_thread(self, error: Exception) -> None:
        self.post_message(self.SaveFailed(error))

    @on(Saved)
    def _on_saved(self, message: Saved) -> None:
        if not self._shut_down:  # after shutdown the widgets may already be gone
            self._saved(message.prepared)

    @on(SaveFailed)
    def _on_save_failed(self, message: SaveFailed) -> None:
        if not self._shut_down:
            self._failed(message.error)

    def _saved(self, prepared: PreparedMeeting) -> None:
        state = self.query_one("#save-state", Static)
        # To the minute: the label then changes once a minute, not with every save, and a
        # save costs no repaint. A failed save shows at once (banner and label).
        text = sv.SAVED_AT.format(time=f"{from_ns(prepared.saved_wall_ns):%H.%M}")
        if state.has_class("failed") or str(state.visual) != text:
            relabel(state, text)
        state.set_class(False, "failed")
        if self._announce_save:
            self._announce_save = False
            self.notify(sv.SAVED_NOW, timeout=2)
        if self._save_failed:
            self._save_failed = False
            self.query_one("#save-banner", Static).display = False
            self.notify(sv.SAVED_AGAIN, timeout=4, markup=False)

    def _failed(self, error: Exception) -> None:
        failure = error if isinstance(error, StorageFailure) else classify(error)
        state = self.query_one("#save-state", Static)
        state.set_class(True, "failed")
        relabel(state, sv.SAVE_FAILED)
        banner = self.query_one("#save-banner", Static)
        banner.update(sv.SAVE_FAILED_BANNER.format(reason=sv.SAVE_FAILED_REASON[failure.reason]))
        banner.display = True
        self._save_failed = True

    def shutdown(self) -> bool:
        """Save everything and stop the writer; True when all of it reached the disk."""
        if self._shut_down:
            return True
        self._shut_down = True
        self._collector.stop()  # the automatic collector again, whatever comes next
        self.save()
        written = self.autosaver.close() if self.autosaver is not None else True
        if self.lock is not None:
            self.lock.release()
        return written

    # --- actions ------------------------------------------------------------------------------

    def _after_timer_change(self) -> None:
        self._view(self.timebox.current_index)
        self.save()

    def _view(self, index: int) -> None:
        if self.viewed == index:
            self._show_step()
        else:
            self.viewed = index  # the watcher shows it

    def watch_viewed(self) -> None:
        if self.is_mounted:
            self._show_step()

    def action_toggle_timer(self) -> None:
        running = self.session.toggle_timer()
        self.notify(sv.TIMER_STARTED if running else sv.TIMER_PAUSED_NOTE, timeout=2)
        self._tick()
        self.save()

    def action_close_step(self) -> None:
        if self.timebox.finished:
            self.app.show_summary(self.session)
            return
        self._flush_forms()
        if not self.timebox.pending_after_current():
            self.action_review()
            return
        self.session.close_step()
        self._after_timer_change()

    def action_review(self) -> None:
        """All of the SIP and what is missing; from the last step, F4 there ends the meeting."""
        from facilitator.screens.review import ReviewScreen

        self._flush_forms()
        last = not self.timebox.finished and not self.timebox.pending_after_current()
        self.app.push_screen(ReviewScreen(self.session, can_finish=last), self._after_review)

    def _after_review(self, result: Capture | str | None) -> None:
        if result == "finish":
            self.session.close_step()
            self.save()
            if self.autosaver is not None:
                self.autosaver.wait_idle(2.0)
            self._refresh_agenda()
            self.app.show_summary(self.session)
        elif isinstance(result, Capture):
            self.jump_to(result)

    def jump_to(self, capture: Capture) -> None:
        """Show the form of the step where ``capture`` is typed; the timer stays where it is."""
        for index, step in enumerate(self.timebox.steps):
            if capture in step.captures:
                self._view(index)
                return

    def action_back_to_current(self) -> None:
        if self.viewed != self.timebox.current_index:
            self._flush_forms()
            self._view(self.timebox.current_index)

    def action_previous_step(self) -> None:
        self._flush_forms()
        try:
            self.session.reopen_previous()
        except TimeboxError:
            self.notify(sv.NO_EARLIER_STEP, severity="warning", timeout=3)
            return
        self._after_timer_change()

    def action_add_minute(self) -> None:
        try:
            self.session.add_minute()
        except TimeboxError:
            return
        self.notify(sv.MINUTE_ADDED, timeout=2)
        self._tick()
        self.save()

    def action_rebalance(self) -> None:
        try:
            self.session.rebalance()
        except TimeboxError:
            self.notify(sv.NOTHING_TO_REBALANCE, severity="warning", timeout=3)
            return
        self.notify(sv.REBALANCED, timeout=3)
        self._tick()
        self.save()

    def action_export(self, fmt: str = "pdf") -> None:
        """Write the SIP to a file in the export folder, in a worker so nothing waits."""
        self.save()
        self._export(fmt)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, fmt: str) -> None:
        from facilitator.export.files import export_meeting, write_private
        from facilitator.paths import ensure_private_dir

        try:
            if self.autosaver is not None:
                self.autosaver.wait_idle(5.0)
            folder = ensure_private_dir(self.session.store.path.parent / "export")
            exported = export_meeting(
                self.session.store, self.session.meeting.id, fmt, from_ns(self.session.clock.wall_ns())
            )
            path = folder / exported.filename
            write_private(path, exported.data)
        except Exception as error:  # noqa: BLE001 - reported, never raised into the UI
            self.post_message(self.Exported(None, str(error)))
            return
        self.post_message(self.Exported(str(path), ""))

    class Exported(Message):
        def __init__(self, path: str | None, problem: str):
            super().__init__()
            self.path = path
            self.problem = problem

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        if message.path:
            self.notify(sv.EXPORTED.format(path=message.path), timeout=10, markup=False)
        else:
            self.notify(sv.EXPORT_FAILED.format(problem=message.problem), severity="error", markup=False)

    def action_to_start(self) -> None:
        """Leave the meeting for the start screen; everything is saved, the timer goes on."""
        self.app.back_to_start()

    def action_room(self) -> None:
        self.room_layout = not self.room_layout

    def action_save(self) -> None:
        # Said when the writer thread reports it done; the key never waits for the disk.
        self._announce_save = True
        self.save()

    def action_help(self) -> None:
        from facilitator.screens.help import HelpScreen

        keys = [
            (self.app.get_key_display(binding), binding.description)
            for binding in self.BINDINGS
            if isinstance(binding, Binding) and binding.show
        ]
        self.app.push_screen(HelpScreen(self.timebox.steps[self.viewed], keys))

    def action_attendance(self) -> None:
        from facilitator.screens.attendance import AttendanceScreen

        self._flush_forms()

        def done(_: None) -> None:
            for form in self._forms:
                form.reload()
            self.save()
            self._focus_first_field()

        self.app.push_screen(AttendanceScreen(self.session, on_edit=self.save), done)


_FILL_CAPTURES = {
    Capture.PURPOSE,
    Capture.FAMILY_STORY,
    Capture.PROFESSIONALS_STORY,
    Capture.NOTES,
    Capture.REFLECTION,
    Capture.IF_WORSE,
}
