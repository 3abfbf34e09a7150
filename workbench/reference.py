"""Reference data: the tidy tables of reference_data/, validated against their Frictionless descriptor.

A table that breaks its schema, or lacks what its description promises, is refused with file, row and
column named; the other tables still load. Every table keeps its sources, and every row its own
source_url and source_title. A resource's `checking` property (reference_data/README.md) is what makes a
table a topic: what each measure is called, its unit, its entities and its vintages. No topic is known here.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from workbench import reference_dir

if TYPE_CHECKING:  # pandas is imported where a pack is validated, not when a cached one is used
    import pandas as pd

DESCRIPTOR = "datapackage.json"
MAX_ERRORS_SHOWN = 5
MAX_ROWS = 200_000  # reference tables are curated facts; a table this large is refused before validation


LONG_SHAPE = ("entity", "metric", "period", "value")
PERIODS = ("year", "quarter", "month")
KINDS = ("level", "target", "stated_count")
PRICES = ("current", "constant")  # money at each year's prices, or at one year's (its changes are real-terms)
SIDES = ("above", "at_or_above", "below", "at_or_below")


class DescriptionError(ValueError):
    """A `checking` description that cannot be used, naming the file and what is wrong."""


@dataclass(frozen=True)
class Measure:
    """What a table measures, in the words the topic's description gives: how news copy names it and
    how an explanation should."""

    table: str
    metric: str
    label: str
    unit: str  # the unit claims about it are extracted in (DESIGN.md): percent, USD, count, year...
    words: tuple[str, ...]  # name the measure ("unemployment rate")
    context_words: tuple[str, ...] = ()  # support a reading without naming it ("per capita", "spent")
    period: str = "year"
    kind: str = "level"  # "target": its periods are deadlines, claimed ahead of time; "stated_count": see counts
    holds: str = ""  # "until_changed": a figure stands from its date until the next one (a member count)
    target_for: str = ""  # the level measure this target is a cut-off for ("met the target" with no figure)
    counts: CountOf | None = None  # for a stated count: what it counts, as the checker would derive it
    prices: str = ""  # money: "current" (a percentage change of it mixes in inflation: none is read) or "constant"


@dataclass(frozen=True)
class CountOf:
    """A count stated at the time ("23 members at or above 2"): which measure, which side of which cut-off, and
    the column saying how many it was counted over, where the table has one."""

    measure: str
    side: str
    cutoff: float
    over: str = ""


@dataclass(frozen=True)
class Description:
    """A table's `checking` property: the topic as data."""

    publisher: str
    singular: str
    plural: str
    group_words: tuple[str, ...]  # what news copy calls the table's entities together ("countries")
    aggregates: frozenset[str]  # entity values that total the others: never counted or ranked
    measures: dict[str, Measure]
    whole: str | None = None  # the total a figure that names no one is read as: `whole`, or the only aggregate
    vintage: str | None = None  # column naming the edition a row belongs to
    vintage_date: str | None = None  # column giving the day (or month) the row's figure was published
    complete: str | None = None  # column saying whether the row's edition covers every entity that period
    stale_after_years: int | None = None  # how far behind a draft its latest figure may be and still speak for now
    later: bool = True  # whether a draft may be checked against an edition out after it (false where an edition
    # restates the past on a basis no draft before it could cite)
    aliases: tuple[tuple[str, str], ...] = ()  # (form, entity): other names news copy uses ("the Isotopes")


@lru_cache(maxsize=256)
def published_by(day_or_month: str) -> date:
    """The day a figure is known to be out: its date, or the last day of its month if only a month is given."""
    if len(day_or_month) == 7:
        year, month = int(day_or_month[:4]), int(day_or_month[5:7])
        return date(year, month, calendar.monthrange(year, month)[1])
    return date.fromisoformat(day_or_month[:10])


def period_key(value: object) -> str:
    """A period as the tables and frames both spell it: "2024", "2009-Q3", "2009-03"."""
    text = str(value).strip()
    return text[:-2] if text.endswith(".0") else text


