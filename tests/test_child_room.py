"""The child's room view: the step in a child's words, the steps as marks, the time as a
bar, what comes next, and "Paus"; switched in the room, from the writer's window, or
with ``facilitator room --barn``.

What the room shows is asserted on its rendered lines, at the projector's sizes.
"""

import re

import pytest

from facilitator import strings as sv
from facilitator.agenda import ManualClock, MeetingKind, StepStatus
from facilitator.meeting.follow import ChildMode
from facilitator.meeting.session import MeetingSession
from facilitator.room import RoomApp
from facilitator.store import Store
from facilitator.views.childview import child_line
from facilitator.widgets.bigtext import read_big
from facilitator.widgets.childroom import CURRENT, DONE, HERE, TO_COME, bar_cells, step_marks, time_left
from tests.screens_helpers import demo_app, open_meeting, screen_lines, type_text
from tests.screens_helpers import screen_text as plain_text
from tests.test_cli import run
from tests.test_room import until

SIZES = [(100, 30), (160, 45)]

LINES = [
    "Nu säger alla vad de heter och varför de är här.",
    "Nu pratar vi om vem som får veta vad om dig.",
    "Nu berättar vi hur mötet går till och varför vi träffas.",
    "Nu berättar du och dina föräldrar. Ingen avbryter.",
    "Nu berättar de vuxna som jobbar med dig. Ingen avbryter.",
    "Nu får alla fråga om det de inte förstod.",
    "Nu pratar vi tillsammans om vad som ska bli bättre och hur.",
    "Nu bestämmer vi vem som ska vara din lots – en vuxen som hjälper dig hela vägen.",
    "Nu säger vi vad vi har bestämt.",
    "Nu bestämmer vi när vi ses igen och skriver under planen.",
]
"""The child's line of each step of the demo's first meeting, for these tests."""


def screen_text(app) -> str:
    """What a person reads on the screen: its text, and the step's line in big letters
    read back as words (in capitals, as they are drawn)."""
    return plain_text(app) + "\n" + read_big(screen_lines(app))


def shows(app, line: str) -> bool:
    """Whether the screen shows the step's ``line``: in big letters, or (where they do
    not fit) as text."""
    drawn = " ".join(line.split()).upper().replace("–", "-")
    return drawn in read_big(screen_lines(app)) or line in " ".join(plain_text(app).split())


def line_row(lines: list[str], line: str) -> int:
    """The first screen line of the step's ``line``: its big letters, or its text."""
    big = [i for i in range(len(lines)) if read_big(lines[i : i + 3])]
    return big[0] if big else next(i for i, row in enumerate(lines) if line[:20] in row)


def child_demo(store, clock: ManualClock | None = None):
    """The demo app, its meeting's steps with a child's line each."""
    writer, clock, meeting_id = demo_app(store, clock)
    meeting = store.load_meeting(meeting_id)
    assert len(meeting.steps) == len(LINES)
    for step, line in zip(meeting.steps, LINES, strict=True):
        step.child = line
    store.save_meeting(meeting)
    return writer, clock, meeting_id


@pytest.fixture
def room_store(store):
    with Store.open(store.path.parent) as other:
        yield other


def marks_and_pointer(lines: list[str]) -> tuple[str, int, int | None]:
    """The row of marks (without its spaces), the column of the current mark, and the
    column of the ▲ on the row below it."""
    row = next(i for i, line in enumerate(lines) if TO_COME in line or CURRENT in line or DONE in line)
    marks = lines[row]
    below = lines[row + 1]
    return marks.replace(" ", ""), marks.find(CURRENT), (below.find(HERE) if HERE in below else None)


def bar_rows(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if re.fullmatch(r"\s*[█░]{10,}\s*", line)]


def adult_texts(meeting) -> list[str]:
    """What the professionals' view shows and the child's must not: each step's title
    and guidance (what the routine tells the adults), the names of those present."""
    texts = [step.guidance[:30] for step in meeting.steps if step.guidance]
    texts += [person.name for person in meeting.attendance]
    return texts + ["Kvar av steget", "Dagordning", "Slut "]


# --- what it shows, pure ----------------------------------------------------------------------


