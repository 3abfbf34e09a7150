"""Build the two example topics in tests/topics/ from data files that ship inside statsmodels.

Run `pip install statsmodels` first (nothing is downloaded: the CSVs are read from the installed package),
then

    python scripts/build_example_topics.py

It writes, deterministically for a given statsmodels release:

tests/topics/us_macro/us_macro.csv, from `statsmodels.datasets.macrodata` (US quarterly series 1959Q1-2009Q3,
compiled by Skipper Seabold from FRED and the Bureau of Labor Statistics, accessed 15 December 2009).
Entity "United States", period "YYYY-Qn", four metrics:
  unemployment_rate  `unemp`, seasonally adjusted unemployment rate, percent (BLS), as given.
  inflation_rate     `infl`, ln(cpi_t / cpi_t-1) * 400, percent at an annual rate (computed by the
                     dataset's compiler from FRED's CPI), as given. The dataset puts 0 for 1959Q1, which has
                     no previous quarter to compute it from: that placeholder is dropped, not stored.
  real_gdp           `realgdp`, billions of chained 2005 dollars at a seasonally adjusted annual rate (FRED),
                     stored in dollars (times 10**9, exact decimal arithmetic), unit USD.
  population         `pop`, end-of-quarter population (FRED). statsmodels' notes give no unit, and FRED's
                     series is in thousands, but the file holds millions ("308.013" for 2009Q3, when the
                     US had 308 million people): stored in persons (times 10**6, exact), unit count.

tests/topics/world_fertility/world_fertility.csv, from `statsmodels.datasets.fertility` (World Bank, World
Development Indicators, SP.DYN.TFRT.IN "Fertility rate, total (births per woman)"), metric fertility_rate,
unit count, period "YYYY", entity names exactly as the World Bank gives them.
  Dropped aggregates (not countries): "Latin America & Caribbean (all income levels)" (LCN), "OECD members"
  (OED), "Other small states" (OSS), "Pacific island small states" (PSS) and "Sub-Saharan Africa (IFC
  classification)" (CAA, which has no values anyway). This statsmodels copy has no other aggregate (no
  "World", "Euro area", "High income" or other income or region group). Economies that are not sovereign
  states but that the World Bank lists as economies of their own (e.g. "Hong Kong SAR, China", "Puerto Rico",
  "Channel Islands", "West Bank and Gaza", "Kosovo") are kept.
  Empty values are dropped: every value for 2012 and 2013 is empty in this copy, and American Samoa, Cayman
  Islands, Faeroe Islands, Monaco, Northern Mariana Islands, San Marino and Turks and Caicos Islands have no
  value at all, so they do not appear.
  All years would give about 10,500 rows, more than the ~6,000 wanted, so only every 5th year from 1960
  (1960, 1965, ..., 2010) plus 2010-2013 are kept: with 2012-2013 empty that is 1960, 1965, ..., 2010, 2011.
  The World Bank publishes these figures to 3 decimals; statsmodels' CSV carries some of them with binary
  float noise ("3.2260000000000004"). Those are written as the 3-decimal figure they stand for ("3.226");
  every value in the file is within 1e-9 of a 3-decimal figure (checked below), so nothing else is rounded.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from importlib import resources
from pathlib import Path

import statsmodels
from tidy_csv import write_rows

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "topics"
VERSION = ".".join(statsmodels.__version__.split(".")[:2])

FRED_URL = "https://research.stlouisfed.org/fred2/"
BLS_URL = "https://www.bls.gov/data/"
FRED = "FRED, Federal Reserve Economic Data, Federal Reserve Bank of St. Louis, accessed 15 December 2009"
BLS = "Bureau of Labor Statistics, U.S. Department of Labor, accessed 15 December 2009"
WB_URL = "https://data.worldbank.org/indicator/SP.DYN.TFRT.IN"
WB = "the World Bank, World Development Indicators: Fertility rate, total (births per woman) (SP.DYN.TFRT.IN)"

# column -> (metric, unit, multiplier to the stored unit, source url, source title)
MACRO = {
    "unemp": ("unemployment_rate", "percent", 1, BLS_URL, f"statsmodels {VERSION} datasets.macrodata, from {BLS}"),
    "infl": ("inflation_rate", "percent", 1, FRED_URL,
             f"statsmodels {VERSION} datasets.macrodata (inflation computed by its compiler as "
             f"ln(cpi_t/cpi_t-1)*400 from the CPI), from {FRED}"),
    "realgdp": ("real_gdp", "USD", 10**9, FRED_URL, f"statsmodels {VERSION} datasets.macrodata, from {FRED}"),
    "pop": ("population", "count", 10**6, FRED_URL, f"statsmodels {VERSION} datasets.macrodata, from {FRED}"),
}
AGGREGATE_CODES = {"CAA", "LCN", "OED", "OSS", "PSS"}
YEARS = [*range(1960, 2011, 5), 2011, 2012, 2013]


def package_csv(package: str, name: str) -> list[dict]:
    with resources.files(package).joinpath(name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def scaled(text: str, multiplier: int) -> str:
    """The figure times the multiplier, exactly, without an exponent or trailing zeros after a point."""
    value = Decimal(text) * multiplier
    out = format(value, "f")
    return out.rstrip("0").rstrip(".") if "." in out else out


def write(topic: str, rows: list[dict]) -> None:
    write_rows(OUT / topic / f"{topic}.csv", rows)


def us_macro() -> None:
    rows = []
    for column, (metric, unit, multiplier, url, title) in MACRO.items():
        for r in package_csv("statsmodels.datasets.macrodata", "macrodata.csv"):
            year, quarter = r["year"], r["quarter"]
            if column == "infl" and (year, quarter) == ("1959", "1"):
                continue  # placeholder 0: no previous quarter to compute inflation from
            rows.append({"entity": "United States", "metric": metric, "period": f"{year}-Q{quarter}",
                         "value": scaled(r[column], multiplier), "unit": unit, "source_url": url,
                         "source_title": title})
    write("us_macro", rows)


def three_decimals(text: str) -> str:
    value = round(float(text), 3)
    if abs(float(text) - value) > 1e-9:
        raise ValueError(f"{text!r} is not a 3-decimal figure")
    return repr(value).removesuffix(".0")


def world_fertility() -> None:
    rows = []
    for r in package_csv("statsmodels.datasets.fertility", "fertility.csv"):
        if r["Country Code"] in AGGREGATE_CODES:
            continue
        for year in YEARS:
            if r[str(year)].strip():
                rows.append({"entity": r["Country Name"], "metric": "fertility_rate", "period": str(year),
                             "value": three_decimals(r[str(year)]), "unit": "count", "source_url": WB_URL,
                             "source_title": f"statsmodels {VERSION} datasets.fertility, from {WB}"})
    write("world_fertility", rows)


if __name__ == "__main__":
    us_macro()
    world_fertility()
