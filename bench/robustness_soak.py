"""The robustness suite, longer: more SIGKILLs and more random queries.

    python bench/robustness_soak.py [--kills 40] [--queries 20000]

Runs ``tests/robustness`` with larger counts and prints what it ran and how
long each part took.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=40, help="SIGKILLs during index builds (default 40)")
    parser.add_argument("--queries", type=int, default=20000, help="random/malformed queries (default 20000)")
    args = parser.parse_args()
    env = dict(os.environ, NEWSDESK_ROBUSTNESS_KILLS=str(args.kills), NEWSDESK_ROBUSTNESS_QUERIES=str(args.queries))
    t0 = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=0",
                          "tests/robustness"], cwd=REPO, env=env)
    print(f"\nkills: {args.kills}   queries: {args.queries}   wall: {time.perf_counter() - t0:.0f} s   "
          f"result: {'passed' if run.returncode == 0 else 'FAILED'}")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
