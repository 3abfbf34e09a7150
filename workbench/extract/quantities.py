"""Quantities in a sentence: percent and points, money with ISO codes, counts, fractions, durations.

Numerals and their multipliers ("$1.3 trillion", "£3bn", "1.2m people") are read here, because
quantulum3 reads "bn" as bit-newtons and "m" as metres; quantulum3 reads the spelled-out numbers
("Twelve", "two-thirds", "one hundred and twenty") and the physical and time units ("eight years",
"1,200 km"). Around each number we then settle what news copy needs: percent vs percentage points,
the currency's country, ranges ("5-6%", "between 3.5 and 5 per cent"), and approximation words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import localedata
from babel.numbers import get_currency_symbol, list_currencies

from workbench.extract.bounded import quantulum, spellout_values, unit_reading
from workbench.extract.notation import FACTOR, factor_after, multiplier_words, written_numbers
from workbench.extract.numberwords import rare_words
from workbench.extract.spans import Spans
from workbench.model import Mention

MULTIPLIERS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9,
    "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "tr": 1e12,
    "mil": 1e6, "bil": 1e9, "hundred": 1e2, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
_NUMERAL = re.compile(
    r"(?=[\d.])"  # first, so that the scan skips to the next digit at once (4x faster than the lookbehinds first)
    r"(?<![\d_.,/\u2044])(?:(?<![A-Za-z][\-/])|(?<=\bto-)|(?<=\bof-))"  # "90,000 to-120,000", "6-of-14"
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![.,]?\d)|\d+)(?:\.\d+)?|\.\d+)"
    r"(?![.,]?\d|\s?[/\u2044]\s?\d)"
    r"(?:(?P<gap>\s?|-(?=[a-z]{3}))(?P<mult>(?:hundred\s)?(?:thousand|million|billion|trillion)|hundred|crores?|"
    r"lakhs?|mil|bil|mn|mln|bn|bln|tn|trn|m|k|b)\b\.?)?"
    r"(?P<suffix>[A-Za-z]+)?",
    re.I,
)
NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|zero|"
    r"hundred|thousand|million|billion|trillion|half|third|thirds|quarter|quarters|dozen|fifths?)\b",
    re.I,
)
_MINUS_BEFORE = re.compile(r"(?:^|(?<=[\s(:=$€£¥₹]))(?P<sign>[-\u2212]|(?i:minus|negative)\s+)$")
# quantulum3 reads the ordinal "twenty-fifth" as 20 x 1/5: such compounds are not numbers
_COMPOUND_ORDINAL = re.compile(r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]"
                               r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)s?$", re.I)
_FRACTION_WORD = re.compile(r"\b(?:half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b",
                            re.I)
# "one" is a pronoun far more often than a count in news copy
_ONE_AS_PRONOUN = re.compile(r"\s+(?:of|another|by|day|time|point|way|thing|side|hand|such)\b", re.I)
_NOT_ONE_BEFORE = re.compile(r"\b(?:(?:no|any|every|some|each|the|this|that|which|last|by)|(?:a|an|the)\s+[\w.-]+)\s+$",
                             re.I)

PERCENT_AFTER = re.compile(r"(?:\s?%|[\s-]?(?:per[\s-]?cent\b|percent\b|pc\b|pct\b))", re.I)
POINTS_AFTER = re.compile(
    r"\s?(?:percentage[\s-]points?\b|%[\s-]points?\b|pp\b|ppts?\b|per\s?cent(?:age)?\s+points?\b)", re.I)
BARE_POINTS_AFTER = re.compile(r"[\s-](?:points?)\b", re.I)  # "fell 88 points", "a 250.82-point drop"
BASIS_POINTS_AFTER = re.compile(r"\s(?:basis\s+points?|bps?)\b", re.I)

# the spellings news copy uses where CLDR (through Babel, see currency_symbols) has none or several currencies
CURRENCY_SYMBOLS = {
    "US$": "USD", "US $": "USD", "$US": "USD", "HK $": "HKD", "S$": "SGD", "RM": "MYR",
    "U.S.$": "USD", "C$": "CAD", "CA$": "CAD", "CAN$": "CAD", "A$": "AUD", "AU$": "AUD",
    "NZ$": "NZD", "HK$": "HKD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR",
    "₴": "UAH", "zł": "PLN", "Rs": "INR", "Rs.": "INR", "kr": "DKK", "CHF": "CHF", "₺": "TRY",
}
ISO_CODES = ("USD", "EUR", "GBP", "RUB", "DKK", "NOK", "SEK", "CAD", "AUD", "NZD", "CHF", "JPY", "CNY",
             "INR", "UAH", "PLN", "TRY", "HUF", "RON", "BGN", "CZK", "HKD", "KRW", "ZAR", "ISK", "MYR", "SGD",
             "IDR", "PHP", "THB", "VND", "BRL", "MXN", "NGN", "KES", "EGP", "PKR", "BDT", "SAR", "AED", "ILS",
             "TWD", "ARS", "CLP", "COP")


@lru_cache(maxsize=1)
def currency_symbols() -> dict[str, str]:
    """Symbol -> ISO code. Babel's CLDR data gives each currency's symbol in English and in its own country
    ("R$", "₩", "₱", "CN¥"); a symbol shared by several currencies ("$", "kr", "Rs") or a lone letter is
    left to the hand-kept table, which also holds the spellings news copy uses and CLDR does not."""
    shared: dict[str, set[str]] = {}
    # what localedata.exists answers, listed once: asking it of each currency's locale took most of the start
    known = {name.lower() for name in localedata.locale_identifiers()}
    for code in list_currencies():
        for locale in ("en", f"en_{code[:2]}"):
            if locale.lower() not in known:
                continue
            symbol = get_currency_symbol(code, locale)
            if symbol != code and (len(symbol) > 1 or not symbol.isascii()):
                shared.setdefault(symbol, set()).add(code)
    return {**{s: codes.pop() for s, codes in shared.items() if len(codes) == 1}, **CURRENCY_SYMBOLS}


@lru_cache(maxsize=1)
def _symbol_before() -> re.Pattern[str]:
    """A currency symbol or ISO code just before a number ("RM12.40", "USD2,300", "$US48m", "Rs. 500")."""
    names = sorted({*currency_symbols(), *ISO_CODES}, key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z])(?P<sym>" + "|".join(re.escape(n) for n in names) + r")\s?$")
# a currency word and the countries that use it; the first is the default
CURRENCY_WORDS = {
    "dollar": ("USD", {"canadian": "CAD", "australian": "AUD", "new zealand": "NZD", "hong kong": "HKD",
                       "us": "USD", "u.s.": "USD", "american": "USD",
                       "canada": "CAD", "australia": "AUD"}),
    "euro": ("EUR", {}),
    "pound": ("GBP", {"egyptian": "EGP"}),
    "sterling": ("GBP", {}),
    "rouble": ("RUB", {}), "ruble": ("RUB", {}),
    "krone": ("DKK", {"danish": "DKK", "norwegian": "NOK", "denmark": "DKK", "norway": "NOK"}),
    "kroner": ("DKK", {"danish": "DKK", "norwegian": "NOK", "denmark": "DKK", "norway": "NOK"}),
    "krona": ("SEK", {"swedish": "SEK", "icelandic": "ISK", "sweden": "SEK", "iceland": "ISK"}),
    "kronor": ("SEK", {"swedish": "SEK", "sweden": "SEK"}),
    "yen": ("JPY", {}), "yuan": ("CNY", {}), "renminbi": ("CNY", {}), "rupee": ("INR", {}),
    "hryvnia": ("UAH", {}), "hryvnias": ("UAH", {}), "zloty": ("PLN", {}), "zlotys": ("PLN", {}),
    "lira": ("TRY", {}), "forint": ("HUF", {}), "lei": ("RON", {}), "leu": ("RON", {}),
    "lev": ("BGN", {}), "leva": ("BGN", {}), "koruna": ("CZK", {}), "franc": ("CHF", {}),
}
_CURRENCY_AFTER = re.compile(
    r"\s*(?:(?P<adj>Canadian|Australian|New Zealand|Hong Kong|US|U\.S\.|American|Egyptian|Danish|"
    r"Norwegian|Swedish|Icelandic|Swiss|Chinese|Japanese|Turkish|Indian|Russian|British)\s+)?(?P<word>dollars?|euros?|pounds?(?:\s+sterling)?|sterling|"
    r"roubles?|rubles?|kroner|kronor|krone|krona|yen|yuan|renminbi|rupees?|hryvnias?|zlotys?|lira|"
    r"forints?|lei|leu|leva|lev|koruna|francs?)\b"
    r"|\s?(?P<code>" + "|".join(ISO_CODES) + r")\b",
    re.I,
)
_COUNTRY_IN_SENTENCE = re.compile(
    r"\b(Canada|Canadian|Australia|Australian|New Zealand|Hong Kong|Denmark|Danish|Norway|Norwegian|"
    r"Sweden|Swedish|Iceland|Icelandic)\b")
_OTHER_DOLLAR = {"Canada": "CAD", "Canadian": "CAD", "Australia": "AUD", "Australian": "AUD",
                 "New Zealand": "NZD", "Hong Kong": "HKD"}

APPROX_BEFORE = [
    ("about", r"about|around|roughly|approximately|approx\.|some|an estimated|estimated|circa|c\.|~|close to"),
    ("nearly", r"nearly|almost|just under|just shy of|approaching|not quite"),
    ("at_least", r"at least|no less than|no fewer than|no lower than|no smaller than|"
                 r"a minimum of|not less than|"
                 r"(?:more|greater|higher|larger|bigger) than or equal to|"
                 r"(?:greater|higher|larger) or equal (?:than|to)"),
    ("at_most", r"at most|up to|no more than|no higher than|no greater than|"
                r"no larger than|a maximum of|maximum of|not more than|as (?:much|many|high) as|"
                r"(?:less|fewer|smaller|lower) than or equal to|(?:smaller|lower|less) or equal (?:than|to)"),
    ("more_than", r"more than|over|above|upwards of|in excess of|exceeding|exceeds?|exceeded|surpass(?:ed|es)?|"
                  r"just over|beyond|greater than|higher than|larger than|bigger than"),
    ("less_than", r"less than|under|below|fewer than|smaller than|lower than"),
]
_APPROX_BEFORE = re.compile(
    r"(?:^|(?<=[\s(“‘\"']))(?:" + "|".join(f"(?P<{name}>{words})" for name, words in APPROX_BEFORE)
    + r")\s*$",
    re.I,
)
# "$2.50 a gallon or less": the rate's words come between the figure and its "or less"
_APPROX_AFTER = re.compile(r"(?:\s+(?:a|an|per)\s+[a-z]+(?=\s+or\s))?(?:\s+or\s+(?P<at_least>more|above|higher)|"
                           r"\s+or\s+(?P<at_most>less|fewer|below|lower)|(?P<more_than>\+|-plus\b))", re.I)
# "about a 10% increase", "more than a 3.7-cent cut": the qualifier of the change before its article; a lone
# preposition is not read past one ("above a 2% target" is the target's figure)
_APPROX_BEFORE_ARTICLE = re.compile(
    r"(?:^|(?<=[\s(]))(?:(?P<about>about|around|roughly|approximately)|(?P<nearly>nearly|almost)|"
    r"(?P<at_least>at least)|(?P<more_than>more than)|(?P<less_than>less than))\s+an?\s+$", re.I)
# a verb of change, and what it changes before the figures ("raise the adult cash fare from $1.50 to $1.60")
_CHANGE_VERB = re.compile(
    r"\b(?:rose|rise|rising|risen|fell|fall|falling|fallen|increased?|increasing|decreased?|decreasing|"
    r"grew|grow|growing|grown|jumped?|climbed?|dropped?|declined?|went|gone|raised?|raising|cut|"
    r"cutting|boosted?|lifted?|doubled?|tripled?|halved?|slipped?|edged|surged?|soared?|plunged?|"
    r"shrank|shrunk|moved?|changed?|slid|slides?|lost|loses|shed|sheds|gained|gains|regained|added|adds|"
    r"tumbled?|slumped?|advanced|retreated|rallied|up|down)\b[^.;]{0,26}$",
    re.I,
)
# "picking up four to five inches", "adds up to 30": "up" of a phrasal verb, not of a change
_PHRASAL_UP = re.compile(r"\b(?:pick|add|end|wind|show|sum|sign|line|pile|rack|break|split)(?:s|ed|ing|ped|ping)?"
                         r"\s+up\b[^.;]{0,20}$", re.I)
# "ranging from 44 to 72 mph", "varied from 2 to 3": a spread, whatever verb came before it
_SPREAD_BEFORE = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s+$", re.I)
# "5-6%", "2 to 3", "four or five", "6- or 7-cent" (the first number's hyphen hangs before "or")
_RANGE_JOIN = re.compile(r"^\s*(?:[-\u2010-\u2015\u2212~]|-?\s?to-?|through|and|-?\s?or|up\s+to)\s*$", re.I)
TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}
_PHYSICAL_ENTITIES_SKIPPED = {"dimensionless", "unknown", "currency"}


@dataclass
class _Number:
    start: int  # of the number itself, or of its currency symbol
    end: int  # after the number and any unit read so far
    value: float
    unit: str | None = None
    spelled: bool = False
    multiplier: float = 1.0
    fraction_word: bool = False
    number_end: int = 0  # end of the number and its multiplier, before any unit word
    written: bool = False  # a fraction or a power of ten: quantulum3 is shown a plain numeral in its place
    scale: float = 1.0  # what its unit words multiplied it by ("7 cents" is 0.07 dollars): a bare low end takes it too
    symbol: bool = False  # its unit is a currency sign before it ("$2"), which numbers listed before it do not share


LOOK_BEHIND = 60  # characters before a number that can change its reading ("more than", "US$", "between")
LOOK_AHEAD = 80  # characters after it that can ("billion kroner", "percentage points", "or more")


def _before(sentence: str, index: int) -> str:
    """The few characters before `index`: looking further back would make long sentences quadratic."""
    return sentence[max(0, index - LOOK_BEHIND):index]


def _after(sentence: str, index: int) -> str:
    return sentence[index:index + LOOK_AHEAD]


def find_quantities(sentence: str, blocked: list[tuple[int, int]]) -> list[Mention]:
    """Quantity mentions of one sentence, offsets into the sentence; `blocked` spans are skipped."""
    taken = Spans(blocked)
    numbers = [n for n in _numbers(sentence, blocked) if not taken.overlaps(n.start, n.number_end)]
    if not numbers:
        return []
    for number in numbers:
        _read_unit(sentence, number, taken)
        taken.add(number.start, number.end)  # "3 USD 5%": the next number may not take a code already read
    # "zero percent" is a figure; "zero tolerance", "net zero" are not counts
    numbers = [n for n in numbers if not (n.spelled and n.unit == "count" and n.value == 0)]
    _share_listed_units(sentence, numbers)
    mentions: list[Mention] = []
    i = 0
    while i < len(numbers):
        pair = _range(sentence, numbers[i], numbers[i + 1]) if i + 1 < len(numbers) else None
        if pair is not None:
            mentions.append(pair)
            i += 2
            continue
        mentions.append(_mention(sentence, numbers[i]))
        i += 1
    return mentions


# "2.34, 2.10, and 2.36 percent", "21 and 15 points": numbers listed before a unit are in it; a comma alone is no list
# ("of the 61 cases, 54 percent"), and neither is a comma and "or" after two numbers: it restates the first ("Stewart's
# 54,405, or 41 percent"), unless a list runs before it ("2, 3, or 4 percent")
_LIST_LAST = re.compile(r",?\s+(?:and|or)\s+")
_LIST_MORE = re.compile(r",\s*")
_RESTATED = re.compile(r",\s+or\s+", re.I)
_NOT_SHARED = {"count", "fraction", FACTOR, "ordinal"}


def _share_listed_units(sentence: str, numbers: list[_Number]) -> None:
    for i, number in enumerate(numbers):
        if number.unit in _NOT_SHARED or number.symbol:
            continue
        joint, j = _LIST_LAST, i
        while j > 0:
            earlier, later = numbers[j - 1], numbers[j]
            if earlier.unit != "count" or earlier.multiplier != 1.0 or not joint.fullmatch(
                    sentence, earlier.end, later.start):
                break
            if j == i and _RESTATED.fullmatch(sentence, earlier.end, later.start) and not (
                    j > 1 and _LIST_MORE.fullmatch(sentence, numbers[j - 2].end, earlier.start)):
                break
            earlier.unit, earlier.value, earlier.scale = number.unit, earlier.value * number.scale, number.scale
            joint, j = _LIST_MORE, j - 1


def _numbers(sentence: str, blocked: list[tuple[int, int]]) -> list[_Number]:
    written = written_numbers(sentence) + multiplier_words(sentence)
    found = [_Number(w.start, w.end, w.value, unit=w.unit, number_end=w.end, fraction_word=w.fraction,
                     written=w.unit is None) for w in written if w.value is not None]
    written_spans = Spans((w.start, w.end) for w in written) if written else None
    for m in _NUMERAL.finditer(sentence):
        if written_spans is not None and written_spans.overlaps(m.start(), m.end("num")):
            continue
        if m.start() and sentence[m.start() - 1].isalpha() and not _glued_symbol(sentence, m.start()):
            continue  # letters glued before the digits: a name ("MH17"), unless a currency ("RM12", "USD2,300")
        suffix = m.group("suffix")
        mult = m.group("mult")
        if mult and not _is_multiplier(sentence, m):
            mult, suffix = None, None  # "100m", "5 m": a unit for quantulum3, read below
        if suffix and not _unit_suffix(suffix):
            continue  # "2024e", "21st", "5G": not a plain quantity
        multiplier = _multiplier(mult) if mult else 1.0
        end = m.end("mult") if mult else m.end("num")
        start, sign = m.start(), 1.0
        minus = _MINUS_BEFORE.search(sentence, max(0, start - 12), start)
        if minus:  # "-0.5%", "−3", "minus 5", "$-42.7": a negative number, not a range dash
            start, sign = minus.start("sign"), -1.0
        found.append(_Number(start, end, sign * float(re.sub(r"[,\s]", "", m.group("num"))) * multiplier,
                             multiplier=multiplier, number_end=end))
    if NUMBER_WORD.search(sentence):
        found.extend(_spelled_numbers(sentence, found, blocked))
    if "article_unit" in rare_words(sentence):
        found.extend(_article_units(sentence, Spans((n.start, n.end) for n in found)))
        found.extend(_Number(m.start(), m.end(), 1.0, number_end=m.end()) for m in _A_PENNY.finditer(sentence))
    found.sort(key=lambda n: n.start)
    return found


# "up to an inch", "a half-inch to an inch": the article is the number one before a unit of measure (not "a ton of",
# "a yard", which are idioms or places), and before a unit of time after words that make it a length ("for a year",
# "in more than a year", "after just an hour"; "$3bn a year", "twice a week" are rates)
_ARTICLE_UNIT = re.compile(r"\b(?P<article>(?i:an?))\s+(?P<unit>(?i:inch|foot|mile|met(?:re|er)|kilomet(?:re|er)|"
                           r"centimet(?:re|er)|millimet(?:re|er)|gallon|lit(?:re|er)|acre|tonne|kilogram))(?![\w-])"
                           r"|\b(?i:for|after|within|than|nearly|almost|about|least|most|only|just|barely)\s+"
                           r"(?:(?i:just|only|barely)\s+)?(?P<time_article>(?i:an?))\s+"
                           r"(?P<time>(?i:year|month|week|day|hour|minute|decade|century))(?![\w'’-])")
# "30 miles a gallon", "half a mile": a rate of the number before, or the unit of its fraction
_NUMBER_BEFORE = re.compile(r"(?:\d[^\d.;]{0,12}|\b(?:half|quarters?|thirds?|fifths?|sixths?|sevenths?|eighths?|"
                            r"ninths?|tenths?)\s+(?:of\s+)?)$", re.I)


# "a penny a share", "about a penny": the article is one, read in cents below ("a penny for your thoughts" is not)
_A_PENNY = re.compile(r"\ba(?=\s+penny\b(?![\w-])(?!\s+for\b))")


def _article_units(sentence: str, spans: Spans) -> list[_Number]:
    found = []
    for m in _ARTICLE_UNIT.finditer(sentence):
        article = "article" if m.group("article") else "time_article"
        start = m.start(article)
        if spans.overlaps(start, m.end()) or _NUMBER_BEFORE.search(_before(sentence, start)):
            continue
        read = unit_reading("1", " " + m.group("unit" if article == "article" else "time"))
        if read is not None and read[2] not in _PHYSICAL_ENTITIES_SKIPPED:
            found.append(_Number(start, m.end(), 1.0, unit=read[1], number_end=m.end()))
    return found


def _glued_symbol(sentence: str, start: int) -> bool:
    symbol = _symbol_before().search(sentence, max(0, start - 8), start)
    return symbol is not None and symbol.end() == start


def _multiplier(words: str) -> float:
    """ "hundred million" is 1e8: the product of its words."""
    value = 1.0
    for word in words.lower().split():
        value *= MULTIPLIERS[word]
    return value


def _is_multiplier(sentence: str, m: re.Match[str]) -> bool:
    """ "£1.2m" and "1.2m people" are millions; "100m sprint" and "5 m" (spaced, no currency) are not."""
    if _symbol_before().search(_before(sentence, m.start())):
        return True
    mult = m.group("mult").lower()
    if m.group("gap") and mult in ("m", "k", "b", "bn", "mn", "tn"):
        return False
    if mult != "m":
        return True
    after = _after(sentence, m.end())
    return bool(re.match(r"\s+(?:of\s+(?:its|their|the|our|his|her|these|those)\s|(?!(?:in|on|at|to|of|from|and|or|by|"
                         r"with|for|high|long|wide|deep|tall|away|above|below|race|sprint|hurdles|freestyle)\b)"
                         r"[a-z]{3,})", after))


def _unit_suffix(suffix: str) -> bool:
    """Letters glued to a number that are a unit ("5km", "10pc"), as opposed to "21st" or "2024e"."""
    lowered = suffix.lower()
    if lowered in ("st", "nd", "rd", "th", "s", "e", "x"):
        return False
    return lowered in ("pc", "pct", "pp", "ppt", "bps", "bp", "degc", "degf") or bool(_known_unit_symbol(suffix))


@lru_cache(maxsize=512)
def _known_unit_symbol(symbol: str) -> bool:
    units = quantulum.load.units("en_US")
    return symbol in units.symbols or symbol.lower() in units.surfaces_lower


def _spelled_runs(masked: str) -> list[dict]:
    """quantulum3's runs of number words; one that runs over a comma is read again a piece at a time: "about half,
    and three parties" is a half and three, not 3.5 ("three and a half" has no comma)."""
    runs = []
    for item in spellout_values(masked):
        start, end = item["old_span"]
        if "," not in masked[start:end].rstrip(",;: "):
            runs.append(item)
            continue
        for piece in re.finditer(r"[^,]+", masked[start:end]):
            offset = start + piece.start()
            runs.extend({**sub, "old_span": (offset + sub["old_span"][0], offset + sub["old_span"][1])}
                        for sub in spellout_values(piece.group(0)))
    return runs


