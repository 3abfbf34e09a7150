"""The checker on sentences copied from published articles, labelled from the reference data before it ran
(tests/realnews/README.md). dev.yaml is tuned on; heldout.yaml was only scored until the fresh set came, and is read
since; fresh.yaml (a third set from other articles, labelled before its first run) is the held-out figure: its first
run and the first run of the code that had not seen it are in FRESH_MEASURED.md; fresh2.yaml (a fourth set from yet
other articles, labelled and committed before its first run) is scored the same way, its floor its first run
(FRESH2_MEASURED.md); fresh3.yaml to fresh7.yaml likewise (FRESH3_MEASURED.md to FRESH7_MEASURED.md).
The floors are the figures measured when
they were last raised (issue note), so a change that makes the checker worse on real
text fails here."""

from pathlib import Path

import pytest

from workbench.reference import load_reference
from workbench.rules import load_rules
from workbench.scoring import load_entries, score_entries

HERE = Path(__file__).parent / "realnews"
# (accuracy, precision of red, wrong "supported" at most). Issue 11 re-made 14 dev and 5 held-out labels from its
# new tables (national_plans.csv, real_change.csv): dev then scored 80.6% -> 78.2% with the same checker, held-out
# 69.9% -> 70.5% (benchmarks/README.md). A date right after a word of saying is no event's: fresh +5 claims, held-out
# -1 ("becomes the 32nd member, the prime minister said on Thursday, March 7": the day said is the event's there).
# fresh2: first run 64.4% (red 0 of 5, 9 wrong "supported"); fresh3: first run 69.7% (red 1 of 7, 3 wrong
# "supported"); fresh4: first run 73.0% (red 1 of 4, 2 wrong "supported"); fresh5: first run 70.5% (red 1 of 4, 2
# wrong "supported"); fresh6: first run 76.4% (red 5 of 8, 4 wrong "supported"; the code before that session 74.9%,
# red 4 of 7, 4: FRESH6_MEASURED.md); fresh7: first run 66.0% (no red given, 7 wrong "supported"; the code before
# that session 65.7%: FRESH7_MEASURED.md); fresh8: first run 64.2% (red 1 of 2, 5 wrong "supported"; the code before
# that session 63.1%: FRESH8_MEASURED.md); all read since, their floors the figures now, rounded down. A plan's
# deadline of a measure targets are set on is a claim of its own (README): +17 labels right over the sets, two
# labelled context now unverifiable (heldout's "forecasts ... 1.76 per cent by 2030": 81.4% -> 80.9%).
FLOORS = {"dev": (0.88, 0.95, 1), "heldout": (0.80, 0.45, 0), "fresh": (0.84, 0.50, 1), "fresh2": (0.76, 0.50, 5),
          "fresh3": (0.78, 0.95, 3), "fresh4": (0.79, 0.95, 1), "fresh5": (0.74, 0.95, 2), "fresh6": (0.77, 0.80, 2),
          "fresh7": (0.71, 0.50, 5), "fresh8": (0.67, 0.50, 4)}


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
    urls = {name: {e["url"] for e in load_entries(HERE / f"{name}.yaml")} for name in FLOORS}
    names = sorted(urls)
    for i, one in enumerate(names):  # no article is in two sets
        for other in names[i + 1:]:
            assert not urls[one] & urls[other], (one, other, urls[one] & urls[other])
