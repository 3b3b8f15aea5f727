"""The room view on the projector, driven side by side with the secretary's window.

Every assertion is on what the room's screen shows (its rendered lines), not on what a
widget holds: a text box that holds the newest line but never scrolls to it fails here.
"""

import asyncio
import re
import sys
import time

import pytest

from facilitator.agenda import NS_PER_S
from facilitator.app import FacilitatorApp
from facilitator.demo import DEMO_MEETING_ID
from facilitator.meeting.timing import DRAFT_QUIET_NS
from facilitator.room import RoomApp
from facilitator.screens.meeting import MeetingScreen
from facilitator.screens.room import RoomScreen
from facilitator.store import Store
from tests.screens_helpers import (
    countdown_shows,
    demo_app,
    open_meeting,
    paste,
    room_digits_show,
    screen_lines,
    screen_text,
    type_text,
)
from tests.test_follow import two_children

SIZES = [(100, 30), (160, 45), (200, 50)]
KEY_NAMES = re.compile(r"\b(F\d{1,2}|Ctrl|ctrl|Esc|Enter)\b")


async def until(condition, timeout: float = 6.0) -> None:
    """Let both apps run until ``condition()`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the room view did not show it in time")
        await asyncio.sleep(0.01)


def agenda_column(lines: list[str]) -> list[str]:
    """The agenda pane's part of each row: left of its border."""
    return [line.split("▎")[0] for line in lines if "▎" in line]


@pytest.fixture
def room_store(store):
    with Store.open(store.path.parent) as other:
        yield other


async def test_the_newest_of_sixty_lines_is_on_the_projector(store, room_store):
    """At each size, the projector's window resized while the story is written."""
    writer, clock, _ = demo_app(store)
    room = RoomApp(room_store, clock)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=SIZES[0]) as rp:
        screen = await open_meeting(writer, wp)
        await wp.press("f5", "f4", "f4", "f4")  # the family's story
        await wp.pause()
        await paste(wp, "".join(f"Rad {n}: Elsa berättar vidare om skolan.\n" for n in range(1, 60)))
        for size in SIZES:
            await rp.resize_terminal(*size)
            await type_text(wp, f"Rad 60: det senaste vid {size[0]}")
            clock.advance(ns=DRAFT_QUIET_NS)  # a breath after the last key
            await until(lambda: f"vid {size[0]}" in screen_text(room))
            lines = screen_lines(room)
            assert len(lines) == size[1]
            assert not any("Rad 1:" in line for line in lines), size  # the box scrolled to the end
            assert any("Rad 59:" in line for line in lines), size
            await type_text(wp, "\n")  # the next size gets a new last line
        assert screen.session.meeting.sip.family_story == ""  # not yet read in by the writer


async def test_before_the_start_the_agenda_and_the_title_are_shown(store, room_store):
    writer, clock, _ = demo_app(store)
    room = RoomApp(room_store, clock)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=(100, 30)):
        await open_meeting(writer, wp)  # opened, F5 not pressed
        await until(lambda: "Mötet har inte börjat" in screen_text(room))
        text = screen_text(room)
        assert "Inledande möte · Elsa Åkesson" in text
        agenda = " ".join(agenda_column(screen_lines(room)))
        for title in ("Presentationsrunda", "Sekretess", "Frågestund", "Dialog", "Sammanfattning"):
            assert title in agenda
        assert "Maria Åkesson" in text  # step 1's part of the SIP: who is here
        assert "05:00" not in text  # the digits are drawn large, not as text
        assert sum("██" in line for line in screen_lines(room)) == 5


async def test_with_nothing_open_it_waits_and_says_so(store):
    room = RoomApp(store)
    async with room.run_test(size=(100, 30)) as rp:
        await rp.pause()
        text = screen_text(room)
        assert "Väntar på mötet …" in text
        assert "sekreterarens fönster" in text


async def test_running_meetings_that_nobody_writes_are_listed_without_names(store, clock):
    elsa, asa = two_children(store, clock)
    room = RoomApp(store, clock)
    async with room.run_test(size=(160, 45)) as rp:
        await rp.pause()
        text = screen_text(room)
        assert "Väntar på mötet …" in text
        assert elsa[:8] in text and asa[:8] in text
        assert "Elsa" not in text and "Åsa" not in text  # another family's name never


async def test_with_two_running_meetings_the_room_shows_the_writers_child(store, room_store, clock):
    elsa, asa = two_children(store, clock)  # Åsa's meeting is planned later
    writer = FacilitatorApp(store=store, clock=clock, focus_meeting=DEMO_MEETING_ID)
    room = RoomApp(room_store, clock)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=(160, 45)):
        screen = await open_meeting(writer, wp)
        assert screen.session.meeting.id == elsa
        await until(lambda: "Elsa Åkesson" in screen_text(room))
        assert "Åsa" not in screen_text(room)