@dataclass
class ReferenceTable:
    name: str
    path: Path
    title: str
    sources: list[dict]
    frame: pd.DataFrame
    description: Description | None = None

    def __getstate__(self) -> dict:
        """Pickled (workbench/cache.py) as its plain rows: unpickling a frame would import pandas at start-up."""
        state = {key: value for key, value in self.__dict__.items() if key != "frame"}
        state["rows"], state["_columns"] = self.rows, list(self.frame.columns)
        return state

    def __getattr__(self, name: str) -> object:
        """The frame of a cached table, rebuilt from its rows when a page first shows it."""
        if name != "frame" or "_columns" not in self.__dict__:
            raise AttributeError(name)
        import pandas as pd

        self.frame = pd.DataFrame(self.rows, columns=self.__dict__.pop("_columns"))
        return self.frame

    @cached_property
    def series(self) -> dict[tuple[str, str], list[dict]]:
        """Rows by (metric, entity): one entity's figures over periods and vintages."""
        return self._rows_by("entity")

    @cached_property
    def largest(self) -> dict[str, float]:
        """Each metric's largest figure over every entity and period: how far a claim may be from the measure."""
        found: dict[str, float] = {}
        for row in self.rows:
            found[row["metric"]] = max(found.get(row["metric"], float("-inf")), float(row["value"]))
        return found

    @cached_property
    def cross_section(self) -> dict[tuple[str, str], list[dict]]:
        """Rows by (metric, period): every entity's figure in one period, for counts and ranks."""
        return self._rows_by("period")

    def _rows_by(self, column: str) -> dict[tuple[str, str], list[dict]]:
        index: dict[tuple[str, str], list[dict]] = {}
        for row in self.rows:
            index.setdefault((row["metric"], row[column]), []).append(row)
        return index

    def published(self, row: dict) -> date | None:
        """When the row's figure was out, by its vintage column; None for a table without vintages."""
        return row.get("_published")

    @cached_property
    def periods(self) -> dict[tuple[str, bool], list[tuple[str, date]]]:
        """(metric, complete only) -> each (period, day it was out): what a draft of a given date could cite."""
        complete = self.description.complete if self.description else None
        index: dict[tuple[str, bool], set[tuple[str, date]]] = {}
        for row in self.rows:
            out = (row["period"], row.get("_published") or date.min)
            index.setdefault((row["metric"], False), set()).add(out)
            if complete is None or row.get(complete) is True:
                index.setdefault((row["metric"], True), set()).add(out)
        return {key: sorted(found) for key, found in index.items()}

    @cached_property
    def release_days(self) -> dict[date, dict]:
        """The days editions came out (dated to the day, not a month only), each with a row of that edition."""
        column = self.description.vintage_date if self.description else None
        days: dict[date, dict] = {}
        for row in self.rows if column else ():
            if len(str(row.get(column) or "")) == 10 and row.get("_published") is not None:
                days.setdefault(row["_published"], row)
        return days

    @cached_property
    def rows(self) -> list[dict]:
        """The rows as plain dicts (with "_line", the row's line in the CSV file): the checker filters
        these many times per draft, far faster than indexing the frame."""
        rows = [{**row, "_line": index + 2} for index, row in zip(self.frame.index, self.frame.to_dict("records"),
                                                                  strict=True)]
        if self.description is not None:
            column = self.description.vintage_date
            for row in rows:
                row["period"] = period_key(row["period"])
                row["_published"] = published_by(str(row[column])) if column and row.get(column) else None
        return rows


