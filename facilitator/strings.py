"""Every Swedish word the user sees, in one place.

Wording follows the meeting routine (mötesrutiner) and the Lotsmodellen manual.
User text is never formatted into these as markup: screens pass it as plain text.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from facilitator.agenda.kinds import (
    ActionStatus,
    Authority,
    CaseEventKind,
    CaseStatus,
    ChildParticipation,
    ChildUnderstood,
    GoalHorizon,
    GoalStatus,
    MeetingKind,
    MeetingStatus,
    MissingCode,
    Presence,
    Role,
)
from facilitator.agenda.workdays import (
    FIRST_MEETING_WORKING_DAYS,
    INTERVALS,
    Interval,
    ProcessWarning,
    Source,
    WarningCode,
)
from facilitator.agenda.workdays import meeting_window as workdays_window

if TYPE_CHECKING:
    from facilitator.agenda.errors import TemplateError
    from facilitator.agenda.models import Action

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
    Role.INTERPRETER: "tolk",
}

PRESENCE = {
    Presence.ON_SITE: "på plats",
    Presence.PHONE: "per telefon",
    Presence.VIDEO: "per video",
    Presence.LATE: "kom senare",
    Presence.LEFT_EARLY: "gick tidigare",
    Presence.ABSENT: "frånvarande",
}
"""How someone took part, as a choice and in a table."""
PRESENCE_AT = {Presence.LATE: "kom kl. {at}", Presence.LEFT_EARLY: "gick kl. {at}"}
"""The same, with the time someone came or left."""
PRESENCE_UNMARKED = "ej markerat"

CHILD_PARTICIPATION = {
    ChildParticipation.WHOLE: "Barnet deltog i hela mötet",
    ChildParticipation.PART: "Barnet deltog i en del av mötet",
    ChildParticipation.REMOTE: "Barnet deltog på distans",
    ChildParticipation.NONE: "Barnet deltog inte",
}
"""How the child took part: the choice in Sammanfattning."""

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

GOAL_STATUS = {
    GoalStatus.IN_PROGRESS: "pågår",
    GoalStatus.REACHED: "uppnått",
    GoalStatus.PARTLY_REACHED: "delvis uppnått",
    GoalStatus.NOT_REACHED: "inte uppnått",
    GoalStatus.DROPPED: "inte längre aktuellt",
}
GOAL_NOT_EVALUATED = "ej bedömt"

# SIP sections, in the order of the routine.
SIP_TITLE = "Samordnad individuell plan (SIP)"
SIP_FOLLOW_UP_TITLE = "Uppföljning SIP"
SIP_CLOSING_TITLE = "SIP – avslutande möte"
SECTION_QUESTION = "Frågeställning"
SECTION_PURPOSE = "Mötets syfte"
SECTION_PARTICIPANTS = "Deltagare"
SECTION_CONSENT = "Samtycke till informationsöverföring"
SIP_LEGAL_BASIS = (
    "Samordnad individuell plan enligt 10 kap. 8 § socialtjänstlagen (2025:400) och "
    "16 kap. 4 § hälso- och sjukvårdslagen (2017:30)"
)
SECTION_COPIES = "Kopior och original"
LABEL_COPIES_TO = "Kopia lämnas till"
LABEL_ORIGINAL_KEPT = "Den underskrivna originalhandlingen förvaras hos"
COPIES_NONE = "ingen"
COPY_ORGANISATION = "{name}, {organisation}"
CONSENT_GIVEN = "{name}, {on}"
CONSENT_GIVEN_CHILD = "{name} (barnet), {on}"
CONSENT_NOT_GIVEN = "{name} har inte lämnat samtycke"
LABEL_WIDENED = "Utvidgat"
CONSENT_WIDENED_ITEM = "{on}: {organisation}, efter medgivande av {who}"
CONSENT_WIDENED_ITEM_ANON = "{on}: {organisation}"
REVOKED_ITEM = "{organisation} ({by})"
REVOKED_BY = "av {by}"
ACTION_CONSENT_REVOKED = "samtycket återkallat"
PERSON_CONSENT_REVOKED = "samtycket återkallat {on}"
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
SECTION_INTRODUCTIONS = "Presentationsrunda"
LABEL_INTRODUCTIONS = "Anteckningar från presentationsrundan"
SECTION_TIMES = "Planerad och faktisk tid"
# The SIP on paper: contacts, consent, goals at follow-up, the close.
SECTION_CONTACTS = "Kontaktuppgifter"
CONTACT_COLUMNS = ("Namn", "Titel", "Verksamhet", "Roll", "Telefon och e-post")
LABEL_CONSENT_QUESTION = "Gäller frågeställningen"
LABEL_CONSENT_PERIOD = "Giltighet"
CONSENT_PERIOD = "från {on} under hela lotsprocessen, om det inte återkallas"
CONSENT_REVOCABLE = (
    "Barnet och vårdnadshavarna kan när som helst återkalla samtycket, helt eller för en "
    "enskild verksamhet."
)
GOAL_COLUMNS = ("Mål", "Sikt", "Status", "Utvärdering")
SECTION_ACTIONS_OF = "{authority} ansvarar för"
ACTIONS_WITHOUT_AUTHORITY = "Insatser utan angiven huvudman"
ACTION_PAPER_COLUMNS = ("Vad", "Vem", "Klart senast", "Status", "Kommentar")
LABEL_NAVIGATOR_VIEW = "Familjens synpunkter på valet av lots"
SECTION_SUMMARY = "Sammanfattning"
LABEL_MISSING_ACTORS = "Saknas någon aktör som bör kallas?"
SECTION_EVALUATION = "Utvärdering av lotsprocessen"
LABEL_EVALUATION_FAMILY = "Barnets och vårdnadshavarnas utvärdering"
LABEL_EVALUATION_NETWORK = "Det professionella nätverkets utvärdering"
SECTION_CLOSE = "Lotsprocessen avslutas"
CLOSE_STATEMENT = (
    "Lotsprocessen är avslutad. Respektive verksamhet fortsätter att arbeta utifrån de "
    "beslut som fattats och skrivits ned i denna SIP."
)
GOAL_STATUS_TITLE = "Målen följs upp"
GOAL_STATUS_HINT = "Enter på ett mål: följ upp det (status och utvärdering) · Delete ta bort · Ctrl+N nytt mål"
GOAL_STATUS_EDIT = "Följ upp målet"
LABEL_GOAL_STATUS = "Status"
LABEL_GOAL_EVALUATION = "Utvärdering"
CHOOSE_GOAL_STATUS = "Välj status"
LEAD_ONLY_KOMMUN_OR_REGION = "Huvudansvarig huvudman kan bara vara kommunen eller regionen."
AUTHORITY_MISSING = "saknas"

LABEL_CHILD = "Barn/ungdom"
LABEL_MEETING = "Möte"
PARTICIPANT_COLUMNS = ("Namn", "Verksamhet", "Roll", "Deltog")
AUTHORITY_LONG = {
    Authority.REGION: "Regionen",
    Authority.KOMMUN: "Kommunen",
    Authority.OTHER: "Annan aktör",
}
SECTION_CHANGES = "Förändringar sedan förra revisionen"
CHANGE_GOAL_ADDED = "Nytt mål"
CHANGE_GOAL_REMOVED = "Mål som tagits bort"
CHANGE_ACTION_ADDED = "Ny insats"
CHANGE_ACTION_REMOVED = "Insats som tagits bort"
NO_CHANGES = "Inga förändringar av mål eller insatser."
MISSING_PREFIX = "Saknas"
LOTS_SINCE = "Lots från {on}: {name}, {organisation}"
SIGNATURE_PLACE_DATE = "Ort och datum"
PAGE_OF = "Sida {page} av {pages}"
ICS_SUMMARY = "Lotsmöte: {kind}"
ICS_DESCRIPTION = "{kind} enligt SIP. Underlaget finns hos lotsen."
LABEL_GUARDIANS = "Vårdnadshavare"
LABEL_DATE = "Datum"
LABEL_PLANNED_FOR = "Planerat till"
LABEL_HELD = "Hölls"
NOT_HELD_YET = "inte ännu"
LABEL_PLACE = "Plats"
LABEL_REVISION = "Revision"
LABEL_CHILD_VIEW = "Barnets uppfattning"
LABEL_GUARDIANS_VIEW = "Vårdnadshavarnas uppfattning"
CHILD_PARTICIPATION_PAPER = {
    ChildParticipation.WHOLE: "Barnet deltog i hela mötet.",
    ChildParticipation.PART: "Barnet deltog i en del av mötet.",
    ChildParticipation.REMOTE: "Barnet deltog på distans.",
    ChildParticipation.NONE: "Barnet deltog inte i mötet.",
}
"""How the child took part, on the SIP."""
CHILD_PARTICIPATION_WORDS = {
    ChildParticipation.PART: "Barnet deltog i en del av mötet: {words}",
    ChildParticipation.NONE: "Barnet deltog inte i mötet. Skäl: {words}",
}
"""The same with the secretary's words: which part, or why not."""
CHILD_INFORMED_PAPER = {
    ChildUnderstood.UNDERSTOOD: "Barnet fick veta vad som bestämdes och förstod det (3 kap. 3 § socialtjänstlagen).",
    ChildUnderstood.WANTS_MORE: "Barnet fick veta vad som bestämdes och vill veta mer (3 kap. 3 § socialtjänstlagen).",
    ChildUnderstood.NOT_THERE: "Barnet var inte med när det bestämdes; det ska berättas för barnet (3 kap. 3 § socialtjänstlagen).",
}
"""How the child was told what was decided, on the SIP: one line after how it took part."""
LABEL_CHILD_VIEW_RELAYED = "Barnets uppfattning, framförd av {who}"
CHILD_UNDERSTOOD = {
    ChildUnderstood.UNDERSTOOD: "Förstod",
    ChildUnderstood.WANTS_MORE: "Vill veta mer",
    ChildUnderstood.NOT_THERE: "Var inte med",
}
"""Whether the child was told and understood: the choice in Sammanfattning."""
CALLED_NEXT = "{who} (kallas)"
ORAL_APPROVAL = "Godkänt muntligt {on}, antecknat av {by}"
ORAL_BY_SECRETARY = "sekreteraren"
ORAL_APPROVAL_BLANK = "Godkänt muntligt den ________, antecknat av ________"
LABEL_APPROVED_ORALLY = "har godkänt muntligt"
LABEL_NEXT_ATTENDEES = "Deltar nästa gång"
LABEL_CALLED = "kallas, var inte här"
NEXT_ATTENDEES_HINT = (
    "Enter väljer den som var här · Enter på en kallad ändrar · Delete tar bort en kallad · "
    "Ctrl+N kalla någon som inte var här"
)
KEY_CALL = "Kalla"
LABEL_SIGNED = "har skrivit under"
LABEL_NOT_SIGNED = "har inte skrivit under än"
LABEL_NEXT_START = "Nästa möte"
LABEL_GIVEN_BY = "Lämnat av"
LABEL_COVERS = "Omfattar"
LABEL_REVOKED = "Återkallat"
LABEL_REVOKED_WHOLE = "helt"
LABEL_PLANNED = "planerat"
LABEL_ACTUAL = "faktiskt"
NOT_STATED = "Ej angivet"
NONE_YET = "Inga ännu"
CONFIDENTIAL = "Handlingen innehåller uppgifter som omfattas av sekretess."

