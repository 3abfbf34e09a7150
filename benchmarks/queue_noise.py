"""How much of the review queue is noise, before and after asides ("today", "the two powers") leave it: the sample
drafts, and the real-news sentences of tests/realnews/ (each as a small document), where each aside left out is
matched with its hand label, to show what a reviewer no longer sees and whether anyone wanted it checked.

    python benchmarks/queue_noise.py
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench import PROJECT_DIR, SAMPLES_DIR
from workbench.check import check_text
from workbench.reference import load_reference
from workbench.rules import load_rules
from workbench.scoring import document_of, load_entries
from workbench.store import is_aside

SAMPLE_PUB = date(2025, 7, 1)


def main() -> None:
    pack, rules = load_reference(), load_rules()
    for path in sorted(SAMPLES_DIR.glob("*.txt")):
        records = [c.to_record(path.name) for c in check_text(path.read_text(encoding="utf-8"), SAMPLE_PUB, pack,
                                                              rules)]
        claims = [r for r in records if r["role"] != "context"]
        asides = [r["text"] for r in claims if is_aside(r)]
        print(f"{path.name}: {len(records)} mentions, {len(records) - len(claims)} context dates (never queued), "
              f"queue {len(claims)} before, {len(claims) - len(asides)} after; left out: {asides}")
    before = after = still_noise = 0
    left_out: list[tuple[str, str, str]] = []
    for name in ("dev", "heldout"):
        for entry in load_entries(PROJECT_DIR / "tests" / "realnews" / f"{name}.yaml"):
            text, offset = document_of(entry)
            published = entry["published"]
            pub = published if isinstance(published, date) else date.fromisoformat(str(published))
            for checked in check_text(text, pub, pack, rules):
                record = checked.to_record(name)
                if record["start"] < offset or record["role"] == "context":
                    continue
                at = record["start"] - offset
                label = next((c for c in entry.get("claims") or []
                              if entry["sentence"].find(str(c["text"])) <= at < entry["sentence"].find(str(c["text"]))
                              + len(str(c["text"]))), {})
                wanted = "not labelled" if not label else (
                    "wanted" if label.get("wanted", True) and label["verdict"] != "context" else "not wanted")
                before += 1
                if not is_aside(record):
                    after += 1
                    still_noise += wanted == "not wanted"
                    continue
                left_out.append((record["text"], wanted, entry["sentence"][:80]))
    print(f"real news ({before} claims queued before): {after} after; left out {len(left_out)}, of which "
          f"{sum(w == 'not wanted' for _, w, _ in left_out)} labelled not wanted by a fact-checker; still queued "
          f"though labelled not wanted (or context): {still_noise}")
    for text, wanted, sentence in left_out:
        print(f"  {text!r:12} {wanted:12} {sentence}")


if __name__ == "__main__":
    main()
