"""Every page's logic through Streamlit's AppTest: seeding, checking, uploads, errors, reviews, export."""

import io
import shutil
from html import escape

import docx
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from workbench import PROJECT_DIR, REFERENCE_DIR
from workbench.model import FLAGGED
from workbench.store import (
    connect,
    document_events,
    documents,
    reference_changes,
    set_document_state,
    stored_claims,
)

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
    app.switch_page("views/review.py").run()
    assert not app.exception
    assert "a handful" in page_html(app) and "contradicted" in page_html(app)


def test_a_pasted_draft_comes_back_highlighted_with_counts(app, tmp_path):
    draft = f"{POLAND} The NATO summit in The Hague was held on June 24-25, 2025."
    check(app, draft)
    html = page_html(app)
    assert 'class="claim supported"' in html and "4.12%</mark>" in html and "June 24-25, 2025</mark>" in html
    assert "Supported: 2" in html and "Unverifiable: 0" in html  # "in 2024" is part of the 4.12% claim, not counted
    assert '<mark class="claim context"' in html and "Part of another claim: Gives the period of &#x27;4.12%" in html
    titles = {c.title for c in stored_claims(connect(tmp_path / "app.db"))}
    assert draft in titles  # no title given: the first line, whole while it is short enough
    assert any(c.value.startswith("0 flagged (contradicted or needs review), 2 supported, 0 without reference data")
               for c in app.caption), [c.value for c in app.caption]
    assert "<br>" not in html and 'title="Supported: ' in html and '<span class="why" role="note">' in html


def test_a_long_first_line_becomes_a_title_cut_between_words(app, tmp_path):
    headline = "Defence ministers met the Chairman of the Joint Chiefs of Staff and the Chief of the General Staff " \
               "of the armed forces of Poland in Warsaw"
    check(app, f"{headline}\n{POLAND}")
    title = next(c.title for c in stored_claims(connect(tmp_path / "app.db")) if c.record["text"] == "4.12%")
    assert title.endswith("…") and len(title) <= 120 and headline.startswith(title[:-1])
    assert headline[len(title) - 1] == " "  # the next character: the cut fell between two words


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
    (None, ("odd.txt", b"D\x81fense 2 %", "text/plain"), "odd.txt: this file is not text saved as UTF-8 "
     "(byte 1 cannot be read). Save it as UTF-8"),
    ("x" * 5_000_000, None, "the app checks up to 500,000"),
])
def test_bad_input_gets_a_clear_message_and_the_app_keeps_working(app, text, upload, message):
    check(app, text, upload)
    assert any(message in e.value for e in app.error), [e.value for e in app.error]
    app.file_uploader(key="draft_file").set_value(None)
    check(app, POLAND)
    assert not app.error and "4.12%</mark>" in page_html(app)


def review_page(app, **params):
    for key, value in params.items():
        app.query_params[key] = value
    app.switch_page("views/review.py").run()
    assert not app.exception, app.exception
    return app


def card(app) -> str:
    return "\n".join([m.value for m in app.markdown] + [h.proto.body for h in app.get("html")])


def progress(app) -> list[str]:
    return [p.proto.text for p in app.get("progress")]


def test_a_reviewer_overrides_a_verdict_and_it_is_stored_with_its_history(app, tmp_path):
    review_page(app, q="handful")
    app.sidebar.text_input(key="reviewer").input("Ana").run()
    assert "a handful</mark>" in card(app)
    app.text_input(key=next(t.key for t in app.text_input if t.key.startswith("note:"))).input("ask the desk")
    app.button(key="decide:needs_review").click().run()
    assert not app.exception, app.exception
    handful = next(c for c in stored_claims(connect(tmp_path / "app.db")) if c.record["text"] == "a handful")
    assert (handful.final_verdict, handful.reviewer, handful.note) == ("needs_review", "Ana", "ask the desk")
    app.button(key="previous").click().run()  # the queue moved on; one step back is the decided claim
    assert "Ana: Contradicted → Needs review — ask the desk" in "\n".join(m.value for m in app.markdown)


def test_the_evidence_on_a_card_reads_under_newsroom_headers(app, tmp_path):
    review_page(app, q="handful")
    handful = next(c for c in stored_claims(connect(tmp_path / "app.db")) if c.record["text"] == "a handful")
    evidence = next(d.value for d in app.dataframe if "Source" in d.value)
    assert not {"value", "as_of", "source_title", "source_url"} & set(evidence.columns)
    assert list(evidence["Source"]) == [e["source_title"] for e in handful.record["evidence"]]
    assert list(evidence["As of"]) == [e["as_of"] for e in handful.record["evidence"]]