ACTION_COLUMNS = ("Vad", "Vem", "Verksamhet", "Huvudman", "Klart senast", "Status")
ACTION_SCREEN_COLUMNS = ("Vad", "Vem", "Huvudman", "Klart senast", "Status")

# Layout of the printed documents (PDF, DOCX, Markdown): the mark of a recorded
# signature, and planned against actual minutes drawn as bars.
BAR_COLUMNS = ("Steg", "Planerat", "Omplanerat", "Faktiskt", "Stapel")
BAR_PLANNED = "Planerat"
BAR_REPLANNED = "Omplanerat"
BAR_ACTUAL = "Faktiskt"
BAR_OVER = "Över planerad tid"
BAR_NOT_RUN = "genomfördes inte"
BAR_MINUTES = "{minutes} min"
BAR_TEXT_LEGEND = (
    "█ faktisk tid inom den planerade · ░ planerad tid som inte användes · "
    "▓ faktisk tid utöver den planerade"
)

# Start screen.
START_TITLE = "Ärenden och möten"
START_EMPTY = "Inga möten ännu. N lägger upp ett nytt ärende; demoärendet öppnas med: facilitator demo"
START_RUNNING = "Pågående möte: {kind} för {child}, {when}"
START_COLUMNS = ("Datum", "Möte", "Status", "Barn/ungdom")
AGENDA_HEADING = "Dagordning"
MINUTES_SHORT = "min"
KEY_QUIT = "Avsluta"
KEY_PALETTE = "Kommandon"


# Keys (footer and help). The secretary types, so actions sit on function keys.
KEY_HELP = "Hjälp"
KEY_ATTENDANCE = "Närvaro"
KEY_PREVIOUS = "Föregående steg"
KEY_CLOSE_STEP = "Nästa steg"
KEY_TOGGLE = "Start/paus"
KEY_ADD_MINUTE = "+1 min"
KEY_REBALANCE = "Fördela om"
KEY_ROOM = "Rumsvy"
KEY_SAVE = "Spara"
KEY_BACK_TO_CURRENT = "Till pågående steg"
KEY_PALETTE_LONG = "Kommandon: alla funktioner med namn"
KEY_QUIT_LONG = "Avsluta (inget går förlorat)"
KEY_CLOSE = "Stäng"
KEY_CLOSE_LIST = "Stäng listan"
HELP_QUIT_TITLE = "Vill du avsluta?"
HELP_QUIT = "Tryck {key} för att avsluta. Inget går förlorat."
KEY_CANCEL = "Avbryt"
KEY_SAVE_DIALOG = "Spara"
KEY_CHOOSE = "Välj"
KEY_ADD = "Ny"
KEY_ADD_ROW = "Ny rad i stegets lista"
KEY_EDIT = "Ändra"
KEY_REMOVE = "Ta bort"
KEY_TOGGLE_PRESENT = "På plats eller frånvarande"
KEY_FINISH_MEETING = "Avsluta mötet"
KEY_BACK = "Tillbaka"
KEY_TO_START = "Lämna mötet"
KEY_BACK_TO_START = "Till startsidan"
LEAVE_QUESTION = (
    "Lämna mötet och gå till startsidan? Allt är sparat, och mötet står först i listan "
    "när du vill öppna det igen."
)
LEAVE_QUESTION_RUNNING = "Tiden för steget går just nu."
LEAVE_PAUSE = "Pausa tiden och lämna"
LEAVE_RUNNING = "Låt tiden gå och lämna"
LEAVE_PAUSED = "Lämna mötet"
LEAVE_STAY = "Stanna kvar"
KEY_OPEN = "Öppna möte"
KEY_NEW_CASE = "Nytt ärende"
KEY_NEW_MEETING = "Nytt möte"
KEY_EDIT_CASE = "Ändra ärende"
KEY_DELETE_CASE = "Ta bort ärende"
DELETE_CASE_QUESTION = (
    "Ta bort ärendet för {child} med {meetings}, alla SIP-versioner och de filer som "
    "exporterats från dem? Texten raderas från disken och kan inte återställas."
)
DELETE_CASE_YES = "Ta bort ärendet"
CASE_DELETED = (
    "Ärendet för {child} är borttaget, och {files} exporterade filer i export/ (filer som "
    "sparats någon annanstans med -o finns kvar)."
)
CASE_NOT_WIPED = (
    "Ett annat program har databasen öppen, så texten är inte raderad från disken än; det "
    "blir den när programmet stänger filen."
)
CASE_OPEN = (
    "Ärendet för {child} har ett möte som är öppet för att skriva i ett annat fönster, så "
    "det tas inte bort. Stäng mötet där först."
)

# The command palette: action name → (name, help).
PALETTE = {
    # action id, or (action id, argument) → (name, what it does); the key is added from
    # the screen's own binding.
    "help": ("Hjälp", "Alla tangenter och vad det här steget är till för"),
    "attendance": ("Närvarolista", "Lägg till, ändra eller ta bort deltagare"),
    "previous_step": ("Föregående steg", "Gå tillbaka till förra steget och öppna det igen"),
    "close_step": ("Stäng steget och starta nästa", "Stäng det här steget"),
    "toggle_timer": ("Starta eller pausa timern", "Starta eller pausa stegets tid"),
    "add_minute": ("En minut till", "Ge det här steget en minut till"),
    "rebalance": ("Fördela om resterande tid", "Fördela tiden så att mötet slutar i tid"),
    "room": ("Rumsvy", "Stor dagordning och timer för rummet, utan redigering"),
    "child_room": (
        "Barnets vy i rumsvyn",
        "Alla rumsvyer visar steget med ord för barnet och tiden som en stapel; igen: dagordningen",
    ),
    "save": ("Spara nu", "Allt sparas ändå hela tiden"),
    "review": ("Granska SIP", "Alla delar av SIP och vad som saknas"),
    "back_to_current": ("Till pågående steg", "Tillbaka till steget där tiden går"),
    ("export", "pdf"): ("Exportera SIP som PDF", "För utskrift och underskrift i rummet"),
    ("export", "docx"): ("Exportera SIP som Word-dokument", "För journalsystemet"),
    ("export", "md"): ("Exportera SIP som Markdown", "Ren text"),
    ("export", "ics"): ("Exportera kalenderinbjudan till nästa möte", "Utan personuppgifter"),
    ("export", "json"): ("Exportera ärendet som JSON", "Hela ärendet, för att flytta det"),
    "to_start": ("Lämna mötet", "Till startsidan; allt är sparat, tiden pausas eller går vidare"),
    "overview": ("Ärendeöversikt", "Möten, lots, samtycke, varningar och förändringar i SIP"),
    "delete_case": ("Ta bort ärende", "Ta bort det markerade ärendet med alla möten, efter en fråga"),
    "open": ("Öppna mötet", "Öppna det markerade mötet"),
    "new_case": ("Nytt ärende", "Lägg upp ett nytt ärende"),
    "new_meeting": ("Nytt möte", "Planera ett nytt möte i det markerade ärendet"),
    "edit_case": ("Ändra ärende", "Barn, vårdnadshavare, frågeställning, kallelse och samtycke"),
    "kallelse": (
        "Skriv kallelsen som PDF",
        "Kallelsen till ärendets nästa planerade möte, med sekretessmedgivandet",
    ),
}
DISCARD_QUESTION = "Stänga utan att spara? Det du har skrivit här sparas inte."
DISCARD_YES = "Stäng utan att spara"
DISCARD_NO = "Fortsätt skriva"
PALETTE_PLACEHOLDER = "Sök bland kommandona …"
PALETTE_NO_MATCH = "Inget kommando heter så"
PALETTE_NO_MATCH_HELP = "Skriv en del av kommandots namn, eller Esc för att stänga."
CMD_THEME_CONTRAST = "Hög kontrast för projektor"
CMD_THEME_DEFAULT = "Standardtema"
CMD_THEME_HELP = "Byt tema; valet sparas till nästa gång"
CMD_QUIT = "Avsluta"
CMD_QUIT_HELP = "Avsluta programmet (allt är sparat)"

