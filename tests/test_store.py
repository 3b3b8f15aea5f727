"""The store: round trips of every record, revisions, listing, modes and bad files."""

import sqlite3
import stat
from datetime import datetime

import pytest

from facilitator.agenda import (
    Case,
    MeetingKind,
    MeetingStatus,
    TimerState,
    plan_meeting,
    timebox_for,
)
from facilitator.store import CURRENT_VERSION, DatabaseUnreadable, NotFound, Store
from facilitator.store.database import DB_NAME
from tests.conftest import STOCKHOLM, full_case, full_meeting, stored_process


def test_case_round_trip(store):
    case = full_case()
    store.save_case(case)
    assert store.load_case(case.id) == case
    assert store.list_cases() == [case]


def test_meeting_round_trip_with_every_field(store, clock):
    case = full_case()
    meeting = full_meeting(case)
    box = timebox_for(meeting, clock)
    box.start()
    clock.advance(123.456)
    box.close_step()
    store.save_case(case)
    store.save_meeting(meeting, clock.wall_ns())
    loaded = store.load_meeting(meeting.id)
    assert loaded == meeting
    assert loaded.sip.actions[1].what == "Samtalskontakt *varje* vecka"
    assert loaded.steps[0].elapsed_ns == 123_456_000_000


def test_updates_replace_and_keep_one_revision_per_meeting(store, clock):
    case = full_case()
    meeting = full_meeting(case)
    store.save_case(case)
    store.save_meeting(meeting)
    meeting.sip.notes = "ändrad"
    store.save_meeting(meeting)
    assert store.load_meeting(meeting.id).sip.notes == "ändrad"
    revisions = store.revisions(case.id)
    assert [r.number for r in revisions] == [1]
    assert revisions[0].sip.notes == "ändrad"


def test_each_meeting_is_a_revision_of_the_case(store):
    case, first, second = stored_process(store)
    second.sip.goals = second.sip.goals[:1]
    store.save_meeting(second)
    revisions = store.revisions(case.id)
    assert [(r.number, r.meeting_id, r.kind) for r in revisions] == [
        (1, first.id, MeetingKind.FIRST),
        (2, second.id, MeetingKind.FOLLOW_UP),
    ]
    assert len(revisions[0].sip.goals) == 2
    assert len(revisions[1].sip.goals) == 1
    assert [m.id for m in store.meetings_of(case.id)] == [first.id, second.id]


def test_list_meetings_puts_running_first_then_newest(store, clock):
    case = full_case()
    store.save_case(case)
    old = plan_meeting(case, MeetingKind.FIRST, datetime(2026, 1, 13, 9, tzinfo=STOCKHOLM))
    new = plan_meeting(case, MeetingKind.FOLLOW_UP, datetime(2026, 3, 3, 9, tzinfo=STOCKHOLM))
    old.status = MeetingStatus.RUNNING
    store.save_meeting(old)
    store.save_meeting(new)
    listed = store.list_meetings()
    assert [m.id for m in listed] == [old.id, new.id]
    assert listed[0].child == "Åsa Öberg-Şahin"
    assert store.running_meeting().id == old.id


def test_resolve_meeting(store):
    case = full_case()
    store.save_case(case)
    a = plan_meeting(case, MeetingKind.FIRST, datetime(2026, 1, 13, 9, tzinfo=STOCKHOLM))
    b = plan_meeting(case, MeetingKind.FOLLOW_UP, datetime(2026, 3, 3, 9, tzinfo=STOCKHOLM))
    a.id, b.id = "abcd0001" + "0" * 24, "abcd0002" + "0" * 24
    store.save_meeting(a)
    store.save_meeting(b)
    assert store.resolve_meeting("latest") == b.id
    assert store.resolve_meeting("abcd0001") == a.id
    assert store.resolve_meeting(b.id.upper()) == b.id
    with pytest.raises(NotFound, match="more than one"):
        store.resolve_meeting("abcd")
    with pytest.raises(NotFound):
        store.resolve_meeting("ffff")
    with pytest.raises(NotFound):
        store.resolve_meeting("x' OR 1=1 --")


def test_timer_state_survives_a_restart_through_the_store(tmp_path, clock):
    case = full_case()
    meeting = full_meeting(case)
    box = timebox_for(meeting, clock)
    box.start()
    clock.advance(200)
    before = box.remaining_ns()
    with Store.open(tmp_path) as store:
        store.save_case(case)
        store.save_meeting(meeting)
    later = clock.restarted(gap_seconds=30)
    with Store.open(tmp_path) as store:
        again = store.load_meeting(meeting.id)
    assert isinstance(again.timer, TimerState)
    assert timebox_for(again, later).remaining_ns() == before - 30 * 1_000_000_000


