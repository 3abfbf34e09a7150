"""Dates in a sentence: full dates, months, quarters, years, decades, ranges and relative dates.

The shapes are found here with patterns written for news copy (so "June 24-25" is one range and
"23 of the 32" is never a date); dateparser reads the numeric and relative forms ("24/06/2025",
"four years ago", "last Tuesday") against the publication date. A date without a year takes the year
of a full date earlier in the sentence, else the tense of the sentence decides (DESIGN.md).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from workbench.extract.bounded import parse_date, plain_numeric_date
from workbench.extract.spans import Spans
from workbench.model import Mention

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MON = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_MON_ANY_CASE = f"(?i:{_MON})"  # beside a day or a year, "june 24" and "april 2017" are dates too
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_DASH = r"\s*[-\u2010-\u2015\u2212]\s*"
_TO = rf"(?:{_DASH}|\s+(?:to|through|until|till|and)\s+)"
_NOT_AND = r"(?!\s+and\s)"  # "February 25, 2022 and March 24, 2022": two dates, each with its year, are no range
_TO_NOT_AND = rf"(?:{_DASH}|\s+(?:to|through|until|till)\s+)"
_EDGE_L = r"(?<![\w$£€¥₽.,])"
_EDGE_R = r"(?![\w%]|[.,]\d)"
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
# a weekday that is part of a name ("Black Friday", "Super Tuesday") is not a date
_NAMED_DAY_BEFORE = re.compile(r"\b(?:Black|Super|Cyber|Good|Palm|Bloody|Easter|Holy|Ash|Giving)\s+$")
_NUMBER_WORD = (r"(?:\d+|a|an|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|"
                r"five|six|seven|eight|nine)\b)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"(?:thir|four|fif|six|seven|eigh|nine)teen|a few|several)")


_DAY_FIRST = r"\dfFbB"  # a day, or "from", "between" before it
_MONTH_FIRST = "JFMASONDjfmasondbB"  # a month in any case, or "from", "between" before it
_WEEKDAY_FIRST = "MTWFS"


def _p(pattern: str, first: str = "") -> re.Pattern[str]:
    """A shape between word edges; `first`, the characters it can start with, lets a scan pass the others at once
    (before the look behind, which the scan would otherwise try at every position)."""
    return re.compile((f"(?=[{first}])" if first else "") + _EDGE_L + pattern + _EDGE_R)


# Each shape in order of preference: a longer reading claims its text before a shorter one can.
SHAPES: list[tuple[str, re.Pattern[str]]] = [
    # a weekday before its date is one mention: "Thursday, June 24, 2021", "Friday 7 March"
    ("weekday_month_day", _p(
        rf"{_WEEKDAY},?\s+(?P<m1>{_MON_ANY_CASE})(?:\s+|(?<=\.))(?P<d1>{_DAY})(?:(?:\s*,\s*|\s+)(?P<y1>{_YEAR}))?",
        _WEEKDAY_FIRST)),
    ("weekday_day_month", _p(
        rf"{_WEEKDAY},?\s+(?:the\s+)?(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MON_ANY_CASE})"
        rf"(?:(?:\s*,\s*|\s+)(?P<y1>{_YEAR}))?", _WEEKDAY_FIRST)),
    ("day_range_two_months", _p(
        rf"(?:(?i:from|between)\s+)?(?P<d1>{_DAY})\s+(?P<m1>{_MON_ANY_CASE})(?:(?:\s*,\s*|\s+)(?P<y1>{_YEAR}){_NOT_AND})?"
        rf"{_TO}(?P<d2>{_DAY})\s+(?P<m2>{_MON_ANY_CASE})(?:(?:\s*,\s*|\s+)(?P<y2>{_YEAR}))?",
        _DAY_FIRST)),
    ("day_range_two_months_us", _p(
        rf"(?:(?i:from|between)\s+)?(?P<m1>{_MON_ANY_CASE})(?:\s+|(?<=\.))(?P<d1>{_DAY})(?:(?:\s*,\s*|\s+)(?P<y1>{_YEAR}){_NOT_AND})?"
        rf"{_TO}(?P<m2>{_MON_ANY_CASE})\s+(?P<d2>{_DAY})(?:(?:\s*,\s*|\s+)(?P<y2>{_YEAR}))?",
        _MONTH_FIRST)),
    ("day_range", _p(
        rf"(?:(?i:from|between)\s+)?(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m1>{_MON_ANY_CASE})"
        rf"(?:(?:\s*,\s*|\s+)(?P<y1>{_YEAR}))?", _DAY_FIRST)),
    ("day_range_us", _p(  # "June 21st through the 23rd"
        rf"(?:(?i:from|between)\s+)?(?P<m1>{_MON_ANY_CASE})(?:\s+|(?<=\.))(?P<d1>{_DAY}){_TO}"
        rf"(?:the\s+(?=\d{{1,2}}(?:st|nd|rd|th)))?(?P<d2>{_DAY})"
        rf"(?:(?:\s*,\s*|\s+)(?P<y1>{_YEAR}))?", _MONTH_FIRST)),
    ("month_year_range", _p(  # "during December 2011 and January 2012" is two months: "and" joins only after "between"
        rf"(?:(?i:from)\s+|(?P<between>(?i:between)\s+))?(?P<m1>{_MON_ANY_CASE})\s+(?P<y1>{_YEAR})"
        rf"(?:{_TO_NOT_AND}|(?(between)\s+and\s+|(?!)))(?P<m2>{_MON_ANY_CASE})\s+(?P<y2>{_YEAR})", _MONTH_FIRST)),
    ("month_range", _p(
        rf"(?:(?i:from|between)\s+)?(?P<m1>{_MON}){_TO}(?P<m2>{_MON})(?:(?:\s*,\s*|\s+)(?P<y1>{_YEAR}))?",
        _MONTH_FIRST)),
    ("year_range", _p(
        # "1952-73", "2019/20"; with a word only a full year ("from 44 years in 1952 to 73 years" is no range)
        rf"(?:(?i:from|between)\s+)?(?P<y1>{_YEAR})(?:(?:{_DASH}|/)(?P<y2>{_YEAR}|\d\d(?!\d))"
        rf"|\s+(?:to|through|until|and)\s+(?P<y3>{_YEAR}))", _DAY_FIRST)),
    ("day_month", _p(rf"(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MON_ANY_CASE})(?:(?:\s*,\s*|\s+)(?P<y1>{_YEAR}))?",
                     r"\d")),
    ("month_day", _p(rf"(?P<m1>{_MON_ANY_CASE})(?:\s+|(?<=\.))(?P<d1>{_DAY})(?:(?:\s*,\s*|\s+)(?P<y1>{_YEAR}))?",
                     _MONTH_FIRST)),
    # "March 2019", "March, 2019", "March of 2019"
    ("month_year", _p(rf"(?P<m1>{_MON_ANY_CASE})(?:\s*,\s*|\s+(?:of\s+)?)(?P<y1>{_YEAR})", _MONTH_FIRST)),
    ("numeric", _p(r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2}))", r"\d")),
    ("quarter", _p(rf"(?:Q(?P<q1>[1-4])(?:\s+(?P<y1>{_YEAR}))?|(?P<y2>{_YEAR})\s+Q(?P<q2>[1-4]))", r"Q\d")),
    ("quarter_words", _p(
        r"(?P<ord>(?i:first|second|third|fourth)|1st|2nd|3rd|4th)[\s-](?i:quarter)"
        rf"(?:\s+of\s+(?P<y1>{_YEAR}))?", "FSTfst1-4")),
    ("decade", _p(r"(?:(?P<c>1[89]\d|20\d)0s|'(?P<s>\d)0s)", r"\d'")),
    ("relative_ago", re.compile(
        rf"(?<![\w,.-])(?P<n>{_NUMBER_WORD})\s+(?P<u>years?|months?|weeks?|days?|decades?)\s+ago\b", re.I)),
    # "Tuesday of next week": one day, read before "next week" can claim its words
    ("weekday_of_week", re.compile(rf"(?<![\w-])(?P<wd>{_WEEKDAY})\s+of\s+(?P<rel>(?i:last|next|this))\s+week\b")),
    ("relative", re.compile(
        r"(?<![\w-])(?:(?:earlier|later|early|late)\s+|the\s+(?=previous))?(?P<rel>last|next|this|past|coming|"
        r"previous)\s+"
        r"(?P<u>year|month|week)\b", re.I)),
    ("relative_day", re.compile(r"(?<![\w-])(?P<word>yesterday|today|tonight|tomorrow|last\s+(?:night|evening)|"
                                r"this\s+(?:morning|afternoon|evening))\b", re.I)),
    ("relative_month", re.compile(rf"(?<![\w-])(?P<rel>(?i:this|next|last))\s+(?P<m1>{_MON})(?![\w-])")),
    ("weekday", re.compile(rf"(?<![\w-])(?:(?P<rel>last|next|this|on)\s+)?(?P<wd>{_WEEKDAY})\b")),
    ("month_quarter", re.compile(r"(?<![\w-])(?P<m1>March|June|September|December)\s+quarter\b")),
    # "the year-ago quarter", "the year-ago period": the quarter a year before the one the sentence reports
    ("year_ago_quarter", re.compile(
        r"(?<![\w-])(?i:year-(?:ago|earlier)|prior-year|year-before)\s+(?:quarter|period)\b")),
    # "from a year earlier": the year before the one the sentence is about ("a year before the vote" is a length)
    ("year_earlier", re.compile(r"(?<![\w-])(?i:a\s+year\s+(?:earlier|before(?=\s*(?:[.,;:)\u2013\u2014]|$))))")),
    # a month after a preposition, after a superlative ("the driest March") or opening an aside ("(February,")
    ("bare_month", re.compile(
        r"(?:(?<![\w-])(?i:in|by|since|until|till|from|to|during|through|before|after|early|late|mid-?|"
        r"last|next|this|of|on|around|the\s+[a-z]{2,}est)\s+|\()"
        rf"(?:(?:early|late|mid-?)\s*)?(?P<m1>{_MON})(?![\w-])")),
    # a month between an article and the noun it qualifies ("the September level", "an April nor'easter"; not "the May
    # government", which is Theresa May's)
    ("month_attributive", re.compile(
        rf"(?=[JFMASOND])(?:(?<=\b[Tt]he\s)|(?<=\b[Aa]n\s)|(?<=\b[Aa]\s))(?!May\b)(?P<m1>{_MON})(?=\s+[a-z])")),
    # "June's sales": a month that owns something ("May's" is as often a person's)
    ("month_possessive", re.compile(rf"(?<![\w-])(?!May\b)(?P<m1>{_MON})(?=['’]s\b)")),
    ("year", _p(rf"(?P<y1>{_YEAR})(?:e\b)?", r"\d")),
]

# A shape is only tried when its gate is in the sentence: most sentences have no month, many no digit.
_GATES = {
    "digit": re.compile(r"\d"),
    "month": re.compile(_MON),
    "month_any_case": re.compile(_MON_ANY_CASE),
    "relative": re.compile(r"\b(?:ago|yesterday|today|tonight|tomorrow|last|next|this|past|coming|previous|"
                           r"year\s+(?:earlier|before))\b",
                           re.I),
    "weekday": re.compile(_WEEKDAY),
    "quarter": re.compile(r"quarter", re.I),
}
_AGO = re.compile(r"\bago\b", re.I)
_SHAPE_GATE = {
    "weekday_month_day": "month_and_digit", "weekday_day_month": "month_and_digit",
    "day_range_two_months": "month_and_digit", "day_range_two_months_us": "month_and_digit",
    "day_range": "month_and_digit", "day_range_us": "month_and_digit", "month_year_range": "month_and_digit",
    "month_range": "month", "day_month": "month_and_digit", "month_day": "month_and_digit",
    "month_year": "month_and_digit", "quarter_words": "quarter", "relative_ago": "ago",
    "relative": "relative", "relative_day": "relative", "weekday": "weekday", "weekday_of_week": "weekday",
    "month_quarter": "quarter", "year_ago_quarter": "quarter", "year_earlier": "relative",
    "bare_month": "month", "relative_month": "month", "month_possessive": "month", "month_attributive": "month",
}

FUTURE = re.compile(
    r"\b(?:will|shall|won't|is due|are due|is scheduled|are scheduled|is set to|are set to|is expected|"
    r"are expected|is planned|are planned|plans? to|planned for|(?:is|are) set for|next|upcoming|forthcoming|"
    r"is to be|are to be|going to|look(?:s|ing)? forward to|'ll)\b",
    re.I,
)
_PAST_WORDS = (
    r"was|were|had|did|held|met|took|said|came|began|ended|went|gave|made|won|lost|saw|told|"
    r"spent|rose|fell|grew|paid|led|left|became|signed|hosted|agreed|risen|fallen|grown|been|begun|struck|sold|"
    r"bought|built|kept|found|brought|sent|stood|wrote|spoke|chose|drove|fought|caught|broke|froze|sank|shrank|"
    r"shot|threw|ran|flew|fled|swept|sought|thought|felt|heard")
PAST = re.compile(rf"\b(?:{_PAST_WORDS}|\w{{2,}}ed)\b", re.I)
NOT_PAST = {"need", "needed", "indeed", "speed", "united", "red", "proceed", "exceed", "succeed",
            "seed", "feed", "breed", "bed", "shed", "hundred", "limited", "concerned", "expected",
            "scheduled", "planned", "interested", "advanced", "armed", "based", "detailed", "related",
            "committed", "skilled", "unprecedented"}
# A plural noun after a bare 4-digit number makes it a count ("2000 troops"), unless time words.
_COUNT_AFTER = re.compile(r"\s+(?!(?:elections?|summits?|budgets?|levels?|figures?|estimates?|"
                          r"games|olympics|accounts|editions?|targets?|census|plans?)\b)[a-z]+s\b")
_YEAR_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|by|since|until|till|from|to|through|before|after|during|of|for|the|and|or|since|"
    r"year|early|late|mid|between|on|at|around|circa|c\.|until|fiscal|FY)|'s|[(\-–,])\s*$", re.I)
_QUANTITY_CUE_BEFORE = re.compile(
    r"(?:[$£€¥₽]|\b(?:about|around|some|nearly|almost|over|more than|less than|fewer than|at least|"
    r"at most|up to|roughly|approximately|only|just|total of|all)\s+)$", re.I)
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|per\s?cent|percent|pc\b|bn\b|billion|million|trillion|thousand|[a-z]{1,30}\s+of\s+the\b)", re.I)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    start_date: date
    end_date: date
    granularity: str
    has_year: bool


@lru_cache(maxsize=4096)
def tense_of(sentence: str) -> str:
    """'future', 'past' or 'present': what a yearless date in this sentence leans to. Remembered: every figure
    of a clause asks it of the same clause."""
    if FUTURE.search(sentence):
        return "future"
    for match in PAST.finditer(sentence):
        if match.group(0).lower() not in NOT_PAST:
            return "past"
    return "present"


# the future of a past report ("said on Thursday it would publish the data on Nov. 15"): only the verb nearest a
# date is asked about it, so a "would" elsewhere in its clause does not move it
_WOULD = re.compile(r"\bwould\b", re.I)
# a verb's tense said by the word itself ("will", "was", "rose"); an "-ed" word may be an adjective ("Unpacked")
# a decision to act: the date of the act is ahead ("voted Tuesday to postpone the election to November")
_INTENT = (r"\b(?:voted|agreed|decided|pledged|promised|vowed|intends|intended|aims|aimed|hopes|hoped|wants|wanted|"
           r"moved|ordered)\s+(?:\w+\s+){0,3}?to\s+[a-z]+")
# a thing set for the date just after it ("early voting scheduled April 20-28"): the date is ahead, unless the setting
# is past ("was scheduled", "originally set": _SET_IN_THE_PAST, asked of the few words so found)
_SET_FOR = (r"(?P<set_for>(?:scheduled|slated|set|planned|due)(?=\s*(?:(?:for|on|to)\s*)?$)"
            r"|(?:issued|declared|posted|in\s+effect)(?=\s+(?:for|until|through)\s*$))")  # "a watch issued for Friday"
# a setting in the past; "has been issued for Friday" is done now, for a day ahead
_SET_IN_THE_PAST = re.compile(r"\b(?:(?:was|were)(?:\s+(?:already|originally|initially|also))?|had(?:\s+already)?"
                              r"(?:\s+been)?|originally|initially)\s+$", re.I)
SET_LOOK_BEHIND = 24
# "the benchmark set in June": set during the month, not set for it ("due in June" is ahead)
_SET_IN = re.compile(r"set\s+in\b", re.I)
# a present tense that schedules ("takes effect Jan. 1", "the exhibition opens on Monday") leans ahead, but not so far
# as to pass a near date behind it ("the two-month stretch that begins on Nov. 1", said on Dec. 24)
_SCHEDULING = (r"(?:(?:take|go|come)s?\s+(?:effect|into\s+(?:effect|force)|place)|begins|opens|expires|resumes|"
               r"launches|kicks\s+off|(?:re)?schedules|postpones)\b")
LEAN_AHEAD = 3  # a scheduling present takes the last occurrence only if it is this many times nearer than the next
# what is being forecast lies ahead: "is forecasting 1,000 cancellations on Friday" (not "had forecast", "a forecast")
_AHEAD = r"(?:forecast|predict|expect)(?:s|ing)\b"  # "-ing" only after "is" or "are" (_marks_tense)
# what might happen, too, in the date's own clause or one after it: "Tuesday the high could tumble", "By Monday, we
# could reach" (a modal in a clause before the date is another's: "which it said could rise, cut profit in the
# first quarter"; not "could have"; "May" is a month more often than a modal)
_MODAL = r"(?:could|might|should|must|(?-i:may))(?!\s+(?:not\s+)?have\b)"
# (every alternative starts at a word's edge: said once, before them, a position inside a word fails at once)
_MARKED = (re.compile(rf"\b(?:(?P<intent>{_INTENT})|(?P<future>{FUTURE.pattern}|would\b)|(?P<ahead>{_AHEAD})"
                      rf"|(?P<modal>{_MODAL})\b|{_SET_FOR}|(?P<scheduled>{_SCHEDULING})|(?P<past>{_PAST_WORDS})\b"
                      r"|(?P<present>is|are|has|have|can|remains?|stays?|seems?|"
                      r"appears?|says|allows|requires|shows|means|lets)\b)", re.I),
           re.compile(r"\b(?P<past>\w{2,}ed)\b", re.I))
_BE_BEFORE = re.compile(r"\bbe\s+$", re.I)
_TENSE_OF_GROUP = {"set_for": "future", "ahead": "future"}
_IS_BEFORE = re.compile(r"\b(?:is|are)\s+$", re.I)
# a date's clause ends before a relative clause, which speaks of a noun ("approved a budget that will be funded")
_RELATIVE = re.compile(r"\s(?:that|which|who|whose)\s", re.I)


def _marks_tense(m: re.Match[str], sentence: str) -> bool:
    """Whether a word found by _MARKED is a verb of that tense: not an "-ed" adjective ("limited"), a participle
    after "be" ("could be made"), nor a setting in the past ("was scheduled for")."""
    if m.lastgroup == "past":
        return m.group(0).lower() not in NOT_PAST and not _BE_BEFORE.search(sentence, max(0, m.start() - 6),
                                                                           m.start())
    if m.lastgroup == "set_for":
        return not _SET_IN_THE_PAST.search(sentence, max(0, m.start() - SET_LOOK_BEHIND), m.start()) and not (
            _SET_IN.match(sentence, m.start()))
    if m.lastgroup == "ahead" and m.group(0).endswith("ing"):
        return _IS_BEFORE.search(sentence, max(0, m.start() - 5), m.start()) is not None
    return True


def _nearest_tense(sentence: str, left: int, start: int, end: int, right: int, ahead: bool = True) -> str | None:
    """The tense of the verb nearest before a date within its clause (`left`..`right`), else nearest after it:
    "prices that rose in June will fall" is a past June, "will be held on July 7" a future July (a participle
    after "be" takes the tense of its auxiliary; "could be made from July 1" is present). A word that says its
    tense itself is preferred to an "-ed" word; None when the clause has no marked verb. A modal leans ahead only if
    `ahead` (the date's own clause, or one after it)."""
    if (relative := _RELATIVE.search(sentence, end, right)) is not None:
        right = relative.start()
    for segment_start, segment_end, before in ((left, start, True), (end, right, False)):
        for pattern in _MARKED:
            found = [m for m in pattern.finditer(sentence, segment_start, segment_end) if _marks_tense(m, sentence)]
            if found:
                nearest = found[-1] if before else found[0]
                if nearest.lastgroup == "intent":  # the act decided on is ahead of the decision, not the decision
                    return "future" if before else "past" if nearest.group(0).split()[0].endswith("ed") else "present"
                if nearest.lastgroup == "modal":
                    return "future" if ahead else "present"
                return _TENSE_OF_GROUP.get(nearest.lastgroup, nearest.lastgroup)
    return None


def resolve_year(month: int, day: int | None, pub: date, tense: str) -> int:
    """The year of a yearless month (and day) by tense: latest on or before, next on or after, the next unless the
    last is much nearer (a scheduling present), or nearest."""
    def start(year: int) -> date:
        return date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))

    def end(year: int) -> date:
        return start(year) if day else date(year, month, calendar.monthrange(year, month)[1])

    if tense == "past":
        return pub.year if start(pub.year) <= pub else pub.year - 1
    if tense == "future":
        return pub.year if end(pub.year) >= pub else pub.year + 1
    if tense == "scheduled":
        last = pub.year if start(pub.year) <= pub else pub.year - 1
        ahead = last if end(last) >= pub else last + 1
        behind, forward = (pub - end(last)).days, (start(ahead) - pub).days
        return last if ahead == last or behind * LEAN_AHEAD < forward else ahead

    def distance(year: int) -> int:
        if start(year) <= pub <= end(year):
            return 0
        return min(abs((start(year) - pub).days), abs((end(year) - pub).days))

    return min((pub.year, pub.year - 1, pub.year + 1), key=distance)


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dateparser(text: str, pub: date, prefer: str | _Context) -> date | None:
    """dateparser's reading of `text`; `prefer` (past or future, for an incomplete date) is read from the
    date's context only when dateparser is asked: a plain numeric date is read without either."""
    order = "DMY" if "/" not in text else "MDY"
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", text) and int(text.split("/")[0]) > 12:
        order = "DMY"
    if (plain := plain_numeric_date(text, order)) is not None:
        return plain.date()
    settings = {"RELATIVE_BASE": datetime(pub.year, pub.month, pub.day), "DATE_ORDER": order,
                "PREFER_DATES_FROM": prefer if isinstance(prefer, str) else prefer.prefer,
                "PREFER_DAY_OF_MONTH": "first"}
    parsed = parse_date(text, settings)
    return parsed.date() if parsed else None