@dataclass
class ReferencePack:
    tables: dict[str, ReferenceTable] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # one line each, naming the file, row and column

    def rows(self, name: str) -> list[dict] | None:
        found = self.tables.get(name)
        return None if found is None else found.rows

    @cached_property
    def measures(self) -> list[Measure]:
        """Every measure of every described table: the readings a figure may have (a stated count is not one:
        it stands beside the count the checker derives)."""
        return [m for t in self.tables.values() if t.description for m in t.description.measures.values()
                if m.kind != "stated_count"]

    @cached_property
    def stated_counts(self) -> list[Measure]:
        return [m for t in self.tables.values() if t.description for m in t.description.measures.values()
                if m.kind == "stated_count"]

    @cached_property
    def targets(self) -> dict[str, list[Measure]]:
        """Level metric -> the targets that are a cut-off for it ("met the target" with no figure)."""
        found: dict[str, list[Measure]] = {}
        for t in self.tables.values():
            for m in t.description.measures.values() if t.description else ():
                if m.target_for:
                    found.setdefault(m.target_for, []).append(m)
        return found

    @cached_property
    def entity_names(self) -> frozenset[str]:
        """The entities the described tables hold figures for."""
        return frozenset(row["entity"] for t in self.tables.values() if t.description for row in t.rows)


def _frictionless():
    import frictionless  # imported on first load only: it is the slowest part of start-up

    return frictionless


def _describe(path: Path, error, schema: dict) -> str:
    """One line a fact-checker can act on: where, what was there, what was expected."""
    where = [str(path)]
    if getattr(error, "row_number", None):
        where.append(f"row {error.row_number}")
    column = getattr(error, "field_name", None)
    if column:
        where.append(f"column '{column}'")
    cell = getattr(error, "cell", None)
    fields = {f["name"]: f for f in schema.get("fields", [])}
    kind = fields.get(column, {}).get("type", "string")
    if fields.get(column, {}).get("format") == "uri":
        kind = "uri"
    if error.type == "type-error":
        expected = {"date": "a date as YYYY-MM-DD", "number": "a number", "integer": "a whole number",
                    "boolean": "true or false", "uri": "a web address (https://...)"}.get(kind, kind)
        reason = f"{cell!r} is not {expected}"
    elif error.type == "constraint-error" and cell in ("", None):
        reason = "a value is required here"
    elif error.type == "constraint-error":
        reason = f"{cell!r} breaks the rule {error.note}"
    else:
        reason = error.note or error.message
    return f"{', '.join(where)}: {reason}"


def _typed(frame: pd.DataFrame, schema: dict) -> pd.DataFrame:
    """Columns as Python values of their schema type: dates as dates, booleans as booleans."""
    import pandas as pd

    for spec in schema.get("fields", []):
        column = spec["name"]
        if column not in frame:
            continue
        kind = spec.get("type", "string")
        if kind == "date":
            frame[column] = [date.fromisoformat(v) if isinstance(v, str) and v else None for v in frame[column]]
        elif kind == "boolean":
            frame[column] = [None if v == "" else v == "true" for v in frame[column]]
        elif kind in ("number", "integer"):
            frame[column] = pd.to_numeric(frame[column])
            if kind == "integer":
                frame[column] = frame[column].astype(int)
    return frame


