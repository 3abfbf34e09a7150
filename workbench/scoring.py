"""Scoring the checker against labelled claims (tests/realnews/README.md): accuracy, the precision of each
verdict, and wrong "supported". Shared by the tests and benchmarks/check_accuracy.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from workbench.check import check_text
from workbench.reference import ReferencePack
from workbench.rules import RuleSet

LABELS = ("supported", "contradicted", "needs_review", "unverifiable", "context")


@dataclass
class Score:
    pairs: list[tuple[str, str, str, str]] = field(default_factory=list)  # (expected, got, claim, sentence)
    articles: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return len(self.pairs)

    @property
    def claims(self) -> int:
        """Labelled figures, leaving out dates that only give another its period."""
        return sum(1 for e, _, _, _ in self.pairs if e != "context")

    @property
    def accuracy(self) -> float:
        return sum(e == g for e, g, _, _ in self.pairs) / self.total if self.total else 0.0

    def precision(self, verdict: str) -> tuple[int, int]:
        """(right, given) for one verdict the checker gave."""
        given = [(e, g) for e, g, _, _ in self.pairs if g == verdict]
        return sum(e == g for e, g in given), len(given)

    @property
    def false_supported(self) -> list[tuple[str, str, str, str]]:
        return [p for p in self.pairs if p[1] == "supported" and p[0] != "supported"]

    def wrong(self) -> list[tuple[str, str, str, str]]:
        return [p for p in self.pairs if p[0] != p[1]]

    def report(self, name: str) -> str:
        lines = [f"{name}: {self.total} labelled mentions ({self.claims} claims, the rest context dates) from "
                 f"{len(self.articles)} articles; {self.accuracy:.1%} right"]
        for verdict in LABELS:
            right, given = self.precision(verdict)
            expected = sum(1 for e, _, _, _ in self.pairs if e == verdict)
            if given or expected:
                shown = f"{right / given:.1%}" if given else "-"
                lines.append(f"  {verdict:13} given {given:4}, right {right:4} (precision {shown}); "
                             f"labelled {expected}")
        lines.append(f"  wrong 'supported': {len(self.false_supported)}")
        return "\n".join(lines)


def load_entries(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if isinstance(data, dict):
        data = data.get("entries", [])
    return data


def document_of(entry: dict) -> tuple[str, int]:
    """The entry as a small document (title, earlier sentences, the sentence) and where the sentence starts."""
    head = (entry.get("title") or "").strip()
    before = " ".join(entry.get("context") or [])
    prefix = (head + "\n" if head else "") + (before + " " if before else "")
    return prefix + entry["sentence"], len(prefix)


def score_entries(entries: list[dict], pack: ReferencePack, rules: RuleSet, score: Score | None = None) -> Score:
    score = score or Score()
    for entry in entries:
        text, offset = document_of(entry)
        published = entry["published"]
        pub = published if isinstance(published, date) else date.fromisoformat(str(published))
        checked = [c for c in check_text(text, pub, pack, rules) if c.claim.mention.start >= offset]
        score.articles.add(entry.get("url") or entry["sentence"][:40])
        for claim in entry.get("claims") or []:
            said = str(claim["text"])
            where = _nth(entry["sentence"], said, int(claim.get("occurrence", 1)))
            got = "missing"
            if where >= 0:  # the mention that overlaps the labelled words most: "on Thursday" is "Thursday"
                start, end = offset + where, offset + where + len(said)
                overlaps = [(min(end, c.claim.mention.end) - max(start, c.claim.mention.start), c) for c in checked]
                overlaps = [(size, c) for size, c in overlaps if size > 0]
                if overlaps:
                    best = max(overlaps, key=lambda pair: pair[0])[1]
                    got = best.verdict.verdict or best.verdict.role
            score.pairs.append((claim["verdict"], got, said, entry["sentence"]))
    return score


def _nth(text: str, part: str, occurrence: int) -> int:
    """Where the labelled words occur the n-th time as words of their own: "14" is not the end of "2014"."""
    edge_before = r"(?<!\w)" if part[:1].isalnum() else ""
    edge_after = r"(?!\w)" if part[-1:].isalnum() else ""
    found = list(re.finditer(edge_before + re.escape(part) + edge_after, text))
    return found[occurrence - 1].start() if 0 < occurrence <= len(found) else -1
