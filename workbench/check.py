"""claims -> verdicts: every reading of a claim over the described tables scored, the best one compared.

A reading is a measure of a table applied to the claim's frame (a value, a count or share of entities past
a cut-off, a total, a rank, a change). How well it fits comes from the words of the claim's own clause,
then its sentence, then the document; the best-fitting reading decides. Two close readings that disagree
give needs_review naming both; a claim no reading fits is unverifiable with the reason. Red is given only
when the claim's frame is certain. Figures are read from the vintages published by the draft's date: the
latest decides, a claim only an earlier one bears out needs review, later revisions are named.
Every word of an explanation that names a topic comes from the tables' descriptions.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import groupby

from workbench.claims import (
    DRAFT_DAYS,
    SAID_BEFORE,
    Claim,
    Frame,
    change_named,
    counted_noun,
    is_past,
    iter_claims,
    names_deadline,
)
from workbench.extract.dates import tense_of
from workbench.extract.vague import load_vague_quantifiers
from workbench.literals import first_match, may_match, searched
from workbench.model import Mention
from workbench.reference import Measure, ReferencePack, ReferenceTable, published_by
from workbench.rules import Rule, RuleSet
from workbench.vocabulary import MeasureWords, Vocabulary, label_pattern, vocabulary_for

UNCOVERED = "No reference data covers this claim; it needs a source of its own."
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")  # a year written out: "2014", not "14"
FRACTION_SLACK = 5.0  # percentage points within which "by half" or "by a third" of a figure holds
CLOSE = 1.0  # readings whose fit differs by less than this are both plausible
UNCHECKABLE = 1.5  # a reading the data cannot settle counts this much less than one it can
SIDE_WORDS = {"at_or_above": "at or above", "above": "above", "below": "below", "at_or_below": "at or below"}


@dataclass(frozen=True)
class Evidence:
    dataset: str
    row: int  # line in the CSV file, the header being line 1
    value: str
    source_url: str
    source_title: str
    as_of: str  # the edition or date the figure is from


@dataclass(frozen=True)
class Verdict:
    verdict: str | None  # None for a date that only gives another claim its period
    rule: str | None
    evidence: tuple[Evidence, ...]
    explanation: str
    entity: str | None = None
    measure: str | None = None
    period: str | None = None
    reference_value: float | None = None
    role: str = "claim"  # or "context"


@dataclass(frozen=True)
class CheckedClaim:
    claim: Claim
    verdict: Verdict

    def to_record(self, doc: str) -> dict:
        """The JSON object of the check contract (DESIGN.md)."""
        record = self.claim.mention.to_record(doc)
        v = self.verdict
        record.update(claim_id=self.claim.claim_id, sentence=self.claim.sentence.text,
                      sentence_start=self.claim.sentence.start, verdict=v.verdict, rule=v.rule,
                      evidence=[asdict(e) for e in v.evidence], explanation=v.explanation, role=v.role,
                      entity=v.entity, measure=v.measure, period=v.period, reference_value=v.reference_value)
        return record


@dataclass(frozen=True)
class Reading:
    fit: float
    verdict: Verdict
    label: str  # how the reading is named when two are close


# --- comparing numbers at the claim's own precision ------------------------------------------------

def tolerance_for(mention: Mention, rules: RuleSet) -> float:
    """Half a unit of the claim's last stated digit, in the claim's own scale, widened by approx words. A whole
    number's trailing zeros are rounding past its second digit ("about 420", "2,900 cases"), not stated digits."""
    core = re.search(r"\d[\d,]*(?:\.(\d+))?", mention.text)
    if core is None or mention.value is None:
        base = 0.5
    else:
        decimals = len(core.group(1) or "")
        digits = core.group(0).replace(",", "")
        number = float(digits)
        scale = abs(mention.value / number) if number else 1.0
        whole = digits.lstrip("0")
        rounded = min(len(whole) - len(whole.rstrip("0")), len(whole) - 2) if not decimals and number else 0
        base = 0.5 * 10 ** (max(rounded, 0) - decimals) * scale
    return base * rules.approx_factor.get(mention.approx or "", 1.0)


def holds(mention: Mention, reference: float, rules: RuleSet, value: float | None = None) -> bool:
    """Whether the reference figure bears the claim out, read as the claim words it."""
    value = mention.value if value is None else value
    tolerance, eps = tolerance_for(mention, rules), 1e-9
    if mention.value_max is not None and not mention.vague:
        return value - tolerance - eps <= reference <= mention.value_max + tolerance + eps
    # without an approx word, "4.4%" stands for [4.35, 4.45): a figure on the upper edge rounds away
    return {
        "more_than": lambda: reference > value,
        "at_least": lambda: reference >= value - eps,
        "less_than": lambda: reference < value,
        "at_most": lambda: reference <= value + eps,
        "nearly": lambda: value * (1 - rules.nearly_share) - eps <= reference <= value + eps,
    }.get(mention.approx or "", lambda: abs(reference - value) < tolerance - eps)()


def _on_edge(mention: Mention, reference: float, rules: RuleSet, value: float | None = None) -> bool:
    """"1.4%" against a table's 1.45: the table's own figure is rounded, so which side of the edge it lies is
    unknown."""
    value = mention.value if value is None else value
    if value is None or mention.value_max is not None or mention.approx not in (None, "about"):
        return False
    return abs(abs(reference - value) - tolerance_for(mention, rules)) < 1e-9


def _rounded_only(mention: Mention, reference: float, value: float | None = None) -> bool:
    """"lost 120 games" against 119: a whole count of three digits ending in zero, against a table's whole count,
    may be exact as well as rounded; unless the table's figure is the number itself, which it means is unknown."""
    value = mention.value if value is None else value
    digits = re.fullmatch(r"\D*(\d{2}0)\D*", mention.text)
    return (digits is not None and value == float(digits.group(1)) and mention.approx is None and
            mention.value_max is None and float(reference).is_integer() and reference != value)


FAR_BEYOND = 5  # times a measure's largest figure: a claim that far above it measures something else


def _beyond_measure(mention: Mention, table: ReferenceTable, measure: Measure, value: float | None = None) -> bool:
    """"Chile's budget accounted for 64 percent" read as a share of output no country ever had: the figure's
    measure was misread, not the figure."""
    value = mention.value if value is None else value
    largest = table.largest.get(measure.metric)
    return value is not None and largest is not None and largest > 0 and abs(value) > FAR_BEYOND * largest


def _fmt(number: float) -> str:
    if float(number).is_integer():
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0").rstrip(".") if abs(number) >= 0.01 else f"{number:.4g}"


def figure(value: float, unit: str) -> str:
    """A figure as a reader writes it: 4.12%, 1.5 points, 82 years, 13,400,000,000 USD."""
    if unit == "percent":
        return f"{_fmt(value)}%"
    if unit == "percentage_point":
        return f"{_fmt(value)} percentage points"
    if unit in ("count", "fraction", ""):
        return _fmt(value)
    if unit in ("year", "month", "week", "day", "hour") and value != 1:
        return f"{_fmt(value)} {unit}s"  # "82 years"
    return f"{_fmt(value)} {unit}"


# --- periods -----------------------------------------------------------------------------------------

def claim_period_key(mention: Mention, granularity: str) -> str | None:
    """The table period a date stands for, at the table's granularity; None when it spans several."""
    start, end = mention.start_date, mention.end_date
    if start is None or end is None:
        return None
    keys = {_key_of(start, granularity), _key_of(end, granularity)}
    return keys.pop() if len(keys) == 1 else None


def _key_of(day: date, granularity: str) -> str:
    if granularity == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "month":
        return f"{day.year}-{day.month:02d}"
    return str(day.year)


def _period_end(key: str) -> date:
    if "-Q" in key:
        year, quarter = key.split("-Q")
        return published_by(f"{year}-{int(quarter) * 3:02d}")
    if len(key) == 7:
        return published_by(key)
    return date(int(key[:4]), 12, 31)


def _previous(key: str) -> str:
    if "-Q" in key:
        year, quarter = int(key[:4]), int(key[-1])
        return f"{year - 1}-Q4" if quarter == 1 else f"{year}-Q{quarter - 1}"
    if len(key) == 7:
        year, month = int(key[:4]), int(key[5:])
        return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"
    return str(int(key) - 1)


def _year_before(key: str) -> str:
    """"in the year to the third quarter": the same period one year earlier."""
    return f"{int(key[:4]) - 1}{key[4:]}"


def _said(key: str) -> str:
    if "-Q" in key:
        return f"the {['first', 'second', 'third', 'fourth'][int(key[-1]) - 1]} quarter of {key[:4]}"
    if len(key) == 7:
        return f"{date(int(key[:4]), int(key[5:]), 1):%B %Y}"
    return key


# --- vintages ------------------------------------------------------------------------------------------

def _vintage_name(table: ReferenceTable, row: dict) -> str:
    published = table.published(row)
    return f"{published:%B %Y} edition" if published else ""


def _by_vintage(table: ReferenceTable, rows: list[dict], pub: date) -> tuple[list[list[dict]], list[list[dict]]]:
    """Rows grouped by vintage, oldest first: those out by the draft's date, and those that came after."""
    groups: dict[object, list[dict]] = {}
    for row in rows:
        groups.setdefault(table.published(row) or date.min, []).append(row)
    out = sorted(groups)
    later = table.description is None or table.description.later
    return [groups[d] for d in out if d <= pub], [groups[d] for d in out if d > pub and later]


def _month_of_draft(table: ReferenceTable, row: dict, pub: date) -> bool:
    """Whether the row's edition is dated by a month only, the draft's own month: out by the draft's day or not."""
    column = table.description.vintage_date if table.description else None
    return bool(column) and str(row.get(column) or "") == pub.isoformat()[:7]


def _decide(results: list[str]) -> str:
    """Over vintages out by the draft's date (oldest first): the latest decides, but a claim that only an
    earlier one bears out needs a reviewer."""
    if results[-1] != "supported" and "supported" in results[:-1]:
        return "needs_review"
    return results[-1]


# --- the verdict of one reading ------------------------------------------------------------------------

@dataclass(frozen=True)
class _Context:
    claim: Claim
    pub: date
    rules: RuleSet
    pack: ReferencePack
    vocabulary: Vocabulary
    fits: dict = field(default_factory=dict, compare=False)  # measure fits of this claim, each computed once

    @property
    def mention(self) -> Mention:
        return self.claim.mention

    @property
    def frame(self) -> Frame:
        return self.claim.frame


def _evidence(table: ReferenceTable, row: dict, value: str, as_of: str) -> Evidence:
    """as_of is the vintage as the table names it (its edition column) where it has one."""
    source = table.sources[0] if table.sources else {}
    label = table.description.vintage if table.description else None
    if label and row.get(label):
        as_of = str(row[label])
    return Evidence(table.name, row["_line"], value, str(row.get("source_url") or source.get("path", "")),
                    str(row.get("source_title") or source.get("title", "")), as_of)


def _publisher(table: ReferenceTable) -> str:
    return table.description.publisher if table.description else table.title


def _given_by(table: ReferenceTable, row: dict) -> str:
    """Who gave a row's figure: its vintage ("the Lima accord", "the Secretary General"), else the publisher."""
    return str(row.get(table.description.vintage or "") or "" if table.description else "") or _publisher(table)


def _out_on(table: ReferenceTable, row: dict) -> str:
    """"on 4 April 2023", or "in May 1955" where only the month is sourced; "" for a row without a date."""
    day = table.published(row)
    if day is None:
        return ""
    column = table.description.vintage_date if table.description else None
    return f"in {day:%B %Y}" if column and len(str(row.get(column))) == 7 else f"on {_day_text(day)}"


# "closed 2007 at", "at the end of 2009", "ended the year at": the period's last part, not the whole of it
_END_BEFORE = re.compile(r"\b(?:(?:at\s+|by\s+)?the\s+end\s+of|closed|ended|finished|end-)\s*$", re.I)


def _at_its_end(claim: Claim, period: Mention) -> bool:
    at = period.start - claim.sentence.start
    return _END_BEFORE.search(claim.sentence.text[max(0, at - 24):at]) is not None


def _choose_period(ctx: _Context, measure: Measure, periods_out: set[str]) -> tuple[str | None, str, str]:
    """(period, how it is said, why it could not be chosen); periods_out are those published by the draft."""
    frame = ctx.frame
    if frame.period is not None and not (frame.deadline and frame.aggregate in ("count", "share", "total")):
        key = claim_period_key(frame.period, measure.period)
        if key is None and frame.range_end in ("start", "end"):  # "between 1985 and 2005, from 5.5 to 2.6"
            day = frame.period.start_date if frame.range_end == "start" else frame.period.end_date
            key = _key_of(day, measure.period)
        elif key is None and _at_its_end(ctx.claim, frame.period):  # "closed 2007 at $198.08": its last month
            key = _key_of(frame.period.end_date, measure.period)
        if key is None:
            return None, frame.period.text, (f"the claim's period ({frame.period.text}) spans several "
                                             f"{measure.period}s of the table")
        return key, _said(key), ""
    for source in ctx.rules.period_order:
        if source == "publication_period":
            key = _key_of(ctx.pub, measure.period)
            if key in periods_out:
                return key, f"{_said(key)} (the publication {measure.period})", ""
        elif periods_out:
            key = max((p for p in periods_out if _period_end(p) <= ctx.pub or p == _key_of(ctx.pub, measure.period)),
                      default=None, key=_period_end)
            if key is not None:
                return key, f"{_said(key)} (the latest {measure.period} available)", "fallback"
    return None, "", "no period published by the draft's date"


_QUOTE_MARKS = re.compile(r'["\u201c\u201d]')


def _quoted(claim: Claim) -> str:
    """The quotation a figure stands in ("'We need 1.5%,' she said": the words she said), or "" if it is not
    quoted: an odd number of quotation marks before it opens one."""
    text, at = claim.sentence.text, claim.mention.start - claim.sentence.start
    marks = [q.start() for q in _QUOTE_MARKS.finditer(text)]
    before = [i for i in marks if i < at]
    if len(before) % 2 == 0:
        return ""
    close = next((i for i in marks if i >= at + len(claim.mention.text)), len(text))
    return text[before[-1] + 1:close]


def _body_says(claim: Claim, entity: str, vocabulary: Vocabulary) -> bool:
    """Whether a target's figure is its body's: anywhere in a sentence, but in a quotation only if the quotation
    names the body or its members ("'We need to reach 1.5% by 2024,' she told the bank's meeting" is hers)."""
    quoted = _quoted(claim)
    return not quoted or _found(vocabulary.group, quoted) or any(
        entity in names for names in _entities_named(vocabulary, quoted))


def _now_read_earlier(ctx: _Context, why: str) -> bool:
    """A figure about now or ahead ("currently", "will meet it this year"), read at the latest period out because
    its own was not out yet: a newer report than the table holds may bear it out, so it is never red."""
    return why == "fallback" and (ctx.frame.period_from == "now" or tense_of(ctx.frame.clause) in (
        "present", "future") or _PERFECT.search(ctx.frame.clause) is not None)


# "the team has boosted its total to ...": done by now, so about now
_PERFECT = re.compile(r"\b(?:has|have|'ve)\s+(?:\w+\s+)?(?:been|\w+ed)\b", re.I)


def _period_said(period: Mention) -> str:
    """A period as the draft says it, with the date it stands for when that is relative ("1949 (seventy-five years
    ago)")."""
    if _YEAR.search(period.text) or period.start_date is None:
        return period.text
    day = period.start_date
    when = {"year": f"{day.year}", "month": f"{day:%B %Y}"}.get(period.granularity or "", f"{day.day} {day:%B %Y}")
    return f"{when} ({period.text})"


def _known_by(table: ReferenceTable, row: dict, pub: date) -> bool:
    """Out by the draft's date: by its vintage, or, in a table without vintages, once its period is over."""
    return (table.published(row) or _period_end(str(row["period"]))) <= pub


_GRAIN = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}


def _finer_than(period: Mention | None, grain: str) -> bool:
    """"in November 1982" against a yearly table: the year's figure is no month's."""
    return period is not None and _GRAIN.get(period.granularity or "year", 4) < _GRAIN.get(grain, 4)


def _first_said(ctx: _Context) -> bool:
    """"for the first time", but not "for the first time since 2014" (a time before is granted)."""
    found = ctx.vocabulary.first_time.search(ctx.frame.clause) if ctx.vocabulary.first_time else None
    return found is not None and not re.match(r"\s+since\b", ctx.frame.clause[found.end():], re.I)


def _first_time(ctx: _Context, table: ReferenceTable, measure: Measure, entity: str, verdict: Verdict) -> Verdict:
    """"Topped $11 trillion for the first time in 2000": an earlier period that bears the figure out contradicts it."""
    if verdict.period is None or measure.holds == "until_changed":
        return verdict
    end = _period_end(verdict.period)
    # a first time is a crossing: an earlier period at or past the figure was there before
    earlier = sorted((r for r in table.series.get((measure.metric, entity), []) if _period_end(r["period"]) < end
                      and (table.published(r) or date.min) <= ctx.pub
                      and float(r["value"]) >= (ctx.mention.value or 0)), key=lambda r: _period_end(r["period"]))
    if not earlier:
        return replace(verdict, explanation=verdict.explanation + " No earlier period bears it out: the first time.")
    first = earlier[0]
    shown = _evidence(table, first, _fmt(float(first["value"])), _vintage_name(table, first) or first["period"])
    return replace(verdict, verdict="contradicted", evidence=(*verdict.evidence, shown), explanation=(
        f"{verdict.explanation} But it was not the first time: {_said(first['period'])} already had "
        f"{figure(float(first['value']), measure.unit)}."))


