"""Every call of quantulum3 and dateparser on a draft's text, bounded.

The libraries are slow on long runs of numbers (quantulum3's spelled-out-number search scans the whole
text it is given, ~0.1 s on 10 kB of number words), so a pasted spreadsheet used to stall a check. Here
they only ever see short windows: the spelled-out search a run of number words and the three words before
it, the unit reader a number and the few words after it (with the number's digits made canonical, so "12 km"
and "347 km" are one reading), dateparser the date-shaped words a pattern found. Readings are remembered,
and a sentence may ask the libraries at most MAX_CALLS_PER_SENTENCE new questions: a sentence that would ask
more is reported (`overruns`), and what was found without the libraries still comes out.

Where a reading is certain to come out as the library's, it is made without the library's slow part: a numeric
date with a four-digit year that is valid as written; quantulum3's choice between units of one name, from its
training words counted once; its unit pattern cut to the names a window holds, or whole with the names as a tree
of letters; its spelled-out pattern with the look-arounds of its number words written once. Each is tested against
the library itself (tests/test_bounded.py).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache
from types import FunctionType, SimpleNamespace
from typing import Any

with warnings.catch_warnings():  # quantulum3 warns that its optional classifier is not installed
    warnings.simplefilter("ignore")
    from quantulum3 import language as quantulum_language
    from quantulum3 import no_classifier as quantulum_no_classifier
    from quantulum3 import parser as quantulum
    from quantulum3 import regex as quantulum_regex

MAX_CALLS_PER_SENTENCE = 48  # new questions to the libraries per sentence; a news sentence asks a handful
MAX_RUN = 160  # characters of number words given to the spelled-out search at once
# a longer numeral ends a run: quantulum3's number pattern backtracks on long runs of digits (~0.06 s on 150)
MAX_NUMERAL = 24
WORDS_BEFORE = 3  # quantulum3 looks at the three words before a spelled-out number ("several hundred")
LOOK_BEFORE = 60
LOOK_AFTER = 24  # quantulum3 checks that a run is not followed by a numeral
MAX_REMEMBERED = 50_000  # readings kept per kind; forgotten all at once past it (memory stays flat)

# the words quantulum3's spelled-out search reads as parts of a number ("one", "hundred", "and", "a", "half")
_SPELLOUT_WORDS = frozenset(word.lower() for word in quantulum_regex.numberwords("en_US") if word)
_CONNECTORS = frozenset(("&", "and", "a", "an", "minus", "negative"))
_TOKEN = re.compile(r"[A-Za-z&]+|\d+(?:[.,]\d+)*")
_JOIN = re.compile(r"[, -]*")


@dataclass
class _Sentence:
    calls: int = 0
    refused: int = 0


_SENTENCE: ContextVar[_Sentence | None] = ContextVar("workbench_bounded_sentence", default=None)
_OVERRUNS: ContextVar[list[str] | None] = ContextVar("workbench_bounded_overruns", default=None)


def _allowed() -> bool:
    """One more new question to a library for the current sentence, if it has any left."""
    sentence = _SENTENCE.get()
    if sentence is None:
        return True
    if sentence.calls >= MAX_CALLS_PER_SENTENCE:
        sentence.refused += 1
        return False
    sentence.calls += 1
    return True


@contextmanager
def sentence_budget(start: int, end: int) -> Iterator[None]:
    """Count the library calls of one sentence (document offsets), and report it if it ran out."""
    token = _SENTENCE.set(_Sentence())
    try:
        yield
    finally:
        sentence = _SENTENCE.get()
        _SENTENCE.reset(token)
        notes = _OVERRUNS.get()
        if sentence is not None and sentence.refused and notes is not None:
            notes.append(f"characters {start}-{end}: a sentence with more than {MAX_CALLS_PER_SENTENCE} numbers "
                         f"for quantulum3/dateparser to read; {sentence.refused} were read by patterns only "
                         "(spelled-out numbers, units or numeric dates may be missing there)")


@contextmanager
def overruns() -> Iterator[list[str]]:
    """Collect one line per sentence that ran out of library calls while the block runs."""
    notes: list[str] = []
    token = _OVERRUNS.set(notes)
    try:
        yield notes
    finally:
        _OVERRUNS.reset(token)


def _remember(store: dict, key: object, value: object) -> None:
    if len(store) >= MAX_REMEMBERED:
        store.clear()
    store[key] = value


# quantulum3 looks up its language's modules (parser, regex, load) through importlib at every use, ~40 times a unit
# reading (a sixth of its time): the same modules, found once
quantulum_language.get = cache(quantulum_language.get)


# --- quantulum3: spelled-out numbers ------------------------------------------------------------------------

_SPELLOUTS: dict[str, tuple[tuple[int, int, str, str], ...]] = {}


def _runs(sentence: str) -> list[tuple[int, int]]:
    """Maximal runs of number words and numerals joined by spaces, commas or hyphens, each holding a number
    word that is more than a connector ("a", "and"), cut into pieces of at most MAX_RUN characters."""
    runs: list[tuple[int, int]] = []
    start = end = -1
    counted = False
    for m in _TOKEN.finditer(sentence):
        word = m.group(0).lower()
        part = word in _SPELLOUT_WORDS or (word[0].isdigit() and len(word) <= MAX_NUMERAL)
        joined = end >= 0 and _JOIN.fullmatch(sentence, end, m.start()) is not None
        if part and joined and m.end() - start <= MAX_RUN:
            end, counted = m.end(), counted or (word not in _CONNECTORS and not word[0].isdigit())
            continue
        if end >= 0 and counted:
            runs.append((start, end))
        start, end, counted = (m.start(), m.end(), word not in _CONNECTORS and not word[0].isdigit()) if part \
            else (-1, -1, False)
    if end >= 0 and counted:
        runs.append((start, end))
    return runs


_WORDS_BEFORE = re.compile(rf"(?:\S+\s+){{1,{WORDS_BEFORE}}}$")


def _window_start(sentence: str, start: int) -> int:
    """Where the WORDS_BEFORE words before `start` begin (at most LOOK_BEFORE characters back)."""
    head_start = max(0, start - LOOK_BEFORE)
    words = _WORDS_BEFORE.search(sentence, head_start, start)
    return words.start() if words else head_start


def spellout_values(sentence: str) -> list[dict]:
    """quantulum3's `extract_spellout_values` over the sentence, asked one run of number words at a time."""
    found: list[dict] = []
    for start, end in _runs(sentence):
        left = _window_start(sentence, start)
        window = sentence[left:min(len(sentence), end + LOOK_AFTER)]
        items = _SPELLOUTS.get(window)
        if items is None:
            if not _allowed():
                continue
            items = tuple((item["old_span"][0], item["old_span"][1], item["old_surface"], item["new_surface"])
                          for item in quantulum.extract_spellout_values(window))
            _remember(_SPELLOUTS, window, items)
        for item_start, item_end, surface, value in items:
            if start <= left + item_start and left + item_end <= end:
                found.append({"old_surface": surface, "old_span": (left + item_start, left + item_end),
                              "new_surface": value})
    return found


