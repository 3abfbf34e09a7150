"""Whether a pattern can match a text at all, told by the literal words every match must hold.

The checker searches the same few word patterns (a measure's names, an event's words) in every clause, sentence
and stretch of document before it; in text that holds none of their words (a pasted table, most sentences of a
long draft) a regular-expression search still walks every character, ~0.1 ms over the 2,000 characters of a
claim's context. A lower-case substring test of the words' literal parts answers "no" first, exactly: it is only
a necessary condition, and the search still decides whenever it passes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.entities import needed_texts

# a character outside ASCII that a case-blind pattern matches to an ASCII letter (the Kelvin sign, the long s, a
# dotted capital I): its lower-case form need not show the letter, so a text holding one is always searched
_FOLDS_TO_ASCII = re.compile(r"(?![\x00-\x7f])(?i:[a-z])")


@lru_cache(maxsize=4096)
def _keys(regex: str) -> tuple[str, ...] | None:
    """Lower-case texts one of which every match of `regex` holds; None when none is known. A text that holds
    a shorter one is left out ("expenditures" holds "expenditure"): it adds nothing to the test."""
    keys = needed_texts(regex)
    if keys is None:
        return None
    kept: list[str] = []
    for key in sorted(set(keys), key=len):
        if not any(shorter in key for shorter in kept):
            kept.append(key)
    return tuple(kept)


def may_match(pattern: re.Pattern[str] | str, text: str) -> bool:
    """False only when `pattern` (compiled or not, case-blind or not) cannot match anywhere in `text`."""
    keys = _keys(pattern if isinstance(pattern, str) else pattern.pattern)
    if keys is None or (not text.isascii() and _FOLDS_TO_ASCII.search(text)):
        return True
    lowered = text.lower()
    for key in keys:  # noqa: SIM110 - a plain loop is twice as fast as any() here, and this runs for most clauses
        if key in lowered:
            return True
    return False


def first_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """pattern.search(text), answered "none" at once when the text cannot hold a match."""
    return pattern.search(text) if may_match(pattern, text) else None


_SEARCHED: dict[tuple[int, str], tuple[re.Pattern[str], bool]] = {}
MAX_SEARCHED = 16384  # answers kept; all are forgotten at once beyond this


def searched(pattern: re.Pattern[str] | None, text: str) -> bool:
    """Whether `pattern` matches in `text`, remembered: every figure of a sentence asks the same of its clause,
    sentence and document. Keyed by the pattern's identity, as hashing a compiled pattern reads all its code
    (~4 µs for a measure's words); the pattern is kept beside its answer, so a new one at a reused address is
    never taken for it."""
    if pattern is None:
        return False
    key = (id(pattern), text)
    known = _SEARCHED.get(key)
    if known is None or known[0] is not pattern:
        if len(_SEARCHED) >= MAX_SEARCHED:
            _SEARCHED.clear()
        known = _SEARCHED[key] = (pattern, may_match(pattern, text) and pattern.search(text) is not None)
    return known[1]