def test_every_claim_of_a_draft_is_decided_one_after_another_until_all_are(app, tmp_path):
    claims = stored_claims(connect(tmp_path / "app.db"))
    name = claims[0].document
    total = sum(c.document == name and not c.aside for c in claims)  # "today", "the two powers": not queued
    review_page(app, doc=name, reviewer="Bo")
    def flagged_left() -> int:
        return sum(c.document == name and not c.aside and not c.decided and c.auto_verdict in FLAGGED
                   for c in stored_claims(connect(tmp_path / "app.db")))

    assert flagged_left() > 0 and progress(app)[0].endswith(f"0 of {total} decided · {flagged_left()} flagged left")
    seen = set()
    for step in range(total):
        seen.add(app.query_params["at"])
        app.button(key="decide:auto").click().run()
        assert not app.exception, app.exception
        assert progress(app)[0].endswith("all decided ✓" if step == total - 1
                                         else f"{step + 1} of {total} decided · {flagged_left()} flagged left")
    assert len(seen) == total  # each decision moved on to a claim not yet decided
    decided = [c for c in stored_claims(connect(tmp_path / "app.db")) if c.document == name and not c.aside]
    assert all(c.reviewer == "Bo" and c.final_verdict == c.auto_verdict for c in decided)


def test_filters_reviewer_and_position_come_back_from_the_address(app, tmp_path):
    claims = stored_claims(connect(tmp_path / "app.db"))
    target = next(c for c in claims if c.auto_verdict == "unverifiable")  # an aside: "today" or "the two powers"
    review_page(app, reviewer="Ana", verdicts="unverifiable,supported", show="undecided", order="draft",
                at=f"{target.claim_id}@{target.document}", asides="1")
    assert app.sidebar.text_input(key="reviewer").value == "Ana" and app.sidebar.checkbox(key="f_asides").value
    assert app.sidebar.multiselect(key="f_verdicts").value == ["unverifiable", "supported"]
    assert app.sidebar.radio(key="f_show").value == "undecided" and app.sidebar.radio(key="f_order").value == "draft"
    assert f"{escape(target.record['text'])}</mark>" in card(app)
    app.sidebar.text_input(key="f_search").input("zzz-nothing").run()
    assert app.query_params["q"] == "zzz-nothing" and any("No claim matches" in i.value for i in app.info)


def test_all_supported_claims_of_a_draft_are_accepted_at_once(app, tmp_path):
    claims = stored_claims(connect(tmp_path / "app.db"))
    name = next(c.document for c in claims if c.auto_verdict == "supported")
    review_page(app, doc=name, reviewer="Ana")
    app.button(key="accept_supported").click().run()
    after = [c for c in stored_claims(connect(tmp_path / "app.db")) if c.document == name]
    assert {c.auto_verdict for c in after if c.reviewer} == {"supported"}
    assert all(c.decided for c in after if c.auto_verdict == "supported")
    assert not any(c.reviewer for c in after if c.auto_verdict != "supported")


def test_an_edited_recheck_updates_its_draft_and_keeps_decisions(app, tmp_path):
    first = f"Budget story\n{POLAND}\nOnly a handful of NATO members have met the goal of 2% of GDP.\n"
    check(app, first)
    db = connect(tmp_path / "app.db")
    poland = next(c for c in stored_claims(db, document="Budget story") if c.record["text"] == "4.12%")
    review_page(app, doc="Budget story", reviewer="Ana", at=f"{poland.claim_id}@Budget story")
    app.button(key="decide:contradicted").click().run()
    app.switch_page("views/check.py").run()
    check(app, first.replace("a handful", "most"))
    assert any("decisions kept" in i.value for i in app.info)
    stored = stored_claims(db, document="Budget story")
    assert {c.record["text"]: c.final_verdict for c in stored}["4.12%"] == "contradicted"
    assert "most" in {c.record["text"] for c in stored} and "a handful" not in {c.record["text"] for c in stored}
    assert sum(d.title == "Budget story" for d in documents(db)) == 1
    assert "Contradicted (decided by Ana; automatic: Supported)" in page_html(app)  # the final verdict on the draft


def test_a_draft_needs_one_source_and_a_publication_date(app):
    app.text_area(key="draft_text").input(POLAND)
    app.button(key="check").click().run()
    assert any("Set the publication date" in e.value for e in app.error)
    check(app, POLAND, upload=("a.txt", POLAND.encode(), "text/plain"))
    assert any("both pasted text and an uploaded file" in e.value for e in app.error)


