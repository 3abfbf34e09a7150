"""Sentence splitting that keeps offsets into the original text.

sentencex (Wikimedia's segmenter, with a compiled core) finds the boundaries, one line at a time: a
newline always ends a sentence in a draft. It splits after a few abbreviations that news copy uses
mid-sentence ("Dr. Who", "Art. 5", "approx. 5 km"); those boundaries are joined back here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import sentencex

from workbench.model import Sentence

MAX_PIECE = 20_000  # characters given to the segmenter at once; longer lines are cut at a space
_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
# Where no stop is followed by more text, the piece is one sentence and needs no segmenter.
_INNER_STOP = re.compile(r"[.!?…][\"'’”)\]]*\s+\S")
_ABBREVIATION_AT_END = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Cpl|Rev|Hon|Pres|St|Mt|Ft|"
    r"No|Nos|Art|Arts|Vol|Vols|p|pp|para|paras|fig|figs|approx|est|ca|vs|v|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec)\.\s*$", re.I)


def _pieces(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Cut [start, end) into runs of at most MAX_PIECE characters, preferably after a full stop."""
    pieces = []
    while end - start > MAX_PIECE:
        window = text[start:start + MAX_PIECE]
        cut = max(window.rfind(". "), window.rfind(" "))
        cut = start + (cut + 1 if cut > 0 else MAX_PIECE)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _spans(piece: str) -> list[tuple[int, int]]:
    """Boundaries within one piece, checked; abbreviation splits joined back."""
    if not _INNER_STOP.search(piece):
        return [(0, len(piece))]
    spans: list[tuple[int, int]] = []
    covered = 0
    for boundary in sentencex.get_sentence_boundaries("en", piece):
        start, end = boundary["start_index"], boundary["end_index"]
        if start < covered or end > len(piece) or start >= end:
            return [(0, len(piece))]  # offsets we cannot trust: the whole piece is safer
        if spans and _ABBREVIATION_AT_END.search(piece, spans[-1][0], spans[-1][1]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        covered = end
    return spans or [(0, len(piece))]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with `text[s.start:s.end] == s.text`, stripped of surrounding space."""
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[Sentence]:
    """split_sentences one at a time: a reader of a long document need not hold all its sentences at once."""
    for line in _LINE.finditer(text):
        for piece_start, piece_end in _pieces(line.start(), line.end(), text):
            piece = text[piece_start:piece_end]
            if not piece.strip():
                continue
            for start, end in _spans(piece):
                while start < end and piece[start].isspace():
                    start += 1
                while end > start and piece[end - 1].isspace():
                    end -= 1
                if start < end:
                    yield Sentence(piece_start + start, piece_start + end, piece[start:end])
