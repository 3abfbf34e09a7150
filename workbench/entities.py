"""Who a sentence names: the reference tables' entities found in running text.

Country names come from country_converter's maintained list (its name patterns match "Britain", "UK",
"Turkey", "Czech Republic", "Korea, Rep."); rules/ adds what that list lacks (demonyms, capitals, groups).
A table's "Czech Republic" and a draft's "Czechia" meet at the ISO code. We read the package's data file
rather than call its converter, whose constructor fails under pandas 3.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

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


@lru_cache(maxsize=1)
def _country_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern with a group per country (country_converter's patterns), and the ISO3 code of each group."""
    data = country_data_path().read_text(encoding="utf-8")
    rows = [r for r in csv.DictReader(data.splitlines(), delimiter="\t") if r.get("regex") and r.get("ISO3")]
    pattern = re.compile("|".join(f"(?P<c{i}>{r['regex']})" for i, r in enumerate(rows)), re.IGNORECASE)
    return pattern, tuple(r["ISO3"] for r in rows)


@lru_cache(maxsize=50_000)
def country_code(name: str) -> str | None:
    """The ISO3 code of a country name in any of its usual spellings, or None."""
    if len(name) < 2 or len(name) > 80:
        return None
    pattern, codes = _country_pattern()
    found = pattern.search(name)
    if found is None or found.lastgroup is None:
        return None
    return codes[int(found.lastgroup[1:])]


def _joins_two_names(text: str) -> bool:
    """"Britain and France" is two countries; "Bosnia and Herzegovina" is one (its first part is no country)."""
    head, _, tail = text.partition(" and ")
    return bool(tail) and country_code(head) is not None


class EntityIndex:
    """Finds the entities of a set of tables in text: their own names, their aliases, and any spelling of a
    country that the country list knows."""

    def __init__(self, names: Iterable[str], aliases: Iterable[tuple[str, str]] = ()):
        self.names = frozenset(names)
        self._by_code: dict[str, list[str]] = {}
        for name in sorted(self.names):
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
        ordered = sorted(self._forms, key=len, reverse=True)
        self._literal = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in ordered) + r")(?![\w-])"
                                   ) if ordered else None

    def _table_names(self, name: str) -> tuple[str, ...]:
        """The table entities a name stands for: itself, or the tables' spellings of the same country."""
        code = country_code(name)
        same = tuple(self._by_code.get(code, ())) if code else ()
        return tuple(dict.fromkeys(((name,) if name in self.names else ()) + same))

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
