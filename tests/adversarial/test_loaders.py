"""Malformed and hostile reference tables and rule files: refused with file, row or line, and reason;
the rest loads; nothing in them ever executes."""

import csv
import io
import shutil
import signal
from datetime import date

import pytest

from workbench import REFERENCE_DIR, RULES_DIR
from workbench.check import check_text
from workbench.export import to_csv
from workbench.reference import load_reference
from workbench.rules import load_rules
from workbench.store import connect, save_check, stored_claims

EVERY_TABLE = set(load_reference().tables)  # a refused table leaves every other one loaded


@pytest.fixture
def ref(tmp_path):
    shutil.copytree(REFERENCE_DIR, tmp_path / "ref")
    return tmp_path / "ref"


@pytest.fixture
def rules_dir(tmp_path):
    shutil.copytree(RULES_DIR, tmp_path / "rules")
    return tmp_path / "rules"


def rewrite(path, change):
    rows = list(csv.reader(path.open(encoding="utf-8")))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def test_a_missing_column_is_refused_and_named(ref):
    rewrite(ref / "alliance_facts.csv", lambda rows: [row.pop(3) for row in rows])  # drops "value"
    pack = load_reference(ref)
    assert set(pack.tables) == EVERY_TABLE - {"alliance_facts"}
    assert any("alliance_facts.csv" in e and "value" in e for e in pack.errors), pack.errors


def test_duplicate_keys_are_refused_with_their_row(ref):
    rewrite(ref / "nato_summits.csv", lambda rows: rows.append(rows[1]))
    pack = load_reference(ref)
    assert "nato_summits" not in pack.tables
    assert any("nato_summits.csv, row 21" in e for e in pack.errors), pack.errors


def test_a_million_rows_are_refused_quickly(ref):
    path = ref / "key_events.csv"
    header, first = path.read_text(encoding="utf-8").splitlines()[:2]
    with path.open("w", encoding="utf-8") as handle:
        handle.write(header + "\n" + (first + "\n") * 1_000_000)
    signal.alarm(60)
    try:
        pack = load_reference(ref)
    finally:
        signal.alarm(0)
    assert set(pack.tables) == EVERY_TABLE - {"key_events"}
    assert any("1,000,000 rows, more than the 200,000" in e for e in pack.errors)


def test_a_broken_descriptor_loads_nothing_and_says_so(ref):
    (ref / "datapackage.json").write_text('{"resources": [', encoding="utf-8")
    pack = load_reference(ref)
    assert pack.tables == {} and len(pack.errors) == 1 and "datapackage.json: cannot be read" in pack.errors[0]


def test_latin1_bytes_in_a_table_are_refused(ref):
    path = ref / "nato_summits.csv"
    path.write_bytes(path.read_bytes().replace("Türkiye".encode(), "Türkiye".encode("latin-1")))
    pack = load_reference(ref)
    assert "nato_summits" not in pack.tables and any("nato_summits.csv" in e for e in pack.errors)


def test_a_formula_instead_of_a_source_address_is_refused(ref):
    rewrite(ref / "alliance_facts.csv", lambda rows: rows[1].__setitem__(7, '=HYPERLINK("http://evil","x")'))
    pack = load_reference(ref)
    assert pack.errors == [f"{ref / 'alliance_facts.csv'}, row 2, column 'source_url': "
                           "'=HYPERLINK(\"http://evil\",\"x\")' is not a web address (https://...)"]


def test_formulas_planted_in_reference_text_are_neutralised_on_export(ref, tmp_path):
    def plant(rows):
        for row in rows[1:]:
            if row[0] == "Poland" and "June 2024" in row[6]:
                row[6] = '=HYPERLINK("http://evil","x")'

    rewrite(ref / "defence_expenditure.csv", plant)
    pack = load_reference(ref)
    assert pack.errors == []
    text = "Poland spent 4.12% of GDP on defence in 2024."
    conn = connect(tmp_path / "s.db")
    save_check(conn, "d.txt", text, date(2024, 7, 1), check_text(text, date(2024, 7, 1), pack, load_rules()))
    rows = list(csv.DictReader(io.StringIO(to_csv(stored_claims(conn)).decode("utf-8"))))
    assert any(row["reference_edition"].startswith("'=HYPERLINK") for row in rows)
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values() if cell)


def test_python_tags_in_yaml_never_execute(rules_dir, tmp_path):
    marker = tmp_path / "pwned"
    (rules_dir / "evil.yaml").write_text(f'!!python/object/apply:os.system ["touch {marker}"]\n')
    (rules_dir / "evil2.yaml").write_text(f'rules:\n  - !!python/object/apply:os.system ["touch {marker}"]\n')
    rules = load_rules(rules_dir)
    assert not marker.exists()
    assert sum("evil" in e and "python/object" in e for e in rules.errors) == 2
    assert {r.id for r in rules.rules} >= {"key_event_dates", "summit_dates"} and rules.word_list("ranks", "high")


def test_a_yaml_alias_bomb_is_refused_without_expanding(rules_dir):
    levels = ["a: &a [w, w, w, w, w, w, w, w, w, w]"] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]" for i in range(8)]
    (rules_dir / "bomb.yaml").write_text("\n".join(levels) + "\nrules:\n  - id: bomb\n    kind: event_dates\n"
                                         "    table: nato_summits\n    signals: *i\n")
    signal.alarm(30)
    try:
        rules = load_rules(rules_dir)
    finally:
        signal.alarm(0)
    assert any("bomb.yaml, line" in e and "'signals' must be a list of words" in e for e in rules.errors)


@pytest.mark.parametrize(("content", "message"), [
    ("rules:\n  - id: x\n\tkind: event_dates\n", "line 3"),
    ("rules:\n  - id: summit_dates\n    kind: event_dates\n    table: t\n    signals: [a]\n",
     "is used twice"),
    ("rules:\n  - id: x\n    kind: event_dates\n    table: t\n    signals: [a]\n    oops: 1\n",
     "unknown key 'oops'"),
    ("comparisons:\n  below: [under]\n  above: [over]\n", "'comparisons' needs below, above, at_or_above"),
    ("changes:\n  rise: [rose]\n  fall: [on]\n", "'changes.fall' must be a list of words"),
    ("entities:\n  Poland: Warsaw\n", "entity 'Poland' needs a list of names"),
    ("x" * 1_100_000, "larger than 1000 kB"),
])
def test_malformed_rule_files_are_refused_with_line_and_reason(rules_dir, content, message):
    sound = [r.id for r in load_rules(rules_dir).rules]
    (rules_dir / "zz_broken.yaml").write_text(content)
    rules = load_rules(rules_dir)
    assert any("zz_broken.yaml" in e and message in e for e in rules.errors), rules.errors
    # the sound files still load, every rule of them
    assert [r.id for r in rules.rules] == sound and len(sound) >= 2 and rules.word_list("comparisons", "below")
