"""Example corpora (sentence -> expected mentions) and how an extractor is scored against them.

The corpora beside this file are the spec of the extract contract, in the style of Duckling's
per-dimension corpora; tests, the held-out set and the benchmarks all read them through here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from workbench.model import Mention

CORPUS_DIR = Path(__file__).parent / "corpus"
FIELDS = ("kind", "value", "value_max", "unit", "approx", "vague", "start_date", "end_date", "granularity")
Extractor = Callable[[str, date], list[Mention]]


@dataclass
class Example:
    source: str  # file and position, for failure messages
    text: str
    pub_date: date
    mentions: list[Mention]


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    spans_right: int = 0
    values_right: int = 0
    failures: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(right: int, found: int, expected: int) -> float:
        precision = right / found if found else 1.0
        recall = right / expected if expected else 1.0
        return 100 * 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def detection_f1(self) -> float:
        return self._f1(self.spans_right, self.found, self.expected)

    @property
    def value_f1(self) -> float:
        return self._f1(self.values_right, self.found, self.expected)


def expected_mention(text: str, item: dict, search_from: int, source: str) -> Mention:
    """A corpus entry as a Mention; its text is looked for left to right in the sentence."""
    surface = str(item["text"])
    found = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)").search(text, search_from)  # "all" not in "alliance"
    start = found.start() if found else -1
    if start < 0:
        raise ValueError(f"{source}: {surface!r} is not in {text!r} after position {search_from}")
    unknown = set(item) - {"text", *FIELDS}
    if unknown:
        raise ValueError(f"{source}: unknown fields {sorted(unknown)}")
    kind = item.get("kind", "date" if "start_date" in item else "quantity")
    def number(key: str) -> float | None:
        return None if item.get(key) is None else float(item[key])

    return Mention(start=start, end=start + len(surface), text=surface, kind=kind, value=number("value"),
                   value_max=number("value_max"), unit=item.get("unit"), approx=item.get("approx"),
                   vague=bool(item.get("vague", False)), start_date=item.get("start_date"),
                   end_date=item.get("end_date"), granularity=item.get("granularity"))


def load_examples(path: Path) -> list[Example]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    default_date = data.get("pub_date")
    examples = []
    for number, item in enumerate(data["examples"], start=1):
        source = f"{path.name} #{number}"
        # an example is a sentence, or a whole draft named by `file` (relative to the corpus file)
        text = (path.parent / item["file"]).read_text(encoding="utf-8") if "file" in item else str(item["text"])
        mentions, cursor = [], 0
        for expected in item.get("mentions") or []:
            mention = expected_mention(text, expected, cursor, source)
            mentions.append(mention)
            cursor = mention.end
        examples.append(Example(source, text, item.get("pub_date", default_date), mentions))
    return examples


def corpus_examples(directory: Path = CORPUS_DIR) -> list[Example]:
    return [example for path in sorted(directory.glob("*.yaml")) for example in load_examples(path)]


def same_reading(found: Mention, expected: Mention) -> bool:
    for name in FIELDS:
        got, want = getattr(found, name), getattr(expected, name)
        if isinstance(want, float) and isinstance(got, (int, float)):
            if not math.isclose(got, want, rel_tol=1e-6, abs_tol=1e-9):
                return False
        elif got != want:
            return False
    return True


def differences(found: list[Mention], expected: list[Mention]) -> list[str]:
    """What an extractor got wrong on one example, in words; empty when it is exactly right."""
    problems = []
    by_span = {(m.start, m.end): m for m in found}
    for want in expected:
        got = by_span.pop((want.start, want.end), None)
        if got is None:
            problems.append(f"missed {want.text!r} ({want.describe()})")
        elif not same_reading(got, want):
            problems.append(f"{want.text!r}: got {got.kind} {got.describe()}, want {want.kind} {want.describe()}")
    problems.extend(f"spurious {m.text!r} ({m.describe()})" for m in by_span.values())
    return problems


def score(examples: Iterable[Example], extractor: Extractor) -> Score:
    total = Score()
    for example in examples:
        found = extractor(example.text, example.pub_date)
        spans = {(m.start, m.end): m for m in found}
        total.expected += len(example.mentions)
        total.found += len(found)
        for want in example.mentions:
            got = spans.get((want.start, want.end))
            if got is not None:
                total.spans_right += 1
                total.values_right += same_reading(got, want)
        problems = differences(found, example.mentions)
        if problems:
            total.failures.append(f"{example.source}: {example.text}\n    " + "\n    ".join(problems))
    return total


_WEEKDAY_WORD = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_RELATIVE_WORD = re.compile(r"\b(?:ago|last|next|this|past|coming|previous|earlier|later|yesterday|today|"
                            r"tomorrow|tonight)\b", re.I)


def category(mention: Mention) -> str:
    """The kind of figure a mention is, for F1 by category: what a desk would count separately."""
    if mention.kind == "date":
        if _WEEKDAY_WORD.search(mention.text):
            return "date: weekday"
        if _RELATIVE_WORD.search(mention.text):
            return "date: relative"
        return f"date: {mention.granularity}"
    unit = mention.unit or ""
    if unit in ("percent", "percentage_point", "basis_point"):
        return "quantity: percent"
    if re.fullmatch(r"[A-Z]{3}", unit):
        return "quantity: money"
    if unit in ("count", "fraction", "ordinal") or mention.vague:
        return "quantity: count"
    return "quantity: measure"


def score_by_category(examples: Iterable[Example], extractor: Extractor) -> dict[str, Score]:
    """Scores per category and per kind ("quantity", "date"): an expected mention counts in its own
    category, a found one in its own, so a misread unit costs recall in one and precision in another."""
    totals: dict[str, Score] = {}

    def bucket(name: str) -> Score:
        return totals.setdefault(name, Score())

    for example in examples:
        found = extractor(example.text, example.pub_date)
        spans = {(m.start, m.end): m for m in found}
        for m in found:
            for name in (category(m), m.kind):
                bucket(name).found += 1
        for want in example.mentions:
            got = spans.get((want.start, want.end))
            for name in (category(want), want.kind):
                score = bucket(name)
                score.expected += 1
                if got is not None and got.kind == want.kind:
                    score.spans_right += 1
                    score.values_right += same_reading(got, want)
        problems = differences(found, example.mentions)
        if problems:
            bucket("all").failures.append(f"{example.source}: {example.text}\n    " + "\n    ".join(problems))
    return totals