def _spelled_numbers(sentence: str, numerals: list[_Number], blocked: list[tuple[int, int]]) -> list[_Number]:
    found = _dozens(sentence, Spans((n.start, n.end) for n in numerals))
    spans = Spans((n.start, n.end) for n in numerals + found)
    for item in _spelled_runs(_masked(sentence, blocked)):
        start, end = item["old_span"]
        end -= len(sentence[start:end]) - len(sentence[start:end].rstrip(",;: "))  # quantulum3 keeps "one,"
        start += len(sentence[start:end]) - len(sentence[start:end].lstrip("& "))  # and "& half a mile"
        surface = sentence[start:end]
        if start and surface in _NAMED_MULTIPLIERS:
            continue  # "the 1 1/4-mile Million": a name
        word = surface.lower()
        if spans.overlaps(start, end) or word in ("a", "an", "quarter", "quarters", "third", "thirds") or (
                _QUARTER_OF_A_GAME.fullmatch(word)):
            continue  # a bare "quarter" is a period of time, not a fraction, and so is a game's "third quarter"
        if _COMPOUND_ORDINAL.search(word):
            continue
        if word == "one" and (_ONE_AS_PRONOUN.match(_after(sentence, end))
                              or _NOT_ONE_BEFORE.search(_before(sentence, start))) and not (
                _MILLS_AFTER.match(sentence, end) and _TAXES.search(sentence)):
            continue
        if word.startswith(("a ", "an ")) and not re.search(
                r"(?:hundred|thousand|million|billion|trillion|half|third|quarter|fifth|sixth|seventh|eighth|ninth|"
                r"tenth)$", word):
            continue
        if re.search(r"\bhalf\b", word) and re.search(r"\b(?:first|second|1st|2nd)\s+$", _before(sentence, start),
                                                      re.I):
            continue  # "the first half of 2025" is a period, not a fraction
        value = float(item["new_surface"])
        found.append(_Number(start, end, value, spelled=True, number_end=end,
                             fraction_word=bool(_FRACTION_WORD.search(word))))
    return found


