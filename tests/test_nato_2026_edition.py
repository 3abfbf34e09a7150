"""NATO's July 2026 edition as the pack keeps it (reference_data/sources/nato_2026_edition.csv, read from a repository's
copy of NATO's workbook): the checks each table passed when it was copied in, redone here, and the tables built from
it, loaded and validated like the rest of the pack."""

import csv
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pytest

from workbench import REFERENCE_DIR
from workbench.reference import load_reference

SOURCE = Path(REFERENCE_DIR) / "sources" / "nato_2026_edition.csv"
YEARS = list(range(2014, 2027))
AGGREGATES = ("NATO_EUR_CAN", "NATO_TOTAL")
JOINED = {"ME": 2017, "MK": 2020, "FI": 2023, "SE": 2024}  # allies that joined after 2014: not in the totals before


@pytest.fixture(scope="module")
def tables() -> dict[str, dict[str, list[float]]]:
    out: dict[str, dict[str, list[float]]] = defaultdict(dict)
    with SOURCE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            values = [row[str(y)] if str(y) in row else row[f"{y}e"] for y in YEARS]
            out[row["table"]][row["code"]] = [float(v) for v in values]
    return out


@pytest.mark.parametrize("table", ["usd_current", "usd_constant_2021"])
def test_allies_add_up_to_the_totals(tables, table):
    """Table 2: the allies that were members in a year sum to NATO Total, and without the United States to NATO
    Europe and Canada (NATO rounds each figure to a million)."""
    t = tables[table]
    for i, year in enumerate(YEARS):
        members = [v[i] for code, v in t.items() if code not in AGGREGATES and JOINED.get(code, 0) <= year]
        assert abs(sum(members) - t["NATO_TOTAL"][i]) <= 16, (table, year)
        assert abs(sum(members) - t["US"][i] - t["NATO_EUR_CAN"][i]) <= 16, (table, year)


def test_real_change_is_the_change_at_constant_prices(tables):
    constant, change = tables["usd_constant_2021"], tables["real_change"]
    assert constant.keys() == change.keys()
    for code, values in constant.items():
        for i in range(1, len(YEARS)):
            was, now = values[i - 1], values[i]
            slack = 100 * (0.5 / was + 0.5 * now / was ** 2) + 0.01  # both figures rounded to a million
            assert abs((now / was - 1) * 100 - change[code][i]) <= slack, (code, YEARS[i])


def test_share_of_gdp_is_spending_over_gdp(tables):
    constant, gdp, share = tables["usd_constant_2021"], tables["gdp_usd_constant_2021"], tables["share_gdp"]
    for code, values in share.items():
        for i, value in enumerate(values):
            exact = 100 * constant[code][i] / gdp[code][i]
            slack = 100 * 0.5 / gdp[code][i] + exact * 0.5 / constant[code][i] + 0.005
            assert abs(exact - value) <= slack, (code, YEARS[i])


def test_per_capita_implies_a_steady_population(tables):
    constant, per_capita = tables["usd_constant_2021"], tables["per_capita_2021"]
    for code, values in per_capita.items():
        people = [constant[code][i] * 1e6 / v for i, v in enumerate(values)]
        assert all(abs(b / a - 1) < 0.035 for a, b in pairwise(people)), code


# figures of the 2026e column as a second copy has them (github:mattahr/ha-edp-radar tests/spending/test_nato.py and
# docs/phase3-source-profile.md; Germany and Poland from an OCR reading of NATO's PDF): table, code, value, decimals
SECOND_COPY = [("usd_current", "SE", 24186, 0), ("usd_current", "US", 1032849, 0), ("usd_current", "NO", 19247, 0),
               ("usd_current", "DK", 17615, 0), ("usd_current", "FI", 9027, 0), ("usd_constant_2021", "SE", 21538, 0),
               ("share_gdp", "SE", 3.22, 2), ("share_gdp", "DE", 2.69, 2), ("share_gdp", "PL", 4.68, 2),
               ("share_gdp", "LT", 5.3, 1), ("share_gdp", "DK", 3.5, 1), ("share_gdp", "NO", 3.2, 1),
               ("equipment_share", "SE", 25.41, 2), ("equipment_share", "PL", 55.9, 1),
               ("equipment_share", "FI", 36.7, 1), ("equipment_share", "DK", 34.6, 1),
               ("equipment_share", "NO", 18.0, 1)]


@pytest.mark.parametrize(("table", "code", "value", "decimals"), SECOND_COPY)
def test_second_copy_agrees(tables, table, code, value, decimals):
    assert abs(tables[table][code][-1] - value) <= 0.5 * 10 ** -decimals + 1e-9  # the copy's rounding of ours


def test_built_tables_load_and_hold_the_edition():
    pack = load_reference()
    usd = pack.tables["defence_expenditure_usd"].frame
    row = usd[(usd.entity == "Sweden") & (usd.metric == "defence_expenditure_usd_current") & (usd.period == 2026)]
    assert float(row.value.iloc[0]) == 24_186_000_000 and str(row.edition_date.iloc[0]) == "2026-07-10"
    assert len(usd) == 2 * 33 * 13 and set(usd.entity) >= {"NATO Total", "NATO Europe and Canada"}
    assert len(pack.tables["defence_per_capita"].frame) == 33 * 13
    assert len(pack.tables["equipment_share"].frame) == 31 * 13
