"""The consent as a record the program keeps: the case's verksamheter by identity, each
guardian's (and the child's) consent with its day, widening in the meeting, revocations
that change what follows, who gets a copy, the legal basis on paper, the kallelse as
sent — and records of schema version 5, which named verksamheter by text, opening as they
were."""

from __future__ import annotations

import io
import json
import re
import sqlite3
from datetime import date

import docx
from pypdf import PdfReader

from facilitator import strings as sv
from facilitator.agenda.checks import MissingCode, missing_parts, uncovered
from facilitator.agenda.models import (
    Case,
    ConsentParty,
    Meeting,
    MeetingStatus,
    Person,
    Role,
    legacy_organisation_id,
)
from facilitator.cli import main
from facilitator.documents import data_protection_text, render
from facilitator.export.jsondoc import read_document, to_json
from facilitator.store import Store
from facilitator.store.migrations import upgrade_record
from facilitator.views.kallelse import kallelse_as_sent
from facilitator.views.sipview import sip_document
from tests.rich_case import process

LEGAL_BASIS = (
    "Samordnad individuell plan enligt 10 kap. 8 § socialtjänstlagen (2025:400) och "
    "16 kap. 4 § hälso- och sjukvårdslagen (2017:30)"
)


def _pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return re.sub(r"\s+", " ", " ".join([*(p.text for p in document.paragraphs), *cells]))


def _md_text(data: bytes) -> str:
    return re.sub(r"\s+", " ", data.decode("utf-8").replace("\\", ""))


def _every_format(document) -> dict[str, str]:
    return {
        "pdf": _pdf_text(render(document, "pdf")),
        "docx": _docx_text(render(document, "docx")),
        "md": _md_text(render(document, "md")),
    }


def _section(document, heading):
    return next(s for s in document.sections if s.heading == heading)


# --- verksamheter by identity ----------------------------------------------------------


def test_a_person_belongs_to_the_verksamhet_chosen_not_to_the_words():
    case, first, *_ = process()
    school = next(o for o in case.organisations if o.name == "Elevhälsan Kometskolan")
    # The mentor typed the school's name as it is written in the case: the same one.
    mentor = Person(name="Ola Mentor", organisation="elevhälsan  kometskolan", roles=[Role.PROFESSIONAL])
    case.link(mentor)
    assert mentor.organisation_id == school.id and mentor.organisation == "Elevhälsan Kometskolan"
    # Words that only look alike are another verksamhet, added on the spot, not covered.
    nurse = Person(name="Nina", organisation="Kometskolan, elevhälsan", roles=[Role.PROFESSIONAL])
    case.link(nurse)
    assert nurse.organisation_id not in {school.id, None}
    first.attendance = [*first.attendance, mentor, nurse]
    assert [p.name for p in uncovered(case.consent, first.attendance, first.day)] == ["Nina"]


def test_renaming_what_a_person_belongs_to_chooses_again():
    case, first, *_ = process()
    person = first.attendance[3]
    before = person.organisation_id
    case.assign(person, person.organisation)  # the same name: the same verksamhet
    assert person.organisation_id == before
    case.assign(person, "BUP")
    assert person.organisation_id == case.choose_organisation("BUP").id


# --- each guardian's consent -----------------------------------------------------------


def _one_guardian_of_two() -> tuple[Case, Meeting]:
    case, first, *_ = process()
    case.give_consent(
        [case.organisation_name(i) for i in case.consent.covered], date(2026, 1, 14), by=["Mia Öberg"], child=True
    )
    return case, first


def test_consent_from_one_guardian_of_two_is_missing_and_legal_and_said_by_name():
    case, first = _one_guardian_of_two()
    parts = [p for p in missing_parts(first, case) if p.code is MissingCode.CONSENT_GUARDIAN]
    assert [(p.detail, p.legal) for p in parts] == [("Emre Şahin", True)]
    document = sip_document(case, first)
    consent = _section(document, sv.SECTION_CONSENT)
    assert "Emre Şahin har inte lämnat samtycke" in consent.items
    assert consent.missing == ["Samtycke från vårdnadshavaren (Emre Şahin)"]
    for fmt, text in _every_format(document).items():
        assert "Emre Şahin har inte lämnat samtycke" in text, fmt
        assert "Mia Öberg, 2026-01-14" in text and "Åsa Öberg-Şahin (barnet), 2026-01-14" in text, fmt