def test_the_marks_leave_out_skipped_steps_and_show_where_we_are(store, clock):
    _, _, meeting_id = child_demo(store, clock)
    session = MeetingSession.load(store, meeting_id, clock)
    box = session.timebox
    assert step_marks(box) == (TO_COME * 10, None)  # nothing begun, nothing current
    box.skip(1)
    box.start()
    box.close_step()
    assert step_marks(box) == (DONE + CURRENT + TO_COME * 7, 1)
    while not box.finished:
        box.close_step()
    assert step_marks(box) == (DONE * 9, None)


def test_the_time_left_is_read_from_the_clock(store, clock):
    _, _, meeting_id = child_demo(store, clock)
    box = MeetingSession.load(store, meeting_id, clock).timebox
    box.start()
    assert time_left(box) == 1.0
    clock.advance(box.current.allotted_ns / 4 / 1e9)
    assert time_left(box) == pytest.approx(0.75)
    for _ in range(1000):  # ticks are no unit of time: reading again changes nothing
        time_left(box)
    assert time_left(box) == pytest.approx(0.75)
    clock.advance(box.current.allotted_ns / 1e9)
    assert time_left(box) == 0.0  # over the time: an empty bar, never a negative one


@pytest.mark.parametrize(
    ("fraction", "width", "cells"),
    [(1.0, 90, 90), (0.5, 90, 45), (0.001, 90, 1), (0.0, 90, 0), (0.5, 0, 0), (0.994, 90, 89)],
)
def test_bar_cells(fraction, width, cells):
    assert bar_cells(fraction, width) == cells


def test_child_line_falls_back_to_the_agendas_own_line(store, clock):
    from facilitator.agenda.templates import default_template

    _, _, meeting_id = child_demo(store, clock)
    step = store.load_meeting(meeting_id).steps[3]
    assert child_line(step, MeetingKind.FIRST) == LINES[3]
    step.child = ""
    assert child_line(step, MeetingKind.FIRST) == default_template(MeetingKind.FIRST).step(step.key).child


class Seen:
    """A meeting as the room reads it: its id and the writer's switch."""

    def __init__(self, child_room: bool, id: str = "a" * 32):
        self.id = id
        self.child_room = child_room


def test_a_room_without_a_choice_follows_the_writers_switch():
    mode = ChildMode()
    assert mode.follow(Seen(False)) is False
    assert mode.follow(Seen(True)) is True
    assert mode.follow(Seen(True)) is True
    assert mode.follow(Seen(False)) is False
    restarted = ChildMode()
    assert restarted.follow(Seen(True)) is True  # a room started later shows what the others show


def test_the_rooms_own_choice_holds_until_the_writers_switch_changes():
    mode = ChildMode(True)  # room --barn
    assert mode.follow(Seen(False)) is True
    assert mode.follow(Seen(False)) is True  # saved again, not switched: still the child's
    assert mode.follow(Seen(True)) is True
    assert mode.follow(Seen(False)) is False  # the writer switched: the writer wins
    mode.choose(True)  # the room's own key
    assert mode.follow(Seen(False)) is True
    assert mode.follow(Seen(True, id="b" * 32)) is True  # the next meeting: the room keeps its view
    assert mode.follow(Seen(False, id="b" * 32)) is False


# --- on the projector --------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_the_child_sees_the_step_the_marks_the_bar_and_what_comes_next(store, room_store, size):
    writer, clock, meeting_id = child_demo(store)
    room = RoomApp(room_store, clock, child=True)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=size):
        screen = await open_meeting(writer, wp)
        await until(lambda: shows(room, "Snart börjar mötet."))
        assert f"Först: {LINES[0]}" in " ".join(screen_text(room).split())
        assert marks_and_pointer(screen_lines(room)) == (TO_COME * 10, -1, None)
        assert not bar_rows(screen_lines(room))  # no time to show before the start

        await wp.press("f5", "f4", "f4", "f4")  # the family's story
        await type_text(wp, "Elsa berättar om morgnarna")
        screen.save()
        await until(lambda: shows(room, LINES[3]))
        lines = screen_lines(room)
        assert len(lines) == size[1]
        text = " ".join(" ".join(lines).split())
        assert f"Sedan: {LINES[4]}" in text
        row, current, pointer = marks_and_pointer(lines)
        assert row == DONE * 3 + CURRENT + TO_COME * 6
        assert current == pointer  # ▲ right under the current step's mark
        for hidden in [*adult_texts(screen.session.meeting), "Elsa berättar", "Elsa Åkesson"]:
            assert hidden not in text, hidden
        assert not re.search(r"\d", text)  # the time is a bar, not digits

        (bar,) = set(bar_rows(lines))
        full = bar.count("█")
        assert full == bar_cells(time_left(screen.timebox), len(bar)) == len(bar)
        clock.advance(screen.timebox.current.allotted_ns / 3 / 1e9)
        await until(lambda: set(bar_rows(screen_lines(room))) != {bar})
        (shorter,) = set(bar_rows(screen_lines(room)))
        assert shorter.count("█") == bar_cells(time_left(screen.timebox), len(bar)) < full
        assert len(shorter) == len(bar)