# quantulum3 finds runs of number words with one pattern whose alternation repeats a look-behind and a look-ahead
# around each of its ~60 words, all tried at every character (~0.15 ms a window, most of a spelled-out search).
# At any position at most one of the words can be followed by a non-word character, so the same alternation with
# the look-arounds written once around it matches the same runs (~13x faster; tests/test_bounded.py).
_whole_text_pattern = quantulum_regex.text_pattern_reg


@cache
def _text_pattern(lang: str = "en_US") -> re.Pattern[str]:
    """quantulum3's regex.text_pattern_reg, its number words' look-arounds written once."""
    pattern = _whole_text_pattern(lang)
    words = [word for word in quantulum_regex.numberwords(lang) if word]
    alternation = quantulum_regex.numberwords_regex(lang)
    if alternation != "|".join(rf"((?<=\W)|^){word}((?=\W)|$)" for word in words) or alternation not in pattern.pattern:
        return pattern  # quantulum3 writes it otherwise now: used as it is
    once = r"(?:(?<=\W)|^)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?:(?=\W)|$)"
    return re.compile(pattern.pattern.replace(alternation, once), pattern.flags)


quantulum_regex.text_pattern_reg = _text_pattern


# --- quantulum3: the unit after a number ---------------------------------------------------------------------

