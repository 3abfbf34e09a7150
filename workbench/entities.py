"""Who a sentence names: the reference tables' entities found in running text.

Country names come from country_converter's maintained list (its name patterns match "Britain", "UK",
"Turkey", "Czech Republic", "Korea, Rep."); rules/ adds what that list lacks (demonyms, capitals, groups).
A table's "Czech Republic" and a draft's "Czechia" meet at the ISO code. We read the package's data file
rather than call its converter, whose constructor fails under pandas 3.
"""

from __future__ import annotations

import csv
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType

MAX_NAME_WORDS = 4  # "Bosnia and Herzegovina", "Republic of North Macedonia"
_NAME_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:of|and|the|de|[A-Z][\w’'.-]*))*")
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class EntitySpan:
    start: int  # offsets into the text searched
    end: int
    names: tuple[str, ...]  # the table entities this text may stand for (one per table that spells it its own way)


def country_data_path() -> Path:
    """country_converter's data file, found without importing the package (which imports pandas)."""
    spec = find_spec("country_converter")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("country_converter is not installed (requirements.txt)")
    return Path(next(iter(spec.submodule_search_locations))) / "country_data.tsv"


@dataclass(frozen=True)
class _Country:
    code: str  # ISO3
    regex: str  # country_converter's pattern, case-insensitive (compiled when a name is first tried against it)
    keys: tuple[str, ...] | None  # lower-case texts one of which every match contains; None: no such text known


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[_Country, ...], dict[str, tuple[int, ...]], tuple[int, ...]]:
    """country_converter's countries in its order; which countries each two-letter start of a key may
    begin (the index a name is looked up by), and the countries every name must be tried against."""
    data = country_data_path().read_text(encoding="utf-8")
    rows = [r for r in csv.DictReader(data.splitlines(), delimiter="\t") if r.get("regex") and r.get("ISO3")]
    countries = tuple(_Country(r["ISO3"], r["regex"], needed_texts(r["regex"])) for r in rows)
    by_start: dict[str, list[int]] = {}
    always: list[int] = []
    for index, country in enumerate(countries):
        if country.keys is None or min(map(len, country.keys)) < 2:
            always.append(index)
            continue
        for key in country.keys:
            by_start.setdefault(key[:2], []).append(index)
    return countries, {start: tuple(dict.fromkeys(found)) for start, found in by_start.items()}, tuple(always)


def needed_texts(regex: str) -> tuple[str, ...] | None:
    """Texts one of which any match of `regex` must hold, found by reading its parsed form."""
    try:
        from re import _constants, _parser  # CPython's own regex parser (3.11+)

        return _required(_parser.parse(regex), _constants)
    except Exception:  # another Python's parser: the country is simply tried on every name
        return None


def _required(items: Iterable, ops: ModuleType) -> tuple[str, ...] | None:
    """Of the literal runs a parsed sequence must match (its own, and those of the groups, branches,
    repeats and look-arounds it cannot match without), the most selective set; None when there is none.
    Only ASCII letters count: names with other characters are searched the slow way."""
    best: tuple[str, ...] | None = None

    def consider(keys: tuple[str, ...] | None) -> None:
        nonlocal best
        if keys and (best is None or min(map(len, keys)) > min(map(len, best))):
            best = keys

    run = ""
    for op, arg in items:
        if op is ops.LITERAL and chr(arg).isascii():
            run += chr(arg).lower()
            continue
        consider((run,) if run else None)
        run = ""
        if op is ops.SUBPATTERN:
            consider(_required(arg[-1], ops))
        elif op is ops.ASSERT:  # a look-ahead or look-behind must find its text too
            consider(_required(arg[1], ops))
        elif op in (ops.MAX_REPEAT, ops.MIN_REPEAT, ops.POSSESSIVE_REPEAT) and arg[0] >= 1:
            consider(_required(arg[2], ops))
        elif op is ops.BRANCH:
            branches = [_required(branch, ops) for branch in arg[1]]
            if all(branches):
                consider(tuple(key for keys in branches for key in keys))
    consider((run,) if run else None)
    return best


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    """A country's pattern, compiled once it is needed: most are never tried in a draft."""
    return re.compile(regex, re.IGNORECASE)


@lru_cache(maxsize=1024)
def _folds_to_ascii(char: str) -> bool:
    """Whether a character matches an ASCII letter when case is ignored (the Kelvin sign, a dotless i): only
    then can a name hold a needed text that its lower-case form does not show ("Poland’s" cannot)."""
    return any(re.fullmatch(letter, char, re.IGNORECASE) for letter in string.ascii_lowercase)


