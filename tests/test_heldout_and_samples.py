"""Accuracy where the extractor was not tuned example by example, and on the two sample drafts."""

from pathlib import Path

from workbench import SAMPLES_DIR
from workbench.extract import extract_mentions
from workbench.extract.evaluation import load_examples, score

HELD_OUT = Path(__file__).parent / "heldout" / "news.yaml"


def test_held_out_news_sentences_meet_the_accuracy_floors():
    result = score(load_examples(HELD_OUT), extract_mentions)
    assert result.expected >= 100
    assert result.detection_f1 >= 95, "\n".join(result.failures)
    assert result.value_f1 >= 90, "\n".join(result.failures)


def test_sample_drafts_give_exactly_their_expected_mentions():
    result = score(load_examples(SAMPLES_DIR / "expected_mentions.yaml"), extract_mentions)
    assert result.failures == []
    assert result.expected == 16
