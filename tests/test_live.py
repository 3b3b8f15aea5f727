"""The live meeting outside any screen: when it writes, what it writes, and that nothing
is dropped while the disk fails. Time is a ManualClock: milliseconds decide."""

import json
import os
import sqlite3
import threading

import pytest

from facilitator.agenda import NS_PER_MS, CaseStatus, MeetingKind, Navigator
from facilitator.agenda.kinds import Presence
from facilitator.demo import demo_case
from facilitator.meeting.live import LiveMeeting
from facilitator.meeting.session import MeetingSession
from facilitator.meeting.timing import (
    DRAFT_LONGEST_NS,
    DRAFT_QUIET_NS,
    LONGEST_NS,
    QUIET_NS,
    Due,
    SaveTiming,
)
from facilitator.meeting.writer import Writer
from tests.conftest import sqlite_error
from tests.screens_helpers import START


def ms(value: float) -> int:
    return round(value * NS_PER_MS)


# --- save timing -------------------------------------------------------------------------------


def test_nothing_is_due_before_a_key():
    timing = SaveTiming()
    assert timing.due(ms(10_000)) is Due.NOTHING


def test_a_pause_in_typing_brings_the_draft_then_the_save():
    timing = SaveTiming()
    timing.edited(ms(1000))
    assert timing.due(ms(1000) + DRAFT_QUIET_NS - 1) is Due.NOTHING
    assert timing.due(ms(1000) + DRAFT_QUIET_NS) is Due.DRAFT
    timing.drafted()
    assert timing.due(ms(1000) + QUIET_NS - 1) is Due.NOTHING
    assert timing.due(ms(1000) + QUIET_NS) is Due.SAVE
    timing.saved()
    assert timing.due(ms(60_000)) is Due.NOTHING


def test_typing_without_a_pause_still_drafts_and_saves_in_time():
    timing = SaveTiming()
    now = 0
    drafts, saves = [], []
    for _ in range(300):  # a key every 30 ms for 9 seconds, never a pause
        timing.edited(now)
        now += ms(30)
        due = timing.due(now)
        if due is Due.DRAFT:
            drafts.append(now)
            timing.drafted()
        elif due is Due.SAVE:
            saves.append(now)
            timing.saved()
    gaps = [b - a for a, b in zip(saves, saves[1:], strict=False)]
    assert saves and max(gaps) <= LONGEST_NS + ms(30)
    draft_gaps = [b - a for a, b in zip(drafts, drafts[1:], strict=False)]
    assert drafts and max(draft_gaps) <= max(LONGEST_NS - DRAFT_LONGEST_NS, DRAFT_LONGEST_NS) + ms(60)
    # Between saves the room gets a draft at least every DRAFT_LONGEST (plus one key).
    moments = sorted([(t, "d") for t in drafts] + [(t, "s") for t in saves])
    for (a, _), (b, _) in zip(moments, moments[1:], strict=False):
        assert b - a <= DRAFT_LONGEST_NS + ms(30)


def test_a_save_covers_the_draft():
    timing = SaveTiming()
    timing.edited(0)
    timing.saved()
    assert timing.due(ms(5000)) is Due.NOTHING


# --- the live meeting ------------------------------------------------------------------------------


class Fields:
    """What a screen lends the live meeting: text typed into fields, read in on flush."""

    def __init__(self, session: MeetingSession):
        self.session = session
        self.typing: dict[str, str] = {}
        self.flushes = 0

    def type(self, field: str, text: str) -> None:
        current = self.typing.get(field, getattr(self.session.meeting.sip, field))
        self.typing[field] = current + text

    def flush(self) -> None:
        self.flushes += 1
        for field, text in self.typing.items():
            setattr(self.session.meeting.sip, field, text)
        self.typing = {}

    def typed(self) -> dict[str, str]:
        return dict(self.typing)


@pytest.fixture
def live(store, clock):
    session = demo_session(store, clock)
    live = LiveMeeting(session)
    fields = Fields(session)
    live.attach(fields)
    yield live, fields
    live.writer.abandon()


def stored_draft(store, meeting_id) -> dict:
    return store.load_draft(meeting_id)


def test_a_key_reaches_the_draft_after_a_short_pause_and_the_meeting_after_a_longer(live, store, clock):
    live, fields = live
    meeting_id = live.session.meeting.id
    fields.type("family_story", "Elsa berättar")
    live.edited()
    assert live.tick() is Due.NOTHING
    clock.advance(ns=DRAFT_QUIET_NS)
    assert live.tick() is Due.DRAFT
    assert live.wait_saved(5)
    assert stored_draft(store, meeting_id) == {"family_story": "Elsa berättar"}
    assert store.load_meeting(meeting_id).sip.family_story == ""
    # Loading the meeting (a restart, the room view) includes what the draft holds.
    assert MeetingSession.load(store, meeting_id, clock).meeting.sip.family_story == "Elsa berättar"
    clock.advance(ns=QUIET_NS)
    assert live.tick() is Due.SAVE
    assert live.wait_saved(5)
    assert store.load_meeting(meeting_id).sip.family_story == "Elsa berättar"
    assert stored_draft(store, meeting_id) == {}  # the meeting's save replaced it


