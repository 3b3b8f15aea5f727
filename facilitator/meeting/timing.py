"""When to write: the save after a pause in typing, and the draft a moment after each key.

Read from the injected clock's monotonic reading, so a test decides what time it is.
Two deadlines run side by side:

- the **save** (the whole meeting, its SIP revision, the timer): after ``QUIET`` without
  a key, and at the latest ``LONGEST`` after the first key not yet saved, so a kill
  costs at most a second of typing;
- the **draft** (only the free text as typed, for the room view): after
  ``DRAFT_QUIET`` without a key, and at the latest ``DRAFT_LONGEST`` after the first key
  not yet drafted, so the room reads along within a breath even while typing goes on.

A save also covers the draft; a change already in the models (a choice, a list edit, a
step change) is saved at once.
"""

from __future__ import annotations

from enum import Enum

from facilitator.agenda.clock import NS_PER_MS

QUIET_NS = 500 * NS_PER_MS
LONGEST_NS = 1000 * NS_PER_MS
DRAFT_QUIET_NS = 60 * NS_PER_MS
DRAFT_LONGEST_NS = 200 * NS_PER_MS


class Due(Enum):
    NOTHING = "nothing"
    DRAFT = "draft"
    SAVE = "save"


class SaveTiming:
    def __init__(self) -> None:
        self._last_edit: int | None = None
        self._unsaved_since: int | None = None
        self._undrafted_since: int | None = None

    @property
    def unsaved(self) -> bool:
        return self._unsaved_since is not None

    def edited(self, now_ns: int) -> None:
        """A key changed the text at ``now_ns``."""
        self._last_edit = now_ns
        if self._unsaved_since is None:
            self._unsaved_since = now_ns
        if self._undrafted_since is None:
            self._undrafted_since = now_ns

    def due(self, now_ns: int) -> Due:
        if self._unsaved_since is None or self._last_edit is None:
            return Due.NOTHING
        quiet = now_ns - self._last_edit
        if quiet >= QUIET_NS or now_ns - self._unsaved_since >= LONGEST_NS:
            return Due.SAVE
        if self._undrafted_since is not None and (
            quiet >= DRAFT_QUIET_NS or now_ns - self._undrafted_since >= DRAFT_LONGEST_NS
        ):
            return Due.DRAFT
        return Due.NOTHING

    def saved(self) -> None:
        """Everything typed so far went into a save."""
        self._unsaved_since = None
        self._undrafted_since = None

    def drafted(self) -> None:
        """Everything typed so far went into a draft."""
        self._undrafted_since = None
