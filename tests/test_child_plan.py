"""The plan for the child: one page in plain words, read back from the PDF and Markdown as
the child receives it; what it holds and what it leaves out; golden files of the demo case
as its first meeting ended and of the rich process's closing meeting.

A change to a golden file fails here; read the difference, and when it is meant, write
the files again with ``FACILITATOR_GOLDEN=write python -m pytest tests/test_child_plan.py``
and read them line by line before committing."""

from __future__ import annotations

import io
import re
import typing
from datetime import date, datetime

import pytest
from pydantic import BaseModel
from pypdf import PdfReader

from facilitator import strings as sv
from facilitator.agenda.kinds import ChildParticipation
from facilitator.agenda.models import (
    Action,
    ActionStatus,
    Authority,
    Case,
    CaseEvent,
    CaseEventKind,
    Goal,
    GoalHorizon,
    GoalStatus,
    LeadAuthority,
    LotsChange,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Navigator,
    NextMeeting,
    Person,
    Role,
    SentKallelse,
    Signature,
    StepStatus,
)
from facilitator.demo import demo_case
from facilitator.documents import NotForDocument, export_document, file_name
from facilitator.export.markdown import render
from facilitator.export.pdf import to_pdf
from facilitator.views.childplan import child_plan_document, first_name, plain_place

from .conftest import STOCKHOLM
from .rich_case import process
from .test_golden import GOLDEN, check_golden, pdf_text

PROFESSIONALS_SURNAMES = ("Öberg", "Đorđević", "Şahin", "Nowak")
"""The demo's professionals: Karin Öberg, Ana Đorđević, Ahmed Şahin, Łukasz Nowak."""
PROFESSIONALS_STORY = "Elevhälsan har sett 35 procent frånvaro sedan höstlovet. BUP har haft två bedömningssamtal."
NOTES = "Fråga om skolskjuts till den nya skolan."
GUARDIANS_VIEW = "Vi känner oss lyssnade på och vill komma i gång snart."
NAVIGATOR_VIEW = "Familjen vill ha Karin som lots eftersom Elsa litar på henne."
MISSING_ACTORS = "Skolsköterskan bör kallas till nästa möte."


