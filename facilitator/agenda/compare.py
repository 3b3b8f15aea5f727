"""How a case in a file differs from the same case in the database: what the command line
says before it replaces one with the other (a copy saved when the database could not be
written comes back this way)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from facilitator.agenda.models import Case, Meeting


class Difference(NamedTuple):
    """What replacing the stored case with the file's would change."""

    fields: int
    """Values (a text, a date, a status, an entry of a list) that differ, in the case and
    in the meetings both hold."""
    changed_meetings: int
    """Meetings in both that differ."""
    new_meetings: int
    """Meetings only in the file: added."""
    kept_meetings: int
    """Meetings only in the database: kept as they are."""
    file_chars: int
    """Characters of text in the file's case and meetings."""
    stored_chars: int
    """Characters of text in the database's case and the meetings the file holds too."""
    newer: str
    """"file", "database" or "" (the same, or not known): whose meetings were saved last."""

    @property
    def none(self) -> bool:
        return not (self.fields or self.new_meetings)


def _leaves(value: object, path: str = "") -> Iterator[tuple[str, object]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, f"{path}.{index}")
    else:
        yield path, value


def _flat(record: Case | Meeting) -> dict[str, object]:
    return dict(_leaves(record.model_dump(mode="json", exclude={"schema_version"})))


def _chars(flat: dict[str, object]) -> int:
    return sum(len(value) for value in flat.values() if isinstance(value, str))


def _fields_apart(a: dict[str, object], b: dict[str, object]) -> int:
    return sum(1 for key in a.keys() | b.keys() if key not in a or key not in b or a[key] != b[key])


def _saved(meetings: Sequence[Meeting]) -> int:
    return max((m.timer.saved_wall_ns or 0 for m in meetings), default=0)


def difference(stored: Case, stored_meetings: Sequence[Meeting], case: Case, meetings: Sequence[Meeting]) -> Difference:
    """How ``case`` with ``meetings`` (the file's) differs from ``stored`` with
    ``stored_meetings`` (the database's): meetings are matched by id."""
    in_db = {m.id: m for m in stored_meetings}
    stored_case, file_case = _flat(stored), _flat(case)
    fields = _fields_apart(stored_case, file_case)
    file_chars, stored_chars = _chars(file_case), _chars(stored_case)
    changed = new = 0
    for meeting in meetings:
        mine = _flat(meeting)
        file_chars += _chars(mine)
        other = in_db.get(meeting.id)
        if other is None:
            new += 1
            continue
        theirs = _flat(other)
        stored_chars += _chars(theirs)
        apart = _fields_apart(theirs, mine)
        fields += apart
        changed += bool(apart)
    kept = len(in_db.keys() - {m.id for m in meetings})
    common = [m.id for m in meetings if m.id in in_db]
    file_saved = _saved([m for m in meetings if m.id in common])
    db_saved = _saved([in_db[mid] for mid in common])
    newer = "file" if file_saved > db_saved else "database" if db_saved > file_saved else ""
    return Difference(fields, changed, new, kept, file_chars, stored_chars, newer)