# The meeting screen.
PLANNED_END = "Slut"
PROJECTED_END = "beräknat"
TIMER_NOT_STARTED = "Ej startad – F5 startar"
TIMER_PAUSED = "Pausad – F5 fortsätter"
TIMER_RUNNING = "Kvar av steget"
TIMER_OVERRUN = "Över tiden"
TIMER_FINISHED = "Mötet är avslutat"
TIMER_STARTED = "Tiden går."
TIMER_PAUSED_NOTE = "Tiden är pausad."
TIME_UP = "Tiden för steget är slut. Tryck F4 för att stänga steget (F8 ger en minut till)."
VIEWING_OTHER_STEP = "Du fyller i ett tidigare steg. Tiden går i steg {step}. Esc går tillbaka."
MINUTE_ADDED = "En minut till på steget."
REBALANCED = "Resterande steg har fått ny tid så att mötet slutar i tid."
NOTHING_TO_REBALANCE = "Det finns inga fler steg att fördela tid på."
NO_EARLIER_STEP = "Det finns inget tidigare steg."
SAVED_AT = "Sparat {time}"
SAVED_NOW = "Sparat."
SAVE_FAILED = "EJ SPARAT"
SAVE_FAILED_BANNER = (
    "Det går inte att spara: {reason} Inget av det du skrivit är borta – det finns kvar "
    "i programmet och sparas så snart det går. Försöker igen varje sekund."
)
SAVE_FAILED_REASON = {
    "locked": "databasen är låst av ett annat program.",
    "full": "disken är full.",
    "readonly": "mappen eller filen går inte att skriva till.",
    "missing": "mappen med data finns inte längre.",
    "io": "disken svarar inte som den ska.",
    "other": "ett oväntat fel vid skrivningen.",
}
OTHER_DAY = (
    "Mötet är planerat till {day}, inte i dag. Öppna och hålla det ändå nu? SIP:en får "
    "dagens datum, {today}."
)
OTHER_DAY_YES = "Öppna mötet nu"
BOOKED_NEXT = "Nästa möte är planerat: {kind} {when}. Det står i listan på startsidan."
FINISHED_BANNER = (
    "Mötet är avslutat och SIP:en undertecknad. Här kan inget ändras. F3 öppnar mötet igen "
    "för ändringar, efter en fråga."
)
REOPEN_QUESTION = (
    "Öppna det avslutade mötet igen för ändringar? Underskrifterna gäller inte längre och tas "
    "bort, så SIP:en behöver skrivas under på nytt. Det antecknas med dagens datum i ärendets "
    "historik."
)
REOPEN_YES = "Öppna mötet igen"
REOPENED = "Mötet är öppet igen. Underskrifterna är borttagna; tiden står stilla tills F5."
REOPEN_OPEN_ELSEWHERE = "Mötet är öppet i ett annat fönster och kan inte öppnas igen här."
HISTORY = {
    CaseEventKind.REOPENED: "Mötet {meeting} öppnades igen för ändringar; underskrifterna togs bort.",
    CaseEventKind.CONSENT_WIDENED: "Samtycket utvidgades på mötet {meeting}.",
    CaseEventKind.CONSENT_REVOKED: "Samtycket återkallades.",
    CaseEventKind.KALLELSE_SENT: "Kallelsen till mötet {meeting} skickades.",
}
OVERVIEW_HISTORY = "Historik"
READ_ONLY_BANNER = "Skrivskyddat: mötet är öppet för att skriva i ett annat fönster. Här kan inget ändras."
ALREADY_OPEN = (
    "Mötet är redan öppet för att skriva i ett annat fönster. Bara ett fönster i taget kan "
    "skriva i ett möte, så att inget skrivs över. Vill du öppna det skrivskyddat?"
)
OPEN_READ_ONLY = "Öppna skrivskyddat"
STORE_PROBLEM = "Det gick inte att läsa eller spara: {problem}"
UNREADABLE_REASON = {
    "not_ours": "filen är inte programmets databas (den är skapad av ett annat program, eller är ingen databas).",
    "newer": "filen är skapad av en nyare version av programmet.",
    "damaged": "filen är skadad.",
    "no_wal": "filen ligger där programmet inte kan skriva på sitt vanliga sätt (till exempel en nätverksenhet).",
    "empty": "filen är tom (0 byte); den görs inte om till en ny databas utan att du ber om det.",
}
STORE_NOT_FOUND = "det som skulle öppnas finns inte längre."
STORE_CASE_OPEN = "ett möte i ärendet är öppet i ett annat fönster."
STORE_OTHER = "ett oväntat fel i databasen."
EXPORT_PROBLEM_OS = {
    "full": "disken är full.",
    "readonly": "mappen går inte att skriva till.",
    "missing": "mappen finns inte.",
}
UNREADABLE_TITLE = "Databasen går inte att läsa"
UNREADABLE_WHERE = "Fil: "
UNREADABLE_PROBLEM = "Problem: "
UNREADABLE_WHAT = (
    "Filen ändras inte. Du kan avsluta och be någon med IT-kunskap titta på den, eller flytta "
    "undan den (den får ett nytt namn med datum och tid och finns kvar) och börja med en tom databas."
)
UNREADABLE_NEWER = (
    "Filen är skapad av en nyare version av programmet. Uppdatera programmet för att öppna den. "
    "Filen ändras inte."
)
UNREADABLE_KEEP = "Avsluta utan att ändra något"
UNREADABLE_MOVE = "Flytta undan och börja om"
UNREADABLE_MOVED = "Den oläsbara filen finns kvar som {path}. En ny, tom databas används nu."
SERVE_TITLE = "Lotsmöte – rumsvy"
SERVE_OPENING = "Rumsvyn öppnas …"
SERVE_CLOSED = "Rumsvyn är stängd."
SERVE_REOPEN = "Öppna igen"
SERVE_REFUSED = "Åtkomst nekad: använd hela adressen som facilitator serve skrev ut."
SERVE_FULL = "Rumsvyn visas redan för {count} tittare, så fler släpps inte in."
SERVE_AT = "Rumsvyn finns på {url}  (bara med hela adressen)"
SERVE_NETWORK_WARNING = (
    "Varning: rumsvyn nås från nätverket. Den visar personuppgifter om barnet och mötet; "
    "den som har adressen och når datorn kan se den. Öppna på projektorns dator:"
)
SERVE_HOW_TO_STOP = "Högst {count} tittare samtidigt. Ctrl+C avslutar."
SERVE_BAD_PORT = "porten {port} ligger inte mellan 1 och 65535"
SERVE_BAD_VIEWERS = "antalet tittare måste vara mellan 1 och 20"
SERVE_PORT_TAKEN = "porten {port} används redan av ett annat program; välj en annan med --port"

# The command line (cli.py): help, messages and errors, each one line.
CLI_DESCRIPTION = (
    "Lotsmöte: en tidsatt dagordning på projektorn och SIP:en som skrivs under mötet. "
    "Utan kommando öppnas programmet."
)
CLI_USAGE = "användning: "
CLI_COMMANDS_TITLE = "kommandon"
CLI_ARGUMENTS_TITLE = "argument"
CLI_OPTIONS_TITLE = "flaggor"
CLI_HELP_HELP = "visa den här hjälpen och avsluta"
CLI_VERSION_HELP = "visa programmets version och avsluta"
CLI_DATA_DIR_HELP = (
    "mappen med databasen (standard: $FACILITATOR_DATA_DIR eller användarens datamapp)"
)
CLI_DEMO_HELP = "lägg upp det påhittade demoärendet (en gång) och öppna det"
CLI_LIST_HELP = "en rad per möte: id, datum, typ av möte, status och barn"
CLI_EXPORT_HELP = "skriv ett mötes SIP, kallelse, mötesrapport eller barnets plan till en fil"
CLI_EXPORT_DESCRIPTION = (
    "Skriv ett mötes SIP (standard), kallelsen med sekretessmedgivandet, mötesrapporten "
    "(planerad och faktisk tid per steg) eller barnets plan (en sida i enkla ord till barnet)."
)
CLI_MEETING_HELP = "mötets id (eller början av det, minst 4 tecken) eller latest för det senaste"
CLI_DOCUMENT_HELP = (
    "dokumentet: sip (standard), kallelse (med sekretessmedgivande), rapport "
    "(planerad och faktisk tid, för samtalsledaren) eller barn (barnets plan i enkla ord)"
)
CLI_FORMAT_HELP = (
    "filformatet: pdf (standard), docx, md, json eller ics; json och ics bara för sip, "
    "barnets plan bara pdf och md"
)
CLI_OUTPUT_HELP = (
    "var filen skrivs (standard: md, json och ics till terminalen, pdf och docx till en fil "
    "med mötets namn i den aktuella mappen)"
)
CLI_STRICT_HELP = (
    "avsluta med kod 2 i stället för att exportera när något saknas som lagen eller rutinen kräver"
)
CLI_IMPORT_HELP = "lägg till ett ärende från en JSON-fil gjord med export --format json"
CLI_FILE_HELP = "ärendefilen som ska läsas"
CLI_SCHEMA_HELP = "skriv ut JSON-schemat för ärendefilen"
CLI_ROOM_HELP = "skrivskyddad rumsvy för projektorn, som följer mötet"
CLI_ROOM_MEETING_HELP = "mötets id (standard: det pågående mötet)"
CLI_ROOM_CHILD_HELP = (
    "börja med barnets vy: steget med ord för barnet, stegen som tecken och tiden som en "
    "stapel (B byter vy)"
)
CLI_SERVE_HELP = "rumsvyn i en webbläsare"
CLI_HOST_HELP = "adressen att lyssna på (standard: 127.0.0.1)"
CLI_PORT_HELP = "porten att lyssna på (standard: 8000)"
CLI_VIEWERS_HELP = "högst så många webbläsare samtidigt (standard: 3)"
CLI_METAVAR = {
    "command": "KOMMANDO",
    "meeting": "MÖTE",
    "document": "DOKUMENT",
    "format": "FORMAT",
    "output": "SÖKVÄG",
    "data_dir": "MAPP",
    "file": "FIL.json",
    "host": "ADRESS",
    "port": "PORT",
    "max_viewers": "ANTAL",
}
CLI_SEE_HELP = "(se {prog} --help)"
CLI_UNKNOWN_COMMAND = "okänt kommando; välj ett av: {choices}"
CLI_BAD_CHOICE = "{option} ska vara ett av: {choices}"
CLI_NOT_A_NUMBER = "{option} ska vara ett heltal"
CLI_NEEDS_VALUE = "{option} behöver ett värde ({metavar})"
CLI_TAKES_NO_VALUE = "{option} tar inget värde"
CLI_UNKNOWN_ARGUMENTS = "okänt argument: {arguments}"
CLI_BAD_ARGUMENTS = "argumenten går inte att tolka"
CLI_MISSING_MEETING = "ange vilket möte: ett id som facilitator list skriver ut, eller latest"
CLI_MISSING_FILE = "ange vilken ärendefil som ska importeras"
CLI_EMPTY_DATA_DIR = "--data-dir är tom; ange en mapp, eller utelämna flaggan för standardplatsen"
CLI_NO_DATA = "det finns inga data i {folder} (börja med facilitator demo, eller ange --data-dir)"
CLI_NO_MEETINGS = "inga möten ännu (prova: facilitator demo)"
CLI_KIND = {
    MeetingKind.FIRST: "inledande",
    MeetingKind.FOLLOW_UP: "uppföljande",
    MeetingKind.CLOSING: "avslutande",
}
"""A meeting's kind in one word: in ``list`` and, without å ä ö, in file names."""
FILE_PREFIX = {"sip": "SIP", "kallelse": "Kallelse", "rapport": "Mötesrapport", "barn": "Barnets plan"}
"""How an exported file's name begins (written without å ä ö)."""
CLI_WROTE = "Sparade {path}"
CLI_IMPORTED = "Importerade ärendet med {meetings}"
DOCUMENT_NAME = {"sip": "SIP:en", "kallelse": "kallelsen", "rapport": "mötesrapporten", "barn": "barnets plan"}
CLI_NOT_COMPLETE = "{document} är inte komplett, det saknas: {missing}"
CLI_UNPRINTABLE = "{document} kan inte skrivas ut som den är: inget typsnitt har {chars} (tecknen blir \"?\")"
REVIEW_UNPRINTABLE = "PDF:en har inget typsnitt för {chars}: tecknen skrivs som \"?\"."
CLI_NO_NEXT_MEETING = "SIP:en har inget datum för nästa möte, så det finns ingen kalenderinbjudan"
CLI_ONLY_SIP = "--format {format} finns bara för sip; kallelse och rapport skrivs som pdf, docx eller md"
CLI_CHILD_PLAN_FORMATS = "--format {format} finns inte för barnets plan; den skrivs som pdf eller md"
CLI_NOT_A_FILE = "{path} är ingen vanlig fil, så inget skrevs dit"
CLI_NO_SUCH_MEETING = {
    "none_yet": "det finns inga möten ännu",
    "bad_ref": "inget möte {ref}: ange latest eller minst 4 tecken av ett id",
    "unknown": "inget möte {ref}",
    "ambiguous": "{ref} passar in på flera möten; ange mer av id:t",
}
CLI_ALREADY_STORED = "ärendet eller ett av dess möten finns redan i databasen"
CLI_FILE_NOT_A_CASE = "{path}: filen är ingen ärendefil i JSON (en sådan görs med facilitator export --format json)"
CLI_BAD_FIELD = "{path}: värdet i {location} går inte att läsa"
CLI_LEAD_NOT_KOMMUN_OR_REGION = (
    "{path}: {location}: huvudansvarig huvudman kan bara vara kommunen eller regionen"
)
CLI_MISSING_FIELD = "{path}: {location} saknas i ärendefilen"
CLI_BAD_DOCUMENT = "{path}: mötena i filen hör inte ihop med ärendet"
CLI_SHARED_ID = "{path}: samma id står två gånger i {location}"
CLI_UNRESOLVED = "{path}: {location} hänvisar till något som inte finns i filen"
CLI_IMPORT_NOT_A_FILE = "{path}: är ingen vanlig fil (en mapp, en enhet eller ett rör), så den lästes inte"
CLI_IMPORT_TOO_LARGE = "{path}: filen är större än {limit} MB, så den lästes inte"
CLI_REPLACE_HELP = (
    "ersätt ärendet i databasen med filens, om det redan finns där (till exempel en kopia "
    "som sparades när databasen inte gick att skriva)"
)
CLI_SAME_CASE = "ärendet finns redan i databasen och är likadant som i filen, så inget ändrades"
CLI_CASE_DIFFERS = (
    "ärendet finns redan i databasen, och filen skiljer sig: {difference}. Ange --replace "
    "för att ersätta det med filens"
)
CLI_REPLACE_QUESTION = "Ersätta ärendet i databasen med filens? [j/N] "
CLI_REPLACE_DIFFERS = "Ärendet finns redan i databasen, och filen skiljer sig: {difference}."
CLI_REPLACE_DECLINED = "Inget ändrades."
CLI_REPLACED = "Ersatte ärendet med filens: {meetings}"
CLI_YES = ("j", "ja", "y")
CLI_NEWER = {
    "file": "filen är sparad senare",
    "database": "databasen är sparad senare",
    "": "vilken som är nyast går inte att säga",
}