_NAMED_MULTIPLIERS = {"Hundred", "Thousand", "Million", "Billion", "Trillion"}
_QUARTER_OF_A_GAME = re.compile(r"(?:first|second|third|fourth)[\s-]quarters?")


_COMPOUND_NUMERAL = re.compile(r"(?<![\w.,])\d+(?=-[a-z])")  # "four 18-year-old men": its numeral is read apart


def _masked(sentence: str, blocked: list[tuple[int, int]]) -> str:
    """The sentence with names, dates and the numerals of compounds blanked out, so that "nine 787-9s" and
    "four 18-year-old men" read as "nine" and "four": quantulum3 refuses a number word followed by a numeral."""
    spans = [*blocked, *(m.span() for m in _COMPOUND_NUMERAL.finditer(sentence))]
    if not spans:
        return sentence
    chars = list(sentence)
    for start, end in spans:
        chars[start:end] = "#" * (end - start)
    return "".join(chars)


def _dozens(sentence: str, spans: Spans) -> list[_Number]:
    """quantulum3 reads "a dozen" as one dozen-unit; news means twelve."""
    found = []
    for m in re.finditer(r"\b(?:(?P<n>half a|a|one|two|three)\s+)?dozen\b(?!s)", sentence, re.I):
        if spans.overlaps(m.start(), m.end()):
            continue
        factor = {"half a": 0.5, "a": 1, "one": 1, "two": 2, "three": 3, None: 1}[(m.group("n") or "").lower() or None]
        found.append(_Number(m.start(), m.end(), 12 * factor, spelled=True, number_end=m.end()))
    return found


