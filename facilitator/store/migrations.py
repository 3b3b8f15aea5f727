"""Schema versions of the database and of the stored records.

The database's version is in the one-row table ``schema_version``. Each step in
``SCHEMA_STEPS`` brings a database from the version before it to its own; opening a
database runs the steps it lacks, each in one transaction. A database from a newer
version is refused, never written to.

Records carry their own ``schema_version``; ``RECORD_UPGRADES`` maps a version to the
function that turns a record of that version into the next one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from facilitator.agenda.kinds import SCHEMA_VERSION
from facilitator.agenda.models import fold, legacy_organisation_id
from facilitator.store.errors import DatabaseUnreadable, Unreadable

SCHEMA_STEPS: dict[int, list[str]] = {
    1: [
        "CREATE TABLE schema_version (version INTEGER NOT NULL)",
        """CREATE TABLE cases (
            id TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        """CREATE TABLE meetings (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            planned_start TEXT NOT NULL,
            status TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX meetings_by_case ON meetings (case_id, planned_start)",
        """CREATE TABLE sip_revisions (
            meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
            case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            saved_wall_ns INTEGER NOT NULL,
            data TEXT NOT NULL,
            UNIQUE (case_id, number)
        )""",
        "INSERT INTO schema_version (version) VALUES (0)",
    ],
    2: [
        # The text of a step as it is being typed, written a moment after each pause in
        # typing so the room view can show it; the meeting's own row replaces it at the
        # next save (see Store.write_meeting). A draft present is newer than its meeting.
        """CREATE TABLE drafts (
            meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
            saved_wall_ns INTEGER NOT NULL,
            data TEXT NOT NULL
        )""",
    ],
}

CURRENT_VERSION = max(SCHEMA_STEPS)

def _lead_kommun_or_region(record: dict) -> dict:
    """3 allows only a kommun or a region as the lead authority (the law names no other):
    a SIP (alone, or a meeting's) that named another actor has none, so it asks again.
    3 also adds goals' status and evaluation and the SIP's new texts (defaults)."""
    for sip in (record, record.get("sip")):
        if isinstance(sip, dict):
            lead = sip.get("lead_authority")
            if isinstance(lead, dict) and lead.get("authority") not in ("kommun", "region"):
                sip["lead_authority"] = None
    return record


def _held_and_presence(record: dict) -> dict:
    """4 records how each person took part instead of a yes or no (present: in the room;
    absent: absent), how the child took part instead of a yes or no (the whole meeting, or
    not at all), and when a meeting was held (a meeting that has run was held on its
    planned day). Those called to the next meeting are not marked: they have not come yet.
    4 also adds titles, interpreters' languages and whom they interpret for (defaults)."""

    def mark(person: object, called: bool = False) -> None:
        if isinstance(person, dict) and "present" in person:
            was = person.pop("present")
            if not called:
                person["presence"] = "on_site" if was else "absent"

    if isinstance(record.get("steps"), list):  # a meeting
        for person in record.get("attendance") or []:
            mark(person)
        if record.get("status") in ("running", "finished") and not record.get("held_start"):
            record["held_start"] = record.get("planned_start")
    for sip in (record, record.get("sip")):
        if not isinstance(sip, dict):
            continue
        if "child_participated" in sip:
            took_part = sip.pop("child_participated")
            sip["child_participation"] = None if took_part is None else ("whole" if took_part else "none")
        upcoming = sip.get("next_meeting")
        if isinstance(upcoming, dict):
            for person in upcoming.get("called") or []:
                mark(person, called=True)
    return record


def _organisation_records(record: dict) -> dict:
    """6 keeps the case's verksamheter as records and refers to them by id: the consent's
    verksamheter and revocations, and in a meeting each person's, insats's, the lots's and
    the huvudansvarig's verksamhet. Each distinct name (case and spaces aside) becomes one
    record, with the same id in the case and in its meetings. Each guardian gets an id, and
    the consent names who gave it by id (a name that is no guardian's is left out)."""
    case_id = record.get("id") if "child" in record else record.get("case_id")
    if not isinstance(case_id, str):
        return record

    def tie(holder: object) -> None:
        if isinstance(holder, dict) and "organisation_id" not in holder:
            name = holder.get("organisation")
            if isinstance(name, str) and fold(name):
                holder["organisation_id"] = legacy_organisation_id(case_id, name)

    if "child" in record:  # a case
        consent = record.get("consent") if isinstance(record.get("consent"), dict) else {}
        records: dict[str, dict] = {
            o["id"]: o for o in record.get("organisations") or [] if isinstance(o, dict) and isinstance(o.get("id"), str)
        }

        def named(name: object) -> str | None:
            if not isinstance(name, str) or not fold(name):
                return None
            key = legacy_organisation_id(case_id, name)
            records.setdefault(key, {"id": key, "name": name})
            return key

        if "organisations" in consent:
            covered = [named(n) for n in consent.pop("organisations") or []]
            consent.setdefault("covered", list(dict.fromkeys(c for c in covered if c)))
        for revocation in consent.get("revocations") or []:
            if isinstance(revocation, dict) and "organisation_id" not in revocation:
                revocation["organisation_id"] = named(revocation.get("organisation"))
        guardians = [g for g in record.get("guardians") or [] if isinstance(g, dict)]
        for number, guardian in enumerate(guardians):
            guardian.setdefault("id", legacy_organisation_id(case_id, f"guardian {number}"))
        if "given_by" in consent:
            given_by = consent.pop("given_by") or []
            on = consent.get("given_on")
            consent.setdefault(
                "givers",
                [
                    {"party": "guardian", "guardian_id": g["id"], "name": g.get("name"), "on": on}
                    for g in guardians
                    if on and g.get("name") in given_by
                ],
            )
        record["consent"] = consent
        record["organisations"] = list(records.values())
    else:  # a meeting, with its SIP
        for person in record.get("attendance") or []:
            tie(person)
        sip = record.get("sip")
        if isinstance(sip, dict):
            upcoming = sip.get("next_meeting")
            for person in (upcoming.get("called") or []) if isinstance(upcoming, dict) else []:
                tie(person)
            for action in sip.get("actions") or []:
                tie(action)
            tie(sip.get("navigator"))
            tie(sip.get("lead_authority"))
    return record


RECORD_UPGRADES: dict[int, Callable[[dict], dict]] = {
    1: lambda record: record,  # 2 adds the SIP's notes from the presentation round (default "")
    2: _lead_kommun_or_region,
    3: _held_and_presence,
    4: lambda record: record,  # 5 adds the child's lines and understanding (defaults)
    5: _organisation_records,
}
"""version → function from a record of that version to one of the next version."""


def database_version(db: sqlite3.Connection, path: Path) -> int:
    tables = {
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    if "schema_version" not in tables:
        if tables:
            raise DatabaseUnreadable(path, "holds tables of another program, not facilitator's", Unreadable.NOT_OURS)
        return 0
    rows = db.execute("SELECT version FROM schema_version").fetchall()
    if len(rows) != 1:
        raise DatabaseUnreadable(path, "has a damaged schema_version table")
    version = rows[0][0]
    if not isinstance(version, int) or version < 1:
        # Version 0 is a database being made, with no tables yet: with them, damage.
        raise DatabaseUnreadable(path, "has a damaged schema_version table")
    return version


def check_version(db: sqlite3.Connection, path: Path) -> int:
    """The database's version, read without writing; refuses another program's file and
    one from a newer facilitator."""
    found = database_version(db, path)
    if found > CURRENT_VERSION:
        raise DatabaseUnreadable(
            path,
            f"was written by a newer facilitator (schema {found}, this one knows "
            f"{CURRENT_VERSION}); upgrade facilitator to open it",
            Unreadable.NEWER,
        )
    return found


def migrate(db: sqlite3.Connection, path: Path) -> int:
    """Bring the database to ``CURRENT_VERSION``; returns the version it had."""
    found = check_version(db, path)
    for version in range(found + 1, CURRENT_VERSION + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in SCHEMA_STEPS[version]:
                db.execute(statement)
            db.execute("UPDATE schema_version SET version = ?", (version,))
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    return found


def upgrade_record(text: str) -> str:
    """The JSON of a stored record, brought up to the current record version."""
    data = json.loads(text)
    if not isinstance(data, dict) or _version(data) >= SCHEMA_VERSION:
        return text
    return json.dumps(upgrade_data(data))


def _version(data: dict) -> int:
    version = data.get("schema_version", 1)
    return version if isinstance(version, int) and not isinstance(version, bool) else SCHEMA_VERSION


def upgrade_data(data: dict) -> dict:
    """A record as parsed JSON, brought up to the current record version in place (a
    version that is not a whole number is left for validation to refuse)."""
    version = _version(data)
    while 1 <= version < SCHEMA_VERSION:
        data = RECORD_UPGRADES[version](data)
        version += 1
        data["schema_version"] = version
    return data


def upgrade_document(data: dict) -> dict:
    """A case document (the JSON interchange format) of any earlier version, each record
    in it brought up to the current version: the case, and each meeting with its SIP."""
    if isinstance(data.get("case"), dict):
        upgrade_data(data["case"])
    meetings = data.get("meetings")
    for meeting in meetings if isinstance(meetings, list) else []:
        if isinstance(meeting, dict):
            sip = meeting.get("sip")
            upgrade_data(meeting)
            if isinstance(sip, dict):
                upgrade_data(sip)
    return upgrade_data(data)