async def test_no_key_and_no_instruction_for_the_secretary_reaches_the_projector(store, room_store):
    writer, clock, meeting_id = demo_app(store)
    room = RoomApp(room_store, clock)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=(100, 30)) as rp:
        screen = await open_meeting(writer, wp)
        seen = []

        async def look(expected: str) -> None:
            await until(lambda: expected in screen_text(room))
            seen.append(screen_text(room))

        await look("Mötet har inte börjat")
        await wp.press("f5")
        await look("Kvar av steget")
        clock.advance(5 * 60 + 8)
        await look("Över tiden")
        assert screen.query_one("#time-up").display  # the secretary is told which key…
        await wp.press("f5")
        await look("Paus")
        for text in seen:
            assert not KEY_NAMES.search(text), text
            assert "Tryck" not in text
        # Keys in the room view change nothing.
        before = store.load_meeting(meeting_id)
        await rp.press("f4", "f5", "f8", "f9", "f3", "ctrl+s", "f2", "f1", "a", "enter", "space")
        await rp.pause()
        assert store.load_meeting(meeting_id) == before
        assert isinstance(room.screen, RoomScreen)


async def test_in_overrun_the_digits_have_their_own_rows_and_words_stay_whole(store, room_store):
    writer, clock, _ = demo_app(store)
    room = RoomApp(room_store, clock)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=(100, 30)):
        screen = await open_meeting(writer, wp)
        await wp.press("f5", "f4", "f4")  # step 3, the longest title
        clock.advance(5 * 60 + 8)
        screen.save()
        await until(lambda: "Över tiden" in screen_text(room))
        lines = screen_lines(room)
        for line in lines:
            if "██" in line:
                assert re.fullmatch(r"[█ ]*", line.split("▎")[-1]), line  # the digits' own rows
        agenda = " ".join(" ".join(agenda_column(lines)).split())
        for step in screen.timebox.steps:
            for word in step.title.split():
                assert word in agenda.split(), word  # no word split inside a word


async def test_guidance_that_does_not_fit_ends_with_an_ellipsis(store, room_store):
    writer, clock, meeting_id = demo_app(store)
    meeting = store.load_meeting(meeting_id)
    meeting.steps[0].guidance = " ".join(["Samtalsledaren hälsar alla välkomna och berättar hur mötet går till."] * 6)
    store.save_meeting(meeting)
    room = RoomApp(room_store, clock, meeting_id)
    async with room.run_test(size=(100, 30)):
        await until(lambda: "Samtalsledaren" in screen_text(room))
        guidance = [line.split("▎")[-1].strip() for line in screen_lines(room) if "Samtalsledaren" in line or "går till" in line]
        assert guidance[-1].endswith("…")
        assert len(guidance) <= 3


async def test_the_agenda_keeps_the_current_step_in_view(store, room_store):
    writer, clock, _ = demo_app(store)
    room = RoomApp(room_store, clock)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=(100, 20)):
        screen = await open_meeting(writer, wp)
        await wp.press("f5", *["f4"] * 9)  # the last step
        await wp.pause()
        assert screen.timebox.current_index == 9
        await until(lambda: "10/10" in screen_text(room))
        await until(lambda: any("10 ▶" in line for line in agenda_column(screen_lines(room))))


@pytest.mark.parametrize(("size", "rows"), [((100, 30), 5), ((160, 45), 10), ((200, 50), 10)])
async def test_the_digits_grow_with_the_screen(store, room_store, size, rows):
    writer, clock, meeting_id = demo_app(store)
    room = RoomApp(room_store, clock, meeting_id)
    async with room.run_test(size=size) as rp:
        await until(lambda: "Mötet har inte börjat" in screen_text(room))
        await rp.pause()
        assert sum("██" in line for line in screen_lines(room)) == rows


async def test_the_room_layout_in_the_writers_window_is_the_same_view(store):
    writer, clock, _ = demo_app(store)
    async with writer.run_test(size=(120, 36)) as wp:
        screen = await open_meeting(writer, wp)
        await wp.press("f5", "f4", "f4", "f4")
        await type_text(wp, "Elsa berättar")
        await wp.press("ctrl+r")
        await wp.pause()
        assert isinstance(writer.screen, RoomScreen)
        text = screen_text(writer)
        assert "Elsa berättar" in text and "4/10" in text
        assert not KEY_NAMES.search(text)
        await wp.press("escape")
        await wp.pause()
        assert writer.screen is screen
        await type_text(wp, " vidare")
        assert screen.session.meeting.sip.family_story == "Elsa berättar"
        screen.save()
        assert screen.session.meeting.sip.family_story == "Elsa berättar vidare"