CLAUSE_WINDOW = 200  # characters each side of a date that its clause is read from
NEAR_CLAUSES = 6  # clauses on either side of a date whose tense it may take
SENTENCE_TENSE_WINDOW = 2000  # a "sentence" longer than this is not prose; its opening sets the tense
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s(?:and|but|while|whereas|although|after|before)\s")


ASIDE = 40  # characters: a parenthesis this short ("(OECD)") is an aside within its clause, not a clause


def _clause_breaks(sentence: str) -> list[tuple[int, int]]:
    """Where the clauses of a sentence break, for reading tenses: "Chile will become a member of the
    Organisation for Economic Co-operation and Development (OECD) on May 7, the government announced" keeps
    "will" in May 7's clause."""
    breaks = [m.span() for m in _CLAUSE_BREAK.finditer(sentence)]
    asides = {i for i, (start, _) in enumerate(breaks[:-1]) if sentence[start] == "(" and
              sentence[breaks[i + 1][0]] == ")" and breaks[i + 1][0] - start <= ASIDE}
    return [b for i, b in enumerate(breaks) if i not in asides and i - 1 not in asides]


class _Context:
    """What resolving one sentence's dates needs: the publication date, tenses, earlier full years."""

    def __init__(self, sentence: str, pub: date):
        self.sentence = sentence
        self.pub = pub
        self.last_year: int | None = None  # of the last full date (a day or a month with its year)
        self.last_any_year: int | None = None  # of the last date with a year, "by 2035" included
        self.last_quarter: date | None = None  # the first day of the last quarter read
        self.last_day: date | None = None  # the last single day read, which a weekday "through" it follows
        self._span = (0, 0)
        self._tenses: dict[tuple[int, int], str] = {}
        self._breaks: list[tuple[int, int]] | None = None
        self._break_ends: list[int] = []
        self._break_starts: list[int] = []
        self._sentence_tense = "present"

    def at(self, start: int, end: int) -> _Context:
        """Point at the date being read: its tense is that of its clause, else of the sentence."""
        self._span = (start, end)
        return self

    @property
    def tense(self) -> str:
        if self._span not in self._tenses:
            if self._breaks is None:  # scanned once per sentence, whatever the number of dates
                self._breaks = _clause_breaks(self.sentence)
                self._break_ends = [e for _, e in self._breaks]
                self._break_starts = [s for s, _ in self._breaks]
                self._sentence_tense = tense_of(self.sentence[:SENTENCE_TENSE_WINDOW])
            start, end = self._span
            before = bisect_right(self._break_ends, start)  # breaks that end at or before the date
            left = self._breaks[before - 1][1] if before else 0
            after = next((s for s, _ in self._breaks[before:] if s >= end), len(self.sentence))
            left, after = max(left, start - CLAUSE_WINDOW), min(after, end + CLAUSE_WINDOW)
            tense = _nearest_tense(self.sentence, left, start, end, after)
            self._tenses[self._span] = tense or self._neighbour_tense(left, after)
        return self._tenses[self._span]

    def _neighbour_tense(self, left: int, right: int) -> str:
        """The tense of the nearest clause that has one: "In June, leaders met ..., and will meet by 2035" is a
        past June, and a "going to" two clauses on does not make it future; "appeals could be made (online) from
        July 1" is present, whatever the "he added" before it. The sentence's, failing that."""
        # only the NEAR_CLAUSES nearest breaks on each side can be among the nearest clauses: found by
        # bisection, not by a scan of every break for every date (quadratic in a table pasted as one sentence)
        ended = bisect_right(self._break_ends, left)
        before = self._breaks[max(0, ended - NEAR_CLAUSES):ended][::-1]
        first_after = bisect_left(self._break_starts, right)
        after = self._breaks[first_after:first_after + NEAR_CLAUSES + 1]
        edges_after = [e for _, e in after]
        # a clause before the date runs from the end of the break before it to the start of the one after it
        clauses = [(left - before[i][0], before[i + 1][1] if i + 1 < len(before) else 0, before[i][0], True)
                   for i in range(len(before))]
        clauses += [(edges_after[i] - right, edges_after[i], after[i + 1][0] if i + 1 < len(after)
                     else len(self.sentence), False) for i in range(min(len(after), NEAR_CLAUSES))]
        for _, start, end, earlier in sorted(clauses)[:NEAR_CLAUSES]:
            # the verb of a clause nearest the date: its last before the date, its first after it
            if earlier:
                start = max(start, end - CLAUSE_WINDOW)
                tense = _nearest_tense(self.sentence, start, end, end, end, ahead=False)
            else:
                end = min(end, start + CLAUSE_WINDOW)
                tense = _nearest_tense(self.sentence, start, start, start, end)
            if tense is not None:
                return tense
        return self._sentence_tense

    def year_for(self, month: int, day: int | None) -> int:
        if self.last_year is not None:
            return self.last_year
        return resolve_year(month, day, self.pub, self.tense)

    @property
    def prefer(self) -> str:
        return "future" if self.tense == "future" else "past"


