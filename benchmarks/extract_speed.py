"""Extraction throughput: the workbench against raw quantulum3 + dateparser on the same ~1 MB of news text.

Each engine runs in a fresh process of its own, so that start-up (imports, first call) and peak memory
are its own. Prints characters/second, documents/second, peak memory and the speed ratio.

    python benchmarks/extract_speed.py [--articles 340]
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PUB = date(2025, 7, 1)


def measure(engine: str, count: int) -> dict:
    """Run inside the child process: import, first call, then the whole corpus."""
    started = time.perf_counter()
    from benchmarks.news_corpus import articles

    docs = articles(count)
    corpus_ready = time.perf_counter()
    if engine == "workbench":
        from workbench.extract import extract_mentions as extract
    else:
        from benchmarks.raw_baseline import raw_mentions as extract
    extract("Denmark will spend two billion kroner over eight years from 24 June 2025, some 2.1% of GDP.", PUB)
    first_call = time.perf_counter() - started - (corpus_ready - started)
    begin = time.perf_counter()
    mentions = sum(len(extract(doc, PUB)) for doc in docs)
    seconds = time.perf_counter() - begin
    chars = sum(len(doc) for doc in docs)
    return {"engine": engine, "docs": len(docs), "chars": chars, "mentions": mentions, "seconds": seconds,
            "chars_per_second": chars / seconds, "docs_per_second": len(docs) / seconds,
            "first_call_seconds": first_call,
            "peak_memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=340, help="~3 kB each; 340 is about 1 MB")
    parser.add_argument("--engine", choices=("workbench", "raw"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        print(json.dumps(measure(args.engine, args.articles)))
        return
    results = {}
    for engine in ("workbench", "raw"):
        child = subprocess.run([sys.executable, "-W", "ignore", __file__, "--engine", engine, "--articles",
                                str(args.articles)], capture_output=True, text=True, check=True, cwd=ROOT)
        results[engine] = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"machine: {platform.processor() or platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}, one core")
    print(f"corpus: {results['raw']['docs']} articles, {results['raw']['chars'] / 1e6:.2f} MB of news-style text")
    print(f"{'engine':28} {'chars/s':>10} {'docs/s':>8} {'first call':>11} {'peak MB':>8} {'mentions':>9}")
    for name, label in (("workbench", "workbench"), ("raw", "raw quantulum3 + dateparser")):
        r = results[name]
        print(f"{label:28} {r['chars_per_second']:10,.0f} {r['docs_per_second']:8.2f} "
              f"{r['first_call_seconds']:10.2f}s {r['peak_memory_mb']:8.0f} {r['mentions']:9}")
    ratio = results["workbench"]["chars_per_second"] / results["raw"]["chars_per_second"]
    print(f"speed ratio: workbench is {ratio:.1f}x the throughput of raw quantulum3 + dateparser")


if __name__ == "__main__":
    main()