_UNITS: dict[tuple[str, str], tuple[int, str, str] | None] = {}
# canonical window -> the readings quantulum3 gave windows of that shape, each with the choices between units
# of one name it made on the way (the candidates' names, in the order it weighed them, and its pick)
_AMBIGUOUS: dict[tuple[str, str], list[tuple[tuple[tuple[tuple[str, ...], int | None], ...],
                                             tuple[int, str, str] | None]]] = {}
_CHOICES: ContextVar[list[tuple[tuple[str, ...], int | None]] | None] = ContextVar("workbench_bounded_choices",
                                                                                    default=None)
_DIGITS = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]+|&")  # the words quantulum3's spelled-out search could read, and more
_NUMERAL_WORD = re.compile(r"(?<!\S)\d[\d.,]*(?!\S)")
_TAIL_WORDS = re.compile(r"[^\W\d_]+|[^\w\s]")


def unit_reading(number: str, tail: str) -> tuple[int, str, str] | None:
    """End (in `number + tail`), unit name and entity of the quantity quantulum3 reads at the start of the
    number followed by `tail`; None where it reads none (or the sentence has no calls left).

    The digits of the number and of any numeral in the tail are made canonical: quantulum3 reads the same
    units over the same spans whatever they are, so one reading serves "12 km 40" and "347 km 2". Where a
    word of the tail names more than one unit ("m", "k"), quantulum3 chooses between them by which words of
    its training texts the window holds, digits included: such a reading serves another window of the same
    shape (every digit canonical) only when each of its choices, made again on that window (without the rest
    of the parse), comes out the same. A window with a number word is asked as it is: quantulum3 chooses on
    the text after writing those as digits."""
    canonical = (_DIGITS.sub("2", number), _NUMERAL_WORD.sub(lambda m: _DIGITS.sub("2", m.group(0)), tail))
    if _unambiguous(tail):
        return _asked(_UNITS, canonical, canonical[0] + canonical[1])
    window = number + tail
    if _has_number_word(window):
        return _asked(_UNITS, (number, tail), window)
    shape, read = (canonical[0], _DIGITS.sub("2", tail)), quantulum.clean_text(window)
    picks: dict[tuple[str, ...], int | None] = {}  # the readings of a shape mostly weigh the same names

    def chosen(names: tuple[str, ...]) -> int | None:
        if names not in picks:
            picks[names] = _choose(names, read)
        return picks[names]

    for choices, reading in _AMBIGUOUS.get(shape, ()):
        if all(chosen(names) == pick for names, pick in choices):
            return reading
    if not _allowed():
        return None
    token = _CHOICES.set([])
    try:
        reading = _quantulum_first(window)
        choices = tuple(_CHOICES.get() or ())
    finally:
        _CHOICES.reset(token)
    if shape not in _AMBIGUOUS:
        _remember(_AMBIGUOUS, shape, [])
    _AMBIGUOUS[shape].append((choices, reading))
    return reading


def _has_number_word(text: str) -> bool:
    """Whether quantulum3's spelled-out search could find a number in `text` (it writes those as digits before
    reading units and choosing between them)."""
    return any(word.lower() in _SPELLOUT_WORDS for word in _LETTERS.findall(text))


def _asked(store: dict, key: tuple[str, str], window: str) -> tuple[int, str, str] | None:
    """quantulum3's reading of `window`, remembered under `key`."""
    if key not in store:
        if not _allowed():
            return None
        _remember(store, key, _quantulum_first(window))
    return store[key]


@cache
def _training_words(name: str) -> tuple[dict[str, int], int, int]:
    """How often each word of quantulum3's training texts for a unit or entity name occurs, their total length
    in characters, and the longest word's length (counted once per name, when first weighed)."""
    counts: dict[str, int] = {}
    total = 0
    for word_set in quantulum.load.training_set("en_US"):
        if word_set["unit"] == name:
            total += len(word_set["text"])
            for word in word_set["text"].split(" "):
                counts[word] = counts.get(word, 0) + 1
    return counts, total, max(map(len, counts), default=0)


