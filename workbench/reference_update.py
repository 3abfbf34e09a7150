"""A new edition of a reference table, uploaded from the app: validated exactly as at load (the upload is put
in a copy of the reference folder and the whole pack loaded from there), compared with the table in use, and
the stored claims whose automatic verdict it would change listed, before anything is replaced. Confirming
replaces the file, logs the change in the store and re-checks the stored drafts, so that reviewed claims whose
automatic verdict moved are flagged to look at again."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from workbench import reference_dir
from workbench.check import check_text
from workbench.reference import ReferencePack, load_reference
from workbench.rules import RuleSet
from workbench.store import (
    ReferenceChange,
    documents,
    record_reference_change,
    save_check,
    stored_claims,
    stored_text,
)


@dataclass
class Proposal:
    """What replacing `table` with the upload would do; nothing is replaced until apply()."""

    table: str
    file_name: str
    data: bytes
    errors: list[str]  # why the upload is refused, as the loader says it; empty when it may be used
    added: pd.DataFrame  # rows in the upload and not in the table in use
    removed: pd.DataFrame  # rows in the table in use and not in the upload
    affected: list[dict]  # stored claims whose automatic verdict would change: document, claim, before, after
    pack: ReferencePack | None  # the pack as it would be, for the re-check on apply


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


def propose(conn: sqlite3.Connection, table: str, file_name: str, data: bytes, rules: RuleSet,
            directory: Path | None = None) -> Proposal:
    """Validate the upload as the new content of `table` and say what it would change."""
    directory = directory or reference_dir()
    current = load_reference(directory)
    if table not in current.tables:
        return Proposal(table, file_name, data, [f"no reference table named {table!r} is in use"],
                        pd.DataFrame(), pd.DataFrame(), [], None)
    in_use = current.tables[table].path
    with tempfile.TemporaryDirectory() as folder:
        staged = Path(folder) / "reference"
        shutil.copytree(directory, staged)
        upload = staged / in_use.relative_to(directory)
        upload.write_bytes(data)
        pack = load_reference(staged)
        known = {error.replace(str(directory), str(staged)) for error in current.errors}
        errors = [e.replace(str(upload), file_name).replace(str(staged), str(directory))
                  for e in pack.errors if e not in known]
        if errors or table not in pack.tables:
            return Proposal(table, file_name, data, errors or [f"{file_name}: refused"], pd.DataFrame(),
                            pd.DataFrame(), [], None)
        old, new = _rows(current.tables[table].frame), _rows(pack.tables[table].frame)
        for loaded in pack.tables.values():  # the staged folder goes away; the pack keeps the real paths
            loaded.path = directory / loaded.path.relative_to(staged)
    merged = old.merge(new, how="outer", indicator=True)
    added = merged[merged["_merge"] == "right_only"].drop(columns="_merge")
    removed = merged[merged["_merge"] == "left_only"].drop(columns="_merge")
    return Proposal(table, file_name, data, [], added, removed, _changes(conn, pack, rules), pack)


def apply(conn: sqlite3.Connection, proposal: Proposal, actor: str, rules: RuleSet,
          directory: Path | None = None) -> int:
    """Replace the table's file with the upload, log it, and re-check every stored draft under the new data;
    returns how many reviewed claims are now flagged to look at again."""
    if proposal.errors or proposal.pack is None:
        raise ValueError("a refused upload cannot be applied")
    directory = directory or reference_dir()
    target = proposal.pack.tables[proposal.table].path
    before = target.read_bytes()
    record_reference_change(conn, ReferenceChange(
        actor, datetime.now(UTC).isoformat(timespec="microseconds"), proposal.table, proposal.file_name,
        _digest(before), _digest(proposal.data), len(proposal.added), len(proposal.removed)))
    partial = target.with_name(target.name + ".uploading")
    partial.write_bytes(proposal.data)
    partial.replace(target)  # atomic: readers see the old file or the new one, never half of it
    flagged = 0
    for draft in documents(conn):
        pub_date = date.fromisoformat(draft.pub_date)
        text = stored_text(conn, draft.name)
        flagged += save_check(conn, draft.name, text, pub_date, check_text(text, pub_date, proposal.pack, rules),
                              title=draft.title)["look_again"]
    return flagged
