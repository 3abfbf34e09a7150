"""Batch throughput: documents/second and peak memory for 1, 2 and all workers, end to end (read,
extract, check, write), side by side with raw quantulum3 + dateparser on one core.

    python benchmarks/batch.py [--articles 5000] [--raw-sample 500] [--memory-run 100000]

The corpus is generated (news_corpus.py, ~800-character articles) into benchmarks/data/ as JSON Lines.
Raw quantulum3 + dateparser run on one core over the first --raw-sample articles of the same corpus
(they take ~20 minutes over all 5,000); the workbench is timed on that same sample too, and over all.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import date
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
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "docs": summary.checked, "claims": summary.claims, "main_mb": own,
                  "worker_mb": workers}))
"""


def corpus(count: int) -> Path:
    from benchmarks.news_corpus import iter_articles

    DATA.mkdir(exist_ok=True)
    path = DATA / f"news-{count}.jsonl"
    if not path.exists():
        with path.open("w", encoding="utf-8") as handle:
            for text in iter_articles(count, seed=99, size=800):
                handle.write(json.dumps({"text": text, "pub_date": "2025-07-01"}) + "\n")
    return path


def batch_run(path: Path, workers: int) -> dict:
    out = DATA / f"out-{path.stem}-{workers}.jsonl"
    for leftover in (out, out.with_name(out.name + ".progress")):
        leftover.unlink(missing_ok=True)
    child = subprocess.run([sys.executable, "-W", "ignore", "-c", RUNNER, str(path), str(out), str(workers)],
                           cwd=ROOT, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(child.stdout.strip().splitlines()[-1])


def sample_rates(path: Path, count: int) -> tuple[float, float]:
    """Documents/second on one core for the workbench and for raw quantulum3 + dateparser."""
    from benchmarks.raw_baseline import raw_mentions
    from workbench.check import check_text
    from workbench.extract import warm_up
    from workbench.reference import load_reference
    from workbench.rules import load_rules

    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(next(handle))["text"] for _ in range(count)]
    pub = date(2025, 7, 1)
    warm_up()
    pack, rules = load_reference(), load_rules()
    started = time.perf_counter()
    for text in texts:
        check_text(text, pub, pack, rules)
    ours = count / (time.perf_counter() - started)
    raw_mentions(texts[0], pub)
    started = time.perf_counter()
    for text in texts:
        raw_mentions(text, pub)
    raw = count / (time.perf_counter() - started)
    return ours, raw


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--raw-sample", type=int, default=500)
    parser.add_argument("--memory-run", type=int, default=0, help="also run this many articles on all cores")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    path = corpus(args.articles)
    print(f"machine: {platform.machine()}, {cores} cores, CPython {platform.python_version()}; corpus: "
          f"{args.articles:,} articles, {path.stat().st_size / 1e6:.1f} MB of JSON Lines")
    ours, raw = sample_rates(path, args.raw_sample)
    print(f"one core, first {args.raw_sample} articles: workbench extract+check {ours:.1f} docs/s; raw quantulum3 + "
          f"dateparser extraction only {raw:.1f} docs/s; ratio {ours / raw:.1f}x")
    single = None
    for workers in sorted({1, 2, cores}):
        result = batch_run(path, workers)
        rate = result["docs"] / result["seconds"]
        single = single or rate
        print(f"batch, {workers} worker(s): {rate:.1f} docs/s end to end ({rate / single:.2f}x one worker, "
              f"{rate / raw:.1f}x raw on one core); peak memory main {result['main_mb']:.0f} MB, "
              f"largest worker {result['worker_mb']:.0f} MB")
    if args.memory_run:
        result = batch_run(corpus(args.memory_run), cores)
        print(f"batch, {args.memory_run:,} articles on {cores} workers: {result['seconds']:.0f} s, "
              f"{result['docs'] / result['seconds']:.1f} docs/s; peak memory main {result['main_mb']:.0f} MB, "
              f"largest worker {result['worker_mb']:.0f} MB")


if __name__ == "__main__":
    main()
