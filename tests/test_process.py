"""A Lotsprocess across meetings: follow-ups from the last SIP, "Nya aktörer", the closing
meeting, revisions and what changed, consent over time, and the lots history."""

from datetime import date, datetime, timedelta

import pytest
from textual.widgets import Select

from facilitator.agenda import (
    Action,
    ActionStatus,
    CaseStatus,
    Goal,
    ManualClock,
    MeetingKind,
    Navigator,
    Person,
    Revocation,
    Role,
    StepStatus,
)
from facilitator.agenda.kinds import Presence
from facilitator.agenda.meetings import new_participants, plan_follow_up
from facilitator.agenda.revisions import diff_sips
from facilitator.dialogs.action import ActionDialog
from facilitator.meeting.session import MeetingSession
from facilitator.screens.overview import CaseOverviewScreen
from facilitator.screens.summary import SummaryScreen
from tests.conftest import STOCKHOLM, full_case, full_meeting
from tests.screens_helpers import demo_app, notices, open_meeting, opened, saved, type_text, until


def _ids(case):
    return {o.name: o.id for o in case.organisations}


def test_partial_revocation_flags_one_organisation():
    case = full_case()  # BUP revoked on 2026-02-01
    consent, ids = case.consent, _ids(case)
    assert consent.covers(ids["BUP"], date(2026, 1, 31))
    assert not consent.covers(ids["BUP"], date(2026, 2, 1))
    assert consent.covers(ids["Skolan"], date(2026, 2, 1))
    assert not consent.revoked_whole(date(2026, 6, 1))


def test_whole_revocation_stops_until_consent_is_given_again():
    case = full_case()
    consent, ids = case.consent, _ids(case)
    consent.revocations = [*consent.revocations, Revocation(on=date(2026, 3, 1))]
    assert consent.revoked_whole(date(2026, 3, 1))
    assert not consent.revoked_whole(date(2026, 2, 28))
    assert not consent.covers(ids["Skolan"], date(2026, 3, 2))
    consent.given_on = date(2026, 3, 10)  # given again
    assert not consent.revoked_whole(date(2026, 3, 11))
    assert consent.covers(ids["Skolan"], date(2026, 3, 11))
    assert consent.covers(ids["BUP"], date(2026, 3, 11))


def test_coverage_is_by_the_verksamhet_not_by_its_name():
    case = full_case()
    ids = _ids(case)
    # The same words, another verksamhet: not covered. Another spelling of the same one,
    # chosen from the case: covered.
    assert not case.consent.covers(None, date(2026, 1, 10))
    elsewhere = Person(name="Vera", organisation="Skolan", organisation_id="f" * 32, roles=[Role.PROFESSIONAL])
    assert not case.consent.covers(elsewhere.organisation_id, date(2026, 1, 10))
    chosen = Person(name="Vera", organisation="skolan ", roles=[Role.PROFESSIONAL])
    case.link(chosen)
    assert chosen.organisation_id == ids["Skolan"] and chosen.organisation == "Skolan"
    assert case.consent.covers(chosen.organisation_id, date(2026, 1, 10))


def test_follow_up_starts_from_the_last_sip():
    case = full_case()
    first = full_meeting(case)
    first.attendance[0].presence = Presence.ABSENT  # a guardian: not a new actor next time
    first.attendance[2].presence = Presence.ABSENT  # a professional: a new actor next time
    first.sip.next_meeting = first.sip.next_meeting.model_copy(update={"attendees": []})  # nobody named
    follow = plan_follow_up(case, first, MeetingKind.FOLLOW_UP, datetime(2026, 3, 3, 9, tzinfo=STOCKHOLM))
    assert [p.name for p in follow.attendance] == [p.name for p in first.attendance]
    assert all(p.presence is None for p in follow.attendance)  # marked as they come
    assert [a.id for a in follow.sip.actions] == [a.id for a in first.sip.actions]
    assert [g.id for g in follow.sip.goals] == [g.id for g in first.sip.goals]
    assert follow.sip.navigator == first.sip.navigator
    assert follow.sip.family_story == "" and follow.sip.next_meeting.start is None
    assert new_participants(follow, first) == [follow.attendance[2]]


def test_the_follow_up_starts_from_those_called_including_someone_not_in_the_room():
    case = full_case()
    first = full_meeting(case)
    outside = Person(name="Greta Hab", organisation="Habiliteringen", roles=[Role.PROFESSIONAL], presence=Presence.ABSENT)
    first.sip.next_meeting = first.sip.next_meeting.model_copy(
        update={"attendees": ["Mia Öberg", "Łukasz Wójcik"], "called": [outside]}
    )
    follow = plan_follow_up(case, first, MeetingKind.FOLLOW_UP, datetime(2026, 3, 3, 9, tzinfo=STOCKHOLM))
    assert [p.name for p in follow.attendance] == ["Mia Öberg", "Łukasz Wójcik", "Greta Hab"]
    assert all(p.presence is None for p in follow.attendance)  # marked as they come