def test_strict_refuses_the_sip_and_the_kallelse_with_one_guardian_of_two(tmp_path, capsys):
    case, first = _one_guardian_of_two()
    planned = first.model_copy(update={"status": MeetingStatus.PLANNED, "held_start": None})
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.save_case(case)
        store.save_meeting(planned)
    out = tmp_path / "out.md"
    for document in ("sip", "kallelse"):
        code = main(["--data-dir", str(data), "export", first.id, "--document", document, "--format", "md", "--strict", "-o", str(out)])
        assert code == 2, document
        (line,) = capsys.readouterr().err.strip().splitlines()
        assert "Emre Şahin" in line, document
    assert not out.exists()
    with Store.open(data) as store:  # refused: not kept as sent
        assert store.load_case(case.id).kallelser == []


def test_the_childs_own_consent_is_a_record_of_its_own():
    case, *_ = process()
    assert case.consent.child is not None and case.consent.child.party is ConsentParty.CHILD
    assert case.consent.child.name == "Åsa Öberg-Şahin"


# --- widening, revocation and what follows ------------------------------------------------


def test_a_widening_covers_from_its_day_and_is_said_with_who_agreed():
    case, first, *_ = process()
    habilitation = Person(name="Greta", organisation="Habiliteringen", roles=[Role.PROFESSIONAL])
    case.link(habilitation)
    first.attendance = [*first.attendance, habilitation]
    assert not case.consent.covers(habilitation.organisation_id, first.day)
    case.widen(habilitation.organisation_id, first.day, "Mia Öberg och Emre Şahin")
    assert case.consent.covers(habilitation.organisation_id, first.day)
    assert not case.consent.covers(habilitation.organisation_id, date(2026, 1, 1))
    items = _section(sip_document(case, first), sv.SECTION_CONSENT).items
    assert f"Utvidgat {first.day.isoformat()}: Habiliteringen, efter medgivande av Mia Öberg och Emre Şahin" in items
    assert uncovered(case.consent, first.attendance, first.day) == []


def test_a_revoked_verksamhet_gets_no_copy_and_its_insatser_and_people_are_flagged():
    case, first, follow_up, _ = process()
    document = sip_document(case, follow_up)
    copies = _section(document, sv.SECTION_COPIES).items
    assert "Sara Lind" not in copies[0]  # Vårdcentralen Norr: revoked before the follow-up
    assert copies[0].startswith("Kopia lämnas till: Mia Öberg; Emre Şahin;")
    assert copies[1] == (
        "Den underskrivna originalhandlingen förvaras hos: Socialtjänsten (Kristianstads kommun, socialnämnden)"
    )
    rows = {row[0]: row for row in _section(document, sv.SECTION_PARTICIPANTS).table.rows}
    assert rows["Sara Lind"][1] == "Vårdcentralen Norr (samtycket återkallat 2026-03-02)"
    # An insats held by the revoked verksamhet is flagged and missing.
    action = follow_up.sip.actions[0]
    action.organisation_id = case.choose_organisation("Vårdcentralen Norr").id
    action.organisation = "Vårdcentralen Norr"
    parts = [p for p in missing_parts(follow_up, case) if p.code is MissingCode.CONSENT_REVOKED]
    assert f"{action.what} (Vårdcentralen Norr)" in [p.detail for p in parts]
    text = " ".join(" ".join(r) for s in sip_document(case, follow_up).sections if s.table for r in s.table.rows)
    assert "Vårdcentralen Norr (Region Skåne) (samtycket återkallat 2026-03-02)" in text


