"""End to end in a real headless Chromium: the main flows of the check page and the review desk, as an editor and
a fact-checker use them (keyboard included), against a running app and its own database."""

import csv
import io
import json
import re
from datetime import date
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from scripts.app_browser import CHROMIUM, browser_page, running_app
from workbench import SAMPLES_DIR
from workbench.store import add_reviews, connect, save_check, stored_claims

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (make test "
                                                               "installs it)")
PUB = date(2025, 7, 1)
expect.set_options(timeout=30_000)  # a shared CI machine may take long over one Streamlit rerun


def fill_draft(page, text: str, title: str = "") -> None:
    page.get_by_label("Draft text").fill(text)
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_role("spinbutton", name="year, Publication date").click()
    page.keyboard.type(PUB.strftime("%Y%m%d"))
    page.keyboard.press("Escape")  # a calendar may have opened
    page.get_by_role("button", name="Check", exact=True).click()


def settled(page) -> None:
    """Wait until the app's script has finished its run (a key pressed during a run may go nowhere)."""
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=30_000)


def store_draft(database, name: str, text: str) -> None:
    from workbench.check import check_text
    from workbench.reference import load_reference
    from workbench.rules import load_rules

    save_check(connect(database), name, text, PUB, check_text(text, PUB, load_reference(), load_rules()), title=name)


def test_check_override_reload(tmp_path):
    database = tmp_path / "e2e.db"
    draft = (SAMPLES_DIR / "002_284c19069dc4bf21.txt").read_text(encoding="utf-8")
    with running_app(database) as url, browser_page() as page:
        page.goto(url)
        page.get_by_text("Check a draft").first.wait_for(timeout=60_000)
        fill_draft(page, draft, "Sample story")
        page.get_by_role("heading", name="Sample story").wait_for(timeout=60_000)
        marks = page.locator(".draft mark.claim")
        assert marks.count() >= 8
        assert "<br>" not in marks.first.get_attribute("title")
        marks.first.focus()  # keyboard (and a click or tap) opens the explanation below the mark
        page.locator(".draft mark.claim:focus + span.why").wait_for(state="visible", timeout=10_000)

        page.get_by_role("link", name="Review queue").click()
        page.get_by_label("Your name (recorded with each review)").fill("Ana")
        page.keyboard.press("Enter")
        page.get_by_label("Note (optional, kept with the decision)").fill("checked in the browser")
        page.get_by_role("button", name=re.compile("^Unverifiable")).click()
        page.get_by_text("Saved 1: Unverifiable").wait_for(timeout=30_000)

        page.reload()
        page.get_by_role("button", name="Previous").click()
        page.get_by_text(re.compile(r"Final: Unverifiable \(by Ana\)")).first.wait_for(timeout=60_000)
        expect(page.get_by_label("Your name (recorded with each review)")).to_have_value("Ana")
    reviewed = [c for c in stored_claims(connect(database)) if c.reviewer == "Ana"]
    assert [(c.final_verdict, c.note) for c in reviewed] == [("unverifiable", "checked in the browser")]


def test_a_draft_of_250_claims_is_decided_with_the_keyboard_alone(tmp_path):
    database = tmp_path / "e2e.db"
    lines = [f"Poland spent {1 + n / 100:.2f}% of GDP on defence in 2024." for n in range(125)]
    lines += [f"Estonia spent {1 + n / 100:.2f}% of GDP on defence in 2024." for n in range(126)]
    lines.insert(60, "Today the two powers met again.")  # asides: on the draft, not in the queue or the count
    store_draft(database, "Long draft", "\n".join(lines))
    total = sum(not c.aside for c in stored_claims(connect(database)))
    assert total >= 250 and sum(c.aside for c in stored_claims(connect(database))) == 2
    with running_app(database) as url, browser_page() as page:
        page.goto(f"{url}/review?doc={quote('Long draft')}&reviewer=Ana")
        page.get_by_text(f"Long draft: 0 of {total} decided").wait_for(timeout=60_000)
        for decided in range(1, total + 1):
            settled(page)
            page.keyboard.press("s" if decided % 2 else "a")
            if decided < total:
                page.get_by_text(f"Long draft: {decided} of {total} decided").wait_for(timeout=30_000)
        page.get_by_text("Long draft: all decided ✓").wait_for(timeout=30_000)
    claims = [c for c in stored_claims(connect(database)) if not c.aside]
    assert all(c.decided and c.reviewer == "Ana" for c in claims)
    assert sum(c.final_verdict == "supported" for c in claims) >= (total + 1) // 2  # "s" on every other claim