def _full_year(text: str | None, base: int | None = None) -> int | None:
    if text is None:
        return None
    if len(text) == 2 and base is not None:  # "2014-15": the century of the first year
        year = base // 100 * 100 + int(text)
        return year if year > base else None
    return int(text)


def _read(shape: str, m: re.Match[str], ctx: _Context) -> _Found | None:
    g = m.groupdict()
    start, end = m.span()
    pub = ctx.pub
    if shape in ("day_range_two_months", "day_range_two_months_us"):
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        y2 = _full_year(g["y2"])
        y1 = _full_year(g["y1"]) or (y2 - (1 if m1 > m2 else 0) if y2 else None)
        if y1 is None:
            y1 = ctx.year_for(m1, _day(g["d1"]))
        y2 = y2 or (y1 + (1 if m2 < m1 else 0))
        first, last = _safe_date(y1, m1, _day(g["d1"])), _safe_date(y2, m2, _day(g["d2"]))
        return _Found(start, end, first, last, "day", bool(g["y1"] or g["y2"])) if first and last else None
    if shape in ("day_range", "day_range_us"):
        month = _month(g["m1"])
        d1, d2 = _day(g["d1"]), _day(g["d2"])
        if d2 <= d1:
            return None
        year = _full_year(g["y1"]) or ctx.year_for(month, d1)
        first, last = _safe_date(year, month, d1), _safe_date(year, month, d2)
        return _Found(start, end, first, last, "day", bool(g["y1"])) if first and last else None
    if shape == "month_year_range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        first, last = date(y1, _month(g["m1"]), 1), _month_end(y2, _month(g["m2"]))
        return _Found(start, end, first, last, "month", True) if first < last else None
    if shape == "month_range":
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        if m1 == m2:
            return None
        y2 = _full_year(g["y1"]) or ctx.year_for(m2, None)
        y1 = y2 - 1 if m1 > m2 else y2
        return _Found(start, end, date(y1, m1, 1), _month_end(y2, m2), "month", bool(g["y1"]))
    if shape == "year_range":
        y1 = int(g["y1"])
        y2 = _full_year(g["y2"] or g["y3"], y1)
        if y2 is None or y2 <= y1 or y2 - y1 > 100:
            return None
        return _Found(start, end, date(y1, 1, 1), date(y2, 12, 31), "year", True)
    if shape in ("day_month", "month_day", "weekday_month_day", "weekday_day_month"):
        month, day = _month(g["m1"]), _day(g["d1"])
        if shape == "month_day" and g["m1"].lower() == "may" and not g["y1"] and _looks_like_verb_may(m, ctx):
            return None
        year = _full_year(g["y1"]) or ctx.year_for(month, day)
        if shape.startswith("weekday") and not g["y1"]:  # "Saturday, May 14th": the year it is a Saturday in
            year = _year_of_weekday(year, month, day, m.group(0).split(",")[0].split()[0])
        found = _safe_date(year, month, day)
        return _Found(start, end, found, found, "day", bool(g["y1"])) if found else None
    if shape == "month_year":
        year, month = int(g["y1"]), _month(g["m1"])
        return _Found(start, end, date(year, month, 1), _month_end(year, month), "month", True)
    if shape == "numeric":
        found = _dateparser(m.group(0), pub, ctx)
        return _Found(start, end, found, found, "day", True) if found else None
    if shape == "quarter":
        quarter = int(g["q1"] or g["q2"])
        year = _full_year(g["y1"] or g["y2"])
        return _quarter(start, end, quarter, year, ctx)
    if shape == "quarter_words":
        if not g["y1"] and _GAME.search(ctx.sentence) and not _REPORT.search(ctx.sentence):
            return None  # "broke things open in the third quarter, winning 112-80": a quarter of a game
        return _quarter(start, end, _ORDINALS[g["ord"].lower()], _full_year(g["y1"]), ctx)
    if shape == "decade":
        if g["c"]:
            first_year = int(g["c"]) * 10
        else:
            first_year = 1900 + int(g["s"]) * 10
            if first_year + 100 <= pub.year:
                first_year += 100
        return _Found(_modified(ctx.sentence, start), end, date(first_year, 1, 1), date(first_year + 9, 12, 31),
                      "decade", True)
    if shape == "relative_ago":
        unit = g["u"].lower().rstrip("s")
        found = _dateparser(m.group(0).lower(), pub, "past")
        if unit == "week" and found is not None:  # "two weeks ago": that week, Monday to Sunday, as "last week"
            monday = found - timedelta(days=found.weekday())
            return _Found(start, end, monday, monday + timedelta(days=6), "day", False)
        return _relative(start, end, found, "day" if unit == "day" else "month" if unit == "month" else "year")
    if shape == "relative":
        return _relative_period(start, end, g["rel"].lower(), g["u"].lower(), ctx)
    if shape == "relative_day":
        found = pub + timedelta(days=_DAY_WORDS[" ".join(g["word"].lower().split())])
        return _Found(start, end, found, found, "day", False)
    if shape == "month_quarter":
        return _quarter(start, end, _month(g["m1"]) // 3, None, ctx)
    if shape == "year_ago_quarter":
        return _year_ago_quarter(start, end, ctx)
    if shape == "year_earlier":
        base = (ctx.last_any_year or pub.year) - 1
        return _Found(start, end, date(base, 1, 1), date(base, 12, 31), "year", False)
    if shape == "weekday_of_week":  # that weekday of the week named, Monday to Sunday as "next week"
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=_STEP[g["rel"].lower()])
        found = monday + timedelta(days=WEEKDAYS.index(g["wd"]))
        return _Found(start, end, found, found, "day", False)
    if shape == "weekday":
        if _NAMED_DAY_BEFORE.search(ctx.sentence, max(0, start - 10), start):
            return None
        rel = (g["rel"] or "").lower()
        if rel in ("last", "next"):
            found = _dateparser(f"{rel} {g['wd']}", pub, "past")
        else:
            start = m.start("wd") if rel == "on" else start
            weekday = WEEKDAYS.index(g["wd"])
            past = pub - timedelta(days=(pub.weekday() - weekday) % 7)
            future = pub + timedelta(days=(weekday - pub.weekday()) % 7)
            starting = re.search(r"\b(?:starting|beginning)\s+$", ctx.sentence[max(0, start - 12):start], re.I)
            found = future if starting and ctx.tense == "present" else _by_tense(past, future, ctx)
            if ctx.last_day is not None and _THROUGH_BEFORE.search(ctx.sentence, max(0, start - 12), start):
                found = ctx.last_day + timedelta(days=(weekday - ctx.last_day.weekday()) % 7 or 7)
        return _Found(start, end, found, found, "day", False) if found else None
    if shape == "relative_month":
        month, rel = _month(g["m1"]), g["rel"].lower()
        if rel == "this":
            year = pub.year
        elif rel == "next":
            year = pub.year if month > pub.month else pub.year + 1
        else:
            year = pub.year if month < pub.month else pub.year - 1
        return _Found(start, end, date(year, month, 1), _month_end(year, month), "month", False)
    if shape in ("bare_month", "month_possessive", "month_attributive"):
        month = _month(g["m1"])
        if g["m1"] == "May" and _looks_like_verb_may(m, ctx):
            return None
        # "since January" looks back whatever the verb's tense
        since = m.group(0)[:5].lower() == "since" and ctx.last_year is None
        year = resolve_year(month, None, ctx.pub, "past") if since else ctx.year_for(month, None)
        return _Found(m.start("m1"), end, date(year, month, 1), _month_end(year, month), "month", False)
    if shape == "year":
        if not _is_year(m, ctx.sentence):
            return None
        year = int(g["y1"])
        return _Found(_modified(ctx.sentence, start), start + 4, date(year, 1, 1), date(year, 12, 31), "year", True)
    raise ValueError(f"unknown date shape {shape}")


