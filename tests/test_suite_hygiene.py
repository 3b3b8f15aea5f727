"""The suite keeps its temporary files in a folder of its own run, so that other programs
making temporary files meanwhile cannot fail it, and it can tell what it left behind."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.conftest import BASETEMP, RUN_PREFIX


def _run_folder(path: str) -> Path:
    folder = Path(path).resolve()
    assert folder.name.startswith(RUN_PREFIX), folder
    return folder


def test_the_tests_and_their_workers_use_the_runs_own_temporary_folder(tmp_path):
    run = _run_folder(tempfile.gettempdir())
    assert tmp_path.resolve().is_relative_to(run / BASETEMP)
    assert _run_folder(os.environ["TMPDIR"]) == run


def test_a_program_a_test_starts_makes_its_temporary_files_there_too():
    made = subprocess.run(
        [sys.executable, "-c", "import tempfile; print(tempfile.gettempdir())"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert _run_folder(made) == _run_folder(tempfile.gettempdir())
