"""The room view: what the projector shows while the meeting is written.

The agenda with the current step kept in view, the step's title and guidance, the
countdown in digits that grow with the screen, the projected end, and the step's part of
the SIP as it is being written, scrolled to the newest line. No key names, nothing for
the secretary, nothing to edit. While no meeting is open: "Väntar på mötet …".

In the child's mode (``widgets.childroom``) it shows the meeting as the child sees it
instead: B switches this room view, the writer's Ctrl+B every room view of the meeting
(``meeting.follow.ChildMode`` says which choice wins).

A sibling of the meeting screen: both show one meeting, this one read-only. It is given
what to show (``show``) by ``facilitator room`` (from the store) or by the meeting
screen's Ctrl+R (the meeting in memory), and reads the time from its clock.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Middle, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from facilitator import strings as sv
from facilitator.agenda.clock import Clock
from facilitator.agenda.meetings import timebox_for
from facilitator.agenda.timebox import Timebox, TimerPhase, TimerView
from facilitator.meeting.follow import ChildMode, RoomUpdate, Showing, Waiting
from facilitator.views.childview import deciding_line
from facilitator.views.sipview import sip_document
from facilitator.widgets.agenda import AgendaView
from facilitator.widgets.bigdigits import BigDigits, big_width
from facilitator.widgets.childroom import ChildRoom
from facilitator.widgets.clamped import Clamped
from facilitator.widgets.countdown import EndTimes, remaining_text, show_phase
from facilitator.widgets.label import relabel
from facilitator.widgets.sipview import sections_text

TICK_SECONDS = 0.25

STATES = {
    TimerPhase.NOT_STARTED: sv.ROOM_NOT_STARTED,
    TimerPhase.RUNNING: sv.ROOM_RUNNING,
    TimerPhase.LAST_MINUTE: sv.ROOM_LAST_MINUTE,
    TimerPhase.OVERRUN: sv.ROOM_OVERRUN,
    TimerPhase.PAUSED: sv.ROOM_PAUSED,
    TimerPhase.FINISHED: sv.ROOM_FINISHED,
}

WIDEST_TIME = "+00:00"


def digit_scale(width: int, height: int) -> int:
    """The largest digits that fit the step column and take at most a quarter of the
    screen's height."""
    for scale in (3, 2):
        if big_width(WIDEST_TIME, scale) <= width and 5 * scale * 4 <= height:
            return scale
    return 1


