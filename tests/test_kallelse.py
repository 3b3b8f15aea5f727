"""The kallelse: built from the case and the meeting, and read back from PDF, Markdown and
DOCX as the family and the professionals receive it."""

import io
import re
from datetime import date, datetime

import docx
import pytest
from pypdf import PdfReader

from facilitator.agenda import Person, Role
from facilitator.agenda.clock import NS_PER_MIN
from facilitator.agenda.meetings import plan_meeting
from facilitator.agenda.models import Guardian, MeetingKind, Revocation, StepStatus
from facilitator.documents import export_document, render
from facilitator.views.kallelse import kallelse_document
from tests.conftest import STOCKHOLM, full_case

START = datetime(2026, 3, 24, 9, 0, tzinfo=STOCKHOLM)


def _people() -> list[Person]:
    return [
        Person(name="Mia Öberg", roles=[Role.GUARDIAN], contact="070-1"),
        Person(name="Emre Şahin", roles=[Role.GUARDIAN]),
        Person(name="Åsa Öberg-Şahin", roles=[Role.CHILD]),
        Person(name="Karin Lind", organisation="Skolan", roles=[Role.INITIATOR, Role.FACILITATOR], contact="karin@skolan.example"),
        Person(name="Đorđe Đorđević", organisation="Socialtjänsten", roles=[Role.SECRETARY, Role.PROFESSIONAL]),
        Person(name="Łukasz Wójcik", organisation="BUP", roles=[Role.PROFESSIONAL]),
    ]


def _meeting(case, kind=MeetingKind.FIRST, people=None, place="Skolan, rum 2"):
    return plan_meeting(case, kind, START, place=place, attendance=_people() if people is None else people)


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))


def _section(document, heading):
    return next(s for s in document.sections if s.heading == heading)


def test_facts_say_who_when_and_where():
    case = full_case()
    document = kallelse_document(case, _meeting(case))
    assert document.title == "Kallelse till inledande Lotsmöte"
    facts = dict(document.facts)
    assert facts["Barn/ungdom"] == "Åsa Öberg-Şahin"
    assert facts["Vårdnadshavare"] == "Mia Öberg, Emre Şahin"
    assert facts["Datum"] == "tisdag 24 mars 2026"
    assert facts["Tid"] == "09.00–10.30"  # 90 minutes from the start
    assert facts["Plats"] == "Skolan, rum 2"
    assert facts["Kontaktperson"] == "Karin Lind, Skolan, karin@skolan.example"
    assert document.header_line == "Kallelse till inledande Lotsmöte – Åsa Öberg-Şahin – 2026-03-24"


def test_the_end_time_follows_the_planned_length():
    case = full_case()
    meeting = plan_meeting(case, MeetingKind.FOLLOW_UP, START.replace(hour=13, minute=30), minutes=60)
    document = kallelse_document(case, meeting)
    assert dict(document.facts)["Tid"] == "13.30–14.30"
    assert dict(document.facts)["Plats"] == "Ej angivet"
    assert "Kontaktperson" not in dict(document.facts)


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        (MeetingKind.FIRST, "Kallelse till inledande Lotsmöte"),
        (MeetingKind.FOLLOW_UP, "Kallelse till uppföljande Lotsmöte"),
        (MeetingKind.CLOSING, "Kallelse till avslutande Lotsmöte"),
    ],
)
def test_the_title_names_the_meeting(kind, title):
    case = full_case()
    document = kallelse_document(case, _meeting(case, kind))
    assert document.title == title
    assert document.header_line.startswith(title)


def test_the_question_is_printed_and_required():
    case = full_case()
    question = _section(kallelse_document(case, _meeting(case)), "Frågeställning")
    assert question.paragraphs == ["Skolfrånvaro och oro.\nBehov av samordning."]
    assert question.missing == []
    case.question = ""
    question = _section(kallelse_document(case, _meeting(case)), "Frågeställning")
    assert question.paragraphs == ["Ej angivet"]
    assert question.missing == ["Frågeställningen"]