def test_a_called_verksamhet_revoked_before_the_meeting_is_named_only_as_revoked(tmp_path, capsys):
    case, first, follow_up, _ = process()
    planned = follow_up.model_copy(update={"status": MeetingStatus.PLANNED, "held_start": None})
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.save_case(case)
        store.save_meeting(planned)
    out = tmp_path / "kallelse.md"
    args = ["--data-dir", str(data), "export", planned.id, "--document", "kallelse", "--format", "md", "-o", str(out)]
    assert main([*args, "--strict"]) == 2
    assert "Vårdcentralen Norr" in capsys.readouterr().err
    assert main(args) == 0
    text = _md_text(out.read_bytes())
    called = text.split("Kallade till mötet")[1].split("Dagordning")[0]
    assert "| Sara Lind |" not in called and "Sara Lind, Vårdcentralen Norr, kallas inte" in called
    between = text.split("Medgivandet gäller mellan dessa verksamheter:")[1].split("Villkor")[0]
    assert "- Vårdcentralen Norr" not in between
    assert "Återkallat för: Vårdcentralen Norr (samtycket återkallat 2026-03-02)" in between
    # Without the revoked verksamhet's people, the kallelse is complete.
    with Store.open(data) as store:
        meeting = store.load_meeting(planned.id)
        meeting.attendance = [p for p in meeting.attendance if p.organisation != "Vårdcentralen Norr"]
        store.save_meeting(meeting)
    assert main([*args, "--strict"]) == 0


# --- the paper ---------------------------------------------------------------------------


def test_the_sip_names_its_legal_basis_in_every_format():
    case, first, *_ = process()
    document = sip_document(case, first)
    assert document.subtitle == LEGAL_BASIS
    for fmt, text in _every_format(document).items():
        assert "10 kap. 8 §" in text and "16 kap. 4 §" in text, fmt
        assert LEGAL_BASIS in text, fmt


def test_the_huvudansvarig_is_named_by_its_legal_body_and_warned_when_absent_at_the_close():
    case, first, _, closing = process()
    lead = _section(sip_document(case, first), sv.SECTION_LEAD)
    assert lead.paragraphs == ["Socialtjänsten (Kristianstads kommun, socialnämnden)"]
    closing_lead = _section(sip_document(case, closing), sv.SECTION_LEAD)
    assert closing_lead.missing == [
        "Ingen från den huvudansvariga verksamheten deltar i det avslutande mötet (Socialtjänsten)"
    ]
    assert [p.legal for p in missing_parts(closing, case) if p.code is MissingCode.LEAD_ABSENT] == [False]


# --- the kallelse as sent ------------------------------------------------------------------


def test_the_kallelse_is_kept_as_sent_and_printed_again_unchanged():
    case, first, *_ = process()
    planned = first.model_copy(update={"status": MeetingStatus.PLANNED, "held_start": None, "sip": first.sip.model_copy()})
    planned.sip.navigator = None
    document, sent = kallelse_as_sent(case, planned, date(2026, 1, 12))
    assert sent is not None and sent.on == date(2026, 1, 12)
    assert sent.sender == "Karin Lund, Elevhälsan Kometskolan (initiativtagare), tillsammans med Mia Öberg och Emre Şahin"
    assert dict(document.facts)["Skickad"] == "2026-01-12"
    case.kallelser = [sent]
    again, none = kallelse_as_sent(case, planned, date(2026, 1, 20))
    assert none is None and render(again, "md") == render(document, "md")
    # After the meeting, with the lots chosen in it: the kallelse as it was sent.
    held, none = kallelse_as_sent(case, first, date(2026, 5, 1))
    assert none is None and render(held, "md") == render(document, "md")
    # A change before the meeting is a new kallelse, kept beside the old.
    planned.place = "Kometskolan, rum 12"
    changed, new = kallelse_as_sent(case, planned, date(2026, 1, 20))
    assert new is not None and new.id != sent.id and dict(changed.facts)["Skickad"] == "2026-01-20"


def test_the_kallelse_carries_the_data_protection_text_of_the_configuration(tmp_path):
    assert data_protection_text(tmp_path) == sv.DATA_PROTECTION_DEFAULT
    (tmp_path / "dataskydd.txt").write_text("Kristianstads kommun ansvarar för uppgifterna.\n", encoding="utf-8")
    assert data_protection_text(tmp_path) == "Kristianstads kommun ansvarar för uppgifterna."
    (tmp_path / "dataskydd.txt").write_bytes(b"\xff\xfe bad")
    assert data_protection_text(tmp_path) == sv.DATA_PROTECTION_DEFAULT
    case, first, *_ = process()
    document, _ = kallelse_as_sent(case, first, date(2026, 1, 12), "Egen text om personuppgifter.")
    assert _section(document, sv.SECTION_DATA_PROTECTION).paragraphs == ["Egen text om personuppgifter."]


# --- records of schema version 5 ---------------------------------------------------------