@pytest.mark.parametrize("size", SIZES)
async def test_paus_is_shown_large_while_the_timer_is_paused(store, room_store, size):
    writer, clock, _ = child_demo(store)
    room = RoomApp(room_store, clock, child=True)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=size):
        screen = await open_meeting(writer, wp)
        await wp.press("f5", "f4")
        await until(lambda: shows(room, LINES[1]))
        assert "Paus" not in screen_text(room)
        clock.advance(60)
        await wp.press("f5")  # the child asked for a pause
        await until(lambda: "Paus" in screen_text(room))
        lines = screen_lines(room)
        (pause,) = [i for i, line in enumerate(lines) if "Paus" in line]
        assert lines[pause].strip() == "Paus"  # a sign of its own, above the step
        assert pause < line_row(lines, LINES[1])
        (bar,) = set(bar_rows(lines))
        clock.advance(90)  # paused: the time does not run out
        await until(lambda: screen.timebox.elapsed_ns() == 60 * 10**9)
        assert set(bar_rows(screen_lines(room))) == {bar}
        await wp.press("f5")
        await until(lambda: "Paus" not in screen_text(room))


async def test_at_the_last_step_and_after_the_end(store, room_store):
    writer, clock, _ = child_demo(store)
    room = RoomApp(room_store, clock, child=True)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=(100, 30)):
        screen = await open_meeting(writer, wp)
        await wp.press("f5", *["f4"] * 9)
        await until(lambda: shows(room, LINES[9]))
        assert "Sedan är mötet slut." in screen_text(room)
        assert marks_and_pointer(screen_lines(room))[0] == DONE * 9 + CURRENT
        screen.live.close_step()
        await until(lambda: shows(room, "Nu är mötet slut."))
        await until(lambda: not bar_rows(screen_lines(room)))  # the bar goes with the time
        assert marks_and_pointer(screen_lines(room))[0] == DONE * 10


async def test_a_skipped_step_has_no_mark(store, room_store, clock):
    _, _, meeting_id = child_demo(store, clock)
    session = MeetingSession.load(store, meeting_id, clock)
    session.timebox.skip(1)
    session.toggle_timer()
    session.save_now()
    room = RoomApp(room_store, clock, meeting_id, child=True)
    async with room.run_test(size=(100, 30)):
        await until(lambda: shows(room, LINES[0]))
        assert marks_and_pointer(screen_lines(room))[0] == CURRENT + TO_COME * 8
        assert f"Sedan: {LINES[2]}" in " ".join(screen_text(room).split())
        assert session.meeting.steps[1].status is StepStatus.SKIPPED


# --- switching --------------------------------------------------------------------------------


async def test_the_writers_key_switches_the_room_and_back(store, room_store):
    writer, clock, meeting_id = child_demo(store)
    room = RoomApp(room_store, clock)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=(100, 30)):
        await open_meeting(writer, wp)
        await wp.press("f5")
        await until(lambda: "Kvar av steget" in screen_text(room))
        assert not shows(room, LINES[0])
        assert "Rumsvy: barnets vy" not in screen_text(writer)

        await wp.press("ctrl+b")
        await until(lambda: shows(room, LINES[0]))
        assert "Kvar av steget" not in screen_text(room)
        assert "Presentationsrunda" not in screen_text(room)
        assert "Rumsvy: barnets vy" in screen_lines(writer)[0]  # the secretary sees what the room sees
        assert store.load_meeting(meeting_id).child_room is True

        await type_text(wp, "Alla hälsar")  # the key is not typed into the field
        assert "Alla hälsar" in screen_text(writer)  # the cursor stayed in the step's field

        await wp.press("ctrl+b")
        await until(lambda: "Kvar av steget" in screen_text(room))
        assert not shows(room, LINES[0])
        assert "Rumsvy: barnets vy" not in screen_text(writer)