# a sentence about a game (a score, its points, its plays) and not about a company's or an economy's results
_GAME = re.compile(r"\b\d{1,3}-\d{1,3}\b|\b(?:points|rebounds|assists|touchdowns?|goals?|halftime|innings?|scored|"
                   r"game|games|lead|led|trailed|quarterback|three-pointers?|field goals?|free throws?)\b", re.I)
_REPORT = re.compile(r"[$€£¥%]|\b(?:percent|revenue|profit|earnings|sales|growth|economy|gross domestic product|"
                     r"fiscal|results|quarterly|million|billion)\b", re.I)

# "Friday afternoon through Tuesday evening", "Saturday and Sunday": the weekday after the day before it
_THROUGH_BEFORE = re.compile(r"(?:\b(?:through|thru|until|till|to|and)|[-\u2013])\s*$", re.I)

# "this morning" is the publication day, as "tonight" is
_DAY_WORDS = {"yesterday": -1, "last night": -1, "last evening": -1, "today": 0, "tonight": 0, "tomorrow": 1,
              "this morning": 0, "this afternoon": 0, "this evening": 0}
_STEP = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}


def _relative_period(start: int, end: int, rel: str, unit: str, ctx: _Context) -> _Found:
    """ "last week" (Monday to Sunday), "next month", "this year"; "the previous year" counts from the year the
    sentence is about, if it names one before, else from the publication date."""
    pub, step = ctx.pub, _STEP[rel]
    if unit == "week":  # a span of days: DESIGN.md's granularities have no week
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        return _Found(start, end, monday, monday + timedelta(days=6), "day", False)
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + step
        year, month = divmod(index, 12)
        return _Found(start, end, date(year, month + 1, 1), _month_end(year, month + 1), "month", False)
    base = ctx.last_any_year if rel == "previous" and ctx.last_any_year else pub.year
    return _Found(start, end, date(base + step, 1, 1), date(base + step, 12, 31), "year", False)


