"""mentions -> claims: each figure with its frame, read from its own clause, then its sentence, then the
document before it (the title and earlier sentences), the way a reader resolves "its" or "the target".

A frame says who (entity), when (period), what kind of figure (a value, a count or share of entities on
one side of a cut-off, a total, a rank, a change) and how it is compared. Which measure it is about is
decided by the checker, which scores the tables' measures against the frame's words.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import accumulate, pairwise

from workbench.entities import EntitySpan
from workbench.extract import extract_sentence, iter_sentences
from workbench.extract.dates import tense_of
from workbench.literals import may_match
from workbench.model import Mention, Sentence
from workbench.vocabulary import Vocabulary

PERIOD_GRANULARITIES = ("year", "quarter", "month")
_CLAUSE_BREAK = re.compile(r"[;:()\u2013\u2014]|,\s|\s(?:and|while|whereas|but|compared\s+(?:with|to)|versus|"
                           r"against|although|though)\s")
_DEADLINE_BEFORE = re.compile(r"(?:\bby|\buntil|\btill|\bbefore|\bno\s+later\s+than|\bin\s+time\s+for|\bahead\s+of)"
                              r"(?:\s+(?:the\s+)?(?:end|start|middle)\s+of)?\s*$", re.I)
_RANK_FOLLOWERS = re.compile(r"in|of|at|on|among|since|ever|with|for|by|to|than|so|yet|recorded|and|or|is|was",
                            re.I)
_PEOPLE = re.compile(r"\b[A-Z][a-z]+(?:ans|ians|eans|ese|ish|ch|ns)\b")  # Americans, Britons, Chinese, Danish
_DIGIT = re.compile(r"\d")
_RESPECTIVE = re.compile(r"\brespective(?:ly)?\b", re.I)
_WHEN = re.compile(r"\s*when\b", re.I)
_COMPARED = re.compile(r"\s*(?:compared\s+(?:with|to)|versus|against)\b", re.I)
_CONTRAST = re.compile(r"\s*(?:but|yet|while|whereas|although|though)\b", re.I)
_BASE_BEFORE = re.compile(r"(?:\bsince|\bfrom|\bbetween|\bcompared\s+(?:with|to)|\bthan\s+in|\bover)(?:\s+the)?\s*$",
                          re.I)
_OWNER = r"(?:(?:[\w.-]+\s+){0,3}[\w.-]+['’]s\s+)?"  # "the bloc's", "the US-led trade group's"
_PARTITIVE_TOTAL = re.compile(r"^\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?" + _OWNER + "$")
_ONE_SIDED = {"more_than": "above", "at_least": "at_or_above", "less_than": "below", "at_most": "at_or_below"}
_ORDINAL = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
            "6th": 6}
# words before a measure's head that say which figure of it, not another kind ("the annual rate", "its overall
# rate"): articles, possessives, adjectives of time, place, size or rank, and a change ("growth rates of 1%")
_GENERIC_KINDS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "annual", "average",
                  "overall", "national", "current", "new", "record", "same", "official", "total", "highest", "lowest",
                  "high", "low", "monthly", "quarterly", "yearly", "latest", "previous", "nationwide", "statewide",
                  "combined", "adjusted", "seasonally", "real", "nominal", "per", "of", "and", "or", "in", "to",
                  "on", "at", "by", "for", "with", "as", "was", "is", "were", "are", "be", "been", "had", "has",
                  "growth", "change"}
_HEAD_TO_FIGURE = re.compile(r"\s*(?:(?:was|is|were|are|of|at|stood|reached|hit|rose|fell|to|remained|has|had|been|"
                             r"just|only|about|around|nearly|almost|some)\s+){0,3}$", re.I)
_ORDINAL_HYPHEN = re.compile(r"\b(" + "|".join(_ORDINAL) + r")-", re.I)
_ORDINAL_BEFORE = re.compile(r"(" + "|".join(_ORDINAL) + r")[\s-]*$", re.I)
NOUN_LEAD = re.compile(r"^\s*(?:(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+|all\s+)?"
                       + _OWNER +
                       r"(?:[\d,.]+\s+)?)?(?:[\w'’-]+\s+)?$")  # "of the bloc's 32 ", "European ": what may come before
# "said on Wednesday", "said U.S. Secretary of State Mike Pompeo on Friday": when it was said, not what is dated
SAID_BEFORE = re.compile(r"\b(?:said|says|announced|announces|told|tells|reported|reports|stated|added)"
                         r"(?:\s+(?-i:[A-Z][\w.\u2019'-]*|of|the)){0,8}(?:\s+(?:on|this|last))?\s*$", re.I)
_SAYING_AFTER = re.compile(r"\s*,?\s*(?:said|says|announced|told|reported|published|released|showed)\b", re.I)
DRAFT_DAYS = re.compile(r"\b(?:today|yesterday|tomorrow|tonight|now)\b", re.I)  # when the draft was written
GROUP_WINDOW = 48  # characters after a count in which its noun ("members", "of the 32 members") is read
NEAR = 30  # characters: how close a word must be to a figure to be its own ("the 2% target")


@dataclass(frozen=True)
class Frame:
    """What a figure claims about whom and when, as far as the text says it."""

    entities: tuple[str, ...] = ()  # the table entities its "who" may stand for
    entity_text: str = ""
    entity_from: str = ""  # clause, sentence, document; "" when none
    entity_certain: bool = True  # False when another entity could as well be its "who"
    period: Mention | None = None  # the date that gives its period
    period_from: str = ""
    period_certain: bool = True
    deadline: bool = False  # its period is a deadline ("by 2035")
    aggregate: str = "value"  # value, count, share, total, rank, change
    range_end: str = ""  # "start" or "end": which end of a range of periods is its own ("from 5.5 to 2.6")
    partitive: bool = False  # a total that is the base of a count beside it ("of the 31 members")
    group: str = ""  # the noun a count or share counts ("members")
    cutoff: Mention | None = None
    cutoff_from: str = ""  # sentence, document, or "named": "met the target" names one without its figure
    side: str = ""  # at_or_above, above, below, at_or_below
    rank: int = 0  # 1 for "the highest", 2 for "second-highest"
    rank_order: str = ""  # high, low
    change: str = ""  # rise, fall
    base_period: Mention | None = None  # the period a change is measured from
    clause: str = ""  # the text of its own clause
    clause_start: int = 0  # where that clause starts in the sentence
    foreign_measure: str = ""  # "health care" in "spent 2.1% of its budget on health care", when no table measures it
    unread: bool = False  # its sentence holds too many figures to be prose (a pasted table): no frame is read
    foreign_owner: str = ""  # "the Fed's" in "the Fed's 2% target": someone no table covers owns the figure
    as_of: Mention | None = None  # with no period, the day its sentence opens on ("On 29 March 2004, ... to 26")
    day: Mention | None = None  # with no period, a day its own clause dates it to ("closed at $291 on Wednesday")


@dataclass(frozen=True)
class Claim:
    claim_id: str  # the same for the same sentence and mention, whatever else in the draft changed
    mention: Mention
    sentence: Sentence
    frame: Frame = field(default_factory=Frame)
    context: str = ""  # the title and sentences before, as far as the claim may lean on them
    period_of: tuple[int, ...] = ()  # for a date: the quantities (by index in the sentence) it gives a period to


def claim_id_for(sentence: Sentence, mention: Mention, occurrence: int) -> str:
    """Stable over re-runs and edits elsewhere: sentence text, place in it, text, and which repeat."""
    key = "\x1f".join([sentence.text, str(mention.start - sentence.start), mention.text, str(occurrence)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class _Document:
    """What the sentences read so far leave for the next: who was named, which cut-off, which words."""

    # the last sentences' (only these are read: a long document is held in flat memory)
    entities: deque[tuple[tuple[str, ...], str]] = field(default_factory=lambda: deque(maxlen=3))  # last one named
    entity_counts: deque[int] = field(default_factory=lambda: deque(maxlen=1))  # distinct entities named
    cutoff: Mention | None = None
    text: str = ""
    periods: deque[Mention | None] = field(default_factory=lambda: deque(maxlen=1))  # its one year, if it names one


def _clauses(text: str, mentions: list[Mention], offset: int) -> list[tuple[int, int]]:
    """Clause spans of a sentence (offsets into it); a break inside a mention ("between 3 and 5%") is none."""
    inside = _Overlaps([(m.start - offset, m.end - offset) for m in mentions])
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(text):
        if not inside.any(m.start(), m.end()):
            cuts.extend([m.start(), m.end()])
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]


class _Overlaps:
    """Whether any of a set of spans overlaps [start, end), by bisection: a table pasted as one sentence has
    thousands of breaks and of figures, and testing each break against every figure was quadratic."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))  # the furthest end among the first k spans

    def any(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # the spans that start before `end`
        return before > 0 and self.reach[before - 1] > start


def _clause_of(position: int, clauses: list[tuple[int, int]]) -> int:
    return next((i for i, (a, b) in enumerate(clauses) if a <= position < b),
                min(range(len(clauses)), key=lambda i: abs(clauses[i][0] - position)))


def is_past(clause: str) -> bool:
    """Past tense, but not the present perfect ("have met"), which speaks of now."""
    return tense_of(clause) == "past" and not re.search(r"\b(?:have|has)\b", clause, re.I)


def counted_noun(text_after: str, nouns: re.Pattern[str] | None) -> str:
    """The noun a number counts, when it is one of `nouns`: "32 members", "23 of the bloc's 32 members"."""
    found = _counted(text_after, nouns)
    return found.group(0) if found else ""


def _counted(text_after: str, nouns: re.Pattern[str] | None) -> re.Match[str] | None:
    window = text_after[:GROUP_WINDOW]
    for found in (nouns.finditer(window) if nouns is not None else ()):
        if window[found.end():found.end() + 1] in ("'", "’"):
            continue  # "the union's 27 members", "5% of their countries' output": the owner, not what is counted
        if not NOUN_LEAD.match(window[:found.start()]):
            return None
        head = nouns.match(window, found.end() + 1) if window[found.end():found.end() + 1] == " " else None
        if re.match(r"\s[\w-]+['’]", window[found.end():]):
            return None  # "3.5% of each member state's output": the owner again
        return head or found  # "seven union members": members are counted, "union" only says whose
    return None


def _has(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and may_match(pattern, text) and pattern.search(text) is not None


class _SentenceReader:
    """Reads the frames of one sentence's figures."""

    def __init__(self, sentence: Sentence, mentions: list[Mention], words: Vocabulary, doc: _Document):
        self.sentence, self.text, self.words, self.doc = sentence, sentence.text, words, doc
        self.offset = sentence.start
        self.mentions = mentions
        self.clauses = _clauses(self.text, mentions, self.offset)
        self._clause_at: dict[int, tuple[int, int]] = {}
        self.entities = [e for e in words.entities.find(self.text) if not self._inside_mention(e)
                         and not self._one_of(e)]
        self.periods = [m for m in mentions if m.kind == "date" and m.granularity in PERIOD_GRANULARITIES]
        # the days that may date a figure, and the one the sentence opens on ("On 29 March 2004, ..."): read once
        self.days = [m for m in mentions if m.kind == "date" and m.granularity == "day" and m.start_date is not None]
        self._opening_day = next((d for d in self.days if self.text[:self.at(d)[0]].strip(" ,").count(" ") <= 1),
                                 None)
        # the spans of figures written in words, the only ones _numbers_as_digits rewrites: found once, not for
        # each figure that asks
        self._worded = [self.at(m) for m in mentions if m.kind == "quantity" and not _DIGIT.search(m.text)]
        # the periods a change starts from ("since 2014"), and whether each may lend its period beyond its clause:
        # the same for every figure of the sentence, so read once, not for every figure and period in pairs
        self._bases = [p for p in self.periods if _BASE_BEFORE.search(self.before(p, 20))]
        self._lends: dict[int, bool] = {}
        self.partitive_totals = self._partitive_totals() if len(mentions) <= MAX_FRAMED else set()

    def _one_of(self, span: EntitySpan) -> bool:
        """"the X member spending the most", "a X partner", where X sums its members: one of them, not X's figure
        ("the X member states" are all of them)."""
        at = span.end + 1
        if self.text[span.end:at] != " " or self.words.one_of_group is None or not (
                self.words.entities.sums_others(span.names)):
            return False  # asked of every entity of every sentence: the cheap tests first
        one = self.words.one_of_group.match(self.text, at)
        every = self.words.group.match(self.text, at) if self.words.group else None
        return one is not None and not (every and every.end() > one.end())

    def _inside_mention(self, span: EntitySpan) -> bool:
        return any(m.start - self.offset <= span.start < m.end - self.offset for m in self.mentions)

    def at(self, mention: Mention) -> tuple[int, int]:
        return mention.start - self.offset, mention.end - self.offset

    def clause_text(self, mention: Mention) -> tuple[int, int]:
        start = self.at(mention)[0]
        if start not in self._clause_at:
            self._clause_at[start] = self.clauses[_clause_of(start, self.clauses)]
        return self._clause_at[start]

    def before(self, mention: Mention, size: int = NEAR) -> str:
        start = self.at(mention)[0]
        return self.text[max(0, start - size):start]

    def after(self, mention: Mention, size: int = NEAR) -> str:
        end = self.at(mention)[1]
        return self.text[end:end + size]

    # --- who ---------------------------------------------------------------------------------------
    def entity(self, mention: Mention) -> tuple[tuple[str, ...], str, str, bool]:
        paired = self._respective(mention)
        if paired is not None:
            return paired.names, self.text[paired.start:paired.end], "clause", True
        start, end = self.at(mention)
        lo, hi = self.clause_text(mention)
        own = [e for e in self.entities if lo <= e.start < hi]
        distinct = {e.names for e in self.entities}
        if own:
            before = [e for e in own if e.end <= start]
            chosen = before[-1] if before else min(own, key=lambda e: e.start - end)
            rivals = {e.names for e in own if e.names != chosen.names and not (before and e.start >= end)}
            certain = not rivals or (bool(before) and len({e.names for e in before}) == 1)
            return chosen.names, self.text[chosen.start:chosen.end], "clause", certain
        if self.text[lo:lo + 1] == "(" or self.text[max(0, lo - 2):lo].strip() == "(":
            before = [e for e in self.entities if e.end <= lo]
            if before:
                chosen = before[-1]
                return chosen.names, self.text[chosen.start:chosen.end], "clause", True
        if self.entities:
            before = [e for e in self.entities if e.end <= start]
            chosen = before[-1] if before else self.entities[0]
            # "Cubans could expect to live longer than Americans, at 78.2 years": a people no table knows sits
            # between the borrowed entity and the figure, so the figure may be theirs
            people = before and _PEOPLE.search(self.text, chosen.end, start) is not None
            # "Nobody lost 100 games in 2014, ... when the club lost 111": one named only after the figure, in
            # another clause, may not be whom it is about
            return chosen.names, self.text[chosen.start:chosen.end], "sentence", len(distinct) == 1 and not people and (
                bool(before))
        for names, said in reversed(self.doc.entities):
            if names:
                certain = self.doc.entity_counts[-1] <= 1 if self.doc.entity_counts else True
                return names, said, "document", certain
        return (), "", "", True

    def _respective(self, mention: Mention) -> EntitySpan | None:
        """"Estonia, Latvia and Lithuania spend a respective 2.34, 2.10 and 2.36 percent": the n-th figure is
        the n-th entity's, when the sentence names as many entities before the figures as figures (a source named
        after them, "according to the agency's estimates", is not one of the list)."""
        if not _RESPECTIVE.search(self.text):
            return None
        figures = [m for m in self.mentions if m.kind == "quantity" and not m.vague]
        if not figures:
            return None
        first = self.at(figures[0])[0]
        named = []
        for e in (e for e in self.entities if e.end <= first):
            if not named or named[-1].names != e.names:
                named.append(e)
        if len(figures) < 2 or len(named) != len(figures) or mention not in figures:
            return None
        return named[figures.index(mention)]

    # --- when --------------------------------------------------------------------------------------
    def period(self, mention: Mention) -> tuple[Mention | None, str, bool, bool, Mention | None]:
        """(period, where from, certain, is a deadline, base period of a change)."""
        candidates = [p for p in self.periods if p is not mention]
        base = next((p for p in self._bases if p is not mention), None)
        if self.said_now(mention):
            return None, "now", True, False, base
        usable = [p for p in candidates if p is not base]
        lo, hi = self.clause_text(mention)
        if _WHEN.match(self.text, lo):  # "an increase from 2021, when only six nations met it": 2021 is the when
            before = [p for p in candidates if self.at(p)[1] <= lo and not self.text[self.at(p)[1]:lo].strip(" ,")]
            if before:
                return before[-1], "clause", True, False, base
        # "not meeting the 2% benchmark, but has pledged to get there by 2032": that plan's deadline only
        # "added 263,000 jobs, compared with a gain of 338,000 in 2014": the year of what it is compared with
        usable = [p for p in usable if lo <= self.at(p)[0] < hi or self._lends_beyond(p)]
        if not usable:  # "reached 8.9%" with no date: a past figure of some period the draft does not say
            carried = self.doc.periods[-1] if self.doc.periods else None
            if carried is not None and is_past(self.text[lo:hi]):  # "In 2023 ... Germany spent 1.57%": maybe
                return carried, "document", False, False, base
            return None, "", not is_past(self.text[lo:hi]), False, base
        start = self.at(mention)[0]
        own = [p for p in usable if lo <= self.at(p)[0] < hi]
        deadlines = [p for p in own if names_deadline(self.before(p, 40))]
        if deadlines:  # "agreed in 2014 to spend 2% by 2024": a pledge, due by its deadline
            return deadlines[0], "clause", True, True, base
        if own:
            chosen, source = min(own, key=lambda p: self._gap(mention, p)), "clause"
            certain = len({(p.start_date, p.end_date) for p in own}) == 1 or self._next_to(mention, chosen)
            if re.search(r"\bto\s*$", self.before(mention, 12)) and self._owned_by_other(mention, chosen):
                certain = False  # "from 8.1% in the first quarter to 9.6% in the third": not this figure's date
        else:
            spans = {(p.start_date, p.end_date) for p in usable}
            before = [p for p in usable if self.at(p)[0] < start]
            chosen = before[-1] if before else usable[0]
            source, certain = "sentence", len(spans) == 1
        deadline = names_deadline(self.before(chosen, 40))
        return chosen, source, certain, deadline, base

    def as_of(self, mention: Mention) -> Mention | None:
        """The day a sentence opens on, before the figure: what a figure that stands until changed is as of."""
        opening = self._opening_day
        return opening if opening is not None and self.at(opening)[1] <= self.at(mention)[0] else None

    def day_of(self, mention: Mention, lo: int, hi: int) -> Mention | None:
        """A day in the figure's own clause that dates the figure, not when something was said about it."""
        for m in self.days:
            at = self.at(m)[0]
            if lo <= at < hi and not SAID_BEFORE.search(self.text[max(0, at - 120):at]) and not _SAYING_AFTER.match(
                    self.text, self.at(m)[1]) and not DRAFT_DAYS.search(m.text):
                return m
        return None

    def _lends_beyond(self, period: Mention) -> bool:
        """Whether a period may be another clause's: not a plan's deadline after a contrast, nor the period of what
        a figure is compared with."""
        lends = self._lends.get(id(period))
        if lends is None:
            rest = self.text[self.clause_text(period)[0]:]
            lends = self._lends[id(period)] = not (names_deadline(self.before(period, 40)) and _CONTRAST.match(
                rest)) and not _COMPARED.match(rest)
        return lends

    def said_now(self, mention: Mention) -> bool:
        """"from 1.37% of output currently to 1.76% by 2030", "now at 2%": today's figure, not the plan's date."""
        if self.words.now is None:
            return False
        tail = " ".join(re.split(r"[,;:()\u2013\u2014\d]", self.after(mention, 40))[0].split()[:4])
        lead = self.before(mention, 25)
        return _has(self.words.now, tail) or (may_match(self.words.now, lead) and re.search(
            self.words.now.pattern + r",?\s+(?:at|is|was|stands\s+at|spends?)?\s*$", lead, re.I) is not None)

    def _gap(self, mention: Mention, period: Mention) -> float:
        """How far a date is from a figure; "4.1% in 2024" binds closer than "2014 to 4.1%"."""
        (start, end), (p_start, p_end) = self.at(mention), self.at(period)
        if p_start >= end:
            between = self.text[end:p_start]
            adjacent = re.fullmatch(r"\s*(?:in|for|during|of|as\s+of)(?:\s+the)?\s*", between, re.I)
            return len(between) - (10 if adjacent else 0)
        return start - p_end

    def _owned_by_other(self, mention: Mention, period: Mention) -> bool:
        """Whether the date is another figure's own ("8.1% in 2009"), and this figure only borrows it."""
        mine = self._gap(mention, period)
        return any(other.kind == "quantity" and other is not mention and other.unit == mention.unit
                   and self._gap(other, period) < min(mine, 0) for other in self.mentions)

    def _next_to(self, mention: Mention, other: Mention) -> bool:
        a, b = sorted([self.at(mention), self.at(other)])
        between = self.text[a[1]:b[0]]
        return len(between) <= 25 and not re.search(r"\d", between)

    # --- counts, totals, shares --------------------------------------------------------------------
    def _group_after(self, mention: Mention) -> tuple[str, Mention | None]:
        """The noun a count counts, read after it ("23 of the bloc's 32 members" -> members, and the 32)."""
        tail = self._numbers_as_digits(self.at(mention)[1], GROUP_WINDOW)
        if tail.startswith("-"):
            return "", None  # "two-percent target", "28-nation": part of a compound, not a count
        found = _counted(tail, self.words.group)
        if found is None:
            return "", None
        total = next((m for m in self.mentions if m.kind == "quantity" and m is not mention
                      and 0 < m.start - mention.end <= found.start()), None)
        return found.group(0), total

    def _numbers_as_digits(self, start: int, size: int) -> str:
        """The text from `start`, with every figure written as digits of the same length: "of twenty nine
        members" reads like "of 29 members"."""
        text = self.text[start:start + size]
        for a, b in self._worded:
            if start <= a and b <= start + size:
                text = text[:a - start] + "9" * (b - a) + text[b - start:]
        return text

    def _partitive_totals(self) -> set[int]:
        """Positions of the totals in "23 of the 32 members": a total, never a count of its own."""
        totals = set()
        for m in self.mentions:
            if m.kind == "quantity" and m.unit in ("count", "fraction", "percent"):
                noun, total = self._group_after(m)
                end = self.at(m)[1]
                if noun and total is not None and _PARTITIVE_TOTAL.match(
                        self._numbers_as_digits(end, self.at(total)[0] - end)):
                    totals.add(total.start)
        return totals

    def side(self, mention: Mention, cutoff: Mention | None) -> str:
        lo, hi = self.clause_text(mention)
        clause = self.text[lo:hi]
        window = self.text[min(lo, self.at(mention)[0]):max(hi, self.at(cutoff)[1] if cutoff else hi)]
        if cutoff is None:  # "23 members will hit the mark as fears grow over...": up to the cut-off word
            named = self.words.cutoff.search(self.text, self.at(mention)[1], hi) if self.words.cutoff else None
            window = clause = self.text[self.at(mention)[1]:named.end() if named else hi]
        if _has(self.words.below, window):  # "not meeting the benchmark of at least 2%": below it
            return "below"
        if cutoff is not None and cutoff.approx in _ONE_SIDED:
            return _ONE_SIDED[cutoff.approx]
        sides = (("below", self.words.below), ("above", self.words.above), ("at_or_above", self.words.at_or_above))
        for text in (window, clause):
            found = [(key, hit.span()) for key, pattern in sides if _has(pattern, text)
                     for hit in pattern.finditer(text)]
            # "meet or surpass": a side's words inside another's longer ones are that side's
            inner = {key for key, (a, b) in found for other, (c, d) in found
                     if other != key and c <= a and b <= d and d - c > b - a}
            for key, _ in sides:
                if any(k == key for k, _ in found) and key not in inner:
                    return key
        return "at_or_above"

    def _is_cutoff(self, m: Mention) -> bool:
        """"the 2% target", "above 6": a bare number ("three met it, five did") only after a comparison word."""
        lead = self.before(m, 24)
        compared = m.approx in _ONE_SIDED or self._comparison_in(lead)
        return compared or (m.unit != "count" and _has(self.words.cutoff, self.before(m, 40) + " " + self.after(m, 40)))

    def _compares(self, mention: Mention, cutoff: Mention) -> bool:
        """"23 members met the 2% target": a comparison word links a count to its cut-off."""
        a, b = sorted([self.at(mention), self.at(cutoff)])
        between = self.text[a[0]:b[1]]
        undated = " ".join(re.sub("|".join(re.escape(m.text) for m in self.mentions if m.kind == "date") or "$^", " ",
                                  between).split())
        if _has(self.words.plans, undated):  # "32 members agreed (last year) to spend at least 2%": a pledge
            return False
        if self.words.cutoff is not None:  # "the 2% spending target that all agreed": "spending" names the target
            between = re.sub(r"[\w-]+\s+(?=" + self.words.cutoff.pattern + ")", " ", between, flags=re.I)
        return cutoff.approx in _ONE_SIDED or self._comparison_in(between)

    def _comparison_in(self, text: str) -> bool:
        """A word of comparison ("met", "below", "more than") in the text."""
        return any(_has(p, text) for p in (self.words.below, self.words.above, self.words.at_or_above))

    def _nearer_count(self, mention: Mention, cutoff: Mention) -> bool:
        """"30 members and nine states met the 2% target": a cut-off belongs to the count nearest before it."""
        return cutoff.start > mention.start and any(
            m.kind == "quantity" and m.unit == mention.unit and mention.start < m.start < cutoff.start
            and m.start not in self.partitive_totals for m in self.mentions)

    def cutoff(self, mention: Mention) -> tuple[Mention | None, str]:
        others = [m for m in self.mentions if m.kind == "quantity" and m is not mention and not m.vague
                  and m.unit != "ordinal" and m.start not in self.partitive_totals and m.start > mention.start - 200]
        marked = [m for m in others if self._is_cutoff(m) and (m.unit != mention.unit or m.start > mention.start)]
        marked = [m for m in marked if self._compares(mention, m) and not self._nearer_count(mention, m)]
        if marked:
            after = [m for m in marked if m.start > mention.start]
            return (after[0] if after else marked[-1]), "sentence"
        if self.doc.cutoff is not None and (_has(self.words.cutoff, self.text) or re.search(r"\bit\b", self.text)):
            return self.doc.cutoff, "document"
        if self._names_cutoff_linked(mention):
            return None, "named"
        return None, ""

    def _names_cutoff_linked(self, mention: Mention) -> bool:
        """"seven of the 30 met the guideline": a cut-off named in the clause and tied to the count by a
        comparison word; "a new spending pledge ... among the 32 members" counts them all."""
        if self.words.cutoff is None:
            return False
        lo, hi = self.clause_text(mention)
        start, end = self.at(mention)
        for named in self.words.cutoff.finditer(self.text, lo, hi):
            if re.search(r"\bto\s+$", self.text[max(lo, named.start() - 4):named.start()]):
                continue  # "to mark the anniversary": a verb, not a cut-off
            between = self.text[min(end, named.end()):max(start, named.start())]
            if self._comparison_in(between):
                return True
        return False

    # --- ranks and changes ---------------------------------------------------------------------------
    def rank(self, mention: Mention) -> tuple[int, str]:
        lo, hi = self.clause_text(mention)
        if len({e.names for e in self.entities}) <= 1:  # "Niger had the highest rate, at 7.6": one who, one rank
            lo, hi = 0, len(self.text)
        clause = _ORDINAL_HYPHEN.sub(r"\1 ", self.text[lo:hi])  # "the second-highest": as "second highest"
        for order, pattern in (("high", self.words.rank_high), ("low", self.words.rank_low)):
            found = pattern.search(clause) if pattern is not None and may_match(pattern, clause) else None
            if found and self._ranks_other_noun(clause[found.end():]):
                continue  # "the largest economy in Europe, it spent 1.23%": economies are ranked, not the figure
            if found and re.search(r"\b(?:the|its|their|[\w.-]+['’]s)\s+(?:[\w-]+[\s-]+)?$",
                                   clause[:found.start()]):
                ordinal = _ORDINAL_BEFORE.search(clause[:found.start()])
                return (_ORDINAL[ordinal.group(1).lower()] if ordinal else 1), order
        return 0, ""

    def _ranks_other_noun(self, after_rank: str) -> bool:
        """The word after "largest" names what is ranked; a word no measure or group uses ranks something else."""
        word = re.match(r"\s*([a-z][\w-]*)", after_rank)
        if word is None or _RANK_FOLLOWERS.fullmatch(word.group(1)):
            return False
        named = " ".join(after_rank.split()[:2])
        return not (_has(self.words.measure_word, named) or _has(self.words.group, word.group(1)))

    def change(self, mention: Mention) -> str:
        before = self.before(mention, 40)
        if mention.approx in _ONE_SIDED and not re.search(r"\bby\s+(?:\w+\s+){1,2}$", before):
            return ""  # "dropped below 2": a level, compared one-sidedly; "fell by more than 22" is a change
        if re.search(r"\b(?:to|from|at|of)\s*(?:the\s+|an?\s+)?(?:about|around|nearly|almost|some|roughly)?\s*$",
                     before, re.I):
            return ""  # "rose to 2.1%", "from 1.8%": levels at two periods
        lo = self.clause_text(mention)[0]
        return change_named(self.text[lo:self.at(mention)[0]][-40:], self.words)

    def foreign_measure(self, mention: Mention) -> str:
        """What "spent ... on X" names, when X is no measure any table has."""
        lo, hi = self.clause_text(mention)
        clause = self.text[lo:hi]
        named = re.search(r"\bthe\s+((?:[\w’'-]+\s+){1,3})of\s*$", self.before(mention, 40))
        if named and not _has(self.words.measure_word, named.group(1)) and not _has(self.words.cutoff, named.group(1)):
            return named.group(1).strip()  # "the replacement level of 2.1"
        named = self._other_kind(self.text[lo:self.at(mention)[0]])
        if named:
            return named  # "Ohio's tax rate was 46.4": a rate, but of what no table measures
        if not _has(self.words.object_verbs, clause) or not self.words.object_prepositions:
            return ""
        prepositions = "|".join(re.escape(p) for p in self.words.object_prepositions)
        for found in re.finditer(rf"\b(?:{prepositions})\s+((?:[\w’'-]+\s*){{1,3}})", clause):
            named = re.split(r"\s(?:in|by|than|from|to|at|and|or|as|of|this|last|next|since|during|over)\b",
                             " " + found.group(1).strip())[0].strip()
            if not named or named[0].isdigit() or named.split()[0].lower() in ("the", "its", "their", "a", "an"):
                named = " ".join(named.split()[1:])
            if not named or named[0].isupper() or _has(self.words.measure_word, found.group(0)):
                continue
            if re.match(r"(?:average|top|track|course|record|par|paper|hand|time|end|track|behalf|each|every)\b",
                        named):
                continue
            return named
        return ""

    def _other_kind(self, lead: str) -> str:
        """A kind of a measure's head word ("tax rate", "health spending") named up to the figure, that no
        measure's words hold: what the figure measures, which no table has."""
        if self.words.heads is None or not _has(self.words.heads, lead):
            return ""
        for head in self.words.heads.finditer(lead):
            if not _HEAD_TO_FIGURE.match(lead, head.end()):
                continue  # the head must name the figure itself: "the tax rate was 46.4", "a tax rate of 46.4"
            words = re.findall(r"[\w’'-]+", lead[:head.start()])[-2:]
            phrase = " ".join([*words, head.group(0)])
            if not words or _has(self.words.measure_word, phrase) or words[-1].lower() in _GENERIC_KINDS or (
                    words[-1][:1].isupper() or words[-1][-2:] in ("'s", "’s")) or _has(self.words.rise, words[-1]) or (
                    _has(self.words.fall, words[-1])):
                continue  # "growth rates of 1 percent": a change of a measure, not another measure
            return f"{words[-1]} {head.group(0)}"
        return ""

    def frame(self, mention: Mention) -> Frame:
        lo, hi = self.clause_text(mention)
        entities, entity_text, entity_from, entity_certain = self.entity(mention)
        period, period_from, period_certain, deadline, base = self.period(mention)
        owner = re.search(r"\b((?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*)['’]s\s+(?:[\w-]+\s+)?$", self.before(mention, 40))
        foreign_owner = owner.group(1) if owner and not self.words.entities.find(owner.group(0)) else ""
        frame = Frame(entities, entity_text, entity_from, entity_certain, period, period_from, period_certain,
                      deadline, base_period=base, clause=self.text[lo:hi], clause_start=lo,
                      foreign_measure=self.foreign_measure(mention), foreign_owner=foreign_owner)
        if mention.kind != "quantity":
            return frame
        if period is None and not period_from:
            frame = _with(frame, as_of=self.as_of(mention), day=self.day_of(mention, lo, hi))
        if period is not None and period.start_date != period.end_date and period.granularity == "year" and (
                period.start_date.year != period.end_date.year):
            lead = self.before(mention, 12)
            end = "start" if re.search(r"\bfrom\s*$", lead, re.I) else (
                "end" if re.search(r"\bto\s*$", lead, re.I) else "")
            frame = _with(frame, range_end=end)
        noun, _ = self._group_after(mention)
        counts = mention.unit in ("count", "fraction") or (mention.unit == "percent" and noun)
        if mention.start in self.partitive_totals:  # "seven of the 30 members met it in 2022": the count's period
            return _with(frame, aggregate="total", group=noun, partitive=True)
        if counts and (noun or mention.vague):
            cutoff, cutoff_from = self.cutoff(mention)
            _, partner = self._group_after(mention)
            if cutoff is None and cutoff_from == "named":  # "seven of the 30 met the guideline": the table says which
                return _with(frame, aggregate="count" if mention.unit == "count" else "share", group=noun,
                             cutoff_from=cutoff_from, side=self.side(mention, None))
            if cutoff is None and partner is not None:
                return _with(frame, aggregate="count", group=noun)  # "11 of the 31 were expected to...": no cut-off
            if cutoff is None:
                if noun and not mention.vague:
                    near = period is not None and self._next_to(mention, period)
                    return _with(frame, aggregate="total", group=noun, period=period if near else None)
                return frame
            aggregate = "count" if mention.unit == "count" else "share"
            return _with(frame, aggregate=aggregate, group=noun, cutoff=cutoff, cutoff_from=cutoff_from,
                         side=self.side(mention, cutoff))
        change = self.change(mention)
        if change:
            return _with(frame, aggregate="change", change=change)
        rank, order = self.rank(mention)
        if rank:
            return _with(frame, aggregate="rank", rank=rank, rank_order=order)
        return frame

    def remember(self, doc: _Document) -> None:
        named = self.entities
        doc.entities.append((named[-1].names, self.text[named[-1].start:named[-1].end]) if named else ((), ""))
        doc.entity_counts.append(len({e.names for e in named}))
        years = {(p.start_date, p.end_date): p for p in self.periods if p.granularity == "year"
                 and not names_deadline(self.before(p, 40)) and not _BASE_BEFORE.search(self.before(p, 20))}
        doc.periods.append(next(iter(years.values())) if len(years) == 1 else None)
        for m in self.mentions:
            if m.kind == "quantity" and not m.vague and m.unit not in ("count", "ordinal") and _has(
                    self.words.cutoff, self.before(m) + " " + self.after(m)):
                doc.cutoff = m


def names_deadline(text_before: str) -> bool:
    """"by 2035", "until the end of 2030": the words right before a date make it a deadline."""
    return _DEADLINE_BEFORE.search(text_before) is not None


# "the figure breaks down as 3.5 percent", "sums up": "down" and "up" there belong to another verb
_PARTICLE_BEFORE = re.compile(r"\b(?:br(?:eak|eaks|oke|oken|eaking)|sums?|summed|adds?|added|sets?|backs?|backed|"
                              r"steps?|stepped|turns?|turned)\s+$", re.I)


def change_named(lead: str, words: Vocabulary) -> str:
    """"rose", "fell" within three words before a figure: "rise", "fall" or "" ("fell short of" compares)."""
    compared = [m.span() for p in (words.below, words.above, words.at_or_above) if p is not None
                and may_match(p, lead) for m in p.finditer(lead)]
    for key, pattern in (("rise", words.rise), ("fall", words.fall)):
        found = [] if pattern is None or not may_match(pattern, lead) else [m for m in pattern.finditer(lead)
                                            if not any(a <= m.start() < b for a, b in compared)
                                            and not _PARTICLE_BEFORE.search(lead, 0, m.start())]
        if found and len(lead[found[-1].end():].split()) <= 3:
            return key
    return ""


def _join_ranges(mentions: list[Mention], period_of: dict[int, tuple[int, ...]], text: str) -> None:
    """"between the second quarter of 2008 and the third quarter of 2009": both ends set the period."""
    dates = [m for m in mentions if m.kind == "date"]
    for first, second in pairwise(dates):
        if re.fullmatch(r"\s*(?:and|to|through|until|-|–)\s*(?:the\s+)?", text[first.end:second.start]) and re.search(
                r"\b(?:between|from)\s+(?:the\s+)?$", text[max(0, first.start - 14):first.start]):
            joined = tuple(sorted(set(period_of[id(first)]) | set(period_of[id(second)])))
            period_of[id(first)] = period_of[id(second)] = joined


def _periods_given(mentions: list[Mention], frames: list[Frame]) -> dict[int, tuple[int, ...]]:
    """For each mention (by id), the quantities (by index) whose period or base period it is: one pass over the
    frames, where asking every frame about every mention was quadratic in a sentence's figures."""
    given: dict[int, list[int]] = {id(m): [] for m in mentions}
    for index, (mention, frame) in enumerate(zip(mentions, frames, strict=True)):
        # "the 1999 50th anniversary": the year is its own; "the second-highest rate in 1993": the rank's period
        if mention.kind == "quantity" and (mention.unit != "ordinal" or frame.aggregate == "rank"):
            for date_id in {id(frame.period), id(frame.base_period)}:
                if date_id in given:
                    given[date_id].append(index)
    return {key: tuple(indexes) for key, indexes in given.items()}


def _with(frame: Frame, **changes: object) -> Frame:
    return replace(frame, **changes)


MAX_FRAMED = 60  # figures in one sentence beyond which it is a table or a list, not prose; frames cost pairs of them
CONTEXT_CHARS = 2000  # how much of the document before a sentence a claim may lean on


def build_claims(text: str, pub_date: date, words: Vocabulary) -> list[Claim]:
    """Every mention of `text` as a claim with its frame, in document order."""
    return list(iter_claims(text, pub_date, words))


_BARE_DECIMAL = re.compile(r"\d+\.\d+")


def _listed_units(mentions: list[Mention], sentence: Sentence) -> list[Mention]:
    """"Peru with 4.12 percent, Chile with 3.43, Brazil with 3.38": a bare decimal led by the same
    word as a figure before it in its sentence is an item of the same list, in that figure's unit."""
    unit, lead = "", ""
    for i, m in enumerate(mentions):
        if m.kind != "quantity":
            continue
        before = sentence.text[max(0, m.start - sentence.start - 24):m.start - sentence.start].split()
        word = before[-1].lower() if before else ""
        if m.unit == "count" and unit and word == lead and not m.vague and _BARE_DECIMAL.fullmatch(m.text):
            mentions[i] = replace(m, unit=unit)
        elif m.unit != "count":
            unit, lead = m.unit or "", word
    return mentions


def iter_claims(text: str, pub_date: date, words: Vocabulary) -> Iterator[Claim]:
    """build_claims a sentence at a time: a document of any size is read in flat memory."""
    repeats: Counter[bytes] = Counter()  # by a digest of each sentence's text: a third of the memory of the text
    doc = _Document()
    first_break = text.find("\n")  # the title ends there: found once, not by copying the text before each sentence
    for sentence in iter_sentences(text):
        mentions = _listed_units(list(extract_sentence(sentence, pub_date)), sentence)
        reader = _SentenceReader(sentence, mentions, words, doc)
        if mentions:
            seen = hashlib.blake2b(sentence.text.encode("utf-8"), digest_size=16).digest()
            occurrence = repeats[seen]
            repeats[seen] += 1
            context = text[max(0, sentence.start - CONTEXT_CHARS):sentence.start]
            title = text[:first_break] if 0 <= first_break < sentence.start else ""
            if title and not context.startswith(title):
                context = title + "\n" + context
            if len(mentions) > MAX_FRAMED:
                frames = [Frame(unread=True) for _ in mentions]
            else:
                frames = [reader.frame(m) for m in mentions]
            period_of = _periods_given(mentions, frames)
            _join_ranges(mentions, period_of, text)
            yield from [Claim(claim_id_for(sentence, m, occurrence), m, sentence, f, context, period_of[id(m)])
                        for m, f in zip(mentions, frames, strict=True)]
        reader.remember(doc)
