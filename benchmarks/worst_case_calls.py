"""Worst-case time of every quantulum3 and dateparser call the extractors make, and of `check` on megabytes
of number-dense text: the sibling of regex_worst_case.py for the libraries.

    python benchmarks/worst_case_calls.py [--limit-ms 100] [--megabytes 7]

1. Each hostile 10 kB input of tests/adversarial/hostile.py (BACKTRACKERS and NUMBER_DENSE) is extracted with
   every library call timed; the table lists the slowest single calls, and the script exits non-zero if one
   takes longer than the limit. The libraries compile patterns the first time they meet a form (up to
   ~0.25 s, once per process), so every input is read once before the timed round, which starts with
   the readings forgotten.
2. `python -m workbench check` (and `extract`) on 1 MB and on --megabytes MB of number-dense text (a mix of
   spreadsheet rows, number words, numbers with units, numeric dates; generated into benchmarks/data/), in
   fresh processes: wall time and peak memory, so that memory can be seen to stay flat as the input grows.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "benchmarks" / "data"

import dateparser  # noqa: E402

from tests.adversarial.hostile import BACKTRACKERS, NUMBER_DENSE, number_dense  # noqa: E402
from workbench.extract import bounded, extract_mentions, overruns, warm_up  # noqa: E402

CALLS = ((bounded.quantulum, "extract_spellout_values"), (bounded.quantulum, "parse"), (dateparser, "parse"))


def timed_calls() -> dict[str, list[float]]:
    """Wrap each library function so that every call's duration is recorded under its name."""
    durations: dict[str, list[float]] = defaultdict(list)
    for owner, name in CALLS:
        real, label = getattr(owner, name), f"{owner.__name__.split('.')[0]}.{name}"

        def timed(*args, _real=real, _name=label, **kwargs):
            started = time.perf_counter()
            try:
                return _real(*args, **kwargs)
            finally:
                durations[_name].append((time.perf_counter() - started) * 1000)

        setattr(owner, name, timed)
    return durations


def per_call(limit_ms: float) -> bool:
    inputs = {**BACKTRACKERS, **NUMBER_DENSE}
    warm_up()
    for text in inputs.values():  # the libraries compile patterns on first use of each form (~0.2 s, once)
        with overruns():
            extract_mentions(text, date(2025, 7, 1))
    durations = timed_calls()
    slowest: list[tuple[float, str, str]] = []
    notes = 0
    for label, text in inputs.items():
        for store in (bounded._SPELLOUTS, bounded._UNITS, bounded._AMBIGUOUS, bounded._DATES):
            store.clear()  # every input pays for its own readings
        durations.clear()
        started = time.perf_counter()
        with overruns() as reported:
            extract_mentions(text, date(2025, 7, 1))
        total = (time.perf_counter() - started) * 1000
        notes += len(reported)
        for name, times in durations.items():
            slowest.append((max(times), name, f"{label} ({len(times)} calls, whole input {total:.0f} ms)"))
    slowest.sort(reverse=True)
    print(f"library calls on {len(inputs)} hostile 10 kB inputs ({notes} sentences reported over the cap); "
          "slowest single calls:")
    for ms, name, label in slowest[:10]:
        print(f"  {ms:8.1f} ms  {name:40} on {label}")
    over = [s for s in slowest if s[0] > limit_ms]
    print(f"{len(over)} calls over {limit_ms:.0f} ms")
    return not over


def hostile_file(megabytes: float) -> Path:
    DATA.mkdir(exist_ok=True)
    path = DATA / f"number-dense-{megabytes:g}mb.txt"
    if not path.exists():
        piece = number_dense("mixed", size=1_000_000, seed=1)
        copies = [number_dense("mixed", size=1_000_000, seed=seed) for seed in range(2, int(megabytes) + 1)]
        path.write_text("\n".join([piece, *copies])[:int(megabytes * 1_000_000)], encoding="utf-8")
    return path


def run_cli(command: str, path: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak MB and lines on stderr of one fresh `python -m workbench` process
    (output discarded)."""
    errors = DATA / "stderr.txt"
    started = time.perf_counter()
    with errors.open("w") as handle:
        child = subprocess.Popen([sys.executable, "-W", "ignore", "-m", "workbench", command, "--pub-date",
                                  "2025-07-01", str(path)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=handle)
        _, _, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, len(errors.read_text().splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit-ms", type=float, default=100)
    parser.add_argument("--megabytes", type=float, default=7)
    args = parser.parse_args()
    within = per_call(args.limit_ms)
    for size in sorted({1, args.megabytes}):
        path = hostile_file(size)
        for command in ("extract", "check"):
            seconds, cpu, peak, notes = run_cli(command, path)
            print(f"{command} of {size:g} MB of number-dense text: {seconds:.0f} s ({cpu:.0f} s CPU), "
                  f"{peak:.0f} MB peak, {notes:,} sentences reported over the cap")
    sys.exit(0 if within else 1)


if __name__ == "__main__":
    main()
