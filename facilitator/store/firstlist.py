"""What the start screen shows first, read on a thread of its own while the app starts:
any text an earlier run kept beside the database goes into it, then the meetings are
listed. A database another program holds delays only the list, never the screen."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from dataclasses import dataclass

from facilitator.store.database import MeetingSummary, Store
from facilitator.store.errors import StoreError


@dataclass(frozen=True)
class FirstList:
    """The meetings (or why they could not be read), and whether text kept beside the
    database by a run that ended (a crash, kill -9) went into it first."""

    meetings: list[MeetingSummary]
    error: StoreError | None = None
    replayed: bool = False


def read_first_list(store: Store) -> FirstList:
    """Journals replayed, then the meetings listed, in this thread."""
    from facilitator.store.journal import journals, replay_all

    replayed = next(journals(store.path.parent), None) is not None and bool(replay_all(store))
    try:
        return FirstList(store.list_meetings(), replayed=replayed)
    except StoreError as error:
        return FirstList([], error=error, replayed=replayed)


def start_reading(store: Store) -> Future[FirstList]:
    """``read_first_list`` on a daemon thread; its result when it is done."""
    first: Future[FirstList] = Future()

    def read() -> None:
        try:
            first.set_result(read_first_list(store))
        except BaseException as error:  # handed to the screen that waits, never lost
            first.set_exception(error)

    threading.Thread(target=read, name="first-list", daemon=True).start()
    return first
