"""The example corpora are the extract contract: every example must come out exactly as written."""

import pytest

from workbench.extract import extract_mentions
from workbench.extract.evaluation import corpus_examples, differences

EXAMPLES = corpus_examples()


def test_corpus_is_large_enough_to_mean_something():
    assert len(EXAMPLES) >= 150
    assert sum(not e.mentions for e in EXAMPLES) >= 20, "negatives matter as much as positives"


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.source for e in EXAMPLES])
def test_example(example):
    found = extract_mentions(example.text, example.pub_date)
    assert differences(found, example.mentions) == []