def _by_tense(past: date, future: date, ctx: _Context) -> date:
    """Of the latest occurrence on or before the publication date and the next one, the tense's pick."""
    if ctx.tense == "scheduled":
        return past if (ctx.pub - past) * LEAN_AHEAD < (future - ctx.pub) else future
    if ctx.tense != "present":
        return past if ctx.tense == "past" else future
    return past if (ctx.pub - past) <= (future - ctx.pub) else future


# "early 2008", "mid-2025", "the late 1980s": a year or a decade keeps its modifier in the span (as "earlier this
# year"); looked for behind a year found, not scanned for
_MODIFIER_BEFORE = re.compile(r"(?<![\w-])(?i:early|late|mid)(?:-|\s+)$")


def _modified(sentence: str, start: int) -> int:
    modifier = _MODIFIER_BEFORE.search(sentence, max(0, start - 6), start)
    return modifier.start() if modifier else start


def _year_of_weekday(year: int, month: int, day: int, weekday: str) -> int:
    """Of the year read and the years either side, the nearest in which month/day falls on `weekday`."""
    for candidate in (year, year + 1, year - 1):
        found = _safe_date(candidate, month, day)
        if found is not None and found.weekday() == WEEKDAYS.index(weekday):
            return candidate
    return year


def _looks_like_verb_may(m: re.Match[str], ctx: _Context) -> bool:
    """'May' followed by a verb-like word is the modal ("May 5 members agree?") not the month."""
    after = ctx.sentence[m.end("m1"):m.end("m1") + 12]
    return bool(re.match(r"\s+(?:be|have|not|also|well|still|the|we|they|he|she|it)\b", after))