def test_a_stale_draft_never_overrides_a_later_save(live, store, clock):
    live, fields = live
    meeting_id = live.session.meeting.id
    fields.type("notes", "gammal text")
    live.edited()
    clock.advance(ns=DRAFT_QUIET_NS)
    live.tick()
    live.wait_saved(5)
    fields.typing = {"notes": ""}  # the secretary erased it
    live.save()
    live.wait_saved(5)
    assert MeetingSession.load(store, meeting_id, clock).meeting.sip.notes == ""


def test_an_urgent_change_is_saved_at_once(live, store, clock):
    live, _ = live
    live.session.meeting.attendance[0].presence = Presence.ABSENT
    live.edited(urgent=True)
    assert live.wait_saved(5)
    assert store.load_meeting(live.session.meeting.id).attendance[0].present is False


def test_timer_operations_save_and_read_the_fields_first(live, store, clock):
    live, fields = live
    meeting_id = live.session.meeting.id
    live.toggle_timer()
    fields.type("purpose", "Syftet")
    live.close_step()
    assert live.wait_saved(5)
    stored = store.load_meeting(meeting_id)
    assert stored.timer.current == 1 and stored.timer.running
    assert stored.sip.purpose == "Syftet"


def test_the_autosave_runs_in_turns(live, store, clock):
    live, fields = live
    turns = []
    live.attach(fields, defer=turns.append)
    fields.type("notes", "x")
    live.edited()
    clock.advance(ns=QUIET_NS)
    live.tick()
    assert fields.flushes == 1 and len(turns) == 1  # read in; snapshot next turn
    turns.pop(0)()
    assert len(turns) == 1  # snapshot taken; hand-over next turn
    assert live.writer.idle()
    turns.pop(0)()
    assert live.wait_saved(5)
    assert store.load_meeting(live.session.meeting.id).sip.notes == "x"


def test_the_case_is_written_from_the_snapshot_taken_on_the_callers_thread(live, store, clock):
    live, _ = live
    session = live.session
    session.meeting.sip.navigator = Navigator(name="Ahmed Şahin", organisation="BUP Öst")
    gate = threading.Event()
    real_write_case = store.write_case

    def slow_write_case(prepared):
        gate.wait(5)
        real_write_case(prepared)

    store.write_case = slow_write_case
    session.case.record_lots(session.meeting.sip.navigator, START.date())
    session.case_changed()
    live.save()
    session.case.child.name = "Ändrad efter sparandet"  # the UI goes on changing the case
    gate.set()
    assert live.wait_saved(5)
    stored = store.load_case(session.case.id)
    assert stored.child.name == "Elsa Åkesson"
    assert [c.name for c in stored.lots_history] == ["Ahmed Şahin"]


class DiskFull:
    """Every write of the store fails, as on a full disk, until ``cleared``."""

    def __init__(self, store):
        self.on = True
        for name in ("write_case", "write_meeting", "write_draft"):
            real = getattr(store, name)
            setattr(store, name, self._failing(real))

    def _failing(self, real):
        def write(*args):
            if self.on:
                raise sqlite_error("database or disk is full", sqlite3.SQLITE_FULL)
            real(*args)

        return write

    def clear(self) -> None:
        self.on = False


def demo_session(store, clock) -> MeetingSession:
    case, meeting = demo_case(START)
    store.save_case(case)
    store.save_meeting(meeting)
    return MeetingSession.load(store, meeting.id, clock)


def test_a_case_change_survives_a_failed_write_replaced_by_a_newer_snapshot(store, clock):
    session = demo_session(store, clock)
    disk = DiskFull(store)
    live = LiveMeeting(session, retry_seconds=0.01)
    try:
        session.case.status = CaseStatus.CLOSED
        session.case_changed()
        live.save()  # fails: the case change is in this snapshot only
        assert not live.wait_saved(0.05)
        live.save()  # a newer snapshot, without a case change of its own
        disk.clear()
        assert live.wait_saved(5)
        assert store.load_case(session.case.id).status is CaseStatus.CLOSED
    finally:
        live.writer.abandon()


