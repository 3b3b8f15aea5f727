"""The benchmark runner works end to end in its quick mode, so it cannot rot. The targets
are checked by the runner itself (``python -m bench``), not here: timings on a shared
test machine say little."""

import json
import subprocess
import sys

import pytest

from bench import BENCHMARKS, FIGURES


def test_every_benchmark_is_a_module_of_the_runner():
    import importlib

    for name in BENCHMARKS:
        assert callable(importlib.import_module(f"bench.{name}").figures), name


@pytest.mark.slow
@pytest.mark.parametrize("name", BENCHMARKS)
def test_the_quick_benchmark_run_produces_its_figures(tmp_path, name):
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", name, "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {figure["key"] for figure in data["figures"]} == FIGURES[name]
    assert data["machine"]["cores"] >= 1 and data["machine"]["python"]
    for figure in data["figures"]:
        assert figure["value"] >= 0 and figure["runs"] >= 1 and figure["samples"]
        assert figure["title"] in result.stdout


def test_the_drift_check_notices_a_clock_that_slips(monkeypatch):
    """The drift benchmark would show a timer that loses time, not just report zero."""
    from bench.drift import simulate
    from facilitator.agenda.timebox import Timebox

    live = Timebox._live_ns
    monkeypatch.setattr(Timebox, "_live_ns", lambda self: live(self) * 999 // 1000)
    _, worst = simulate(300, seed=1)
    assert worst > 0
    monkeypatch.undo()
    _, worst = simulate(300, seed=1)
    assert worst == 0


def test_an_unknown_benchmark_is_one_clear_line():
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--only", "nope"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "unknown benchmark: nope" in result.stderr
    assert "Traceback" not in result.stderr