def _thousands(n: int) -> str:
    """228\u00a0016: digits grouped by threes with a no-break space, as Swedish writes them."""
    return f"{n:,}".replace(",", "\u00a0")


def case_difference(diff) -> str:
    """How the file's case differs from the stored one, in one line."""
    parts = [count(diff.fields, "värde skiljer", "värden skiljer")]
    if diff.changed_meetings:
        parts.append(f"i {count(diff.changed_meetings, 'möte', 'möten')}")
    parts = [" ".join(parts)]
    if diff.new_meetings:
        parts.append(f"{count(diff.new_meetings, 'möte', 'möten')} till i filen")
    if diff.kept_meetings:
        parts.append(f"{count(diff.kept_meetings, 'möte', 'möten')} bara i databasen (behålls)")
    parts.append(f"filen har {_thousands(diff.file_chars)} tecken text, databasen {_thousands(diff.stored_chars)}")
    parts.append(CLI_NEWER[diff.newer])
    return "; ".join(parts)


CLI_TEMPLATE = "{path}: dagordningen i filen går inte att läsa"
CLI_UNREADABLE = "{path}: {reason} {hint}"
CLI_UNREADABLE_HINT = "Kör facilitator för att flytta undan den och börja om."
CLI_UNREADABLE_NEWER_HINT = "Uppdatera programmet."
CLI_STORE_FAILED = "databasen går inte att läsa eller skriva: {reason}"
CLI_STORE_OTHER = "ett oväntat fel i databasen"
CLI_OS_PROBLEM = {
    "ENOENT": "finns inte",
    "EACCES": "saknar behörighet",
    "EPERM": "saknar behörighet",
    "ENOSPC": "disken är full",
    "EDQUOT": "diskkvoten är slut",
    "EROFS": "går inte att skriva till (skrivskyddat)",
    "EISDIR": "är en mapp",
    "ENOTDIR": "en del av sökvägen är ingen mapp",
    "EEXIST": "finns redan",
    "ENAMETOOLONG": "namnet är för långt",
}
"""An OS error by its errno name."""
CLI_OS_OTHER = "går inte att läsa eller skriva (felkod {code})"


def os_reason(number: int | None) -> str:
    """Why a file operation failed, in Swedish, from its error number (never the
    system's own words, which are English)."""
    import errno

    return CLI_OS_PROBLEM.get(errno.errorcode.get(number or 0, ""), CLI_OS_OTHER.format(code=number))


CLI_INTERNAL = "oväntat fel i programmet ({kind})"

# The kallelse (views/kallelse.py): the routine's first document, with the
# sekretessmedgivande that the guardians and the child sign.
KALLELSE_TITLE = {
    MeetingKind.FIRST: "Kallelse till inledande Lotsmöte",
    MeetingKind.FOLLOW_UP: "Kallelse till uppföljande Lotsmöte",
    MeetingKind.CLOSING: "Kallelse till avslutande Lotsmöte",
}
LABEL_TIME = "Tid"
LABEL_CONTACT_PERSON = "Kontaktperson"
KALLELSE_CALLED = "Kallade till mötet"
KALLELSE_CALLED_COLUMNS = ("Namn", "Verksamhet", "Roll")
KALLELSE_CONSENT_ONLY = "{organisation}: ingen namngiven deltagare ännu"
KALLELSE_AGENDA_COLUMNS = ("Steg", "Minuter")
KALLELSE_PHASE = "{phase}: steg {first}–{last}, {minutes} min"
LABEL_TOTAL = "Totalt"
SECTION_CONSENT_FORM = "Sekretessmedgivande"
CONSENT_FORM_INTRO = (
    "Arbete utifrån Lotsmodellen förutsätter samverkan och samarbete mellan olika "
    "verksamheter. Mellan dem råder normalt sekretess. För att samverkan ska vara möjlig "
    "behöver barnets vårdnadshavare (och barnet, beroende på ålder och mognad) efterge "
    "sekretessen till skydd för barnet och familjen, helt eller delvis (12 kap. 2 § "
    "offentlighets- och sekretesslagen). Det sker skriftligt genom att den här kallelsen "
    "undertecknas av barnet och vårdnadshavarna."
)
CONSENT_FORM_AGREE = (
    "Genom att skriva under samtycker vi till att verksamheterna nedan får lämna uppgifter "
    "om {child} till varandra, i den frågeställning som anges i kallelsen:"
)
CONSENT_FORM_BETWEEN = "Medgivandet gäller mellan dessa verksamheter:"
CONSENT_FORM_REVOKED = "{organisation} (samtycket återkallat {on})"
CONSENT_FORM_REVOKED_WHOLE = "Hela samtycket återkallades {on}."
SECTION_CONSENT_TERMS = "Villkor för sekretessmedgivandet"
CONSENT_FORM_TERMS = (
    "Medgivandet gäller mellan de verksamheter som anges ovan.",
    "Medgivandet gäller i den frågeställning som anges i kallelsen.",
    "Medgivandet gäller under den tid som Lotsprocessen pågår.",
    "Barnet och vårdnadshavarna kan när som helst under Lotsprocessen återkalla "
    "samtycket, till del eller i sin helhet.",
    "Båda vårdnadshavarna ska tillfrågas och ge sitt medgivande.",
)
KALLELSE_SIGNATURE_HEADING = "Underskrift och namnförtydligande"
KALLELSE_MISSING_QUESTION = "Frågeställningen"
KALLELSE_MISSING_GUARDIANS = "Vårdnadshavarna"
KALLELSE_MISSING_ORGANISATIONS = "Verksamheter som ska kallas"
KALLELSE_NOT_IN_CONSENT = "{organisation} kallas men finns inte med i ärendets samtycke"
KALLELSE_REVOKED_CALLED = "{name}, {organisation}, kallas inte: samtycket för verksamheten återkallades {on}"
KALLELSE_REVOKED_WHOLE_CALLED = "Samtycket är återkallat helt ({on}): ingen verksamhet får lämna uppgifter till en annan"
KALLELSE_REVOKED_LIST = "Återkallat för"
KALLELSE_CONSENT_MISSING = "{name} har inte lämnat samtycke (båda vårdnadshavarna ska tillfrågas)"
LABEL_SENT = "Skickad"
LABEL_SENDER = "Avsändare"
KALLELSE_SENDER = "{who} (initiativtagare), tillsammans med {family}"
SECTION_DATA_PROTECTION = "Så behandlas personuppgifterna"
DATA_PROTECTION_DEFAULT = (
    "Personuppgiftsansvarig är den huvudansvariga verksamheten som anges i planen. "
    "Uppgifterna behandlas för att samordna stödet till barnet under lotsprocessen, med "
    "stöd av samtycket och av socialtjänstlagen och hälso- och sjukvårdslagen, och sparas "
    "så länge varje verksamhet ska bevara sina journalhandlingar enligt lag. "
    "Ni har rätt att få veta vilka uppgifter som finns om er, att få felaktiga uppgifter "
    "rättade och att klaga hos Integritetsskyddsmyndigheten (IMY). Kontakta "
    "initiativtagaren om ni har frågor."
)
KALLELSE_KEPT = "Kallelsen är sparad som skickad {on} ({sender})."
KALLELSE_CHANGED = "Kallelsen har ändrats sedan den skickades {on}: den nya sparas bredvid den gamla."
KEY_KALLELSE = "Kallelse (PDF)"
KALLELSE_WRITTEN = "Kallelsen är sparad som {path} (bara du kan läsa filen)."
KALLELSE_NO_MEETING = (
    "Ärendet har inget planerat möte, så det finns ingen kallelse att skriva. Spara ärendet "
    "och planera ett möte först (M på startsidan)."
)

