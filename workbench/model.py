"""The vocabulary every stage shares: plain dataclasses, no behaviour beyond serialisation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

KINDS = ("quantity", "date")
APPROX = ("about", "nearly", "more_than", "at_least", "less_than", "at_most")
GRANULARITIES = ("day", "month", "quarter", "year", "decade")
VERDICTS = ("supported", "contradicted", "needs_review", "unverifiable")
FLAGGED = ("contradicted", "needs_review")  # the verdicts a person has to look at before publishing


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A number or date found in a document; offsets are into the whole document."""

    start: int
    end: int
    text: str
    kind: str
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    approx: str | None = None
    vague: bool = False
    start_date: date | None = None
    end_date: date | None = None
    granularity: str | None = None

    def to_record(self, doc: str) -> dict:
        """The JSON object of the extract contract (DESIGN.md)."""
        record = {"doc": doc, **vars(self)}  # every field a plain value: no deep copy (asdict) needed
        for key in ("start_date", "end_date"):
            if record[key] is not None:
                record[key] = record[key].isoformat()
        return record

    def describe(self) -> str:
        """The normalized reading in a few words, for tables and tooltips."""
        if self.kind == "date":
            span = f"{self.start_date}" if self.start_date == self.end_date else f"{self.start_date}..{self.end_date}"
            return f"{span} ({self.granularity})"
        value = f"{self.value:g}" + (f"-{self.value_max:g}" if self.value_max is not None else "")
        notes = [note for note in (self.approx, "vague" if self.vague else None) if note]
        return f"{value} {self.unit}" + (f" [{', '.join(notes)}]" if notes else "")