class RoomScreen(Screen[None]):
    CSS_PATH = "room.tcss"
    # No key is shown on the projector; B (or Ctrl+B, the writer's key) only changes
    # what this view shows. Ctrl+C does nothing: Textual's own answer to it is a notice
    # in English ("Do you want to quit?"), and no notice reaches the room (room.tcss).
    BINDINGS = [
        Binding("ctrl+r,escape", "leave", show=False),
        Binding("b,ctrl+b", "toggle_child", sv.KEY_CHILD_ROOM, show=False, id="child-room"),
        Binding("ctrl+c", "nothing", show=False),
    ]

    shown: reactive[RoomUpdate | None] = reactive(None, always_update=True, init=False)

    def __init__(self, clock: Clock, *, leave_with_keys: bool = False, child: bool | None = None):
        """``leave_with_keys``: Ctrl+R or Esc close it (the meeting screen's room layout);
        in ``facilitator room`` no key changes anything but what this view shows.
        ``child``: start in the child's view (True) or the professionals' (False) by this
        room's own choice; None follows the meeting's switch."""
        super().__init__()
        self.clock = clock
        self.leave_with_keys = leave_with_keys
        self.child_mode = ChildMode(child)
        self.timebox: Timebox | None = None
        self._kind = None
        self._decided = ""
        self._consent = None
        self._step_shown: tuple | None = None
        self._composed = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave":
            return self.leave_with_keys
        return True

    def action_leave(self) -> None:
        self.dismiss()

    def action_nothing(self) -> None:
        """A key the room view takes so that nothing else answers it."""

    def action_toggle_child(self) -> None:
        self.child_mode.choose(not self.child_mode.on)
        self._show_mode()

    # --- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Middle(id="waiting"):
            with Center():
                with Vertical(id="waiting-box"):
                    yield Static(Content.styled(sv.ROOM_WAITING, "bold"), id="waiting-title")
                    yield Static(sv.ROOM_WAITING_HINT, id="waiting-hint", markup=False)
                    yield Static(id="waiting-running", markup=False)
        with Vertical(id="meeting"):
            with Horizontal(id="room-top"):
                yield Static(id="room-title", markup=False)
                yield EndTimes(id="room-end")
            with Horizontal(id="room-main"):
                # Neither pane takes the focus: no key scrolls them away from the current
                # step and the newest line.
                with VerticalScroll(id="room-agenda-pane", can_focus=False):
                    yield AgendaView(id="room-agenda")
                with Vertical(id="room-step"):
                    yield Static(id="room-step-title", markup=False)
                    yield Clamped(id="room-guidance")
                    with Vertical(id="room-clock"):
                        yield Static(id="room-state", markup=False)
                        yield BigDigits("00:00", id="room-digits")
                    with VerticalScroll(id="room-text-pane", can_focus=False):
                        yield Static(id="room-text", markup=False)
        yield ChildRoom(id="child")

    def on_mount(self) -> None:
        self.add_class("waiting")
        self.set_interval(TICK_SECONDS, self.refresh_time)
        self._composed = True
        self.watch_shown(self.shown)  # given before the screen was mounted

    def on_resize(self) -> None:
        width, height = self.size
        self.set_class(width < 90, "narrow")
        self.query_one(AgendaView).spacious = height >= 40
        self.query_one(Clamped).max_lines = 2 if height < 28 else 3 if height < 40 else 4
        step_width = self.query_one("#room-step").content_size.width or width
        self.query_one(BigDigits).scale = digit_scale(step_width, height)
        self.set_class(height >= 40, "tall")
        self._refresh_agenda(force=True)
        self._text_to_end()

    # --- what to show -----------------------------------------------------------------------------

    def show(self, update: RoomUpdate) -> None:
        self.shown = update

    def watch_shown(self, update: RoomUpdate | None) -> None:
        if not self._composed:
            return
        if isinstance(update, Showing):
            self._show_meeting(update)
        elif isinstance(update, Waiting):
            self._show_waiting(update)

    def _show_waiting(self, update: Waiting) -> None:
        self.timebox = None
        self._step_shown = None
        self.set_class(True, "waiting")
        running = self.query_one("#waiting-running", Static)
        if update.running:
            lines = [
                sv.ROOM_UNOPENED_LINE.format(
                    id=m.id[:8], date=f"{m.start:%Y-%m-%d}", kind=sv.MEETING_KIND[m.kind]
                )
                for m in update.running
            ]
            running.update(
                Content(sv.ROOM_UNOPENED.format(example=update.running[0].id[:8]) + "\n\n" + "\n".join(lines))
            )
            running.display = True
        else:
            running.display = False

    def _show_meeting(self, update: Showing) -> None:
        case, meeting = update
        self.set_class(False, "waiting")
        self._kind = meeting.kind
        self._consent = case.consent
        self.timebox = timebox_for(meeting, self.clock)
        self._decided = deciding_line(self.timebox.current, meeting.sip)
        self.set_class(self.child_mode.follow(meeting), "child")
        title = Content(f"{sv.MEETING_KIND[meeting.kind]} · ") + Content(case.child.name)
        self.query_one("#room-title", Static).update(title)
        box = self.timebox
        step = box.current
        number = f"{box.current_index + 1}/{len(box.steps)}  "
        self.query_one("#room-step-title", Static).update(Content.styled(number + step.title, "bold"))
        self.query_one(Clamped).text = step.guidance
        document = sip_document(case, meeting)
        text = sections_text(document.for_captures(step.captures), sv.ROOM_EMPTY)
        shown = (box.current_index, text.plain)
        if shown != self._step_shown:
            self._step_shown = shown
            self.query_one("#room-text", Static).update(text)
            self._text_to_end()
        self.refresh_time()

    def _text_to_end(self) -> None:
        """The newest line is what is being written: keep it in view, once laid out (for
        a new text, and for a new size, which wraps the text anew)."""
        pane = self.query_one("#room-text-pane", VerticalScroll)
        self.call_after_refresh(pane.scroll_end, animate=False, immediate=True)

    def _show_mode(self) -> None:
        """The child's view or the professionals' one, as ``child_mode`` says."""
        self.set_class(self.child_mode.on, "child")
        self.refresh_time()

    # --- time ---------------------------------------------------------------------------------------

    def refresh_time(self) -> None:
        box = self.timebox
        if box is None:
            return
        timer = TimerView.of(box)
        if self.child_mode.on:
            self.query_one(ChildRoom).refresh_from(box, timer, self._kind, self._decided, self._consent)
        digits = self.query_one(BigDigits)
        digits.value = remaining_text(timer)
        clock_row = self.query_one("#room-clock")
        phase = show_phase(clock_row, timer)
        # After the end there is no time left to count: "Mötet är avslutat" alone.
        running = phase is not TimerPhase.FINISHED
        if digits.display != running:
            digits.display = running
        state = self.query_one("#room-state", Static)
        if str(state.visual) != STATES[phase]:
            relabel(state, STATES[phase])
        self.query_one(EndTimes).timer = timer
        self._refresh_agenda(timer=timer)

    def _refresh_agenda(self, force: bool = False, timer: TimerView | None = None) -> None:
        if self.timebox is None:
            return
        agenda = self.query_one(AgendaView)
        if agenda.show(timer or TimerView.of(self.timebox)) or force:
            self.call_after_refresh(self._agenda_to_current)

    def _agenda_to_current(self) -> None:
        """Keep the current step in view, with a little of what comes before and after."""
        agenda = self.query_one(AgendaView)
        pane = self.query_one("#room-agenda-pane", VerticalScroll)
        line = agenda.current_line
        pane.scroll_to_region(
            Region(0, max(0, line - 3), 1, 8), animate=False, immediate=True, force=True
        )
