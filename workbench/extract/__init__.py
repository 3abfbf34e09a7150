"""text -> sentences -> mentions: every number and date in a draft, normalized (DESIGN.md contract)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from workbench.extract.bounded import overruns, sentence_budget, whole_unit_pattern
from workbench.extract.dates import date_gates, find_dates
from workbench.extract.identifiers import identifier_spans
from workbench.extract.numberwords import rare_words
from workbench.extract.ordinals import find_ordinals
from workbench.extract.quantities import NUMBER_WORD, find_quantities
from workbench.extract.sentences import iter_sentences, split_sentences
from workbench.extract.vague import find_vague, load_vague_quantifiers
from workbench.model import Mention, Sentence

_DIGIT = re.compile(r"\d")  # any Unicode decimal digit: the only digits the readers' patterns match


def extract_sentence(sentence: Sentence, pub_date: date) -> list[Mention]:
    """Mentions of one sentence, offsets into the document. Dates first: a year is never a quantity."""
    text = sentence.text
    has_digit = _DIGIT.search(text) is not None
    if not has_digit and not NUMBER_WORD.search(text) and not date_gates(text) and not rare_words(text):
        mentions = find_vague(text, [])  # nothing a number or date reader could find: skip them
    else:
        with sentence_budget(sentence.start, sentence.end):
            blocked = identifier_spans(text) if has_digit else []
            dates = find_dates(text, pub_date, blocked)
            taken = blocked + [(m.start, m.end) for m in dates]
            ordinals = find_ordinals(text, taken)
            taken += [(m.start, m.end) for m in ordinals]
            quantities = find_quantities(text, taken)
            taken += [(m.start, m.end) for m in quantities]
        mentions = dates + ordinals + quantities + find_vague(text, taken)
    return sorted((_shifted(m, sentence.start) for m in mentions), key=lambda m: m.start)


def _shifted(mention: Mention, offset: int) -> Mention:
    """The mention with its offsets moved by `offset` (dataclasses.replace, without its per-field checks: a
    number-dense megabyte holds ~100,000 mentions)."""
    fields = vars(mention).copy()
    fields["start"] += offset
    fields["end"] += offset
    return Mention(**fields)


def extract_mentions(text: str, pub_date: date) -> list[Mention]:
    """Every quantity and date in `text`, in document order, spans never overlapping."""
    return list(iter_mentions(text, pub_date))


def iter_mentions(text: str, pub_date: date) -> Iterator[Mention]:
    """extract_mentions a sentence at a time: a document of any size is read in flat memory."""
    for sentence in iter_sentences(text):
        yield from extract_sentence(sentence, pub_date)


def warm_up() -> None:
    """Load the readers' tables once, so the first real draft is as fast as the rest: for a process that will
    read many (a batch worker, the app), quantulum3's whole unit pattern is compiled now."""
    load_vague_quantifiers()
    whole_unit_pattern()
    # a relative date ("two years ago") builds dateparser's time-zone patterns the first time it is read
    extract_mentions("On 24 June 2025, about 5% of the 32 members spent $1.3bn over eight years, as two years ago.",
                     date(2025, 7, 1))


__all__ = ["extract_mentions", "extract_sentence", "iter_mentions", "iter_sentences", "overruns", "split_sentences",
           "warm_up"]
