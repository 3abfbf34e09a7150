"""Faults, tried: a locked, read-only or full database; a reference file deleted while in use; a batch
worker killed mid-run. Each is reported in one line, and nothing committed is lost."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from benchmarks.news_corpus import articles
from tests.processes import child_pids
from workbench import PROJECT_DIR, REFERENCE_DIR
from workbench.check import check_text
from workbench.reference import load_reference
from workbench.rules import load_rules
from workbench.store import StoreError, add_review, connect, history, save_check, stored_claims

PUB = date(2024, 7, 1)
DRAFT = "Poland spent 4.12% of GDP on defence in 2024. NATO has 32 members."
PACK, RULES = load_reference(), load_rules()


def seeded(path: Path):
    conn = connect(path)
    save_check(conn, "draft.txt", DRAFT, PUB, check_text(DRAFT, PUB, PACK, RULES))
    claim = stored_claims(conn)[0]
    add_review(conn, claim.claim_id, "contradicted", "Ana", "committed before the fault")
    return conn, claim.claim_id


def cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "workbench", *args], cwd=PROJECT_DIR, capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})


def test_a_database_locked_by_another_program_is_reported_and_nothing_is_lost(tmp_path):
    _conn, claim_id = seeded(tmp_path / "locked.db")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(60)"), str(tmp_path / "locked.db")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = cli("review", claim_id, "--verdict", "supported", "--reviewer", "Bo", "--db",
                     str(tmp_path / "locked.db"), env={"WORKBENCH_DB_TIMEOUT": "1"})
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "is locked by another program" in result.stderr
    finally:
        holder.kill()
        holder.wait()
    assert [r.reviewer for r in history(connect(tmp_path / "locked.db"), claim_id)] == ["Ana"]


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to mount a file system read-only")
def test_a_read_only_database_is_reported_and_nothing_is_lost(tmp_path):
    """The database on a file system mounted read-only: no other user is involved, so the test does not depend
    on where the checkout lives (a private 0700 clone included)."""
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        conn, claim_id = seeded(mount / "readonly.db")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        assert subprocess.run(["mount", "-o", "remount,ro", str(mount)]).returncode == 0
        result = cli("review", claim_id, "--verdict", "supported", "--reviewer", "Bo", "--db",
                     str(mount / "readonly.db"))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "read-only" in result.stderr or "cannot be opened" in result.stderr, result.stderr
        kept = sqlite3.connect(f"file:{mount / 'readonly.db'}?immutable=1", uri=True)
        assert [r[0] for r in kept.execute("SELECT reviewer FROM reviews WHERE claim_id = ?", (claim_id,))] == ["Ana"]
        kept.close()
    finally:
        subprocess.run(["umount", str(mount)])


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to mount a tiny file system")
def test_a_full_disk_is_reported_and_committed_reviews_survive(tmp_path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        conn, claim_id = seeded(mount / "full.db")
        with pytest.raises(StoreError, match="the disk is full"):
            for number in range(100_000):
                add_review(conn, claim_id, "needs_review", "Bo", "x" * 2000 + str(number))
        survivors = history(connect(mount / "full.db"), claim_id)
        assert survivors[0].note == "committed before the fault" and len(survivors) > 10
        assert connect(mount / "full.db").execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        subprocess.run(["umount", "-l", str(mount)])


def test_a_reference_file_deleted_while_in_use(tmp_path):
    shutil.copytree(REFERENCE_DIR, tmp_path / "ref")
    pack = load_reference(tmp_path / "ref")
    (tmp_path / "ref" / "nato_summits.csv").unlink()
    # what is loaded keeps working: checks use the tables in memory
    checked = check_text("The summit in The Hague was held on June 24-25, 2025.", PUB, pack, RULES)
    assert checked[0].verdict.verdict == "supported"
    # the next load says what is missing and uses the rest
    again = load_reference(tmp_path / "ref")
    assert again.errors == [f"{tmp_path / 'ref' / 'nato_summits.csv'}: table 'nato_summits' is missing"]
    assert set(again.tables) == set(PACK.tables) - {"nato_summits"}


def test_a_batch_worker_killed_mid_run_loses_nothing(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": t, "pub_date": "2025-07-01"}) + "\n" for t in articles(60, seed=5)))
    command = [sys.executable, "-m", "workbench", "batch", str(feed), "--workers", "2", "--no-progress", "--out"]
    whole = tmp_path / "whole.jsonl"
    subprocess.run([*command, str(whole)], cwd=PROJECT_DIR, check=True, capture_output=True, timeout=600)
    hit = tmp_path / "hit.jsonl"
    run = subprocess.Popen([*command, str(hit)], cwd=PROJECT_DIR, stderr=subprocess.PIPE, text=True)
    progress = tmp_path / "hit.jsonl.progress"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and (not progress.exists() or len(progress.read_text().splitlines()) < 5):
        time.sleep(0.05)
    workers = child_pids(run.pid)
    assert workers, "no worker processes found"
    os.kill(workers[0], signal.SIGKILL)
    assert run.wait(timeout=600) == 0, run.stderr.read()
    assert hit.read_bytes() == whole.read_bytes()


def test_a_file_that_is_not_a_database_is_reported(tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="is not a workbench database"):
        connect(bogus)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(bogus).execute("SELECT 1 FROM sqlite_master").fetchall()


def test_outputs_that_cannot_be_written_get_one_line(tmp_path):
    conn, _ = seeded(tmp_path / "s.db")
    conn.close()
    export = cli("export", "--out", str(tmp_path / "missing" / "x.csv"), "--db", str(tmp_path / "s.db"))
    assert export.returncode == 1 and export.stderr.strip().endswith("No such file or directory; nothing more was "
                                                                      "written") and "Traceback" not in export.stderr
    batch = cli("batch", str(PROJECT_DIR / "samples"), "--no-progress", "--out", "/proc/not-here.jsonl")
    assert batch.returncode == 1 and "Traceback" not in batch.stderr and "/proc/not-here.jsonl" in batch.stderr
