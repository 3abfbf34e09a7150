"""A new table from the app, apart from the page: what the form must say, editions described from their columns,
and nothing written over a change made since the upload was checked."""

import shutil
from datetime import date
from pathlib import Path

import pytest

from workbench import REFERENCE_DIR
from workbench.check import check_text
from workbench.reference import load_reference
from workbench.reference_update import NewTable, apply, propose_table
from workbench.rules import load_rules
from workbench.store import connect

RULES = load_rules()
FORM = NewTable(name="jobless", title="Jobless rate by country", source_title="Statistics office bulletin",
                source_url="https://stats.example/jobless", entity_column="country", period_column="year",
                value_column="rate", metric="jobless_rate", label="jobless rate", unit="percent",
                words=("jobless rate",), edition_column="release", edition_date_column="released")
EDITIONS = ("country,year,rate,release,released\n"
            "Arcadia,2024,5.4,first estimate,2025-02-01\n"
            "Arcadia,2024,5.9,revision,2025-09-15\n")


@pytest.fixture
def folder(tmp_path) -> Path:
    shutil.copytree(REFERENCE_DIR, tmp_path / "ref")
    return tmp_path / "ref"


def propose(folder, form=FORM, data=EDITIONS):
    return propose_table(connect(folder.parent / "db.sqlite"), form, "upload.csv", data.encode(), RULES, folder)


def test_what_the_form_lacks_is_said_before_the_rows_are_read(folder):
    from dataclasses import replace

    assert propose(folder, replace(FORM, name="defence_expenditure")).errors == [
        "a table named 'defence_expenditure' exists already: upload a new edition of it instead"]
    assert propose(folder, replace(FORM, source_url="stats office")).errors == [
        "the source needs a web address (https://...) a reviewer can open"]
    assert propose(folder, replace(FORM, value_column="figure")).errors == ["upload.csv: has no column 'figure'"]
    clash = propose(folder, data=EDITIONS.replace("release,released", "unit,released"), form=replace(
        FORM, edition_column=""))
    assert clash.errors == ["upload.csv: column 'unit' is a name the table's own columns take; rename it"]


def test_editions_are_described_from_their_columns_and_checked_as_of_the_draft(folder):
    refused = propose(folder, data=EDITIONS.replace("2025-09-15", "15 Sept"))
    assert [e.split(" breaks ")[0] for e in refused.errors] == ["upload.csv, row 3, column 'released': '15 Sept'"]
    proposal = propose(folder)
    assert proposal.errors == [] and proposal.resource["checking"]["vintage"] == {"label": "release",
                                                                                 "date": "released"}
    apply(connect(folder.parent / "db.sqlite"), proposal, "Ana", RULES, folder)
    pack = load_reference(folder)
    claim = "Arcadia's jobless rate was 5.4% in 2024."
    early = {c.claim.mention.text: c.verdict for c in check_text(claim, date(2025, 3, 1), pack, RULES)}
    assert early["5.4%"].verdict == "supported" and early["5.4%"].evidence[0].as_of == "first estimate"
    late = {c.claim.mention.text: c.verdict for c in check_text(claim, date(2025, 10, 1), pack, RULES)}
    assert late["5.4%"].verdict != "supported"  # the revision, out by then, says 5.9


def test_nothing_is_written_over_a_change_made_since_the_upload_was_checked(folder):
    proposal = propose(folder)
    descriptor = folder / "datapackage.json"
    descriptor.write_text(descriptor.read_text(encoding="utf-8") + " ", encoding="utf-8")
    with pytest.raises(ValueError, match=r"datapackage\.json changed since the upload was checked"):
        apply(connect(folder.parent / "db.sqlite"), proposal, "Ana", RULES, folder)
    assert not (folder / "jobless.csv").exists()
