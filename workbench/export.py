"""reviews -> exports: the verified CSV for spreadsheets and schema.org ClaimReview for publishing."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pandas as pd

from workbench.model import Mention
from workbench.store import StoredClaim

# the first 21 columns are the original contract; later ones are added at the end, never renamed
CSV_COLUMNS = ["claim_id", "document", "pub_date", "sentence", "text", "kind", "value", "value_max", "unit",
               "start_date", "end_date", "auto_verdict", "final_verdict", "reviewer", "reviewed_at", "note",
               "explanation", "source_urls", "reference_edition", "status", "look_again",
               "title", "article_url", "entity", "measure", "period", "claimed_figure", "reference_value",
               "auto_explanation", "decided"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
VERDICT_WORDS = {"supported": "Supported", "contradicted": "Contradicted", "needs_review": "Needs review",
                 "unverifiable": "Unverifiable"}
# schema.org Rating for ClaimReview: 1 (false) to 5 (true); unverifiable sits in between
RATINGS = {"contradicted": 1, "needs_review": 3, "unverifiable": 3, "supported": 5}
# where a sentence divides into clauses: clause punctuation, spaced dashes, joining conjunctions
CLAUSE_BREAK = re.compile(r"[;:—]\s*|,(?=\s)|\s[–-]\s|\s(?:and|but|while|whereas)\s")
# small words that lead up to a figure; the words of a claim that comes before another in its clause end before them
LEADING_WORD = re.compile(r"\s(?:to|of|from|at|by|in|on|than|the|a|an|about|around|nearly|some|over|under|almost)$",
                          re.IGNORECASE)

# the check command's CSV and the batch CSV: one row per claim
CHECK_CSV_COLUMNS = ["doc", "claim_id", "start", "end", "text", "kind", "value", "value_max", "unit", "approx",
                     "vague", "start_date", "end_date", "granularity", "sentence", "verdict", "rule", "explanation",
                     "sources"]


def check_csv_row(record: dict) -> dict:
    """A check record as a CSV row: evidence as its source URLs, formula-like text neutralised."""
    row = {**record, "sources": " ".join(dict.fromkeys(e["source_url"] for e in record["evidence"]))}
    return {column: neutralise(row.get(column)) for column in CHECK_CSV_COLUMNS}


def neutralise(cell: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers are left alone."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def ordinal(number: int) -> str:
    """A rank as a reader writes it: 1st, 2nd, 3rd, 11th, 22nd."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def claimed_figure(record: dict) -> str:
    """The claim's figure as the checker read it, in a reader's words ("4.12 percent", "32nd", "5",
    "2025-06-24..2025-06-25 (day)"): a rank takes its suffix and a count needs no unit word."""
    fields = {k: record.get(k) for k in Mention.__dataclass_fields__}
    for key in ("start_date", "end_date"):
        fields[key] = date.fromisoformat(fields[key]) if fields[key] else None
    mention = Mention(**fields)
    reading = mention.describe()
    if mention.kind == "quantity" and mention.unit == "count":
        return reading.replace(" count", "", 1)
    if mention.kind == "quantity" and mention.unit == "ordinal" and float(mention.value).is_integer():
        return reading.replace(f"{mention.value:g} ordinal", ordinal(int(mention.value)), 1)
    return reading


def final_explanation(claim: StoredClaim) -> str:
    """Why the final verdict holds: the checker's reasoning when the reviewer kept its verdict, else the
    reviewer's note, so an overridden claim never carries reasoning that argues for the other verdict."""
    automatic = claim.record["explanation"]
    if claim.final_verdict == claim.auto_verdict:
        return f"{automatic} Reviewer's note: {claim.note}" if claim.note else automatic
    overridden = (f"Rated {VERDICT_WORDS[claim.final_verdict].lower()} by {claim.reviewer} (the automatic check "
                  f"said {VERDICT_WORDS[claim.auto_verdict].lower()}).")
    return f"{claim.note} ({overridden})" if claim.note else overridden


