"""The extract command as outside tools call it: a real process, real files, the DESIGN.md contract."""

import json
import subprocess
import sys

from workbench import PROJECT_DIR, SAMPLES_DIR

SAMPLE = str(SAMPLES_DIR / "002_284c19069dc4bf21.txt")
FIELDS = ["doc", "start", "end", "text", "kind", "value", "value_max", "unit", "approx", "vague",
          "start_date", "end_date", "granularity"]


def run(*args, stdin=b""):
    return subprocess.run([sys.executable, "-m", "workbench", *args], input=stdin, capture_output=True,
                          cwd=PROJECT_DIR, timeout=120)


def test_jsonl_has_every_contract_field_and_exact_offsets():
    result = run("extract", "--pub-date", "2025-07-01", SAMPLE)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    text = (SAMPLES_DIR / "002_284c19069dc4bf21.txt").read_text(encoding="utf-8")
    assert [list(r) for r in records] == [FIELDS] * len(records)
    assert all(r["doc"] == SAMPLE and text[r["start"]:r["end"]] == r["text"] for r in records)
    summit = next(r for r in records if r["text"] == "June 24-25")
    assert (summit["kind"], summit["start_date"], summit["end_date"], summit["granularity"]) == (
        "date", "2025-06-24", "2025-06-25", "day")


def test_standard_input_is_named_dash_and_pub_date_resolves_relative_dates():
    result = run("extract", "--pub-date", "2020-03-15", "-", stdin=b"Last year it was 2%.")
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(r["doc"], r["text"], r["start_date"] or r["value"]) for r in records] == [
        ("-", "Last year", "2019-01-01"), ("-", "2%", 2.0)]


def test_bad_files_get_one_line_each_and_the_good_ones_are_still_processed(tmp_path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Défense: 2 % du PIB".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\t")
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = run("extract", str(tmp_path / "missing.txt"), str(latin1), SAMPLE, str(empty), str(binary),
                 str(tmp_path))
    errors = result.stderr.decode().splitlines()
    assert result.returncode == 1
    assert errors == [
        f"workbench: {tmp_path / 'missing.txt'}: no such file",
        f"workbench: {latin1}: this file is not text saved as UTF-8 (byte 1 cannot be read). Save it as UTF-8 text, "
        "a Word (.docx) or a web page (.html), then try again.",
        f"workbench: {empty}: the draft is empty",
        f"workbench: {binary}: this file is not text saved as UTF-8 (byte 0 cannot be read). Save it as UTF-8 text, "
        "a Word (.docx) or a web page (.html), then try again.",
        f"workbench: {tmp_path}: is a folder, not a file",
    ]
    assert {json.loads(line)["doc"] for line in result.stdout.decode().splitlines()} == {SAMPLE}


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    draft = tmp_path / "utf16.txt"
    draft.write_bytes("Spending reached 2.1% in 2024.".encode("utf-16"))
    result = run("extract", "--pub-date", "2025-07-01", str(draft))
    assert [json.loads(line)["text"] for line in result.stdout.decode().splitlines()] == ["2.1%", "2024"]


def test_table_format_is_readable():
    result = run("extract", "--pub-date", "2025-07-01", "--format", "table", SAMPLE)
    lines = result.stdout.decode().splitlines()
    assert lines[0].split() == ["doc", "start", "end", "kind", "text", "reading"]
    assert any("June 24-25" in line and "2025-06-24..2025-06-25 (day)" in line for line in lines)
    assert any("a handful" in line and "2-5 count [vague]" in line for line in lines)


def test_a_bad_pub_date_is_a_usage_error():
    result = run("extract", "--pub-date", "July 1", SAMPLE)
    assert result.returncode == 2
    assert "not a date in YYYY-MM-DD form" in result.stderr.decode()


def test_check_gives_every_claim_a_verdict_evidence_and_explanation():
    result = run("check", "--pub-date", "2025-07-01", SAMPLE)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert all(set(FIELDS) | {"claim_id", "sentence", "sentence_start", "verdict", "rule", "evidence", "explanation",
                              "role", "entity", "measure", "period", "reference_value"} == set(r)
               for r in records)
    handful = next(r for r in records if r["text"] == "a handful")
    assert handful["verdict"] == "contradicted"
    assert handful["rule"] == "defence_expenditure:defence_expenditure_pct_gdp:count"
    assert (handful["entity"], handful["measure"], handful["period"], handful["reference_value"]) == (
        "allies", "defence spending as a share of GDP", "2024", 23.0)
    context = [r for r in records if r["role"] == "context"]
    assert all(r["verdict"] is None and r["kind"] == "date" for r in context)
    assert handful["evidence"][0]["source_url"].startswith("https://")
    again = [json.loads(line) for line in run("check", "--pub-date", "2025-07-01", SAMPLE).stdout.decode().splitlines()]
    assert [r["claim_id"] for r in again] == [r["claim_id"] for r in records]


def test_check_csv_and_bad_files():
    result = run("check", "--pub-date", "2025-07-01", "--format", "csv", SAMPLE, "missing.txt")
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 1 and "missing.txt: no such file" in result.stderr.decode()
    assert lines[0].startswith("doc,claim_id,start,end,text") and len(lines) == 9


def test_review_history_and_export_through_the_command_line(tmp_path):
    db = str(tmp_path / "cli.db")
    stored = run("check", "--pub-date", "2025-07-01", "--db", db, SAMPLE)
    assert stored.returncode == 0 and "stored" in stored.stderr.decode()
    handful = next(json.loads(line) for line in stored.stdout.decode().splitlines() if '"a handful"' in line)
    claim_id = handful["claim_id"]
    assert run("review", claim_id, "--verdict", "contradicted", "--reviewer", "Ana", "--note", "23 allies",
               "--db", db).returncode == 0
    trail = run("history", claim_id, "--db", db).stdout.decode()
    assert "Ana: contradicted -> contradicted  (23 allies)" in trail
    for args, message in [(("nope", "--verdict", "supported", "--reviewer", "Ana"), "unknown claim id 'nope'"),
                          ((claim_id, "--verdict", "true", "--reviewer", "Ana"), "unknown verdict 'true'"),
                          ((claim_id, "--verdict", "supported", "--reviewer", " "), "reviewer's name")]:
        refused = run("review", *args, "--db", db)
        assert refused.returncode == 1 and message in refused.stderr.decode()
    assert run("history", claim_id, "--db", db).stdout.decode().count("\n") == 1  # nothing was written
    out = tmp_path / "reviewed.csv"
    assert run("export", "--only", "reviewed", "--out", str(out), "--db", db).returncode == 0
    assert out.read_text(encoding="utf-8").count(claim_id) == 1
    reviews = json.loads(run("export", "--format", "claimreview", "--db", db).stdout)
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["Contradicted"]