# "the fiscal first quarter, which ended in September": a company's quarter is the three months to the one named
_ENDED_IN = re.compile(rf",?\s+(?:that|which)\s+(?P<verb>ended|ends|will\s+end)\s+(?:in\s+|on\s+)?(?P<m1>{_MON})\b")


def _quarter(start: int, end: int, quarter: int, year: int | None, ctx: _Context) -> _Found:
    if ended := _ENDED_IN.match(ctx.sentence, end):
        last = _month(ended.group("m1"))
        tense = "past" if ended.group("verb") == "ended" else "future"
        last_year = year if year is not None else resolve_year(last, None, ctx.pub, tense)
        index = last_year * 12 + last - 3  # the quarter's first month, counted from year 0
        return _Found(start, end, date(index // 12, index % 12 + 1, 1), _month_end(last_year, last), "quarter",
                      year is not None)
    first_month, stated = 3 * quarter - 2, year is not None
    if year is None:  # a quarter ahead is ahead until its last month is over
        year = ctx.year_for(first_month + 2 if ctx.tense == "future" else first_month, None) if (
            ctx.last_year is None) else ctx.last_year
    return _Found(start, end, date(year, first_month, 1), _month_end(year, first_month + 2), "quarter", stated)


def _year_ago_quarter(start: int, end: int, ctx: _Context) -> _Found:
    """The quarter a year before the one the sentence names, else before the last quarter ended by the
    publication date: results are reported after their quarter closes ("up from $1.69 in the year-ago quarter")."""
    first = ctx.last_quarter
    if first is None:
        index = ctx.pub.year * 4 + (ctx.pub.month - 1) // 3 - 1  # the quarter before the publication's
        first = date(index // 4, index % 4 * 3 + 1, 1)
    first = date(first.year - 1, first.month, 1)
    return _Found(start, end, first, _month_end(first.year, first.month + 2), "quarter", False)


def _relative(start: int, end: int, found: date | None, granularity: str) -> _Found | None:
    if found is None:
        return None
    if granularity == "year":
        return _Found(start, end, date(found.year, 1, 1), date(found.year, 12, 31), "year", False)
    if granularity == "month":
        return _Found(start, end, date(found.year, found.month, 1), _month_end(found.year, found.month),
                      "month", False)
    return _Found(start, end, found, found, "day", False)


def _is_year(m: re.Match[str], sentence: str) -> bool:
    """A bare 4-digit number is a year unless its neighbours make it a count or an amount."""
    before, after = sentence[max(0, m.start() - 60):m.start()], sentence[m.end():m.end() + 80]
    if _QUANTITY_AFTER.match(after):
        return False
    if _QUANTITY_CUE_BEFORE.search(before):
        return False
    return not (_COUNT_AFTER.match(after) and not _YEAR_CUE_BEFORE.search(before))


@lru_cache(maxsize=64)
def date_gates(sentence: str) -> frozenset[str]:
    """Which kinds of date shape the sentence could hold: none, and no date reader need look at it.
    Remembered: a sentence with no digit is asked twice (by extract_sentence's gate, then by find_dates)."""
    present = {gate for gate, pattern in _GATES.items() if pattern.search(sentence)}
    if {"digit", "month_any_case"} <= present:  # two searches, not one ".*" pattern that backtracks
        present.add("month_and_digit")
    if "relative" in present and _AGO.search(sentence):  # "N years ago" is tried only where "ago" is
        present.add("ago")
    return frozenset(present)


def find_dates(sentence: str, pub: date, blocked: list[tuple[int, int]]) -> list[Mention]:
    """Date mentions of one sentence, with offsets into the sentence."""
    present = date_gates(sentence)
    if not present:
        return []
    ctx = _Context(sentence, pub)
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for order, (shape, pattern) in enumerate(SHAPES):
        if _SHAPE_GATE.get(shape, "digit") not in present:
            continue
        for m in pattern.finditer(sentence):
            candidates.append((m.start(), order, shape, m))
    # choose: a shape earlier in SHAPES claims its text before a later one can
    chosen: list[tuple[str, re.Match[str]]] = []
    taken = Spans(blocked)
    for _, _, shape, m in sorted(candidates, key=lambda c: (c[1], c[0])):
        if taken.overlaps(m.start(), m.end()):
            continue
        result = _read(shape, m, ctx.at(*m.span()))  # no year is lent while choosing: that comes below
        if result is None:
            continue
        taken.add(result.start, result.end)
        chosen.append((shape, m))
    # resolve left to right, so an earlier full date lends its year to later yearless ones
    found: list[_Found] = []
    for shape, m in sorted(chosen, key=lambda c: c[1].start()):
        result = _read(shape, m, ctx.at(*m.span()))
        found.append(result)
        if result.granularity == "quarter":
            ctx.last_quarter = result.start_date
        one_day = result.granularity == "day" and result.start_date == result.end_date
        ctx.last_day = result.start_date if one_day else None
        if result.has_year:
            ctx.last_any_year = result.end_date.year
            if result.granularity in ("day", "month", "quarter"):  # "by 2035" lends no year to "in June"
                ctx.last_year = result.end_date.year
    return [
        Mention(start=f.start, end=f.end, text=sentence[f.start:f.end], kind="date",
                start_date=f.start_date, end_date=f.end_date, granularity=f.granularity)
        for f in sorted(found, key=lambda f: f.start)
    ]
