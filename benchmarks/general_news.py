"""F1 by category on general news: real published sentences (weather, floods, markets, budgets, phones, fossils,
airliners, rankings, crashes, local elections, wildfires, home sales, earnings, sport, courts, health, science), each
with its URL and date, labelled by hand. Ten sets, reported apart, then all together: news.yaml and dated.yaml
(date-heavy) were tuned on; every other set was held out for one run, then its misses read (tests/generalnews/*.yaml
say how each was made; the one-run figures are in benchmarks/README.md). Every date is read as of its own article's
date.

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
SETS = {"tuned on": "news.yaml", "held out, then tuned on": "heldout.yaml", "fresh, then tuned on": "fresh.yaml",
        "dates, tuned on": "dated.yaml", "dates, unseen, then tuned on": "dated_unseen.yaml",
        "fresh, third, then tuned on": "fresh2.yaml", "fresh, fourth, then tuned on": "fresh3.yaml",
        "fresh, fifth, then tuned on": "fresh4.yaml", "fresh, sixth, then tuned on": "fresh5.yaml",
        "fresh, seventh, then tuned on": "fresh6.yaml"}
GENERAL_NEWS = GENERAL_NEWS_DIR / SETS["tuned on"]


def general_news_scores(*paths: Path) -> dict[str, Score]:
    """Scores by category ("date: weekday", "quantity: money"...) and by kind ("quantity", "date"), over the
    sentences of every file given (news.yaml if none)."""
    examples = [e for path in paths or (GENERAL_NEWS,) for e in load_examples(path)]
    return score_by_category(examples, extract_mentions)


def _print(title: str, scores: dict[str, Score], failures: bool) -> None:
    print(f"\n{title}\n{'category':22} {'expected':>8} {'found':>6} {'span F1':>8} {'value F1':>9}")
    for category in sorted(n for n in scores if n != "all"):
        s = scores[category]
        print(f"{category:22} {s.expected:8} {s.found:6} {s.detection_f1:8.1f} {s.value_f1:9.1f}")
    if failures and "all" in scores:
        print("\n".join(scores["all"].failures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="print every sentence read wrong")
    args = parser.parse_args()
    for label, name in SETS.items():
        _print(f"{name} ({label})", general_news_scores(GENERAL_NEWS_DIR / name), args.failures)
    _print("all ten sets", general_news_scores(*(GENERAL_NEWS_DIR / name for name in SETS.values())), False)


if __name__ == "__main__":
    main()
