"""The text types of the models: each cleans what it is given (``cleaning``) and limits
its length, so that no stored text can act as a terminal control sequence, reorder the
display or hide characters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from pydantic import AfterValidator

from facilitator.agenda.cleaning import LONG_MAX, MEDIUM_MAX, SHORT_MAX, clean_line, clean_multiline


def _cleaned(cleaner: Callable[[str], str], max_length: int) -> Callable[[str], str]:
    def validate(value: str) -> str:
        value = cleaner(value)
        if len(value) > max_length:
            raise ValueError(f"text is longer than {max_length} characters")
        return value

    return validate


Line = Annotated[str, AfterValidator(_cleaned(clean_line, SHORT_MAX))]
"""A one-line value: name, organisation, place, contact."""

Sentence = Annotated[str, AfterValidator(_cleaned(clean_line, MEDIUM_MAX))]
"""A one-line but longer value: a goal, an action's description."""

Text = Annotated[str, AfterValidator(_cleaned(clean_multiline, LONG_MAX))]
"""Free text over several lines: stories, notes, views."""
