"""The journal: what the writer could not store goes to a second place, owner-only, and
comes back into the database on the next start — never over something newer."""

from __future__ import annotations

import sqlite3
import threading
import time

from facilitator.agenda import CaseStatus
from facilitator.meeting.live import LiveMeeting
from facilitator.meeting.session import MeetingSession
from facilitator.meeting.writer import SLOW_SECONDS, Writer
from facilitator.store import Store
from facilitator.store.database import DB_NAME, PreparedCase, PreparedMeeting
from facilitator.store.journal import Journal, JournalEntry, journal_path, journals, replay, replay_all
from tests.conftest import full_case, full_meeting, sqlite_error

LOCKED = sqlite_error("database is locked", sqlite3.SQLITE_BUSY)


class Recorder:
    def __init__(self):
        self.kept: list[tuple[object, object]] = []
        self.cleared = 0
        self.changed = threading.Event()

    def keep(self, snapshot, draft):
        self.kept.append((snapshot, draft))
        self.changed.set()

    def clear(self):
        self.cleared += 1
        self.changed.set()


def wait(condition, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "not in time"
        time.sleep(0.005)


# --- the writer's second place -------------------------------------------------------------


def test_while_writes_fail_everything_not_written_goes_to_the_sink_and_is_cleared_after():
    failing = threading.Event()
    failing.set()
    written = []

    def write(item):
        if failing.is_set():
            raise LOCKED
        written.append(item)

    sink = Recorder()
    writer = Writer(write, write, supersedes=lambda snapshot, draft: snapshot == "two", retry_seconds=0.02, sink=sink)
    try:
        writer.submit("one")
        wait(lambda: sink.kept)
        assert sink.kept[-1] == ("one", None)
        writer.submit_draft("typed after one")
        wait(lambda: sink.kept[-1] == ("one", "typed after one"))
        writer.submit("two")  # holds the draft's text
        wait(lambda: sink.kept[-1] == ("two", None))
        assert sink.cleared == 0
        failing.clear()
        assert writer.wait_idle(5)
        wait(lambda: sink.cleared == 1)
        assert written[0] == "two"
    finally:
        writer.abandon()


def test_a_write_that_hangs_puts_what_waits_in_the_sink_before_it_fails():
    release = threading.Event()

    def write(item):
        release.wait(5)

    sink = Recorder()
    writer = Writer(write, write, supersedes=lambda snapshot, draft: False, sink=sink)
    try:
        started = time.monotonic()
        writer.submit("hanging")
        writer.submit_draft("typed meanwhile")
        wait(lambda: sink.kept)
        assert time.monotonic() - started >= SLOW_SECONDS * 0.9
        assert sink.kept[-1] == ("hanging", "typed meanwhile")
        release.set()
        assert writer.wait_idle(5)
        wait(lambda: sink.cleared == 1)
    finally:
        release.set()
        writer.abandon()


def test_a_writer_that_never_fails_never_touches_the_sink():
    sink = Recorder()
    writer = Writer(lambda item: None, lambda item: None, sink=sink)
    for number in range(50):
        writer.submit(number)
        writer.submit_draft(number)
    assert writer.stop(5)
    assert sink.kept == [] and sink.cleared == 0


# --- the file ---------------------------------------------------------------------------------


def _meeting_store(tmp_path):
    store = Store.open(tmp_path)
    case = full_case()
    store.save_case(case)
    meeting = full_meeting(case)
    store.save_meeting(meeting, saved_wall_ns=1_000)
    return store, case, meeting


def _session(store, meeting, clock):
    return MeetingSession.load(store, meeting.id, clock)


def test_a_locked_database_leaves_an_owner_only_journal_that_the_next_start_stores(tmp_path, clock):
    store, case, meeting = _meeting_store(tmp_path)
    store.timeout = 0.05
    store.reopen()
    live = LiveMeeting(_session(store, meeting, clock), retry_seconds=0.02)
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        live.session.meeting.sip.purpose = "Skrivet medan databasen var låst"
        live.session.case.status = CaseStatus.CLOSED
        live.session.case_changed()
        live.save()
        path = journal_path(tmp_path, meeting.id)
        wait(path.is_file)
        assert path.stat().st_mode & 0o777 == 0o600
        assert [j.meeting_id for j in journals(tmp_path)] == [meeting.id]
        live.abandon()  # killed: the database never got it
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.load_meeting(meeting.id).sip.purpose == "Samordna stödet"
    assert replay_all(store) == [meeting.id]
    assert store.load_meeting(meeting.id).sip.purpose == "Skrivet medan databasen var låst"
    assert store.load_case(case.id).status is CaseStatus.CLOSED
    assert not path.exists()
    store.close()


def test_text_typed_after_the_last_snapshot_comes_back_as_the_draft(tmp_path, clock):
    store, case, meeting = _meeting_store(tmp_path)
    store.timeout = 0.05
    store.reopen()
    live = LiveMeeting(_session(store, meeting, clock), retry_seconds=0.02)
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        live.session.meeting.sip.purpose = "Sparat i minnet"
        live.save()
        clock.advance(1)
        live.writer.submit_draft(_draft(live, {"purpose": "Sparat i minnet och sedan mer"}))
        wait(lambda: (entry := Journal(tmp_path, meeting.id).read()) is not None and entry.draft is not None)
        live.abandon()
    finally:
        other.execute("ROLLBACK")
        other.close()
    again = MeetingSession.load(store, meeting.id, clock)
    assert again.meeting.sip.purpose == "Sparat i minnet och sedan mer"
    assert not journal_path(tmp_path, meeting.id).exists()
    store.close()


def _draft(live, fields):
    from facilitator.meeting.live import _Epoch

    return _Epoch(live._flushes, live.session.draft(fields))


def test_a_journal_older_than_the_database_changes_nothing(tmp_path):
    store, case, meeting = _meeting_store(tmp_path)
    old = meeting.model_copy(deep=True)
    old.sip.purpose = "Gammal text"
    entry = JournalEntry(meeting.id, PreparedMeeting.of(old, 500), PreparedCase.of(case))
    journal = Journal(tmp_path, meeting.id)
    journal.write(entry)
    assert replay(store, journal)
    assert store.load_meeting(meeting.id).sip.purpose == "Samordna stödet"
    assert not journal.exists()
    store.close()


def test_a_journal_that_cannot_be_stored_yet_opens_with_its_text_and_is_saved_later(tmp_path, clock):
    store, case, meeting = _meeting_store(tmp_path)
    newer = meeting.model_copy(deep=True)
    newer.sip.purpose = "Bara i journalen"
    journal = Journal(tmp_path, meeting.id)
    journal.write(JournalEntry(meeting.id, PreparedMeeting.of(newer, 2_000), PreparedCase.of(case)))
    store.timeout = 0.05
    store.reopen()
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        session = MeetingSession.load(store, meeting.id, clock)
        assert session.meeting.sip.purpose == "Bara i journalen"
        live = LiveMeeting(session, retry_seconds=0.02)  # saves at once: it fails for now
        time.sleep(0.2)
        assert journal.exists()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert live.close(timeout=5)
    wait(lambda: not journal.exists())
    assert store.load_meeting(meeting.id).sip.purpose == "Bara i journalen"
    store.close()


def test_something_else_under_the_journal_name_is_left_alone(tmp_path):
    store, case, meeting = _meeting_store(tmp_path)
    path = journal_path(tmp_path, meeting.id)
    path.write_text('{"format": "something else"}')
    assert replay_all(store) == []
    assert path.read_text() == '{"format": "something else"}'
    store.close()


def test_deleting_a_case_removes_its_journal(tmp_path):
    store, case, meeting = _meeting_store(tmp_path)
    journal = Journal(tmp_path, meeting.id)
    journal.write(JournalEntry(meeting.id, PreparedMeeting.of(meeting, 5_000), PreparedCase.of(case)))
    store.delete_case(case.id)
    assert not journal.exists()
    store.close()
