"""Screenshots of each page of the app into docs/, for the README.

    python scripts/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.app_browser import ROOT, browser_page, running_app

PAGES = [("Check a draft", "check"), ("Review queue", "review"), ("Documents", "documents"),
         ("Reference data", "reference"), ("Export", "export")]


def main() -> None:
    draft = (ROOT / "samples" / "002_284c19069dc4bf21.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder, running_app(Path(folder) / "shots.db") as url, \
            browser_page() as page:
        page.goto(url)
        page.get_by_label("Draft text").fill(draft)
        for part, value in (("year", "2025"), ("month", "07"), ("day", "01")):
            page.get_by_role("spinbutton", name=f"{part}, Publication date").click()
            page.keyboard.type(value)
        page.keyboard.press("Escape")  # close the calendar the date field opened
        page.get_by_role("button", name="Check", exact=True).click()
        page.locator("mark.claim").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1500)
        page.screenshot(path=ROOT / "docs" / "check.png", full_page=True)
        for title, name in PAGES[1:]:
            page.get_by_role("link", name=title).click()
            page.get_by_role("heading", name=title).first.wait_for(timeout=60_000)
            page.wait_for_timeout(2000)
            page.screenshot(path=ROOT / "docs" / f"{name}.png", full_page=name != "review")
            print(f"docs/{name}.png")


if __name__ == "__main__":
    main()