def test_everyone_called_with_verksamhet_and_roles():
    case = full_case()
    called = _section(kallelse_document(case, _meeting(case)), "Kallade till mötet")
    assert called.table.header == ["Namn", "Verksamhet", "Roll"]
    rows = {row[0]: row for row in called.table.rows}
    assert rows["Karin Lind"] == ["Karin Lind", "Skolan", "initiativtagare och samtalsledare"]
    assert rows["Đorđe Đorđević"][2] == "sekreterare och verksamhetsaktör"
    assert rows["Mia Öberg"][2] == "vårdnadshavare"
    assert rows["Åsa Öberg-Şahin"][2] == "barn/ungdom"
    # BUP's consent was revoked before the meeting: its professional is not called.
    assert "Łukasz Wójcik" not in rows
    assert called.items == ["Łukasz Wójcik, BUP, kallas inte: samtycket för verksamheten återkallades 2026-02-01"]


def test_a_verksamhet_of_the_consent_with_nobody_named_is_called_too():
    case = full_case()
    people = [p for p in _people() if p.organisation not in ("Socialtjänsten", "BUP")]
    called = _section(kallelse_document(case, _meeting(case, people=people)), "Kallade till mötet")
    assert called.items == ["Socialtjänsten: ingen namngiven deltagare ännu"]  # BUP: revoked


def test_the_agenda_with_its_minutes_and_phases():
    case = full_case()
    meeting = _meeting(case)
    agenda = _section(kallelse_document(case, meeting), "Dagordning")
    assert agenda.table.header == ["Steg", "Minuter"]
    expected = [[f"{n}. {s.title}", str(round(s.planned_ns / NS_PER_MIN))] for n, s in enumerate(meeting.steps, 1)]
    assert agenda.table.rows[:-1] == expected
    assert agenda.table.rows[-1] == ["Totalt", str(meeting.planned_minutes)]
    assert agenda.table.rows[0] == ["1. Presentationsrunda", "5"]
    assert agenda.items[0] == "Inledning, sekretess och berättelse: steg 1–5, 38 min"
    assert len(agenda.items) == 3


def test_the_agenda_is_the_plan_the_family_was_called_to_whatever_the_meeting_did():
    case = full_case()
    meeting = _meeting(case, MeetingKind.FOLLOW_UP)
    skipped = next(s for s in meeting.steps if s.key == "new_participants")
    skipped.status = StepStatus.SKIPPED
    skipped.allotted_ns = 0
    meeting.steps[0].allotted_ns = 7 * NS_PER_MIN
    agenda = _section(kallelse_document(case, meeting), "Dagordning")
    titles = [row[0] for row in agenda.table.rows]
    assert any(skipped.title in title for title in titles)
    assert agenda.table.rows[0][1] == "5"
    assert agenda.table.rows[-1] == ["Totalt", str(meeting.planned_minutes)]


def test_the_sekretessmedgivande_as_the_sources_say_it():
    case = full_case()
    document = kallelse_document(case, _meeting(case))
    form = _section(document, "Sekretessmedgivande")
    text = " ".join(form.paragraphs)
    # The family waives secrecy (efterger), under the law that lets them; it is not lifted.
    assert "efterge sekretessen" in text and "12 kap. 2 § offentlighets- och sekretesslagen" in text
    assert "hävs" not in text
    assert "lämna uppgifter om Åsa Öberg-Şahin till varandra" in text
    assert case.consent.question in form.paragraphs  # what it covers
    # Between which verksamheter: BUP's consent was revoked before the meeting, so it is
    # named only as revoked, apart from those it covers.
    assert form.items == ["Skolan", "Socialtjänsten", "Återkallat för: BUP (samtycket återkallat 2026-02-01)"]
    privacy = " ".join(_section(document, "Så behandlas personuppgifterna").paragraphs)
    assert "Personuppgiftsansvarig" in privacy and "Integritetsskyddsmyndigheten" in privacy
    terms = " ".join(_section(document, "Villkor för sekretessmedgivandet").items)
    assert "gäller under den tid som Lotsprocessen pågår" in terms
    assert "när som helst" in terms and "till del eller i sin helhet" in terms
    assert "gäller mellan de verksamheter som anges ovan" in terms
    assert "Båda vårdnadshavarna" in terms


