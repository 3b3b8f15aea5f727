"""The JSON interchange format: a whole case with its meetings, versioned.

``to_json`` writes it, ``read_document`` validates it (raising ``DocumentError`` with the
location of the first problem), and ``document_schema`` gives its JSON Schema.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from facilitator.agenda.models import Case, Meeting, Record
from facilitator.store.migrations import upgrade_document

FORMAT = "facilitator-case"


class CaseDocument(Record):
    """A case and every meeting of it in order, each with its SIP: the n-th meeting's SIP
    is revision n of the plan. The case carries the consent with its revocations and the
    history of the lots."""

    format: Literal["facilitator-case"] = FORMAT
    case: Case
    meetings: Annotated[list[Meeting], Field(max_length=50)] = []

    @model_validator(mode="after")
    def _belongs_together(self) -> CaseDocument:
        ids = [m.id for m in self.meetings]
        if len(set(ids)) != len(ids):
            _refuse(SHARED_ID, "meetings")
        for index, meeting in enumerate(self.meetings):
            if meeting.case_id != self.case.id:
                _refuse(NOT_OF_THE_CASE, f"meetings.{index}.case_id")
            problem = _unresolved(meeting)
            if problem:
                _refuse(problem[0], f"meetings.{index}.{problem[1]}")
        return self


SHARED_ID = "shared_id"
"""Two records of one list carry the same id."""
NOT_OF_THE_CASE = "not_of_the_case"
"""A meeting of another case."""
UNRESOLVED = "unresolved_reference"
"""An id that names nothing in the document."""


def _refuse(code: str, location: str) -> None:
    raise PydanticCustomError(code, "{location}: the parts of the document do not hold together", {"location": location})


def _unresolved(meeting: Meeting) -> tuple[str, str] | None:
    """(code, location in the meeting) of the first id that names nothing or is used
    twice, or None."""
    people = [p.id for p in meeting.attendance]
    if len(set(people)) != len(people):
        return SHARED_ID, "attendance"
    for index, person in enumerate(meeting.attendance):
        if not set(person.interprets_for) <= set(people):
            return UNRESOLVED, f"attendance.{index}.interprets_for"
    called = [p.id for p in meeting.sip.next_meeting.called]
    if len(set(called)) != len(called):
        return SHARED_ID, "sip.next_meeting.called"
    sip = meeting.sip
    goals, actions = [g.id for g in sip.goals], [a.id for a in sip.actions]
    if len(set(goals)) != len(goals):
        return SHARED_ID, "sip.goals"
    if len(set(actions)) != len(actions) or set(goals) & set(actions):
        return SHARED_ID, "sip.actions"
    if sip.child_focus is not None and sip.child_focus not in {*goals, *actions}:
        return UNRESOLVED, "sip.child_focus"
    navigator = sip.navigator
    if navigator is not None and navigator.person_id is not None and navigator.person_id not in people:
        return UNRESOLVED, "sip.navigator.person_id"
    return None


def resolved(meeting: Meeting) -> Meeting:
    """The meeting with the references the app leaves behind when something is removed
    (an interpreter's person, the goal the child's view showed, the lots' person) taken
    out, so that a document the app writes is always one it reads."""
    people = {p.id for p in meeting.attendance}
    sip = meeting.sip
    items = {g.id for g in sip.goals} | {a.id for a in sip.actions}
    navigator = sip.navigator
    if navigator is not None and navigator.person_id is not None and navigator.person_id not in people:
        navigator = navigator.model_copy(update={"person_id": None})
    focus = sip.child_focus if sip.child_focus in items else None
    attendance = [
        p if set(p.interprets_for) <= people
        else p.model_copy(update={"interprets_for": [i for i in p.interprets_for if i in people]})
        for p in meeting.attendance
    ]
    if (navigator, focus, attendance) == (sip.navigator, sip.child_focus, meeting.attendance):
        return meeting
    sip = sip.model_copy(update={"navigator": navigator, "child_focus": focus})
    return meeting.model_copy(update={"sip": sip, "attendance": attendance})


class DocumentError(ValueError):
    """The file is not a valid case document; ``location`` says where it first goes wrong
    ("file": not a JSON object at all), ``code`` what is wrong there (pydantic's error type,
    such as "missing")."""

    def __init__(self, location: str, problem: str, code: str = ""):
        super().__init__(f"{location}: {problem}")
        self.location = location
        self.problem = problem
        self.code = code


def to_json(case: Case, meetings: list[Meeting]) -> str:
    ordered = sorted((resolved(m) for m in meetings), key=lambda m: (m.planned_start, m.id))
    document = CaseDocument(case=case, meetings=ordered)
    return document.model_dump_json(indent=2) + "\n"


def read_document(data: bytes | str) -> CaseDocument:
    try:
        parsed = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise DocumentError("file", f"not JSON ({exc})") from None
    if not isinstance(parsed, dict):
        raise DocumentError("file", "expected a JSON object")
    try:
        return CaseDocument.model_validate(upgrade_document(parsed))
    except ValidationError as exc:
        error = exc.errors()[0]
        location = ".".join(str(part) for part in error["loc"]) or "document"
        if error["type"] in (SHARED_ID, NOT_OF_THE_CASE, UNRESOLVED):
            location = str((error.get("ctx") or {}).get("location", location))
        raise DocumentError(location, error["msg"], error["type"]) from None
    except RecursionError:
        raise DocumentError("file", "nested too deeply") from None


def document_schema() -> dict:
    return CaseDocument.model_json_schema()
