"""The plan for the child: one page in plain words, written to the child, built once as a
``SipDocument`` so that the PDF and Markdown renderers print it.

The Lotsmodellen page: "Barnet har rätt till information och rätt till hjälp att förstå
den information som ges", and SoL (2025:400) 3 kap. 3 §: information fit for the child's
age and maturity. So the page holds only what was written for the child: the meeting
summed up for the child, each goal and insats by its line for the child (those without
one are left off, and one line says the adults explain the rest), who does what and by
when (first names and where they work; every day with its year; a day passed said
plainly), when we meet next (at the closing meeting: that the meetings are over, and
whom to call if things get hard again, with a number) and, last, the lots and when to
call them. The child's view is "Det här sa du" only when the child said it.

Never an adult field as typed: no summary, no goal or insats text, no professionals'
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
    ActionStatus,
    Case,
    ChildParticipation,
    Goal,
    Meeting,
    MeetingKind,
    Navigator,
    Person,
    Role,
    Sip,
)
from facilitator.views.sipview import Section, SipDocument

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


def _day(value: date) -> str:
    """A day as a child reads it, always with its year: "20 mars 2026"."""
    return f"{value.day} {sv.MONTHS[value.month - 1]} {value.year}"


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


_FINISHED = frozenset({ActionStatus.DONE, ActionStatus.NOT_RELEVANT})


def _action(action: Action, people: _People, meeting_day: date) -> str:
    """An insats by its line for the child: who, what, by when (said plainly when that
    day has passed and it is not done), and how it stands."""
    line = sv.CHILD_ACTION.format(who=people.who(action.responsible, action.organisation), what=action.child)
    if action.due is not None and action.due < meeting_day and action.status not in _FINISHED:
        return sv.CHILD_ACTION_LATE.format(line=line, day=_day(action.due))
    if action.due is not None:
        line = sv.CHILD_ACTION_DUE.format(line=line, day=_day(action.due))
    status = sv.CHILD_ACTION_STATUS[action.status]
    return sv.CHILD_WITH_STATUS.format(line=line, status=status) if status else line


def _goal(goal: Goal, follow_up: bool) -> str:
    if follow_up and goal.status is not None:
        return sv.CHILD_WITH_STATUS.format(line=goal.child, status=sv.CHILD_GOAL_STATUS[goal.status])
    return goal.child


class _Lots:
    """The lots as the child knows them: first name, where they work, how to reach them."""

    def __init__(self, meeting: Meeting):
        nav = self.navigator = meeting.sip.navigator
        person = next((p for p in meeting.attendance if nav and _is_navigator(p, nav)), None)
        self.name = first_name(nav.name) if nav else ""
        place = plain_place(nav.organisation or (person.organisation if person else "")) if nav else ""
        self.who = sv.CHILD_AT.format(name=self.name, place=place) if place else self.name
        self.phone = nav.phone.strip() if nav else ""
        self.email = nav.email.strip() if nav else ""
        self.contact = person.contact.strip() if person else ""

    def reach(self) -> list[str]:
        items = []
        if self.phone:
            items.append(sv.CHILD_LOTS_PHONE.format(phone=self.phone))
        if self.email:
            items.append(sv.CHILD_LOTS_EMAIL.format(email=self.email))
        if not items and self.contact:
            items.append(sv.CHILD_LOTS_CONTACT.format(name=self.name, contact=self.contact))
        return items

    def section(self, closing: bool) -> Section | None:
        """Who the lots is, what a lots is, how to reach them and when (at the closing
        meeting: who it was; whom to call is said under "if it gets hard again")."""
        if self.navigator is None:
            return None if closing else Section(sv.CHILD_SECTION_LOTS, [sv.CHILD_LOTS_NONE])
        if closing:
            return Section(sv.CHILD_SECTION_LOTS, [sv.CHILD_LOTS_WAS.format(who=self.who)])
        items = self.reach()
        paragraphs = [sv.CHILD_LOTS_IS.format(who=self.who), sv.CHILD_LOTS_ABOUT]
        if items:
            paragraphs.append(sv.CHILD_LOTS_CALL.format(name=self.name))
        return Section(sv.CHILD_SECTION_LOTS, paragraphs, items=items)

    def if_worse(self) -> Section:
        """At the closing meeting: whom to call if things get hard again, with a number."""
        first = (
            sv.CHILD_IF_WORSE_CALL.format(who=self.who, phone=self.phone)
            if self.navigator is not None and self.phone
            else sv.CHILD_IF_WORSE_TALK
        )
        return Section(sv.CHILD_SECTION_IF_WORSE, [first, sv.CHILD_IF_WORSE_BRIS])


def _said(sip: Sip) -> Section:
    """The child's view: "Det här sa du" only for the child's own words."""
    relayed = sip.child_view_relayed_by.strip()
    if relayed:
        heading = sv.CHILD_SECTION_RELAYED.format(who=relayed)
    elif sip.child_participation is ChildParticipation.NONE:
        heading = sv.CHILD_SECTION_HEARD
    else:
        heading = sv.CHILD_SECTION_SAID
    return Section(heading, _paragraphs(sip.child_view), optional=True)


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


def _decided(sip: Sip, people: _People, day: date, follow_up: bool) -> list[Section]:
    """The goals and insatser by their lines for the child; one line for the rest."""
    goals = [_goal(g, follow_up) for g in sip.goals if g.child.strip()]
    actions = [_action(a, people, day) for a in sip.actions if a.child.strip()]
    untold = len(goals) < len(sip.goals) or len(actions) < len(sip.actions)
    rest = sv.CHILD_GOALS_REST if goals or actions else sv.CHILD_GOALS_UNTOLD
    return [
        Section(sv.CHILD_SECTION_GOALS, items=goals, optional=True),
        Section(sv.CHILD_SECTION_WHO, items=actions, optional=True),
        Section(sv.CHILD_SECTION_REST, [rest] if untold else [], optional=True),
    ]


def child_plan_document(case: Case, meeting: Meeting) -> SipDocument:
    sip = meeting.sip
    closing = meeting.kind is MeetingKind.CLOSING
    day = meeting.day
    child = first_name(case.child.name)

    facts = [
        (sv.LABEL_CHILD_PLAN_TO, child),
        (sv.LABEL_CHILD_PLAN_MEETING, sv.long_day(day)),
    ]
    if meeting.place.strip():
        facts.append((sv.LABEL_CHILD_PLAN_PLACE, meeting.place.strip()))

    sections = [
        Section(sv.CHILD_SECTION_TALKED, _paragraphs(sip.child_summary), optional=True),
        _said(sip),
        *_decided(sip, _People(case, meeting), day, meeting.kind is not MeetingKind.FIRST),
    ]
    lots = _Lots(meeting)
    if closing:
        sections.append(Section(sv.CHILD_SECTION_CLOSED, [sv.CHILD_CLOSED]))
        sections.extend(s for s in (lots.section(closing), lots.if_worse()) if s is not None)
    else:
        sections.append(_next(meeting))
        sections.append(lots.section(closing))

    return SipDocument(
        sv.CHILD_PLAN_TITLE,
        facts,
        sections,
        [],
        header_line=f"{sv.CHILD_PLAN_TITLE} – {child} – {day:%Y-%m-%d}",
        confidential=sv.CHILD_PLAN_FOOTER,
        type_scale=TYPE_SCALE,
    )
