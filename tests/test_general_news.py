"""Real published general-news sentences (tests/generalnews/*.yaml, each with its URL and date): F1 by kind
stays at or above each set's floors, so a change that reads real wire copy worse fails here."""

import pytest

from benchmarks.general_news import GENERAL_NEWS_DIR, SETS, general_news_scores
from workbench.extract.evaluation import load_examples

# file -> kind -> (span F1, value F1) floors, a little under what was measured when they were set (issue 14):
# news.yaml 98.9/98.9 quantities, 100/97.7 dates (first floors 92/92, 93/90); heldout.yaml 100/98.8 and
# 100/100 (97.0/95.8 and 100/100 before the third round); fresh.yaml 96.2/96.2 and 100/100 (its one run 83.5/81.0
# and 92.3/92.3); dated.yaml 100/100 and 100/92.3; dated_unseen.yaml 100/100 and 97.0/75.8 (its one run 88.6/85.7
# and 95.4/70.8); fresh2.yaml 100/100 and 96.0/96.0 (its one run 91.7/91.7 and 93.9/93.9); fresh3.yaml, held out,
# its one run 94.9/90.0 and 92.3/88.2. After issue 14's fourth round: news.yaml 100/100 and 100/100, heldout.yaml
# 100/100, fresh.yaml 97.5/97.5, dated_unseen.yaml dates 100/91.2, fresh2.yaml dates 98.0/98.0, fresh3.yaml 97.9/94.9
# and 92.9/91.8 (no change was written against its sentences, but some of its misses were shapes the round fixed);
# fresh4.yaml, gathered after the round's changes, its one run 87.7/84.5 and 98.7/90.9. Issue 14's fifth round read the
# misses of fresh3.yaml and fresh4.yaml and of fresh5.yaml (labelled and committed before its one run: 96.3/90.4 and
# 96.9/89.2); after it fresh3.yaml 100/100 and 100/100, fresh4.yaml 100/98.9 and 100/97.4, fresh5.yaml 99.3/97.8 and
# 100/100. Issue 14's sixth round read the misses of fresh6.yaml (labelled and committed before its one run: 94.3/92.2
# and 98.6/97.2); after it fresh6.yaml 99.7/99.2 and 100/100, the other sets unchanged
FLOORS = {
    "news.yaml": {"quantity": (99.0, 99.0), "date": (99.0, 99.0)},
    "heldout.yaml": {"quantity": (99.0, 99.0), "date": (97.0, 97.0)},
    "fresh.yaml": {"quantity": (96.0, 96.0), "date": (97.0, 97.0)},
    "dated.yaml": {"quantity": (97.0, 97.0), "date": (97.0, 90.0)},
    "dated_unseen.yaml": {"quantity": (97.0, 97.0), "date": (98.0, 89.0)},
    "fresh2.yaml": {"quantity": (97.0, 97.0), "date": (96.0, 96.0)},
    "fresh3.yaml": {"quantity": (99.0, 99.0), "date": (99.0, 99.0)},
    "fresh4.yaml": {"quantity": (99.0, 98.0), "date": (99.0, 96.0)},
    "fresh5.yaml": {"quantity": (98.0, 97.0), "date": (99.0, 99.0)},
    "fresh6.yaml": {"quantity": (99.0, 99.0), "date": (99.0, 99.0)},
}
# every date of the sets read so far, each as of its own article's date (issue 14's target: span 93, value 90; the six
# sets before fresh3.yaml 98.8/93.5 before issue 14's fourth round, 99.7/97.3 after it; all nine 99.9/98.5 after the
# fifth; all ten 99.9/98.8 after the sixth)
TUNED_SETS = tuple(SETS.values())
ALL_DATES_FLOOR = (99.5, 98.5)


# file -> (sentences, mentions) it holds at least
SIZES = {"news.yaml": (50, 120), "heldout.yaml": (50, 120), "fresh.yaml": (25, 50), "dated.yaml": (17, 35),
         "dated_unseen.yaml": (28, 65), "fresh2.yaml": (25, 70), "fresh3.yaml": (100, 260),
         "fresh4.yaml": (55, 130), "fresh5.yaml": (75, 200),
         "fresh6.yaml": (95, 250)}


@pytest.mark.parametrize("name", sorted(SETS.values()))
def test_every_sentence_names_its_published_source(name):
    path = GENERAL_NEWS_DIR / name
    examples = load_examples(path)
    sentences, mentions = SIZES[name]
    assert len(examples) >= sentences and sum(len(e.mentions) for e in examples) >= mentions
    assert all(e.pub_date is not None for e in examples)
    assert path.read_text(encoding="utf-8").count("  - url: http") == len(examples)


def test_the_tuned_set_has_weekdays_and_relative_dates():
    scores = general_news_scores(GENERAL_NEWS_DIR / "news.yaml")
    assert scores["date: weekday"].expected >= 10 and scores["date: relative"].expected >= 10


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_general_news_meets_the_floors_by_kind(name):
    scores = general_news_scores(GENERAL_NEWS_DIR / name)
    for kind, (span, value) in FLOORS[name].items():
        s = scores[kind]
        assert s.detection_f1 >= span and s.value_f1 >= value, (kind, "\n".join(scores["all"].failures))


def test_dates_of_all_sets_meet_the_target():
    scores = general_news_scores(*(GENERAL_NEWS_DIR / name for name in TUNED_SETS))
    dates = scores["date"]
    assert scores["date: weekday"].expected >= 40 and scores["date: relative"].expected >= 30
    span, value = ALL_DATES_FLOOR
    assert dates.detection_f1 >= span and dates.value_f1 >= value, "\n".join(scores["all"].failures)
