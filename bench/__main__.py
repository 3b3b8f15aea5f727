"""Run every benchmark, print the table and write the figures as JSON.

    python -m bench                    # all figures, several runs each (about 8 minutes)
    python -m bench --quick            # one short run each: checks that they work, not the targets
    python -m bench --only typing,drift
    python -m bench --json out.json    # default: bench/results.json (--quick: not written)

Exit status 1 when a figure misses its target (not in --quick mode).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

from bench import BENCHMARKS
from bench.figures import Figure, report, table, write_json

DEFAULT_JSON = Path(__file__).with_name("results.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one short run of each, for CI")
    parser.add_argument("--only", default="", help="comma-separated benchmarks: " + ", ".join(BENCHMARKS))
    parser.add_argument("--json", type=Path, default=None, help=f"where to write (default {DEFAULT_JSON})")
    args = parser.parse_args(argv)

    chosen = [name.strip() for name in args.only.split(",") if name.strip()] or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark: {', '.join(unknown)} (choose from {', '.join(BENCHMARKS)})")

    figures: list[Figure] = []
    for name in chosen:
        started = time.perf_counter()
        print(f"running {name} …", file=sys.stderr, flush=True)
        module = importlib.import_module(f"bench.{name}")
        figures.extend(module.figures(quick=args.quick))
        print(f"  {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)

    print(table(figures))
    data = report(figures, quick=args.quick)
    target = args.json or (None if args.quick else DEFAULT_JSON)
    if target is not None:
        write_json(target, data)
        print(f"\nwritten to {target}")
    if args.quick:
        return 0
    return 0 if all(f.met is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