def claims_frame(claims: list[StoredClaim]) -> pd.DataFrame:
    rows = []
    for c in claims:
        r = c.record
        evidence = r.get("evidence") or []
        rows.append({
            "claim_id": c.claim_id, "document": c.document, "pub_date": c.pub_date, "sentence": r["sentence"],
            "text": r["text"], "kind": r["kind"], "value": r["value"], "value_max": r["value_max"],
            "unit": r["unit"], "start_date": r["start_date"], "end_date": r["end_date"],
            "auto_verdict": c.auto_verdict, "final_verdict": c.final_verdict, "reviewer": c.reviewer,
            "reviewed_at": c.reviewed_at, "note": c.note, "explanation": final_explanation(c),
            "source_urls": " ".join(dict.fromkeys(e["source_url"] for e in evidence)),
            "reference_edition": "; ".join(dict.fromkeys(e["as_of"] for e in evidence)),
            "status": c.status, "look_again": c.look_again,
            "title": c.title, "article_url": c.url, "entity": r.get("entity"), "measure": r.get("measure"),
            "period": r.get("period"), "claimed_figure": claimed_figure(r), "reference_value": r.get("reference_value"),
            "auto_explanation": r["explanation"], "decided": c.decided,
        })
    return pd.DataFrame(rows, columns=CSV_COLUMNS)


def to_csv(claims: list[StoredClaim], bom: bool = False) -> bytes:
    """The verified CSV, UTF-8 (with a byte-order mark for Excel when asked), formulas neutralised."""
    frame = claims_frame(claims).map(neutralise)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of `sentence` holding the span start..end (offsets into the sentence)."""
    breaks = list(CLAUSE_BREAK.finditer(sentence))
    begin = max((b.end() for b in breaks if b.end() <= start), default=0)
    finish = min((b.start() for b in breaks if b.start() >= end), default=len(sentence))
    return begin, finish


def claim_words(claims: list[StoredClaim]) -> dict[tuple[str, str], str]:
    """Each claim's own words: the clause that holds its figure. Where several claims share a clause, each but the
    last ends before the next one's figure ("Spending rose from 1.8% in 2014" | "... to 2.1%"), so no two claims
    of a sentence are reviewed under the same words."""
    clauses: dict[tuple[str, int, tuple[int, int]], list[tuple[int, int, str]]] = {}
    for c in claims:
        r = c.record
        start = r["start"] - r["sentence_start"]
        end = start + len(r["text"])
        clauses.setdefault((c.document, r["sentence_start"], _clause(r["sentence"], start, end)), []).append(
            (start, end, c.claim_id))
    sentences = {(c.document, c.record["sentence_start"]): c.record["sentence"] for c in claims}
    words = {}
    for (document, sentence_start, (begin, finish)), members in clauses.items():
        sentence = sentences[(document, sentence_start)]
        members.sort()
        for (_, end, claim_id), following in zip(members, [*members[1:], None], strict=True):
            stop = finish if following is None else max(end, _before_next(sentence, end, following[0]))
            words[(document, claim_id)] = sentence[begin:stop].strip(" ,;:—–-")
    return words


def _before_next(sentence: str, end: int, next_start: int) -> int:
    """Where the words leading up to the next figure stop, less the small words that point at it ("to", "of")."""
    head = sentence[:next_start].rstrip()
    while (match := LEADING_WORD.search(head)) and match.start() >= end:
        head = head[:match.start()].rstrip()
    return len(head)


def claim_review(claim: StoredClaim, organisation: str, site_url: str | None = None,
                 words: str | None = None) -> dict:
    """One schema.org ClaimReview for a decided claim; `words` are the claim's own (default: its clause)."""
    if words is None:
        words = claim_words([claim])[(claim.document, claim.claim_id)]
    appearance = {"@type": "CreativeWork", "name": claim.title or claim.document, "datePublished": claim.pub_date}
    if claim.url:
        appearance["url"] = claim.url
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "datePublished": (claim.reviewed_at or "")[:10],
        "claimReviewed": words,
        "itemReviewed": {"@type": "Claim", "datePublished": claim.pub_date, "appearance": appearance},
        "author": {"@type": "Organization", "name": organisation},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATINGS[claim.final_verdict],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": VERDICT_WORDS[claim.final_verdict],
        },
        "reviewBody": final_explanation(claim),
    }
    if site_url:
        review["url"] = f"{site_url.rstrip('/')}#claim-{claim.claim_id}"
    return review


def publishable(claim: StoredClaim) -> bool:
    """A rating is published only for a claim a reviewer decided, and never as "needs review": that is no rating."""
    return claim.reviewer is not None and claim.final_verdict != "needs_review"


def to_claimreview(claims: list[StoredClaim], organisation: str, site_url: str | None = None) -> bytes:
    """A JSON list of ClaimReview objects, one per decided claim (needs-review claims are left out)."""
    words = claim_words(claims)
    reviews = [claim_review(c, organisation, site_url, words[(c.document, c.claim_id)])
               for c in claims if publishable(c)]
    return json.dumps(reviews, ensure_ascii=False, indent=2).encode("utf-8")
