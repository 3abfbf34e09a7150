"""The checker on sentences copied from published articles, labelled from the reference data before it ran
(tests/realnews/README.md). dev.yaml is tuned on; heldout.yaml only scored. The floors are the figures measured
when they were last raised (issue note), so a change that makes the checker worse on real text fails here."""

from pathlib import Path

import pytest

from workbench.reference import load_reference
from workbench.rules import load_rules
from workbench.scoring import load_entries, score_entries

HERE = Path(__file__).parent / "realnews"
# (accuracy, precision of red, wrong "supported" at most). dev was 0.77 (77.8%) until issue 11 re-made 14 of its
# labels from new tables (12 unverifiable and 1 needs_review to supported: countries' own pledges, national_plans.csv;
# 1 unverifiable to needs_review: real_change.csv). The checker reads 5 of them (deadlines named without their
# figure, "the requirement this year", plans without a pledge word and "dropped 0.3 percent" as a real change are
# not read yet): 75.4% on the new labels (74.6% on them without the new tables); raise it when it reads them.
FLOORS = {"dev": (0.75, 0.95, 2), "heldout": (0.61, 0.45, 0)}


@pytest.fixture(scope="module")
def pack_and_rules():
    return load_reference(), load_rules()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_real_news_claims_meet_their_floor(pack_and_rules, name):
    entries = load_entries(HERE / f"{name}.yaml")
    assert len({e["url"] for e in entries}) >= 30 and sum(len(e["claims"]) for e in entries) >= 150
    score = score_entries(entries, *pack_and_rules)
    print(score.report(name))
    accuracy, red, wrong_supported = FLOORS[name]
    right, given = score.precision("contradicted")
    assert score.accuracy >= accuracy, score.report(name)
    assert given == 0 or right / given >= red, score.report(name)
    assert len(score.false_supported) <= wrong_supported, score.false_supported


def test_no_article_of_the_outside_test_is_used():
    outside = {line.strip() for line in (HERE.parents[2] / "shared" / "eval" / "outside-test-articles.txt").read_text(
        encoding="utf-8").splitlines() if line.startswith("http")} if (HERE.parents[2] / "shared").is_dir() else set()
    used = {e["url"] for name in FLOORS for e in load_entries(HERE / f"{name}.yaml")}
    assert not used & outside
    dev = {e["url"] for e in load_entries(HERE / "dev.yaml")}
    assert not dev & {e["url"] for e in load_entries(HERE / "heldout.yaml")}
