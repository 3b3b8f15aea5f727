"""The SIP on paper as the law and the routine ask: its view built from the rich case."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from facilitator import strings as sv
from facilitator.agenda.checks import missing_parts
from facilitator.agenda.kinds import MissingCode
from facilitator.agenda.models import (
    Action,
    Authority,
    Goal,
    GoalStatus,
    LeadAuthority,
    MeetingKind,
    Sip,
    lead_authority_refused,
)
from facilitator.store.migrations import upgrade_record
from facilitator.views.sipview import sip_document

from .rich_case import process


@pytest.fixture
def rich():
    return process()


def _section(document, heading):
    return next(s for s in document.sections if s.heading == heading)


def _codes(meeting, case=None):
    return [p.code for p in missing_parts(meeting, case)]


# --- huvudansvarig huvudman --------------------------------------------------------


@pytest.mark.parametrize("authority", [Authority.KOMMUN, Authority.REGION])
def test_kommun_or_region_can_have_the_overall_responsibility(authority):
    assert LeadAuthority(authority=authority).authority is authority


def test_another_actor_cannot_have_the_overall_responsibility():
    with pytest.raises(ValidationError) as caught:
        LeadAuthority(authority=Authority.OTHER, organisation="Fritidsgården")
    assert lead_authority_refused(caught.value)


def test_a_sip_read_with_another_actor_as_lead_is_refused_by_its_type():
    with pytest.raises(ValidationError) as caught:
        Sip.model_validate({"lead_authority": {"authority": "other"}})
    assert lead_authority_refused(caught.value)
    with pytest.raises(ValidationError) as other:
        Sip.model_validate({"goals": "not a list"})
    assert not lead_authority_refused(other.value)


def test_a_stored_version_2_sip_with_another_lead_asks_again(rich):
    case, first, *_ = rich
    record = json.loads(first.model_dump_json())
    record["schema_version"] = 2
    record["sip"]["schema_version"] = 2
    record["sip"]["lead_authority"] = {"authority": "other", "organisation": "Fritidsgården"}
    upgraded = json.loads(upgrade_record(json.dumps(record)))
    assert upgraded["sip"]["lead_authority"] is None
    alone = json.loads(upgrade_record(json.dumps({**record["sip"], "schema_version": 2})))
    assert alone["lead_authority"] is None
    kept = dict(record["sip"], lead_authority={"authority": "region", "organisation": "BUP"})
    assert json.loads(upgrade_record(json.dumps(kept)))["lead_authority"]["authority"] == "region"


# --- what is missing ---------------------------------------------------------------


def test_a_participant_the_consent_does_not_cover_is_missing_and_legal(rich):
    case, first, follow_up, _ = rich
    parts = [p for p in missing_parts(follow_up, case) if p.code is MissingCode.CONSENT_REVOKED]
    assert [(p.detail, p.legal) for p in parts] == [("Sara Lind (Vårdcentralen Norr)", True)]
    # Before the revocation the vårdcentral was covered.
    assert MissingCode.CONSENT_REVOKED not in _codes(first, case)
    # Without the case's consent the check is not made (the meeting alone cannot tell).
    assert MissingCode.CONSENT_REVOKED not in _codes(follow_up)


def test_the_uncovered_participant_is_marked_in_the_consent_and_gets_no_signature_line(rich):
    case, first, follow_up, _ = rich
    document = sip_document(case, follow_up, 2, first.sip)
    consent = _section(document, sv.SECTION_CONSENT)
    assert consent.missing == ["Samtycket är återkallat för Sara Lind (Vårdcentralen Norr)"]
    assert "Sara Lind" not in [s.name for s in document.signers]
    assert any("Sara Lind" in line for line in document.missing)


def test_an_action_without_huvudman_stays_without_one_and_is_missing(rich):
    case, first, *_ = rich
    first.sip.actions = [*first.sip.actions, Action(what="Läxhjälp", responsible="Jonas Berg")]
    assert first.sip.actions[-1].authority is None
    parts = [p for p in missing_parts(first) if p.code is MissingCode.ACTION_AUTHORITY]
    assert [(p.detail, p.legal) for p in parts] == [("Läxhjälp", True)]
    document = sip_document(case, first)
    assert _section(document, sv.ACTIONS_WITHOUT_AUTHORITY).table.rows[0][0] == "Läxhjälp"
    assert "Huvudman för insatsen (Läxhjälp)" in _section(document, sv.SECTION_ACTIONS).missing
    assert sv.action_row(first.sip.actions[-1])[3] == sv.AUTHORITY_MISSING


def test_goals_need_a_status_at_a_follow_up_not_at_the_first_meeting(rich):
    case, first, follow_up, _ = rich
    assert MissingCode.GOAL_STATUS not in _codes(first)
    assert MissingCode.GOAL_STATUS not in _codes(follow_up)
    follow_up.sip.goals = [follow_up.sip.goals[0].model_copy(update={"status": None}), *follow_up.sip.goals[1:]]
    parts = [p for p in missing_parts(follow_up) if p.code is MissingCode.GOAL_STATUS]
    assert [p.detail for p in parts] == ["Åsa går till skolan minst fyra dagar i veckan"]


def test_the_closing_meeting_asks_for_the_evaluation_and_what_to_do_if_things_get_worse(rich):
    case, _, follow_up, closing = rich
    assert not {MissingCode.EVALUATION_FAMILY, MissingCode.EVALUATION_NETWORK, MissingCode.IF_WORSE} & set(
        _codes(closing)
    )
    closing.sip.evaluation_family = ""
    closing.sip.evaluation_network = " "
    closing.sip.if_worse = ""
    assert {MissingCode.EVALUATION_FAMILY, MissingCode.EVALUATION_NETWORK, MissingCode.IF_WORSE} <= set(
        _codes(closing)
    )
    # A follow-up's agenda does not capture them, so it does not ask.
    follow_up.sip.if_worse = ""
    assert MissingCode.IF_WORSE not in _codes(follow_up)
    assert MissingCode.EVALUATION_FAMILY not in _codes(follow_up)


def test_the_summary_is_asked_for_where_the_agenda_captures_it(rich):
    _, first, *_ = rich
    assert MissingCode.SUMMARY not in _codes(first)
    first.sip.summary = ""
    assert MissingCode.SUMMARY in _codes(first)


def test_the_rich_process_lacks_only_the_uncovered_consent(rich):
    case, first, follow_up, closing = rich
    assert _codes(first, case) == []
    assert _codes(follow_up, case) == [MissingCode.CONSENT_REVOKED]
    # At the closing meeting nobody from Socialtjänsten, the huvudansvarig, is there.
    assert _codes(closing, case) == [MissingCode.LEAD_ABSENT]


# --- the view ----------------------------------------------------------------------


def test_the_contact_list_puts_the_lots_first_with_the_lots_contact_from_the_sip(rich):
    case, first, *_ = rich
    table = _section(sip_document(case, first), sv.SECTION_CONTACTS).table
    assert table.header == list(sv.CONTACT_COLUMNS)
    assert table.rows[0] == [
        "Łukasz Wójcik", "psykolog", "BUP", "lots och verksamhetsaktör", "010-200 30 40, lukasz.wojcik@region.example"
    ]
    names = [row[0] for row in table.rows]
    assert names.index("Sara Lind") < names.index("Mia Öberg")  # professionals before the family
    assert "Åsa Öberg-Şahin" not in names  # no contact given: nothing to print


def test_the_consent_says_who_when_what_for_how_long_and_that_it_can_be_revoked(rich):
    case, first, follow_up, _ = rich
    # The first SIP, exported after the revocation, is the plan as it was signed.
    first_consent = _section(sip_document(case, first), sv.SECTION_CONSENT).items
    assert len(first_consent) == 5
    assert first_consent[4] == (
        "Omfattar: Elevhälsan Kometskolan; Socialtjänsten; BUP; Vårdcentralen Norr; Fritidsgården Kometen"
    )
    consent = _section(sip_document(case, follow_up), sv.SECTION_CONSENT)
    assert consent.paragraphs == [sv.CONSENT_REVOCABLE]
    # Each one's consent with its day; what it covers on the day, the revoked apart.
    assert consent.items == [
        "Lämnat av: Mia Öberg, 2026-01-14; Emre Şahin, 2026-01-14; Åsa Öberg-Şahin (barnet), 2026-01-14",
        "Datum: 2026-01-14",
        "Gäller frågeställningen: Samordnat stöd kring skolgång, sömn och oro",
        "Giltighet: från 2026-01-14 under hela lotsprocessen, om det inte återkallas",
        "Omfattar: Elevhälsan Kometskolan; Socialtjänsten; BUP; Fritidsgården Kometen",
        "Återkallat 2026-03-02: Vårdcentralen Norr av Mia Öberg (Familjen bytte vårdcentral)",
    ]


def test_nulagesbeskrivning_holds_the_two_accounts(rich):
    case, first, *_ = rich
    document = sip_document(case, first)
    headings = [(s.heading, s.level, s.heading_only) for s in document.paper]
    at = headings.index((sv.SECTION_CURRENT, 1, True))
    assert headings[at + 1 : at + 3] == [(sv.SECTION_FAMILY_STORY, 2, False), (sv.SECTION_PROFESSIONALS_STORY, 2, False)]


def test_actions_per_huvudman_with_status_and_comment(rich):
    case, first, follow_up, _ = rich
    document = sip_document(case, follow_up, 2, first.sip)
    paper = [s.heading for s in document.paper]
    at = paper.index(sv.SECTION_ACTIONS)
    assert paper[at + 1 : at + 4] == ["Kommunen ansvarar för", "Regionen ansvarar för", "Annan aktör ansvarar för"]
    kommun = _section(document, "Kommunen ansvarar för").table
    assert kommun.header == list(sv.ACTION_PAPER_COLUMNS)
    assert kommun.rows[1] == [
        "Föräldrastöd i grupp", "Đorđe Đorđević, Socialtjänsten (Kristianstads kommun, socialnämnden)", "2026-04-30", "klar",
        "Båda föräldrarna gick hela kursen.",
    ]
    # Nothing is printed for a huvudman without actions, and no empty filler.
    case2, first2, *_ = process()
    first2.sip.actions = [a for a in first2.sip.actions if a.authority is not Authority.REGION]
    headings = [s.heading for s in sip_document(case2, first2).paper]
    assert "Regionen ansvarar för" not in headings
    assert all(sv.NONE_YET not in " ".join(s.items) for s in sip_document(case2, first2).sections)


def test_the_first_meeting_prints_no_comment_column_when_nobody_commented(rich):
    case, first, *_ = rich
    table = _section(sip_document(case, first), "Kommunen ansvarar för").table
    assert table.header == list(sv.ACTION_PAPER_COLUMNS[:-1])


def test_goals_at_a_follow_up_have_status_and_evaluation(rich):
    case, first, follow_up, _ = rich
    goals = _section(sip_document(case, follow_up, 2, first.sip), sv.SECTION_GOALS).table
    assert goals.header == list(sv.GOAL_COLUMNS)
    assert goals.rows[0] == [
        "Åsa går till skolan minst fyra dagar i veckan", "kort sikt", "delvis uppnått", "Tre dagar i veckan nu."
    ]
    assert sv.GOAL_STATUS[GoalStatus.REACHED] == goals.rows[2][2]
    first_goals = _section(sip_document(case, first), sv.SECTION_GOALS)
    assert first_goals.table is None and first_goals.items[0].endswith("(kort sikt)")


def test_the_closing_sip_says_the_process_is_closed_and_books_no_meeting(rich):
    case, _, follow_up, closing = rich
    document = sip_document(case, closing, 3, follow_up.sip)
    headings = [s.heading for s in document.paper]
    assert document.title == "SIP – avslutande möte"
    assert sv.SECTION_NEXT not in headings
    assert headings[-4:] == [sv.SECTION_EVALUATION, sv.SECTION_IF_WORSE, sv.SECTION_CLOSE, sv.SECTION_COPIES]
    assert _section(document, sv.SECTION_CLOSE).paragraphs == [sv.CLOSE_STATEMENT]
    evaluation = _section(document, sv.SECTION_EVALUATION).paragraphs
    assert evaluation[0].startswith(sv.LABEL_EVALUATION_FAMILY + ": Det var skönt")
    assert evaluation[1].startswith(sv.LABEL_EVALUATION_NETWORK + ": Lotsprocessen gav")


def test_a_follow_up_prints_no_evaluation_or_close(rich):
    case, first, follow_up, _ = rich
    headings = [s.heading for s in sip_document(case, follow_up, 2, first.sip).paper]
    assert sv.SECTION_CLOSE not in headings and sv.SECTION_EVALUATION not in headings
    assert sv.SECTION_NEXT in headings
    # The first meeting's purpose, copied with the SIP, is not the follow-up's to print.
    assert sv.SECTION_PURPOSE not in headings


def _pdf_text(document) -> str:
    import io
    import re

    from pypdf import PdfReader

    from facilitator.export.pdf import to_pdf

    reader = PdfReader(io.BytesIO(to_pdf(document)))
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))


def test_no_timing_table_in_the_signed_plan(rich):
    from facilitator.export.markdown import render
    from facilitator.views.report import report_document

    case, first, *_ = rich
    # The first meeting ran over: the family's story took four minutes more, the dialogue
    # three less. The report for the samtalsledare prints that; the signed SIP does not.
    timing = [sv.REPORT_STEPS, *sv.REPORT_COLUMNS[1:], "+4:00", "-3:00"]
    report = report_document(case, first)
    sip = sip_document(case, first)
    for shown in (render(report), _pdf_text(report)):
        assert [w for w in timing if w not in shown] == []
    for shown in (render(sip), _pdf_text(sip)):
        assert [w for w in timing if w in shown] == []


def test_signers_have_all_their_roles_and_a_line_left_for_the_pen(rich):
    case, first, *_ = rich
    signers = {s.name: s for s in sip_document(case, first).signers}
    assert signers["Łukasz Wójcik"].role == "lots och verksamhetsaktör, BUP"
    assert signers["Karin Lund"].role == "initiativtagare och samtalsledare, Elevhälsan Kometskolan"
    # A signature the meeting recorded stays in the data: the paper keeps its line for the pen.
    assert "Mia Öberg" in {s.name for s in first.sip.signatures}
    assert signers["Mia Öberg"].oral == "" and signers["Emre Şahin"].oral == ""


def test_the_summary_missing_actors_and_the_familys_view_of_the_lots_are_printed(rich):
    case, first, *_ = rich
    document = sip_document(case, first)
    summary = _section(document, sv.SECTION_SUMMARY).paragraphs
    assert summary == [first.sip.summary, f"{sv.LABEL_MISSING_ACTORS} Skolsköterskan bör kallas till nästa möte."]
    lots = _section(document, sv.SECTION_NAVIGATOR).paragraphs
    assert lots[1].startswith(sv.LABEL_NAVIGATOR_VIEW + ": Åsa och föräldrarna")


@pytest.mark.parametrize("kind", list(MeetingKind))
def test_every_missing_code_has_words_and_a_section(rich, kind):
    from facilitator.views.sipview import _SECTION_OF

    assert set(sv.MISSING) == set(MissingCode) == set(_SECTION_OF)
    case, *meetings = rich
    meeting = next(m for m in meetings if m.kind is kind)
    # A plan of this kind with nothing in it yet: a goal not followed up, an insats with no
    # one holding it and no huvudman, someone whose way of taking part is not marked.
    meeting.sip = Sip(goals=[Goal(text="Åsa sover bättre")], actions=[Action(what="Samtal med kuratorn")])
    meeting.attendance[0].presence = None
    codes = {p.code for p in missing_parts(meeting, case)}
    assert len(codes) >= 12, codes
    document = sip_document(case, meeting)
    for code in codes:
        words = sv.MISSING[code]
        assert words.strip() and words != code.value
        # Said under the heading of the part that is missing, a heading this kind's plan has,
        # and printed there: an optional section that is empty is on the paper when it
        # says what is missing.
        section = next((s for s in document.sections if s.key == _SECTION_OF[code]), None)
        assert section is not None, (code, _SECTION_OF[code])
        assert any(line.startswith(words) for line in section.missing), code
        assert any(line.startswith(f"{section.heading}: {words}") for line in document.missing), code
        assert section in document.paper, code


def test_import_refuses_another_actor_as_lead_with_one_swedish_line(tmp_path, capsys, rich):
    from facilitator.cli import main
    from facilitator.export import to_json

    case, first, *_ = rich
    document = json.loads(to_json(case, [first]))
    document["meetings"][0]["sip"]["lead_authority"] = {"authority": "other", "organisation": "Fritidsgården"}
    bad = tmp_path / "fall.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "huvudansvarig huvudman kan bara vara kommunen eller regionen" in err[0]


def test_strict_export_fails_on_the_uncovered_participant_alone(tmp_path, capsys, rich):
    from facilitator.cli import main
    from facilitator.store.database import Store

    case, first, follow_up, closing = rich
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.save_case(case)
        for meeting in (first, follow_up, closing):
            store.save_meeting(meeting)
    out = tmp_path / "sip.md"
    assert main(["--data-dir", str(data), "export", first.id, "--format", "md", "--strict", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "export", follow_up.id, "--format", "md", "--strict", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].endswith("Samtycke till informationsöverföring: Samtycket är återkallat för Sara Lind (Vårdcentralen Norr)")


def test_the_changes_name_each_goal_whose_status_moved_and_the_closing_sip_keeps_the_lots(rich):
    case, _, follow_up, closing = rich
    document = sip_document(case, closing, 3, follow_up.sip)
    changes = _section(document, sv.SECTION_CHANGES).items
    assert changes == [
        "Åsa går till skolan minst fyra dagar i veckan: delvis uppnått → uppnått",
        "Åsa sover bättre och somnar före klockan 22: pågår → uppnått",
    ]
    assert sv.SECTION_NAVIGATOR in [s.heading for s in document.paper]
    assert _section(document, sv.SECTION_CONTACTS).table.rows[0][0] == "Łukasz Wójcik"