def _stale(ctx: _Context, key: str, table: ReferenceTable) -> str:
    """Why a figure is too old for a claim about now, or "" when it is not."""
    if ctx.frame.period is not None:
        return ""
    years = ctx.pub.year - _period_end(key).year
    allowed = table.description.stale_after_years if table.description else None
    if years > (ctx.rules.stale_after_years if allowed is None else allowed):
        return (f" The latest figure is for {_said(key)}, {years} years before the draft: too old to bear out a "
                "claim about now.")
    return ""


def _lead(ctx: _Context) -> str:
    return _clause_lead(ctx.claim)


def _clause_lead(claim: Claim) -> str:
    """The figure's clause up to the figure."""
    return claim.sentence.text[claim.frame.clause_start:claim.mention.start - claim.sentence.start]


def _agreed(ctx: _Context, names: re.Pattern[str] | None) -> bool:
    """A pledge's word, then a plan or "to spend"/"to raise" before the figure: the figure is what was pledged."""
    lead = ctx.claim.sentence.text[:ctx.mention.start - ctx.claim.sentence.start][-100:]  # clauses split at "and"
    named = None if names is None or not may_match(names, lead) else names.search(lead)
    if named is None:
        return False
    rest = lead[named.end():]
    verbs = [v for v in (ctx.vocabulary.object_verbs, ctx.vocabulary.rise) if v is not None]
    # "to spend", "to work toward spending": the pledge's verb, a word or two after "to", in one stretch of words
    return _planned(ctx) or any(re.search(r"\bto\s+(?:[a-z]+\s+){0,3}$", rest[:v.start()])
                                for p in verbs for v in p.finditer(rest))


# "a loss of more than 578,000", "an increase of 12%": the noun names a change, the figure is its size
_NOUN_OF = re.compile(r"\b(?:an?|the)\s+(\w+)\s+of(?:\s+(?:more|less|than|over|under|about|around|nearly|almost|"
                      r"some|roughly|just|only))*\s*$", re.I)


def _named_change(ctx: _Context) -> bool:
    noun = _NOUN_OF.search(_lead(ctx)[-60:])
    return noun is not None and bool(change_named(noun.group(1), ctx.vocabulary))


def _names_just_before(ctx: _Context, words: MeasureWords) -> list[str]:
    """The measure's own words among the three before the figure ("won 103 games", "lost 111")."""
    tail = " ".join(_lead(ctx).split()[-3:])
    return [f.group(0) for f in words.names.finditer(tail)] if words.names is not None else []


def _changed_by_name(ctx: _Context, words: MeasureWords) -> bool:
    """"the club lost 111": the word read as a change ("lost") names this measure ("losses"), whose level it is."""
    return any(change_named(name, ctx.vocabulary) for name in _names_just_before(ctx, words))


def _planned(ctx: _Context) -> bool:
    """"proposed to require Peru to spend at least 4%": the figure follows a word of plan or demand; not
    "urged the union's 27 members to ...", where the demand is made of a total, not for it."""
    lead, plans = _lead(ctx), ctx.vocabulary.plans
    if not _found(plans, lead):
        return False
    if ctx.frame.aggregate != "total":
        return True
    return re.search(r"\bto\b", lead[[*plans.finditer(lead)][-1].end():]) is not None


def _value_reading(ctx: _Context, table: ReferenceTable, measure: Measure, entity: str) -> Verdict:
    m, frame = ctx.mention, ctx.frame
    rows = table.series.get((measure.metric, entity), [])
    base = {"entity": entity, "measure": measure.label, "rule": f"{table.name}:{measure.metric}"}
    planned = _planned(ctx) and frame.period_from != "now"
    attributive = _text_after(ctx).startswith("-")  # "the 32-nation bloc will ...": it has 32 now
    if planned or (frame.period is None and frame.aggregate == "value" and not attributive
                   and frame.period_from != "now" and tense_of(frame.clause) == "future"):
        return Verdict("unverifiable", evidence=(), explanation=(
            f"A plan or forecast: the {measure.label} figures cover only what was published; a source for the plan "
            "is needed."), **base)
    if frame.deadline and frame.period is not None and frame.period.start_date > ctx.pub:
        return Verdict("unverifiable", evidence=(), explanation=(
            f"A plan or forecast for {frame.period.text}: the {measure.label} figures cover only what was published; "
            "a source for the plan is needed."), **base)
    if frame.day is not None and frame.period is None and measure.holds != "until_changed":
        return Verdict("unverifiable", evidence=(), explanation=(
            f"A figure of one day ({frame.day.text}): the table gives {measure.label} by {measure.period}, not "
            "by the day."), **base)
    if measure.holds == "until_changed":
        return _standing_reading(ctx, table, measure, rows, base)
    out = {r["period"] for r in rows if (table.published(r) or date.min) <= ctx.pub}
    # a figure about now reads the latest period over by the draft's date, in a table without vintages too
    over = {r["period"] for r in rows if _known_by(table, r, ctx.pub)}
    key, said, why = _choose_period(ctx, measure, over if frame.period is None else out or {r["period"] for r in rows})
    if key is None:
        return Verdict("needs_review" if "spans" in why else "unverifiable", evidence=(),
                       explanation=f"No single {measure.label} figure for {entity}: {why}.", **base)
    at_period = [r for r in rows if r["period"] == key]
    if not at_period:
        return Verdict("unverifiable", evidence=(), period=key, explanation=(
            f"No {measure.label} figure for {entity} in {said} in the reference data."), **base)
    if _period_end(key) > ctx.pub and key not in out and frame.period is not None and _key_of(
            ctx.pub, measure.period) <= key:
        return Verdict("unverifiable", evidence=(), period=key, explanation=(
            f"{said} was not over when the draft was published and no {measure.label} figure for it was out yet."),
            **base)
    before, after = _by_vintage(table, at_period, ctx.pub)
    claimed = _signed(ctx, measure)
    if after and _month_of_draft(table, after[0][0], ctx.pub) and holds(
            m, float(after[0][0]["value"]), ctx.rules, claimed):
        before, after = [*before, after[0]], after[1:]  # dated by its month only, it may be out: the draft cites it
    if not before and not after:
        return Verdict("unverifiable", evidence=(), period=key, explanation=(
            f"No {measure.label} figure for {entity} in {said} was out by the draft's date."), **base)
    unit = measure.unit
    if before:
        results = ["supported" if holds(m, float(g[0]["value"]), ctx.rules, claimed) else "contradicted"
                   for g in before]
        verdict = _decide(results)
        latest = before[-1][0]
        where = _vintage_name(table, latest)
        source = f"in {_publisher(table)}'s {where}" if where else f"according to {_publisher(table)}"
        text = f"{entity}'s {measure.label} in {said} is {figure(float(latest['value']), unit)} {source}"
        if verdict == "supported":
            text += ", which bears the claim out."
        elif verdict == "needs_review":
            text += "; the claim holds only for an earlier edition: " + ", ".join(
                f"{figure(float(g[0]['value']), unit)} in the {_vintage_name(table, g[0])}" for g in before) + "."
        else:
            text += f", which does not bear out {m.text}."
        stale = _stale(ctx, key, table)
        if stale and verdict in ("supported", "contradicted"):
            verdict, text = "needs_review", text + stale
        elif verdict == "contradicted" and _now_read_earlier(ctx, why):
            verdict, text = "needs_review", text + (f" The claim speaks of now; {_said(key)} is the latest "
                                                    f"{measure.period} out by the draft's date.")
        elif verdict == "contradicted" and _on_edge(m, float(latest["value"]), ctx.rules, claimed):
            verdict, text = "needs_review", text + (" The table's figure sits on the edge of the claim's rounding; "
                                                    "unrounded, it may bear the claim out.")
        elif verdict == "contradicted" and _beyond_measure(m, table, measure, claimed):
            verdict, text = "needs_review", text + (
                f" No {measure.label} in the table comes near it (the largest is "
                f"{figure(table.largest[measure.metric], unit)}): it may be a share of something else.")
        elif verdict == "supported" and _rounded_only(m, float(latest["value"]), claimed):
            verdict, text = "needs_review", text.replace(", which bears the claim out.", (
                f": {m.text} bears it out only as a rounded figure, not as an exact count."))
        changed: list[dict] = []  # each revision once: "Revised to 2.17% in August 2025", not again in 2026
        for g in after:
            if float(g[0]["value"]) != float((changed[-1] if changed else latest)["value"]):
                changed.append(g[0])
        text += "".join(f" Revised to {figure(float(r['value']), unit)} in the {_vintage_name(table, r)}, "
                        "published after this draft." for r in changed)
        evidence = tuple(_evidence(table, g[0], _fmt(float(g[0]["value"])), _vintage_name(table, g[0]) or
                                   str(g[0]["period"])) for g in reversed(before))
        return Verdict(verdict, evidence=evidence, explanation=text, period=key,
                       reference_value=float(latest["value"]), **base)
    later = after[-1][0]
    ok = holds(m, float(later["value"]), ctx.rules, claimed)
    text = (f"No {measure.label} figure for {entity} in {said} was out by the draft's date; the "
            f"{_vintage_name(table, later)} of {_publisher(table)}, published later, gives "
            f"{figure(float(later['value']), unit)}")
    text += ", which bears the claim out." if ok else ", which does not bear it out (it may have been revised since)."
    return Verdict("supported" if ok else "needs_review",
                   evidence=(_evidence(table, later, _fmt(float(later["value"])), _vintage_name(table, later)),),
                   explanation=text, period=key, reference_value=float(later["value"]), **base)


def _signed(ctx: _Context, measure: Measure) -> float | None:
    """"prices fell at an 8.8% annual rate": a rate said to fall is negative ("fell to 3%" is a level, and so is
    "lost 111" of a measure "lost" names)."""
    lead, words = _lead(ctx), ctx.vocabulary.words_of(measure)
    if ctx.mention.value is None or change_named(lead[-40:], ctx.vocabulary) != "fall" or re.search(
            r"\b(?:to|from)\s*$", lead) or (words is not None and _changed_by_name(ctx, words)):
        return None
    return -abs(ctx.mention.value)


def _latest_row(table: ReferenceTable, rows: list[dict], pub: date, published_only: bool = False) -> dict | None:
    """One period's row from the latest edition out by the draft's date (else, unless `published_only`, the
    first one out after it)."""
    before, after = _by_vintage(table, rows, pub)
    group = before if published_only else (before or after)
    return group[-1][0] if group else None


_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)")
_ARE_AFTER = re.compile(r"\s+[\w-]+\s+(?:were|are|was|is|have\s+been|had\s+been)\s+(?:all\s+)?(?:the\s+)?", re.I)
_BODY_BEFORE = re.compile(r"(?:\b(?:the|its|their|all|of|has|have|had)|['’]s)\s+(?:other\s+)?$", re.I)


def _standing_reading(ctx: _Context, table: ReferenceTable, measure: Measure, rows: list[dict],
                      base: dict) -> Verdict:
    """A figure that stands until the next one (how many members there are): the claim holds if a figure
    standing at any time in its period, up to the draft's date, says it."""
    period, as_of, words = ctx.frame.period, ctx.frame.as_of, ctx.vocabulary.words_of(measure)
    dated = sorted(rows, key=lambda r: table.published(r) or date.min)
    if period is not None and period.start_date is not None and period.end_date is not None:
        start, end, said = period.start_date, min(period.end_date, ctx.pub), _period_said(period)
    elif as_of is not None and as_of.start_date <= ctx.pub and _counts_measure(ctx, words) and any(
            holds(ctx.mention, float(r["value"]), ctx.rules) for r in _standing_on(table, dated, as_of.start_date)):
        start = end = as_of.start_date
        said = f"on {as_of.text}"  # "On 29 March 2004, ... increasing its membership to 26": its size that day
    else:
        start = end = ctx.pub
        said = "at the draft's date"
    if start > ctx.pub and words is not None and re.search(r"(?:\b(?:the|its|their)|['’]s)\s+$", _lead(ctx)) and (
            counted_noun(_text_after(ctx), words.names)):
        start = end = ctx.pub  # "the union's 27 members will gather in December": the members it has now
        said = "at the draft's date"
    if start > ctx.pub:
        return Verdict("unverifiable", evidence=(), explanation=(
            f"A forecast for {said}: the {measure.label} figures cover only what had happened by the draft's date."),
            **base)
    standing = _standing_on(table, dated, start) + [
        r for r in dated if start < (table.published(r) or date.min) <= end]
    if not standing:
        return Verdict("unverifiable", evidence=(), explanation=(
            f"No {measure.label} figure for {base['entity']} stood {'in ' if period is not None else ''}{said} in the "
            "reference data."), **base)
    # "the other 29 members" (beside the one the sentence is about): all of them but one
    others = 1 if re.search(r"\bother\s+$", _lead(ctx)[-12:]) or re.match(r"\s*other\b", _text_after(ctx)) else 0
    ok = [r for r in standing if holds(ctx.mention, float(r["value"]) - others, ctx.rules)]
    shown = (ok or standing)[-1]

    def since(row: dict) -> str:
        when = _out_on(table, row)
        return figure(float(row["value"]), measure.unit) + (f" (from {when.split(' ', 1)[1]})" if when else "")

    text = (f"{base['entity']}'s {measure.label} {'in ' if period is not None else ''}{said}: "
            f"{' then '.join(since(r) for r in standing)}")
    text += (f" (the other {ctx.mention.text} are all of them but one)" if others else "") + (
        ", which bears the claim out." if ok else f", which does not bear out {ctx.mention.text}.")
    verdict = "supported" if ok else "contradicted"
    if not ok and not _whole_body_counted(ctx, words, min(float(r["value"]) for r in standing)):
        # a size it had at another time ("originally just 12 members") is for review; a number it never had ("all
        # three countries", "more than 40 foreign countries") counts some of them, or others, which no table counts
        ever = any(holds(ctx.mention, float(r["value"]), ctx.rules) for r in rows if _known_by(table, r, ctx.pub))
        verdict = "needs_review" if ever else "unverifiable"
        text += f" But the claim may count only some of them ('{ctx.mention.text}{_text_after(ctx)[:24]}...')."
    evidence = tuple(_evidence(table, r, _fmt(float(r["value"])), str(table.published(r) or r["period"]))
                     for r in standing)
    return Verdict(verdict, evidence=evidence, explanation=text,
                   period=str(shown["period"]), reference_value=float(shown["value"]), **base)


def _standing_on(table: ReferenceTable, dated: list[dict], day: date) -> list[dict]:
    """The row standing on a day (none before the first), of rows in the order they came out."""
    return [r for r in dated if (table.published(r) or date.min) <= day][-1:]


def _counts_measure(ctx: _Context, words: MeasureWords | None) -> bool:
    """"28 union members", "its total membership to 26": the figure counts what the measure does, by the noun after
    it or as the new size of a measure named before it; not "all 30 national parliaments"."""
    return words is not None and (bool(counted_noun(_text_after(ctx), words.names)) or bool(
        re.search(r"\bto\s*$", _lead(ctx)) and _found(words.names, _lead(ctx)[-40:])))


def _whole_body_counted(ctx: _Context, words: MeasureWords | None, smallest: float) -> bool:
    """Whether a count that disagrees may be red: the whole body counted ("the/its/all/the union's 27 members",
    "the 27-nation bloc"), by a number near its size, in a sentence that dates it no other way. "12 eastern
    members", "18 nations will raise tariffs", "the three countries" may be some of them."""
    names = words.names if words is not None else None
    if names is None:
        return False
    after = _text_after(ctx)
    lead, tail = _lead(ctx), re.sub(r"^[\s-]*(?:other\s+)?", "", after)  # "the union's 26 other member countries"
    counted = names.match(tail)
    # "a summit of the 21 members of the trade pact": members of a body the measure's words do not name
    owner = _OF_BODY.match(tail, counted.end()) if counted is not None else None
    named = counted is not None and (owner is None or _found(words.context, owner.group(1)))
    verb = _ARE_AFTER.match(after)  # "six countries were members of the union"
    whole = after.startswith("-") or _BODY_BEFORE.search(lead[-24:]) is not None or (
        verb is not None and names.match(after, verb.end()) is not None)
    # "increasing its total membership to 26": the measure named before, the figure after "to"
    raised_to = re.search(r"\bto\s+$", lead) is not None and names.search(lead) is not None
    # "joined on 1 May 2004, bringing the total membership to 25": read now, but the sentence names a time
    # not "Founded in 1957, the union is a bloc of 27 countries"; "..., bringing the total to 25" is its sentence's
    participle = re.match(r"\s*\w+ing\b", ctx.frame.clause) is not None
    dated = ctx.frame.period is None and _YEAR.search(ctx.claim.sentence.text) is not None and (
        tense_of(ctx.claim.sentence.text if participle else ctx.frame.clause) != "present")
    return ((named and whole) or raised_to) and ctx.mention.value * 2 >= smallest and not dated