def _present(counts: dict[str, int], longest: int, text: str) -> int:
    """How many of the words (with repeats) occur in `text` as substrings: by the text's substrings when it is
    short, else word by word."""
    if len(text) * min(len(text), longest) < len(counts):
        found = {text[i:j] for i in range(len(text)) for j in range(i + 1, min(len(text), i + longest) + 1)}
        return counts.get("", 0) + sum(counts.get(part, 0) for part in found)
    return sum(n for word, n in counts.items() if word in text)


def _choose(names: tuple[str, ...], text: str) -> int | None:
    """quantulum3's choice among units or entities of one name without its classifier (no_classifier.py):
    the one whose training words occur most in the text, relative to their length; its ties, in its order."""
    best, best_count, best_relative = None, 0, 0.0
    for index, name in enumerate(names):
        counts, total, longest = _training_words(name)
        count = _present(counts, longest, text) if total else 0
        relative = count / total if total else 0
        if relative > best_relative or (relative == best_relative and count > best_count):
            best, best_count, best_relative = index, count, relative
    return best


def _disambiguate(entities: Iterable[Any], text: str, lang: str = "en_US") -> Any:
    """quantulum3's no_classifier.disambiguate_no_classifier, the same choice read from words counted once
    (it counts them over all its training texts for every call, ~2 ms); the choice is noted for unit_reading."""
    if lang != "en_US":
        return _library_disambiguate(entities, text, lang)
    entities = list(entities)
    names = tuple(entity.name for entity in entities)
    pick = _choose(names, text)
    if (choices := _CHOICES.get()) is not None:
        choices.append((names, pick))
    return None if pick is None else entities[pick]


_library_disambiguate = quantulum_no_classifier.disambiguate_no_classifier
quantulum_no_classifier.disambiguate_no_classifier = _disambiguate


def _unambiguous(tail: str) -> bool:
    """No phrase of up to three words of `tail` names more than one of quantulum3's units, and no operator
    joins units into a derived one."""
    return _unambiguous_words(tuple(_TAIL_WORDS.findall(tail)))


@lru_cache(maxsize=4096)
def _unambiguous_words(words: tuple[str, ...]) -> bool:
    """_unambiguous over the tail's words and signs (its digits never matter: a number-dense table repeats few
    word shapes with many digits)."""
    if any(word in ("/", "^") or word.lower() in ("per", "squared", "cubed") for word in words):
        return False
    units = quantulum.load.units("en_US")
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 3) + 1):
            phrase = " ".join(words[i:j])
            named = {unit.name for table in (units.surfaces, units.symbols) for unit in table.get(phrase, ())}
            named |= {unit.name for table in (units.surfaces_lower, units.symbols_lower)
                      for unit in table.get(phrase.lower(), ())}
            if len(named) > 1:
                return False
    return True


def _quantulum_first(window: str) -> tuple[int, str, str] | None:
    token = _WINDOW_PATTERN.set(_window_pattern(window))
    try:
        quantities = quantulum.parse(window)
    except Exception:  # quantulum3 raises on some odd input; the number stays a plain count
        return None
    finally:
        _WINDOW_PATTERN.reset(token)
    first = next((q for q in quantities if q.span[0] == 0), None)
    return (first.span[1], first.unit.name, first.unit.entity.name) if first else None


# --- quantulum3: its unit pattern, cut to a window -----------------------------------------------------------
# quantulum3 reads units with one pattern holding each of its ~1,900 unit names and symbols (152 kB), compiled on
# its first reading (~0.2 s, most of a short draft's cold check) and tried name by name at every number (~1 ms a
# window; ~0.05 ms with the names as a tree of letters, _unit_pattern). A name that does not occur in the text
# can never match there, so the same pattern built from the names that do occur (case aside) reads a window
# exactly as the whole one does: a process uses such cut patterns until SMALL_PATTERNS were built or a window
# needed the whole one, then the whole one (cheaper per window once compiled).

