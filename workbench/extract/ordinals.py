"""Ordinals that state a rank or a count: "the 32nd member", "the club's 75th anniversary", "the world's
fourth-largest economy", "a third straight title" are quantities with unit `ordinal` (DESIGN.md).

"first" is never one, and a spelled-out ordinal is one only before a superlative or a word that makes it a
rank or a count ("second-largest", "third straight", "twenty-fifth anniversary"), or after a verb of placing
("finished fifth", "became the thirtieth state"): "for the second time" is ordinary prose. A digit ordinal
is one unless it names a century, a street, a unit or a day of the month; an ordinal in a date ("June 24th",
"the 4th of July") is read by the date reader first and never reaches here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.extract.numberwords import cardinal_words, ordinal_words, rare_words
from workbench.extract.spans import Spans
from workbench.model import Mention

# starts with a digit: scanned fast; its edge is checked ("1,000th" too)
_DIGIT_ORDINAL = re.compile(r"\d{1,4}(?:st|nd|rd|th|(?:,\d{3})+(?:st|nd|rd|th))\b")
# after a digit ordinal: a century, a street, a military unit, a party, an amendment, an electoral district or a
# court's circuit: names, not ranks
_NAMED_AFTER = re.compile(
    r"[\s-]+(?:century|centuries|millenni|St\b|Street|Ave\b|Avenue|Rd\b|Road|Precinct|District|Ward\b|Circuit|"
    r"Congressional|Airborne|Infantry|"
    r"Armou?red|Division|Brigade|Regiment|Battalion|Fleet|Army|Corps|Squadron|Wing|Amendment|party|parallel)",
    re.I)
# "on the 15th", "by the 14th": a day of the month, unless a rank follows ("on the 40th anniversary")
_DAY_OF_MONTH_BEFORE = re.compile(r"\b(?:on|from|by|until|till|since|before|after|through|to)\s+the\s+$", re.I)
# nouns ending in "-est" that are not superlatives
_NOT_SUPERLATIVE = ("interest", "forest", "request", "contest", "protest", "harvest", "conquest", "west",
                    "test", "rest", "chest", "guest", "quest", "honest", "modest", "arrest", "digest", "priest",
                    "earnest", "manifest", "behest", "unrest", "bequest", "midwest", "inquest")
_RANK_AFTER = re.compile(
    r"[\s-]+(?:(?!(?:" + "|".join(_NOT_SUPERLATIVE) + r")\b)[a-z]{2,}est\b|most\b|least\b|ranked\b|placed?\b|"
    r"consecutive\b|straight\b|successive\b|anniversary\b|birthday\b|annual\b|members?\b|"
    r"(?!time\b)(?:[a-z]+\s+){1,2}in\s+a\s+row\b)", re.I)  # "the tenth annual fair", "their seventh win in a row"
# a verb of placing before a spelled-out ordinal makes it a rank with no rank word after it: "finished an
# inexplicable fifth", "got home third", "became the thirtieth state"; not "finished a third of the race"
_RANK_BEFORE = re.compile(
    r"\b(?:finish(?:ed|es|ing)?|came|comes|coming|placed|places|got\s+home|ended\s+up|end\s+up|ranked|ranks|"
    r"became|become|becomes|becoming)\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[a-z]+\s+)?$", re.I)
_NOT_RANK_AFTER = re.compile(r"[\s-]+(?:of|time|times|half|halves|quarter|period|round|leg|lap|set|day|week|month|"
                             r"year|season|term|attempt)\b", re.I)
# a possessive before a spelled-out ordinal past "second" counts the owner's things: "his third term", "his seventh in
# the NHL", "their sixth day of deliberations" ("his second wife", "its third of the market" are not ranks, nor is a
# place named by its number: "Tennessee's third district")
_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|their|its|[A-Z][\w.-]*['’]s)\s+$")
_NOT_OWNED_AFTER = re.compile(r"[\s-]+(?:of|half|halves|quarters?|times?|district|ward|circuit|congressional)\b",
                              re.I)
LOOK_BEHIND = 20
RANK_LOOK_BEHIND = 40


@lru_cache(maxsize=1)
def ordinal_word() -> re.Pattern[str]:
    """Any spelled-out ordinal: "second", "fourteenth", "twenty-first", "thirty second" (a lone "first" is
    dropped when read)."""
    simple = sorted((w for w in ordinal_words() if "-" not in w), key=len, reverse=True)
    tens = sorted(w for w, n in cardinal_words().items() if 20 <= n < 100 and n % 10 == 0)
    return re.compile(rf"(?<![\w-])(?:(?:{'|'.join(tens)})[\s-])?(?:{'|'.join(simple)})(?![\w])", re.I)


def _value(word: str) -> int | None:
    return ordinal_words().get(re.sub(r"\s+", "-", word.lower()))


def find_ordinals(sentence: str, blocked: list[tuple[int, int]]) -> list[Mention]:
    """Ordinal mentions of one sentence, offsets into the sentence, clear of `blocked` spans."""
    digits = list(_DIGIT_ORDINAL.finditer(sentence))
    words = ordinal_word().finditer(sentence) if "ordinal" in rare_words(sentence) else ()
    if not digits and not words:
        return []
    taken = Spans(blocked)
    found = []
    for m in digits:
        value = int(m.group(0)[:-2].replace(",", ""))
        if m.start() and (sentence[m.start() - 1].isalnum() or sentence[m.start() - 1] in "_.,"):
            continue  # inside a number or a name
        if taken.overlaps(*m.span()) or _NAMED_AFTER.match(sentence, m.end()) or (
                value <= 31 and not _RANK_AFTER.match(sentence, m.end())
                and _DAY_OF_MONTH_BEFORE.search(sentence, max(0, m.start() - LOOK_BEHIND), m.start())):
            continue
        found.append(_mention(m, float(value)))
    for m in words:
        value = _value(m.group(0))
        if value is None or value == 1 or taken.overlaps(*m.span()) or not (
                _RANK_AFTER.match(sentence, m.end()) or _ranked_by_verb(sentence, m) or _owned(sentence, m, value)):
            continue
        found.append(_mention(m, float(value)))
    return found


def _owned(sentence: str, m: re.Match[str], value: float) -> bool:
    owner = _POSSESSIVE_BEFORE.search(sentence, max(0, m.start() - LOOK_BEHIND), m.start())
    return value > 2 and owner is not None and _NOT_OWNED_AFTER.match(sentence, m.end()) is None


def _ranked_by_verb(sentence: str, m: re.Match[str]) -> bool:
    return _RANK_BEFORE.search(sentence, max(0, m.start() - RANK_LOOK_BEHIND), m.start()) is not None and (
        _NOT_RANK_AFTER.match(sentence, m.end()) is None)


def _mention(m: re.Match[str], value: float) -> Mention:
    return Mention(start=m.start(), end=m.end(), text=m.group(0), kind="quantity", value=value, unit="ordinal")