def _version_5_case(case: Case) -> dict:
    record = json.loads(case.model_dump_json())
    record["schema_version"] = 5
    consent = record["consent"]
    names = {o["id"]: o["name"] for o in record.pop("organisations")}
    consent["organisations"] = [names[i] for i in consent.pop("covered")]
    consent["given_by"] = [g["name"] for g in consent.pop("givers")]
    del consent["widened"]
    for revocation in consent["revocations"]:
        del revocation["organisation_id"], revocation["by"]
    for guardian in record["guardians"]:
        del guardian["id"]
    del record["kallelser"]
    return record


def _version_5_meeting(meeting: Meeting) -> dict:
    record = json.loads(meeting.model_dump_json())
    record["schema_version"] = record["sip"]["schema_version"] = 5
    sip = record["sip"]
    for holder in [*record["attendance"], *sip["next_meeting"]["called"], *sip["actions"]]:
        del holder["organisation_id"]
    for holder in (sip["navigator"], sip["lead_authority"]):
        if holder:
            del holder["organisation_id"]
    return record


def _coverage(case: Case, meeting: Meeting) -> list[tuple[str, bool]]:
    return [(p.name, case.consent.covers(p.organisation_id, meeting.day)) for p in meeting.attendance]


def test_a_version_5_case_and_meeting_become_records_with_the_same_coverage():
    case, first, follow_up, _ = process()
    old_case = Case.model_validate_json(upgrade_record(json.dumps(_version_5_case(case))))
    old_meeting = Meeting.model_validate_json(upgrade_record(json.dumps(_version_5_meeting(follow_up))))
    assert sorted(o.name for o in old_case.organisations) == sorted(case.organisation_name(i) for i in case.consent.covered)
    assert all(o.id == legacy_organisation_id(case.id, o.name) for o in old_case.organisations)
    assert [g.name for g in old_case.consent.givers] == ["Mia Öberg", "Emre Şahin"]
    assert old_case.consent.revocations[0].organisation_id == legacy_organisation_id(case.id, "Vårdcentralen Norr")
    assert _coverage(old_case, old_meeting) == _coverage(case, follow_up)
    assert old_meeting.sip.lead_authority.organisation_id == legacy_organisation_id(case.id, "Socialtjänsten")


def test_a_version_5_database_opens_and_its_meeting_is_tied_to_the_case(tmp_path):
    case, first, follow_up, _ = process()
    with Store.open(tmp_path) as store:
        store.save_case(case)
        store.save_meeting(follow_up)
    db = sqlite3.connect(tmp_path / "facilitator.sqlite3")
    db.execute("UPDATE cases SET data = ?", (json.dumps(_version_5_case(case)),))
    meeting = _version_5_meeting(follow_up)
    meeting.pop("sip")
    db.execute("UPDATE meetings SET data = ?", (json.dumps({**meeting, "sip": _version_5_meeting(follow_up)["sip"]}),))
    db.commit()
    db.close()
    with Store.open(tmp_path) as store:
        loaded_case, loaded = store.load_case(case.id), store.load_meeting(follow_up.id)
    assert _coverage(loaded_case, loaded) == _coverage(case, follow_up)
    assert [p.name for p in uncovered(loaded_case.consent, loaded.attendance, loaded.day)] == ["Sara Lind"]


def test_a_version_5_json_file_imports_and_round_trips():
    case, first, follow_up, closing = process()
    document = json.loads(to_json(case, [first, follow_up, closing]))
    document["schema_version"] = 5
    document["case"] = _version_5_case(case)
    document["meetings"] = [_version_5_meeting(m) for m in (first, follow_up, closing)]
    read = read_document(json.dumps(document))
    assert _coverage(read.case, read.meetings[1]) == _coverage(case, follow_up)
    again = to_json(read.case, read.meetings)
    assert read_document(again).model_dump() == read.model_dump()


