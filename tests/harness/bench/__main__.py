"""`make bench`: run the grid and write docs/data/bench.json; `python -m tests.harness.bench check A.json B.json` compares
two runs' orderings (see tests/harness/bench/ordering.py).

    python -m tests.harness.bench                       # the full grid (about 8 minutes on 2 cores)
    python -m tests.harness.bench --seconds 1 --repeats 1 --only io-async-uvicorn io-sync-gunicorn-sync --out /tmp/b.json
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from . import ordering, run, scenarios


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        return ordering.main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m tests.harness.bench", description="Run the benchmark grid.")
    parser.add_argument("--seconds", type=int, default=2, help="wrk duration of each sample")
    parser.add_argument("--repeats", type=int, default=3, help="samples per cell (interleaved; the median of 3 ignores one disturbed sample)")
    parser.add_argument("--warmup", type=int, default=0,
                        help="seconds of wrk load before the samples (the start-up probe already ran the view once)")
    parser.add_argument("--connections", type=int, nargs="+", default=list(scenarios.CONNECTIONS))
    parser.add_argument("--only", nargs="+", choices=list(scenarios.BY_ID), metavar="SCENARIO")
    parser.add_argument("--out", type=Path, default=run.OUTPUT)
    args = parser.parse_args(argv)
    chosen = [scenarios.BY_ID[i] for i in args.only] if args.only else scenarios.SCENARIOS
    previous = None
    if args.out.exists():
        previous = Path(tempfile.mkstemp(prefix="bench-previous-", suffix=".json")[1])
        shutil.copy(args.out, previous)
    result = run.measure(chosen, tuple(args.connections), args.seconds, args.repeats, args.warmup)
    run.write(result, args.out)
    print(f"bench: wrote {args.out} in {result['method']['wall_seconds']:.0f} s")
    print(ordering.render(result))
    if previous is not None:
        status = ordering.main([str(previous), str(args.out)])
        previous.unlink()
        return status
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
