"""The plan for the child: one page in plain words, written to the child, built once as a
``SipDocument`` so that the PDF and Markdown renderers print it.

The Lotsmodellen page: "Barnet har rätt till information och rätt till hjälp att förstå
den information som ges", and the one who calls the meeting "ansvarar för att barnet får
och förstår information och fattade beslut". So the page says what was talked about (the
meeting's summary), the goals as they were typed, who does what and by when (first names
and where they work, in a child's words), who the lots is and how to reach them, when we
meet next (at the closing meeting: that the meetings are over, and what to do if things
get worse) and the child's own words as they were recorded.

Only what the child has been part of, from the same models as the SIP: no professionals'
story, no consent, no notes, no surnames of professionals, nothing marked as missing and
no signature lines. What the meeting did not record is left off, not invented. A pure
function of the case and the meeting.
"""

from __future__ import annotations

import re
from datetime import date

from facilitator import strings as sv
from facilitator.agenda.models import (
    Action,
    Case,
    Meeting,
    MeetingKind,
    Navigator,
    Person,
    Role,
)
from facilitator.agenda.sipview import Section, SipDocument

TYPE_SCALE = 1.25
"""The child's plan is set this much larger than the SIP."""

_SHORT_WORD = 4
"""A place's word this short must be a whole word of the organisation ("bup")."""
_NAMES_APART = re.compile(r"\s*(?:,|&|/|\boch\b)\s*", re.IGNORECASE)
"""What separates two people in the SIP's "Vem" ("Karin Lund och Ana Đorđević")."""


def _joined(names: list[str]) -> str:
    """"Karin", "Karin och Ana", "Karin, Ana och Mia"."""
    return sv.listing(names)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n") if p.strip()]


def first_name(name: str) -> str:
    """The first word of a name: what a child calls a grown-up ("Karin")."""
    words = name.split()
    return words[0] if words else ""


def plain_place(organisation: str) -> str:
    """Where someone works, as a child says it: "skolan", "BUP", "socialtjänsten"; a
    verksamhet that none of the known words fits, as it was typed."""
    words = re.findall(r"[^\W\d_]+", organisation.casefold())
    for keys, place in sv.CHILD_PLACES:
        for key in keys:
            if any(word == key or (len(key) > _SHORT_WORD and key in word) for word in words):
                return place
    return organisation.strip()


def _is_navigator(person: Person, navigator: Navigator | None) -> bool:
    return navigator is not None and (
        navigator.person_id == person.id or _fold(navigator.name) == _fold(person.name)
    )


def _day(value: date, meeting_day: date) -> str:
    """A day as a child reads it: "20 mars", with the year when it is not this year's."""
    text = f"{value.day} {sv.MONTHS[value.month - 1]}"
    return text if value.year == meeting_day.year else f"{text} {value.year}"


class _People:
    """The people of the case and the meeting, found by name as the SIP records them."""

    def __init__(self, case: Case, meeting: Meeting):
        self.navigator = meeting.sip.navigator
        self.by_name = {_fold(p.name): p for p in meeting.attendance}
        self.family = {_fold(g.name) for g in case.guardians} | {
            _fold(p.name)
            for p in meeting.attendance
            if Role.GUARDIAN in p.roles or Role.PRIVATE_NETWORK in p.roles
        }
        self.child = {_fold(case.child.name)} | {
            _fold(p.name) for p in meeting.attendance if Role.CHILD in p.roles
        }

    def _is_lots(self, key: str, person: Person | None) -> bool:
        if person is not None and _is_navigator(person, self.navigator):
            return True
        return self.navigator is not None and _fold(self.navigator.name) == key

    def who(self, names: str, organisation: str) -> str:
        """Who does something, as the child says it: "Du", "Mia", "Karin på skolan",
        "Łukasz på BUP, din lots", "Karin och Ana på skolan"; never a professional's
        surname. ``names`` is the SIP's "Vem": one name, or several joined by commas or
        "och"."""
        parts = [part.strip() for part in _NAMES_APART.split(names) if part.strip()]
        if not parts:
            place = plain_place(organisation)
            return sv.CHILD_AT.format(name=sv.CHILD_SOMEONE, place=place) if place else sv.CHILD_WHO_UNKNOWN
        said: list[str] = []
        professionals: list[Person | None] = []
        for part in parts:
            key = _fold(part)
            if key in self.child:
                said.append(sv.CHILD_YOU if not said else sv.CHILD_YOU.lower())
                continue
            person = self.by_name.get(key)
            name = first_name(person.name if person is not None else part)
            if key not in self.family:
                professionals.append(person)
                # Without the insats's verksamhet, each where the attendance list says.
                own = "" if organisation else plain_place(person.organisation if person else "")
                name = sv.CHILD_AT.format(name=name, place=own) if own else name
            said.append(name)
        text = _joined(said)
        place = plain_place(organisation)
        if professionals and place:
            text = sv.CHILD_AT.format(name=text, place=place)
        if len(parts) == 1 and professionals and self._is_lots(_fold(parts[0]), professionals[0]):
            text = sv.CHILD_YOUR_LOTS.format(who=text)
        return text


