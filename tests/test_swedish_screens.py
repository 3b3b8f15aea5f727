"""Walks the program's screens, dialogs and footers as a new user would, and finds no
English on any of them nor in any notice; every dialog opens with the cursor in its first
field; a form's problem is shown where the cursor is."""

from __future__ import annotations

from textual.containers import HorizontalScroll, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Select

from facilitator import strings as sv
from facilitator.agenda.models import Capture
from facilitator.dialogs.person import PersonDialog
from facilitator.dialogs.revoke import RevokeDialog
from facilitator.screens.review import ReviewScreen

from .screens_helpers import demo_app, notices, open_meeting, screen_lines, type_text
from .test_cli import english_words

UI_ENGLISH = frozenset("dismiss menu quit press want you do close cancel save search commands keys".split())
"""Words Textual's own keys and notices use, beside the command line's list."""
SWEDISH_TOO = frozenset({"in", "be", "by", "is"})
"""In the English list, and words in Swedish too ("skriv in", "be om")."""


def english(lines: list[str]) -> list[tuple[str, list[str]]]:
    found = []
    for line in lines:
        words = [w for w in english_words(line) if w not in SWEDISH_TOO]
        words += [t for t in (t.strip(".,:;()[]'\"!?").lower() for t in line.split()) if t in UI_ENGLISH]
        if words:
            found.append((line, words))
    return found


def assert_swedish(app, where: str) -> None:
    lines = screen_lines(app)
    assert not english(lines), (where, english(lines), lines)


def assert_first_field_focused(app) -> None:
    """A dialog's cursor is in its first field, not on the box that scrolls it."""
    dialog = app.screen
    assert isinstance(dialog, ModalScreen)
    focused = app.focused
    assert focused is not None and not isinstance(focused, VerticalScroll | HorizontalScroll), (dialog, focused)
    fields = [w for w in dialog.focus_chain if not isinstance(w, VerticalScroll | HorizontalScroll)]
    assert focused is fields[0], (dialog, focused, fields[:3])


async def _back(pilot) -> None:
    await pilot.press("escape")
    await pilot.pause()


async def test_no_english_on_the_start_screen_its_forms_and_dialogs(store):
    app, _clock, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        said = notices(app)
        await pilot.pause()
        assert_swedish(app, "start")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert said and "Ctrl+Q" in said[-1]
        for key in ("m", "d"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ModalScreen), key
            assert_swedish(app, key)
            assert_first_field_focused(app)
            await _back(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.focused, Input)  # the case form: its first field
        assert_swedish(app, "new case")
        await _back(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert_swedish(app, "overview")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RevokeDialog)
        assert_first_field_focused(app)
        assert isinstance(app.focused, Select) and app.focused.id == "revoke-what"
        await pilot.press("enter")  # the list opens, and says its key in Swedish
        await pilot.pause()
        assert app.screen.query_one("#revoke-what", Select).expanded
        assert_swedish(app, "revoke, list open")
        await _back(pilot)
        await _back(pilot)
        await _back(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert_swedish(app, "palette")
        await _back(pilot)
        assert not [(n, w) for n in said for w in english([n])]


async def test_no_english_in_the_meeting_its_footers_dialogs_and_notices(store):
    app, _clock, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        said = notices(app)
        screen = await open_meeting(app, pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert said[-1] == sv.HELP_QUIT.format(key="Ctrl+Q")
        assert_swedish(app, "meeting")
        # Every step as it opens.
        for step in screen.timebox.steps:
            await screen.jump_to(step.captures[0])
            await pilot.pause()
            assert_swedish(app, step.key)
        # A choice list open in a step: its key in the footer in Swedish.
        await screen.jump_to(Capture.GOALS)
        await pilot.pause()
        horizon = screen.query_one("#goal-horizon", Select)
        horizon.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert horizon.expanded
        footer = screen_lines(app)[-1]
        assert "Dismiss" not in footer and sv.KEY_CLOSE_LIST in footer
        assert_swedish(app, "list open")
        await _back(pilot)
        # The list editors' dialogs.
        screen.query_one("#actions").focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert_first_field_focused(app)
        assert_swedish(app, "action dialog")
        await _back(pilot)
        await screen.jump_to(Capture.ATTENDANCE)
        await pilot.pause()
        screen.query_one("#attendance").focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert_first_field_focused(app)
        assert_swedish(app, "person dialog")
        await _back(pilot)
        for key in ("f1", "f2", "f10"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ModalScreen), key
            assert_swedish(app, key)
            await _back(pilot)
        # Every step closed: the SIP review, with its footer.
        await pilot.press("f5", *["f4"] * len(screen.timebox.steps))
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert_swedish(app, "review")
        await _back(pilot)
        assert not [(n, w) for n in said for w in english([n])]


async def test_a_new_participant_without_a_role_is_told_so_where_the_cursor_is(store):
    """In "Ny deltagare" at 36 rows, "Välj minst en roll." was below the fold and Ctrl+S
    seemed to do nothing."""
    app, _clock, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        screen.query_one("#attendance").focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Sara Lind")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert app.focused.id == "person-roles"
        lines = screen_lines(app)
        (row,) = [i for i, line in enumerate(lines) if sv.PROBLEM_ROLE in line]
        # Shown just below the roles, which have the cursor.
        roles = app.focused.region
        assert roles.y + roles.height <= row <= roles.y + roles.height + 1, lines


async def test_the_signature_hint_names_the_key_that_marks_a_signature(store):
    """The hint says Enter, and Enter is what marks; Space (which no list here takes) is
    named by no hint."""
    texts = [v for v in vars(sv).values() if isinstance(v, str)]
    assert not [t for t in texts if "mellanslag" in t.lower() or "space" in t.lower()]
    app, _clock, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await screen.jump_to(Capture.SIGNATURES)
        await pilot.pause()
        assert "Markera med Enter" in " ".join(" ".join(screen_lines(app)).split())
        signatures = screen.query_one("#signatures")
        signatures.focus()
        await pilot.press("space")
        await pilot.pause()
        assert screen.session.meeting.sip.signatures == []
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.session.meeting.sip.signatures) == 1


async def test_the_palette_says_in_swedish_that_nothing_matches(store):
    app, _clock, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "zzqx")
        await pilot.pause(1.0)  # Textual says it has no match half a second after the search
        lines = screen_lines(app)
        assert any(sv.PALETTE_NO_MATCH in line for line in lines), lines
        assert not english(lines), english(lines)


async def test_the_case_form_says_what_is_missing_below_the_field_with_the_cursor(store):
    app, _clock, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert app.focused.id == "child-name"
        lines = screen_lines(app)
        (row,) = [i for i, line in enumerate(lines) if sv.PROBLEM_CHILD_NAME in line]
        field = app.focused.region
        assert field.y + field.height <= row <= field.y + field.height + 1, lines
