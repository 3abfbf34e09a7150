"""Batch checking: mixed inputs, bad documents skipped, ordered output, exact resume, Dask."""

import json
import signal
import subprocess
import sys
import time
from datetime import date

import pytest

from benchmarks.news_corpus import articles
from tests.processes import POISON, alive, check_or_die, child_pids
from workbench import PROJECT_DIR, SAMPLES_DIR
from workbench.batch import dask_engine, process_engine, run_batch

PUB = date(2025, 7, 1)


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    for sample in SAMPLES_DIR.glob("*.txt"):
        (folder / sample.name).write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\x00\x00")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([
        json.dumps({"text": "Poland spent 4.12% of GDP on defence in 2024.", "pub_date": "2024-07-01"}),
        "{broken",
        json.dumps({"text": "NATO has 32 members.", "pub_date": "last July"}),
        json.dumps({"body": "no text field"}),
    ]) + "\n", encoding="utf-8")
    wire = tmp_path / "wire.csv"
    wire.write_text('text,pub_date\n"Latvia spent 3.15% of GDP on defence in 2024.",2024-07-01\n', encoding="utf-8")
    return [str(folder), str(feed), str(wire)]


def lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def test_mixed_inputs_are_checked_and_bad_documents_reported_and_skipped(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    skipped = []
    summary = run_batch(inputs, out, engine=process_engine(1), default_date=PUB, progress=False,
                        report=skipped.append)
    assert (summary.checked, summary.failed, summary.claims) == (4, 4, 20)
    assert [s.split(": ", 1)[1] for s in skipped] == [
        "this file is not text saved as UTF-8 (byte 0 cannot be read). Save it as UTF-8 text, "
        "a Word (.docx) or a web page (.html), then try again.",
        "not JSON (Expecting property name enclosed in double quotes)",
        "'last July' in 'pub_date' is not a date (YYYY-MM-DD)", "no text in field 'text'"]
    records = [json.loads(line) for line in lines(out)]
    poland = next(r for r in records if r["text"] == "4.12%")
    assert poland["doc"].endswith("feed.jsonl#line 1") and poland["verdict"] == "supported"


def test_csv_output_and_parallel_output_equal_the_single_worker_output(inputs, tmp_path):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    run_batch(inputs, one, "csv", process_engine(1), default_date=PUB, progress=False)
    run_batch(inputs, two, "csv", process_engine(2), default_date=PUB, progress=False)
    assert lines(one)[0].startswith("doc,claim_id,start,end,text")
    assert one.read_bytes() == two.read_bytes()


def test_a_document_that_kills_its_worker_is_reported_and_the_others_are_all_checked(tmp_path):
    feed = tmp_path / "feed.jsonl"
    texts = articles(60, seed=5)
    texts[37] = f"{texts[37]} {POISON}"
    feed.write_text("".join(json.dumps({"text": t, "pub_date": "2025-07-01"}) + "\n" for t in texts), encoding="utf-8")
    reference, out = tmp_path / "reference.jsonl", tmp_path / "out.jsonl"
    run_batch([str(feed)], reference, engine=process_engine(1), progress=False)
    skipped = []
    summary = run_batch([str(feed)], out, engine=process_engine(2, task=check_or_die), progress=False,
                        report=skipped.append)
    poisoned = f"{feed}#line 38"
    assert skipped == [f"{poisoned}: its worker process died twice while checking it"]
    assert (summary.checked, summary.failed) == (59, 1)
    assert lines(out) == [line for line in lines(reference) if json.loads(line)["doc"] != poisoned]


def test_an_existing_output_without_progress_log_is_not_overwritten(inputs, tmp_path):
    out = tmp_path / "taken.jsonl"
    out.write_text("someone's work\n")
    with pytest.raises(FileExistsError):
        run_batch(inputs, out, engine=process_engine(1), default_date=PUB, progress=False)
    assert out.read_text() == "someone's work\n"


# enough that the batch is still running when it is killed after its tenth article (with 40, a faster extractor
# sometimes finished them all before the kill landed)
ARTICLES_TO_KILL = 400


def test_a_killed_batch_resumes_to_exactly_the_uninterrupted_output(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": text, "pub_date": "2025-07-01"}) + "\n"
                            for text in articles(ARTICLES_TO_KILL, seed=11)), encoding="utf-8")
    command = [sys.executable, "-m", "workbench", "batch", str(feed), "--workers", "2", "--no-progress", "--out"]
    whole = tmp_path / "whole.jsonl"
    subprocess.run([*command, str(whole)], cwd=PROJECT_DIR, check=True, capture_output=True, timeout=600)
    cut = tmp_path / "cut.jsonl"
    killed = subprocess.Popen([*command, str(cut)], cwd=PROJECT_DIR, stderr=subprocess.DEVNULL)
    progress = tmp_path / "cut.jsonl.progress"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and (not progress.exists() or len(lines(progress)) < 10):
        time.sleep(0.05)
    workers = child_pids(killed.pid)
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=30)
    assert 10 <= len(lines(progress)) < ARTICLES_TO_KILL
    deadline = time.monotonic() + 10  # its workers leave with it, not lingering as orphans
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert workers and not any(alive(pid) for pid in workers)
    resumed = subprocess.run([*command, str(cut)], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=600)
    assert "already done by an earlier run" in resumed.stderr
    assert cut.read_bytes() == whole.read_bytes()


def test_dask_local_cluster_gives_the_same_output(inputs, tmp_path):
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_batch(inputs, local, engine=process_engine(1), default_date=PUB, progress=False)
    summary = run_batch(inputs, dask, engine=dask_engine(None, 3), default_date=PUB, progress=False)
    assert summary.checked == 4 and summary.failed == 4
    assert dask.read_bytes() == local.read_bytes()
