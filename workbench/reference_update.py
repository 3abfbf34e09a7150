"""Reference data changed from the app: a new edition of a table, or a new table with its description. The files
are put in a copy of the reference folder and the whole pack loaded from there, so an upload is validated exactly
as at load; it is compared with the table in use, and the stored claims whose automatic verdict it would change
are listed, before anything is written. Confirming writes the files, logs the change in the store and re-checks
the stored drafts, so that reviewed claims whose automatic verdict moved are flagged to look at again."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from workbench import reference_dir
from workbench.check import check_text
from workbench.reference import DESCRIPTOR, PERIODS, ReferencePack, load_reference
from workbench.rules import RuleSet
from workbench.store import (
    ReferenceChange,
    documents,
    record_reference_change,
    save_check,
    stored_claims,
    stored_text,
)

TABLE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
METRIC = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
PERIOD_PATTERNS = {"year": r"^[0-9]{4}$", "quarter": r"^[0-9]{4}-Q[1-4]$", "month": r"^[0-9]{4}-(0[1-9]|1[0-2])$"}
DAY_OR_MONTH = r"^[0-9]{4}-(0[1-9]|1[0-2])(-[0-3][0-9])?$"  # what reference.published_by reads


@dataclass
class Proposal:
    """What writing the upload would do; nothing is written until apply()."""

    table: str
    file_name: str  # the uploaded file's own name
    files: dict[str, bytes]  # what would be written, by path inside the reference folder
    errors: list[str]  # why the upload is refused, as the loader says it; empty when it may be used
    added: pd.DataFrame  # rows in the upload and not in the table in use
    removed: pd.DataFrame  # rows in the table in use and not in the upload
    affected: list[dict]  # stored claims whose automatic verdict would change: document, claim, before, after
    pack: ReferencePack | None  # the pack as it would be, for the re-check on apply
    before: dict[str, str] = field(default_factory=dict)  # the files' hashes when checked ("" for a new file)
    resource: dict | None = None  # a new table's descriptor entry; None for an edition


@dataclass(frozen=True)
class NewTable:
    """What a new table's description needs (reference_data/README.md), as the app's form asks for it."""

    name: str  # the table's id, also its file name
    title: str
    source_title: str  # the primary source: who published the figures, and where a reviewer opens them
    source_url: str
    entity_column: str  # the upload's columns for who, when and the figure
    period_column: str
    value_column: str
    metric: str  # the measure's short id
    label: str  # how explanations name the measure
    unit: str  # as the extractor names units: percent, count, USD...
    words: tuple[str, ...]  # what news copy calls the measure
    period: str = "year"
    context_words: tuple[str, ...] = ()
    publisher: str = ""
    singular: str = "entity"
    plural: str = "entities"
    entity_words: tuple[str, ...] = ()  # what news copy counts the entities by ("countries")
    edition_column: str = ""  # optional: the edition a row belongs to, and the day or month it was published
    edition_date_column: str = ""
    retrieved_from: str = ""  # where the figures were read, when not at the primary source itself


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _rows(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype("string").fillna("")


def _changes(conn: sqlite3.Connection, pack: ReferencePack, rules: RuleSet) -> list[dict]:
    """Stored claims (drafts not deleted) whose automatic verdict differs under `pack`."""
    changed = []
    for draft in documents(conn):
        stored = {c.claim_id: c for c in stored_claims(conn, document=draft.name)}
        for item in check_text(stored_text(conn, draft.name), date.fromisoformat(draft.pub_date), pack, rules):
            record = item.to_record(draft.name)
            before = stored.get(record["claim_id"])
            if before is not None and before.auto_verdict != record["verdict"]:
                changed.append({"document": draft.title, "claim": record["text"], "sentence": record["sentence"],
                                "before": before.auto_verdict, "after": record["verdict"],
                                "reviewed": before.reviewer is not None})
    return changed


def _refused(table: str, file_name: str, errors: list[str], resource: dict | None = None) -> Proposal:
    return Proposal(table, file_name, {}, errors, pd.DataFrame(), pd.DataFrame(), [], None, resource=resource)


def _stage(conn: sqlite3.Connection, table: str, file_name: str, files: dict[str, bytes], rules: RuleSet,
           directory: Path, current: ReferencePack, resource: dict | None = None,
           renamed: dict[str, str] | None = None) -> Proposal:
    """Write `files` into a copy of the reference folder, load the pack from there and say what would change.
    Errors name the upload, and the upload's own column where one was renamed (`renamed`: new name -> upload's)."""
    with tempfile.TemporaryDirectory() as folder:
        staged = Path(folder) / "reference"
        shutil.copytree(directory, staged)
        for relative, data in files.items():
            (staged / relative).write_bytes(data)
        pack = load_reference(staged)
        known = {error.replace(str(directory), str(staged)) for error in current.errors}
        table_path = str(staged / Path(next(iter(files))))
        errors = [e.replace(table_path, file_name).replace(str(staged), str(directory))
                  for e in pack.errors if e not in known]
        for new, old in (renamed or {}).items():
            errors = [e.replace(f"column '{new}'", f"column '{new}' (the upload's '{old}')") for e in errors]
        if errors or table not in pack.tables:
            return _refused(table, file_name, errors or [f"{file_name}: refused"], resource)
        old_rows = _rows(current.tables[table].frame) if table in current.tables else None
        new_rows = _rows(pack.tables[table].frame)
        for loaded in pack.tables.values():  # the staged folder goes away; the pack keeps the real paths
            loaded.path = directory / loaded.path.relative_to(staged)
    before = {relative: _digest(path.read_bytes()) if (path := directory / relative).is_file() else ""
              for relative in files}
    if old_rows is None:
        added, removed = new_rows, new_rows.iloc[0:0]
    else:
        merged = old_rows.merge(new_rows, how="outer", indicator=True)
        added = merged[merged["_merge"] == "right_only"].drop(columns="_merge")
        removed = merged[merged["_merge"] == "left_only"].drop(columns="_merge")
    return Proposal(table, file_name, files, [], added, removed, _changes(conn, pack, rules), pack, before, resource)


def propose(conn: sqlite3.Connection, table: str, file_name: str, data: bytes, rules: RuleSet,
            directory: Path | None = None) -> Proposal:
    """Validate the upload as the new edition (the whole new content) of `table` and say what it would change."""
    directory = directory or reference_dir()
    current = load_reference(directory)
    if table not in current.tables:
        return _refused(table, file_name, [f"no reference table named {table!r} is in use"])
    relative = str(current.tables[table].path.relative_to(directory))
    return _stage(conn, table, file_name, {relative: data}, rules, directory, current)


def propose_table(conn: sqlite3.Connection, form: NewTable, file_name: str, data: bytes, rules: RuleSet,
                  directory: Path | None = None) -> Proposal:
    """Validate the upload as a new table described by `form` and say what it would change. The upload's columns
    for who, when and the figure are renamed to the pack's long shape (entity, period, value), the measure's id and
    unit are written on every row, and its other columns are kept as text."""
    directory = directory or reference_dir()
    current = load_reference(directory)
    problems = _form_problems(form, directory)
    if problems:
        return _refused(form.name, file_name, problems)
    try:
        upload = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8")
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as error:
        return _refused(form.name, file_name, [f"{file_name}: cannot be read as a UTF-8 CSV table ({error})"])
    frame, renamed, problems = _long_shape(upload, form, file_name)
    if problems:
        return _refused(form.name, file_name, problems)
    resource = _resource(form, frame)
    package = json.loads((directory / DESCRIPTOR).read_text(encoding="utf-8"))
    package["resources"].append(resource)
    files = {resource["path"]: frame.to_csv(index=False, lineterminator="\n").encode("utf-8"),
             DESCRIPTOR: (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")}
    return _stage(conn, form.name, file_name, files, rules, directory, current, resource, renamed)


def _form_problems(form: NewTable, directory: Path) -> list[str]:
    """What the form lacks before the upload is worth validating."""
    problems = []
    if not TABLE_NAME.match(form.name):
        problems.append(f"table name {form.name!r}: use lower-case letters, digits and _ (starting with a letter)")
    else:
        package = json.loads((directory / DESCRIPTOR).read_text(encoding="utf-8"))
        if any(r.get("name") == form.name for r in package.get("resources", [])) or (
                directory / f"{form.name}.csv").exists():
            problems.append(f"a table named {form.name!r} exists already: upload a new edition of it instead")
    if not METRIC.match(form.metric):
        problems.append(f"measure id {form.metric!r}: use lower-case letters, digits and _ (starting with a letter)")
    if not form.source_url.startswith(("https://", "http://")):
        problems.append("the source needs a web address (https://...) a reviewer can open")
    for what, value in (("title", form.title), ("source title", form.source_title), ("measure label", form.label),
                        ("unit", form.unit)):
        if not value.strip():
            problems.append(f"the {what} is required")
    if not form.words:
        problems.append("name the measure as news copy calls it (at least one word or phrase)")
    if form.period not in PERIODS:
        problems.append(f"period {form.period!r}: use one of {', '.join(PERIODS)}")
    return problems


def _long_shape(upload: pd.DataFrame, form: NewTable, file_name: str) -> tuple[pd.DataFrame, dict[str, str],
                                                                                list[str]]:
    """The upload in the pack's long shape, the renamed columns (new -> upload's), and what stops it."""
    mapped = {"entity": form.entity_column, "period": form.period_column, "value": form.value_column}
    chosen = [c for c in mapped.values() if c]
    problems = [f"{file_name}: has no column {c!r}" for c in chosen if c not in upload.columns]
    if len(set(chosen)) < 3:
        problems.append("choose three different columns for who, when and the figure")
    for optional in (form.edition_column, form.edition_date_column):
        if optional and optional not in upload.columns:
            problems.append(f"{file_name}: has no column {optional!r}")
    kept = [c for c in upload.columns if c not in chosen]
    clashes = [c for c in kept if c in ("entity", "metric", "period", "value", "unit")]
    problems += [f"{file_name}: column {c!r} is a name the table's own columns take; rename it" for c in clashes]
    if upload.empty:
        problems.append(f"{file_name}: has no rows")
    if problems:
        return upload, {}, problems
    frame = pd.DataFrame({"entity": upload[form.entity_column], "metric": form.metric,
                          "period": upload[form.period_column], "value": upload[form.value_column],
                          "unit": form.unit.strip()})
    for column in kept:
        frame[column] = upload[column]
    if form.retrieved_from.strip() and "retrieved_from" not in frame:
        frame["retrieved_from"] = form.retrieved_from.strip()
    return frame, {new: old for new, old in mapped.items() if new != old}, []


def _resource(form: NewTable, frame: pd.DataFrame) -> dict:
    """The descriptor entry: the Frictionless schema the rows are validated against, the source, and the checking
    description that makes the table a topic."""
    fields = [{"name": "entity", "type": "string", "constraints": {"required": True}},
              {"name": "metric", "type": "string", "constraints": {"required": True, "enum": [form.metric]}},
              {"name": "period", "type": "string",
               "constraints": {"required": True, "pattern": PERIOD_PATTERNS[form.period]}},
              {"name": "value", "type": "number", "constraints": {"required": True}},
              {"name": "unit", "type": "string", "constraints": {"enum": [form.unit.strip()]}}]
    for column in frame.columns.drop([f["name"] for f in fields]):
        spec: dict = {"name": column, "type": "string"}
        if column == form.edition_date_column:
            spec["constraints"] = {"required": True, "pattern": DAY_OR_MONTH}
        fields.append(spec)
    measure = {"label": form.label.strip(), "unit": form.unit.strip(), "period": form.period,
               "words": list(form.words)}
    if form.context_words:
        measure["context_words"] = list(form.context_words)
    checking: dict = {"publisher": form.publisher.strip() or form.source_title.strip(),
                      "entities": {"singular": form.singular.strip() or "entity",
                                   "plural": form.plural.strip() or "entities",
                                   "words": list(form.entity_words) or [form.plural.strip() or "entities"]},
                      "measures": {form.metric: measure}}
    if form.edition_column:
        checking["vintage"] = {"label": form.edition_column, **(
            {"date": form.edition_date_column} if form.edition_date_column else {})}
    return {"name": form.name, "path": f"{form.name}.csv", "title": form.title.strip(), "format": "csv",
            "encoding": "utf-8", "sources": [{"title": form.source_title.strip(), "path": form.source_url.strip()}],
            "schema": {"fields": fields}, "checking": checking}


def apply(conn: sqlite3.Connection, proposal: Proposal, actor: str, rules: RuleSet,
          directory: Path | None = None) -> int:
    """Write the upload's files, log the change, and re-check every stored draft under the new data; returns how
    many reviewed claims are now flagged to look at again. Refused if a file changed since the upload was checked."""
    if proposal.errors or proposal.pack is None:
        raise ValueError("a refused upload cannot be applied")
    directory = directory or reference_dir()
    for relative, digest in proposal.before.items():
        path = directory / relative
        if (_digest(path.read_bytes()) if path.is_file() else "") != digest:
            raise ValueError(f"{relative} changed since the upload was checked: check the upload again")
    table_file = next(iter(proposal.files))
    record_reference_change(conn, ReferenceChange(
        actor, datetime.now(UTC).isoformat(timespec="microseconds"), proposal.table, proposal.file_name,
        proposal.before[table_file], _digest(proposal.files[table_file]), len(proposal.added), len(proposal.removed),
        "new table" if proposal.resource else "edition",
        json.dumps(proposal.resource, ensure_ascii=False) if proposal.resource else ""))
    for relative, data in proposal.files.items():  # the table first: the descriptor then names a file that is there
        target = directory / relative
        partial = target.with_name(target.name + ".uploading")
        partial.write_bytes(data)
        partial.replace(target)  # atomic: readers see the old file or the new one, never half of it
    flagged = 0
    for draft in documents(conn):
        pub_date = date.fromisoformat(draft.pub_date)
        text = stored_text(conn, draft.name)
        flagged += save_check(conn, draft.name, text, pub_date, check_text(text, pub_date, proposal.pack, rules),
                              title=draft.title)["look_again"]
    return flagged