def settled_text(page, selector: str) -> str:
    """The text of the first match once two reads half a second apart agree (the card follows the position line
    by a rerun of its own)."""
    seen = page.locator(selector).first.inner_text()
    for _ in range(40):
        page.wait_for_timeout(500)
        now = page.locator(selector).first.inner_text()
        if now == seen:
            return now
        seen = now
    return seen


def test_reload_keeps_filters_reviewer_and_position(tmp_path):
    database = tmp_path / "e2e.db"
    draft = (SAMPLES_DIR / "000_5436b8fffafeef4b.txt").read_text(encoding="utf-8")
    store_draft(database, "Story", draft)
    with running_app(database) as url, browser_page() as page:
        page.goto(f"{url}/review")
        page.get_by_label("Your name (recorded with each review)").fill("Bo")
        page.keyboard.press("Enter")
        page.get_by_text("Undecided", exact=True).click()
        page.get_by_text("As in the draft").click()
        position = page.get_by_text(re.compile(r"^Claim \d+ of \d+ in this queue"))
        page.wait_for_timeout(1000)  # the filters' reruns have settled
        start, size = map(int, re.match(r"Claim (\d+) of (\d+)", position.inner_text()).groups())
        page.mouse.click(900, 15)  # out of the inputs: the keys go to the queue
        for step in (1, 2):
            page.keyboard.press("j")
            page.get_by_text(re.compile(rf"^Claim {(start + step - 1) % size + 1} of")).wait_for(timeout=30_000)
        third = (start + 1) % size + 1
        sentence = settled_text(page, '[class*="st-key-claim_card"] mark.claim')
        page.reload()
        page.get_by_text(re.compile(rf"^Claim {third} of")).wait_for(timeout=60_000)
        expect(page.locator('[class*="st-key-claim_card"] mark.claim').first).to_have_text(sentence, timeout=30_000)
        expect(page.get_by_label("Your name (recorded with each review)")).to_have_value("Bo")
        expect(page.get_by_role("radio", name="Undecided")).to_be_checked()
        expect(page.get_by_role("radio", name="As in the draft")).to_be_checked()