SMALL_PATTERNS = 32  # ~4 ms each to build, against ~0.15-0.2 s to compile the whole pattern once
_WINDOW_PATTERN: ContextVar[re.Pattern[str] | None] = ContextVar("workbench_bounded_pattern", default=None)
_whole_units_regex = quantulum_regex.units_regex
_NEVER = "\x00"  # a name in every cut table, so that none is empty; a window holding it is read whole


def _units_regex(lang: str = "en_US") -> re.Pattern[str]:
    """quantulum3's regex.units_regex, or the pattern cut to the window being read."""
    if lang != "en_US":
        return _whole_units_regex(lang)
    pattern = _WINDOW_PATTERN.get()
    return pattern if pattern is not None else whole_unit_pattern()


@cache
def whole_unit_pattern() -> re.Pattern[str]:
    """quantulum3's whole unit pattern, compiled: once it is, windows are no longer cut."""
    return _unit_pattern(quantulum.load.units("en_US")) or _whole_units_regex("en_US")


quantulum_regex.units_regex = _units_regex


def _pattern_builder() -> Callable[..., re.Pattern[str]] | None:
    """quantulum3's own builder of the unit pattern, behind its cache (None if its layout changed)."""
    for cell in getattr(_whole_units_regex, "__closure__", None) or ():
        if getattr(cell.cell_contents, "__name__", "") == "units_regex":
            return cell.cell_contents
    return None


@cache
def _foldable_to_ascii(character: str) -> bool:
    """Whether a non-ASCII character matches some ASCII one when case is ignored (the Kelvin sign matches k)."""
    return any(re.fullmatch(re.escape(character), chr(code), re.I) for code in range(128))


def _window_pattern(window: str) -> re.Pattern[str] | None:
    """The unit pattern cut to the names that occur in the text quantulum3 will scan; None for the whole one
    (once compiled or after SMALL_PATTERNS, or when the text is not ASCII)."""
    if whole_unit_pattern.cache_info().currsize or _cut_pattern.cache_info().misses >= SMALL_PATTERNS:
        return None
    return _cut_to(window)


def _cut_to(window: str) -> re.Pattern[str] | None:
    """The unit pattern cut to the names that occur in `window` as quantulum3 will scan it (None if not ASCII)."""
    text = quantulum.clean_text(window)
    if _has_number_word(text):  # as quantulum3 scans it: its number words written as digits
        text = quantulum.substitute_values(text, quantulum.extract_spellout_values(text))[0]
    if not text.isascii() or _NEVER in text:
        return None
    lowered = text.lower()
    units = quantulum.load.units("en_US")

    def kept(table: dict) -> tuple[str, ...]:  # in their order: the builder sorts them by length, stably
        return tuple(name for name in table if (name.lower() in lowered if name.isascii() else all(
            c.isascii() or _foldable_to_ascii(c) for c in name)))

    return _cut_pattern(kept(units.surfaces), kept(units.symbols), kept(units.prefix_symbols))