def held_demo():
    """The demo case (``facilitator demo``) with its first meeting held on tuesday 24 March
    2026 at 9.00, as the secretary might have written it."""
    case, meeting = demo_case(datetime(2026, 3, 24, 8, 50, tzinfo=STOCKHOLM))
    people = {p.name: p for p in meeting.attendance}
    karin = people["Karin Öberg"]
    sip = meeting.sip
    sip.consent_confirmed = True
    sip.purpose = "Att få en gemensam bild av Elsas skolgång och oro, och göra en plan."
    sip.family_story = "Elsa berättar att morgnarna är svårast. Maria och Jonas vill att alla drar åt samma håll."
    sip.professionals_story = PROFESSIONALS_STORY
    sip.notes = NOTES
    sip.reflection = "Oron på kvällarna gör morgnarna tunga."
    sip.goals = [
        Goal(text="Elsa går till skolan varje dag", child="Du kan gå till skolan varje dag"),
        Goal(text="Elsa somnar utan oro", child="Du kan somna utan att vara orolig"),
        Goal(text="Elsa har en fritidsaktivitet", horizon=GoalHorizon.LONG,
             child="Du har något roligt att göra efter skolan"),
    ]
    sip.actions = [
        Action(what="Skoldagen börjar i det lilla grupprummet med en vuxen Elsa känner",
               responsible="Karin Öberg", organisation="Solbackens skola, elevhälsan",
               authority=Authority.KOMMUN, due=date(2026, 4, 17),
               child="Du börjar skoldagen i det lilla grupprummet med en vuxen du känner"),
        Action(what="Samtal om oron på kvällarna varannan vecka", responsible="Ahmed Şahin",
               organisation="BUP Öst", authority=Authority.REGION, due=date(2026, 5, 5),
               child="Du och Ahmed pratar om oron på kvällarna varannan vecka"),
        Action(what="Föräldrastöd om hur morgnarna kan bli lugnare", responsible="Ana Đorđević",
               organisation="Socialtjänsten, familjeenheten", authority=Authority.KOMMUN, due=date(2026, 4, 30)),
        Action(what="Visar Elsa måleriverkstaden på onsdagar", responsible="Łukasz Nowak",
               organisation="Fritidsgården Kometen", authority=Authority.OTHER,
               child="Łukasz visar dig måleriverkstaden på onsdagar"),
        Action(what="Följer med Elsa till skolan två morgnar i veckan", responsible="Maria Åkesson",
               child="Mamma följer med dig till skolan två morgnar i veckan"),
    ]
    sip.navigator = Navigator(person_id=karin.id, name="Karin Öberg", organisation="Solbackens skola, elevhälsan",
                              phone="070-222 33 44", email="karin.oberg@solbacken.example")
    sip.navigator_view = NAVIGATOR_VIEW
    sip.lead_authority = LeadAuthority(authority=Authority.KOMMUN, organisation="Socialtjänsten, familjeenheten")
    sip.summary = (
        "Vi har pratat om morgnarna och kvällarna. Skolan gör starten på dagen lugnare, BUP "
        "hjälper Elsa med oron och föräldrarna får stöd."
    )
    sip.child_summary = "Vi pratade om morgnarna och kvällarna. Skolan och BUP hjälper dig."
    sip.missing_actors = MISSING_ACTORS
    sip.child_participation = ChildParticipation.WHOLE
    sip.child_view = "Jag vill börja i det lilla rummet.\n\nJag vill inte prata om det inför hela klassen."
    sip.guardians_view = GUARDIANS_VIEW
    sip.next_meeting = NextMeeting(start=datetime(2026, 5, 5, 13, 0, tzinfo=STOCKHOLM),
                                   place="Solbackens skola, konferensrummet", kind=MeetingKind.FOLLOW_UP)
    for step in meeting.steps:
        step.status = StepStatus.DONE
        step.elapsed_ns = step.allotted_ns
    meeting.status = MeetingStatus.FINISHED
    return case, meeting


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _pdf(document) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(to_pdf(document)))
    return _flat("\n".join(page.extract_text() for page in reader.pages)), len(reader.pages)


def _read_back(case, meeting) -> dict[str, str]:
    document = child_plan_document(case, meeting)
    return {"pdf": _pdf(document)[0], "md": _flat(render(document))}


# --- what the child reads -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["pdf", "md"])
def test_the_plan_holds_the_lots_and_how_to_reach_them(fmt):
    text = _read_back(*held_demo())[fmt]
    assert "Din lots är Karin på skolan." in text
    assert "En lots är en vuxen som hjälper dig och din familj hela vägen" in text
    assert "Telefon: 070-222 33 44" in text
    assert "E-post: karin.oberg@solbacken.example" in text


@pytest.mark.parametrize("fmt", ["pdf", "md"])
def test_each_insats_says_who_and_by_when_in_plain_words(fmt):
    text = _read_back(*held_demo())[fmt]
    for line in (
        "Karin på skolan, din lots: Du börjar skoldagen i det lilla grupprummet med en vuxen du känner, "
        "klart senast 17 april 2026",
        "Ahmed på BUP: Du och Ahmed pratar om oron på kvällarna varannan vecka, klart senast 5 maj 2026",
        "Łukasz på fritidsgården: Łukasz visar dig måleriverkstaden på onsdagar",
        "Maria: Mamma följer med dig till skolan två morgnar i veckan",
    ):
        assert line in text, line
    # The parents' insats has no line for the child: the adults explain it.
    assert "Föräldrastöd" not in text and "Ana" not in text
    assert "Det finns mer i planen. De vuxna berättar för dig om resten." in text


@pytest.mark.parametrize("fmt", ["pdf", "md"])
def test_the_next_meeting_the_goals_and_the_childs_own_words(fmt):
    text = _read_back(*held_demo())[fmt]
    assert "När vi ses nästa gång" in text
    assert "Dag: tisdag 5 maj 2026" in text
    assert "Tid: klockan 13.00" in text
    assert "Plats: Solbackens skola, konferensrummet" in text
    assert "Det här sa du" in text
    assert "Jag vill börja i det lilla rummet." in text
    assert "Jag vill inte prata om det inför hela klassen." in text
    assert "Du kan gå till skolan varje dag" in text
    assert "Det här pratade vi om" in text and "Vi pratade om morgnarna och kvällarna." in text
    assert "Vi har pratat om morgnarna" not in text  # the adults' summary


