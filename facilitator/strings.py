"""Every Swedish word the user sees, in one place.

Wording follows the meeting routine (mötesrutiner) and the Lotsmodellen manual.
User text is never formatted into these as markup: screens pass it as plain text.
"""

from __future__ import annotations

from datetime import date, datetime

from facilitator.agenda.models import (
    ActionStatus,
    Authority,
    GoalHorizon,
    MeetingKind,
    MeetingStatus,
    Role,
)
from facilitator.agenda.workdays import ProcessWarning, WarningCode

APP_TITLE = "Lotsmöte"

MEETING_KIND = {
    MeetingKind.FIRST: "Inledande möte",
    MeetingKind.FOLLOW_UP: "Uppföljande möte",
    MeetingKind.CLOSING: "Avslutande möte",
}

MEETING_STATUS = {
    MeetingStatus.PLANNED: "planerat",
    MeetingStatus.RUNNING: "pågår",
    MeetingStatus.FINISHED: "avslutat",
}

ROLE = {
    Role.INITIATOR: "initiativtagare",
    Role.FACILITATOR: "samtalsledare",
    Role.SECRETARY: "sekreterare",
    Role.NAVIGATOR: "lots",
    Role.PROFESSIONAL: "verksamhetsaktör",
    Role.GUARDIAN: "vårdnadshavare",
    Role.CHILD: "barn/ungdom",
    Role.PRIVATE_NETWORK: "privat nätverk",
}

AUTHORITY = {
    Authority.REGION: "region",
    Authority.KOMMUN: "kommun",
    Authority.OTHER: "annan",
}

ACTION_STATUS = {
    ActionStatus.PLANNED: "planerad",
    ActionStatus.ONGOING: "pågår",
    ActionStatus.DONE: "klar",
    ActionStatus.NOT_RELEVANT: "ej aktuell",
}

GOAL_HORIZON = {
    GoalHorizon.SHORT: "kort sikt",
    GoalHorizon.LONG: "lång sikt",
}

# SIP sections, in the order of the routine.
SIP_TITLE = "Samordnad individuell plan (SIP)"
SIP_FOLLOW_UP_TITLE = "Uppföljning SIP"
SECTION_QUESTION = "Frågeställning"
SECTION_PURPOSE = "Mötets syfte"
SECTION_PARTICIPANTS = "Deltagare"
SECTION_CONSENT = "Samtycke till informationsöverföring"
SECTION_CURRENT = "Nulägesbeskrivning"
SECTION_FAMILY_STORY = "Familjens berättelse"
SECTION_PROFESSIONALS_STORY = "Professionernas berättelse"
SECTION_NOTES = "Frågestund"
SECTION_GOALS = "Mål"
SECTION_ACTIONS = "Insatser"
SECTION_NAVIGATOR = "Lots"
SECTION_LEAD = "Huvudansvarig huvudman"
SECTION_PARTICIPATION = "Barnets delaktighet"
SECTION_VIEWS = "Uppfattning om föreslagna insatser"
SECTION_REFLECTION = "Gemensam reflektion"
SECTION_IF_WORSE = "Om bekymmer uppstår igen"
SECTION_NEXT = "Uppföljning"
SECTION_SIGNATURES = "Underskrifter"
SECTION_TIMES = "Planerad och faktisk tid"

LABEL_CHILD = "Barn/ungdom"
LABEL_GUARDIANS = "Vårdnadshavare"
LABEL_DATE = "Datum"
LABEL_PLACE = "Plats"
LABEL_REVISION = "Revision"
LABEL_CHILD_VIEW = "Barnets uppfattning"
LABEL_GUARDIANS_VIEW = "Vårdnadshavarnas uppfattning"
LABEL_CHILD_TOOK_PART = "Barnet deltog i mötet"
LABEL_CHILD_ABSENT = "Barnet deltog inte i mötet. Skäl"
LABEL_NEXT_ATTENDEES = "Deltar nästa gång"
LABEL_NEXT_START = "Nästa möte"
LABEL_GIVEN_BY = "Lämnat av"
LABEL_COVERS = "Omfattar"
LABEL_REVOKED = "Återkallat"
LABEL_REVOKED_WHOLE = "helt"
LABEL_PRESENT = "närvarande"
LABEL_ABSENT = "frånvarande"
LABEL_PLANNED = "planerat"
LABEL_ACTUAL = "faktiskt"
NOT_STATED = "Ej angivet"
NONE_YET = "Inga ännu"
CONFIDENTIAL = "Handlingen innehåller uppgifter som omfattas av sekretess."

ACTION_COLUMNS = ("Vad", "Vem", "Verksamhet", "Huvudman", "Klart senast", "Status")

# Start screen.
START_TITLE = "Ärenden och möten"
START_EMPTY = "Inga möten ännu. Starta demoärendet med: facilitator demo"
START_RUNNING = "Pågående möte: {kind} för {child}, {when}"
START_COLUMNS = ("Datum", "Möte", "Status", "Barn/ungdom")
AGENDA_HEADING = "Dagordning"
MINUTES_SHORT = "min"
KEY_QUIT = "Avsluta"
KEY_PALETTE = "Kommandon"


def when(moment: datetime) -> str:
    """A meeting time as Swedes write it: 2026-01-13 kl. 09.00."""
    return f"{moment:%Y-%m-%d} kl. {moment:%H.%M}"


def day(value: date | None) -> str:
    return value.isoformat() if value else NOT_STATED


def process_warning(warning: ProcessWarning) -> str:
    """The warning in one Swedish sentence."""
    match warning.code:
        case WarningCode.FIRST_MEETING_LATE:
            return (
                f"Första mötet ({warning.subject}) ligger mer än 15 arbetsdagar efter "
                f"kallelsen ({warning.previous}); senast {warning.limit} enligt rutinen."
            )
        case WarningCode.NEXT_MEETING_TOO_SOON:
            return (
                f"Nästa möte ({warning.subject}) ligger mindre än 4 veckor efter "
                f"mötet {warning.previous}; tidigast {warning.limit} enligt rutinen."
            )
        case WarningCode.NEXT_MEETING_TOO_LATE:
            return (
                f"Nästa möte ({warning.subject}) ligger mer än 16 veckor efter "
                f"mötet {warning.previous}; senast {warning.limit} enligt rutinen."
            )
        case WarningCode.MANY_MEETINGS:
            return (
                f"Lotsprocessen har {warning.subject} möten, fler än {warning.limit}. "
                "Överväg om det är dags att avsluta."
            )
    raise ValueError(warning.code)