def _action(action: Action, people: _People, meeting_day: date) -> str:
    line = sv.CHILD_ACTION.format(who=people.who(action.responsible, action.organisation), what=action.what)
    if action.due is not None:
        line = sv.CHILD_ACTION_DUE.format(line=line, day=_day(action.due, meeting_day))
    status = sv.CHILD_ACTION_STATUS[action.status]
    return sv.CHILD_WITH_STATUS.format(line=line, status=status) if status else line


def _lots(meeting: Meeting, closing: bool) -> Section | None:
    """Who the lots is, what a lots is, and how to reach them (at the closing meeting:
    who it was; the meetings are over, so whom to call is said under "if worse")."""
    nav = meeting.sip.navigator
    if nav is None:
        return None if closing else Section(sv.CHILD_SECTION_LOTS, [sv.CHILD_LOTS_NONE])
    person = next((p for p in meeting.attendance if _is_navigator(p, nav)), None)
    place = plain_place(nav.organisation or (person.organisation if person else ""))
    name = first_name(nav.name)
    who = sv.CHILD_AT.format(name=name, place=place) if place else name
    if closing:
        return Section(sv.CHILD_SECTION_LOTS, [sv.CHILD_LOTS_WAS.format(who=who)])
    items = []
    if nav.phone.strip():
        items.append(sv.CHILD_LOTS_PHONE.format(phone=nav.phone.strip()))
    if nav.email.strip():
        items.append(sv.CHILD_LOTS_EMAIL.format(email=nav.email.strip()))
    if not items and person is not None and person.contact.strip():
        items.append(sv.CHILD_LOTS_CONTACT.format(name=name, contact=person.contact.strip()))
    return Section(sv.CHILD_SECTION_LOTS, [sv.CHILD_LOTS_IS.format(who=who), sv.CHILD_LOTS_ABOUT], items=items)


def _next(meeting: Meeting) -> Section:
    nxt = meeting.sip.next_meeting
    if nxt.start is None:
        return Section(sv.CHILD_SECTION_NEXT, [sv.CHILD_NEXT_NOT_SET])
    items = [
        sv.CHILD_NEXT_DAY.format(day=sv.long_day(nxt.start.date())),
        sv.CHILD_NEXT_TIME.format(time=f"{nxt.start:%H.%M}"),
    ]
    if nxt.place.strip():
        items.append(sv.CHILD_NEXT_PLACE.format(place=nxt.place.strip()))
    last = [sv.CHILD_NEXT_LAST] if nxt.kind is MeetingKind.CLOSING else []
    return Section(sv.CHILD_SECTION_NEXT, last, items=items)


def child_plan_document(case: Case, meeting: Meeting) -> SipDocument:
    sip = meeting.sip
    closing = meeting.kind is MeetingKind.CLOSING
    follow_up = meeting.kind is not MeetingKind.FIRST
    day = meeting.day
    people = _People(case, meeting)
    child = first_name(case.child.name)

    facts = [
        (sv.LABEL_CHILD_PLAN_TO, child),
        (sv.LABEL_CHILD_PLAN_MEETING, sv.long_day(day)),
    ]
    if meeting.place.strip():
        facts.append((sv.LABEL_CHILD_PLAN_PLACE, meeting.place.strip()))

    goals = [
        sv.CHILD_WITH_STATUS.format(line=g.text, status=sv.CHILD_GOAL_STATUS[g.status])
        if follow_up and g.status is not None
        else g.text
        for g in sip.goals
    ]
    sections = [
        Section(sv.CHILD_SECTION_TALKED, _paragraphs(sip.summary), optional=True),
        Section(sv.CHILD_SECTION_SAID, _paragraphs(sip.child_view), optional=True),
        Section(sv.CHILD_SECTION_GOALS, items=goals, optional=True),
        Section(sv.CHILD_SECTION_WHO, items=[_action(a, people, day) for a in sip.actions], optional=True),
    ]
    lots = _lots(meeting, closing)
    if lots is not None:
        sections.append(lots)
    if closing:
        sections.append(Section(sv.CHILD_SECTION_CLOSED, [sv.CHILD_CLOSED]))
        sections.append(Section(sv.CHILD_SECTION_IF_WORSE, _paragraphs(sip.if_worse), optional=True))
    else:
        sections.append(_next(meeting))

    return SipDocument(
        sv.CHILD_PLAN_TITLE,
        facts,
        sections,
        [],
        header_line=f"{sv.CHILD_PLAN_TITLE} – {child} – {day:%Y-%m-%d}",
        confidential=sv.CHILD_PLAN_FOOTER,
        type_scale=TYPE_SCALE,
    )
