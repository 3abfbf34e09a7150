"""A set of non-overlapping text spans with fast overlap tests, so that long sentences with thousands
of numbers stay linear-ish instead of quadratic."""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Iterable


class Spans:
    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self._spans: list[tuple[int, int]] = []
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with a span already in the set."""
        index = bisect_right(self._spans, (start, float("inf")))
        if index and self._spans[index - 1][1] > start:
            return True
        return index < len(self._spans) and self._spans[index][0] < end

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