def test_windows_1252_text_is_read_with_a_notice(app):
    check(app, upload=("old.txt", "Poland spent 4.12% of GDP on défense in 2024 – “quoted”.".encode("cp1252"),
                       "text/plain"))
    assert any("read as Windows-1252" in i.value for i in app.info)
    html = page_html(app)  # 2024 is a context mark: the part of the 4.12% claim that gives its period
    assert "défense in <mark class=\"claim context\"" in html and "2024</mark>" in html and " – “quoted”." in html


def test_documents_page_sets_the_url_archives_and_deletes(app, tmp_path):
    app.switch_page("views/documents.py").run()
    assert not app.exception, app.exception
    assert set(app.dataframe[0].value["Status"]) == {"undecided"}
    app.sidebar.text_input(key="reviewer").input("Ana").run()
    name = app.selectbox(key="document").value
    app.text_input(key=f"url:{name}").input("https://news.example/story")
    next(b for b in app.button if b.proto.form_id == "article_url").click().run()
    assert connect(tmp_path / "app.db").execute("SELECT url FROM documents WHERE name = ?", (name,)).fetchone()[0] \
        == "https://news.example/story"
    app.button(key="archive").click().run()
    assert name not in {d.name for d in documents(connect(tmp_path / "app.db"), states=("active",))}
    app.checkbox(key="show_archived").check().run()
    app.selectbox(key="document").set_value(name).run()
    app.checkbox(key="sure").check().run()
    app.button(key="delete").click().run()
    assert name not in {d.name for d in documents(connect(tmp_path / "app.db"))}
    assert [(who, action) for _, who, action, _ in document_events(connect(tmp_path / "app.db"), name)] == [
        ("Ana", "url"), ("Ana", "archived"), ("Ana", "deleted")]


def spending_rows() -> int:
    """The rows of the spending table as shipped (the page must show them all, whatever editions are added)."""
    return len((REFERENCE_DIR / "defence_expenditure.csv").read_text(encoding="utf-8").strip().splitlines()) - 1