def _target_reading(ctx: _Context, table: ReferenceTable, measure: Measure, entity: str) -> Verdict:
    """A pledged figure and its deadline: the claim holds if a target agreed by the draft's date says it."""
    m, frame = ctx.mention, ctx.frame
    rows = [r for r in table.series.get((measure.metric, entity), []) if (table.published(r) or date.min) <= ctx.pub]
    base = {"entity": entity, "measure": measure.label, "rule": f"{table.name}:{measure.metric}"}
    if not rows:
        return Verdict("unverifiable", evidence=(), explanation=f"No {measure.label} was set by the draft's date.",
                       **base)
    # "Chile expects to meet the 3% threshold by 2030": the body's threshold, Chile's deadline
    theirs = frame.entities and entity not in frame.entities and _the_target(
        ctx.claim, ctx.vocabulary.words_of(measure))
    # "Peru is on a clear path to reaching the bank's target of 3 percent by 2030": the body's figure, Peru's year
    year = str(frame.period.start_date.year) if (frame.deadline and frame.period and frame.period.start_date and not (
        theirs or _other_named(ctx.claim, entity, ctx.vocabulary))) else None

    def due_or_set(row: dict) -> bool:
        published = table.published(row)
        return year is None or year == row["period"] or (published is not None and str(published.year) == year)

    def said(row: dict) -> str:
        who = _given_by(table, row)
        published = table.published(row)
        when = f" ({published.day} {published:%B %Y})" if published else ""
        return f"{who}{when} set the {measure.label} at {figure(float(row['value']), measure.unit)} by {row['period']}."

    matching = [r for r in rows if holds(m, float(r["value"]), ctx.rules) and due_or_set(r)]
    if matching:
        row = matching[-1]
        return Verdict("supported", evidence=(_evidence(table, row, _fmt(float(row["value"])),
                                                        str(table.published(row) or row["period"])),),
                       explanation=said(row), period=row["period"], reference_value=float(row["value"]), **base)
    known = "; ".join(f"{figure(float(r['value']), measure.unit)} by {r['period']}" for r in rows)
    if theirs:  # "Chile will exceed the four-percent mark": a mark of its own, which no table holds
        return Verdict("unverifiable", evidence=(), explanation=(
            f"No {measure.label} of {m.text} was set by the draft's date (the targets then: {known}); the mark may "
            f"be {frame.entity_text}'s own."), **base)
    same_year = year is not None and any(r["period"] == year for r in rows)
    # its body, or the body's members ("Members agreed"), named in the sentence: not "we need 1.5% by 2024"; and
    # no share of something else in the sentence ("20% of their budget ... the 20% guideline")
    foreign = measure.unit == "percent" and any(not _base_named(ctx.vocabulary, base.group(1))
                                                for base in _PERCENT_OF.finditer(ctx.claim.sentence.text))
    # its body named in the figure's own quotation, if it is quoted: in "'We need to reach 1.5% by 2024,' she told
    # the bank's meeting" the mark is hers
    owned = not foreign and _body_says(ctx.claim, entity, ctx.vocabulary) and (
        (entity in frame.entities and frame.entity_from in ("clause", "sentence")) or (
            not frame.entities and _found(ctx.vocabulary.group, ctx.claim.sentence.text)) or bool(_quoted(ctx.claim)))
    # a figure no target has, with no deadline of its own to contradict, is a mark of its own (a demand, a
    # proposal, a national aim) that no table holds; a known figure by another deadline is left for review
    other_deadline = any(holds(m, float(r["value"]), ctx.rules) for r in rows)
    # the deadline must be the figure's own: "4 percent ..., up from the current target of 2 percent by 2024"
    own_year = same_year and owned and frame.period_from == "clause"
    verdict = "contradicted" if own_year else "needs_review" if other_deadline else "unverifiable"
    later = [r for r in table.series.get((measure.metric, entity), []) if (table.published(r) or date.min) > ctx.pub
             and holds(m, float(r["value"]), ctx.rules)]
    return Verdict(verdict, evidence=(), period=year, explanation=(
        f"No {measure.label} of {m.text}{' for ' + year if year else ''} is in the reference data; "
        f"the targets set by the draft's date are {known}.") + (
        f" {said(later[0])[:-1]}, after the draft." if later else ""), **base)


def _judge_count(mention: Mention, actual: float, rules: RuleSet) -> str:
    """supported / contradicted / needs_review for a count or share against the derived figure."""
    if not mention.vague:
        if mention.unit == "percent":
            return "supported" if holds(mention, actual * 100, rules) else "contradicted"
        if mention.unit == "fraction" and mention.approx in ("nearly", "more_than", "at_least", "less_than", "at_most"):
            return "supported" if holds(mention, actual, rules) else "contradicted"
        if mention.unit == "fraction":  # "half", "two-thirds": as near as a reader would say it
            margin = 0.05 * rules.approx_factor.get(mention.approx or "", 1.0)
            return "supported" if abs(actual - mention.value) <= margin else "contradicted"
        return "supported" if holds(mention, actual, rules) else "contradicted"
    if mention.value_max is None:  # "all", "no", "none": one exact reading
        return "supported" if abs(actual - mention.value) < 1e-9 else "contradicted"
    low, high = mention.value, mention.value_max
    margin = 0.05 if mention.unit == "fraction" else 1.0
    inside = (actual > low if mention.approx == "more_than" else actual >= low) and actual <= high
    natural_top = mention.unit == "fraction" and high >= 1
    if abs(actual - low) <= margin or (not natural_top and abs(actual - high) <= margin):
        return "needs_review"  # at the edge of a vague reading, inside or out, a person decides
    return "supported" if inside else "contradicted"


def _reading_words(mention: Mention) -> str:
    if mention.vague:
        high = mention.value_max if mention.value_max is not None else mention.value
        if mention.approx == "more_than":
            return f"'{mention.text}' (more than {_fmt(mention.value)})"
        return f"'{mention.text}' ({_fmt(mention.value)}–{_fmt(high)})"
    return f"'{mention.text}'"


def _on_side(side: str, value: float, cutoff: float) -> bool:
    return {"above": value > cutoff, "at_or_above": value >= cutoff, "below": value < cutoff,
            "at_or_below": value <= cutoff}[side]


def _cross_section(table: ReferenceTable, measure: Measure, key: str, complete_only: bool = True) -> list[dict]:
    """A period's rows of every entity but the totals: of complete editions only, unless asked for all."""
    aggregates = table.description.aggregates if table.description else frozenset()
    complete = table.description.complete if table.description and complete_only else None
    return [r for r in table.cross_section.get((measure.metric, key), [])
            if r["entity"] not in aggregates and (complete is None or r.get(complete) is True)]


def _target_in_force(pack: ReferencePack, measure: Measure, key: str, pub: date) -> tuple[float, str] | None:
    """The cut-off of "met the target" with no figure: the target for this measure agreed before the period
    began (else the first one agreed), among those out by the draft's date; with what the explanation says."""
    year = int(key[:4])
    for target in pack.targets.get(measure.metric, []):
        table = pack.tables[target.table]
        rows = sorted((r for r in table.rows if r["metric"] == target.metric
                       and (table.published(r) or date.min) <= pub), key=lambda r: table.published(r) or date.min)
        if rows:
            earlier = [r for r in rows if (table.published(r) or date.min).year < year]
            row = earlier[-1] if earlier else rows[0]
            value, agreed = float(row["value"]), table.published(row)
            return value, (f"{figure(value, measure.unit)}, the {target.label} "
                           f"({_given_by(table, row)}{f', {agreed:%B %Y}' if agreed else ''})")
    return None


def _statements(ctx: _Context, measure: Measure, key: str, cutoff: float, side: str) -> list[tuple[ReferenceTable,
                                                                                                    dict]]:
    """Counts of this measure past this cut-off in this period as they were stated, out by the draft's date,
    oldest first."""
    found = []
    for stated in ctx.pack.stated_counts:
        count = stated.counts
        if count is None or count.measure != measure.metric or count.side != side or count.cutoff != cutoff:
            continue
        table = ctx.pack.tables[stated.table]
        found += [(table, r) for r in table.cross_section.get((stated.metric, key), [])
                  if (table.published(r) or date.min) <= ctx.pub]
    return sorted(found, key=lambda pair: pair[0].published(pair[1]) or date.min)


def _stated_periods(ctx: _Context, measure: Measure, cutoff: float | None, side: str, share: bool) -> set[str]:
    """The periods a count of this measure on this side of this cut-off (if known) was stated for by the draft's
    date (for a share, with what it was counted over): a count about now is of the latest of them when no complete
    edition has that period yet."""
    periods = set()
    for stated in ctx.pack.stated_counts:
        count = stated.counts
        if count is None or count.measure != measure.metric or count.side != side or (
                cutoff is not None and count.cutoff != cutoff):
            continue
        table = ctx.pack.tables[stated.table]
        periods |= {period for (metric, period), rows in table.cross_section.items() if metric == stated.metric
                    and any((table.published(r) or date.min) <= ctx.pub and not (
                        share and not (count.over and r.get(count.over))) for r in rows)}
    return periods


def _statement_text(table: ReferenceTable, row: dict, plural: str, side: str, cut_said: str, said: str) -> str:
    when = _out_on(table, row)
    return (f"{_given_by(table, row)} stated{' ' + when if when else ''} that {_fmt(float(row['value']))} {plural} "
            f"were {SIDE_WORDS[side]} {cut_said} in {said}")


def _count_reading(ctx: _Context, table: ReferenceTable, measure: Measure) -> Verdict:
    """How many (or what share) of a table's entities are on one side of a cut-off, or how many there are. With no
    period named, the latest period counted by then decides, stated or complete; where only a statement has it
    and it disagrees, the latest complete period bearing the claim out leaves it for review ("only five meet it",
    stated six for this year, five last year)."""
    frame = ctx.frame
    out = {period for period, published in table.periods.get((measure.metric, True), []) if published <= ctx.pub}
    stated = _stated_periods(ctx, measure, float(frame.cutoff.value) if frame.cutoff is not None else None,
                             frame.side or "at_or_above", frame.aggregate == "share") if (
        frame.aggregate in ("count", "share")) else set()
    verdict = _count_in(ctx, table, measure, out | stated)
    if verdict.verdict == "contradicted" and frame.period is None and not stated <= out:
        complete = _count_in(ctx, table, measure, out)
        if complete.verdict == "supported" and complete.period != verdict.period:
            return replace(verdict, verdict="needs_review", explanation=verdict.explanation + (
                f" But the claim names no period, and for the latest complete one: {complete.explanation}"))
    return verdict


def _count_in(ctx: _Context, table: ReferenceTable, measure: Measure, out: set[str]) -> Verdict:
    """The count for the claim's period, or with none named the latest of the periods out."""
    m, frame = ctx.mention, ctx.frame
    plural = table.description.plural if table.description else "entities"
    base = {"entity": plural, "measure": measure.label, "rule": f"{table.name}:{measure.metric}:{frame.aggregate}"}
    complete = table.periods.get((measure.metric, True), [])
    key, said, why = _choose_period(ctx, measure, out)
    if key is None and frame.period is None:  # "only five have met the goal": the latest year over, counted later
        key, said, why = _choose_period(ctx, measure, {p for p, _ in complete if _period_end(p) <= ctx.pub})
    if key is None:
        return Verdict("unverifiable", evidence=(), explanation=f"No count of {plural} can be made: {why}.", **base)
    side = frame.side or "at_or_above"
    cut: float | None = None
    cut_said = ""
    if frame.cutoff is not None:
        cut = float(frame.cutoff.value)
        cut_said = figure(cut, measure.unit)
    elif frame.cutoff_from == "named" and frame.aggregate != "total":
        target = _target_in_force(ctx.pack, measure, key, ctx.pub)
        if target is None:
            return Verdict("unverifiable", evidence=(), period=key, explanation=(
                f"The draft names a target without its figure, and none for {measure.label} was set by its date."),
                **base)
        cut, cut_said = target
    rows = _cross_section(table, measure, key)
    before, after = _by_vintage(table, rows, ctx.pub)
    counted = frame.aggregate in ("count", "share") and cut is not None
    statements = _statements(ctx, measure, key, cut, side) if counted else []

    def count_of(group: list[dict]) -> tuple[float, str]:
        total = len(group)
        if not counted:
            return float(total), f"{total} {plural} with figures"
        count = sum(1 for r in group if _on_side(side, float(r["value"]), cut))
        actual = float(count) if frame.aggregate == "count" else count / total
        return actual, f"{count} of {total} {plural} {SIDE_WORDS[side]} {cut_said}"

    def judge(actual: float) -> str:
        if not counted:
            return "supported" if holds(m, actual, ctx.rules) else "contradicted"
        return _judge_count(m, actual, ctx.rules)

    stated = _stated_reading(ctx, statements, plural, side, cut_said, said, key, base) if statements else None
    if not before and stated is not None and stated.verdict != "supported" and after:
        later = judge(count_of(after[-1])[0])
        if later == "supported" and _period_end(key) > ctx.pub:  # borne out by what came later, not by then
            return replace(stated, verdict="needs_review", explanation=stated.explanation + (
                f" The {_vintage_name(table, after[-1][0])}, published later, bears the claim out."))
        if later != "supported":
            return stated
    elif not before and stated is not None:
        return stated
    if not before and (_period_end(key) > ctx.pub or (frame.deadline and frame.period is not None
                                                        and frame.period.start_date > ctx.pub)):
        return Verdict("unverifiable", evidence=(), period=key, explanation=(
            f"A forecast or plan for {said}: no count of {plural} for it was published by the draft's date."), **base)
    if not before and not after:
        return Verdict("unverifiable", evidence=(), period=key, explanation=(
            f"No complete set of {measure.label} figures for {said}, so no count of {plural} can be made."), **base)

    tallies = {id(g): count_of(g) for g in before + after}  # each edition counted once

    def tally(group: list[dict]) -> tuple[float, str]:
        return tallies[id(group)]

    groups = before or after[-1:]
    results = [(judge(tally(g)[0]), tally(g)[1], g) for g in groups]
    latest_verdict, latest_figure, latest = results[-1]
    where = _vintage_name(table, latest[0])
    source = f"In {_publisher(table)}'s {where}" if where else f"According to {_publisher(table)}"
    reading = "the number with figures" if not counted else _reading_words(m)
    text = f"{source}, {latest_figure} in {said}; the claim says {reading}."
    if before:
        verdict = _decide([v for v, _, _ in results])
        if verdict == "needs_review" and latest_verdict != "needs_review":
            text += " It held in an earlier edition: " + "; ".join(
                f"{fig} in the {_vintage_name(table, g[0])}" for _, fig, g in results[:-1]) + "."
        text += "".join(f" {tally(g)[1]} in the {_vintage_name(table, g[0])}, published after this draft."
                        for g in after if tally(g)[1] != latest_figure)
        borne = [(t, r) for t, r in statements if _judge_count(m, _stated_value(m, t, r), ctx.rules) == "supported"]
        if verdict == "contradicted" and borne:  # the derived count and a statement of the time disagree
            verdict = "needs_review"
            text += f" But {_statement_text(*borne[-1], plural, side, cut_said, said)}, which bears the claim out."
    else:  # only a later edition has it: it decides only where it bears the claim out
        verdict = "supported" if latest_verdict == "supported" else "needs_review"
        text += " That edition was published after the draft."
        if stated is not None:  # a statement of the time said otherwise; the later edition bears the claim out
            text += f" {stated.explanation}"
    stale = _stale(ctx, key, table)
    if stale and verdict in ("supported", "contradicted"):
        verdict, text = "needs_review", text + stale
    elif verdict == "contradicted" and _now_read_earlier(ctx, why):  # "currently, 24 of the 32 have reached it"
        now = _key_of(ctx.pub, measure.period)
        stated_now = _statements(ctx, measure, now, cut, side) if counted else []
        if stated_now and not _planned(ctx):  # the count stated for now decides, saying whose statement it is
            return _stated_reading(ctx, stated_now, plural, side, cut_said, _said(now), now, base)
        verdict, text = "needs_review", text + (f" The claim speaks of now or ahead; {_said(key)} is the latest "
                                                f"{measure.period} out by the draft's date.")
    partial = sorted(p for p, published in table.periods.get((measure.metric, False), [])
                     if published <= ctx.pub and _period_end(p) > _period_end(key))
    if frame.period is None and verdict == "supported" and partial and partial[-1] != _key_of(ctx.pub, measure.period):
        # the draft may mean a later year whose figures were partly out
        verdict = "needs_review"
        text += (f" The draft names no period, and figures for {_said(partial[-1])} were partly out: the claim may be "
                 "about that.")
    elif frame.period is None and verdict == "contradicted" and partial:
        # "all countries to hit the goal": the latest complete year says no, the figures out for a later one yes
        later, _ = _by_vintage(table, _cross_section(table, measure, partial[-1], complete_only=False), ctx.pub)
        if later and judge(count_of(later[-1])[0]) == "supported":
            verdict = "needs_review"
            text += (f" The figures out for {_said(partial[-1])}, not yet complete, bear it out: the claim may be "
                     "about that.")
    evidence = tuple(_evidence(table, g[0], fig.split(" ")[0] + ("/" + str(len(g)) if " of " in fig else ""),
                               f"{_vintage_name(table, g[0]) or key}, {key}, derived")
                     for _, fig, g in reversed(results))
    return Verdict(verdict, evidence=evidence, explanation=text, period=key,
                   reference_value=tally(latest)[0], **base)


def _counted_over(table: ReferenceTable, row: dict) -> float | None:
    """How many a stated count was counted over, where its table's description names the column and the row says."""
    counts = next((m.counts for m in table.description.measures.values() if m.counts), None) if (
        table.description) else None
    over = str(row.get(counts.over) or "") if counts and counts.over else ""
    return float(over) if over.isdigit() else None


def _stated_value(mention: Mention, table: ReferenceTable, row: dict) -> float:
    """A stated count as the claim puts it: the count, or its share of those it was counted over."""
    over = _counted_over(table, row)
    if mention.unit in ("percent", "fraction") and over:
        share = float(row["value"]) / over
        return share * 100 if mention.unit == "percent" else share
    return float(row["value"])


