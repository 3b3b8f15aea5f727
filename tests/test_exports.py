"""Every export read back in its own format: content, Swedish and Latin Extended text,
embedded fonts, no personal data in the calendar, and user text as typed."""

import io
import re
from datetime import UTC, datetime, timedelta

import docx
import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from facilitator.agenda import Action, ActionStatus, Goal, MeetingKind, Person, Role, clean_line
from facilitator.documents import export_meeting
from facilitator.export.docx import to_docx
from facilitator.export.ics import to_ics
from facilitator.export.markdown import render
from facilitator.export.pdf import printable, to_pdf
from facilitator.views.sipview import sip_document
from tests.conftest import full_case, full_meeting, stored_process

NAMES = ("Åsa Öberg-Şahin", "Đorđe Đorđević", "Łukasz Wójcik", "Emre Şahin")


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_pdf_holds_the_sip_ready_to_sign():
    case = full_case()
    meeting = full_meeting(case)
    data = to_pdf(sip_document(case, meeting, 1))
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    text = _squash(_pdf_text(data))
    for name in NAMES:
        assert name in text, name
    for heading in ("Frågeställning", "Insatser", "Huvudansvarig huvudman", "Barnets delaktighet", "Underskrifter"):
        assert heading in text
    assert "Regionen ansvarar för" in text and "Samtalskontakt *varje* vecka" in text
    assert "Kommunen – Socialtjänsten" in text
    assert f"Sida 1 av {len(reader.pages)}" in text
    assert "Handlingen innehåller uppgifter som omfattas av sekretess." in text
    assert "Saknas: Sekretessen har inte bekräftats" in text
    assert "Fråga om [b]schema[/b]" in text
    # Signature lines for the guardian and each professional present.
    assert "Mia Öberg" in text and "Ort och datum" in text
    # The fonts are embedded, not referenced.
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts.append((str(font["/BaseFont"]), "/FontFile2" in descriptor))
    assert fonts and all(embedded for _, embedded in fonts)
    assert any("SourceSans" in name for name, _ in fonts)


def test_text_outside_the_font_never_stops_the_pdf():
    case = full_case()
    meeting = full_meeting(case)
    meeting.attendance.append(Person(name="محمد 👩‍👩‍👧 Zoë", roles=[Role.PROFESSIONAL], organisation="BUP"))
    data = to_pdf(sip_document(case, meeting))
    assert "Zoë" in _pdf_text(data)
    assert printable("محمد") == "محمد"  # Noto Sans Arabic has it
    assert printable("👩\u200d👩") == "?\u200d?"  # no font has an emoji: named by unprintable_in


def test_docx_has_real_headings_and_tables():
    case = full_case()
    meeting = full_meeting(case)
    document = docx.Document(io.BytesIO(to_docx(sip_document(case, meeting, 1))))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["Frågeställning", "Mötets syfte", "Deltagare"]
    assert "Insatser" in headings and "Underskrifter" in headings
    tables = [[[c.text for c in row.cells] for row in table.rows] for table in document.tables]
    actions = next(t for t in tables if t[0][0] == "Vad")
    assert actions[1] == ["Anpassat schema", "Đorđe Đorđević, Skolan", "2026-02-01", "planerad"]
    assert "Kommunen ansvarar för" in headings  # the insatser per huvudman, each under its own
    parts = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert parts[:2] == ["Familjens berättelse", "Professionernas berättelse"]
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Saknas: Sekretessen har inte bekräftats" in body
    assert document.sections[0].footer.paragraphs[0].text.startswith("Handlingen innehåller")


def test_ics_has_the_next_meeting_and_no_personal_data():
    case = full_case()
    meeting = full_meeting(case)
    data = to_ics(meeting, datetime(2026, 1, 13, 10, tzinfo=UTC))
    calendar = icalendar.Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2026, 3, 3, 8, 0, tzinfo=UTC)
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=60)
    assert str(event["location"]) == "Skolan"
    text = data.decode("utf-8")
    personal = [case.child.name, *NAMES, "Mia Öberg", "Skolfrånvaro", "Åsa", "Öberg", case.question[:10]]
    for word in personal:
        assert word not in text, word


