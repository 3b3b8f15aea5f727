"""User text is text on every screen: markup-like names show as typed and run nothing."""

import pytest
from textual.widget import Widget
from textual.widgets import Select

from facilitator.agenda import Action, Person, Role
from facilitator.screens.review import ReviewScreen
from tests.screens_helpers import demo_app, open_meeting

NAME = "[b]Kim[/b] [@click=app.quit]Ek[/]"
ORG = "[link=file:///etc/passwd]BUP[/link] [/"


def rendered(widget: Widget) -> str:
    """What the widget draws, line by line, as plain text."""
    return "\n".join(
        "".join(segment.text for segment in widget.render_line(y)) for y in range(widget.size.height)
    )


def _seed(store):
    app, clock, meeting_id = demo_app(store)
    meeting = store.load_meeting(meeting_id)
    meeting.attendance.append(Person(name=NAME, organisation=ORG, roles=[Role.PROFESSIONAL]))
    meeting.sip.actions = [Action(what="[red]Insats[/red] \x1b[2J", responsible=NAME, organisation=ORG)]
    store.save_meeting(meeting)
    return app, clock


@pytest.mark.slow
async def test_markup_like_names_show_as_typed_everywhere(store):
    app, _ = _seed(store)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_meeting(app, pilot)
        table = screen.query_one("#attendance")
        assert table.get_row_at(table.row_count - 1)[0].plain.removesuffix(" ⚠") == NAME
        assert "[@click=app.quit]" in rendered(table)  # shown, not run; wrapped in its column
        await pilot.press("f5", "f4")  # Sekretess: the person is flagged by name
        await pilot.pause()
        assert f"{NAME} ({ORG})" in rendered(screen.query_one("#consent-flags"))
        for _ in range(5):
            await pilot.press("f4")
        await pilot.pause()
        actions = rendered(screen.query_one("#actions"))
        assert "[red]Insats[/red]" in actions and "\x1b" not in actions
        await pilot.press("f4")  # Val av lots: the name in the choice list
        await pilot.pause()
        select = screen.query_one("#navigator", Select)
        person = screen.session.meeting.attendance[-1]
        select.value = person.id
        await pilot.pause()
        assert f"{NAME} – {ORG}" in rendered(select.query_one("SelectCurrent Static"))
        await pilot.press("f4")  # Sammanfattning: who attends next time
        await pilot.pause()
        assert NAME in rendered(screen.query_one("#next-attendees"))
        await pilot.press("f4")  # Underskrifter
        await pilot.pause()
        assert NAME in rendered(screen.query_one("#signatures"))
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+r", "f4")  # the review
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        sections = "\n".join(rendered(w) for w in app.screen.query(".section-body"))
        assert NAME in sections and ORG in sections
        for widget in list(app.screen.query(".section-body")):
            if widget.region.area and app.screen.region.contains_region(widget.region):
                await pilot.click(widget)  # clicking the text runs no action hidden in it
        assert app.is_running