def _read_unit(sentence: str, number: _Number, blocked: Spans) -> None:
    """Settle the unit of one number and stretch its span over the unit's words."""
    if number.unit is not None:
        return  # a multiplier word ("doubled", "tenfold") is a factor in itself
    if (end := factor_after(sentence, number.start, number.end)) is not None:
        number.unit, number.end = FACTOR, end
        return
    after = _after(sentence, number.end)
    if magnitude := _magnitude(sentence, number, after):
        number.unit, (number.start, number.end) = "magnitude", magnitude
        return
    window = max(0, number.start - LOOK_BEHIND)
    symbol = _symbol_before().search(sentence, window, number.start)
    if symbol and not number.spelled and not blocked.overlaps(symbol.start(), number.start):
        number.start, number.symbol = symbol.start(), True
        number.unit = _currency_for_symbol(symbol.group("sym"), sentence)
        code = _CURRENCY_AFTER.match(after)
        if code and (code.group("code") or (number.unit == "USD" and re.fullmatch(r"\s*dollars?", code.group(0)))):
            number.end += code.end()  # "USD2,300 USD", "$27 million dollars": the unit said twice is one span
        return
    if m := POINTS_AFTER.match(after):
        number.unit, number.end = "percentage_point", number.end + m.end()
        return
    if m := PERCENT_AFTER.match(after):
        number.unit, number.end = "percent", number.end + m.end()
        return
    if m := BASIS_POINTS_AFTER.match(after):
        number.unit, number.end = "basis_point", number.end + m.end()
        return
    if m := BARE_POINTS_AFTER.match(after):
        number.unit = "percentage_point" if _sentence_facts(sentence)[2] and not _index_points(
            number.value, after[m.end():]) and not _SCORED.search(sentence) else "point"
        number.end += m.end()
        return
    if number.fraction_word and (m := _FRACTION_OF_A.match(after)) and (
            points := POINTS_AFTER.match(after, m.end())):
        number.unit, number.end = "percentage_point", number.end + points.end()  # "a quarter of a percentage point"
        return
    if temperature := _temperature(sentence, after, number.value):
        number.unit, number.end = temperature[0], number.end + temperature[1]
        return
    if _inch_mark(sentence, number.end):
        number.unit, number.end = "inch", number.end + 1
        return
    if number.fraction_word and (article := _OF_A.match(sentence, number.end)) and (
            cents := _CENTS_AFTER.match(sentence, article.end())):
        _in_cents(sentence, number, cents, cents.end())  # "half of a cent"
        return
    if number.value < 1 and (number.fraction_word or number.written) and (
            quantity := _unit_of_one(sentence, number.end)):
        number.unit, number.end = quantity  # "three-quarters of a century", "1/16 of a pint", "half an hour"
        return
    if (m := _CURRENCY_AFTER.match(after)) and not blocked.overlaps(number.end, number.end + m.end()):
        unit = _currency_for_word(m, sentence)
        if unit is not None:
            number.unit, number.end = unit, number.end + m.end()
            return
    if (m := _MILLS_AFTER.match(after)) and _TAXES.search(sentence):
        number.unit, number.end = "mill", number.end + m.end()
        return
    if m := _CENTS_AFTER.match(after):  # "20 cents per share" is $0.20: a hundredth of the sentence's dollar
        _in_cents(sentence, number, m, number.end + m.end())
        return
    if re.match(r"\s?-?\s?[A-Za-zµ°]", after):
        more = _MORE_AFTER.match(after)  # "1 to 2 more inches", "three straight months": the unit is read past it
        quantity = _quantulum_unit(sentence, number, more.end() if more else 0)
        if quantity is not None:
            number.unit, number.end = quantity
            return
    number.unit = "fraction" if number.fraction_word and number.value <= 1 else _bare_unit(sentence, number)


