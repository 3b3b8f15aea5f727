"""Twenty-five and more hostile texts through every screen that shows user text and
through the export: each shows as typed (less stripped controls) and runs nothing."""

import re

import pytest
from rich.text import Text

from facilitator.agenda import Goal, Person, Role, clean_line, clean_multiline
from facilitator.export import to_markdown
from facilitator.screens.review import ReviewScreen
from tests.screens_helpers import demo_app, open_meeting
from tests.test_user_text import rendered

PAYLOADS = [
    "[b]x[/b]",
    "[/",
    "[@click=app.quit]x[/]",
    "[link=file:///etc/passwd]x[/link]",
    "[[nested [b]brackets[/b]]]",
    "unbalanced ] [ ] [[",
    "[/b] closing first",
    "[red on white]färg[/]",
    "[$accent]variabel[/]",
    "$name $child ${x}",
    "\x1b[2Jrensa skärmen",
    "\x1b]0;titel\x07fönster",
    "pling\x07\x07",
    "\u202eomvänd text",
    "noll\u200bbredd\u200d",
    "\u2066isolerad\u2069",
    "Zoë 👩‍👩‍👧 Åberg",
    "محمد الأحمد",
    "Đorđe Şahin Łukasz",
    "<script>alert(1)</script>",
    "**fet** _kursiv_ `kod`",
    "# rubrik",
    "| tabell | cell |",
    "line\r\nbreak\rreturn",
    "tab\there",
    "\x00null\x7fdel",
    "%s %d {0} {name}",
    "\\[escaped\\]",
]
BIG_NOTE = ("Lång anteckning med [b]markup[/b] och å ä ö. " * 4_700)[:200_000]


def _plain(text: str) -> str:
    """Markdown read back: backslash escapes and hard breaks undone."""
    return re.sub(r"\\(.)", r"\1", text.replace("  \n", "\n"))


@pytest.mark.slow
async def test_every_payload_shows_as_typed(store):
    assert len(PAYLOADS) >= 25
    app, clock, meeting_id = demo_app(store)
    meeting = store.load_meeting(meeting_id)
    for payload in PAYLOADS:
        meeting.attendance.append(Person(name=payload, organisation="Okänd " + payload, roles=[Role.PROFESSIONAL]))
    meeting.sip.goals = [Goal(text=p) for p in PAYLOADS]
    meeting.sip.family_story = BIG_NOTE
    store.save_meeting(meeting)
    names = [clean_line(p) for p in PAYLOADS]

    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_meeting(app, pilot)
        table = screen.query_one("#attendance")
        cells = [table.get_row_at(i)[0] for i in range(table.row_count)]
        assert all(isinstance(cell, Text) for cell in cells)
        shown = [cell.plain.removesuffix(" ⚠") for cell in cells]
        assert shown[-len(names):] == names
        await pilot.press("f5", "f4")  # Sekretess: every one of them is named as not covered
        await pilot.pause()
        flags = rendered(screen.query_one("#consent-flags"))
        for name in names:
            assert name in flags.replace("\n", " ") or len(name) > 150, name
        await pilot.press("f4", "f4")  # the family's story: 200,000 characters, as typed
        await pilot.pause()
        area = screen.query_one("#f-family_story")
        assert area.text == BIG_NOTE
        await pilot.press("f4", "f4", "f4")  # Dialog: the goals table
        await pilot.pause()
        goals = screen.query_one("#goals")
        for _ in range(100):  # the table fills its rows once it has its width
            if goals.row_count == len(names):
                break
            await pilot.pause(0.02)
        assert [goals.get_row_at(i)[0].plain for i in range(goals.row_count)] == names
        await pilot.press("ctrl+r")
        await pilot.pause()
        room = rendered(app.screen.query_one("#room-text"))
        assert "[b]x[/b]" in room and "[@click=app.quit]x[/]" in room
        await pilot.press("ctrl+r", "ctrl+p")
        await pilot.pause()
        await pilot.press("escape")
        await screen.action_review()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        sections = "\n".join(rendered(w) for w in app.screen.query(".section-body"))
        for name in names[:10]:
            assert name in sections, name
        for widget in list(app.screen.query(".section-body")):
            if widget.region.area and app.screen.region.contains_region(widget.region):
                await pilot.click(widget)
        assert app.is_running

    stored = store.load_meeting(meeting_id)
    assert [p.name for p in stored.attendance[-len(names):]] == names
    assert stored.sip.family_story == BIG_NOTE
    text = _plain(to_markdown(store.load_case(stored.case_id), stored))
    for name in names:
        assert name in text, name
    assert clean_multiline(BIG_NOTE).strip() in text  # Markdown keeps no trailing blanks


def test_cleaning_removes_what_must_not_reach_a_terminal():
    for payload in PAYLOADS:
        cleaned = clean_line(payload)
        assert "\x1b" not in cleaned and "\x07" not in cleaned and "\x00" not in cleaned
        assert "\u202e" not in cleaned and "\u200b" not in cleaned and "\u2066" not in cleaned
    assert clean_line("\x1b[2Jrensa skärmen") == "rensa skärmen"
    assert clean_line("noll\u200bbredd\u200d") == "nollbredd\u200d"  # the joiner is kept
