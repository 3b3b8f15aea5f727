"""Key to character on the screen, in a terminal, as a person sees it.

``facilitator`` runs in a pseudo-terminal at 120×36 on a data directory whose demo
meeting holds 50,000 characters in the family's story; the meeting is opened, the timer
started (the countdown ticks) and the story's step shown, the cursor at the end of the
text. Keys are written to the terminal at a quick typist's pace (about 30 a second);
each latency runs from writing a key to reading the output that put its character on
the emulated screen. Beside it, in the same run, a bare Textual ``TextArea`` holding the
same text (``bench.bare``). Two texts: paragraphs of a few hundred characters, as notes
are typed, and one 50,000-character paragraph, as a pasted report.
Targets: p99 at most 16 ms with paragraphs, at most 33 ms with one paragraph.

    python -m bench.keys
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench.figures import Figure, median, percentile, table
from bench.scratch import scratch_dir
from bench.startup import command
from bench.terminal import Terminal

TEXT = "Elsa berättar om morgnarna, om skolan och om kvällarna då oron kommer. "
PARAGRAPHS = (TEXT * 5).rstrip() + "\n\n"
ONE_PARAGRAPH = TEXT
PACE = 1 / 30
MEASURED = ("plain-notes", "plain-frames")
"""The overrides of Textual's private API measured with and without (``bench.variant``)."""
PREFIX = 4
"""Each word starts with a numbered prefix that no other text on the screen has; the
keys after it are timed, each until the word so far is on the screen."""


def long_text(unit: str, characters: int) -> str:
    return (unit * (characters // len(unit) + 1))[:characters].rstrip() + "\n"


def seed(folder: Path, text: str) -> None:
    """The demo case, its meeting's family story holding ``text``."""
    from facilitator.agenda.clock import SystemClock
    from facilitator.demo import DEMO_MEETING_ID, ensure_demo
    from facilitator.store import Store

    with Store.open(folder) as store:
        ensure_demo(store, SystemClock())
        meeting = store.load_meeting(DEMO_MEETING_ID)
        meeting.sip.family_story = text
        store.save_meeting(meeting)


def words(keys: int) -> list[str]:
    letters = "abcdefghij"
    return [f"ö{n:03d}{letters}" for n in range(keys // len(letters) + 1)]


def type_and_time(terminal: Terminal, keys: int) -> list[float]:
    # A first word, not timed: the first keys of any program pay for code run once.
    terminal.write("ö999abc\r".encode("utf-8"))
    terminal.wait_for("ö999abc", timeout=10)
    time.sleep(0.3)
    latencies: list[float] = []
    for word in words(keys):
        for index, char in enumerate(word + "\r"):  # a word a line: each view follows its cursor
            if PREFIX <= index < len(word):
                terminal.catch_up()
            sent = terminal.write(char.encode("utf-8"))
            if PREFIX <= index < len(word):
                shown = terminal.wait_for(word[: index + 1], timeout=5)
                latencies.append((shown - sent) * 1000)
                if len(latencies) >= keys:
                    return latencies
            time.sleep(max(0.0, PACE - (time.perf_counter() - sent)))
    return latencies


def measure_ours(text: str, keys: int, variant: str | None = None) -> list[float]:
    """``variant``: one of ``bench.variant``'s, an override of Textual's taken out."""
    program = [sys.executable, "-m", "bench.variant", variant] if variant else command()
    with scratch_dir() as folder:
        seed(folder, text)
        with Terminal([*program, "--data-dir", str(folder)], (120, 36), cached_bytecode=True) as terminal:
            terminal.wait_for("Elsa Åkesson")
            terminal.write(b"\r")
            terminal.wait_for("1/10")
            terminal.press("f5", "f4", "f4", "f4")
            terminal.wait_for("4/10")
            time.sleep(0.5)
            return type_and_time(terminal, keys)


def measure_bare(text: str, keys: int) -> list[float]:
    with scratch_dir() as folder:
        path = folder / "text.txt"
        path.write_text(text, encoding="utf-8")
        argv = [sys.executable, "-m", "bench.bare", "textarea", str(path)]
        with Terminal(argv, (120, 36), cached_bytecode=True) as terminal:
            terminal.wait_for("oron kommer")
            time.sleep(0.5)
            return type_and_time(terminal, keys)


def figures(quick: bool = False) -> list[Figure]:
    rounds, keys, characters = (1, 6, 2_000) if quick else (3, 150, 50_000)
    out: list[Figure] = []
    for key, label, unit, target in (
        ("keystroke_terminal_p99", "key to character on screen, paragraphs (terminal)", PARAGRAPHS, 16),
        ("keystroke_terminal_long_p99", "same, one long paragraph (terminal)", ONE_PARAGRAPH, 33),
    ):
        text = long_text(unit, characters)
        ours_p99, bare_p99, ours_median = [], [], []
        without: dict[str, list[float]] = {variant: [] for variant in MEASURED}
        for _ in range(rounds):
            bare = measure_bare(text, max(keys // 3, 6))  # a baseline: a third as many keys
            ours = measure_ours(text, keys)
            ours_p99.append(percentile(ours, 0.99))
            bare_p99.append(percentile(bare, 0.99))
            ours_median.append(median(ours))
            for variant in MEASURED:  # each override taken out, in the same round
                without[variant].append(percentile(measure_ours(text, keys, variant), 0.99))
        value = median(ours_p99)
        out.append(
            Figure(
                key=key,
                title=label,
                value=value,
                unit="ms",
                target=f"p99 ≤ {target} ms",
                met=value <= target,
                runs=rounds,
                detail=(
                    f"{characters:,} characters, countdown running, {keys} keys a run; "
                    f"median {median(ours_median):.1f} ms; bare TextArea p99 {median(bare_p99):.0f} ms "
                    f"({max(keys // 3, 6)} keys a run)"
                ),
                samples=ours_p99,
            )
        )
        for variant, name in (("plain-notes", "NotesArea"), ("plain-frames", "PromptFrames")):
            out.append(
                Figure(
                    key=f"{key}_without_{variant.split('-')[1]}",
                    title=f"  same, without {name} (Textual's own)",
                    value=median(without[variant]),
                    unit="ms",
                    target="report",
                    met=None,
                    runs=rounds,
                    detail=f"the override taken out (bench.variant {variant}), same rounds",
                    samples=without[variant],
                )
            )
    return out


if __name__ == "__main__":
    print(table(figures(quick="--quick" in sys.argv)))