def test_an_edited_repaste_keeps_decisions_and_exports_carry_them(tmp_path):
    database = tmp_path / "e2e.db"
    first = ("Budget story\nPoland spent 4.12% of GDP on defence in 2024, and Estonia spent 3.43% of GDP in 2024.\n"
             "Only a handful of NATO members have met the goal of 2% of GDP.\n")
    with running_app(database) as url, browser_page() as page:
        page.goto(url)
        page.get_by_text("Check a draft").first.wait_for(timeout=60_000)
        fill_draft(page, first)
        page.get_by_role("heading", name="Budget story").wait_for(timeout=60_000)
        claims = {c.record["text"]: c for c in stored_claims(connect(database), document="Budget story")}
        add_reviews(connect(database), [("Budget story", claims[t].claim_id) for t in ("4.12%", "3.43%")],
                    "supported", "Ana", "both in the June 2024 edition")
        add_reviews(connect(database), [("Budget story", claims["a handful"].claim_id)], "supported", "Ana")

        page.reload()
        page.get_by_label("Draft text").wait_for(timeout=60_000)
        fill_draft(page, first.replace("Only a handful", "Only a few"))
        page.get_by_text(re.compile("Updated the stored draft .Budget story.: 2 claims unchanged")).wait_for(
            timeout=60_000)
        page.locator(".draft mark.claim", has_text="a few").wait_for(timeout=30_000)
        titles = [m.get_attribute("title") for m in page.locator(".draft mark.claim").all()]
        assert sum("decided by Ana" in t for t in titles) == 2  # the edited sentence's claims are new

        page.get_by_role("link", name="Documents").click()
        page.get_by_label("Your name (recorded with each review)").fill("Ana")
        page.keyboard.press("Enter")
        page.get_by_label(re.compile("^Article URL")).fill("https://news.example/budget")
        page.get_by_role("button", name="Save URL", disabled=False).click()  # not a stale copy mid-rerun
        page.get_by_text("What was done to this draft").click()
        page.get_by_text(re.compile("Ana: url https://news.example/budget")).wait_for(timeout=30_000)

        page.get_by_role("link", name="Export").click()
        with page.expect_download() as csv_download:
            page.get_by_role("button", name="Download verified CSV").click()
        rows = list(csv.DictReader(io.StringIO(csv_download.value.path().read_text(encoding="utf-8"))))
        with page.expect_download() as json_download:
            page.get_by_role("button", name="Download ClaimReview JSON-LD").click()
        reviews = json.loads(json_download.value.path().read_text(encoding="utf-8"))
    budget = {r["text"]: r for r in rows if r["document"] == "Budget story"}
    assert {"entity", "measure", "period", "claimed_figure", "reference_value", "auto_verdict", "auto_explanation",
            "final_verdict", "reviewer", "note", "reviewed_at", "article_url"} <= set(rows[0])
    assert (budget["4.12%"]["entity"], budget["4.12%"]["reference_value"], budget["4.12%"]["reviewer"]) == (
        "Poland", "4.07", "Ana")  # by July 2025 the April 2025 annual report is the latest edition out
    assert budget["a few"]["reviewer"] == "" and budget["a few"]["decided"] == "False"
    words = {r["claimReviewed"] for r in reviews}
    assert words == {"Poland spent 4.12% of GDP on defence in 2024", "Estonia spent 3.43% of GDP in 2024."}
    assert {r["itemReviewed"]["appearance"]["url"] for r in reviews} == {"https://news.example/budget"}


def test_a_selection_of_rows_is_decided_at_once(tmp_path):
    from workbench.app.desk import Filters, queue

    database = tmp_path / "e2e.db"
    store_draft(database, "Story", (SAMPLES_DIR / "000_5436b8fffafeef4b.txt").read_text(encoding="utf-8"))
    first_three = [c.claim_id for c in queue(stored_claims(connect(database)), Filters(document="Story"))[:3]]
    with running_app(database) as url, browser_page() as page:
        page.goto(f"{url}/review?reviewer=Bo&doc=Story")
        page.get_by_text("The whole queue").wait_for(timeout=60_000)
        table = page.locator('[data-testid="stDataFrame"]').last
        table.scroll_into_view_if_needed()
        box = table.bounding_box()
        for row in range(3):  # the row markers at the left of the table: header 35 px, rows 35 px
            settled(page)
            page.mouse.click(box["x"] + 15, box["y"] + 35 + 17 + row * 35)
        page.get_by_role("button", name="Apply to 3 selected").click()
        page.get_by_text(re.compile(r"^Story: 3 of \d+ decided")).wait_for(timeout=30_000)
    decided = [c for c in stored_claims(connect(database)) if c.reviewer == "Bo"]
    assert sorted(c.claim_id for c in decided) == sorted(first_three)
    assert all(c.final_verdict == c.auto_verdict for c in decided)