# "the high is expected to hit 101", "Saturday's high will be 104": a bare figure of the day's high or low in a
# sentence about the weather, above any Celsius weather, is Fahrenheit (as a bare "102 degrees" is)
_HIGH_BEFORE = re.compile(r"\b(?:highs?|lows?|temperatures?|temps|mercury)(?:['’”]s)?\s+(?:(?:is|was|will|would|could|"
                          r"should|may|might|be|been|expected|forecast|predicted|to|hit|hits|reach|reaches|reached|"
                          r"top|tops|topped|near|of|at|around|about|peak|peaked|climb|climbs|climbed|soar|soared|"
                          r"stay|remain)\s+){0,5}$", re.I)
_WEATHER = re.compile(r"\b(?:temperatures?|temps|degrees?|forecast\w*|weather|heat\w*|hot\w*|warm\w*|cool\w*|"
                      r"cold\w*|humid\w*)\b|°", re.I)
_HOTTEST_FAHRENHEIT = 135
# "Sandra Nieves, 41, and Eileen Santos, 51, were": an age set off after a name, the sentence going on after it (a
# list of places and counts does not: "Paris, 3, Lyon 2")
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z'’.-]+,\s$")
_AGE_AFTER = re.compile(r",\s+[a-z]")
OLDEST = 120
# "the one mill", "9.408 mills", "a millage rate of 44.1468": a property tax's rate, in a sentence about taxes
_MILLS_AFTER = re.compile(r"\s+mills?\b(?![\w-])", re.I)
_MILLAGE_BEFORE = re.compile(r"\bmillage(?:\s+rate)?\s+(?:of|is|was|at|to)\s+$", re.I)
_TAXES = re.compile(r"\b(?:tax\w*|levy|levies|millage|property|assess\w*|valuation|voters?|referendum)\b", re.I)


