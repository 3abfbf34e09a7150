"""Build tests/topics/us_jobs/us_jobs.csv from the US payroll-employment table that ships inside vega_datasets.

Nothing is downloaded: the figures are read from the CSV file in the installed package (`vega_datasets.data
("us-employment")` reads the same file, `_data/us-employment.csv`; it is one of the package's local datasets).
vega_datasets is not in .venv; install the release this file was built from into a folder of its own, then run the
script from anywhere:

    .venv/bin/pip install --no-deps --target /tmp/vega_datasets vega_datasets==0.9.0
    PYTHONPATH=/tmp/vega_datasets .venv/bin/python scripts/build_us_jobs_topic.py

What the package holds (its description, `vega_datasets/dataset_info.json`): the monthly employment total of the
BLS supersectors from January 2006 through December 2015, from the Current Employment Statistics program of the US
Bureau of Labor Statistics, seasonally adjusted, in thousands, downloaded on Nov. 11, 2018; "nonfarm" is the
country's employment total; a calculated "nonfarm_change" column is the month-to-month change of the total.

What is written, one row a figure (entity, metric, period, value, unit, source_url, source_title, edition,
edition_date, edition_complete):
  payroll_employment  the month's employment of a sector, unit `count`, in whole jobs (the package's thousands
                      times 1,000, computed in decimal so 5840.4 is 5840400 exactly).
  Entities are named by the BLS's own supersector titles (its ce.supersector list), except the total: `nonfarm`
  ("Total nonfarm") is written as "United States", the country's payroll employment, and `private` as "Total
  private"; both are aggregates in the resource. The fourteen others partition the total: "Mining and logging",
  "Construction", "Manufacturing", "Wholesale trade", "Retail trade", "Transportation and warehousing",
  "Utilities", "Information", "Financial activities", "Professional and business services", "Education and health
  services", "Leisure and hospitality", "Other services", "Government".
Not written: the sums of some of those (goods_producing, service_providing, private_service_providing,
trade_transportation_utilties) and manufacturing's two halves (durable_goods, nondurable_goods), which would count a
job twice in "how many sectors"; and nonfarm_change, which is the difference of two months of the total (checked
below), a change the checker reads from the levels.
The edition columns say which release of the figures this is: the BLS revises them (benchmark revisions each
year), and the package's copy is the one downloaded on 2018-11-11, complete for every sector and month.
"""

from __future__ import annotations

import csv
import itertools
from decimal import Decimal
from importlib.util import find_spec
from pathlib import Path

from tidy_csv import FIELDS, write_rows

OUT = Path(__file__).resolve().parent.parent / "tests" / "topics" / "us_jobs" / "us_jobs.csv"
URL = "https://www.bls.gov/ces/"
TITLE = ("US Bureau of Labor Statistics, Current Employment Statistics: {title}, all employees, seasonally adjusted "
         "(the package's thousands written as whole jobs); read from vega_datasets 0.9.0 data('us-employment') "
         "(downloaded from the BLS on 2018-11-11)")
EDITION = "BLS Current Employment Statistics as downloaded 2018-11-11 (vega_datasets 0.9.0)"
EDITION_DATE = "2018-11-11"
SECTORS = {  # the package's column -> the entity written (the BLS title, the total as the country)
    "nonfarm": "United States", "private": "Total private", "mining_and_logging": "Mining and logging",
    "construction": "Construction", "manufacturing": "Manufacturing", "wholesale_trade": "Wholesale trade",
    "retail_trade": "Retail trade", "transportation_and_warehousing": "Transportation and warehousing",
    "utilities": "Utilities", "information": "Information", "financial_activities": "Financial activities",
    "professional_and_business_services": "Professional and business services",
    "education_and_health_services": "Education and health services",
    "leisure_and_hospitality": "Leisure and hospitality", "other_services": "Other services",
    "government": "Government",
}
BLS_TITLE = {"nonfarm": "Total nonfarm", "private": "Total private"}


def package_file(name: str) -> Path:
    """One of vega_datasets' local CSV files, found in the installed package (nothing is downloaded)."""
    spec = find_spec("vega_datasets")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vega_datasets is not importable: see this script's docstring")
    return Path(next(iter(spec.submodule_search_locations))) / "_data" / name


def whole(thousands: str) -> str:
    value = Decimal(thousands) * 1000
    if value != value.to_integral_value():
        raise ValueError(f"{thousands} thousand is not a whole number of jobs")
    return str(int(value))


def rows() -> list[dict]:
    with package_file("us-employment.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    for before, after in itertools.pairwise(table):
        if Decimal(after["nonfarm"]) - Decimal(before["nonfarm"]) != Decimal(after["nonfarm_change"]):
            raise ValueError(f"nonfarm_change of {after['month']} is not the change of the total")
    out = []
    for column, entity in SECTORS.items():
        title = BLS_TITLE.get(column, entity)
        for record in table:
            out.append({"entity": entity, "metric": "payroll_employment", "period": record["month"][:7],
                        "value": whole(record[column]), "unit": "count", "source_url": URL,
                        "source_title": TITLE.format(title=title), "edition": EDITION,
                        "edition_date": EDITION_DATE, "edition_complete": "true"})
    return out


if __name__ == "__main__":
    write_rows(OUT, rows(), [*FIELDS, "edition", "edition_date", "edition_complete"])