async def test_a_room_started_in_the_childs_view_keeps_it_until_the_writer_switches(store, room_store):
    writer, clock, _ = child_demo(store)
    room = RoomApp(room_store, clock, child=True)
    other = RoomApp(room_store, clock)
    async with (
        writer.run_test(size=(120, 36)) as wp,
        room.run_test(size=(100, 30)),
        other.run_test(size=(100, 30)),
    ):
        screen = await open_meeting(writer, wp)
        await wp.press("f5")
        await until(lambda: shows(room, LINES[0]) and "Kvar av steget" in screen_text(other))
        clock.advance(30)
        screen.save()  # saved, not switched: each keeps its view
        await until(lambda: screen.live.wait_saved(0))
        await wp.pause(0.2)
        assert shows(room, LINES[0]) and "Kvar av steget" in screen_text(other)

        await wp.press("ctrl+b")  # every room view: the child's
        await until(lambda: shows(other, LINES[0]))
        assert shows(room, LINES[0])
        await wp.press("ctrl+b")  # and back, --barn or not
        await until(lambda: "Kvar av steget" in screen_text(room) and "Kvar av steget" in screen_text(other))


async def test_the_rooms_own_key_switches_only_that_room(store, room_store):
    writer, clock, meeting_id = child_demo(store)
    room = RoomApp(room_store, clock, meeting_id)
    async with room.run_test(size=(100, 30)) as rp:
        await until(lambda: "Mötet har inte börjat" in screen_text(room))
        await rp.press("b")
        await until(lambda: shows(room, "Snart börjar mötet."))
        assert store.load_meeting(meeting_id).child_room is False  # nothing is written
        await rp.press("b")
        await until(lambda: "Mötet har inte börjat" in screen_text(room))


async def test_the_room_layout_in_the_writers_window_shows_the_childs_view_when_switched(store):
    writer, clock, _ = child_demo(store)
    async with writer.run_test(size=(120, 36)) as wp:
        await open_meeting(writer, wp)
        await wp.press("f5", "ctrl+b", "ctrl+r")
        await wp.pause()
        assert shows(writer, LINES[0])
        assert "Presentationsrunda" not in screen_text(writer)


def test_room_barn_starts_in_the_childs_view(tmp_path, monkeypatch):
    started = []
    monkeypatch.setattr(RoomApp, "run", lambda app, *a, **k: started.append(app.room.child_mode.on))
    with Store.open(tmp_path) as store:
        demo_app(store)
    assert run("room", "--barn", data_dir=tmp_path).returncode == 0
    assert run("room", data_dir=tmp_path).returncode == 0
    assert started == [True, False]
    refused = run("room", "--barn=ja", data_dir=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.startswith("facilitator: ") and len(refused.stderr.splitlines()) == 1
    assert "--barn" in run("room", "--help").stdout


async def test_the_writers_key_is_in_the_help_and_the_palette(store):
    from tests.screens_helpers import until as until_in

    writer, _, meeting_id = child_demo(store)
    async with writer.run_test(size=(120, 36)) as wp:
        screen = await open_meeting(writer, wp)
        await wp.press("f1")
        await wp.pause()
        assert any(re.search(r"\^b\s+Barnets vy", line) for line in screen_lines(writer))
        await wp.press("escape")
        await wp.pause()
        await wp.press("ctrl+p")
        await type_text(wp, "barnets vy")
        await until_in(wp, lambda: writer.screen.query_one("CommandList").option_count > 0)
        assert "Barnets vy i rumsvyn" in screen_text(writer)
        await wp.press("enter")
        await until_in(wp, lambda: screen.live.wait_saved(0) and store.load_meeting(meeting_id).child_room)
        assert writer.screen is screen


# --- what is being decided, in the child's words -----------------------------------------------

CHILD_GOAL = "Du går till skolan fyra dagar i veckan"
CHILD_ACTION = "Du och Karin träffas varje måndag"


async def _to_dialog(wp, screen) -> None:
    await wp.press("f5", *["f4"] * 6)  # Dialog
    await until(lambda: screen.timebox.current.key == "dialogue")


@pytest.mark.parametrize("size", SIZES)
async def test_in_dialog_the_child_sees_the_goal_being_decided_in_its_own_line(store, room_store, size):
    writer, clock, _ = child_demo(store)
    room = RoomApp(room_store, clock, child=True)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=size):
        screen = await open_meeting(writer, wp)
        await _to_dialog(wp, screen)
        await until(lambda: shows(room, LINES[6]))
        assert "Det här bestämmer vi nu" not in screen_text(room)  # nothing decided yet

        screen.query_one("#goal-text").focus()
        await type_text(wp, "Elsa går till skolan fyra dagar i veckan")
        screen.query_one("#goal-child").focus()
        await type_text(wp, CHILD_GOAL + "\n")
        screen.save()
        await until(lambda: CHILD_GOAL in " ".join(screen_text(room).split()))
        lines = screen_lines(room)
        assert len(lines) == size[1]
        text = " ".join(" ".join(lines).split())
        assert f"Det här bestämmer vi nu: {CHILD_GOAL}" in text
        assert "Elsa går till skolan" not in text  # the adults' words stay with the adults
        (decided,) = [i for i, line in enumerate(lines) if CHILD_GOAL[:20] in line]
        assert decided > line_row(lines, LINES[6])
        stored = store.load_meeting(screen.session.meeting.id).sip
        assert [(g.text, g.child) for g in stored.goals] == [("Elsa går till skolan fyra dagar i veckan", CHILD_GOAL)]
        assert stored.child_focus == stored.goals[0].id