def test_directory_and_files_are_owner_only(tmp_path):
    data = tmp_path / "nested" / "data"
    with Store.open(data) as store:
        case = full_case()
        store.save_case(case)
        store.save_meeting(full_meeting(case))
        files = sorted(p.name for p in data.iterdir())
        assert DB_NAME in files
        assert any(name.endswith("-wal") for name in files)
        for path in data.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_an_existing_folder_keeps_its_mode_and_the_files_are_owner_only(tmp_path):
    """A shared folder (1777, as /tmp is) given as the data directory stays shared: only
    the folders the program makes are 0700, and its files are 0600 wherever they are."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    with Store.open(shared) as store:
        store.save_case(full_case())
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in shared.iterdir())
    with Store.open(shared / "a" / "b"):
        pass
    assert stat.S_IMODE((shared / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((shared / "a" / "b").stat().st_mode) == 0o700


def test_schema_version_table(store):
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(CURRENT_VERSION,)]


def test_a_file_that_is_not_sqlite_is_reported_and_left_alone(tmp_path):
    path = tmp_path / DB_NAME
    path.write_bytes(b"Det h\xc3\xa4r \xc3\xa4r ingen databas" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseUnreadable) as caught:
        Store(path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before


def test_a_newer_schema_is_refused_without_a_byte_changed(tmp_path):
    with Store.open(tmp_path) as store:
        path = store.path
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = DELETE")  # as a newer version might leave it
    db.execute("UPDATE schema_version SET version = 99")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseUnreadable, match="newer facilitator"):
        Store(path)
    assert path.read_bytes() == before  # not even switched to write-ahead logging
    assert not path.with_name(path.name + "-wal").exists()


def test_a_foreign_database_is_refused_without_a_byte_changed(tmp_path):
    path = tmp_path / DB_NAME
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    before = path.read_bytes()
    with pytest.raises(DatabaseUnreadable, match="another program"):
        Store(path)
    assert path.read_bytes() == before


def test_a_healthy_database_that_cannot_be_written_is_not_called_damaged(tmp_path, monkeypatch):
    """A folder or disk that cannot be written (mounted read-only, no permission): the
    file is fine, so it is not offered to be set aside."""
    from facilitator.store import StorageFailure

    with Store.open(tmp_path) as store:
        path = store.path
    real_connect = sqlite3.connect

    class ReadOnlyFolder:
        def __init__(self, *args, **kwargs):
            self._db = real_connect(*args, **kwargs)

        def execute(self, sql, *args):
            if "journal_mode" in sql:
                error = sqlite3.OperationalError("attempt to write a readonly database")
                error.sqlite_errorcode = sqlite3.SQLITE_READONLY
                raise error
            return self._db.execute(sql, *args)

        def close(self):
            self._db.close()

    monkeypatch.setattr(sqlite3, "connect", ReadOnlyFolder)
    with pytest.raises(StorageFailure) as caught:
        Store(path)
    assert caught.value.reason == "readonly"
    assert not isinstance(caught.value, DatabaseUnreadable)


def test_a_record_that_does_not_validate_is_reported(store):
    case = full_case()
    store.save_case(case)
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE cases SET data = '{\"child\": 5}'")
    from facilitator.store import Record, RecordDamaged

    with pytest.raises(RecordDamaged, match=f"case {case.id}") as caught:
        store.load_case(case.id)
    assert (caught.value.record, caught.value.record_id) == (Record.CASE, case.id)
    assert store.damaged == {case.id: Record.CASE} and store.list_cases() == []


def test_missing_records(store):
    with pytest.raises(NotFound):
        store.load_case("nope")
    with pytest.raises(NotFound):
        store.load_meeting("nope")
    with pytest.raises(NotFound, match="no meetings"):
        store.resolve_meeting("latest")


def test_an_empty_file_is_not_taken_for_a_new_database(tmp_path):
    from facilitator.store import DatabaseUnreadable, Unreadable

    path = tmp_path / DB_NAME
    path.touch()
    with pytest.raises(DatabaseUnreadable) as caught:
        Store(path)
    assert caught.value.reason is Unreadable.EMPTY
    assert path.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]


def test_case_model_validates_schema_version():
    data = full_case().model_dump(mode="json")
    data["schema_version"] = 99
    with pytest.raises(ValueError):
        Case.model_validate(data)


def test_a_deletion_says_when_another_reader_keeps_the_text_on_disk(tmp_path):
    """While another connection holds a read, the log cannot be checkpointed over the
    deleted pages: the deletion says it is not wiped (after retrying), and once the reader
    lets go and the store closes, the file holds none of the child's text."""
    data = tmp_path / "data"
    store = Store.open(data)
    case = full_case()
    store.save_case(case)
    store.save_meeting(full_meeting(case))
    name = case.child.name.encode("utf-8")
    reader = sqlite3.connect(store.path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM cases").fetchone()  # a read transaction stands
    assert store.delete_case(case.id, wipe_seconds=0.3) is False
    assert store.list_cases() == []
    reader.rollback()
    reader.close()
    store.close()
    for path in data.iterdir():
        assert name not in path.read_bytes(), path.name


def test_a_deletion_with_no_other_reader_is_wiped(tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        case = full_case()
        store.save_case(case)
        store.save_meeting(full_meeting(case))
        assert store.delete_case(case.id) is True
        for path in data.iterdir():
            assert case.child.name.encode("utf-8") not in path.read_bytes(), path.name