@lru_cache(maxsize=SMALL_PATTERNS)
def _cut_pattern(surfaces: tuple[str, ...], symbols: tuple[str, ...],
                 prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    units = quantulum.load.units("en_US")
    # each table keeps a name that never occurs in the text: an empty alternation would match the empty string
    return _unit_pattern(SimpleNamespace(
        surfaces={_NEVER: None, **{name: units.surfaces[name] for name in surfaces}},
        symbols={_NEVER: None, **{name: units.symbols[name] for name in symbols}},
        prefix_symbols={_NEVER: None, **{name: units.prefix_symbols[name] for name in prefixes}}))


def _unit_pattern(units: Any) -> re.Pattern[str] | None:
    """quantulum3's unit pattern over `units` (its tables, or cut ones), built by its own builder, with its
    alternation of unit names written as a tree of their letters: the same matches (the longest name that lets
    the rest match, as the alternation sorted longest first gives), ~25x faster to try at a number. None if the
    builder cannot be found."""
    builder = _pattern_builder()
    if builder is None:
        return None
    # the builder itself, reading `units` where it reads quantulum3's tables, and handing back its pattern's text
    # instead of compiling it (its module is left as it is)
    written = SimpleNamespace(compile=lambda text, flags: (text, flags), escape=re.escape, VERBOSE=re.VERBOSE,
                              IGNORECASE=re.IGNORECASE)
    build = FunctionType(builder.__code__, {**builder.__globals__, "load": SimpleNamespace(units=lambda _: units),
                                            "re": written}, builder.__name__, builder.__defaults__)
    text, flags = build("en_US")
    names = sorted([*units.surfaces, *units.symbols], key=len, reverse=True)  # as the builder orders them
    alternation = "|".join(re.escape(name) for name in names)
    try:
        tree = _letter_tree(list(dict.fromkeys(names)))
    except ValueError:  # two letters that match each other's case one way only: kept as an alternation
        tree = alternation
    return re.compile(text.replace(alternation, tree), flags)


def _same_letter(a: str, b: str) -> bool:
    return a == b or re.fullmatch(re.escape(a), b, re.I) is not None


def _letter_tree(names: list[str]) -> str:
    """A pattern matching, case aside, what the alternation of `names` matches, in its order of preference when
    they are sorted longest first: at each letter a longer name is tried before a name ending there."""
    ends = False
    branches: list[tuple[list[str], list[str]]] = []  # (the letters, case aside one letter; the rests of names)
    for name in names:
        if not name:
            ends = True
            continue
        branch = next((b for b in branches if _same_letter(b[0][0], name[0])), None)
        if branch is None:
            branches.append(([name[0]], [name[1:]]))
            continue
        if not all(_same_letter(letter, name[0]) for letter in branch[0]):
            raise ValueError(name)
        if name[0] not in branch[0]:
            branch[0].append(name[0])
        branch[1].append(name[1:])
    for i, (letters, _) in enumerate(branches):  # a letter of the text may follow one branch only
        if any(_same_letter(a, b) for other, _ in branches[i + 1:] for a in letters for b in other):
            raise ValueError(letters[0])
    parts = []
    for letters, rests in branches:
        head = re.escape(letters[0]) if len(letters) == 1 else "[" + "".join(map(re.escape, letters)) + "]"
        below = _letter_tree(rests)
        parts.append(head + (f"(?:{below})" if "|" in below else below))
    if not ends:
        return "|".join(parts)
    return f"(?:{'|'.join(parts)})?" if parts else ""


# --- dateparser ------------------------------------------------------------------------------------------------

_DATES: dict[tuple, datetime | None] = {}


_NUMERIC_DATE = re.compile(
    r"(?P<iso>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})|(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})")


def plain_numeric_date(text: str, order: str) -> datetime | None:
    """What dateparser reads in "2025-07-01" or "24/06/2025" (a four-digit year) when the date is valid in the
    order it is told (year-month-day for the ISO form), read without it: each is a new question to dateparser
    (~0.4 ms), and a pasted table holds thousands. None where dateparser would have to choose (a two-digit
    year, an impossible date it may read the other way round, a year before 1000): it is asked."""
    m = _NUMERIC_DATE.fullmatch(text)
    if m is None:
        return None
    if m.group("iso"):
        year, month, day = int(m.group("iso")), int(m.group("m")), int(m.group("d"))
    else:
        year, first, second = int(m.group("y")), int(m.group("a")), int(m.group("b"))
        day, month = (first, second) if order == "DMY" else (second, first)
    if year < 1000:
        return None
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, settings: dict) -> datetime | None:
    """dateparser's reading of a short date-shaped text (English), remembered."""
    key = (text, *sorted(settings.items()))
    if key in _DATES:
        return _DATES[key]
    if not _allowed():
        return None
    import dateparser  # imported by the first date that needs it: a draft with none starts without it
    from dateparser.conf import settings as defaults

    if not any(character.isalpha() for character in text):
        # its relative parser ("3 days ago") needs a unit word: on "24/06/2025" it always fails, after a
        # third of the call's time
        settings = {**settings, "PARSERS": [name for name in defaults.PARSERS if name != "relative-time"]}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    _remember(_DATES, key, parsed)
    return parsed
