"""Batch throughput on real news: documents/second and peak memory for 1, 2 and all workers, end to end
(read, extract, check, write), side by side with raw quantulum3 + dateparser on one core.

    python benchmarks/batch.py [--articles 2000] [--memory-run 20000]

The corpus is the real articles of realnews_corpus.py (79 of them, ~560 characters each), repeated in turn
to --articles, written to benchmarks/data/ as JSON Lines. Repeats let the readers' remembered readings
help from the second round on, so the one-core comparison with the raw libraries is taken on one round
of the articles (each once, both engines warmed on other text first: check_speed.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "benchmarks" / "data"
RUNNER = """
import json, resource, sys, time
from pathlib import Path
from workbench.batch import process_engine, run_batch
started = time.perf_counter()
summary = run_batch([sys.argv[1]], Path(sys.argv[2]), engine=process_engine(int(sys.argv[3])), progress=False)
seconds = time.perf_counter() - started
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
print(json.dumps({"seconds": seconds, "cpu": cpu, "docs": summary.checked, "claims": summary.claims,
                  "main_mb": own.ru_maxrss / 1024, "worker_mb": workers.ru_maxrss / 1024}))
"""


def corpus(count: int) -> Path:
    from benchmarks.realnews_corpus import articles

    DATA.mkdir(exist_ok=True)
    path = DATA / f"realnews-{count}.jsonl"
    if not path.exists():
        texts = articles()
        with path.open("w", encoding="utf-8") as handle:
            for index in range(count):
                handle.write(json.dumps({"text": texts[index % len(texts)], "pub_date": "2025-07-01"}) + "\n")
    return path


def batch_run(path: Path, workers: int) -> dict:
    out = DATA / f"out-{path.stem}-{workers}.jsonl"
    for leftover in (out, out.with_name(out.name + ".progress")):
        leftover.unlink(missing_ok=True)
    child = subprocess.run([sys.executable, "-W", "ignore", "-c", RUNNER, str(path), str(out), str(workers)],
                           cwd=ROOT, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(child.stdout.strip().splitlines()[-1])


def one_core_rates() -> tuple[float, float]:
    """Documents/second on one core for the workbench and for raw quantulum3 + dateparser: every real article
    once, each engine in a fresh process of its own (check_speed.py)."""
    rates = []
    for engine in ("workbench", "raw"):
        child = subprocess.run([sys.executable, "-W", "ignore", str(ROOT / "benchmarks" / "check_speed.py"),
                                "--engine", engine], cwd=ROOT, capture_output=True, text=True, check=True)
        result = json.loads(child.stdout.strip().splitlines()[-1])
        rates.append(result["docs"] / result["seconds"])
    return rates[0], rates[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--memory-run", type=int, default=0, help="also run this many articles on all cores")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    path = corpus(args.articles)
    print(f"machine: {platform.machine()}, {cores} cores, CPython {platform.python_version()}; corpus: "
          f"{args.articles:,} real news articles, {path.stat().st_size / 1e6:.1f} MB of JSON Lines")
    ours, raw = one_core_rates()
    print(f"one core, each real article once: workbench extract+check {ours:.1f} docs/s; raw quantulum3 + "
          f"dateparser extraction only {raw:.1f} docs/s; ratio {ours / raw:.1f}x")
    single = None
    for workers in sorted({1, 2, cores}):
        result = batch_run(path, workers)
        rate = result["docs"] / result["seconds"]
        single = single or rate
        print(f"batch, {workers} worker(s): {rate:.1f} docs/s end to end ({rate / single:.2f}x one worker, "
              f"{rate / raw:.1f}x raw on one core), {result['seconds']:.1f} s for {result['cpu']:.1f} s of CPU in "
              f"all processes; peak memory main {result['main_mb']:.0f} MB, "
              f"largest worker {result['worker_mb']:.0f} MB")
    if args.memory_run:
        result = batch_run(corpus(args.memory_run), cores)
        print(f"batch, {args.memory_run:,} articles on {cores} workers: {result['seconds']:.0f} s, "
              f"{result['docs'] / result['seconds']:.1f} docs/s; peak memory main {result['main_mb']:.0f} MB, "
              f"largest worker {result['worker_mb']:.0f} MB")


if __name__ == "__main__":
    main()