def _words(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise DescriptionError(f"{where} must be a list of words")
    return tuple(w.strip() for w in value)


def describe_table(name: str, spec: dict, path: Path) -> Description | None:
    """The `checking` property of a resource, validated against its schema; None for tables it does not describe
    (events, which rules read)."""
    checking = spec.get("checking")
    if checking is None:
        return None
    where = f"{path}: the description of '{name}'"
    if not isinstance(checking, dict):
        raise DescriptionError(f"{where} ('checking') must be an object")
    columns = {f.get("name") for f in spec.get("schema", {}).get("fields", [])}
    for column in LONG_SHAPE:
        if column not in columns:
            raise DescriptionError(f"{path}, column '{column}': the table has no '{column}' column, which every "
                                   "described table needs (entity, metric, period, value)")
    vintage = checking.get("vintage") or {}
    if not isinstance(vintage, dict):
        raise DescriptionError(f"{where}: 'vintage' must be an object naming its columns")
    for key in ("label", "date", "complete"):
        column = vintage.get(key)
        if column is not None and column not in columns:
            raise DescriptionError(f"{path}, column '{column}': the description names it as the vintage {key}, "
                                   "but the table has no such column")
    if not isinstance(vintage.get("later", True), bool):
        raise DescriptionError(f"{where}: 'vintage.later' must be true or false")
    entities = checking.get("entities") or {}
    if not isinstance(entities, dict):
        raise DescriptionError(f"{where}: 'entities' must be an object (singular, plural, words)")
    measures_spec = checking.get("measures")
    if not isinstance(measures_spec, dict) or not measures_spec:
        raise DescriptionError(f"{where} needs 'measures': each metric of the table with its label, unit and words")
    measures: dict[str, Measure] = {}
    for metric, item in measures_spec.items():
        at = f"{where}, measure '{metric}'"
        if not isinstance(item, dict):
            raise DescriptionError(f"{at} must be an object")
        for key in ("label", "unit"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise DescriptionError(f"{at} needs '{key}' (text)")
        period = item.get("period", "year")
        if period not in PERIODS:
            raise DescriptionError(f"{at}: 'period' is {period!r}; use one of {', '.join(PERIODS)}")
        kind = item.get("kind", "level")
        if kind not in KINDS:
            raise DescriptionError(f"{at}: 'kind' is {kind!r}; use one of {', '.join(KINDS)}")
        holds = item.get("holds", "")
        if holds not in ("", "until_changed"):
            raise DescriptionError(f"{at}: 'holds' is {holds!r}; the only choice is until_changed")
        prices = item.get("prices", "")
        if prices not in ("", *PRICES):
            raise DescriptionError(f"{at}: 'prices' is {prices!r}; use one of {', '.join(PRICES)}")
        measures[metric] = Measure(name, metric, item["label"].strip(), item["unit"].strip(),
                                   _words(item.get("words"), f"{at}: 'words'"),
                                   _words(item.get("context_words") or [], f"{at}: 'context_words'"), period, kind,
                                   holds, str(item.get("target_for") or ""), _count_of(item, kind, at), prices)
        over = measures[metric].counts.over if measures[metric].counts else ""
        if over and over not in columns:
            raise DescriptionError(f"{path}, column '{over}': the description counts over it, but the table has no "
                                   "such column")
    aggregates = _words(checking.get("aggregates") or [], f"{where}: 'aggregates'")
    return Description(
        publisher=str(checking.get("publisher") or spec.get("title") or name),
        singular=str(entities.get("singular") or "entity"), plural=str(entities.get("plural") or "entities"),
        group_words=_words(entities.get("words") or [entities.get("plural") or "entities"],
                           f"{where}: 'entities.words'"),
        aggregates=frozenset(aggregates), whole=_whole(checking, aggregates, where), measures=measures,
        vintage=vintage.get("label"), vintage_date=vintage.get("date"), complete=vintage.get("complete"),
        stale_after_years=_whole_years(checking.get("stale_after_years"), where), later=vintage.get("later", True),
        aliases=_aliases(entities.get("aliases"), f"{where}: 'entities.aliases'"))


def _aliases(value: object, where: str) -> tuple[tuple[str, str], ...]:
    """`{"Springfield Isotopes": ["Isotopes"]}`: the other names of a table's entities, as (form, entity) pairs."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise DescriptionError(f"{where} must map each entity to a list of its other names")
    return tuple((form, str(entity)) for entity, forms in value.items() for form in _words(forms, f"{where}.{entity}"))


def _whole(checking: dict, aggregates: tuple[str, ...], where: str) -> str | None:
    """Which total "payrolls rose by 217,000" is about when a table has several ("United States", "Total private")."""
    whole = checking.get("whole")
    if whole is None:
        return aggregates[0] if len(aggregates) == 1 else None
    if whole not in aggregates:
        raise DescriptionError(f"{where}: 'whole' must be one of the aggregates, not {whole!r}")
    return str(whole)


def _count_of(item: dict, kind: str, at: str) -> CountOf | None:
    spec = item.get("counts")
    if (spec is None) != (kind != "stated_count"):
        raise DescriptionError(f"{at}: a stated count needs 'counts' (measure, side, cutoff), and only a stated count "
                               "has it")
    if spec is None:
        return None
    if not isinstance(spec, dict) or not isinstance(spec.get("measure"), str) or spec.get("side") not in SIDES or (
            not isinstance(spec.get("cutoff"), int | float) or isinstance(spec.get("cutoff"), bool)):
        raise DescriptionError(f"{at}: 'counts' needs measure (a metric), side ({', '.join(SIDES)}) and cutoff "
                               "(a number); 'over' (optional) names a column")
    return CountOf(spec["measure"], spec["side"], float(spec["cutoff"]), str(spec.get("over") or ""))


def _linked(pack: ReferencePack, directory: Path) -> None:
    """A measure that names another (a target's level, a stated count's measure) must name one the pack has."""
    metrics = {metric for t in pack.tables.values() if t.description for metric in t.description.measures}
    for table in list(pack.tables.values()):
        for measure in table.description.measures.values() if table.description else ():
            named = measure.target_for or (measure.counts.measure if measure.counts else "")
            if named and named not in metrics:
                pack.errors.append(f"{directory / DESCRIPTOR}: the description of '{table.name}', measure "
                                   f"'{measure.metric}', names '{named}', which no described table measures; "
                                   "table refused")
                del pack.tables[table.name]
                break


def _whole_years(value: object, where: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise DescriptionError(f"{where}: 'stale_after_years' must be a whole number of years")
    return value


def _promised_metrics(frame: pd.DataFrame, description: Description, path: Path) -> None:
    """A described measure with no row is a promise the table does not keep."""
    present = set(frame["metric"])
    for metric in description.measures:
        if metric not in present:
            raise DescriptionError(f"{path}, column 'metric': the description promises '{metric}', "
                                   "but no row has it")


def load_reference(directory: Path | None = None) -> ReferencePack:
    """Every valid table of the pack; `errors` says what was refused and why."""
    directory = directory or reference_dir()
    pack = ReferencePack()
    descriptor_path = directory / DESCRIPTOR
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
        resources = descriptor["resources"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        pack.errors.append(f"{descriptor_path}: cannot be read as a data package descriptor ({error})")
        return pack
    import pandas as pd

    frictionless = _frictionless()
    for spec in resources:
        name, path = spec.get("name", "?"), directory / spec.get("path", "")
        if not path.is_file():
            pack.errors.append(f"{path}: table '{name}' is missing")
            continue
        with path.open("rb") as handle:
            lines = sum(1 for _ in handle)
        if lines - 1 > MAX_ROWS:
            pack.errors.append(f"{path}: {lines - 1:,} rows, more than the {MAX_ROWS:,} a reference table may "
                               "have; table refused (split it, or keep only the rows claims are checked against)")
            continue
        try:
            report = frictionless.Resource(spec, basepath=str(directory)).validate()
        except Exception as error:  # a descriptor frictionless cannot even open
            pack.errors.append(f"{path}: cannot be validated ({error})")
            continue
        problems = [e for task in report.tasks for e in task.errors] + list(report.errors)
        if problems:
            shown = [_describe(path, e, spec.get("schema", {})) for e in problems[:MAX_ERRORS_SHOWN]]
            more = len(problems) - len(shown)
            pack.errors.extend(shown + ([f"{path}: ... and {more} more problems; table refused"] if more else []))
            continue
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        try:
            description = describe_table(name, spec, path)
            if description is not None:
                _promised_metrics(frame, description, path)
        except DescriptionError as error:
            pack.errors.append(str(error))
            continue
        pack.tables[name] = ReferenceTable(name, path, spec.get("title", name), spec.get("sources", []),
                                           _typed(frame, spec.get("schema", {})), description)
    _linked(pack, directory)
    return pack