@pytest.mark.parametrize("fmt", ["pdf", "md"])
def test_nothing_the_child_was_not_part_of(fmt):
    case, meeting = held_demo()
    text = _read_back(case, meeting)[fmt]
    for left_out in (
        PROFESSIONALS_STORY,
        NOTES,
        GUARDIANS_VIEW,
        NAVIGATOR_VIEW,
        MISSING_ACTORS,
        case.consent.question,
        sv.CONSENT_REVOCABLE,
        sv.SECTION_CONSENT,
        sv.SECTION_PROFESSIONALS_STORY,
        sv.SECTION_LEAD,
        sv.MISSING_PREFIX,
        sv.SECTION_SIGNATURES,
        sv.SIGNATURE_PLACE_DATE,
        sv.CONFIDENTIAL,
        "Sekretess",
        "Huvudman",
        "SIP",
    ):
        assert left_out.casefold() not in text.casefold(), left_out
    for surname in PROFESSIONALS_SURNAMES:
        assert surname not in text, surname
    assert "Åkesson" not in text  # the family by first name too


def test_the_plan_is_one_page_with_larger_type_than_the_sip():
    from facilitator.views.sipview import sip_document

    case, meeting = held_demo()
    document = child_plan_document(case, meeting)
    assert _pdf(document)[1] == 1
    assert document.type_scale > 1
    assert sip_document(case, meeting).type_scale == 1
    for meeting in process()[1:]:
        assert _pdf(child_plan_document(process()[0], meeting))[1] == 1


def test_no_signature_lines_and_nothing_missing():
    case, meeting = held_demo()
    document = child_plan_document(case, meeting)
    assert document.signers == []
    assert document.missing == []


def test_a_meeting_that_recorded_nothing_invents_nothing():
    case, meeting = demo_case(datetime(2026, 3, 24, 8, 50, tzinfo=STOCKHOLM))
    document = child_plan_document(case, meeting)
    assert [s.heading for s in document.paper] == [sv.CHILD_SECTION_NEXT, sv.CHILD_SECTION_LOTS]
    assert document.paper[0].paragraphs == [sv.CHILD_NEXT_NOT_SET]
    assert document.paper[1].paragraphs == [sv.CHILD_LOTS_NONE]
    assert document.facts == [
        ("Till", "Elsa"),
        ("Från mötet", "tisdag 24 mars 2026"),
        ("Plats", "Solbackens skola, konferensrummet"),
    ]


def test_the_closing_meeting_says_the_meetings_are_over_and_what_to_do_if_worse():
    case, _, _, closing = process()
    text = _read_back(case, closing)["pdf"]
    assert sv.CHILD_SECTION_CLOSED in text and _flat(sv.CHILD_CLOSED) in text
    assert "Om det blir svårt igen" in text
    assert _flat(closing.sip.if_worse) not in text  # the adults' words, not the child's
    assert "Din lots har varit Łukasz på BUP." in text
    assert "Ring Łukasz på BUP: 010-200 30 40" in text
    assert "Bris" in text and "116 111" in text
    assert "När vi ses nästa gång" not in text
    assert "Telefon:" not in text  # the lots's work is done: whom to call is said above


def test_a_follow_up_says_how_each_goal_and_insats_stands():
    case, _, follow_up, _ = process()
    text = _read_back(case, follow_up)["md"]
    assert "Du går till skolan minst fyra dagar i veckan – en bit på väg" in text
    assert "Du har något roligt att göra efter skolan – klart" in text
    assert "Föräldrastöd" not in text  # no line for the child
    # The day has passed and it is not done: said plainly, with the year.
    assert "Karin på skolan: Du får ett schema som passar dig bättre i skolan, skulle vara klart 20 mars 2026 – inte klart än" in text
    assert "Łukasz pratar två gånger i månaden om hur du har det, klart senast 15 maj 2026 – pågår" in text
    assert "Det blir det sista lotsmötet." in text