async def test_the_room_times_the_step_as_the_writer_does(store, room_store):
    writer, clock, _ = demo_app(store)
    room = RoomApp(room_store, clock)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=(160, 45)):
        await open_meeting(writer, wp)
        await wp.press("f5")
        await until(lambda: "Kvar av steget" in screen_text(room))
        clock.advance(95)
        # As both screens show it: the same time left, drawn in their big digits.
        await until(lambda: room_digits_show(room, "03:25"))
        await until(lambda: countdown_shows(writer, "03:25"))
        assert not room_digits_show(room, "05:00") and not countdown_shows(writer, "05:00")
        assert room.room.timebox.elapsed_ns() == 95 * NS_PER_S


async def test_leaving_the_meeting_leaves_the_screen_settings_as_they_were(store):
    writer, clock, _ = demo_app(store)
    before = sys.getswitchinterval()
    async with writer.run_test(size=(120, 36)) as wp:
        await open_meeting(writer, wp)
        await wp.pause(0.1)
        assert isinstance(writer.screen, MeetingScreen)
        assert sys.getswitchinterval() < before
        await writer.back_to_start()
        await wp.pause()
        assert sys.getswitchinterval() == before


# --- nothing but the meeting ----------------------------------------------------------------------

ENGLISH = re.compile(r"\b(quit|Quit|Press|press|app|palette|Screenshot|screenshot|Search|commands?)\b")


@pytest.mark.parametrize("size", [(80, 24), *SIZES])
async def test_keys_that_textual_answers_itself_show_nothing_on_the_projector(store, room_store, size):
    """Ctrl+C (Textual's "Do you want to quit?"), the command palette, a notice from
    anywhere: the room sees the meeting and nothing else."""
    writer, clock, meeting_id = demo_app(store)
    room = RoomApp(room_store, clock, meeting_id)
    async with room.run_test(size=size, notifications=True) as rp:
        await until(lambda: "Mötet har inte börjat" in screen_text(room))
        await rp.pause()
        before = screen_lines(room)
        await rp.press("ctrl+c")
        await rp.pause(0.2)
        await rp.press("ctrl+p", "ctrl+backslash", "tab", "ctrl+c")
        await rp.pause(0.2)
        room.notify("Saved screenshot", title="Screenshot")
        await rp.pause(0.2)
        after = screen_lines(room)
        assert after == before
        assert not KEY_NAMES.search("\n".join(after)) and not ENGLISH.search("\n".join(after))
        assert isinstance(room.screen, RoomScreen)
        await rp.press("ctrl+q")  # the standalone room view still quits
        await rp.pause()
        assert room.return_code == 0


async def test_the_room_layout_over_the_meeting_shows_no_notice_and_no_palette(store):
    writer, clock, _ = demo_app(store)
    async with writer.run_test(size=(120, 36), notifications=True) as wp:
        screen = await open_meeting(writer, wp)
        await wp.press("f5", "ctrl+r")
        await wp.pause()
        assert isinstance(writer.screen, RoomScreen)
        before = screen_lines(writer)
        await wp.press("ctrl+c", "ctrl+p")
        await wp.pause(0.2)
        writer.notify("Kunde inte spara", severity="error")  # e.g. from the meeting underneath
        await wp.pause(0.2)
        assert screen_lines(writer) == before
        assert isinstance(writer.screen, RoomScreen)
        await wp.press("escape")
        await wp.pause()
        assert writer.screen is screen


def shows_the_professionals_view(app) -> bool:
    text = screen_text(app)
    return "Kvar av steget" in text or "Paus" in text


@pytest.mark.parametrize("size", [(80, 24), *SIZES])
@pytest.mark.parametrize("switch", ["writer", "room"])
async def test_back_from_the_childs_view_the_newest_line_is_in_view_at_once(store, room_store, size, switch):
    """The story is written on while the room shows the child's view; back to the
    professionals' view (the writer's Ctrl+B, or B in the room), its first frame shows the
    newest line, with no key pressed in the writer's window meanwhile."""
    writer, clock, _ = demo_app(store)
    room = RoomApp(room_store, clock)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=size) as rp:
        screen = await open_meeting(writer, wp)
        await wp.press("f5", "f4", "f4", "f4")  # the family's story
        await wp.pause()
        if switch == "writer":
            await wp.press("ctrl+b")
        else:
            await rp.press("b")
        await until(lambda: not shows_the_professionals_view(room))
        await paste(wp, "".join(f"Rad {n}: Elsa berättar vidare om skolan.\n" for n in range(1, 60)))
        await type_text(wp, "Rad 60: det senaste")
        screen.save()
        await until(lambda: "Rad 60" in room.room.shown.meeting.sip.family_story)
        await rp.pause()
        if switch == "writer":
            await wp.press("ctrl+b")
        else:
            await rp.press("b")
        await until(lambda: shows_the_professionals_view(room), timeout=6.0)
        lines = screen_lines(room)  # the first frame of the professionals' view
        assert any("Rad 60: det senaste" in line for line in lines), size
        assert not any("Rad 1:" in line for line in lines), size
        assert len(lines) == size[1]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])  # the smallest and the largest
