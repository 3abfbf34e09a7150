"""Vague quantifiers ("a handful of countries", "most nations", "dozens of"), read from rules/.

Their meaning is data a fact-checker edits (rules/vague_quantifiers.yaml); here they are found.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from workbench import rules_dir
from workbench.extract.spans import Spans
from workbench.model import APPROX, Mention

VAGUE_FILE_NAME = "vague_quantifiers.yaml"


class RuleFileError(ValueError):
    """A rule file that cannot be used, with the file and the reason."""


@dataclass(frozen=True)
class VagueQuantifier:
    phrase: str
    body: str  # the phrase and what must follow it, as a regular expression
    value: float
    value_max: float | None
    unit: str
    approx: str | None


def _words(items: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True))


def load_vague_quantifiers(path: Path | None = None) -> tuple[VagueQuantifier, ...]:
    """The quantifiers of a rule file, longest phrase first; RuleFileError names what is wrong."""
    return _load_vague(path or rules_dir() / VAGUE_FILE_NAME)


@lru_cache(maxsize=4)
def _load_vague(path: Path) -> tuple[VagueQuantifier, ...]:
    try:
        if path.stat().st_size > 1_000_000:
            raise RuleFileError(f"{path}: larger than 1000 kB, not a rule file")
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise RuleFileError(f"{path}: cannot be read: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("quantifiers"), list):
        raise RuleFileError(f"{path}: needs a 'quantifiers' list")
    for key in ("subjects", "verbs_after_pronoun"):
        if not isinstance(data.get(key) or [], list) or not all(isinstance(w, str) for w in data.get(key) or []):
            raise RuleFileError(f"{path}: '{key}' must be a list of words")
    subject_tail = (
        r"(?=(?:\s+of(?:\s+(?:the|its|their|these|those|our|[A-Z][\w.-]*['’]s))?)?(?:\s+[A-Za-z'’-]+){0,2}?"
        rf"\s+(?:{_words(data.get('subjects') or [])})\b|\s+(?:{_words(data.get('verbs_after_pronoun') or [])})\b)"
    )
    found = []
    for number, item in enumerate(data["quantifiers"], start=1):
        where = f"{path}: quantifier {number}"
        if not isinstance(item, dict) or not isinstance(item.get("phrase"), str):
            raise RuleFileError(f"{where}: needs a text 'phrase' (quote words YAML reads as true/false, \"no\")")
        reading = item.get("reading")
        if not isinstance(reading, dict) or not isinstance(reading.get("value"), (int, float)):
            raise RuleFileError(f"{where} ({item['phrase']}): needs a 'reading' with a numeric 'value'")
        if item.get("needs") not in ("anything", "subject"):
            raise RuleFileError(f"{where} ({item['phrase']}): 'needs' must be 'anything' or 'subject'")
        if reading.get("unit") not in ("count", "fraction"):
            raise RuleFileError(f"{where} ({item['phrase']}): reading 'unit' must be 'count' or 'fraction'")
        if reading.get("approx") not in (None, *APPROX):
            raise RuleFileError(f"{where} ({item['phrase']}): unknown approx {reading.get('approx')!r}")
        tail = subject_tail if item["needs"] == "subject" else r"(?![\w-])"
        found.append(VagueQuantifier(item["phrase"], rf"(?:{_words([item['phrase']])}){tail}", float(reading["value"]),
                                     None if reading.get("value_max") is None else float(reading["value_max"]),
                                     reading["unit"], reading.get("approx")))
    return tuple(sorted(found, key=lambda q: len(q.phrase), reverse=True))


def vague_subjects(path: Path | None = None) -> tuple[str, ...]:
    """The nouns the quantifiers quantify ("members", "countries"): the checker counts over them too."""
    return _subjects(path or rules_dir() / VAGUE_FILE_NAME)


@lru_cache(maxsize=4)
def _subjects(path: Path) -> tuple[str, ...]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ()
    subjects = data.get("subjects") if isinstance(data, dict) else None
    return tuple(str(s) for s in subjects) if isinstance(subjects, list) else ()


def _combined() -> tuple[re.Pattern[str], tuple[VagueQuantifier, ...]]:
    # called for every sentence: keyed on the setting's raw text, so no path is built on the hot path
    return _combined_for(os.environ.get("WORKBENCH_RULES_DIR") or "")


@lru_cache(maxsize=4)
def _combined_for(rules_setting: str) -> tuple[re.Pattern[str], tuple[VagueQuantifier, ...]]:
    """All quantifiers as one pattern, longest first, so a sentence is scanned once."""
    quantifiers = _load_vague(rules_dir() / VAGUE_FILE_NAME)
    # a phrase's first letter before the look-behinds: a scan passes any other character at once (a quarter faster)
    first = "".join(sorted({re.escape(q.phrase[0]) for q in quantifiers}))
    lead = rf"(?=[{first}])(?<![\w-])(?<!\bhow\s)(?<!\bso\s)(?<!\btoo\s)"  # not "how many", "so many"
    pattern = lead + "(?:" + "|".join(f"(?P<q{i}>{q.body})" for i, q in enumerate(quantifiers)) + ")"
    return re.compile(pattern, re.I), quantifiers


_COMPARATIVE = ("many", "much", "few")
_AS_BEFORE = re.compile(r"(?i:as)\s$")
_THAN_BEFORE = re.compile(r"(?i:than)\s$")  # "closer than many would have predicted": people, not a share of them


def _names_subject(sentence: str, end: int) -> bool:
    """Whether one of the quantified subjects ("members", "countries") follows within two words."""
    after = sentence[end:end + 40].lower().split()[:3]
    return any(word.strip(".,;:") in vague_subjects() for word in after)


def find_vague(sentence: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Vague quantifier mentions of one sentence, offsets into the sentence, clear of `taken` spans."""
    pattern, quantifiers = _combined()
    found = []
    taken_spans = Spans(taken)
    for m in pattern.finditer(sentence):
        quantifier = quantifiers[int(m.lastgroup[1:])]
        if taken_spans.overlaps(m.start(), m.end()) or (
                quantifier.phrase in _COMPARATIVE and _AS_BEFORE.search(sentence, max(0, m.start() - 3), m.start())):
            continue  # "as many as 20" compares; "as millions struggle" quantifies
        if quantifier.phrase in _COMPARATIVE and _THAN_BEFORE.search(sentence, max(0, m.start() - 5), m.start()) and (
                not _names_subject(sentence, m.end())):
            continue  # "than many would have predicted"; "more than many members spend" quantifies them
        found.append(Mention(start=m.start(), end=m.end(), text=m.group(0), kind="quantity",
                             value=quantifier.value, value_max=quantifier.value_max, unit=quantifier.unit,
                             approx=quantifier.approx, vague=True))
    return found