# The child's own view (views/childview.py): a step in a child's words when neither the
# meeting nor the default agenda has a line for it.
CHILD_STEP_GENERIC = "Nu pratar vi vidare tillsammans. Du får alltid fråga om något är svårt att förstå."
CHILD_CONSENT_BOTH = "du och dina föräldrar har sagt ja"
"""What the agendas' Sekretess line says of the consent: only when the child's own consent
is recorded."""
CHILD_CONSENT_PARENTS = "dina föräldrar har sagt ja"
"""The same said when the case records no consent of the child's own."""

# The plan for the child (views/childplan.py): one page in plain words, to the child.
CHILD_PLAN_TITLE = "Din plan"
CHILD_PLAN_FOOTER = "Planen är din. Fråga en vuxen du litar på om något är svårt att förstå."
LABEL_CHILD_PLAN_TO = "Till"
LABEL_CHILD_PLAN_MEETING = "Från mötet"
LABEL_CHILD_PLAN_PLACE = "Plats"
CHILD_SECTION_TALKED = "Det här pratade vi om"
CHILD_SECTION_SAID = "Det här sa du"
CHILD_SECTION_RELAYED = "Det här berättade {who} om vad du tycker"
CHILD_SECTION_HEARD = "Det här har vi hört om vad du tycker"
CHILD_SECTION_REST = "Planen"
CHILD_GOALS_REST = "Det finns mer i planen. De vuxna berättar för dig om resten."
CHILD_GOALS_UNTOLD = "De vuxna berättar för dig om målen och om vem som gör vad."
CHILD_ACTION_LATE = "{line}, skulle vara klart {day} – inte klart än"
CHILD_LOTS_CALL = "Hör av dig till {name} när du undrar över något i planen, eller om något känns fel."
CHILD_IF_WORSE_CALL = "Ring {who}: {phone}"
CHILD_IF_WORSE_TALK = "Prata med en vuxen du litar på."
CHILD_IF_WORSE_BRIS = "Du kan också ringa Bris, för dig som är barn: 116 111"
CHILD_SECTION_GOALS = "Dina mål"
CHILD_SECTION_WHO = "Vem gör vad, och när"
CHILD_SECTION_LOTS = "Din lots"
CHILD_SECTION_NEXT = "När vi ses nästa gång"
CHILD_SECTION_CLOSED = "Lotsmötena är slut"
CHILD_SECTION_IF_WORSE = "Om det blir svårt igen"
CHILD_GOAL_STATUS = {
    GoalStatus.IN_PROGRESS: "vi jobbar på det",
    GoalStatus.REACHED: "klart",
    GoalStatus.PARTLY_REACHED: "en bit på väg",
    GoalStatus.NOT_REACHED: "inte än",
    GoalStatus.DROPPED: "behövs inte längre",
}
CHILD_ACTION_STATUS = {
    ActionStatus.PLANNED: "",
    ActionStatus.ONGOING: "pågår",
    ActionStatus.DONE: "klart",
    ActionStatus.NOT_RELEVANT: "behövs inte längre",
}
CHILD_PLACES = (
    (("förskola",), "förskolan"),
    (("skola", "skolan", "elevhälsa", "skolsköterska", "skolkurator"), "skolan"),
    (("bup", "ungdomspsykiatri"), "BUP"),
    (("habilitering",), "habiliteringen"),
    (("socialtjänst", "familjeenhet", "socialförvaltning"), "socialtjänsten"),
    (("fritidsgård",), "fritidsgården"),
    (("vårdcentral",), "vårdcentralen"),
    (("ungdomsmottagning",), "ungdomsmottagningen"),
    (("barnklinik", "ungdomsmedicin"), "barnkliniken"),
)
"""A verksamhet as a child says it ("Karin på skolan"): the first whose word is in the
organisation's name (a word of four letters or fewer must be the whole word). A name
none of them matches is said as typed."""
CHILD_AT = "{name} på {place}"
CHILD_YOUR_LOTS = "{who}, din lots"
CHILD_YOU = "Du"
CHILD_SOMEONE = "Någon"
AND = "och"
CHILD_WHO_UNKNOWN = "Inte bestämt vem"
CHILD_ACTION = "{who}: {what}"
CHILD_ACTION_DUE = "{line}, klart senast {day}"
CHILD_WITH_STATUS = "{line} – {status}"
CHILD_LOTS_IS = "Din lots är {who}."
CHILD_LOTS_WAS = "Din lots har varit {who}."
CHILD_LOTS_ABOUT = (
    "En lots är en vuxen som hjälper dig och din familj hela vägen, och som ni kan fråga "
    "när något är oklart."
)
CHILD_LOTS_NONE = "Vem som ska vara din lots är inte bestämt än."
CHILD_LOTS_PHONE = "Telefon: {phone}"
CHILD_LOTS_EMAIL = "E-post: {email}"
CHILD_LOTS_CONTACT = "Så når du {name}: {contact}"
CHILD_NEXT_DAY = "Dag: {day}"
CHILD_NEXT_TIME = "Tid: klockan {time}"
CHILD_NEXT_PLACE = "Plats: {place}"
CHILD_NEXT_LAST = "Det blir det sista lotsmötet."
CHILD_NEXT_NOT_SET = "Vi har inte bestämt än när vi ses nästa gång."
CHILD_CLOSED = (
    "Det här var det sista lotsmötet. De vuxna fortsätter att hjälpa dig och din familj "
    "så som ni har bestämt tillsammans."
)

# The meeting report (views/report.py): planned against actual time, for the samtalsledare.
REPORT_TITLE = "Mötesrapport: planerad och faktisk tid"
REPORT_NOTE = "För samtalsledaren. Rapporten är inte en del av SIP:en och skrivs inte under."
LABEL_PLANNED_LENGTH = "Planerad längd"
REPORT_STEPS = "Tid per steg"
REPORT_COLUMNS = ("Steg", "Planerat", "Omplanerat", "Faktiskt", "Skillnad")
REPORT_SKIPPED = "hoppades över"
REPORT_NOT_RUN = "inte genomfört"
REPORT_SUMMARY = "Översikt"
REPORT_TOTALS = (
    "Planerat {planned}, omplanerat {replanned}, faktiskt {actual}; skillnad mot planen "
    "för de steg som genomfördes {difference}."
)
REPORT_REPLANNED = "Omplanerade steg: {steps}"
REPORT_SKIPPED_STEPS = "Steg som hoppades över: {steps}"
REPORT_NOT_RUN_STEPS = "Steg som mötet inte hann till: {steps}"
REPORT_NONE = "inga"
ROOM_WAITING = "Väntar på mötet …"
ROOM_WAITING_HINT = "Rumsvyn visar mötet så snart det öppnas i sekreterarens fönster."
ROOM_UNOPENED = (
    "Dessa möten står som pågående men är inte öppna i något fönster. Öppna mötet hos "
    "sekreteraren, eller starta rumsvyn med mötets nummer, till exempel: facilitator room {example}"
)
ROOM_UNOPENED_LINE = "{id}   {date}   {kind}"
ROOM_NOT_STARTED = "Mötet har inte börjat"
ROOM_RUNNING = "Kvar av steget"
ROOM_LAST_MINUTE = "Sista minuten"
ROOM_OVERRUN = "Över tiden"
ROOM_PAUSED = "Paus"
ROOM_FINISHED = "Mötet är avslutat"
ROOM_EMPTY = "…"

