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
    GoalHorizon,
    MeetingKind,
    MeetingStatus,
    MissingCode,
    Role,
)
from facilitator.agenda.workdays import ProcessWarning, WarningCode

if TYPE_CHECKING:
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
SECTION_INTRODUCTIONS = "Presentationsrunda"
LABEL_INTRODUCTIONS = "Anteckningar från presentationsrundan"
SECTION_TIMES = "Planerad och faktisk tid"

LABEL_CHILD = "Barn/ungdom"
LABEL_MEETING = "Möte"
LABEL_STEP = "Steg"
PARTICIPANT_COLUMNS = ("Namn", "Verksamhet", "Roll", "Närvaro")
AUTHORITY_LONG = {
    Authority.REGION: "Regionen",
    Authority.KOMMUN: "Kommunen",
    Authority.OTHER: "Annan aktör",
}
ACTIONS_PER_AUTHORITY = "{authority} ansvarar för: {actions}"
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
ICS_DESCRIPTION = "Uppföljande lotsmöte enligt SIP. Underlaget finns hos lotsen."
LABEL_GUARDIANS = "Vårdnadshavare"
LABEL_DATE = "Datum"
LABEL_PLACE = "Plats"
LABEL_REVISION = "Revision"
LABEL_CHILD_VIEW = "Barnets uppfattning"
LABEL_GUARDIANS_VIEW = "Vårdnadshavarnas uppfattning"
LABEL_CHILD_TOOK_PART = "Barnet deltog i mötet"
LABEL_CHILD_ABSENT = "Barnet deltog inte i mötet. Skäl"
LABEL_NEXT_ATTENDEES = "Deltar nästa gång"
LABEL_CALLED = "kallas, var inte här"
NEXT_ATTENDEES_HINT = "Enter väljer · Ctrl+N kalla någon som inte var här"
KEY_CALL = "Kalla"
LABEL_SIGNED = "har skrivit under"
LABEL_NOT_SIGNED = "har inte skrivit under än"
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
ACTION_SCREEN_COLUMNS = ("Vad", "Vem", "Huvudman", "Klart senast", "Status")

# Layout of the printed documents (PDF, DOCX, Markdown): the mark of a recorded
# signature, and planned against actual minutes drawn as bars.
SIGNED_MARK = "✓ Har skrivit under"
SIGNED_MARK_ON = "✓ Skrev under {on}"
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
KEY_CANCEL = "Avbryt"
KEY_SAVE_DIALOG = "Spara"
KEY_CHOOSE = "Välj"
KEY_ADD = "Ny"
KEY_EDIT = "Ändra"
KEY_REMOVE = "Ta bort"
KEY_TOGGLE_PRESENT = "Närvarande ja/nej"
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
CASE_DELETED = "Ärendet för {child} är borttaget, och {files} exporterade filer."
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
}
DISCARD_QUESTION = "Stänga utan att spara? Det du har skrivit här sparas inte."
DISCARD_YES = "Stäng utan att spara"
DISCARD_NO = "Fortsätt skriva"
PALETTE_PLACEHOLDER = "Sök bland kommandona …"
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
OTHER_DAY = "Mötet är planerat till {day}, inte i dag. Öppna och hålla det ändå nu?"
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
EXPORTED = "SIP:en är sparad som {path} (bara du kan läsa filen)."
EXPORT_FAILED = "Det gick inte att exportera: {problem}"
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
NO_MEETING_WITHOUT_CONSENT = (
    "Samtycket är återkallat helt. Ett nytt möte kan planeras när vårdnadshavarna har lämnat "
    "samtycke igen (E ändrar ärendet)."
)
SAVED_AGAIN = "Det går att spara igen. Allt är sparat."
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
YES = "ja"
NO = "nej"