def reference_copy(tmp_path, monkeypatch):
    """A copy of the reference folder the app (and `check`) read, so an upload never touches the real one."""
    import shutil

    from workbench import REFERENCE_DIR

    folder = tmp_path / "ref"
    shutil.copytree(REFERENCE_DIR, folder)
    monkeypatch.setenv("WORKBENCH_REFERENCE_DIR", str(folder))
    return folder


def test_a_new_edition_uploaded_is_diffed_confirmed_and_flags_the_affected_claims(tmp_path, monkeypatch):
    folder = reference_copy(tmp_path, monkeypatch)
    database = tmp_path / "e2e.db"
    store_draft(database, "Poland story", "Poland spent 4.12% of GDP on defence in 2024.")
    [poland] = stored_claims(connect(database))
    add_reviews(connect(database), [("Poland story", poland.claim_id)], "auto", "Ana")
    edition = tmp_path / "edition.csv"
    edition.write_text((folder / "defence_expenditure.csv").read_text(encoding="utf-8").replace(
        ",2024,4.12,percent,", ",2024,3.50,percent,"), encoding="utf-8")
    with running_app(database) as url, browser_page() as page:
        page.goto(f"{url}/reference?reviewer=Ana")
        page.get_by_text("Upload a new edition of this table").wait_for(timeout=60_000)
        page.locator('input[type="file"]').first.set_input_files(str(edition))
        page.get_by_role("button", name="Check the upload").click()
        page.get_by_text("1 rows added, 1 removed").wait_for(timeout=60_000)
        page.get_by_text("1 stored claims would get another automatic verdict").wait_for(timeout=30_000)
        page.get_by_role("button", name="Confirm: replace defence_expenditure.csv").click()
        page.get_by_text("1 reviewed claims flagged to look at again").wait_for(timeout=60_000)
    [again] = stored_claims(connect(database))
    # accepted while June 2024's 4.12 was an earlier edition's figure (the April 2025 report says 4.07)
    assert again.look_again and again.auto_verdict == "contradicted" and again.final_verdict == "needs_review"


def test_an_entitys_series_is_charted_one_line_per_edition(tmp_path):
    database = tmp_path / "e2e.db"
    store_draft(database, "Poland story", "Poland spent 4.12% of GDP on defence in 2024.")
    with running_app(database) as url, browser_page() as page:
        page.goto(f"{url}/reference")
        page.get_by_text("Revisions across editions").wait_for(timeout=60_000)
        page.get_by_label("Entity", exact=True).click()
        page.get_by_role("option", name="Poland", exact=True).click()
        page.get_by_text(re.compile(r"^Poland: one line per edition \(\d+\)")).wait_for(timeout=30_000)
        chart = page.locator('[data-testid="stVegaLiteChart"][aria-label="Poland: one line per edition"]')
        chart.wait_for(timeout=30_000)
        chart.scroll_into_view_if_needed()
        expect(chart).to_be_visible()
        legend = chart.locator("g.role-legend").text_content()  # SVG: text, not inner text
        assert "August 2025" in legend and "June 2024" in legend
        assert chart.locator("g.mark-line path").count() >= 2  # a line per edition with more than one year
        assert chart.bounding_box()["height"] > 300  # the plot keeps its height beside a long legend