# The child's room view: the step in a child's words, the steps as marks, the time as a
# bar; switched in the room view, from the writer's window, or with room --barn.
KEY_CHILD_ROOM = "Barnets vy"
CHILD_NOT_STARTED = "Snart börjar mötet."
CHILD_FIRST = "Först: {line}"
CHILD_NEXT = "Sedan: {line}"
CHILD_LAST = "Sedan är mötet slut."
CHILD_DECIDED = "Det här bestämmer vi nu: {line}"
CHILD_FINISHED = "Nu är mötet slut. Tack för att du var med!"
CHILD_ROOM_ON = "Rumsvyn visar nu barnets vy."
CHILD_ROOM_OFF = "Rumsvyn visar nu dagordningen."
CHILD_ROOM_MARK = "Rumsvy: barnets vy"
EXPORTED = "SIP:en är sparad som {path} (bara du kan läsa filen)."
EXPORT_FAILED = "Det gick inte att exportera: {problem}"
EXPORTED_UNSAVED = (
    "SIP:en är skriven till {path} med allt som skrivits (bara du kan läsa filen), men mötet "
    "är inte sparat i databasen än: {problem} Inget som skrivits går förlorat; det sparas så snart det går."
)
SAVE_PENDING = "skrivningen pågår fortfarande."
EXPORT_REFUSED_STORE = (
    "SIP:en exporterades inte: {problem} Inget som skrivits går förlorat; det finns kvar i "
    "programmet och sparas så snart det går."
)
EXPORT_HINT = "Ctrl+P och ”Exportera SIP som PDF” sparar SIP:en för utskrift."
KEY_REVOKE = "Återkalla samtycke"
KEY_OVERVIEW = "Ärendeöversikt"
CASE_LABEL = "ärendet är"
CASE_STATUS = {CaseStatus.OPEN: "öppet", CaseStatus.CLOSED: "avslutat"}
OVERVIEW_MEETINGS = "Möten"
OVERVIEW_CURRENT_LOTS = "Nuvarande lots: "
OVERVIEW_WARNINGS = "Att uppmärksamma"
OVERVIEW_REVISIONS = "Förändringar mellan SIP-revisionerna"
OVERVIEW_REVISION_PAIR = "Revision {a} → {b}"
OVERVIEW_ONE_REVISION = "Bara en revision hittills."
CONSENT_REVOKED_WHOLE_NOTE = "Samtycket är återkallat helt: inga nya möten förrän samtycke lämnats på nytt."
REVOKE_TITLE = "Återkalla samtycket (helt eller för en verksamhet)"
REVOKE_WHOLE = "Hela samtycket"
BUTTON_REVOKE = "Återkalla"
LABEL_REVOKED_BY = "Vem återkallar (namn)"
REVOKE_WHO_MISSING = "Skriv vem som återkallar samtycket."
NO_MEETING_WITHOUT_CONSENT = (
    "Samtycket är återkallat helt. Ett nytt möte kan planeras när vårdnadshavarna har lämnat "
    "samtycke igen (E ändrar ärendet)."
)
SAVED_AGAIN = "Det går att spara igen. Allt är sparat."
JOURNAL_REPLAYED = "Text som skrevs medan det inte gick att spara är nu sparad."
RESUMED = "Mötet återupptogs vid steg {step}. Programmet var stängt i {gap}; tiden för steget har gått vidare under tiden."
RESUMED_PAUSED = "Mötet återupptogs vid steg {step}, pausat som det var."
UNSAVED_TITLE = "Allt är inte sparat"
UNSAVED_TEXT = (
    "Det går inte att spara just nu: {reason} Det du skrivit finns kvar i programmet, och "
    "programmet försöker spara igen varje sekund. Stanna kvar, vänta tills det är sparat, "
    "eller spara en kopia i en fil du väljer innan programmet avslutas."
)
UNSAVED_SINCE = "Senast sparat kl. {time}; det som skrivits eller ändrats efter det är inte sparat."
UNSAVED_NEVER = "Inget från det här fönstret har kunnat sparas än."
UNSAVED_COPY_LABEL = "Kopia av ärendet och mötet (JSON), bara läsbar för dig:"
UNSAVED_STAY = "Stanna kvar"
UNSAVED_WAIT = "Avsluta när allt är sparat"
UNSAVED_COPY = "Spara kopian och avsluta"
UNSAVED_NO_PATH = "Skriv var kopian ska sparas."
UNSAVED_COPY_FAILED = "Kopian kunde inte sparas där: {problem}"
UNSAVED_COPY_EXISTS = "Det finns redan en fil med det namnet. Välj ett annat."
UNSAVED_WAITING = "Programmet avslutas så snart allt är sparat. Ctrl+Q igen visar valen."
UNSAVED_COPY_SAVED = (
    "Allt kunde inte sparas i databasen. En kopia av ärendet och mötet finns i {path} "
    "(facilitator import läser den)."
)
UNSAVED_COPY_NAME = "lotsmote-kopia-{when:%Y%m%d-%H%M}-{meeting}.json"
LEAVE_NOT_SAVED = "Allt är inte sparat än, så mötet stängs inte. Kontrollera disken och försök igen."
SETTINGS_NOT_SAVED = "Temat kunde inte sparas till nästa gång."
TEXT_TOO_LONG = "Texten är för lång för att sparas. Korta den."
PASTE_TOO_LONG = "Det inklistrade togs inte emot: texten blir då längre än fältet rymmer."
NOT_SAVED_TOO_LONG = "Inte sparat: en text är för lång för att sparas. Korta den, så sparas resten som vanligt."
QUIT_TOO_LONG = "En text är för lång för att sparas och försvinner om du avslutar nu. Avsluta ändå?"
QUIT_TOO_LONG_YES = "Avsluta ändå"

# The forms that keep what is typed until it is stored (the case form, the new-meeting form).
FORM_SAVE_FAILED_BANNER = "Inte sparat: {reason} Det du skrivit finns kvar och sparas så snart det går."
FORM_STORING = "Sparar …"
FORM_NAMES = {"case": "ärendet", "meeting": "det nya mötet"}
FORM_RESTORED = (
    "Det du skrev om {form} innan programmet stängdes ({when}) är tillbaka. Ctrl+S sparar det, "
    "Esc slänger det efter en fråga."
)
FORM_QUIT_TITLE = "Det du skrivit är inte sparat"
FORM_QUIT_TEXT = (
    "Det du skrivit om {form} är inte sparat i databasen.{reason} Det finns kvar som utkast "
    "och kommer tillbaka nästa gång programmet startar, om du inte slänger det."
)
FORM_QUIT_REASON = " Det går inte att spara just nu: {reason}"
FORM_QUIT_KEEP = "Avsluta, utkastet finns kvar"
FORM_QUIT_DISCARD = "Avsluta och släng det"
FORM_DRAFT_NOT_KEPT = (
    "Utkastet kunde inte sparas, så programmet avslutas inte. Kontrollera disken, eller släng "
    "det du skrivit."
)

# Capture forms.
ATTENDANCE_TITLE = "Närvarolista"
ATTENDANCE_COLUMNS = ("Namn", "Verksamhet", "Roll", "Deltar", "Kontakt")
CONSENT_MARK_HINT = "⚠ Samtycket omfattar inte den här personens verksamhet (se steget Sekretess)."
ATTENDANCE_CLOSE = "Esc eller F2 stänger närvarolistan."
ATTENDANCE_KEYS = (
    "Ctrl+N ny deltagare · Enter ändra (på plats, per telefon eller video, kom senare, gick "
    "tidigare) · Delete ta bort · Ctrl+T på plats eller frånvarande"
)
CONSENT_CONFIRMED = "Sekretessen och samtycket har tagits upp på mötet"
CONSENT_NOT_COVERED = "Närvarande vars verksamhet samtycket inte omfattar:"
CONSENT_ALL_COVERED = "Samtycket omfattar alla närvarande verksamheter."
LABEL_WIDEN = "Familjen godkänner att samtycket också omfattar (Enter väljer):"
LABEL_WIDEN_WHO = "Vem godkände (vårdnadshavarna, barnet)"
LABEL_ABSENCE_REASON = {
    ChildParticipation.PART: "Vilken del av mötet var barnet med i?",
    ChildParticipation.NONE: "Varför deltog barnet inte?",
}
CHOOSE_AUTHORITY = "Välj huvudman"
CHOOSE_NAVIGATOR = "Välj lots bland de närvarande professionella"
CHOOSE_PERSON = "Välj ansvarig bland deltagarna"
NEXT_MEETING_OK = "Nästa möte: {when}"
SIGNATURES_HINT = (
    "Markera med Enter den som har skrivit under, och den som per telefon eller video har "
    "godkänt SIP:en muntligt."
)
LABEL_ORAL = "godkänner muntligt"
GOAL_HORIZON_COLUMN = "Sikt"
ACTIONS_HINT = "Ctrl+N ny insats · Enter ändra · Delete ta bort"
ACTION_STATUS_TITLE = "Insatser sedan förra mötet"
ACTION_STATUS_HINT = (
    "Enter på en insats: sätt status (planerad, pågår, klar, ej aktuell) och kommentar · "
    "Delete ta bort · Ctrl+N ny insats"
)
PLACEHOLDER_ORGANISATION = "Verksamhet"
PLACEHOLDER_PHONE = "Telefon"
PLACEHOLDER_EMAIL = "E-post"
PLACEHOLDER_DATE = "ÅÅÅÅ-MM-DD"
PLACEHOLDER_TIME = "TT.MM"
PLACEHOLDER_MINUTES = "Minuter"
PLACEHOLDER_PLACE = "Plats"
PLACEHOLDER_GOAL = "Skriv ett mål och tryck Enter"
PLACEHOLDER_CHILD_LINE = "För barnet, i du-form (valfritt): Du …"
LABEL_CHILD_LINE = "För barnet, i du-form (valfritt)"
LABEL_CHILD_SUMMARY = "Sammanfattning för barnet, i du-form"
LABEL_CHILD_VIEW_BY = "Vem sa det? Tomt: barnet sa det själv. Annars vem som framförde det (t.ex. mamma)"
LABEL_CHILD_UNDERSTOOD = "Fick barnet veta vad som bestämdes, och förstod barnet?"
LABEL_CHILD_UNDERSTOOD_NOTE = "Anteckning: vad barnet vill veta mer om, eller hur det berättades"
LABEL_CHILD_LINES = "Per mål och insats med en rad för barnet (Enter byter svar)"
CHILD_LINES_COLUMNS = ("För barnet", "Förstod?")
CHILD_UNDERSTOOD_NOT_NOTED = "–"
GOALS_HINT = "Enter på ett mål: ändra det · Delete ta bort · Ctrl+N nytt mål"
PLACEHOLDER_CONTACT = "Telefon eller e-post"
BAD_DATE = "Datumet går inte att läsa. Skriv ÅÅÅÅ-MM-DD, till exempel 2026-03-03."
BAD_TIME = "Tiden går inte att läsa. Skriv TT.MM, till exempel 09.00."
BAD_MINUTES = "Längden ska vara 15–240 minuter."

# Dialogs.
PERSON_NEW = "Ny deltagare"
PERSON_EDIT = "Ändra deltagare"
ACTION_NEW = "Ny insats"
ACTION_EDIT = "Ändra insats"
GOAL_NEW = "Nytt mål"
GOAL_EDIT = "Ändra mål"
LABEL_GOAL_HORIZON = "Sikt"

