"""Export speed: 100,000 stored claims to the verified CSV and to ClaimReview, from SQLite.

    python benchmarks/export_speed.py [--claims 100000]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.export import to_claimreview, to_csv
from workbench.store import connect, stored_claims, transaction


def fill(conn, count: int) -> None:
    """`count` claims over 100 documents, a tenth of them reviewed, written as the store would."""
    record = {"text": "5%", "kind": "quantity", "value": 5.0, "value_max": None, "unit": "percent",
              "start_date": None, "end_date": None, "sentence": "Allies pledged 5% of GDP by 2035.",
              "verdict": "supported", "explanation": "The Hague Summit Declaration set 5% of GDP by 2035.",
              "evidence": [{"source_url": "https://example.org/hague", "as_of": "2025-06-25"}]}
    with transaction(conn):
        for d in range(100):
            conn.execute("INSERT INTO documents (name, title, text, pub_date, content_hash, added_at, checked_at)"
                         " VALUES (?, ?, '', '2025-07-01', '', '', '')", (f"doc{d}", f"doc{d}"))
        for i in range(count):
            conn.execute("INSERT INTO claims (document_id, claim_id, position, record, auto_verdict, first_seen,"
                         " last_checked) VALUES (?, ?, ?, ?, 'supported', '', '')",
                         (i % 100 + 1, f"c{i}", i, json.dumps(record)))
            if i % 10 == 0:
                conn.execute("INSERT INTO reviews (document_id, claim_id, reviewer, reviewed_at, previous_verdict,"
                             " new_verdict) VALUES (?, ?, 'Ana', '2025-07-02T10:00:00', 'supported', 'contradicted')",
                             (i % 100 + 1, f"c{i}"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        conn = connect(Path(folder) / "bench.db")
        fill(conn, args.claims)
        started = time.perf_counter()
        claims = stored_claims(conn)
        read = time.perf_counter() - started
        started = time.perf_counter()
        data = to_csv(claims)
        written = time.perf_counter() - started
        started = time.perf_counter()
        reviews = to_claimreview(claims, "Desk", "https://example.org")
        claimreview = time.perf_counter() - started
    print(f"{args.claims:,} claims: read from SQLite {read:.2f} s, verified CSV {written:.2f} s "
          f"({len(data) / 1e6:.1f} MB), ClaimReview for the {args.claims // 10:,} reviewed {claimreview:.2f} s "
          f"({len(reviews) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