def test_a_new_table_uploaded_and_confirmed_is_used_by_check(tmp_path, monkeypatch):
    import os
    import subprocess
    import sys

    from workbench import PROJECT_DIR

    folder = reference_copy(tmp_path, monkeypatch)
    database = tmp_path / "e2e.db"
    store_draft(database, "Jobless story", "Arcadia's jobless rate was 5.4% in 2024.")
    upload = tmp_path / "rates.csv"
    upload.write_text("country,year,rate,note\nArcadia,2023,6.1,first release\nArcadia,2024,5.4,\n"
                      "Borduria,2024,7.2,\n", encoding="utf-8")
    with running_app(database) as url, browser_page() as page:
        page.goto(f"{url}/reference?reviewer=Ana")
        page.get_by_text("Add a new table").wait_for(timeout=60_000)
        page.locator('input[type="file"]').last.set_input_files(str(upload))
        page.get_by_label("Primary source: title").wait_for(timeout=30_000)
        for label, value in (("Title", "Jobless rate by country"), ("Primary source: title", "Statistics bulletin"),
                             ("Primary source: address (https://...)", "https://stats.example/jobless"),
                             ("Measure id (letters, digits, _)", "jobless_rate"),
                             ("Measure label, as explanations name it", "jobless rate"),
                             ("What news copy calls the measure (comma-separated)", "jobless rate")):
            page.get_by_label(label, exact=True).fill(value)
        page.get_by_role("combobox", name="Unit of the figures").click()
        page.keyboard.type("percent")  # the list is long and only what is scrolled to is drawn: filter it first
        page.get_by_role("option", name="percent", exact=True).click()
        page.get_by_role("button", name="Check the new table").click()
        page.get_by_text("3 rows added, 0 removed").wait_for(timeout=60_000)
        page.get_by_text("1 stored claims would get another automatic verdict").wait_for(timeout=30_000)
        assert not (folder / "rates.csv").exists()
        page.get_by_role("button", name="Confirm: add rates").click()
        page.get_by_text("rates added; the stored drafts were checked again").wait_for(timeout=60_000)
    done = subprocess.run([sys.executable, "-m", "workbench", "check", "--pub-date", "2024-07-01", "--format", "jsonl",
                           "-"], input="Borduria's jobless rate was 7.2% in 2024.", capture_output=True, text=True,
                          cwd=PROJECT_DIR, env={**os.environ, "PYTHONPATH": str(PROJECT_DIR),
                                                "WORKBENCH_CACHE_DIR": str(tmp_path / "cache")}, check=True)
    [claim] = [json.loads(line) for line in done.stdout.splitlines() if json.loads(line)["text"] == "7.2%"]
    assert (claim["verdict"], claim["entity"], claim["evidence"][0]["dataset"]) == ("supported", "Borduria", "rates")
    assert claim["evidence"][0]["source_url"] == "https://stats.example/jobless"
    [stored] = stored_claims(connect(database), document="Jobless story")
    assert stored.auto_verdict == "supported"


def test_a_refused_binary_upload_leaves_word_and_web_page_uploads_working(tmp_path):
    import docx

    binary, word, web = tmp_path / "bin.txt", tmp_path / "a.docx", tmp_path / "a.html"
    binary.write_bytes(bytes(range(256)) * 100)
    document = docx.Document()
    document.add_paragraph("Estonia spent 3.43% of GDP on defence in 2024.")
    document.save(word)
    web.write_text("<html><nav>menu 123</nav><p>Poland spent 4.12% of GDP on defence in 2024.</p></html>")
    with running_app(tmp_path / "e2e.db") as url, browser_page() as page:
        page.goto(url)
        page.get_by_text("Check a draft").first.wait_for(timeout=60_000)
        fill_draft(page, "")  # sets the publication date; an empty draft is refused
        settled(page)
        for upload, shown in ((binary, page.get_by_text("bin.txt: this file is not text saved as UTF-8")),
                              (word, page.get_by_role("heading", name="a.docx")),
                              (web, page.get_by_role("heading", name="a.html"))):
            page.locator('input[type="file"]').set_input_files(str(upload))
            page.get_by_text(upload.name, exact=True).first.wait_for(timeout=30_000)  # the uploader holds it
            page.wait_for_timeout(1_000)  # the upload's own rerun starts; a click before it may go unheard
            settled(page)
            page.get_by_role("button", name="Check", exact=True).click()
            shown.wait_for(timeout=60_000)
        expect(page.locator(".draft")).to_contain_text("4.12%")
        expect(page.locator(".draft")).not_to_contain_text("menu 123")
