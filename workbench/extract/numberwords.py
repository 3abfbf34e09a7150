"""Number words as inflect writes them ("twenty-five", "twenty-fifth"), read back to their values.

quantulum3 reads cardinal runs in prose but not ordinals ("twenty-fifth") nor words glued to a suffix
("tenfold"); these tables, made from inflect's own spelling of 1 to 100, serve both.
"""

from __future__ import annotations

import re
from functools import lru_cache

import inflect

TABLE_LIMIT = 100  # news spells out ordinals and multipliers up to "hundredth" and "hundredfold"
# what every spelled-out ordinal and every multiplier word holds, looked for in the lower-cased sentence in one
# literal scan (ten times as fast as the full patterns): a sentence without any is not read for them
_RARE = re.compile(r"(?P<ordinal>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|"
                   r"tieth|hundredth)|(?P<multiplier>fold|doubl|tripl|trebl|quadrupl|halv|twice)"
                   r"|(?P<article_unit>an? (?:inch|foot|mile|met|kilomet|centimet|millimet|gallon|lit|acre|tonne|"
                   r"kilogram|penny|year|month|week|day|hour|minute|decade|century))")


@lru_cache(maxsize=64)
def rare_words(sentence: str) -> frozenset[str]:
    """Which of "ordinal", "multiplier" and "article_unit" ("an inch", "a penny", "a year") the sentence may hold
    (asked by four readers, scanned once)."""
    return frozenset(m.lastgroup for m in _RARE.finditer(sentence.lower()))


@lru_cache(maxsize=1)
def cardinal_words() -> dict[str, int]:
    """ "two" -> 2, "twenty-five" -> 25, "hundred" -> 100 (as in "hundredfold")."""
    engine = inflect.engine()
    table = {engine.number_to_words(n): n for n in range(1, TABLE_LIMIT)}
    return {**table, "hundred": 100, "thousand": 1000}


@lru_cache(maxsize=1)
def ordinal_words() -> dict[str, int]:
    """ "second" -> 2, "twenty-fifth" -> 25, "hundredth" -> 100."""
    engine = inflect.engine()
    table = {engine.ordinal(engine.number_to_words(n)): n for n in range(1, TABLE_LIMIT)}
    return {**table, "hundredth": 100}