def test_a_first_meeting_shows_no_status():
    case, first, _, _ = process()
    document = child_plan_document(case, first)
    goals = next(s for s in document.sections if s.heading == sv.CHILD_SECTION_GOALS)
    assert goals.items == [g.child for g in first.sip.goals]
    who = next(s for s in document.sections if s.heading == sv.CHILD_SECTION_WHO)
    assert not any(item.endswith(("– pågår", "– klart")) for item in who.items)


# --- who, where and when in a child's words --------------------------------------------


@pytest.mark.parametrize(
    ("organisation", "place"),
    [
        ("Solbackens skola, elevhälsan", "skolan"),
        ("Elevhälsan Kometskolan", "skolan"),
        ("Förskolan Solrosen", "förskolan"),
        ("BUP Öst", "BUP"),
        ("Barn- och ungdomspsykiatrin", "BUP"),
        ("Barn- och ungdomshabiliteringen", "habiliteringen"),
        ("Socialtjänsten, familjeenheten", "socialtjänsten"),
        ("Fritidsgården Kometen", "fritidsgården"),
        ("Vårdcentralen Norr", "vårdcentralen"),
        ("Bupp-föreningen", "Bupp-föreningen"),  # "bup" only as a word of its own
        ("Kyrkans barnverksamhet", "Kyrkans barnverksamhet"),
        ("", ""),
    ],
)
def test_a_verksamhet_as_a_child_says_it(organisation, place):
    assert plain_place(organisation) == place


def test_first_names():
    assert first_name("Anna-Karin Lund") == "Anna-Karin"
    assert first_name("  Đorđe  Đorđević ") == "Đorđe"
    assert first_name("") == ""


def _one_action(**fields) -> str:
    case, meeting = held_demo()
    meeting.sip.actions = [Action(what="Vuxnas ord", child="Något", **fields)]
    document = child_plan_document(case, meeting)
    (item,) = next(s for s in document.sections if s.heading == sv.CHILD_SECTION_WHO).items
    return item


def test_who_the_child_is_told_about():
    assert _one_action(responsible="Elsa Åkesson") == "Du: Något"
    assert _one_action(responsible="Jonas Åkesson") == "Jonas: Något"
    assert _one_action(organisation="BUP Öst") == "Någon på BUP: Något"
    assert _one_action() == "Inte bestämt vem: Något"
    # The organisation from the attendance list when the insats does not name it.
    assert _one_action(responsible="ahmed  şahin") == "Ahmed på BUP: Något"
    assert _one_action(responsible="Sven Svensson", organisation="Kyrkan") == "Sven på Kyrkan: Något"
    # Several people: each by first name, the family's and the child's without a place.
    assert _one_action(responsible="Karin Öberg och Ana Đorđević", organisation="Solbackens skola") == (
        "Karin och Ana på skolan: Något"
    )
    assert _one_action(responsible="Ahmed Şahin, Ana Đorđević & Łukasz Nowak") == (
        "Ahmed på BUP, Ana på socialtjänsten och Łukasz på fritidsgården: Något"
    )
    assert _one_action(responsible="Elsa Åkesson och Maria Åkesson") == "Du och Maria: Något"
    assert _one_action(responsible="Maria Åkesson OCH elsa åkesson") == "Maria och du: Något"


def test_a_due_day_in_another_year_says_the_year():
    assert _one_action(responsible="Karin Öberg", due=date(2027, 1, 15)) == (
        "Karin på skolan, din lots: Något, klart senast 15 januari 2027"
    )
    assert _one_action(responsible="Karin Öberg", due=date(2026, 5, 1)) == (
        "Karin på skolan, din lots: Något, klart senast 1 maj 2026"
    )
    assert _one_action(due=date(2026, 3, 20), status=ActionStatus.ONGOING) == (
        "Inte bestämt vem: Något, skulle vara klart 20 mars 2026 – inte klart än"
    )
    assert _one_action(due=date(2026, 3, 20), status=ActionStatus.DONE) == (
        "Inte bestämt vem: Något, klart senast 20 mars 2026 – klart"
    )
    assert _one_action(status=ActionStatus.NOT_RELEVANT) == "Inte bestämt vem: Något – behövs inte längre"