# "a magnitude 7.9", "an 8.4-magnitude earthquake", "9.4–9.6 on the moment magnitude scale", "a magnitude of 9.1": an
# earthquake's size; the word is in the span when it touches the number
_MAGNITUDE_AFTER = re.compile(r"(?:\s|-)magnitude\b(?!\s+(?:of|scale)\b)", re.I)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude\s+$", re.I)
_MAGNITUDE_APART = re.compile(r"\bmagnitude\s+of\s+$|^\s+(?:on\s+the\s+)?(?:moment\s+magnitude|Richter)\b", re.I)
STRONGEST_QUAKE = 10


def _magnitude(sentence: str, number: _Number, after: str) -> tuple[int, int] | None:
    """The span of a number that is an earthquake's magnitude, or None."""
    if number.spelled or not 0 < number.value < STRONGEST_QUAKE or not (
            "agnitude" in sentence or "Richter" in sentence):  # "Magnitude" too
        return None
    if m := _MAGNITUDE_AFTER.match(after):
        return number.start, number.end + m.end()
    before = _before(sentence, number.start)
    if m := _MAGNITUDE_BEFORE.search(before):
        return number.start - len(before) + m.start(), number.end
    if _MAGNITUDE_APART.search(before) or _MAGNITUDE_APART.match(after):
        return number.start, number.end
    return None


def _bare_unit(sentence: str, number: _Number) -> str:
    """The unit of a number no words after it name: a temperature, an age or a tax rate the words around it say,
    else a count."""
    before = _before(sentence, number.start)
    if not number.spelled and _HOTTEST_CELSIUS < number.value < _HOTTEST_FAHRENHEIT and _HIGH_BEFORE.search(
            before) and _WEATHER.search(sentence):
        return _SCALE["f"]
    if (not number.spelled and number.value.is_integer() and 0 < number.value <= OLDEST
            and _AGE_AFTER.match(sentence, number.end) and _NAME_BEFORE.search(before)):
        return "year"
    if "millage" in before and _MILLAGE_BEFORE.search(before) and _TAXES.search(sentence):
        return "mill"
    return "count"


# "20 cents", "a 4-cent increase", "3.7-cents", "a penny a share"; pence are sterling, a penny is the sentence's
_CENTS_AFTER = re.compile(r"(?:\s?|-)(?:cents?\b|¢|(?P<pence>pence\b)|(?P<penny>penny|pennies)(?![\w-]))", re.I)
_STERLING = re.compile(r"£|\b(?:sterling|pence|pounds?)\b", re.I)
_FRACTION_OF_A = re.compile(r"\s+(?:of\s+)?an?(?=\s+(?:percentage|per\s?cent(?:age)?\s+point))", re.I)
# "down 318.27 points, or 1.09 percent", "rose 0.71 point, close to 0.1 percent", "fell 50 points to 4,401": an
# index's points, said with its percent or its level
_INDEX_POINTS_AFTER = re.compile(r",?\s+(?:or\s+)?(?:(?:about|around|roughly|nearly|almost|close\s+to|some)\s+)?"
                                 r"[\d.]+\s?(?:%|per\s?cent|percent)|\s+to\s+(?:\d{1,3}(?:,\d{3})+|\d{4,})", re.I)
# a sentence about an index or a game: its points are the index's or the players', whatever percent it also names
# ("averaging 21.6 points on 43.7 percent shooting")
_SCORED = re.compile(r"\b(?:index|indexes|indices|Dow|Nasdaq|S&P|FTSE|Nikkei|rebounds?|assists?|shooting|"
                     r"scor(?:ed|es|ing)|averag(?:ed|es|ing)|per\s+game|touchdowns?|field\s+goals?|three-pointers?)\b")
_SCALE = {"c": "degree Celsius", "celsius": "degree Celsius", "centigrade": "degree Celsius",
          "f": "degree Fahrenheit", "fahrenheit": "degree Fahrenheit"}
_TEMPERATURE_AFTER = re.compile(
    r"\s?(?:°\s?|deg(?:rees?)?\s?)(?P<short>[CF])\b|\s?(?:°\s?|degrees?\s)?(?P<scale>Celsius|Fahrenheit|centigrade)\b"
    r"|\s(?P<bare>degrees?)\b|(?-i:(?P<glued>[CF]))(?![\w°])|(?-i:\s(?P<spaced>[CF]))(?![\w°'’-]|\.\w)"
    r"|(?P<sign>°)", re.I)  # "tying 108°": a bare sign, read as a bare "degrees"
# "17C", "62F": a scale glued to the number (a coulomb or a farad is not news); "a high of 4 C" when the
# sentence speaks of the weather
_WEATHER_WORDS = re.compile(r"\b(?:temperatures?|highs?|lows?|degrees?|forecast|warm\w*|cold\w*|heat\w*|frost\w*|"
                            r"chill\w*|freez\w*|thermometers?|climate)\b", re.I)
_SCALE_IN_SENTENCE = re.compile(r"\b(Celsius|Fahrenheit|centigrade)\b|\d\s?°\s?([CF])\b", re.I)


def _in_cents(sentence: str, number: _Number, m: re.Match[str], end: int) -> None:
    """The number as hundredths of the sentence's currency, its span stretched to `end`."""
    sterling = m.group("pence") or (m.group("penny") and _STERLING.search(sentence))
    number.unit = "GBP" if sterling else _sentence_facts(sentence)[0] or "USD"
    number.value, number.scale, number.end = number.value / 100, 0.01, end


def _index_points(value: float, after: str) -> bool:
    """ "down 318.27 points, or 1.09 percent": points of an index, not percentage points."""
    return value >= 100 or _INDEX_POINTS_AFTER.match(after) is not None