# Capture forms.
ATTENDANCE_TITLE = "Närvarolista"
ATTENDANCE_COLUMNS = ("Namn", "Verksamhet", "Roll", "Närvarande", "Kontakt")
CONSENT_MARK_HINT = "⚠ Samtycket omfattar inte den här personens verksamhet (se steget Sekretess)."
ATTENDANCE_CLOSE = "Esc eller F2 stänger närvarolistan."
ATTENDANCE_KEYS = "Ctrl+N ny deltagare · Enter ändra · Delete ta bort · Ctrl+T närvarande eller frånvarande"
CONSENT_CONFIRMED = "Sekretessen och samtycket har tagits upp på mötet"
CONSENT_NOT_COVERED = "Närvarande vars verksamhet samtycket inte omfattar:"
CONSENT_ALL_COVERED = "Samtycket omfattar alla närvarande verksamheter."
CHILD_TOOK_PART_YES = "Barnet deltog i mötet"
CHILD_TOOK_PART_NO = "Barnet deltog inte"
LABEL_ABSENCE_REASON = "Varför deltog barnet inte?"
CHOOSE_AUTHORITY = "Välj huvudman"
CHOOSE_NAVIGATOR = "Välj lots bland de närvarande professionella"
CHOOSE_PERSON = "Välj ansvarig bland deltagarna"
NEXT_MEETING_HINT = "Skriv datum (ÅÅÅÅ-MM-DD) och tid för nästa möte, 4–16 veckor fram."
NEXT_MEETING_OK = "Nästa möte: {when}"
SIGNATURES_HINT = "Markera med mellanslag den som har skrivit under."
GOAL_HORIZON_COLUMN = "Sikt"
ACTIONS_HINT = "Ctrl+N ny insats · Enter ändra · Delete ta bort"
ACTION_STATUS_TITLE = "Insatser sedan förra mötet"
ACTION_STATUS_HINT = "Enter på en insats: sätt status (planerad, pågår, klar, ej aktuell) och kommentar."
PLACEHOLDER_ORGANISATION = "Verksamhet"
PLACEHOLDER_PHONE = "Telefon"
PLACEHOLDER_EMAIL = "E-post"
PLACEHOLDER_DATE = "ÅÅÅÅ-MM-DD"
PLACEHOLDER_TIME = "TT.MM"
PLACEHOLDER_MINUTES = "Minuter"
PLACEHOLDER_PLACE = "Plats"
PLACEHOLDER_GOAL = "Skriv ett mål och tryck Enter"
GOALS_HINT = "Enter på ett mål: tillbaka in i fältet för att ändras · Delete ta bort · Ctrl+N nytt mål"
PLACEHOLDER_CONTACT = "Telefon eller e-post"
BAD_DATE = "Datumet går inte att läsa. Skriv ÅÅÅÅ-MM-DD, till exempel 2026-03-03."
BAD_TIME = "Tiden går inte att läsa. Skriv TT.MM, till exempel 09.00."
BAD_MINUTES = "Längden ska vara 15–240 minuter."

# Dialogs.
PERSON_NEW = "Ny deltagare"
PERSON_EDIT = "Ändra deltagare"
ACTION_NEW = "Ny insats"
ACTION_EDIT = "Ändra insats"
LABEL_NAME = "Namn"
LABEL_ORGANISATION = "Verksamhet"
LABEL_ROLES = "Roll (en eller flera, mellanslag väljer)"
LABEL_ROLES_CHOOSE = "Roll (välj med Enter, en eller flera)"
LABEL_CONTACT = "Kontakt"
LABEL_PRESENT_CHECK = "Närvarande"
LABEL_WHAT = "Vad"
LABEL_WHO = "Vem"
LABEL_DUE = "Klart senast"
LABEL_COMMENT = "Kommentar"
BUTTON_SAVE = "Spara"
BUTTON_CANCEL = "Avbryt"
PROBLEM_NAME = "Skriv ett namn."
PROBLEM_ROLE = "Välj minst en roll."
PROBLEM_WHAT = "Skriv vad insatsen är."
PROBLEM_TOO_LONG = "Någon text är för lång."

# Case set-up and planning.
KEY_SAVE_CASE = "Spara ärendet"
CASE_NEW = "Nytt ärende"
CASE_EDIT = "Ändra ärende"
LABEL_CHILD_NAME = "Barn/ungdom (namn och födelseår)"
PLACEHOLDER_BIRTH_YEAR = "Födelseår"
LABEL_GUARDIAN_N = "Vårdnadshavare {n}"
LABEL_KALLELSE = "Kallelse skickad (datum)"
KALLELSE_HINT = "Första mötet ska hållas inom 15 arbetsdagar från kallelsen."
KALLELSE_DEADLINE = "Första mötet bör hållas senast {deadline} (15 arbetsdagar)."
KALLELSE_LATE = "Första mötet ({meeting}) ligger efter {deadline}, mer än 15 arbetsdagar efter kallelsen."
CONSENT_BY_GUARDIAN_N = "Vårdnadshavare {n} har samtyckt"
LABEL_CONSENT_DATE = "Samtycket lämnades (datum)"
LABEL_CONSENT_ORGANISATIONS = "Verksamheter som samtycket omfattar (en per rad)"
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
    MissingCode.PARTICIPATION: "Om barnet deltog i mötet",
    MissingCode.ABSENCE_REASON: "Varför barnet inte deltog",
    MissingCode.CHILD_VIEW: "Barnets uppfattning om insatserna",
    MissingCode.GUARDIANS_VIEW: "Vårdnadshavarnas uppfattning om insatserna",
    MissingCode.NEXT_MEETING: "Datum för nästa möte",
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
        AUTHORITY[action.authority],
        action.due.isoformat() if action.due else "",
        ACTION_STATUS[action.status],
    ]


def action_screen_row(action: Action) -> list[str]:
    """An action as the columns of ``ACTION_SCREEN_COLUMNS``: who and where in one column."""
    who = ", ".join(x for x in (action.responsible, action.organisation) if x)
    return [
        action.what,
        who,
        AUTHORITY[action.authority],
        action.due.isoformat() if action.due else "",
        ACTION_STATUS[action.status],
    ]


NEXT_MEETING_PROBLEM = {
    "bad_date": BAD_DATE,
    "bad_time": BAD_TIME,
    "bad_minutes": BAD_MINUTES,
}


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

