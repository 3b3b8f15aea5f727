"""A rich Lotsprocess for the documents' golden files and the rules of the SIP on paper:
eight participants from five verksamheter, a consent partly revoked (the vårdcentral, on
2026-03-02) while the vårdcentral's doctor still attends the follow-up, four insatser
with status and comment, and the three meetings of the process."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from facilitator.agenda.clock import NS_PER_MIN, NS_PER_S
from facilitator.agenda.kinds import ChildParticipation, ChildUnderstood, Presence
from facilitator.agenda.meetings import plan_meeting
from facilitator.agenda.models import (
    Action,
    ActionStatus,
    Authority,
    Case,
    Child,
    Goal,
    GoalHorizon,
    GoalStatus,
    Guardian,
    LeadAuthority,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Navigator,
    NextMeeting,
    Person,
    Role,
    Signature,
    StepStatus,
)
from facilitator.agenda.timebox import distribute

STOCKHOLM = timezone(timedelta(hours=1))
ID = "1a2b3c4d" + "0" * 24


def _id(n: int) -> str:
    return f"{n:032x}"


def rich_case() -> Case:
    case = Case(
        id=_id(1),
        child=Child(name="Åsa Öberg-Şahin", birth_year=2013),
        guardians=[Guardian(name="Mia Öberg", contact="070-123 45 67"), Guardian(name="Emre Şahin", contact="073-765 43 21")],
        question="Åsa är ofta borta från skolan och har svårt att sova. Familjen vill ha samordnat stöd.",
        kallelse_date=date(2026, 1, 12),
        created_at=datetime(2026, 1, 12, 9, 0, tzinfo=STOCKHOLM),
    )
    case.give_consent(
        ["Elevhälsan Kometskolan", "Socialtjänsten", "BUP", "Vårdcentralen Norr", "Fritidsgården Kometen"],
        date(2026, 1, 14),
        child=True,
        question="Samordnat stöd kring skolgång, sömn och oro",
    )
    bodies = {
        "Elevhälsan Kometskolan": (Authority.KOMMUN, "Kristianstads kommun, barn- och utbildningsnämnden"),
        "Socialtjänsten": (Authority.KOMMUN, "Kristianstads kommun, socialnämnden"),
        "BUP": (Authority.REGION, "Region Skåne"),
        "Vårdcentralen Norr": (Authority.REGION, "Region Skåne"),
        "Fritidsgården Kometen": (Authority.OTHER, "Föreningen Kometen"),
    }
    case.organisations = [
        o.model_copy(update={"authority": bodies[o.name][0], "body": bodies[o.name][1]}) for o in case.organisations
    ]
    case.revoke(date(2026, 3, 2), case.choose_organisation("Vårdcentralen Norr").id, by="Mia Öberg", note="Familjen bytte vårdcentral")
    return case


def people() -> list[Person]:
    return [
        Person(id=_id(11), name="Mia Öberg", roles=[Role.GUARDIAN], contact="070-123 45 67"),
        Person(id=_id(12), name="Emre Şahin", roles=[Role.GUARDIAN], contact="073-765 43 21"),
        Person(id=_id(13), name="Åsa Öberg-Şahin", roles=[Role.CHILD]),
        Person(id=_id(14), name="Karin Lund", title="kurator", organisation="Elevhälsan Kometskolan",
               roles=[Role.INITIATOR, Role.FACILITATOR], contact="karin.lund@kommun.example"),
        Person(id=_id(15), name="Đorđe Đorđević", title="socialsekreterare", organisation="Socialtjänsten",
               roles=[Role.SECRETARY, Role.PROFESSIONAL], contact="08-555 100 20"),
        Person(id=_id(16), name="Łukasz Wójcik", title="psykolog", organisation="BUP",
               roles=[Role.NAVIGATOR, Role.PROFESSIONAL], contact="010-200 30 40"),
        Person(id=_id(17), name="Sara Lind", organisation="Vårdcentralen Norr", roles=[Role.PROFESSIONAL],
               contact="sara.lind@region.example"),
        Person(id=_id(18), name="Jonas Berg", organisation="Fritidsgården Kometen", roles=[Role.PROFESSIONAL],
               contact="072-111 22 33"),
    ]


def _ran(meeting: Meeting, overrun_min: dict[str, float], skipped: tuple[str, ...] = ()) -> None:
    """The meeting as it ran: every step done, some longer or shorter, the next steps
    re-planned to keep the end (the first step after an overrun gives the time back)."""
    debt = 0
    for index, step in enumerate(meeting.steps):
        if step.key in skipped:
            # As the program skips a step: its time goes to the steps after it.
            later = [s for s in meeting.steps[index + 1:] if s.key not in skipped]
            shares = distribute(step.allotted_ns, [s.planned_ns for s in later])
            for after, share in zip(later, shares, strict=True):
                after.allotted_ns += share
            step.status = StepStatus.SKIPPED
            step.allotted_ns = 0
            continue
        if debt and step.allotted_ns > debt + NS_PER_MIN:
            step.allotted_ns -= debt
            debt = 0
        extra = round(overrun_min.get(step.key, 0) * 60) * NS_PER_S
        step.elapsed_ns = step.allotted_ns + extra
        step.status = StepStatus.DONE
        debt += max(extra, 0)
    meeting.status = MeetingStatus.FINISHED
    meeting.held_start = meeting.planned_start


def first_meeting(case: Case) -> Meeting:
    meeting = plan_meeting(
        case, MeetingKind.FIRST, datetime(2026, 2, 10, 13, 0, tzinfo=STOCKHOLM),
        place="Kometskolan, konferensrummet", attendance=people(),
    )
    meeting.id = _id(101)
    sip = meeting.sip
    sip.consent_confirmed = True
    sip.purpose = "Att skapa en gemensam bild av Åsas situation och formulera en SIP."
    sip.family_story = "Åsa berättar att morgnarna är svårast. Hon sover dåligt och har ont i magen.\n\nMia och Emre oroar sig för frånvaron och vill att skolan och vården pratar med varandra."
    sip.professionals_story = "Elevhälsan har sett en frånvaro på 40 procent sedan november. BUP har påbörjat en utredning av koncentrationssvårigheter. Vårdcentralen har behandlat Åsas magbesvär."
    sip.notes = "Frågor om hur utredningen på BUP går till och hur lång tid den tar."
    sip.reflection = "Alla ser samma mönster: sömnen och oron påverkar skolan mest."
    sip.goals = [
        Goal(id=_id(201), text="Åsa går till skolan minst fyra dagar i veckan",
             child="Du går till skolan minst fyra dagar i veckan", understood=ChildUnderstood.UNDERSTOOD),
        Goal(id=_id(202), text="Åsa sover bättre och somnar före klockan 22",
             child="Du sover bättre och somnar före klockan tio på kvällen"),
        Goal(id=_id(203), text="Åsa har en fritidsaktivitet hon tycker om", horizon=GoalHorizon.LONG,
             child="Du har något roligt att göra efter skolan"),
    ]
    sip.actions = [
        Action(id=_id(301), what="Anpassad studiegång med hänsyn till koncentrationssvårigheter",
               responsible="Karin Lund", organisation="Elevhälsan Kometskolan", authority=Authority.KOMMUN,
               due=date(2026, 3, 20), child="Du får ett schema som passar dig bättre i skolan"),
        Action(id=_id(302), what="Samtalskontakt varannan vecka och slutförd utredning",
               responsible="Łukasz Wójcik", organisation="BUP", authority=Authority.REGION, due=date(2026, 5, 15),
               child="Du och Łukasz pratar två gånger i månaden om hur du har det", understood=ChildUnderstood.WANTS_MORE),
        Action(id=_id(303), what="Föräldrastöd i grupp", responsible="Đorđe Đorđević",
               organisation="Socialtjänsten", authority=Authority.KOMMUN, due=date(2026, 4, 30)),
        Action(id=_id(304), what="Prova på två aktiviteter på fritidsgården", responsible="Jonas Berg",
               organisation="Fritidsgården Kometen", authority=Authority.OTHER,
               child="Du får prova två saker på fritidsgården"),
    ]
    sip.navigator = Navigator(person_id=_id(16), name="Łukasz Wójcik", organisation="BUP",
                              phone="010-200 30 40", email="lukasz.wojcik@region.example")
    sip.navigator_view = "Åsa och föräldrarna vill ha Łukasz som lots; Åsa känner honom redan."
    sip.lead_authority = LeadAuthority(authority=Authority.KOMMUN, organisation="Socialtjänsten")
    sip.summary = "Skolan anpassar studiegången, BUP slutför utredningen och socialtjänsten erbjuder föräldrastöd."
    sip.child_summary = "Vi pratade om morgnarna och om sömnen. Skolan och BUP hjälper dig, och dina föräldrar får hjälp också."
    sip.child_understood = ChildUnderstood.UNDERSTOOD
    sip.missing_actors = "Skolsköterskan bör kallas till nästa möte."
    sip.child_participation = ChildParticipation.WHOLE
    sip.child_view = "Jag vill börja senare på morgonen."
    sip.guardians_view = "Vi tycker att planen är bra och vill att den följs upp snart."
    sip.next_meeting = NextMeeting(
        start=datetime(2026, 3, 24, 13, 0, tzinfo=STOCKHOLM), place="Kometskolan, konferensrummet",
        attendees=[p.name for p in people()],
    )
    sip.signatures = [Signature(name="Mia Öberg", role=Role.GUARDIAN, signed_on=date(2026, 2, 10)),
                      Signature(name="Karin Lund", role=Role.FACILITATOR, signed_on=date(2026, 2, 10))]
    _ran(meeting, {"family_story": 4, "dialogue": -3})
    case.adopt(meeting)
    return meeting


def follow_up_meeting(case: Case, first: Meeting) -> Meeting:
    attendance = people()
    emre, jonas = attendance[1], attendance[7]
    emre.presence, emre.presence_at = Presence.LEFT_EARLY, time(14, 10)
    jonas.presence = Presence.PHONE
    attendance.append(
        Person(id=_id(19), name="Ayşe Demir", organisation="Tolkförmedlingen Väst", roles=[Role.INTERPRETER],
               language="turkiska", interprets_for=[emre.id])
    )
    meeting = plan_meeting(
        case, MeetingKind.FOLLOW_UP, datetime(2026, 3, 24, 13, 0, tzinfo=STOCKHOLM),
        place="Kometskolan, konferensrummet", attendance=attendance,
    )
    meeting.id = ID
    sip = first.sip.model_copy(deep=True)
    meeting.sip = sip
    sip.signatures = []
    sip.family_story = "Åsa går till skolan tre dagar i veckan. Sömnen är bättre men morgnarna är fortfarande svåra."
    sip.professionals_story = "Utredningen på BUP visar koncentrationssvårigheter. Studiegången är anpassad."
    sip.notes = ""
    sip.reflection = "Anpassningarna hjälper; morgnarna behöver mer stöd."
    g1, g2, g3 = sip.goals
    sip.goals = [
        g1.model_copy(update={"status": GoalStatus.PARTLY_REACHED, "evaluation": "Tre dagar i veckan nu."}),
        g2.model_copy(update={"status": GoalStatus.IN_PROGRESS, "evaluation": "Somnar oftare före 22."}),
        g3.model_copy(update={"status": GoalStatus.REACHED, "evaluation": "Går på teatergruppen."}),
    ]
    a1, a2, a3, a4 = sip.actions
    sip.actions = [
        a1.model_copy(update={"status": ActionStatus.ONGOING, "comment": "Schemat anpassat från vecka 10."}),
        a2.model_copy(update={"status": ActionStatus.ONGOING, "comment": "Utredningen klar; samtalen fortsätter."}),
        a3.model_copy(update={"status": ActionStatus.DONE, "comment": "Båda föräldrarna gick hela kursen."}),
        a4.model_copy(update={"status": ActionStatus.DONE, "comment": "Åsa valde teatergruppen."}),
    ]
    sip.summary = "Planen följs; skolan och BUP fortsätter, föräldrastödet är avslutat."
    sip.child_summary = "Det går bättre. Skolan och BUP fortsätter att hjälpa dig."
    sip.child_understood = ChildUnderstood.WANTS_MORE
    sip.child_understood_note = "Åsa vill veta mer om vad utredningen betyder."
    sip.missing_actors = ""
    sip.child_view = "Det är bättre nu, men jag vill fortfarande börja senare."
    sip.guardians_view = "Vi ser att det går framåt."
    sip.next_meeting = NextMeeting(
        start=datetime(2026, 5, 26, 13, 0, tzinfo=STOCKHOLM), place="Kometskolan, konferensrummet",
        attendees=["Mia Öberg", "Emre Şahin", "Åsa Öberg-Şahin", "Karin Lund", "Łukasz Wójcik"],
        kind=MeetingKind.CLOSING,
    )
    _ran(meeting, {"family_story": 2, "professionals_report": 3}, skipped=("new_participants",))
    case.adopt(meeting)
    return meeting


def closing_meeting(case: Case, follow_up: Meeting) -> Meeting:
    attendance = [p for p in people() if p.name not in ("Sara Lind", "Jonas Berg", "Đorđe Đorđević")]
    meeting = plan_meeting(
        case, MeetingKind.CLOSING, datetime(2026, 5, 26, 13, 0, tzinfo=STOCKHOLM),
        place="Kometskolan, konferensrummet", attendance=attendance,
    )
    meeting.id = _id(103)
    sip = follow_up.sip.model_copy(deep=True)
    meeting.sip = sip
    sip.family_story = "Åsa går till skolan varje dag och sover bra de flesta nätter."
    sip.professionals_story = "Skolan och BUP ser att anpassningarna räcker; samtalen på BUP avslutas i juni."
    sip.reflection = "Insatserna har gett effekt; samordningen gjorde skillnad."
    g1, g2, g3 = sip.goals
    sip.goals = [
        g1.model_copy(update={"status": GoalStatus.REACHED, "evaluation": "Full närvaro sedan april."}),
        g2.model_copy(update={"status": GoalStatus.REACHED, "evaluation": "Sover bra de flesta nätter."}),
        g3,
    ]
    sip.evaluation_family = "Det var skönt att alla satt i samma rum. Lotsen hjälpte oss hela vägen."
    sip.evaluation_network = "Lotsprocessen gav en gemensam bild tidigt och kortare väntan på BUP."
    sip.if_worse = "Familjen kontaktar i första hand elevhälsan på Kometskolan, som kallar till ett nytt SIP-möte vid behov."
    sip.summary = "Målen är nådda. Skolan fortsätter med anpassad studiegång; BUP avslutar samtalen i juni."
    sip.child_summary = "Du har nått dina mål. Skolan fortsätter som nu, och samtalen på BUP slutar i juni."
    sip.child_understood = ChildUnderstood.UNDERSTOOD
    sip.child_understood_note = ""
    sip.next_meeting = NextMeeting()
    sip.child_participation = ChildParticipation.PART
    sip.child_absence_reason = "Åsa var med under berättelserna och den gemensamma reflektionen."
    sip.child_view = "Jag vill fortsätta med teatern."
    sip.guardians_view = "Vi är nöjda och vet vem vi ska ringa."
    _ran(meeting, {"reflection": 5})
    case.adopt(meeting)
    return meeting


def process() -> tuple[Case, Meeting, Meeting, Meeting]:
    case = rich_case()
    first = first_meeting(case)
    follow_up = follow_up_meeting(case, first)
    return case, first, follow_up, closing_meeting(case, follow_up)