def test_ending_a_meeting_plans_the_one_its_sip_booked(store, clock):
    from facilitator.agenda.meetings import plan_booked_next

    case = full_case()
    store.save_case(case)
    first = full_meeting(case)
    first.sip.next_meeting = first.sip.next_meeting.model_copy(update={"kind": MeetingKind.CLOSING, "minutes": 75})
    store.save_meeting(first)
    session = MeetingSession.load(store, first.id, clock)
    while not session.close_step():
        clock.advance(60)
    session.save_now()
    meetings = store.meetings_of(case.id)
    assert [m.kind for m in meetings] == [MeetingKind.FIRST, MeetingKind.CLOSING]
    booked = meetings[1]
    assert booked.planned_start == first.sip.next_meeting.start and booked.planned_minutes == 75
    assert booked.place == "Skolan" and [p.name for p in booked.attendance] == ["Mia Öberg"]
    assert [r.number for r in store.revisions(case.id)] == [1, 2]
    assert session.booked.id == booked.id
    # Ended again (after a reopening): nothing planned twice.
    others = [(m.id, m.planned_start) for m in meetings]
    assert plan_booked_next(case, store.load_meeting(first.id), others) is None


def _session(store, kind, previous, clock, extra_people=()):
    case = store.load_case(previous.case_id)
    meeting = plan_follow_up(case, previous, kind, datetime(2026, 3, 3, 9, tzinfo=STOCKHOLM))
    meeting.attendance += list(extra_people)
    store.save_meeting(meeting)
    return MeetingSession.load(store, meeting.id, clock)


def test_new_actors_is_skipped_when_nobody_new_attends(store):
    case = full_case()
    store.save_case(case)
    first = full_meeting(case)
    store.save_meeting(first)
    clock = ManualClock(datetime(2026, 3, 3, 9, tzinfo=STOCKHOLM))
    session = _session(store, MeetingKind.FOLLOW_UP, first, clock)
    session.toggle_timer()
    for _ in range(3):
        session.close_step()
    steps = session.meeting.steps
    assert steps[3].key == "new_participants" and steps[3].status is StepStatus.SKIPPED
    assert session.timebox.current.key == "professionals_report"
    assert sum(s.allotted_ns for s in steps) == 60 * 60 * 1_000_000_000


def test_new_actors_opens_when_someone_new_attends(store):
    case = full_case()
    store.save_case(case)
    first = full_meeting(case)
    store.save_meeting(first)
    clock = ManualClock(datetime(2026, 3, 3, 9, tzinfo=STOCKHOLM))
    newcomer = Person(name="Ny Kurator", organisation="Skolan", roles=[Role.PROFESSIONAL])
    session = _session(store, MeetingKind.FOLLOW_UP, first, clock, [newcomer])
    session.toggle_timer()
    for _ in range(3):
        session.close_step()
    assert session.timebox.current.key == "new_participants"


@pytest.mark.slow
async def test_a_whole_process_first_follow_up_and_closing(store):
    app, clock, first_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        # First meeting: goals, one action, a lots, then through to the end.
        screen = await open_meeting(app, pilot)
        sip = screen.session.meeting.sip
        people = {p.name: p for p in screen.session.meeting.attendance}
        sip.goals = [Goal(text="Skolan tre dagar i veckan"), Goal(text="Mindre oro")]
        sip.actions = [
            Action(what="Anpassat schema", responsible="Karin Öberg", organisation="Skolan"),
            Action(what="Samtal på BUP", responsible="Ahmed Şahin", organisation="BUP Öst"),
        ]
        sip.navigator = Navigator(person_id=people["Ahmed Şahin"].id, name="Ahmed Şahin", organisation="BUP Öst")
        await pilot.press("f5", *["f4"] * 9)
        clock.advance(90 * 60)
        await pilot.press("f4")  # review
        await pilot.press("f4")  # finish
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await saved(screen)
        await pilot.press("escape")
        await pilot.pause()
        first = store.load_meeting(first_id)
        case = store.load_case(first.case_id)

        # The follow-up starts from the last SIP; a new participant makes "Nya aktörer" open.
        follow = plan_follow_up(case, first, MeetingKind.FOLLOW_UP, first.planned_start + timedelta(weeks=6))
        follow.attendance.append(
            Person(name="Nina Kurator", organisation="Solbackens skola, elevhälsan", roles=[Role.PROFESSIONAL])
        )
        store.save_meeting(follow)
        app.screen.refresh_meetings()
        await until(pilot, lambda: not app.screen.refreshing)
        clock.advance(6 * 7 * 86400 - 90 * 60)  # the day of the follow-up
        app.open_meeting(follow.id)
        await opened(app, pilot)
        screen = app.screen
        await pilot.press("f5", "f4", "f4", "f4")
        await pilot.pause()
        assert screen.timebox.current.key == "new_participants"
        await pilot.press("f4")  # Professionernas redogörelse: statuses
        await pilot.pause()
        assert screen.timebox.current.key == "professionals_report"
        actions = screen.query_one("#actions")
        actions.focus()
        await pilot.press("enter")  # the first earlier action
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ActionDialog)
        dialog.query_one("#action-status", Select).value = ActionStatus.DONE
        dialog.query_one("#action-comment").focus()
        await type_text(pilot, "Fungerar")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+n")  # one new action
        await pilot.pause()
        await type_text(pilot, "Läxhjälp")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press(*["f4"] * 4)
        await pilot.press("f4", "f4")  # review, finish
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await saved(screen)
        await pilot.press("escape")
        await pilot.pause()

        # The closing meeting: a new lots, then the case is closed.
        follow = store.load_meeting(follow.id)
        case = store.load_case(case.id)
        closing = plan_follow_up(case, follow, MeetingKind.CLOSING, follow.planned_start + timedelta(weeks=8))
        closing.sip.navigator = Navigator(name="Karin Öberg", organisation="Solbackens skola, elevhälsan")
        store.save_meeting(closing)
        clock.advance(8 * 7 * 86400)  # the day of the closing meeting
        app.open_meeting(closing.id)
        await opened(app, pilot)
        screen = app.screen
        await pilot.press("f5", *["f4"] * 8, "f4", "f4")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await saved(screen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("home", "o")
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, CaseOverviewScreen)
        await until(pilot, lambda: overview.shown)
        text = "\n".join(str(w.visual) for w in overview.query("Static"))
        assert "ärendet är avslutat" in text
        assert "Revision 1 → 2" in text and "Anpassat schema: planerad → klar" in text
        assert "+ Ny insats: Läxhjälp" in text

    case = store.load_case(case.id)
    revisions = store.revisions(case.id)
    assert [(r.number, r.kind) for r in revisions] == [
        (1, MeetingKind.FIRST),
        (2, MeetingKind.FOLLOW_UP),
        (3, MeetingKind.CLOSING),
    ]
    one_two = diff_sips(revisions[0].sip, revisions[1].sip)
    assert [c.action.what for c in one_two.status_changed] == ["Anpassat schema"]
    assert [a.what for a in one_two.actions_added] == ["Läxhjälp"]
    assert revisions[1].sip.actions[0].comment == "Fungerar"
    assert case.status is CaseStatus.CLOSED
    assert [(c.name, c.on) for c in case.lots_history] == [
        ("Ahmed Şahin", first.planned_start.date()),
        ("Karin Öberg", closing.planned_start.date()),
    ]


