"""Checking speed on real news, each figure next to raw quantulum3 + dateparser on the same text.

    python benchmarks/check_speed.py [--runs 3]

The text is benchmarks/realnews_corpus.py: sentences of published articles, put back together.
- Cold: `python -m workbench check` of one 1,500-word draft in a fresh process, as a user runs it (wall time
  and peak memory of that process), first without the start-up cache, then with it; against a fresh process
  running raw quantulum3 `parse` + dateparser `search_dates` over the same draft.
- Warm: `check_text` on the same draft in a process that has checked it before.
- Throughput: every article once, extract + check in one process after start-up, against raw
  quantulum3 + dateparser extraction over the same articles in a process of its own; each engine first
  reads other text (the held-out sentences), so that neither pays its one-time pattern compiling in the timing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PUB = "2025-07-01"
RAW = ("import sys; from datetime import date; from benchmarks.raw_baseline import raw_mentions; "
       "raw_mentions(open(sys.argv[1], encoding='utf-8').read(), date(2025, 7, 1))")


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system: what a busy shared machine does not inflate) and peak
    memory (MB) of one process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(f"{command} failed ({status})")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def warm_up_text() -> str:
    """The held-out news sentences (tests/heldout/news.yaml): written by the project, not in the timed text."""
    import yaml

    data = yaml.safe_load((ROOT / "tests" / "heldout" / "news.yaml").read_text(encoding="utf-8"))
    return "\n".join(example["text"] for example in data["examples"])


def throughput(engine: str) -> dict:
    """Run in a child process: start-up, then every article once."""
    from benchmarks.realnews_corpus import articles

    texts = articles()
    pub = date.fromisoformat(PUB)
    if engine == "workbench":
        from workbench.cache import load_checking
        from workbench.check import check_text
        from workbench.extract import warm_up

        pack, rules = load_checking()
        warm_up()  # as a batch worker or the app starts: quantulum3's whole unit pattern compiled up front

        def run(text: str) -> int:
            return len(check_text(text, pub, pack, rules))
    else:
        from benchmarks.raw_baseline import raw_mentions

        def run(text: str) -> int:
            return len(raw_mentions(text, pub))
    run(warm_up_text())  # both engines compile their patterns on other text first
    started, cpu = time.perf_counter(), time.process_time()
    found = sum(run(text) for text in texts)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "chars": sum(len(t) for t in texts), "docs": len(texts), "found": found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engine", choices=("workbench", "raw"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        print(json.dumps(throughput(args.engine)))
        return
    from benchmarks.realnews_corpus import draft

    text = draft(1500)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "draft.txt"
        path.write_text(text, encoding="utf-8")
        # as Python runs by default, the first run writes the bytecode of our modules for the next ones (a machine
        # with PYTHONDONTWRITEBYTECODE set compiles them again at every start: ~60 ms that the libraries, whose
        # bytecode pip wrote, do not pay)
        env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "PYTHONPATH": str(ROOT),
               "WORKBENCH_CACHE_DIR": str(Path(scratch) / "cache")}
        check = [sys.executable, "-W", "ignore", "-m", "workbench", "check", "--pub-date", PUB, str(path)]
        first = timed(check, env)  # builds the start-up cache
        cold = [timed(check, env) for _ in range(args.runs)]
        raw = [timed([sys.executable, "-W", "ignore", "-c", RAW, str(path)], env) for _ in range(args.runs)]
    cold_s, cold_cpu, cold_mb = (statistics.median(c[0] for c in cold), statistics.median(c[1] for c in cold),
                                 max(c[2] for c in cold))
    raw_s, raw_cpu, raw_mb = (statistics.median(r[0] for r in raw), statistics.median(r[1] for r in raw),
                              max(r[2] for r in raw))
    print(f"draft: {len(text.split()):,} words of real news ({len(text):,} characters); median of {args.runs} runs")
    print(f"cold `check`, no start-up cache yet:  {first[0]:.2f} s, {first[2]:.0f} MB peak")
    print(f"cold `check`, start-up cache in place: {cold_s:.2f} s ({cold_cpu:.2f} s CPU), {cold_mb:.0f} MB peak "
          f"({cold_s / raw_s:.2f}x the time of raw, {cold_cpu / raw_cpu:.2f}x its CPU time)")
    print(f"raw quantulum3 + dateparser, fresh:    {raw_s:.2f} s ({raw_cpu:.2f} s CPU), {raw_mb:.0f} MB peak")

    from workbench.cache import load_checking
    from workbench.check import check_text

    pack, rules = load_checking()
    pub = date.fromisoformat(PUB)
    check_text(text, pub, pack, rules)
    warm = []
    for _ in range(5):
        started = time.perf_counter()
        claims = check_text(text, pub, pack, rules)
        warm.append(time.perf_counter() - started)
    print(f"warm check of the same draft ({len(claims)} claims): median {statistics.median(warm) * 1000:.0f} ms")

    results = {}
    for engine in ("workbench", "raw"):
        child = subprocess.run([sys.executable, "-W", "ignore", __file__, "--engine", engine], cwd=ROOT,
                               capture_output=True, text=True, check=True)
        results[engine] = json.loads(child.stdout.strip().splitlines()[-1])
    ours, theirs = results["workbench"], results["raw"]
    print(f"real news, {ours['docs']} articles ({ours['chars']:,} characters), each once, after start-up: "
          f"workbench extract + check {ours['chars'] / ours['seconds']:,.0f} chars/s "
          f"({ours['docs'] / ours['seconds']:.1f} docs/s, {ours['found']} claims); raw quantulum3 + dateparser "
          f"extraction {theirs['chars'] / theirs['seconds']:,.0f} chars/s ({theirs['found']} mentions); "
          f"ratio {theirs['seconds'] / ours['seconds']:.1f}x ({theirs['cpu'] / ours['cpu']:.1f}x in CPU time)")


if __name__ == "__main__":
    main()