def _stated_reading(ctx: _Context, statements: list[tuple[ReferenceTable, dict]], plural: str, side: str,
                    cut_said: str, said: str, key: str, base: dict) -> Verdict:
    """No complete edition out by the draft's date holds the count: what was stated by then decides (unless a
    later edition bears the claim out), and the explanation says whose statement it is."""
    m = ctx.mention
    usable = [(t, r) for t, r in statements if m.unit == "count" or _counted_over(t, r)]
    if not usable:
        return Verdict("unverifiable", evidence=(), period=key, explanation=(
            f"Only a count of {plural} was stated for {said}, not of how many it was counted over."), **base)
    results = [_judge_count(m, _stated_value(m, t, r), ctx.rules) for t, r in usable]
    verdict = _decide(results)
    table, row = usable[-1]
    text = _statement_text(table, row, plural, side, cut_said, said)
    text += {"supported": ", which bears the claim out.", "contradicted": f", which does not bear out {m.text}.",
             "needs_review": f"; {m.text} is at the edge of what that count allows."}.get(results[-1], ".")
    if verdict == "needs_review" and results[-1] != "needs_review":
        earlier = [(t, r) for (t, r), v in zip(usable, results, strict=True) if v == "supported"]
        text += " An earlier statement bears it out: " + _statement_text(*earlier[-1], plural, side, cut_said,
                                                                           said) + "."
    if verdict == "contradicted" and (table.published(row) or date.min) < _period_end(key) <= ctx.pub:
        verdict = "needs_review"  # an estimate before the year was out; the draft was written after it
        text += f" That was an estimate made before {said} was over; later figures may differ."
    others = {_fmt(float(r["value"])) for _, r in usable[:-1]} - {_fmt(float(row["value"]))}
    if others and verdict != "needs_review":
        verdict = "needs_review"  # statements of the time disagree: a person weighs them
        text += f" Other statements of the time gave {', '.join(sorted(others))}."
    evidence = tuple(_evidence(t, r, _fmt(float(r["value"])), str(t.published(r) or key)) for t, r in reversed(usable))
    return Verdict(verdict, evidence=evidence, explanation=text, period=key,
                   reference_value=_stated_value(m, table, row), **base)


def _rank_reading(ctx: _Context, table: ReferenceTable, measure: Measure, entity: str) -> Verdict:
    """The figure, and the place it gives its entity among the table's others."""
    value = _value_reading(ctx, table, measure, entity)
    if value.verdict not in ("supported", "contradicted", "needs_review") or value.period is None:
        return value
    frame = ctx.frame
    since = _since(ctx, value.period)
    if since is not None:
        return _record_reading(ctx, table, measure, entity, value, *since)
    place, total = _place(ctx, table, measure, entity, value.period)
    if place is None:
        return value
    if total == 1 or _found(_rule_words(ctx.rules.word_list("ranks", "over_time")), frame.clause or ""):
        # "its lowest level" in a table of one entity, "the most in any month on record": over all its past
        return _record_reading(ctx, table, measure, entity, value, 0, False)
    rank_text = _place_text(ctx, table, measure, entity, place, total)
    if place != frame.rank:
        return replace(value, verdict="contradicted" if value.verdict != "needs_review" else "needs_review",
                       explanation=value.explanation + rank_text + f" The claim puts it at {frame.rank}.")
    return replace(value, explanation=value.explanation + rank_text)


def _place(ctx: _Context, table: ReferenceTable, measure: Measure, entity: str, key: str) -> tuple[int | None, int]:
    """Where the entity stands among the table's others in a period (1: the highest, or the lowest), and of how
    many, in the latest edition out by the draft (else the first after it)."""
    before, after = _by_vintage(table, _cross_section(table, measure, key), ctx.pub)
    group = (before or after)[-1] if (before or after) else []
    ordered = sorted(group, key=lambda r: float(r["value"]), reverse=ctx.frame.rank_order == "high")
    return next((i + 1 for i, r in enumerate(ordered) if r["entity"] == entity), None), len(ordered)


def _place_text(ctx: _Context, table: ReferenceTable, measure: Measure, entity: str, place: int, total: int) -> str:
    words = "highest" if ctx.frame.rank_order == "high" else "lowest"
    plural = table.description.plural if table.description else "entities"
    return f" {entity} ranks {place} of {total} {plural} by {measure.label} ({words} first)."


def _ordinal_rank_reading(ctx: _Context, table: ReferenceTable, measure: Measure, entity: str) -> Verdict:
    """"Lima had the second-highest fare in 1993": the place alone is the claim, in the period the
    entity's figure would be read at."""
    value = _value_reading(ctx, table, measure, entity)
    if value.period is None or value.verdict == "unverifiable":
        return value
    place, total = _place(ctx, table, measure, entity, value.period)
    if place is None or total < 2:
        return Verdict("unverifiable", evidence=(), explanation=(
            f"No ranking of {entity} by {measure.label} in {_said(value.period)} can be made."), entity=entity,
                       measure=measure.label, rule=value.rule, period=value.period)
    # a place alone is never red: the draft may rank among more (or fewer) than the table holds
    held = "which bears the claim out" if place == ctx.frame.rank else (
        f"not {ctx.frame.rank}; the claim may rank among others than the table's {total}")
    return replace(value, verdict="supported" if place == ctx.frame.rank else "needs_review",
                   reference_value=float(place), explanation=(
                       f"In {_said(value.period)},{_place_text(ctx, table, measure, entity, place, total)[:-1]}, "
                       f"{held}."))


_SINCE = re.compile(r"\bsince\s+(?:(?:the\s+)?[\w-]+\s+){0,4}?((?:1[89]|20)\d\d)\b|\bin\s+(?:more\s+than\s+|over\s+|)"
                    r"(\d+)\s+years\b", re.I)


def _since(ctx: _Context, key: str) -> tuple[int, bool] | None:
    """"the highest since 1983" (exact) or "the highest in 26 years" (approximate): a rank over the entity's own
    past, from that year."""
    clause = ctx.frame.clause or ctx.claim.sentence.text
    found = _SINCE.search(clause) or _SINCE.search(ctx.claim.sentence.text)
    if found is None:
        return None
    if found.group(1):
        return int(found.group(1)), True
    return int(key[:4]) - int(found.group(2)), False


def _record_reading(ctx: _Context, table: ReferenceTable, measure: Measure, entity: str, value: Verdict,
                    year: int, exact: bool) -> Verdict:
    """Higher (or lower) than every period after `year` up to the claim's, and matched or passed in that year
    (`year` 0: the whole series)."""
    high = ctx.frame.rank_order == "high"
    by_period: dict[str, list[dict]] = defaultdict(list)
    for row in table.series.get((measure.metric, entity), []):
        by_period[row["period"]].append(row)
    published = {period: _latest_row(table, group, ctx.pub, published_only=True)
                 for period, group in by_period.items()}
    series = {period: float(row["value"]) for period, row in published.items() if row is not None}
    key = value.period or ""
    if key not in series:
        return value
    mark = series[key]

    def beyond(other: float) -> bool:  # since a year: matched counts; over the whole series: a tie is no record
        if not year:
            return other > mark if high else other < mark
        return other >= mark if high else other <= mark

    words = "higher" if high else "lower"
    between = [p for p in sorted(series) if int(p[:4]) > year and p < key]
    passed = [p for p in between if beyond(series[p])]
    text = value.explanation.replace("which bears the claim out.", "which bears the figure out.")
    if passed:
        first = passed[-1]
        return replace(value, verdict="contradicted" if value.verdict == "supported" and exact else "needs_review",
                       explanation=f"{text} But it was {words} in {_said(first)} "
                       f"({figure(series[first], measure.unit)}){f', after {year}' if year else ''}.")
    earlier = [p for p in sorted(series) if int(p[:4]) <= year and beyond(series[p])]
    at_year = [p for p in earlier if int(p[:4]) == year]
    if at_year and value.verdict == "supported":
        return replace(value, explanation=f"{text} It is the {'highest' if high else 'lowest'} since "
                       f"{_said(at_year[-1])} ({figure(series[at_year[-1]], measure.unit)}).")
    if not year and value.verdict == "supported":  # no "since": the whole series up to the claim's period
        return replace(value, explanation=f"{text} It is the {'highest' if high else 'lowest'} of the series "
                       f"from {_said(min(series))}.")
    since = f"{_said(earlier[-1])} ({figure(series[earlier[-1]], measure.unit)})" if earlier else (
        f"the table's first period, {_said(min(series))}")
    return replace(value, verdict="needs_review" if value.verdict == "supported" else value.verdict,
                   explanation=f"{text} Nothing between {year} and it was {words}; the last time it was matched "
                   f"was {since}.")


def _change_reading(ctx: _Context, table: ReferenceTable, measure: Measure, entity: str,
                    relative: bool) -> Verdict:
    """A rise or fall between two periods: in the measure's own unit, or relative (%) to the earlier one."""
    m, frame = ctx.mention, ctx.frame
    rows = table.series.get((measure.metric, entity), [])
    base = {"entity": entity, "measure": measure.label, "rule": f"{table.name}:{measure.metric}:change"}
    out = {r["period"] for r in rows if (table.published(r) or date.min) <= ctx.pub}
    spans = frame.period is not None and claim_period_key(frame.period, measure.period) is None
    key, said, why = _choose_period(replace(ctx, claim=replace(ctx.claim, frame=replace(frame, range_end="end")))
                                    if spans else ctx, measure, out)
    if key is None:
        return Verdict("unverifiable", evidence=(), explanation=f"No {measure.label} change can be read: {why}.",
                       **base)
    start = claim_period_key(frame.base_period, measure.period) if frame.base_period is not None else None
    if frame.period is not None and claim_period_key(frame.period, measure.period) is None:  # "between 1990 and 2011"
        start = _key_of(frame.period.start_date, measure.period)
        if frame.period.start_date.year == frame.period.end_date.year and not frame.range_end:
            start = _previous(start)  # "added 542,000 jobs in 2015" of a monthly table: December to December
    yearly = _found(ctx.vocabulary.over_a_year, frame.clause)
    guessed = start is None and not yearly and measure.period != "year"  # a quarter's change: on what base?
    start = start or (_year_before(key) if yearly else _previous(key))

    # a percentage change only from figures out by the draft's date: a later edition's may rest on other prices
    first, last = (_latest_row(table, [r for r in rows if r["period"] == p], ctx.pub, published_only=relative)
                   for p in (start, key))
    if first is None or last is None:
        return Verdict("unverifiable", evidence=(), explanation=(
            f"No {measure.label} figures for {entity} in both {_said(start)} and {_said(key)}"
            f"{' out by the draft' if relative else ''}."), **base)
    a, b = float(first["value"]), float(last["value"])
    if m.unit == "factor":  # "doubled", "tripled": the later figure as a multiple of the earlier one
        change = b / a if a else float("inf")
        shrink = (m.value or 1) < 1  # "more than halved": read as "fell to less than 1/2", i.e. a/b more than 2
        ok = holds(m, a / b if shrink and b else change, ctx.rules, 1 / m.value if shrink and m.value else None)
        unit, how = "factor", "multiple"
    else:
        change = (b / a - 1) * 100 if relative and a else b - a
        signed = abs(change) if (change >= 0) == (frame.change == "rise") else -abs(change)
        if m.unit == "fraction":  # "fell by half", "rose by a third": read to the nearest tenth of the whole
            slack = FRACTION_SLACK * ctx.rules.approx_factor.get(m.approx or "", 1.0)  # "nearly half": wider
            ok = signed >= 0 and abs(abs(change) - (m.value or 0) * 100) < slack
        else:
            ok = signed >= 0 and holds(m, abs(change), ctx.rules)
        unit = "percent" if relative else ("percentage_point" if measure.unit == "percent" else measure.unit)
        how = "relative change" if relative else "change"
    shown = f"{round(change, 2):g} times the first" if m.unit == "factor" else figure(round(change, 4), unit)
    text = (f"{entity}'s {measure.label} went from {figure(a, measure.unit)} in {_said(start)} to "
            f"{figure(b, measure.unit)} in {said}: a {how} of {shown}"
            f"{', which bears the claim out.' if ok else f', which does not bear out {m.text}.'}")
    evidence = tuple(_evidence(table, r, _fmt(float(r["value"])), _vintage_name(table, r) or r["period"])
                     for r in (first, last))
    if guessed and not ok:
        return Verdict("needs_review", evidence=evidence, explanation=f"{text} But the draft does not say what the "
                       f"change is measured from ({_said(start)} was used).", period=key,
                       reference_value=round(change, 4), **base)
    if not ok and frame.period is not None and frame.period_from != "clause":  # "but since then ... risen by 8.8m"
        return Verdict("needs_review", evidence=evidence, explanation=f"{text} But its period was read from another "
                       f"part of the sentence ({frame.period.text}).", period=key, reference_value=round(change, 4),
                       **base)
    return Verdict("supported" if ok else "contradicted", evidence=evidence, explanation=text, period=key,
                   reference_value=round(change, 4), **base)


# --- which readings fit -----------------------------------------------------------------------------------

def _measure_fit(ctx: _Context, words: MeasureWords) -> float:
    """How surely the claim is about this measure: named in its clause, its sentence, or the document."""
    key = id(words)  # a measure's dataclass hash reads all its words: by identity, as the vocabulary holds it
    if key not in ctx.fits:
        ctx.fits[key] = _fit(ctx, words)
    return ctx.fits[key]


_SENTENCE_MEASURES: dict[tuple[int, str], tuple[frozenset[int], frozenset[int]]] = {}


def _named_in_sentence(vocabulary: Vocabulary, sentence: str) -> tuple[frozenset[int], frozenset[int]]:
    """Which measures' words, and which measures' supporting words, the sentence holds: read once a sentence, so
    a figure's clause (part of it) is searched only for the measures it can hold."""
    key = (id(vocabulary), sentence)
    if key not in _SENTENCE_MEASURES:
        if len(_SENTENCE_MEASURES) > 4096:
            _SENTENCE_MEASURES.clear()
        _SENTENCE_MEASURES[key] = (frozenset(id(w) for w in vocabulary.measures if _found(w.names, sentence)),
                                   frozenset(id(w) for w in vocabulary.measures if _found(w.context, sentence)))
    return _SENTENCE_MEASURES[key]


_SENTENCE_ENTITIES: dict[tuple[int, str], tuple[tuple[str, ...], ...]] = {}


def _entities_named(vocabulary: Vocabulary, sentence: str) -> tuple[tuple[str, ...], ...]:
    """The table entities each name in the sentence stands for, found once a sentence: its dates and figures ask
    who it names several times over."""
    key = (id(vocabulary), sentence)
    if key not in _SENTENCE_ENTITIES:
        if len(_SENTENCE_ENTITIES) > 4096:
            _SENTENCE_ENTITIES.clear()
        _SENTENCE_ENTITIES[key] = tuple(span.names for span in vocabulary.entities.find(sentence))
    return _SENTENCE_ENTITIES[key]


# the last sentence's (vocabulary, sentence, context, fits it settles), replaced whole: threads may check at once
_SETTLED: list[tuple] = [(None, "", "", {})]


def _settled_fits(vocabulary: Vocabulary, sentence: str, context: str) -> dict[int, float]:
    """The fits a sentence settles alone, by measure (id of its words), weighed once a sentence: a measure it
    names no word of fits each of its figures alike. Only the last sentence's are kept (its figures come
    together)."""
    known = _SETTLED[0]
    if known[0] is not vocabulary or known[1] != sentence or known[2] != context:
        named, supported = _named_in_sentence(vocabulary, sentence)
        fits = {}
        for words in vocabulary.measures:
            if id(words) in named or id(words) in supported:
                continue  # the clause, part of the sentence, may hold them: each figure's own
            if words.measure.kind == "target" and not any(
                    id(other) in named for other in vocabulary.measures if other.measure.kind == "target"):
                fits[id(words)] = 0.0  # nor does it name a sibling target, nor a pledge word before the figure
            elif words.measure.kind != "target" and not _found(words.undivided, sentence):
                fits[id(words)] = 1.0 if _found(words.names, context) or _found(words.targets, sentence) else 0.0
        known = _SETTLED[0] = (vocabulary, sentence, context, fits)
    return known[3]


def _fit(ctx: _Context, words: MeasureWords) -> float:
    settled = _settled_fits(ctx.vocabulary, ctx.claim.sentence.text, ctx.claim.context).get(id(words))
    if settled is not None:
        return settled
    frame, sentence = ctx.frame, ctx.claim.sentence.text
    names = words.names
    if words.measure.kind == "target":
        own = _beside_figure(ctx.claim)
        named_near = _found(names, own) or _sibling_named_near(ctx, words, own) or _the_target(ctx.claim, words)
        deadline = frame.deadline and frame.period is not None
        in_clause = _found(names, frame.clause) or _found(words.context, frame.clause)
        agreed = _agreed(ctx, names)  # "agreed in 2014 that they should aim to spend 2%", "agreed to spend 2%"
        if not (named_near or (deadline and in_clause) or agreed):  # "the 2% target", "to spend 2% by 2024"
            return 0.0
        return 3.0 + (0.5 if _found(words.context, frame.clause) else 0.0)
    if _found(names, frame.clause) or (_found(words.undivided, frame.clause) and _divided_by(ctx, _text_after(ctx))):
        fit = 3.0  # "income per head", or "income was $4,959 per person"
    elif _found(names, sentence):
        fit = 2.0
    elif _found(names, ctx.claim.context):
        fit = 1.0
    else:
        fit = 0.0
    if _found(words.context, frame.clause):
        fit = max(fit + 0.5, 1.0)  # "spenders", "per capita": enough where nothing else competes
    elif _found(words.context, sentence) or _found(words.targets, sentence):
        fit = max(fit, 1.0)  # "Peru (4.48%) exceeds the benchmark": a level measured against its target
    return fit


def _found(pattern: re.Pattern[str] | None, text: str) -> bool:
    """Cached: every figure of a sentence asks the same of its clause, sentence and document."""
    return searched(pattern, text)


_THE_BEFORE = re.compile(r"\bthe\s+(?:[a-z\u2019'-]+\s+)?$", re.I)
_NOUN_PHRASE = re.compile(r"[^,;:.!?\u2013\u2014]{0,70}")
_OPENS_A_CLAUSE = re.compile(r"\b(?:to|and|or|but|which|that|who|while|than|as|in|by|for|with|at|from|is|was|were|are|"
                             r"will|would|has|have|had|be|been|this|last|next|after|before|since|until)\b", re.I)


