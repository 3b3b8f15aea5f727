"""The meeting as held: the day it was held, how each person took part, interpreters and
titles; and that records of schema version 3 (a yes or no for presence and for the
child's participation, no held date) open as they were."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, time

from facilitator import strings as sv
from facilitator.agenda.clock import ManualClock
from facilitator.agenda.kinds import ChildParticipation, MissingCode, Presence
from facilitator.agenda.meetings import plan_follow_up, plan_meeting
from facilitator.agenda.models import Meeting, MeetingKind, MeetingStatus, Person, Role, Signature
from facilitator.agenda.workdays import case_warnings
from facilitator.documents import file_name
from facilitator.export import read_document, to_json
from facilitator.meeting.session import MeetingSession
from facilitator.store import Store
from facilitator.store.migrations import upgrade_record
from facilitator.views.report import report_document
from facilitator.views.sipview import next_attendees, presence_text, role_text, sip_document
from tests.conftest import STOCKHOLM, full_case, full_meeting
from tests.rich_case import process

PLANNED = datetime(2027, 1, 13, 9, 0, tzinfo=STOCKHOLM)
HELD = datetime(2026, 12, 2, 13, 30, tzinfo=STOCKHOLM)


def _held_early(store: Store | None = None) -> MeetingSession:
    """A follow-up planned for 13 January held on 2 December: its timer started then."""
    case = full_case()
    first = full_meeting(case)
    meeting = plan_follow_up(case, first, MeetingKind.FOLLOW_UP, PLANNED)
    clock = ManualClock(HELD)
    session = MeetingSession(store or _NoStore(), case, meeting, clock, previous=first)
    session.toggle_timer()
    return session


class _NoStore:
    def list_meetings(self):
        return []


def test_a_meeting_held_on_another_day_carries_the_day_it_was_held():
    session = _held_early()
    meeting = session.meeting
    assert meeting.status is MeetingStatus.RUNNING
    assert meeting.held_start == HELD and meeting.start == HELD and meeting.day == HELD.date()
    document = sip_document(session.case, meeting)
    assert dict(document.facts)["Datum"] == sv.when(HELD.astimezone())
    assert "2026-12-02" in document.header_line and "2027" not in document.header_line
    assert file_name(meeting, "sip", "pdf").startswith("SIP-2026-12-02-uppfoljande-")
    facts = dict(report_document(session.case, meeting).facts)
    assert (facts["Planerat till"], facts["Hölls"]) == ("2027-01-13 kl. 09.00", sv.when(HELD.astimezone()))


def test_the_held_day_is_kept_when_the_timer_is_paused_and_started_again_later():
    session = _held_early()
    session.clock.advance(3 * 3600)
    session.toggle_timer()  # pause
    session.toggle_timer()  # and on again, three hours later
    assert session.meeting.held_start == HELD


def test_a_planned_meeting_is_listed_by_its_planned_day():
    case = full_case()
    meeting = plan_meeting(case, MeetingKind.FIRST, PLANNED)
    assert not meeting.held and meeting.start == PLANNED
    meeting.held_start = HELD  # recorded, but the meeting never started
    assert meeting.start == PLANNED


def test_the_process_rules_count_from_the_day_the_meeting_was_held():
    session = _held_early()
    meeting = session.meeting
    nxt = meeting.sip.next_meeting.model_copy(
        update={"start": datetime(2027, 2, 3, 9, 0, tzinfo=STOCKHOLM), "kind": MeetingKind.CLOSING}
    )
    meeting.sip.next_meeting = nxt
    # Nine weeks after the day it was held (2 December) is inside 8–16 weeks; counted
    # from the planned 13 January it would be three weeks, too early.
    assert case_warnings(session.case, [meeting]) == []


def test_list_shows_the_held_day(tmp_path, capsys):
    from facilitator.cli import main

    store = Store.open(tmp_path)
    session = _held_early(store)
    store.save_case(session.case)
    store.save_meeting(session.meeting)
    [summary] = store.list_meetings()
    assert summary.start == HELD and summary.planned_start == PLANNED
    store.close()
    assert main(["--data-dir", str(tmp_path), "list"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert f"{HELD:%Y-%m-%d %H.%M}" in line and "2027" not in line


# --- how each person took part --------------------------------------------------------


def test_how_each_took_part_in_words():
    assert presence_text(Person(name="A")) == "på plats"
    assert presence_text(Person(name="A", presence=None)) == "ej markerat"
    assert presence_text(Person(name="A", presence=Presence.VIDEO)) == "per video"
    late = Person(name="A", presence=Presence.LATE, presence_at=time(9, 40))
    assert presence_text(late) == "kom kl. 09.40"
    left = Person(name="A", presence=Presence.LEFT_EARLY, presence_at=time(10, 5))
    assert presence_text(left) == "gick kl. 10.05" and left.present
    assert not Person(name="A", presence=Presence.ABSENT).present
    # A time belongs only to someone who came late or left early.
    assert Person(name="A", presence=Presence.ON_SITE, presence_at=time(9, 0)).presence_at is None


def test_a_follow_up_starts_unmarked_and_the_review_asks_for_each():
    case = full_case()
    first = full_meeting(case)
    follow = plan_follow_up(case, first, MeetingKind.FOLLOW_UP, PLANNED)
    assert {p.presence for p in follow.attendance} == {None}
    document = sip_document(case, follow)
    participants = next(s for s in document.sections if s.heading == "Deltagare")
    assert participants.missing and all(m.startswith("Hur deltagaren deltog") for m in participants.missing)
    assert {row[3] for row in participants.table.rows} == {"ej markerat"}
    for person in follow.attendance:
        person.presence = Presence.ON_SITE
    assert MissingCode.PRESENCE not in {
        m for s in sip_document(case, follow).sections for m in s.missing if m.startswith("Hur deltagaren")
    }


def test_roles_read_as_a_swedish_list_on_the_sip_and_the_kallelse():
    from facilitator.views.kallelse import kallelse_document

    case = full_case()
    meeting = full_meeting(case)
    dorde = next(p for p in meeting.attendance if Role.SECRETARY in p.roles)
    dorde.roles = [Role.FACILITATOR, Role.SECRETARY, Role.PROFESSIONAL]
    three = "samtalsledare, sekreterare och verksamhetsaktör"
    assert role_text(dorde, meeting.attendance) == three
    assert next(s for s in sip_document(case, meeting).signers if s.name == dorde.name).role.startswith(three)
    called = next(s for s in kallelse_document(case, meeting).sections if s.heading == "Kallade till mötet")
    assert [dorde.name, dorde.organisation, three] in called.table.rows


def test_an_interpreter_is_named_with_language_and_for_whom_and_signs_nothing():
    case = full_case()
    meeting = full_meeting(case)
    mia = meeting.attendance[0]
    tolk = Person(name="Ayşe Demir", roles=[Role.INTERPRETER], language="turkiska", interprets_for=[mia.id])
    meeting.attendance.append(tolk)
    assert role_text(tolk, meeting.attendance) == "tolk (turkiska) för Mia Öberg"
    document = sip_document(case, meeting)
    assert "Ayşe Demir" not in {s.name for s in document.signers}
    participants = next(s for s in document.sections if s.heading == "Deltagare")
    assert ["Ayşe Demir", "", "tolk (turkiska) för Mia Öberg", "på plats"] in participants.table.rows
    # Not flagged as a professional the consent does not cover: bound by secrecy as an interpreter.
    assert all("Ayşe" not in m for m in document.missing)


def test_one_from_a_distance_approves_orally_as_the_secretary_noted():
    case = full_case()
    meeting = full_meeting(case)
    lukasz = meeting.attendance[3]
    lukasz.presence = Presence.VIDEO
    signers = {s.name: s for s in sip_document(case, meeting).signers}
    assert signers["Łukasz Wójcik"].oral == "Godkänt muntligt den ________, antecknat av ________"
    assert signers["Mia Öberg"].oral == ""
    meeting.sip.signatures = [
        Signature(name="Łukasz Wójcik", role=Role.NAVIGATOR, signed_on=meeting.day, oral=True,
                  noted_by="Đorđe Đorđević")
    ]
    signers = {s.name: s for s in sip_document(case, meeting).signers}
    assert signers["Łukasz Wójcik"].oral == "Godkänt muntligt 2026-01-13, antecknat av Đorđe Đorđević"


def test_everyone_called_is_printed_under_deltar_nasta_gang():
    case = full_case()
    meeting = full_meeting(case)
    called = Person(name="Märta Ödegård", organisation="Habiliteringen", presence=None)
    meeting.sip.next_meeting = meeting.sip.next_meeting.model_copy(update={"called": [called]})
    assert next_attendees(meeting.sip.next_meeting) == "Mia Öberg och Märta Ödegård, Habiliteringen (kallas)"
    items = next(s for s in sip_document(case, meeting).sections if s.heading == sv.SECTION_NEXT).items
    assert "Deltar nästa gång: Mia Öberg och Märta Ödegård, Habiliteringen (kallas)" in items


def test_the_childs_participation_in_four_ways():
    case = full_case()
    meeting = full_meeting(case)
    sip = meeting.sip

    def said() -> list[str]:
        return next(s for s in sip_document(case, meeting).sections if s.heading == "Barnets delaktighet").paragraphs

    sip.child_participation, sip.child_absence_reason = ChildParticipation.PART, "Under dialogen."
    assert said() == ["Barnet deltog i en del av mötet: Under dialogen."]
    sip.child_participation = ChildParticipation.REMOTE
    assert said() == ["Barnet deltog på distans."]
    sip.child_participation, sip.child_absence_reason = ChildParticipation.NONE, ""
    assert any("Varför barnet inte deltog" in m for m in sip_document(case, meeting).missing)


# --- records of schema version 3 open as they were --------------------------------------


def _version_3(meeting: Meeting) -> dict:
    record = json.loads(meeting.model_dump_json())
    record["schema_version"] = record["sip"]["schema_version"] = 3
    for person in record["attendance"]:
        del person["presence"], person["presence_at"], person["title"], person["language"], person["interprets_for"]
        person["present"] = person["name"] != "Åsa Öberg-Şahin"
    del record["held_start"]
    record["sip"]["child_participated"] = record["sip"].pop("child_participation") == "whole"
    for signature in record["sip"]["signatures"]:
        del signature["oral"], signature["noted_by"]
    return record


def test_a_version_3_meeting_record_is_upgraded():
    case = full_case()
    meeting = full_meeting(case)
    meeting.status = MeetingStatus.FINISHED
    record = _version_3(meeting)
    upgraded = Meeting.model_validate_json(upgrade_record(json.dumps(record)))
    assert [p.presence for p in upgraded.attendance] == [
        Presence.ON_SITE, Presence.ABSENT, Presence.ON_SITE, Presence.ON_SITE
    ]
    assert upgraded.held_start == meeting.planned_start  # a finished meeting was held as planned
    assert upgraded.sip.child_participation is ChildParticipation.NONE


def test_a_version_3_database_opens_as_it_was(tmp_path):
    path = tmp_path / "facilitator.sqlite3"
    case = full_case()
    meeting = full_meeting(case)
    meeting.status = MeetingStatus.FINISHED
    store = Store.open(tmp_path)
    store.save_case(case)
    store.save_meeting(meeting)
    store.close()
    record = _version_3(meeting)
    sip = record.pop("sip")
    db = sqlite3.connect(path)
    db.execute("UPDATE meetings SET data = ?", (json.dumps(record),))
    db.execute("UPDATE sip_revisions SET data = ?", (json.dumps(sip),))
    db.commit()
    db.close()
    store = Store.open(tmp_path)
    loaded = store.load_meeting(meeting.id)
    assert loaded.attendance[1].presence is Presence.ABSENT and loaded.attendance[0].present
    assert loaded.held and loaded.day == meeting.planned_start.date()
    assert store.list_meetings()[0].start == meeting.planned_start
    store.close()


def test_a_version_3_json_file_imports_and_round_trips():
    case, first, follow_up, closing = process()
    document = json.loads(to_json(case, [first, follow_up, closing]))
    document["schema_version"] = 3
    document["case"]["schema_version"] = 3
    for index, meeting in enumerate([first, follow_up, closing]):
        old = _version_3(meeting)
        document["meetings"][index] = old
    read = read_document(json.dumps(document))
    assert [m.held_start for m in read.meetings] == [m.planned_start for m in (first, follow_up, closing)]
    again = to_json(read.case, read.meetings)
    assert read_document(again).model_dump() == read.model_dump()


def test_the_rich_process_round_trips_with_every_new_field():
    case, first, follow_up, closing = process()
    text = to_json(case, [first, follow_up, closing])
    read = read_document(text)
    tolk = next(p for p in read.meetings[1].attendance if Role.INTERPRETER in p.roles)
    assert (tolk.language, tolk.interprets_for) == ("turkiska", [follow_up.attendance[1].id])
    assert read.meetings[1].attendance[1].presence_at == time(14, 10)
    assert to_json(read.case, read.meetings) == text


def test_a_meeting_with_an_interpreter_is_planned_half_as_long_again_and_its_steps_scale():
    from facilitator.agenda.meetings import interpreted_minutes

    assert [interpreted_minutes(m) for m in (60, 90, 45, 200)] == [90, 135, 70, 240]
    case = full_case()
    plain = plan_meeting(case, MeetingKind.FOLLOW_UP, PLANNED, 60)
    longer = plan_meeting(case, MeetingKind.FOLLOW_UP, PLANNED, interpreted_minutes(60))
    assert sum(s.planned_ns for s in longer.steps) == 90 * 60 * 10**9
    # Each step in proportion, to whole minutes.
    assert all(
        1.3 <= b.planned_ns / a.planned_ns <= 1.7 for a, b in zip(plain.steps, longer.steps, strict=True)
    )


async def test_the_new_meeting_dialog_plans_longer_when_an_interpreter_is_called():
    from textual.app import App
    from textual.widgets import Input

    from facilitator.dialogs.new_meeting import NewMeetingDialog
    from tests.screens_helpers import screen_text

    answers = []

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(
                NewMeetingDialog("Elsa", MeetingKind.FOLLOW_UP, PLANNED, interpreter=True), answers.append
            )

    app = Host()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#minutes", Input).value == "90"
        assert "☑ Tolk deltar" in screen_text(app)
        app.screen.query_one("#interpreter").focus()
        await pilot.press("enter")  # no interpreter after all
        await pilot.pause()
        assert app.screen.query_one("#minutes", Input).value == "60"
        assert "☐ Tolk deltar" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert answers[0].minutes == 60


async def test_the_review_asks_how_each_unmarked_person_took_part(store):
    from facilitator.app import FacilitatorApp
    from facilitator.demo import demo_case
    from facilitator.screens.review import ReviewScreen
    from tests.screens_helpers import START, open_meeting, screen_text

    case, meeting = demo_case(START)
    unmarked = meeting.attendance[1]
    unmarked.presence = None  # on the list from last time, not yet marked
    store.save_case(case)
    store.save_meeting(meeting)
    app = FacilitatorApp(store=store, clock=ManualClock(START))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        app.push_screen(ReviewScreen(screen.session))
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        # In the column of what is missing, wrapped there: the question, and who.
        assert "• Hur deltagaren deltog (på plats, per" in text
        assert f"telefon, per video …): {unmarked.name}" in text
        assert "ej markerat" in text  # and the participants' list says so
