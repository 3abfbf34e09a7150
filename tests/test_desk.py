"""The review desk's store and exports: documents and their progress, bulk decisions, archive and delete that
keep the audit trail, re-checks that find their document, and exports that carry the final decision."""

import csv
import io
import json
import sqlite3
from datetime import date

import pytest

from workbench.check import check_text
from workbench.export import CSV_COLUMNS, claimed_figure, to_claimreview, to_csv
from workbench.reference import load_reference
from workbench.rules import load_rules
from workbench.store import (
    MIGRATIONS,
    StoreError,
    add_review,
    add_reviews,
    connect,
    document_events,
    documents,
    history,
    matching_document,
    save_check,
    set_document_state,
    set_document_url,
    stored_claims,
)

PACK, RULES = load_reference(), load_rules()
PUB = date(2024, 7, 1)
DRAFT = ("Poland spent 4.12% of GDP on defence in 2024.\n"
         "Only a handful of NATO members have met the goal of 2% of GDP.\n")


def store_draft(conn, text=DRAFT, name="draft.txt", title=None):
    return save_check(conn, name, text, PUB, check_text(text, PUB, PACK, RULES), title=title)


def by_text(conn, **kwargs):
    return {c.record["text"]: c for c in stored_claims(conn, **kwargs)}


@pytest.fixture
def conn(tmp_path):
    return connect(tmp_path / "desk.db")