def test_the_lots_without_phone_or_email_in_the_sip_is_reached_as_the_attendance_says():
    case, meeting = held_demo()
    ahmed = next(p for p in meeting.attendance if p.name == "Ahmed Şahin")
    meeting.sip.navigator = Navigator(person_id=ahmed.id, name="Ahmed Şahin")
    lots = next(s for s in child_plan_document(case, meeting).sections if s.heading == sv.CHILD_SECTION_LOTS)
    assert lots.paragraphs[0] == "Din lots är Ahmed på BUP."
    assert lots.items == ["Så når du Ahmed: 010-111 22 33"]


def test_user_text_stays_text():
    case, meeting = held_demo()
    meeting.sip.goals = [Goal(text="Mål", child="# Jag vill *inte* [klicka](http://x)")]
    meeting.sip.child_view = "- Det här är ingen lista\n<b>fet</b>"
    md = render(child_plan_document(case, meeting))
    assert "\\# Jag vill \\*inte\\* \\[klicka\\]\\(http://x\\)" in md
    assert "\\- Det här är ingen lista  \n\\<b\\>fet\\</b\\>" in md
    text = _pdf(child_plan_document(case, meeting))[0]
    assert "# Jag vill *inte* [klicka](http://x)" in text
    assert "<b>fet</b>" in text


def test_no_goal_status_in_a_follow_up_that_has_not_evaluated_it():
    case, _, follow_up, _ = process()
    follow_up.sip.goals = [
        Goal(text="x", child="Ett mål", status=None),
        Goal(text="y", child="Ett annat", status=GoalStatus.DROPPED),
    ]
    goals = next(
        s for s in child_plan_document(case, follow_up).sections if s.heading == sv.CHILD_SECTION_GOALS
    )
    assert goals.items == ["Ett mål", "Ett annat – behövs inte längre"]


def test_the_family_and_the_child_from_the_attendance_list():
    case, meeting = held_demo()
    meeting.attendance.append(Person(name="Farmor Greta", roles=[Role.PRIVATE_NETWORK]))
    meeting.sip.actions = [Action(what="Vuxnas ord", child="Något", responsible="Farmor Greta")]
    who = next(s for s in child_plan_document(case, meeting).sections if s.heading == sv.CHILD_SECTION_WHO)
    assert who.items == ["Farmor: Något"]


# --- the file --------------------------------------------------------------------------


def test_the_file_and_its_name():
    case, meeting = held_demo()
    for fmt in ("pdf", "md"):
        exported = export_document(case, meeting, "barn", fmt)
        assert exported.filename == f"Barnets-plan-2026-03-24-inledande-{meeting.id[:8]}.{fmt}"
        assert exported.missing == []
    assert file_name(meeting, "barn", "pdf") == f"Barnets-plan-2026-03-24-inledande-{meeting.id[:8]}.pdf"


@pytest.mark.parametrize("fmt", ["docx", "json", "ics"])
def test_the_plan_comes_in_pdf_and_markdown_only(fmt):
    case, meeting = held_demo()
    with pytest.raises(NotForDocument):
        export_document(case, meeting, "barn", fmt)


# --- golden files ----------------------------------------------------------------------


def _without_child_lines(meeting):
    """The meeting as it would be with nothing written for the child."""
    meeting = meeting.model_copy(deep=True)
    sip = meeting.sip
    sip.goals = [g.model_copy(update={"child": ""}) for g in sip.goals]
    sip.actions = [a.model_copy(update={"child": ""}) for a in sip.actions]
    sip.child_summary = ""
    return meeting


def _documents():
    case, first, follow_up, closing = process()
    documents = {"barn-demo": child_plan_document(*held_demo())}
    for name, meeting in (("forsta", first), ("uppfoljande", follow_up), ("avslutande", closing)):
        documents[f"barn-{name}"] = child_plan_document(case, meeting)
        documents[f"barn-{name}-utan-barnrader"] = child_plan_document(case, _without_child_lines(meeting))
    return documents


RENDER = {
    "pdf.txt": lambda document: pdf_text(to_pdf(document)),
    "md": render,
}


@pytest.mark.parametrize("suffix", list(RENDER))
@pytest.mark.parametrize("name", list(_documents()))
def test_golden(name, suffix):
    check_golden(GOLDEN / f"{name}.{suffix}", RENDER[suffix](_documents()[name]))


