"""The program with one of its overrides of Textual's private API taken out, to measure
what each override gains (``bench.keys`` runs them beside the program as it is):

    python -m bench.variant plain-frames ARGS...   the meeting screen's frames on Textual's grid

ARGS are facilitator's own.
"""

from __future__ import annotations

import sys

VARIANTS = ("plain-frames",)


def take_out(variant: str) -> None:
    if variant == "plain-frames":
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