def _the_target(claim: Claim, words: MeasureWords | None) -> bool:
    """"the 0.7 % of gross national income (GNI) aid target": the figure opens a noun phrase that
    a target's word ends, so it is that established target (the body's, whoever else the clause names)."""
    names = words.names if words is not None else None
    if names is None:
        return False
    sentence, at = claim.sentence.text, claim.mention.start - claim.sentence.start
    if not _THE_BEFORE.search(sentence[max(0, at - 24):at]):
        return False
    phrase = _NOUN_PHRASE.match(sentence, at + len(claim.mention.text)).group()
    head = names.search(phrase) if may_match(names, phrase) else None
    return head is not None and not _OPENS_A_CLAUSE.search(phrase[:head.start()])


def _stretch_before(claim: Claim) -> str:
    """The figure's stretch of the sentence up to it: not "Peru, which agreed to the target, gave 0.5%"."""
    at = claim.mention.start - claim.sentence.start
    left = claim.sentence.text[max(0, at - 45):at]
    return left[left.rfind(", ") + 1:]


def _beside_figure(claim: Claim) -> str:
    """The words a figure's own target would be named by: before it in its stretch of the sentence, and just
    after it in its clause ("the 2% target", "a benchmark of 2%")."""
    sentence, m, frame = claim.sentence.text, claim.mention, claim.frame
    at = m.start - claim.sentence.start
    hi = frame.clause_start + len(frame.clause)
    return _stretch_before(claim) + " " + sentence[at + len(m.text):min(hi, at + len(m.text) + 30)]


def _pledged_before(ctx: _Context, words: MeasureWords) -> bool:
    """"demanded members reach their commitment to raise spending to two percent", "far from the pledged 2%": a
    target's word leads up to the figure and no one is named on the way, so it is the body's target, whoever the
    clause names further back (not "Peru's goal of spending 3.5%")."""
    left = _stretch_before(ctx.claim)
    return _found(words.names, left) and not _entities_named(ctx.vocabulary, left)


def _target_named(claim: Claim, verdict: Verdict | None, pack: ReferencePack, vocabulary: Vocabulary) -> bool:
    """A figure read as a target whose word (any target's) is beside it or in its clause ("met the 2% threshold"),
    not one read so only for a deadline ("by 2024, 18 countries are expected to invest at least 2 percent")."""
    target = _target_of(pack, verdict)
    words = vocabulary.words_of(target[1]) if target is not None else None
    own = _beside_figure(claim)
    # "national plans in place to spend 2 percent by 2024": a pledge's word in the clause names it too
    return words is not None and (any(other.measure.kind == "target" and (
        _found(other.names, own) or _found(other.names, claim.frame.clause)) for other in vocabulary.measures)
        or _the_target(claim, words))


def _sibling_named_near(ctx: _Context, words: MeasureWords, near: str) -> bool:
    """Another target of the same table is named beside the figure ("the 3.5% target"): all its targets are read."""
    return any(other.measure.kind == "target" and other.measure.table == words.measure.table and other is not words
               and _found(other.names, near) for other in ctx.vocabulary.measures)


def _entity_fit(frame: Frame) -> float:
    return {"clause": 2.0, "sentence": 1.5, "document": 1.0}.get(frame.entity_from, 0.0)


def _entity_in(table: ReferenceTable, measure: Measure, frame: Frame, named: bool,
               body_wide: bool = False) -> tuple[str | None, float]:
    for name in frame.entities:
        if (measure.metric, name) in table.series:
            return name, _entity_fit(frame)
    own = _entities_of(table, measure)
    # a table about one entity (a pledge of one body, one country's series) need not be named, unless the
    # figure is someone else's: a country in its own clause, or in its sentence when the clause does not name
    # the measure ("China ... and reached 1.3 billion"), or an owner no table knows ("the Fed's"); a body-wide
    # figure ("among the 32 members", a target the body set) is the body's, whoever else the sentence names
    unnamed = not frame.entities or frame.entity_from not in ("clause", "sentence") or (
        frame.entity_from == "sentence" and named) or body_wide
    # but a level only one entity of a table of many has (one city's reserve fund) is that entity's only when
    # the measure is named: "Lima is due to spend at least 758 million" is not that city's fund
    alone = named or measure.kind != "level" or len({entity for _, entity in table.series}) == 1
    if len(own) == 1 and unnamed and not frame.foreign_owner and alone:
        return next(iter(own)), 0.5  # a table about one entity: it need not be named
    whole = table.description.whole if table.description else None
    if not frame.entities and not frame.foreign_owner and whole in own:
        return whole, 0.25  # "the jobless rate averaged 5.5%": no one named, the table's whole (its first total)
    return None, 0.0


def _targets_near(ctx: _Context, vocabulary: Vocabulary) -> bool:
    return any(w.measure.kind == "target" and _measure_fit(ctx, w) > 0 for w in vocabulary.measures)


def _readings(ctx: _Context, vocabulary: Vocabulary) -> list[Reading]:
    m, frame = ctx.mention, ctx.frame
    readings: list[Reading] = []
    target_near = _targets_near(ctx, vocabulary)
    after = _text_after(ctx)
    per, gap = _divided_by(ctx, after), _difference(ctx, after)  # the same for every measure: read once
    changed = _named_change(ctx)
    # "70 percent of the union's total spending": a share of something no table's shares are of
    foreign_share = m.unit == "percent" and not _base_named(vocabulary, _share_of(ctx, after))
    for words in vocabulary.measures:
        measure = words.measure
        table = ctx.pack.tables[measure.table]
        fit = _measure_fit(ctx, words)
        counted = frame.aggregate in ("count", "share", "total") and table.description is not None and (
            frame.group.lower() in {w.lower() for w in (*table.description.group_words,
                                                        table.description.singular)})
        if fit < 1.0 and not counted:
            continue
        if measure.kind == "level" and target_near and frame.aggregate == "value":
            fit -= 2.0  # "the 2% target": the figure is the cut-off, not anyone's level
        if frame.aggregate in ("count", "share"):
            group_words = (*table.description.group_words, table.description.singular) if table.description else ()
            if measure.kind != "level" or (frame.cutoff.unit != measure.unit if frame.cutoff is not None else not (
                    frame.cutoff_from == "named" and measure.metric in ctx.pack.targets)):
                continue
            if frame.group and frame.group.lower() not in {w.lower() for w in group_words}:
                continue
            fit += 2.0 + (0.5 if frame.group else 0.0) - (0.5 if frame.cutoff_from == "document" else 0.0)
            readings.append(_reading(fit, _count_reading(ctx, table, measure), measure, "count"))
            continue
        if frame.aggregate == "total":
            # "among the 32 members": the group's size, where the measure is a body's size; "the highest median
            # price of the 46 markets" counts the table's own entities, not any one's home sales
            if measure.unit == "count" and measure.kind == "level" and (
                    measure.holds == "until_changed" or not counted):
                entity, entity_fit = _entity_in(table, measure, frame, _found(words.names, frame.clause),
                                                body_wide=_counts_members(ctx, words, after))
                if entity is not None:
                    readings.append(_reading(fit + entity_fit + 1.0, _value_reading(ctx, table, measure, entity),
                                             measure, "the count it states"))
            elif counted and (frame.partitive or measure.unit == "count"):  # those with figures may be fewer
                # than the members: never red; "the 38 states with the higher limit" may be some of them
                derived = _count_reading(ctx, table, measure)
                if not frame.partitive and derived.verdict != "supported":
                    continue
                if derived.verdict == "contradicted":
                    derived = replace(derived, verdict="needs_review", explanation=derived.explanation + (
                        f" Some {table.description.plural} may have no figures; the total may count them too."))
                readings.append(_reading(max(fit, 1.0) + 3.0, derived, measure,
                                         f"the {table.description.plural} with figures"))
            continue
        if frame.aggregate == "change" and not (measure.kind == "target" and _the_target(ctx.claim, words)) and not (
                _changed_by_name(ctx, words)):
            # "up from the current 2% target": the old side of a change, named as the target it is
            entity, entity_fit = _entity_in(table, measure, frame, _found(words.names, frame.clause))
            if entity is None or measure.kind != "level":
                continue
            if measure.unit == "count" and _counts_a_noun(after) and not counted_noun(
                    after, words.names):
                continue
            points = m.unit in ("percentage_point", "point")  # "the jobless rate rose 4 points": of a percent
            if (points and measure.unit == "percent") or m.unit == measure.unit != "percent":
                readings.append(_reading(fit + entity_fit, _change_reading(ctx, table, measure, entity, False),
                                         measure, "change"))
            if m.unit in ("percent", "fraction") and measure.unit != "percent" and (
                    measure.holds != "until_changed" and measure.prices != "current"):  # "rose 12%", "fell by
                # half" (not of a member count, nor of money at current prices); of a share it is too loose to read
                readings.append(_reading(fit + entity_fit, _change_reading(ctx, table, measure, entity, True),
                                         measure, "relative change"))
            continue
        if m.unit == "factor" and measure.kind == "level" and measure.holds != "until_changed":
            entity, entity_fit = _entity_in(table, measure, frame, _found(words.names, frame.clause))
            if entity is not None and fit >= 1.0:  # "India's population nearly tripled between 1952 and 2007"
                readings.append(_reading(fit + entity_fit, _change_reading(ctx, table, measure, entity, True),
                                         measure, "multiple"))
            continue
        if m.unit == "ordinal" and frame.aggregate == "rank" and measure.kind == "level" and fit >= 1.0:
            entity, entity_fit = _entity_in(table, measure, frame, _found(words.names, frame.clause))
            if entity is not None:
                readings.append(_reading(fit + entity_fit, _ordinal_rank_reading(ctx, table, measure, entity),
                                         measure, f"{entity}'s place"))
            continue
        if m.unit != measure.unit or m.vague:
            continue
        if per and not _divided(measure, ctx.vocabulary):
            continue  # "$42,000 per person" is not the total the table holds
        if gap:
            continue  # "11 years above the world average": a gap to something else, not a level
        if foreign_share and measure.unit == "percent":
            continue
        if measure.unit == "count" and after.startswith("-") and not (words.names and words.names.match(after)):
            continue  # "two-percent": part of a compound; "28-nation" counts what the measure counts
        if frame.aggregate != "rank" and measure.unit == "count" and _counts_a_noun(after) and not counted_noun(
                after, words.names) and not (_names_just_before(ctx, words) and counted_noun(after, words.context)):
            continue  # "90000 troops from 32 countries" counts troops, not whatever the table counts ("won 103
            # games" of a measure "won" names counts what the measure does)
        if measure.unit == "count" and _counts_other(after, words, vocabulary):
            continue  # "three of the 23 senators": a part of something the table does not count
        # a target's body sets it for every member ("Canada is not meeting the benchmark of 2%")
        body_wide = (_the_target(ctx.claim, words) or _pledged_before(ctx, words)) if measure.kind == "target" else (
            _counts_members(ctx, words, after))
        entity, entity_fit = _entity_in(table, measure, frame, _found(words.names, frame.clause), body_wide=body_wide)
        if entity is None:
            continue
        if measure.kind == "target":
            verdict = _target_reading(ctx, table, measure, entity)
        elif frame.aggregate == "rank":
            verdict = _rank_reading(ctx, table, measure, entity)
        else:
            verdict = _value_reading(ctx, table, measure, entity)
            if target_near and verdict.verdict == "contradicted":  # "not meeting the benchmark of at least 2%"
                verdict = replace(verdict, verdict="needs_review", explanation=verdict.explanation + (
                    " But a target is named beside it: the figure may be that target, not a level."))
        if changed and verdict.verdict in ("supported", "contradicted") and not _changed_by_name(ctx, words):
            verdict = replace(verdict, verdict="needs_review", explanation=verdict.explanation + (
                " But the figure is called a change ('a loss of', 'an increase of'), which may not be a level."))
        if verdict.verdict == "supported" and measure.kind == "level" and _first_said(ctx):
            verdict = _first_time(ctx, table, measure, entity, verdict)
        if verdict.verdict == "needs_review" and frame.period is not None and not frame.range_end and (
                measure.holds != "until_changed" and claim_period_key(frame.period, measure.period) is None):
            fit -= UNCHECKABLE  # "in 1987" against a quarterly table: a yearly one can settle it
        if verdict.verdict == "contradicted" and entity not in frame.entities and table.description is not None and (
                entity in table.description.aggregates):
            verdict = replace(verdict, verdict="needs_review", explanation=verdict.explanation + (
                f" No one is named: the figure was read as {entity}'s."))
        if verdict.verdict == "contradicted" and _finer_than(frame.period, measure.period):
            verdict = replace(verdict, verdict="unverifiable", explanation=verdict.explanation + (
                f" The claim is about {frame.period.text}; the table holds one figure a {measure.period}, "
                "which cannot settle it."))
        readings.append(_reading(fit + entity_fit, verdict, measure, entity))
    return readings


_NOT_A_NOUN = re.compile(r"\s*(?:[^\w\s]|$|(?:in|by|and|or|the|to|from|at|on|for|per|of|while|but|than|this|that|"
                         r"year-over-year|year|yoy|"
                         r"last|next|a|an|is|was|were|are|be|been|has|had|have|will|would|as|with|during|since|"
                         r"until|after|before|when|where|which|who|its|their|his|her|between|over|across|compared|against|within|"
                         r"up|down|so|annually|year-on-year|on\s+average)\b)", re.I)


_SHARE_OF = re.compile(r"\s*of\s+([^,;:()]{1,60})", re.I)
_PERCENT_OF = re.compile(r"\d\s*(?:%|percent|per\s+cent|pct)\s+of\s+([^,;:()]{1,60})", re.I)


def _share_of(ctx: _Context, after: str) -> str:
    """What a percentage is a share of: "4% of its output"; in "the US (70 percent of the total), Britain (6 pct)"
    a bare item in brackets shares the first item's."""
    own = _SHARE_OF.match(after)
    if own:
        return own.group(1)
    before = ctx.claim.sentence.text[:ctx.mention.start - ctx.claim.sentence.start]
    if before.rfind("(") > max(before.rfind(")"), len(before) - 16):  # "Britain (6 pct)", "(each around 1 pct)"
        first = _PERCENT_OF.search(before)
        return first.group(1) if first else ""
    return ""


def _base_named(vocabulary: Vocabulary, share_of: str) -> bool:
    """Whether "of ..." names what some measure's shares are of (its "of output" words, or their last word); with
    no "of" after the figure, or no measure saying what it is a share of, any will do."""
    return not share_of or vocabulary.share_bases is None or vocabulary.share_bases.search(share_of) is not None


def _counts_members(ctx: _Context, words: MeasureWords, after: str) -> bool:
    """"the 32 members", "the 32-nation bloc": a count of the entities a measure counts, not a country's figure."""
    if words.measure.unit != "count" or words.names is None:
        return False
    if after.startswith("-"):
        return words.names.match(after) is not None
    return bool(counted_noun(after, words.names)) and bool(counted_noun(after, ctx.vocabulary.group))


_PART_OF = re.compile(r"\s+of\s+(?:the|its|their|our)\s+(?:[\d,.]+\s+)?", re.I)


def _counts_other(text_after: str, words: MeasureWords, vocabulary: Vocabulary) -> bool:
    """"three of the 23 senators": a part of a whole whose noun neither the measure nor its table's groups name."""
    part = _PART_OF.match(text_after)
    rest = text_after[part.end():] if part else ""
    return bool(rest) and _counts_a_noun(" " + rest) and not any(
        counted_noun(rest, nouns) for nouns in (words.names, words.context, vocabulary.group))


def _counts_a_noun(text_after: str) -> bool:
    """Whether a number is followed by what it counts ("90000 troops"), not by "in 2011" or a comma."""
    return _NOT_A_NOUN.match(text_after) is None


def _divided(measure: Measure, vocabulary: Vocabulary) -> bool:
    """A measure whose own words or label say it is divided by something ("per capita", "a head")."""
    said = " ".join((*measure.words, *measure.context_words, measure.label))
    return _found(vocabulary.denominators, said)


def _difference(ctx: _Context, after: str) -> bool:
    """"11 years above the world average", "3 points higher than": the figure is a gap, read right after it."""
    pattern = ctx.vocabulary.differences
    return pattern is not None and pattern.match(after.lstrip()) is not None


def _divided_by(ctx: _Context, after: str) -> str:
    """"per person" right after the figure, or "per capita" right before it: what the figure is divided by."""
    pattern = ctx.vocabulary.denominators
    if pattern is None:
        return ""
    lead = ctx.claim.sentence.text[:ctx.mention.start - ctx.claim.sentence.start][-30:]
    found = first_match(pattern, after[:25]) or first_match(pattern, lead)
    return found.group(0).lower() if found else ""


def _text_after(ctx: _Context) -> str:
    return ctx.claim.sentence.text[ctx.mention.end - ctx.claim.sentence.start:]


def _reading(fit: float, verdict: Verdict, measure: Measure, what: str) -> Reading:
    if verdict.verdict == "unverifiable":
        fit -= UNCHECKABLE
    return Reading(fit, verdict, f"{measure.label} ({what})")


def _certain(frame: Frame) -> str:
    """Why the claim's frame is not certain, or ""."""
    if not frame.entity_certain:
        return f"it is not certain whose figure it is (read as {frame.entity_text}'s)"
    if not frame.period_certain:
        return f"it is not certain which period it is about (read as {frame.period.text if frame.period else '?'})"
    return ""


def _compared(claim: Claim, vocabulary: Vocabulary) -> Claim:
    """"topped 11%", "exceeded 2%": a comparison word right before a figure makes it one-sided."""
    m = claim.mention
    if m.approx is not None or m.kind != "quantity":
        return claim
    lead = claim.sentence.text[:m.start - claim.sentence.start][-16:]
    for approx, pattern in (("less_than", vocabulary.below), ("more_than", vocabulary.above)):
        found = list(pattern.finditer(lead)) if pattern is not None and may_match(pattern, lead) else []
        if found and not lead[found[-1].end():].strip():
            return replace(claim, mention=replace(m, approx=approx))
    return claim


