"""Build reference_data/*.csv from the sourced material in ../shared/reference-sources/.

Nothing is estimated here: rows are copied, reshaped into the tidy long form of DESIGN.md, and keep
their source URL and title. Re-run after the sources change; the CSVs it writes are what the
workbench loads, and what a reviewer opens.

    python scripts/build_reference_data.py [SOURCES_DIR]
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

from tidy_csv import write_rows

ROOT = Path(__file__).resolve().parent.parent
SOURCES = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference-sources"
OUT = ROOT / "reference_data"
GATHERED = OUT / "sources"  # sourced rows gathered for this pack (each with its URL), beside the shared ones
METRIC = "defence_expenditure_pct_gdp"
AUG_2025 = ("NATO, Defence Expenditure of NATO Countries (2014-2025), August 2025", "2025-08-28")
# Accession years of the allies that joined after 2014 (nato_allies_at_2pct_by_year.csv notes; Finland
# and Sweden also in key_dates.csv). An edition-year that lacks an ally that was a member that year lists
# only some allies (e.g. only those at 2%) and is marked incomplete: no counts are derived from it.
JOINED = {"Montenegro": 2017, "North Macedonia": 2020, "Finland": 2023, "Sweden": 2024}
AGGREGATES = {"NATO Total", "NATO Europe and Canada"}
# The July 2026 edition (cut-off 3 July 2026; NATO's workbook saved 9 July, served with Last-Modified 10 July 2026, per
# github:mattahr/ha-edp-radar docs/providers/nato.md): dated 10 July, the day this version of the tables was certainly
# out; the day NATO released it is not in the stored material. Read from a repository's tidy copy of the workbook, kept
# in sources/nato_2026_edition.csv as read (million US dollars, %).
JUL_2026 = ("NATO, Defence Expenditure of NATO Countries (2014-2026), July 2026", "2026-07-10")
JUL_2026_XLSX = "https://www.nato.int/content/dam/nato/webready/documents/finance/def-exp-2026-en.xlsx"
JUL_2026_COPY = ("github:aiutononesistonousername/leave-the-gun-take-the-cannoli data/processed/nato_defence.csv "
                 "@366dedbbf761 (a repository's tidy copy of NATO's workbook def-exp-2026-en.xlsx, copied to "
                 "sources/nato_2026_edition.csv)")
JUL_2026_CODES = {"AL": "Albania", "BE": "Belgium", "BG": "Bulgaria", "CA": "Canada", "CZ": "Czechia", "DE": "Germany",
                  "DK": "Denmark", "EE": "Estonia", "EL": "Greece", "ES": "Spain", "FI": "Finland", "FR": "France",
                  "HR": "Croatia", "HU": "Hungary", "IT": "Italy", "LT": "Lithuania", "LU": "Luxembourg",
                  "LV": "Latvia", "ME": "Montenegro", "MK": "North Macedonia", "NATO_EUR_CAN": "NATO Europe and Canada",
                  "NATO_TOTAL": "NATO Total", "NL": "Netherlands", "NO": "Norway", "PL": "Poland", "PT": "Portugal",
                  "RO": "Romania", "SE": "Sweden", "SI": "Slovenia", "SK": "Slovakia", "TR": "Türkiye",
                  "UK": "United Kingdom", "US": "United States"}
# How each table of the copy was checked where no second copy has the figure (tests/test_nato_2026_edition.py redoes it)
JUL_2026_CHECKED = {
    "usd_current": "no second copy of this figure; the column adds up: the allies that were members that year sum "
                   "to NATO Total, and without the United States to NATO Europe and Canada, within rounding",
    "usd_constant_2021": "no second copy of this figure; the column adds up: the allies that were members that year "
                         "sum to NATO Total, and without the United States to NATO Europe and Canada, within rounding",
    "share_gdp": "no second copy of this figure; equals the copy's Table 2 (constant 2021 prices) over its Table 5 "
                 "(GDP, constant 2021 prices) within rounding",
    "real_change": "no second copy of this figure; equals the year-on-year change of the copy's Table 2 (constant 2021 "
                   "prices) within rounding",
    "per_capita_2021": "no second copy of this figure; the population it implies (Table 2 at constant prices over it) "
                       "moves by less than 3.5% a year",
    "equipment_share": "no second copy of this figure (the 2026e column is checked against one where named)",
}
REAL_CHANGE_COPY = ("github:Datavisualiatie-UGent/project-dv26-2 assets/realchange.csv @ee88433924b6 (repository "
                    "copy of NATO's table, copied to sources/nato_real_change_2025_edition.csv)")


def read(name: str, folder: Path = SOURCES) -> list[dict]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(name: str, fields: list[str], rows: list[dict]) -> None:
    write_rows(OUT / name, rows, fields)


def defence_expenditure() -> None:
    rows = []
    for r in read("nato_defence_share_gdp_2025_edition.csv"):
        if not r["pct_gdp_2dp"]:
            continue
        rows.append({"entity": r["country"], "metric": METRIC, "period": r["year"], "value": r["pct_gdp_2dp"],
                     "unit": "percent", "estimate": r["is_estimate"], "edition": AUG_2025[0],
                     "edition_date": AUG_2025[1], "source_url": r["source_url"], "source_title": r["source_title"],
                     "retrieved_from": r["retrieved_from"], "cross_check": r["cross_check"]})
    for r in read("nato_defence_share_gdp_earlier_editions.csv"):
        rows.append({"entity": r["country"], "metric": METRIC, "period": r["year"], "value": r["pct_gdp"],
                     "unit": "percent", "estimate": r["is_estimate"], "edition": r["edition"],
                     "edition_date": r["edition_date"], "source_url": r["source_url"],
                     "source_title": r["source_title"], "retrieved_from": r["retrieved_from"],
                     "cross_check": r["cross_check"]})
    for r in jul_2026("share_gdp"):  # NATO's published 2-decimal figures, "core" defence expenditure from this edition
        rows.append({"entity": r["entity"], "metric": METRIC, "period": r["period"],
                     "value": f"{float(r['read']):.2f}", "unit": "percent",
                     **{k: r[k] for k in ("estimate", "edition", "edition_date", "source_url")},
                     "source_title": f"{JUL_2026[0]}, Table 3: core defence expenditure as a share of (real) GDP, % "
                                     "(based on 2021 prices); 2025 and 2026 are estimates (e)",
                     "retrieved_from": r["retrieved_from"], "cross_check": r["cross_check"]})
    allies = {r["entity"] for r in rows if r["edition"] == AUG_2025[0]} - AGGREGATES
    listed: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        listed[(r["edition"], r["period"])].add(r["entity"])
    for r in rows:
        members = {a for a in allies if JOINED.get(a, 0) <= int(r["period"])}
        r["edition_complete"] = str(members <= listed[(r["edition"], r["period"])]).lower()
    fields = ["entity", "metric", "period", "value", "unit", "estimate", "edition", "edition_date",
              "edition_complete", "source_url", "source_title", "retrieved_from", "cross_check"]
    write("defence_expenditure.csv", fields, rows)


def real_change() -> None:
    """NATO's annual real change in defence expenditure: the August 2025 edition, from the copy in sources/ of the table
    as a public repository keeps it (decimal commas, "*" after some names), rounded to 2 decimals like the pack's other
    NATO figures (value) and as read (value_full), a second copy, where one was found, from
    sources/real_change_cross_checks.csv; and the July 2026 edition (2 decimals as read)."""
    names = {"Slovak Republic": "Slovakia"}
    checked = {(r["entity"], r["period"]): r["cross_check"] for r in read("real_change_cross_checks.csv", GATHERED)}
    rows = []
    for r in read("nato_real_change_2025_edition.csv", GATHERED):
        entity = names.get(r["country"].rstrip("*"), r["country"].rstrip("*"))
        for label, text in r.items():
            if label == "country" or not text:
                continue  # no figure (Germany 2025e): not guessed
            year, full = label.rstrip("e"), text.replace(",", ".")
            rows.append({"entity": entity, "metric": "defence_expenditure_real_change_pct", "period": year,
                         "value": f"{float(full):.2f}", "value_full": full, "unit": "percent",
                         "estimate": str(label.endswith("e")).lower(), "edition": AUG_2025[0],
                         "edition_date": AUG_2025[1],
                         "source_url": "https://www.nato.int/content/dam/nato/webready/documents/finance/def-exp-2025-en.xlsx",
                         "source_title": f"{AUG_2025[0]}: annual real change in defence expenditure, %",
                         "retrieved_from": REAL_CHANGE_COPY,
                         "cross_check": checked.get((entity, year), "no second copy found in the stored material")})
    for r in jul_2026("real_change"):
        rows.append({"entity": r["entity"], "metric": "defence_expenditure_real_change_pct", "period": r["period"],
                     "value": f"{float(r['read']):.2f}", "value_full": r["read"], "unit": "percent",
                     **{k: r[k] for k in ("estimate", "edition", "edition_date", "source_url")},
                     "source_title": f"{JUL_2026[0]}, Table 3: core defence expenditure, annual real change, % "
                                     "(based on 2021 prices)",
                     "retrieved_from": r["retrieved_from"], "cross_check": r["cross_check"]})
    write("real_change.csv", ["entity", "metric", "period", "value", "value_full", "unit", "estimate", "edition",
                              "edition_date", "source_url", "source_title", "retrieved_from", "cross_check"], rows)


def jul_2026(table: str) -> list[dict]:
    """One table of NATO's July 2026 edition as rows: entity, period, the figure as read, whether NATO marks it an
    estimate, and the second copy where one was found (sources/nato_2026_cross_checks.csv)."""
    checked = {(r["table"], r["entity"], r["period"]): r["cross_check"]
               for r in read("nato_2026_cross_checks.csv", GATHERED)}
    rows = []
    for r in read("nato_2026_edition.csv", GATHERED):
        if r["table"] != table:
            continue
        entity = JUL_2026_CODES[r["code"]]
        for label, text in r.items():
            if label in ("table", "code") or not text:
                continue
            year = label.rstrip("e")
            rows.append({"entity": entity, "period": year, "read": text, "estimate": str(label.endswith("e")).lower(),
                         "edition": JUL_2026[0], "edition_date": JUL_2026[1], "source_url": JUL_2026_XLSX,
                         "retrieved_from": JUL_2026_COPY,
                         "cross_check": checked.get((table, entity, year), JUL_2026_CHECKED[table])})
    return rows


def edition_complete(rows: list[dict], allies: set[str]) -> None:
    """Mark each row whether its edition lists every ally that was a member in its year (counts need it)."""
    listed: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in rows:
        listed[(r["metric"], r["edition"], r["period"])].add(r["entity"])
    for r in rows:
        members = {a for a in allies if JOINED.get(a, 0) <= int(r["period"])}
        r["edition_complete"] = str(members <= listed[(r["metric"], r["edition"], r["period"])]).lower()


def defence_expenditure_usd() -> None:
    """NATO's Table 2 (July 2026 edition): defence expenditure in US dollars at current and at constant 2021 prices
    and exchange rates, per ally and the two aggregates, in whole dollars (value) and as read in millions
    (value_million)."""
    rows = []
    for table, metric, what in (("usd_current", "defence_expenditure_usd_current", "current prices and exchange rates"),
                                ("usd_constant_2021", "defence_expenditure_usd_constant_2021",
                                 "constant 2021 prices and exchange rates")):
        for r in jul_2026(table):
            million = r.pop("read")
            rows.append({"entity": r["entity"], "metric": metric, "period": r["period"],
                         "value": str(round(float(million)) * 1_000_000), "value_million": f"{float(million):g}",
                         "unit": "USD", **{k: r[k] for k in ("estimate", "edition", "edition_date", "source_url")},
                         "source_title": f"{JUL_2026[0]}, Table 2: core defence expenditure, million US dollars, "
                                         f"{what}",
                         "retrieved_from": r["retrieved_from"], "cross_check": r["cross_check"]})
    edition_complete(rows, {r["entity"] for r in rows} - AGGREGATES)
    write("defence_expenditure_usd.csv", ["entity", "metric", "period", "value", "value_million", "unit", "estimate",
                                          "edition", "edition_date", "edition_complete", "source_url", "source_title",
                                          "retrieved_from", "cross_check"], rows)


def defence_per_capita() -> None:
    """NATO's Table 6 (July 2026 edition): defence expenditure per capita, US dollars at 2021 prices and exchange
    rates, per ally and the two aggregates."""
    jul_2026_table("per_capita_2021", "defence_expenditure_per_capita_usd", "USD", "g",
                   "Table 6: core defence expenditure per capita, US dollars, constant 2021 prices and exchange rates",
                   "defence_per_capita.csv")


def equipment_share() -> None:
    """NATO's Table 8a (July 2026 edition): equipment expenditure (major equipment and the research and development
    devoted to it) as a share of defence expenditure, per ally; the copy holds no aggregate rows for it."""
    jul_2026_table("equipment_share", "equipment_share_pct", "percent", ".2f",
                   "Table 8a: distribution of core defence expenditure by main category, equipment (major equipment "
                   "and related research and development), % of the total", "equipment_share.csv")


def jul_2026_table(read_as: str, metric: str, unit: str, value_format: str, table: str, file_name: str) -> None:
    """One table of the July 2026 edition, a figure a row as read, in the pack's tidy shape."""
    rows = [{"entity": r["entity"], "metric": metric, "period": r["period"],
             "value": format(float(r["read"]), value_format), "unit": unit,
             **{k: r[k] for k in ("estimate", "edition", "edition_date", "source_url")},
             "source_title": f"{JUL_2026[0]}, {table}",
             "retrieved_from": r["retrieved_from"], "cross_check": r["cross_check"]}
            for r in jul_2026(read_as)]
    edition_complete(rows, {r["entity"] for r in rows} - AGGREGATES)
    write(file_name, ["entity", "metric", "period", "value", "unit", "estimate", "edition", "edition_date",
                      "edition_complete", "source_url", "source_title", "retrieved_from", "cross_check"], rows)


