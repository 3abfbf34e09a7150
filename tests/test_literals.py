"""The literal test before a search (workbench/literals.py) only ever says "no" where the search finds nothing."""

import re
import string

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench import PROJECT_DIR
from workbench.cache import load_checking
from workbench.check import _rule_words
from workbench.claims import SAID_BEFORE
from workbench.literals import may_match, searched
from workbench.vocabulary import vocabulary_for

PACK, RULES = load_checking()
VOCABULARY = vocabulary_for(PACK, RULES)
PATTERNS = [p for w in VOCABULARY.measures for p in (w.names, w.context, w.undivided) if p is not None] + [
    p for p in vars(VOCABULARY).values() if isinstance(p, re.Pattern)] + [
    p for rule in RULES.rules for key in ("signals", "gatherings", "entity_words", "step_words")
    if (p := _rule_words(tuple(rule.words(key)))) is not None] + [SAID_BEFORE]
WORDS = sorted({w for p in PATTERNS for w in re.findall(r"[a-z]+", p.pattern.lower()) if len(w) > 2})


def real_texts() -> list[str]:
    texts = []
    for path in sorted((PROJECT_DIR / "tests" / "realnews").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            texts += [item["sentence"], *(item.get("context") or []), item.get("title") or ""]
    return texts


def test_no_text_a_pattern_matches_is_turned_away():
    texts = real_texts()
    # case, spacing and the characters a case-blind search reads as ASCII letters (the long s, the Kelvin sign)
    texts += [t.upper() for t in texts[:200]] + [" \n ".join(WORDS)] + [w.replace("s", "\u017f", 1) for w in WORDS]
    texts += [w.replace("k", "\u212a") for w in WORDS] + [w.replace("i", "\u0130") for w in WORDS]
    for pattern in PATTERNS:
        for text in texts:
            assert may_match(pattern, text) or pattern.search(text) is None, (pattern.pattern, text)
            assert searched(pattern, text) == (pattern.search(text) is not None)


def test_a_text_without_the_words_is_turned_away():
    spending = VOCABULARY.measures[0].names
    assert not may_match(spending, "17/2/2025\t96.97\t170 k 441 tonnes 102 km 207 litres")
    assert may_match(spending, "Defence\n  SPENDING rose")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(string.ascii_letters + " -\n\u017f\u212a\u0130\u2019", max_size=6),
                max_size=12))
def test_any_mix_of_the_words_is_answered_as_the_search_answers(pieces):
    text = " ".join(pieces)
    for pattern in PATTERNS:
        assert may_match(pattern, text) or pattern.search(text) is None, (pattern.pattern, text)
