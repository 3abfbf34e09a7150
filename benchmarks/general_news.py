"""F1 by category on general news: real published sentences (weather, floods, markets, budgets, phones, fossils,
airliners, rankings), each with its URL and date, labelled by hand. Three sets, reported apart: news.yaml was
tuned on; heldout.yaml and fresh.yaml were not (tests/generalnews/*.yaml say how each was made).

Span F1: the mention's exact span found; value F1: span found and every normalized field right.

    python benchmarks/general_news.py [--failures]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench import PROJECT_DIR
from workbench.extract import extract_mentions
from workbench.extract.evaluation import Score, load_examples, score_by_category

GENERAL_NEWS_DIR = PROJECT_DIR / "tests" / "generalnews"
SETS = {"tuned on": "news.yaml", "held out": "heldout.yaml", "held out, fresh": "fresh.yaml"}
GENERAL_NEWS = GENERAL_NEWS_DIR / SETS["tuned on"]


def general_news_scores(path: Path = GENERAL_NEWS) -> dict[str, Score]:
    """Scores by category ("date: weekday", "quantity: money"...) and by kind ("quantity", "date")."""
    return score_by_category(load_examples(path), extract_mentions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="print every sentence read wrong")
    args = parser.parse_args()
    for label, name in SETS.items():
        scores = general_news_scores(GENERAL_NEWS_DIR / name)
        print(f"\n{name} ({label})\n{'category':22} {'expected':>8} {'found':>6} {'span F1':>8} {'value F1':>9}")
        for category in sorted(n for n in scores if n != "all"):
            s = scores[category]
            print(f"{category:22} {s.expected:8} {s.found:6} {s.detection_f1:8.1f} {s.value_f1:9.1f}")
        if args.failures and "all" in scores:
            print("\n".join(scores["all"].failures))


if __name__ == "__main__":
    main()
