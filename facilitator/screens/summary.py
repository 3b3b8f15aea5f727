"""After the meeting: planned against actual minutes per step, as bars."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from facilitator import strings as sv
from facilitator.agenda.clock import NS_PER_S
from facilitator.agenda.models import StepRun, StepStatus
from facilitator.meeting.session import MeetingSession
from facilitator.widgets.footer import KeyFooter

BAR_WIDTH = 40


def _mmss(ns: int) -> str:
    seconds = round(ns / NS_PER_S)
    return f"{seconds // 60}:{seconds % 60:02d}"


def time_bars(steps: list[StepRun], width: int = BAR_WIDTH) -> Content:
    """Two bars per step, planned (dim) and actual (amber when over), on one scale. The
    plan is the step's time as re-planned in the meeting (F8, F9), not the template's."""
    shown = [s for s in steps if s.status is not StepStatus.SKIPPED]
    longest = max([s.allotted_ns for s in shown] + [s.elapsed_ns for s in shown] + [1])
    title_width = min(40, max(len(s.title) for s in shown))
    lines: list[Content] = [
        Content.styled(f"{'':<{title_width}}  ", "")
        + Content.styled(f"█ {sv.LABEL_PLANNED}  ", "$text-muted")
        + Content.styled(f"█ {sv.LABEL_ACTUAL}", "$text-success")
    ]
    for step in shown:
        planned = max(1, round(width * step.allotted_ns / longest)) if step.allotted_ns else 0
        actual = round(width * step.elapsed_ns / longest)
        over = step.elapsed_ns > step.allotted_ns
        title = step.title if len(step.title) <= title_width else step.title[: title_width - 1] + "…"
        lines.append(Content(""))
        lines.append(
            Content(f"{title:<{title_width}}  ")
            + Content.styled("█" * planned, "$text-muted")
            + Content(f" {_mmss(step.allotted_ns)}")
        )
        lines.append(
            Content(" " * (title_width + 2))
            + Content.styled("█" * actual, "$warning" if over else "$text-success")
            + Content(f" {_mmss(step.elapsed_ns)}")
        )
    planned_total = sum(s.allotted_ns for s in shown)
    actual_total = sum(s.elapsed_ns for s in shown)
    lines += [Content(""), Content(sv.SUMMARY_TOTAL.format(planned=_mmss(planned_total), actual=_mmss(actual_total)))]
    return Content("\n").join(lines)


class SummaryScreen(Screen[None]):
    BINDINGS = [Binding("escape,enter", "done", sv.KEY_BACK_TO_START, id="done")]
    DEFAULT_CSS = """
    SummaryScreen #summary { padding: 1 2; }
    """

    def __init__(self, session: MeetingSession):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            yield Static(Content.styled(sv.SUMMARY_TITLE, "bold"))
            yield Static(Content(sv.SUMMARY_SAVED), classes="hint")
            booked = self.session.booked
            if booked is not None:
                yield Static(
                    sv.BOOKED_NEXT.format(kind=sv.MEETING_KIND[booked.kind].lower(), when=sv.when(booked.planned_start)),
                    id="booked",
                    markup=False,
                )
            yield Static(time_bars(self.session.meeting.steps), id="bars")
        yield KeyFooter()

    async def action_done(self) -> None:
        await self.app.back_to_start()