async def test_after_the_end_no_countdown_is_left(store, room_store, size):
    writer, clock, _ = demo_app(store)
    room = RoomApp(room_store, clock)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=size):
        screen = await open_meeting(writer, wp)
        await wp.press("f5", *["f4"] * 9)  # the last step
        clock.advance(3 * 60 + 25)
        await until(lambda: "10/10" in screen_text(room) and "██" in screen_text(room))
        screen.live.close_step()
        await until(lambda: "Mötet är avslutat" in screen_text(room))
        lines = screen_lines(room)
        assert not any("█" in line for line in lines), "\n".join(lines)  # no frozen digits
        assert not re.search(r"\d\d:\d\d", "\n".join(lines))
        assert len(lines) == size[1]


async def test_a_new_window_size_keeps_the_newest_line_in_view(store, clock):
    """A browser's room view starts at 80×24 and takes the window's size a moment later;
    the text wraps anew at each size and nothing is typed meanwhile."""
    from facilitator.meeting.session import MeetingSession

    _, _, meeting_id = demo_app(store, clock)
    session = MeetingSession.load(store, meeting_id, clock)
    session.toggle_timer()
    for _ in range(3):
        session.close_step()
    session.meeting.sip.family_story = "\n".join(
        f"Rad {n}: Elsa berättar att morgnarna är svåra och att hon vill gå till skolan igen."
        for n in range(1, 61)
    )
    session.save_now()
    room = RoomApp(store, clock, meeting_id)
    async with room.run_test(size=(80, 24)) as rp:
        await until(lambda: "Rad 60:" in screen_text(room))
        for size in [(133, 34), (200, 50), (118, 30), (240, 67), (100, 30), (80, 24)]:
            await rp.resize_terminal(*size)
            await until(lambda: len(screen_lines(room)) == size[1] and "Rad 60:" in screen_text(room))
            assert not any("Rad 1:" in line for line in screen_lines(room)), size


async def test_a_replaced_database_is_opened_again_and_the_new_text_is_shown(tmp_path):
    """The data directory removed and made anew while the meeting is open: the writer
    starts a new database with the meeting, and the projector follows it there."""
    import shutil

    data = tmp_path / "data"
    store = Store.open(data)
    writer, clock, _ = demo_app(store)
    room_store = Store.open(data)
    room = RoomApp(room_store, clock)
    try:
        async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=(160, 45)):
            screen = await open_meeting(writer, wp)
            await wp.press("f5", "f4", "f4")
            await type_text(wp, "Före: skolan")
            screen.save()
            await until(lambda: "Före: skolan" in screen_text(room))
            shutil.rmtree(data)
            await type_text(wp, " och efter: fritids")
            screen.save()
            assert screen.live.wait_saved(5.0)
            await until(lambda: "efter: fritids" in screen_text(room))
            lines = screen_lines(room)
            assert any("Före: skolan och efter: fritids" in line for line in lines)
            assert "Traceback" not in screen_text(room)
    finally:
        room_store.close()
        store.close()


async def test_the_interpreter_and_those_called_are_on_the_projector(store, clock):
    """The presentation round shows an interpreter with the language and for whom; the
    summary shows someone called for next time who was not in the room."""
    from facilitator.agenda.models import Person, Role
    from facilitator.meeting.session import MeetingSession

    _, _, meeting_id = demo_app(store, clock)
    session = MeetingSession.load(store, meeting_id, clock)
    mother = next(p for p in session.meeting.attendance if Role.GUARDIAN in p.roles)
    session.meeting.attendance.append(
        Person(name="Amal Haddad", organisation="Tolkcentralen", roles=[Role.INTERPRETER], language="arabiska",
               interprets_for=[mother.id])
    )
    called = Person(name="Märta Ödegård", organisation="Habiliteringen", presence=None)
    session.meeting.sip.next_meeting = session.meeting.sip.next_meeting.model_copy(update={"called": [called]})
    session.toggle_timer()
    session.save_now()
    room = RoomApp(store, clock, meeting_id)
    async with room.run_test(size=(120, 36)):
        await until(lambda: "1/10" in screen_text(room))
        await until(lambda: f"tolk (arabiska) för {mother.name}" in " ".join(screen_text(room).split()))
        for _ in range(8):
            session.close_step()
        session.save_now()
        await until(lambda: "9/10" in screen_text(room))
        await until(lambda: "Märta Ödegård, Habiliteringen (kallas)" in " ".join(screen_text(room).split()))
