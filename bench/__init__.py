"""Benchmarks of what the people in the room feel. Run them all with ``python -m bench``;
one with ``python -m bench.<name>``."""

FIGURES = {
    "startup": {"startup"},
    "keys": {
        "keystroke_terminal_p99",
        "keystroke_terminal_long_p99",
        "keystroke_terminal_p99_without_notes",
        "keystroke_terminal_p99_without_frames",
        "keystroke_terminal_long_p99_without_notes",
        "keystroke_terminal_long_p99_without_frames",
    },
    "typing": {"keystroke_p99"},
    "saving": {"save_blocks_ui", "save_write"},
    "drift": {"timer_drift"},
    "export": {"export_pdf", "export_docx", "export_md", "export_json", "export_ics"},
    "memory": {"memory_peak"},
    "room_follow": {"room_follow", "room_follow_p95"},
}
"""Each benchmark (a module of this package, run in this order) and the figures it reports."""

BENCHMARKS = tuple(FIGURES)