def test_reference_page_shows_tables_and_explains_what_failed_to_load(app, tmp_path, monkeypatch):
    app.switch_page("views/reference.py").run()
    assert not app.error and app.selectbox(key="table").value == "defence_expenditure"
    app.text_input(key="search").input("Poland").run()
    assert f"{spending_rows():,} rows" in "\n".join(c.value for c in app.caption)
    shown = rows_shown(app)  # Poland's rows, and any row whose notes name Poland
    assert "Poland" in set(shown["entity"]) and all(
        "poland" in " ".join(map(str, row)).lower() for row in shown.itertuples(index=False))
    broken = tmp_path / "ref"
    shutil.copytree(REFERENCE_DIR, broken)
    summits = broken / "nato_summits.csv"
    summits.write_text(summits.read_text(encoding="utf-8").replace("2025-06-24", "June 24th"), encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_REFERENCE_DIR", str(broken))
    st.cache_resource.clear()
    app.run()
    assert any("'June 24th' is not a date as YYYY-MM-DD" in e.value for e in app.error)


def rows_shown(app):
    """The reference page's table of rows (the other tables are its sources and an edition's figures)."""
    return next(d.value for d in app.dataframe if "entity" in d.value)


def test_reference_page_names_the_primary_source_first_and_charts_editions(app):
    app.switch_page("views/reference.py").run()
    assert not app.exception, app.exception
    sources = app.dataframe[0].value
    assert list(sources.columns) == ["Primary source", "Read from", "Title", "Rows"]
    first = sources.iloc[0]  # the most rows rest on it: NATO's own file, read from a repository's copy
    assert first["Primary source"].startswith("https://www.nato.int/") and first["Read from"].startswith("github:")
    assert sources["Rows"].sum() == spending_rows()
    assert len(app.get("vega_lite_chart")) == 1
    entity = app.selectbox(key="edition_entity:defence_expenditure").value
    assert f"{entity}: one line per edition" in "\n".join(c.value for c in app.caption)
    app.selectbox(key="edition_entity:defence_expenditure").set_value("Poland").run()
    figures = next(d.value for d in app.dataframe if d.value.index.name == "period")
    assert len(figures.columns) >= 3 and "2024" in figures.index  # a column per edition, a row per period
    app.selectbox(key="table").set_value("nato_summits").run()
    assert not app.get("vega_lite_chart")  # no editions, no chart


def test_export_page_offers_the_csv_and_claimreview_per_draft(app, tmp_path):
    app.switch_page("views/export.py").run()
    assert not app.exception
    everything = len(stored_claims(connect(tmp_path / "app.db")))
    assert f"{everything} claims." in "\n".join(c.value for c in app.caption)
    name = documents(connect(tmp_path / "app.db"))[0].name
    app.selectbox(key="export_document").set_value(name).run()
    one = len(stored_claims(connect(tmp_path / "app.db"), document=name))
    assert one < everything and f"{one} claims." in "\n".join(c.value for c in app.caption)
    assert app.get("download_button")


def test_the_check_page_leaves_a_deleted_draft_for_the_latest_one(app, tmp_path):
    check(app, f"Short note\n{POLAND}")
    set_document_state(connect(tmp_path / "app.db"), "Short note", "deleted", "Ana")
    app.run()
    assert not app.exception and "Short note" not in [h.value for h in app.subheader]


def test_a_new_edition_of_a_reference_table_is_checked_diffed_confirmed_and_logged(app, tmp_path, monkeypatch):
    folder = tmp_path / "ref"
    shutil.copytree(REFERENCE_DIR, folder)
    monkeypatch.setenv("WORKBENCH_REFERENCE_DIR", str(folder))
    st.cache_resource.clear()
    check(app, f"Poland story\n{POLAND}")
    db = connect(tmp_path / "app.db")
    poland = next(c for c in stored_claims(db, document="Poland story") if c.record["text"] == "4.12%")
    assert poland.auto_verdict == "supported"
    review_page(app, reviewer="Ana", doc="Poland story", at=f"{poland.claim_id}@Poland story")
    app.button(key="decide:auto").click().run()
    table = folder / "defence_expenditure.csv"
    original = table.read_text(encoding="utf-8")
    app.switch_page("views/reference.py").run()
    app.selectbox(key="table").set_value("defence_expenditure").run()

    broken = original.replace(",2024,4.12,percent,", ",2024,four,percent,")
    app.get("file_uploader")[0].set_value(("edition.csv", broken.encode(), "text/csv")).run()
    app.button(key="reference_check").click().run()
    assert any(e.value.startswith("Refused, as it would be at load: edition.csv") for e in app.error)
    assert not [b for b in app.button if b.key == "reference_confirm"]

    edition = original.replace(",2024,4.12,percent,", ",2024,3.50,percent,")
    app.get("file_uploader")[0].set_value(("edition.csv", edition.encode(), "text/csv")).run()
    app.button(key="reference_check").click().run()
    assert not app.exception, app.exception
    page = "\n".join(m.value for m in app.markdown)
    assert "1 rows added, 1 removed" in page
    affected = app.dataframe[-1].value
    assert ("4.12%", "supported", "contradicted") in set(zip(affected["claim"], affected["before"], affected["after"],
                                                             strict=True))
    assert table.read_text(encoding="utf-8") == original  # nothing replaced before confirming
    app.button(key="reference_confirm").click().run()
    assert not app.exception, app.exception
    assert table.read_text(encoding="utf-8") == edition
    again = next(c for c in stored_claims(db, document="Poland story") if c.claim_id == poland.claim_id)
    assert again.look_again and again.auto_verdict == "contradicted" and again.final_verdict == "supported"
    [change] = reference_changes(db)
    assert (change.actor, change.table_name, change.file_name, change.rows_added) == (
        "Ana", "defence_expenditure", "edition.csv", 1)


def test_the_reviewers_name_follows_them_to_another_page_and_can_be_changed(app):
    review_page(app, reviewer="Ana")
    app.switch_page("views/documents.py").run()
    assert app.sidebar.text_input(key="reviewer").value == "Ana" and app.query_params["reviewer"] == "Ana"
    app.sidebar.text_input(key="reviewer").input("Bo").run()
    app.switch_page("views/review.py").run()
    assert app.sidebar.text_input(key="reviewer").value == "Bo" and app.query_params["reviewer"] == "Bo"
    app.sidebar.text_input(key="reviewer").input("").run()
    assert app.sidebar.text_input(key="reviewer").value == "" and "reviewer" not in app.query_params


RATES = "country,year,rate,note\nArcadia,2023,6.1,first release\nArcadia,2024,5.4,\nBorduria,2024,7.2,\n"


def fill_new_table(app, data: str, file_name="rates.csv"):
    app.get("file_uploader")[-1].set_value((file_name, data.encode(), "text/csv")).run()
    for key, value in (("nt_title", "Jobless rate by country"), ("nt_source_title", "Statistics office bulletin"),
                       ("nt_source_url", "https://stats.example/jobless"), ("nt_metric", "jobless_rate"),
                       ("nt_label", "jobless rate"), ("nt_words", "jobless rate, unemployment rate"),
                       ("nt_retrieved_from", "a wire copy of the bulletin")):
        app.text_input(key=key).input(value)
    app.selectbox(key="nt_entity").set_value("country")
    app.selectbox(key="nt_period").set_value("year")
    app.selectbox(key="nt_value").set_value("rate")
    app.selectbox(key="nt_unit").set_value("percent")
    next(b for b in app.button if b.proto.form_id == "new_table").click().run()
    assert not app.exception, app.exception


def test_a_new_table_is_validated_as_at_load_and_added_only_when_confirmed(app, tmp_path, monkeypatch):
    import json
    from datetime import date

    from workbench.check import check_text
    from workbench.reference import load_reference
    from workbench.rules import load_rules

    folder = tmp_path / "ref"
    shutil.copytree(REFERENCE_DIR, folder)
    monkeypatch.setenv("WORKBENCH_REFERENCE_DIR", str(folder))
    st.cache_resource.clear()
    draft = "Jobless story\nArcadia's jobless rate was 5.4% in 2024.\n"
    check(app, draft)
    descriptor = (folder / "datapackage.json").read_text(encoding="utf-8")
    app.switch_page("views/reference.py").run()
    app.sidebar.text_input(key="reviewer").input("Ana").run()

    fill_new_table(app, RATES.replace("7.2", "seven"))
    assert [e.value for e in app.error] == ["Refused, as it would be at load: rates.csv, row 4, column 'value' "
                                            "(the upload's 'rate'): 'seven' is not a number"]
    fill_new_table(app, RATES)
    assert "3 rows added, 0 removed" in "\n".join(m.value for m in app.markdown)
    affected = app.dataframe[-1].value
    assert list(zip(affected["claim"], affected["before"], affected["after"], strict=True)) == [
        ("5.4%", "unverifiable", "supported")]
    assert not (folder / "jobless_rate.csv").exists() and not (folder / "rates.csv").exists()
    assert (folder / "datapackage.json").read_text(encoding="utf-8") == descriptor  # nothing written yet
    app.button(key="reference_confirm").click().run()
    assert not app.exception, app.exception
    assert any("rates added" in s.value for s in app.success) and app.selectbox(key="table").value == "rates"

    pack = load_reference(folder)
    assert pack.errors == [] and pack.tables["rates"].title == "Jobless rate by country"
    [checked] = [c for c in check_text(draft, date(2024, 7, 1), pack, load_rules()) if c.claim.mention.text == "5.4%"]
    assert checked.verdict.verdict == "supported" and checked.verdict.evidence[0].source_url == \
        "https://stats.example/jobless"
    stored = next(c for c in stored_claims(connect(tmp_path / "app.db"), document="Jobless story")
                  if c.record["text"] == "5.4%")
    assert stored.auto_verdict == "supported"  # the stored drafts were checked again
    [change] = reference_changes(connect(tmp_path / "app.db"))
    assert (change.actor, change.kind, change.table_name, change.file_name, change.sha256_before, change.rows_added) \
        == ("Ana", "new table", "rates", "rates.csv", "", 3)
    assert json.loads(change.descriptor)["checking"]["measures"]["jobless_rate"]["words"] == [
        "jobless rate", "unemployment rate"]
    sources = app.dataframe[0].value  # the new table's page: its source, and where it was read
    assert sources.iloc[0].tolist() == ["https://stats.example/jobless", "a wire copy of the bulletin",
                                        "Statistics office bulletin", 3]


def test_an_editor_jumps_from_the_checked_draft_to_its_flagged_claims(app, tmp_path):
    from urllib.parse import parse_qsl

    check(app, f"Only a handful of NATO members have met the current goal of 2% of GDP for defence. {POLAND}",
          pub="2025-07-01")
    name = app.session_state["shown"]
    claims = [c for c in stored_claims(connect(tmp_path / "app.db"), document=name) if not c.aside]
    flagged = [c for c in claims if c.auto_verdict in ("contradicted", "needs_review")]
    assert flagged and len(flagged) < len(claims)  # the example has a flagged claim and a plain one
    link = app.page_link[0].proto
    assert link.label.startswith(f"Review the {len(flagged)} undecided flagged claims")
    review_page(app, **dict(parse_qsl(link.query_string)))
    assert app.sidebar.selectbox(key="f_document").value == name
    assert any(c.value.startswith(f"Claim 1 of {len(flagged)} in this queue") for c in app.caption)
    assert escape(flagged[0].record["text"]) + "</mark>" in card(app)

    app.sidebar.text_input(key="reviewer").input("Ana").run()
    for _ in flagged:
        app.button(key="decide:auto").click().run()
    app.switch_page("views/check.py").run()
    assert app.page_link[0].proto.label == "Open this draft in the Review queue"  # nothing flagged left to decide
