"""SIP revisions: the SIP as it stood after each meeting of a case."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from facilitator.agenda.models import MeetingKind, Record, Sip


class SipRevision(Record):
    """The SIP of one meeting. Revision 1 is the first meeting's plan."""

    case_id: str
    meeting_id: str
    number: Annotated[int, Field(ge=1)]
    kind: MeetingKind
    saved_wall_ns: int
    sip: Sip