def test_the_plan_and_the_childs_lines_speak_no_english():
    from facilitator.agenda.templates import default_template

    from .test_cli import english_words

    case, closing = process()[0], process()[3]
    lines = render(child_plan_document(*held_demo())).splitlines()
    lines += render(child_plan_document(case, closing)).splitlines()
    lines += [step.child for kind in MeetingKind for step in default_template(kind).steps]
    lines.append(sv.CHILD_STEP_GENERIC)
    assert [(line, english_words(line)) for line in lines if english_words(line)] == []


# --- only what was written for the child -----------------------------------------------

SHOWN = {
    # Written for the child, or the child's own words.
    "Sip.child_view", "Sip.child_summary", "Sip.child_view_relayed_by", "Goal.child", "Action.child",
    "StepRun.child",
    # Who does what, and the lots: first names and where they work (a verksamhet no known
    # word fits, as typed), and how to reach the lots.
    "Child.name", "Action.responsible", "Action.organisation", "Person.organisation", "Person.contact",
    "Navigator.name", "Navigator.organisation", "Navigator.phone", "Navigator.email",
    # Where the meeting was, and where the next one is.
    "Meeting.place", "NextMeeting.place",
}
"""The text fields of the records that the child's plan shows by design (some changed into
a child's words); every other text field of every record is an adult's."""

_SKIPPED = {"id", "key", "covered", "interprets_for"}
"""Ids and keys: text the app makes, not words anyone typed."""


def _adult_sentence(field: str) -> str:
    return f"Vuxentext {field.replace('_', ' ').replace('.', ' ')} zebrafink."


def _bare(annotation):
    """``Line`` and its kin as the type they are: ``str``."""
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is typing.Annotated else annotation


def _text_fields(model: type[BaseModel]) -> list[tuple[str, bool]]:
    """``model``'s fields that hold typed text (one, or a list): name, and whether a list."""
    fields = []
    for name, info in model.model_fields.items():
        if name in _SKIPPED or name.endswith("_id"):
            continue
        if info.annotation is str:
            fields.append((name, False))
        elif typing.get_origin(info.annotation) is list and _bare(typing.get_args(info.annotation)[0]) is str:
            fields.append((name, True))
    return fields


