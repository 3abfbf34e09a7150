"""Reference data: the tidy tables of reference_data/, validated against their Frictionless descriptor.

A table that breaks its schema is refused with file, row and column named; the other tables still
load. Every table keeps its sources, and every row its own source_url and source_title.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

import pandas as pd

from workbench import reference_dir

DESCRIPTOR = "datapackage.json"
MAX_ERRORS_SHOWN = 5
MAX_ROWS = 200_000  # reference tables are curated facts; a table this large is refused before validation


@dataclass
class ReferenceTable:
    name: str
    path: Path
    title: str
    sources: list[dict]
    frame: pd.DataFrame

    @cached_property
    def rows(self) -> list[dict]:
        """The rows as plain dicts (with "_line", the row's line in the CSV file): the checker filters
        these many times per draft, far faster than indexing the frame."""
        return [{**row, "_line": index + 2} for index, row in zip(self.frame.index, self.frame.to_dict("records"),
                                                                  strict=True)]


@dataclass
class ReferencePack:
    tables: dict[str, ReferenceTable] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # one line each, naming the file, row and column

    def rows(self, name: str) -> list[dict] | None:
        found = self.tables.get(name)
        return None if found is None else found.rows


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
        pack.tables[name] = ReferenceTable(name, path, spec.get("title", name), spec.get("sources", []),
                                           _typed(frame, spec.get("schema", {})))
    return pack