def test_the_question_of_the_case_when_the_consent_names_none():
    case = full_case()
    case.consent = case.consent.model_copy(update={"question": ""})
    form = _section(kallelse_document(case, _meeting(case)), "Sekretessmedgivande")
    assert "Skolfrånvaro och oro.\nBehov av samordning." in form.paragraphs


def test_a_called_verksamhet_outside_the_consent_is_listed_and_flagged():
    case = full_case()
    case.consent.revocations = []
    people = [*_people(), Person(name="Vera Holm", organisation="Vårdcentralen", roles=[Role.PROFESSIONAL])]
    document = kallelse_document(case, _meeting(case, people=people))
    form = _section(document, "Sekretessmedgivande")
    assert form.items[-1] == "Vårdcentralen"
    assert form.missing == ["Vårdcentralen kallas men finns inte med i ärendets samtycke"]
    assert document.missing == [
        "Sekretessmedgivande: Vårdcentralen kallas men finns inte med i ärendets samtycke"
    ]


def test_a_whole_revocation_is_said_apart_and_is_missing():
    case = full_case()
    case.consent.revocations = [Revocation(on=date(2026, 3, 2), by="Mia Öberg")]
    document = kallelse_document(case, _meeting(case))
    form = _section(document, "Sekretessmedgivande")
    assert "Hela samtycket återkallades 2026-03-02." in form.paragraphs
    assert not any("återkallades" in item for item in form.items)
    assert form.missing == ["Samtycket är återkallat helt (2026-03-02): ingen verksamhet får lämna uppgifter till en annan"]


def test_a_revocation_after_the_meeting_is_not_printed():
    case = full_case()
    bup = case.choose_organisation("BUP").id
    case.consent.revocations = [Revocation(on=date(2026, 4, 1), organisation_id=bup, organisation="BUP")]
    document = kallelse_document(case, _meeting(case))
    assert _section(document, "Sekretessmedgivande").items == ["BUP", "Skolan", "Socialtjänsten"]
    assert "Łukasz Wójcik" in [row[0] for row in _section(document, "Kallade till mötet").table.rows]
    assert document.missing == []


def test_a_revoked_verksamhet_called_is_missing_and_a_covered_kallelse_is_complete():
    case = full_case()
    document = kallelse_document(case, _meeting(case))
    assert document.missing == [
        "Kallade till mötet: Łukasz Wójcik, BUP, kallas inte: samtycket för verksamheten återkallades 2026-02-01"
    ]
    people = [p for p in _people() if p.organisation != "BUP"]
    assert kallelse_document(case, _meeting(case, people=people)).missing == []


def test_consent_from_one_guardian_of_two_names_the_other():
    case = full_case()
    case.consent.revocations = []
    case.give_consent(["BUP", "Skolan", "Socialtjänsten"], date(2025, 12, 15), by=["Mia Öberg"])
    document = kallelse_document(case, _meeting(case))
    line = "Emre Şahin har inte lämnat samtycke (båda vårdnadshavarna ska tillfrågas)"
    assert line in _section(document, "Villkor för sekretessmedgivandet").paragraphs
    assert document.missing == [f"Sekretessmedgivande: {line}"]
    assert line in _pdf_text(render(document, "pdf"))


def test_before_anyone_has_signed_nobody_is_missing_consent():
    case = full_case()
    case.consent.revocations = []
    case.consent = case.consent.model_copy(update={"givers": []})
    assert kallelse_document(case, _meeting(case)).missing == []


