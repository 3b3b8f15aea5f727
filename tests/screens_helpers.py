"""Helpers for driving the app with Pilot."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from textual.widgets import Digits, Static

from facilitator.agenda import ManualClock
from facilitator.app import FacilitatorApp
from facilitator.demo import demo_case
from facilitator.screens.meeting import MeetingScreen
from tests.conftest import STOCKHOLM

START = datetime(2026, 1, 13, 8, 50, tzinfo=STOCKHOLM)


def demo_app(store, clock: ManualClock | None = None, config_dir=None, focus_meeting=None):
    clock = clock or ManualClock(START)
    case, meeting = demo_case(START)
    store.save_case(case)
    store.save_meeting(meeting)
    app = FacilitatorApp(store=store, clock=clock, config_dir=config_dir, focus_meeting=focus_meeting)
    return app, clock, meeting.id


async def open_meeting(app, pilot) -> MeetingScreen:
    await pilot.pause()
    await pilot.press("enter")
    await opened(app, pilot)
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    await pilot.pause()
    return screen


async def edit_case_form(app, pilot):
    """The case form for the selected case, opened with E as a user does (the case is read
    off the UI thread, so the form comes a moment later)."""
    from facilitator.screens.case import CaseScreen

    await pilot.pause()
    await pilot.press("e")
    await until(pilot, lambda: isinstance(app.screen, CaseScreen))
    form = app.screen
    assert isinstance(form, CaseScreen)
    return form


async def opened(app, pilot, timeout: float = 10.0) -> None:
    """Let the meeting being opened open: its lock is tried and it is read on a worker
    thread, and its screen (or a question about it) follows."""
    await pilot.pause()
    await until(pilot, lambda: not app.opening, timeout)
    await pilot.pause()


def digits(screen) -> str:
    return screen.query_one("#countdown-digits", Digits).value


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).visual)


def key_of(char: str) -> str:
    """The name Textual gives the key that types ``char``."""
    if char == "\n":
        return "enter"
    if char.isalnum():
        return char
    try:
        return unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return char


async def type_text(pilot, text: str) -> None:
    """Type as a fast typist does: every key of ``text`` reaches the app as a key event,
    in order, before the first is handled (the way keys arrive from a terminal in a
    burst); then wait until the app has handled them."""
    from textual import events

    for char in text:
        pilot.app.post_message(events.Key(key_of(char), None if char == "\n" else char))
    await pilot.pause()
    await pilot.pause()


async def paste(pilot, text: str) -> None:
    """Paste into the focused widget, as from the clipboard (bracketed paste)."""
    from textual import events

    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def saved(screen: MeetingScreen) -> None:
    """Let the writer thread finish what it was given."""
    assert screen.live.wait_saved(5.0)


def screen_lines(app) -> list[str]:
    """What a person sees: the app's screen as text, one string per row.

    Rendered the way Textual renders its own screenshots (``App.export_screenshot``),
    as plain text instead of SVG."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), force_terminal=True, record=True,
        color_system="truecolor", legacy_windows=False, safe_box=False,
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    lines = console.export_text(styles=False).split("\n")
    return [line.rstrip() for line in lines[:height]]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def _drawn_at(lines: list[str], rows: list[str]) -> bool:
    """Whether ``rows`` stand on the screen one under the other, in the same columns."""
    for top in range(len(lines) - len(rows) + 1):
        column = lines[top].find(rows[0])
        while column != -1:
            if all(lines[top + k][column : column + len(row)] == row for k, row in enumerate(rows)):
                return True
            column = lines[top].find(rows[0], column + 1)
    return False


def _digits_rows(text: str, bold: bool) -> list[str]:
    """``text`` as Textual's Digits draws it: three rows of box-drawing glyphs."""
    import io

    from rich.console import Console
    from rich.style import Style
    from textual.renderables.digits import Digits as DigitsRenderable

    console = Console(width=200, file=io.StringIO(), color_system=None)
    lines = console.render_lines(DigitsRenderable(text, Style(bold=bold)), pad=False)
    return ["".join(segment.text for segment in line).rstrip() for line in lines]


def countdown_shows(app, text: str) -> bool:
    """Whether the screen a person sees has the countdown ``text`` drawn in big digits."""
    lines = screen_lines(app)
    return any(_drawn_at(lines, _digits_rows(text, bold)) for bold in (False, True))


def room_digits_show(app, text: str) -> bool:
    """Whether the room view's screen has ``text`` drawn in its blocks of █ (any size)."""
    from facilitator.widgets.bigdigits import big_lines

    lines = screen_lines(app)
    return any(_drawn_at(lines, [r.rstrip() for r in big_lines(text, scale)]) for scale in (1, 2, 3))


def notices(app) -> list[str]:
    """Every notice the app shows from now on, in order (a list that fills as it runs):
    ``App.notify`` is wrapped, so a notice that has already faded still counts."""
    shown: list[str] = []
    notify = app.notify

    def noting(message, *args, **kwargs):
        shown.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = noting
    return shown


async def until(pilot, condition, timeout: float = 10.0) -> None:
    """Let the app run until ``condition()`` holds; fail after ``timeout`` seconds. For
    what happens off the event loop (the writer thread, a worker, a retry timer)."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not within {timeout} s: {condition}"
        await pilot.pause(0.01)
