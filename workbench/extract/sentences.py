"""Sentence splitting that keeps offsets into the original text.

pysbd knows the abbreviations ("U.S.", "Gen.", "No. 5") and decimals; we only feed it one line at a
time (a newline always ends a sentence in a draft) and cut very long lines into pieces it can digest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import pysbd

from workbench.model import Sentence

MAX_PIECE = 5_000  # characters given to pysbd at once; longer lines are cut at a space
# Where no stop is followed by more text, the piece is one sentence and pysbd need not look at it.
_INNER_STOP = re.compile(r"[.!?…][\"'’”)\]]*\s+\S")
_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut [start, end) into runs of at most MAX_PIECE characters, preferably after a full stop."""
    while end - start > MAX_PIECE:
        window = text[start : start + MAX_PIECE]
        cut = max(window.rfind(". "), window.rfind(" "))
        cut = start + (cut + 1 if cut > 0 else MAX_PIECE)
        yield start, cut
        start = cut
    yield start, end


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with `text[s.start:s.end] == s.text`, stripped of surrounding space."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        for piece_start, piece_end in _pieces(text, line.start(), line.end()):
            piece = text[piece_start:piece_end]
            if not piece.strip():
                continue
            for span in _spans(piece):
                start, end = span
                while start < end and piece[start].isspace():
                    start += 1
                while end > start and piece[end - 1].isspace():
                    end -= 1
                if start < end:
                    sentences.append(Sentence(piece_start + start, piece_start + end, piece[start:end]))
    return sentences


def _spans(piece: str) -> list[tuple[int, int]]:
    """pysbd's spans, checked: if its offsets ever disagree with the text, fall back to the piece."""
    if not _INNER_STOP.search(piece):
        return [(0, len(piece))]
    try:
        spans = [(s.start, s.end) for s in _segmenter().segment(piece)]
    except Exception:  # pysbd has known crashes on odd input; a whole line is a safe sentence
        return [(0, len(piece))]
    covered = 0
    for start, end in spans:
        if start < covered or end > len(piece) or start >= end:
            return [(0, len(piece))]
        covered = end
    return spans
