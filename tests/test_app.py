"""Every page's logic through Streamlit's AppTest: seeding, checking, uploads, errors, reviews, export."""

import io
import shutil

import docx
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from workbench import PROJECT_DIR, REFERENCE_DIR
from workbench.store import connect, stored_claims

MAIN = str(PROJECT_DIR / "workbench" / "app" / "main.py")
POLAND = "Poland spent 4.12% of GDP on defence in 2024."


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "app.db"))
    st.cache_resource.clear()
    at = AppTest.from_file(MAIN, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def page_html(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [h.proto.body for h in at.get("html")])


def check(at, text=None, upload=None, pub="2024-07-01"):
    from datetime import date

    if text is not None:
        at.text_area(key="draft_text").input(text)
    if upload is not None:
        at.file_uploader(key="draft_file").set_value(upload)
    at.date_input(key="pub_date").set_value(date.fromisoformat(pub))
    at.button(key="check").click().run()
    assert not at.exception, at.exception
    return at


def test_first_visit_checks_and_stores_the_sample_drafts(app, tmp_path):
    claims = stored_claims(connect(tmp_path / "app.db"))
    assert {c.document for c in claims} == {"samples/000_5436b8fffafeef4b.txt", "samples/002_284c19069dc4bf21.txt"}
    app.switch_page("pages/review.py").run()
    assert not app.exception
    assert "a handful" in page_html(app) and "contradicted" in page_html(app)


def test_a_pasted_draft_comes_back_highlighted_with_counts(app, tmp_path):
    check(app, f"{POLAND} The NATO summit in The Hague was held on June 24-25, 2025.")
    html = page_html(app)
    assert 'class="claim supported"' in html and "4.12%</mark>" in html and "June 24-25, 2025</mark>" in html
    assert "Supported: 2" in html and "Unverifiable: 0" in html  # "in 2024" is part of the 4.12% claim, not counted
    assert any("pasted draft" in c.document for c in stored_claims(connect(tmp_path / "app.db")))


def test_draft_text_is_never_rendered_as_html(app):
    check(app, f"<script>alert('x')</script> {POLAND} <img src=x onerror=alert(1)> **bold** [link](javascript:x)")
    html = page_html(app)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(" in html
    assert "**bold** [link](javascript:x)" in html  # shown as written, not as Markdown either


def test_word_and_html_uploads_are_read(app):
    document = docx.Document()
    document.add_paragraph(POLAND)
    buffer = io.BytesIO()
    document.save(buffer)
    check(app, upload=("draft.docx", buffer.getvalue(), "application/octet-stream"))
    assert "4.12%</mark>" in page_html(app)
    check(app, upload=("page.html", f"<html><script>var a = 5;</script><p>{POLAND}</p></html>".encode(),
                       "text/html"))
    assert "4.12%</mark>" in page_html(app) and "var a" not in page_html(app)


@pytest.mark.parametrize(("text", "upload", "message"), [
    ("   ", None, "The draft is empty"),
    (None, ("broken.docx", b"not a zip file", "application/octet-stream"), "not a readable Word (.docx) file"),
    (None, ("latin.txt", "Défense 2 %".encode("latin-1"), "text/plain"), "not UTF-8 text"),
    ("x" * 5_000_000, None, "the app checks up to 500,000"),
])
def test_bad_input_gets_a_clear_message_and_the_app_keeps_working(app, text, upload, message):
    check(app, text, upload)
    assert any(message in e.value for e in app.error), [e.value for e in app.error]
    app.file_uploader(key="draft_file").set_value(None)
    check(app, POLAND)
    assert not app.error and "4.12%</mark>" in page_html(app)


def test_a_reviewer_overrides_a_verdict_and_it_is_stored_with_its_history(app, tmp_path):
    app.switch_page("pages/review.py").run()
    app.sidebar.text_input(key="reviewer").input("Ana").run()
    claims = stored_claims(connect(tmp_path / "app.db"))
    handful = next(c for c in claims if c.record["text"] == "a handful")
    key = f"{handful.document}:{handful.claim_id}"
    app.selectbox(key=f"verdict:{key}").set_value("needs_review")
    app.text_input(key=f"note:{key}").input("ask the desk")
    next(b for b in app.button if b.proto.form_id == f"form:{key}").click().run()
    assert not app.exception, app.exception
    again = next(c for c in stored_claims(connect(tmp_path / "app.db")) if c.claim_id == handful.claim_id)
    assert (again.final_verdict, again.reviewer, again.note) == ("needs_review", "Ana", "ask the desk")
    assert "Ana: Contradicted → Needs review — ask the desk" in "\n".join(m.value for m in app.markdown)


def test_reference_page_shows_tables_and_explains_what_failed_to_load(app, tmp_path, monkeypatch):
    app.switch_page("pages/reference.py").run()
    assert not app.error and app.selectbox(key="table").value == "defence_expenditure"
    app.text_input(key="search").input("Poland").run()
    assert "584 rows" in "\n".join(c.value for c in app.caption)
    assert set(app.dataframe[0].value["entity"]) == {"Poland"}
    broken = tmp_path / "ref"
    shutil.copytree(REFERENCE_DIR, broken)
    summits = broken / "nato_summits.csv"
    summits.write_text(summits.read_text(encoding="utf-8").replace("2025-06-24", "June 24th"), encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_REFERENCE_DIR", str(broken))
    st.cache_resource.clear()
    app.run()
    assert any("'June 24th' is not a date as YYYY-MM-DD" in e.value for e in app.error)


def test_export_page_offers_the_csv_and_claimreview(app):
    app.switch_page("pages/export.py").run()
    assert not app.exception
    assert app.get("download_button")
    assert "claims." in "\n".join(c.value for c in app.caption)