def _records(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    """``model`` and every record type its fields can hold."""
    seen.add(model)

    def walk(annotation) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in seen:
                _records(annotation, seen)
            return
        for arg in typing.get_args(annotation):
            walk(arg)

    for info in model.model_fields.values():
        walk(info.annotation)
    return seen


def _every_text_field() -> set[str]:
    return {f"{m.__name__}.{name}" for m in _records(Case, _records(Meeting, set())) for name, _ in _text_fields(m)}


def _feed(record: BaseModel, fed: set[str]) -> None:
    """Each of ``record``'s adult text fields, and those of the records it holds, a
    sentence of its own that the child must not see."""
    for name, many in _text_fields(type(record)):
        field = f"{type(record).__name__}.{name}"
        if field not in SHOWN:
            value = [_adult_sentence(f"{field} {i}") for i in range(2)] if many else _adult_sentence(field)
            setattr(record, name, value)
            fed.add(field)
    for name in type(record).model_fields:
        value = getattr(record, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                _feed(item, fed)


def _every_adult_field_distinct(case, meeting) -> set[str]:
    """Every adult text field of the case and the meeting holds a sentence of its own
    (a record of each kind added where the case has none); the fields fed."""
    case.widen(case.organisations[0].id, date(2026, 3, 1), agreed_by="Mia Öberg")
    case.lots_history = [*case.lots_history, LotsChange(on=date(2026, 2, 10), name="Łukasz Wójcik")]
    case.history = [*case.history, CaseEvent(on=date(2026, 3, 2), kind=CaseEventKind.CONSENT_REVOKED)]
    case.kallelser = [*case.kallelser, SentKallelse(meeting_id=meeting.id, on=date(2026, 1, 12), content={})]
    sip = meeting.sip
    sip.next_meeting.called = [*sip.next_meeting.called, Person(name="Sara Lind", title="läkare")]
    if not sip.signatures:
        sip.signatures = [Signature(name="Mia Öberg", role=Role.GUARDIAN, oral=True, noted_by="Đorđe")]
    fed: set[str] = set()
    _feed(case, fed)
    _feed(meeting, fed)
    return fed


def test_every_text_field_of_every_record_is_fed_or_shown_by_design():
    case, first, _, _ = process()
    fed = _every_adult_field_distinct(case, first)
    assert fed | SHOWN == _every_text_field()
    assert not fed & SHOWN
    for field in ("Sip.summary", "Goal.text", "Goal.evaluation", "Action.what", "Action.comment",
                  "Sip.if_worse", "Sip.evaluation_family", "Sip.child_understood_note", "Case.question",
                  "Consent.question", "LeadAuthority.organisation", "Signature.name", "StepRun.guidance"):
        assert field in fed, field


@pytest.mark.parametrize("lines", ["with", "without"])
@pytest.mark.parametrize("which", [1, 2, 3])
def test_no_adult_field_reaches_the_plan(which, lines):
    case, *meetings = process()
    meeting = meetings[which - 1]
    if lines == "without":
        meeting = _without_child_lines(meeting)
    _every_adult_field_distinct(case, meeting)
    for fmt, text in _read_back(case, meeting).items():
        assert "zebrafink" not in text, (fmt, text)
    if lines == "with":
        assert meeting.sip.goals[0].child in _read_back(case, meeting)["md"]


def test_without_child_lines_the_plan_says_the_adults_explain_the_rest():
    case, first, _, _ = process()
    document = child_plan_document(case, _without_child_lines(first))
    headings = [s.heading for s in document.paper]
    assert sv.CHILD_SECTION_GOALS not in headings and sv.CHILD_SECTION_WHO not in headings
    assert sv.CHILD_SECTION_TALKED not in headings
    rest = next(s for s in document.paper if s.heading == sv.CHILD_SECTION_REST)
    assert rest.paragraphs == [sv.CHILD_GOALS_UNTOLD]
    # Some written for the child and some not: the rest is explained by the adults.
    rest = next(s for s in child_plan_document(case, first).paper if s.heading == sv.CHILD_SECTION_REST)
    assert rest.paragraphs == [sv.CHILD_GOALS_REST]


def test_a_relayed_view_reads_as_relayed():
    case, first, _, _ = process()
    first.sip.child_participation = ChildParticipation.NONE
    first.sip.child_absence_reason = "Åsa var sjuk."
    first.sip.child_view = "Enligt mamma vill Åsa börja senare."
    first.sip.child_view_relayed_by = "mamma"
    for text in _read_back(case, first).values():
        assert "Det här sa du" not in text
        assert "Det här berättade mamma om vad du tycker" in text
        assert "Enligt mamma vill Åsa börja senare." in text


def test_a_view_of_an_absent_child_is_not_the_childs_own_words():
    case, first, _, _ = process()
    first.sip.child_participation = ChildParticipation.NONE
    text = _read_back(case, first)["md"]
    assert "Det här sa du" not in text
    assert sv.CHILD_SECTION_HEARD in text


def test_the_plan_ends_with_the_lots_and_when_to_call():
    case, first, _, _ = process()
    document = child_plan_document(case, first)
    last = document.paper[-1]
    assert last.heading == sv.CHILD_SECTION_LOTS
    assert "Din lots är Łukasz på BUP." in last.paragraphs
    assert "Hör av dig till Łukasz när du undrar över något i planen, eller om något känns fel." in last.paragraphs
    assert "Telefon: 010-200 30 40" in _pdf(document)[0]


def test_the_closing_plan_ends_with_whom_to_call():
    case, _, _, closing = process()
    text = _pdf(child_plan_document(case, closing))[0]
    assert text.index("Ring Łukasz på BUP: 010-200 30 40") > text.index(sv.CHILD_SECTION_CLOSED)
    closing.sip.navigator = None
    last = child_plan_document(case, closing).paper[-1]
    assert last.heading == sv.CHILD_SECTION_IF_WORSE
    assert last.paragraphs == [sv.CHILD_IF_WORSE_TALK, sv.CHILD_IF_WORSE_BRIS]
