"""Worst-case time of every regular expression of the extractors on 10 kB of hostile text.

    python benchmarks/regex_worst_case.py [--limit-ms 100]

Each pattern is run (finditer to the end) over each input of tests/adversarial/hostile.py; the table
lists the slowest pattern/input pairs, and the script exits non-zero if any takes longer than the limit.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.adversarial.hostile import BACKTRACKERS
from workbench.extract import dates, identifiers, quantities, sentences, vague


def patterns() -> dict[str, re.Pattern[str]]:
    found = {}
    for module in (identifiers, dates, quantities, sentences, vague):
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{module.__name__.rsplit('.', 1)[1]}.{name}"] = value
    for shape, pattern in dates.SHAPES:
        found[f"dates.SHAPES[{shape}]"] = pattern
    for name, value in dates._GATES.items():
        found[f"dates._GATES[{name}]"] = value
    found["vague.combined"] = vague._combined()[0]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit-ms", type=float, default=100)
    args = parser.parse_args()
    timings = []
    for name, pattern in patterns().items():
        for label, text in BACKTRACKERS.items():
            started = time.perf_counter()
            for _ in pattern.finditer(text):
                pass
            timings.append(((time.perf_counter() - started) * 1000, name, label))
    timings.sort(reverse=True)
    print(f"{len(patterns())} patterns x {len(BACKTRACKERS)} hostile 10 kB inputs; slowest:")
    for ms, name, label in timings[:10]:
        print(f"  {ms:9.1f} ms  {name:40} on {label}")
    over = [t for t in timings if t[0] > args.limit_ms]
    print(f"{len(over)} over {args.limit_ms:.0f} ms")
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
