"""The visual agenda: every step in its phase, done steps with their actual time,
the current one highlighted, the rest dimmed."""

from __future__ import annotations

import textwrap

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from facilitator.agenda.clock import NS_PER_S
from facilitator.agenda.models import StepStatus
from facilitator.agenda.timebox import TimerView


def clock_text(ns: int) -> str:
    """mm:ss for a duration (rounded up to the whole second while counting down)."""
    seconds = -(-ns // NS_PER_S) if ns > 0 else -ns // NS_PER_S
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def minutes_text(ns: int) -> str:
    return str(round(ns / (60 * NS_PER_S)))


PREFIX = 15
"""Columns before a step's title: number (2), mark (3), minutes (8), gap (2)."""


def _wrap(title: str, width: int) -> list[str]:
    """The title in lines of ``width``; continuation lines are indented under the title.
    Words are never split: a word longer than the line is cut at the edge with "…"."""
    return textwrap.wrap(title, max(8, width - PREFIX), break_long_words=False) or [""]


class AgendaView(Static):
    """Renders the agenda from the timer's view (``timer``, bound to the screen's); it
    redraws only when a step's state changed."""

    DEFAULT_CSS = """
    AgendaView { width: 1fr; height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, **kwargs):
        super().__init__("", **kwargs)
        self._shown = ""
        self._state: tuple | None = None
        self.spacious = False
        """A blank line between steps: the room view, read from across the room."""
        self.current_line = 0
        """The line of the current step, for a scrolling parent to keep in view."""

    timer: reactive[TimerView | None] = reactive(None, init=False)

    def watch_timer(self, timer: TimerView | None) -> None:
        if timer is not None:
            self.show(timer)

    def on_resize(self) -> None:
        if self._last is not None:
            self._shown = ""
            self._state = None
            self.show(self._last)

    _last: TimerView | None = None
    """The view last shown (bound or handed to ``show``), to lay out again at a new width."""

    def show(self, timer: TimerView) -> bool:
        """Redraw if a step's state changed; True if it did."""
        self._last = timer
        # The agenda shows no running time, so it changes only when a step's state does:
        # it compares that first and is done.
        width = max(20, self.content_size.width - 3)  # room for a scrollbar
        state = (width, self.spacious, timer.current_index, timer.finished, timer.steps)
        if state == self._state:
            return False
        self._state = state
        content, self.current_line = self.agenda_lines(timer, width, self.spacious)
        if content.plain != self._shown:
            self._shown = content.plain
            self.update(content)
        return True

    @classmethod
    def render_agenda(cls, timer: TimerView, width: int = 40, spacious: bool = False) -> Content:
        return cls.agenda_lines(timer, width, spacious)[0]

    @staticmethod
    def agenda_lines(timer: TimerView, width: int = 40, spacious: bool = False) -> tuple[Content, int]:
        """The agenda, and the line its current step starts on."""
        lines: list[Content] = []
        current_line = 0
        phase = None
        first_in_phase = True
        for index, step in enumerate(timer.steps):
            if step.phase != phase:
                phase = step.phase
                if lines:
                    lines.append(Content(""))
                for part in textwrap.wrap(phase, max(8, width), break_long_words=False) or [""]:
                    lines.append(Content.styled(part, "bold $text-secondary"))
                first_in_phase = True
            number = f"{index + 1:>2}"
            planned = minutes_text(step.allotted_ns)
            is_current = index == timer.current_index and not timer.finished
            title_lines = _wrap(step.title, width)
            if step.status is StepStatus.SKIPPED:
                mark, minutes, style, minute_style = " ", "–", "strike $text-disabled", "$text-disabled"
            elif step.status is StepStatus.DONE and not is_current:
                seconds = round(step.elapsed_ns / NS_PER_S)
                actual = f"{seconds // 60}:{seconds % 60:02d}"
                over = step.elapsed_ns > step.allotted_ns
                mark, minutes, style = "✓", f"{actual}/{planned}", ""
                minute_style = "bold $warning" if over else "$text-success"
            elif is_current:
                mark, minutes, style, minute_style = "▶", planned, "bold reverse $accent", "bold $accent"
            else:
                mark, minutes, style, minute_style = " ", planned, "$text-muted", "$text-muted"
            head = Content.styled(f"{number} {mark} ", minute_style) + Content.styled(
                f"{minutes:>8}  ", minute_style
            )
            if spacious and not first_in_phase:
                lines.append(Content(""))
            first_in_phase = False
            if is_current:
                current_line = len(lines)
            lines.append(head + Content.styled(title_lines[0], style))
            for more in title_lines[1:]:
                lines.append(Content(" " * PREFIX) + Content.styled(more, style))
        return Content("\n").join(lines), current_line
