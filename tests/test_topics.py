"""A new topic is data: each example topic of tests/topics/ is added exactly as reference_data/README.md walks a
fact-checker through it (table into the folder, resource into datapackage.json), with no Python, and its claims,
written and labelled before the checker was run, are scored."""

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from workbench import REFERENCE_DIR, RULES_DIR
from workbench.check import check_text
from workbench.reference import load_reference
from workbench.rules import load_rules
from workbench.scoring import load_entries, score_entries

TOPICS = Path(__file__).parent / "topics"
# measured on the claims as written (see the issue note); a fall below these is a regression
# us_macro 0.82 -> 0.81: with us_jobs beside it, "Employers cut 7.2 million jobs between ..." finds a jobs table
# tx_housing: its first run (tests/topics/tx_housing/MEASURED.md), 72.5% right with two wrong "supported"; 73.8% now
# gapminder 0.91 -> 0.90: "not as long as people in 41 other countries" (labelled needs_review) is now unverifiable,
# as a count the size of no body is (a rule that moved every held-out real-news set up by 0.5 to 1.7 points)
# us_crime: its first run (tests/topics/us_crime/MEASURED.md), 61.5% right with three wrong "supported"; 87.6% now
# (a rate's denominator is context, trailing zeros are rounding, a rate no table has is unverifiable)
# mlb_teams: its first run (tests/topics/mlb_teams/MEASURED.md), 60.0% right with no wrong "supported"; 61.7% now, one
# wrong "supported" (a count of games with a trailing zero, read as rounded by the project's rule)
# tech_stocks: its first run (tests/topics/tech_stocks/MEASURED.md), 46.2% right with two wrong "supported"; 45.5% with
# its measure words cut to what breaks no other topic ("closed at" made world_fertility's "stood at" a measure)
FLOORS = {"world_fertility": 0.93, "us_macro": 0.84, "gapminder": 0.90, "us_states": 0.91, "us_jobs": 0.75,
          "tx_housing": 0.75, "us_crime": 0.87, "mlb_teams": 0.61, "tech_stocks": 0.45}
# wrong "supported" a topic may have: one, unless its first run had more (a rise above this is a regression)
FALSE_SUPPORTED = {"us_crime": 3, "tech_stocks": 2}


def add_topic(reference: Path, topic: str) -> None:
    """Steps 1 and 2 of reference_data/README.md: the table into the folder, its resource into the package."""
    shutil.copy(TOPICS / topic / f"{topic}.csv", reference / f"{topic}.csv")
    package = json.loads((reference / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"].append(json.loads((TOPICS / topic / "resource.json").read_text(encoding="utf-8")))
    (reference / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def pack_with_topics(tmp_path_factory):
    reference = tmp_path_factory.mktemp("reference")
    shutil.copytree(REFERENCE_DIR, reference, dirs_exist_ok=True)
    for topic in FLOORS:
        add_topic(reference, topic)
    return load_reference(reference), load_rules(RULES_DIR)


def test_the_topics_load_beside_the_nato_pack(pack_with_topics):
    pack, rules = pack_with_topics
    assert pack.errors == [] and rules.errors == []
    assert {"world_fertility", "us_macro", "gapminder", "us_states", "defence_expenditure"} <= set(pack.tables)


MECHANISMS = yaml.safe_load((Path(__file__).parent / "checks" / "topic_mechanisms.yaml").read_text(
    encoding="utf-8"))["examples"]
CASES = [(example, str(text), expected) for example in MECHANISMS for text, expected in example["expect"].items()]


@pytest.mark.parametrize(("example", "claim", "expected"), CASES,
                         ids=[f"{e['pub_date']}:{e['text'][:50]}:{c}" for e, c, _ in CASES])
def test_a_mechanism_works_on_a_topic_no_python_knows(pack_with_topics, example, claim, expected):
    pack, rules = pack_with_topics
    found = {c.claim.mention.text: c.verdict for c in check_text(example["text"], example["pub_date"], pack, rules)}
    assert claim in found, f"{claim!r} was not extracted from {example['text']!r}: {list(found)}"
    assert (found[claim].verdict or found[claim].role) == expected, found[claim].explanation


@pytest.mark.parametrize("topic", sorted(FLOORS))
def test_topic_claims_written_before_running_meet_their_floor(pack_with_topics, topic):
    pack, rules = pack_with_topics
    score = score_entries(load_entries(TOPICS / topic / "claims.yaml"), pack, rules)
    print(score.report(topic))
    assert score.claims >= 40
    assert score.accuracy >= FLOORS[topic], score.report(topic)
    assert len(score.false_supported) <= FALSE_SUPPORTED.get(topic, 1), score.false_supported


def test_the_walk_through_example_works_as_written(pack_with_topics):
    """Step 4 of the README: its own example sentence, read from the new table alone."""
    pack, rules = pack_with_topics
    checked = {c.claim.mention.text: c for c in check_text(
        "Niger's fertility rate was 7.6 in 2011, the highest in the world.", date(2014, 7, 11), pack, rules)}
    assert checked["7.6"].verdict.verdict == "supported"
    assert checked["7.6"].verdict.entity == "Niger" and checked["7.6"].verdict.period == "2011"
    assert "the World Bank" in checked["7.6"].verdict.explanation and "ranks 1" in checked["7.6"].verdict.explanation
    assert checked["2011"].verdict.role == "context"


def test_a_description_that_promises_a_missing_measure_is_refused_and_the_rest_loads(tmp_path):
    shutil.copytree(REFERENCE_DIR, tmp_path, dirs_exist_ok=True)
    add_topic(tmp_path, "world_fertility")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"][-1]["checking"]["measures"]["life_expectancy"] = {"label": "life expectancy",
                                                                            "unit": "year", "words": ["life"]}
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    pack = load_reference(tmp_path)
    assert pack.errors == [f"{tmp_path / 'world_fertility.csv'}, column 'metric': the description promises "
                           "'life_expectancy', but no row has it"]
    assert "world_fertility" not in pack.tables and "defence_expenditure" in pack.tables
