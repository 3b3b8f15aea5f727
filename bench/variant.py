"""The program with one of its overrides of Textual's private API taken out, to measure
what each override gains (``bench.keys`` runs them beside the program as it is):

    python -m bench.variant plain-notes ARGS...    the step's text area drawn as Textual draws it
    python -m bench.variant plain-frames ARGS...   the meeting screen's frames on Textual's grid

ARGS are facilitator's own.
"""

from __future__ import annotations

import sys

VARIANTS = ("plain-notes", "plain-frames")


def take_out(variant: str) -> None:
    if variant == "plain-notes":
        from textual.widgets import TextArea

        from facilitator.widgets.notes import NotesArea

        # Drawing, scrolling and sizing fall back to TextArea's, and so does the cursor's
        # reactive (NotesArea's own repaints only the rows the cursor left and entered).
        # The cleaning of typed text (``edit``) goes too, which only makes this cheaper.
        for name in ("render_lines", "render_line", "_watch_selection", "edit", "_undo_batch",
                     "_redo_batch", "_set_document", "scroll_cursor_visible", "_refresh_size"):
            if name in vars(NotesArea):
                delattr(NotesArea, name)
        textual_selection = vars(TextArea)["selection"]
        NotesArea.selection = textual_selection
        NotesArea._reactives = {**NotesArea._reactives, "selection": textual_selection}
    elif variant == "plain-frames":
        from facilitator.screens.pacing import PromptFrames

        del PromptFrames._update_timer
    else:
        raise SystemExit(f"unknown variant: {variant} (choose from {', '.join(VARIANTS)})")


def main() -> int:
    take_out(sys.argv[1])
    from facilitator.cli import main as facilitator

    return facilitator(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