def summits() -> None:
    rows = [{"event": r["name"], "kind": r["kind"], "location": r["city"], "country": r["country"],
             "start_date": r["start_date"], "end_date": r["end_date"], "source_url": r["source_url"],
             "source_title": r["source_title"], "notes": r["discrepancy"]} for r in read("nato_summits.csv")]
    # where the organiser's own page was found, it is cited first and the shared copy's source becomes the
    # cross-check (sources/summit_primary_sources.csv)
    primary = {r["event"]: r for r in read("summit_primary_sources.csv", GATHERED)}
    for row in rows:
        found = primary.get(row["event"])
        if found:
            row["notes"] = "; ".join(n for n in (f"Cross-checked: {found['cross_check']}", row["notes"]) if n)
            row["source_url"], row["source_title"] = found["source_url"], found["source_title"]
    write("nato_summits.csv", ["event", "kind", "location", "country", "start_date", "end_date", "source_url",
                               "source_title", "notes"], rows)


def commitments() -> None:
    """Numeric pledges in the long shape: entity NATO, metric, period (the deadline year), value."""
    metrics = {"headline_target": "defence_spending_target_pct_gdp", "core_defence": "core_defence_target_pct_gdp",
               "defence_security_related": "defence_related_spending_pct_gdp"}
    rows = [{"entity": "NATO", "metric": metrics[r["item"]], "period": r["deadline"], "value": r["value"],
             "unit": "percent", "agreed": "2025-06-25", "commitment": "The Hague Summit Declaration",
             "source_url": r["source_url"], "source_title": r["source_title"], "retrieved_from": r["retrieved_from"],
             "notes": r["summary"]}
            for r in read("hague_declaration_2025_commitments.csv") if r["item"] in metrics]
    dates = {r["fact_id"]: r for r in read("key_dates.csv")}
    wales = dates["wales_pledge"]
    rows.append({"entity": "NATO", "metric": "defence_spending_target_pct_gdp", "period": "2024", "value": "2",
                 "unit": "percent", "agreed": wales["date"], "commitment": "Wales Summit Defence Investment Pledge",
                 "source_url": wales["source_url"], "source_title": wales["source_title"],
                 "retrieved_from": wales["retrieved_from"], "notes": wales["value"]})
    for r in read("accessions.csv", GATHERED):
        rows.append({"entity": "NATO", "metric": "member_count", "period": r["date"][:4], "value": r["members_after"],
                     "unit": "count", "agreed": r["date"], "commitment": "", "source_url": r["source_url"],
                     "source_title": r["source_title"], "retrieved_from": r["retrieved_from"],
                     "notes": f"joined: {r['joined']}; count {r['count_basis']}; cross-check: {r['cross_check']}"})
    write("alliance_facts.csv", ["entity", "metric", "period", "value", "unit", "agreed", "commitment",
                                 "source_url", "source_title", "retrieved_from", "notes"], rows)


