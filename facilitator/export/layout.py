"""Layout shared by the paper documents (PDF and DOCX, and Markdown for the bars): the
A4 page, table columns sized from their content, minutes and bars as text.

Pure functions. A renderer measures text with its own font and passes the measure in, so
the same rules size a table in the PDF and in Word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from facilitator import strings as sv
from facilitator.views.sipview import Bar, Signer

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_MM = 18.0
"""Left, right and top margin; the header line is printed at the top margin."""
BOTTOM_MM = MARGIN_MM + 4
"""Where the body of a page ends, measured from the foot of the page."""
HEADER_MM = 7.0
"""The header line and the space under it, above the body."""
FOOTER_MM = MARGIN_MM - 4
"""From the foot of the page to the foot of the footer line."""

KEEP_LINES = 2
"""The fewest lines of a paragraph left at the foot of a page or carried to the next (the
PDF's widow and orphan control; Word's is the same two lines)."""

TEXT_BAR_CELLS = 20
"""The longest bar as text, in characters."""

Measure = Callable[[str], float]


_BREAKS = re.compile("[ \t\n\u200b\u2000-\u2006\u2008-\u200a\u205f\u3000]+")
"""Where a line may break: spaces and tabs, not a no-break space (as the PDF and Word do)."""


def words(text: str) -> list[str]:
    """The pieces of ``text`` that a line never breaks inside."""
    return [word for word in _BREAKS.split(text) if word]


def _longest_word(text: str, measure: Measure) -> float:
    return max((measure(word) for word in words(text)), default=0.0)


def _longest_line(text: str, measure: Measure) -> float:
    return max((measure(" ".join(words(line))) for line in text.split("\n")), default=0.0)


def column_widths(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    total: float,
    measure: Measure,
    heading_measure: Measure | None = None,
    padding: float = 0.0,
    squeeze: bool = False,
) -> list[float] | None:
    """Widths of the columns of a table ``total`` wide, from what they hold.

    No column is narrower than its longest word (plus ``padding``), so no word is ever
    broken inside; a column whose text fits on one line in its share of the page gets
    just that width (dates, codes, statuses stay narrow), and the columns of long text
    share the rest in proportion to how much more room they would use. None when the
    longest words alone are wider than ``total``: the table needs a smaller font (or,
    with ``squeeze``, the widths of the longest words scaled down to ``total``: the
    words that cannot fit anywhere are broken, the others as little as can be).
    """
    heading_measure = heading_measure or measure
    least = []
    natural = []
    for index, title in enumerate(header):
        cells = [row[index] for row in rows]
        least.append(
            max([_longest_word(title, heading_measure), *(_longest_word(c, measure) for c in cells)]) + padding
        )
        natural.append(
            max([_longest_line(title, heading_measure), *(_longest_line(c, measure) for c in cells)]) + padding
        )
    widths = distribute(least, natural, total)
    if widths is None and squeeze:
        return [width * total / sum(least) for width in least]
    return widths


def distribute(least: Sequence[float], natural: Sequence[float], total: float) -> list[float] | None:
    """Share ``total`` between columns that need at least ``least`` and would use
    ``natural`` (their text on one line). None when ``least`` does not fit."""
    count = len(least)
    if count == 0:
        return []
    if sum(least) > total + 1e-9:
        return None
    natural = [min(max(lo, hi), total) for lo, hi in zip(least, natural, strict=True)]
    if sum(natural) <= total:
        # Everything fits on one line: the spare room goes to each column by its width.
        spare = total - sum(natural)
        weight = sum(natural)
        if weight <= 0:
            return [total / count] * count
        return [width + spare * width / weight for width in natural]
    # The columns that fit on one line in an even share of the width keep that width;
    # the others share what is left, the longest text getting the most.
    share = total / count
    fixed = {i: natural[i] for i in range(count) if natural[i] <= share}
    flexible = [i for i in range(count) if i not in fixed]
    room = total - sum(fixed.values())
    if room < sum(least[i] for i in flexible):
        fixed, flexible, room = {}, list(range(count)), total
    low = sum(least[i] for i in flexible)
    high = sum(natural[i] for i in flexible)
    widths = [0.0] * count
    for i, width in fixed.items():
        widths[i] = width
    for i in flexible:
        widths[i] = least[i] + (natural[i] - least[i]) * (room - low) / (high - low)
    return widths


def minutes(value: float) -> str:
    """Minutes as Swedes write them: "12", "7,5"."""
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace(".", ",")


def minutes_text(value: float) -> str:
    return sv.BAR_MINUTES.format(minutes=minutes(value))


def replanned(bar: Bar) -> bool:
    """The step's time was changed during the meeting (as the minutes are printed)."""
    return minutes(bar.replanned_min) != minutes(bar.planned_min)


def longest(bars: Sequence[Bar]) -> float:
    """The value the bars are scaled to: the longest planned, re-planned or actual time."""
    values = [v for b in bars for v in (b.planned_min, b.replanned_min, b.actual_min) if v is not None]
    return max(values, default=0.0)


def text_bar(bar: Bar, scale_to: float, cells: int = TEXT_BAR_CELLS) -> str:
    """The step as one line of block characters, ``cells`` long for ``scale_to`` minutes:
    █ actual time within the time allotted, ░ allotted time not used, ▓ actual time
    beyond it. A step that has not run shows its allotted time only."""
    if scale_to <= 0:
        return ""
    per_minute = cells / scale_to
    target = round(bar.replanned_min * per_minute)
    if bar.actual_min is None:
        return "░" * target
    actual = round(bar.actual_min * per_minute)
    if bar.actual_min > 0:
        actual = max(actual, 1)
    if bar.actual_min <= bar.replanned_min:
        actual = min(actual, target) if target else actual
        return "█" * actual + "░" * (target - actual)
    return "█" * target + "▓" * max(actual - target, 1)


def bar_rows(bars: Sequence[Bar]) -> list[list[str]]:
    """The bars as the rows of a table with ``BAR_COLUMNS``: figures and a text bar."""
    scale_to = longest(bars)
    return [
        [
            bar.label,
            minutes_text(bar.planned_min),
            minutes_text(bar.replanned_min) if replanned(bar) else "–",
            minutes_text(bar.actual_min) if bar.actual_min is not None else sv.BAR_NOT_RUN,
            text_bar(bar, scale_to),
        ]
        for bar in bars
    ]



def signer_lines(signer: Signer, hint: str) -> list[str]:
    """What stands under a signature line, after the name: the title, the roles and
    organisation, and where to write the place and date — or, for someone who took part
    from a distance, the oral approval (they have no line to sign)."""
    return [x for x in (signer.title, signer.role, signer.oral or hint) if x]
