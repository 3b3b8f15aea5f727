"""What every benchmark reports: figures with their targets, and the machine they ran on."""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
from dataclasses import asdict, dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path


@dataclass
class Figure:
    key: str
    """Stable name, for the JSON and for comparing runs."""
    title: str
    value: float
    unit: str
    target: str
    """The target in words ("≤ 16 ms"), or "report" when there is none."""
    met: bool | None
    """None when the figure has no target."""
    runs: int
    """How many runs the value is the median of."""
    detail: str = ""
    samples: list[float] = field(default_factory=list)
    """The value of each run."""

    @property
    def shown(self) -> str:
        if self.unit == "×":
            return f"{self.value:.2f} ×"
        if self.unit == "ms" and self.value < 10:
            return f"{self.value:.1f} ms"
        return f"{self.value:.0f} {self.unit}"

    @property
    def verdict(self) -> str:
        return {True: "met", False: "NOT MET", None: "—"}[self.met]


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value at or above ``share`` of them."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def machine() -> dict[str, object]:
    return {
        "cpu": _cpu(),
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "textual": metadata.version("textual"),
    }


def table(figures: list[Figure]) -> str:
    rows = [("figure", "value", "target", "", "runs", "detail")]
    rows += [(f.title, f.shown, f.target, f.verdict, str(f.runs), f.detail) for f in figures]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def report(figures: list[Figure], quick: bool) -> dict[str, object]:
    return {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "quick": quick,
        "machine": machine(),
        "command": " ".join([Path(sys.executable).name, "-m", "bench", *sys.argv[1:]]),
        "figures": [asdict(f) for f in figures],
    }


def write_json(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