def test_closing_while_the_disk_fails_keeps_saving_until_it_works(store, clock):
    session = demo_session(store, clock)
    statuses = []
    live = LiveMeeting(session, retry_seconds=0.01)
    fields = Fields(session)
    live.attach(fields, on_status=statuses.append)
    disk = DiskFull(store)
    fields.type("family_story", "Får inte försvinna")
    assert live.close(timeout=0.1) is False  # refused: not everything is on disk
    assert not live.closed and not live.writer.stopped
    assert any(s.failed and s.failure.reason == "full" for s in statuses)
    fields.type("family_story", " alls")  # typing goes on
    live.edited()
    disk.clear()
    assert live.close(timeout=5) is True
    assert store.load_meeting(session.meeting.id).sip.family_story == "Får inte försvinna alls"
    assert not statuses[-1].failed


def test_away_time_after_a_restart(store, clock):
    session = demo_session(store, clock)
    session.toggle_timer()
    session.save_now()
    later = clock.restarted(gap_seconds=95)
    resumed = LiveMeeting(MeetingSession.load(store, session.meeting.id, later), read_only=True)
    assert resumed.away_seconds() == pytest.approx(95)


def test_a_read_only_meeting_writes_nothing(store, clock):
    live = LiveMeeting(demo_session(store, clock), read_only=True)
    live.session.meeting.sip.notes = "ändrat"
    live.edited(urgent=True)
    assert live.save() is None and live.writer is None
    assert store.load_meeting(live.session.meeting.id).sip.notes == ""


# --- the writer thread ---------------------------------------------------------------------------


def test_the_writer_keeps_the_newest_and_writes_a_newer_draft_after_its_snapshot():
    written = []
    gate, busy = threading.Event(), threading.Event()

    def write(item):
        busy.set()
        gate.wait(5)
        written.append(("s", item))

    writer = Writer(write, lambda d: written.append(("d", d)), supersedes=lambda s, d: s >= d)
    try:
        writer.submit(1)  # taken by the thread, waits at the gate
        assert busy.wait(5)
        writer.submit(2)
        writer.submit(3)  # replaces 2
        writer.submit_draft(4)  # newer text than snapshot 3: written after it
        gate.set()
        assert writer.wait_idle(5)
        assert written == [("s", 1), ("s", 3), ("d", 4)]
        writer.submit_draft(5)
        writer.submit(6)  # holds draft 5's text: the draft is not written
        assert writer.wait_idle(5)
        assert written[-1] == ("s", 6) and ("d", 5) not in written
    finally:
        writer.abandon()


def test_a_stopped_writer_refuses_more():
    writer = Writer(lambda _: None, lambda _: None)
    assert writer.stop(1)
    with pytest.raises(RuntimeError):
        writer.submit(1)


def test_snapshot_and_draft_hold_what_they_say(store, clock):
    session = demo_session(store, clock)
    meeting, case = session.meeting, session.case
    snapshot = session.snapshot()
    assert snapshot.meeting.id == meeting.id and snapshot.case.id == case.id
    assert json.loads(snapshot.case.body)["child"]["name"] == "Elsa Åkesson"
    draft = session.draft({"notes": "å ä ö"})
    assert json.loads(draft.fields) == {"notes": "å ä ö"}
    assert meeting.kind is MeetingKind.FIRST


def test_a_copy_holds_what_is_typed_when_the_disk_fails(store, clock, tmp_path):
    from facilitator.export import read_document

    session = demo_session(store, clock)
    live = LiveMeeting(session, retry_seconds=0.01)
    fields = Fields(session)
    live.attach(fields)
    DiskFull(store)
    fields.type("family_story", "Får inte försvinna")
    assert live.close(timeout=0.1) is False
    copy = tmp_path / "kopia.json"
    live.write_copy(copy)
    assert copy.stat().st_mode & 0o777 == 0o600
    document = read_document(copy.read_bytes())
    assert document.meetings[0].sip.family_story == "Får inte försvinna"
    assert document.case.child.name == "Elsa Åkesson"
    with pytest.raises(FileExistsError):
        live.write_copy(copy)  # never over an existing file


def test_a_copy_that_cannot_be_written_whole_leaves_no_file(store, clock, tmp_path, monkeypatch):
    import errno

    from facilitator.export import read_document
    from facilitator.meeting import live as live_module

    session = demo_session(store, clock)
    live = LiveMeeting(session, retry_seconds=0.01)
    fields = Fields(session)
    live.attach(fields)
    fields.type("family_story", "Får inte försvinna")
    copy = tmp_path / "kopia.json"
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(live_module.os, "fsync", full)
    with pytest.raises(OSError) as failed:
        live.write_copy(copy)
    assert failed.value.errno == errno.ENOSPC
    assert not copy.exists()  # no empty file, and the name is free
    monkeypatch.setattr(live_module.os, "fsync", real_fsync)
    live.write_copy(copy)
    assert read_document(copy.read_bytes()).meetings[0].sip.family_story == "Får inte försvinna"
    live.close(timeout=1)
    live.abandon()
    assert live.closed and live.writer.stopped
