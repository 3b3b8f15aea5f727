"""The Insatser and goals tables in the meeting, at the sizes people use: a table that holds
three rows shows three, the row just added is in view, and the cursor leaving a table's
last row in view scrolls the step, never the table itself. Asserted on the screen lines."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from facilitator.agenda.models import Action, Capture, Person, Role

from .screens_helpers import demo_app, open_meeting, screen_lines, type_text

SIZES = [(80, 24), (120, 36), (200, 50)]
ROWS = 4


async def _dialogue_step(app, pilot):
    screen = await open_meeting(app, pilot)
    await screen.jump_to(Capture.ACTIONS)
    await pilot.pause()
    return screen


def _shown(app, labels: list[str]) -> list[str]:
    """Which of ``labels`` a person sees on the screen now."""
    lines = screen_lines(app)
    return [label for label in labels if any(label in line for line in lines)]


async def _walk(app, pilot, table: DataTable, labels: list[str]) -> None:
    """Down to the last row and back up to the first: the cursor's row and its
    neighbours are always in view, and the table itself never scrolls."""
    table.focus()
    await pilot.pause()
    for _ in range(len(labels)):  # from the first row (a row just added has the cursor)
        if table.cursor_row == 0:
            break
        await pilot.press("up")
        await pilot.pause()
    for row in [*range(1, len(labels)), *range(len(labels) - 2, -1, -1)]:
        await pilot.press("down" if row > table.cursor_row else "up")
        await pilot.pause()
        assert table.cursor_row == row
        near = labels[max(0, row - 1) : row + 2]
        assert _shown(app, near) == near, (row, screen_lines(app))
        assert table.scroll_y == 0


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_insatser_added_stay_in_view_and_the_step_scrolls(store, size):
    app, _clock, _ = demo_app(store)
    async with app.run_test(size=size) as pilot:
        screen = await _dialogue_step(app, pilot)
        table = screen.query_one("#actions", DataTable)
        table.focus()
        labels = [f"Insats {k}: samtal varannan vecka" for k in range(ROWS)]
        # The first two as if added before; the rest through the dialog, as typed.
        form = table.parent
        form.sip.actions = [Action(what=label) for label in labels[:2]]
        form.show_models()
        await pilot.pause()
        for count, label in enumerate(labels[2:], start=3):
            await pilot.press("ctrl+n")
            await pilot.pause()
            await type_text(pilot, label)
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.pause()
            assert len(screen.session.meeting.sip.actions) == count
            shown = _shown(app, [text.split(":")[0] + ":" for text in labels[:count]])
            assert label.split(":")[0] + ":" in shown, screen_lines(app)
            assert len(shown) >= min(count, 3), screen_lines(app)
        body = screen.query_one("#step-body")
        await _walk(app, pilot, table, [text.split(":")[0] + ":" for text in labels])
        assert table.scroll_y == 0 and table.max_scroll_y == 0
        if size != (200, 50):  # where the step holds them all, nothing needs to scroll
            assert body.scroll_y > 0  # the step is what scrolled


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_goals_typed_stay_in_view_with_the_field(store, size):
    app, _clock, _ = demo_app(store)
    async with app.run_test(size=size) as pilot:
        screen = await _dialogue_step(app, pilot)
        field = screen.query_one("#goal-text", Input)
        field.focus()
        await pilot.pause()
        labels = [f"Mål {k} går till skolan" for k in range(ROWS)]
        for count, label in enumerate(labels, start=1):
            await type_text(pilot, label)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            assert len(screen.session.meeting.sip.goals) == count
            assert app.focused is field
            shown = _shown(app, labels[:count])
            assert label in shown, screen_lines(app)
            assert len(shown) >= min(count, 3), screen_lines(app)
            assert field.region.y >= 0 and screen.query_one("#step-body").region.contains_region(field.region)
        table = screen.query_one("#goals", DataTable)
        await _walk(app, pilot, table, labels)
        assert table.scroll_y == 0 and table.max_scroll_y == 0


async def test_a_long_attendance_keeps_its_cursor_in_view_in_the_attendance_dialog(store):
    """F2's attendance over any step: the dialog scrolls, the table does not."""
    app, _clock, _ = demo_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(app, pilot)
        attendance = screen.session.meeting.attendance
        attendance += [Person(name=f"Deltagare {k:02}", roles=[Role.PROFESSIONAL]) for k in range(20)]
        await pilot.press("f2")
        await pilot.pause()
        table = app.screen.query_one("#attendance", DataTable)
        table.focus()
        await pilot.pause()
        for _ in range(len(attendance) - 1):
            await pilot.press("down")
        await pilot.pause()
        assert table.cursor_row == len(attendance) - 1
        assert _shown(app, ["Deltagare 18", "Deltagare 19"]) == ["Deltagare 18", "Deltagare 19"]
        assert table.scroll_y == 0