def stated_counts() -> None:
    """Counts of allies at or above 2% as they were stated at the time, each dated by its statement
    (sources/statement_dates.csv says how), beside the counts the checker derives from the editions."""
    dated = {(r["year"], r["basis"]): r for r in read("statement_dates.csv", GATHERED)}
    rows = []
    for r in read("nato_allies_at_2pct_by_year.csv"):
        if not r["basis"].startswith("as reported"):
            continue
        when = dated[(r["year"], r["basis"])]
        denominator = re.match(r"\d+", r["denominator"])
        rows.append({"entity": "NATO", "metric": "allies_at_or_above_2pct_gdp", "period": r["year"],
                     "value": re.match(r"\d+", r["count"]).group(0), "unit": "count",
                     "denominator": denominator.group(0) if denominator else "", "stated_by": when["stated_by"],
                     "stated_on": when["stated_on"], "countries": r["countries"], "source_url": r["source_url"],
                     "source_title": r["source_title"], "retrieved_from": r["retrieved_from"],
                     "notes": f"{r['basis']}; dated: {when['how_dated']}; {r['notes']}".rstrip("; ")})
    write("stated_counts.csv", ["entity", "metric", "period", "value", "unit", "denominator", "stated_by",
                                "stated_on", "countries", "source_url", "source_title", "retrieved_from", "notes"],
          rows)


