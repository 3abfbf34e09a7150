"""Numbers written other than as plain numerals: fractions ("3/4 cup", "1⁄16", "1 1/2", "½"), powers of ten
("6.02×10²³", "10^9", "6.02e23") and change multipliers ("tenfold", "doubled", "three times higher").

A change multiplier is a quantity with unit `factor` and the multiplier as its value ("doubled" is 2,
"halved" 0.5): DESIGN.md's units have no kind for a ratio of two figures, and a factor is what a
fact-checker compares ("prices tripled" against 1.00 -> 3.10); read as a percentage it would have to guess
between "+200%" and "300%", and as a count it would say that three things were counted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from workbench.extract.numberwords import cardinal_words, rare_words

FACTOR = "factor"
# denominators that make "n/d" a fraction in news copy; "24/7", "9/11", "50/50" are names, never numbers
DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100}
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺\u2212", "0123456789-+-")
_VULGAR = "\u00bc-\u00be\u2150-\u215e"
_WRITTEN_GATE = re.compile(rf"[/\u2044{_VULGAR}^⁰¹²³⁴⁵⁶⁷⁸⁹]|\d[eE][-+]?\d")  # a cheap look before the scan
_WRITTEN = re.compile(
    # "3/4", "1⁄16", "1 1/2", "2-1/2"; a slash pair that is not a fraction is matched too, and read as nothing
    r"(?<![\w/\u2044.,])(?:(?P<whole>\d{1,3})[\s-](?=\d{1,2}\s?[/\u2044]\s?\d))?"
    r"(?P<n>\d+)\s?[/\u2044]\s?(?P<d>\d+(?:\.\d+)?)(?![\w/\u2044]|[.,]\d)"
    # "½", "1½"
    rf"|(?<![\w.,])(?P<vwhole>\d{{1,3}})?(?P<vulgar>[{_VULGAR}])(?!\w)"
    # "6.02×10²³", "6.02 x 10^23", "10^9", "10⁻⁵"
    r"|(?<![\w.,])(?:(?P<mant>\d+(?:\.\d+)?)\s?[×xX*·]\s?)?10"
    r"(?:\^\s?\(?(?P<exp>[-\u2212+]?\d{1,3})\)?|(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))(?!\w)"
    # "6.02e23", "1.5E-4"
    r"|(?<![\w.,])(?P<emant>\d+\.\d+)[eE](?P<eexp>[-+]?\d{1,3})(?![\w.])"
)


@dataclass(frozen=True)
class Written:
    start: int
    end: int
    value: float | None  # None: a slash pair that is a name ("24/7"), no number at all
    unit: str | None = None  # FACTOR for multiplier words; else the words after it say
    fraction: bool = False


def written_numbers(sentence: str) -> list[Written]:
    """Fractions, vulgar fractions and powers of ten in the sentence, offsets into it."""
    if not _WRITTEN_GATE.search(sentence):
        return []
    found = []
    for m in _WRITTEN.finditer(sentence):
        g = m.groupdict()
        if g["n"] is not None:
            numerator, denominator = int(g["n"]), float(g["d"])
            # "1/1.3-inch", "1/2.3-inch": a camera sensor's format, one over a decimal
            proper = (denominator in DENOMINATORS if denominator.is_integer() else numerator == 1 and denominator > 1
                      ) and 0 < numerator < denominator
            value = int(g["whole"] or 0) + numerator / denominator if proper else None
            found.append(Written(m.start(), m.end(), value, fraction=proper and not g["whole"]))
        elif g["vulgar"] is not None:
            fraction = unicodedata.numeric(g["vulgar"])
            found.append(Written(m.start(), m.end(), int(g["vwhole"] or 0) + fraction, fraction=not g["vwhole"]))
        elif g["emant"] is not None:
            found.append(Written(m.start(), m.end(), float(g["emant"]) * 10.0 ** int(g["eexp"])))
        else:
            exponent = int((g["exp"] or g["sup"]).translate(_SUPERSCRIPTS))
            found.append(Written(m.start(), m.end(), float(g["mant"] or 1) * 10.0 ** exponent))
    return found


# --- change multipliers ---------------------------------------------------------------------------------------

_VERB_FACTORS = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "halv": 0.5}
_COMPARED = (r"as|the|that|this|its|their|his|her|what|over|more|less|fewer|greater|higher|larger|bigger|faster|"
             r"slower|lower|smaller|cheaper|longer|shorter|wider|heavier|stronger|better|worse|deadlier|likelier|"
             r"richer|poorer|older|younger|costlier|hotter|warmer|colder")
# "N times" is a multiplier when something is compared ("three times higher", "six times the rate") or a
# figure grew by it ("output grew 223 times"); "won 14 times" counts occasions
# ("seven times this year", "twice that week" count occasions)
_COMPARED_AFTER = re.compile(rf"\s+(?!(?:this|that|the)\s+(?:year|month|week|day|season|summer|winter|spring|autumn|"
                             rf"fall|decade|century|quarter)\b)(?:{_COMPARED})\b", re.I)
_GREW_BEFORE = re.compile(r"\b(?:grew|grown|rose|risen|increased|multiplied|expanded|jumped|climbed|soared|surged)"
                          r"\s+(?:by\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?$", re.I)
_FOLD_OR_TIMES_AFTER = re.compile(r"-?\s?(?P<fold>folds?)\b|\s+times\b", re.I)
_THE_AFTER = re.compile(r"\s+(?:the|that|this|its|their|his|her|what)\b", re.I)  # "at double the risk"
_MODAL_BEFORE = re.compile(r"\b(?:to|will|would|could|may|might|can|should|must|not|n't|set to|expected to)\s+$",
                           re.I)


@lru_cache(maxsize=1)
def multiplier_word() -> re.Pattern[str]:
    """ "tenfold", "fourfold", "doubled", "tripling", "halved", "(will) double", "twice (as)"."""
    simple = sorted((w for w in cardinal_words() if "-" not in w and " " not in w), key=len, reverse=True)
    return re.compile(
        rf"(?<![\w-])(?:(?P<fold>{'|'.join(simple)})-?folds?"
        rf"|(?P<stem>{'|'.join(_VERB_FACTORS)})(?:ed|ing)(?!\s+(?:down|up|back)\b)"
        rf"|(?P<base>double|triple|treble|quadruple|halve)(?!\s+as\b)"
        rf"|twice(?=\s+(?:{_COMPARED})\b))(?![\w-])", re.I)


def multiplier_words(sentence: str) -> list[Written]:
    """Words that are change multipliers in themselves, as quantities with unit FACTOR."""
    if "multiplier" not in rare_words(sentence):
        return []
    found = []
    for m in multiplier_word().finditer(sentence):
        g = m.groupdict()
        if g["fold"]:
            value = float(cardinal_words()[g["fold"].lower()])
        elif g["stem"]:
            value = _VERB_FACTORS[g["stem"].lower()]
        elif g["base"]:
            if not _MODAL_BEFORE.search(sentence, max(0, m.start() - 16), m.start()) and not (
                    _THE_AFTER.match(sentence, m.end())):
                continue  # "double-digit", "a double standard": not a verb of change, nor "double the risk"
            value = _VERB_FACTORS[g["base"].lower()[:-1]]  # "double" -> "doubl"
        else:
            value = 2.0
        found.append(Written(m.start(), m.end(), value, unit=FACTOR))
    return found


def factor_after(sentence: str, start: int, end: int) -> int | None:
    """Where a number's multiplier words end, if the number is a change multiplier ("10-fold", "five-folds",
    "18 times the cost", "grew 223 times")."""
    m = _FOLD_OR_TIMES_AFTER.match(sentence, end)
    if m is None:
        return None
    if m.group("fold") or _COMPARED_AFTER.match(sentence, m.end()) or _GREW_BEFORE.search(
            sentence, max(0, start - 40), start):
        return m.end()
    return None
