"""Checking speed: loading the reference pack and rules, and checking a 1,000-word draft when warm.

    python benchmarks/check_speed.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLD = ("import time; t = time.perf_counter(); from workbench.reference import load_reference; "
        "from workbench.rules import load_rules; load_reference(); load_rules(); print(time.perf_counter() - t)")


def main() -> None:
    cold = [float(subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, check=True,
                                 cwd=ROOT).stdout) for _ in range(3)]
    from benchmarks.news_corpus import articles
    from workbench.check import check_text
    from workbench.reference import load_reference
    from workbench.rules import load_rules

    warm_loads = []
    for _ in range(5):
        started = time.perf_counter()
        pack, rules = load_reference(), load_rules()
        warm_loads.append(time.perf_counter() - started)
    words, draft = 0, []
    for article in articles(20, seed=7):
        draft.append(article)
        words += len(article.split())
        if words >= 1000:
            break
    text = "\n\n".join(draft)
    check_text(text, date(2025, 7, 1), pack, rules)  # warm-up
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        claims = check_text(text, date(2025, 7, 1), pack, rules)
        runs.append(time.perf_counter() - started)
    print(f"reference pack + rules, fresh process (imports included): median {statistics.median(cold):.2f} s")
    print(f"reference pack + rules, libraries already imported:      median {statistics.median(warm_loads):.2f} s")
    print(f"check a {len(text.split())}-word draft ({len(claims)} claims), warm: median "
          f"{statistics.median(runs) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