def national_plans() -> None:
    """Countries' own plans and pledges (sources/national_plans.csv), each dated by the day it was stated: claims
    about a pledge are checked against what was pledged by the draft's date, never against NATO's figures."""
    fields = ["entity", "metric", "period", "value", "unit", "stated_on", "stated_by", "source_url", "source_title",
              "retrieved_from", "cross_check", "notes"]
    write("national_plans.csv", fields, read("national_plans.csv", GATHERED))


def events() -> None:
    """Dated facts, and each member's accession day (sources/accessions.csv) with the member as its entity, so a
    rule can find "North Macedonia officially became a member on Friday" by the country it names."""
    rows = []
    for r in read("key_dates.csv"):
        start, _, end = r["date"].partition("/")
        if r["date_precision"] not in ("day", "range"):
            continue  # month- and year-only facts are kept in the sources, not guessed into days
        rows.append({"event": r["fact"], "event_id": r["fact_id"], "entity": "", "location": "", "start_date": start,
                     "end_date": end or start, "source_url": r["source_url"], "source_title": r["source_title"],
                     "notes": r["notes"]})
    for r in read("accessions.csv", GATHERED):
        if len(r["date"]) != 10 or r["members_after"] == "12":
            continue  # a month only (West Germany, 1955) is not guessed into a day; the founders signed, not joined
        for country in (c.split(" (")[0].strip() for c in r["joined"].split(",")):
            own = [e for e in rows if e["start_date"] == r["date"] and country in e["event"]]
            if own:  # a dated fact of its own already (Finland, Sweden): it carries the member as its entity
                own[0]["entity"] = country
                continue
            rows.append({"event": f"{country} joins NATO ({r['members_after']} members from that day)",
                         "event_id": f"accession_{re.sub(r'[^a-z]+', '_', country.lower())}", "entity": country,
                         "location": "", "start_date": r["date"], "end_date": r["date"], "source_url": r["source_url"],
                         "source_title": r["source_title"], "notes": f"cross-check: {r['cross_check']}"})
    write("key_events.csv", ["event", "event_id", "entity", "location", "start_date", "end_date", "source_url",
                             "source_title", "notes"], rows)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    defence_expenditure()
    real_change()
    defence_expenditure_usd()
    defence_per_capita()
    equipment_share()
    summits()
    commitments()
    stated_counts()
    national_plans()
    events()
