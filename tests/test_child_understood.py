"""Whether the child was told what was decided and understood it (SoL 3 kap. 3 §): what is
stored, what the JSON schema says, what the review asks for, what the SIP prints, and a
record of schema version 4 read as one of version 5."""

from __future__ import annotations

import json

import pytest

from facilitator import strings as sv
from facilitator.agenda.checks import missing_parts
from facilitator.agenda.kinds import SCHEMA_VERSION, ChildParticipation, ChildUnderstood, MissingCode
from facilitator.agenda.models import Meeting
from facilitator.export import read_document, to_json
from facilitator.export.jsondoc import document_schema
from facilitator.store.migrations import upgrade_record
from facilitator.views.sipview import sip_document
from tests.rich_case import process


def _codes(meeting: Meeting) -> list[MissingCode]:
    return [part.code for part in missing_parts(meeting)]


def test_the_schema_is_at_least_version_5():
    assert SCHEMA_VERSION >= 5


def test_the_json_schema_records_the_childs_understanding():
    definitions = document_schema()["$defs"]
    sip = definitions["Sip"]["properties"]
    for field in ("child_understood", "child_understood_note", "child_summary", "child_view_relayed_by"):
        assert field in sip, field
    assert set(definitions["ChildUnderstood"]["enum"]) == {"understood", "wants_more", "not_there"}
    for record in ("Goal", "Action"):
        assert {"child", "understood"} <= set(definitions[record]["properties"]), record


@pytest.mark.parametrize("took_part", [ChildParticipation.WHOLE, ChildParticipation.PART, ChildParticipation.REMOTE])
def test_the_review_asks_for_it_when_the_child_took_part(took_part):
    _, first, _, _ = process()
    first.sip.child_participation = took_part
    first.sip.child_understood = None
    assert MissingCode.CHILD_UNDERSTOOD in _codes(first)
    (part,) = [p for p in missing_parts(first) if p.code is MissingCode.CHILD_UNDERSTOOD]
    assert part.legal
    assert sv.MISSING[MissingCode.CHILD_UNDERSTOOD] in " ".join(sip_document(process()[0], first).missing)
    first.sip.child_understood = ChildUnderstood.WANTS_MORE
    assert MissingCode.CHILD_UNDERSTOOD not in _codes(first)


@pytest.mark.parametrize("took_part", [ChildParticipation.NONE, None])
def test_not_when_the_child_was_not_there(took_part):
    _, first, _, _ = process()
    first.sip.child_participation = took_part
    first.sip.child_understood = None
    assert MissingCode.CHILD_UNDERSTOOD not in _codes(first)


def test_the_sip_says_how_the_child_took_part_and_was_informed_in_one_line():
    case, _, follow_up, _ = process()
    section = next(s for s in sip_document(case, follow_up).sections if s.heading == sv.SECTION_PARTICIPATION)
    assert section.paragraphs == [
        "Barnet deltog i hela mötet. Barnet fick veta vad som bestämdes och vill veta mer "
        "(3 kap. 3 § socialtjänstlagen). Åsa vill veta mer om vad utredningen betyder."
    ]


def test_a_relayed_view_is_labelled_on_the_sip():
    case, first, _, _ = process()
    first.sip.child_view_relayed_by = "mamma"
    section = next(s for s in sip_document(case, first).sections if s.heading == sv.SECTION_VIEWS)
    assert section.paragraphs[0] == "Barnets uppfattning, framförd av mamma: Jag vill börja senare på morgonen."


def test_it_is_stored_and_round_trips_through_json():
    case, first, _, _ = process()
    read = read_document(to_json(case, [first]))
    sip = read.meetings[0].sip
    assert sip.child_understood is ChildUnderstood.UNDERSTOOD
    assert sip.goals[0].understood is ChildUnderstood.UNDERSTOOD
    assert sip.actions[1].understood is ChildUnderstood.WANTS_MORE
    assert sip.goals[0].child == "Du går till skolan minst fyra dagar i veckan"


def test_a_version_4_meeting_record_is_upgraded_with_nothing_recorded_for_the_child():
    _, first, _, _ = process()
    record = json.loads(first.model_dump_json())
    record["schema_version"] = record["sip"]["schema_version"] = 4
    sip = record["sip"]
    for name in ("child_summary", "child_understood", "child_understood_note", "child_focus", "child_view_relayed_by"):
        del sip[name]
    for item in sip["goals"] + sip["actions"]:
        del item["child"], item["understood"]
    upgraded = Meeting.model_validate_json(upgrade_record(json.dumps(record)))
    assert upgraded.schema_version == SCHEMA_VERSION
    assert upgraded.sip.child_understood is None and upgraded.sip.child_summary == ""
    assert all(g.child == "" and g.understood is None for g in upgraded.sip.goals)
    assert upgraded.sip.child_view_relayed_by == ""


# --- typed in Sammanfattning ------------------------------------------------------------


async def test_the_secretary_records_in_sammanfattning_whether_the_child_understood(store):
    from facilitator.agenda.kinds import Capture, MeetingKind
    from facilitator.widgets.lists import EditTable
    from tests.screens_helpers import open_meeting, saved, screen_text, type_text, until
    from tests.test_follow_up_forms import _planned

    app, meeting = _planned(store, MeetingKind.FOLLOW_UP)
    assert all(g.understood is None for g in meeting.sip.goals)  # asked again at each meeting
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await screen.jump_to(Capture.PARTICIPATION)
        await pilot.pause()
        screen.query_one("#participation").focus()
        await pilot.press("enter")  # the whole meeting
        await pilot.pause()
        assert MissingCode.CHILD_UNDERSTOOD in _codes(screen.session.meeting)
        screen.query_one("#understood").focus()
        await pilot.press("down", "enter")  # wants to know more
        screen.query_one("#understood-note").focus()
        await type_text(pilot, "Vad utredningen betyder.")
        table = screen.query_one("#child-lines", EditTable)
        table.focus()
        await pilot.press("enter")  # the first goal: understood
        await pilot.press("down", "enter", "enter")  # the second: wants to know more
        await until(pilot, lambda: "Vill veta mer" in " ".join(screen_text(app).split()))
        text = " ".join(screen_text(app).split())
        assert "Du går till skolan minst fyra dagar i veckan Förstod" in text
        assert "Föräldrastöd" not in text.split(sv.LABEL_CHILD_LINES)[-1]  # no line for the child: not asked
        await saved(screen)
    sip = store.load_meeting(meeting.id).sip
    assert (sip.child_understood, sip.child_understood_note) == (ChildUnderstood.WANTS_MORE, "Vad utredningen betyder.")
    assert [g.understood for g in sip.goals] == [ChildUnderstood.UNDERSTOOD, ChildUnderstood.WANTS_MORE, None]
    assert MissingCode.CHILD_UNDERSTOOD not in _codes(store.load_meeting(meeting.id))
