"""Detection and value F1 of the workbench and of raw quantulum3 + dateparser on the same examples.

    python benchmarks/accuracy.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.raw_baseline import raw_mentions
from workbench import PROJECT_DIR, SAMPLES_DIR
from workbench.extract import extract_mentions
from workbench.extract.evaluation import corpus_examples, load_examples, score

SETS = {
    "example corpus": corpus_examples(),
    "held-out news": load_examples(PROJECT_DIR / "tests" / "heldout" / "news.yaml"),
    "sample drafts": load_examples(SAMPLES_DIR / "expected_mentions.yaml"),
}


def main() -> None:
    print(f"{'set':16} {'mentions':>8} | {'workbench det F1':>16} {'value F1':>8} | {'raw det F1':>10} {'value F1':>8}"
          f" | {'raw time':>8}")
    for name, examples in SETS.items():
        ours = score(examples, extract_mentions)
        started = time.perf_counter()
        raw = score(examples, raw_mentions)
        raw_seconds = time.perf_counter() - started
        print(f"{name:16} {ours.expected:8} | {ours.detection_f1:16.1f} {ours.value_f1:8.1f} | "
              f"{raw.detection_f1:10.1f} {raw.value_f1:8.1f} | {raw_seconds:7.1f}s")


if __name__ == "__main__":
    main()