# The lists of a step: what Delete asks, and what Ctrl+N adds to.
REMOVE_GOAL = "Ta bort målet ”{name}”?"
REMOVE_ACTION = "Ta bort insatsen ”{name}”?"
REMOVE_PERSON = "Ta bort {name} från närvarolistan?"
REMOVE_CALLED = "Ta bort {name} från dem som kallas till nästa möte?"
REMOVE_YES = "Ta bort"
REMOVE_NO = "Behåll"
ADD_WHICH = "Lägg till i vilken lista?"
ADD_NOTHING = "Det här steget har ingen lista att lägga till i."
ADD_GOAL = "Nytt mål"
ADD_ACTION = "Ny insats"
ADD_PERSON = "Ny deltagare"
ADD_CALLED = "Kalla någon som inte var här"
LABEL_NAME = "Namn"
LABEL_ORGANISATION = "Verksamhet"
LABEL_ROLES_CHOOSE = "Roll (välj med Enter, en eller flera)"
LABEL_CONTACT = "Kontakt"
LABEL_TITLE = "Titel"
PLACEHOLDER_TITLE = "t.ex. kurator, mentor, psykolog, socialsekreterare"
LABEL_PRESENCE = "Deltar (välj med Enter)"
LABEL_PRESENCE_AT = "Klockan (TT.MM)"
LABEL_LANGUAGE = "Språk som tolkas"
PLACEHOLDER_LANGUAGE = "t.ex. arabiska, somaliska, tigrinja"
LABEL_INTERPRETS_FOR = "Tolkar för (välj med Enter)"
PROBLEM_PRESENCE_AT = "Skriv när, till exempel 14.30."
PROBLEM_LANGUAGE = "Skriv vilket språk tolken tolkar."
INTERPRETER_FOR = "tolk ({language}) för {people}"
INTERPRETER_LANGUAGE = "tolk ({language})"
WITH_INTERPRETER = "Tolk deltar: mötet planeras längre (halva tiden till), stegen i samma proportion"
CALLED_NOT_MARKED = "Kallas till nästa möte; hur personen deltar markeras när mötet hålls."
LABEL_WHAT = "Vad"
LABEL_WHO = "Vem"
LABEL_DUE = "Klart senast"
LABEL_COMMENT = "Kommentar"
BUTTON_SAVE = "Spara"
BUTTON_CANCEL = "Avbryt"
PROBLEM_NAME = "Skriv ett namn."
PROBLEM_ROLE = "Välj minst en roll."
PROBLEM_WHAT = "Skriv vad insatsen är."
DUE_PAST = "Klart senast {day} har redan varit. Ändra datumet, eller tryck Ctrl+S igen för att spara det ändå."
DUE_FAR = (
    "Klart senast {day} är mer än två år fram. Ändra datumet, eller tryck Ctrl+S igen för att spara det ändå."
)
PROBLEM_GOAL = "Skriv målet."
PROBLEM_TOO_LONG = "Någon text är för lång."

# Case set-up and planning.
KEY_SAVE_CASE = "Spara ärendet"
CASE_NEW = "Nytt ärende"
CASE_EDIT = "Ändra ärende"
LABEL_CHILD_NAME = "Barn/ungdom (namn och födelseår)"
PLACEHOLDER_BIRTH_YEAR = "Födelseår"
LABEL_GUARDIAN_N = "Vårdnadshavare {n}"
LABEL_CONSENT_DATE = "Samtycket lämnades (datum)"
LABEL_CONSENT_ORGANISATIONS = "Verksamheter som samtycket omfattar (Enter kryssar i eller ur)"
LABEL_CONSENT_GIVEN = "Vem har lämnat samtycke (Enter kryssar i eller ur)"
CONSENT_GIVEN_BY_GUARDIAN = "{name} (vårdnadshavare) har samtyckt"
CONSENT_GIVEN_BY_CHILD = "{name} (barnet) har samtyckt själv"
LABEL_NEW_ORGANISATION = "Ny verksamhet: namn, huvudman och juridisk person (Enter lägger till)"
PLACEHOLDER_BODY = "Juridisk person, t.ex. Region Skåne"
CONSENT_DATE_NEEDED = "Skriv datumet då samtycket lämnades."
CONSENT_WIDENED_KEPT = (
    "Samtycket utvidgades till {organisation} {on}. Att ta bort det är en återkallelse: "
    "R i ärendeöversikten (O), där det antecknas vem som återkallade det och när."
)
PROBLEM_CHILD_NAME = "Skriv barnets namn."
PROBLEM_CASE = "Något fält går inte att spara: kontrollera födelseår och längden på texterna."
NEW_MEETING_FOR = "Nytt möte för {child}"
LABEL_KIND = "Typ av möte"
LABEL_WHEN = "Datum, tid och längd i minuter"
BUTTON_PLAN = "Planera mötet"
BUTTON_EXPORT_PDF = "Exportera SIP som PDF"

# Help, review, summary.
HELP_STEP_HEADING = "Det här steget"
HELP_KEYS_HEADING = "Tangenter (fungerar även när du skriver)"
HELP_CLOSE = "Esc eller F1 stänger hjälpen."
REVIEW_TITLE = "Granska SIP innan mötet avslutas"
REVIEW_MISSING = "Det här saknas ännu (§ = krävs enligt lag):"
REVIEW_MISSING_HINT = "Enter på en rad går till steget där det fylls i."
REVIEW_COMPLETE = "Allt som lagen och rutinen kräver finns med."
REVIEW_FINISH_HINT = "F4 avslutar mötet. Esc går tillbaka till mötet."
REVIEW_BACK_HINT = "Esc går tillbaka till mötet."
MISSING = {
    MissingCode.CONSENT: "Sekretessen har inte bekräftats",
    MissingCode.FAMILY_STORY: "Familjens berättelse",
    MissingCode.PROFESSIONALS_STORY: "Professionernas berättelse",
    MissingCode.GOALS: "Mål",
    MissingCode.ACTIONS: "Insatser",
    MissingCode.ACTION_RESPONSIBLE: "Vem som ansvarar för insatsen",
    MissingCode.LEAD_AUTHORITY: "Huvudansvarig huvudman",
    MissingCode.NAVIGATOR: "Lots",
    MissingCode.PARTICIPATION: "Hur barnet deltog i mötet",
    MissingCode.ABSENCE_REASON: "Varför barnet inte deltog, eller i vilken del",
    MissingCode.PRESENCE: "Hur deltagaren deltog (på plats, per telefon, per video …)",
    MissingCode.CHILD_UNDERSTOOD: "Om barnet fick veta och förstod vad som bestämdes",
    MissingCode.CHILD_VIEW: "Barnets uppfattning om insatserna",
    MissingCode.GUARDIANS_VIEW: "Vårdnadshavarnas uppfattning om insatserna",
    MissingCode.NEXT_MEETING: "Datum för nästa möte",
    MissingCode.NOT_COVERED: "Samtycke som omfattar",
    MissingCode.CONSENT_GUARDIAN: "Samtycke från vårdnadshavaren",
    MissingCode.CONSENT_REVOKED: "Samtycket är återkallat för",
    MissingCode.LEAD_ABSENT: "Ingen från den huvudansvariga verksamheten deltar i det avslutande mötet",
    MissingCode.ACTION_AUTHORITY: "Huvudman för insatsen",
    MissingCode.GOAL_STATUS: "Status för målet",
    MissingCode.SUMMARY: "Sammanfattning av mötet",
    MissingCode.IF_WORSE: "Hur familj och verksamheter agerar om bekymmer uppstår igen",
    MissingCode.EVALUATION_FAMILY: "Barnets och vårdnadshavarnas utvärdering av lotsprocessen",
    MissingCode.EVALUATION_NETWORK: "Nätverkets utvärdering av lotsprocessen",
}
SUMMARY_TITLE = "Mötet är avslutat: planerad och faktisk tid per steg"
SUMMARY_SAVED = "Allt är sparat. Enter eller Esc går till startsidan."
SUMMARY_TOTAL = "Totalt: planerat {planned}, faktiskt {actual}"


def when(moment: datetime) -> str:
    """A meeting time as Swedes write it: 2026-01-13 kl. 09.00."""
    return f"{moment:%Y-%m-%d} kl. {moment:%H.%M}"


def action_row(action: Action) -> list[str]:
    """An action as the columns of ``ACTION_COLUMNS``, on screen and in every export."""
    return [
        action.what,
        action.responsible,
        action.organisation,
        AUTHORITY[action.authority] if action.authority else AUTHORITY_MISSING,
        action.due.isoformat() if action.due else "",
        ACTION_STATUS[action.status],
    ]


def action_screen_row(action: Action) -> list[str]:
    """An action as the columns of ``ACTION_SCREEN_COLUMNS``: who and where in one column."""
    who = ", ".join(x for x in (action.responsible, action.organisation) if x)
    return [
        action.what,
        who,
        AUTHORITY[action.authority] if action.authority else AUTHORITY_MISSING,
        action.due.isoformat() if action.due else "",
        ACTION_STATUS[action.status],
    ]


NEXT_MEETING_PROBLEM = {
    "bad_date": BAD_DATE,
    "bad_time": BAD_TIME,
    "bad_minutes": BAD_MINUTES,
}


def listing(words: list[str] | tuple[str, ...]) -> str:
    """Words as a Swedish list: "a", "a och b", "a, b och c"."""
    words = [w for w in words if w]
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {AND} {words[-1]}"


def characters(chars: list[str] | tuple[str, ...]) -> str:
    """Characters with their code points, for a reader to find them: "😀 (U+1F600)"."""
    return listing([f"{ch} (U+{ord(ch):04X})" for ch in chars])


def count(n: int, one: str, many: str) -> str:
    """"1 möte", "3 möten"."""
    return f"{n} {one if n == 1 else many}"


