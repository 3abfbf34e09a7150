"""Real published general-news sentences (tests/generalnews/news.yaml, each with its URL and date): F1 by
kind stays at or above the floors of issue 14, so a change that reads real wire copy worse fails here."""

from benchmarks.general_news import GENERAL_NEWS, general_news_scores
from workbench.extract.evaluation import load_examples

# kind -> (span F1, value F1) floors of issue 14; measured 96.9/96.9 (quantities) and 100/97.7 (dates) when set
FLOORS = {"quantity": (92.0, 92.0), "date": (93.0, 90.0)}


def test_every_sentence_names_its_published_source():
    examples = load_examples(GENERAL_NEWS)
    assert len(examples) >= 50 and sum(len(e.mentions) for e in examples) >= 120
    assert all(e.pub_date is not None for e in examples)
    assert GENERAL_NEWS.read_text(encoding="utf-8").count("  - url: http") == len(examples)


def test_general_news_meets_the_floors_by_kind():
    scores = general_news_scores()
    assert scores["date: weekday"].expected >= 10 and scores["date: relative"].expected >= 10
    for kind, (span, value) in FLOORS.items():
        s = scores[kind]
        assert s.detection_f1 >= span and s.value_f1 >= value, (kind, "\n".join(scores["all"].failures))