def test_a_database_of_the_first_schema_is_upgraded_with_its_reviews(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    old.close()
    conn = connect(path)
    store_draft(conn)
    add_review(conn, by_text(conn)["4.12%"].claim_id, "contradicted", "Ana")
    [summary] = documents(conn)
    assert (summary.state, summary.url, summary.decided, summary.claims) == ("active", None, 1, 3)


def test_document_status_follows_the_decisions(conn):
    store_draft(conn)
    [summary] = documents(conn)
    assert (summary.status, summary.decided, summary.claims, summary.reviewers) == ("undecided", 0, 3, ())
    claims = stored_claims(conn)
    add_review(conn, claims[0].claim_id, "supported", "Ana")
    assert documents(conn)[0].status == "in review" and documents(conn)[0].reviewers == ("Ana",)
    add_reviews(conn, [(c.document, c.claim_id) for c in claims[1:]], "auto", "Bo")
    [summary] = documents(conn)
    assert (summary.status, summary.decided, summary.reviewers) == ("done", 3, ("Ana", "Bo"))


def test_bulk_decisions_accept_the_automatic_verdicts_or_write_nothing(conn):
    store_draft(conn)
    claims = stored_claims(conn)
    keys = [(c.document, c.claim_id) for c in claims]
    with pytest.raises(StoreError, match="unknown claim id"):
        add_reviews(conn, [*keys, ("draft.txt", "nope")], "supported", "Ana")
    assert all(c.reviewer is None for c in stored_claims(conn))  # all or none
    reviews = add_reviews(conn, keys, "auto", "Ana", "bulk")
    assert [r.new_verdict for r in reviews] == [c.auto_verdict for c in claims]
    assert all(c.decided and c.final_verdict == c.auto_verdict for c in stored_claims(conn))


def test_archive_and_delete_leave_the_queue_but_keep_the_audit_trail(conn):
    store_draft(conn)
    store_draft(conn, "Only a handful of NATO members have met the goal of 2% of GDP.\n", name="other.txt")
    poland = by_text(conn)["4.12%"]
    add_review(conn, poland.claim_id, "contradicted", "Ana", "wrong edition")
    set_document_state(conn, "draft.txt", "archived", "Ana")
    assert {d.name for d in documents(conn, states=("active",))} == {"other.txt"}
    assert "4.12%" not in by_text(conn, states=("active",)) and "4.12%" in by_text(conn)
    set_document_state(conn, "draft.txt", "deleted", "Bo")
    assert {d.name for d in documents(conn)} == {"other.txt"}
    assert "4.12%" not in by_text(conn)
    assert [(r.reviewer, r.new_verdict) for r in history(conn, poland.claim_id, "draft.txt")] == [
        ("Ana", "contradicted")]
    assert [(who, action) for _, who, action, _ in document_events(conn, "draft.txt")] == [
        ("Ana", "archived"), ("Bo", "deleted")]
    with pytest.raises(StoreError, match="needs the name"):
        set_document_state(conn, "other.txt", "deleted", " ")
    store_draft(conn)  # checked again: back, with its decision
    assert by_text(conn)["4.12%"].final_verdict == "contradicted"


@pytest.mark.parametrize(("mention", "figure"), [
    ({"kind": "quantity", "value": 2, "unit": "ordinal"}, "2nd"),
    ({"kind": "quantity", "value": 32, "unit": "ordinal"}, "32nd"),
    ({"kind": "quantity", "value": 11, "unit": "ordinal"}, "11th"),
    ({"kind": "quantity", "value": 75, "unit": "ordinal"}, "75th"),
    ({"kind": "quantity", "value": 5, "unit": "count"}, "5"),
    ({"kind": "quantity", "value": 3, "value_max": 5, "unit": "count", "vague": True}, "3-5 [vague]"),
    ({"kind": "quantity", "value": 4.12, "unit": "percent", "approx": "about"}, "4.12 percent [about]"),
    ({"kind": "date", "start_date": "2025-06-24", "end_date": "2025-06-25", "granularity": "day"},
     "2025-06-24..2025-06-25 (day)"),
])
def test_the_exported_figure_reads_as_a_reader_writes_it(mention, figure):
    assert claimed_figure(mention) == figure


@pytest.mark.parametrize(("text", "title"), [
    ("\n  Short news  \nbody", "Short news"),
    ("Chief of the General Staff", "Chief of the…"),  # cut before 'General', not inside it
    ("Unbreakablewordwithoutspaces", "Unbreakablew…"),
    ("Big news, yes, then more", "Big news…"),  # no comma left hanging before the ellipsis
])
def test_a_first_line_title_is_cut_between_words(text, title):
    from workbench.documents import first_line_title

    assert first_line_title(text, 13) == title


def test_a_recheck_finds_its_document_by_title_or_by_text(conn):
    store_draft(conn, name="Budget story", title="Budget story")
    assert matching_document(conn, "Budget story", "a different text") == "Budget story"
    assert matching_document(conn, "Another title", DRAFT) == "Budget story"
    assert matching_document(conn, "Another title", "a different text") is None


def test_export_columns_carry_frame_figures_and_the_final_decision_apart_from_the_automatic_one(conn):
    store_draft(conn)
    set_document_url(conn, "draft.txt", "https://news.example/poland", "Ana")
    handful = by_text(conn)["a handful"]
    add_review(conn, handful.claim_id, "supported", "Ana")
    rows = {r["text"]: r for r in csv.DictReader(io.StringIO(to_csv(stored_claims(conn)).decode("utf-8")))}
    assert list(rows["4.12%"]) == CSV_COLUMNS
    poland = rows["4.12%"]
    assert (poland["entity"], poland["period"], poland["reference_value"]) == ("Poland", "2024", "4.12")
    assert poland["measure"] and poland["claimed_figure"] == "4.12 percent"
    assert poland["article_url"] == "https://news.example/poland" and poland["decided"] == "False"
    overridden = rows["a handful"]
    assert (overridden["auto_verdict"], overridden["final_verdict"]) == ("contradicted", "supported")
    assert overridden["auto_explanation"] == handful.record["explanation"]
    assert overridden["explanation"] == "Rated supported by Ana (the automatic check said contradicted)."


def test_claimreview_words_are_each_claims_own_and_undecided_ratings_are_not_published(conn):
    store_draft(conn)
    set_document_url(conn, "draft.txt", "https://news.example/poland", "Ana")
    claims = by_text(conn)
    add_reviews(conn, [("draft.txt", claims[t].claim_id) for t in ("a handful", "2%")], "contradicted", "Ana")
    add_review(conn, claims["4.12%"].claim_id, "needs_review", "Ana")
    reviews = json.loads(to_claimreview(stored_claims(conn), "Desk"))
    words = [r["claimReviewed"] for r in reviews]
    assert words == ["Only a handful of NATO members have met the goal",
                     "Only a handful of NATO members have met the goal of 2% of GDP."]
    assert {r["itemReviewed"]["appearance"]["url"] for r in reviews} == {"https://news.example/poland"}
    with pytest.raises(StoreError, match="not a web address"):
        set_document_url(conn, "draft.txt", "javascript:alert(1)")


def test_html_drafts_are_read_as_the_article_without_navigation_or_footer():
    from workbench.documents import document_text

    story = " ".join(f"Paragraph {n} of the story says that Poland spent 4.12% of GDP on defence in 2024."
                     for n in range(1, 4))
    page = (f"<html><body><nav><a href='/'>Home</a> <a href='/world'>World news in 24 languages</a></nav>"
            f"<article><h1>Spending</h1><p>{story}</p><table><tr><td>Estonia</td><td>3.43%</td></tr></table>"
            f"</article><footer>Subscribe for 1 dollar a week. Copyright 2024.</footer></body></html>")
    text = document_text("story.html", page.encode())
    assert "Paragraph 3 of the story" in text and "Estonia" in text and "3.43%" in text
    assert "24 languages" not in text and "Subscribe" not in text


def test_word_tables_are_kept_in_their_place():
    import docx

    from workbench.documents import document_text

    document = docx.Document()
    document.add_paragraph("Before the table.")
    table = document.add_table(rows=2, cols=2)
    for row, (who, figure) in zip(table.rows, [("Poland", "4.12%"), ("Estonia", "3.43%")], strict=True):
        row.cells[0].text, row.cells[1].text = who, figure
    document.add_paragraph("After the table.")
    buffer = io.BytesIO()
    document.save(buffer)
    assert document_text("d.docx", buffer.getvalue()).splitlines() == [
        "Before the table.", "Poland | 4.12%", "Estonia | 3.43%", "After the table."]


def test_uploads_in_windows_1252_are_read_with_a_notice_and_the_command_line_still_refuses_them():
    from workbench.documents import DocumentError, document_text, read_upload

    data = "Poland – 4.12% “of GDP”".encode("cp1252")
    upload = read_upload("old.txt", data)
    assert upload.text == "Poland – 4.12% “of GDP”" and "Windows-1252" in upload.notice
    assert read_upload("new.txt", "Poland – 4.12%".encode()).notice is None
    with pytest.raises(DocumentError, match="not text saved as UTF-8"):
        document_text("old.txt", data)
    with pytest.raises(DocumentError, match="not text saved as UTF-8"):
        read_upload("odd.txt", b"D\x81fense")  # not Windows-1252 either


def test_the_command_line_exports_one_document_with_its_article_url(tmp_path, capsys):
    from workbench.cli import main

    database = tmp_path / "cli.db"
    conn = connect(database)
    store_draft(conn)
    store_draft(conn, "Only a handful of NATO members have met the goal of 2% of GDP.\n", name="other.txt")
    add_review(conn, by_text(conn)["4.12%"].claim_id, "supported", "Ana", document="draft.txt")
    assert main(["export", "--db", str(database), "--format", "claimreview", "--doc", "draft.txt",
                 "--article-url", "https://news.example/a"]) == 0
    [review] = json.loads(capsys.readouterr().out)
    assert review["itemReviewed"]["appearance"]["url"] == "https://news.example/a"
    assert main(["export", "--db", str(database), "--doc", "other.txt"]) == 0
    assert {r["document"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out))} == {"other.txt"}
    assert main(["export", "--db", str(database), "--doc", "nope.txt"]) == 1
    assert "unknown document 'nope.txt'" in capsys.readouterr().err
    assert main(["export", "--db", str(database), "--article-url", "https://x.example"]) == 1


