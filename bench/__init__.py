"""Benchmarks of what the people in the room feel. Run them all with ``python -m bench``;
one with ``python -m bench.<name>``."""

BENCHMARKS_EXPECTED = frozenset(
    {
        "startup",
        "keystroke_terminal_p99",
        "keystroke_terminal_long_p99",
        "keystroke_terminal_p99_without_notes",
        "keystroke_terminal_p99_without_frames",
        "keystroke_terminal_long_p99_without_notes",
        "keystroke_terminal_long_p99_without_frames",
        "keystroke_p99",
        "save_blocks_ui",
        "save_write",
        "timer_drift",
        "export_pdf",
        "export_docx",
        "export_md",
        "export_json",
        "export_ics",
        "memory_peak",
        "room_follow",
        "room_follow_p95",
    }
)
"""The figures a full run reports."""
