"""The benchmarks run (a few iterations), so they cannot rot; their targets are checked
by the benchmarks themselves, not here."""

from bench.room_follow import measure


async def test_room_follow_benchmark_runs():
    latencies = await measure(3)
    assert len(latencies) == 3 and all(x >= 0 for x in latencies)
