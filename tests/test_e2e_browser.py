"""End to end in a real headless Chromium: start the app, check a sample draft, override a verdict,
reload, and find the override still there."""

import re

import pytest

from scripts.app_browser import CHROMIUM, browser_page, running_app
from workbench import SAMPLES_DIR
from workbench.store import connect, stored_claims

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (make test "
                                                               "installs it)")


def test_check_override_reload(tmp_path):
    database = tmp_path / "e2e.db"
    draft = (SAMPLES_DIR / "002_284c19069dc4bf21.txt").read_text(encoding="utf-8")
    with running_app(database) as url, browser_page() as page:
        page.goto(url)
        page.get_by_text("Check a draft").first.wait_for(timeout=60_000)
        page.get_by_label("Draft text").fill(draft)
        page.get_by_role("button", name="Check", exact=True).click()
        page.locator("mark.claim").first.wait_for(timeout=60_000)
        assert page.locator("mark.claim").count() >= 8

        page.get_by_role("link", name="Review queue").click()
        page.get_by_label("Your name (recorded with each review)").fill("Ana")
        page.keyboard.press("Enter")
        first = page.locator('[data-testid="stForm"]').first
        first.wait_for(timeout=60_000)
        first.get_by_role("combobox").first.click()
        page.get_by_role("option", name="Unverifiable").click()
        first.get_by_label("Note").fill("checked in the browser")
        first.get_by_role("button", name="Save decision").click()
        page.get_by_text("(by Ana)").first.wait_for(timeout=30_000)

        page.reload()
        page.get_by_role("link", name="Review queue").click()
        page.get_by_text(re.compile(r"Final: Unverifiable \(by Ana\)")).first.wait_for(timeout=60_000)
    reviewed = [c for c in stored_claims(connect(database)) if c.reviewer == "Ana"]
    assert [(c.final_verdict, c.note) for c in reviewed] == [("unverifiable", "checked in the browser")]
