"""Scratch data directories for benchmarks, removed when the benchmark is done."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def scratch_dir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="facilitator-bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