async def test_a_goal_without_a_line_for_the_child_shows_nothing_and_other_steps_show_none(store, room_store):
    writer, clock, _ = child_demo(store)
    room = RoomApp(room_store, clock, child=True)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=(100, 30)):
        screen = await open_meeting(writer, wp)
        await _to_dialog(wp, screen)
        screen.query_one("#goal-text").focus()
        await type_text(wp, "Elsa går till skolan\n")
        screen.save()
        await until(lambda: bool(store.load_meeting(screen.session.meeting.id).sip.goals))
        await wp.pause(0.2)
        assert "Det här bestämmer vi nu" not in screen_text(room)
        assert "Elsa går till skolan" not in screen_text(room)

        screen.query_one("#goal-text").focus()
        await type_text(wp, "Ett mål till")
        screen.query_one("#goal-child").focus()
        await type_text(wp, CHILD_GOAL + "\n")
        screen.save()
        await until(lambda: CHILD_GOAL in " ".join(screen_text(room).split()))
        await wp.press("f4")  # Val av lots: nothing is decided there for the child
        await until(lambda: shows(room, LINES[7]))
        assert CHILD_GOAL not in " ".join(screen_text(room).split())
        await wp.press("f4")  # Sammanfattning: the goal is summed up again
        await until(lambda: CHILD_GOAL in " ".join(screen_text(room).split()))


def test_deciding_line_only_in_dialog_and_summary():
    from facilitator.agenda.models import Action, Sip, StepRun
    from facilitator.views.childview import deciding_line

    action = Action(what="Vuxnas ord", child=CHILD_ACTION)
    sip = Sip(actions=[action], child_focus=action.id)

    def step(*captures):
        return StepRun(key="s", title="S", captures=list(captures), planned_ns=1, allotted_ns=1)

    assert deciding_line(step("reflection", "goals", "actions"), sip) == CHILD_ACTION
    assert deciding_line(step("summary", "views"), sip) == CHILD_ACTION
    assert deciding_line(step("navigator"), sip) == ""
    assert deciding_line(step("goals"), Sip(actions=[action])) == ""


# --- the consent, as the child's own is recorded or not -----------------------------------------


@pytest.mark.parametrize("childs_own", [False, True])
async def test_the_sekretess_step_says_the_child_said_yes_only_when_it_is_recorded(store, room_store, childs_own):
    from facilitator.agenda.templates import default_template

    writer, clock, meeting_id = demo_app(store)  # the agenda's own lines
    case = store.load_case(store.load_meeting(meeting_id).case_id)
    assert case.consent.child is None  # the demo's consent is the parents'
    if childs_own:
        case.give_consent([o.name for o in case.organisations], case.consent.given_on, child=True)
        store.save_case(case)
    line = default_template(MeetingKind.FIRST).step("confidentiality").child
    assert sv.CHILD_CONSENT_BOTH in line
    shown = line if childs_own else line.replace(sv.CHILD_CONSENT_BOTH, sv.CHILD_CONSENT_PARENTS)
    room = RoomApp(room_store, clock, child=True)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=(100, 30)):
        await open_meeting(writer, wp)
        await wp.press("f5")
        await until(lambda: f"Sedan: {shown}" in " ".join(screen_text(room).split()))
        await wp.press("f4")  # Sekretess
        await until(lambda: shows(room, shown))
        assert childs_own or not shows(room, line)