def test_after_a_partial_revocation_the_participant_is_flagged():
    from facilitator.agenda import uncovered

    case = full_case()
    meeting = full_meeting(case)  # Łukasz Wójcik is from BUP; BUP revoked 2026-02-01
    assert [p.name for p in uncovered(case.consent, meeting.attendance, date(2026, 1, 13))] == []
    flagged = uncovered(case.consent, meeting.attendance, date(2026, 2, 2))
    assert [p.name for p in flagged] == ["Łukasz Wójcik"]


async def test_a_whole_revocation_stops_new_meetings(store):
    app, clock, meeting_id = demo_app(store)
    shown = notices(app)
    case = store.load_case(store.load_meeting(meeting_id).case_id)
    case.consent.revocations = [Revocation(on=date(2026, 1, 13))]
    store.save_case(case)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        messages = shown
        assert any("Samtycket är återkallat helt" in m for m in messages)
        assert app.screen.__class__.__name__ == "StartScreen"
    assert len(store.meetings_of(case.id)) == 1


def test_the_schema_shows_revocations_lots_history_and_revisions(capsys):
    import json

    from facilitator.cli import main

    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    definitions = schema["$defs"]
    assert "Revocation" in definitions and "revocations" in definitions["Consent"]["properties"]
    assert "LotsChange" in definitions and "lots_history" in definitions["Case"]["properties"]
    assert "revision" in schema["description"]
    assert "sip" in definitions["Meeting"]["properties"]


async def test_revoking_for_one_organisation_from_the_overview(store):
    from facilitator.dialogs.revoke import RevokeDialog

    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, CaseOverviewScreen)
        overview = app.screen
        await until(pilot, lambda: overview.shown)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RevokeDialog)
        dialog.query_one("#revoke-what", Select).value = dict((n, i) for i, n in dialog.organisations)["BUP Öst"]
        dialog.query_one("#revoke-by").value = "Maria Åkesson"
        dialog.query_one("#revoke-date").value = "2026-01-14"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "Återkallat" in "\n".join(str(w.visual) for w in app.screen.query("Static")))
        text = "\n".join(str(w.visual) for w in app.screen.query("Static"))
        assert "Återkallat 2026-01-14: BUP Öst av Maria Åkesson" in text
        assert "BUP Öst" not in text.split("Omfattar:")[1].split("\n")[0]  # once, as revoked
    case = store.load_case(store.load_meeting(meeting_id).case_id)
    (revocation,) = case.consent.revocations
    ids = _ids(case)
    assert (revocation.on, revocation.organisation_id, revocation.by) == (date(2026, 1, 14), ids["BUP Öst"], "Maria Åkesson")
    assert not case.consent.covers(ids["BUP Öst"], date(2026, 1, 14))
    assert case.consent.covers(ids["Socialtjänsten, familjeenheten"], date(2026, 1, 14))
    assert case.history[-1].kind.value == "consent_revoked"