# no weather on Earth is this hot in Celsius: a bare "102 degrees" of weather is Fahrenheit ("degrees" itself is
# no sign of weather here: "turned 90 degrees")
_HOTTEST_CELSIUS = 60
_HOT_WEATHER = re.compile(r"\b(?:temperatures?|temps|highs?|lows?|forecast|warm\w*|heat\w*|hot|hotter|hottest|"
                          r"mercury|thermometers?|weather|records?)\b", re.I)


def _temperature(sentence: str, after: str, value: float) -> tuple[str, int] | None:
    """ "minus 40 Celsius", "3.1degF", "-4°C"; a bare "0 degrees" takes the scale the sentence names, and a bare
    "102 degrees" of weather can only be Fahrenheit."""
    m = _TEMPERATURE_AFTER.match(after)
    if m is None:
        return None
    if m.group("bare") or m.group("sign"):
        scale = _SCALE_IN_SENTENCE.search(sentence)
        if scale is None:
            if value > _HOTTEST_CELSIUS and _HOT_WEATHER.search(sentence):
                return _SCALE["f"], m.end()
            return None  # an angle, or a scale the sentence does not say: quantulum3 reads it
        return _SCALE[(scale.group(1) or scale.group(2)).lower()], m.end()
    if m.group("spaced") and not _WEATHER_WORDS.search(sentence):
        return None
    return _SCALE[(m.group("short") or m.group("scale") or m.group("glued") or m.group("spaced")).lower()], m.end()


_QUOTE_OPENS = {'"': re.compile(r'(?:^|(?<=[\s(\[]))"(?=\S)'), "”": re.compile("“")}
_QUOTE_CLOSES = {'"': re.compile(r'(?<=[^\s\d])"'), "”": re.compile(r"(?<=[^\s\d])”")}


def _inch_mark(sentence: str, end: int) -> bool:
    """ '1-3"', '1.5” to 3”', '2-4″': inches, unless the mark closes a quotation still open before it."""
    mark = sentence[end:end + 1]
    if mark not in _QUOTE_OPENS:
        return mark == "″"
    before = sentence[:end]
    return len(_QUOTE_OPENS[mark].findall(before)) <= len(_QUOTE_CLOSES[mark].findall(before))


_OF_A = re.compile(r"\s+(?:of\s+)?an?\s+", re.I)


def _unit_of_one(sentence: str, end: int) -> tuple[str, int] | None:
    """The unit of "a pint" after a fraction ("1/16 of a pint"): the fraction is then a measure in it."""
    article = _OF_A.match(sentence, end)
    if article is None:
        return None
    tail = _WINDOW_TAIL.match(_after(sentence, article.end()))
    read = unit_reading("1", " " + tail.group(0)) if tail else None
    if read is None or read[2] in _PHYSICAL_ENTITIES_SKIPPED:
        return None
    unit_end = article.end() + read[0] - len("1 ")
    unit_text = sentence[article.end():unit_end]
    if not unit_text or not _UNIT_WORDS.fullmatch(" " + unit_text) or _NOT_UNIT.search(unit_text):
        return None
    return read[1], unit_end


_OTHER_DOLLAR_IN_SENTENCE = re.compile(r"\b(" + "|".join(_OTHER_DOLLAR) + r")n?\s+dollars?\b")


@lru_cache(maxsize=1024)
def _sentence_facts(sentence: str) -> tuple[str | None, tuple[str, ...], bool, bool]:
    """Read once per sentence (not once per number): the other dollar it names, the countries it
    names, whether it speaks of percent, and whether it speaks of money."""
    other = _OTHER_DOLLAR_IN_SENTENCE.search(sentence)
    return (_OTHER_DOLLAR[other.group(1)] if other else None,
            tuple(c.lower() for c in _COUNTRY_IN_SENTENCE.findall(sentence)),
            re.search(r"%|per\s?cent|percent", sentence, re.I) is not None,
            re.search(r"sterling|£|billion|million|trillion|bn|budget|spen|cost|pa(?:y|id)|fund|price|worth|fine",
                      sentence, re.I) is not None)


def _currency_for_symbol(symbol: str, sentence: str) -> str:
    code = currency_symbols().get(symbol) or symbol
    if symbol == "$":  # "$" is USD unless the sentence names another dollar
        return _sentence_facts(sentence)[0] or code
    return code


def _currency_for_word(m: re.Match[str], sentence: str) -> str | None:
    if m.group("code"):
        return m.group("code").upper()
    word = re.sub(r"\s+sterling$", "", m.group("word").lower())
    key = word if word in CURRENCY_WORDS else word.rstrip("s")
    if key not in CURRENCY_WORDS:
        return None
    default, by_country = CURRENCY_WORDS[key]
    if key == "pound" and not _sentence_facts(sentence)[3]:
        return None  # pounds of weight
    adjective = (m.group("adj") or "").lower()
    if adjective in by_country:
        return by_country[adjective]
    for country in _sentence_facts(sentence)[1]:
        if country in by_country:
            return by_country[country]
    return default


# up to three words after the number, stopping before a word that cannot be part of a unit
_WINDOW_TAIL = re.compile(r"(?:[\s-]*(?!(?:in|of|a|an|the|to|and|or|for|on|at|by|from|with|as|is|was|were)\b)"
                          r"[^\s-]+){1,3}", re.I)
_UNIT_WORDS = re.compile(r"[\s-]?[A-Za-zµ°²³/.]+(?:[\s-][A-Za-zµ°²³/.]+){0,2}")
_NOT_UNIT = re.compile(r"\b(?:to|and|or|in|of|a|an|the|by)\b|\d", re.I)
_MORE_AFTER = re.compile(r"\s+(?:more|additional|extra|further|straight|consecutive|successive)(?=\s+[A-Za-z])", re.I)
_NUMBER_FIRST = re.compile(r"[\s-]*(?:\d|" + NUMBER_WORD.pattern + ")", re.I)


