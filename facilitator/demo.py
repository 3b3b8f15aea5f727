"""A fictional demo case, ready for a first meeting. Every name here is invented."""

from __future__ import annotations

from datetime import datetime, timedelta

from facilitator.agenda.clock import Clock, from_ns
from facilitator.agenda.meetings import plan_meeting
from facilitator.agenda.models import (
    Authority,
    Case,
    Child,
    Guardian,
    Meeting,
    MeetingKind,
    Organisation,
    Person,
    Role,
)
from facilitator.store import NotFound, Store

DEMO_CASE_ID = "de000000000000000000000000000001"
DEMO_MEETING_ID = "de000000000000000000000000000101"


KALLELSE_BEFORE = timedelta(weeks=5)
"""The demo's kallelse, with the consent signed in it, was received five weeks before
its first meeting: at least 19 working days in any five weeks of the year, so the
meeting keeps the rule of at least 15 (tests/test_workdays.py checks it)."""


def _next_quarter(moment: datetime) -> datetime:
    moment = moment.replace(second=0, microsecond=0)
    return moment + timedelta(minutes=(15 - moment.minute % 15) % 15 or 15)


def demo_case(now: datetime) -> tuple[Case, Meeting]:
    case = Case(
        id=DEMO_CASE_ID,
        child=Child(name="Elsa Åkesson", birth_year=now.year - 12),
        guardians=[
            Guardian(name="Maria Åkesson", contact="070-123 45 67"),
            Guardian(name="Jonas Åkesson", contact="070-765 43 21"),
        ],
        question=(
            "Elsa har haft svårt att gå till skolan sedan höstlovet och har mycket oro "
            "på kvällarna. Familjen vill att skola, socialtjänst och BUP samordnar sitt stöd."
        ),
        kallelse_date=(now - KALLELSE_BEFORE).date(),
        organisations=[
            Organisation(
                name="Solbackens skola, elevhälsan",
                authority=Authority.KOMMUN,
                body="Exempelby kommun, barn- och utbildningsnämnden",
            ),
            Organisation(
                name="Socialtjänsten, familjeenheten", authority=Authority.KOMMUN, body="Exempelby kommun, socialnämnden"
            ),
            Organisation(name="BUP Öst", authority=Authority.REGION, body="Region Exempel"),
            Organisation(name="Fritidsgården Kometen", authority=Authority.KOMMUN, body="Exempelby kommun, kultur- och fritidsnämnden"),
        ],
        created_at=now,
    )
    case.give_consent(
        ["Solbackens skola, elevhälsan", "Socialtjänsten, familjeenheten", "BUP Öst"],
        (now - KALLELSE_BEFORE).date(),
        question="Samordning av stöd kring Elsas skolgång och mående.",
    )
    attendance = [
        Person(name="Maria Åkesson", organisation="", roles=[Role.GUARDIAN]),
        Person(name="Jonas Åkesson", organisation="", roles=[Role.GUARDIAN]),
        Person(name="Elsa Åkesson", organisation="", roles=[Role.CHILD]),
        Person(
            name="Karin Öberg",
            organisation="Solbackens skola, elevhälsan",
            roles=[Role.INITIATOR, Role.FACILITATOR],
            contact="karin.oberg@solbacken.example",
        ),
        Person(
            name="Ana Đorđević",
            organisation="Socialtjänsten, familjeenheten",
            roles=[Role.SECRETARY, Role.PROFESSIONAL],
            contact="ana.dordevic@kommun.example",
        ),
        Person(
            name="Ahmed Şahin",
            organisation="BUP Öst",
            roles=[Role.PROFESSIONAL],
            contact="010-111 22 33",
        ),
        Person(
            name="Łukasz Nowak",
            organisation="Fritidsgården Kometen",
            roles=[Role.PROFESSIONAL],
            contact="073-555 66 77",
        ),
    ]
    meeting = plan_meeting(
        case,
        MeetingKind.FIRST,
        _next_quarter(now),
        place="Solbackens skola, konferensrummet",
        attendance=attendance,
    )
    meeting.id = DEMO_MEETING_ID
    case.adopt(meeting)
    return case, meeting


def ensure_demo(store: Store, clock: Clock) -> tuple[Case, bool]:
    """The demo case, created the first time. Returns it and whether it was new."""
    try:
        return store.load_case(DEMO_CASE_ID), False
    except NotFound:
        pass
    case, meeting = demo_case(from_ns(clock.wall_ns()))
    store.save_case(case)
    store.save_meeting(meeting, clock.wall_ns())
    return case, True
