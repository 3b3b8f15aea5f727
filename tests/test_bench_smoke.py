"""The benchmarks run (a few iterations), so they cannot rot; their targets are checked
by the benchmarks themselves, not here."""

from bench.room_follow import measure


async def test_room_follow_benchmark_runs():
    latencies = await measure(3)
    assert len(latencies) == 3 and all(x >= 0 for x in latencies)


def test_export_benchmark_runs(capsys, monkeypatch):
    import bench.export

    monkeypatch.setattr("sys.argv", ["bench.export", "1"])
    bench.export.main()
    out = capsys.readouterr().out
    assert "pdf" in out and "ics" in out


def test_startup_benchmark_runs():
    from bench.startup import measure

    bare, ours = measure(1)
    assert 0 < bare and 0 < ours


async def test_typing_benchmark_runs():
    from bench.typing import measure

    latencies = await measure(3, existing=2_000)
    assert len(latencies) == 3