def _quantulum_unit(sentence: str, number: _Number, skip: int = 0) -> tuple[str, int] | None:
    """quantulum3's unit for the number, when a real unit follows it ("eight years", "1,200 km").

    quantulum3 sees only the number and the three words after it, so that it cannot fold the
    number into a range or a neighbour of its own reading.
    """
    tail = _WINDOW_TAIL.match(_after(sentence, number.end + skip))
    tail_text = tail.group(0) if tail else ""
    if _NUMBER_FIRST.match(tail_text):
        return None  # its unit would start with a number, refused below: quantulum3 need not be asked
    surface = "2" if number.written else sentence[number.start:number.end]  # quantulum3 misreads "6.02×10²³"
    read = unit_reading(surface, tail_text)
    if read is None:
        return None
    end, name, entity = read
    unit_text = (surface + tail_text)[len(surface):end]
    if entity in _PHYSICAL_ENTITIES_SKIPPED:
        return None
    if not _UNIT_WORDS.fullmatch(unit_text) or _NOT_UNIT.search(unit_text) or NUMBER_WORD.search(unit_text):
        return None
    if skip and entity == "dimensionless":
        return None
    return name, number.end + skip + len(unit_text)


# "inflation is up to 5.5%": a rate that has risen to the figure, not one at most that high; offers are plural or
# "off" ("discounts are up to 40% off")
_RISEN_TO = re.compile(r"\b(?:is|was|has been|had been)\s+up\s+to\s*$", re.I)
_OFF_AFTER = re.compile(r"\s+off\b", re.I)


def _approx(sentence: str, start: int, end: int, unit: str | None) -> str | None:
    before = _before(sentence, start)
    m = _APPROX_BEFORE.search(before[-40:]) or (
        _APPROX_BEFORE_ARTICLE.search(before[-40:]) if before.endswith((" a ", " an ")) else None)
    if m:
        word = m.lastgroup
        if word == "more_than" and unit in TIME_UNITS and re.search(r"\bover\s*$", before, re.I):
            return None  # "over eight years" is a period of time, not "more than"
        if word == "at_most" and unit == "percent" and _RISEN_TO.search(before) and not _OFF_AFTER.match(
                sentence, end):
            return None
        return word
    m = _APPROX_AFTER.match(_after(sentence, end))
    return m.lastgroup if m else None


def _mention(sentence: str, n: _Number) -> Mention:
    return Mention(start=n.start, end=n.end, text=sentence[n.start:n.end], kind="quantity", value=n.value,
                   unit=n.unit, approx=_approx(sentence, n.start, n.end, n.unit))


# "an increase of 18% to 19%": the size of a change given as a spread (in one unit; "a rise of 0.5 points to 2.1%"
# is a change and its result)
_CHANGE_OF = re.compile(r"\b(?:increase|rise|decline|drop|fall|gain|jump|cut|growth|decrease)s?\s+of\s+$", re.I)


# "expects capacity to rise 7 percent to 9 percent, with costs up 3 percent to 5 percent": a forecast gives its change
# as a spread, in one unit and of one size, with no finite past verb ("sales rose 1.5% to 2.1%" is a change and its
# result, and so is "is expected to raise rates 0.25% to 5.5%")
_FORECAST_BEFORE = re.compile(r"\b(?:expects?|expected|expecting|forecasts?|forecasting|projects?|projected|predicts?|"
                              r"predicted|guidance|outlook|estimates?)\b", re.I)
_PAST_CHANGE = {"rose", "fell", "grew", "went", "gone", "risen", "fallen", "grown", "shrank", "shrunk", "slid", "lost",
                "shed"}  # and every "-ed" word
FORECAST_LOOK_BEHIND = 120
SPREAD_RATIO = 3  # at most this high end to low end


def _forecast_spread(sentence: str, before: str, first: _Number, second: _Number) -> bool:
    verb = _CHANGE_VERB.search(before)
    word = verb.group(0).split()[0].lower() if verb is not None else ""
    return (verb is not None and word not in _PAST_CHANGE and not word.endswith("ed")
            and first.unit == second.unit and first.unit not in ("count", None) and first.value > 0
            and second.value <= SPREAD_RATIO * first.value
            and _FORECAST_BEFORE.search(sentence, max(0, first.start - FORECAST_LOOK_BEHIND), first.start) is not None)


def _changed(before: str) -> bool:
    """A verb of change ends `before` ("rose from", "up"), not a spread ("ranging from") nor "picking up"."""
    verb = _CHANGE_VERB.search(before)
    if verb is None or _SPREAD_BEFORE.search(before):
        return False
    return not (verb.group(0).lower().startswith("up") and _PHRASAL_UP.search(before))


def _range(sentence: str, first: _Number, second: _Number) -> Mention | None:
    """"5-6%", "$1-2 billion", "between 3.5 and 5 per cent", "from 2 to 3 years": one mention."""
    joint = sentence[first.end:second.start]
    if not _RANGE_JOIN.match(joint):
        return None
    word = re.sub(r"\s+", " ", joint.strip().lower()).strip("-").strip()
    before = _before(sentence, first.start)
    lead = re.search(r"\b(between|from)\s+$", before, re.I)
    if (word == "and" and not (lead and lead.group(1).lower() == "between")) or (word == "or" and lead):
        return None  # "four or five hours" is a spread, "between 4 or 5" is not said
    if word == "up to" and not lead and (first.unit != second.unit or first.unit == "count"):
        return None  # "600 sq ft up to 1,100 sq ft" is a range; "20 up to 30%" is not said
    if lead and lead.group(1).lower() == "from" and _changed(before[: lead.start()]):
        return None  # "rose from 1.8% to 2.1%" is a change: two mentions
    # "fell 2 to 3%", "lost 5 to 10 pounds": a bare number before a unit is the low end of the change's spread; a
    # change names both its units ("slid $10.60 to $1,959.40", "rose 1.5 points to 2.1%")
    bare_low = first.unit == "count" and second.unit not in ("count", None)
    spread = bare_low or (_CHANGE_OF.search(before) and first.unit == second.unit) or _forecast_spread(
        sentence, before, first, second)
    if not lead and word in ("to", "up to") and _changed(before) and not spread:
        return None
    units = {first.unit, second.unit} - {"count"}
    if len(units) > 1:
        units -= {"fraction"}  # "1/4 to 1/2 inch": the first fraction is in the second's unit
    if len(units) > 1:
        return None
    unit = units.pop() if units else "count"
    low = first.value * (second.multiplier if first.multiplier == 1.0 else 1.0) * (
        second.scale if first.unit == "count" else 1.0)  # "$1-2 billion", "6 to 7 cents"
    if not low < second.value:
        return None
    start = first.start - len(before) + lead.start(1) if lead else first.start  # `before` is a window
    return Mention(start=start, end=second.end, text=sentence[start:second.end], kind="quantity", value=low,
                   value_max=second.value, unit=unit,
                   approx=None if lead else _approx(sentence, start, second.end, unit))