def check_quantity(claim: Claim, pub: date, pack: ReferencePack, rules: RuleSet, vocabulary: Vocabulary) -> Verdict:
    if claim.frame.unread:
        return Verdict("unverifiable", None, (), "This sentence holds too many figures to be read as prose (a table or "
                                                 "a list?); check its figures by hand.")
    claim = _compared(claim, vocabulary)
    ctx = _Context(claim, pub, rules, pack, vocabulary)
    readings = sorted(_readings(ctx, vocabulary), key=lambda r: r.fit, reverse=True)
    frame = claim.frame
    # a measure no table has, named before the figure ("the tax rate was 46.4"), is the figure's whatever the clause
    # names after it ("per 100,000 residents"); one named after it ("spent 2% on health") unless the clause names one
    lead = _lead(ctx) if frame.foreign_measure else ""
    named = lead if frame.foreign_measure and frame.foreign_measure in lead else frame.clause
    if frame.foreign_measure and not any(_found(w.names, named) for w in vocabulary.measures):
        return Verdict("unverifiable", None, (), f"No table measures {frame.foreign_measure}; the claim needs a "
                                                 "source of its own.", entity=frame.entity_text or None,
                       measure=frame.foreign_measure)
    if not readings:
        return _size_of_body(ctx) or Verdict("unverifiable", None, (), UNCOVERED, entity=frame.entity_text or None)
    pledges = [r for r in readings if r.fit >= readings[0].fit - CLOSE and _target_of(pack, r.verdict)]
    if pledges and _target_of(pack, readings[0].verdict):  # a pledged figure holds if any pledge of its table says it
        held = [r for r in pledges if r.verdict.verdict == "supported"]
        return (held or pledges)[0].verdict
    if frame.aggregate == "total":  # "of the 31 members": members, or those with figures; either is a fair total
        held = [r for r in readings if r.verdict.verdict == "supported" and readings[0].fit - r.fit < 2 * CLOSE]
        if held:
            return held[0].verdict
    best = readings[0].verdict
    rivals = [r for r in readings[1:] if readings[0].fit - r.fit < CLOSE and r.verdict.verdict != best.verdict
              and r.verdict.verdict in ("supported", "contradicted")]
    if rivals and best.verdict in ("supported", "contradicted"):
        other = rivals[0]
        return replace(best, verdict="needs_review", explanation=(
            f"Two readings fit: as {readings[0].label}, {best.explanation} As {other.label}, "
            f"{other.verdict.explanation}"), evidence=best.evidence + other.verdict.evidence)
    doubt = _certain(frame)
    if best.period and "available)" in best.explanation and not doubt and (
            pub.year - _period_end(best.period).year > 1 or is_past(frame.clause)):
        doubt = "the draft does not say which period it means; the latest one available was used"
    if best.verdict == "contradicted" and not doubt:
        read = _read_against(pack, best)
        doubt = _unnamed(ctx, read) or _credited_elsewhere(ctx, read) or _unworded(ctx, read)
    if best.verdict == "contradicted" and doubt:
        return replace(best, verdict="needs_review", explanation=f"{best.explanation} But {doubt}.")
    return best


_OWNED_BEFORE = re.compile(r"(?:['\u2019]s|\ball(?:\s+the)?|\bits|\btheir)\s*$", re.I)


def _size_of_body(ctx: _Context) -> Verdict | None:
    """"The union's 28 leaders", "all 29 national parliaments": a whole number owned by a body whose size a
    table holds, equal to that size on the claim's date, is that size counted once a member. It only bears a
    figure out: any other number is a count of something else, so nothing is said."""
    m, text = ctx.mention, ctx.claim.sentence.text
    if m.unit != "count" or m.vague or m.value is None or not _OWNED_BEFORE.search(
            text[max(0, m.start - ctx.claim.sentence.start - 20):m.start - ctx.claim.sentence.start]):
        return None
    for words in ctx.vocabulary.measures:
        measure = words.measure
        if measure.unit == "count" and measure.holds == "until_changed":
            table = ctx.pack.tables[measure.table]
            for entity in _one_entity(table, measure):
                verdict = _value_reading(ctx, table, measure, entity)
                if verdict.verdict == "supported":
                    return verdict
    return None


def _unnamed(ctx: _Context, read: tuple[ReferenceTable, Measure] | None) -> str:
    """"Wages rose at a 3% rate": only a word of the label ("rate") ties the figure to the measure, and no one
    the table covers is named; a red needs the measure named by its own words or its entity named beside it."""
    if read is None or ctx.frame.entity_from in ("clause", "sentence") or ctx.frame.aggregate not in (
            "value", "change"):
        return ""  # a count is tied by what it counts and its cut-off
    words = ctx.vocabulary.words_of(read[1])
    if words is None or _found(words.names, ctx.claim.sentence.text):
        return ""
    if _found(words.names, ctx.claim.context) and ctx.frame.aggregate == "value":
        return ""  # "when it was 8.5 percent", after a sentence on Ohio's annual rate
    if _found(words.names, ctx.claim.context):  # "the figure breaks down as 3.5 percent": a change of what?
        return f"the {read[1].label} was read as changing from the story around the sentence, which does not name it"
    return f"the draft does not name the {read[1].label} in so many words"


def _unworded(ctx: _Context, read: tuple[ReferenceTable, Measure] | None) -> str:
    """"Active listings increased by 12.4 percent" read as months of inventory because "listings" is one of its
    context words: a red needs a word of the measure itself in the sentence or the story before it."""
    words = ctx.vocabulary.words_of(read[1]) if read is not None else None
    if ctx.frame.aggregate in ("count", "share", "total"):
        return ""  # "only five states met the 10% threshold": its group and cut-off tie a count to its measure
    if words is None or words.names is None or any(
            _found(pattern, text) for pattern in (words.names, label_pattern(read[1].label))
            for text in (ctx.claim.sentence.text, ctx.claim.context[-CONTEXT_EVENT:])):
        return ""  # "Niger's rate was 7.6": a word of its label, beside whom it is about (_unnamed asks that)
    return f"no word of {read[1].label} is in the sentence or the story before it, only words around it"


def _credited_elsewhere(ctx: _Context, read: tuple[ReferenceTable, Measure] | None) -> str:
    """"according to the IISS, Britain falls short with 1.98%": the draft credits the figure to a source other
    than the table's publisher, so a disagreement may be between two sources, not an error."""
    if read is None or ctx.vocabulary.attributions is None:
        return ""
    text, at = ctx.claim.sentence.text, ctx.mention.start - ctx.claim.sentence.start
    credits = list(ctx.vocabulary.attributions.finditer(text))
    if not credits:
        return _spoken_by(ctx, read[0])
    before = [m for m in credits if m.start() < at]
    credit = before[-1] if before else credits[0]
    source = re.split(r"[,.;:(]", text[credit.end():credit.end() + 120])[0].strip()
    if not source or _names_publisher(source, read[0]):
        return ""
    return f"the draft credits it to {source}, not to {_publisher(read[0])}"


def _names_publisher(text: str, table: ReferenceTable) -> bool:
    """Whether a source or a speaker the draft names is the table's publisher (a word of its name)."""
    publisher = {w.lower() for w in re.findall(r"[A-Z][\w-]{2,}", _publisher(table))}
    return bool(publisher & {w.lower() for w in re.findall(r"[\w-]+", text)})


_NAMED = re.compile(r"\b[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+)*")


def _spoken_by(ctx: _Context, table: ReferenceTable) -> str:
    """"Romania's ministry spent some 2.26%, minister Angel Tilvar announced": a figure someone named says, who is
    not the table's publisher, may be their own reckoning, so a disagreement is not an error."""
    text = ctx.claim.sentence.text
    saying = _rule_words(tuple(ctx.rules.word_list("sources", "sayings")))
    found = saying.search(text) if saying is not None else None
    if found is None:
        return ""
    speakers = _NAMED.findall(text[max(0, found.start() - 60):found.end() + 60])
    if not speakers or any(_names_publisher(n, table) for n in speakers):
        return ""
    return f"the draft gives it as said by {speakers[-1]}, not as {_publisher(table)}'s figure"


# --- dates ---------------------------------------------------------------------------------------------

