"""How the review desk holds up with a big queue: 2,000 stored claims (8 drafts of 250), the review page opened
warm in headless Chromium until the first claim card shows, then decisions by keyboard, each timed until the
progress line moves and the next claim is on screen.

    python benchmarks/review_desk.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.app_browser import browser_page, running_app
from workbench.check import check_text
from workbench.reference import load_reference
from workbench.rules import load_rules
from workbench.store import connect, save_check, stored_claims

PUB = date(2025, 7, 1)
DRAFTS, PER_DRAFT, DECISIONS = 8, 250, 20
SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def fill(database: Path) -> int:
    pack, rules, conn = load_reference(), load_rules(), connect(database)
    for number in range(DRAFTS):
        text = "\n".join(f"Poland spent {1 + n / 100:.2f}% of GDP on defence in 2024."
                         for n in range(PER_DRAFT))
        save_check(conn, f"draft {number}", text, PUB, check_text(text, PUB, pack, rules), title=f"draft {number}")
    return len(stored_claims(conn))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "desk.db"
        total = fill(database)
        with running_app(database) as url, browser_page() as page:
            opens = []
            for _ in range(3):  # the first open warms the server; the median of all three is reported
                started = time.perf_counter()
                page.goto(f"{url}/review?reviewer=Bench")
                page.get_by_text("Claim 1 of").wait_for(timeout=60_000)
                page.locator(SETTLED).wait_for(timeout=60_000)
                opens.append(time.perf_counter() - started)
            steps = {}
            for view, address in (("one draft of 250", f"&doc={quote('draft 0')}"), ("all 2,000", "")):
                page.goto(f"{url}/review?reviewer=Bench{address}")
                done = len(steps.get("one draft of 250", []))
                page.get_by_text(f"draft 0: {done} of {PER_DRAFT} decided").wait_for(timeout=60_000)
                steps[view] = []
                for decided in range(done + 1, done + DECISIONS + 1):
                    page.locator(SETTLED).wait_for(timeout=60_000)
                    started = time.perf_counter()
                    page.keyboard.press("a")
                    page.get_by_text(f"draft 0: {decided} of {PER_DRAFT} decided").wait_for(timeout=60_000)
                    page.locator(SETTLED).wait_for(timeout=60_000)
                    steps[view].append(time.perf_counter() - started)
    print(f"queue of {total:,} claims: first card on screen {statistics.median(opens):.2f} s median "
          f"(opens: {', '.join(f'{t:.2f}' for t in opens)})")
    for view, times in steps.items():
        print(f"a decision saved and the next claim shown ({view} in the queue): median "
              f"{statistics.median(times):.2f} s, slowest {max(times):.2f} s over {DECISIONS}")

if __name__ == "__main__":
    main()
