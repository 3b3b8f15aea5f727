"""The meeting screen: the visual agenda, the step's countdown and its capture form.

The secretary's view of the live meeting (``facilitator.meeting.live``): it shows the
timer and the step, turns keys into the live meeting's operations, and lends it the
forms (``flush``, ``typed``) so it can save and draft. Every key works while a text
field has focus (priority bindings on keys no text field uses). The time is read from
the clock on every tick; a tick only redraws and lets the live meeting write what is due.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static, TextArea

from facilitator import strings as sv
from facilitator.agenda.models import Capture
from facilitator.agenda.timebox import TimeboxError, TimerView
from facilitator.dialogs import dialog_for, dialog_for_which
from facilitator.meeting.follow import Showing
from facilitator.meeting.live import Held, LiveMeeting, SaveStatus
from facilitator.meeting.typing import TypingMode
from facilitator.screens.pacing import PromptFrames
from facilitator.store.errors import StoreError
from facilitator.widgets.agenda import AgendaView
from facilitator.widgets.capture import fills_the_step, forms_for
from facilitator.widgets.clamped import Clamped
from facilitator.widgets.countdown import Countdown, EndTimes, TimeUp
from facilitator.widgets.footer import KeyFooter
from facilitator.widgets.forms import CaptureForm
from facilitator.widgets.inorder import IN_ORDER_BINDINGS, InOrderFocus
from facilitator.widgets.problems import export_problem, store_problem
from facilitator.widgets.savestate import SaveBanner, SaveLabel

if TYPE_CHECKING:
    from facilitator.screens.host import Host

TICK_SECONDS = 0.05
"""Often enough for the draft that the room view reads, a moment after each key."""


class MeetingScreen(InOrderFocus, PromptFrames, Screen[None]):
    CSS_PATH = "meeting.tcss"
    app: Host  # the app, as far as this screen needs it

    timer: reactive[TimerView | None] = reactive(None, init=False)
    """Where the timer stands, read from the clock twenty times a second and bound into
    the countdown, the end times, the agenda and the time-up line."""

    # The footer shows the meeting's own keys, in this order (they fit at 100 columns);
    # F1 and the palette list them all.
    BINDINGS = [
        Binding("f4", "close_step", sv.KEY_CLOSE_STEP, priority=True, id="close-step"),
        Binding("f5", "toggle_timer", sv.KEY_TOGGLE, priority=True, id="toggle-timer"),
        Binding("f8", "add_minute", sv.KEY_ADD_MINUTE, priority=True, id="add-minute"),
        Binding("f9", "rebalance", sv.KEY_REBALANCE, priority=True, id="rebalance"),
        # Help before the room view: in an 80-column window the footer ends about here,
        # and F1 lists every key.
        Binding("f1", "help", sv.KEY_HELP, priority=True, id="help"),
        Binding("ctrl+r", "room", sv.KEY_ROOM, priority=True, id="room"),
        Binding("f2", "attendance", sv.KEY_ATTENDANCE, show=False, priority=True, id="attendance"),
        Binding("f3", "previous_step", sv.KEY_PREVIOUS, show=False, priority=True, id="previous-step"),
        Binding("f10", "to_start", sv.KEY_TO_START, show=False, priority=True, id="to-start"),
        Binding("ctrl+s", "save", sv.KEY_SAVE, show=False, priority=True, id="save"),
        # From anywhere in the step, a text field of it too: a new row in the step's list.
        Binding("ctrl+n", "add_row", sv.KEY_ADD_ROW, show=False, priority=True, id="add-row"),
        # Every room view of the meeting to the child's view and back (the top bar says
        # when it is on); not in the footer, which it would push past 100 columns.
        Binding("ctrl+b", "child_room", sv.KEY_CHILD_ROOM, show=False, priority=True, id="child-room"),
        Binding("escape", "back_to_current", sv.KEY_BACK_TO_CURRENT, show=False, id="back"),
        # Tab and Shift+Tab move between a step's fields as they are read, so text typed
        # right behind a Tab lands in the next field even when the keys come together.
        *IN_ORDER_BINDINGS,
    ]

    SETTLE_SECONDS = 1.0
    """The longest a key waits for the field to take the keys typed before it."""

    class StatusChanged(Message):
        """The writer thread wrote, or failed to (posted from that thread)."""

        def __init__(self, status: SaveStatus):
            super().__init__()
            self.status = status

    class Exported(Message):
        """An export was written (``path``), or why not (``problem``); ``unsaved``: why
        what the file holds is not in the database yet; ``stored``: the store refused."""

        def __init__(self, path: str | None, problem: str, *, unsaved: str = "", stored: bool = False):
            super().__init__()
            self.path = path
            self.problem = problem
            self.unsaved = unsaved
            self.stored = stored

    def __init__(self, live: LiveMeeting, *, finished: bool = False):
        """``finished``: a finished, signed meeting shown to be read; F3 asks whether to
        open it again for changes."""
        super().__init__()
        self.live = live
        self.finished = finished
        self.session = live.session
        self.timebox = live.timebox
        self.read_only = live.read_only
        self._forms: list[CaptureForm] = []
        self.viewed = live.timebox.current_index
        """The step whose form is shown: the timer's step, unless the review jumped elsewhere."""
        self._typing = TypingMode()
        self._announce_save = False

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
            "child_room",
            "add_row",
        }
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Read-only: the meeting is finished, or written in another window; nothing here
        # may change it (a finished one may be reopened, after a question).
        if self.finished and action == "previous_step":
            return True
        return not (self.read_only and action in self._WRITING_ACTIONS)

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield SaveBanner(id="save-banner")
        with Horizontal(id="top-bar"):
            yield Static(id="meeting-title")
            yield Static(sv.CHILD_ROOM_MARK, id="child-room-mark", markup=False)
            yield SaveLabel(id="save-state")
            yield EndTimes(id="end-times").data_bind(MeetingScreen.timer)
        with Horizontal(id="main"):
            with VerticalScroll(id="agenda-pane"):
                yield AgendaView(id="agenda").data_bind(MeetingScreen.timer)
            with Vertical(id="step-pane"):
                with Horizontal(id="step-head"):
                    with Vertical(id="step-info"):
                        yield Static(id="step-title")
                        yield Clamped(id="step-guidance")
                        yield TimeUp(id="time-up").data_bind(MeetingScreen.timer)
                        yield Static(id="viewing", markup=False)
                    yield Countdown(id="countdown").data_bind(MeetingScreen.timer)
                yield VerticalScroll(id="step-body")
        yield KeyFooter()

    async def on_mount(self) -> None:
        meeting = self.session.meeting
        title = Content(f"{sv.MEETING_KIND[meeting.kind]} · ") + Content(self.session.case.child.name)
        self.query_one("#meeting-title", Static).update(title)
        self.query_one("#child-room-mark").display = meeting.child_room
        await self._show(self.timebox.current_index)
        self.refresh_time()
        self.set_interval(TICK_SECONDS, self.refresh_time)
        loop = asyncio.get_running_loop()
        self.live.attach(self, on_status=self.status_from_thread, defer=loop.call_soon)
        if self.read_only:
            self.query_one(SaveBanner).read_only(sv.FINISHED_BANNER if self.finished else sv.READ_ONLY_BANNER)
            self.query_one("#step-body").disabled = True
            return
        self._say_resumed()
        self._typing.enter()  # given back when the screen goes

    def on_unmount(self) -> None:
        self._typing.leave()
        self.live.detach(self)
        if not self.live.closed:
            # The app is ending without Ctrl+Q (an error, or a test): write what is there
            # and let the meeting's lock go, so it can be opened again.
            self.live.close(timeout=2.0)

    def _say_resumed(self) -> None:
        """After a restart (or a crash), say where the meeting stands and how long it was away."""
        step = self.timebox.current_index + 1
        away = self.live.away_seconds()
        if away is not None:
            self.notify(sv.RESUMED.format(step=step, gap=sv.duration(away)), timeout=12, markup=False)
        elif self.timebox.started and not self.timebox.finished and self.session.meeting.timer.saved_wall_ns:
            self.notify(sv.RESUMED_PAUSED.format(step=step), timeout=12, markup=False)

    def on_resize(self) -> None:
        narrow = self.size.width < 100
        self.set_class(narrow, "narrow")
        self.query_one("#step-guidance", Clamped).max_lines = 2 if narrow or self.size.height < 30 else 3

    # --- the editor the live meeting reads from ---------------------------------------------

    def flush(self) -> None:
        for form in self._forms:
            form.flush()

    def refused(self) -> bool:
        """Something typed is not stored: the models refused it (too long)."""
        return any(form.refused for form in self._forms)

    def typed(self) -> dict[str, str]:
        fields: dict[str, str] = {}
        for form in self._forms:
            fields.update(form.typed())
        return fields

    # --- showing a step ------------------------------------------------------------------------

    async def _show(self, index: int) -> None:
        """Show step ``index``'s forms with the cursor in the first field before anything
        else is handled: a key typed right after F4 goes into the new step's field."""
        self.viewed = index
        step = self.timebox.steps[index]
        number = f"{index + 1}/{len(self.timebox.steps)}  "
        self.query_one("#step-title", Static).update(Content.styled(number + step.title, "bold"))
        self.query_one("#step-guidance", Clamped).text = step.guidance
        viewing = self.query_one("#viewing", Static)
        away = index != self.timebox.current_index
        viewing.display = away
        if away:
            viewing.update(sv.VIEWING_OTHER_STEP.format(step=self.timebox.current_index + 1))
        body = self.query_one("#step-body", VerticalScroll)
        await body.remove_children()
        self._forms = forms_for(step, self.session)
        body.set_class(fills_the_step(step), "fill")
        await body.mount_all(self._forms)
        body.scroll_home(animate=False)
        self._focus_first_field()
        self.show_timer()

    async def settle(self) -> None:
        """Let the focused field take the keys already given to it. Keys that arrive
        together (a fast typist, a paste, a remote terminal) reach the field one by one,
        while F4 or Ctrl+Q in the same burst is handled at once: reading the fields
        before the field has its keys would leave the last words out."""
        focused = self.focused
        if focused is None:
            return
        taken = asyncio.Event()
        if focused.call_later(taken.set):
            try:
                await asyncio.wait_for(taken.wait(), self.SETTLE_SECONDS)
            except TimeoutError:
                pass

    def _focus_first_field(self) -> None:
        for form in self._forms:
            field = form.first_field()
            if field is not None:
                if isinstance(field, TextArea):
                    field.move_cursor(field.document.end)  # what is typed next follows what was said
                # At once, not after the keys already waiting. The step starts at its
                # top once it is laid out, scrolled further only if the field is out of
                # view (measured before the layout, the heading was scrolled away now and
                # then).
                self.set_focus(field, scroll_visible=False)
                self.call_after_refresh(self._show_top, field)
                return

    def _show_top(self, field: Widget) -> None:
        body = self.query_one("#step-body", VerticalScroll)
        body.scroll_home(animate=False, immediate=True)
        if field.is_mounted and not body.can_view_entire(field):
            body.scroll_to_widget(field, animate=False, immediate=True)

    def refresh_time(self) -> None:
        """Redraw the time from the clock, and let the live meeting write what is due. Runs
        twenty times a second; a test whose clock jumps calls it to see the jump at once."""
        self.live.tick()
        self.show_timer()
        self._typing.tick()

    def show_timer(self) -> None:
        """The timer as the clock says now, handed down to what shows it (the countdown,
        the end times, the agenda and the time-up line are bound to ``timer``): a view
        equal to the last one changes nothing."""
        self.timer = self.live.timer()

    # --- editing and saving -------------------------------------------------------------------

    @on(CaptureForm.ExportWanted)
    async def _export_wanted(self, request: CaptureForm.ExportWanted) -> None:
        request.stop()
        await self.action_export(request.fmt)

    @on(CaptureForm.DialogWanted)
    def _dialog_wanted(self, request: CaptureForm.DialogWanted) -> None:
        request.stop()
        self.app.push_screen(dialog_for(request), request.done)

    @on(CaptureForm.Edited)
    def _edited(self, event: CaptureForm.Edited) -> None:
        self._typing.typed()
        self.live.edited(urgent=event.urgent)

    def save(self) -> None:
        """Everything into the models and to the writer, now (a step change, Ctrl+S, F2)."""
        self.live.save()

    @on(StatusChanged)
    def _status_changed(self, message: StatusChanged) -> None:
        if not self.is_attached:
            return
        self.query_one(SaveLabel).show(message.status)
        if self.query_one(SaveBanner).show(message.status):
            self.notify(sv.SAVED_AGAIN, timeout=4, markup=False)
        if self._announce_save and not message.status.failed:
            self._announce_save = False
            self.notify(sv.SAVED_NOW, timeout=2)

    def status_from_thread(self, status: SaveStatus) -> None:
        # post_message is safe from any thread and never waits for the UI.
        self.post_message(self.StatusChanged(status))

    async def shutdown(self, timeout: float = 5.0) -> bool:
        """Save everything (the keys already typed included) and stop the writer; True
        when all of it reached the disk. When it did not, saving goes on and the screen
        stays as it is."""
        await self.settle()
        self._typing.leave()  # the automatic collector again, whatever comes next
        self.live.save()  # the fields are read here, on the thread that owns them
        # The wait is on another thread: while a failing disk is retried, the countdown
        # and the screen stay alive instead of freezing for the whole wait.
        return await asyncio.to_thread(self.live.close, timeout, save=False)

    # --- actions ------------------------------------------------------------------------------

    async def action_toggle_timer(self) -> None:
        await self._timer(self.live.toggle_timer)
        self.notify(sv.TIMER_STARTED if self.timebox.running else sv.TIMER_PAUSED_NOTE, timeout=2)

    async def action_close_step(self) -> None:
        if self.timebox.finished:
            self.app.show_summary(self.session)
            return
        if not self.timebox.pending_after_current():
            await self.action_review()
            return
        await self._timer(self.live.close_step, step_changes=True)

    async def action_review(self) -> None:
        """All of the SIP and what is missing; from the last step, F4 there ends the meeting."""
        from facilitator.screens.review import ReviewScreen

        await self.settle()
        self.flush()
        last = not self.timebox.finished and not self.timebox.pending_after_current()
        self.app.push_screen(ReviewScreen(self.session, can_finish=last), self._after_review)

    def _after_review(self, result: Capture | str | None) -> None:
        if result == "finish":
            # Handed to the writer; the summary does not wait for the disk (the save
            # label says when it is written, and leaving waits on another thread).
            self.live.close_step()
            self.show_timer()
            self.app.show_summary(self.session)
        elif isinstance(result, Capture):
            self.call_later(self.jump_to, result)

    async def jump_to(self, capture: Capture) -> None:
        """Show the form of the step where ``capture`` is typed; the timer stays where it is."""
        for index, step in enumerate(self.timebox.steps):
            if capture in step.captures:
                self.flush()
                await self._show(index)
                return

    async def action_back_to_current(self) -> None:
        if self.viewed != self.timebox.current_index:
            await self.settle()
            self.flush()
            await self._show(self.timebox.current_index)

    async def _timer(self, operation, said: str = "", refused: str = "", step_changes: bool = False) -> None:
        """A timer operation of the live meeting (it reads the fields in and saves), after
        the field has taken its keys; a refusal is said, not raised."""
        await self.settle()
        try:
            operation()
        except TimeboxError:
            if refused:
                self.notify(refused, severity="warning", timeout=3)
            return
        if said:
            self.notify(said, timeout=2)
        if step_changes:
            await self._show(self.timebox.current_index)
        self.refresh_time()

    async def action_previous_step(self) -> None:
        if self.finished:
            from facilitator.dialogs.confirm import ConfirmDialog

            meeting_id = self.session.meeting.id

            async def answer(yes: bool | None) -> None:
                if yes:
                    await self.app.reopen_finished(meeting_id)

            self.app.push_screen(ConfirmDialog(sv.REOPEN_QUESTION, sv.REOPEN_YES), answer)
            return
        await self._timer(self.live.reopen_previous, refused=sv.NO_EARLIER_STEP, step_changes=True)

    async def action_add_minute(self) -> None:
        await self._timer(self.live.add_minute, said=sv.MINUTE_ADDED)

    async def action_rebalance(self) -> None:
        await self._timer(self.live.rebalance, said=sv.REBALANCED, refused=sv.NOTHING_TO_REBALANCE)

    async def action_export(self, fmt: str = "pdf") -> None:
        """Write the SIP to a file in the export folder, in a worker so nothing waits. The
        file is made from the meeting as this screen holds it, the words typed last
        included, never from an older copy in the database."""
        await self.settle()
        self.save()
        self._export(fmt, self.live.held(flush=False))

    @work(thread=True, exclusive=True, group="export")
    def _export(self, fmt: str, held: Held) -> None:
        try:
            exported = self.live.export(fmt, held)
        except Exception as error:  # noqa: BLE001 - reported, never raised into the UI
            stored = isinstance(error, StoreError)
            self.post_message(self.Exported(None, export_problem(error), stored=stored))
            return
        unsaved = ""
        if not exported.stored:
            unsaved = sv.SAVE_PENDING if exported.failure is None else store_problem(exported.failure)
        self.post_message(self.Exported(str(exported.path), "", unsaved=unsaved))

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        if message.path and message.unsaved:
            text = sv.EXPORTED_UNSAVED.format(path=message.path, problem=message.unsaved)
            self.notify(text, severity="warning", timeout=12, markup=False)
        elif message.path:
            self.notify(sv.EXPORTED.format(path=message.path), timeout=10, markup=False)
        elif message.stored:
            self.notify(sv.EXPORT_REFUSED_STORE.format(problem=message.problem), severity="error", markup=False)
        else:
            self.notify(sv.EXPORT_FAILED.format(problem=message.problem), severity="error", markup=False)

    async def action_to_start(self) -> None:
        """Leave the meeting for the start screen (everything saved; the meeting is first
        in the list to open again), the timer paused or left running as the user says."""
        from facilitator.dialogs.leave import LeaveDialog

        await self.settle()
        running = self.timebox.running
        self.app.push_screen(LeaveDialog(running), self._leave)

    async def _leave(self, choice: str | None) -> None:
        if choice is None:
            return
        if choice == "pause" and self.timebox.running:
            self.live.toggle_timer()
        await self.app.back_to_start()

    async def action_room(self) -> None:
        """The room view over this screen, of the meeting as it stands; Ctrl+R or Esc back."""
        from facilitator.screens.room import RoomScreen

        await self.settle()
        self.save()
        room = RoomScreen(self.session.clock, leave_with_keys=True)
        self.app.push_screen(room, lambda _: self._focus_first_field())
        room.show(Showing(self.session.case, self.session.meeting))

    async def action_child_room(self) -> None:
        """Every room view of this meeting to the child's view, or back to the agenda."""
        await self.settle()
        on = self.live.toggle_child_room()
        self.query_one("#child-room-mark").display = on
        self.notify(sv.CHILD_ROOM_ON if on else sv.CHILD_ROOM_OFF, timeout=3)

    async def action_save(self) -> None:
        # Said when the writer thread reports it done; the key never waits for the disk.
        await self.settle()
        self._announce_save = True
        self.save()
        if self.refused():
            # The rest is saved; "Sparat." would say that all of it is.
            self._announce_save = False
            self.notify(sv.NOT_SAVED_TOO_LONG, severity="error", timeout=8, markup=False)

    async def action_add_row(self) -> None:
        """Ctrl+N: a new row in the list of the step shown. With two lists in the step,
        the one the cursor is in; from elsewhere in the step, a question which."""
        editors = [form for form in self._forms if form.ADD_NAME]
        if not editors:
            self.notify(sv.ADD_NOTHING, severity="warning", timeout=3, markup=False)
            return
        await self.settle()
        focused = self.focused
        inside = [form for form in editors if focused is not None and form in focused.ancestors_with_self]
        if len(editors) == 1 or inside:
            (inside or editors)[0].add_row()
            return

        def chosen(key: str | None) -> None:
            if key is not None:
                editors[int(key)].add_row()

        choices = [(form.ADD_NAME, str(index)) for index, form in enumerate(editors)]
        self.app.push_screen(dialog_for_which(choices), chosen)

    def action_help(self) -> None:
        from facilitator.dialogs.help import HelpScreen

        keys = [
            (self.app.get_key_display(binding), binding.description)
            for binding in self.BINDINGS
            if isinstance(binding, Binding) and binding.description
        ]
        self.app.push_screen(HelpScreen(self.timebox.steps[self.viewed], keys))

    async def action_attendance(self) -> None:
        from facilitator.dialogs.attendance import AttendanceScreen

        await self.settle()
        self.flush()

        def done(_: None) -> None:
            for form in self._forms:
                form.reload()
            self.save()
            self._focus_first_field()

        self.app.push_screen(AttendanceScreen(self.session, on_edit=self.save), done)