@pytest.mark.parametrize(
    ("current", "booked", "title"),
    [
        (MeetingKind.FOLLOW_UP, MeetingKind.CLOSING, "Lotsmöte: Avslutande möte"),
        (MeetingKind.FIRST, MeetingKind.FOLLOW_UP, "Lotsmöte: Uppföljande möte"),
        (MeetingKind.CLOSING, None, "Lotsmöte: Uppföljande möte"),
    ],
)
def test_ics_names_the_kind_of_the_meeting_it_books(current, booked, title):
    case = full_case()
    meeting = full_meeting(case).model_copy(update={"kind": current})
    meeting.sip.next_meeting = meeting.sip.next_meeting.model_copy(update={"kind": booked})
    (event,) = icalendar.Calendar.from_ical(to_ics(meeting, datetime(2026, 1, 13, 10, tzinfo=UTC))).walk("VEVENT")
    assert str(event["summary"]) == title
    assert str(event["description"]).startswith(title.removeprefix("Lotsmöte: ") + " enligt SIP.")


def test_a_follow_up_exports_as_uppfoljning_with_what_changed(store):
    case, first, second = stored_process(store)
    second.sip.actions[0] = second.sip.actions[0].model_copy(update={"status": ActionStatus.DONE})
    second.sip.actions = [*second.sip.actions, Action(what="Ny insats: läxhjälp")]
    second.sip.goals = second.sip.goals[:1]
    store.save_meeting(second)
    exported = export_meeting(store, second.id, "md", datetime(2026, 3, 3, tzinfo=UTC))
    text = exported.data.decode("utf-8")
    assert text.startswith("# Uppföljning SIP")
    assert "- **Revision:** 2" in text
    assert "## Förändringar sedan förra revisionen" in text
    assert "Anpassat schema: planerad → klar" in text
    assert "Ny insats: Ny insats: läxhjälp" in text
    assert "Mål som tagits bort: \\# Mindre oro" in text
    pdf = _squash(_pdf_text(export_meeting(store, second.id, "pdf", datetime.now(UTC)).data))
    assert "Uppföljning SIP" in pdf and "planerad → klar" in pdf


def _sips():
    text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
    line = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60)
    return st.fixed_dictionaries(
        {
            "story": text,
            "notes": st.sampled_from(["", "[b]x[/b] [@click=app.quit]y", "# rubrik\n- lista\n1. en", "a" * 5000]),
            "names": st.lists(line, max_size=40),
            "goals": st.lists(line, max_size=8),
            "actions": st.lists(line, max_size=8),
        }
    )


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_sips())
def test_any_valid_sip_exports_in_every_format(data):
    case = full_case()
    meeting = full_meeting(case)
    meeting.sip.family_story = data["story"]
    meeting.sip.notes = data["notes"]
    people = [Person(name=n, roles=[Role.PROFESSIONAL], organisation="X") for n in data["names"] if clean_line(n)]
    meeting.attendance = meeting.attendance + people
    meeting.sip.goals = [Goal(text=g) for g in data["goals"] if clean_line(g)]
    meeting.sip.actions = [Action(what=a, responsible="R") for a in data["actions"] if clean_line(a)]
    document = sip_document(case, meeting, 1)
    markdown = render(document)
    plain_md = re.sub(r"\\(.)", r"\1", markdown)
    pdf_text = _squash(_pdf_text(to_pdf(document)))
    word = docx.Document(io.BytesIO(to_docx(document)))
    word_text = "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    to_ics(meeting, datetime.now(UTC))
    for person in people:
        assert person.name in plain_md
        assert person.name in word_text
        # A soft hyphen only marks where a long name may break: it is never printed inside a line.
        printed = _squash(printable(person.name).replace("\xad", "")).strip()
        if printed and "?" not in printed:
            assert printed in pdf_text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "md", "json", "ics"])
def test_every_format_from_the_store_is_written(store, fmt, tmp_path):
    case = full_case()
    store.save_case(case)
    meeting = full_meeting(case)
    store.save_meeting(meeting)
    exported = export_meeting(store, meeting.id, fmt, datetime(2026, 1, 13, tzinfo=UTC))
    assert exported.filename.endswith("." + fmt)
    assert exported.data
    if fmt in ("pdf", "docx", "md"):
        assert exported.missing == ["Samtycke till informationsöverföring: Sekretessen har inte bekräftats"]
