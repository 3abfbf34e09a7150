"""claims -> verdicts: each claim checked by the first rule that applies, with evidence and a reason.

Verdicts (DESIGN.md): supported, contradicted, needs_review, unverifiable. A claim no rule covers is
unverifiable, never guessed. Figures are checked against the editions published on or before the
draft: the latest of them decides; a claim that holds only for an earlier edition needs review.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache

from workbench.claims import Claim, build_claims
from workbench.extract.vague import load_vague_quantifiers
from workbench.model import Mention
from workbench.reference import ReferencePack
from workbench.rules import Rule, RuleSet

UNCOVERED = "No reference data covers this claim; it needs a source of its own."


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
    verdict: str
    rule: str | None
    evidence: tuple[Evidence, ...]
    explanation: str


@dataclass(frozen=True)
class CheckedClaim:
    claim: Claim
    verdict: Verdict

    def to_record(self, doc: str) -> dict:
        """The JSON object of the check contract (DESIGN.md)."""
        record = self.claim.mention.to_record(doc)
        record.update(claim_id=self.claim.claim_id, sentence=self.claim.sentence.text,
                      sentence_start=self.claim.sentence.start,
                      verdict=self.verdict.verdict, rule=self.verdict.rule,
                      evidence=[asdict(e) for e in self.verdict.evidence], explanation=self.verdict.explanation)
        return record


# --- comparing numbers at the claim's own precision ------------------------------------------------

def tolerance_for(mention: Mention, rules: RuleSet) -> float:
    """Half a unit of the claim's last stated digit, in the claim's own scale, widened by approx words."""
    core = re.search(r"\d[\d,]*(?:\.(\d+))?", mention.text)
    if core is None or mention.value is None:
        base = 0.5
    else:
        decimals = len(core.group(1) or "")
        number = float(core.group(0).replace(",", ""))
        scale = abs(mention.value / number) if number else 1.0
        base = 0.5 * 10 ** -decimals * scale
    return base * rules.approx_factor.get(mention.approx or "", 1.0)


def holds(mention: Mention, reference: float, rules: RuleSet) -> bool:
    """Whether the reference figure bears the claim out, read as the claim words it."""
    value, tolerance, eps = mention.value, tolerance_for(mention, rules), 1e-9
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


def _fmt(number: float) -> str:
    return f"{number:,.2f}".rstrip("0").rstrip(".") if not float(number).is_integer() else f"{int(number):,}"


# --- editions ---------------------------------------------------------------------------------------

@lru_cache(maxsize=256)
def published_by(edition_date: str) -> date:
    """The day an edition is known to be out: its date, or the last day of its month if only a month is given."""
    if len(edition_date) == 7:
        year, month = int(edition_date[:4]), int(edition_date[5:7])
        return date(year, month, calendar.monthrange(year, month)[1])
    return date.fromisoformat(edition_date)


def _short_edition(edition: str) -> str:
    month = re.search(r"(January|February|March|April|May|June|July|August|September|October|November|December)"
                      r"\s+(\d{4})", edition)
    if month:
        return f"{month.group(1)} {month.group(2)} edition"
    return edition


def _evidence(table: str, row: dict, value: str, as_of: str) -> Evidence:
    return Evidence(table, row["_line"], value, row["source_url"], row["source_title"], as_of)


def _contains(sentence: str, words: list[str]) -> bool:
    """Whether the sentence has any of the words, as whole words, in any case."""
    return bool(words) and _sentence_has(sentence, tuple(words))


@lru_cache(maxsize=8192)
def _sentence_has(sentence: str, words: tuple[str, ...]) -> bool:
    """Cached: every claim of a sentence asks the same questions of it."""
    return _words_pattern(words).search(sentence) is not None


@lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)


def _editions(rows: list[dict], pub_date: date) -> tuple[list[str], list[str]]:
    """Editions out by the publication date (oldest first), and those that came after it."""
    dates = {r["edition"]: published_by(r["edition_date"]) for r in rows}
    before = sorted((e for e, d in dates.items() if d <= pub_date), key=lambda e: dates[e])
    after = sorted((e for e, d in dates.items() if d > pub_date), key=lambda e: dates[e])
    return before, after


def _revisions(later: list[tuple[str, str]], figure: str) -> str:
    """A sentence on editions published after the draft that changed the figure, or nothing."""
    changed = [(edition, fig) for edition, fig in later if fig != figure]
    return "".join(f" Revised to {fig} in the {_short_edition(e)}, published after this draft." for e, fig in changed)


def _only_earlier_supports(verdicts: list[str]) -> bool:
    """Over editions oldest first: the latest does not support the claim, but an earlier one did."""
    return verdicts[-1] != "supported" and "supported" in verdicts[:-1]


def _across_editions(verdicts: list[str]) -> str:
    """The verdict over editions (oldest first, all out by the draft's date): the latest decides, but a claim
    that only an earlier edition supports needs a reviewer."""
    return "needs_review" if _only_earlier_supports(verdicts) else verdicts[-1]


def _vintage_verdict(results: list[tuple[str, bool, str]], later: list[tuple[str, str]], rule: Rule,
                     evidence: list[Evidence], subject: str) -> Verdict:
    """results: (edition, holds, figure) oldest first, all out by the draft's date; later: revisions after it."""
    latest_edition, _, latest_figure = results[-1]
    verdict = _across_editions(["supported" if ok else "contradicted" for _, ok, _ in results])
    if verdict == "supported":
        text = f"{subject} is {latest_figure} in NATO's {_short_edition(latest_edition)}, which bears the claim out."
    elif verdict == "needs_review":
        figures = ", ".join(f"{fig} in the {_short_edition(e)}" for e, _, fig in results)
        text = f"{subject}: {figures}; the claim holds only for an earlier edition."
    else:
        text = (f"{subject} is {latest_figure} in NATO's {_short_edition(latest_edition)}, "
                "which does not bear the claim out.")
    return Verdict(verdict, rule.id, tuple(evidence), text + _revisions(later, latest_figure))


def _period(claim: Claim, available: list[int], pub_date: date) -> tuple[int | None, str]:
    """The year a claim is about: its sentence's year, else the publication year, else the latest available."""
    observed = [y for y in claim.years if y <= pub_date.year]  # a later year is a deadline, not a period
    if observed:
        year = observed[0]
        return (year, f"{year}") if year in available else (None, f"{year}")
    if pub_date.year in available:
        return pub_date.year, f"{pub_date.year} (the publication year)"
    if available:
        latest = max((y for y in available if y <= pub_date.year), default=max(available))
        return latest, f"{latest} (the latest year available)"
    return None, ""


# --- rule kinds ---------------------------------------------------------------------------------------

Checker = Callable[[Claim, Rule, ReferencePack, RuleSet, date], "Verdict | None"]


def check_metric_value(claim: Claim, rule: Rule, pack: ReferencePack, rules: RuleSet, pub: date) -> Verdict | None:
    m, text = claim.mention, claim.sentence.text
    if m.kind != "quantity" or m.unit != rule.params["unit"] or m.vague:
        return None
    if not _contains(text, rule.words("signals")) or _contains(text, rule.words("not_when")):
        return None
    if rule.words("requires") and not _contains(text, rule.words("requires")):
        return None
    table = pack.rows(rule.params["table"])
    if table is None:
        return None
    metric_rows = [r for r in table if r["metric"] == rule.params["metric"]]
    candidates = [rule.params["entity"]] if rule.params.get("entity") else list(claim.entities)
    named = {r["entity"] for r in metric_rows}
    entity = next((e for e in candidates if e in named), None)
    if entity is None:
        return None
    rows = [r for r in metric_rows if r["entity"] == entity]
    if "edition" not in rows[0]:  # a single-vintage table: the row agreed most recently by the draft's date
        agreed = sorted((r for r in rows if r["agreed"] <= pub), key=lambda r: r["agreed"])
        if not agreed:
            return None
        row = agreed[-1]
        figure = float(row["value"])
        verdict = "supported" if holds(m, figure, rules) else "contradicted"
        return Verdict(verdict, rule.id, (_evidence(rule.params["table"], row, _fmt(figure), str(row["agreed"])),),
                       f"The reference gives {_fmt(figure)} for {entity} as of {row['agreed']}; "
                       f"the claim says {m.text}.")
    before, after = _editions(rows, pub)
    if not before:
        return None
    future = [y for y in claim.years if y > pub.year]
    if future and not [y for y in claim.years if y <= pub.year]:
        return Verdict("unverifiable", rule.id, (), f"A plan or forecast for {future[0]}: published figures cover "
                                                  f"only past years, so a source for the plan is needed.")
    available = sorted({r["period"] for r in rows if r["edition"] in before})
    year, said = _period(claim, available, pub)
    if year is None:
        return Verdict("unverifiable", rule.id, (), f"No NATO figure for {entity} in {said} was published by "
                                                  f"the draft's date.")
    results, evidence, later = [], [], []
    for edition in before + after:
        row = next((r for r in rows if r["edition"] == edition and r["period"] == year), None)
        if row is None:
            continue
        figure = float(row["value"])
        if edition in after:
            later.append((edition, f"{_fmt(figure)}%"))
            continue
        results.append((edition, holds(m, figure, rules), f"{_fmt(figure)}%"))
        evidence.append(_evidence(rule.params["table"], row, _fmt(figure), _short_edition(edition)))
    if not results:
        return Verdict("unverifiable", rule.id, (), f"No NATO figure for {entity} in {said} was published by "
                                                  f"the draft's date.")
    return _vintage_verdict(results, later, rule, evidence[::-1], f"{entity}'s defence spending in {said}")


def check_target(claim: Claim, rule: Rule, pack: ReferencePack, rules: RuleSet, pub: date) -> Verdict | None:
    m, text = claim.mention, claim.sentence.text
    if not _contains(text, rule.words("signals")):
        return None
    table = pack.rows(rule.params["table"])
    if table is None:
        return None
    metrics = rule.words("metrics")
    targets = [r for r in table if r["metric"] in metrics and r["agreed"] <= pub]
    if not targets:
        return None

    def due_or_agreed(row: dict, year: int) -> bool:
        return year in (row["period"], row["agreed"].year)

    def said(row: dict) -> str:
        return (f"{row['commitment']} ({_day_text(row['agreed'])}) set {_fmt(row['value'])}% of GDP "
                f"by {row['period']}.")

    if m.kind == "quantity" and m.unit == "percent" and not m.vague:
        deadline = claim.years[0] if claim.years else None  # the year it is due by, or agreed in
        matching = [r for r in targets if holds(m, float(r["value"]), rules)
                    and (deadline is None or due_or_agreed(r, deadline))]
        if matching:
            row = matching[-1]
            return Verdict("supported", rule.id, (_evidence(rule.params["table"], row, _fmt(row["value"]),
                                                            str(row["agreed"])),), said(row))
        known = "; ".join(f"{_fmt(r['value'])}% by {r['period']} ({r['commitment']})" for r in targets)
        same_year = deadline is not None and any(r["period"] == deadline for r in targets)
        return Verdict("contradicted" if same_year else "needs_review", rule.id, (),
                       f"No NATO target of {m.text} {'for ' + str(deadline) + ' ' if deadline else ''}is in the "
                       f"reference data; the targets are {known}.")
    if m.kind == "date" and m.granularity == "year" and claim.percents:
        percent = claim.percents[0]
        rows = [r for r in targets if holds(percent, float(r["value"]), rules)]
        if not rows:
            return None
        year = m.start_date.year
        row = next((r for r in rows if due_or_agreed(r, year)), rows[-1])
        return Verdict("supported" if due_or_agreed(row, year) else "contradicted", rule.id,
                       (_evidence(rule.params["table"], row, str(row["period"]), str(row["agreed"])),), said(row))
    return None


def _reading(mention: Mention) -> tuple[float, float, str]:
    """The interval a count or vague quantifier claims, and how to say it."""
    if mention.vague:
        high = mention.value_max if mention.value_max is not None else mention.value
        if mention.approx in ("more_than",):
            return mention.value, high, f"'{mention.text}' (more than {_fmt(mention.value)})"
        return mention.value, high, f"'{mention.text}' ({_fmt(mention.value)}–{_fmt(high)})"
    return mention.value, mention.value_max or mention.value, f"'{mention.text}'"


def _judge_count(mention: Mention, actual: float, rules: RuleSet) -> str:
    """supported / contradicted / needs_review for a count or share against the derived figure."""
    if not mention.vague:
        return "supported" if holds(mention, actual, rules) else "contradicted"
    if mention.value_max is None:  # "all", "no", "none": one exact reading
        return "supported" if abs(actual - mention.value) < 1e-9 else "contradicted"
    low, high, _ = _reading(mention)
    margin = 0.05 if mention.unit == "fraction" else 1.0
    strict_low = mention.approx == "more_than"
    inside = (actual > low if strict_low else actual >= low) and actual <= high
    natural_top = mention.unit == "fraction" and high >= 1
    near = abs(actual - low) <= margin or (not natural_top and abs(actual - high) <= margin)
    if near:  # at the edge of a vague reading, inside or out, a person decides
        return "needs_review"
    return "supported" if inside else "contradicted"


def check_threshold_count(claim: Claim, rule: Rule, pack: ReferencePack, rules: RuleSet,
                          pub: date) -> Verdict | None:
    m, text = claim.mention, claim.sentence.text
    if m.kind != "quantity" or m.unit not in ("count", "fraction") or not claim.percents:
        return None
    threshold_mention = claim.percents[0]
    # "spend more than 3%", "spent less than 2%": the threshold's own comparison word says which side
    side_word = {"more_than": "above", "at_least": "at or above", "less_than": "below", "at_most": "at or below"}
    unmet = _contains(text, rule.words("unmet")) or threshold_mention.approx in ("less_than", "at_most")
    if not (unmet or _contains(text, rule.words("met")) or threshold_mention.approx in side_word):
        return None
    if not (m.vague or _contains(text, rule.words("subjects"))):
        return None
    table = pack.rows(rule.params["table"])
    if table is None:
        return None
    threshold = threshold_mention.value
    rows = [r for r in table if r["metric"] == rule.params["metric"] and r["edition_complete"]
            and not r["entity"].startswith("NATO")]
    if not rows:
        return None
    before, after = _editions(rows, pub)
    if not before:
        return None
    available = sorted({r["period"] for r in rows if r["edition"] in before})
    year, said = _period(claim, available, pub)
    if year is None:
        return None
    is_total = bool(re.search(r"\bof\s+(?:the\s+|its\s+)?$", claim.before(12), re.I))
    side = side_word.get(threshold_mention.approx or "", "below" if unmet else "at or above")
    results, later, evidence = [], [], []
    on_side = {"above": lambda v: v > threshold, "at or above": lambda v: v >= threshold,
               "below": lambda v: v < threshold, "at or below": lambda v: v <= threshold}[side]
    for edition in before + after:
        edition_rows = [r for r in rows if r["edition"] == edition and r["period"] == year]
        if not edition_rows:
            continue
        total = len(edition_rows)
        count = sum(1 for r in edition_rows if on_side(r["value"]))
        figure = f"{count} of {total} allies {side} {_fmt(threshold)}%"
        if edition in after:
            later.append((edition, figure))
            continue
        actual = total if is_total else (count / total if m.unit == "fraction" else count)
        verdict = ("supported" if holds(m, actual, rules) else "contradicted") if is_total else _judge_count(
            m, actual, rules)
        results.append((edition, verdict, figure))
        evidence.append(_evidence(rule.params["table"], edition_rows[0], f"{count}/{total}",
                                  f"{_short_edition(edition)}, {year}, derived"))
    if not results:
        return None
    latest_edition, _, latest_figure = results[-1]
    reading = "the number of allies with figures" if is_total else _reading(m)[2]
    text_out = f"In NATO's {_short_edition(latest_edition)}, {latest_figure} in {said}; the claim says {reading}."
    verdicts = [v for _, v, _ in results]
    verdict = _across_editions(verdicts)
    if _only_earlier_supports(verdicts):
        text_out += " It held in an earlier edition: " + "; ".join(
            f"{fig} in the {_short_edition(e)}" for e, _, fig in results[:-1]) + "."
    return Verdict(verdict, rule.id, tuple(evidence[::-1]), text_out + _revisions(later, latest_figure))


def _day_text(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _span_text(start: date, end: date) -> str:
    if start == end:
        return _day_text(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {start:%B %Y}"
    return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"


def _judge_event(m: Mention, rows: list[dict], rule: Rule) -> Verdict:
    row = min(rows, key=lambda r: abs((r["start_date"] - m.start_date).days))
    start, end = row["start_date"], row["end_date"]
    evidence = (_evidence(rule.params["table"], row, f"{start}/{end}", str(start)),)
    # one day must fall within the event; a span of days must be the event's own span
    within = start <= m.start_date <= end if m.start_date == m.end_date else (m.start_date, m.end_date) == (start, end)
    if m.granularity == "month":
        within = (m.start_date <= start <= m.end_date) and (m.start_date <= end <= m.end_date)
    said = _span_text(start, end)
    if within:
        return Verdict("supported", rule.id, evidence, f"{row['event']} took place on {said}.")
    return Verdict("contradicted", rule.id, evidence, f"{row['event']} took place on {said}, not {m.text}.")


def check_event_dates(claim: Claim, rule: Rule, pack: ReferencePack, rules: RuleSet, pub: date) -> Verdict | None:
    m, text = claim.mention, claim.sentence.text
    if m.kind != "date" or m.granularity not in ("day", "month"):
        return None
    if not re.search(r"\d|January|February|March|April|May|June|July|August|September|October|November|December"
                     r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec", m.text, re.I):
        return None  # "today", "on Monday": when the sentence was written, not when the event was
    table = pack.rows(rule.params["table"])
    if table is None:
        return None
    if rule.params.get("events"):
        for item in rule.params["events"]:
            if all(re.search(re.escape(str(w)), text, re.I) for w in item.get("words", [])):
                rows = [r for r in table if r["event_id"] == item.get("event_id")]
                if rows:
                    return _judge_event(m, rows, rule)
        return None
    if not _contains(text, rule.words("signals")):
        return None
    places = [r for r in table if any(
        re.search(rf"(?<!\w){re.escape(part.strip())}(?!\w)", text)
        for part in re.split(r"[/(),]", str(r["location"])) if len(part.strip()) > 2)]
    rows = places or [r for r in table if r["start_date"].year == m.start_date.year]
    return _judge_event(m, rows, rule) if rows else None


CHECKERS: dict[str, Checker] = {
    "event_dates": check_event_dates,
    "threshold_count": check_threshold_count,
    "metric_value": check_metric_value,
    "target": check_target,
}
ORDER = ("event_dates", "threshold_count", "metric_value", "target")


def check_claim(claim: Claim, pub_date: date, pack: ReferencePack, rules: RuleSet) -> Verdict:
    """The verdict of the first rule that applies, by kind in ORDER; unverifiable when none does."""
    for kind in ORDER:
        for rule in (r for r in rules.rules if r.kind == kind):
            verdict = CHECKERS[kind](claim, rule, pack, rules, pub_date)
            if verdict is not None:
                return verdict
    return Verdict("unverifiable", None, (), UNCOVERED)


def check_text(text: str, pub_date: date, pack: ReferencePack, rules: RuleSet) -> list[CheckedClaim]:
    """text -> claims -> verdicts, in document order."""
    load_vague_quantifiers()
    return [CheckedClaim(claim, check_claim(claim, pub_date, pack, rules))
            for claim in build_claims(text, pub_date, rules)]

