"""Build tests/topics/tech_stocks/tech_stocks.csv from the monthly share prices of five technology companies that
ship inside vega_datasets.

Nothing is downloaded: the figures are read from the CSV file in the installed package (`vega_datasets.data.stocks()`
reads the same file, `_data/stocks.csv`; it is one of the package's local datasets). vega_datasets is not in .venv;
install the release this file was built from into a folder of its own, then run the script from anywhere:

    .venv/bin/pip install --no-deps --target /tmp/vega_datasets vega_datasets==0.9.0
    PYTHONPATH=/tmp/vega_datasets .venv/bin/python scripts/build_tech_stocks_topic.py

What the package holds: 560 rows (symbol, date, price), one price a month for AAPL, AMZN, IBM and MSFT from January
2000 to March 2010 and for GOOG from August 2004 (its listing) to March 2010. The package's description
(`dataset_info.json`) calls them "closing stock prices"; its file dates every row the 1st of its month, and where
a price can be compared with what the press quoted (Apple 198.08 and Google 691.48 in December 2007) it is the
close of the month's last trading day. The package does not say whether the prices are adjusted for splits or
dividends: Apple's, Microsoft's and IBM's earlier figures are below the prices quoted at the time, so the source
title says "as the package gives them".

What is written, one row a figure (entity, metric, period, value, unit, source_url, source_title):
  share_price  the month's price, unit `USD`, period the month (`2007-12`), the figure exactly as the file gives it.
Entities are the companies, named from their ticker symbols below (the resource's aliases give the tickers and the
other names news copy uses).
"""

from __future__ import annotations

import csv
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from build_us_jobs_topic import package_file
from tidy_csv import write_rows

OUT = Path(__file__).resolve().parent.parent / "tests" / "topics" / "tech_stocks" / "tech_stocks.csv"
URL = "https://github.com/vega/vega-datasets/blob/main/data/stocks.csv"
TITLE = "vega-datasets stocks.csv, read from vega_datasets 0.9.0 data.stocks(): {symbol} monthly closing price (USD)"
COMPANIES = {"AAPL": "Apple", "AMZN": "Amazon", "GOOG": "Google", "IBM": "IBM", "MSFT": "Microsoft"}


def rows() -> list[dict]:
    with package_file("stocks.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    if len(table) != 560 or {record["symbol"] for record in table} != set(COMPANIES):
        raise ValueError("not the stocks table this script was written for (560 rows, five symbols)")
    out = []
    for record in table:
        day = datetime.strptime(record["date"], "%b %d %Y")
        if day.day != 1 or Decimal(record["price"]) <= 0:
            raise ValueError(f"unexpected row {record}")
        out.append({"entity": COMPANIES[record["symbol"]], "metric": "share_price", "period": f"{day:%Y-%m}",
                    "value": record["price"], "unit": "USD", "source_url": URL,
                    "source_title": TITLE.format(symbol=record["symbol"])})
    return out


if __name__ == "__main__":
    write_rows(OUT, rows())