def test_queue_filters_survive_the_address_and_the_order_holds_after_a_decision(conn):
    from workbench.app.desk import Filters, claim_key, current, next_undecided, queue

    filters = Filters(document="draft.txt", verdicts=("supported", "contradicted"), show="undecided", search="GDP",
                      order="draft", at="abc@draft.txt")
    assert Filters.from_params(filters.to_params()) == filters
    assert Filters().to_params() == {} and Filters.from_params({"show": "bogus", "verdicts": "x"}) == Filters()
    store_draft(conn)
    shown = queue(stored_claims(conn), Filters())
    first = current(shown, "")
    following = next_undecided(shown, first)
    add_review(conn, shown[first].claim_id, "supported", "Ana")
    after = queue(stored_claims(conn), Filters())
    assert [claim_key(c) for c in after] == [claim_key(c) for c in shown]  # a decision moves nothing
    assert current(after, "") == after.index(next(c for c in after if claim_key(c) == claim_key(following)))
    assert [c.record["text"] for c in queue(stored_claims(conn), Filters(show="decided"))] == [
        shown[first].record["text"]]


def test_asides_and_context_dates_stay_on_the_draft_but_out_of_the_queue_and_the_count(conn):
    from workbench.app.desk import Filters, queue
    from workbench.store import context_records

    text = DRAFT + "Today the two powers met again, and the talks will go on.\n"
    store_draft(conn, text)
    claims = by_text(conn)
    assert claims["Today"].aside and claims["two"].aside and not claims["4.12%"].aside
    assert [r["text"] for r in context_records(conn, "draft.txt")] == ["2024"]  # shown on the draft
    assert {c.record["text"] for c in queue(stored_claims(conn), Filters())} == {"4.12%", "a handful", "2%"}
    assert {c.record["text"] for c in queue(stored_claims(conn), Filters(asides=True))} == set(claims)
    assert Filters.from_params(Filters(asides=True).to_params()).asides
    [summary] = documents(conn)
    assert (summary.claims, summary.decided) == (3, 0)
    add_reviews(conn, [("draft.txt", c.claim_id) for c in claims.values()], "auto", "Ana")
    assert documents(conn)[0].status == "done"
    # a decision on an aside is kept, exported and survives a re-check
    store_draft(conn, text)
    rows = {r["text"]: r for r in csv.DictReader(io.StringIO(to_csv(stored_claims(conn)).decode("utf-8")))}
    assert rows["two"]["reviewer"] == "Ana" and rows["Today"]["final_verdict"] == "unverifiable"


