"""The start-up cache: used when nothing changed, rebuilt when anything did, skipped where it cannot be kept."""

import os
import pickle
import shutil
import subprocess
import sys
from datetime import date

import pytest

from workbench import PROJECT_DIR, REFERENCE_DIR, RULES_DIR, cache
from workbench.cache import load_checking
from workbench.check import check_text

DRAFT = "Poland spent 4.07% of GDP on defence in 2024, and the summit was held on June 24-25, 2025."
PUB = date(2025, 7, 1)


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """A copy of the reference data and rules, and an empty cache folder of its own."""
    shutil.copytree(REFERENCE_DIR, tmp_path / "ref")
    shutil.copytree(RULES_DIR, tmp_path / "rules")
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "ref", tmp_path / "rules"


def verdicts(pack, rules) -> list[tuple[str, str | None]]:
    return [(c.claim.mention.text, c.verdict.verdict) for c in check_text(DRAFT, PUB, pack, rules)]


def test_the_second_load_comes_from_the_cache_and_checks_the_same(folders, monkeypatch, capsys):
    built_pack, built_rules = load_checking(*folders)
    assert len(list((folders[0].parent / "cache").glob("checking-*.pickle"))) == 1
    monkeypatch.setattr(cache, "_build", lambda *_: pytest.fail("rebuilt although nothing changed"))
    pack, rules = load_checking(*folders)
    assert pack is not built_pack and set(pack.tables) == set(built_pack.tables)
    assert all(pack.tables[n].rows == built_pack.tables[n].rows for n in pack.tables)
    assert verdicts(pack, rules) == verdicts(built_pack, built_rules)
    assert ("4.07%", "supported") in verdicts(pack, rules)
    assert capsys.readouterr().err == ""


def test_a_cached_table_still_shows_its_rows_as_a_frame(folders):
    load_checking(*folders)
    pack, _ = load_checking(*folders)
    table = pack.tables["defence_expenditure"]
    assert "frame" not in vars(table)
    assert len(table.frame) == len(table.rows) and list(table.frame.columns)[:4] == ["entity", "metric", "period",
                                                                                      "value"]


def test_a_changed_folder_rebuilds_the_cache_with_one_line_said(folders, capsys):
    load_checking(*folders)
    (folders[0] / "defence_expenditure.csv").unlink()
    capsys.readouterr()
    pack, rules = load_checking(*folders)
    notice = capsys.readouterr().err.splitlines()
    assert len(notice) == 1 and "rebuilt" in notice[0]
    assert "defence_expenditure" not in pack.tables and "is missing" in pack.errors[0]
    assert ("4.07%", "supported") not in verdicts(pack, rules)


def test_a_broken_cache_file_is_rebuilt_not_trusted(folders):
    load_checking(*folders)
    (stored,) = (folders[0].parent / "cache").glob("checking-*.pickle")
    stored.write_bytes(pickle.dumps("not a cache")[:5])
    pack, _ = load_checking(*folders)
    assert "defence_expenditure" in pack.tables
    assert isinstance(pickle.loads(stored.read_bytes()), tuple)


@pytest.mark.parametrize("where", ["under-a-file", "shared"])
def test_no_usable_cache_folder_means_no_cache_never_a_failure(folders, monkeypatch, where):
    parent = folders[0].parent
    if where == "under-a-file":
        (parent / "a-file").write_text("")
        folder = parent / "a-file" / "cache"
    else:  # a folder others may write to: a pickle from there is never loaded
        folder = parent / "shared"
        folder.mkdir(mode=0o777)
        folder.chmod(0o777)
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(folder))
    pack, rules = load_checking(*folders)
    assert ("4.07%", "supported") in verdicts(pack, rules)
    assert not folder.is_dir() or not list(folder.iterdir())


def test_a_cold_check_reads_no_table_through_pandas_or_frictionless(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    script = ("import sys; from workbench.cli import main; main(['check', '--pub-date', '2025-07-01', sys.argv[1]]);"
              "print(sorted(m for m in ('pandas', 'frictionless') if m in sys.modules), file=sys.stderr)")
    env = {**os.environ, "WORKBENCH_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", script, str(draft)], cwd=PROJECT_DIR, env=env, capture_output=True,
                           text=True, timeout=120) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0]
    assert runs[0].stderr.splitlines()[-1] == "['frictionless', 'pandas']"  # the first run validates and builds
    assert runs[1].stderr.splitlines() == ["[]"]
    assert runs[0].stdout == runs[1].stdout and '"verdict": "supported"' in runs[1].stdout