def test_signature_lines_for_both_guardians_and_the_child():
    case = full_case()
    document = kallelse_document(case, _meeting(case))
    assert [(s.name, s.role, s.oral) for s in document.signers] == [
        ("Mia Öberg", "vårdnadshavare", ""),
        ("Emre Şahin", "vårdnadshavare", ""),
        ("Åsa Öberg-Şahin", "barn/ungdom", ""),
    ]
    assert document.signature_heading == "Underskrift och namnförtydligande"
    assert document.signature_hint == "Ort och datum"


def test_no_guardians_is_flagged():
    case = full_case()
    case.guardians = []
    document = kallelse_document(case, _meeting(case))
    assert "Vårdnadshavarna" in _section(document, "Sekretessmedgivande").missing
    assert [s.role for s in document.signers] == ["barn/ungdom"]


def _read_back(case, meeting) -> dict[str, str]:
    return {
        "pdf": _pdf_text(export_document(case, meeting, "kallelse", "pdf").data),
        "md": re.sub(r"\s+", " ", export_document(case, meeting, "kallelse", "md").data.decode("utf-8")),
    }


def test_the_kallelse_read_back_from_pdf_and_markdown():
    case = full_case()
    meeting = _meeting(case)
    for fmt, text in _read_back(case, meeting).items():
        plain = text.replace("\\", "")  # Markdown escapes ( ) and the like
        for expected in (
            "Kallelse till inledande Lotsmöte",
            "Åsa Öberg-Şahin",
            "Mia Öberg, Emre Şahin",
            "tisdag 24 mars 2026",
            "09.00–10.30",
            "Skolan, rum 2",
            "Skolfrånvaro och oro.",
            "Samordning kring skolgång",
            "Đorđe Đorđević",
            "Łukasz Wójcik, BUP, kallas inte",
            "sekreterare och verksamhetsaktör",
            "Presentationsrunda",
            "Dagordning",
            "Totalt",
            "Sekretessmedgivande",
            "Återkallat för: BUP (samtycket återkallat 2026-02-01)",
            "under den tid som Lotsprocessen pågår",
            "till del eller i sin helhet",
            "Underskrift och namnförtydligande",
        ):
            assert expected in plain, (fmt, expected)
        assert plain.count("vårdnadshavare") >= 2, fmt
    pdf = _read_back(case, meeting)["pdf"]
    assert "Emre Şahin vårdnadshavare Ort och datum" in pdf
    assert "Åsa Öberg-Şahin barn/ungdom Ort och datum" in pdf
    assert "Handlingen innehåller uppgifter som omfattas av sekretess." in pdf
    md = export_document(case, meeting, "kallelse", "md").data.decode("utf-8")
    assert "| 1. Presentationsrunda | 5 |" in md
    assert "- Emre Şahin, vårdnadshavare: ______" in md


def test_the_kallelse_in_word():
    case = full_case()
    data = export_document(case, _meeting(case), "kallelse", "docx").data
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Kallelse till inledande Lotsmöte" in text
    assert "till del eller i sin helhet" in text
    assert "Presentationsrunda" in text + cells
    assert "Emre Şahin" in text + cells


def test_user_text_stays_text():
    case = full_case()
    case.child = case.child.model_copy(update={"name": "[b]Åsa[/b] *#1*"})
    case.guardians = [Guardian(name="# Mia <b>Öberg</b>"), Guardian(name="Emre Şahin")]
    case.question = "[link](http://x) och `kod`"
    meeting = _meeting(case)
    pdf = _pdf_text(render(kallelse_document(case, meeting), "pdf"))
    assert "[b]Åsa[/b] *#1*" in pdf and "# Mia <b>Öberg</b>" in pdf and "[link](http://x) och `kod`" in pdf
    md = render(kallelse_document(case, meeting), "md").decode("utf-8")
    assert "\\[b\\]Åsa\\[/b\\] \\*\\#1\\*" in md
    assert "\\[link\\]\\(http://x\\) och \\`kod\\`" in md
    assert "<b>" not in md
