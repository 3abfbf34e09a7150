"""How long the app takes to open, as `make run` starts it: the sample drafts seeded into an empty
store, then the server started; timed from the server's start to the first page showing highlighted
verdicts in a headless browser. Then a 1,000-word draft checked in the page, warm.

    python benchmarks/app_startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.app_browser import ROOT, browser_page, running_app


def main() -> None:
    with browser_page() as page, tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "startup.db"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "workbench.app.seed"], cwd=ROOT, check=True, capture_output=True,
                       env={**os.environ, "WORKBENCH_DB": str(database), "PYTHONPATH": str(ROOT)})
        print(f"seeding the sample drafts into an empty store: {time.perf_counter() - started:.2f} s")
        opens = []
        for _ in range(3):
            started = time.perf_counter()
            with running_app(database) as url:
                page.goto(url)
                page.locator("mark.claim").first.wait_for(timeout=60_000)
                opens.append(time.perf_counter() - started)
                if len(opens) == 3:
                    from benchmarks.news_corpus import articles

                    words = " ".join(articles(1, seed=3)).split()[:1000]
                    page.get_by_role("spinbutton", name="year, Publication date").click()
                    page.keyboard.type("20250701")
                    page.keyboard.press("Escape")  # close the calendar the date field opened
                    for attempt in ("warm-up", "timed"):
                        draft = " ".join(words) + (" The end." if attempt == "timed" else "")
                        page.get_by_label("Draft text").fill(draft)
                        page.get_by_label("Title", exact=True).fill(f"Benchmark {attempt}")
                        page.get_by_label("Title", exact=True).blur()
                        started = time.perf_counter()
                        page.get_by_role("button", name="Check", exact=True).click()
                        page.get_by_role("heading", name=f"Benchmark {attempt}").wait_for(timeout=60_000)
                        if attempt == "timed":
                            print(f"a 1,000-word draft checked and shown in the page, warm: "
                                  f"{time.perf_counter() - started:.2f} s")
        print(f"server start to first page with verdicts: median {statistics.median(opens):.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in opens)})")


if __name__ == "__main__":
    main()
