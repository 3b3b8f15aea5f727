"""What the room view follows: the meeting open for writing, never another one."""

from datetime import datetime

from facilitator.agenda import MeetingKind, plan_meeting
from facilitator.demo import demo_case
from facilitator.meeting.follow import WRITERS_EVERY_POLLS, RoomFeed, Showing, Waiting
from facilitator.meeting.session import MeetingSession
from facilitator.store.lock import MeetingLock, is_open_for_writing, writing_meetings
from tests.conftest import STOCKHOLM, full_case, full_meeting
from tests.screens_helpers import START


def _running(store, clock, meeting_id):
    """Start a meeting's timer and save it, as a writer would have (then gone)."""
    session = MeetingSession.load(store, meeting_id, clock)
    session.toggle_timer()
    session.save_now()


def settle(feed: RoomFeed):
    """Polls for half a second, long enough to look for writers again; the first change."""
    updates = [feed.poll() for _ in range(WRITERS_EVERY_POLLS)]
    return next((u for u in updates if u is not None), None)


def two_children(store, clock):
    """Elsa's first meeting and Åsa's, both marked running; Åsa's planned later."""
    elsa, elsa_meeting = demo_case(START)
    store.save_case(elsa)
    store.save_meeting(elsa_meeting)
    asa = full_case()
    store.save_case(asa)
    asa_meeting = full_meeting(asa)
    asa_meeting.planned_start = datetime(2026, 1, 20, 9, 0, tzinfo=STOCKHOLM)
    store.save_meeting(asa_meeting)
    for meeting in (elsa_meeting, asa_meeting):
        _running(store, clock, meeting.id)
    return elsa_meeting.id, asa_meeting.id


def test_with_nobody_writing_it_waits_and_names_the_running_meetings(store, clock):
    elsa, asa = two_children(store, clock)
    update = RoomFeed(store).poll()
    assert isinstance(update, Waiting)
    assert {m.id for m in update.running} == {elsa, asa}


def test_it_shows_the_meeting_whose_writer_holds_it_not_the_latest_running(store, clock):
    elsa, asa = two_children(store, clock)
    writer = MeetingLock(store.path.parent, elsa)
    assert writer.acquire()
    try:
        feed = RoomFeed(store)
        update = feed.poll()
        assert isinstance(update, Showing)
        assert update.case.child.name == "Elsa Åkesson"
        assert feed.poll() is None  # nothing changed: nothing read
    finally:
        writer.release()


def test_it_keeps_showing_the_meeting_while_its_window_restarts(store, clock):
    elsa, _ = two_children(store, clock)
    writer = MeetingLock(store.path.parent, elsa)
    writer.acquire()
    feed = RoomFeed(store)
    assert isinstance(feed.poll(), Showing)
    writer.release()
    assert settle(feed) is None  # still Elsa's meeting on the wall
    assert feed.showing == elsa


def test_it_moves_to_the_meeting_opened_next(store, clock):
    elsa, asa = two_children(store, clock)
    first = MeetingLock(store.path.parent, elsa)
    first.acquire()
    feed = RoomFeed(store)
    feed.poll()
    first.release()
    second = MeetingLock(store.path.parent, asa)
    second.acquire()
    try:
        update = settle(feed)
        assert isinstance(update, Showing) and update.meeting.id == asa
    finally:
        second.release()


def test_a_meeting_asked_for_is_shown_and_followed_to_the_next_of_its_case(store, clock):
    elsa, asa = two_children(store, clock)
    feed = RoomFeed(store, wanted=elsa)
    update = feed.poll()
    assert isinstance(update, Showing) and update.meeting.id == elsa
    case = store.load_case(update.case.id)
    follow_up = plan_meeting(case, MeetingKind.FOLLOW_UP, datetime(2026, 3, 3, 9, tzinfo=STOCKHOLM))
    store.save_meeting(follow_up)
    other = MeetingLock(store.path.parent, asa)  # another child's meeting: never followed
    other.acquire()
    writer = MeetingLock(store.path.parent, follow_up.id)
    writer.acquire()
    try:
        update = settle(feed)
        assert isinstance(update, Showing) and update.meeting.id == follow_up.id
    finally:
        writer.release()
        other.release()


def test_the_draft_is_shown_with_the_meeting(store, clock):
    elsa, _ = two_children(store, clock)
    store.write_draft(elsa, '{"family_story": "Elsa berättar nu"}', 1)
    update = RoomFeed(store, wanted=elsa).poll()
    assert update.meeting.sip.family_story == "Elsa berättar nu"


def test_a_damaged_or_foreign_draft_is_ignored(store, clock):
    elsa, _ = two_children(store, clock)
    store.write_draft(elsa, '{"family_story": 5, "id": "x", "notes": "ok"}', 1)
    update = RoomFeed(store, wanted=elsa).poll()
    assert update.meeting.sip.notes == "ok" and update.meeting.id == elsa
    store.write_draft(elsa, "not json", 2)
    assert RoomFeed(store, wanted=elsa).poll().meeting.sip.notes == ""


def test_a_deleted_meeting_leaves_the_room_waiting(store, clock):
    elsa, _ = two_children(store, clock)
    feed = RoomFeed(store, wanted=elsa)
    assert isinstance(feed.poll(), Showing)
    store.delete_case(store.load_meeting(elsa).case_id)
    assert isinstance(settle(feed), Waiting)


def test_probing_a_lock_never_takes_it_from_a_writer(store):
    folder = store.path.parent
    assert writing_meetings(folder) == []
    lock = MeetingLock(folder, "abc")
    assert lock.acquire()
    assert is_open_for_writing(folder, "abc")
    assert writing_meetings(folder) == ["abc"]
    assert lock.held
    lock.release()
    assert not is_open_for_writing(folder, "abc")
    assert lock.acquire()  # free again after a probe
    lock.release()
