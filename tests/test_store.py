"""The review store: append-only decisions, re-checks that keep them, exports, and real-process safety."""

import csv
import io
import itertools
import json
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date

import pytest

from workbench import PROJECT_DIR
from workbench.check import check_text
from workbench.export import to_claimreview, to_csv
from workbench.reference import load_reference
from workbench.rules import load_rules
from workbench.store import (
    MIGRATIONS,
    StoreError,
    add_review,
    connect,
    history,
    save_check,
    schema_version,
    stored_claims,
)

PACK, RULES = load_reference(), load_rules()
DRAFT = ("Poland spent 4.12% of GDP on defence in 2024.\n"
         "Only a handful of NATO members have met the goal of 2% of GDP.\n"
         "The two powers disagree.\n")
PUB = date(2024, 7, 1)


def store_draft(conn, text=DRAFT, pub=PUB, name="draft.txt"):
    return save_check(conn, name, text, pub, check_text(text, pub, PACK, RULES))


def by_text(conn, **kwargs):
    return {c.record["text"]: c for c in stored_claims(conn, **kwargs)}


@pytest.fixture
def conn(tmp_path):
    return connect(tmp_path / "store.db")


def test_schema_is_versioned_and_opening_again_changes_nothing(tmp_path):
    first = connect(tmp_path / "s.db")
    assert schema_version(first) == len(MIGRATIONS)
    assert first.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    first.close()
    assert schema_version(connect(tmp_path / "s.db")) == len(MIGRATIONS)


def test_reviews_append_and_the_latest_is_final(conn):
    # "in 2024" only gives 4.12% its period: part of that claim, not stored as one (DESIGN.md, context dates)
    assert store_draft(conn) == {"added": 4, "kept": 0, "gone": 0, "look_again": 0}
    claim = by_text(conn)["4.12%"]
    assert claim.final_verdict == claim.auto_verdict == "supported"
    add_review(conn, claim.claim_id, "needs_review", "Ana", "check the edition")
    add_review(conn, claim.claim_id, "contradicted", "Bo")
    trail = history(conn, claim.claim_id)
    assert [(r.reviewer, r.previous_verdict, r.new_verdict, r.note) for r in trail] == [
        ("Ana", "supported", "needs_review", "check the edition"), ("Bo", "needs_review", "contradicted", "")]
    assert by_text(conn)["4.12%"].final_verdict == "contradicted"
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE reviews SET new_verdict = 'supported'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM reviews")


def test_bad_reviews_are_refused_and_write_nothing(conn):
    store_draft(conn)
    claim_id = by_text(conn)["4.12%"].claim_id
    for args, message in [(("nope", "supported", "Ana"), "unknown claim id"),
                          ((claim_id, "maybe", "Ana"), "unknown verdict"),
                          ((claim_id, "supported", "  "), "reviewer's name")]:
        with pytest.raises(StoreError, match=message):
            add_review(conn, *args)
    assert conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0


def test_recheck_keeps_reviews_marks_gone_and_adds_new(conn):
    store_draft(conn)
    handful = by_text(conn)["a handful"]
    add_review(conn, handful.claim_id, "contradicted", "Ana", "23 allies, not a handful")
    edited = DRAFT.replace("The two powers disagree.", "Latvia spent 3.15% of GDP on defence in 2024.")
    assert store_draft(conn, edited) == {"added": 1, "kept": 3, "gone": 1, "look_again": 0}
    claims = by_text(conn, include_gone=True)
    assert claims["a handful"].reviewer == "Ana" and claims["a handful"].final_verdict == "contradicted"
    assert claims["two"].status == "gone" and claims["3.15%"].reviewer is None


def test_a_changed_automatic_verdict_flags_reviewed_claims_to_look_again(conn):
    store_draft(conn)
    poland = by_text(conn)["4.12%"]
    add_review(conn, poland.claim_id, "supported", "Ana")
    counts = store_draft(conn, pub=date(2025, 10, 1))  # the August 2025 edition is now out: 3.79%
    assert counts["look_again"] == 1
    again = by_text(conn, only="flagged")["4.12%"]
    assert again.look_again and again.auto_verdict == "needs_review" and again.final_verdict == "supported"
    add_review(conn, poland.claim_id, "needs_review", "Bo")
    assert not by_text(conn)["4.12%"].look_again


def test_csv_export_neutralises_formulas_and_can_carry_a_bom(conn):
    hostile = "=HYPERLINK(\"http://evil\") Poland spent 4.12% of GDP on defence in 2024.\n"
    store_draft(conn, hostile, name="@evil.txt")
    rows = list(csv.DictReader(io.StringIO(to_csv(stored_claims(conn)).decode("utf-8"))))
    assert rows and all(r["sentence"].startswith("'=HYPERLINK") and r["document"] == "'@evil.txt" for r in rows)
    assert to_csv(stored_claims(conn), bom=True).startswith(b"\xef\xbb\xbf")


def test_claimreview_has_what_google_asks_for(conn):
    store_draft(conn)
    claim = by_text(conn)["a handful"]
    add_review(conn, claim.claim_id, "contradicted", "Ana", "NATO counted 23 allies at 2%.")
    [review] = json.loads(to_claimreview(stored_claims(conn, only="reviewed"), "The Desk", "https://news.example/fc"))
    assert review["@type"] == "ClaimReview" and review["@context"] == "https://schema.org"
    assert review["claimReviewed"].startswith("Only a handful")
    assert review["reviewRating"]["alternateName"] == "Contradicted" and review["reviewRating"]["ratingValue"] == 1
    assert review["url"] == f"https://news.example/fc#claim-{claim.claim_id}"
    assert review["author"] == {"@type": "Organization", "name": "The Desk"}
    assert review["itemReviewed"]["datePublished"] == "2024-07-01"


WRITER = """
import sys
from workbench.store import add_review, connect
conn = connect(sys.argv[1])
name, count, ids = sys.argv[2], int(sys.argv[3]), sys.argv[4:]
for i in range(count):
    review = add_review(conn, ids[i % len(ids)], ["supported", "contradicted"][i % 2], name, str(i))
    print(review.reviewed_at, flush=True)
"""


def test_two_processes_writing_reviews_at_once_lose_none(tmp_path):
    db = tmp_path / "shared.db"
    conn = connect(db)
    store_draft(conn)
    ids = [c.claim_id for c in stored_claims(conn)][:2]
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), name, "300", *ids], cwd=PROJECT_DIR,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE) for name in ("Ana", "Bo")]
    outputs = [w.communicate(timeout=300) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], [o[1].decode()[-500:] for o in outputs]
    assert conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 600
    for claim_id in ids:
        trail = history(conn, claim_id)
        assert len(trail) == 300
        assert all(a.new_verdict == b.previous_verdict for a, b in itertools.pairwise(trail))
        final = next(c for c in stored_claims(conn) if c.claim_id == claim_id).final_verdict
        assert final == trail[-1].new_verdict


def test_a_process_killed_while_writing_leaves_every_committed_review(tmp_path):
    db = tmp_path / "killed.db"
    conn = connect(db)
    store_draft(conn)
    ids = [c.claim_id for c in stored_claims(conn)][:2]
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db), "Ana", "100000", *ids], cwd=PROJECT_DIR,
                              stdout=subprocess.PIPE)
    acknowledged = 0
    deadline = time.monotonic() + 120
    while acknowledged < 200 and time.monotonic() < deadline:
        if writer.stdout.readline():
            acknowledged += 1
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    assert acknowledged == 200
    after = connect(db)
    assert after.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert after.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] >= acknowledged