def test_only_what_says_when_the_story_is_told_or_points_back_is_an_aside():
    from workbench.store import is_aside

    sentence = "For now, the two powers navigate a path."
    bare = {"verdict": "unverifiable", "evidence": [], "entity": "Poland", "measure": None, "period": None,
            "kind": "quantity", "unit": "count", "value": 2.0, "value_max": None, "approx": None, "vague": False,
            "text": "two", "sentence": sentence, "sentence_start": 100, "start": 100 + sentence.index("two")}
    assert is_aside(bare) and is_aside({**bare, "kind": "date", "text": "today"})
    assert not is_aside({**bare, "measure": "troops"})  # what it counts was read: a fact-checker would want it
    assert not is_aside({**bare, "verdict": "needs_review"})
    assert not is_aside({**bare, "sentence": "NATO will deploy 4 battalions.", "start": 117, "value": 4.0})
    assert not is_aside({**bare, "value": 30.0}) and not is_aside({**bare, "vague": True})
    assert not is_aside({**bare, "unit": "year"})
    assert not is_aside({**bare, "kind": "date", "text": "Tuesday"})  # may be an event's day


def test_every_queued_claim_of_a_long_draft_is_reached_in_order_and_no_aside_is(conn):
    from workbench.app.desk import Filters, claim_key, current, next_undecided, queue

    lines = [f"Poland spent {1 + n / 100:.2f}% of GDP on defence in 2024." for n in range(260)]
    for at in (40, 120, 200):
        lines.insert(at, "Today the two powers met again.")
    store_draft(conn, "\n".join(lines))
    shown = queue(stored_claims(conn), Filters(order="draft"))
    assert len(shown) == 260 and not any(c.aside for c in shown)
    assert [c.record["start"] for c in shown] == sorted(c.record["start"] for c in shown)
    reached, index = [], current(shown, "")
    while index is not None:
        reached.append(claim_key(shown[index]))
        add_review(conn, shown[index].claim_id, "supported", "Ana")
        shown = queue(stored_claims(conn), Filters(order="draft"))
        following = next_undecided(shown, index)
        index = None if following is None else shown.index(following)
    assert reached == [claim_key(c) for c in shown]  # each one once, in the draft's order
    assert documents(conn)[0].status == "done" and sum(c.aside for c in stored_claims(conn)) == 6