def duration(seconds: float) -> str:
    """A length of time as Swedes say it: 14 s, 3 min 12 s, 2 h 5 min."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def day(value: date | None) -> str:
    return value.isoformat() if value else NOT_STATED


# Process rules: when meetings are held, each rule with its source (agenda/workdays.py).
PROCESS_SOURCE = {
    Source.WEB_PAGE: "Lotsmodellens webbsida",
    Source.MANUAL_PROCESS_MAP: "processkartan i Lotsmodellens manual (2014)",
    Source.MANUAL: "Lotsmodellens manual (2014)",
}
MEETING_KIND_THE = {
    MeetingKind.FIRST: "Första mötet",
    MeetingKind.FOLLOW_UP: "Det uppföljande mötet",
    MeetingKind.CLOSING: "Det avslutande mötet",
}
_INTERVAL_WARNING = {  # the kind of meeting, how it misses, and the bound it misses
    WarningCode.FOLLOW_UP_TOO_SOON: (MeetingKind.FOLLOW_UP, "för tidigt", "tidigast"),
    WarningCode.FOLLOW_UP_TOO_LATE: (MeetingKind.FOLLOW_UP, "för sent", "senast"),
    WarningCode.CLOSING_TOO_SOON: (MeetingKind.CLOSING, "för tidigt", "tidigast"),
    WarningCode.CLOSING_TOO_LATE: (MeetingKind.CLOSING, "för sent", "senast"),
}
LABEL_KALLELSE = "Kallelsen mottagen (datum)"
LABEL_KALLELSE_SHOWN = "Kallelsen mottagen"
KALLELSE_HINT = (
    f"Dagen då kallelsen togs emot. Första mötet kan ske tidigast {FIRST_MEETING_WORKING_DAYS} "
    f"arbetsdagar efter det ({PROCESS_SOURCE[Source.WEB_PAGE]})."
)
KALLELSE_EARLIEST = (
    f"Enligt {PROCESS_SOURCE[Source.WEB_PAGE]} kan första mötet ske tidigast {{earliest}}, "
    f"{FIRST_MEETING_WORKING_DAYS} arbetsdagar efter att kallelsen mottagits."
)
MEETING_KIND_A = {
    MeetingKind.FOLLOW_UP: "ett uppföljande möte",
    MeetingKind.CLOSING: "det avslutande mötet",
}
MEETING_WINDOW = (
    "Enligt {source} hålls {kind} {weeks} veckor efter förra mötet ({previous}): "
    "mellan {first} och {last}."
)


def working_day_span(n: int) -> str:
    return count(n, "arbetsdag", "arbetsdagar")


def day_span(n: int) -> str:
    """A number of days as weeks and days: "1 dag", "2 veckor", "3 veckor och 2 dagar"."""
    weeks, rest = divmod(n, 7)
    if not weeks:
        return count(rest, "dag", "dagar")
    if not rest:
        return count(weeks, "vecka", "veckor")
    return f"{count(weeks, 'vecka', 'veckor')} och {count(rest, 'dag', 'dagar')}"


def week_window(interval: Interval) -> str:
    return f"{interval.min_weeks}–{interval.max_weeks}"


def next_meeting_hint(kind: MeetingKind) -> str:
    """What to type for the next meeting, with its window in weeks."""
    weeks = week_window(INTERVALS[kind])
    return f"Skriv datum (ÅÅÅÅ-MM-DD) och tid för nästa möte, {weeks} veckor fram."


def meeting_window(kind: MeetingKind, previous: date) -> str:
    """The days a follow-up or closing meeting after ``previous`` keeps its rule."""
    first, last = workdays_window(kind, previous)
    return MEETING_WINDOW.format(
        source=PROCESS_SOURCE[Source.MANUAL_PROCESS_MAP], kind=MEETING_KIND_A[kind],
        weeks=week_window(INTERVALS[kind]), previous=previous, first=first, last=last,
    )


WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)


def long_day(value: date) -> str:
    """A day as Swedes write it to a family: tisdag 24 mars 2026."""
    return f"{WEEKDAYS[value.weekday()]} {value.day} {MONTHS[value.month - 1]} {value.year}"


def process_warning(warning: ProcessWarning) -> str:
    """The warning in one line of Swedish: the date, by how much it misses the rule, the
    rule and its source."""
    source = PROCESS_SOURCE[warning.source]
    subject, limit, since = warning.subject, warning.limit, warning.since
    if warning.code is WarningCode.FIRST_MEETING_TOO_SOON:
        return (
            f"Första mötet {subject} är {working_day_span(warning.miss)} för tidigt: enligt {source} kan "
            f"mötet ske tidigast {FIRST_MEETING_WORKING_DAYS} arbetsdagar efter att kallelsen mottagits "
            f"({since}), alltså {limit}."
        )
    if warning.code in _INTERVAL_WARNING:
        kind, misses, bound = _INTERVAL_WARNING[warning.code]
        return (
            f"{MEETING_KIND_THE[kind]} {subject} är {day_span(warning.miss)} {misses}: enligt {source} "
            f"hålls det {week_window(INTERVALS[kind])} veckor efter förra mötet ({since}), "
            f"alltså {bound} {limit}."
        )
    if warning.code is WarningCode.MANY_MEETINGS:
        return (
            f"Lotsprocessen har {subject} möten, {warning.miss} fler än {limit}: enligt {source} är det "
            "sällsynt att man behöver mötas mer än totalt 4–5 gånger kring samma frågeställning."
        )
    raise ValueError(warning.code)



# Agenda files (agenda/templates.py): one line for a file that cannot be used, naming the
# file, the line where it is known and what is wrong; the shipped agenda is used instead.
AGENDA_PROBLEM = "Dagordningen {path}{line} går inte att använda: {what}. Programmets egen dagordning används i stället."
AGENDA_LINE = ", rad {line}"
AGENDA_WHAT = {
    "not_a_file": "det är ingen vanlig fil",
    "too_large": "filen är större än {limit} kB",
    "unreadable": "filen går inte att läsa",
    "not_utf8": "filen är inte sparad som UTF-8",
    "not_toml": "filen är inte giltig TOML",
    "too_deep": "filen är nästlad i för många nivåer",
    "wrong_kind": "filen är dagordningen för ett annat slags möte ({kind})",
}
AGENDA_FIELD = "{field} {why}"
AGENDA_VALUE = {
    "missing": "saknas",
    "greater_than_equal": "ska vara minst {ge}",
    "greater_than": "ska vara större än {gt}",
    "less_than_equal": "ska vara högst {le}",
    "less_than": "ska vara mindre än {lt}",
    "int_type": "ska vara ett heltal",
    "int_parsing": "ska vara ett heltal",
    "int_from_float": "ska vara ett heltal",
    "string_type": "ska vara text",
    "list_type": "ska vara en lista",
    "too_short": "har för få delar (minst {min_length})",
    "too_long": "har för många delar (högst {max_length})",
    "string_too_long": "är för lång text (högst {max_length} tecken)",
    "string_too_short": "är tom",
    "string_pattern_mismatch": "har fel form (små bokstäver, siffror och _)",
    "enum": "har ett okänt värde",
    "literal_error": "har ett okänt värde",
    "extra_forbidden": "är inget fält i en dagordning",
    "model_type": "ska vara en tabell",
    "model_attributes_type": "ska vara en tabell",
}
AGENDA_VALUE_OTHER = "går inte att använda"
AGENDA_INCONSISTENT = {
    "duplicate_step": "två steg har samma key",
    "duplicate_phase": "två faser har samma key",
    "unknown_phase": "steget {step} hör till en fas som inte finns ({phase})",
    "phase_order": "stegen kommer inte i fasernas ordning",
    "minutes_sum": "stegen är tillsammans {total} minuter, inte {minutes}",
}


def agenda_problem(error: TemplateError) -> str:
    """An agenda file's problem as one Swedish line, decided on its code."""
    context = {"limit": 0, **error.context}
    if error.code == "too_large":
        context["limit"] = int(context.get("limit") or 0) // 1024
    if error.code == "wrong_kind" and context.get("kind") in set(MeetingKind):
        context["kind"] = MEETING_KIND[MeetingKind(context["kind"])].lower()
    if error.code == "bad_value":
        why = AGENDA_VALUE.get(error.detail, AGENDA_VALUE_OTHER)
        what = AGENDA_FIELD.format(field=error.field or "dagordningen", why=_filled(why, context))
    elif error.code == "inconsistent":
        what = _filled(AGENDA_INCONSISTENT.get(error.detail, AGENDA_VALUE_OTHER), context)
    else:
        what = _filled(AGENDA_WHAT.get(error.code, AGENDA_VALUE_OTHER), context)
    line = AGENDA_LINE.format(line=error.line) if error.line else ""
    return " ".join(AGENDA_PROBLEM.format(path=error.path, line=line, what=what).split())


def _filled(text: str, context: dict[str, object]) -> str:
    """``text`` with the numbers it names; the text alone when one is missing."""
    try:
        return text.format(**context)
    except (KeyError, IndexError, ValueError):
        return text.split(" (")[0]

# When the program stops on an unexpected error (crash.py): one line, the details without
# personal data in an owner-only file.
CRASH_WRITTEN = (
    "Programmet stannade av ett oväntat fel ({kind}). Det som sparats finns kvar. "
    "Detaljer utan personuppgifter: {path}"
)
CRASH_NOT_WRITTEN = "Programmet stannade av ett oväntat fel ({kind}). Det som sparats finns kvar."

# A damaged case or meeting (store RecordDamaged): said by its id, never by what it holds.
RECORD_NAME = {"case": "ärende", "meeting": "möte"}
RECORD_DAMAGED = "{record} {id} är skadat i databasen och kan inte användas; det finns kvar i filen, resten går att använda."
RECORDS_DAMAGED = "Skadat i databasen och utelämnat (finns kvar i filen): {records}. Resten går att använda."


def shown_id(record_id: object) -> str:
    """A record's id as it is shown: its first 8 letters and digits, whatever another
    program wrote there."""
    text = record_id if isinstance(record_id, str) else ""
    return "".join(c for c in text if c.isascii() and (c.isalnum() or c == "-"))[:8] or "?"


def record_damaged(record: str, record_id: object) -> str:
    return RECORD_DAMAGED.format(record=RECORD_NAME.get(record, "post").capitalize(), id=shown_id(record_id))


def records_damaged(damaged: dict[str, str]) -> str:
    """One line for every damaged record the store has left out."""
    records = ", ".join(f"{RECORD_NAME.get(kind, 'post')} {shown_id(rid)}" for rid, kind in damaged.items())
    return RECORDS_DAMAGED.format(records=records)