@lru_cache(maxsize=1)
def _country_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern with a group per country, for names with characters that match ASCII letters."""
    countries = _countries()[0]
    pattern = re.compile("|".join(f"(?P<c{i}>{c.regex})" for i, c in enumerate(countries)), re.IGNORECASE)
    return pattern, tuple(c.code for c in countries)


@lru_cache(maxsize=50_000)
def country_code(name: str) -> str | None:
    """The ISO3 code of a country name in any of its usual spellings, or None.

    As country_converter reads a name: the country whose pattern matches furthest left, the first listed
    where two match there. Only the countries whose needed texts the name holds are tried: searching all
    256 patterns at every position took most of the time of checking real news."""
    if len(name) < 2 or len(name) > 80:
        return None
    if not name.isascii() and any(_folds_to_ascii(c) for c in name if not c.isascii()):
        pattern, codes = _country_pattern()
        found = pattern.search(name)
        return codes[int(found.lastgroup[1:])] if found and found.lastgroup else None
    countries, by_start, always = _countries()
    lowered = name.lower()
    tried = set(always)
    for at in range(len(lowered) - 1):
        for index in by_start.get(lowered[at:at + 2], ()):
            if index not in tried and any(lowered.startswith(key, at) for key in countries[index].keys):
                tried.add(index)
    best: tuple[int, int] | None = None
    for index in sorted(tried):
        found = _compiled(countries[index].regex).search(name)
        if found is not None and (best is None or found.start() < best[0]):
            best = (found.start(), index)
    return countries[best[1]].code if best else None


def _joins_two_names(text: str) -> bool:
    """"Britain and France" is two countries; "Bosnia and Herzegovina" is one (its first part is no country)."""
    head, _, tail = text.partition(" and ")
    return bool(tail) and country_code(head) is not None


_ACRONYM = re.compile(r"[A-Z]{3,}")


class EntityIndex:
    """Finds the entities of a set of tables in text: their own names, their aliases, and any spelling of a
    country that the country list knows. `totals` (entities that sum others) are no country, whatever country
    their name holds ("X and Chile" is not Chile): they are found by their own name and aliases only."""

    def __init__(self, names: Iterable[str], aliases: Iterable[tuple[str, str]] = (),
                 totals: Iterable[str] = ()):
        self.names = frozenset(names)
        self._totals = frozenset(totals)
        self._by_code: dict[str, list[str]] = {}
        for name in sorted(self.names - self._totals):
            code = country_code(name)
            if code:
                self._by_code.setdefault(code, []).append(name)
        forms: dict[str, set[str]] = {}
        for name in self.names:
            forms.setdefault(name, set()).update(self._table_names(name))
        for form, target in aliases:
            found = self._table_names(target)
            if found:
                forms.setdefault(form, set()).update(found)
        self._forms = {form: tuple(sorted(names)) for form, names in forms.items()}
        # a table's names other than countries are also read in lower case, as news copy writes them in running
        # text ("manufacturing employed 11.9 million"); a country keeps its capital ("Turkey", not "turkey")
        # and an acronym also as British copy writes it ("Opec", "Unesco")
        for form, names in list(self._forms.items()):
            if country_code(form) is None:
                for variant in (form.lower(), *([form.capitalize()] if _ACRONYM.fullmatch(form) else [])):
                    self._forms.setdefault(variant, names)
        ordered = sorted(self._forms, key=len, reverse=True)
        self._literal = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in ordered) + r")(?![\w-])"
                                   ) if ordered else None

    def _table_names(self, name: str) -> tuple[str, ...]:
        """The table entities a name stands for: itself, or the tables' spellings of the same country."""
        code = country_code(name) if name not in self._totals else None
        same = tuple(self._by_code.get(code, ())) if code else ()
        return tuple(dict.fromkeys(((name,) if name in self.names else ()) + same))

    def sums_others(self, names: tuple[str, ...]) -> bool:
        """Whether one of these entities is a total of others (a "World" row, a "Total" row)."""
        return any(name in self._totals for name in names)

    def find(self, text: str) -> list[EntitySpan]:
        """Entities named in `text`, in order, never overlapping (the longest name wins)."""
        spans: list[EntitySpan] = []
        taken: list[tuple[int, int]] = []
        if self._literal is not None:
            for m in self._literal.finditer(text):
                spans.append(EntitySpan(m.start(), m.end(), self._forms[m.group(0)]))
                taken.append((m.start(), m.end()))
        if self._by_code:
            for run in _NAME_RUN.finditer(text):
                spans.extend(self._countries_in(run, taken))
        return sorted(spans, key=lambda s: s.start)

    def _countries_in(self, run: re.Match[str], taken: list[tuple[int, int]]) -> list[EntitySpan]:
        tokens = [(run.start() + t.start(), run.start() + t.end()) for t in _TOKEN.finditer(run.group(0))]
        found: list[EntitySpan] = []
        index = 0
        while index < len(tokens):
            for size in range(min(MAX_NAME_WORDS, len(tokens) - index), 0, -1):
                start, end = tokens[index][0], tokens[index + size - 1][1]
                text = run.string[start:end].rstrip(".,’'")
                end = start + len(text)
                lowered = not text[:1].isupper() or text.split()[-1][:1].islower()
                if lowered or any(a < end and start < b for a, b in taken):
                    continue
                code = country_code(text)
                if code and _joins_two_names(text):
                    continue
                if code and code in self._by_code:
                    found.append(EntitySpan(start, end, tuple(self._by_code[code])))
                    index += size
                    break
            else:
                index += 1
        return found
