"""reviews -> exports: the verified CSV for spreadsheets and schema.org ClaimReview for publishing."""

from __future__ import annotations

import io
import json

import pandas as pd

from workbench.store import StoredClaim

CSV_COLUMNS = ["claim_id", "document", "pub_date", "sentence", "text", "kind", "value", "value_max", "unit",
               "start_date", "end_date", "auto_verdict", "final_verdict", "reviewer", "reviewed_at", "note",
               "explanation", "source_urls", "reference_edition", "status", "look_again"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
VERDICT_WORDS = {"supported": "Supported", "contradicted": "Contradicted", "needs_review": "Needs review",
                 "unverifiable": "Unverifiable"}
# schema.org Rating for ClaimReview: 1 (false) to 5 (true); unverifiable and needs review sit in between
RATINGS = {"contradicted": 1, "needs_review": 3, "unverifiable": 3, "supported": 5}


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
            "reviewed_at": c.reviewed_at, "note": c.note, "explanation": r["explanation"],
            "source_urls": " ".join(dict.fromkeys(e["source_url"] for e in evidence)),
            "reference_edition": "; ".join(dict.fromkeys(e["as_of"] for e in evidence)),
            "status": c.status, "look_again": c.look_again,
        })
    return pd.DataFrame(rows, columns=CSV_COLUMNS)


def to_csv(claims: list[StoredClaim], bom: bool = False) -> bytes:
    """The verified CSV, UTF-8 (with a byte-order mark for Excel when asked), formulas neutralised."""
    frame = claims_frame(claims).map(neutralise)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def claim_review(claim: StoredClaim, organisation: str, site_url: str | None = None) -> dict:
    """One schema.org ClaimReview for a reviewed claim."""
    r = claim.record
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "datePublished": (claim.reviewed_at or "")[:10],
        "claimReviewed": r["sentence"],
        "itemReviewed": {
            "@type": "Claim",
            "datePublished": claim.pub_date,
            "appearance": {"@type": "CreativeWork", "name": claim.document, "datePublished": claim.pub_date},
        },
        "author": {"@type": "Organization", "name": organisation},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATINGS[claim.final_verdict],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": VERDICT_WORDS[claim.final_verdict],
        },
        "reviewBody": claim.note or r["explanation"],
    }
    if site_url:
        review["url"] = f"{site_url.rstrip('/')}#claim-{claim.claim_id}"
    return review


def to_claimreview(claims: list[StoredClaim], organisation: str, site_url: str | None = None) -> bytes:
    """A JSON list of ClaimReview objects, one per reviewed claim."""
    reviews = [claim_review(c, organisation, site_url) for c in claims if c.reviewer]
    return json.dumps(reviews, ensure_ascii=False, indent=2).encode("utf-8")
