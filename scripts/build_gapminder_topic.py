"""Build tests/topics/gapminder/gapminder.csv from the Gapminder excerpt that ships inside plotly.

Nothing is downloaded: the figures are read from the gzipped CSV in the installed package
(`plotly/package_data/datasets/gapminder.csv.gz`, what `plotly.data.gapminder()` returns). Install the release
this file was built from, then run the script from anywhere:

    .venv/bin/pip install plotly==7.1.0
    .venv/bin/python scripts/build_gapminder_topic.py

What the package holds: Jennifer Bryan's "gapminder" teaching excerpt of the Gapminder Foundation's data
(https://www.gapminder.org/data/), 142 countries, every 5th year from 1952 to 2007, with life expectancy at birth
(years), total population and GDP per capita (inflation-adjusted dollars: international dollars of 2005, as the
excerpt's documentation says). Gapminder compiled these series from the UN, the World Bank and others.

What is written, one row a figure (entity, metric, period, value, unit, source_url, source_title):
  life_expectancy  `lifeExp`, life expectancy at birth, unit `year`.
  population       `pop`, total population, unit `count` (persons, as given).
  gdp_per_capita   `gdpPercap`, GDP per capita, unit `USD` (dollars per person, as given).
Country names are kept exactly as the excerpt spells them ("Korea, Rep.", "Congo, Dem. Rep.", "Swaziland",
"Hong Kong, China"); the continent column and the ISO codes are not written. There are no aggregates (no
"World", no continent totals) and no empty value, so every country has a figure for every year and measure.

Only float noise is removed: plotly's copy carries some figures as binary floating point ("41.76300000000001",
"853.1007099999998"), where the published excerpt has 41.763 and 853.10071. Each value is written as the
shortest decimal within a relative 1e-12 of the stored float (checked below); no figure is rounded beyond
that, and a value that has no such short form stops the build.
"""

from __future__ import annotations

import csv
import gzip
from importlib import resources
from pathlib import Path

import plotly
from tidy_csv import write_rows

OUT = Path(__file__).resolve().parent.parent / "tests" / "topics" / "gapminder" / "gapminder.csv"
VERSION = ".".join(plotly.__version__.split(".")[:2])
URL = "https://www.gapminder.org/data/"
TITLE = (f"Gapminder Foundation, read from plotly {VERSION} plotly.data.gapminder "
         "(Jennifer Bryan's gapminder excerpt, 1952-2007): ")
# column of the package's file -> (metric, unit, what the title says it is)
COLUMNS = {
    "lifeExp": ("life_expectancy", "year", "life expectancy at birth, years"),
    "pop": ("population", "count", "total population"),
    "gdpPercap": ("gdp_per_capita", "USD", "GDP per capita, inflation-adjusted (2005 international) dollars"),
}


def clean(text: str) -> str:
    """The shortest decimal that the stored float stands for (float noise only; never a rounding)."""
    stored = float(text)
    for places in range(0, 13):
        short = round(stored, places)
        if abs(short - stored) <= 1e-12 * max(1.0, abs(stored)):
            out = f"{short:.{places}f}"
            return out.rstrip("0").rstrip(".") if "." in out else out
    raise ValueError(f"{text!r} has no short decimal form: not float noise, not rewritten")


def rows() -> list[dict]:
    source = resources.files("plotly").joinpath("package_data", "datasets", "gapminder.csv.gz")
    with source.open("rb") as raw, gzip.open(raw, mode="rt", encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    out = []
    for column, (metric, unit, what) in COLUMNS.items():
        for record in records:
            out.append({"entity": record["country"], "metric": metric, "period": record["year"],
                        "value": clean(record[column]), "unit": unit, "source_url": URL,
                        "source_title": TITLE + what})
    return out


if __name__ == "__main__":
    write_rows(OUT, rows())