def test_the_json_schema_has_the_records(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    definitions = schema.get("$defs", {})
    assert {"Organisation", "ConsentGiver", "Widening", "SentKallelse"} <= set(definitions)
    assert "organisation_id" in definitions["Person"]["properties"]


async def test_the_case_forms_consent_reads_ticked_and_unticked_by_name_in_the_contrast_theme(store):
    from facilitator.screens.case import CaseScreen
    from facilitator.themes import CONTRAST_THEME
    from tests.screens_helpers import demo_app, screen_lines, until

    app, _, _ = demo_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = CONTRAST_THEME
        await pilot.pause()
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))  # the case is read off the UI thread
        assert isinstance(app.screen, CaseScreen)
        app.screen.query_one("#consent-given").focus()
        await pilot.press("down", "enter")  # Jonas has not, after all
        await pilot.pause()
        lines = screen_lines(app)
        assert any("☑ Maria Åkesson (vårdnadshavare) har samtyckt" in line for line in lines)
        assert any("☐ Jonas Åkesson (vårdnadshavare) har samtyckt" in line for line in lines)
        assert any("Jonas Åkesson har inte lämnat samtycke" in line for line in lines)


async def test_the_family_widens_the_consent_in_the_sekretess_step(store):
    from tests.screens_helpers import demo_app, open_meeting, saved, screen_lines, text_of

    app, _, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5", "f4")  # step 2, Sekretess
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "Łukasz Nowak (Fritidsgården Kometen)" in text
        assert "☐ Fritidsgården Kometen" in text
        # From "raised in the meeting" past who agreed (the guardians present, as given) to
        # the verksamhet they agree to.
        await pilot.press("tab", "tab", "enter")
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "☑ Fritidsgården Kometen" in text
        assert "Samtycket omfattar alla närvarande verksamheter." in text
        summary = " ".join(text_of(screen, "#consent-summary").split())
        assert "Utvidgat 2026-01-13: Fritidsgården Kometen, efter medgivande av Maria Åkesson och Jonas Åkesson" in summary
        await saved(screen)
    case = store.load_case(store.load_meeting(meeting_id).case_id)
    (widening,) = case.consent.widened
    assert case.organisation_name(widening.organisation_id) == "Fritidsgården Kometen"
    assert widening.agreed_by == "Maria Åkesson och Jonas Åkesson"
    assert case.history[-1].kind.value == "consent_widened" and case.history[-1].meeting_id == meeting_id


async def test_a_verksamhet_typed_fast_with_enter_is_added_and_ticked(store):
    """Enter in "Ny verksamhet" is handled as the key comes: the name typed before it in
    the same burst is in the field by then, and the next name goes into the emptied field."""
    from facilitator.screens.case import CaseScreen
    from tests.screens_helpers import demo_app, edit_case_form, screen_lines, type_text, until

    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        form = await edit_case_form(app, pilot)
        form.query_one("#new-organisation").focus()
        await pilot.pause()
        await type_text(pilot, "Skolhälsan Ängby\nÖppenvården Åsen\n")
        assert form.query_one("#new-organisation").value == ""
        assert form.focused is form.query_one("#new-organisation")
        form.query_one("#consent-organisations").focus()
        await pilot.pause()
        lines = screen_lines(app)
        assert any("☑ Skolhälsan Ängby" in line for line in lines)
        assert any("☑ Öppenvården Åsen" in line for line in lines)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, CaseScreen))
    (case,) = store.list_cases()
    added = [o for o in case.organisations if o.name in ("Skolhälsan Ängby", "Öppenvården Åsen")]
    assert [o.name for o in added] == ["Skolhälsan Ängby", "Öppenvården Åsen"]
    assert {o.id for o in added} <= set(case.consent.covered)


async def test_the_huvudman_chosen_for_a_verksamhet_is_not_given_to_the_next(store):
    """Once a verksamhet is added, the row is empty, its huvudman too: the next one typed
    (here the case's own BUP, typed in other letters) keeps the huvudman it has."""
    from textual.widgets import Select

    from facilitator.agenda.kinds import Authority
    from facilitator.screens.case import CaseScreen
    from tests.screens_helpers import demo_app, edit_case_form, type_text, until

    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        form = await edit_case_form(app, pilot)
        form.query_one("#new-organisation-authority", Select).value = Authority.KOMMUN
        form.query_one("#new-organisation").focus()
        await pilot.pause()
        await type_text(pilot, "Skolhälsan Ängby\n")
        assert form.query_one("#new-organisation-authority", Select).value is Select.NULL
        await type_text(pilot, "bup  öst\n")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, CaseScreen))
    (case,) = store.list_cases()
    by_name = {o.name: o for o in case.organisations}
    assert by_name["Skolhälsan Ängby"].authority is Authority.KOMMUN
    assert by_name["BUP Öst"].authority is Authority.REGION
    assert "bup  öst" not in by_name
