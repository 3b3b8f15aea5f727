"""The JSON interchange format: a whole case with its meetings, versioned.

``to_json`` writes it, ``read_document`` validates it (raising ``DocumentError`` with the
location of the first problem), and ``document_schema`` gives its JSON Schema.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import Field, ValidationError, model_validator

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
            raise ValueError("two meetings share an id")
        for index, meeting in enumerate(self.meetings):
            if meeting.case_id != self.case.id:
                raise ValueError(f"meetings.{index}.case_id is not the id of the case")
        return self


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
    document = CaseDocument(case=case, meetings=sorted(meetings, key=lambda m: (m.planned_start, m.id)))
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
        raise DocumentError(location, error["msg"], error["type"]) from None
    except RecursionError:
        raise DocumentError("file", "nested too deeply") from None


def document_schema() -> dict:
    return CaseDocument.model_json_schema()