def _day_text(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _span_text(start: date, end: date) -> str:
    if start == end:
        return _day_text(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {start:%B %Y}"
    return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"


def _event_evidence(rule: Rule, pack: ReferencePack, row: dict) -> Evidence:
    return _evidence(pack.tables[rule.params["table"]], row, f"{row['start_date']}/{row['end_date']}",
                     str(row["start_date"]))


NEAR_EVENT_DAYS = 120  # an event found by its place is the claim's only if it falls this near the claimed date


def _judge_event(m: Mention, rows: list[dict], rule: Rule, pack: ReferencePack) -> Verdict | None:
    row = min(rows, key=lambda r: abs((r["start_date"] - m.start_date).days))
    if not rule.params.get("events") and m.granularity != "year" and abs(
            (row["start_date"] - m.start_date).days) > NEAR_EVENT_DAYS:
        return None  # "EU leaders in Brussels in June 2025": not the Brussels summit of 2022
    start, end = row["start_date"], row["end_date"]
    evidence = (_event_evidence(rule, pack, row),)
    within = _within(m)(start, end)
    said = _span_text(start, end)
    if m.granularity == "year" and not within:
        return None  # "in 2021, before the invasion": a year beside an event's words need not be its date
    if within:
        return Verdict("supported", rule.id, evidence, f"{row['event']} took place on {said}.", entity=row["event"],
                       period=f"{start}/{end}")
    return Verdict("contradicted", rule.id, evidence, f"{row['event']} took place on {said}, not {m.text}.",
                   entity=row["event"], period=f"{start}/{end}")


def _within(m: Mention) -> Callable[[date, date], bool]:
    """Whether a date is an event's (from the event's first and last day): one day within it, a span of days its
    own span, a week, a month or a year holding it ("last week"). The date's kind is read once, not once an event
    row: every date of a document is weighed against every row of the event tables."""
    first, last = m.start_date, m.end_date
    if m.granularity in ("month", "year") or _WEEK.search(m.text):
        return lambda start, end: first <= start and end <= last
    if first == last:
        return lambda start, end: start <= first <= end
    return lambda start, end: (first, last) == (start, end)


_WEEK = re.compile(r"\bweek\b", re.I)
INFERRED_YEAR_DAYS = 180  # a day named without its year this far from the draft may be of another year
EVENT_WEEK = 7  # days from the draft's date within which an event not named by its place is the one meant
CONTEXT_EVENT = 600  # characters of the document before a sentence in which the event it speaks of may be named
_SHOWN_AFTER = re.compile(r"\s*(?:showed|shows|said|says|published|released|announced)\b", re.I)
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?(?!\w)")  # "next month's summit": the date of what follows
_DATELINE_END = re.compile(r"\s*(?::|\(\w+\)\s*[-—–]|[-—–]\s)")
_BOUND_BEFORE = re.compile(r"\b(?:since|before|after|until|till)\s+$", re.I)  # "the first since 2019": a bound


def _said_on(claim: Claim) -> bool:
    """A date that says when something was said ("the State Department said on Wednesday", not "says next month's
    summit") or the story's own dateline ("Lima, June 26: the ministers have agreed ..."), not an event's."""
    text, at = claim.sentence.text, claim.mention.start - claim.sentence.start
    after = text[at + len(claim.mention.text):][:24]
    if at < 40 and _DATELINE_END.match(after):
        return True
    return first_match(SAID_BEFORE, text[max(0, at - 120):at]) is not None and not _POSSESSIVE_AFTER.match(after)


def check_event_dates(claim: Claim, rule: Rule, pack: ReferencePack, vocabulary: Vocabulary,
                      pub: date) -> Verdict | None:
    m, text = claim.mention, claim.sentence.text
    if m.kind != "date" or m.granularity not in ("day", "month", "year"):
        return None
    if DRAFT_DAYS.search(m.text) and not _signalled(rule, text[max(0, m.start - claim.sentence.start - 30):
                                                                     m.start - claim.sentence.start]):
        return None  # "today", "yesterday": when the sentence was written, unless "a summit in Lima today"
    table = pack.rows(rule.params["table"])
    if table is None:
        return None
    clause = claim.frame.clause or text
    after = text[m.end - claim.sentence.start:][:24]
    if _said_on(claim):
        return None
    if m.granularity == "year" and not _year_names_event(rule, table, claim, after):
        return None

    def judged(rows: list[dict], in_clause: bool) -> Verdict | None:
        found = _judge_event(m, rows, rule, pack)
        # "on Wednesday", "in July", or "April 3 and 4" a year from the draft: the day or year was inferred from
        # the tense, and may be the wrong one
        yearless = not _YEAR.search(m.text)
        resolved = yearless and (not (m.granularity == "day" and re.search(r"\d", m.text)) or abs(
            (m.start_date - pub).days) > INFERRED_YEAR_DAYS)
        if found is not None and found.verdict == "contradicted" and (
                not in_clause or resolved or tense_of(clause) == "future"):
            # the event is named elsewhere in the sentence, or ahead ("will welcome Sweden on July 10"): the date
            # may be of another step
            return replace(found, verdict="needs_review")
        return found

    if rule.params.get("entity_words"):  # "North Macedonia officially became a member on Friday": by whom it names
        if not _signalled(rule, text, "entity_words"):
            return None
        at = m.start - claim.sentence.start
        if m.granularity == "year" and not _YEAR.search(m.text) and not _signalled(
                rule, text[max(0, at - 40):at], "entity_words"):
            return None  # "Chile aims to reach the target this year, while Peru joined in 2023": not a joining
        named = {name for names in _entities_named(vocabulary, text) for name in names}  # "Holland", "Türkiye"
        rows = [r for r in table if r.get("entity") and (str(r["entity"]) in named or _in_text(
            rf"(?<!\w){re.escape(str(r['entity']))}(?!\w)", text, 0))]
        found = judged(rows, True) if rows else None
        # a signing, a ratification: other steps' days ("signed the final treaty document on March 20"), which a
        # month or a year holding the accession does not bear out
        step = found is not None and _signalled(rule, text, "step_words")
        if found is not None and (found.verdict == "contradicted" or (step and not (
                found.verdict == "supported" and m.start_date == m.end_date))):
            found = replace(found, verdict="unverifiable" if step else "needs_review", explanation=found.explanation + (
                " The sentence speaks of another step, whose day the reference data does not hold." if step else ""))
        return found
    if rule.params.get("events"):
        near = _beside(claim)
        tried = False
        named = list(_events_named(rule, text))
        # "applied to join after the February 2019 election": the event named nearest the date first
        named.sort(key=lambda pair: _distance(claim, pair[1], near))
        first = None
        for item, words in named:
            if not tried or any(_in_text(w, near) for w in words):
                tried = True  # past the first event named, only one named right beside the date may be its
                rows = [r for r in table if r["event_id"] == item.get("event_id")]
                found = judged(rows, all(re.search(w, clause, re.I) for w in words)) if rows else None
                if found is not None and found.verdict == "supported":
                    return found  # of two events named, the date is the one it is
                first = first or found
        return first

    # "leaders will meet in Vilnius on July 11-12": a gathering at an event's place is that event
    here = _signalled(rule, text) or (_signalled(rule, text, "gatherings") and bool(_events_placed(table, text)))
    # "they formally meet Wednesday": the event (by its signal words) is named earlier in the document
    if not here and not (_signalled(rule, claim.context) and _signalled(rule, clause, "gatherings")):
        return None  # a gathering on an event's day may still be that event's (_coinciding_event)
    rows = (_events_placed(table, text) or (not here and _events_placed(table, claim.context[-CONTEXT_EVENT:]))
            or [r for r in table if r["start_date"].year == m.start_date.year])
    return judged(rows, here and _signalled(rule, clause)) if rows else None


@lru_cache(maxsize=1024)
def _in_text(pattern: str, text: str, flags: int = re.IGNORECASE) -> bool:
    """Cached: every date of a sentence asks the same of it, and a table pasted as one sentence has thousands."""
    return may_match(pattern, text) and re.search(pattern, text, flags) is not None


def _year_names_event(rule: Rule, table: list[dict], claim: Claim, after: str) -> bool:
    """Whether a year may be an event's: by the event's own words ("Finland joined in 2023"), right before its
    signal ("the 2024 Summit"), or beside its signal and its place or its only one that year (not "the first
    summit with her, in 2018": which one was first the table does not say)."""
    m, text = claim.mention, claim.sentence.text
    if rule.params.get("events") or rule.params.get("entity_words"):
        return True
    if after.split() and _signalled(rule, " ".join(after.split()[:2])):
        return True
    if not _signalled(rule, text) or _BOUND_BEFORE.search(text[:m.start - claim.sentence.start]):
        return False  # "the first he has attended since 2019": a bound, not the event's year
    return bool(_events_placed(table, text)) or (not _ranked_event(rule, text) and sum(
        r["start_date"].year == m.start_date.year for r in table) == 1)


def _event_beside(claim: Claim, rule: Rule) -> bool:
    """"the city's great flood two years ago", "its February 2019 flood": an event's own words right beside a date
    make it the event's, even where it also gives a figure its period."""
    text, near = claim.sentence.text, _beside(claim)
    return any(all(_in_text(w, text) for w in words) and any(_in_text(w, near) for w in words)
               for words in (_escaped(tuple(item.get("words", ()))) for item in rule.params.get("events") or []))


_NAMED_EVENTS: dict[int, tuple[Rule, str, tuple[tuple[dict, tuple[str, ...]], ...]]] = {}


def _events_named(rule: Rule, text: str) -> tuple[tuple[dict, tuple[str, ...]], ...]:
    """The events of the rule whose every word the sentence holds, each with its escaped words: found once a
    sentence, not once a date (a rule's last sentence is kept)."""
    known = _NAMED_EVENTS.get(id(rule))
    if known is None or known[0] is not rule or known[1] != text:
        if len(_NAMED_EVENTS) > 64:
            _NAMED_EVENTS.clear()
        known = _NAMED_EVENTS[id(rule)] = (rule, text, tuple(
            (item, words) for item in rule.params["events"] for words in (_escaped(tuple(item.get("words", ()))),)
            if all(_in_text(w, text) for w in words)))
    return known[2]


@lru_cache(maxsize=256)
def _escaped(words: tuple[str, ...]) -> tuple[str, ...]:
    """An event's words as patterns, escaped once (not once a date)."""
    return tuple(re.escape(str(w)) for w in words)


def _distance(claim: Claim, words: tuple[str, ...], near: str) -> float:
    """How far from the date the nearest of an event's (escaped) words is, in characters; beyond the window beside
    it, never."""
    if not any(_in_text(w, near) for w in words):
        return float("inf")
    text, at = claim.sentence.text, claim.mention.start - claim.sentence.start
    end = claim.mention.end - claim.sentence.start
    return min((at - f.end() if f.end() <= at else max(0, f.start() - end))
               for w in words for f in re.finditer(w, text, re.I))


def _beside(claim: Claim) -> str:
    """The words right around a date (30 characters before, 15 after), where an event's own words name it."""
    at = claim.mention.start - claim.sentence.start
    return claim.sentence.text[max(0, at - 30):claim.mention.end - claim.sentence.start + 15]


def _ranked_event(rule: Rule, text: str) -> bool:
    """"the first summit", "its second meeting": the event is named by its place in a series."""
    order = r"\b(?:first|second|third|last|previous|next|latest)\s+(?:\w+\s+)?"
    return any(_in_text(rf"{order}{re.escape(w)}(?![\w-])", text) for w in rule.words("signals"))


def _signalled(rule: Rule, text: str, words: str = "signals") -> bool:
    """The rule's signal words ("summit"), or another list of its words, are in the text."""
    return _found(_rule_words(tuple(rule.words(words))), text)


@lru_cache(maxsize=256)
def _rule_words(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for a rule's list of words, each whole (compiled once, not once a date)."""
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)


def _events_placed(table: list[dict], text: str) -> list[dict]:
    """Events whose place the text names ("in Brussels", "The Hague")."""
    return [r for r in table if any(_in_text(rf"(?<!\w){re.escape(part.strip())}(?!\w)", text, 0)
                                    for part in re.split(r"[/(),]", str(r["location"])) if len(part.strip()) > 2)]


def check_event_length(claim: Claim, pub: date, pack: ReferencePack, rules: RuleSet) -> Verdict | None:
    """"the two-day summit in Brussels": the length of the event the sentence names, by its place and the
    draft's date (the nearest such event)."""
    m, text = claim.mention, claim.sentence.text
    if m.kind != "quantity" or m.unit != "day" or m.value is None:
        return None
    for rule in rules.rules:
        table = pack.rows(rule.params["table"]) if rule.kind == "event_dates" else None
        if not table or not _signalled(rule, text):
            continue
        # by its place, or with none named, the one under way around the draft's date ("the two-day summit")
        places = _events_placed(table, text) or [r for r in table if abs((r["start_date"] - pub).days) <= EVENT_WEEK]
        if not places:
            continue
        row = min(places, key=lambda r: abs((r["start_date"] - pub).days))
        if abs((row["start_date"] - pub).days) > 60:
            continue  # no event of that place near the draft's date
        days = (row["end_date"] - row["start_date"]).days + 1
        verdict = "supported" if holds(m, days, rules) else "needs_review"
        return Verdict(verdict, rule.id, (_event_evidence(rule, pack, row),),
                       f"{row['event']} lasted {days} day{'s' if days > 1 else ''} "
                       f"({_span_text(row['start_date'], row['end_date'])}).", entity=row["event"],
                       period=f"{row['start_date']}/{row['end_date']}", reference_value=float(days))
    return None


YEARS_IN = {"year": 1, "decade": 10, "century": 100}
AGE_NEAR = 0.05  # a length of years this near an event's age may be that age; any other is some other length
_AHEAD = re.compile(r"\b(?:next|coming|in|within|another|more|further)\s+(?:the\s+)?$", re.I)


def check_age(claim: Claim, pub: date, pack: ReferencePack, rules: RuleSet) -> Verdict | None:
    """"For over 70 years, the union has...", "six decades since the treaty was signed": a length of years in a
    sentence with the words a rule's `ages` give an event, and near its age, is the time from that event to the draft
    (a year more within a year of the anniversary: "six decades" a few days before it). One that differs is left for
    review, never red: a round "70 years" may count to an anniversary or to a day."""
    m, text = claim.mention, claim.sentence.text
    if m.kind != "quantity" or m.unit not in YEARS_IN or m.value is None:
        return None
    if _AHEAD.search(text[:m.start - claim.sentence.start]):
        return None  # "in eight years", "over the next 10 years": a time ahead, not an age
    for rule in rules.rules:
        table = pack.rows(rule.params["table"]) if rule.kind == "event_dates" else None
        for item in (rule.params.get("ages") or ()) if table else ():
            if not _found(_rule_words(tuple(str(w) for w in item.get("words", ()))), text):
                continue
            row = next((r for r in table if r["event_id"] == item.get("event_id")), None)
            if row is None or row["start_date"] > pub:
                continue
            start = row["start_date"]
            years = pub.year - start.year - ((pub.month, pub.day) < (start.month, start.day))  # whole years
            claimed = replace(m, value=m.value * YEARS_IN[m.unit])
            if abs(claimed.value - years) > max(1.0, AGE_NEAR * years):
                continue  # "more than fifty years", "every two years": another length, which no table holds
            verdict = "supported" if holds(claimed, years, rules) or (holds(claimed, years + 1.0, rules) and (
                claimed.approx or claimed.value == years + 1)) else "needs_review"
            return Verdict(verdict, rule.id, (_event_evidence(rule, pack, row),),
                           f"{row['event']} was on {_day_text(start)}: {years} years before the draft.",
                           entity=row["event"], period=f"{start}/{pub}", reference_value=float(years))
    return None


def check_date(claim: Claim, pub: date, pack: ReferencePack, rules: RuleSet, vocabulary: Vocabulary,
               verdicts_of_sentence: dict[int, Verdict], claims_of_sentence: list[Claim]) -> Verdict:
    for rule in rules.rules:
        if rule.kind == "event_dates" and not (claim.period_of and claim.mention.granularity == "year"
                                               and not _event_beside(claim, rule)):
            verdict = check_event_dates(claim, rule, pack, vocabulary, pub)
            if verdict is not None:
                return verdict
    figures = [(claims_of_sentence[i], verdicts_of_sentence.get(i)) for i in claim.period_of]
    # "Chile expects to meet the 3% threshold by 2030": the deadline is Chile's, not the threshold's; but in
    # "Chile signed the 2014 pledge to spend 3%" the year is the pledge's own
    own = _names_target(claim, vocabulary)
    figures = [(o, v) for o, v in figures if own or not (o.frame.deadline and _borrowed_target(pack, o, v))]
    targets = [(o, v, None if _borrowed_target(pack, o, v) and not own else _target_of(pack, v)) for o, v in figures]
    if own:
        targets = [(o, v, t) for o, v, t in targets if t is not None]
    elif any(t is None for _, _, t in targets) and not any(o.frame.deadline for o, _, t in targets if t):
        targets = []  # the period of a count or a level, not the year of a pledge
    for other, verdict, target in targets:
        if target is not None:
            return _target_date(claim, other, verdict, target, pub, pack, rules, vocabulary)
    if not figures and claim.mention.granularity == "year":
        lead = claim.sentence.text[max(0, claim.mention.start - claim.sentence.start - 30):
                                   claim.mention.start - claim.sentence.start]
        named = any(w.measure.kind == "target" and w.names is not None and w.names.search(lead)
                    for w in vocabulary.measures)
        pledges = _supported_pledges(pack, claims_of_sentence, verdicts_of_sentence) if named else []
        if len(pledges) == 1 and pledges[0][0].mention.kind == "quantity":  # not a deadline year read beside it
            # "agreed in 2014 to spend 2% by 2024": 2014 is when the pledge was set
            other, verdict, target = pledges[0]
            return _target_date(claim, other, verdict, target, pub, pack, rules, vocabulary)
    since = _first_since(claim, figures, pack, vocabulary) if figures else None
    if since is not None:
        return since
    if figures:
        said = ", ".join(f"'{other.mention.text}'" for other, _ in figures)
        if all(_unkept_plan(pack, other, verdict) for other, verdict in figures):
            return Verdict("unverifiable", None, (), (
                f"The deadline of a plan ({said}) no table holds, of a measure targets are set on: a claim of its own, "
                "which needs a source."))
        return Verdict(None, None, (), f"Gives the period of {said}; checked with it.", role="context")
    name = _opened_name(claim, vocabulary)
    if name:
        return Verdict(None, None, (), f"Part of the name '{name}', not a date of its own.", role="context")
    return (_pledged_year(claim, pub, pack, vocabulary) or _release_day(claim, pack)
            or _coinciding_event(claim, pack, rules, vocabulary) or Verdict("unverifiable", None, (), UNCOVERED))


_TITLE_AFTER = re.compile(r"\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)")
_CALENDAR_WORDS = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)


def _opened_name(claim: Claim, vocabulary: Vocabulary) -> str:
    """"the secretary general's 2024 Annual Report": a year opening a title is part of its name, not a date
    claimed ("the 2014 Wales pledge" names a target, read by _names_target); the name, or ""."""
    m, text = claim.mention, claim.sentence.text
    at = m.start - claim.sentence.start
    if m.granularity != "year" or not _DETERMINER_BEFORE.search(text[max(0, at - 20):at]):
        return ""
    rest = text[m.end - claim.sentence.start:]
    title = _TITLE_AFTER.match(rest)
    if title is None or title.group(1).split()[0] in _CALENDAR_WORDS:
        return ""
    after = " ".join(rest[title.end():].split()[:1])
    return "" if any(names.match(after) for names in _target_words(vocabulary)) else f"{m.text} {title.group(1)}"


def _coinciding_event(claim: Claim, pack: ReferencePack, rules: RuleSet, vocabulary: Vocabulary) -> Verdict | None:
    """"the president visited headquarters in Lima on Thursday", "the 30 nations that gathered today": a day on which
    an event of a table was under way, in a clause that speaks of that event by its rule's words, or by its place or
    entity with its words in the story, is that event's day (a month needs both, and the event wholly in it). This
    only ever bears a date out: on another day the clause may speak of anything, so nothing is said. A day something
    was said, published or signed is not the event's."""
    m, text = claim.mention, claim.sentence.text
    if m.kind != "date" or m.granularity not in ("day", "month"):
        return None
    # the events under way that day first: a date no event holds (most of them) costs no search of its sentence
    under_way = _events_under_way(m, pack, rules)
    if not under_way:
        return None
    clause = claim.frame.clause or text
    if _said_on(claim) or _found(_rule_words(rules.word_list("sources", "sayings")), clause):
        return None
    # what the sentence says up to the date's clause's end ("before leaders meet Wednesday" is another clause's);
    # a date opening the sentence is the next clause's ("On July 11, the union will hold a meeting")
    end = claim.frame.clause_start + len(clause)
    upto = text[:end + (60 if claim.frame.clause_start == 0 and len(clause) <= 40 else 0)]
    if DRAFT_DAYS.search(m.text):
        upto = clause  # "continues to do so today": "today" is the event's only in its own clause
    named = {name for names in _entities_named(vocabulary, upto) for name in names}
    story = claim.context[-CONTEXT_EVENT:]
    for rule, table, rows in under_way:
        if not rows or _signalled(rule, text, "step_words"):
            continue
        placed = _events_placed(table, upto)  # "leaders met in Lima in June 2025": not that month's meeting elsewhere
        for row in rows:
            if (not placed or row in placed) and _speaks_of(rule, row, upto, named, story, m.granularity == "month"):
                start, end = row["start_date"], row["end_date"]
                return Verdict("supported", rule.id, (_event_evidence(rule, pack, row),),
                               f"{row['event']} took place on {_span_text(start, end)}.", entity=row["event"],
                               period=f"{start}/{end}")
    return None


# the pack and rules last read, and the events under way on each date read from them (replaced whole on a new pack)
_UNDER_WAY: list[tuple] = [(None, None, {})]
MAX_UNDER_WAY = 4096  # dates remembered; all are forgotten at once beyond this


def _events_under_way(m: Mention, pack: ReferencePack, rules: RuleSet) -> list[tuple[Rule, list[dict], list[dict]]]:
    """Each event rule's table with its rows under way on the date, where any is: weighing every row for every
    date took a twentieth of checking number-dense text, whose dates repeat. Remembered by the date's span."""
    known = _UNDER_WAY[0]
    if known[0] is not pack or known[1] is not rules:
        known = _UNDER_WAY[0] = (pack, rules, {})
    dates, key = known[2], (m.granularity, m.start_date, m.end_date)
    under_way = dates.get(key)
    if under_way is None:
        if len(dates) >= MAX_UNDER_WAY:
            dates.clear()
        holds = _within(m)
        under_way = [(rule, table, [r for r in table if holds(r["start_date"], r["end_date"])])
                     for rule in rules.rules if rule.kind == "event_dates"
                     for table in (pack.rows(rule.params.get("table", "")),) if table]
        under_way = dates[key] = under_way if any(rows for _, _, rows in under_way) else []
    return under_way


def _speaks_of(rule: Rule, row: dict, clause: str, named: set[str], story: str, month: bool) -> bool:
    """Whether a sentence speaks of an event: by its own words, or by its rule's words (a signal, a gathering, a
    word of joining) and, for a month, whom or where it was or a second word of a gathering; or by whom or where it
    was, with a signal in the story before."""
    entity, place = str(row.get("entity") or ""), str(row.get("location") or "")
    if any(all(_in_text(w, clause) for w in _escaped(tuple(item.get("words", ()))))
           for item in rule.params.get("events") or () if item.get("event_id") == row.get("event_id")):
        return True
    who = bool(entity) and (entity in named or _in_text(rf"(?<!\w){re.escape(entity)}(?!\w)", clause, 0))
    where = bool(place) and bool(_events_placed([row], clause))
    said = any(_signalled(rule, clause, key) for key in ("signals", "gatherings", "entity_words"))
    if month:  # "when they met in December, the leaders ...": two words of a gathering name it as well as its place
        gathering = _rule_words(tuple(rule.words("gatherings")))
        return said and (who or where or (gathering is not None and len(
            {w.lower() for w in gathering.findall(clause)}) >= 2))
    return said or ((who or where) and _signalled(rule, story))


def _others_before(claim: Claim, entity: str, vocabulary: Vocabulary) -> list[str]:
    """Who besides a target's body the figure's clause names before it ("Peru will meet a target to spend 2%"):
    the clause is theirs, and so may be its dates."""
    return [names[0] for names in _entities_named(vocabulary, _clause_lead(claim)) if entity not in names]


def _other_named(claim: Claim, entity: str | None, vocabulary: Vocabulary) -> bool:
    """Whether the sentence names someone besides a target's body: its deadline may be theirs."""
    return any(entity not in names for names in _entities_named(vocabulary, claim.sentence.text))


def _borrowed_target(pack: ReferencePack, figure_claim: Claim, verdict: Verdict | None) -> bool:
    """A figure read as a body's established target while its clause is about someone else ("Chile will reach
    the 3% mark this year"): the sentence's dates are that someone's, not the target's."""
    return _target_of(pack, verdict) is not None and bool(figure_claim.frame.entities) and (
        verdict.entity not in figure_claim.frame.entities)


def _first_since(claim: Claim, figures: list[tuple[Claim, Verdict | None]], pack: ReferencePack,
                 vocabulary: Vocabulary) -> Verdict | None:
    """"for the first time since 1992": the year is a claim of its own (when the figure was last reached),
    which a table that starts later cannot settle."""
    found = vocabulary.first_time.search(claim.sentence.text) if vocabulary.first_time else None
    at = claim.mention.start - claim.sentence.start
    if found is None or claim.mention.granularity != "year" or not re.fullmatch(
            r"\s+since\s+", claim.sentence.text[found.end():at], re.I):
        return None
    year = claim.mention.start_date.year
    for other, verdict in figures:
        read = _read_against(pack, verdict)
        if read is None or read[1].kind != "level":
            continue
        table, measure = read
        periods = [str(r["period"]) for r in table.series.get((measure.metric, verdict.entity or ""), [])]
        if not periods:
            continue
        first = min(periods)
        if year < int(first[:4]):
            return Verdict("unverifiable", None, (), (
                f"When {verdict.entity} last had {other.mention.text} before: the {measure.label} figures begin in "
                f"{_said(first)}, after {year}, so they cannot say."), entity=verdict.entity, measure=measure.label)
        return Verdict("needs_review", None, (), (
            f"When {verdict.entity} last had {other.mention.text} before ({year}) is a claim of its own: compare "
            f"the {measure.label} figures from {year} on."), entity=verdict.entity, measure=measure.label)
    return Verdict("unverifiable", None, (), f"When the figure was last reached before ({year}) is a claim of its "
                   "own, which no table read here covers.")


def _release_day(claim: Claim, pack: ReferencePack) -> Verdict | None:
    """"The bureau said Thursday", "estimates from the bureau on Thursday showed": the day a publisher named in the
    sentence put out figures, when one of its tables has an edition out that day."""
    m, text = claim.mention, claim.sentence.text
    if m.granularity != "day" or m.start_date is None or m.start_date != m.end_date:
        return None
    lead, rest = text[:m.start - claim.sentence.start][-30:], text[m.end - claim.sentence.start:][:30]
    if not (SAID_BEFORE.search(lead) or _SHOWN_AFTER.match(rest)):
        return None
    for table in pack.tables.values():
        if table.description is None or any(x.kind == "target" or x.holds == "until_changed"
                                            for x in table.description.measures.values()):
            continue  # a pledge's or a standing figure's date is when it was set, not an edition's release
        row = table.release_days.get(m.start_date)
        publisher = _publisher(table)
        if row is not None and re.search(rf"(?<!\w){re.escape(publisher)}(?!\w)", text, re.IGNORECASE):
            return Verdict("supported", f"{table.name}:release", (_evidence(table, row, str(m.start_date),
                                                                           _vintage_name(table, row)),),
                           f"{publisher}'s {_vintage_name(table, row)} came out on {_day_text(m.start_date)}.",
                           entity=publisher, period=str(m.start_date))
    return None


_SET_IN = re.compile(r"(?:\s+[\w\u2019'-]+){0,6}?\s+in\s+$")  # "... agreed to in", "... they made in", up to the date
_SETTING = re.compile(r"\b(?:agreed|agree|set|made|adopted|signed|committed|pledged|vowed|endorsed|reaffirmed|"
                      r"struck|approved)\b", re.I)  # not "met the target in 2024": the year it was met
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|its|their|our|a|an)|['\u2019]s)(?:\s+[a-z]+)?\s+$", re.I)


def _target_words(vocabulary: Vocabulary) -> list[re.Pattern[str]]:
    """The words of every target measure (any table's): what names a pledge."""
    return [w.names for w in vocabulary.measures if w.measure.kind == "target" and w.names is not None]


def _names_target(claim: Claim, vocabulary: Vocabulary) -> bool:
    """"the 2014 pledge", "the new 2035 deadline": the date opens a target's name (not "since 2006 agreed to");
    "the target that all members agreed to in 2014", "a commitment they made in 2014": it says when one was set."""
    at = claim.mention.start - claim.sentence.start
    lead = claim.sentence.text[max(0, at - 50):at]
    targets = _target_words(vocabulary)
    if _SET_IN.search(lead) and not names_deadline(lead):
        return any(_SET_IN.match(lead, hit.end()) and _SETTING.search(lead, hit.start())
                   for names in targets for hit in names.finditer(lead))
    if not _DETERMINER_BEFORE.search(lead[-20:]):
        return False
    after = " ".join(claim.sentence.text[claim.mention.end - claim.sentence.start:].split()[:1])
    return any(names.match(after) for names in targets)


def _pledged_year(claim: Claim, pub: date, pack: ReferencePack, vocabulary: Vocabulary,
                  entities: Sequence[str] = ()) -> Verdict | None:
    """"Canada expects to hit the target in 2032", "Lithuania and Latvia expect to do so in 2018": a year in a
    sentence that names a pledge and who pledged, with no figure, is checked against those entities' pledges set by
    the draft's date: the pledge due that year bears it out (a year no pledge is due in may be anything else).
    Given `entities`, only their pledges are asked."""
    m, text = claim.mention, claim.sentence.text
    if m.start_date is None or m.granularity != "year" or m.start_date.year != m.end_date.year:
        return None
    year = str(m.start_date.year)
    targets = [w for w in vocabulary.measures if w.measure.kind == "target" and _found(w.names, text)]
    named = set(entities) or ({name for names in _entities_named(vocabulary, text) for name in names} if targets
                              else set())
    pledged = [(w.measure, pack.tables[w.measure.table], entity) for w in vocabulary.measures
               if w.measure.kind == "target" for entity in sorted(named)]
    # then the one body a target table is about, named or not ("reach the target by the new 2035 deadline")
    deadline = not entities and (names_deadline(text[:m.start - claim.sentence.start][-20:]) or (
        _names_target(claim, vocabulary)))  # "by 2035", "the 2035 deadline"
    pledged += [(w.measure, pack.tables[w.measure.table], entity) for w in targets
                for entity in _one_entity(pack.tables[w.measure.table], w.measure) if deadline]
    yearly = re.search(r"\bin\s*$", text[:m.start - claim.sentence.start])  # "meet the target in 2024", not "by"
    for measure, table, entity in pledged:
        if yearly and entity in _one_entity(table, measure) and _others_before(claim, entity, vocabulary):
            continue  # "Peru will meet the union's standard in 2024": Peru's year, not the body's deadline
        due = [r for r in table.series.get((measure.metric, entity), [])
               if r["period"] == year and (table.published(r) or date.min) <= pub]
        if due:
            row, pledge = due[-1], f"{figure(float(due[-1]['value']), measure.unit)} {measure.label}"
            set_by = f"{_given_by(table, row)} {_out_on(table, row)}".strip()
            return Verdict("supported", evidence=(_evidence(table, row, year, str(table.published(row) or "")),),
                           rule=f"{table.name}:{measure.metric}", entity=entity, measure=measure.label, period=year,
                           reference_value=float(row["value"]),
                           explanation=f"{year} is the deadline of {entity}'s {pledge}, set by {set_by}.")
    return None


def _one_entity(table: ReferenceTable, measure: Measure) -> list[str]:
    """The entity of a table that has one for this measure (a body's own targets), else none."""
    own = _entities_of(table, measure)
    return list(own) if len(own) == 1 else []


def _entities_of(table: ReferenceTable, measure: Measure) -> set[str]:
    """The entities a table has figures of for one measure."""
    return {e for (metric, e) in table.series if metric == measure.metric}


def _unkept_plan(pack: ReferencePack, figure_claim: Claim, verdict: Verdict | None) -> bool:
    """"Slovenia will reach 2% by 2030": a deadline for a level no table holds a plan for, where the pack keeps
    targets of that measure, so a plan's deadline is a claim like a target's (not "forecast to reach 74 years by
    2015" of a measure no target is set on)."""
    read = _read_against(pack, verdict)
    return (figure_claim.frame.deadline and verdict is not None and verdict.verdict == "unverifiable" and
            read is not None and bool(pack.targets.get(read[1].metric)))


def _supported_pledges(pack: ReferencePack, claims: list[Claim], verdicts: dict[int, Verdict]) -> list[tuple]:
    """The figures of a sentence read as a pledge and borne out; gathered only for a year a target is named
    before (every year of a pasted table gathering them was quadratic)."""
    pledges = [(c, v, _target_of(pack, v)) for c, v in zip(claims, (verdicts.get(i) for i in range(len(claims))),
                                                           strict=True)]
    return [(c, v, t) for c, v, t in pledges if t is not None and v is not None and v.verdict == "supported"
            and not _borrowed_target(pack, c, v)]


def _read_against(pack: ReferencePack, verdict: Verdict | None) -> tuple[ReferenceTable, Measure] | None:
    """The table and measure a figure was read against."""
    if verdict is None or not verdict.rule:
        return None
    table_name, _, metric = verdict.rule.partition(":")
    table = pack.tables.get(table_name)
    measure = table.description.measures.get(metric.split(":")[0]) if table and table.description else None
    return (table, measure) if measure is not None else None


def _target_of(pack: ReferencePack, verdict: Verdict | None) -> tuple[ReferenceTable, Measure] | None:
    """The target table and measure a figure was read against, if it was read as a target."""
    read = _read_against(pack, verdict)
    return read if read is not None and read[1].kind == "target" else None


_POSSESSIVE = re.compile(r"\b([\w.-]+)['\u2019]s\s+((?:[\w-]+\s+)?)")


def _owned_by_other(lead: str, entity: str, vocabulary: Vocabulary) -> bool:
    """"the government's plan to maintain a 2% benchmark until 2033": a pledge's word (any table's) owned by
    someone other than the target's body, whose deadline it may be."""
    pledges = _target_words(vocabulary)
    for owner in _POSSESSIVE.finditer(lead):
        if any(p.match(lead, at) for p in pledges for at in (owner.start(2), owner.end())) and not _found(
                vocabulary.group, owner.group(1)) and (
                not any(entity in found for found in _entities_named(vocabulary, owner.group(0)))):
            return True
    return False


def _pledges_holding(figure_claim: Claim, verdict: Verdict, target: tuple[ReferenceTable, Measure], pub: date,
                     rules: RuleSet) -> list[dict]:
    """The pledges set by the draft's date whose figure the pledged figure states."""
    table, measure = target
    return [r for r in table.series.get((measure.metric, verdict.entity or ""), [])
            if (table.published(r) or date.min) <= pub and holds(figure_claim.mention, float(r["value"]), rules)]


def _time_to_deadline(claim: Claim, group: list[Claim], verdicts: dict[int, Verdict], pub: date,
                      pack: ReferencePack, rules: RuleSet, vocabulary: Vocabulary) -> Verdict | None:
    """"agreed in 2014 to move toward the 2 percent guideline within a decade", "2% of output within two years": a
    length of years ahead of a pledged figure is the time to the pledge's deadline, counted from the year the
    sentence says it was set or from the draft. Never red: the length may count from some other day."""
    m, text = claim.mention, claim.sentence.text
    if m.unit not in YEARS_IN or m.value is None or not _AHEAD.search(text[:m.start - claim.sentence.start]):
        return None
    named = {c.mention.start_date.year for c in group if c.mention.kind == "date" and c.mention.start_date}
    for i, other in enumerate(group):
        target = _target_of(pack, verdicts.get(i))
        if target is None or other.mention.start > m.start or verdicts[i].verdict != "supported" or (
                _other_named(claim, verdicts[i].entity, vocabulary)):
            continue  # "Chile aims to reach the 3% target in the next three years": Chile's own time
        table, measure = target
        span = m.value * YEARS_IN[m.unit]
        for row in _pledges_holding(other, verdicts[i], target, pub, rules):
            set_on = table.published(row)
            if not str(row["period"]).isdigit() or set_on is None:
                continue
            start, said = (set_on.year, "the year it was set") if set_on.year in named else (
                pub.year, "the draft's year")
            if start + span == int(row["period"]):
                return Verdict("supported", verdicts[i].rule, (_evidence(table, row, row["period"], str(set_on)),),
                               f"{m.text.capitalize()} from {start} ({said}) is {row['period']}, the deadline of the "
                               f"{figure(float(row['value']), measure.unit)} {measure.label}.",
                               entity=verdicts[i].entity, measure=measure.label, period=row["period"],
                               reference_value=float(row["period"]))
        return Verdict("needs_review", verdicts[i].rule, (), f"{m.text.capitalize()} does not reach the deadline of "
                       f"the {other.mention.text} {measure.label} from the year it was set or the draft's; it may "
                       "count from another day.", entity=verdicts[i].entity, measure=measure.label)
    return None


def _target_date(claim: Claim, figure_claim: Claim, verdict: Verdict, target: tuple[ReferenceTable, Measure],
                 pub: date, pack: ReferencePack, rules: RuleSet, vocabulary: Vocabulary) -> Verdict:
    """A year beside a pledged figure: its deadline, or the year it was set ("agreed last year": only that)."""
    table, measure = target
    year = str(claim.mention.start_date.year)
    lead = claim.sentence.text[:claim.mention.start - claim.sentence.start]
    words = vocabulary.words_of(measure)
    names = words.names if words is not None else None
    word = None if names is None else next((f for f in names.finditer(lead) if len(lead[f.end():].split()) <= 1),
                                           None)
    set_when = word is not None and not names_deadline(lead)
    rows = _pledges_holding(figure_claim, verdict, target, pub, rules)
    base = {"rule": verdict.rule, "entity": verdict.entity, "measure": measure.label}
    if not rows:
        return Verdict("unverifiable", evidence=(), explanation=(
            f"{figure_claim.mention.text} is no {measure.label} in the reference data, so its year cannot be "
            "checked."), **base)
    theirs = _others_before(figure_claim, verdict.entity or "", vocabulary)
    for row in rows:
        published = table.published(row)
        if (year == row["period"] and not set_when) or (published is not None and str(published.year) == year):
            pledge = f"{figure(float(row['value']), measure.unit)} {measure.label}"
            said = f"the deadline of the {pledge}" if year == row["period"] else f"the year the {pledge} was set"
            evidence = (_evidence(table, row, row["period"], str(published or "")),)
            if year == row["period"] and theirs:
                # "Peru will meet the target in 2024": when Peru meets it is Peru's own plan; "Peru could reach
                # the target by 2024" may still give the body's deadline
                return _pledged_year(claim, pub, pack, vocabulary, theirs) or Verdict(
                    "needs_review" if names_deadline(lead[-20:]) else "unverifiable", evidence=evidence, explanation=(
                        f"{year} is {said}, but the clause speaks of {' and '.join(theirs)}, whose own plan it may "
                        "be: the reference data holds none due then."), period=row["period"], **base)
            return Verdict("supported", evidence=evidence, explanation=f"{year} is {said}: {verdict.explanation}",
                           period=row["period"], reference_value=float(row["value"]), **base)
    known = ", ".join(f"{row['period']} (set {table.published(row) or '?'})" for row in rows)
    frame = figure_claim.frame
    owned = (not frame.entities or (verdict.entity or "") in frame.entities) and not _other_named(
        figure_claim, verdict.entity, vocabulary) and _body_says(figure_claim, verdict.entity or "", vocabulary)
    # not Peru's own "by 2030", nor a speaker's ("'Our purpose is to reach 2% by 2030'")
    if not owned and (pledged := _pledged_year(claim, pub, pack, vocabulary)) is not None:
        return pledged
    certain = frame.deadline and owned and claim.mention.granularity == "year" and frame.period_from == "clause" and (
        not _owned_by_other(lead, verdict.entity or "", vocabulary))
    said = "was set on " + ", ".join(_day_text(d) for d in (table.published(r) for r in rows) if d) if set_when else (
        f"is due by {known}")
    return Verdict("contradicted" if certain and not set_when else "needs_review",
                   evidence=tuple(_evidence(table, r, r["period"], str(table.published(r) or "")) for r in rows),
                   explanation=f"The {figure_claim.mention.text} {measure.label} {said}, not {year}.",
                   period=year, **base)


def check_claims(claims: list[Claim], pub: date, pack: ReferencePack, rules: RuleSet,
                 vocabulary: Vocabulary) -> list[CheckedClaim]:
    """Quantities first, then the dates of each sentence, which may only give those quantities their period."""
    checked: list[CheckedClaim] = []
    index = 0
    while index < len(claims):
        sentence = claims[index].sentence
        end = index
        while end < len(claims) and claims[end].sentence is sentence:
            end += 1
        group = claims[index:end]
        verdicts: dict[int, Verdict] = {}
        for i, claim in enumerate(group):
            if claim.mention.kind != "quantity":
                continue
            if claim.mention.unit == "count" and _RATE_BASE.search(_stretch_before(claim)):
                rated = [c.mention.text for c in group[:i] if c.mention.kind == "quantity"][-1:]
                verdicts[i] = Verdict(None, None, (), (f"The base of the rate '{rated[0]}'; checked with it." if rated
                                                       else "The base of a rate, not a figure of its own."),
                                      role="context")
                continue  # never checked as a figure of its own
            verdicts[i] = _safely(lambda c=claim: check_event_length(c, pub, pack, rules) or check_age(
                c, pub, pack, rules) or check_quantity(c, pub, pack, rules, vocabulary))
        for i, claim in enumerate(group):
            if claim.mention.kind == "quantity" and verdicts[i].verdict == "unverifiable":
                timed = _safely(lambda c=claim, g=group, v=verdicts: _time_to_deadline(
                    c, g, v, pub, pack, rules, vocabulary))
                verdicts[i] = timed or verdicts[i]
        cut_by = _first_cut_by(group)
        for i, claim in enumerate(group):
            cutoff_of = cut_by.get(id(claim.mention))
            if cutoff_of is not None and i in verdicts and not _target_named(claim, verdicts[i], pack, vocabulary):
                verdicts[i] = Verdict(None, None, (), f"The cut-off of '{cutoff_of.mention.text}'; checked with it.",
                                      role="context")
        for i, claim in enumerate(group):
            if claim.mention.kind == "date":
                verdicts[i] = _safely(lambda c=claim, v=verdicts, g=group: check_date(
                    c, pub, pack, rules, vocabulary, v, g))
        checked.extend(CheckedClaim(claim, verdicts[i]) for i, claim in enumerate(group))
        index = end
    return checked


# "11.8 per 100,000 residents", "8,800 cases for every 100,000 people": the number a rate is counted over
_RATE_BASE = re.compile(r"\b(?:per|for\s+(?:each|every)|out\s+of\s+every|in\s+every)\s+$", re.I)


def _first_cut_by(group: list[Claim]) -> dict[int, Claim]:
    """For each cut-off (by id of its mention), the first claim of the sentence compared with it: one pass,
    where asking every claim about every other was quadratic in a sentence's figures."""
    first: dict[int, Claim] = {}
    for claim in group:
        if claim.frame.cutoff is not None:
            first.setdefault(id(claim.frame.cutoff), claim)
    return first


def _safely(check) -> Verdict:
    """One odd claim never stops a run: it is left for a person, with the reason."""
    try:
        return check()
    except (ArithmeticError, KeyError, TypeError, ValueError) as error:
        return Verdict("needs_review", None, (), f"The checker could not read this claim ({type(error).__name__}: "
                                                 f"{error}); please check it by hand.")


def check_text(text: str, pub_date: date, pack: ReferencePack, rules: RuleSet) -> list[CheckedClaim]:
    """text -> claims (with frames) -> verdicts, in document order."""
    return list(iter_check_text(text, pub_date, pack, rules))


def iter_check_text(text: str, pub_date: date, pack: ReferencePack, rules: RuleSet) -> Iterator[CheckedClaim]:
    """check_text a sentence at a time (sentences are checked independently): the command line prints a
    document of any size in flat memory, where holding every claim of 7 MB of figures took over a gigabyte."""
    load_vague_quantifiers()
    vocabulary = vocabulary_for(pack, rules)
    for _, claims in groupby(iter_claims(text, pub_date, vocabulary), key=lambda claim: claim.sentence):
        yield from check_claims(list(claims), pub_date, pack, rules, vocabulary)


__all__ = ["CheckedClaim", "Evidence", "Verdict", "check_text", "figure", "holds", "iter_check_text", "tolerance_for"]
